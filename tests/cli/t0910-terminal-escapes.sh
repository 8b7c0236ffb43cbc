# t0910-terminal-escapes: text from a file or an argument never reaches the terminal raw.
# Interviewer names, file paths, CSV cells, form labels and choice labels holding ESC [2J, CR,
# BEL, a C1 CSI (U+009B), a raw 0x9b byte (not UTF-8) and newlines go through merge, list,
# freq, tab, check, import and run --interviewer: every control is shown escaped ("\x1b"),
# one record stays one line, and Kyrgyz text (ң ө ү) is intact. On a terminal, stdout is
# filtered too; to a pipe it is left byte for byte.
. tests/lib.sh

# clean FILE what: no control but newline and tab, no C1 control, no byte that is not UTF-8
clean() {
	if python3 - "$1" <<'EOF'
import sys
s = open(sys.argv[1], 'rb').read().decode('utf-8', 'surrogateescape')
sys.exit(any((ord(c) < 32 and c not in '\n\t') or 0x7f <= ord(c) <= 0x9f or
             0xdc80 <= ord(c) <= 0xdcff for c in s))
EOF
	then ok "$2: no raw control"; else not_ok "$2: raw controls: $(od -c "$1" | head -4)"; fi
}
both() { cat "$TMP/out" "$TMP/err" >"$TMP/both"; clean "$TMP/both" "$1"; }
lines() { wc -l <"$1" | tr -d ' '; }

ESC=$(printf '\033')
# a questionnaire whose labels, choice labels and form id hold controls
printf '| survey |\n| | type | name | label |\n' >"$TMP/f.md"
printf '| | select_one yn | q1 | Q1 \033[2J clear\a |\n' >>"$TMP/f.md"
printf '| | select_one yn | q2 | Q2 \302\233 csi |\n' >>"$TMP/f.md"
printf '| | text | t | Text |\n\n| choices |\n| | list_name | name | label |\n' >>"$TMP/f.md"
printf '| | yn | 1 | Yes \033]0;pwned\a |\n| | yn | 2 | Ооба ң ө ү |\n\n' >>"$TMP/f.md"
printf '| settings |\n| | form_id | version |\n| | evil\033[31m | 1 |\n' >>"$TMP/f.md"

run "$SURVEY" check "$TMP/f.md"
expect_rc 0 "check a form with controls in its labels"
both "check's summary line"
expect_out 'form evil\\x1b\[31m version 1' "check: the form id shown escaped"

# problems quoting cells that hold controls: one line each
printf '| survey |\n| | type | name | label |\n| | select_one no\033[2Jlist | q1 | Q1 |\n' >"$TMP/bad.md"
printf '| | integer\a | q\033]0;x\r\n| Q2 |\n' >>"$TMP/bad.md"
run "$SURVEY" check "$TMP/bad.md"
expect_rc 1 "check a form with bad cells"
both "check's problems"
expect_err "unknown choice list 'no\\\\x1b\[2Jlist'" "check: the cell quoted escaped"
expect_err "bad.md:survey:4: error: type: unknown type 'integer\\\\x07'" "check: the second row's problem named"
n=$(grep -c "bad.md:" "$TMP/err")
expect_eq "$(lines "$TMP/err")" "$n" "check: every stderr line is one problem"

# a database, then its interviewer names forged
schema7 "$SURVEY" simulate "$TMP/f.md" -n 12 --db "$TMP/a.db" --seed 3 --quiet || not_ok "simulate"
cp "$TMP/a.db" "$TMP/clean.db"
sqlite3 "$TMP/a.db" "UPDATE interviews SET interviewer = 'Ann' || char(27) || '[2J' ||
	char(13) || 'survey: all inputs verified' || char(10) || char(7) || CAST(x'9b' AS TEXT) ||
	char(155) || 'x' WHERE uuid = (SELECT min(uuid) FROM interviews);
	UPDATE interviews SET interviewer = 'Айгүл ң ө ү' WHERE uuid = (SELECT max(uuid) FROM interviews)"
cp "$TMP/clean.db" "$TMP/plain.db"
sqlite3 "$TMP/plain.db" "UPDATE interviews SET interviewer = 'Ann plain' WHERE uuid = (SELECT min(uuid) FROM interviews);
	UPDATE interviews SET interviewer = 'Айгүл ң ө ү' WHERE uuid = (SELECT max(uuid) FROM interviews)"
run "$SURVEY" list "$TMP/plain.db"
want=$(lines "$TMP/out")
run "$SURVEY" list "$TMP/a.db"
expect_rc 0 "list"
both "list"
expect_eq "$(lines "$TMP/out")" "$want" "list: as many lines as with plain names"
expect_out 'Ann\\x1b\[2J\\rsurvey: all inputs verified\\n\\x07\\x9b\\xc2\\x9bx' "list: the name shown escaped"
expect_out 'Айгүл ң ө ү' "list: a Kyrgyz name intact"
grep -q '^survey: all inputs verified' "$TMP/out" && not_ok "list: a forged line" || ok "list: no forged line"

run "$SURVEY" freq "$TMP/a.db" q1 q2
expect_rc 0 "freq"
both "freq"
expect_out 'Q1 \\x1b\[2J clear\\x07' "freq: the question label escaped"
expect_out 'Yes \\x1b\]0;pwned\\x07' "freq: the choice label escaped"
expect_out 'Q2 \\xc2\\x9b csi' "freq: a C1 control escaped"
expect_out 'Ооба ң ө ү' "freq: a Kyrgyz label intact"

run "$SURVEY" tab "$TMP/a.db" q1 q2
expect_rc 0 "tab"
both "tab"
expect_out 'rows: Q1 \\x1b\[2J clear\\x07' "tab: the row label escaped"

