# t0565-discarded: schema 4 lets a draft be discarded — kept in the file, merged as such (in any
# order), listed and counted apart, left out of progress, freq, export and report; files of
# schema 3 (and 1, 2 through the chain) migrate to exactly the schema of a new file.
. tests/lib.sh
# the schema version survey writes now (not hard-coded: more steps come)
CUR=$(store_schema)   # 8 with SURVEY_STORE_SCHEMA=8 exported
. tests/cli/merge-lib.sh
F=tests/fixtures/export
Q() { sqlite3 "$1" "$2"; }

# ---- a file of schema 3, made from the schema-2 fixture as the step to 3 made it ----
sqlite3 "$TMP/v3.db" <tests/fixtures/store/schema-v2.sql
Q "$TMP/v3.db" "ALTER TABLE interviews ADD COLUMN origin TEXT NOT NULL DEFAULT 'field' CHECK(origin IN ('field','imported','simulated'));
CREATE INDEX interviews_by_origin ON interviews(origin); PRAGMA user_version = 3;
DELETE FROM meta WHERE key = 'content_sha256'"
run "$SURVEY" merge -o "$TMP/check3.db" "$TMP/v3.db" --allow-simulated
expect_rc 0 "the crafted file is a schema-3 file survey accepts"
before=$(Q "$TMP/v3.db" "SELECT * FROM interviews ORDER BY uuid" | sha256sum)
run "$SURVEY" import $F/basic.md $F/kobo.csv --db "$TMP/v3.db"
expect_rc 0 "import into a schema-3 file migrates it"
expect_eq "$(Q "$TMP/v3.db" "PRAGMA user_version")" "$CUR" "migrated to the current schema"
expect_eq "$(Q "$TMP/v3.db" "SELECT * FROM interviews WHERE origin <> 'imported' ORDER BY uuid" | sha256sum)" \
	"$before" "every interview row kept as it was"
run "$SURVEY" simulate $F/basic.md -n 1 --db "$TMP/new.db" --quiet
# at schema 7 the table and its two indexes; at schema 8 the view over the records
expect_eq "$(Q "$TMP/v3.db" "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE tbl_name = 'interviews' ORDER BY name)")" \
	"$(Q "$TMP/new.db" "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE tbl_name = 'interviews' ORDER BY name)")" \
	"the table and its indexes of a new file"
expect_eq "$(Q "$TMP/v3.db" "SELECT type || name || sql FROM sqlite_schema ORDER BY name")" \
	"$(Q "$TMP/new.db" "SELECT type || name || sql FROM sqlite_schema ORDER BY name")" \
	"a file migrated from 3 has the schema text of a new one"
sqlite3 "$TMP/v1.db" <tests/fixtures/merge/schema-v1.sql
run "$SURVEY" import $F/basic.md $F/kobo.csv --db "$TMP/v1.db"
expect_eq "$(Q "$TMP/v1.db" "PRAGMA user_version") $(Q "$TMP/v1.db" "SELECT type || name || sql FROM sqlite_schema ORDER BY name" | sha256sum)" \
	"$CUR $(Q "$TMP/new.db" "SELECT type || name || sql FROM sqlite_schema ORDER BY name" | sha256sum)" \
	"schema 1 goes through 2 and 3 to the same schema as a new file"
# the status column's CHECK in the tables of schema 4-7 (at 8 the status is a small integer)
schema7 "$SURVEY" simulate $F/basic.md -n 1 --db "$TMP/new7.db" --quiet
Q "$TMP/new7.db" "UPDATE interviews SET status = 'discarded'" 2>"$TMP/err" && ok "schema 4 allows 'discarded'" ||
	not_ok "schema 4 refuses 'discarded': $(cat "$TMP/err")"
Q "$TMP/new7.db" "UPDATE interviews SET status = 'deleted'" 2>/dev/null && not_ok "any status allowed" ||
	ok "other statuses are still refused"

# ---- a laptop discards a draft: an event appended by its own device ----
laptops "$TMP/l" 1 20 7 1
A="$TMP/l/laptop01.db"
cp "$A" "$TMP/before.db"
U=$(Q "$A" "SELECT uuid FROM interviews WHERE status = 'draft' ORDER BY uuid LIMIT 1")
[ -n "$U" ] && ok "a draft to discard" || not_ok "no draft"
discard() { # discard FILE UUID: what store_iv_discard writes
	Q "$1" "DELETE FROM meta WHERE key = 'content_sha256';
	UPDATE interviews SET status = 'discarded', revision = revision + 1, modified = '2026-12-03T10:00:00.000Z' WHERE uuid = '$2';
	INSERT INTO events(uuid, seq, at, offset_ms, kind, new_value) SELECT uuid, max(seq) + 1, '2026-12-03T10:00:00.000Z', max(offset_ms) + 1000, 'discarded', 'started by mistake' FROM events WHERE uuid = '$2'"
}
discard "$A" "$U"
drafts=$(Q "$A" "SELECT count(*) FROM interviews WHERE status = 'draft'")
complete=$(Q "$A" "SELECT count(*) FROM interviews WHERE status = 'complete'")

