# t0445-run-rank: the rank widget — Space takes the highlighted choice, Up/Down carry it,
# Space puts it down, Enter keeps the order; stored as ODK stores it (names in order); a
# stored order comes back when the question is shown again.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/r.db
v() { sql "$DB" "select coalesce(value,'(null)')||':'||state from answers where path='$1'"; }

ui_start a tests/fixtures/ui/rank.md --db "$DB" --lang en --interviewer Aibek
ui_expect a 'Interviews' "the start screen"
ui_keys a n
ui_expect a 'Put the needs in order' "the rank question"
ui_expect a 'Space: take or put down' "how to use it"
ui_expect a ' 1\. Water' "the list's order first"
ui_keys a Down Down Space
ui_expect a '3\. » Jobs «' "Space takes the highlighted choice"
ui_keys a Up Up
ui_expect a '1\. » Jobs «' "Up carries it to the top"
ui_expect a ' 2\. Water' "the others move down"
ui_keys a Space
ui_expect a ' 1\. Jobs' "Space puts it down"
ui_keys a Enter
ui_expect a 'Order: jobs water roads' "Enter saves the order shown"
expect_eq "$(v order)" 'jobs water roads:answered' "stored as the names in order"
ui_keys a PPage
ui_expect a ' 1\. Jobs' "the stored order comes back"
ui_expect a ' 3\. Roads' "all of it"
ui_keys a Down Space Down Space Enter
ui_expect a 'Order: jobs roads water' "a second change is saved"
expect_eq "$(v order)" 'jobs roads water:answered' "and stored"
ui_keys a C-c
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits"
ui_no_stderr a "nothing on stderr"
done_testing
