#!/bin/sh
# bench/report.sh: `survey report` of the shipped report (reports/covid19-lsg/report.md, 27
# tables) from N simulated interviews of surveys/covid19-lsg.md, as HTML, Markdown and XLSX,
# and the three at once (-o three times: computed once, written thrice): each whole run's wall
# and CPU time and peak memory, next to its floor from the same run: the sqlite3 CLI reading
# every answer once (one pass over the answers, no statistics); then the time of each step
# of the HTML run (the one read of every answer the report needs, the batches computed from
# it, each table). The machine may be loaded: the load average is printed with the figures.
# Target: 10 s per format at 100,000 interviews.
#   sh bench/report.sh            N=20000 sh bench/report.sh (smaller)
# The database is build/bench/tab-N-s8.db when bench/tab.sh made it (the same seed), else it is
# made there as report-N-s8.db and kept for the next run; of schema 8, the default (its floor
# reads through the views); with SURVEY_STORE_SCHEMA=7 of schema 7, tab-N.db or report-N.db.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
SURVEY=${SURVEY:-$top/survey}
N=${N:-100000}
SCHEMA=${SURVEY_STORE_SCHEMA:-8}
case $SCHEMA in 7) sfx= ;; 8) sfx=-s8 ;; *) echo "bench/report.sh: SURVEY_STORE_SCHEMA is 7 or 8" >&2; exit 2 ;; esac
export SURVEY_STORE_SCHEMA=$SCHEMA
dir=$top/build/bench
mkdir -p "$dir"
[ -x "$SURVEY" ] || { echo "bench/report.sh: build survey first (make)" >&2; exit 1; }

db=$dir/tab-$N$sfx.db
if [ ! -e "$db" ]; then
	db=$dir/report-$N$sfx.db
	if [ ! -e "$db" ]; then
		echo "making $db: survey simulate of $N interviews (about $((N / 400)) s) ..." >&2
		rm -f "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
		"$SURVEY" simulate "$top/surveys/covid19-lsg.md" -n "$N" --db "$db.tmp" --seed 1 --quiet
		mv "$db.tmp" "$db"
	fi
fi
spec=$top/reports/covid19-lsg/report.md
sqlite3 "$db" "SELECT count(*) FROM answers" >/dev/null   # warm the page cache

echo "survey report of $spec (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
ivs=$(sqlite3 "$db" "SELECT count(*) FROM interviews WHERE status = 'complete'")
echo "database: $db (schema $SCHEMA, $ivs complete interviews, $(($(wc -c <"$db") / ivs)) bytes per interview)"
/usr/bin/time -f '%e %U %S' -o "$dir/report-floor" sqlite3 "$db" \
	"SELECT count(*), sum(length(value)), sum(length(path)) FROM answers" >/dev/null
read -r floor fu fs <"$dir/report-floor"
floor_cpu=$(awk -v a="$fu" -v b="$fs" 'BEGIN { print a + b }')
printf 'floor (sqlite3: every answer read once): %.2f s wall, %.2f s cpu\n' "$floor" "$floor_cpu"
for fmt in html md xlsx all; do
	if [ $fmt = all ]; then
		set -- -o "$dir/report-$N-all.html" -o "$dir/report-$N-all.md" -o "$dir/report-$N-all.xlsx"
	else
		set -- -o "$dir/report-$N.$fmt"
	fi
	/usr/bin/time -f '%e %U %S %M' -o "$dir/report-time" \
		"$SURVEY" report "$db" "$spec" "$@" --simulated --timings -q \
		2>"$dir/report-tables.$fmt"
	read -r wall u s rss <"$dir/report-time"
	cpu=$(awk -v a="$u" -v b="$s" 'BEGIN { print a + b }')
	if [ $fmt = all ]; then
		size="the three files"
	else
		size="$(wc -c <"$dir/report-$N.$fmt") bytes"
	fi
	printf '%-5s %6.2f s wall (target 10), %6.2f s cpu: ratio to the floor %s wall, %s cpu; peak memory %d MB (database %d MB); %s\n' \
		"$fmt" "$wall" "$cpu" "$(awk -v a="$wall" -v b="$floor" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')" \
		"$(awk -v a="$cpu" -v b="$floor_cpu" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')" \
		$((rss / 1024)) $(($(wc -c <"$db") / 1048576)) "$size"
done
echo
echo "time per step (HTML run: every answer the report needs is read once, on its own line; the"
echo "frequency tables, and the cross-tables, that share a filter are then computed together from"
echo "memory, on their own lines, and take no time of their own):"
sed 's/^survey report: /  /' "$dir/report-tables.html"
awk '{ s += $(NF - 1); if ($3 !~ /^\(/) { n++; if ($(NF - 1) > m) { m = $(NF - 1); t = $3 } } }
     END { printf "  %d tables: %.2f s in all, %.3f s per table, slowest %s (%.2f s)\n",
           n, s, s / n, t, m }' "$dir/report-tables.html"
