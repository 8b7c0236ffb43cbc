# t0812-report-open-answers: text questions and "other, specify" in the report — `check --report`
# accepts an answers row of a text question (and says what to use when a freq names one); every
# answer is listed by oblast with identical answers counted once, as survey freq counts them; a
# long list is cut in the body and printed whole in the annex; hostile answers (markup, pipes,
# a line break, an escape sequence) are escaped in HTML, Markdown and XLSX.
. tests/lib.sh
SPEC=reports/covid19-lsg/report.md

run "$SURVEY" check surveys/covid19-lsg.md --report "$SPEC"
expect_rc 0 "the shipped spec with its answers rows checks"
cat >"$TMP/bad.md" <<'EOF'
| report |  |  |  |  |  |
|  | kind | name | row | by | title::English (en) |
|  | answers | a1 | oblast |  | Oblast as text |
|  | freq | f1 | recommendations |  | Recommendations |
|  | answers | a2 | recommendations | nosuch | Recommendations |
EOF
run "$SURVEY" check surveys/covid19-lsg.md --report "$TMP/bad.md"
expect_rc 1 "answers of a choice question, a freq of a text question: errors"
cat "$TMP/err" >>"$TMP/out"
expect_out "bad\.md:report:[0-9]+: error: row: 'oblast' is a select_one question: an answers row lists the answers to a text question" \
	"an answers row needs a text question"
expect_out "bad\.md:report:[0-9]+: error: row: 'recommendations' is a text question: .*list them with an answers row" \
	"a freq of a text question points to answers rows"
expect_out "bad\.md:report:[0-9]+: error: by: unknown question 'nosuch'" "an unknown grouping question"

run schema7 "$SURVEY_FIXTURES" simulate surveys/covid19-lsg.md -n 300 --db "$TMP/sim.db" --seed 2 --quiet   # answers crafted below
expect_rc 0 "simulate"
# hostile and identical answers, written into the file as an interviewer's laptop would keep them
python3 - "$TMP/sim.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
uu = [r[0] for r in db.execute("select uuid from answers where path='needs_section/recommendations' "
                               "and state='answered' order by uuid")]
def put(v, ids):
    db.executemany("update answers set value=? where uuid=? and path='needs_section/recommendations'",
                   [(v, u) for u in ids])
put('<script>alert(1)</script> | *bold* [x](y) & "q"', uu[0:3])
put("Same answer", uu[3:8])
put("line one\nline two\x1b[31m", uu[8:9])
db.commit()
PY
for f in html md xlsx; do
	run "$SURVEY" report "$TMP/sim.db" "$SPEC" -o "$TMP/r.$f" --lang en
	expect_rc 0 "the report as $f"
done
"$SURVEY" freq "$TMP/sim.db" recommendations --format json >"$TMP/all.json"
for o in batken jalal_abad issyk_kul naryn osh talas chuy bishkek_city osh_city; do
	"$SURVEY" freq "$TMP/sim.db" recommendations --where "\${oblast} = '$o'" --format json >"$TMP/o-$o.json"
done
"$SURVEY" freq "$TMP/sim.db" oblast --lang en --format json >"$TMP/oblast.json"

python3 - "$TMP" "$T_N" >"$TMP/py.out" <<'PY'
import html.parser, json, re, sys, zipfile
tmp, n = sys.argv[1], int(sys.argv[2])
def check(cond, what):
    global n
    n += 1
    print(("ok" if cond else "not ok"), n, "-", what)
