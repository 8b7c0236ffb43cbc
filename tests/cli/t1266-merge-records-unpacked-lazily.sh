#!/bin/sh
# t1266-merge-records-unpacked-lazily: a laptop of schema 8 merged into an output of schema 8 is
# checked from its records, not unpacked into rows first: merge writes no file much larger than
# the laptop (its private copy in TMPDIR held every answer and event again, about eight times
# the laptop); and what the unpacked rows were checked for is still refused in one line, the
# input and output unchanged: an answer that is no choice of its question, a completed
# interview whose answers were changed, a terminal escape in an event, attached files that do
# not match the events and answers naming them. (Its `kinds` rows are not read: the codec has
# its own list, t1256.) Conflicting versions read the input's rows of
# the interview they concern (the merge rules at schema 8: t1253).
. tests/lib.sh

form=surveys/covid19-lsg.md
run "$SURVEY_FIXTURES" simulate "$form" -n 200 --drafts 0.3 --db "$TMP/big.db" --seed 2 --quiet
expect_rc 0 "simulate a laptop of 200 interviews"
expect_eq "$(sqlite3 "$TMP/big.db" 'PRAGMA user_version')" 8 "it is of schema 8"

# no file written larger than twice the laptop (ulimit -f counts 512-byte blocks in sh)
limit=$(( $(wc -c <"$TMP/big.db") * 2 / 512 ))
mkdir "$TMP/tmp"
run env TMPDIR="$TMP/tmp" sh -c 'ulimit -f "$1"; shift; exec "$@"' sh "$limit" \
	"$SURVEY" merge "$TMP/big.db" -o "$TMP/m.db" --allow-simulated
expect_rc 0 "merged writing no file larger than twice the laptop"
expect_out "big.db' .*200 interviews: 200 new" "every interview merged"
expect_eq "$(ls "$TMP/tmp")" "" "its private copy removed"
expect_eq "$(sqlite3 "$TMP/m.db" 'PRAGMA user_version')" 8 "the output is of schema 8"
run "$SURVEY" export "$TMP/m.db" -o "$TMP/m.csv"
run "$SURVEY" export "$TMP/big.db" -o "$TMP/big.csv"
cmp -s "$TMP/m.csv" "$TMP/big.csv" && ok "the output exports as the laptop does" ||
	not_ok "the exports differ"

# crafted laptops: refused in one line, input and output unchanged
run "$SURVEY_FIXTURES" simulate "$form" -n 30 --drafts 0.3 --db "$TMP/b1.db" --seed 1 --quiet
cp "$TMP/m.db" "$TMP/out.db"
refused() { # refused WHAT REGEX SQL: b1 changed by SQL is refused with REGEX
	cp "$TMP/b1.db" "$TMP/bad.db"
	sqlite3 "$TMP/bad.db" "$3" || not_ok "$1: cannot craft"
	bsum=$(cksum <"$TMP/bad.db") osum=$(cksum <"$TMP/out.db")
	run "$SURVEY" merge "$TMP/bad.db" -o "$TMP/out.db" --allow-simulated
	expect_rc 1 "$1: refused"
	expect_err "^survey: cannot merge '.*bad\.db': $2" "$1: says why"
	expect_err_lines 1 "$1: in one line"
	expect_eq "$(cksum <"$TMP/bad.db") $(cksum <"$TMP/out.db")" "$bsum $osum" \
		"$1: input and output unchanged"
	rm -f "$TMP/bad.db"
}
draft=$(sqlite3 "$TMP/b1.db" "SELECT uuid FROM interviews WHERE status = 'draft' LIMIT 1")
oblast=$(sqlite3 "$TMP/b1.db" "SELECT value FROM answers WHERE uuid = '$draft' AND path = 'respondent/oblast'")
slot=$(sqlite3 "$TMP/b1.db" "SELECT key FROM records, json_each(records.answers) WHERE uuid = '$draft' AND value = '$oblast' LIMIT 1")
[ -n "$draft" ] && [ -n "$oblast" ] && [ -n "$slot" ] || not_ok "no draft with an oblast to craft"
refused "a draft's answer that is no choice of its question" \
	"interview ${draft%%-*}\\.\\.\\. answer 'respondent/oblast' = '${oblast}x' is not a choice of the list 'oblast'; the file was damaged or crafted" \
	"UPDATE records SET answers = replace(answers, '\"$oblast\"', '\"${oblast}x\"') WHERE uuid = '$draft'"
done_iv=$(sqlite3 "$TMP/b1.db" "SELECT uuid FROM interviews i WHERE status = 'complete' AND EXISTS (SELECT 1 FROM answers a WHERE a.uuid = i.uuid AND a.value = 'male') LIMIT 1")
refused "a completed interview's answer changed" \
	"interview '$done_iv' is damaged: its answers do not match the content hash recorded when it was completed" \
	"UPDATE records SET answers = replace(answers, '\"male\"', '\"female\"') WHERE uuid = '$done_iv'"
refused "a terminal escape in an event's value" \
	"it is damaged: table 'events', interview '$draft', column 'new_value': not printable text" \
	"UPDATE records SET events = replace(events, '\"ky\"]', '\"k\\u001b[2Jy\"]') WHERE uuid = '$draft'"
refused "a record that is not JSON" "interview '[0-9a-f-]{36}' is damaged" \
	"UPDATE records SET answers = '[0,{' WHERE uuid = '$draft'"
refused "an answer given twice (as its path's text too)" \
	"interview '$draft' is damaged: the record's answers: 'respondent/oblast' twice" \
	"UPDATE records SET answers = '[{\"respondent/oblast\":\"$oblast\"},' || substr(answers, 4) WHERE uuid = '$draft' AND substr(answers, 1, 3) = '[0,'"

# attachments: the rows of the interviews with attached files are read to check them
F=tests/fixtures/forms
run "$SURVEY" simulate $F/media.md -n 12 --seed 2 --db "$TMP/l2.db" --drafts 0.3 --quiet
expect_eq "$(sqlite3 "$TMP/l2.db" 'PRAGMA user_version')" 8 "a laptop with attachments of schema 8"
run "$SURVEY" merge -o "$TMP/media.db" "$TMP/l2.db" --allow-simulated
expect_rc 0 "it merges"
expect_eq "$(sqlite3 "$TMP/media.db" 'SELECT count(*) FROM attachments')" \
	"$(sqlite3 "$TMP/l2.db" 'SELECT count(*) FROM attachments')" "with every attached file"
cp "$TMP/l2.db" "$TMP/b1.db"
cp "$TMP/media.db" "$TMP/out.db"
refused "an attached event without its file" "it is damaged: interview .* names an attached file the file lacks" \
	"DELETE FROM attachments WHERE (uuid, path, sha256, name) = (SELECT uuid, path, sha256, name FROM attachments ORDER BY 1, 2, 3, 4 LIMIT 1)"
an=$(sqlite3 "$TMP/l2.db" "SELECT a.uuid || '|' || a.value FROM answers a JOIN attachments f ON f.uuid = a.uuid AND f.path = a.path AND f.name = a.value JOIN interviews i ON i.uuid = a.uuid WHERE i.status = 'draft' LIMIT 1")
[ -n "$an" ] || not_ok "no draft with an attached file to craft"
refused "an answer naming a file that is not there" \
	"it is damaged: the answer of interview .* names no attached file" \
	"UPDATE records SET answers = replace(answers, '\"${an#*|}\"', '\"other.jpg\"') WHERE uuid = '${an%%|*}'"

done_testing
