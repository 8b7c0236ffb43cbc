# t0410-run-covid: a whole interview of the shipped survey (surveys/covid19-lsg.md) in Kyrgyz at
# 80x24 through the real UI: Cyrillic text, numbers, a date, select_multiple, a field-list
# group, a repeat; PgUp back to change an answer so that a later question is skipped; F10 in
# the middle and resume from the start screen; complete; then the database is checked.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/covid.db
FORM=surveys/covid19-lsg.md
[ -f "$FORM" ] || { echo "not ok 1 - $FORM is missing"; exit 1; }
q() { sql "$DB" "select coalesce(value,'')||':'||state from answers where path='$1'"; }

ui_start a "$FORM" --db "$DB" --lang ky --interviewer 'Жылдыз Асанова'
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_expect a 'Саламатсызбы! Бул' "a new interview opens on the introduction"
ui_step a 'Облусту же республикалык' Enter
ui_step a 'Районду тандаңыз' 7 Enter
ui_expect a 'Аламүдүн району' "the districts are filtered by the oblast (Chuy)"
ui_step a 'Муниципалитеттин түрү' 1 Enter
ui_step a 'Муниципалитеттин аталышы' 2 Enter
ui_type a 'Төңкөрүш айыл өкмөтү'
ui_expect a '> Төңкөрүш айыл өкмөтү' "Kyrgyz letters ң ө ү are typed and shown"
ui_step a 'Сиздин кызмат ордуңуз' Enter
ui_step a 'Респонденттин жынысы' 1 Enter
ui_step a 'Ушул кызмат ордунда канча' 1 Enter
ui_type a 'беш'
ui_expect a 'Бүтүн сан' "a word in a number question is refused as typed"
ui_type a '5'
ui_step a 'Муниципалитетте канча адам' Enter
ui_type a '25000'
ui_step a 'Интервью алынган күн' Enter
ui_keys a C-u   # the field shows today (t0473)
ui_type a '2021-02-30'
ui_keys a Enter
ui_expect a 'Интервью алынган күн' "an impossible date is refused"
ui_lacks a 'Мындан аркы суроолор' "and the interview does not move on"
ui_keys a BSpace BSpace
ui_type a '09'
ui_step a 'Мындан аркы суроолор' Enter
ui_step a 'режими боюнча маалыматты' Enter
ui_step a 'Райондук мамлекеттик' 1 2 Enter
ui_step a 'Борбордук мамлекеттик' 3 Enter
ui_step a 'Алынган көрсөтмөлөр канчалык' 3 Enter
ui_step a 'Өзгөчө кырдаал режимине' 3 Enter
ui_step a 'Ар кайсы мамлекеттик' 1 Enter
ui_step a 'Өзгөчө кырдаал режиминде' 2 Enter
ui_step a 'Ыйгарым укуктарды бөлүштүрүү' 1 Enter
ui_step a 'Келишпестиктер кайсы' 1 Enter
ui_step a 'Бузуулар жөнүндө кодексин' 1 2 Enter
expect_eq "$(q powers/conflict_topics)" 'movement aid:answered' "the topics are saved"

# back twice and answer "no": the topics question no longer applies
ui_step a 'Келишпестиктер кайсы' PPage
ui_step a 'Ыйгарым укуктарды бөлүштүрүү' PPage
ui_keys a 2
ui_expect a '2\) \(\*\) Жок' "the answer is changed to no"
ui_step a 'Бузуулар жөнүндө кодексин' Enter
ui_lacks a 'Келишпестиктер кайсы' "the topics question is skipped"
expect_eq "$(q powers/conflict_topics)" 'movement aid:skipped' \
	"the answer that no longer applies is marked skipped, its value kept"
ui_step a 'Укуктук маселелер боюнча КР' 2 Enter

