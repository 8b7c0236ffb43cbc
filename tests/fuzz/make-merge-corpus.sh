#!/bin/sh
# make-merge-corpus.sh: makes the seed corpus of fuzz_merge, tests/fuzz/corpus/merge/ (or OUTDIR):
# small laptop files (page size 512, vacuumed, a few KB) of the fuzzer's questionnaire
# (merge_form.h): its base laptop and relatives (more, other and revised interviews, a merged
# file with conflicts, a likely duplicate, an answer invalid for its question, terminal escapes)
# and hostile variants (WAL header, schema version 1, a view, a trigger, an expression index,
# NULLs in NOT NULL columns, BLOB uuids, a text revision, columns declared in another order),
# and a laptop with attached files (schema 5) with two copies whose attachments lie; then the
# same kinds of laptops in the compact layout of schema 8 (s8-*).
# Device ids and creation times are random, so the files differ from run to run; the set is
# committed (file names without .db, which .gitignore hides). The corpus also holds found-*
# files: inputs fuzz_merge found (one per distinct way of being refused), kept by hand, not
# made here. Run from anywhere:  sh tests/fuzz/make-merge-corpus.sh [OUTDIR [PENDINGDIR]]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$top/tests/fuzz/corpus/merge}
pending=${2:-$top/tests/fuzz/pending/merge}
make -C "$top" -s survey build/rel/tests/fuzz/merge_seed
S=$top/survey
seed=$top/build/rel/tests/fuzz/merge_seed
T=$(mktemp -d)
top_T=$T
trap 'rm -rf "$top_T"' EXIT
mkdir -p "$out"
# schema 7 (the default is 8 since session 10): the seeds below are crafted with sqlite3 on rows;
# the s8-* seeds at the end are made with =8
export LC_ALL=C.UTF-8 SURVEY_STORE_SCHEMA=7

"$seed" form "$T/form.md"
# sim NAME N SEED [options]: a laptop file $T/NAME.db made by survey simulate
sim() {
	n=$1 count=$2 s=$3
	shift 3
	"$S" simulate "$T/form.md" --quiet --db "$T/$n.db" -n "$count" --seed "$s" "$@"
	sqlite3 "$T/$n.db" "PRAGMA journal_mode = DELETE" >/dev/null
}
# keep FILE DEST: FILE made small (page size 512, vacuumed), copied to DEST
keep() {
	sqlite3 "$1" "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM" >/dev/null
	cp "$1" "$2"
}
# packed NAME: $T/NAME.db packed (content hash recorded), as $T/NAME.pack
packed() {
	"$S" pack "$T/$1.db" -o "$T/$1.pack" >/dev/null
	sqlite3 "$T/$1.pack" "UPDATE meta SET value = 'laptop.db' WHERE key = 'packed_from'"
}
# variant NAME SQL...: a copy of the base laptop changed by the SQL, as $out/NAME
variant() {
	v=$1
	shift
	cp "$T/base.db" "$T/$v"
	for sql in "$@"; do
		sqlite3 "$T/$v" "$sql"
	done
	keep "$T/$v" "$out/$v"
}
first() { sqlite3 "$T/base.db" "SELECT uuid FROM interviews ORDER BY uuid LIMIT 1"; }

# the fuzzer's base laptop (fuzz_merge.c merges it into its output first), packed and not
sim base 3 1
packed base
keep "$T/base.pack" "$out/base-packed"
cp "$T/base.db" "$T/laptop.db"
keep "$T/laptop.db" "$out/base-laptop"
sim more 5 1                       # the same three interviews and two more
packed more
keep "$T/more.pack" "$out/more"
sim other 3 2 --drafts 0.5 --specials 0.3   # other interviews, drafts, don't know/refused
keep "$T/other.db" "$out/other"
u=$(first)
cp "$T/base.db" "$T/updated.db"    # a later version of one interview: updated
"$seed" edit "$T/updated.db" "$u" village Ош
packed updated
keep "$T/updated.pack" "$out/updated"
cp "$T/base.db" "$T/edited.db"     # the same interview revised another way on a clone
"$seed" edit "$T/edited.db" "$u" village Талас
"$S" merge -o "$T/merged.db" "$T/updated.db" "$T/edited.db" >/dev/null 2>&1
[ "$(sqlite3 "$T/merged.db" "SELECT count(*) FROM conflicts")" -gt 0 ] ||
	{ echo "make-merge-corpus: the merged file has no conflicts" >&2; exit 1; }
