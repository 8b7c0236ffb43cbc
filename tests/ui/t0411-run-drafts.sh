# t0411-run-drafts: the start screen tells drafts apart — the instance name with choice labels
# (not codes), refreshed when the interview is left with F10 (not only on moves), the last saved
# time in local time with the zone in the header, the status and a short id; f filters.
. tests/lib.sh
. tests/ui/tmux.sh
export TZ=Asia/Bishkek
DB=$TMP/d.db
FORM=surveys/covid19-lsg.md

# one draft of Chuy oblast: intro, oblast 7 (chuy), then leave; name typed when told
draft() { # draft MUNICIPALITY|""
	ui_keys a n
	ui_expect a 'Municipality|municipal|survey' "an interview starts"
	ui_keys a Enter
	ui_expect a 'Chuy' "the oblast question"
	ui_keys a 7 Enter
	ui_expect a 'district|District' "the district question"
	if [ -n "$1" ]; then
		ui_keys a 1 Enter
		ui_expect a 'Type of m' "the municipality type"
		ui_keys a 1 Enter
		ui_expect a 'Name of the munic' "the municipality name"
		ui_type a "$1"
	fi
	ui_keys a F10
	ui_expect a 'n new' "back on the start screen"
}

ui_start a "$FORM" --db "$DB" --lang en
ui_expect a 'No interviews yet' "the start screen"
draft ""
draft ""
draft "Kara-Suu"
draft "Tash-Dobo"
ui_settle a
expect_eq "$(grep -c 'Chuy Oblast' "$TMP/screen")" 4 "four rows name the oblast by its label"
grep -q '— chuy' "$TMP/screen" && not_ok "a choice code on the start screen" || ok "no choice code"
grep -q 'Kara-Suu — Chuy Oblast' "$TMP/screen" && ok "a name typed just before F10 is shown" ||
	not_ok "the name typed before F10 is not on the start screen"
grep -q 'Tash-Dobo — Chuy Oblast' "$TMP/screen" && ok "the other one too" || not_ok "Tash-Dobo missing"
grep -Eq 'Saved, \+06' "$TMP/screen" && ok "the saved column says its zone" || not_ok "no zone in the header"
ids=$(sql "$DB" "SELECT substr(uuid, 1, 8) FROM interviews ORDER BY uuid")
n=0
for id in $ids; do grep -q " $id " "$TMP/screen" && n=$((n + 1)); done
expect_eq "$n" 4 "each row shows its own short id"
want=$(sql "$DB" "SELECT modified FROM interviews ORDER BY modified DESC LIMIT 1")
local=$(TZ=Asia/Bishkek date -d "$want" '+%Y-%m-%d %H:%M')
grep -q "$local" "$TMP/screen" && ok "the last saved time in local time" || not_ok "no local saved time $local"
expect_eq "$(sed -n 3p "$TMP/screen" | grep -c 'Tash-Dobo')" 1 "the last saved first"
# filters
ui_keys a f
ui_expect a '\[drafts\]' "f: drafts only"
ui_keys a f
ui_expect a 'No interviews under this filter' "f again: complete only (none)"
ui_keys a f f
ui_expect a '\[all\]' "back to all"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
done_testing
