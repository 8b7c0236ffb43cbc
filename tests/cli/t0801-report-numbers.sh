# t0801-report-numbers: the numbers in the HTML and the XLSX report are survey tab's and survey
# freq's: counts and column percentages of cross-tabs, counts and valid percents of frequencies,
# read back from the HTML's data attributes and displayed text, and from the XLSX's sheet XML.
. tests/lib.sh
SPEC=reports/covid19-lsg/report.md

run "$SURVEY_FIXTURES" simulate surveys/covid19-lsg.md -n 300 --db "$TMP/sim.db" --seed 5 --quiet
expect_rc 0 "simulate"
run "$SURVEY" report "$TMP/sim.db" "$SPEC" -o "$TMP/r.html" --lang en
expect_rc 0 "HTML report"
run "$SURVEY" report "$TMP/sim.db" "$SPEC" -o "$TMP/r.xlsx" --lang en
expect_rc 0 "XLSX report"

# name row col: the spec's tables checked against survey tab
for t in "main_problem_oblast main_problem oblast" "severity_type main_problem_severity municipality_type" \
	 "problems_type problems municipality_type" "revenue_loss_oblast revenue_loss oblast"; do
	set -- $t
	"$SURVEY" tab "$TMP/sim.db" "$2" "$3" --cells count,col_pct --format json >"$TMP/$1.json" 2>"$TMP/err" ||
		not_ok "survey tab $2 $3: $(cat "$TMP/err")"
done
for f in main_problem problems revenue_loss; do
	"$SURVEY" freq "$TMP/sim.db" "$f" --format json >"$TMP/f-$f.json" 2>"$TMP/err" ||
		not_ok "survey freq $f: $(cat "$TMP/err")"
done

PYTHONPATH=tests python3 - "$TMP" "$T_N" >"$TMP/py.out" <<'PY'
import json, re, sys, zipfile, xml.etree.ElementTree as ET
from report_cells import begin, check, close, html_cells
tmp = sys.argv[1]
begin(int(sys.argv[2]))

# ---- the HTML: per table, per row code, per column code, per kind: value and text
t = html_cells(tmp + "/r.html")

def shown(v, kind):
    return ("%.1f%%" % v) if kind.endswith("pct") else format(round(v), ",")

for name in ["main_problem_oblast", "severity_type", "problems_type", "revenue_loss_oblast"]:
    tab = json.load(open(f"{tmp}/{name}.json"))["tables"][0]
    cells = t.get(name, {})
    bad = []
    for i, r in enumerate(tab["row_values"]):
        for j, c in enumerate(tab["col_values"]):
            for kind, want in (("count", tab["counts"][i][j]), ("col_pct", tab["cells"]["col_pct"][i][j])):
                got = cells.get((r, c, kind))
                if got is None or want is None:
                    if not (got is None and want is None) and not (got and got[0] is None and want is None):
                        bad.append((r, c, kind, got, want))
                    continue
                if not close(got[0], want) or got[1] != shown(want, kind):
                    bad.append((r, c, kind, got, want))
    check(cells and not bad, f"HTML {name}: counts and column % equal survey tab's ({len(tab['row_values'])}x{len(tab['col_values'])})" + (f": {bad[:3]}" if bad else ""))

# the test in words: its p is survey tab's (chi-square, or Fisher's with small expected counts)
raw = open(tmp + "/r.html", encoding="utf-8").read()
for name in ["main_problem_oblast", "severity_type", "revenue_loss_oblast"]:
    st = json.load(open(f"{tmp}/{name}.json"))["tables"][0]["stats"]
    sec = raw[raw.index(f'id="t-{name}"'):]
    sec = sec[:sec.index("</section>")]
    m = re.search(r"\((chi-square test|Fisher's exact test), p(?:\xa0)?([=<≈])(?:\xa0)?(?:\xa0)?([0-9.]+)\)", sec.replace("&#39;", "'"))
    if not m:
        check(False, f"{name}: no test sentence"); continue
    key = "pearson_chi2" if m.group(1).startswith("chi") else "fisher_exact"
    pv = st[key]["p"]
    want = "<0.001" if pv < 0.001 else "%.3f" % pv
    got = (m.group(2) if m.group(2) == "<" else "") + m.group(3)
    check(got == want, f"{name}: the p in words ({m.group(1)}, p {got}) is survey tab's {key} ({want})")