packed merged
keep "$T/merged.pack" "$out/merged-conflicts"
# a likely duplicate: another interview with the key answers of a base interview
set -- $(sqlite3 -separator ' ' "$T/base.db" "SELECT a.uuid FROM answers a JOIN answers b ON
	b.uuid = a.uuid AND b.path = 'age' WHERE a.path = 'village' ORDER BY a.uuid LIMIT 1")
sim dup 1 3
d=$(sqlite3 "$T/dup.db" "SELECT uuid FROM interviews")
"$seed" edit "$T/dup.db" "$d" village "$(sqlite3 "$T/base.db" "SELECT value FROM answers WHERE uuid = '$1' AND path = 'village'")"
"$seed" edit "$T/dup.db" "$d" age "$(sqlite3 "$T/base.db" "SELECT value FROM answers WHERE uuid = '$1' AND path = 'age'")"
keep "$T/dup.db" "$out/duplicate"
cp "$T/base.db" "$T/invalid.db"    # 'abc' for an integer question, through the store
"$seed" edit "$T/invalid.db" "$u" age abc
keep "$T/invalid.db" "$out/invalid-answer"
cp "$T/base.db" "$T/escape.db"     # terminal escapes in a name (simulate refuses such a name)
sqlite3 "$T/escape.db" "UPDATE interviews SET interviewer = 'x' || char(27) || '[2J' ||
	char(27) || ']0;pwned' || char(7) WHERE uuid = '$u'"
keep "$T/escape.db" "$out/escape-interviewer"

# hostile variants
cp "$T/base.pack" "$T/wal.db"
sqlite3 "$T/wal.db" "PRAGMA page_size = 512; VACUUM; PRAGMA journal_mode = WAL" >/dev/null
cp "$T/wal.db" "$out/wal-header"
sqlite3 "$T/v1.db" "PRAGMA page_size = 512" ".read $top/tests/fixtures/merge/schema-v1.sql"
keep "$T/v1.db" "$out/schema-v1"
variant view-answers "ALTER TABLE answers RENAME TO answers_t" \
	"CREATE VIEW answers AS SELECT * FROM answers_t WHERE path <> 'age'"
variant trigger "CREATE TRIGGER t BEFORE DELETE ON meta BEGIN SELECT RAISE(ABORT, 'x'); END"
variant expr-index "CREATE INDEX answers_len ON answers(length(value), value || 'x')"
# nulls NAME TABLE.COLUMN...: NULLs where the schema said NOT NULL (the constraint dropped), in
# columns outside the content hash: device id and an answer's time (a seed), the interview's
# time or status (these crash merge today: kept in $pending, not replayed, until it refuses them)
nulls() {
	n=$1
	shift
	cp "$T/base.db" "$T/$n"
	for tc in "$@"; do
		t=${tc%.*} c=${tc#*.}
		sqlite3 "$T/$n" "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql =
			replace(sql, '$c TEXT NOT NULL', '$c TEXT') WHERE name = '$t'"
		sqlite3 "$T/$n" "UPDATE $t SET $c = NULL WHERE uuid = '$u'"
	done
}
nulls nulls interviews.device_id answers.modified
keep "$T/nulls" "$out/nulls"
mkdir -p "$pending"
nulls nulls-modified interviews.modified
keep "$T/nulls-modified" "$pending/nulls-modified"
nulls nulls-status interviews.status
keep "$T/nulls-status" "$pending/nulls-status"
variant blob-uuid "UPDATE interviews SET uuid = CAST(uuid AS BLOB)" \
	"UPDATE answers SET uuid = CAST(uuid AS BLOB)" "UPDATE events SET uuid = CAST(uuid AS BLOB)"
variant text-revision "UPDATE interviews SET revision = 'abc' WHERE uuid = '$u'"
variant swapped-columns "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql =
	replace(sql, 'device_id TEXT NOT NULL, interviewer TEXT NOT NULL DEFAULT ''''',
	'interviewer TEXT NOT NULL DEFAULT '''', device_id TEXT NOT NULL') WHERE name = 'interviews'"
# attachments (schema 5): a laptop of the media fixture with small attached files, and copies
# whose attachments lie (other bytes than their SHA-256, a name that leaves the folder)
"$S" simulate "$top/tests/fixtures/forms/media.md" --quiet --db "$T/attach.db" -n 2 --seed 1
sqlite3 "$T/attach.db" "PRAGMA journal_mode = DELETE" >/dev/null
a=$(sqlite3 "$T/attach.db" "SELECT uuid FROM attachments ORDER BY uuid, path LIMIT 1")
cp "$T/attach.db" "$T/attach-sha"
sqlite3 "$T/attach-sha" "UPDATE attachments SET bytes = zeroblob(size) WHERE uuid = '$a'"
keep "$T/attach-sha" "$out/attach-sha"
cp "$T/attach.db" "$T/attach-name"
sqlite3 "$T/attach-name" "UPDATE attachments SET name = '../x' WHERE uuid = '$a'"
keep "$T/attach-name" "$out/attach-name"
keep "$T/attach.db" "$out/attach-laptop"

# schema-8 seeds, s8-* (one record per interview; t0590 replays the corpus into outputs of both
# schemas, FUZZ_MERGE_SCHEMA): the base laptop's seed, packed, others with drafts and don't
# know/refused, a revised interview, a merged file with conflicts, an escape in a record's
# interviewer, attached files
export SURVEY_STORE_SCHEMA=8
mkdir "$T/s8"
cp "$T/form.md" "$T/s8/form.md"
T=$T/s8
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
	{ echo "make-merge-corpus: the schema-8 merged file has no conflicts" >&2; exit 1; }
keep "$T/merged.db" "$out/s8-merged-conflicts"
cp "$T/base.db" "$T/escape.db"
sqlite3 "$T/escape.db" "UPDATE records SET interviewer = 'x' || char(27) || '[2J' || char(27) ||
	']0;pwned' || char(7) WHERE uuid = '$u'"
keep "$T/escape.db" "$out/s8-escape-interviewer"
"$S" simulate "$top/tests/fixtures/forms/media.md" --quiet --db "$T/attach.db" -n 2 --seed 1
keep "$T/attach.db" "$out/s8-attach-laptop"
for f in "$out"/s8-*; do
	[ "$(sqlite3 "$f" 'PRAGMA user_version')" = 8 ] ||
		{ echo "make-merge-corpus: $f is not of schema 8" >&2; exit 1; }
done
ls -l "$out"
du -sh "$out"
