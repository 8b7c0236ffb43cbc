# t0401-run-locale: `survey run` refuses a non-UTF-8 locale with one clear line before curses
# starts, and reports bad arguments, a bad questionnaire and a missing terminal the same way.
. tests/lib.sh
FORM=tests/fixtures/ui/small.md

run env -u LC_ALL -u LC_CTYPE LANG=C "$SURVEY" run "$FORM" --db "$TMP/a.db"
expect_rc 1 "LANG=C is refused"
expect_err "^survey run: the terminal's locale is not UTF-8 \(LANG=C\); run it with LANG=C.UTF-8" \
	"the message names the locale and what to use"
expect_err_lines 1 "the message is one line"
[ -e "$TMP/a.db" ] && not_ok "no database is made" || ok "no database is made"
if grep -q "$(printf '\033')" "$TMP/out" "$TMP/err"; then not_ok "no terminal codes are written"
else ok "no terminal codes are written"; fi

run env LC_ALL=POSIX "$SURVEY" run "$FORM" --db "$TMP/a.db"
expect_rc 1 "LC_ALL=POSIX is refused"
expect_err '\(LC_ALL=POSIX\)' "the variable that decides is named"

run "$SURVEY" run "$FORM" --db "$TMP/a.db" --lang fr
expect_rc 1 "a language the form lacks"
expect_err "no language 'fr' \(it has: ky, ru, en\)" "the form's languages are listed"

run "$SURVEY" run "$TMP/missing.md" --db "$TMP/a.db"
expect_rc 1 "a missing questionnaire"
expect_err "cannot open the questionnaire file: .*missing.md: no such file or folder$" "says the file is not there"
expect_err_lines 1 "one line"

run "$SURVEY" run "$FORM" --db "$TMP/a.db" </dev/null
expect_rc 1 "not a terminal"
expect_err 'needs a terminal' "says it needs a terminal"

run "$SURVEY" run
expect_rc 2 "no questionnaire"
run "$SURVEY" run "$FORM" --db
expect_rc 2 "--db without a value"
expect_err "option '--db' needs a value" "the option is named"
run "$SURVEY" run "$FORM" --frob
expect_rc 2 "an unknown option"
run "$SURVEY" run --help
expect_rc 0 "run --help"
expect_out 'local/share/survey/FORM_ID.db' "the help documents the default database"
done_testing
