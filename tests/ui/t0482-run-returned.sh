# t0482-run-returned: the laptop side of a return. A kit made with --no-extra refuses n (only
# assigned interviews); the unit's interview is completed, packed and merged into HQ.db; a
# supervisor rejects that version; the next kit carries it back and the start screen shows it
# "returned"; reopened, corrected and completed again, it is a new version that the next merge
# takes as an update (not a conflict), and progress shows it complete.
. tests/lib.sh
. tests/ui/tmux.sh
fw_hq Айбек M-01 M-02
fw_kit Айбек "$TMP/kit.db" --no-extra
uuid=$(sql "$HQ" "SELECT uuid FROM assignments WHERE unit_id = 'M-01'")

ui_start a "$FORM" --db "$DB" --kit "$TMP/kit.db" --lang en
ui_expect a 'M-01' "the units to do"
ui_keys a n
ui_expect a 'Only assigned interviews on this laptop' "n is refused: the kit allows only assigned interviews"
ui_keys a Enter
ui_expect a 'Chuy Oblast' "Enter starts the unit"
ui_keys a Enter
ui_expect a 'Кемин айыл өкмөтү' "the municipality"
ui_keys a Enter
ui_expect a 'Number of staff' "past the preloaded answers"
ui_type a 12
ui_expect a '> 12' "typed"
ui_keys a Enter
ui_expect a 'Remark' "the last question"
ui_keys a Enter
ui_expect a 'Complete the interview' "the end screen"
ui_keys a 1
ui_expect a 'complete ' "completed"
ui_keys a q
ui_exit a
expect_eq "$(sql "$DB" "SELECT count(*) FROM interviews")" 1 "only the assigned interview"

# HQ: merge, reject that version with a comment, kit it back
"$SURVEY" pack "$DB" -o "$TMP/p1.db" >/dev/null
run "$SURVEY" merge -o "$HQ" "$TMP/p1.db"
expect_rc 0 "merged into HQ.db"
sha=$(sql "$HQ" "SELECT events_sha256 FROM provenance_interviews WHERE uuid = '$uuid'")
sql "$HQ" "INSERT INTO reviews VALUES ('$uuid', '$sha', '2026-12-01T10:00:00.000Z', 'Бакыт', 'rejected', '', 'Кызматкерлердин саны туура эмес'), ('$uuid', '$sha', '2026-12-01T10:00:00.000Z', 'Бакыт', 'comment', 'staff', 'Текшериңиз')"
run "$SURVEY" kit "$HQ" --interviewer Айбек -o "$TMP/kit2.db" --no-extra
expect_out "1 interview sent back" "the next kit carries the rejected interview"
expect_eq "$(sql "$TMP/kit2.db" "SELECT uuid FROM interviews")" "$uuid" "that interview"
expect_eq "$(sql "$TMP/kit2.db" "SELECT count(*) FROM reviews WHERE uuid = '$uuid'")" 2 "with the supervisor's decision and comment"

ui_start b "$FORM" --db "$DB" --kit "$TMP/kit2.db" --lang en
ui_expect b 'returned' "the start screen shows it returned"
ui_keys b Enter
ui_expect b 'Reopen it' "opening it asks to reopen"
ui_keys b 1
ui_expect b 'the supervisor asked' "and why"
ui_keys b 3
ui_expect b 'Number of staff' "reopened at the commented question (review15: t0486)"
ui_expect b 'Supervisor Бакыт: Текшериңиз' "the supervisor's comment under it"
ui_keys b BSpace BSpace
ui_type b 13
ui_expect b '> 13' "corrected"
ui_keys b Enter
ui_expect b 'Remark' "the last question again"
ui_keys b Enter
ui_expect b 'Complete the interview' "the end screen again"
ui_keys b 1
ui_expect b 'complete ' "completed again"
ui_lacks b 'returned' "no longer returned: the current version was not rejected"
ui_keys b q
ui_exit b
ui_no_stderr b "nothing on stderr"

"$SURVEY" pack "$DB" -o "$TMP/p2.db" >/dev/null
run "$SURVEY" merge -o "$HQ" "$TMP/p2.db"
expect_rc 0 "the corrected interview merges"
expect_out "1 updated, 0 outdated, 0 conflicting" "as an update, not a conflict"
expect_eq "$(sql "$HQ" "SELECT value FROM answers WHERE uuid = '$uuid' AND path = 'staff'")" 13 "HQ.db holds the correction"
run "$SURVEY" list "$HQ" --by oblast --json
expect_out '"value": "chuy", "label": "Chuy Oblast", "units": 2, "assigned": 2, "started": 1, "complete": 1, "approved": 0' \
	"progress: the unit complete, not approved yet"
# approved on its new version: progress says so, and the next kit sends nothing back
sha2=$(sql "$HQ" "SELECT events_sha256 FROM provenance_interviews WHERE uuid = '$uuid' AND events_sha256 <> '$sha'")
sql "$HQ" "INSERT INTO reviews VALUES ('$uuid', '$sha2', '2026-12-02T10:00:00.000Z', 'Бакыт', 'approved', '', '')"
run "$SURVEY" list "$HQ" --by oblast --json
expect_out '"value": "chuy", "label": "Chuy Oblast", "units": 2, "assigned": 2, "started": 1, "complete": 1, "approved": 1' "progress: approved"
run "$SURVEY" kit "$HQ" --interviewer Айбек -o "$TMP/kit3.db"
expect_out "0 interviews sent back" "an approved interview is not sent back"
done_testing
