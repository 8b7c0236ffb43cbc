# t0814-report-passport: the methods passport and the report's language — the response rate
# when the spec names a frame size, the distinct units surveyed (survey freq's distinct answers),
# limitations, a glossary line for each statistic shown; captions "1-таблица." / "Таблица 1." /
# "Table 1."; short labels in the headers with the full question under the table; XLSX sheets
# named in the report's language with the statistics as numbers; the questionnaire annex.
. tests/lib.sh

run "$SURVEY_FIXTURES" simulate surveys/covid19-lsg.md -n 300 --db "$TMP/sim.db" --seed 6 --quiet
expect_rc 0 "simulate"
cat >"$TMP/p.md" <<'EOF'
| report |  |  |  |  |  |  |  |
|  | kind | name | row | col | title::English (en) | title::Russian (ru) | title::Kyrgyz (ky) |
|  | methods | m |  |  | Methods | Методология | Методология |
|  | section | s |  |  | Budget | Бюджет | Бюджет |
|  | freq | loss | revenue_loss |  | Revenue loss | Сокращение доходов | Кирешелердин кыскарышы |
|  | tab | loss_type | revenue_loss | municipality_type | Loss by type | По типу | Түрү боюнча |

| labels |  |  |  |  |
|  | name | label::English (en) | label::Russian (ru) | label::Kyrgyz (ky) |
|  | municipality_type | Type | Тип | Түрү |

| settings |  |  |  |  |
|  | form_id | frame_size | unit | questionnaire |
|  | covid19_lsg | 600 | municipality_name | yes |
EOF
for l in en ru ky; do
	run "$SURVEY" report "$TMP/sim.db" "$TMP/p.md" -o "$TMP/r.$l.html" --lang "$l"
	expect_rc 0 "report in $l"
done
run "$SURVEY" report "$TMP/sim.db" "$TMP/p.md" -o "$TMP/r.ky.xlsx" --lang ky
expect_rc 0 "XLSX in Kyrgyz"
run "$SURVEY" report "$TMP/sim.db" "$TMP/p.md" -o "$TMP/r.en.xlsx" --lang en
expect_rc 0 "XLSX in English"
"$SURVEY" freq "$TMP/sim.db" municipality_name --format json >"$TMP/units.json"
"$SURVEY" tab "$TMP/sim.db" revenue_loss municipality_type --format json >"$TMP/t.json"
complete=$("$SURVEY" freq "$TMP/sim.db" oblast --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["variables"][0]["n_cases"])')

python3 - "$TMP" "$T_N" "$complete" >"$TMP/py.out" <<'PY'
import json, re, sys, zipfile, xml.etree.ElementTree as ET
tmp, n, complete = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def check(cond, what):
    global n
    n += 1
    print(("ok" if cond else "not ok"), n, "-", what)
en = open(tmp + "/r.en.html", encoding="utf-8").read().replace("\xa0", " ")
ru = open(tmp + "/r.ru.html", encoding="utf-8").read()
ky = open(tmp + "/r.ky.html", encoding="utf-8").read()
rate = "%.1f%%" % (100 * complete / 600)
check(f"The sample frame lists 600 units; complete interviews: {complete}, a response rate of {rate}." in en,
      f"the response rate: {complete} of 600 = {rate}")
u = json.load(open(tmp + "/units.json"))["variables"][0]
distinct = sum(1 for c in u["categories"] if not c["missing"] and c["count"] > 0)
check(f"different answers to “Name of the municipality”): {distinct}." in en,
      f"the distinct units: survey freq's {distinct} different names")
check("Limitation: the data are simulated" in en and "Limitation: the tables are not weighted" in en,
      "limitations: simulated data, no weights")
gl = re.search(r'id="glossary">.*?</h3>\s*<ul class="findings">(.*?)</ul>', en, re.S)
lines = re.findall(r"<li>(.*?)</li>", gl.group(1)) if gl else []
for what in ("% of those answering:", "95% confidence interval", "p-value:", "Chi-square test", "Cramér&#39;s V:"):
    check(any(what.lower() in l.lower() for l in lines), f"the glossary explains {what}")
check(re.search(r"<h3>Table 1\. ", en) and re.search(r"<h3>Таблица 1\. ", ru) and re.search(r"<h3>1-таблица\. ", ky),
      "captions: Table 1. / Таблица 1. / 1-таблица.")
sec = re.search(r'<section class="tbl" id="t-loss_type">(.*?)</section>', en, re.S).group(1)
check('<th colspan="3">Type</th>' in sec, "the short label heads the columns")
q = sec.split("</table>")[1]
check("Columns: “Type of municipality”." in q, "the full question is under the table, quoted")
check("Тиркеме: анкета" in ky and "Бюджеттин каражаттары пандемияга каршы чараларга" in ky,
      "the questionnaire annex in Kyrgyz")
check("Приложение: анкета" in ru and "Annex: the questionnaire" in en, "and in Russian and English")
# no Russian word of the report's own in the Kyrgyz report (the questionnaire's own texts aside)
own = ky.split('<h2 id="questionnaire">')[0]
check(not re.search(r"\b(Таблица|Всего|Число|Примечание|Содержание|Ответы)\b", own),
      "Kyrgyz report: none of the Russian fixed words")
check(re.search("[ңөү]", own) is not None, "Kyrgyz report: ң ө ү")
# XLSX: sheets named in the language, statistics as numbers
def sheets(path):
    z = zipfile.ZipFile(path)
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    return z, [s.get("name") for s in ET.fromstring(z.read("xl/workbook.xml")).iter("{%s}sheet" % ns["m"])]
z, names = sheets(tmp + "/r.ky.xlsx")
check(names[0] == "Мазмуну" and "1-таблица" in names and "2-таблица" in names, f"Kyrgyz sheet names: {names[:4]}")
z, names = sheets(tmp + "/r.en.xlsx")
check(names[0] == "Contents" and "Table 1" in names, f"English sheet names: {names[:4]}")
t = json.load(open(tmp + "/t.json"))["tables"][0]
chi = t["stats"]["pearson_chi2"]
idx = names.index("Table 3")
xml = z.read(f"xl/worksheets/sheet{idx + 1}.xml").decode()
nums = [float(v) for v in re.findall(r'<c r="[B-D]\d+"[^>]*><v>([^<]+)</v></c>', xml)]
check(any(abs(v - chi["value"]) < 1e-9 for v in nums) and any(abs(v - chi["p"]) < 1e-12 for v in nums)
      and chi["df"] in nums, f"XLSX: chi-square {chi['value']:.3f}, df {chi['df']}, p {chi['p']:.3f} as numbers")
PY
cat "$TMP/py.out"
T_N=$((T_N + $(grep -c '^\(not \)\?ok' "$TMP/py.out")))
T_FAILED=$((T_FAILED + $(grep -c '^not ok' "$TMP/py.out")))
grep -q '^ok' "$TMP/py.out" || not_ok "the checker ran"
done_testing
