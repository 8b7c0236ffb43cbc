# t0494-simulated-correction: interviews simulated on a laptop file (simulate --db lap%d.db) are
# of that file's own device, so one the supervisor rejects and the interviewer corrects on the
# laptop (by keys) comes back at the next merge as an update of its log, not a conflict, and is
# to review again.
. tests/lib.sh
. tests/ui/tmux.sh
FORM=tests/fixtures/ui/small.md
HQ=$TMP/hq.db
Q() { sqlite3 -cmd '.timeout 5000' "$@"; }
"$SURVEY" simulate $FORM -n 6 --db "$TMP/lap%d.db" --devices 2 --drafts 0 --seed 3 --quiet
for n in 1 2; do "$SURVEY" pack "$TMP/lap$n.db" -o "$TMP/pack$n.db" >/dev/null; done
run "$SURVEY" merge -o "$HQ" "$TMP/pack1.db" "$TMP/pack2.db" --allow-simulated
expect_rc 0 "the two simulated laptops merged"
R=$(Q "$TMP/lap1.db" "SELECT uuid FROM interviews WHERE status = 'complete' ORDER BY uuid LIMIT 1")
run "$SURVEY" review "$HQ" --reject "$R" --reason "Атын текшериңиз" --reviewer 'Супервайзер'
expect_rc 0 "the supervisor rejects one"
old=$(Q "$TMP/lap1.db" "SELECT value FROM answers WHERE uuid = '$R' AND path = 'name'")

# corrected on its laptop, by keys
ui_start a $FORM --db "$TMP/lap1.db" --lang en
ui_expect a 'Interviews' "the start screen"
ui_keys a /
ui_type a "$(echo "$R" | cut -c1-8)"
ui_keys a Enter
ui_expect a 'Reopen it to change' "reopen?"
ui_keys a 1
ui_expect a 'Why is it reopened' "why"
ui_keys a 3
ui_expect a 'Review of answers' "reopened: the review of its answers"
ui_keys a Up Up Up Up Up Up Up Up Up Up
ui_settle a
ui_keys a Enter
ui_expect a 'Enter go to the question' "the first answer, the name, in detail"
ui_keys a Enter
ui_expect a "F5 Don't know" "Enter goes to the question"
ui_keys a C-u
ui_type a 'Жаңы ат'
ui_expect a '> Жаңы ат' "a new name typed"
ui_keys a Enter F10
ui_expect a 'Complete it again now' "complete again?"
ui_keys a 1
ui_expect a 'Interviews' "back on the start screen"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
expect_eq "$(Q "$TMP/lap1.db" "SELECT status || ' ' || value FROM interviews JOIN answers USING (uuid) WHERE uuid = '$R' AND path = 'name'")" \
	"complete Жаңы ат" "corrected and complete (was $old)"

"$SURVEY" pack "$TMP/lap1.db" -o "$TMP/final1.db" >/dev/null
run "$SURVEY" merge -o "$HQ" "$TMP/final1.db" --allow-simulated --json
expect_rc 0 "merge the corrected laptop"
if python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["totals"]; assert t["updated"] == 1 and t["conflicting"] == 0, t' "$TMP/out"
then ok "the correction is an update, no conflict"; else not_ok "the merge: $(tail -c 400 "$TMP/out")"; fi
expect_eq "$(Q "$HQ" "SELECT value FROM answers WHERE uuid = '$R' AND path = 'name'")" 'Жаңы ат'  "HQ has the corrected answer"
run "$SURVEY" review "$HQ" --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=[i["state"] for i in d["interviews"] if i["uuid"] == sys.argv[2]]; assert s == ["to-review"], s' "$TMP/out" "$R"
then ok "the corrected one is to review again"; else not_ok "its state: $(head -c 400 "$TMP/out")"; fi
done_testing
