#!/bin/sh
# bench/tab.sh: `survey tab` of two select_one questions (oblast x main_problem) with every
# statistic, on N simulated interviews of surveys/covid19-lsg.md, next to
#   (a) the floor: the same counts by the sqlite3 CLI, one GROUP BY over the same file;
#   (b) R reading the same file with RSQLite and running table() and chisq.test();
#   (c) PSPP's CROSSTABS /STATISTICS=ALL on the data exported to .sav (`survey export`).
# Every run is timed once, on a warm page cache (each tool runs once untimed first).
# Then the peak memory (maximum resident set size) of `survey tab` on N and, when it exists,
# on the big file.
#   sh bench/tab.sh                 N=20000 sh bench/tab.sh (smaller)
#   BIG=1000000 sh bench/tab.sh     also makes (once, ~45 minutes) and measures 1,000,000
# The databases are kept in build/bench/ for the next run: tab-N-s8.db of schema 8 (the default;
# the floor reads it through the views), tab-N.db with SURVEY_STORE_SCHEMA=7 (the old layout).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
SURVEY=${SURVEY:-$top/survey}
N=${N:-100000}
BIG=${BIG:-}
SCHEMA=${SURVEY_STORE_SCHEMA:-8}
case $SCHEMA in 7) sfx= ;; 8) sfx=-s8 ;; *) echo "bench/tab.sh: SURVEY_STORE_SCHEMA is 7 or 8" >&2; exit 2 ;; esac
export SURVEY_STORE_SCHEMA=$SCHEMA
dir=$top/build/bench
mkdir -p "$dir"
[ -x "$SURVEY" ] || { echo "bench/tab.sh: build survey first (make)" >&2; exit 1; }

# make_db N: the simulated database of N interviews (seed 1), kept
make_db() {
	db=$dir/tab-$1$sfx.db
	if [ ! -e "$db" ]; then
		echo "making $db: survey simulate of $1 interviews (about $(($1 / 400)) s) ..." >&2
		rm -f "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
		"$SURVEY" simulate "$top/surveys/covid19-lsg.md" -n "$1" --db "$db.tmp" --seed 1 >/dev/null
		mv "$db.tmp" "$db"
	fi
	echo "$db"
}

# timed NAME CMD...: run CMD once; "NAME wall cpu maxrss_kb" goes to $dir/times
timed() {
	name=$1; shift
	/usr/bin/time -f '%e %U %S %M' -o "$dir/t.tmp" "$@"
	awk -v n="$name" '{ printf "%s %s %.2f %s\n", n, $1, $2 + $3, $4 }' "$dir/t.tmp" >>"$dir/times"
}

DB=$(make_db "$N")
: >"$dir/times"
SQL="SELECT r.value, c.value, count(*) FROM interviews i
  JOIN answers r ON r.uuid = i.uuid AND r.path = 'respondent/oblast' AND r.state = 'answered'
  JOIN answers c ON c.uuid = i.uuid AND c.path = 'problems_section/main_problem'
   AND c.state = 'answered'
  WHERE i.status = 'complete' GROUP BY 1, 2"

# warm the page cache: every tool then reads the same pages from memory
sqlite3 "$DB" "$SQL" >/dev/null

# (a) the floor
timed floor sh -c "sqlite3 '$DB' \"\$0\" >/dev/null" "$SQL"
sqlite3 -csv "$DB" "$SQL" >"$dir/floor.csv"

# survey tab, every statistic (Fisher's r x c test included: Monte Carlo here)
"$SURVEY" tab "$DB" oblast main_problem --format json >/dev/null
timed survey sh -c "'$SURVEY' tab '$DB' oblast main_problem --format json >'$dir/tab.json'"
"$SURVEY" tab "$DB" oblast main_problem --cells count,col_pct >"$dir/tab.txt"
python3 - "$dir/tab.json" "$dir/floor.csv" <<'PY'
import csv, json, sys
t = json.load(open(sys.argv[1]))["tables"][0]
got = {(r, c): t["counts"][i][j] for i, r in enumerate(t["row_values"])
       for j, c in enumerate(t["col_values"]) if t["counts"][i][j]}
want = {(a, b): int(n) for a, b, n in csv.reader(open(sys.argv[2]))}
if got != want:
    sys.exit("bench/tab.sh: survey tab's counts differ from SQLite's")
