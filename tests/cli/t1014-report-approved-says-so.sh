# t1014-report-approved-says-so: `survey report --status approved` says in the report itself, in
# every format (HTML, Markdown, XLSX) and language (en, ru, ky), that only the interviews a
# supervisor approved are counted, with both numbers (approved of complete); the interviewers'
# table counts the same approved interviews. Without --status the sentence is absent. `freq` and
# `tab --status approved` say it too, in their text notes and their JSON notes (in CSV, which has
# no notes, on stderr).
. tests/lib.sh
FORM=surveys/covid19-lsg.md
DB=$TMP/hq.db
"$SURVEY" simulate "$FORM" -n 12 --db "$DB" --seed 11 --drafts 0 --quiet 2>/dev/null
"$SURVEY" review "$DB" --json >"$TMP/q.json"
for u in $(python3 -c 'import json,sys; print(" ".join(i["uuid"] for i in json.load(open(sys.argv[1]))["interviews"][:3]))' "$TMP/q.json"); do
	"$SURVEY" review "$DB" --approve "$u" --reviewer Boss >/dev/null
done
cat >"$TMP/spec.md" <<EOF
| report |  |  |  |
|  | kind | name | row |
|  | freq | f_oblast | oblast |

| settings |  |
|  | form_id |
|  | covid19_lsg |
EOF

EN="Complete interviews: 12; of them approved by a supervisor and counted: 3 ('survey review')."
RU="Завершённых интервью: 12, из них утверждено супервайзером и учтено: 3."
KY="Аяктаган интервьюлар: 12, алардын ичинен супервайзер бекиткени жана эсепке алынганы: 3."
for lang in en ru ky; do
	case $lang in en) want=$EN ;; ru) want=$RU ;; ky) want=$KY ;; esac
	run "$SURVEY" report "$DB" "$TMP/spec.md" -o "$TMP/r_$lang.html" -o "$TMP/r_$lang.md" \
		-o "$TMP/r_$lang.xlsx" --lang "$lang" --status approved --quiet
	expect_rc 0 "report --status approved --lang $lang"
	# the sentence as text (HTML escapes the apostrophes; the XLSX keeps its strings in XML)
	for f in html md; do
		python3 - "$TMP/r_$lang.$f" "$want" <<'PY' && ok "$lang $f: the approved-only sentence" || not_ok "$lang $f: no approved-only sentence"
import html, sys
t = html.unescape(open(sys.argv[1], encoding="utf-8").read()).replace("\\'", "'")
sys.exit(0 if sys.argv[2] in t else 1)
PY
	done
	python3 - "$TMP/r_$lang.xlsx" "$want" <<'PY' && ok "$lang xlsx: the approved-only sentence" || not_ok "$lang xlsx: no approved-only sentence"
import html, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
t = "".join(html.unescape(z.read(n).decode("utf-8")) for n in z.namelist() if n.endswith(".xml"))
sys.exit(0 if sys.argv[2] in t else 1)
PY
done
# the interviewers' table counts the approved interviews: its total row is 3
python3 - "$TMP/r_en.md" <<'PY' && ok "the interviewers' total is the approved count" || not_ok "the interviewers' total: $(grep -A12 -i 'by interviewer' "$TMP/r_en.md" | tail -4)"
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"\| *\**Total\** *\| *(\d+) *\| *100", t)
sys.exit(0 if m and m.group(1) == "3" else 1)
PY

run "$SURVEY" report "$DB" "$TMP/spec.md" -o "$TMP/all.md" --lang en --quiet
expect_rc 0 "report without --status"
if grep -q "approved by a supervisor" "$TMP/all.md"; then not_ok "the sentence without --status"; else ok "no approved sentence without --status"; fi
grep -q "Complete interviews in this report: 12" "$TMP/all.md" && ok "all 12 counted without --status" || not_ok "the count without --status"

# freq and tab say it in their notes (text and JSON)
run "$SURVEY" freq "$DB" oblast --status approved
expect_rc 0 "freq --status approved"
expect_out "^note: only the interviews a supervisor approved are counted \('survey review'\): 3 of the 12 complete interviews" "freq's text says approved-only, with the numbers"
run "$SURVEY" freq "$DB" oblast --status approved --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); v=d["variables"][0]; assert d["status"]=="approved"; assert any("3 of the 12 complete interviews" in str(n) for n in v["notes"]), v["notes"]' "$TMP/out" &&
	ok "freq's JSON notes say approved-only" || not_ok "freq JSON: $(head -c 300 "$TMP/out")"
run "$SURVEY" tab "$DB" oblast gender --status approved
expect_rc 0 "tab --status approved"
expect_out "only the interviews a supervisor approved are counted \('survey review'\): 3 of the 12 complete interviews" "tab's text says approved-only"
run "$SURVEY" tab "$DB" oblast gender --status approved --format json
grep -q "3 of the 12 complete interviews" "$TMP/out" && ok "tab's JSON says approved-only" || not_ok "tab JSON: $(head -c 300 "$TMP/out")"
# CSV has no notes: the approved-only one goes to stderr, the CSV stays as it was
for c in "freq $DB oblast" "tab $DB oblast gender"; do
	run "$SURVEY" $c --status approved --format csv
	expect_rc 0 "${c%% *} --format csv --status approved"
	expect_err "^survey: note: only the interviews a supervisor approved are counted \('survey review'\): 3 of the 12 complete interviews$" "${c%% *} CSV: the note on stderr"
	if grep -q "supervisor" "$TMP/out"; then not_ok "${c%% *} CSV: the note in the CSV"; else ok "${c%% *} CSV: the CSV without it"; fi
done
run "$SURVEY" freq "$DB" oblast
if grep -q "supervisor approved" "$TMP/out"; then not_ok "freq without --status mentions approval"; else ok "freq without --status: no approval note"; fi
done_testing
