# t0571-attach-migrate: schema 5 adds the attachments table. Files of schema 1 to 4 are read
# as they are (list changes nothing), merge as inputs into a file of schema 5, are migrated
# when written (import, merge into them) to exactly the schema of a new file, and then take
# attachments like any; an old file that names an attached file (it cannot hold one) is refused.
. tests/lib.sh
# the schema version survey writes now (not hard-coded: more steps come)
CUR=$(store_schema)   # 8 with SURVEY_STORE_SCHEMA=8 exported
F=tests/fixtures/forms
Q() { sqlite3 "$@"; }
schema() { Q "$1" "SELECT type || name || sql FROM sqlite_schema ORDER BY name" | sha256sum; }

run "$SURVEY" simulate $F/basic.md -n 2 --db "$TMP/new.db" --quiet
expect_eq "$(Q "$TMP/new.db" "PRAGMA user_version")" "$CUR" "a new file is of the current schema"
expect_eq "$(Q "$TMP/new.db" "SELECT sql FROM sqlite_schema WHERE name = 'attachments'" | tr -d '\n' | tr -s ' ')" \
	"CREATE TABLE attachments( uuid TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL, name TEXT NOT NULL, media_type TEXT NOT NULL, size INTEGER NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY(uuid, path, sha256, name)) WITHOUT ROWID" \
	"the attachments table, keyed by interview, question path, SHA-256 and name"

# files of schema 1, 2, 3 and 4
Q "$TMP/v1.db" <tests/fixtures/merge/schema-v1.sql
Q "$TMP/v2.db" <tests/fixtures/store/schema-v2.sql
Q "$TMP/v2.db" "DELETE FROM meta WHERE key = 'content_sha256'"
cp "$TMP/v2.db" "$TMP/v3.db"
Q "$TMP/v3.db" "ALTER TABLE interviews ADD COLUMN origin TEXT NOT NULL DEFAULT 'field' CHECK(origin IN ('field','imported','simulated'));
CREATE INDEX interviews_by_origin ON interviews(origin); PRAGMA user_version = 3"
run schema7 "$SURVEY" simulate $F/basic.md -n 3 --seed 9 --db "$TMP/v4.db" --quiet   # tables dropped below
# schema 4: a new file without attachments and without the tables of later versions
later=$(Q "$TMP/v4.db" "SELECT group_concat('DROP TABLE ' || name, '; ') FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('meta', 'forms', 'interviews', 'answers', 'events', 'conflicts', 'provenance', 'provenance_interviews')")
Q "$TMP/v4.db" "PRAGMA journal_mode = DELETE; $later; PRAGMA user_version = 4" >/dev/null
run "$SURVEY" simulate $F/media.md -n 3 --seed 3 --db "$TMP/media.db" --quiet
for v in 1 2 3 4; do
	f=$TMP/v$v.db
	expect_eq "$(Q "$f" "PRAGMA user_version")" $v "a file of schema $v"
	cp "$f" "$TMP/before.db"
	run "$SURVEY" list "$f"
	expect_rc 0 "schema $v: list reads it"
	cmp -s "$f" "$TMP/before.db" && ok "schema $v: and leaves it as it was" || not_ok "schema $v: list changed it"
	run "$SURVEY" merge -o "$TMP/all$v.db" "$f" "$TMP/media.db" --allow-simulated
	expect_rc 0 "schema $v: merges with a laptop that has attachments"
	cmp -s "$f" "$TMP/before.db" && ok "schema $v: the input is unchanged" || not_ok "schema $v: merge changed its input"
	expect_eq "$(Q "$TMP/all$v.db" "SELECT count(*) FROM attachments")" "$(Q "$TMP/media.db" "SELECT count(*) FROM attachments")" \
		"schema $v: the output holds the other laptop's attachments"
	# written to: migrated to exactly a new file's schema, then takes attachments
	cp "$f" "$TMP/out$v.db"
	run "$SURVEY" merge -o "$TMP/out$v.db" "$TMP/media.db" --allow-simulated
	expect_rc 0 "schema $v: merging into it migrates it"
	expect_eq "$(Q "$TMP/out$v.db" "PRAGMA user_version")" "$CUR" "schema $v: now the current schema"
	expect_eq "$(schema "$TMP/out$v.db")" "$(schema "$TMP/new.db")" "schema $v: the schema of a new file"
	expect_eq "$(Q "$TMP/out$v.db" "SELECT count(*) FROM attachments")" "$(Q "$TMP/media.db" "SELECT count(*) FROM attachments")" \
		"schema $v: with the attachments merged into it"
	run "$SURVEY" merge -o "$TMP/again$v.db" "$TMP/out$v.db" --allow-simulated
	expect_rc 0 "schema $v: the migrated file merges on"
done

# an old file cannot hold attachments: one naming an attached file is refused
cp "$TMP/v4.db" "$TMP/liar.db"
u=$(Q "$TMP/liar.db" "SELECT uuid FROM interviews LIMIT 1")
Q "$TMP/liar.db" "INSERT INTO events(uuid, seq, at, offset_ms, kind, path, new_value) SELECT uuid, max(seq) + 1, '2027-01-01T00:00:00.000Z', max(offset_ms) + 1, 'attached', 'name', '0000000000000000000000000000000000000000000000000000000000000000 x.jpg' FROM events WHERE uuid = '$u'"
Q "$TMP/liar.db" "UPDATE interviews SET status = 'draft', completed = NULL, content_hash = NULL WHERE uuid = '$u'"
run "$SURVEY" merge -o "$TMP/liar-out.db" "$TMP/liar.db" --allow-simulated
expect_rc 1 "a schema-4 file naming an attached file is refused"
expect_err "^survey: cannot merge '.*liar.db': it is damaged: interview $u, question name names an attached file, which a file of schema 4 cannot hold\$" \
	"in one line"

done_testing
