#!/bin/sh
# bench/answer-save.sh: (1) the median time to save one answer through the interview engine,
# commit included, next to a bare SQLite insert+commit with the same durability (WAL,
# synchronous=FULL) in the same directory, as a ratio (bench/answer_save.c); (2) how many
# interviews of the shipped survey `survey simulate` makes per second.
# Run by `make bench`, or: sh bench/answer-save.sh   (SURVEY=binary, N=answers timed,
# SIM_N=interviews simulated, DIR=where the databases go: the disk being measured)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
SURVEY=${SURVEY:-$top/survey}
N=${N:-300}
SIM_N=${SIM_N:-5000}
form="$top/surveys/covid19-lsg.md"
tmp=$(mktemp -d "${DIR:-$top/build}/bench-answer.XXXXXX" 2>/dev/null || mktemp -d)
trap 'rm -rf "$tmp"' EXIT

[ -x "$SURVEY" ] || { echo "answer-save: no $SURVEY (run make first)" >&2; exit 1; }
cd "$top"
cc -std=gnu11 -O2 -D_GNU_SOURCE -Isrc bench/answer_save.c src/interview/*.c src/form/*.c \
	src/store/*.c src/util/*.c \
	$(pkg-config --cflags --libs sqlite3 libzip expat nettle freexl jansson libsodium) -lm -o "$tmp/answer_save"
"$tmp/answer_save" "$form" "$tmp" "$N"

t0=$(date +%s%N)
"$SURVEY" simulate "$form" -n "$SIM_N" --db "$tmp/sim.db" --seed 1 --quiet
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
[ "$ms" -gt 0 ] || ms=1
echo "simulate: $SIM_N interviews of the shipped survey in $ms ms," \
	"$(( SIM_N * 1000 / ms )) interviews per second ($(du -k "$tmp/sim.db" | cut -f1) KiB)"
