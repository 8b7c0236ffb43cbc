# t0407-run-repeat: a repeat the interviewer extends: "add another?" (1 yes, 2 no), its
# entries named in the title and the review, F8 twice deletes an entry, acknowledge.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/p.db

ui_start a tests/fixtures/ui/repeat.md --db "$DB"
ui_expect a 'No interviews yet' "the start screen"
ui_keys a n
ui_expect a 'Family name' "the first question"
ui_type a 'Асанов'
ui_keys a Enter
ui_expect a 'Add another "Family member"\?' "the add-another screen"
ui_keys a 1
ui_expect a 'Family member 1/1' "1 adds an entry (the title: 1 of 1, t0471)"
ui_type a 'Айбек'
ui_keys a Enter
ui_expect a 'Age' "its second question"
ui_type a '30'
ui_keys a Enter
ui_expect a 'So far: 1' "back to add another, one so far"
ui_keys a Enter
ui_expect a 'Family member 2/2' "Enter on the highlighted yes adds another"
ui_type a 'Гүлнара'
ui_keys a Enter Enter
ui_expect a 'So far: 2' "two entries"
ui_keys a PPage
ui_expect a 'Family member 2/2 · Гүлнара' "PgUp goes back into the last entry, named by its first answer"
ui_keys a F8
ui_expect a '"Family member \[2\]" will be deleted: press F8 again' "F8 asks to confirm"
ui_keys a F8
ui_expect a 'was deleted' "F8 again deletes it"
ui_expect a 'So far: 1' "one entry left"
ui_keys a Down Enter
ui_expect a 'I confirm the data are right' "2/Down+Enter goes on past the repeat"
ui_keys a F9
ui_expect a 'Name \[1\] +Айбек' "the review names the entry"
ui_lacks a 'Гүлнара' "the deleted entry is gone"
ui_keys a Escape
ui_expect a 'Enter Next' "back to the question"
ui_keys a 1 Enter
ui_expect a 'No more questions' "acknowledged; the end screen"
ui_keys a 1
ui_expect a 'complete' "completed"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
expect_eq "$(sql "$DB" "select path||'='||value from answers order by path" | tr '\n' ' ')" \
	'consent=OK family=Асанов member[1]/age=30 member[1]/mname=Айбек ' "the answers are stored"
done_testing
