# t0580-merge-again: an input merged in an earlier run is known by the SHA-256 of its bytes and
# is not read again ("already merged"), and every property of a full merge holds: the same rows
# after other inputs, a changed file at the same path merged whole, a merged file as input, a
# copy at another path known too, provenance recording each time it was given; a file with a
# -wal or -journal beside it, or an output that does not know the file, merge it whole; this
# run's --max-attachment still holds (test_merge_attach); --allow-simulated as a full merge.
. tests/lib.sh
. tests/cli/merge-lib.sh

laptops "$TMP/l" 3 8 7 1
l1=$TMP/l/laptop01.db l2=$TMP/l/laptop02.db l3=$TMP/l/laptop03.db
sha() { sqlite3 "$1" "SELECT input_sha256 FROM provenance WHERE path = '$2' LIMIT 1"; }
already() { grep -c "already merged, not read again" "$TMP/out"; }

# --- again after other inputs: recorded, reported, the rows a full merge gives
run "$SURVEY" merge -o "$TMP/ref.db" "$l1" "$l2"
expect_rc 0 "merge two laptop files at once (the reference)"
run "$SURVEY" merge -o "$TMP/out.db" "$l1"
run "$SURVEY" merge -o "$TMP/out.db" "$l2"
run "$SURVEY" merge -o "$TMP/out.db" "$l1"
expect_rc 0 "merge the first file again after the second"
expect_out "laptop01.db' \(device [0-9a-f]{8}, sha256 [0-9a-f]{12}\): already merged, not read again: 8 interviews: 0 new, 8 identical" \
	"reported as already merged, its interviews identical"
expect_eq "$(rows "$TMP/out.db")" "$(rows "$TMP/ref.db")" "the same rows as merging both at once"
s1=$(sha "$TMP/out.db" "$l1")
expect_eq "$(count "$TMP/out.db" "SELECT count(*) || ' ' || sum(identical) FROM provenance WHERE input_sha256 = '$s1'")" \
	"2 8" "provenance records it each time it was given"
run "$SURVEY" merge --json -o "$TMP/out.db" "$l2" "$l1"
expect_out '"already_merged": true' "--json says already_merged"
expect_out '"given_twice": 0' "not counted as given twice"
run "$SURVEY" merge -o "$TMP/out.db" "$l1" "$l1"
expect_out "given twice, merged once" "an already merged file given twice in one run: merged once"

# --- the same bytes at another path are known; a -wal or -journal beside a file: read whole
cp "$l1" "$TMP/copy.db"
run "$SURVEY" merge -o "$TMP/out.db" "$TMP/copy.db"
expect_eq "$(already)" "1" "a copy of a merged file at another path is known by its bytes"
: >"$TMP/copy.db-wal"
run "$SURVEY" merge -o "$TMP/out.db" "$TMP/copy.db"
expect_rc 0 "merge it with an empty -wal beside it"
expect_eq "$(already) $(grep -c "db' .*: 8 interviews: 0 new, 8 identical" "$TMP/out")" "0 1" "with a -wal beside it: read whole"
rm -f "$TMP/copy.db-wal"; : >"$TMP/copy.db-journal"
run "$SURVEY" merge -o "$TMP/out.db" "$TMP/copy.db"
expect_eq "$(already) $(grep -c "db' .*: 8 interviews: 0 new, 8 identical" "$TMP/out")" "0 1" "with a -journal beside it: read whole"
rm -f "$TMP/copy.db-journal"

# --- a changed file at the same path: read whole (one more event of its own device)
u=$(sqlite3 "$l1" "SELECT uuid FROM interviews ORDER BY uuid LIMIT 1")
sqlite3 "$l1" "BEGIN; INSERT INTO events SELECT uuid, seq + 1, '2026-07-01T10:00:00.000Z',
	offset_ms + 1000, 'moved', 'q01', NULL, 'back', NULL, NULL FROM events WHERE uuid = '$u'
	ORDER BY seq DESC LIMIT 1; UPDATE interviews SET revision = revision + 1 WHERE uuid = '$u';
	COMMIT"
run "$SURVEY" merge -o "$TMP/out.db" "$l1"
expect_rc 0 "merge the changed file again"
expect_eq "$(already)" "0" "a changed file at the same path is not taken as merged"
expect_out "laptop01.db' .*8 interviews: 0 new, 7 identical, 1 updated" "its change is merged"
run "$SURVEY" merge -o "$TMP/ref2.db" "$l1" "$l2"
expect_eq "$(rows "$TMP/out.db")" "$(rows "$TMP/ref2.db")" "the rows of a full merge of the changed file"
run "$SURVEY" merge -o "$TMP/out.db" "$l1"
expect_eq "$(already)" "1" "the changed file, given once more, is known"

# --- an output that does not know the file (a release before this one): read whole, then known
sqlite3 "$TMP/out.db" "DELETE FROM meta WHERE key GLOB 'merged_file_sha256:*'"
run "$SURVEY" merge -o "$TMP/out.db" "$l2"
expect_eq "$(already) $(grep -c "db' .*: 8 interviews: 0 new, 8 identical" "$TMP/out")" "0 1" "an output that does not know the file reads it whole"
run "$SURVEY" merge -o "$TMP/out.db" "$l2"
expect_eq "$(already)" "1" "and knows it next time"

# --- a merged file as input: known when unchanged, read whole when it grew
run "$SURVEY" merge -o "$TMP/obl.db" "$l1" "$l2"
run "$SURVEY" merge -o "$TMP/nat.db" "$TMP/obl.db"
run "$SURVEY" merge -o "$TMP/nat.db" "$l3"
run "$SURVEY" merge -o "$TMP/nat.db" "$TMP/obl.db"
expect_rc 0 "merge the oblast file again into the national one"
expect_out "obl.db' .*already merged, not read again: 16 interviews" "a merged file as input is known"
run "$SURVEY" merge -o "$TMP/direct.db" "$l1" "$l2" "$l3"
expect_eq "$(rows "$TMP/nat.db")" "$(rows "$TMP/direct.db")" "the national rows are those of the laptops merged directly"
run "$SURVEY" merge -o "$TMP/obl.db" "$l3"
run "$SURVEY" merge -o "$TMP/nat.db" "$TMP/obl.db"
expect_eq "$(already)" "0" "the oblast file after it merged one more laptop: read whole"
expect_out "obl.db' .*24 interviews: 0 new, 24 identical" "its interviews are all identical"
expect_eq "$(rows "$TMP/nat.db")" "$(rows "$TMP/direct.db")" "and the national rows do not change"

# --- this run's options still hold: an output that mixes simulated and real interviews
"$SURVEY" simulate surveys/covid19-lsg.md -n 5 --db "$TMP/sim.db" --seed 2 --quiet
run "$SURVEY" merge -o "$TMP/mix.db" --allow-simulated "$l1" "$TMP/sim.db"
expect_rc 0 "simulated and real interviews merged with --allow-simulated"
run "$SURVEY" merge -o "$TMP/mix.db" --allow-simulated "$TMP/sim.db"
expect_eq "$(already)" "1" "again with --allow-simulated: known"
run "$SURVEY" merge -o "$TMP/mix.db" "$TMP/sim.db"
expect_rc 0 "again without it: accepted, as a full merge accepts it (it adds no mix)"
expect_eq "$(already)" "1" "and known"

done_testing
