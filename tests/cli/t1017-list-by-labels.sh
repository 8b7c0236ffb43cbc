# t1017-list-by-labels: `survey list HQ.db --by COLUMN` shows a stratum by its choice label in
# the listing's language (--lang ky|ru|en, else the locale's) with its code in brackets, as a
# coordinator reads it and types it (--where oblast=chuy); the JSON gives "label" next to every
# stratum's and never-reached unit's code. A value with no label (a frame column that is no
# select question, a code not in the choices) shows the code. No line is wider than 80 columns:
# a name too long for its column goes on a line of its own, its counts on the next. A label with
# a control character is escaped on the terminal and in JSON. Strata come in the order of the
# choice list (the questionnaire's order of the oblasts), values that are no choice after them.
. tests/lib.sh
FORM=surveys/covid19-lsg.md
HQ=$TMP/hq.db
"$SURVEY" frame $FORM tests/fixtures/fieldwork/frame-60.csv --db "$HQ" >/dev/null
"$SURVEY" assign "$HQ" --interviewer 'Айгүл' --where oblast=chuy >/dev/null

# the counts of a stratum: on its line, or on the next one when the name has a line of its own
counts() { # counts NAME-REGEX: the numbers shown for the stratum
	awk -v re="$1" '$0 ~ "^" re "( |$)" { if ($0 ~ re "$") { getline; print $0 } else { sub("^" re " +", ""); print $0 } }' "$TMP/out" | tr -s ' ' | sed 's/^ //'
}
widest() { python3 -c 'import sys, unicodedata
print(max(sum(0 if unicodedata.combining(c) else 1 for c in l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$TMP/out"; }

run "$SURVEY" list "$HQ" --by oblast --lang ky
expect_rc 0 "in Kyrgyz"
expect_out '^Чүй облусу \(chuy\)' "the Kyrgyz label, then the code"
expect_eq "$(counts 'Чүй облусу \(chuy\)')" "9 9 0 0 0 0%" "its counts"
expect_out '^Жалал-Абад облусу \(jalal_abad\)' "another oblast"
expect_out '^  CH-01  Чүй облусу \(chuy\)  Айгүл$' "a unit never reached, by its label"
grep -q '^chuy ' "$TMP/out" && not_ok "the code alone as a row's name" || ok "no row named by its code alone"
[ "$(widest)" -le 80 ] && ok "no line over 80 columns in Kyrgyz" || not_ok "a line of $(widest) columns in Kyrgyz"

run "$SURVEY" list "$HQ" --by oblast --lang ru
expect_out '^Чуйская область \(chuy\)' "in Russian"
expect_eq "$(counts 'Чуйская область \(chuy\)')" "9 9 0 0 0 0%" "its counts in Russian"
[ "$(widest)" -le 80 ] && ok "no line over 80 columns in Russian" || not_ok "a line of $(widest) columns in Russian"

run "$SURVEY" list "$HQ" --by oblast --lang en
expect_out '^Chuy Oblast \(chuy\) +9 +9 +0 +0 +0 +0%$' "in English, on one line"
expect_out '^Osh city \(osh_city\) +1 +0 ' "a city"
[ "$(widest)" -le 80 ] && ok "no line over 80 columns in English" || not_ok "a line of $(widest) columns in English"
# strata in the questionnaire's order of the choices (Batken, Jalal-Abad, ... Chuy, Bishkek city,
# Osh city), not sorted by code; the JSON likewise
order=$(grep -o '([a-z_]*)' "$TMP/out" | tr -d '()' | awk '!seen[$0]++' | paste -sd' ' -)
expect_eq "$order" "batken jalal_abad issyk_kul naryn osh talas chuy bishkek_city osh_city" \
	"strata in the order of the choice list"
run "$SURVEY" list "$HQ" --by oblast --json
expect_eq "$(jq -r '[.strata[].value] | join(" ")' "$TMP/out")" \
	"batken jalal_abad issyk_kul naryn osh talas chuy bishkek_city osh_city" \
	"JSON strata in the order of the choice list"

env LANG=ru_RU.UTF-8 LC_ALL= LC_MESSAGES= "$SURVEY" list "$HQ" --by oblast >"$TMP/out" 2>"$TMP/err"
expect_out '^Чуйская область \(chuy\)' "without --lang: the locale's language"

run "$SURVEY" list "$HQ" --by district --lang ky
expect_out '^Кемин району \(kemin\)' "any select column: a district"

# JSON: the label next to the code, in the chosen language
for l in ky:Чүй\ облусу ru:Чуйская\ область en:Chuy\ Oblast; do
	lang=${l%%:*} want=${l#*:}
	run "$SURVEY" list "$HQ" --by oblast --json --lang $lang
	python3 - "$TMP/out" "$want" <<'PY' && ok "JSON labels in $lang" || not_ok "JSON labels in $lang: $(head -c 300 "$TMP/out")"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
chuy = [s for s in d["strata"] if s["value"] == "chuy"][0]
assert chuy["label"] == sys.argv[2] and chuy["units"] == 9, chuy
assert all("label" in s and s["label"] for s in d["strata"]), d["strata"]
n = [u for u in d["never_reached"] if u["unit_id"] == "CH-01"][0]
assert n["value"] == "chuy" and n["label"] == sys.argv[2], n
assert "label" not in d["total"] and d["total"]["units"] == 60
PY
done

# no label: a column that is no select question, a code not in the choices
run "$SURVEY" list "$HQ" --by municipality_name --lang ky
expect_out '^Лебединовка айыл өкмөтү$' "a text column: its value, no brackets"
expect_eq "$(counts 'Лебединовка айыл өкмөтү')" "1 1 0 0 0 0%" "its counts"
cp "$HQ" "$TMP/mars.db"
sqlite3 "$TMP/mars.db" "UPDATE frame SET data = json_set(data, '$.oblast', 'mars') WHERE unit_id = 'TL-07'"
run "$SURVEY" list "$TMP/mars.db" --by oblast --lang ky
expect_out '^mars +1 +0 ' "a code not in the choices: the code"
expect_out '^  TL-07  mars$' "the same in the units never reached"
run "$SURVEY" list "$TMP/mars.db" --by oblast --json --lang ru
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); m=[s for s in d["strata"] if s["value"]=="mars"][0]; assert m["label"]=="mars"' "$TMP/out" \
	&& ok "a code not in the choices: its label is the code in JSON" || not_ok "bad JSON for a code without label: $(head -c 300 "$TMP/out")"

# a label with a control character
esc=$(printf '\033')
sed "s/| | oblast | chuy | Chuy Oblast | Чүй облусу |/| | oblast | chuy | Chuy Oblast | Чүй${esc}[31m облусу |/" \
	tests/fixtures/fieldwork/mini.md >"$TMP/ctl.md"
"$SURVEY" frame "$TMP/ctl.md" tests/fixtures/fieldwork/mini-frame.csv --db "$TMP/ctl.db" >/dev/null
run "$SURVEY" list "$TMP/ctl.db" --by oblast --lang ky
expect_rc 0 "a label with a control character"
grep -q "$esc" "$TMP/out" && not_ok "a raw control character reached the terminal" || ok "no raw control character on the terminal"
grep -qF 'Чүй\x1b[31m облусу (chuy)' "$TMP/out" && ok "the label is shown escaped" || not_ok "the escaped label is missing: $(cat -v "$TMP/out" | head -5)"
run "$SURVEY" list "$TMP/ctl.db" --by oblast --lang ky --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["strata"][0]["label"] == "Чүй\x1b[31m облусу"' "$TMP/out" \
	&& ok "the JSON keeps the label, escaped as JSON" || not_ok "bad JSON label: $(cat -v "$TMP/out" | head -c 300)"
grep -q "$esc" "$TMP/out" && not_ok "a raw control character in the JSON" || ok "no raw control character in the JSON"
done_testing
