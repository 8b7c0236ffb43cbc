# tests/ui/tmux.sh: helpers for the UI scripts, sourced after tests/lib.sh — `survey run` in
# a private tmux server at 80x24, keys, and the screen polled with a bounded wait (no fixed
# sleeps). tmux is required (make test installs it): without it a script fails, never passes.
if ! command -v tmux >/dev/null 2>&1; then
	echo "not ok 1 - tmux is not installed (make test installs it: tools/install-deps)"
	exit 1
fi
UI_SOCK="$TMP/tmux.sock"
T() { tmux -u -S "$UI_SOCK" -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
UI_ENV="${UI_ENV:-LC_ALL=C.UTF-8 LANG=C.UTF-8}"

# ui_start NAME ARG...: `$SURVEY run ARG...` in session NAME (80x24); its stdout after the UI
# is in the pane, stderr in $TMP/NAME.err, exit status in $TMP/NAME.rc once it ends.
ui_start() {
	local name=$1 a
	shift
	rm -f "$TMP/$name.rc"
	{
		printf 'cd %s\n' "'${TOP:-$(pwd)}'"
		# the interviewer's name, so that no first-run name screen comes first (UI_INTERVIEWER=
		# empty: none, the name is asked)
		printf 'env %s SURVEY_INTERVIEWER=%s ASAN_OPTIONS=%s' "$UI_ENV" \
			"'${UI_INTERVIEWER-Айбек}'" "'${ASAN_OPTIONS:-}'"
		printf ' %s' "'$SURVEY'" "${UI_CMD:-run}"   # UI_CMD=review: the supervisor's screen
		for a in "$@"; do printf " '%s'" "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")"; done
		printf ' 2>%s\necho $? >%s\n' "'$TMP/$name.err'" "'$TMP/$name.rc.tmp'"
		printf 'mv %s %s\n' "'$TMP/$name.rc.tmp'" "'$TMP/$name.rc'"
	} >"$TMP/$name.sh"
	T new-session -d -x 80 -y 24 -s "$name" "sh '$TMP/$name.sh'"
}

ui_screen() { T capture-pane -p -t "$1" 2>/dev/null; }

# ui_wait NAME REGEX [SECONDS]: poll the screen until it matches (grep -E); 1 on timeout.
ui_wait() {
	local deadline=$(( $(date +%s) + ${3:-15} ))
	while :; do
		if ui_screen "$1" >"$TMP/screen" && grep -Eq -- "$2" "$TMP/screen"; then
			return 0
		fi
		if [ -e "$TMP/$1.rc" ] || [ "$(date +%s)" -gt "$deadline" ]; then
			ui_screen "$1" >"$TMP/screen"
			grep -Eq -- "$2" "$TMP/screen" && return 0
			return 1
		fi
		sleep 0.03
	done
}

# ui_expect NAME REGEX WHAT [SECONDS]: ui_wait as a test; on failure the screen is shown.
ui_expect() {
	if ui_wait "$1" "$2" "${4:-15}"; then
		ok "$3"
	else
		not_ok "$3: the screen never showed /$2/"
		sed 's/^/#  |/' "$TMP/screen"
		[ -s "$TMP/$1.err" ] && sed 's/^/#  stderr: /' "$TMP/$1.err" | head -20
	fi
}

# ui_settle NAME: capture the screen into $TMP/screen once two captures 50 ms apart agree (a
# capture can fall in the middle of a redraw).
ui_settle() {
	local i=0
	ui_screen "$1" >"$TMP/screen"
	while [ $i -lt 100 ]; do
		sleep 0.05
		ui_screen "$1" >"$TMP/screen.2"
		cmp -s "$TMP/screen" "$TMP/screen.2" && return 0
		mv "$TMP/screen.2" "$TMP/screen"
		i=$((i + 1))
	done
}

# ui_lacks NAME REGEX WHAT: the settled screen does not show REGEX.
ui_lacks() {
	ui_settle "$1"
	if grep -Eq -- "$2" "$TMP/screen"; then
		not_ok "$3: the screen shows /$2/"
		sed 's/^/#  |/' "$TMP/screen"
	else
		ok "$3"
	fi
}

ui_keys() { local _n=$1; shift; T send-keys -t "$_n" "$@"; }
ui_type() { T send-keys -t "$1" -l "$2"; }

# ui_exit NAME [SECONDS]: wait until the program ended; its status in $RC (255 on timeout).
ui_exit() {
	local deadline=$(( $(date +%s) + ${2:-15} ))
	while [ ! -e "$TMP/$1.rc" ]; do
		if [ "$(date +%s)" -gt "$deadline" ]; then
			RC=255
			return 1
		fi
		sleep 0.03
	done
	RC=$(cat "$TMP/$1.rc")
}

# ui_no_stderr NAME WHAT: the program wrote nothing on stderr (no sanitizer report).
ui_no_stderr() {
	if [ -s "$TMP/$1.err" ]; then
		not_ok "$2: stderr: $(head -c 600 "$TMP/$1.err")"
	else
		ok "$2"
	fi
}

# sql DB QUERY: sqlite3 with a busy timeout, one value per line ('|' between columns).
sql() { sqlite3 -cmd '.timeout 5000' "$1" "$2"; }

# ui_pos NAME: the position "n/N" on the status line (the last line), or "".
ui_pos() { ui_screen "$1" | tail -1 | sed -n 's/^ *\([0-9][0-9]*\/[0-9][0-9]*\).*/\1/p'; }

# ui_step NAME REGEX KEY...: send keys, then wait until the screen moved on (its position
# changed) and shows REGEX. On a timeout the test fails with the screen shown, and the script
# ends: the steps after it would mean nothing.
ui_step() {
	local name=$1 re=$2 before pos deadline
	shift 2
	before=$(ui_pos "$name")
	[ $# -gt 0 ] && T send-keys -t "$name" "$@"
	deadline=$(( $(date +%s) + 15 ))
	while :; do
		ui_screen "$name" >"$TMP/screen"
		pos=$(tail -1 "$TMP/screen" | sed -n 's/^ *\([0-9][0-9]*\/[0-9][0-9]*\).*/\1/p')
		if [ "$pos" != "$before" ] && grep -Eq -- "$re" "$TMP/screen"; then
			return 0
		fi
		if [ -e "$TMP/$name.rc" ] || [ "$(date +%s)" -gt "$deadline" ]; then
			not_ok "step to /$re/ (from $before, keys: $*): the screen never showed it"
			sed 's/^/#  |/' "$TMP/screen"
			[ -s "$TMP/$name.err" ] && sed 's/^/#  stderr: /' "$TMP/$name.err" | head -20
			exit 1
		fi
		sleep 0.03
	done
}
