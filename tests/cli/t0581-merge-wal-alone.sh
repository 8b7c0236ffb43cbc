# t0581-merge-wal-alone: a WAL-mode laptop file without a -wal beside it holds all its commits
# and is read in place (no private copy: merging it needs no room in TMPDIR); one with a -wal
# holding commits is still read through a private copy (t0521). Nothing is created beside it.
# All of that at schema 7 (input and output): a schema-8 input, or any input into a schema-8
# output, is read through a private copy by design; with no folder for it, merge says so in one
# line naming the folder, and the output is unchanged.
. tests/lib.sh
. tests/cli/merge-lib.sh

schema7 "$SURVEY" simulate surveys/covid19-lsg.md -n 12 --db "$TMP/wal.db" --seed 5 --quiet ||
	{ not_ok "cannot simulate"; exit 1; }
expect_eq "$(od -An -tu1 -j18 -N2 "$TMP/wal.db" | tr -s ' ')" " 2 2" "the laptop file is in WAL mode"
expect_eq "$(ls "$TMP" | grep -c '^wal.db-')" "0" "and has no -wal beside it"
sum=$(sha256sum <"$TMP/wal.db")
run env TMPDIR="$TMP/none" SURVEY_STORE_SCHEMA=7 "$SURVEY" merge -o "$TMP/out.db" "$TMP/wal.db"
expect_rc 0 "merged without a folder for a private copy"
expect_out "wal\.db' .*: 12 interviews: 12 new" "every interview read"
expect_eq "$(ls "$TMP" | grep -c '^wal.db-')" "0" "nothing created beside it"
expect_eq "$(sha256sum <"$TMP/wal.db")" "$sum" "it is unchanged"
cp "$TMP/wal.db" "$TMP/copy.db"
sqlite3 "$TMP/copy.db" "PRAGMA journal_mode=DELETE" >/dev/null
run schema7 "$SURVEY" merge -o "$TMP/ref.db" "$TMP/copy.db"
expect_eq "$(rows "$TMP/out.db")" "$(rows "$TMP/ref.db")" "the same rows as its rollback-mode copy"
: >"$TMP/wal.db-wal"
rm -f "$TMP/out2.db"
run env TMPDIR="$TMP/none" SURVEY_STORE_SCHEMA=7 "$SURVEY" merge -o "$TMP/out2.db" "$TMP/wal.db"
expect_rc 0 "an empty -wal beside it: read in place too"
rm -f "$TMP/wal.db-wal"

# schema 8: a private copy is needed; without a folder for it, one line naming the folder
env SURVEY_STORE_SCHEMA=8 "$SURVEY" simulate surveys/covid19-lsg.md -n 3 --db "$TMP/s8.db" \
	--seed 6 --quiet || not_ok "cannot simulate at schema 8"
for case in "a schema-8 input:$TMP/out.db:$TMP/s8.db:7" "a schema-8 input:$TMP/new.db:$TMP/s8.db:7" \
	    "into a schema-8 output:$TMP/new8.db:$TMP/wal.db:8"; do
	what=${case%%:*} rest=${case#*:}; out=${rest%%:*} rest=${rest#*:}; in=${rest%%:*} v=${rest#*:}
	before=$(sha256sum <"$out" 2>/dev/null)
	run env TMPDIR="$TMP/none" SURVEY_STORE_SCHEMA=$v "$SURVEY" merge -o "$out" "$in" --allow-simulated
	expect_rc 1 "$what, no folder for a private copy ($(basename "$out")): refused"
	expect_err "^survey: cannot merge '.*$(basename "$in")': cannot make a private copy of it: cannot make a folder in '.*/none' \(TMPDIR\): No such file or directory$" \
		"$what ($(basename "$out")): the folder named"
	expect_err_lines 1 "$what ($(basename "$out")): one line"
	expect_eq "$(grep -c 'runtime error\|Sanitizer' "$TMP/err")" 0 "$what ($(basename "$out")): no crash"
	expect_eq "$(sha256sum <"$out" 2>/dev/null)" "$before" "$what ($(basename "$out")): the output unchanged (or not made)"
done
done_testing
