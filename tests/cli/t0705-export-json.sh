# t0705-export-json: `survey export --format json` is one valid JSON document with the form's
# metadata (versions, languages, questions, choices) and every completed interview with all
# its answers and their states; awkward text (quotes, control characters, Cyrillic) survives.
. tests/lib.sh
export TZ=Asia/Bishkek
F=tests/fixtures/export
DB="$TMP/data.db"
"$SURVEY" simulate $F/basic.md -n 25 --seed 4 --specials 0.1 --db "$DB" --quiet || not_ok "simulate"
printf 'resp/name,resp/age,resp/sex,n_kids,_uuid\n"Tab\there, ""q"" \\ back\nline",7,1,0,33333333-3333-4333-8333-333333333333\n' >"$TMP/odd.csv"
"$SURVEY" import $F/basic.md "$TMP/odd.csv" --db "$DB" >/dev/null 2>&1 || not_ok "import an odd text"
run "$SURVEY" export "$DB" -o "$TMP/d.json"
expect_rc 0 "export json"
expect_out "exported [0-9]+ interviews \(1 form version\) to '.*d.json'$" "one file"
complete=$(sqlite3 "$DB" "SELECT count(*) FROM interviews WHERE status = 'complete'")
answers=$(sqlite3 "$DB" "SELECT count(*) FROM answers JOIN interviews USING (uuid) WHERE status = 'complete'")
if ! command -v jq >/dev/null 2>&1; then
	not_ok "jq is not installed (make test installs it: tools/install-deps)"
	done_testing
	exit $?
fi
jq -e . "$TMP/d.json" >/dev/null 2>&1 && ok "valid JSON" || not_ok "not valid JSON: $(jq . "$TMP/d.json" 2>&1 | head -2)"
expect_eq "$(jq -r '.form.id + " " + (.form.versions | join(",")) + " " + .form.language' "$TMP/d.json")" \
	"basic_export 1 ky" "the form's id, versions and language"
expect_eq "$(jq -r '[.form.languages[].code] | join(",")' "$TMP/d.json")" "ky,ru,en" "its languages"
expect_eq "$(jq -r '.form.questions[] | select(.path == "resp/sex") | .label + ": " + ([.choices[] | .name + "=" + .label] | join(" "))' "$TMP/d.json")" \
	"Жынысы: 1=Аял 2=Эркек" "a question with its choices"
expect_eq "$(jq -r '.form.questions[] | select(.path == "kid/kid_name") | .repeat' "$TMP/d.json")" "kid" "a question in a repeat"
expect_eq "$(jq '.interviews | length' "$TMP/d.json")" "$complete" "every completed interview"
expect_eq "$(jq '[.interviews[].answers | length] | add' "$TMP/d.json")" "$answers" "every answer"
expect_eq "$(jq -r '[.interviews[].answers[].state] | unique | join(",")' "$TMP/d.json")" \
	"answered,dont_know,refused" "answers carry their states"
expect_eq "$(jq -r '.interviews[] | select(.uuid == "33333333-3333-4333-8333-333333333333") | .answers[] | select(.path == "resp/name") | .value' "$TMP/d.json")" \
	"$(printf 'Tab\there, "q" \\ back\nline')" "tabs, quotes, backslashes and newlines survive"
expect_eq "$(jq -r '[.interviews[] | select(.status != "complete")] | length' "$TMP/d.json")" 0 "no drafts"
done_testing
