# t0471-run-layout: the question screen's layout — a multiline text wraps at words and its
# field takes the rows the screen has (not 6 rows with 14 empty below); a long choice label
# keeps its hanging indent at 60 columns; a repeat entry's title says which of how many
# and whose ("Кызматкер 1/2 · Асан").
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/l.db

ui_start a tests/fixtures/ui/question.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_type a 'Кара-Суу'
ui_step a 'Интервью алынган күн' Enter
ui_keys a C-u
ui_type a '2021-05-05'
ui_step a 'кандай жардам' Enter
T resize-window -t a -x 60 -y 20
ui_expect a '^   1\) \( \) Азык-түлүк таңгактары жана башка негизги$' "at 60 columns a long choice label wraps at a word"
ui_expect a '^          муктаждыктар үчүн жардам, айрыкча аз камсыз$' "its next line hangs under the label, not under the number"
T resize-window -t a -x 80 -y 24
ui_expect a '^          айрыкча аз камсыз болгон үй-бүлөлөргө$' "and at 80 columns too"
ui_keys a 1
ui_step a 'Кошумча эскертүүлөр' Enter
ui_type a 'Бул узун текст сөздөр менен жазылат жана саптын аягында сөз бөлүнбөшү керек, анткени окууга оор болот.'
ui_expect a '^  > Бул узун текст сөздөр менен жазылат жана саптын аягында сөз бөлүнбөшү$' "a multiline text wraps at a word"
ui_expect a '^    керек, анткени окууга оор болот\.$' "its second row starts with the next word"
# twelve more lines, pasted: the field grows over the free rows instead of scrolling in 6
T set-buffer -b p "$(printf '\nсап %s' 3 4 5 6 7 8 9 10 11 12 13 14)"
T paste-buffer -p -d -b p -t a
ui_expect a 'сап 14' "the pasted lines are in the field"
ui_expect a '^    керек, анткени окууга оор болот\.$' "and the first rows are still shown: the field uses the screen's height"
ui_expect a '^    сап 3$' "all of its 14 rows"
ui_step a 'Канча кызматкер бар' Enter
ui_type a 2
ui_step a 'Кызматкер 1/2$|Кызматкер 1/2 ' Enter
ui_expect a '^ Кызматкер 1/2( |$)' "the first entry's title: 1 of 2"
ui_type a 'Асан'
ui_step a 'Жашы' Enter
ui_expect a '^ Кызматкер 1/2 · Асан' "with its first answer once given"
ui_keys a Enter
ui_expect a '^ Кызматкер 2/2( |$)' "the second entry: 2 of 2"
ui_keys a F10
ui_expect a 'Интервьюлар' "left"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
expect_eq "$(sql "$DB" "select length(value) - length(replace(value, char(10), '')) from answers where path = 's1/notes'")" 12 "the multiline answer keeps its 12 line ends"
done_testing
