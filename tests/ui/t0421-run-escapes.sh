# t0421-run-escapes: escape sequences are never typed into an answer. Under TERM=vt100 (whose
# terminfo lacks the keys xterm and PuTTY send) F5 and F9 still work, and sequences no key
# here has (Shift-F5, Ctrl-Up, ESC[99~, a device report, SS3 j, Alt-a) are dropped whole:
# before, `[15~[20~[5~` was typed and saved.
. tests/lib.sh
UI_ENV="LC_ALL=C.UTF-8 LANG=C.UTF-8 TERM=vt100"
. tests/ui/tmux.sh
DB=$TMP/e.db

ui_start a tests/fixtures/ui/keys.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen under TERM=vt100"
ui_keys a n
ui_expect a 'Муниципалитеттин аталышы' "the first question"
ui_type a 'Ош'
ui_expect a '> Ош' "typed text"
T send-keys -t a -H 1b 5b 31 35 3b 32 7e          # Shift-F5: ESC[15;2~
T send-keys -t a -H 1b 5b 31 3b 35 41             # Ctrl-Up: ESC[1;5A
T send-keys -t a -l "$(printf '\033[99~')"        # no such key
T send-keys -t a -H 1b 5b 3f 31 3b 32 63          # a device attributes report: ESC[?1;2c
T send-keys -t a -H 1b 4f 6a                      # SS3 j (keypad * in xterm)
T send-keys -t a -H 1b 61                         # Alt-a
ui_type a 'ш'
ui_expect a '> Ошш' "the text typed after the sequences follows the text before them"
ui_lacks a '> .*(\[|~|;|\?)' "no part of any sequence is in the field"
T send-keys -t a -l "$(printf '\033[D')"          # Left as xterm sends it
T send-keys -t a -l "$(printf '\033[3~')"         # Delete as xterm sends it
ui_type a 'к'
ui_expect a '> Ошк' "ESC[D and ESC[3~ are Left and Delete"
ui_keys a Enter
ui_expect a 'Кызмат ордуңуз' "Enter goes on"
expect_eq "$(sql "$DB" "select value from answers where path='muni'")" 'Ошк' \
	"the saved text has no piece of an escape sequence"
T send-keys -t a -l "$(printf '\033[15~')"        # F5 as xterm and PuTTY send it
ui_expect a '\[Билбейт\]' "ESC[15~ is F5 (don't know) though vt100 does not know it"
T send-keys -t a -l "$(printf '\033[20~')"        # F9
ui_expect a 'Жоопторду карап чыгуу' "ESC[20~ is F9 (review)"
ui_keys a Escape
ui_expect a 'Кызмат ордуңуз' "Esc on its own still goes back"
ui_keys a F10
ui_expect a 'аяктай элек' "F10 leaves"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits"
ui_no_stderr a "nothing on stderr"
done_testing
