#!/bin/sh
# t0606: the three formats — text with labels in the chosen language aligned by display width
# (Cyrillic, Kyrgyz), JSON as one document, CSV with codes — on the fixtures and on interviews
# of the shipped questionnaire, whose counts must equal SQLite's own GROUP BY.
. tests/lib.sh
. tests/fixtures/analysis/lib.sh

aligned() { # every line between the rules of the first table is as wide as the rules
	python3 - "$TMP/out" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
rules = [i for i, l in enumerate(lines) if l and set(l) == {"-"}]
a, b = rules[0], rules[1]
widths = {len(l) for l in lines[a:b + 1] if l.strip()}
sys.exit(0 if len(widths) == 1 else 1)
PY
	if [ $? -eq 0 ]; then ok "$1"; else not_ok "$1: $(head -c 800 "$TMP/out")"; fi
}

an_db hair hair.md hair.csv
run "$SURVEY" tab "$TMP/hair.db" hair eye --lang ru --cells count,col_pct
expect_rc 0 "text in Russian"
expect_out '^rows: Цвет волос$' "the question's label"
expect_out '^Каштановые +count +119 +84 +54 +29 +286$' "choice labels in Russian"
expect_out '^Pearson chi-square +138\.290 +9 +2\.33e-25$' "the statistics block"
aligned "columns line up under Cyrillic labels"
run "$SURVEY" tab "$TMP/hair.db" hair eye --lang en
expect_out '^Brown +119 +84 +54 +29 +286$' "labels in English"

run "$SURVEY" tab "$TMP/hair.db" hair eye --format csv --cells count,row_pct --stats pearson_chi2
expect_rc 0 "csv"
expect_out '^layer,row,col,measure,value$' "csv header"
expect_out '^,brown,blue,count,84$' "a count, by codes"
expect_out '^,brown,blue,row_pct,29\.37062937062937' "a row percent"
expect_out '^,,,pearson_chi2\.p,2\.325286787098[0-9]*e-25$' "a statistic"
n=$(grep -c . "$TMP/out")
expect_eq "$n" 36 "one line per cell and measure, 3 for the statistic, 1 header"

# the shipped questionnaire: Kyrgyz labels, counts as SQLite counts them
"$SURVEY" simulate "$TOP/surveys/covid19-lsg.md" -n 150 --db "$TMP/lsg.db" --seed 5 >/dev/null 2>&1
run "$SURVEY" tab "$TMP/lsg.db" oblast municipality_type --lang ky
expect_rc 0 "tab of the shipped survey in Kyrgyz"
expect_out '^Ысык-Көл облусу +[0-9]+ +[0-9]+ +[0-9]+$' "Kyrgyz labels"
aligned "columns line up under Kyrgyz labels"
run "$SURVEY" tab "$TMP/lsg.db" oblast main_problem --format json --stats none
expect_rc 0 "json"
sqlite3 -csv "$TMP/lsg.db" "SELECT r.value, c.value, count(*) FROM interviews i
	JOIN answers r ON r.uuid = i.uuid AND r.path = 'respondent/oblast' AND r.state = 'answered'
	JOIN answers c ON c.uuid = i.uuid AND c.path = 'problems_section/main_problem' AND c.state = 'answered'
	WHERE i.status = 'complete' GROUP BY 1, 2" >"$TMP/sql.csv"
python3 - "$TMP/out" "$TMP/sql.csv" >"$TMP/cmp" 2>&1 <<'PY'
import csv, json, sys
t = json.load(open(sys.argv[1]))["tables"][0]
got = {(r, c): t["counts"][i][j] for i, r in enumerate(t["row_values"])
       for j, c in enumerate(t["col_values"]) if t["counts"][i][j]}
want = {(a, b): int(n) for a, b, n in csv.reader(open(sys.argv[2]))}
print(len(want), "cells")
sys.exit(0 if got == want and want else 1)
PY
if [ $? -eq 0 ]; then ok "counts equal SQLite's GROUP BY ($(cat "$TMP/cmp"))"; else not_ok "counts differ from SQLite's: $(cat "$TMP/cmp")"; fi
run "$SURVEY" freq "$TMP/lsg.db" oblast problems population --lang ru
expect_rc 0 "freq of the shipped survey"
aligned "freq columns line up"
done_testing
