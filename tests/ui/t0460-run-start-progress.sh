# t0460-run-start-progress: the start screen counts the questions answered — not the metadata
# the engine fills (start, today, deviceid) nor calculations — and shows the section each
# interview stands in (k/N on the row, the section's title in the detail line under the list).
. tests/lib.sh
. tests/ui/tmux.sh
. tests/ui/start-lib.sh
DB=$TMP/d.db
FORM=tests/fixtures/ui/sections.md

ui_start a "$FORM" --db "$DB" --lang en
ui_expect a 'No interviews yet' "the start screen"
sections_draft a Kara-Suu
ui_settle a
stored=$(sql "$DB" "SELECT count(*) FROM answers WHERE state = 'answered'")
[ "$stored" -gt 1 ] && ok "the database holds the metadata as answers too ($stored)" ||
	not_ok "expected metadata rows in answers, got $stored"
grep -q 'answers: 1 ·' "$TMP/screen" && ok "one question answered, the metadata not counted" ||
	{ not_ok "the answers shown are not 1"; sed 's/^/#  |/' "$TMP/screen"; }
grep -Eq '^ Kara-Suu .* 1/2$' "$TMP/screen" && ok "the row stands in section 1 of 2" ||
	{ not_ok "no section 1/2 on the row"; sed 's/^/#  |/' "$TMP/screen"; }
grep -q 'section 1/2: The place' "$TMP/screen" && ok "the detail line names the section" ||
	not_ok "no section title in the detail line"

ui_keys a Enter
ui_expect a 'Number of staff' "resumed where it was left"
ui_type a 12
ui_keys a Enter
ui_expect a 'Budget, thousand som' "the second section"
ui_keys a F10
ui_expect a 'n new' "back on the start screen"
ui_settle a
grep -q 'answers: 2 ·' "$TMP/screen" && ok "two questions: the calculation is not an answer" ||
	{ not_ok "the answers shown are not 2"; sed 's/^/#  |/' "$TMP/screen"; }
grep -q 'section 2/2: Budget and spending' "$TMP/screen" && ok "now in section 2 of 2" ||
	{ not_ok "the section did not move on"; sed 's/^/#  |/' "$TMP/screen"; }
expect_eq "$(sql "$DB" "SELECT value FROM answers WHERE path = 'place/twice'")" 24 \
	"the calculation is stored (and still not counted)"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
done_testing
