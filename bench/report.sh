#!/bin/sh
# bench/report.sh: `survey report` of the shipped report (reports/covid19-lsg/report.md, 27
# tables) from N simulated interviews of surveys/covid19-lsg.md, as HTML, Markdown and XLSX:
# the time of each table (the analysis pipeline's pass over the database and the statistics)
# and of each whole run, with its peak memory.
#   sh bench/report.sh            N=20000 sh bench/report.sh (smaller)
# The database is build/bench/tab-N.db when bench/tab.sh made it (the same seed), else it is
# made there as report-N.db and kept for the next run.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
SURVEY=${SURVEY:-$top/survey}
N=${N:-100000}
dir=$top/build/bench
mkdir -p "$dir"
[ -x "$SURVEY" ] || { echo "bench/report.sh: build survey first (make)" >&2; exit 1; }

db=$dir/tab-$N.db
if [ ! -e "$db" ]; then
	db=$dir/report-$N.db
	if [ ! -e "$db" ]; then
		echo "making $db: survey simulate of $N interviews (about $((N / 400)) s) ..." >&2
		rm -f "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
		"$SURVEY" simulate "$top/surveys/covid19-lsg.md" -n "$N" --db "$db.tmp" --seed 1 --quiet
		mv "$db.tmp" "$db"
	fi
fi
spec=$top/reports/covid19-lsg/report.md
sqlite3 "$db" "SELECT count(*) FROM answers" >/dev/null   # warm the page cache

echo "survey report of $spec"
echo "database: $db ($(sqlite3 "$db" "SELECT count(*) FROM interviews WHERE status = 'complete'") complete interviews)"
for fmt in html md xlsx; do
	/usr/bin/time -f '%e %M' -o "$dir/report-time" \
		"$SURVEY" report "$db" "$spec" -o "$dir/report-$N.$fmt" --simulated --timings -q \
		2>"$dir/report-tables.$fmt"
	read -r wall rss <"$dir/report-time"
	printf '%-5s %6.2f s wall, peak memory %d MB, %s bytes\n' "$fmt" "$wall" $((rss / 1024)) \
		"$(wc -c <"$dir/report-$N.$fmt")"
done
echo
echo "time per table (HTML run; the frequency tables that share a filter are computed in one"
echo "pass over the database, timed on its own line, and then take no time of their own):"
sed 's/^survey report: /  /' "$dir/report-tables.html"
awk '{ s += $(NF - 1); if ($3 !~ /^\(/) { n++; if ($(NF - 1) > m) { m = $(NF - 1); t = $3 } } }
     END { printf "  %d tables: %.2f s in all, %.3f s per table, slowest %s (%.2f s)\n",
           n, s, s / n, t, m }' "$dir/report-tables.html"
