# t0521-merge-hostile: a merge input is untrusted data. Crafted laptop files (schema rewritten
# through writable_schema, views, triggers, FTS tables, expression indexes, CHECKs calling
# functions, retyped and reordered columns, NULLs, BLOB and bad UUIDs, damaged pages) are each
# refused with one line naming the file and why, exit 1, the output byte-identical, nothing
# created beside the input; a good file on the same command line is merged. A WAL-mode file is
# read whole, also from read-only media. Two merges into one output: the second says why.
. tests/lib.sh
. tests/cli/merge-lib.sh

laptops "$TMP/l" 3 10 5 1
good1=$TMP/l/laptop01.db good2=$TMP/l/laptop02.db good3=$TMP/l/laptop03.db
base=$TMP/base.db
"$SURVEY" merge -o "$base" "$good1" >/dev/null || not_ok "first merge"

craft() { # craft CASE [GENUINE]: $TMP/CASE.db
	python3 tests/cli/craft-hostile.py "${2:-$good2}" "$TMP/$1.db" "$1" ||
		not_ok "cannot craft $1"
}
sha() { sha256sum <"$1" | cut -c1-64; }
beside() { (cd "$(dirname "$1")" && ls -- "$(basename "$1")"-* 2>/dev/null); }

hostile() { # hostile CASE REGEX what
	craft "$1"
	f=$TMP/$1.db o=$TMP/out-$1.db
	cp "$base" "$o"
	b=$(sha "$f") before=$(sha "$o")
	run "$SURVEY" merge -o "$o" "$f"
	expect_rc 1 "$3"
	expect_err "^survey: .*$1\\.db': $2" "$3: the reason, naming the file"
	expect_err_lines 1 "$3: one line"
	expect_eq "$(sha "$o")" "$before" "$3: the output is byte-identical"
	expect_eq "$(sha "$f")" "$b" "$3: the input is unchanged"
	expect_eq "$(beside "$f")" "" "$3: nothing created beside the input"
	expect_eq "$(beside "$o")" "" "$3: nothing left beside the output"
	run "$SURVEY" merge -o "$o" "$good3" "$f"
	expect_rc 1 "$3, after a good file"
	expect_err_lines 1 "$3, after a good file: one line"
	expect_out "laptop03\\.db' .*: 10 interviews: 10 new" "$3: the good file before it is merged"
	expect_eq "$(count "$o" "SELECT count(*) FROM interviews")" "20" "$3: the output holds both good files"
	expect_eq "$(beside "$f")" "" "$3: still nothing beside the input"
	expect_eq "$(beside "$good3")" "" "$3: nothing beside the good (WAL-mode) input"
}

schema='it is not a survey file written by survey \(its schema differs: '
hostile nulls "${schema}its table 'answers' is not declared as survey declares it\\)" "NOT NULL dropped, NULLs written"
hostile nulls-same-schema "it is damaged \\(NULL value in interviews.status\\)" "NULLs behind an unchanged schema"
hostile view "${schema}it lacks the table 'answers'\\)" "answers as a view"
hostile view-function "${schema}it has a view 'v' survey does not make\\)" "a view calling a function"
hostile trigger "${schema}it has a table 'log' survey does not make\\)" "a trigger"
hostile fts "${schema}it has a table 'notes' survey does not make\\)" "an FTS5 virtual table"
hostile expression-index "${schema}it has an index 'answers_lower' survey does not make\\)" "an expression index"
hostile costly-index "${schema}it has an index 'answers_cost' survey does not make\\)" "a costly expression index through writable_schema"
hostile check-function "${schema}its table 'interviews' is not declared as survey declares it\\)" "a CHECK calling a function"
hostile retyped "${schema}its table 'interviews' is not declared" "a retyped column"
hostile reordered "${schema}its table 'interviews' is not declared" "interviewer and device id swapped"
hostile garbage-schema "it is damaged \\(malformed database schema \\(meta\\)" "a schema SQLite cannot parse"
hostile extra-table "${schema}it has a table 'extra' survey does not make\\)" "an extra table"
hostile app-id "it is not a survey file written by survey \\(its application id is 0\\)" "no application id"
hostile old-version "it is not a survey file written by survey \\(its schema version is 0\\)" "schema version 0"
hostile blob-uuids "it is damaged: table 'answers', interview '.*', column 'uuid': it holds a blob where survey writes text" "BLOB uuids"
hostile upper-uuids "it is damaged: table 'answers', interview '[0-9A-F-]{36}', column 'uuid': not a UUID" "uppercase uuids"
hostile escape-uuid "it is damaged: table 'interviews', interview '\\\\x1b\\[2J\\\\x0asurvey: all inputs verif.*', column 'uuid': not a UUID" "a uuid with terminal escapes"
expect_eq "$(tr -d '\n' <"$TMP/err" | tr -d '[:print:]' | wc -c)" "0" "no control character printed"
hostile blob-value "it is damaged: table 'answers', interview '.*', column 'value': it holds a blob" "a BLOB answer"
hostile nul-text "it is damaged: table 'answers', interview '.*', column 'value': its text holds a NUL character" "text with a NUL character"
hostile provenance-blob "it is damaged: table 'provenance', row 'x', column 'new': it holds a blob where survey writes an integer" "a BLOB in provenance"
hostile bad-state "it is damaged" "an unknown answer state"
hostile bad-seq "interview '.*' is damaged: its event 1 is missing" "negative event numbers"
hostile corrupt "it is damaged" "damaged pages"
hostile escape-interviewer "it is damaged: table 'interviews', interview '.*', column 'interviewer': not a printable one-line name" "an interviewer name with terminal escapes"
hostile escape-event "it is damaged: table 'events', interview '.*', column 'kind': not printable text" "an event kind with terminal escapes"
hostile bad-origin "it is damaged: table 'interviews', interview '.*', column 'origin': not an origin survey writes" "an origin survey does not write"

