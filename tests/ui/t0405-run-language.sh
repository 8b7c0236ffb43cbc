# t0405-run-language: the UI's words follow the locale (LANG=ky_KG.UTF-8, even where that locale
# is not installed) or --lang; F2 switches the questionnaire's language and the UI's with it;
# the help screen comes from the key table in the language shown.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/g.db

UI_ENV="-u LC_ALL -u LC_CTYPE -u LC_MESSAGES LANG=ky_KG.UTF-8"
ui_start a tests/fixtures/ui/small.md --db "$DB"
ui_expect a 'Азырынча интервью жок' "LANG=ky_KG.UTF-8: the start screen in Kyrgyz"
ui_keys a F1
ui_expect a 'Жардам: баскычтар' "F1: the help in Kyrgyz"
ui_expect a 'Тилди которуу' "the help lists F2 in Kyrgyz"
ui_keys a Escape
ui_expect a 'Азырынча интервью жок' "Esc closes the help"
ui_keys a F2
ui_expect a 'Интервью пока нет' "F2 on the start screen: Russian"
ui_keys a n
ui_expect a 'Здравствуйте! Опрос начался' "a new interview starts in the language chosen"
ui_keys a Enter
ui_expect a 'Как вас зовут\?' "the question in Russian"
ui_expect a 'F1 Справка' "the keys line in Russian"
ui_keys a F2
ui_expect a 'What is your name\?' "F2: the question in English"
ui_expect a 'F1 Help' "the UI's words in English"
ui_expect a '\[en\]' "the status line shows the language"
ui_keys a F1
ui_expect a 'Switch the language' "the help in English"
ui_expect a 'Pick choice N' "the help lists the digits"
ui_keys a End
ui_expect a 'Start a new interview' "the help scrolls to the start screen's keys"
ui_keys a Escape
ui_expect a 'What is your name\?' "back to the question"
ui_keys a F2
ui_expect a 'Атыңыз ким\?' "F2 again: Kyrgyz"
ui_type a 'Бүбүсара'
ui_keys a Enter
ui_expect a 'сакталды' "saved, said in Kyrgyz"
ui_keys a F10
ui_expect a 'аяктай элек' "the start screen stays in the interview's language"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
expect_eq "$(sql "$DB" "select lang from interviews")" ky "the last language is kept for resume"
n=$(sql "$DB" "select count(*) from events where kind like 'lang%'")
[ "$n" -ge 2 ] && ok "the switches are logged ($n events)" || not_ok "language events: $n"
done_testing
