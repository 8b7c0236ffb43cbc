# t0813-report-multiple: multiple-response tables state their bases (the interviews of each
# column, survey tab's col_totals and survey freq's valid) and never show a 100% total; the
# percentages are of those bases. A test per choice is not given yet (survey tab offers none for a
# select_multiple row): the table says so rather than leaving a silent gap, and no ▲▼ is drawn.
. tests/lib.sh
SPEC=reports/covid19-lsg/report.md

run "$SURVEY" simulate surveys/covid19-lsg.md -n 300 --db "$TMP/sim.db" --seed 4 --quiet
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
check("no test per answer is given for this table yet" in s, "the table says no test per choice is given yet")
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
done_testing