# BLOB uuids next to the genuine file: the interviews are not stored twice
o=$TMP/blob-out.db
run "$SURVEY" merge -o "$o" "$good2" "$TMP/blob-uuids.db"
expect_rc 1 "the genuine file and its BLOB-uuid twin"
expect_eq "$(count "$o" "SELECT count(*) FROM interviews")" "10" "each interview once"
expect_eq "$(count "$o" "SELECT count(*) FROM interviews WHERE typeof(uuid) <> 'text'")" "0" "no BLOB uuid in the output"

# an output of schema version 1 is migrated only when an input is merged into it
sqlite3 "$TMP/v1.db" <tests/fixtures/merge/schema-v1.sql
v1sum=$(sha "$TMP/v1.db")
run "$SURVEY" merge -o "$TMP/v1.db" "$TMP/view.db"
expect_rc 1 "a version-1 output, its input refused"
expect_eq "$(sha "$TMP/v1.db")" "$v1sum" "the version-1 output is byte-identical"
run "$SURVEY" merge -o "$TMP/v1.db" "$good3"
expect_rc 0 "a version-1 output, a good input"
expect_eq "$(count "$TMP/v1.db" "PRAGMA user_version")" "$(store_schema)" "then migrated (to 8 with SURVEY_STORE_SCHEMA=8)"

# a new output that receives no good input is not left behind
run "$SURVEY" merge -o "$TMP/new.db" "$TMP/view.db" "$TMP/nulls.db"
expect_rc 1 "a new output, every input refused"
expect_err_lines 2 "one line per input"
expect_eq "$(ls "$TMP"/new.db* 2>/dev/null)" "" "no output file left"
expect_out "new\.db' was not created: no input could be merged" "and the summary says so"

# a WAL-mode laptop file: its last commit is in its -wal, read through a private copy
craft wal
walsum="$(sha "$TMP/wal.db") $(sha "$TMP/wal.db-wal")"
run "$SURVEY" merge -o "$TMP/wal-out.db" "$TMP/wal.db"
expect_rc 0 "a WAL-mode input"
expect_out "wal\\.db' .*: 9 interviews: 9 new" "its last commit, in the -wal, is read"
expect_eq "$(beside "$TMP/wal.db")" "wal.db-wal" "no -shm created beside it"
expect_eq "$(sha "$TMP/wal.db") $(sha "$TMP/wal.db-wal")" "$walsum" "it and its -wal are unchanged"
if mount_tmpfs "$TMP/ro" size=4m; then
	cp "$TMP/wal.db" "$TMP/wal.db-wal" "$TMP/ro/"
	if mount -o remount,ro "$TMP/ro" 2>/dev/null; then
		run "$SURVEY" merge -o "$TMP/ro-out.db" "$TMP/ro/wal.db"
		expect_rc 0 "a WAL-mode input on read-only media"
		expect_out "wal\\.db' .*: 9 interviews: 9 new" "read whole from read-only media"
	else
		ok "# skip read-only media: remount is not allowed here"
	fi
