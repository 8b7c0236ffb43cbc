#!/bin/sh
# t1259-schema8-first-views: the views of schema 8 give their columns the affinities of schema
# 7's (a comparison of `answers.value` or `events.seq` with a number in SQL gives what the
# table gave); a file of schema 8 made before that, with the first text of its views (made
# while schema 8 was opt-in), is read and merged as it is (merge, pack) and gets the store's
# views at its next writable open, nothing else changed; a file whose views are neither is
# still refused by merge.
. tests/lib.sh

form=surveys/covid19-lsg.md
S8() { env SURVEY_STORE_SCHEMA=8 "$@"; }
Q() { sqlite3 "$1" "$2"; }
S8 "$SURVEY" simulate "$form" -n 12 --db "$TMP/a.db" --seed 3 --quiet || not_ok "simulate at 8"
schema7 "$SURVEY" simulate "$form" -n 12 --db "$TMP/s7.db" --seed 3 --quiet || not_ok "simulate at 7"
expect_eq "$(Q "$TMP/a.db" 'PRAGMA user_version')" 8 "the file is of schema 8"

# numbers compared with the views' columns as with schema 7's tables (TEXT value, INTEGER seq)
n=$(Q "$TMP/s7.db" "SELECT value FROM answers WHERE path = 'social/n_partners' AND value <> '' LIMIT 1")
cmpq="SELECT (SELECT count(*) FROM answers WHERE path = 'social/n_partners' AND value = ${n:-0}),
	(SELECT count(*) FROM answers WHERE path = 'social/n_partners' AND value = '${n:-0}'),
	(SELECT count(*) FROM events WHERE seq = '1'), (SELECT count(*) FROM interviews)"
want=$(Q "$TMP/s7.db" "$cmpq")
case $want in 0\|*|*\|0\|*) not_ok "the fixture has no answer to compare: $want" ;; esac
expect_eq "$(Q "$TMP/a.db" "$cmpq")" "$want" "a number compared with value and seq as at schema 7"
expect_eq "$(Q "$TMP/a.db" "SELECT typeof(value), typeof(seq), typeof(offset_ms), typeof(at)
	FROM answers JOIN events USING (uuid, path) LIMIT 1")" "text|integer|integer|text" \
	"the columns' values keep their types"

# the first text of the views (frozen in src/store/record_views_first.c), as such a file has them
python3 - src/store/record_views_first.c >"$TMP/first.sql" <<'PY'
import re, sys
src = open(sys.argv[1]).read()
body = src[src.index("views_first[] ="):src.index(";\n", src.index("views_first[] ="))]
print("".join(eval(s) for s in re.findall(r'^\s*("(?:[^"\\]|\\.)*")', body, re.M)))
PY
grep -q "^CREATE VIEW answers AS SELECT a.uuid, a.path, a.value," "$TMP/first.sql" ||
	not_ok "the first views read from record_views_first.c: $(head -c 200 "$TMP/first.sql")"
cp "$TMP/a.db" "$TMP/old.db"
Q "$TMP/old.db" "DROP VIEW interviews; DROP VIEW events; DROP VIEW answers; $(cat "$TMP/first.sql")" ||
	not_ok "make the old views"
# what the first views gave: a number is not converted (the defect of t0380 with the switch)
expect_eq "$(Q "$TMP/old.db" "SELECT count(*) FROM events WHERE seq = '1'")" 0 \
	"the first views do not convert a text compared with seq"
cp "$TMP/old.db" "$TMP/old.orig"

# read as it is (read-only: its bytes unchanged)
for f in a old; do
	"$SURVEY" list "$TMP/$f.db" 2>&1 | sed "s|$TMP/$f.db|FILE|" >"$TMP/$f.list"
	"$SURVEY" export "$TMP/$f.db" -o "$TMP/$f.csv" >/dev/null 2>&1 || not_ok "export $f"
	"$SURVEY" freq "$TMP/$f.db" oblast >"$TMP/$f.freq" 2>&1 || not_ok "freq $f"
