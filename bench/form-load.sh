#!/bin/sh
# bench/form-load.sh: how long `survey check` takes on a 2,000-question .xlsx questionnaire
# (three languages, groups, a repeat, selects, relevance, constraints, calculations), next to
# `sqlite3 :memory: 'select 1'` as the floor of starting a process. Uses hyperfine when it is
# installed, else a loop timed with date +%s%N. Run by `make bench`, or: sh bench/form-load.sh
# (SURVEY=binary, N=questions, RUNS=runs per command).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
SURVEY=${SURVEY:-$top/survey}
N=${N:-2000}
RUNS=${RUNS:-30}
HYPERFINE=${HYPERFINE:-hyperfine}   # HYPERFINE=none: time with the shell loop
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

[ -x "$SURVEY" ] || { echo "form-load: no $SURVEY (run make first)" >&2; exit 1; }
cc -std=gnu11 -O2 "$top/bench/gen_form_xlsx.c" $(pkg-config --cflags --libs xlsxwriter) \
	-o "$tmp/gen_form_xlsx"
form="$tmp/form$N.xlsx"
"$tmp/gen_form_xlsx" "$form" "$N"
if ! "$SURVEY" check -q "$form"; then
	echo "form-load: the generated form does not pass survey check" >&2
	exit 1
fi
size=$(wc -c <"$form")

# mean wall time of a command in milliseconds, over $RUNS runs after one warm-up
loop_ms() {
	"$@" >/dev/null 2>&1
	t0=$(date +%s%N)
	i=0
	while [ $i -lt "$RUNS" ]; do
		"$@" >/dev/null 2>&1
		i=$((i + 1))
	done
	t1=$(date +%s%N)
	echo "$t0 $t1 $RUNS" | awk '{ printf "%.2f", ($2 - $1) / 1e6 / $3 }'
}

if command -v "$HYPERFINE" >/dev/null 2>&1; then
	how="hyperfine, $RUNS+ runs each"
	"$HYPERFINE" -N --warmup 3 --min-runs "$RUNS" --export-csv "$tmp/h.csv" \
		"$SURVEY check -q $form" "sqlite3 :memory: 'select 1'" >/dev/null 2>&1
	# columns: command,mean,stddev,median,user,system,min,max (seconds)
	check_ms=$(awk -F, 'NR == 2 { printf "%.2f", $2 * 1000 }' "$tmp/h.csv")
	floor_ms=$(awk -F, 'NR == 3 { printf "%.2f", $2 * 1000 }' "$tmp/h.csv")
else
	how="date +%s%N loop, $RUNS runs each"
	check_ms=$(loop_ms "$SURVEY" check -q "$form")
	floor_ms=$(loop_ms sqlite3 :memory: 'select 1')
fi
ratio=$(echo "$check_ms $floor_ms" | awk '{ printf "%.1f", ($2 > 0 ? $1 / $2 : 0) }')
echo "form-load: survey check, $N questions in .xlsx ($size bytes): $check_ms ms"
echo "form-load: sqlite3 :memory: 'select 1' (process start floor):   $floor_ms ms"
echo "form-load: ratio $ratio x ($how)"
