#!/bin/sh
# bench/merge.sh: `survey merge` of 20 laptop files x 5,000 interviews (~60 answers, ~70 events
# each) into a new file, timed next to the floor: the same rows copied by the sqlite3 CLI with
# ATTACH and INSERT ... SELECT into a file with the same schema. Then the same 20 files merged
# again (all no-ops: each input already merged is known by its bytes and not read). Prints each
# figure next to its floor from the same run, as a ratio: the merge within 1.5x of the floor on
# CPU, the merge again within 5% of the first merge; and the output's bytes per interview next
# to the CSV export of the same data (target 3x). At schema 8 also the floor plus what any merge
# of untrusted files reads at least (SQLite's integrity check of each input, every record parsed
# as JSON): how much of the 1.5x the checks could have.
#   sh bench/merge.sh            N_FILES=5 N_IV=1000 sh bench/merge.sh   (smaller)
# Laptops and output of schema 8 (one record per interview, the default), the floor copying the
# records (and the path ids); SURVEY_STORE_SCHEMA=7 sh bench/merge.sh: of schema 7, the floor
# copying the rows.
# The laptop files (survey simulate of surveys/covid19-lsg.md, one file per device) are kept in
# $BENCH_DIR (default /tmp/survey-bench-merge) for the next run.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
SURVEY=${SURVEY:-$top/survey}
N_FILES=${N_FILES:-20}
N_IV=${N_IV:-5000}
SCHEMA=${SURVEY_STORE_SCHEMA:-8}
case $SCHEMA in 7|8) ;; *) echo "bench/merge.sh: SURVEY_STORE_SCHEMA is 7 or 8" >&2; exit 2 ;; esac
export SURVEY_STORE_SCHEMA=$SCHEMA
dir=${BENCH_DIR:-/tmp/survey-bench-merge}/${N_FILES}x${N_IV}-schema$SCHEMA
mkdir -p "$dir"
[ -x "$SURVEY" ] || { echo "bench/merge.sh: build survey first (make)" >&2; exit 1; }

# timed FILE CMD...: runs CMD, writes "wall user+sys" seconds to FILE
timed() {
	out=$1; shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%e %U %S' -o "$out.t" "$@"
		awk '{ printf "%s %.1f\n", $1, $2 + $3 }' "$out.t" >"$out"
	else
		t0=$(date +%s.%N); "$@"; t1=$(date +%s.%N)
		awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a, "?" }' >"$out"
	fi
}

# 1. the laptop files (kept between runs): `survey simulate` of the shipped survey, one file per
# device; without simulate, bench/laptops.c (through the store API, ~60 answers, ~70 events)
if [ ! -e "$dir/done" ]; then
	echo "making $N_FILES laptop files of $N_IV interviews in $dir ..."
	rm -f "$dir"/laptop*.db
	if "$SURVEY" help simulate >/dev/null 2>&1; then
		"$SURVEY" simulate "$top/surveys/covid19-lsg.md" -n $((N_FILES * N_IV)) \
			--db "$dir/laptop%d.db" --devices "$N_FILES" --seed 1 --quiet
	else
		cc -O2 -std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wno-unused-parameter \
			-I"$top/src" "$top/bench/laptops.c" "$top"/src/store/store.c \
			"$top"/src/store/schema.c "$top"/src/store/interview.c "$top"/src/store/ids.c \
			"$top"/src/store/hash.c "$top"/src/store/forms.c "$top"/src/store/rows.c \
			"$top"/src/store/fw_why.c "$top"/src/store/iv_rows.c \
			"$top"/src/store/iv_record.c "$top"/src/store/record*.c \
			"$top"/src/store/form_ops.c "$top"/src/store/migrate.c "$top"/src/util/util.c \
			"$top"/src/util/termsafe.c "$top"/src/util/utf8.c \
			$(pkg-config --cflags --libs sqlite3 nettle) -o "$dir/laptops"
		half=$((N_FILES / 2))
		"$dir/laptops" "$dir" "$half" "$N_IV" 1 1 &
		"$dir/laptops" "$dir" $((N_FILES - half)) "$N_IV" 1 $((half + 1))
		wait
	fi
	touch "$dir/done"
fi
files=$(ls "$dir"/laptop*.db | tr '\n' ' ')
sync

# 2. the floor: the sqlite3 CLI copies the same rows into an empty file of the same schema
rm -f "$dir/floor.db" "$dir/floor.db-journal"
first=$(ls "$dir"/laptop*.db | head -1)
sqlite3 "$first" .schema | grep -v '^CREATE TABLE sqlite_' | sqlite3 "$dir/floor.db"
for f in $files; do
	if [ "$SCHEMA" = 8 ]; then
		rows="INSERT INTO paths SELECT * FROM src.paths WHERE true ON CONFLICT DO NOTHING;
		INSERT INTO records SELECT * FROM src.records;"
	else
		rows="INSERT INTO interviews SELECT * FROM src.interviews; INSERT INTO answers
		SELECT * FROM src.answers; INSERT INTO events SELECT * FROM src.events;"
	fi
	echo "ATTACH '$f' AS src; BEGIN; INSERT INTO forms SELECT * FROM src.forms WHERE true
	ON CONFLICT DO NOTHING; $rows COMMIT; DETACH src;"
