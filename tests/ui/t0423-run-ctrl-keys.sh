# t0423-run-ctrl-keys: every F-key of the interview has a Ctrl alternative for terminals that
# keep F-keys (GNOME Terminal takes F1 and F10): Ctrl-D don't know, Ctrl-R refused, Ctrl-T
# language, Ctrl-P review, Ctrl-G help, Ctrl-C leave; the help lists them in ky, ru and en.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/c.db

ui_start a tests/fixtures/ui/keys.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_expect a 'Муниципалитеттин аталышы' "the first question, a text"
ui_keys a C-d
ui_expect a '\[Билбейт\]' "Ctrl-D: don't know"
expect_eq "$(sql "$DB" "select state from answers where path='muni'")" dont_know "stored as don't know"
ui_keys a C-r
ui_expect a '\[Жооп берүүдөн баш тартты\]' "Ctrl-R: refused"
expect_eq "$(sql "$DB" "select state from answers where path='muni'")" refused "stored as refused"
ui_keys a C-g
ui_expect a 'Жардам: баскычтар' "Ctrl-G: the help, in a text field where ? is typed"
ui_expect a 'F5 Ctrl-D +Жооп: билбейт' "the help names Ctrl-D in Kyrgyz"
ui_keys a NPage
ui_expect a 'Ctrl-U +Талааны тазалоо' "and Ctrl-U"
ui_keys a Escape
ui_expect a 'Муниципалитеттин аталышы' "any key goes back"
ui_keys a C-t
ui_expect a 'Название муниципалитета' "Ctrl-T: the next language (Russian)"
ui_keys a C-g
ui_expect a 'F2 Ctrl-T +Сменить язык' "the help in Russian names Ctrl-T"
ui_expect a 'F9 Ctrl-P +Просмотр всех ответов' "and Ctrl-P"
ui_keys a Escape
ui_expect a 'Название муниципалитета' "back to the question"
ui_keys a C-t
ui_expect a 'Name of the municipality' "Ctrl-T again: English"
ui_keys a C-g
ui_expect a 'F6 Ctrl-R +Answer: refused' "the help in English names Ctrl-R"
ui_expect a 'Delete Ctrl-K +Clear the answer' "and the clear-answer keys"
ui_keys a Escape
ui_expect a 'Name of the municipality' "back to the question"
ui_keys a C-p
ui_expect a 'Review of answers' "Ctrl-P: the review"
ui_keys a C-p
ui_expect a 'Name of the municipality' "Ctrl-P again: back to the question"
ui_keys a C-c
ui_expect a 'Interviews' "Ctrl-C leaves"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits"
ui_no_stderr a "nothing on stderr"
done_testing