done
for x in list csv freq; do
	cmp -s "$TMP/a.$x" "$TMP/old.$x" && ok "$x of the file with the first views" ||
		not_ok "$x of the file with the first views differs: $(diff "$TMP/a.$x" "$TMP/old.$x" | head -3)"
done
cmp -s "$TMP/old.db" "$TMP/old.orig" && ok "reading it changes nothing" || not_ok "reading it changed it"

# merged and packed as it is, at both output schemas
for v in 8 7; do
	run env SURVEY_STORE_SCHEMA=$v "$SURVEY" merge "$TMP/old.db" -o "$TMP/m$v.db" --allow-simulated
	expect_rc 0 "merge the file with the first views into a new file of schema $v"
	expect_out "12 interviews: 12 new" "its 12 interviews merged (schema $v)"
	run env SURVEY_STORE_SCHEMA=$v "$SURVEY" merge "$TMP/a.db" -o "$TMP/m$v.db" --allow-simulated
	expect_out "12 interviews: 0 new, 12 identical" "the same interviews as the file of the store's views (schema $v)"
done
cmp -s "$TMP/old.db" "$TMP/old.orig" && ok "merging it changes nothing" || not_ok "merging it changed it"
run "$SURVEY" pack "$TMP/old.db" -o "$TMP/p.db"
expect_rc 0 "pack it"
run "$SURVEY" merge "$TMP/p.db" -o "$TMP/m8.db" --allow-simulated
expect_out "12 interviews: 0 new, 12 identical" "its pack merges: the same interviews"

# a mix of first and current views, or a view of another text, is not survey's schema
mixed() { cp "$TMP/a.db" "$TMP/x.db"; Q "$TMP/x.db" "$1" || not_ok "craft x.db"; }
mixed "DROP VIEW answers; $(sed -n '/^CREATE VIEW answers/,$p' "$TMP/first.sql")"
run "$SURVEY" merge "$TMP/x.db" -o "$TMP/mx.db" --allow-simulated
expect_rc 1 "one first view among the current ones is refused"
expect_err "its schema differs" "it says its schema differs"
mixed "DROP VIEW answers; CREATE VIEW answers AS SELECT uuid, 'x' AS path, 'y' AS value,
	'answered' AS state, created AS modified FROM interviews"
run "$SURVEY" merge "$TMP/x.db" -o "$TMP/mx.db" --allow-simulated
expect_rc 1 "a view of another text is refused"
[ ! -e "$TMP/mx.db" ] && ok "no output made of them" || not_ok "an output was made"

# the next writable open gives it the store's views, its records unchanged
run "$SURVEY" simulate "$form" -n 0 --db "$TMP/old.db" --quiet
expect_rc 0 "a writable open of the file with the first views"
views() { Q "$1" "SELECT name || ':' || sql FROM sqlite_schema WHERE type = 'view' ORDER BY name"; }
expect_eq "$(views "$TMP/old.db")" "$(views "$TMP/a.db")" "it has the store's views now"
expect_eq "$(Q "$TMP/old.db" "$cmpq")" "$want" "and a number compares as at schema 7"
rows() { Q "$1" "SELECT hex(sha3_query('SELECT * FROM records ORDER BY uuid;
	SELECT * FROM paths ORDER BY 1, 2, 3'))"; }
expect_eq "$(rows "$TMP/old.db")" "$(rows "$TMP/a.db")" "its records and path ids as they were"
run "$SURVEY" merge "$TMP/old.db" -o "$TMP/m8.db" --allow-simulated
expect_out "12 interviews: 0 new, 12 identical" "it merges as before"

# a view of the store altered by another program is made again too
cp "$TMP/a.db" "$TMP/alt.db"
Q "$TMP/alt.db" "DROP VIEW events; CREATE VIEW events AS SELECT 1 AS seq" || not_ok "alter a view"
run "$SURVEY" simulate "$form" -n 0 --db "$TMP/alt.db" --quiet
expect_eq "$(views "$TMP/alt.db")" "$(views "$TMP/a.db")" "an altered view is made again on a writable open"
done_testing
