# t0520-merge-bad-inputs: each bad input is refused with one line naming it and why, its bytes
# unchanged, the output as it was before it; the other inputs are merged; exit 1.
. tests/lib.sh
. tests/cli/merge-lib.sh

laptops "$TMP/l" 2 20 3 1
good1=$TMP/l/laptop01.db good2=$TMP/l/laptop02.db
out=$TMP/out.db
"$SURVEY" merge -o "$out" "$good1" >/dev/null || not_ok "first merge"
base=$(rows "$out")

head -c 20000 "$good2" >"$TMP/truncated.db"
head -c 5000 /dev/urandom >"$TMP/random.db"
sqlite3 "$TMP/shop.db" "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers(name) VALUES ('Бакыт');"
cp "$good2" "$TMP/newer.db"; sqlite3 "$TMP/newer.db" "PRAGMA user_version = 99"
cp "$good2" "$TMP/tampered.db"
sqlite3 "$TMP/tampered.db" "UPDATE answers SET value = 'changed' WHERE path = 'q05' AND uuid = (SELECT uuid FROM interviews WHERE status = 'complete' LIMIT 1)"
"$SURVEY" pack "$good2" -o "$TMP/packed.db" >/dev/null
cp "$TMP/packed.db" "$TMP/packed-changed.db"
sqlite3 "$TMP/packed-changed.db" "UPDATE events SET at = 'x' WHERE seq = 1 AND uuid = (SELECT min(uuid) FROM events)"

refused() { # refused FILE REGEX what
	b=$( { sha256sum <"$1"; } 2>/dev/null)
	run "$SURVEY" merge -o "$out" "$1"
	expect_rc 1 "$3"
	expect_err "$2" "$3: the reason"
	expect_err_lines 1 "$3: one line"
	expect_eq "$( { sha256sum <"$1"; } 2>/dev/null)" "$b" "$3: its bytes are unchanged"
	expect_eq "$(rows "$out")" "$base" "$3: the output is as it was"
}
refused "$TMP/truncated.db" "truncated.db': file is truncated" "a truncated file"
refused "$TMP/random.db" "random.db': file is not a database" "random bytes"
refused "$TMP/shop.db" "shop.db': it is a database of another program" "another program's database"
refused "$TMP/newer.db" "newer.db': it was written by a newer survey" "a newer schema"
refused "$TMP/tampered.db" "tampered.db': interview .* is damaged: its answers do not match" "an answer changed behind survey's back"
refused "$TMP/packed-changed.db" "differs from the hash 'survey pack' recorded" "a packed file changed after packing"
run "$SURVEY" merge -o "$out" "$out"   # (its header may be rewritten: it is the output)
expect_rc 1 "the output as an input"
expect_err "out.db' is the output file" "the output as an input: the reason"
expect_err_lines 1 "the output as an input: one line"
expect_eq "$(rows "$out")" "$base" "the output as an input: the output is as it was"
refused "$TMP/absent.db" "cannot open '.*absent.db'" "a missing input"

# several inputs: the bad ones are named, the good ones merged, and the report says so
run "$SURVEY" merge -o "$out" "$TMP/random.db" "$good2" "$TMP/truncated.db"
expect_rc 1 "a bad input among good ones"
expect_err_lines 2 "one line per bad input"
expect_out "laptop02.db' .*: 20 new" "the good input is merged"
expect_out "2 inputs rejected; the others are merged into" "the report says the others are merged"
expect_eq "$(count "$out" "SELECT count(*) FROM interviews")" "40" "the output holds both laptops"

run "$SURVEY" merge -o "$out" --json "$TMP/random.db" "$good2"
expect_rc 1 "--json with a bad input"
expect_eq "$(jq -r '.inputs[0].rejected' "$TMP/out" | grep -c 'not a database')" "1" "json: why it was rejected"
expect_eq "$(jq '.inputs[1].identical' "$TMP/out")" "20" "json: the good one"
expect_eq "$(jq '.totals.rejected' "$TMP/out")" "1" "json: totals"

if mount_tmpfs "$TMP/ro" ro,size=1m; then
	run "$SURVEY" merge -o "$TMP/ro/out.db" "$good1"
	expect_rc 1 "an output in a read-only folder"
	expect_err "cannot write '.*ro/out.db': its folder .* is not writable" "says the folder is not writable"
	expect_err_lines 1 "one line"
else
	ok "# skip read-only folder: mount is not allowed here"
fi

done_testing
