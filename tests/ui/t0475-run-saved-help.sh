# t0475-run-saved-help: the status line's "✓ saved" is never shown beside a fresh error (the
# last change was saved, but what the interviewer sees now is a refusal); the help for the
# digit keys says plainly how two-digit choices work (ky, ru, en).
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/h.db

ui_start a tests/fixtures/ui/question.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_type a 'Ош'
ui_step a 'Интервью алынган күн' Enter
ui_keys a C-u
ui_type a '2021-05-05'
ui_step a 'кандай жардам' Enter
ui_keys a 2
ui_expect a '2\) \(\*\) Акчалай' "a choice is picked"
ui_expect a '✓ сакталды' "and saved"
ui_keys a DC
ui_expect a 'Бул суроо милдеттүү' "Delete on the required choice: a refusal"
ui_lacks a '✓ сакталды' "the saved mark is not beside it"
ui_keys a 1
ui_expect a '✓ сакталды' "a new choice: saved again"
ui_keys a F1
ui_expect a '10дон ашык тандоодо эки цифраны бир секунданын ичинде басыңыз: 1, анан 2 = 12-тандоо|1, анан 2 = 12-тандоо' "ky: the help says how two digits pick choice 12"
ui_lacks a '12 = 1 жана 2 тез' "the old ambiguous words are gone"
ui_keys a Escape F10
ui_keys a q
ui_exit a
ui_no_stderr a "nothing on stderr"
for l in ru en; do
	case $l in
	ru) want='1, затем 2 = вариант 12' ;;
	en) want='1 then 2 = choice 12' ;;
	esac
	ui_start $l tests/fixtures/ui/question.md --db "$DB" --lang $l
	ui_keys $l F1
	T resize-window -t $l -x 120 -y 40
	ui_expect $l "$want" "$l: the help for two digits"
	ui_keys $l Escape
	ui_expect $l 'Интервью|Interviews' "$l: back"
	ui_keys $l q
	ui_exit $l
done
done_testing
