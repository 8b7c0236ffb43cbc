# t0581-merge-wal-alone: a WAL-mode laptop file without a -wal beside it holds all its commits
# and is read in place (no private copy: merging it needs no room in TMPDIR); one with a -wal
# holding commits is still read through a private copy (t0521). Nothing is created beside it.
. tests/lib.sh
. tests/cli/merge-lib.sh

"$SURVEY" simulate surveys/covid19-lsg.md -n 12 --db "$TMP/wal.db" --seed 5 --quiet ||
	{ not_ok "cannot simulate"; exit 1; }
expect_eq "$(od -An -tu1 -j18 -N2 "$TMP/wal.db" | tr -s ' ')" " 2 2" "the laptop file is in WAL mode"
expect_eq "$(ls "$TMP" | grep -c '^wal.db-')" "0" "and has no -wal beside it"
sum=$(sha256sum <"$TMP/wal.db")
run env TMPDIR="$TMP/none" "$SURVEY" merge -o "$TMP/out.db" "$TMP/wal.db"
expect_rc 0 "merged without a folder for a private copy"
expect_out "wal\.db' .*: 12 interviews: 12 new" "every interview read"
expect_eq "$(ls "$TMP" | grep -c '^wal.db-')" "0" "nothing created beside it"
expect_eq "$(sha256sum <"$TMP/wal.db")" "$sum" "it is unchanged"
cp "$TMP/wal.db" "$TMP/copy.db"
sqlite3 "$TMP/copy.db" "PRAGMA journal_mode=DELETE" >/dev/null
run "$SURVEY" merge -o "$TMP/ref.db" "$TMP/copy.db"
expect_eq "$(rows "$TMP/out.db")" "$(rows "$TMP/ref.db")" "the same rows as its rollback-mode copy"
: >"$TMP/wal.db-wal"
rm -f "$TMP/out2.db"
run env TMPDIR="$TMP/none" "$SURVEY" merge -o "$TMP/out2.db" "$TMP/wal.db"
expect_rc 0 "an empty -wal beside it: read in place too"
done_testing