for var in ["main_problem", "problems", "revenue_loss"]:
    fr = json.load(open(f"{tmp}/f-{var}.json"))["variables"][0]
    cells = t.get(var, {})
    key = "cases_percent" if fr["kind"] == "multiple" else "valid_percent"
    bad = []
    for c in fr["categories"]:
        if c["missing"]: continue
        for k in ("count", key):
            got = cells.get((c["value"], k, "value"))
            if got is None or not close(got[0], c[k]) or got[1] != shown(c[k], "pct" if k != "count" else "count"):
                bad.append((c["value"], k, got, c[k]))
    check(cells and not bad, f"HTML freq {var}: counts and {key} equal survey freq's" + (f": {bad[:3]}" if bad else ""))

# ---- the XLSX: sheet by name, cells by reference; the Count and Column % blocks
z = zipfile.ZipFile(tmp + "/r.xlsx")
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
shared = [si.findtext(".//m:t", "", ns) if si.find("m:t", ns) is not None else "".join(t.text or "" for t in si.iter("{%s}t" % ns["m"]))
          for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns)]
rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
sheets = {s.get("name"): "xl/" + rels[s.get("{%s}id" % ns["r"])]
          for s in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", ns)}
def grid(name):
    g = {}
    for c in ET.fromstring(z.read(sheets[name])).iter("{%s}c" % ns["m"]):
        ref = c.get("r"); m = re.match(r"([A-Z]+)(\d+)", ref)
        col = 0
        for ch in m.group(1): col = col * 26 + ord(ch) - 64
        v = c.findtext("m:v", None, ns)
        if v is None: continue
        g[(int(m.group(2)), col)] = shared[int(v)] if c.get("t") == "s" else float(v)
    return g
numeric_ok = True
# a table's sheet is named as the report numbers it ("Table 7"): the number from the HTML
numbers = dict(re.findall(r'<section class="tbl" id="t-(\w+)">\s*<div class="keep">\s*<h3>Table (\d+)\.',
                          open(tmp + "/r.html", encoding="utf-8").read()))
for name in ["main_problem_oblast", "severity_type", "problems_type", "revenue_loss_oblast"]:
    tab = json.load(open(f"{tmp}/{name}.json"))["tables"][0]
    g = grid("Table " + numbers[name])
    nr, nc = len(tab["row_values"]), len(tab["col_values"])
    bad = []
    for label, key, scale in (("Count", "counts", 1), ("Column %", "col_pct", 100)):
        heads = [r for (r, c), v in g.items() if c == 1 and isinstance(v, str) and v.endswith("— " + label)]
        if len(heads) != 1:
            bad.append(("no block", label)); continue
        h = heads[0]
        want = tab["counts"] if key == "counts" else tab["cells"]["col_pct"]
        for i in range(nr):
            for j in range(nc):
                got = g.get((h + 1 + i, 2 + j))
                if want[i][j] is None:
                    continue
                if not isinstance(got, float) or not close(got * scale, want[i][j]):
                    bad.append((label, i, j, got, want[i][j]))
    check(not bad, f"XLSX {name}: counts and column % are numbers equal to survey tab's" + (f": {bad[:3]}" if bad else ""))
PY
cat "$TMP/py.out"
T_N=$((T_N + $(grep -c '^\(not \)\?ok ' "$TMP/py.out")))
T_FAILED=$((T_FAILED + $(grep -c '^not ok ' "$TMP/py.out")))
done_testing
