# t1105-seal-analysis: freq, tab, export, list and report on a file with sealed interviews leave
# them out and say how many there are and that the key is needed (one line on stderr; in the
# report's methods, in the report's language); once unsealed they count and nothing is said.
. tests/lib.sh
. tests/cli/seal-lib.sh
keys coord
form=surveys/covid19-lsg.md
"$SURVEY" simulate "$form" -n 40 --db "$TMP/all.db" --seed 3 --quiet || not_ok "simulate plain"
"$SURVEY" simulate "$form" -n 20 --drafts 0 --db "$TMP/all.db" --seed 4 --quiet \
	--public-key "$TMP/coord.pub" || not_ok "simulate sealed"
sealed=$(Q "$TMP/all.db" "SELECT count(*) FROM sealed")
expect_eq "$sealed" 20 "twenty sealed interviews beside forty plain ones"
note="^survey: 20 interview\(s\) in '.*all.db' sealed for the coordinator and left out; the key is needed: survey unseal '.*all.db' --key NAME.key$"
plain=$("$SURVEY" freq "$TMP/all.db" oblast --format json 2>/dev/null |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["variables"][0]["n_cases"])')

run "$SURVEY" freq "$TMP/all.db" oblast
expect_rc 0 "freq"
expect_err "$note" "freq says how many are sealed"
expect_err_lines 1 "in one line"
run "$SURVEY" tab "$TMP/all.db" oblast municipality_type
expect_rc 0 "tab"
expect_err "$note" "tab says it too"
expect_err_lines 1 "in one line"
run "$SURVEY" export "$TMP/all.db" --format csv -o "$TMP/x.csv"
expect_rc 0 "export"
expect_err "$note" "export says it too"
expect_eq "$(($(wc -l <"$TMP/x.csv") - 1))" "$plain" "the export holds the plain complete interviews"
run "$SURVEY" list "$TMP/all.db" --lang ru
expect_rc 0 "list"
expect_err "^survey: в '.*all.db' интервью, запечатанных для координатора и не вошедших в подсчёт: 20; нужен ключ" "list says it in the chosen language"
cat >"$TMP/spec.md" <<'MD'
| report |  |  |  |  |  |  |  |
|  | kind | name | row | col | title::English (en) | title::Russian (ru) | title::Kyrgyz (ky) |
|  | methods | m |  |  | Methods | Методология | Методология |
|  | freq | ob | oblast |  | Oblast | Область | Облус |

| settings |  |
|  | form_id |
|  | covid19_lsg |
MD
run "$SURVEY" report "$TMP/all.db" "$TMP/spec.md" -o "$TMP/r.md" --lang en
expect_rc 0 "report"
expect_err "$note" "report says it on stderr"
grep -q "Limitation: 20 interviews are sealed for the coordinator (encrypted) and are not in this report" "$TMP/r.md" &&
	ok "and in its methods" || not_ok "the methods do not name the sealed interviews"
run "$SURVEY" report "$TMP/all.db" "$TMP/spec.md" -o "$TMP/r.ky.md" --lang ky
grep -q "Чектөө: 20 интервью координатор үчүн мөөрлөнгөн" "$TMP/r.ky.md" &&
	ok "in Kyrgyz too" || not_ok "no Kyrgyz sentence for the sealed interviews"

run "$SURVEY" unseal "$TMP/all.db" --key "$TMP/coord.key"
expect_rc 0 "unseal"
run "$SURVEY" freq "$TMP/all.db" oblast --format json
expect_err_lines 0 "once unsealed freq says nothing"
expect_eq "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["variables"][0]["n_cases"])' <"$TMP/out")" "$((plain + 20))" \
	"and counts them"
run "$SURVEY" report "$TMP/all.db" "$TMP/spec.md" -o "$TMP/r2.md" --lang en
grep -q "sealed" "$TMP/r2.md" && not_ok "the report still names sealed interviews" || ok "nor does the report"
done_testing