done >"$dir/floor.sql"
timed "$dir/floor.time" sh -c "sqlite3 '$dir/floor.db' <'$dir/floor.sql'"
read floor floor_cpu <"$dir/floor.time"

# 2b. (schema 8) the least a merge of untrusted files reads besides the copy: SQLite's
# integrity check of each input and every record parsed as JSON (no check of what it holds)
if [ "$SCHEMA" = 8 ]; then
	for f in $files; do
		echo "ATTACH 'file:$f?immutable=1' AS src; PRAGMA src.integrity_check;
		SELECT count(*) FROM src.records WHERE json_valid(answers) AND json_valid(events);
		DETACH src;"
	done >"$dir/reads.sql"
	timed "$dir/reads.time" sh -c "sqlite3 -bail :memory: <'$dir/reads.sql' >/dev/null"
	read reads reads_cpu <"$dir/reads.time"
fi

# 3. survey merge into a new file
rm -f "$dir/merged.db" "$dir/merged.db-journal" "$dir/merged.db-wal" "$dir/merged.db-shm"
timed "$dir/merge.time" sh -c "'$SURVEY' merge -o '$dir/merged.db' $files >'$dir/merge.out'"
read merge merge_cpu <"$dir/merge.time"
tail -2 "$dir/merge.out"

# 4. the same files again: every interview identical
timed "$dir/again.time" sh -c "'$SURVEY' merge -o '$dir/merged.db' $files >'$dir/remerge.out'"
read again again_cpu <"$dir/again.time"
tail -2 "$dir/remerge.out" | head -1

# 5. bytes per interview: the output, and the CSV export of the same interviews
"$SURVEY" export "$dir/merged.db" -o "$dir/merged.csv" >/dev/null 2>&1 || : >"$dir/merged.csv"
n=$(sqlite3 "$dir/merged.db" "SELECT count(*) FROM interviews")
ncsv=$(sqlite3 "$dir/merged.db" "SELECT max(count(*), 1) FROM interviews WHERE status = 'complete'")
db_bytes=$(($(wc -c <"$dir/merged.db") / n)) csv_bytes=$(($(wc -c <"$dir/merged.csv") / ncsv))

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }
if [ "$SCHEMA" = 8 ]; then   # the events view reads slowly in bulk: the sizes of the records
	rows=$(sqlite3 "$dir/merged.db" "SELECT count(*) || ' interviews (schema 8: records of ' ||
		(sum(length(answers) + length(events)) / count(*)) || ' bytes on average)' FROM records")
else
	rows=$(sqlite3 "$dir/merged.db" "SELECT (SELECT count(*) FROM interviews) || ' interviews, ' ||
		(SELECT count(*) FROM answers) || ' answers, ' || (SELECT count(*) FROM events) || ' events'")
fi
printf 'merge of %s files x %s interviews (%s)\n' "$N_FILES" "$N_IV" "$rows"
printf '  floor (sqlite3 ATTACH + INSERT ... SELECT): %6.1f s  (cpu %s s)\n' "$floor" "$floor_cpu"
printf '  survey merge into a new file:               %6.1f s  (cpu %s s)  ratio %s wall, %s cpu (target 1.5 cpu)\n' \
	"$merge" "$merge_cpu" "$(ratio "$merge" "$floor")" "$(ratio "$merge_cpu" "$floor_cpu")"
if [ "$SCHEMA" = 8 ]; then
	both=$(awk -v a="$floor_cpu" -v b="$reads_cpu" 'BEGIN { printf "%.1f", a + b }')
	printf '  floor + integrity_check + every record parsed:      (cpu %s s)  ratio %s cpu (1.5x the copy leaves %s s for all checks)\n' \
		"$both" "$(ratio "$merge_cpu" "$both")" \
		"$(awk -v a="$floor_cpu" 'BEGIN { printf "%.1f", a * 0.5 }')"
	printf '    (the floor with those reads alone, before any value is checked or hashed: %sx its cpu)\n' \
		"$(ratio "$both" "$floor_cpu")"
fi
printf '  survey merge of the same files again:       %6.1f s  (cpu %s s)  ratio to the first merge %s wall, %s cpu (target 0.05)\n' \
	"$again" "$again_cpu" "$(ratio "$again" "$merge")" "$(ratio "$again_cpu" "$merge_cpu")"
printf '  bytes per interview: the merged file %s, its CSV export %s (complete ones)  ratio %s (target 3)\n' \
	"$db_bytes" "$csv_bytes" "$(ratio "$db_bytes" "$csv_bytes")"
printf '  (load average: %s)\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
