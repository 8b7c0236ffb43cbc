# t0476-run-quick: a digit on a single choice with the `quick` appearance picks it and goes
# on to the next question; without it the screen stays (Enter goes on) unless the laptop's
# setting (the table of contents, key 1) says so for every question — kept in the database
# for the next run. Question numbers are the other setting (key 2).
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/q.db
FORM=tests/fixtures/ui/question.md

ui_start a $FORM --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_type a 'Ош'
ui_step a 'Интервью алынган күн' Enter
ui_keys a C-u
ui_type a '2021-05-05'
ui_step a 'кандай жардам' Enter
ui_keys a 2
ui_expect a '2\) \(\*\) Акчалай' "a digit picks a choice"
ui_lacks a 'Кошумча эскертүүлөр' "and stays on the question (no quick appearance)"
ui_keys a F3
ui_expect a 'Мазмуну: бөлүмдөр жана суроолор' "F3: the table of contents"
ui_expect a '1: тандоодон кийин өзү өтүү \(ушул ноутбукта\) — өчүк' "auto-advance is off"
ui_keys a 1
ui_expect a '1: тандоодон кийин өзү өтүү \(ушул ноутбукта\) — күйүк' "1 turns it on"
ui_expect a '2: суроолордун номерлери — өчүк' "numbers are off"
ui_keys a 2
ui_expect a '2: суроолордун номерлери — күйүк' "2 turns them on"
ui_keys a Escape
ui_expect a '^3\. Пандемия учурунда' "back to the question, with its number"
ui_keys a 1
ui_expect a '^4\. Кошумча эскертүүлөр' "with the setting, a digit picks and goes on"
expect_eq "$(sql "$DB" "select value from answers where path='s1/helpkind'")" food "the choice is saved"
ui_keys a F10
ui_expect a 'Интервьюлар' "left"
ui_keys a q
ui_exit a
expect_eq "$(sql "$DB" "select key||'='||value from meta where key like 'ui_%' order by key")" "$(printf 'ui_auto_advance=1\nui_numbers=1')" "the settings are the laptop's, in its database"

ui_start b $FORM --db "$DB" --lang ky
ui_keys b Enter
ui_expect b '^4\. Кошумча эскертүүлөр' "the next run keeps the numbers"
ui_keys b F3
ui_keys b 1
ui_expect b 'өзү өтүү \(ушул ноутбукта\) — өчүк' "auto-advance off again"
ui_keys b 2
ui_expect b '2: суроолордун номерлери — өчүк' "numbers off again"
ui_keys b Escape
ui_expect b '^Кошумча эскертүүлөр' "no number"
ui_step b 'Канча кызматкер' Enter
ui_type b 0
ui_step b 'Дагы жардам керекпи' Enter
ui_keys b 1
ui_expect b '1\) \(\*\) Ооба' "an optional choice picked"
ui_lacks b 'калыбына келдиби' "stays: no quick appearance, setting off"
ui_keys b DC
ui_expect b 'Жооп өчүрүлдү' "Delete clears the optional choice (as t0424)"
ui_lacks b '\(\*\)' "nothing is marked"
expect_eq "$(sql "$DB" "select coalesce(value, '(null)') from answers where path='s3/optq'")" '(null)' "the answer is cleared"
ui_step b 'Кызматтар калыбына келдиби' Enter
ui_keys b 2
ui_expect b 'Акыркы суроо' "quick: a digit picks and goes on, setting off"
expect_eq "$(sql "$DB" "select value from answers where path='s3/quickq'")" no "the quick choice is saved"
ui_keys b PPage
ui_expect b 'Кызматтар калыбына келдиби' "back"
ui_keys b 1
ui_expect b 'Акыркы суроо' "a changed quick choice goes on too"
expect_eq "$(sql "$DB" "select value from answers where path='s3/quickq'")" yes "and is saved"
ui_keys b F10
ui_expect b 'Интервьюлар' "left"
ui_keys b q
ui_exit b
ui_no_stderr a "nothing on stderr (a)"
ui_no_stderr b "nothing on stderr (b)"
done_testing
