# t0810-report-findings: the key findings at the top of the report, every sentence checked
# against survey freq's and survey tab's JSON — the top answers with their share and interval,
# and each significant difference (adjusted standardized residual beyond the Bonferroni critical
# value, p corrected for the table's cells) with its direction — and the ▲▼ marks in the tables
# exactly on those cells. The shipped spec on 2000 simulated interviews, and a spec with a
# cross-tab whose association the questionnaire forces (Bishkek and Osh are city halls).
. tests/lib.sh
SPEC=reports/covid19-lsg/report.md

run "$SURVEY_FIXTURES" simulate surveys/covid19-lsg.md -n 2000 --db "$TMP/sim.db" --seed 1 --quiet
expect_rc 0 "simulate 2000 interviews"
run "$SURVEY" report "$TMP/sim.db" "$SPEC" -o "$TMP/r.html" --lang en
expect_rc 0 "the shipped report"
cat >"$TMP/forced.md" <<'EOF'
| report |  |  |  |  |  |  |
|  | kind | name | row | col | title::English (en) | title::Kyrgyz (ky) |
|  | section | s |  |  | Types | Түрлөр |
|  | tab | type_oblast | municipality_type | oblast | Type by oblast | Облустар боюнча түрү |
|  | tab | oblast_type | oblast | municipality_type | Oblast by type | Түрү боюнча облус |
|  | freq | hearings | budget_hearings |  | Hearings | Угуулар |
EOF
run "$SURVEY" report "$TMP/sim.db" "$TMP/forced.md" -o "$TMP/f.html" --lang en
expect_rc 0 "a report with a forced association"
run "$SURVEY" report "$TMP/sim.db" "$TMP/forced.md" -o "$TMP/f.ky.html" --lang ky
expect_rc 0 "the same in Kyrgyz"

python3 - "$TMP" "$SURVEY" "$T_N" >"$TMP/py.out" <<'PY'
import html.parser, json, math, re, subprocess, sys
tmp, survey, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def check(cond, what):
    global n
    n += 1
    print(("ok" if cond else "not ok"), n, "-", what)
cache = {}
def js(*args):
    if args not in cache:
        out = subprocess.run([survey, *args, "--format", "json"], capture_output=True, text=True)
        cache[args] = json.loads(out.stdout) if out.returncode == 0 else None
    return cache[args]
def pct(v):
    return "%.1f%%" % v
def pfmt(p):
    return "p < 0.001" if p < 0.001 else "p = %.3f" % p

class P(html.parser.HTMLParser):
    """The findings (li with data-*) and the flagged cells of each table."""
    def __init__(s):
        super().__init__(); s.items = []; s.li = None; s.flags = {}; s.tbl = None
        s.cols = []; s.row = None; s.col = 0; s.thead = False; s.main = False
    def handle_starttag(s, tag, a):
        a = dict(a)
        if tag == "li" and "data-table" in a: s.li = [a, ""]
        elif tag == "section" and a.get("class") == "tbl": s.tbl = a["id"][2:]; s.cols = []
        elif tag == "thead": s.thead = True
        elif tag == "th" and s.thead and "data-code" in a: s.cols.append(a["data-code"])
        elif tag == "th" and a.get("scope") == "row": s.row = a.get("data-code"); s.col = -1
        elif tag == "td": s.col += 1
        elif tag == "span" and "data-flag" in a and s.row is not None:
            s.flags.setdefault(s.tbl, {})[(s.row, s.cols[s.col])] = a["data-flag"]
    def handle_endtag(s, tag):
        if tag == "thead": s.thead = False
        if tag == "li" and s.li: s.items.append(s.li); s.li = None
    def handle_data(s, d):
        if s.li: s.li[1] += d