class P(html.parser.HTMLParser):
    """Per table id: per layer heading, the (answer, count) rows; and the table's lines."""
    def __init__(s):
        super().__init__(); s.t = {}; s.tbl = None; s.layer = None; s.th = None; s.row = None
        s.h4 = None; s.p = None
    def handle_starttag(s, tag, a):
        a = dict(a)
        if tag == "section" and a.get("class") == "tbl":
            s.tbl = a["id"][2:]; s.t[s.tbl] = {"layers": {}, "lines": []}; s.layer = ""
        elif tag == "h4": s.h4 = ""
        elif tag == "th" and a.get("scope") == "row": s.th = ""
        elif tag == "span" and a.get("data-k") == "count" and s.row is not None:
            s.t[s.tbl]["layers"].setdefault(s.layer, []).append((s.row, float(a["data-v"])))
            s.row = None
        elif tag == "p": s.p = ""
    def handle_endtag(s, tag):
        if tag == "h4" and s.h4 is not None: s.layer = s.h4; s.h4 = None
        if tag == "th" and s.th is not None: s.row = s.th; s.th = None
        if tag == "p" and s.p is not None and s.tbl: s.t[s.tbl]["lines"].append(s.p); s.p = None
    def handle_data(s, d):
        if s.h4 is not None: s.h4 += d
        if s.th is not None: s.th += d
        if s.p is not None: s.p += d
raw = open(tmp + "/r.html", encoding="utf-8").read()
p = P(); p.feed(raw)
labels = {c["value"]: c["label"] for c in json.load(open(tmp + "/oblast.json"))["variables"][0]["categories"]}
full = p.t.get("recommendations_list_all")
body = p.t.get("recommendations_list")
check(full is not None and body is not None, "the recommendations in the body and, whole, in the annex")
good = True
for code, label in labels.items():
    v = json.load(open(f"{tmp}/o-{code}.json"))["variables"][0]
    want = sorted((c["value"].replace("\n", " ").replace("\x1b", " "), c["count"]) for c in v["categories"]
                  if not c["missing"] and c["count"] > 0)
    layer = next((k for k in full["layers"] if k.startswith(label + " (")), None)
    got = sorted((t.replace("\n", " "), c) for t, c in full["layers"].get(layer, []))
    ok_ = [w for w, _ in want] == [g for g, _ in got] and [c for _, c in want] == [c for _, c in got]
    good &= ok_ and (layer is not None or not want)
    if not ok_:
        print("# ", code, want[:3], got[:3])
check(good, "annex: every answer of every oblast, each once with survey freq's count")
counts = {}
for rows in full["layers"].values():
    for t, c in rows:
        counts[t] = counts.get(t, 0) + c
check(counts.get("Same answer") == 5, "identical answers counted (Same answer: 5)")
check(all(len(r) <= 8 for r in body["layers"].values()) and any(len(r) == 8 for r in body["layers"].values()),
      "the body shows at most the spec's limit of 8 answers per oblast")
check(any("the full list is in the annex" in l for l in body["lines"]), "and says where the rest is")
allv = json.load(open(tmp + "/all.json"))["variables"][0]
distinct = sum(1 for c in allv["categories"] if not c["missing"] and c["count"] > 0)
check(any(re.search(r"Answers given: %s; different answers: %s\." % (
    format(int(allv["valid"]), ","), format(distinct, ",")), l) for l in body["lines"]),
    "the numbers of answers and of different answers")
check("<script>alert" not in raw and "&lt;script&gt;alert(1)&lt;/script&gt;" in raw and "\x1b" not in raw,
      "HTML: the markup of an answer is escaped, no escape character")
md = open(tmp + "/r.md", encoding="utf-8").read()
check("\\<script>alert(1)\\</script> \\| \\*bold\\* \\[x\\](y)" in md, "Markdown: pipes and markup escaped")
check("\x1b" not in md and "line one line two" in md, "Markdown: a line break and an escape become spaces")
z = zipfile.ZipFile(tmp + "/r.xlsx")
import xml.etree.ElementTree as ET
strings = " ".join(t.text or "" for t in ET.fromstring(z.read("xl/sharedStrings.xml")).iter()
                   if t.tag.endswith("}t"))
check('<script>alert(1)</script> | *bold* [x](y) & "q"' in strings, "XLSX: the answer as text, exactly")
check(all(ET.fromstring(z.read(f)) is not None for f in z.namelist() if f.endswith(".xml")),
      "XLSX: every part is well-formed XML")
PY
cat "$TMP/py.out"
T_N=$((T_N + $(grep -c '^\(not \)\?ok' "$TMP/py.out")))
T_FAILED=$((T_FAILED + $(grep -c '^not ok' "$TMP/py.out")))
grep -q '^ok' "$TMP/py.out" || not_ok "the checker ran"
done_testing
