# t0473-run-date-today: a date question shows today as its default, saved only when Enter
# confirms it; the shipped form (surveys/covid19-lsg.md, its version raised) refuses
# 1900-01-01 as the interview date with its own message in ky, ru and en.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/d.db
TODAY=$(date +%Y-%m-%d)

ui_start a tests/fixtures/ui/question.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_type a 'Ош'
ui_step a 'Интервью алынган күн' Enter
ui_expect a "^  > $TODAY\$" "the date field shows today"
ui_expect a 'Бүгүнкү күн: Enter менен бекитиңиз' "and says that Enter confirms it"
expect_eq "$(sql "$DB" "select count(*) from answers where path = 's1/idate'")" 0 "it is not saved before Enter"
ui_step a 'кандай жардам' Enter
expect_eq "$(sql "$DB" "select value from answers where path = 's1/idate'")" "$TODAY" "Enter saves today"
ui_keys a F10
ui_expect a 'Интервьюлар' "left"
ui_keys a q
ui_exit a
ui_no_stderr a "nothing on stderr"

grep -q "| covid19_lsg | 2026112702 |" surveys/covid19-lsg.md && not_ok "the shipped form's version is raised" || ok "the shipped form's version is raised"
run "$SURVEY" check surveys/covid19-lsg.md
expect_rc 0 "the shipped form checks"
DB2=$TMP/c.db
for l in ky ru en; do
	case $l in
	ky) q='Интервью алынган күн'; msg='Интервьюнун күнү 2020-01-01ден бүгүнкү күнгө чейин' ;;
	ru) q='Дата интервью'; msg='Дата интервью должна быть не раньше 2020-01-01' ;;
	en) q='Date of the interview'; msg='The interview date must be between 2020-01-01 and today' ;;
	esac
	ui_start $l surveys/covid19-lsg.md --db "$DB2" --lang $l --interviewer Айбек
	ui_keys $l n
	ui_step $l '.' Enter
	ui_step $l '.' 7 Enter
	ui_step $l '.' 1 Enter
	ui_step $l '.' 2 Enter
	ui_type $l 'Төңкөрүш'
	ui_step $l '.' Enter
	ui_step $l '.' 1 Enter
	ui_step $l '.' 1 Enter
	ui_type $l '5'
	ui_step $l '.' Enter
	ui_type $l '25000'
	ui_step $l "$q" Enter
	ui_expect $l "> $TODAY" "$l: the interview date shows today"
	ui_keys $l C-u
	ui_type $l '1900-01-01'
	ui_keys $l Enter
	ui_expect $l "$msg" "$l: 1900-01-01 is refused with the form's message"
	ui_keys $l C-u
	ui_type $l '2021-03-09'
	ui_keys $l Enter
	ui_lacks $l "$msg" "$l: a date in 2021 is taken"
	ui_keys $l F10
	ui_keys $l q
	ui_exit $l
	ui_no_stderr $l "$l: nothing on stderr"
done
expect_eq "$(sql "$DB2" "select group_concat(value) from answers where path = 'respondent/interview_date'")" "2021-03-09,2021-03-09,2021-03-09" "only the valid dates are stored"
done_testing
