# t0813-report-multiple: multiple-response tables state their bases (the interviews of each
# column, survey tab's col_totals and survey freq's valid) and never show a 100% total; the
# percentages are of those bases. Each choice is tested on its own (survey tab's choice_tests,
# Holm's correction): the table names exactly the choices whose adjusted p is below 0.05, or says
# that none differs; no ▲▼ is drawn. A table built to differ (t0810's forced form) names its choice.
. tests/lib.sh
SPEC=reports/covid19-lsg/report.md

run "$SURVEY_FIXTURES" simulate surveys/covid19-lsg.md -n 300 --db "$TMP/sim.db" --seed 4 --quiet
expect_rc 0 "simulate"
run "$SURVEY" report "$TMP/sim.db" "$SPEC" -o "$TMP/r.html" --lang en
expect_rc 0 "HTML report"
run "$SURVEY" report "$TMP/sim.db" "$SPEC" -o "$TMP/r.md" --lang en
expect_rc 0 "Markdown report"
"$SURVEY" tab "$TMP/sim.db" problems municipality_type --format json >"$TMP/t.json"
"$SURVEY" freq "$TMP/sim.db" problems --format json >"$TMP/f.json"

python3 - "$TMP" "$T_N" >"$TMP/py.out" <<'PY'
import json, re, sys
tmp, n = sys.argv[1], int(sys.argv[2])
def check(cond, what):
    global n
    n += 1
    print(("ok" if cond else "not ok"), n, "-", what)
h = open(tmp + "/r.html", encoding="utf-8").read()
def section(name):
    m = re.search(r'<section class="tbl" id="t-%s">(.*?)</section>' % name, h, re.S)
    return m.group(1) if m else ""
t = json.load(open(tmp + "/t.json"))["tables"][0]
f = json.load(open(tmp + "/f.json"))["variables"][0]
s = section("problems_type")
base = re.search(r'<tr class="total"><th scope="row">(.*?)</th>(.*?)</tr>', s, re.S)
check(base and base.group(1) == "Base: interviews", "the cross-tab's last row is its base, so named")
cells = re.findall(r'data-k="(\w+)"(?: data-v="([^"]*)")?>', base.group(2)) if base else []
counts = [float(v) for k, v in cells if k == "count"]
pcts = [v for k, v in cells if k == "col_pct"]
check(counts[:-1] == t["col_totals"] and counts[-1] == sum(t["col_totals"]),
      f"the bases are survey tab's interviews per column {t['col_totals']}")
check(pcts and all(v == "" for v in pcts), "no percentage in the base row (no “100%”)")
check("100.0%" not in base.group(2) if base else False, "no 100.0% total")
ct = t["choice_tests"]
labels = dict(zip(t["row_values"], t["row_labels"]))
want = sorted(labels[ch["value"]] for ch in ct["choices"] if ch.get("p_adj") is not None and ch["p_adj"] < 0.05)
got = sorted(re.findall(r"“([^”]*)”: the share choosing this answer differs between the groups", s))
check(ct["correction"] == "holm" and got == want, f"the table names the choices survey tab finds different: {want}")
if not want:
    check("tested answer by answer (Holm&#39;s correction), no answer differs" in s, "and says that none differs")
check("data-flag" not in s, "and draws no ▲▼")
fs = section("problems")
fb = re.search(r'<tr class="total"><th scope="row">(.*?)</th>(.*?)</tr>', fs, re.S)
fc = re.findall(r'data-k="value"(?: data-v="([^"]*)")?>', fb.group(2)) if fb else []
check(fb and fb.group(1) == "Base: interviews" and fc and float(fc[0]) == f["valid"] and all(v == "" for v in fc[1:]),
      f"the frequency's base is survey freq's {f['valid']} interviews answering, without a percentage")
md = open(tmp + "/r.md", encoding="utf-8").read()
m = re.search(r"### Table \d+\. Problems faced by type of municipality(.*?)###", md, re.S)
check(m and "**Base: interviews** | – (" in m.group(1) and "100.0%" not in m.group(1),
      "Markdown: the base row, no 100%")
check(re.search(r"Several answers: the percentages are of the interviews \(the base\)", h) is not None,
      "the glossary explains the base")
PY
cat "$TMP/py.out"
T_N=$((T_N + $(grep -c '^\(not \)\?ok' "$TMP/py.out")))
T_FAILED=$((T_FAILED + $(grep -c '^not ok' "$TMP/py.out")))
grep -q '^ok' "$TMP/py.out" || not_ok "the checker ran"
# a select_multiple whose answers the groups force: X only in group A, Y only in B, Z half in each
cat >"$TMP/mr.md" <<'EOF'
| survey |  |  |  |  |
|  | type | name | label::English (en) | required |
|  | select_one grp | grp | Group | yes |
|  | select_multiple ch | m | Chosen | yes |
| choices |  |  |  |
|  | list_name | name | label::English (en) |
|  | grp | a | Group A |
|  | grp | b | Group B |
|  | ch | x | Answer X |
|  | ch | y | Answer Y |
|  | ch | z | Answer Z |
| settings |  |  |
|  | form_id | version |
|  | mr | 1 |
EOF
python3 -c "
print('KEY,grp,m')
for i in range(80):
    g = 'a' if i < 40 else 'b'
    m = ('x' if g == 'a' else 'y') + (' z' if i % 2 else '')
    print('uuid:00000000-0000-4000-8000-%012d,%s,%s' % (i + 1, g, m))
" >"$TMP/mr.csv"
cat >"$TMP/mrspec.md" <<'EOF'
| report |  |  |  |  |  |
|  | kind | name | row | col | title::English (en) |
|  | section | s |  |  | Choices |
|  | tab | m_grp | m | grp | Chosen by group |
EOF
run "$SURVEY" import "$TMP/mr.md" "$TMP/mr.csv" --db "$TMP/mr.db"
expect_rc 0 "import the forced answers"
run "$SURVEY" report "$TMP/mr.db" "$TMP/mrspec.md" -o "$TMP/mr.html" --lang en
expect_rc 0 "report on them"
for a in X Y; do
	if grep -q "“Answer $a”: the share choosing this answer differs between the groups (p" "$TMP/mr.html"
	then ok "answer $a, chosen by one group only, is named as different"
	else not_ok "answer $a is not named as different"; fi
done
if grep -q "“Answer Z”: the share" "$TMP/mr.html"; then not_ok "answer Z (half in each group) is named"
else ok "answer Z, chosen alike, is not named"; fi
done_testing