# merge: inputs whose paths hold controls, one of them damaged
name=$(printf 'x\033[2J\rsurvey: all inputs verified\n\233y')
cp "$TMP/clean.db" "$TMP/$name.db"
head -c 3000 "$TMP/clean.db" >"$TMP/$name-cut.db"
head -c 3000 "$TMP/clean.db" >"$TMP/cut.db"
run "$SURVEY" merge -o "$TMP/m.db" "$TMP/clean.db" "$TMP/cut.db"
want=$(lines "$TMP/out")
run "$SURVEY" merge -o "$TMP/out.db" "$TMP/$name.db" "$TMP/$name-cut.db"
expect_rc 1 "merge: the damaged input refused"
both "merge"
expect_eq "$(lines "$TMP/out")" "$want" "merge: as many lines on stdout as with a plain name"
expect_err_lines 1 "merge: one line on stderr for the damaged input"
expect_out "x\\\\x1b\[2J\\\\rsurvey: all inputs verified\\\\n\\\\x9by.db' \(device" "merge: the path escaped"
grep -q '^survey: all inputs verified' "$TMP/both" && not_ok "merge: a forged line" ||
	ok "merge: no forged line"
run "$SURVEY" merge --json -o "$TMP/json.db" "$TMP/$name.db"
expect_rc 0 "merge --json to a pipe"
grep -q "$ESC" "$TMP/out" && not_ok "merge --json: a raw escape" || ok "merge --json: JSON escapes itself"

# import: cells, a header and an interviewer holding controls
{
	printf 'q1,q2,t,_interviewer,bad\033[2Jcol\n'
	printf '1,2,ok,Ann,\n'
	printf '"1\033[2J\r\nsurvey: all inputs verified",2,ok,Ann,\n'
	printf '1,2,ok,"Ann\033[2J",\n'
	printf '1,2,"\033]0;x\a",Айгүл,\n'
	printf '1,2,"a\302\233b",Айгүл,\n'
} >"$TMP/data.csv"
run "$SURVEY" import "$TMP/f.md" "$TMP/data.csv" --db "$TMP/imp.db"
expect_rc 1 "import of hostile cells"
both "import"
expect_err "data.csv:1:bad\\\\x1b\[2Jcol: warning" "import: the header quoted escaped"
expect_err "data.csv:3:q1: error: '1\\\\x1b\[2J survey: all inputs verified" "import: the cell quoted escaped"
expect_err "data.csv:5:_interviewer: error: 'Ann\\\\x1b\[2J': the interviewer's name holds a control" "import: an interviewer with a control refused"
expect_err "data.csv:6:t: error: .*not allowed" "import: a text answer with controls refused"
expect_err "data.csv:7:t: error: .*not allowed" "import: a text answer with a C1 control refused"
expect_err_lines 6 "import: one line per problem and the summary"
grep -q '^survey: all inputs verified' "$TMP/both" && not_ok "import: a forged line" ||
	ok "import: no forged line"

# --interviewer: refused as the engine refuses such text answers, in one line
run "$SURVEY" run "$TMP/f.md" --db "$TMP/r.db" --interviewer "$(printf 'Ann\033[2J')"
expect_rc 2 "run --interviewer with ESC"
expect_err_lines 1 "run --interviewer: one line"
both "run --interviewer"
expect_err "--interviewer 'Ann\\\\x1b\[2J'" "run --interviewer: the name shown escaped"
run "$SURVEY" run "$TMP/f.md" --interviewer "$(printf 'Ann\nsurvey: ok')"
expect_rc 2 "run --interviewer with a newline"
expect_err_lines 1 "run --interviewer with a newline: one line"
run "$SURVEY" simulate "$TMP/f.md" -n 1 --db "$TMP/s.db" --interviewer "$(printf 'A\302\233B')"
expect_rc 2 "simulate --interviewer with a C1 control"
both "simulate --interviewer"
[ -e "$TMP/s.db" ] && not_ok "simulate: a database made" || ok "simulate: nothing made"
run "$SURVEY" simulate "$TMP/f.md" -n 1 --db "$TMP/s.db" --interviewer "Айгүл ң ө ү" --quiet
expect_rc 0 "simulate --interviewer with a Kyrgyz name"

run "$SURVEY" "$(printf 'li\033[2Jst')" x
expect_rc 2 "an unknown command with ESC"
expect_err_lines 1 "an unknown command: one line"
both "an unknown command"

# stdout on a terminal is filtered whatever prints it; to a pipe it stays byte for byte
"$SURVEY" check --dump "$TMP/f.md" >"$TMP/dump"
grep -q "$ESC" "$TMP/dump" && ok "check --dump to a file: byte for byte" ||
	not_ok "check --dump to a file lost its bytes"
python3 - "$SURVEY" "$TMP/f.md" "$TMP/tty" <<'EOF'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], 'check', '--dump', sys.argv[2]])
out = b''
while True:
    try:
        b = os.read(fd, 65536)
    except OSError:
        break
    if not b:
        break
    out += b
os.waitpid(pid, 0)
open(sys.argv[3], 'wb').write(out.replace(b'\r\n', b'\n'))
EOF
grep -q 'clear' "$TMP/tty" && ok "check --dump on a terminal: printed" || not_ok "check --dump on a terminal: nothing"
clean "$TMP/tty" "check --dump on a terminal"
grep -q 'Q1 \\x1b\[2J clear\\x07' "$TMP/tty" && ok "check --dump on a terminal: escaped" ||
	not_ok "check --dump on a terminal: $(head -c 300 "$TMP/tty")"
done_testing
