# t1050-review-cli: `survey review DB` for scripts — --json lists every complete interview with
# its state, flags and reviews; --approve, --reject --reason, --comment --path --text record a
# decision on the interview's current version; a rejection of an interview that does not exist,
# of a draft, or without a reason is one line and changes nothing; --status approved restricts
# freq and tab to the approved interviews.
. tests/lib.sh
FORM=surveys/covid19-lsg.md
DB=$TMP/hq.db
"$SURVEY" simulate "$FORM" -n 12 --db "$DB" --seed 11 --drafts 0 --quiet 2>/dev/null
export TZ='<+06>-6'

run "$SURVEY" review "$DB" --json
expect_rc 0 "--json"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["interviews"]) == 12; assert d["totals"] == {"to-review": 12, "approved": 0, "rejected": 0}; assert all(i["state"] == "to-review" and i["reviews"] == [] and "flags" in i and "duration_ms" in i["details"] for i in d["interviews"])' "$TMP/out"
then ok "twelve complete interviews to review, each with flags and details"; else not_ok "the JSON: $(head -c 600 "$TMP/out")"; fi
U1=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["interviews"][0]["uuid"])' "$TMP/out")
U2=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["interviews"][1]["uuid"])' "$TMP/out")
U3=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["interviews"][2]["uuid"])' "$TMP/out")

run "$SURVEY" review "$DB"
expect_rc 0 "the queue as text when stdout is not a terminal"
expect_eq "$(wc -l <"$TMP/out")" 12 "a line per complete interview"
expect_out "^$U1  to-review  " "each with its UUID and state"

# refusals: nothing changed
sum0=$(sha256sum <"$DB")
run "$SURVEY" review "$DB" --reject 00000000-0000-4000-8000-000000000000 --reason "wrong" --reviewer Boss
expect_rc 1 "a rejection of an interview that does not exist"
expect_err "^survey: no interview '00000000-0000-4000-8000-000000000000' in '.*hq.db'" "said on one line"
expect_err_lines 1 "one line"
run "$SURVEY" review "$DB" --reject "$U1" --reviewer Boss
expect_rc 2 "a rejection without a reason"
expect_err "needs --reason" "says what is missing"
run "$SURVEY" review "$DB" --approve "$U1"
expect_rc 1 "no reviewer known"
expect_err "^survey: who reviews is not known .*--reviewer NAME" "says how to name one"
run "$SURVEY" review "$DB" --reject "$U1" --reason "$(printf 'bad\033[2J')" --reviewer Boss
expect_rc 1 "a reason with a terminal escape"
expect_err_lines 1 "one line"
run "$SURVEY" review "$DB" --comment "$U1" --path no/such --text "x" --reviewer Boss
expect_rc 1 "a comment on a question the interview has no answer at"
expect_err "has no answer at 'no/such'" "named"
expect_eq "$(sha256sum <"$DB")" "$sum0" "every refusal left the file as it was"

# a draft: the same interviews in a schema-7 file (same seed), one reopened by hand
schema7 "$SURVEY" simulate "$FORM" -n 12 --db "$TMP/draft.db" --seed 11 --drafts 0 --quiet 2>/dev/null
sqlite3 "$TMP/draft.db" "UPDATE interviews SET status='draft', completed=NULL, content_hash=NULL WHERE uuid='$U1'" ||
	not_ok "the draft could not be crafted"
sum1=$(sha256sum <"$TMP/draft.db")
run "$SURVEY" review "$TMP/draft.db" --reject "$U1" --reason "x" --reviewer Boss
expect_rc 1 "a rejection of a draft"
expect_err "is a draft: only a complete interview is approved or rejected" "said"
expect_eq "$(sha256sum <"$TMP/draft.db")" "$sum1" "nothing changed"
# and a draft left as one by simulate, in a file of this run's schema (8 under the switch)
"$SURVEY" simulate "$FORM" -n 2 --db "$TMP/drafts.db" --seed 11 --drafts 1 --quiet 2>/dev/null
d=$(sqlite3 "$TMP/drafts.db" "SELECT uuid FROM interviews WHERE status = 'draft' LIMIT 1")
sum2=$(sha256sum <"$TMP/drafts.db")
run "$SURVEY" review "$TMP/drafts.db" --reject "$d" --reason "x" --reviewer Boss
expect_rc 1 "a rejection of a draft simulate left"
expect_err "is a draft: only a complete interview is approved or rejected" "said"
expect_eq "$(sha256sum <"$TMP/drafts.db")" "$sum2" "nothing changed"

# decisions
run "$SURVEY" review "$DB" --approve "$U1" --reviewer Boss
expect_rc 0 "approve"
run "$SURVEY" review "$DB" --comment "$U2" --path respondent/oblast --text "Is this the right oblast?" --reviewer Boss
expect_rc 0 "comment on a question"
run "$SURVEY" review "$DB" --reject "$U2" --reason "Check the oblast" --reviewer "Бүбүсара"
expect_rc 0 "reject with a reason (a Kyrgyz reviewer's name)"
sqlite3 "$DB" "INSERT INTO meta VALUES('interviewer','Айбек')"
run "$SURVEY" review "$DB" --approve "$U3"
expect_rc 0 "approve: the reviewer is the file's interviewer setting"
run "$SURVEY" review "$DB" --json
if python3 - "$TMP/out" "$U1" "$U2" "$U3" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
by = {i["uuid"]: i for i in d["interviews"]}
u1, u2, u3 = sys.argv[2:5]
assert d["totals"] == {"to-review": 9, "approved": 2, "rejected": 1}, d["totals"]
assert by[u1]["state"] == "approved" and by[u1]["reviews"][0]["reviewer"] == "Boss"
assert by[u2]["state"] == "rejected"
r = by[u2]["reviews"]
assert [x["decision"] for x in r] == ["comment", "rejected"], r
assert r[0]["path"] == "respondent/oblast" and r[0]["text"] == "Is this the right oblast?"
assert r[1]["text"] == "Check the oblast" and r[1]["reviewer"] == "Бүбүсара" and r[1]["current"]
assert by[u3]["reviews"][0]["reviewer"] == "Айбек"
PY
then ok "the states, totals and review rows in --json"; else not_ok "the JSON after decisions: $(head -c 900 "$TMP/out")"; fi
expect_eq "$(sqlite3 "$DB" "select count(*) from events where kind not in ('opened','answer','completed','moved','language')")" 0 \
	"decisions are never events of the interview's log"

# --status approved
run "$SURVEY" freq "$DB" respondent/oblast --status approved --format json
expect_rc 0 "freq --status approved"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["status"] == "approved"; assert d["variables"][0]["n_cases"] == 2, d["variables"][0]["n_cases"]' "$TMP/out"
then ok "freq counts the two approved interviews"; else not_ok "freq --status approved: $(head -c 400 "$TMP/out")"; fi
run "$SURVEY" tab "$DB" respondent/oblast respondent/gender --status approved --format json
expect_rc 0 "tab --status approved"
expect_out '"n_cases": 2' "tab counts the two approved interviews"
run "$SURVEY" freq "$DB" respondent/oblast --status reviewed
expect_rc 2 "an unknown status"
expect_err "complete, draft, approved or all" "names the statuses"
done_testing
