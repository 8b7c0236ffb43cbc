# t0406-run-review: F9 lists every question that applies with its answer, problems flagged;
# Enter jumps to a question; completing is refused while a problem remains; don't know and
# refused (F5, F6) count as answers; a completed interview, reopened, opens on its review.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/v.db

ui_start a tests/fixtures/ui/small.md --db "$DB" --lang en
ui_expect a 'No interviews yet' "the start screen"
ui_keys a n
ui_expect a 'Hello! The survey starts' "an interview"
ui_keys a Enter
ui_type a 'Asel'
ui_keys a Enter
ui_expect a 'Do you have children\?' "the second question"
ui_keys a F9
ui_expect a 'Review of answers' "F9 opens the review"
ui_expect a 'Problems: 1' "one problem: the required question not answered"
ui_expect a '^! +[0-9]+\. Do you have children\? +\(no answer\)' "it is flagged"
ui_expect a 'This question is required' "its message is shown"
ui_expect a 'What is your name\? +Asel' "answers are listed"
ui_keys a End Enter
ui_expect a 'Cannot complete' "completing is refused while a problem remains"
ui_keys a Home Down Enter Enter
ui_expect a 'Do you have children\?' "Enter shows the question, Enter again jumps to it (t0478)"
ui_keys a F6
ui_expect a '\[Refused\]' "F6: refused"
ui_keys a F9
ui_expect a 'No problems' "a refusal answers a required question"
ui_expect a 'Do you have children\? +\[Refused\]' "the review shows it"
ui_keys a Up Enter Enter
ui_expect a 'What is your name\?' "jump to the first question"
ui_keys a F5
ui_expect a '\[Don.t know\]' "F5: don't know, on a text question"
ui_type a 'Asel'
ui_keys a Enter
ui_expect a 'Do you have children\?' "typing again answers it"
ui_keys a F9 End Enter
ui_expect a 'The interview is complete and saved' "Enter on the last row of the review completes"
ui_expect a 'complete' "the start screen lists it as complete"
ui_keys a Enter
ui_expect a 'Reopen it to change answers' "a completed interview asks before it reopens (t0412)"
ui_keys a 1 1
ui_expect a 'Review of answers' "a reopened interview opens on its review"
ui_keys a Escape
ui_expect a 'What is your name\?|Do you have|Which fruit|No more questions' "Esc goes to a question"
ui_keys a F10
ui_expect a 'Complete it again now' "F10 asks to complete it again"
ui_keys a 1
ui_expect a 'complete' "completed again, back to the start screen"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
expect_eq "$(sql "$DB" "select coalesce(value,'')||':'||state from answers where path in ('name','has_kids') order by path")" \
	"$(printf ':refused\nAsel:answered')" "the answers and their states are stored"
expect_eq "$(sql "$DB" "select status from interviews")" complete "the interview is complete"
done_testing
