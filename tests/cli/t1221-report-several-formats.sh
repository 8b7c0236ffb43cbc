# t1221-report-several-formats: -o given for each format writes the report computed once in
# every one of them, each file the same bytes as a run for that format alone; the same file
# twice (under two names) and a fourth -o are refused, nothing written.
. tests/lib.sh
SPEC=reports/covid19-lsg/report.md
export SOURCE_DATE_EPOCH=1700000000

run "$SURVEY" simulate surveys/covid19-lsg.md -n 80 --db "$TMP/sim.db" --seed 4 --quiet
expect_rc 0 "simulate"
for f in html md xlsx; do
	run "$SURVEY" report "$TMP/sim.db" "$SPEC" -o "$TMP/one.$f" --lang en -q
	expect_rc 0 "report as $f alone"
done
run "$SURVEY" report "$TMP/sim.db" "$SPEC" -o "$TMP/all.html" -o "$TMP/all.md" \
	-o "$TMP/all.xlsx" --lang en
expect_rc 0 "report in three formats at once"
expect_out "wrote '.*/all\.html': [0-9]+ tables in en" "the HTML file said"
expect_out "wrote '.*/all\.xlsx': [0-9]+ tables in en" "the XLSX file said"
for f in html md xlsx; do
	cmp -s "$TMP/one.$f" "$TMP/all.$f" && ok "the $f file is the one a run for $f alone writes" ||
		not_ok "the $f file differs from a run for $f alone"
done

cd "$TMP" || exit 1
run "$SURVEY" report sim.db "$OLDPWD/$SPEC" -o twice.html -o ./twice.html
expect_rc 1 "the same file twice"
expect_err "-o '\./twice\.html' is the same file as -o 'twice\.html'; give each format its own file" \
	"says which"
[ ! -e twice.html ] && ok "nothing written" || not_ok "twice.html written"
run "$SURVEY" report sim.db "$OLDPWD/$SPEC" -o a.html -o b.md -o c.xlsx -o d.md
expect_rc 2 "a fourth -o"
expect_err "-o is given more than 3 times" "says so"
[ ! -e a.html ] && ok "nothing written" || not_ok "a.html written"
cd "$OLDPWD" || exit 1
done_testing
