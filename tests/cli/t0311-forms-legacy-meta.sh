# t0311-forms-legacy-meta: old type spellings pyxform accepts ("select one from LIST",
# "get today", "uri:deviceid", "add integer prompt", "phone number", ...) are read with a warning
# naming the modern spelling; phonenumber, simserial, subscriberid, email, audit and
# start-geopoint are metadata a laptop records blank (a warning says why), username comes from
# --interviewer; all of it flows through simulate, export and merge, in .md, .csv, .xlsx, .xls.
. tests/lib.sh
. tests/cli/xls-lib.sh
F=tests/fixtures/forms

"$PY" $F/gen_xls.py $F/meta-legacy.md "$TMP/meta-legacy.xls"

for form in $F/meta-legacy.md $F/meta-legacy.csv $F/meta-legacy.xlsx "$TMP/meta-legacy.xls"; do
	ext=${form##*.}
	run "$SURVEY" check "$form"
	expect_rc 0 "$ext: old spellings and blank metadata are only warnings"
	expect_out "ok — 7 questions, 1 language, form meta_legacy version 1 \(17 warnings\)\$" \
		"$ext: metadata are not questions; 17 warnings"
	expect_err ":survey:[0-9]+: warning: type: 'select one from yes_no' is an old spelling: write 'select_one yes_no'\$" \
		"$ext: select one from LIST names select_one LIST"
	expect_err ": warning: type: 'select all that apply from fruit' is an old spelling: write 'select_multiple fruit'\$" \
		"$ext: select all that apply from LIST names select_multiple LIST"
	expect_err ": warning: type: 'get today' is an old spelling: write 'today'\$" "$ext: get today"
	expect_err ": warning: type: 'uri:deviceid' is an old spelling: write 'deviceid'\$" \
		"$ext: uri:deviceid"
	expect_err ": warning: type: 'add integer prompt' is an old spelling: write 'integer'\$" \
		"$ext: add integer prompt"
	expect_err ": warning: phonenumber 'phone' is recorded blank: a laptop has no SIM card" \
		"$ext: phonenumber blank, said why"
	expect_err ": warning: audit 'audit' is recorded blank: .*event log" \
		"$ext: audit: the event log holds that paradata"
	expect_err ": warning: start-geopoint 'where' is recorded blank: a laptop has no GPS" \
		"$ext: start-geopoint blank"
done

run "$SURVEY" check --dump $F/meta-legacy.md
expect_out "^node [0-9]+ select_one agree " "select one from is a select_one"
expect_out "^node [0-9]+ select_multiple fruits " "select all that apply from is a select_multiple"
expect_out "^node [0-9]+ today today " "get today is today"
expect_out "^node [0-9]+ phonenumber phone " "phonenumber is its own type"

# simulate -> export: the metadata columns are present; blank ones are blank
run "$SURVEY" simulate "$TMP/meta-legacy.xls" -n 6 --seed 5 --db "$TMP/a.db" --interviewer "Айгүл"
expect_rc 0 "simulate a form with legacy types and blank metadata"
run "$SURVEY" export "$TMP/a.db" --format csv -o "$TMP/a.csv"
expect_rc 0 "export csv"
head -1 "$TMP/a.csv" >"$TMP/head" 2>/dev/null
for col in start end today deviceid username phone sim subscriber email audit where agree fruits age; do
	grep -Eq "(^|,)$col(,|\$)" "$TMP/head" && ok "column $col is exported" || not_ok "column $col is missing: $(cat "$TMP/head")"
done
col() { [ -f "$TMP/a.csv" ] && awk -F, -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next } { print $k }' "$TMP/a.csv" | sort -u | tr '\n' ' '; }
expect_eq "$(col phone)$(col sim)$(col subscriber)$(col email)$(col audit)$(col where)" "      " \
	"phonenumber, simserial, subscriberid, email, audit, start-geopoint are blank"
expect_eq "$(col username)" "Айгүл " "username is the interviewer"
echo "$(col today)" | grep -Eq '^(20[0-9]{2}-[01][0-9]-[0-3][0-9] )+$' \
	&& ok "get today is recorded as a date" || not_ok "get today: '$(col today)'"
run "$SURVEY" export "$TMP/a.db" --format json -o "$TMP/a.json"
expect_rc 0 "export json"
run "$SURVEY" export "$TMP/a.db" --format sav -o "$TMP/a.sav"
expect_rc 0 "export sav"
run "$SURVEY" export "$TMP/a.db" --format dta -o "$TMP/a.dta"
expect_rc 0 "export dta"

# pack and merge: the stored values pass merge's checks
run "$SURVEY" pack "$TMP/a.db" -o "$TMP/stick.db"
expect_rc 0 "pack"
run "$SURVEY" merge -o "$TMP/all.db" "$TMP/stick.db" --allow-simulated
expect_rc 0 "merge accepts interviews with blank metadata"
expect_out "6 new" "every interview is merged"

# re-import the export with the same form
run "$SURVEY" import $F/meta-legacy.md "$TMP/a.csv" --db "$TMP/b.db"
expect_rc 0 "import the export back"

done_testing
