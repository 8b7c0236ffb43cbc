# t0440-run-long-list: a select_one_from_file list of 320 villages from a CSV file at 80x24:
# typing letters keeps only the matching choices (Cyrillic too), Backspace and Esc widen the
# search again, a digit and Enter pick from what is shown; the village's population, looked up
# with pulldata(), appears in the next question's label; the answer is stored.
. tests/lib.sh
. tests/ui/tmux.sh
FORM=tests/fixtures/ui/long-list.md
DB=$TMP/long.db

ui_start a "$FORM" --db "$DB"
ui_expect a 'No interviews yet' "the start screen"
ui_keys a n
ui_expect a 'Which village\?' "the question with 320 choices from the CSV file"
ui_expect a 'Type letters to search' "a long list says that typing searches it"
ui_expect a '1\) \( \) Ak-Suu' "the first choices are shown"
ui_type a 'kyzyl'
ui_expect a 'Search: kyzyl  \(40 of 320\)' "typing keeps the matching choices, counted"
ui_expect a '1\) \( \) Kyzyl-Suu' "the first match is numbered 1"
ui_keys a Escape
ui_expect a 'Type letters to search' "Esc clears the search"
ui_type a 'kyzyl-tash'
ui_expect a 'Search: kyzyl-tash  \(4 of 320\)' "more letters narrow the list"
ui_keys a BSpace BSpace BSpace BSpace BSpace
ui_expect a 'Search: kyzyl  \(40 of 320\)' "Backspace widens it again"
ui_keys a Escape
ui_expect a 'Type letters to search' "Esc clears it again"
ui_type a 'өмүр'
ui_expect a 'Search: өмүр  \(1 of 320\)' "a Cyrillic search (ө, ү)"
ui_expect a '1\) \( \) Өмүр-Ата' "finds the Cyrillic label"
ui_keys a Escape
ui_expect a 'Type letters to search' "Esc"
ui_type a 'KYZYL-TASH'
ui_expect a '3\) \( \) Kyzyl-Tash 3' "upper case matches lower case"
ui_keys a 3
ui_expect a '3\) \(\*\) Kyzyl-Tash 3' "a digit picks the choice shown"
ui_keys a Enter
ui_expect a 'How many households in v095 \(population 765\)\?' \
	"the next label shows the population looked up with pulldata()"
expect_eq "$(sql "$DB" "select value from answers where path='village'")" v095 "the village is stored"
expect_eq "$(sql "$DB" "select value from answers where path='pop'")" 765 "the lookup is stored"
ui_keys a PPage
ui_expect a '95\) \(\*\) Kyzyl-Tash 3' "back to the whole list, scrolled to the answer"
ui_keys a Down Down Enter
ui_expect a 'How many households in v097 \(population 779\)' "Down and Enter pick without a search"
ui_keys a F10
ui_expect a 'draft' "F10 leaves"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits with status 0"
ui_no_stderr a "nothing on stderr"
done_testing
