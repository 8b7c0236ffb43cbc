#!/bin/sh
# bench/check-external.sh: how long `survey check` takes on a 2,000-question questionnaire
# whose selects read external choices (an external_choices sheet of 10,000 rows, filtered by
# a column, and a 10,000-row CSV media file read with select_one_from_file and pulldata()),
# next to pyxform's converter (xls2xform) on the same form in the same run when pyxform is
# importable by python3. Without pyxform no ratio is printed, only our time and rows/second.
# Run by `make bench`, or: sh bench/check-external.sh   (SURVEY=binary, N=questions,
# ROWS=external rows, RUNS=runs per command)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
SURVEY=${SURVEY:-$top/survey}
N=${N:-2000}
ROWS=${ROWS:-10000}
RUNS=${RUNS:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -x "$SURVEY" ] || { echo "check-external: no $SURVEY (run make first)" >&2; exit 1; }

# the form, in pyxform's single-file .csv (both tools read it), and its media file
form="$tmp/external.csv"
mkdir -p "$tmp/external-media"
awk -v n="$N" -v rows="$ROWS" 'BEGIN {
	print "survey,,,,,"
	print ",type,name,label,choice_filter,calculation"
	print ",select_one district,district,District,,"
	for (i = 1; i <= n; i++) {
		k = i % 4
		if (k == 0) printf ",select_one_external villages,q%d,Village %d,district=${district},\n", i, i
		else if (k == 1) printf ",integer,q%d,How many (%d)?,,\n", i, i
		else if (k == 2) printf ",select_one_from_file places.csv,q%d,Place %d,,\n", i, i
		else printf ",calculate,q%d,,,\"pulldata('\''places'\'', '\''population'\'', '\''name'\'', ${q%d})\"\n", i, i - 1
	}
	print "choices,,,,,"
	print ",list_name,name,label,,"
	for (d = 1; d <= 20; d++) printf ",district,d%d,District %d,,\n", d, d
	print "external_choices,,,,,"
	print ",list_name,name,label,district,"
	for (r = 1; r <= rows; r++) printf ",villages,v%d,Village %d,d%d,\n", r, r, r % 20 + 1
	print "settings,,,,,"
	print ",form_id,version,,,"
	print ",external_bench,1,,,"
}' >"$form"
awk -v rows="$ROWS" 'BEGIN { print "name,label,population"
	for (r = 1; r <= rows; r++) printf "p%d,Place %d,%d\n", r, r, r * 3 }' >"$tmp/external-media/places.csv"
cp "$tmp/external-media/places.csv" "$tmp/"   # pyxform looks beside the form
if ! "$SURVEY" check -q "$form"; then
	echo "check-external: the generated form does not pass survey check" >&2
	exit 1
fi

# mean wall time of a command in milliseconds, over $RUNS runs after one warm-up
loop_ms() {
	"$@" >/dev/null 2>&1 || return 1
	t0=$(date +%s%N)
	i=0
	while [ $i -lt "$RUNS" ]; do
		"$@" >/dev/null 2>&1
		i=$((i + 1))
	done
	t1=$(date +%s%N)
	echo "$t0 $t1 $RUNS" | awk '{ printf "%.1f", ($2 - $1) / 1e6 / $3 }'
}

ours=$(loop_ms "$SURVEY" check -q "$form")
total=$((ROWS * 2))
echo "check-external: survey check, $N questions, $ROWS external_choices rows + $ROWS CSV rows: $ours ms" \
	"($(echo "$total $ours" | awk '{ printf "%.0f", $1 / ($2 / 1000) }') rows/second, $RUNS runs)"
# the stored form (a bundle) read back by export: 1,000 selects of 10,000 choices each
"$SURVEY" simulate "$form" -n 20 --seed 1 --db "$tmp/sim.db" >/dev/null 2>&1
t0=$(date +%s%N)
"$SURVEY" export "$tmp/sim.db" --format csv -o "$tmp/sim.csv" >/dev/null 2>&1
t1=$(date +%s%N)
echo "check-external: export csv of 20 simulated interviews of that form (from its bundle):" \
	"$(( (t1 - t0) / 1000000 )) ms"
if python3 -c 'import pyxform' 2>/dev/null; then
	theirs=$(cd "$tmp" && loop_ms python3 -m pyxform.xls2xform "$form" "$tmp/out.xml") || {
		echo "check-external: pyxform is importable but failed on the form; no comparison"
		exit 0
	}
	echo "check-external: pyxform xls2xform on the same form: $theirs ms"
	echo "check-external: ratio $(echo "$theirs $ours" | awk '{ printf "%.1f", $1 / $2 }') x" \
		"(pyxform time / survey time, same machine, same run)"
else
	echo "check-external: pyxform is not importable here (python3 -c 'import pyxform' fails;" \
		"PyPI cannot be reached), so there is no comparison and no ratio: only survey's time above"
fi
