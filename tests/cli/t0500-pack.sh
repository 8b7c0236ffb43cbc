# t0500-pack: `survey pack` makes one consistent file with a recorded content hash, never changes
# the laptop's file, includes answers still in the WAL of a running `survey run`, and leaves no
# half-written file on an unwritable folder or a full disk.
. tests/lib.sh
. tests/cli/merge-lib.sh

laptops "$TMP/l" 1 60 7 1
db=$TMP/l/laptop01.db
before=$(sha256sum <"$db")

run "$SURVEY" pack "$db" -o "$TMP/stick.db"
expect_rc 0 "pack a laptop file"
expect_out "packed '.*laptop01.db' into '.*stick.db' \(content sha256 [0-9a-f]{64}\)" "pack says what it wrote"
expect_eq "$(sha256sum <"$db")" "$before" "the laptop's file is unchanged"
expect_eq "$(count "$TMP/stick.db" "PRAGMA journal_mode")" "delete" "the copy is one file (no WAL)"
expect_eq "$(count "$TMP/stick.db" "SELECT count(*) FROM meta WHERE key IN ('packed_at', 'content_sha256')")" "2" "the copy records when and its content hash"
expect_eq "$(count "$TMP/stick.db" "PRAGMA integrity_check")" "ok" "the copy is sound"
expect_eq "$(rows "$TMP/stick.db")" "$(rows "$db")" "the copy holds the same rows"
ls "$TMP" | grep -q packing && not_ok "a temporary file is left" || ok "no temporary file is left"

# a database open in `survey run` (here: a sqlite3 session in WAL mode that has committed an
# answer and keeps the connection open, so the answer is only in the WAL; it closes once
# $TMP/release exists, at most 30 s later)
( echo "PRAGMA journal_mode=WAL; UPDATE answers SET value='fresh' WHERE path='q01' AND uuid=(SELECT uuid FROM interviews WHERE status='draft' ORDER BY uuid LIMIT 1);"
  n=0; while [ ! -e "$TMP/release" ] && [ $n -lt 600 ]; do sleep 0.05; n=$((n + 1)); done ) | sqlite3 "$db" >/dev/null &
live=$!
n=0; while [ ! -s "$db-wal" ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
[ -s "$db-wal" ] && ok "the answer is in the WAL, not yet in the file" || not_ok "no WAL while the database is open"
run "$SURVEY" pack "$db" -o "$TMP/live.db"
expect_rc 0 "pack a database in use"
expect_eq "$(count "$TMP/live.db" "SELECT count(*) FROM answers WHERE value='fresh'")" "1" "the copy has the latest committed answer"
touch "$TMP/release"
wait $live

run "$SURVEY" pack "$db" -o "$TMP/nowhere/x.db"
expect_rc 1 "pack into a missing folder"
expect_err_lines 1 "one line"

if mount_tmpfs "$TMP/ro" ro,size=1m; then
	run "$SURVEY" pack "$db" -o "$TMP/ro/x.db"
	expect_rc 1 "pack into a read-only folder"
	expect_err "cannot write '.*x.db'" "the message names the file"
	expect_eq "$(ls -A "$TMP/ro")" "" "nothing is left in the folder"
else
	ok "# skip read-only folder: mount is not allowed here"
fi

if mount_tmpfs "$TMP/full" size=256k; then
	run "$SURVEY" pack "$db" -o "$TMP/full/x.db"
	expect_rc 1 "pack onto a full disk"
	expect_err "disk is full" "the message says the disk is full"
	expect_err_lines 1 "one line"
	expect_eq "$(ls -A "$TMP/full")" "" "no half-written file is left"
else
	ok "# skip full disk: mount is not allowed here"
fi

run "$SURVEY" pack "$db"
expect_rc 2 "pack without -o"
run "$SURVEY" pack -o x.db
expect_rc 2 "pack without a database"
run "$SURVEY" pack "$TMP/absent.db" -o "$TMP/y.db"
expect_rc 1 "pack a missing database"
expect_err "cannot open '.*absent.db'" "the missing database is named"

done_testing
