# t0510-merge-report: `survey merge` reports per input (text and one JSON document), merging
# again changes nothing, likely duplicates are reported (never merged), exit statuses.
. tests/lib.sh
. tests/cli/merge-lib.sh

laptops "$TMP/a" 2 30 1 1      # laptop01, laptop02
laptops "$TMP/b" 1 30 9 1      # another laptop01: the same municipalities as a/laptop01
a1=$TMP/a/laptop01.db a2=$TMP/a/laptop02.db b1=$TMP/b/laptop01.db
"$SURVEY" pack "$a2" -o "$TMP/a2-packed.db" >/dev/null

run "$SURVEY" merge -o "$TMP/out.db" "$a1" "$TMP/a2-packed.db"
expect_rc 0 "merge two laptops into a new file"
expect_out "laptop01.db' \(device [0-9a-f]{8}, sha256 [0-9a-f]{12}\): 30 interviews: 30 new, 0 identical" "the first input: 30 new"
expect_out "a2-packed.db' .*: 30 new" "the packed input: 30 new"
expect_out "holds 60 interviews and 0 conflicting versions" "the output's size"
expect_eq "$(count "$TMP/out.db" "SELECT count(*) FROM interviews")" "60" "60 interviews in the output"
expect_eq "$(count "$TMP/out.db" "SELECT count(DISTINCT input_sha256) FROM provenance")" "2" "provenance: one row per input"
expect_eq "$(count "$TMP/out.db" "SELECT count(*) FROM provenance_interviews")" "60" "provenance: each interview"
expect_eq "$(count "$TMP/out.db" "PRAGMA integrity_check")" "ok" "the output is sound"
first=$(rows "$TMP/out.db")

run "$SURVEY" merge -o "$TMP/out.db" "$a2" "$a1" "$a1"
expect_rc 0 "merge the same files again"
expect_out "laptop02.db' .*: 30 interviews: 0 new, 30 identical" "all identical"
expect_out "laptop01.db': given twice, merged once" "an input given twice"
expect_eq "$(rows "$TMP/out.db")" "$first" "merging again leaves the same rows"

run "$SURVEY" merge -o "$TMP/out.db" "$b1" --key municipality --json
expect_rc 0 "merge with --key and --json"
if jq -e . "$TMP/out" >/dev/null 2>&1; then ok "one JSON document"; else not_ok "not JSON: $(head -c 300 "$TMP/out")"; fi
expect_eq "$(jq '.inputs[0].new' "$TMP/out")" "30" "json: new"
expect_eq "$(jq '.inputs[0].duplicates | length' "$TMP/out")" "30" "json: each interview has a likely duplicate"
expect_eq "$(jq -r '.inputs[0].duplicates[0].keys' "$TMP/out")" "$(jq -r '.inputs[0].duplicates[0].keys' "$TMP/out" | grep '^municipality=ayil-okmotu-1-')" "json: the key values are given"
expect_eq "$(jq '.totals.output_interviews' "$TMP/out")" "90" "json: duplicates are not merged"
expect_eq "$(jq '.key_questions' "$TMP/out")" "true" "json: key questions known"
expect_eq "$(jq -r '.inputs[0].rejected' "$TMP/out")" "null" "json: not rejected"

# the key question from the form's settings (key_questions) when --key is absent
run "$SURVEY" merge -o "$TMP/out2.db" "$a1" "$b1"
expect_out "likely duplicate: .* \(municipality=ayil-okmotu-1-" "key questions from the form's settings"

run "$SURVEY" merge "$a1"
expect_rc 2 "merge without -o"
expect_err "expected -o OUT" "says -o is missing"
run "$SURVEY" merge -o "$TMP/x.db"
expect_rc 2 "merge without inputs"
run "$SURVEY" merge -o "$TMP/x.db" --bogus "$a1"
expect_rc 2 "merge with an unknown option"
[ -e "$TMP/x.db" ] && not_ok "bad arguments created the output" || ok "bad arguments create nothing"

done_testing