def verify(path, db, label):
    p = P(); p.feed(open(path, encoding="utf-8").read())
    check(len(p.items) > 0, f"{label}: the key findings have sentences ({len(p.items)})")
    kinds = {}
    tabs = {}
    for a, text in p.items:
        k = a["data-kind"]; kinds[k] = kinds.get(k, 0) + 1
        text = text.replace("\xa0", " ")
        if k == "top":
            # a table that leaves "don't know" out is survey freq's with that filter
            f = js("freq", db, a["data-var"], *(["--where", "${%s} != 'dont_know'" % a["data-var"]]
                                                 if a.get("data-dk") == "excluded" else []))
            v = f["variables"][0] if f else None
            cats = {c["value"]: c for c in v["categories"]} if v else {}
            mult = v and v["kind"] == "multiple"
            key = "cases_percent" if mult else "valid_percent"
            codes = a["data-codes"].split(",")
            good = v is not None
            for code, x, lo, hi in zip(codes, *(map(float, a["data-" + w].split(",")) for w in ("pct", "lo", "hi"))):
                c = cats.get(code)
                good &= c is not None and abs(c[key] - x) < 1e-9 and abs(c["ci_low"] - lo) < 1e-9 \
                    and abs(c["ci_high"] - hi) < 1e-9
                good &= pct(x) in text and pct(lo) + "–" + pct(hi) in text
            # the answers named are the most frequent ones (other, none, don't know aside)
            ranked = sorted((c for c in v["categories"] if not c["missing"] and c["value"] not in
                             ("other", "none", "dont_know", "no_contact")), key=lambda c: -c[key])
            good &= [c[key] for c in ranked[:len(codes)]] == sorted((cats[c][key] for c in codes), reverse=True)
            check(good, f"{label}: top answers of {a['data-table']} are survey freq's: {text[:90]}")
        elif k in ("more", "less", "nocell"):
            t = js("tab", db, a["data-rvar"], a["data-cvar"], "--cells", "count,col_pct,adj_residual")
            L = t["tables"][0]
            st = L["stats"]
            test = st.get("pearson_chi2", {}).get("p")
            m = len(L["row_values"]) * len(L["col_values"])
            zc = None
            # the Bonferroni critical value: 2 * Q(z) * m = 0.05
            lo_, hi_ = 0.0, 10.0
            for _ in range(200):
                mid = (lo_ + hi_) / 2
                if m * math.erfc(mid / math.sqrt(2)) > 0.05: lo_ = mid
                else: hi_ = mid
            zc = hi_
            adj = L["cells"]["adj_residual"]
            flagged = {(r, c): ("up" if adj[i][j] > 0 else "down")
                       for i, r in enumerate(L["row_values"]) for j, c in enumerate(L["col_values"])
                       if abs(adj[i][j]) > zc}
            tabs[a["data-table"]] = flagged
            if k == "nocell":
                check(not flagged, f"{label}: {a['data-table']}: no cell beyond |z| {zc:.3f}: {text[:80]}")
                continue
            i = L["row_values"].index(a["data-row"]); j = L["col_values"].index(a["data-col"])
            cnt = L["counts"]; z = adj[i][j]
            share = L["cells"]["col_pct"][i][j]
            rest_n = sum(L["col_totals"]) - L["col_totals"][j]
            other = 100 * (L["row_totals"][i] - cnt[i][j]) / rest_n
            padj = min(1, m * math.erfc(abs(z) / math.sqrt(2)))
            good = abs(float(a["data-pct"]) - share) < 1e-9 and abs(float(a["data-other"]) - other) < 1e-9
            good &= abs(float(a["data-z"]) - z) < 1e-9 and int(a["data-cells"]) == m
            good &= abs(float(a["data-p"]) - padj) < 1e-12 * max(1, padj) + 1e-15
            good &= (z > 0) == (k == "more") and abs(z) > zc and padj < 0.05
            good &= pct(share) in text and pct(other) in text and pfmt(padj) in text
            good &= ("more often" if k == "more" else "less often") in text
            check(good, f"{label}: {a['data-table']} {a['data-row']}/{a['data-col']} z={z:.2f} is survey tab's: {text[:100]}")
    # the marks in the tables are exactly the cells beyond the critical value
    for name, flagged in tabs.items():
        got = p.flags.get(name, {})
        check(got == flagged, f"{label}: ▲▼ in {name} on the {len(flagged)} cells beyond the corrected value"
              + ("" if got == flagged else f": got {got}, want {flagged}"))
    return kinds

k1 = verify(tmp + "/r.html", tmp + "/sim.db", "shipped")
check(k1.get("top", 0) >= 10 and k1.get("more", 0) >= 1, f"shipped: top answers and a difference found ({k1})")
k2 = verify(tmp + "/f.html", tmp + "/sim.db", "forced")
check(k2.get("more", 0) >= 2 and k2.get("less", 0) >= 1, f"forced: differences both ways ({k2})")
ky = open(tmp + "/f.ky.html", encoding="utf-8").read()
check("көбүрөөк кездешет" in ky and "«" in ky and "“" not in ky,
      "Kyrgyz findings: Kyrgyz words and « » quotes")
PY
cat "$TMP/py.out"
T_N=$((T_N + $(wc -l <"$TMP/py.out")))
T_FAILED=$((T_FAILED + $(grep -c '^not ok' "$TMP/py.out")))
grep -q '^ok' "$TMP/py.out" || not_ok "the checker ran"
grep -q 'class="legend"' "$TMP/f.html" && ok "a legend explains the marks" || not_ok "no legend for ▲▼"
done_testing
