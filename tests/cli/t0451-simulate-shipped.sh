# t0451-simulate-shipped: 200 interviews of the shipped survey, listed by survey list.
. tests/lib.sh

run "$SURVEY" simulate surveys/covid19-lsg.md -n 200 --db "$TMP/s.db" --seed 1 --quiet
expect_rc 0 "simulate 200 interviews of the shipped survey"
run "$SURVEY" list --json "$TMP/s.db"
expect_rc 0 "survey list --json"
expect_out '"interviews": 200' "the totals count 200 interviews"
n=$(grep -c '"uuid"' "$TMP/out")
expect_eq "$n" 200 "200 interviews are listed"
drafts=$(sqlite3 "$TMP/s.db" "select count(*) from interviews where status = 'draft'")
[ "$drafts" -ge 1 ] && [ "$drafts" -le 30 ] && ok "a few drafts ($drafts)" ||
	not_ok "$drafts drafts of 200"
nohash=$(sqlite3 "$TMP/s.db" "select count(*) from interviews where status = 'complete'
	and (content_hash is null or instance_name is null)")
expect_eq "$nohash" 0 "completed interviews have a hash and an instance name"
special=$(sqlite3 "$TMP/s.db" "select count(*) from answers where state in ('dont_know', 'refused')")
[ "$special" -ge 20 ] && ok "some don't know / refused answers ($special)" ||
	not_ok "only $special special answers"
form=$(sqlite3 "$TMP/s.db" "select form_id || ' ' || source_kind from forms")
expect_eq "$form" "covid19_lsg md" "the questionnaire is embedded"

done_testing
