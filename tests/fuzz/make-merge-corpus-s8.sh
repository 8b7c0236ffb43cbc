#!/bin/sh
# make-merge-corpus-s8.sh: the schema-8 seeds of fuzz_merge's corpus, tests/fuzz/corpus/merge/s8-*
# (or OUTDIR): laptop files of the fuzzer's questionnaire in the compact layout (one record per
# interview) — its base laptop's seed, others with drafts and don't know/refused, a pack, a
# revised interview, a merged file with conflicts, an escape in the interviewer's name, a
# laptop with attached files — small (page size 512, vacuumed). make-merge-corpus.sh makes the
# schema-7 seeds (it crafts rows with sqlite3, which schema 8 keeps in records). t0590 replays
# the corpus into outputs of both schemas (FUZZ_MERGE_SCHEMA=8). Device ids and creation times
# are random, so the files differ from run to run; the set is committed.
# Run from anywhere:  sh tests/fuzz/make-merge-corpus-s8.sh [OUTDIR]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$top/tests/fuzz/corpus/merge}
make -C "$top" -s survey build/rel/tests/fuzz/merge_seed
S=$top/survey
seed=$top/build/rel/tests/fuzz/merge_seed
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$out"
export LC_ALL=C.UTF-8 SURVEY_STORE_SCHEMA=8

"$seed" form "$T/form.md"
sim() { # sim NAME N SEED [options]: $T/NAME.db made by survey simulate at schema 8
	n=$1 count=$2 s=$3
	shift 3
	"$S" simulate "$T/form.md" --quiet --db "$T/$n.db" -n "$count" --seed "$s" "$@"
	sqlite3 "$T/$n.db" "PRAGMA journal_mode = DELETE" >/dev/null
}
keep() { # keep FILE DEST: FILE made small (page size 512, vacuumed), copied to DEST
	sqlite3 "$1" "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM" >/dev/null
	cp "$1" "$2"
}

sim base 3 1
keep "$T/base.db" "$out/s8-base-laptop"
"$S" pack "$T/base.db" -o "$T/base.pack" >/dev/null
keep "$T/base.pack" "$out/s8-base-packed"
sim other 3 2 --drafts 0.5 --specials 0.3
keep "$T/other.db" "$out/s8-other"
u=$(sqlite3 "$T/base.db" "SELECT uuid FROM records ORDER BY uuid LIMIT 1")
cp "$T/base.db" "$T/updated.db"
"$seed" edit "$T/updated.db" "$u" village Ош
keep "$T/updated.db" "$out/s8-updated"
cp "$T/base.db" "$T/edited.db"
"$seed" edit "$T/edited.db" "$u" village Талас
"$S" merge -o "$T/merged.db" "$T/updated.db" "$T/edited.db" >/dev/null 2>&1
[ "$(sqlite3 "$T/merged.db" "SELECT count(*) FROM conflicts")" -gt 0 ] ||
	{ echo "make-merge-corpus-s8: the merged file has no conflicts" >&2; exit 1; }
keep "$T/merged.db" "$out/s8-merged-conflicts"
cp "$T/base.db" "$T/escape.db"   # simulate refuses such a name: written into the record
sqlite3 "$T/escape.db" "UPDATE records SET interviewer = 'x' || char(27) || '[2J' || char(27) ||
	']0;pwned' || char(7) WHERE uuid = '$u'"
keep "$T/escape.db" "$out/s8-escape-interviewer"
"$S" simulate "$top/tests/fixtures/forms/media.md" --quiet --db "$T/attach.db" -n 2 --seed 1
keep "$T/attach.db" "$out/s8-attach-laptop"
for f in "$out"/s8-*; do
	[ "$(sqlite3 "$f" 'PRAGMA user_version')" = 8 ] ||
		{ echo "make-merge-corpus-s8: $f is not of schema 8" >&2; exit 1; }
done
