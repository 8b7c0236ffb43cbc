#!/bin/sh
# bench/storage.sh: bytes per interview of the database next to the CSV export of the same
# interviews, as a ratio (issue 18's target: 3x), for today's layout (schema 7: answers and
# events as rows) and the candidate layouts built from the same file by
# bench/storage_layout.py (which also checks that the chosen layout's readable views give back
# every row exactly; the schema-7 file is made with SURVEY_STORE_SCHEMA=7), and the file the
# store itself writes at schema 8 (the default, SURVEY_STORE_SCHEMA=8; the same seed; its CSV
# export checked equal) and the schema-7 file migrated in place by the store
# (the same switch on the existing file). Then what the chosen layout costs its readers and writers, each next to
# the same work on today's layout in the same run: the `tab` floor query (two answers of every
# complete interview, GROUP BY), copying every interview into an empty file (merge's floor:
# ATTACH + INSERT ... SELECT), and saving one answer (CPU of the statements, no fsync).
#   sh bench/storage.sh            N=300 sh bench/storage.sh (smaller)
# The simulated file (survey simulate of surveys/covid19-lsg.md, seed 1) and the layouts are
# kept in build/bench/storage-N/.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
SURVEY=${SURVEY:-$top/survey}
N=${N:-2000}
dir=$top/build/bench/storage-$N
mkdir -p "$dir"
[ -x "$SURVEY" ] || { echo "bench/storage.sh: build survey first (make)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "bench/storage.sh: needs python3" >&2; exit 1; }

db=$dir/sim.db
if [ ! -e "$db" ]; then
	rm -f "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
	SURVEY_STORE_SCHEMA=7 "$SURVEY" simulate "$top/surveys/covid19-lsg.md" -n "$N" \
		--db "$db.tmp" --seed 1 --quiet
	sqlite3 "$db.tmp" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE" >/dev/null
	mv "$db.tmp" "$db"
fi
"$SURVEY" export "$db" -o "$dir/sim.csv" >/dev/null
n=$(sqlite3 "$db" "SELECT count(*) FROM interviews")
ncsv=$(sqlite3 "$db" "SELECT max(count(*), 1) FROM interviews WHERE status = 'complete'")
csv=$(($(wc -c <"$dir/sim.csv") / ncsv))
repeat_csv=$(cat "$dir"/sim-*.csv 2>/dev/null | wc -c)
now=$(($(wc -c <"$db") / n))
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }

echo "storage of $n simulated interviews ($ncsv complete) of surveys/covid19-lsg.md"
printf '  CSV export: %s bytes per complete interview (its repeat files: %s more)\n' "$csv" \
	"$((repeat_csv / ncsv))"
printf '  layout today (schema 7)  %7s bytes per interview  %sx the CSV\n' "$now" "$(ratio "$now" "$csv")"
# the store itself writing schema 8 (SURVEY_STORE_SCHEMA=8: the same seed, interview by
# interview as simulate saves them), the file as it is left, then after a VACUUM
db8=$dir/sim8.db
if [ ! -e "$db8" ]; then
	rm -f "$db8.tmp" "$db8.tmp-wal" "$db8.tmp-shm"
	SURVEY_STORE_SCHEMA=8 "$SURVEY" simulate "$top/surveys/covid19-lsg.md" -n "$N" \
		--db "$db8.tmp" --seed 1 --quiet
	sqlite3 "$db8.tmp" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE" >/dev/null
	mv "$db8.tmp" "$db8"
fi
"$SURVEY" export "$db8" -o "$dir/sim8.csv" >/dev/null
cmp -s "$dir/sim.csv" "$dir/sim8.csv" ||
	{ echo "bench/storage.sh: the schema-8 file exports other data" >&2; exit 1; }
w8=$(($(wc -c <"$db8") / n))
rm -f "$dir/sim8-vacuum.db"
sqlite3 "$db8" "VACUUM INTO '$dir/sim8-vacuum.db'" 2>/dev/null || cp "$db8" "$dir/sim8-vacuum.db"
v8=$(($(wc -c <"$dir/sim8-vacuum.db") / n))
rm -f "$dir/sim8-vacuum.db"
printf '  written by the store at schema 8  %7s bytes per interview  %sx the CSV (after VACUUM: %s, %sx)\n' \
	"$w8" "$(ratio "$w8" "$csv")" "$v8" "$(ratio "$v8" "$csv")"
