# t0453-simulate-devices: --devices K makes K device ids in one file, or K files with "%d".
. tests/lib.sh
form=surveys/covid19-lsg.md

run "$SURVEY" simulate "$form" -n 40 --db "$TMP/one.db" --devices 3 --seed 2 --quiet
expect_rc 0 "40 interviews on 3 devices in one file"
expect_eq "$(sqlite3 "$TMP/one.db" 'select count(distinct device_id) from interviews')" 3 \
	"three device ids"
expect_eq "$(sqlite3 "$TMP/one.db" 'select count(distinct interviewer) from interviews')" 3 \
	"an interviewer per device"

run "$SURVEY" simulate "$form" -n 40 --db "$TMP/laptop%d.db" --devices 3 --seed 2 --quiet \
	--interviewer "Асель Токтосунова"
expect_rc 0 "40 interviews on 3 devices, a file each"
total=0
for i in 1 2 3; do
	f="$TMP/laptop$i.db"
	[ -f "$f" ] && ok "laptop$i.db exists" || not_ok "laptop$i.db is missing"
	expect_eq "$(sqlite3 "$f" 'select count(distinct device_id) from interviews')" 1 \
		"laptop$i.db holds one device"
	total=$((total + $(sqlite3 "$f" 'select count(*) from interviews')))
done
expect_eq "$total" 40 "the files hold 40 interviews together"
expect_eq "$(sqlite3 "$TMP/laptop1.db" 'select distinct interviewer from interviews')" \
	"Асель Токтосунова" "--interviewer names the interviewer"

done_testing