# leave in the middle, resume from the start screen
ui_keys a F10
ui_expect a 'аяктай элек' "F10 leaves; the start screen lists a draft"
ui_expect a 'Төңкөрүш айыл өкмөтү' "the draft is named by its instance name so far"
expect_eq "$(sql "$DB" "select status from interviews")" draft "the interview is a draft"
ui_keys a Enter
ui_expect a 'Укуктук маселелер боюнча КР' "Enter resumes at the question where it stopped"
ui_step a 'жергиликтүү бюджеттин кирешелери' 2 Enter
ui_step a 'Пандемияга байланыштуу' 2 Enter
ui_step a 'Пландалбаган чыгашалардын' 1 Enter
ui_type a '500000'
ui_step a 'Бир тургунга эсептегенде' Enter
ui_expect a 'болжол менен 20 сомду' "a note shows a calculation (500000 / 25000)"
ui_step a 'Бюджеттин каражаттары' Enter
ui_step a 'коомдук бюджеттик угуулар' 2 Enter
ui_step a 'жарандык бюджет' 3 Enter
ui_step a 'кайсы муниципалдык кызмат' 2 Enter
ui_step a 'Ар бир кызматтын үзгүлтүккө' 1 2 Enter
ui_expect a 'Ичүүчү суу менен камсыз' "the field-list group shows the questions that apply"
ui_lacks a 'Муниципалдык транспорт' "and not the others"
ui_keys a 3 Enter   # waste: 3, Enter goes to the next field of the group
ui_step a 'Үзгүлтүккө учураган' 4 Enter   # water: 4, Enter on the last field moves on
ui_step a 'Муниципалитет калкка' 2 Enter
ui_step a 'Азык-түлүк жардамын канча' 1 Enter
ui_type a '1200'
ui_step a 'Жардамга муктаж катары' Enter
ui_step a 'Колдоо көрсөтүүгө канча' 3 Enter
ui_type a '40'
ui_step a 'Муниципалитетке канча' Enter
ui_type a '1'
ui_step a 'Уюмдун аталышы' Enter
ui_expect a 'Өнөктөш уюм 1/1' "the repeat instance is named in the title (1 of 1)"
ui_type a 'Үмүт-Ниет'
ui_step a 'Уюмдун түрү' Enter
ui_step a 'Уюм кандай жардам' 1 Enter
ui_step a 'кандай көйгөйлөргө' 1 2 Enter
ui_step a 'Сиз 2 көйгөй белгиледиңиз' 1 3 Enter
ui_step a 'Булардын ичинен эң негизги' Enter
ui_step a 'Бул көйгөй муниципалитеттин' 1 Enter
ui_step a 'Бул көйгөй чечилдиби' 4 Enter
ui_step a 'Көйгөйдү чечүү үчүн эмне' 2 Enter
ui_type a 'Өкмөт менен сүйлөшүүлөр жүрдү, жардам үйлөргө жеткирилди'
ui_step a 'Келечектеги өзгөчө' Enter
ui_step a 'Сиздин муниципалитет' 1 Enter
ui_step a 'союзунун колдоосун' 1 Enter
ui_step a 'Өзгөчө кырдаалдарда ЖӨБ' 4 Enter
ui_step a 'Интервьюердин эскертүүлөрү' Enter
ui_step a 'Сурамжылоого катышканыңыз' Enter
ui_keys a Enter
ui_expect a 'Суроолор бүттү' "the end screen"
ui_keys a 1
ui_expect a 'Төңкөрүш айыл өкмөтү — Чүй' "completed: the start screen shows its instance name, the oblast by its label"
ui_expect a 'аяктады' "and its status"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"

expect_eq "$(sql "$DB" "select status||'|'||interviewer||'|'||(content_hash is not null) from interviews")" \
	'complete|Жылдыз Асанова|1' "the interview is complete, with its interviewer and hash"
expect_eq "$(q respondent/municipality_name)" 'Төңкөрүш айыл өкмөтү:answered' "the Kyrgyz text is stored"
expect_eq "$(q respondent/oblast)" 'chuy:answered' "a choice is stored by its name"
expect_eq "$(q respondent/interview_date)" '2021-02-09:answered' "the corrected date is stored"
expect_eq "$(q respondent/years_in_position)" '5:answered' "the corrected number is stored"
expect_eq "$(q information/info_sources)" 'letters whatsapp:answered' "select_multiple is stored"
expect_eq "$(q powers/district_conflict)" 'no:answered' "the changed answer is stored"
expect_eq "$(q powers/conflict_topics)" 'movement aid:skipped' "the skipped question is still skipped"
expect_eq "$(q services/service_severity/severity_waste)|$(q services/service_severity/severity_water)" \
	'3:answered|4:answered' "the field-list answers are stored"
expect_eq "$(q 'social/partners[1]/partner_name')" 'Үмүт-Ниет:answered' "the repeat answer is stored"
expect_eq "$(q problems_section/main_problem_actions)" \
	'Өкмөт менен сүйлөшүүлөр жүрдү, жардам үйлөргө жеткирилди:answered' "the long text is stored"
n=$(sql "$DB" "select count(*) from events where kind='left'")
[ "$n" -ge 1 ] && ok "leaving is logged" || not_ok "no 'left' event"
expect_eq "$(sql "$DB" "pragma integrity_check")" ok "the database is intact"
done_testing