# the schema-7 file migrated in place by the store (SURVEY_STORE_SCHEMA=8 on an existing file:
# one transaction, then 16 KiB pages by a VACUUM); its CSV export checked equal
rm -f "$dir/mig8.db" "$dir/mig8.db-wal" "$dir/mig8.db-shm"
cp "$db" "$dir/mig8.db"
SURVEY_STORE_SCHEMA=8 "$SURVEY" simulate "$top/surveys/covid19-lsg.md" -n 0 --db "$dir/mig8.db" \
	--quiet
sqlite3 "$dir/mig8.db" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE" >/dev/null
"$SURVEY" export "$dir/mig8.db" -o "$dir/mig8.csv" >/dev/null
cmp -s "$dir/sim.csv" "$dir/mig8.csv" ||
	{ echo "bench/storage.sh: the migrated file exports other data" >&2; exit 1; }
m8=$(($(wc -c <"$dir/mig8.db") / n))
printf '  migrated in place to schema 8  %7s bytes per interview  %sx the CSV\n' "$m8" \
	"$(ratio "$m8" "$csv")"
python3 "$top/bench/storage_layout.py" "$db" "$dir" "$csv"

# what the chosen layout costs: CPU seconds of the sqlite3 CLI's statements (.timer), best of 3
cpu() {
	best=
	for _ in 1 2 3; do
		t=$( (echo .timer on; cat "$2") | sqlite3 "$1" | awk '/^Run Time:/ { s += $6 + $8 }
			END { printf "%.3f", s }')
		best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
	done
	echo "$best"
}
old_a=$(sqlite3 "$db" "SELECT path FROM answers WHERE path = 'respondent/oblast' LIMIT 1")
id_r=$(sqlite3 "$dir/record.db" "SELECT id FROM paths WHERE path = 'respondent/oblast'")
id_c=$(sqlite3 "$dir/record.db" "SELECT id FROM paths WHERE path = 'problems_section/main_problem'")
[ -n "$old_a" ] && [ -n "$id_r" ] && [ -n "$id_c" ] || { echo "bench/storage.sh: no oblast answers" >&2; exit 1; }
cat >"$dir/tab-old.sql" <<'EOF'
SELECT r.value, c.value, count(*) FROM interviews i
  JOIN answers r ON r.uuid = i.uuid AND r.path = 'respondent/oblast' AND r.state = 'answered'
  JOIN answers c ON c.uuid = i.uuid AND c.path = 'problems_section/main_problem'
   AND c.state = 'answered'
  WHERE i.status = 'complete' GROUP BY 1, 2;
EOF
# an answer is its text (answered, at its last event's time) or [value, state, time]
cell() {
	echo "CASE json_type(answers, '\$[$1]') WHEN 'text' THEN answers ->> $1 WHEN 'array' THEN
	CASE WHEN coalesce(answers ->> '\$[$1][1]', 0) = 0 THEN answers ->> '\$[$1][0]' END END"
}
cat >"$dir/tab-new.sql" <<EOF
SELECT r, c, count(*) FROM (SELECT $(cell "$id_r") AS r, $(cell "$id_c") AS c
  FROM interviews WHERE status = 1) WHERE r IS NOT NULL AND c IS NOT NULL GROUP BY 1, 2;
EOF
# the same query 4 times per run, so that the timer's resolution matters less
for f in old new; do for _ in 1 2 3 4; do cat "$dir/tab-$f.sql"; done >"$dir/tab-$f.x4"; done
sqlite3 "$db" <"$dir/tab-old.sql" >"$dir/tab-old.out"
sqlite3 "$dir/record.db" <"$dir/tab-new.sql" >"$dir/tab-new.out"
cmp -s "$dir/tab-old.out" "$dir/tab-new.out" ||
	{ echo "bench/storage.sh: the two layouts' cross-tables differ" >&2; exit 1; }
t_old=$(cpu "$db" "$dir/tab-old.x4") t_new=$(cpu "$dir/record.db" "$dir/tab-new.x4")
printf '  tab floor query (oblast x main_problem), 4 times: today %s s CPU, record layout %s s  ratio %s\n' \
	"$t_old" "$t_new" "$(ratio "$t_new" "$t_old")"

# merge's floor: every interview copied into an empty file of the same layout
rm -f "$dir/copy-old.db" "$dir/copy-new.db"
sqlite3 "$db" .schema | grep -v '^CREATE TABLE sqlite_' | sqlite3 "$dir/copy-old.db"
sqlite3 "$dir/record.db" .schema | grep -v '^CREATE TABLE sqlite_' >"$dir/new.schema"
(echo "PRAGMA page_size = 16384;"; cat "$dir/new.schema") | sqlite3 "$dir/copy-new.db"
cat >"$dir/copy-old.sql" <<EOF
ATTACH '$db' AS src; BEGIN; DELETE FROM interviews; DELETE FROM answers; DELETE FROM events;
INSERT INTO interviews SELECT * FROM src.interviews; INSERT INTO answers SELECT * FROM src.answers;
INSERT INTO events SELECT * FROM src.events; ROLLBACK;
EOF
cat >"$dir/copy-new.sql" <<EOF
ATTACH '$dir/record.db' AS src; BEGIN; DELETE FROM interviews;
INSERT INTO interviews SELECT * FROM src.interviews; ROLLBACK;
EOF
c_old=$(cpu "$dir/copy-old.db" "$dir/copy-old.sql") c_new=$(cpu "$dir/copy-new.db" "$dir/copy-new.sql")
printf '  merge floor (ATTACH + INSERT ... SELECT of every interview): today %s s CPU, record layout %s s  ratio %s\n' \
	"$c_old" "$c_new" "$(ratio "$c_new" "$c_old")"

# one answer saved: today's rows (answer, event, interview) against the record's json_set and
# json_insert; synchronous=OFF, so that the statements' CPU is measured, not the disk
python3 - "$db" "$dir/record.db" "$dir" <<'PY'
import os, shutil, sqlite3, statistics, sys, time
old_db, new_db, d = sys.argv[1:4]
def run(src, fn, name):
    path = os.path.join(d, name)
    shutil.copy(src, path)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL"); db.execute("PRAGMA synchronous = OFF")
    ids = [r[0] for r in db.execute("SELECT uuid FROM interviews LIMIT 200")]
    ts = []
    for i in range(1000):
        t = time.perf_counter(); db.execute("BEGIN"); fn(db, ids[i % len(ids)], i)
        db.execute("COMMIT"); ts.append(time.perf_counter() - t)
    db.close()
    for s in ("", "-wal", "-shm"):
        if os.path.exists(path + s): os.remove(path + s)
    return statistics.median(ts) * 1e6
def old(db, u, i):
    seq = db.execute("SELECT max(seq) FROM events WHERE uuid = ?", (u,)).fetchone()[0] + 1
    p = "bench/q%d" % (i // 200)
    db.execute("INSERT OR REPLACE INTO answers VALUES(?, ?, ?, 'answered', ?)",
               (u, p, "value %d" % i, "2021-10-03T19:43:21.000Z"))
    db.execute("INSERT INTO events VALUES(?, ?, ?, ?, 'answer', ?, NULL, ?, NULL, 'answered')",
               (u, seq, "2021-10-03T19:43:21.000Z", 1000 * seq, p, "value %d" % i))
    db.execute("UPDATE interviews SET modified = ?, revision = revision + 1 WHERE uuid = ?",
               ("2021-10-03T19:43:21.000Z", u))
def new(db, u, i):
    db.execute("UPDATE interviews SET answers = json_set(answers, '$[' || ? || ']', ?), "
               "events = json_insert(events, '$[#]', json_array(0, 4000, 1, ?)), "
               "modified = modified + 4000, revision = revision + 1 WHERE uuid = ?",
               (100 + i // 200, "value %d" % i, 100 + i // 200, u))
a = min(run(old_db, old, "save-old.db") for _ in range(3))
b = min(run(new_db, new, "save-new.db") for _ in range(3))
print("  one answer saved (statements' CPU, no fsync; median of 1000, best of 3): today %.0f us, "
      "record layout %.0f us  ratio %.2f" % (a, b, b / a))
PY
printf '  (load average: %s)\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
