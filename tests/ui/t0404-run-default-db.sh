# t0404-run-default-db: without --db the database is $XDG_DATA_HOME/survey/FORM_ID.db (else
# ~/.local/share/survey/FORM_ID.db), the folder made; the path is printed on the way out.
. tests/lib.sh
. tests/ui/tmux.sh

UI_ENV="LC_ALL=C.UTF-8 XDG_DATA_HOME=$TMP/xdg"
ui_start a tests/fixtures/ui/small.md
ui_expect a 'Азырынча интервью жок' "starts without --db, the start screen's words in the form's default language (Kyrgyz) as the corner's [ky], not the locale's English"
ui_keys a n
ui_expect a 'Саламатсызбы' "an interview in the form's default language (Kyrgyz)"
ui_expect a 'F1 Жардам' "the UI's words follow the interview's language"
ui_keys a Enter
ui_type a 'Nurlan'
ui_keys a Enter
ui_expect a 'сакталды' "an answer saved"
ui_keys a F10
ui_expect a 'аяктай элек' "left as a draft"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
DB=$TMP/xdg/survey/ui_small.db
[ -f "$DB" ] && ok "the database is in XDG_DATA_HOME/survey/" || not_ok "no $DB"
expect_eq "$(sql "$DB" "select value from answers where path='name'")" Nurlan "the answer is in it"
expect_eq "$(stat -c %a "$TMP/xdg/survey")" 700 "the folder it made is private"

UI_ENV="LC_ALL=C.UTF-8 HOME=$TMP/home XDG_DATA_HOME="
ui_start b tests/fixtures/ui/small.md
ui_expect b 'Азырынча интервью жок' "starts with HOME only"
ui_keys b n
ui_expect b 'Саламатсызбы' "an interview"
ui_keys b C-c
ui_expect b 'Интервьюлар' "Ctrl-C leaves the interview like F10"
ui_keys b C-c
ui_exit b
expect_eq "$RC" 0 "Ctrl-C on the start screen quits, status 0"
ui_screen b >/dev/null
[ -f "$TMP/home/.local/share/survey/ui_small.db" ] && ok "the database is in ~/.local/share/survey/" \
	|| not_ok "no ~/.local/share/survey/ui_small.db"
done_testing
