# t0426-run-paste-multiline: in a text question with the `multiline` appearance a pasted
# text keeps its line ends (bracketed paste, and a plain paste whose Enter keys come in one
# burst with the text); they are shown as rows and stored as newlines.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/m.db

ui_start a tests/fixtures/ui/keys.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_expect a 'Муниципалитеттин аталышы' "the first question"
ui_type a 'Ош'
ui_step a 'Кызмат ордуңуз' Enter
ui_step a 'Жынысы' 1 Enter
ui_step a 'Айылдын аты' 2 Enter
ui_step a 'Кызматкерлердин саны' Enter
ui_step a 'Бюджет, миң сом' Enter
ui_step a 'Эскертүүлөр' Enter
printf 'Биринчи сап\nЭкинчи сап\n' | T load-buffer -b p -
T paste-buffer -p -b p -t a
ui_expect a 'Экинчи сап' "the pasted text is shown"
ui_settle a
grep -q '> Биринчи сап$' "$TMP/screen" && grep -q '^    Экинчи сап' "$TMP/screen" &&
	ok "each pasted line is a row of the field" || { not_ok "each pasted line is a row"; sed 's/^/#  |/' "$TMP/screen"; }
ui_keys a Enter
ui_expect a 'Суроолор бүттү' "Enter confirms: the end screen"
expect_eq "$(sql "$DB" "select value from answers where path='notes'")" \
	"$(printf 'Биринчи сап\nЭкинчи сап')" "stored with its line end (the trailing one dropped)"
ui_keys a PPage
ui_expect a '> Биринчи сап' "back: the stored text is shown on its rows"
ui_keys a C-u
printf 'Үчүнчү\nТөртүнчү' | T load-buffer -b r -
T paste-buffer -b r -t a
ui_expect a 'Төртүнчү' "a plain paste (Enter in the burst)"
ui_lacks a 'Суроолор бүттү' "did not confirm"
ui_keys a Enter
ui_expect a 'Суроолор бүттү' "Enter typed afterwards confirms"
expect_eq "$(sql "$DB" "select value from answers where path='notes'")" \
	"$(printf 'Үчүнчү\nТөртүнчү')" "its line end is kept too"
ui_keys a F10
ui_expect a 'аяктай элек' "F10 leaves"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits"
ui_no_stderr a "nothing on stderr"
done_testing
