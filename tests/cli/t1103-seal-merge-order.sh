# t1103-seal-merge-order: sealed and plain laptop files merged in any order, then unsealed (or
# unsealed between merges, or with merge --secret-key), give the same rows: interviews, answers,
# events, conflicts, sealed records, attachments. Merge works without the key: sealed records
# travel as they are, the union of the inputs'.
. tests/lib.sh
. tests/cli/seal-lib.sh
keys coord
keyed_form "$TMP/keyed.md" sealtest "$TMP/coord.pub"
keyed_form "$TMP/plain.md" plaintest ""
answers_csv "$TMP/a.csv" ZEBRAQUOKKA 3
answers_csv "$TMP/a2.csv" ZEBRALATER 1 10
answers_csv "$TMP/b.csv" PLAINTEXT 3 20
"$SURVEY" import "$TMP/keyed.md" "$TMP/a.csv" --db "$TMP/lapA.db" >/dev/null 2>&1
"$SURVEY" pack "$TMP/lapA.db" -o "$TMP/A.db" >/dev/null || not_ok "pack A"
"$SURVEY" import "$TMP/keyed.md" "$TMP/a2.csv" --db "$TMP/lapA.db" >/dev/null 2>&1
"$SURVEY" pack "$TMP/lapA.db" -o "$TMP/C.db" >/dev/null || not_ok "pack C (A later)"
"$SURVEY" import "$TMP/plain.md" "$TMP/b.csv" --db "$TMP/lapB.db" >/dev/null 2>&1
"$SURVEY" pack "$TMP/lapB.db" -o "$TMP/B.db" >/dev/null || not_ok "pack B"
expect_eq "$(Q "$TMP/A.db" "SELECT count(*) FROM sealed")|$(Q "$TMP/C.db" "SELECT count(*) FROM sealed")|$(Q "$TMP/B.db" "SELECT count(*) FROM interviews")" \
	"3|4|3" "three sealed, four sealed (a later pack), three plain"

merged() { # merged NAME INPUT...: merge the inputs in this order into NAME.db, then unseal
	name=$1; shift
	"$SURVEY" merge -o "$TMP/$name.db" "$@" >/dev/null 2>"$TMP/$name.err" ||
		not_ok "merge $name: $(cat "$TMP/$name.err")"
	sealed_before=$(Q "$TMP/$name.db" "SELECT count(*) FROM sealed")
	"$SURVEY" unseal "$TMP/$name.db" --key "$TMP/coord.key" >/dev/null 2>"$TMP/$name.err" ||
		not_ok "unseal $name: $(cat "$TMP/$name.err")"
}
merged abc "$TMP/A.db" "$TMP/B.db" "$TMP/C.db"
merged cba "$TMP/C.db" "$TMP/B.db" "$TMP/A.db"
merged bac "$TMP/B.db" "$TMP/A.db" "$TMP/C.db"
merged twice "$TMP/A.db" "$TMP/C.db" "$TMP/B.db" "$TMP/A.db"
ref=$(seal_rows "$TMP/abc.db")
expect_eq "$(Q "$TMP/abc.db" "SELECT count(*) FROM sealed")|$(Q "$TMP/abc.db" "SELECT count(*) FROM interviews WHERE status = 'complete'")" \
	"4|7" "four sealed records (the union) and seven complete interviews once unsealed"
expect_eq "$(seal_rows "$TMP/cba.db")" "$ref" "C B A then unseal: the same rows"
expect_eq "$(Q "$TMP/abc.db" "SELECT count(*) FROM provenance WHERE path LIKE 'sealed record of interview %' AND device_id IS NULL")" 4 \
	"each opened record is in provenance as such, with no device (never taken for a cloned laptop)"
expect_eq "$(seal_rows "$TMP/bac.db")" "$ref" "B A C then unseal: the same rows"
expect_eq "$(seal_rows "$TMP/twice.db")" "$ref" "A C B A (one twice) then unseal: the same rows"

# unsealed between merges: the opened rows merge on like any others
"$SURVEY" merge -o "$TMP/step.db" "$TMP/A.db" >/dev/null 2>&1
"$SURVEY" unseal "$TMP/step.db" --key "$TMP/coord.key" >/dev/null || not_ok "unseal step 1"
"$SURVEY" merge -o "$TMP/step.db" "$TMP/B.db" "$TMP/C.db" >/dev/null 2>&1
expect_eq "$(Q "$TMP/step.db" "SELECT count(*) FROM interviews")" 6 "before the second unseal: C's new record still sealed"
run "$SURVEY" unseal "$TMP/step.db" --key "$TMP/coord.key"
expect_out "unsealed 1 interview of .* \(4 sealed, 3 opened before\)" "the second unseal opens only the new record"
expect_eq "$(seal_rows "$TMP/step.db")" "$ref" "unsealed between merges: the same rows"

# an unsealed file merged with a sealed one: the record is known as opened
"$SURVEY" merge -o "$TMP/mix.db" "$TMP/step.db" "$TMP/A.db" >/dev/null 2>&1
run "$SURVEY" unseal "$TMP/mix.db" --key "$TMP/coord.key"
expect_out "unsealed 0 interviews .*\(4 sealed, 4 opened before\)" "a merged file that was unsealed carries its opened records"
expect_eq "$(seal_rows "$TMP/mix.db")" "$ref" "and the same rows"

# at schema 8 whatever this run's default: an unsealed file merges on as an input (its
# unsealed records are written with the questionnaire's path ids, as every other record; they
# were once written with none, and the file was then refused as damaged)
env SURVEY_STORE_SCHEMA=8 "$SURVEY" merge -o "$TMP/s8.db" "$TMP/A.db" >/dev/null 2>&1
env SURVEY_STORE_SCHEMA=8 "$SURVEY" unseal "$TMP/s8.db" --key "$TMP/coord.key" >/dev/null ||
	not_ok "unseal at schema 8"
run env SURVEY_STORE_SCHEMA=8 "$SURVEY" merge -o "$TMP/s8on.db" "$TMP/s8.db"
expect_rc 0 "a schema-8 file that was unsealed merges on"
expect_out "s8.db' .*: 3 interviews: 3 new" "with its three unsealed interviews"
run env SURVEY_STORE_SCHEMA=8 "$SURVEY" merge -o "$TMP/s8.db" "$TMP/B.db" "$TMP/C.db" --secret-key "$TMP/coord.key"
expect_rc 0 "then B and C merged into it with the key"
expect_eq "$(seal_rows "$TMP/s8.db")" "$ref" "the same rows as at the run's schema"

# merge --secret-key unseals as it merges
run "$SURVEY" merge -o "$TMP/withkey.db" "$TMP/C.db" "$TMP/A.db" "$TMP/B.db" --secret-key "$TMP/coord.key"
expect_rc 0 "merge --secret-key"
expect_out "unsealed 4 interviews of '.*withkey.db'" "it says what it unsealed"
expect_eq "$(seal_rows "$TMP/withkey.db")" "$ref" "merge --secret-key: the same rows"

# without the key merge says how many stay sealed
run "$SURVEY" merge -o "$TMP/nokey.db" "$TMP/A.db" "$TMP/B.db"
expect_rc 0 "merge without the key"
expect_err "^survey: 3 interview\(s\) in '.*nokey.db' sealed for the coordinator and left out; the key is needed" \
	"says on stderr how many stay sealed"
expect_err_lines 1 "in one line"
expect_eq "$(bytes_hold ZEBRAQUOKKA "$TMP/nokey.db")" 0 "no answer text in the merged file without the key"
done_testing
