# t0702-export-roundtrip: simulate -> export csv -> import into a new database gives the same
# answers (values and states: don't know, refused), repeats included; importing the same file
# again changes nothing, in the new database and in the original one.
. tests/lib.sh
export TZ=Asia/Bishkek
ANSWERS="SELECT a.uuid, a.path, coalesce(a.value, '~'), a.state FROM answers a
	JOIN interviews i USING (uuid) WHERE i.status = 'complete' AND a.state != 'skipped'
	AND NOT (a.state = 'answered' AND a.value IS NULL) ORDER BY 1, 2"
TABLES="SELECT uuid, form_id, form_version, device_id, interviewer, status, content_hash
	FROM interviews ORDER BY 1; SELECT uuid, path, value, state FROM answers ORDER BY 1, 2"

roundtrip() { # roundtrip FORM NAME N SEED
	form=$1 name=$2
	"$SURVEY" simulate "$form" -n "$3" --seed "$4" --db "$TMP/$name.db" --specials 0.1 --quiet ||
		not_ok "$name: simulate"
	run "$SURVEY" export "$TMP/$name.db" -o "$TMP/$name.csv"
	expect_rc 0 "$name: export"
	run "$SURVEY" import "$form" "$TMP/$name.csv" --db "$TMP/$name-back.db"
	expect_rc 0 "$name: import into a new database"
	sqlite3 "$TMP/$name.db" "$ANSWERS" >"$TMP/a"
	sqlite3 "$TMP/$name-back.db" "$ANSWERS" >"$TMP/b"
	n=$(wc -l <"$TMP/a")
	if [ "$n" -gt 100 ] && cmp -s "$TMP/a" "$TMP/b"; then
		ok "$name: the same $n answers"
	else
		not_ok "$name: answers differ ($n vs $(wc -l <"$TMP/b")): $(diff "$TMP/a" "$TMP/b" | head -5)"
	fi
	grep -q '|dont_know$' "$TMP/b" && grep -q '|refused$' "$TMP/b" &&
		ok "$name: don't know and refused came back" || not_ok "$name: special answers lost"
	sqlite3 "$TMP/$name-back.db" "$TABLES" >"$TMP/before"
	run "$SURVEY" import "$form" "$TMP/$name.csv" --db "$TMP/$name-back.db"
	expect_rc 0 "$name: importing again"
	expect_out "imported 0 interviews .*; [0-9]+ already there" "$name: every interview is already there"
	sqlite3 "$TMP/$name-back.db" "$TABLES" >"$TMP/after"
	cmp -s "$TMP/before" "$TMP/after" && ok "$name: the database is unchanged" ||
		not_ok "$name: importing again changed the database"
	sqlite3 "$TMP/$name.db" "$TABLES" >"$TMP/before"
	run "$SURVEY" import "$form" "$TMP/$name.csv" --db "$TMP/$name.db"
	expect_rc 0 "$name: importing into the original database"
	sqlite3 "$TMP/$name.db" "$TABLES" >"$TMP/after"
	cmp -s "$TMP/before" "$TMP/after" && ok "$name: the original is unchanged" ||
		not_ok "$name: importing changed the original database"
}

roundtrip surveys/covid19-lsg.md covid 40 5
[ -s "$TMP/covid-partners.csv" ] && ok "covid: the repeat has its file" || not_ok "no partners file"
grep -q 'social/partners\[[0-9]*\]/' "$TMP/b" && ok "covid: repeat answers came back" ||
	not_ok "covid: no repeat answers"
roundtrip tests/fixtures/export/basic.md basic 40 11

# the labels export (Russian) reads back as the same choices
"$SURVEY" export "$TMP/basic.db" -o "$TMP/lab.csv" --labels --lang ru >/dev/null
run "$SURVEY" import tests/fixtures/export/basic.md "$TMP/lab.csv" --db "$TMP/lab.db"
expect_rc 0 "a --labels export imports"
sqlite3 "$TMP/basic.db" "$ANSWERS" | grep -v '/kid_name|\|resp/name|\|fruit_other|' >"$TMP/a"
sqlite3 "$TMP/lab.db" "$ANSWERS" | grep -v '/kid_name|\|resp/name|\|fruit_other|' >"$TMP/b"
cmp -s "$TMP/a" "$TMP/b" && ok "labels read back as choice names (texts aside)" ||
	not_ok "labels: $(diff "$TMP/a" "$TMP/b" | head -5)"
done_testing
