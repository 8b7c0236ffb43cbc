# t0408-run-resize-unsignalled: the UI follows the terminal's size as it is at each key, not only
# when a resize signal arrives (a window resized twice at once on a loaded machine lost one: every
# screen after it was drawn for the old size, cut and wrapped). Here the program never gets
# SIGWINCH (blocked before it starts): after a key it still draws for the new size.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/r.db
real=$SURVEY
cat >"$TMP/nowinch" <<PY
#!/usr/bin/env python3
import os, signal, sys
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGWINCH})
os.execv("$real", ["$real"] + sys.argv[1:])
PY
chmod +x "$TMP/nowinch"
SURVEY=$TMP/nowinch

# resize W H: the window resized, then a moment for the terminal to have the new size (no
# signal tells the program; the next key does)
resize() {
	T resize-window -t a -x "$1" -y "$2"
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		[ "$(T display -p -t a '#{pane_width}x#{pane_height}')" = "$1x$2" ] && break
		sleep 0.2
	done
	sleep 0.5
}

ui_start a tests/fixtures/ui/small.md --db "$DB" --lang ru
ui_expect a 'Интервью пока нет' "the start screen, in Russian"
ui_keys a n
ui_expect a 'Здравствуйте' "an interview starts"
resize 50 15
ui_keys a Enter
ui_expect a 'Терминал слишком мал \(50x15\)' "50x15 after a key, with no signal: the message"
resize 60 20
ui_keys a BSpace
ui_expect a 'Как вас зовут\?' "60x20 after a key: the question again"
ui_type a 'Чынара'
ui_keys a Enter
ui_keys a F10
ui_expect a 'черновик' "the start screen drawn for 60 columns (its status not cut)"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
done_testing
