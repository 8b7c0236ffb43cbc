# t0424-run-clear: Ctrl-U clears a text field (Enter then confirms the empty answer, or the
# form says it is required); Delete or Ctrl-K clears the answer of an optional choice
# question, and is refused with the engine's "required" message on a required one.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/k.db
v() { sql "$DB" "select coalesce(value,'(null)')||':'||state from answers where path='$1'"; }

ui_start a tests/fixtures/ui/keys.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_expect a 'Муниципалитеттин аталышы' "the first question, a text"
ui_type a 'Кара-Суу'
ui_expect a '> Кара-Суу' "typed"
ui_keys a C-u
ui_expect a '^  >$' "Ctrl-U empties the field"
ui_keys a Enter
ui_expect a 'Бул суроо милдеттүү' "Enter on the emptied required field: the form says it is required"
ui_type a 'Ош'
ui_step a 'Кызмат ордуңуз' Enter
ui_keys a 2
ui_expect a '2\) \(\*\) Орун басары' "a choice is picked"
expect_eq "$(v pos)" 'deputy:answered' "and saved"
ui_keys a DC
ui_expect a 'Жооп өчүрүлдү' "Delete clears the optional answer"
ui_lacks a '\(\*\)' "no choice is marked"
expect_eq "$(v pos)" '(null):answered' "the answer is cleared in the database"
ui_keys a 3
ui_expect a '3\) \(\*\) Башка' "another choice"
ui_keys a C-k
ui_expect a 'Жооп өчүрүлдү' "Ctrl-K clears it too"
expect_eq "$(v pos)" '(null):answered' "cleared again"
ui_step a 'Жынысы' Enter
ui_keys a 1
ui_expect a '1\) \(\*\) Эркек' "a required choice is picked"
ui_keys a DC
ui_expect a 'Бул суроо милдеттүү' "Delete on a required question is refused with the required message"
ui_expect a '1\) \(\*\) Эркек' "the choice stays"
expect_eq "$(v sex)" 'm:answered' "and stays saved"
ui_keys a PPage
ui_expect a 'Кызмат ордуңуз' "back"
ui_keys a PPage
ui_expect a '> Ош' "back to the text with its stored answer"
ui_keys a C-u Enter
ui_expect a 'Бул суроо милдеттүү' "a stored text cleared by Ctrl-U is required again"
expect_eq "$(v muni)" '(null):answered' "the cleared answer is saved; only moving on is refused"
ui_keys a C-c
ui_expect a 'аяктай элек' "Ctrl-C leaves"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits"
ui_no_stderr a "nothing on stderr"
done_testing
