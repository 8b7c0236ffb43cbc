# t0383-forms-disabled: pyxform's `disabled` column — a row with yes (any spelling pyxform takes)
# is left out of the form, with one warning naming the column; other rows stay; a form whose
# only errors are in disabled rows passes check and runs (simulate, export).
. tests/lib.sh
F=tests/fixtures/pyxform-suite/accept/disabled-rows.md
run "$SURVEY" check $F
expect_rc 0 "the disabled rows' problems do not count"
expect_out "ok — 2 questions" "two questions are left"
expect_err_lines 1 "one warning"
expect_err "disabled-rows\.md:survey:3: warning: disabled: rows with yes here are left out, as pyxform does" \
	"the warning names the column"
run "$SURVEY" check $F --dump
grep -q 'dropped' "$TMP/out" && not_ok "a disabled row is in the model" || ok "the disabled rows are not in the model"
run "$SURVEY" simulate $F -n 3 --seed 1 --db "$TMP/d.db" --quiet
expect_rc 0 "simulate"
expect_eq "$(sqlite3 "$TMP/d.db" "SELECT DISTINCT path FROM answers ORDER BY 1" | tr '\n' ' ')" "kept n " \
	"only the kept questions are answered"
run "$SURVEY" export "$TMP/d.db" -o "$TMP/d.csv"
expect_rc 0 "export"
head -1 "$TMP/d.csv" | grep -q dropped && not_ok "a disabled row is exported" || ok "nor exported"
done_testing
