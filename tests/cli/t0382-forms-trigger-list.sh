# t0382-forms-trigger-list: a trigger cell that names several questions (${a},${b}, as pyxform
# accepts it) in .md, .csv, .xlsx and .xls: check accepts it, simulate sets the calculation
# again on a change of any of them (a trigger on the first alone keeps the value it had then),
# export and import give the answers back; a list that is not ${a},${b} is one error line.
. tests/lib.sh
. tests/cli/xls-lib.sh
F=tests/fixtures/forms/trigger-list
ANSWERS="SELECT a.uuid, a.path, coalesce(a.value, '~'), a.state FROM answers a
	JOIN interviews i USING (uuid) WHERE i.status = 'complete' AND a.state != 'skipped'
	AND NOT (a.state = 'answered' AND a.value IS NULL) ORDER BY 1, 2"
"$PY" tests/fixtures/forms/gen_xls.py $F.md "$TMP/trigger-list.xls" || not_ok "gen_xls"
for form in $F.md $F.csv $F.xlsx "$TMP/trigger-list.xls"; do
	b=$(basename "$form")
	run "$SURVEY" check "$form"
	expect_rc 0 "$b: check accepts \${village}, \${people} and \${village},\${people}"
	run "$SURVEY" simulate "$form" -n 20 --seed 9 --db "$TMP/$b.db" --quiet
	expect_rc 0 "$b: simulate"
	q() { sqlite3 "$TMP/$b.db" "$1"; }
	v="(SELECT coalesce(value, '') FROM answers WHERE uuid = i.uuid AND path = 'village')"
	p="(SELECT coalesce(value, '') FROM answers WHERE uuid = i.uuid AND path = 'people')"
	s() { echo "(SELECT coalesce(value, '') FROM answers WHERE uuid = i.uuid AND path = '$1')"; }
	expect_eq "$(q "SELECT count(*) FROM interviews i WHERE $(s summary) != $v || ': ' || $p")" 0 \
		"$b: the summary follows both triggers"
	n=$(q "SELECT count(*) FROM interviews i WHERE $p != '' AND $(s first_only) = $v || ': '")
	[ "$n" -gt 0 ] && ok "$b: a trigger on the village alone kept the value before people ($n)" ||
		not_ok "$b: first_only followed people too"
	sqlite3 "$TMP/$b.db" "$ANSWERS" >"$TMP/$b.answers"
	[ "$form" = $F.md ] || { cmp -s "$TMP/trigger-list.md.answers" "$TMP/$b.answers" &&
		ok "$b: the same answers as the .md" || not_ok "$b: answers differ from the .md"; }
	run "$SURVEY" export "$TMP/$b.db" -o "$TMP/$b.csv"
	expect_rc 0 "$b: export"
	run "$SURVEY" import "$form" "$TMP/$b.csv" --db "$TMP/$b-back.db"
	expect_rc 0 "$b: import back"
	sqlite3 "$TMP/$b-back.db" "$ANSWERS" | cmp -s "$TMP/$b.answers" - &&
		ok "$b: the same answers after import" || not_ok "$b: answers differ after import"
done

for t in '${a} ${b}|unexpected' '${a},,|trigger must name questions, as \$\{name\} or \$\{a\},\$\{b\}' \
	'${a},b|trigger must name questions'; do
	printf '| survey |\n| | type | name | label | calculation | trigger |\n| | text | a | A | | |\n| | text | b | B | | |\n| | calculate | c | | 1 | %s |\n' "${t%%|*}" >"$TMP/bad.md"
	run "$SURVEY" check "$TMP/bad.md"
	expect_rc 1 "trigger '${t%%|*}' refused"
	expect_err_lines 1 "trigger '${t%%|*}': one line"
	expect_err "bad\.md:survey:5: error: trigger: ${t#*|}" "trigger '${t%%|*}': the message"
done
done_testing
