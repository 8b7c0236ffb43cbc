# t0425-run-numbers: a number field refuses letters as they are typed, with a short message,
# and takes digit grouping with spaces, no-break or narrow no-break spaces ("2 000"); the
# grouping is taken out before the answer is saved, so the stored number is canonical.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/n.db
v() { sql "$DB" "select value from answers where path='$1'"; }

ui_start a tests/fixtures/ui/keys.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_expect a 'Муниципалитеттин аталышы' "the first question"
ui_type a 'Ош'
ui_step a 'Кызмат ордуңуз' Enter
ui_step a 'Жынысы' 1 Enter
ui_step a 'Айылдын аты' 2 Enter
ui_step a 'Кызматкерлердин саны' Enter
ui_type a 'беш'
ui_expect a 'Бүтүн сан жазыңыз' "a letter in a whole number is refused as it is typed"
ui_expect a '^  >$' "and not typed"
ui_type a '2 000'
ui_expect a '> 2 000' "digits with a space are typed"
ui_step a 'Бюджет, миң сом' Enter
expect_eq "$(v staff)" 2000 "'2 000' is saved as 2000"
ui_type a 'x'
ui_expect a 'Сан жазыңыз' "a letter in a decimal is refused as typed"
ui_type a "$(printf '1\342\200\257234,5')"
ui_step a 'Эскертүүлөр' Enter
expect_eq "$(v budget)" 1234.5 "'1 234,5' with a narrow no-break space is saved as 1234.5"
ui_keys a PPage
ui_expect a 'Бюджет, миң сом' "back to the decimal"
ui_keys a C-u
ui_type a "$(printf '12\302\240300')"
ui_step a 'Эскертүүлөр' Enter
expect_eq "$(v budget)" 12300 "a no-break space too"
ui_keys a PPage PPage
ui_expect a 'Кызматкерлердин саны' "back to the whole number"
ui_keys a C-u
printf '12 300 сом\n' | T load-buffer -b p -
T paste-buffer -p -b p -t a
ui_expect a '> 12 300' "a paste into a number keeps what a number is written with"
ui_expect a 'Бүтүн сан жазыңыз' "and says the rest was refused"
ui_step a 'Бюджет, миң сом' Enter
expect_eq "$(v staff)" 12300 "saved as 12300"
ui_keys a F10
ui_expect a 'аяктай элек' "F10 leaves"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits"
ui_no_stderr a "nothing on stderr"
done_testing
