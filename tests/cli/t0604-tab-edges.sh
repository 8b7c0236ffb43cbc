#!/bin/sh
# t0604: edge cases of survey tab — an empty column, a 1xK table, all cases in one cell, a
# filter that keeps nothing, Fisher's Monte Carlo test (said so, seeded), JSON without NaN.
. tests/lib.sh
. tests/fixtures/analysis/lib.sh

an_db hair hair.md hair.csv
strict() { # the output is one JSON document without NaN or Infinity
	python3 -c 'import json,sys
def bad(x): raise ValueError("not JSON: " + x)
json.load(open(sys.argv[1]), parse_constant=bad)' "$TMP/out" 2>"$TMP/jerr"
	if [ $? -eq 0 ]; then ok "$1: strict JSON"; else not_ok "$1: $(cat "$TMP/jerr")"; fi
}

run "$SURVEY" tab "$TMP/hair.db" hair eye --where "\${eye} != 'green'" --format json
expect_rc 0 "a column emptied by --where"
an_json "d['tables'][0]['col_values']" "['brown', 'blue', 'hazel']" "the empty column is left out"
an_json "d['tables'][0]['notes'][1]" "empty column left out: 'green'" "with a note"
an_json "d['tables'][0]['stats']['pearson_chi2']['df']" "6" "df counts the columns left"

run "$SURVEY" tab "$TMP/hair.db" hair eye --where "\${hair} = 'red'" --format json
expect_rc 0 "a 1x4 table"
strict "1x4"
an_json "d['tables'][0]['counts']" "[[26, 17, 14, 14]]" "its counts"
an_json "d['tables'][0]['stats']['pearson_chi2']" "{'value': None, 'df': None, 'p': None, 'why': 'table has fewer than two non-empty rows'}" "chi-square: null with the reason"
an_json "d['tables'][0]['stats']['gamma']['value']" "None" "gamma: null"
run "$SURVEY" tab "$TMP/hair.db" hair eye --where "\${hair} = 'red'"
expect_rc 0 "1x4 as text"
expect_out '^no statistic: table has fewer than two non-empty rows$' "text says why"

run "$SURVEY" tab "$TMP/hair.db" hair eye --where "\${hair} = 'red' and \${eye} = 'green'" --format json
expect_rc 0 "all cases in one cell"
strict "one cell"
an_json "(d['tables'][0]['n'], d['tables'][0]['counts'])" "(14, [[14]])" "a 1x1 table of 14"
an_json "sorted(set(str(v.get('value', v.get('p'))) for v in d['tables'][0]['stats'].values()))" "['None']" "no statistic"

run "$SURVEY" tab "$TMP/hair.db" hair eye --where "\${hair} = 'purple'" --format json
expect_rc 0 "a filter that keeps nothing is not an error"
strict "nothing kept"
an_json "(len(d['tables']), d['tables'][0]['n'], d['tables'][0]['counts'])" "(1, 0, [])" "one empty table"
an_json "d['warnings']" "['no interview to tabulate (--where keeps none)']" "with a warning"
run "$SURVEY" tab "$TMP/hair.db" hair eye --where "\${hair} = 'purple'"
expect_rc 0 "text"
expect_out '^warning: no interview to tabulate' "text says so"

run "$SURVEY" tab "$TMP/hair.db" hair eye --stats fisher_exact --format json
expect_rc 0 "Fisher's test of a 4x4 table of 592"
an_json "d['tables'][0]['stats']['fisher_exact']['method']" "monte-carlo" "is a Monte Carlo estimate, and says so"
an_json "(d['tables'][0]['stats']['fisher_exact']['p'] <= 1.0 / 2001 + 1e-15, d['tables'][0]['stats']['fisher_exact']['samples'])" "(True, 2000)" "p at its floor 1 / (B + 1), B = 2000 as R's default (R's estimate: 1e-5 with B = 1e5)"
an_json "[k for k in d['tables'][0]['stats']]" "['fisher_exact']" "--stats keeps only what was asked"
an_json "'Monte Carlo' in d['tables'][0]['notes'][1]" "True" "a note says how p was found"
run "$SURVEY" tab "$TMP/hair.db" hair sex --stats fisher_exact --format json --seed 7
cp "$TMP/out" "$TMP/a.json"
run "$SURVEY" tab "$TMP/hair.db" hair sex --stats fisher_exact --format json --seed 7
if cmp -s "$TMP/out" "$TMP/a.json"; then ok "the same seed gives the same output"; else not_ok "the same seed gives the same output"; fi
run "$SURVEY" tab "$TMP/hair.db" hair eye --stats none --format json
an_json "d['tables'][0]['stats']" "{}" "--stats none"
run "$SURVEY" tab "$TMP/hair.db" hair eye --cells row_pct,adj_residual --format json
strict "cells"
an_json "sorted(d['tables'][0]['cells'])" "['adj_residual', 'row_pct']" "--cells adds the asked matrices"
an_json "round(sum(d['tables'][0]['cells']['row_pct'][0]), 9)" "100.0" "row percents add up to 100"
done_testing
