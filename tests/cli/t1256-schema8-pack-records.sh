#!/bin/sh
# t1256-schema8-pack-records: pack's content hash of a schema-8 file comes from its records
# decoded in C, not from the file's views or its `kinds` table: the same hash as the schema-7
# file of the same seed; a file whose `kinds` rows were altered (the records intact) still packs
# into a pack that merge accepts; an altered view changes neither the hash nor the pack's views;
# a record that does not decode fails the pack in one line, with no pack written.
. tests/lib.sh
form=surveys/covid19-lsg.md
S8() { env SURVEY_STORE_SCHEMA=8 "$@"; }
Q() { sqlite3 "$1" "$2"; }
sha() { Q "$1" "SELECT value FROM meta WHERE key = 'content_sha256'"; }

schema7 "$SURVEY_FIXTURES" simulate "$form" -n 30 --db "$TMP/s7.db" --seed 6 --quiet || not_ok "simulate at 7"
S8 "$SURVEY_FIXTURES" simulate "$form" -n 30 --db "$TMP/s8.db" --seed 6 --quiet || not_ok "simulate at 8"
run "$SURVEY" pack "$TMP/s7.db" -o "$TMP/p7.db"
run "$SURVEY" pack "$TMP/s8.db" -o "$TMP/p8.db"
expect_rc 0 "pack the schema-8 file"
expect_eq "$(sha "$TMP/p8.db")" "$(sha "$TMP/p7.db")" "the content hash of the schema-7 file of the same seed"

# the event kinds are the codec's: altered `kinds` rows do not make a pack merge refuses
cp "$TMP/s8.db" "$TMP/kinds.db"
Q "$TMP/kinds.db" "UPDATE kinds SET k = 'answer2' WHERE k = 'answer'"
run "$SURVEY" pack "$TMP/kinds.db" -o "$TMP/pk.db"
expect_rc 0 "pack a file whose kinds rows were altered"
expect_eq "$(sha "$TMP/pk.db")" "$(sha "$TMP/p8.db")" "its content hash is that of its records"
run "$SURVEY" merge -o "$TMP/hq.db" "$TMP/pk.db" --allow-simulated
expect_rc 0 "merge accepts that pack"
expect_eq "$(Q "$TMP/hq.db" 'SELECT count(*) FROM interviews')" 30 "its 30 interviews merged"

# an altered events view: the same hash, the pack's views the store's own
cp "$TMP/s8.db" "$TMP/view.db"
Q "$TMP/view.db" "DROP VIEW events; CREATE VIEW events AS SELECT uuid, seq, at, offset_ms, kind,
	path, old_value, 'x' AS new_value, old_state, new_state FROM record_events_r"
run "$SURVEY" pack "$TMP/view.db" -o "$TMP/pv.db"
expect_rc 0 "pack a file whose events view was altered"
expect_eq "$(sha "$TMP/pv.db")" "$(sha "$TMP/p8.db")" "the altered view does not change the content hash"
expect_eq "$(Q "$TMP/pv.db" "SELECT sql FROM sqlite_schema WHERE name = 'events'")" \
	"$(Q "$TMP/p8.db" "SELECT sql FROM sqlite_schema WHERE name = 'events'")" \
	"the pack holds the store's events view"

# a record that does not decode: one line naming the interview, no pack
cp "$TMP/s8.db" "$TMP/bad.db"
u=$(Q "$TMP/bad.db" "SELECT uuid FROM records ORDER BY uuid LIMIT 1 OFFSET 3")
Q "$TMP/bad.db" "UPDATE records SET events = '[[1,2' WHERE uuid = '$u'"
run "$SURVEY" pack "$TMP/bad.db" -o "$TMP/pb.db"
expect_rc 1 "a record that does not decode fails the pack"
expect_err "interview '$u'" "the error names the interview"
expect_err_lines 1 "in one line"
[ -e "$TMP/pb.db" ] && not_ok "no pack is left behind" || ok "no pack is left behind"

done_testing
