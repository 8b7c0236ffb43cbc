# t0438-run-instance-choice-name: the shipped questionnaire names an interview
# concat(${municipality_name}, ' — ', jr:choice-name(${oblast}, '${oblast}')): the start screen
# and `survey list --json` show the oblast's name in the interview's language (Kyrgyz, then
# Russian), never an empty name or the choice's code.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/n.db
FORM=surveys/covid19-lsg.md

interview() { # interview SESSION LANG START-SCREEN OBLAST-QUESTION MUNICIPALITY POSITION-QUESTION
	ui_start "$1" "$FORM" --db "$DB" --lang "$2"
	ui_expect "$1" "$3" "$2: the start screen"
	ui_keys "$1" n
	ui_expect "$1" 'COVID-19' "$2: the introduction"
	ui_keys "$1" Enter
	ui_expect "$1" "$4" "$2: the oblast question"
	ui_keys "$1" 3 Enter
	ui_expect "$1" '1\) \( \) ' "$2: the district question"
	ui_keys "$1" 1 Enter
	ui_expect "$1" '2\) \( \) ' "$2: the municipality type"
	ui_keys "$1" 2 Enter
	ui_expect "$1" '> *$' "$2: the municipality's name"
	ui_type "$1" "$5"
	ui_keys "$1" Enter
	ui_expect "$1" "$6" "$2: the next question"
	ui_keys "$1" F10
}

interview a ky 'жаңы' 'Облусту же республикалык' 'Тоң' 'Сиздин кызмат ордуңуз'
ui_expect a 'Тоң — Ысык-Көл облусу' "the start screen names the draft with the oblast in Kyrgyz"
ui_lacks a 'issyk_kul' "not with its code"
ui_keys a q
ui_exit a

interview b ru 'новое' 'Выберите область' 'Тон' 'Ваша должность'
ui_expect b 'Тон — Иссык-Кульская область' "a Russian interview names it in Russian"
ui_expect b 'Тоң — Ысык-Көл облусу' "the Kyrgyz one keeps its Kyrgyz name"
ui_keys b q
ui_exit b

expect_eq "$(sql "$DB" "SELECT lang || ': ' || instance_name FROM interviews ORDER BY lang")" \
	"ky: Тоң — Ысык-Көл облусу
ru: Тон — Иссык-Кульская область" "the names kept in the database"
run "$SURVEY" list "$DB" --json
expect_rc 0 "list --json"
expect_out '"instance_name": ?"Тоң — Ысык-Көл облусу"' "list shows the Kyrgyz interview's name"
expect_out '"instance_name": ?"Тон — Иссык-Кульская область"' "and the Russian one's"
ui_no_stderr a "nothing on stderr (1)"
ui_no_stderr b "nothing on stderr (2)"
done_testing