s = t["stats"]["pearson_chi2"]
print("counts agree with SQLite: %d interviews; Pearson chi-square %.4f, df %d, p %.4f"
      % (t["n"], s["value"], s["df"], s["p"]))
PY

# (b) R: RSQLite reads the answers, table() and chisq.test()
if Rscript -e 'suppressMessages(library(RSQLite))' >/dev/null 2>&1; then
	cat >"$dir/tab.R" <<EOF
suppressMessages(library(RSQLite))
con <- dbConnect(SQLite(), "$DB", flags = SQLITE_RO)
d <- dbGetQuery(con, "SELECT r.value AS oblast, c.value AS main_problem FROM interviews i
  JOIN answers r ON r.uuid = i.uuid AND r.path = 'respondent/oblast' AND r.state = 'answered'
  JOIN answers c ON c.uuid = i.uuid AND c.path = 'problems_section/main_problem'
   AND c.state = 'answered' WHERE i.status = 'complete'")
dbDisconnect(con)
x <- table(d\$oblast, d\$main_problem)
print(chisq.test(x))
EOF
	Rscript "$dir/tab.R" >/dev/null 2>&1
	timed R sh -c "Rscript '$dir/tab.R' >/dev/null"
else
	echo "R with RSQLite is not installed (tools/install-deps full): skipping R" >&2
fi

# (c) PSPP on the data exported to .sav
if command -v pspp >/dev/null 2>&1 && "$SURVEY" help export >/dev/null 2>&1; then
	rm -f "$dir/tab.sav" "$dir"/tab-*.sav
	timed export sh -c "'$SURVEY' export '$DB' --format sav -o '$dir/tab.sav' >/dev/null"
	printf "GET FILE='%s'.\nCROSSTABS /TABLES=oblast BY main_problem /STATISTICS=ALL.\n" \
		"$dir/tab.sav" >"$dir/tab.sps"
	pspp "$dir/tab.sps" -o "$dir/pspp.txt" >/dev/null 2>&1
	timed pspp sh -c "pspp '$dir/tab.sps' -o '$dir/pspp.txt' >/dev/null"
else
	echo "pspp or survey export is missing: skipping PSPP" >&2
fi

# peak memory of survey tab: N, and the big file when asked for or already made
if [ -n "$BIG" ]; then
	BIGDB=$(make_db "$BIG")
else
	BIGDB=$(ls "$dir/tab-1000000$sfx.db" 2>/dev/null || true)
fi
for db in "$DB" $BIGDB; do
	n=$(sqlite3 "$db" "SELECT count(*) FROM interviews")
	/usr/bin/time -f '%e %M' -o "$dir/m.tmp" "$SURVEY" tab "$db" oblast main_problem \
		--format json >/dev/null
	read -r wall rss <"$dir/m.tmp"
	echo "mem $n $wall $rss" >>"$dir/times"
done

awk -v n="$N" -v schema="$SCHEMA" '
$1 == "floor" { floor = $2 }
$1 == "mem" { mem[++nm] = sprintf("  %9d interviews: %5.1f MB peak (%s s)", $2, $4 / 1024, $3); next }
{ name[++k] = $1; wall[k] = $2; cpu[k] = $3; rss[k] = $4 }
END {
	printf "survey tab oblast main_problem, %d simulated interviews of schema %s (one run each, warm cache)\n", n, schema
	printf "  %-34s %8s %8s %9s %8s\n", "", "wall s", "cpu s", "x floor", "peak MB"
	label["floor"] = "(a) sqlite3 GROUP BY (the floor)"
	label["survey"] = "survey tab, every statistic"
	label["R"] = "(b) R: RSQLite, table, chisq.test"
	label["export"] = "survey export --format sav"
	label["pspp"] = "(c) PSPP CROSSTABS of the .sav"
	for (i = 1; i <= k; i++)
		printf "  %-34s %8.2f %8.2f %9.2f %8.1f\n", label[name[i]], wall[i], cpu[i],
		       (floor > 0 ? wall[i] / floor : 0), rss[i] / 1024
	for (i = 1; i <= k; i++) { if (name[i] == "export") e = wall[i]; if (name[i] == "pspp") p = wall[i] }
	if (e + p > 0)
		printf "  %-34s %8.2f %8s %9.2f\n", "(c) end to end: export + PSPP", e + p, "", (e + p) / floor
	print "peak memory of survey tab:"
	for (i = 1; i <= nm; i++) print mem[i]
}' "$dir/times"
