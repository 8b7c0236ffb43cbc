# t0422-run-leave-invalid: F10 (or PgUp) with a value the form refuses keeps the typed text and
# says why, and how to go anyway; the same key again leaves without that answer. Before, the
# field was wiped and nothing said why the interview did not leave.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/l.db

ui_start a tests/fixtures/ui/keys.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_expect a 'Муниципалитеттин аталышы' "the first question"
ui_type a 'Ош'
ui_step a 'Кызмат ордуңуз' Enter
ui_step a 'Жынысы' 1 Enter
ui_step a 'Айылдын аты' 2 Enter
ui_step a 'Кызматкерлердин саны' Enter
ui_type a '200000'
ui_expect a '> 200000' "a number too large is typed"
ui_keys a F10
ui_expect a '100000ден ашпаган сан жазыңыз' "F10: the form's message says why it did not leave"
ui_expect a 'F10 дагы бир' "and how to leave anyway"
ui_expect a '> 200000' "the typed text is kept"
ui_keys a BSpace
ui_expect a '> 20000$' "it can be corrected"
ui_type a '0'
ui_keys a PPage
ui_expect a '100000ден ашпаган сан жазыңыз' "PgUp: the same message"
ui_expect a 'PgUp дагы бир' "naming PgUp"
ui_expect a '> 200000' "the text is still kept"
ui_keys a F10
ui_expect a '> 200000' "another key after it asks again: F10 once more keeps the text"
ui_keys a F10
ui_expect a 'аяктай элек' "F10 twice leaves: a draft"
expect_eq "$(sql "$DB" "select count(*) from answers where path='staff'")" 0 \
	"the refused number is not saved"
expect_eq "$(sql "$DB" "select value from answers where path='muni'")" 'Ош' "the answers before are"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits"
ui_no_stderr a "nothing on stderr"
done_testing
