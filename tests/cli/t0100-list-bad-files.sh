# t0100-list-bad-files: opening files that are not survey databases gives one line, exit 1,
# and leaves the file's bytes as they were.
. tests/lib.sh

refused() { # refused FILE REGEX what
	before=$(sha256sum "$1")
	run "$SURVEY" list "$1"
	expect_rc 1 "$3"
	expect_err "$2" "$3: the reason"
	expect_err_lines 1 "$3: one line"
	expect_eq "$(sha256sum "$1")" "$before" "$3: the file is unchanged"
}

printf 'name,age\nAsel,34\n' >"$TMP/people.csv"
refused "$TMP/people.csv" "cannot open '.*people.csv': file is not a database" "a text file"

head -c 3000 /dev/urandom >"$TMP/random.db"
refused "$TMP/random.db" "file is not a database" "random bytes"

sqlite3 "$TMP/shop.db" "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT);
	INSERT INTO customers(name) VALUES ('Бакыт');"
refused "$TMP/shop.db" "database of another program" "another program's database"

sqlite3 "$TMP/big.db" "PRAGMA application_id = 1397904985; PRAGMA user_version = 1;
	CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
	CREATE TABLE interviews(uuid TEXT PRIMARY KEY);
	CREATE TABLE filler(x);
	WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000)
	INSERT INTO filler SELECT randomblob(100) FROM n;"
head -c 20000 "$TMP/big.db" >"$TMP/truncated.db"
refused "$TMP/truncated.db" "file is truncated" "a truncated file"

sqlite3 "$TMP/newer.db" "PRAGMA application_id = 1397904985; PRAGMA user_version = 42;
	CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
refused "$TMP/newer.db" "written by a newer survey" "a file from a newer version"

run "$SURVEY" list "$TMP/absent.db"
expect_rc 1 "a missing file"
expect_err "cannot open '.*absent.db'" "a missing file is named"
[ -e "$TMP/absent.db" ] && not_ok "list created the missing file" || ok "list does not create a missing file"

run "$SURVEY" list
expect_rc 2 "list without a database"
run "$SURVEY" list a.db b.db
expect_rc 2 "list with two databases"
run "$SURVEY" list --bogus x.db
expect_rc 2 "list with an unknown option"

done_testing
