# t0493-run-kit-alone: `survey run --kit KIT.db` without FORM takes the form from the kit: the
# start screen lists the units, one is interviewed and completed, and the laptop file keeps the
# kit's form. While that `run` holds the laptop file, `survey receive` on it is refused in one
# line (in the chosen language) and brings nothing; after it quits, receive works.
. tests/lib.sh
. tests/ui/tmux.sh
fw_hq Айбек M-01 M-02
fw_kit Айбек "$TMP/kit.db"
"$SURVEY" assign "$HQ" --interviewer Айбек M-03 >/dev/null
fw_kit Айбек "$TMP/kit2.db"

ui_start a --db "$DB" --kit "$TMP/kit.db" --lang en
ui_expect a 'M-01  Кемин айыл өкмөтү' "no FORM: the kit's form lists the units"
ui_expect a 'to do' "their status"
# the laptop file is run's: a receive meanwhile is refused, in one line, and brings nothing
run "$SURVEY" receive "$TMP/kit2.db" --db "$DB"
expect_rc 1 "receive while run holds the laptop file: refused"
expect_err "^survey: '.*laptop.db' is in use by another survey command \(run or receive\)" "says why"
expect_err_lines 1 "in one line"
run "$SURVEY" receive "$TMP/kit2.db" --db "$DB" --lang ky
expect_err "колдонуп жатат" "in Kyrgyz with --lang ky"
expect_eq "$(sql "$DB" "SELECT count(*) FROM assignments")" 2 "the second kit's assignment did not arrive"
ui_keys a Enter
ui_expect a 'Oblast' "Enter starts the unit's interview"
ui_keys a Enter
ui_expect a 'Кемин айыл өкмөтү' "the municipality comes from the frame"
ui_keys a Enter
ui_expect a 'Number of staff' "the first question not in the frame"
ui_type a '7'
ui_keys a Enter
ui_expect a 'Remark' "asked as usual"
ui_keys a Enter
ui_expect a 'completed|1 ' "the end screen"
ui_keys a 1
ui_expect a 'complete' "completed: back on the start screen"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits"
ui_no_stderr a "nothing on stderr"
expect_eq "$(sql "$DB" "SELECT status FROM interviews")" complete "the interview is complete"
expect_eq "$(sql "$DB" "SELECT count(*) FROM forms WHERE form_id = (SELECT form_id FROM interviews)")" 1 \
	"the laptop file holds the kit's form"
run "$SURVEY" receive "$TMP/kit2.db" --db "$DB"
expect_rc 0 "after run quits, receive works"
expect_eq "$(sql "$DB" "SELECT count(*) FROM assignments")" 3 "and the new assignment arrives"
# --kit alone with a file that is no kit: one line, no screen
run "$SURVEY" run --kit "$FORM" --db "$TMP/other.db"
expect_rc 1 "run --kit with a file that is no kit: refused"
expect_err_lines 1 "in one line"
done_testing
