# t0472-run-repeat-lower: lowering a repeat count that would hide entries holding answers
# asks first (ky, ru, en); Esc keeps the count (nothing hidden), 1 lowers it (the entries'
# answers are kept, skipped, and come back when the count is raised again). Lowering past
# empty entries does not ask.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/r.db
st() { sql "$DB" "select state from answers where path = '$1'"; }

ui_start a tests/fixtures/ui/question.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_type a 'Ош'
ui_step a 'Интервью алынган күн' Enter
ui_keys a C-u
ui_type a '2021-05-05'
ui_step a 'кандай жардам' Enter
ui_keys a 1
ui_step a 'Кошумча эскертүүлөр' Enter
ui_step a 'Канча кызматкер бар' Enter
ui_type a 3
ui_step a 'Кызматкер 1/3' Enter
ui_type a 'Асан'
ui_step a 'Жашы' Enter
ui_step a 'Кызматкер 2/3' Enter
ui_type a 'Бакыт'
ui_step a 'Жашы' Enter
ui_step a 'Кызматкер 3/3' Enter
ui_keys a PPage PPage PPage PPage PPage
ui_expect a 'Канча кызматкер бар' "back to the count"
ui_keys a C-u
ui_type a 1
ui_keys a Enter
ui_expect a '«Кызматкер»: жооптору бар 1 жазуу жашырылат' "lowering to 1 asks first: one entry with answers would be hidden"
ui_expect a '1 азайтуу  Esc өзгөртпөө' "with its keys"
expect_eq "$(sql "$DB" "select value from answers where path = 's2/nstaff'")" 3 "nothing is saved while it asks"
ui_keys a Escape
ui_lacks a 'жашырылат' "Esc: the question is gone"
expect_eq "$(st 's2/staff[2]/sname')" answered "the entry stays"
ui_keys a Enter
ui_expect a 'жашырылат' "Enter asks again"
ui_keys a 1
ui_expect a 'Кызматкер 1/1' "1 lowers it and goes on"
expect_eq "$(sql "$DB" "select value from answers where path = 's2/nstaff'")" 1 "the count is saved"
expect_eq "$(st 's2/staff[2]/sname')" skipped "the hidden entry's answer is kept, skipped"
ui_keys a PPage
ui_expect a 'Канча кызматкер бар' "back to the count"
ui_keys a C-u
ui_type a 2
ui_keys a Enter
ui_expect a 'Кызматкер 1/2' "raising it asks nothing"
expect_eq "$(st 's2/staff[2]/sname')" answered "the entry comes back"
ui_keys a PPage
ui_keys a C-u
ui_type a 5
ui_keys a Enter
ui_expect a 'Кызматкер 1/5' "five"
ui_keys a PPage
ui_keys a C-u
ui_type a 2
ui_keys a Enter
ui_expect a 'Кызматкер 1/2' "lowering past empty entries asks nothing"
ui_keys a F10
ui_expect a 'Интервьюлар' "left"
ui_keys a q
ui_exit a
ui_no_stderr a "nothing on stderr"

for l in ru en; do
	case $l in
	ru) q='Сколько сотрудников'; ask='«Сотрудник»: записей с ответами, которые будут скрыты: 1'; keys='1 уменьшить  Esc не менять' ;;
	en) q='How many staff'; ask='"Staff member": 1 entries with answers will be hidden'; keys='1 lower it  Esc keep it' ;;
	esac
	ui_start $l tests/fixtures/ui/question.md --db "$DB" --lang $l
	ui_keys $l Enter
	ui_wait $l 'Канча кызматкер|Сколько сотрудников|How many staff' 3 || ui_keys $l PPage
	ui_expect $l 'Канча кызматкер|Сколько сотрудников|How many staff' "$l: the draft, at the count"
	for i in 1 2 3; do ui_wait $l "$q" 1 && break; ui_keys $l F2; done
	ui_expect $l "$q" "$l: the count, in $l (F2)"
	ui_keys $l C-u
	ui_type $l 1
	ui_keys $l Enter
	ui_expect $l "$ask" "$l: it asks in the session's language"
	ui_expect $l "$keys" "$l: its keys"
	ui_keys $l Escape C-u
	ui_type $l 2
	ui_keys $l F10
	ui_expect $l 'Интервьюлар|Интервью|Interviews' "$l: the count as it was: leaving asks nothing"
	ui_keys $l q
	ui_exit $l
	ui_no_stderr $l "$l: nothing on stderr"
done
done_testing
