# t0470-run-finish-label: the refusal to complete names the question by its label in the
# session's language (with the repeat entry when it is in one), never by an internal path
# such as `budget/revenue_loss` or `s1/muni`.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/f.db

ui_start a tests/fixtures/ui/question.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_expect a 'Муниципалитеттин аталышы' "the first question"
ui_keys a F9 End Enter
ui_expect a 'Аягына чыгарууга болбойт' "completing with problems is refused"
ui_expect a 'биринчиси «Муниципалитеттин аталышы»' "the refusal names the question by its Kyrgyz label"
ui_lacks a 's1/muni' "and not by its path"
ui_keys a Escape F10
ui_expect a 'Интервьюлар' "left"
ui_keys a q
ui_exit a

ui_start b tests/fixtures/ui/question.md --db "$DB" --lang ru
ui_expect b 'Интервью' "the start screen in Russian"
ui_keys b n
ui_expect b 'Название муниципалитета' "the first question in Russian"
ui_type b 'Ош'
# one key at a time, each after the screen it answers: under load a burst of keys can be read
# as a paste (typed text), which is the UI's paste rule, not what this test is about
ui_expect b 'Ош' "the typed name"
ui_keys b Enter
ui_expect b 'Дата интервью' "the date"
ui_keys b Enter
ui_expect b 'Какую помощь' "the choice"
ui_keys b 1
ui_expect b '\(\*\)|\[x\]|●|◉' "the choice is ticked"
ui_keys b Enter
ui_expect b 'Дополнительные примечания' "the notes"
ui_keys b Enter
ui_expect b 'Сколько сотрудников' "the count of the repeat"
ui_type b '1'
ui_keys b Enter
ui_expect b 'Сотрудник 1/1' "the repeat's entry"
ui_keys b F9 End Enter
ui_expect b 'первая в вопросе «Имя \[1\]»' "a question in a repeat is named with its entry"
ui_lacks b 's2/staff' "no path"
ui_keys b Escape F10
ui_keys b q
ui_exit b
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr (ky)"
ui_no_stderr b "nothing on stderr (ru)"
done_testing
