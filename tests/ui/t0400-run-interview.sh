# t0400-run-interview: a whole interview of a small questionnaire in Kyrgyz through the real
# UI in tmux: Cyrillic text with ң ө ү and editing by character, a letter refused in a number,
# PgUp back, an answer changed so that a later question is skipped, F10, resume, complete.
. tests/lib.sh
. tests/ui/tmux.sh
FORM=tests/fixtures/ui/small.md
DB=$TMP/small.db

ui_start a "$FORM" --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen is in Kyrgyz"
ui_expect a 'Азырынча интервью жок' "the start screen says there are no interviews yet"
ui_keys a n
ui_expect a 'Саламатсызбы' "n starts an interview on its first screen (a note)"
ui_expect a '1/6 ' "the status line shows the position"
ui_keys a Enter
ui_expect a 'Атыңыз ким\?' "Enter goes on to the first question"
ui_type a 'Айгүл Өмүрбекова'
ui_keys a BSpace BSpace Left Left
ui_type a 'ң'
ui_expect a '> Айгүл Өмүрбеңко' "typing Cyrillic, backspace and cursor move by letter"
ui_keys a BSpace Enter
ui_expect a 'Балдарыңыз барбы\?' "Enter saves the text and moves on"
ui_expect a '✓ сакталды' "the status line shows the answer saved"
expect_eq "$(sql "$DB" "select value from answers where path='name'")" 'Айгүл Өмүрбеко' \
	"the text is in the database, letter for letter"
ui_keys a 1
ui_expect a '1\) \(\*\) Ооба' "a digit picks the choice"
ui_keys a Enter
ui_expect a 'Канча балаңыз бар\?' "a yes makes the follow-up question appear"
ui_type a 'x'
ui_expect a 'Бүтүн сан' "a letter in a number is refused as typed, with a message in Kyrgyz"
ui_type a '25'
ui_keys a Enter
ui_expect a '1ден 20га чейинки сан' "the form's constraint message is shown"
ui_keys a BSpace
ui_keys a Enter
ui_expect a 'Кайсы жемиштерди' "a valid number is saved and the interview moves on"
expect_eq "$(sql "$DB" "select value||' '||state from answers where path='n_kids'")" '2 answered' \
	"the number is stored"

# back twice, change the answer: the follow-up question is skipped, its value kept
ui_keys a PPage
ui_expect a 'Канча балаңыз бар\?' "PgUp goes back"
ui_keys a PPage
ui_expect a 'Балдарыңыз барбы\?' "PgUp goes back again"
ui_keys a 2
ui_expect a '2\) \(\*\) Жок' "the answer is changed"
ui_keys a Enter
ui_expect a 'Кайсы жемиштерди' "the follow-up question is not asked any more"
expect_eq "$(sql "$DB" "select state from answers where path='n_kids'")" 'skipped' \
	"the answer that stopped applying is marked skipped"
ui_keys a 1 3
ui_expect a '3\) \[x\] Коон' "digits tick several choices"
ui_keys a F10
ui_expect a 'аяктай элек' "F10 leaves: the interview is listed as a draft"
expect_eq "$(sql "$DB" "select status from interviews")" 'draft' "the interview is a draft"
expect_eq "$(sql "$DB" "select value from answers where path='fruit'")" 'apple melon' \
	"the ticks were saved on leaving"

# resume from the start screen: back where it stopped
ui_keys a Enter
ui_expect a 'Кайсы жемиштерди' "Enter on the start screen resumes where the interview stopped"
ui_keys a Enter
ui_expect a 'Жашаган жер' "a field-list group is one screen"
ui_type a 'Көл-Төр'
ui_keys a Tab
ui_type a '7'
ui_keys a Enter
ui_expect a 'Кошумча пикир' "Enter in the last field of the group moves on"
ui_keys a F5
ui_expect a '\[Билбейт\]' "F5 answers don't know"
ui_keys a Enter
ui_expect a 'Суроолор бүттү' "the end screen"
ui_keys a F9
ui_expect a 'Жоопторду карап чыгуу' "F9 opens the review"
ui_expect a 'Көл-Төр' "the review lists the answers"
ui_keys a Escape
ui_expect a 'Суроолор бүттү' "Esc goes back from the review"
ui_keys a 1
ui_expect a 'аяктады' "1 on the end screen completes the interview"
ui_expect a 'Айгүл Өмүрбеко' "the start screen names it by its instance name"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits with status 0"
ui_no_stderr a "nothing on stderr"

expect_eq "$(sql "$DB" "select status||' '||instance_name from interviews")" \
	'complete Айгүл Өмүрбеко' "the interview is complete in the database"
expect_eq "$(sql "$DB" "select interviewer from interviews")" 'Айбек' "the interviewer is recorded"
expect_eq "$(sql "$DB" "select origin from interviews")" 'field' "an interview of survey run is a field one"
expect_eq "$(sql "$DB" "select path||'='||coalesce(value,'')||':'||state from answers order by path" | tr '\n' ' ')" \
	'comment=:dont_know fruit=apple melon:answered has_kids=no:answered n_kids=2:skipped name=Айгүл Өмүрбеко:answered place/village=Көл-Төр:answered place/years=7:answered ' \
	"every answer and its state is stored"
expect_eq "$(sql "$DB" "pragma integrity_check")" ok "the database is intact"
[ ! -e "$DB.lock" ] && ok "the lock file is gone" || not_ok "the lock file is left"
done_testing