else
	ok "# skip read-only media: mount is not allowed here"
fi

# a copy taken while the laptop was writing (a hot journal beside it): read as of its last
# commit, through a private copy where the journal is rolled back
craft hot-journal
expect_eq "$(grep -ca torn "$TMP/hot-journal.db" | grep -cv '^0$')" "1" "the copy holds pages of the half-written transaction"
hotsum="$(sha "$TMP/hot-journal.db") $(sha "$TMP/hot-journal.db-journal")"
run "$SURVEY" merge -o "$TMP/hot-out.db" "$TMP/hot-journal.db"
expect_rc 0 "a file with a hot journal"
expect_out "hot-journal\.db' .*: 10 interviews: 10 new" "read as of its last commit"
expect_eq "$(count "$TMP/hot-out.db" "SELECT count(*) FROM answers WHERE value = 'torn'")" "0" "nothing of the half-written transaction"
expect_eq "$(sha "$TMP/hot-journal.db") $(sha "$TMP/hot-journal.db-journal")" "$hotsum" "it and its journal are unchanged"
expect_eq "$(beside "$TMP/hot-journal.db")" "hot-journal.db-journal" "nothing else beside it"

# two merges into one output at once: the second waits, then says so in one line
python3 -c 'import fcntl, os, sys, time
f = open(sys.argv[1], "a"); fcntl.flock(f, fcntl.LOCK_EX)
open(sys.argv[2], "w").close(); time.sleep(60)' "$TMP/busy.db" "$TMP/locked" &
holder=$!
while [ ! -e "$TMP/locked" ]; do sleep 0.1; done
run "$SURVEY" merge -o "$TMP/busy.db" "$good3"
kill "$holder"
expect_rc 1 "a second merge into the same output"
expect_err "busy\\.db' is being merged by another survey process; try again when it ends" "says another merge is running"
expect_err_lines 1 "one line"

# an output that is a link to a missing file: said so, not taken for a busy output
ln -s "$TMP/missing/x.db" "$TMP/dangling.db"
run "$SURVEY" merge -o "$TMP/dangling.db" "$good3"
expect_rc 1 "an output linked to a missing file"
expect_err "dangling\.db': it is a link to a missing file" "says so"
expect_err_lines 1 "one line"

# an output that is a pipe or a device: said so, nothing created beside it, no hang
mkfifo "$TMP/pipe"
for o in "$TMP/pipe" /dev/null; do
	run "$SURVEY" merge -o "$o" "$good3"
	expect_rc 1 "output $o"
	expect_err "'$o'.*not a regular file" "output $o: says so"
	expect_err_lines 1 "output $o: one line"
	expect_eq "$(ls "$o"-* 2>/dev/null)" "" "output $o: nothing beside it"
done

# readers of a file with NULLs where the schema said NOT NULL: no crash
schema7 "$SURVEY" simulate surveys/covid19-lsg.md -n 20 --db "$TMP/sim.db" --seed 3 --quiet ||
	not_ok "simulate"
craft nulls "$TMP/sim.db"
for cmd in "list $TMP/nulls.db" "list $TMP/nulls.db --json" "freq $TMP/nulls.db oblast" \
	   "tab $TMP/nulls.db oblast municipality_type" \
	   "report $TMP/nulls.db reports/covid19-lsg/report.md -o $TMP/nulls.html" \
	   "export $TMP/nulls.db -o $TMP/nulls.csv" "export $TMP/nulls.db -o $TMP/nulls.json" \
	   "export $TMP/nulls.db -o $TMP/nulls.sav"; do
	# shellcheck disable=SC2086
	run "$SURVEY" $cmd
	case $RC in 0|1) ok "survey $cmd: exit $RC" ;; *) not_ok "survey $cmd: exit $RC: $(head -c 300 "$TMP/err")" ;; esac
	expect_eq "$(grep -c 'runtime error\|Sanitizer' "$TMP/err")" "0" "survey $cmd: no sanitizer report"
	[ "$RC" -eq 0 ] || expect_err_lines 1 "survey $cmd: one line"
done

done_testing
