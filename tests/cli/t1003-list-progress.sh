# t1003-list-progress: `survey list HQ.db --by COLUMN` on a file with a sample frame — units,
# assigned, started, complete, approved and % of the frame per value of any frame column and per
# interviewer, the units never reached (a value shown by its choice label, with the code); in
# Kyrgyz, Russian and English, and as JSON; --by a question that is not a frame column lists as
# before; a file without a frame is unchanged.
. tests/lib.sh
VER=$(sed -n 's/^|  | .* | covid19_lsg | \([0-9]*\) | .*/\1/p' surveys/covid19-lsg.md)   # the shipped form's version
FORM=surveys/covid19-lsg.md
HQ=$TMP/hq.db
schema7 "$SURVEY" frame $FORM tests/fixtures/fieldwork/frame-60.csv --db "$HQ" >/dev/null   # a draft crafted below
"$SURVEY" assign "$HQ" --interviewer 'Айгүл' --where oblast=chuy >/dev/null
"$SURVEY" assign "$HQ" --interviewer 'Марат' --where oblast=talas >/dev/null
cp "$HQ" "$TMP/before.db"

run "$SURVEY" list "$HQ" --by oblast --lang en
expect_rc 0 "list --by a frame column"
expect_out '^Progress against the sample frame, by oblast$' "a title"
expect_out '^oblast +units +assigned +started +complete +approved +frame, %$' "the columns"
expect_out '^Chuy Oblast \(chuy\) +9 +9 +0 +0 +0 +0%$' "Chuy: 9 units, all assigned"
expect_out '^Batken Oblast \(batken\) +8 +0 +0 +0 +0 +0%$' "Batken: none assigned"
expect_out '^total +60 +16 +0 +0 +0 +0%$' "the whole frame"
expect_out '^Айгүл +9 +9 ' "per interviewer"
expect_out '^Марат +7 +7 ' "the other one"
expect_out '^Units never reached \(no interview started\): 60$' "units never reached"
expect_out '^  TL-07  Talas Oblast \(talas\)  Марат$' "each with its value and holder"
expect_out '^  OSH-01  Osh city \(osh_city\)$' "an unassigned one"
cmp -s "$HQ" "$TMP/before.db" && ok "list changes nothing" || not_ok "list changed HQ.db"

# a file of no interviews yet (the frame only): listed, whatever --by asks (was: UBSan in qsort)
run "$SURVEY" list "$HQ" --by gender --lang en
expect_rc 0 "--by a question on a file of no interviews"
expect_out '^0 interviews: 0 complete, 0 draft$' "no interviews, by a question"
run "$SURVEY" list "$HQ" --json
expect_rc 0 "--json on a file of no interviews"

# a started interview of a unit (a draft with the assignment's UUID)
u=$(sqlite3 "$HQ" "SELECT uuid FROM assignments WHERE unit_id = 'TL-01'")
sqlite3 "$HQ" "INSERT INTO interviews(uuid, form_id, form_version, device_id, interviewer, status, revision, created, modified) VALUES ('$u', 'covid19_lsg', '$VER', '$u', 'Марат', 'draft', 1, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')"
run "$SURVEY" list "$HQ" --by oblast --lang en
expect_out '^Talas Oblast \(talas\) +7 +7 +1 +0 +0 +0%$' "a draft counts as started"
expect_out '^Units never reached \(no interview started\): 59$' "one unit less never reached"

run "$SURVEY" list "$HQ" --by district --lang en
expect_out '^Kemin District \(kemin\) +1 +1 ' "any frame column"
run "$SURVEY" list "$HQ" --by oblast --lang ky
expect_out '^Тандалма негизине карата иштин жүрүшү, «oblast» боюнча$' "in Kyrgyz"
expect_out 'бирдиктер +дайындалган +башталган +аяктаган +бекитилген' "the columns in Kyrgyz"
run "$SURVEY" list "$HQ" --by oblast --lang ru
expect_out '^Ход работ по основе выборки в разрезе «oblast»$' "in Russian"
expect_out '^Единицы без начатого интервью: 59$' "never reached, in Russian"

run "$SURVEY" list "$HQ" --by oblast --json
expect_rc 0 "--json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["total"]["units"] == 60 and len(d["never_reached"]) == 59 and d["interviewers"][0]["units"] in (7, 9)' "$TMP/out" \
	&& ok "one JSON document with strata, interviewers, total and never reached" || not_ok "bad JSON: $(head -c 300 "$TMP/out")"
run "$SURVEY" list "$HQ" --by oblast --json --lang ky
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["strata"][0]["value"] == "batken"' "$TMP/out" \
	&& ok "the JSON's values are the same in every language" || not_ok "JSON in ky differs"

# --by a question not in the frame, and a file without a frame: as before
run "$SURVEY" list "$HQ" --by gender --lang en
expect_rc 0 "--by a question that is no frame column"
grep -q 'Progress against the sample frame' "$TMP/out" && not_ok "the frame view for a non-frame column" || ok "the interview listing as before"
"$SURVEY" simulate $FORM -n 2 --seed 3 --db "$TMP/plain.db" --quiet
run "$SURVEY" list "$TMP/plain.db" --by oblast --lang en
expect_rc 0 "a file without a frame"
grep -q 'Progress against the sample frame' "$TMP/out" && not_ok "a frame view without a frame" || ok "lists by the question as before"
done_testing
