#!/bin/sh
# t1255-schema8-migrate: with SURVEY_STORE_SCHEMA=8 (issue 18, opt-in) a command that writes
# moves an existing file of schema 1..7 to schema 8 in place, in one transaction: its views give
# exactly the rows the file held (simulated interviews and rows crafted at the edges of the
# encoding), list, freq and export give the same bytes before and after, every form version has
# its path ids, the pages are 16 KiB; a record that cannot be built is refused in one line
# naming the file and the interview, the file unchanged byte for byte. Without the switch a
# schema-7 file stays schema 7.
. tests/lib.sh

form=surveys/covid19-lsg.md
Q() { sqlite3 "$1" "$2"; }
# migrate DB FORM: the command that moves it (simulate of no interview writes nothing else)
migrate() { run env SURVEY_STORE_SCHEMA=8 "$SURVEY" simulate "$2" -n 0 --db "$1" --quiet; }
# same_rows A B what: the views (or tables) interviews, answers and events of A and B hold the
# same rows, both ways
same_rows() {
	for t in interviews answers events; do
		n=$(Q "$1" "ATTACH '$2' AS o;
			SELECT ((SELECT count(*) FROM (SELECT * FROM main.$t EXCEPT SELECT * FROM o.$t))
			+ (SELECT count(*) FROM (SELECT * FROM o.$t EXCEPT SELECT * FROM main.$t)))
			|| ' ' || ((SELECT count(*) FROM main.$t) - (SELECT count(*) FROM o.$t))
			|| ' ' || ((SELECT count(*) FROM main.$t) > 0)")
		expect_eq "$n" "0 0 1" "$3: $t gives the rows of schema 7"
	done
}
# snap DB DIR FREQ-ARGS...: what list, list --json, freq (when given) and export give on DB,
# into DIR (its name as FILE); same_snaps DIR1 DIR2 what: the files of the two (the CSV
# files of the export among them) hold the same bytes
snap() {
	db=$1 d=$2; shift 2
	mkdir -p "$d"
	"$SURVEY" list "$db" >"$d/list" 2>&1
	"$SURVEY" list --json "$db" >"$d/json" 2>&1
	[ $# -gt 0 ] && "$SURVEY" freq "$db" "$@" >"$d/freq" 2>&1
	"$SURVEY" export "$db" -o "$d/x.csv" >/dev/null 2>&1
	echo "rc $?" >"$d/export"
	sed -i "s|$db|FILE|g" "$d/list" "$d/json" "$d/export" "$d/freq" 2>/dev/null
}
same_snaps() {
	for f in "$1"/*; do
		b=$(basename "$f")
		cmp -s "$f" "$2/$b" && ok "$3: $b the same after the migration" ||
			{ not_ok "$3: $b differs after the migration"; diff "$f" "$2/$b" | head -5; }
	done
}

# ---- a schema-7 file of the current release, with rows at the edges of the encoding ----
run schema7 "$SURVEY" simulate "$form" -n 12 --db "$TMP/e.db" --seed 3 --quiet
expect_rc 0 "simulate at schema 7"
Q "$TMP/e.db" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE" >/dev/null
Q "$TMP/e.db" "
CREATE TEMP TABLE u AS SELECT uuid, row_number() OVER (ORDER BY uuid) AS n FROM interviews;
-- created with a zone: every time of the interview kept as its text
UPDATE interviews SET created = '2021-10-03T19:43:21+06:00' WHERE uuid = (SELECT uuid FROM u WHERE n = 1);
-- an event's time without ms; an unknown kind with path-less values
UPDATE events SET at = '2021-10-03T19:43:21Z' WHERE seq = 2 AND uuid = (SELECT uuid FROM u WHERE n = 2);
INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),
  '2021-10-03T19:50:00.123Z', 999999, 'custom', NULL, 'was', 'is', NULL, NULL FROM u WHERE n = 2;
-- an old value that is not the previous new one, an unknown state, a NULL don't-know answer
-- saved at another time than its last event
INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),
  '2021-10-03T19:51:00.000Z', 1000000, 'answer', (SELECT min(path) FROM answers a WHERE
  a.uuid = u.uuid), 'not the last one', NULL, 'weird', 'dont_know' FROM u WHERE n = 3;
UPDATE answers SET value = NULL, state = 'dont_know', modified = '2021-10-03T19:52:00.000Z'
  WHERE uuid = (SELECT uuid FROM u WHERE n = 3) AND path = (SELECT min(path) FROM answers a
  WHERE a.uuid = answers.uuid);
-- an event on a path with no answer, quotes, controls and JSON in its value
INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),
  '2021-10-03T19:53:00.000Z', 1000001, 'answer', 'gone[3]/q', NULL,
  'say \"hi\"' || char(10, 1) || '[1,true]', NULL, 'answered' FROM u WHERE n = 4;
-- answers of a repeat beyond those simulated, and on paths the form does not have as such
INSERT INTO answers SELECT uuid, p.column1, 'x', 'answered', '2021-10-03T19:56:00.000Z'
  FROM u, (VALUES('no/such'), ('respondent/oblast[2]'), ('social/partners[0]/partner_name'),
  ('social/partners[01]/partner_name'), ('social/partners[12]/partner_name')) p WHERE n = 7;
-- content hashes not lowercase hex; interview times that are not canonical
UPDATE interviews SET content_hash = upper(content_hash) WHERE uuid = (SELECT uuid FROM u WHERE n = 5);
UPDATE interviews SET content_hash = 'not hex', modified = '12',
  completed = '2021-10-03T19:56:00Z' WHERE uuid = (SELECT uuid FROM u WHERE n = 6);
-- explicit old values: both NULL, then a value with a NULL state
INSERT INTO events SELECT uuid, (SELECT max(seq) + k FROM events e WHERE e.uuid = u.uuid),
  '2021-10-03T19:57:00.000Z', 1000002 + k, 'answer', 'extra/q', o, v, NULL, 'answered'
  FROM u, (SELECT 1 AS k, NULL AS o, 'a' AS v UNION ALL SELECT 2, NULL, 'b'
  UNION ALL SELECT 3, 'b', 'c') WHERE n = 8;" 2>"$TMP/sqlerr"
expect_eq "$(cat "$TMP/sqlerr")" "" "the edge rows are written"
cp "$TMP/e.db" "$TMP/e7.db"   # kept at schema 7
snap "$TMP/e.db" "$TMP/before" oblast municipality_type

# without the switch nothing changes: still schema 7
cp "$TMP/e.db" "$TMP/plain.db"
run schema7 "$SURVEY" simulate "$form" -n 0 --db "$TMP/plain.db" --quiet
expect_rc 0 "without the switch: a command writes to the file"
expect_eq "$(Q "$TMP/plain.db" 'PRAGMA user_version')" 7 "without the switch it stays schema 7"

# with the switch: schema 8, the same rows and outputs
migrate "$TMP/e.db" "$form"
expect_rc 0 "with SURVEY_STORE_SCHEMA=8 a command opens the schema-7 file"
expect_eq "$(Q "$TMP/e.db" 'PRAGMA user_version')" 8 "it is migrated to schema 8"
expect_eq "$(Q "$TMP/e.db" "SELECT group_concat(type, ' ') FROM (SELECT type FROM sqlite_schema
	WHERE name IN ('interviews', 'answers', 'events', 'records') ORDER BY name)")" \
	"view view view table" "interviews, answers and events are views over records"
expect_eq "$(Q "$TMP/e.db" 'SELECT count(*) FROM records')" 12 "one record per interview"
expect_eq "$(Q "$TMP/e.db" 'PRAGMA page_size')" 16384 "16 KiB pages, as a new schema-8 file"
expect_eq "$(Q "$TMP/e.db" 'PRAGMA journal_mode')" wal "the journal is WAL again"
expect_eq "$(Q "$TMP/e.db" "SELECT count(*) FROM forms f WHERE NOT EXISTS (SELECT 1 FROM paths p
	WHERE p.form_id = f.form_id AND p.form_version = f.version)")" 0 \
	"every form version has its path ids"
same_rows "$TMP/e.db" "$TMP/e7.db" "edge rows"
snap "$TMP/e.db" "$TMP/after" oblast municipality_type
same_snaps "$TMP/before" "$TMP/after" "edge rows"
[ -s "$TMP/after/x.csv" ] && [ -s "$TMP/after/x-partners.csv" ] &&
	ok "the export wrote the CSV of the interviews and of the repeat" || not_ok "no CSV export"

# the migrated file is written to as a schema-8 one, with or without the switch
run env SURVEY_STORE_SCHEMA=8 "$SURVEY" simulate "$form" -n 3 --db "$TMP/e.db" --seed 9 --quiet
expect_rc 0 "more interviews into the migrated file"
run schema7 "$SURVEY" simulate "$form" -n 2 --db "$TMP/e.db" --seed 10 --quiet
expect_rc 0 "and without the switch"
expect_eq "$(Q "$TMP/e.db" 'SELECT count(*) || " " || (SELECT count(*) FROM interviews) FROM records')" \
	"17 17" "the new interviews are records"
run "$SURVEY" list "$TMP/e.db"
expect_out '^17 interviews' "list reads them all"

# ---- a coordinator's merged file: its provenance kept (compact, read the same), merging on ----
for i in 1 2 3; do
	run schema7 "$SURVEY" simulate "$form" -n 5 --db "$TMP/l$i.db" --seed $((20 + i)) --quiet
done
run schema7 "$SURVEY" merge "$TMP/l1.db" "$TMP/l2.db" -o "$TMP/hq.db" --allow-simulated
expect_rc 0 "a merged file of schema 7"
cp "$TMP/hq.db" "$TMP/hq7.db"
migrate "$TMP/hq.db" "$form"
expect_eq "$RC $(Q "$TMP/hq.db" 'PRAGMA user_version')" "0 8" "the merged file: migrated to schema 8"
prov_same() { # prov_same A B what: provenance_interviews of A and B, both ways
	expect_eq "$(Q "$1" "ATTACH '$2' AS o;
		SELECT ((SELECT count(*) FROM (SELECT * FROM main.provenance_interviews EXCEPT
			SELECT * FROM o.provenance_interviews))
		+ (SELECT count(*) FROM (SELECT * FROM o.provenance_interviews EXCEPT
			SELECT * FROM main.provenance_interviews))) || ' ' ||
		(SELECT count(*) FROM main.provenance_interviews)")" "0 10" "$3"
}
prov_same "$TMP/hq.db" "$TMP/hq7.db" "the merged file: every version's provenance as it was"
run env SURVEY_STORE_SCHEMA=8 "$SURVEY" merge "$TMP/l2.db" "$TMP/l3.db" -o "$TMP/hq.db" --allow-simulated
expect_rc 0 "merging on into the migrated file"
expect_out "l3.db' .*5 interviews: 5 new" "a new laptop's interviews are new"
run schema7 "$SURVEY" merge "$TMP/l3.db" -o "$TMP/hq7.db" --allow-simulated
expect_eq "$(Q "$TMP/hq.db" "SELECT count(*) FROM provenance_interviews")" 15 \
	"its versions join the provenance"
same_rows "$TMP/hq.db" "$TMP/hq7.db" "merged on after the migration"

# ---- another program has the file open: migrated all the same, its pages left for later ----
cp "$TMP/e7.db" "$TMP/h.db"
Q "$TMP/h.db" "PRAGMA journal_mode = WAL" >/dev/null
mkfifo "$TMP/fifo"
sqlite3 "$TMP/h.db" <"$TMP/fifo" >"$TMP/reader" 2>&1 &
reader=$!
exec 3>"$TMP/fifo"
echo "SELECT 'open', count(*) FROM meta;" >&3
k=0; while ! grep -q open "$TMP/reader" && [ $k -lt 300 ]; do sleep 0.1; k=$((k + 1)); done
migrate "$TMP/h.db" "$form"
expect_rc 0 "held open by another program: migrated"
exec 3>&-
wait "$reader"
expect_eq "$(Q "$TMP/h.db" 'PRAGMA user_version') $(Q "$TMP/h.db" 'PRAGMA page_size')" "8 4096" \
	"schema 8, its pages as they were (no VACUUM while another program has it open)"
same_rows "$TMP/h.db" "$TMP/e7.db" "held open"
size=$(wc -c <"$TMP/h.db")
migrate "$TMP/h.db" "$form"
expect_eq "$RC $(Q "$TMP/h.db" 'PRAGMA page_size')" "0 16384" "the next open with the switch gives it 16 KiB pages"
[ "$(wc -c <"$TMP/h.db")" -lt "$size" ] && ok "and the file is smaller" || not_ok "the file did not shrink"
same_rows "$TMP/h.db" "$TMP/e7.db" "16 KiB pages later"

# ---- four commands at once on one schema-7 file: one migrates it, the others find it done ----
cp "$TMP/e7.db" "$TMP/c.db"
for k in 1 2 3 4; do
	env SURVEY_STORE_SCHEMA=8 "$SURVEY" simulate "$form" -n 0 --db "$TMP/c.db" --quiet \
		>/dev/null 2>"$TMP/c$k.err" &
done
wait
expect_eq "$(cat "$TMP"/c?.err)" "" "at once: none is refused (each reads the version again under the lock)"
expect_eq "$(Q "$TMP/c.db" 'PRAGMA user_version')" 8 "at once: schema 8"
same_rows "$TMP/c.db" "$TMP/e7.db" "at once"

# ---- older schemas: migrated through 7 to 8 in one step, as a migration to 7 gives them ----
F=tests/fixtures/export
sqlite3 "$TMP/v2.db" <tests/fixtures/store/schema-v2.sql
Q "$TMP/v2.db" "DELETE FROM meta WHERE key = 'content_sha256'"   # no longer a pack
sqlite3 "$TMP/v1.db" <tests/fixtures/merge/schema-v1.sql
for v in 1 2; do
	cp "$TMP/v$v.db" "$TMP/v${v}to7.db"
	run schema7 "$SURVEY" simulate $F/basic.md -n 0 --db "$TMP/v${v}to7.db" --quiet
	expect_eq "$RC $(Q "$TMP/v${v}to7.db" 'PRAGMA user_version')" "0 7" "schema $v: to 7 without the switch"
	migrate "$TMP/v$v.db" $F/basic.md
	expect_rc 0 "schema $v: opened with the switch"
	expect_eq "$(Q "$TMP/v$v.db" 'PRAGMA user_version')" 8 "schema $v: migrated to schema 8"
	[ "$(Q "$TMP/v$v.db" 'SELECT count(*) FROM records')" -gt 0 ] &&
		ok "schema $v: its interviews are records" || not_ok "schema $v: no records"
	same_rows "$TMP/v$v.db" "$TMP/v${v}to7.db" "schema $v"
	snap "$TMP/v${v}to7.db" "$TMP/s$v-7"
	snap "$TMP/v$v.db" "$TMP/s$v-8"
	same_snaps "$TMP/s$v-7" "$TMP/s$v-8" "schema $v"
done

# ---- a record that cannot be built: refused in one line, the file unchanged ----
for mode in delete wal; do
	cp "$TMP/e7.db" "$TMP/bad.db"
	Q "$TMP/bad.db" "UPDATE answers SET value = X'4142' WHERE (uuid, path) =
		(SELECT uuid, path FROM answers ORDER BY uuid DESC LIMIT 1);
		PRAGMA journal_mode = $mode" >/dev/null
	bad=$(Q "$TMP/bad.db" "SELECT max(uuid) FROM answers")
	sum=$(sha256sum <"$TMP/bad.db")
	migrate "$TMP/bad.db" "$form"
	expect_rc 1 "$mode: a value of the wrong type stops the migration"
	expect_err_lines 1 "$mode: in one line"
	expect_err "cannot open '.*bad\.db': .*schema 8.*interview '$bad'.*wrong type.*nothing was changed: set SURVEY_STORE_SCHEMA=7" \
		"$mode: naming the file, the interview and what to do"
	expect_eq "$(sha256sum <"$TMP/bad.db")" "$sum" "$mode: the file is unchanged byte for byte"
	run schema7 "$SURVEY" simulate "$form" -n 0 --db "$TMP/bad.db" --quiet
	expect_eq "$RC $(Q "$TMP/bad.db" 'PRAGMA user_version')" "0 7" \
		"$mode: without the switch it is used as it was"
done

done_testing
