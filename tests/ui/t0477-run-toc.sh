# t0477-run-toc: the table of contents (F3, or Ctrl-O where F-keys are taken): the sections
# with answered/total and a problem mark, each with its questions; Enter goes to a section
# (its first question) or to a question; Tab to the next problem; from the review too; the
# help lists its key.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/t.db

ui_start a tests/fixtures/ui/question.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_type a 'Ош'
ui_step a 'Интервью алынган күн' Enter
ui_keys a C-o
ui_expect a 'Мазмуну: бөлүмдөр жана суроолор' "Ctrl-O: the table of contents"
ui_expect a '^! 1\. Жалпы маалымат +1/4 жооп$' "a section with answered/total"
ui_expect a '^! 1\. Жалпы маалымат' "and a problem mark: a required question there has no answer"
ui_expect a '^     1\. Муниципалитеттин аталышы +✓$' "its questions, answered ones ticked"
ui_expect a '^! 2\. Кызматкерлер +0/1 жооп$' "the next section"
ui_expect a '^! 3\. Баалоо +0/3 жооп$' "and the last"
ui_keys a Tab
ui_keys a Enter
ui_expect a 'Пандемия учурунда муниципалитет' "Tab then Enter: the next problem after the current question"
ui_keys a F3
ui_expect a 'Мазмуну' "F3 opens it too"
ui_keys a End Up Up Up
ui_keys a Enter
ui_expect a 'Дагы жардам керекпи' "Enter on a section goes to its first question"
ui_keys a F3 Down
ui_keys a Enter
ui_expect a 'Кызматтар калыбына келдиби' "Enter on a question goes to it"
ui_keys a F9
ui_expect a 'Жоопторду карап чыгуу' "the review"
ui_keys a F3
ui_expect a 'Мазмуну' "F3 from the review"
ui_keys a Escape
ui_expect a 'Кызматтар калыбына келдиби' "Esc: back to the question"
ui_keys a F1
ui_expect a 'F3 Ctrl-O' "the help names its keys"
ui_expect a 'Мазмуну: бөлүмдөр жана суроолор, каалаганына өтүү' "and what it does"
ui_keys a Escape
ui_keys a F10
ui_expect a 'Интервьюлар' "left"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
done_testing
