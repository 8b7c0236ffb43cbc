# t0403-run-lock: one `survey run` at a time on a database file: a second one is refused with
# a clear message; the lock goes with the first (even killed), and the file can be opened again.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/l.db

ui_start a tests/fixtures/ui/small.md --db "$DB"
ui_expect a 'Азырынча интервью жок' "the first survey run holds the database (its start screen in the form's default language, Kyrgyz)"
ui_keys a n
ui_expect a 'Hello|Саламатсызбы' "and is in an interview"
run "$SURVEY" run tests/fixtures/ui/small.md --db "$DB"
expect_rc 1 "a second survey run on the same file is refused"
expect_err "in use by another survey program" "the message says the database is in use"
expect_err_lines 1 "one line"
run "$SURVEY" list "$DB"
expect_rc 0 "survey list still reads the database meanwhile"

pid=$(T list-panes -t a -F '#{pane_pid}')
spid=$(pgrep -P "$pid" -f 'survey' | head -1)
[ -n "$spid" ] && kill -9 "$spid"
ui_exit a
ui_start b tests/fixtures/ui/small.md --db "$DB"
ui_expect b 'Interviews|Интервьюлар' "after the first is killed, the database opens again"
ui_keys b q
ui_exit b
expect_eq "$RC" 0 "and quits normally"
done_testing