run "$SURVEY" list "$A" --json --by oblast
expect_rc 0 "list"
expect_eq "$(jq -r ".interviews[] | select(.uuid == \"$U\") | .status" "$TMP/out")" discarded "listed as discarded"
expect_eq "$(jq -c '.totals | [.interviews, .complete, .draft, .discarded]' "$TMP/out")" "[20,$complete,$drafts,1]" \
	"totals: the discarded one apart"
expect_eq "$(jq '[.totals.by_question.values[].total] | add' "$TMP/out")" "$((complete + drafts))" \
	"progress by oblast does not count it"
expect_eq "$(jq '[.totals.by_device[].total] | add' "$TMP/out")" "$((complete + drafts))" \
	"nor do the totals by device"
run "$SURVEY" list "$A"
expect_out "^20 interviews: $complete complete, $drafts draft, 1 discarded" "the text total line"
expect_out "created \(UTC\) +modified \(UTC\)" "list says its times are UTC"

run "$SURVEY" freq "$A" oblast --status all --format json
expect_rc 0 "freq --status all"
expect_eq "$(jq '.variables[0].n_cases' "$TMP/out")" "$((complete + drafts))" "freq --status all leaves it out"
run "$SURVEY" export "$A" --format json -o "$TMP/a.json"
expect_rc 0 "export"
expect_eq "$(jq "[.interviews[] | select(.uuid == \"$U\")] | length" "$TMP/a.json")" 0 "export leaves it out"

# ---- merge: the discarded version supersedes the draft, in either order ----
run "$SURVEY" merge --json -o "$TMP/ab.db" "$TMP/before.db" "$A"
expect_rc 0 "merge the draft, then the discard"
expect_eq "$(jq -c '.inputs[1] | [.updated, .conflicting]' "$TMP/out")" "[1,0]" "the discard updates the draft"
run "$SURVEY" merge --json -o "$TMP/ba.db" "$A" "$TMP/before.db"
expect_rc 0 "merge the discard, then the draft"
expect_eq "$(jq -c '.inputs[1] | [.outdated, .conflicting]' "$TMP/out")" "[1,0]" "the draft is outdated by the discard"
expect_eq "$(rows "$TMP/ab.db")" "$(rows "$TMP/ba.db")" "both orders give identical rows"
expect_eq "$(Q "$TMP/ab.db" "SELECT status FROM interviews WHERE uuid = '$U'")" discarded "merged as discarded"
run "$SURVEY" merge --json -o "$TMP/again.db" "$TMP/ab.db"
expect_rc 0 "a merged file with a discarded interview merges again"

# a discard crafted on a copy of the draft from another device: both kept, order-independent
cp "$TMP/before.db" "$TMP/other.db"
discard "$TMP/other.db" "$U"
Q "$TMP/other.db" "UPDATE meta SET value = '00000000-0000-4000-8000-000000000000' WHERE key = 'device_id'"
run "$SURVEY" merge -o "$TMP/x1.db" "$TMP/before.db" "$TMP/other.db"
run "$SURVEY" merge -o "$TMP/x2.db" "$TMP/other.db" "$TMP/before.db"
expect_eq "$(rows "$TMP/x1.db")" "$(rows "$TMP/x2.db")" "a conflict with a discarded version: identical rows in both orders"

# a schema-3 input cannot carry 'discarded': its CHECK forbids it; written with the CHECK off,
# the file is refused as damaged, whole
sqlite3 "$TMP/bad3.db" <tests/fixtures/store/schema-v2.sql
Q "$TMP/bad3.db" "ALTER TABLE interviews ADD COLUMN origin TEXT NOT NULL DEFAULT 'field' CHECK(origin IN ('field','imported','simulated'));
CREATE INDEX interviews_by_origin ON interviews(origin); PRAGMA user_version = 3;
DELETE FROM meta WHERE key = 'content_sha256'; PRAGMA ignore_check_constraints = 1;
UPDATE interviews SET status = 'discarded' WHERE uuid = (SELECT min(uuid) FROM interviews)"
expect_eq "$(Q "$TMP/bad3.db" "SELECT count(*) FROM interviews WHERE status = 'discarded'")" 1 "crafted"
run "$SURVEY" merge -o "$TMP/bad3-out.db" "$TMP/bad3.db" --allow-simulated
expect_rc 1 "a schema-3 file with a discarded interview"
expect_err "bad3\.db': .*not a status survey writes" "refused: not a status its version writes"
expect_err_lines 1 "one line"
done_testing
