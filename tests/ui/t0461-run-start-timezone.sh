# t0461-run-start-timezone: one time zone everywhere, named — the start screen's saved time and
# `survey list`'s created/modified times are local, and both headers name the same zone;
# `survey list --json` keeps UTC (the contract).
. tests/lib.sh
. tests/ui/tmux.sh
. tests/ui/start-lib.sh
export TZ=Asia/Bishkek
UI_ENV="LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=Asia/Bishkek"
DB=$TMP/d.db
FORM=tests/fixtures/ui/sections.md

ui_start a "$FORM" --db "$DB" --lang en
ui_expect a 'No interviews yet' "the start screen"
sections_draft a Kara-Suu
ui_settle a
shown=$(grep -o '20[0-9][0-9]-[0-9-]* [0-9][0-9]:[0-9][0-9]' "$TMP/screen" | head -1)
grep -q 'Saved, +06' "$TMP/screen" && ok "the start screen names the zone" || not_ok "no zone on the start screen"
ui_keys a q
ui_exit a

run "$SURVEY" list "$DB"
expect_rc 0 "list"
expect_out 'created \(\+06\) +modified \(\+06\)' "list names the same zone"
row=$(grep '^[0-9a-f]\{8\}-' "$TMP/out")
case "$row" in
*"$shown") ok "list shows the start screen's saved time ($shown)" ;;
*) not_ok "list's row does not end with the start screen's time '$shown': $row" ;;
esac
utc=$(sql "$DB" "SELECT modified FROM interviews")
expect_eq "$(TZ=Asia/Bishkek date -d "$utc" '+%Y-%m-%d %H:%M')" "$shown" "that time is the UTC one in +06"
expect_out "by day created \(\+06\):" "the days are local too"
run "$SURVEY" list "$DB" --json
expect_eq "$(jq -r '.interviews[0].modified' "$TMP/out")" "$utc" "--json keeps the UTC time"
done_testing
