# t0486-review-returned: an interview a supervisor rejected comes back to its laptop (its review
# rows, as a kit brings them): reopened, it opens at the first question the supervisor commented
# on, with the comment under the question and the reason on the message line; completed again
# it is a new version that extends its own log on its own device — the next merge takes it as an
# update, and the coordinator sees it to review again, the old rejection kept.
. tests/lib.sh
. tests/ui/tmux.sh
FORM=tests/fixtures/ui/small.md
L=$TMP/laptop.db HQ=$TMP/hq.db
# an interview made on this laptop (import goes through the engine, with the file's device)
printf 'name,has_kids,n_kids\nAsel,yes,2\n' >"$TMP/one.csv"
"$SURVEY" import "$FORM" "$TMP/one.csv" --db "$L" >/dev/null
U=$(sql "$L" "select uuid from interviews")
"$SURVEY" pack "$L" -o "$TMP/p1.db" >/dev/null
run "$SURVEY" merge -o "$HQ" "$TMP/p1.db"
expect_rc 0 "the first merge"
PATH_Q=$(sql "$HQ" "select path from answers where uuid='$U' and path='has_kids'")
expect_eq "$PATH_Q" has_kids "the interview answered has_kids"
run "$SURVEY" review "$HQ" --comment "$U" --path has_kids --text "Ask again about the children" --reviewer Boss
expect_rc 0 "a comment on has_kids"
run "$SURVEY" review "$HQ" --reject "$U" --reason "the children are missing" --reviewer Boss
expect_rc 0 "rejected"
# back to the laptop, as the kit carries them
sqlite3 "$L" "ATTACH '$HQ' AS hq; INSERT INTO reviews SELECT * FROM hq.reviews;"
events0=$(sql "$L" "select count(*) from events where uuid='$U'")

ui_start a "$FORM" --db "$L" --lang en
ui_expect a 'Interviews' "the start screen"
ui_keys a Enter
ui_expect a 'Reopen it to change answers' "Enter asks to reopen it"
ui_keys a 1
ui_expect a 'Why is it reopened' "why"
ui_keys a 3
ui_expect a 'Do you have children\?' "it opens at the question the supervisor commented on"
ui_expect a 'Supervisor Boss: Ask again about the children' "the comment under it"
ui_expect a 'Returned by the supervisor: the children are missing' "the reason on the message line"
ui_keys a F10
ui_expect a 'Complete it again now' "leaving asks to complete it again"
ui_keys a 1
ui_expect a 'complete' "completed again"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
events1=$(sql "$L" "select count(*) from events where uuid='$U'")
[ "$events1" -gt "$events0" ] && ok "the log grew ($events0 -> $events1 events)" || not_ok "the log did not grow"
expect_eq "$(sql "$L" "select status from interviews where uuid='$U'")" complete "complete again"

"$SURVEY" pack "$L" -o "$TMP/p2.db" >/dev/null
run "$SURVEY" merge -o "$HQ" "$TMP/p2.db" --json
expect_rc 0 "the second merge"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); t=d.get("totals", d); s=json.dumps(d); assert "\"updated\": 1" in s, s[:800]' "$TMP/out"
then ok "the merge takes the corrected version as an update"; else not_ok "not an update: $(head -c 800 "$TMP/out")"; fi
expect_eq "$(sql "$HQ" "select count(*) from conflicts")" 0 "no conflict"
run "$SURVEY" review "$HQ" --json
if python3 - "$TMP/out" "$U" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
i = [x for x in d["interviews"] if x["uuid"] == sys.argv[2]][0]
assert i["state"] == "to-review", i["state"]
assert [r["decision"] for r in i["reviews"]] == ["comment", "rejected"]
assert not any(r["current"] for r in i["reviews"])
PY
then ok "to review again; the old comment and rejection kept, not current"; else not_ok "the review state: $(head -c 600 "$TMP/out")"; fi
done_testing
