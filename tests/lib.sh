# tests/lib.sh: helpers for CLI test scripts (sourced). Each check prints "ok N - what" or
# "not ok N - what" (TAP-like); tests/run counts those lines. The script exits non-zero if any failed.
: "${SURVEY:?SURVEY must name the binary under test}"
# SURVEY_FIXTURES: the binary that builds a test's large inputs (a `simulate` of hundreds of
# interviews before what the test checks): tests/run gives the release build `make test` makes
# beside the ASan one under test; else SURVEY itself.
: "${SURVEY_FIXTURES:=$SURVEY}"
T_N=0 T_FAILED=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# interrupted (Ctrl-C by hand; tests/run's TERM to the suites it runs): the EXIT trap still
# cleans up (the shell runs it on exit, not on a death by signal)
trap 'exit 130' INT
trap 'exit 143' TERM

ok()     { T_N=$((T_N + 1)); echo "ok $T_N - $1"; }
not_ok() { T_N=$((T_N + 1)); T_FAILED=$((T_FAILED + 1)); echo "not ok $T_N - $1"; }

# run CMD...: runs a command, keeping stdout in $TMP/out, stderr in $TMP/err, status in $RC
run() { "$@" >"$TMP/out" 2>"$TMP/err"; RC=$?; }

expect_rc()  { # expect_rc N what
	if [ "$RC" -eq "$1" ]; then ok "$2 (exit $1)"; else not_ok "$2: exit $RC, expected $1; stderr: $(head -c 400 "$TMP/err")"; fi; }
expect_out() { # expect_out REGEX what   (grep -E on stdout)
	if grep -Eq -- "$1" "$TMP/out"; then ok "$2"; else not_ok "$2: stdout lacks /$1/: $(head -c 400 "$TMP/out")"; fi; }
expect_err() { # expect_err REGEX what
	if grep -Eq -- "$1" "$TMP/err"; then ok "$2"; else not_ok "$2: stderr lacks /$1/: $(head -c 400 "$TMP/err")"; fi; }
expect_err_lines() { # expect_err_lines N what
	n=$(wc -l <"$TMP/err"); if [ "$n" -eq "$1" ]; then ok "$2"; else not_ok "$2: stderr has $n lines, expected $1: $(head -c 400 "$TMP/err")"; fi; }
expect_eq()  { # expect_eq GOT WANT what
	if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3: got '$1', expected '$2'"; fi; }

done_testing() { [ "$T_FAILED" -eq 0 ]; }

# schema7 CMD...: CMD with SURVEY_STORE_SCHEMA=7, for a file whose rows a suite then crafts with
# sqlite3 or Python through `interviews`, `answers` or `events` (read-only views at schema 8, the
# default), so the suite checks the same thing at the default and with SURVEY_STORE_SCHEMA=7
# exported.
schema7() { env SURVEY_STORE_SCHEMA=7 "$@"; }
# store_schema: the schema a command makes a new file of (and migrates a writable one to) in
# this run: SURVEY_STORE_SCHEMA's when it is set, else the default, 8
store_schema() { echo "${SURVEY_STORE_SCHEMA:-8}"; }

# copy_sources DIR: the sources git tracks (all of them outside a checkout) copied into DIR, to
# break on purpose; mk TARGET...: make in $C (set it to DIR), keeping out/err/RC as run does.
copy_sources() {
	mkdir -p "$1"
	if git -C "$TOP" rev-parse --git-dir >/dev/null 2>&1; then
		(cd "$TOP" && git ls-files -z | tar --null -T - -cf -) | tar -C "$1" -xf -
	else
		(cd "$TOP" && tar --exclude=./build --exclude=./survey -cf - .) | tar -C "$1" -xf -
	fi
}
mk() { (cd "$C" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -j2 "$@") >"$TMP/out" 2>"$TMP/err"; RC=$?; }
# expect_breach FILE TEXT PATTERN WHAT [TARGET]: in the copy $C, TEXT (lines) appended to FILE
# (under src/) breaks `make TARGET` (build/layers.ok unless given): exit 2, and the output has
# a line matching PATTERN (grep; the file and line, or the symbol). FILE is put back after.
expect_breach() {
	cp "$C/src/$1" "$TMP/breach.orig"
	printf '%s\n' "$2" >>"$C/src/$1"
	mk "${5:-build/layers.ok}"
	expect_rc 2 "$4 breaks make"
	if grep -q -- "$3" "$TMP/out" "$TMP/err"; then
		ok "$4: make names /$3/"
	else
		not_ok "$4: make names /$3/: $(tail -c 400 "$TMP/out") $(tail -c 400 "$TMP/err")"
	fi
	cp "$TMP/breach.orig" "$C/src/$1"
}

# fw_hq NAME UNIT...: the fieldwork fixture's coordinator file: FORM (tests/fixtures/fieldwork/
# mini.md), HQ=$TMP/hq.db with its sample frame and each UNIT (M-01...) assigned to the
# interviewer NAME; DB=$TMP/laptop.db names the laptop file (not made).
fw_hq() {
	FORM=tests/fixtures/fieldwork/mini.md HQ=$TMP/hq.db DB=$TMP/laptop.db
	"$SURVEY" frame "$FORM" tests/fixtures/fieldwork/mini-frame.csv --db "$HQ" >/dev/null
	"$SURVEY" assign "$HQ" --interviewer "$@" >/dev/null
}
# fw_kit NAME KIT [OPTION...]: the kit of the interviewer NAME made from $HQ into KIT.
fw_kit() { who=$1 kit=$2; shift 2; "$SURVEY" kit "$HQ" --interviewer "$who" -o "$kit" "$@" >/dev/null; }
