# t0412-run-reopen: a completed interview is never turned back into a draft silently — Enter on
# it asks first (nothing changes before the answer), the reopening is logged with a reason,
# and leaving it offers to complete it again (checked, a new content hash) or keep a draft.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/r.db
st() { sql "$DB" "SELECT status FROM interviews"; }

ui_start a tests/fixtures/ui/small.md --db "$DB" --lang en
ui_expect a 'No interviews yet' "the start screen"
ui_keys a n
ui_expect a 'Hello! The survey starts' "an interview"
ui_keys a Enter
ui_type a 'Asel'
ui_keys a Enter
ui_expect a 'Do you have children\?' "the second question"
ui_keys a 2 Enter
ui_expect a 'Which fruit' "the third"
ui_keys a F9 End Enter
ui_expect a 'The interview is complete and saved' "completed"
hash1=$(sql "$DB" "SELECT content_hash FROM interviews")
events=$(sql "$DB" "SELECT count(*) FROM events")

ui_keys a Enter
ui_expect a '"Asel" is complete\. Reopen it to change answers\?' "Enter on a completed interview asks first"
ui_expect a '1 reopen +Esc cancel' "with its keys"
expect_eq "$(st)" complete "nothing changed while asking"
ui_keys a x
ui_expect a 'Reopen it to change' "another key keeps the question"
ui_keys a Escape
ui_lacks a 'Reopen it' "Esc cancels"
expect_eq "$(st) $(sql "$DB" "SELECT count(*) FROM events")" "complete $events" "cancelled: nothing written"

ui_keys a Enter
ui_expect a 'Reopen it' "asked again"
ui_keys a 1
ui_expect a 'Why is it reopened\?' "then why"
ui_expect a '2 the respondent added or corrected something' "the reasons"
ui_keys a 2
ui_expect a 'Reopened: a draft until it is completed again' "reopened, and it says so"
ui_expect a 'Review of answers' "on its review"
expect_eq "$(st)" draft "now a draft"
expect_eq "$(sql "$DB" "SELECT kind || ':' || new_value FROM events WHERE kind = 'reopened'")" \
	"reopened:respondent" "the reopening is an event with its reason"
ui_keys a Home Enter Enter   # Enter: the question whole, again: go to it (t0478)
ui_expect a 'What is your name\?' "to the name"
ui_keys a BSpace BSpace BSpace BSpace
ui_type a 'Aida'
ui_keys a F10
ui_expect a 'This interview was reopened\. Complete it again now\?' "F10 asks: complete again or draft"
ui_expect a '1 complete it again now' "the first option"
ui_expect a '2 leave it as a draft' "the second option"
ui_keys a 2
ui_expect a 'n new' "left as a draft"
expect_eq "$(st) $(sql "$DB" "SELECT value FROM answers WHERE path = 'name'")" "draft Aida" \
	"a draft, with the change saved"
ui_expect a 'Aida +[0-9-]+ [0-9:]+ +draft' "the start screen says so, with the new name"

ui_keys a Enter
ui_expect a 'What is your name|Do you have|Which fruit|Where you live|Any comment|No more questions' \
	"a draft opens without asking"
ui_keys a F9 End Enter
ui_expect a 'The interview is complete and saved' "completed again the usual way"
ui_keys a Enter
ui_expect a 'Reopen it' "asked again"
ui_keys a 1 3
ui_expect a 'Review of answers' "reopened: the supervisor asked"
ui_keys a F10
ui_expect a 'Complete it again now\?' "F10 asks again, even with no change"
ui_keys a Escape
ui_lacks a 'Complete it again now' "Esc goes back to the interview"
ui_keys a F10
ui_expect a 'Complete it again now\?' "F10 once more"
ui_keys a 1
ui_expect a 'The interview is complete and saved' "1: completed again"
expect_eq "$(st)" complete "complete"
expect_eq "$(sql "$DB" "SELECT group_concat(new_value, ',') FROM (SELECT new_value FROM events WHERE kind = 'reopened' ORDER BY seq)")" \
	"respondent,supervisor" "both reopenings logged with their reasons"
expect_eq "$(sql "$DB" "SELECT count(*) FROM events WHERE kind = 'completed'")" 3 "three completions logged"
hash3=$(sql "$DB" "SELECT content_hash FROM interviews")
[ -n "$hash3" ] && [ "$hash3" != "$hash1" ] && ok "a new content hash" || not_ok "content hash '$hash3' vs '$hash1'"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
done_testing
