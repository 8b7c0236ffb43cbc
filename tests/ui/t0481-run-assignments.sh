# t0481-run-assignments: a laptop that received a kit (run --kit) lists its assigned units on
# the start screen as "to do", named by unit id, municipality and oblast label; Enter on one
# starts its interview with the assignment's UUID and the frame's values answered (events like
# any answer) and read-only — a digit or typed text changes nothing; the rest is asked as
# usual. Units of another interviewer are not listed; other interviews stay possible.
. tests/lib.sh
. tests/ui/tmux.sh
fw_hq Айбек M-01 M-02
"$SURVEY" assign "$HQ" --interviewer Марат M-03 >/dev/null
fw_kit Айбек "$TMP/kit.db"
uuid=$(sql "$HQ" "SELECT uuid FROM assignments WHERE unit_id = 'M-01'")

ui_start a "$FORM" --db "$DB" --kit "$TMP/kit.db" --lang en
ui_expect a 'M-01  Кемин айыл өкмөтү — Chuy' "a unit to do, named by id, name and oblast label"
ui_expect a 'M-02  Бурана айыл өкмөтү' "the other unit"
ui_expect a 'to do' "its status"
ui_lacks a 'M-03' "a unit of another interviewer is not listed"
ui_keys a Enter
ui_expect a 'Oblast' "Enter starts the unit's interview"
ui_expect a 'Chuy Oblast' "the oblast comes from the frame"
ui_keys a 2
ui_lacks a 'Osh Oblast' "a digit does not change a preloaded answer"
ui_keys a Enter
ui_expect a 'Кемин айыл өкмөтү' "the municipality comes from the frame"
ui_type a 'xyz'
ui_lacks a 'өкмөтүxyz' "typing does not change it"
ui_keys a Enter
ui_expect a 'Number of staff' "the first question not in the frame"
ui_type a '12'
ui_expect a '> 12' "typed"
ui_keys a Enter
ui_expect a 'Remark' "asked as usual"
ui_keys a Enter
ui_expect a 'completed|1 ' "the end screen"
ui_keys a 1
ui_expect a 'complete' "completed: back on the start screen"
ui_expect a 'M-02' "the other unit is still to do"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits"
ui_no_stderr a "nothing on stderr"
expect_eq "$(sql "$DB" "SELECT uuid || ' ' || status FROM interviews")" "$uuid complete" \
	"the interview has the assignment's UUID"
expect_eq "$(sql "$DB" "SELECT group_concat(path || '=' || value, ' ') FROM (SELECT * FROM answers WHERE path IN ('oblast', 'municipality_name', 'staff') ORDER BY path)")" \
	"municipality_name=Кемин айыл өкмөтү oblast=chuy staff=12" "the frame's answers and the typed one"
expect_eq "$(sql "$DB" "SELECT count(*) FROM events WHERE path IN ('oblast', 'municipality_name') AND new_value IS NOT NULL")" 2 \
	"each preloaded answer has its event"
# another interview, not assigned, is still possible (the kit allows it)
ui_start b "$FORM" --db "$DB" --lang en
ui_expect b 'M-02' "the start screen again"
ui_keys b n
ui_expect b 'Oblast' "n starts an interview outside the assignments"
ui_keys b 2
ui_expect b '\(\*\) Osh Oblast' "whose oblast is typed"
ui_keys b F10
ui_expect b 'draft' "left as a draft"
ui_keys b q
ui_exit b
expect_eq "$(sql "$DB" "SELECT count(*) FROM interviews")" 2 "two interviews"
done_testing
