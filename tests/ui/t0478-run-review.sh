# t0478-run-review: F9 review grouped by section with its headers, questions numbered, labels
# and answers wrapped (never cut at 40 columns), Tab to the next problem, Enter shows a
# question whole (label, answer, problem) and Enter again goes to it.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/v.db

ui_start a tests/fixtures/ui/question.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_type a 'Ош'
ui_step a 'Интервью алынган күн' Enter
ui_keys a C-u
ui_type a '2021-05-05'
ui_step a 'кандай жардам' Enter
ui_keys a 1
ui_keys a F9
ui_expect a 'Жоопторду карап чыгуу' "F9: the review"
ui_expect a '^1\. Жалпы маалымат$' "the first section's header"
ui_expect a '^2\. Кызматкерлер$' "the second's"
ui_expect a '^3\. Баалоо$' "the third's"
ui_expect a '^    1\. Муниципалитеттин аталышы +Ош$' "questions numbered, with their answers"
ui_expect a '^    3\. Пандемия учурунда муниципалитет калкка +Азык-түлүк таңгактары жана башка$' "a long label wraps in its column"
ui_expect a '^       кандай жардам көрсөттү\? +негизги муктаждыктар үчүн$' "its next line: the label's rest, the answer's next words"
ui_lacks a 'калкка к$|муниципалитет к$' "no label is cut"
ui_expect a '^!   5\. Канча кызматкер бар\? +\(жооп жок\)$' "a problem is marked"
ui_expect a 'Бул суроо милдеттүү' "the first problem's message is shown (it is highlighted)"
ui_keys a Tab
ui_expect a 'Бул суроо милдеттүү' "Tab: the next problem"
ui_keys a Enter
ui_expect a '^ +9\. Кызматтар калыбына келдиби\?' "Enter shows the question whole"
ui_expect a 'Жооп: \(жооп жок\)' "with its answer"
ui_expect a 'Enter суроого өтүү  Esc тизмеге' "and its keys"
ui_keys a Escape
ui_lacks a 'Жооп: \(жооп жок\)' "Esc: back to the list"
ui_keys a Enter
ui_expect a 'Жооп:' "Enter again: the question whole"
ui_keys a Enter
ui_expect a '^Кызматтар калыбына келдиби\? \*' "Enter once more goes to it"
ui_keys a F10
ui_expect a 'Интервьюлар' "left"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
done_testing
