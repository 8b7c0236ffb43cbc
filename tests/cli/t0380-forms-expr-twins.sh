# t0380-forms-expr-twins: the expression features of real ODK forms — relative paths, current(),
# position(..), indexed-repeat(), once(), random(), uuid() (expr-paths), ${last-saved#q}
# (last-saved) and the rest of ODK's XPath function list (functions) — each read from its .md,
# .csv and .xlsx twins (committed) and .xls (written here): check accepts all four, simulate
# with one seed gives the same answers from every format, export and import give them back,
# and the function results are the known ones.
. tests/lib.sh
. tests/cli/xls-lib.sh
D=tests/fixtures/forms
ANSWERS="SELECT a.uuid, a.path, coalesce(a.value, '~'), a.state FROM answers a
	JOIN interviews i USING (uuid) WHERE i.status = 'complete' AND a.state != 'skipped'
	AND NOT (a.state = 'answered' AND a.value IS NULL) ORDER BY 1, 2"

for fn in expr-paths last-saved functions; do
	"$PY" $D/gen_xls.py "$D/$fn.md" "$TMP/$fn.xls" || not_ok "gen_xls $fn"
	for form in "$D/$fn.md" "$D/$fn.csv" "$D/$fn.xlsx" "$TMP/$fn.xls"; do
		b=$(basename "$form")
		run "$SURVEY" check "$form"
		expect_rc 0 "$b: check"
		expect_err_lines 0 "$b: no warning"
		run "$SURVEY" simulate "$form" -n 12 --seed 7 --db "$TMP/$b.db" --quiet
		expect_rc 0 "$b: simulate"
		sqlite3 "$TMP/$b.db" "$ANSWERS" >"$TMP/$b.answers"
		if [ "$form" != "$D/$fn.md" ]; then
			cmp -s "$TMP/$fn.md.answers" "$TMP/$b.answers" &&
				ok "$b: the same $(wc -l <"$TMP/$b.answers") answers as the .md" ||
				not_ok "$b: answers differ from the .md: $(diff "$TMP/$fn.md.answers" "$TMP/$b.answers" | head -4)"
		fi
		run "$SURVEY" export "$TMP/$b.db" -o "$TMP/$b.csv"
		expect_rc 0 "$b: export"
		run "$SURVEY" import "$form" "$TMP/$b.csv" --db "$TMP/$b-back.db"
		expect_rc 0 "$b: import back"
		sqlite3 "$TMP/$b-back.db" "$ANSWERS" >"$TMP/$b.back"
		cmp -s "$TMP/$b.answers" "$TMP/$b.back" && ok "$b: the same answers after import" ||
			not_ok "$b: answers differ after import: $(diff "$TMP/$b.answers" "$TMP/$b.back" | head -4)"
	done
done

# the known results (the same in every format, as compared above)
v() { sqlite3 "$TMP/functions.xlsx.db" "SELECT DISTINCT value FROM answers WHERE path = '$1'"; }
expect_eq "$(v strings)" "abABCx y5elell12" "substring-before/-after, translate, normalize-space, string-length, substr, substring, string"
expect_eq "$(v tests)" "truetruetruetruetruetruetruetrue" "starts-with, ends-with, contains, boolean-from-string, not, boolean, true, regex"
expect_eq "$(v numbers)" "2 3 -2 3 2.6 4 5 2" "floor, ceiling, int, abs, round, number, max, min"
expect_eq "$(v digests)" "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad hello" "digest (SHA-256), base64-decode"
expect_eq "$(v checks)" "true true" "checklist, weighted-checklist"
expect_eq "$(v dates)" "05.03.2024 0.5 2024-03-05 1" "format-date, date, decimal-time, decimal-date-time"
expect_eq "$(v geo)" "111 124" "distance (km) and area (ha)"
db=$TMP/functions.xls.db
q() { sqlite3 "$db" "$1"; }
expect_eq "$(q "SELECT count(*) FROM answers k JOIN answers m ON m.uuid = k.uuid AND m.path = 'k_math'
	WHERE k.path = 'k' AND k.state = 'answered' AND cast(m.value AS real) != k.value * k.value + k.value")" 0 \
	"pow, sqrt, exp, log, tan, asin, acos, atan on the number answered"
expect_eq "$(q "SELECT count(*) FROM answers f JOIN answers n ON n.uuid = f.uuid AND n.path = 'fruit_n'
	JOIN answers j ON j.uuid = f.uuid AND j.path = 'fruit_joined'
	WHERE f.path = 'fruit' AND f.state = 'answered' AND (n.value != length(f.value) - length(replace(f.value, ' ', '')) + 1
	OR j.value != f.value)")" 0 \
	"count-selected() of the fruit chosen; join() of one node is its value, as in ODK"
expect_eq "$(q "SELECT count(*) FROM answers f JOIN answers a ON a.uuid = f.uuid AND a.path = 'has_apple'
	JOIN answers s ON s.uuid = f.uuid AND s.path = 'fruit_first'
	WHERE f.path = 'fruit' AND f.state = 'answered' AND (a.value != CASE WHEN ' ' || f.value || ' ' LIKE '% apple %'
	THEN 'yes' ELSE 'no' END OR s.value != substr(f.value || ' ', 1, instr(f.value || ' ', ' ') - 1))")" 0 \
	"selected() and selected-at() of the fruit chosen"
expect_eq "$(q "SELECT count(*) FROM answers l JOIN answers n ON n.uuid = l.uuid AND n.path = 'liked_label'
	WHERE l.path = 'liked' AND l.state = 'answered' AND n.value != CASE l.value WHEN 'yes' THEN 'Yes' ELSE 'No' END")" 0 \
	"jr:choice-name() is the choice's label"
# last-saved: each interview sees the one saved before it, from every format
rows=$(sqlite3 "$TMP/last-saved.csv.db" "SELECT (SELECT value FROM answers WHERE uuid = i.uuid AND path = 'village'),
	(SELECT value FROM answers WHERE uuid = i.uuid AND path = 'prev') FROM interviews i ORDER BY created, uuid")
expect_eq "$(echo "$rows" | awk -F'|' 'NR == 1 { if ($2 != "none") print "first: " $0 }
	NR > 1 && $2 != v { print NR ": " $0 } { v = $1 }')" "" "last-saved: every interview sees the previous one's village"
done_testing
