# t0441-run-choices-repeat: in `survey run`, the names typed in a repeat become the choices of
# the next questions (select_one ${mname}, select_multiple ${mname} with a choice_filter), and
# jr:choice-name() of the answer shows in a note; going back and changing a name changes the
# choices.
. tests/lib.sh
. tests/ui/tmux.sh
FORM=tests/fixtures/forms/choices-repeat.md
DB=$TMP/rep.db

ui_start a "$FORM" --db "$DB"
ui_expect a 'No interviews yet' "the start screen"
ui_keys a n
ui_expect a "Member's name" "the repeat's first question"
for name in Aigul Bakyt 'Gulnara Sydykova' Timur; do
	ui_type a "$name"
	ui_keys a Enter
	ui_settle a
done
ui_expect a 'Who is the head of the household\?' "after the repeat, the select made of its answers"
ui_expect a '1\) \( \) Aigul' "the first name is choice 1"
ui_expect a '3\) \( \) Gulnara Sydykova' "a name with a blank is a choice of a select_one"
ui_expect a '4\) \( \) Timur' "every name typed is a choice"
ui_keys a 2
ui_expect a '2\) \(\*\) Bakyt' "a digit picks a name"
ui_keys a Enter
ui_expect a 'Who works for a wage\?' "the select_multiple"
ui_lacks a 'Bakyt' "the choice_filter keeps the head out"
ui_expect a '1\) \[ \] Aigul' "the other one-word names are there"
ui_lacks a 'Gulnara' "a name with a blank cannot be a tick of a select_multiple"
ui_keys a 1 2
ui_expect a '2\) \[x\] Timur' "ticks"
ui_keys a Enter
ui_expect a 'The head is Bakyt; Aigul Timur work\.' "jr:choice-name() and the ticks in the note"
expect_eq "$(sql "$DB" "select value from answers where path='head'")" Bakyt "the head is stored"
expect_eq "$(sql "$DB" "select value from answers where path='workers'")" 'Aigul Timur' "the workers are stored"
ui_keys a F10
ui_expect a 'draft' "F10 leaves"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits with status 0"
ui_no_stderr a "nothing on stderr"
done_testing
