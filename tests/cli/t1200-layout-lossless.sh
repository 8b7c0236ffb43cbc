#!/bin/sh
# t1200: the compact storage layout chosen for issue 18 (DESIGN.md, Storage, "Compact layout";
# built by bench/storage_layout.py until the store writes it) loses nothing: its readable views
# give back every row of interviews, answers and events of a schema-7 file exactly — simulated
# interviews, and rows crafted at every edge of its encoding (times that are not the canonical
# text, unknown kinds and states, old values that are not the previous new value, a path with no
# answer, NULL values, an answer saved at another time than its last event, a content hash that
# is not lowercase hex, quotes and control characters in values, paths the form does not have).
. "$(dirname "$0")/../lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
command -v python3 >/dev/null || { echo "ok 1 # skip python3 missing"; exit 0; }

run schema7 "$SURVEY" simulate "$top/surveys/covid19-lsg.md" -n 12 --db "$TMP/a.db" --seed 3 --quiet   # a schema-7 file
expect_rc 0 "simulate 12 interviews"
sqlite3 "$TMP/a.db" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE" >/dev/null

run python3 "$top/bench/storage_layout.py" "$TMP/a.db" "$TMP/lay1" 1000 --check
expect_rc 0 "the record layout of simulated interviews"
expect_out "^ +events: [1-9][0-9]* rows, the view [0-9]+ rows, 0 differ" "every event back"
expect_out "^ +answers: [1-9][0-9]* rows, the view [0-9]+ rows, 0 differ" "every answer back"

# edge cases, written into a copy as a schema-7 file could hold them
cp "$TMP/a.db" "$TMP/b.db"
python3 - "$TMP/b.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
u = [r[0] for r in db.execute("SELECT uuid FROM interviews ORDER BY uuid")]
# 1. created with a zone and no ms: every time of this interview kept as its text
db.execute("UPDATE interviews SET created = '2021-10-03T19:43:21+06:00' WHERE uuid = ?", (u[0],))
# 2. one event's time without ms; an event of an unknown kind with a path-less old value
n = db.execute("SELECT max(seq) FROM events WHERE uuid = ?", (u[1],)).fetchone()[0]
db.execute("UPDATE events SET at = '2021-10-03T19:43:21Z' WHERE uuid = ? AND seq = 2", (u[1],))
db.execute("INSERT INTO events VALUES(?, ?, '2021-10-03T19:50:00.123Z', 999999, 'custom', NULL,"
           " 'was', 'is', NULL, NULL)", (u[1], n + 1))
# 3. an answer event whose old value is not the previous new value (and an unknown state);
#    an answer saved at another time than its last event; a NULL don't-know answer
p = db.execute("SELECT path FROM answers WHERE uuid = ? ORDER BY path LIMIT 1", (u[2],)).fetchone()[0]
n = db.execute("SELECT max(seq) FROM events WHERE uuid = ?", (u[2],)).fetchone()[0]
db.execute("INSERT INTO events VALUES(?, ?, '2021-10-03T19:51:00.000Z', 1000000, 'answer', ?,"
           " 'not the last one', NULL, 'weird', 'dont_know')", (u[2], n + 1, p))
db.execute("UPDATE answers SET value = NULL, state = 'dont_know', "
           "modified = '2021-10-03T19:52:00.000Z' WHERE uuid = ? AND path = ?", (u[2], p))
# 4. an event on a path with no answer (a removed repeat instance), with quotes, a newline
#    and a JSON-looking value; a value equal to the answer's with another state
n = db.execute("SELECT max(seq) FROM events WHERE uuid = ?", (u[3],)).fetchone()[0]
db.execute("INSERT INTO events VALUES(?, ?, '2021-10-03T19:53:00.000Z', 1000001, 'answer',"
           " 'gone[3]/q', NULL, ?, NULL, 'answered')", (u[3], n + 1, 'say "hi"\n[1,true]'))
p, v = db.execute("SELECT path, value FROM answers WHERE uuid = ? AND value IS NOT NULL "
                  "ORDER BY path LIMIT 1", (u[3],)).fetchone()
db.execute("INSERT INTO events VALUES(?, ?, '2021-10-03T19:54:00.000Z', 1000002, 'answer', ?,"
           " ?, ?, 'answered', 'skipped')", (u[3], n + 2, p, v, v))
db.execute("UPDATE answers SET value = 'true', modified = '2021-10-03T19:55:00.000Z' "
           "WHERE uuid = ? AND path = ?", (u[3], p))
# 5. answers on paths the form does not have as such: no such question, brackets where there
#    is no repeat, instance 0, a leading zero; a repeat instance beyond those simulated
for path in ("no/such", "respondent/oblast[2]", "social/partners[0]/partner_name",
             "social/partners[01]/partner_name", "social/partners[12]/partner_name"):
    db.execute("INSERT INTO answers VALUES(?, ?, 'x', 'answered', '2021-10-03T19:56:00.000Z')",
               (u[6], path))
# 5. a content hash in capitals, another that is not hex
db.execute("UPDATE interviews SET content_hash = upper(content_hash) WHERE uuid = ?", (u[4],))
db.execute("UPDATE interviews SET content_hash = 'not hex' WHERE uuid = ?", (u[5],))
# ... and a time that is not a time but looks like a number (kept as its text, not as 12)
db.execute("UPDATE interviews SET modified = '12' WHERE uuid = ?", (u[5],))
# 6. explicit old values the previous event on the path does not give: both NULL, and a
#    value with a NULL state (they are kept as a pair, never left to the previous event's)
n = db.execute("SELECT max(seq) FROM events WHERE uuid = ?", (u[7],)).fetchone()[0]
for k, (new, old, old_state) in enumerate((("a", None, None), ("b", None, None),
                                           ("c", "b", None))):
    db.execute("INSERT INTO events VALUES(?, ?, '2021-10-03T19:57:00.000Z', ?, 'answer',"
               " 'extra/q', ?, ?, ?, 'answered')", (u[7], n + 1 + k, 1000003 + k, old, new,
                                                     old_state))
db.commit()
PY
run python3 "$top/bench/storage_layout.py" "$TMP/b.db" "$TMP/lay2" 1000 --check
expect_rc 0 "the record layout of the edge cases"
expect_out "^ +interviews: 12 rows, the view 12 rows, 0 differ" "every interview back"
expect_out "^ +events: [1-9][0-9]* rows, the view [0-9]+ rows, 0 differ" "every crafted event back"
expect_out "^ +answers: [1-9][0-9]* rows, the view [0-9]+ rows, 0 differ" "every crafted answer back"
n=$(sqlite3 "$TMP/lay2/record.db" "SELECT count(*) FROM events_v WHERE kind = 'custom' AND
	old_value = 'was' AND new_value = 'is' AND offset_ms = 999999")
expect_eq "$n" 1 "an unknown kind keeps its values and offset"

n=$(sqlite3 "$TMP/lay2/record.db" "SELECT count(*) FROM answers_v WHERE value = 'x' AND
	modified = '2021-10-03T19:56:00.000Z'")
expect_eq "$n" 5 "answers on paths outside the form's own keep their paths"

# the views are plain SQL: the sqlite3 CLI reads them
run sqlite3 "$TMP/lay2/record.db" "SELECT count(*) FROM answers_v WHERE state = 'dont_know' AND value IS NULL"
expect_out "^[1-9]" "sqlite3 reads answers_v"
done_testing
