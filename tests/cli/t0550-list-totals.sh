# t0550-list-totals: `survey list` totals by status, device, interviewer, form version and day,
# and progress by a question's answer (--by), in text and JSON.
. tests/lib.sh
. tests/cli/merge-lib.sh

laptops "$TMP/l" 2 25 2 1
"$SURVEY" merge -o "$TMP/all.db" "$TMP/l/laptop01.db" "$TMP/l/laptop02.db" >/dev/null

run "$SURVEY" list "$TMP/all.db" --json --by oblast
expect_rc 0 "list --json --by oblast"
if jq -e . "$TMP/out" >/dev/null 2>&1; then ok "one JSON document"; else not_ok "not JSON"; fi
expect_eq "$(jq '.interviews | length' "$TMP/out")" "50" "every interview is listed"
expect_eq "$(jq -r '.interviews[0] | [has("uuid"), has("status"), has("device"), has("interviewer"), has("form_id"), has("form_version"), has("created"), has("modified")] | all' "$TMP/out")" "true" "the interview fields of the contract"
expect_eq "$(jq '.totals.interviews' "$TMP/out")" "50" "total"
expect_eq "$(jq '.totals.complete + .totals.draft' "$TMP/out")" "50" "complete + draft"
expect_eq "$(jq '.totals.by_device | length' "$TMP/out")" "2" "two devices"
expect_eq "$(jq '[.totals.by_device[].total] | add' "$TMP/out")" "50" "by device adds up"
expect_eq "$(jq '[.totals.by_interviewer[].total] | add' "$TMP/out")" "50" "by interviewer adds up"
expect_eq "$(jq '.totals.by_form_version["lsg@1"].total' "$TMP/out")" "50" "by form version"
expect_eq "$(jq '[.totals.by_date[].total] | add' "$TMP/out")" "50" "by day adds up"
expect_eq "$(jq -r '.totals.by_date | keys[0]' "$TMP/out" | grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')" "1" "days are dates"
expect_eq "$(jq '[.totals.by_question.values[].total] | add' "$TMP/out")" "50" "by oblast adds up"
expect_eq "$(jq '[.totals.by_question.values[].complete] | add' "$TMP/out")" "$(jq '.totals.complete' "$TMP/out")" "complete by oblast adds up"
want=$(sqlite3 "$TMP/all.db" "SELECT count(*) FROM answers a JOIN interviews i USING(uuid) WHERE a.path='oblast' AND a.value='osh' AND i.status='complete'")
expect_eq "$(jq '.totals.by_question.values[] | select(.value == "osh") | .complete' "$TMP/out")" "$want" "complete interviews in Osh"

run "$SURVEY" list "$TMP/all.db" --by oblast
expect_rc 0 "list --by oblast (text)"
expect_out "^50 interviews: [0-9]+ complete, [0-9]+ draft" "the total line"
expect_out "^by device:" "by device"
expect_out "^by interviewer:" "by interviewer"
expect_out "^by form version:" "by form version"
expect_out "^  lsg@1 +[0-9]+ +[0-9]+ +50$" "one form version, all 50"
expect_out "^by day created \(UTC\):" "by day"
expect_out "^by oblast:" "by oblast"
expect_out "^  osh +[0-9]+ +[0-9]+ +[0-9]+$" "a row per oblast"

run "$SURVEY" list "$TMP/all.db" --by comment --json
expect_eq "$(jq -c '.totals.by_question.values' "$TMP/out")" '[{"value":null,"complete":'"$(jq '.totals.complete' "$TMP/out")"',"draft":'"$(jq '.totals.draft' "$TMP/out")"',"total":50}]' "a question nobody answered: all without an answer"

run "$SURVEY" list "$TMP/all.db" --by
expect_rc 2 "--by without a question"

done_testing
