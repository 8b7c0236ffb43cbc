# t0811-report-dont-know: "don't know" as the spec's choice — a category of its own (the default)
# or left out, report-wide (settings) or per table — and the methods text saying what was done:
# counted as a category, left out of every table, or left out of the tables it names. The numbers
# are survey tab's and freq's without a filter, or with --where "${q} != 'dont_know'".
. tests/lib.sh

run "$SURVEY_FIXTURES" simulate surveys/covid19-lsg.md -n 300 --db "$TMP/sim.db" --seed 3 --quiet
expect_rc 0 "simulate"
spec() { # spec FILE SETTING TABLE-SETTING
	cat >"$1" <<EOF
| report |  |  |  |  |  |  |
|  | kind | name | row | col | title::English (en) | dont_know |
|  | section | s |  |  | Budget |  |
|  | freq | loss | revenue_loss |  | Revenue loss | $3 |
|  | tab | loss_type | revenue_loss | municipality_type | Revenue loss by type |  |

| settings |  |  |
|  | form_id | dont_know |
|  | covid19_lsg | $2 |
EOF
}
spec "$TMP/default.md" "" ""
spec "$TMP/exclude.md" "exclude" ""
spec "$TMP/mixed.md" "" "exclude"
spec "$TMP/bad.md" "maybe" ""
for s in default exclude mixed; do
	run "$SURVEY" report "$TMP/sim.db" "$TMP/$s.md" -o "$TMP/$s.html" --lang en
	expect_rc 0 "report, don't know: $s"
done
run "$SURVEY" check surveys/covid19-lsg.md --report "$TMP/bad.md"
expect_rc 1 "an unknown choice is an error"
cat "$TMP/err" >>"$TMP/out"
expect_out "bad\.md:settings:[0-9]+: error: dont_know: unknown choice 'maybe' \(category or exclude\)" "located, with the choices"

"$SURVEY" freq "$TMP/sim.db" revenue_loss --format json >"$TMP/f.json"
"$SURVEY" freq "$TMP/sim.db" revenue_loss --where "\${revenue_loss} != 'dont_know'" --format json >"$TMP/fx.json"
"$SURVEY" tab "$TMP/sim.db" revenue_loss municipality_type --format json >"$TMP/t.json"
"$SURVEY" tab "$TMP/sim.db" revenue_loss municipality_type --where "\${revenue_loss} != 'dont_know'" --format json >"$TMP/tx.json"

python3 - "$TMP" "$T_N" >"$TMP/py.out" <<'PY'
import html.parser, json, re, sys
tmp, n = sys.argv[1], int(sys.argv[2])
def check(cond, what):
    global n
    n += 1
    print(("ok" if cond else "not ok"), n, "-", what)
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.t = {}; s.tbl = None; s.row = None; s.cols = []; s.col = 0
        s.thead = False; s.span = None; s.text = ""; s.paras = []; s.p = None
    def handle_starttag(s, tag, a):
        a = dict(a)
        if tag == "section" and a.get("class") == "tbl": s.tbl = a["id"][2:]; s.t[s.tbl] = {}; s.cols = []
        elif tag == "thead": s.thead = True
        elif tag == "th" and s.thead and "data-code" in a: s.cols.append(a["data-code"])
        elif tag == "th" and a.get("scope") == "row": s.row = a.get("data-code"); s.col = -1
        elif tag == "td": s.col += 1
        elif tag == "span" and "data-k" in a and "data-v" in a and s.row and s.col < len(s.cols):
            s.t[s.tbl][(s.row, s.cols[s.col], a["data-k"])] = float(a["data-v"])
        elif tag == "p": s.p = ""
    def handle_endtag(s, tag):
        if tag == "thead": s.thead = False
        if tag == "p" and s.p is not None: s.paras.append(s.p); s.p = None
    def handle_data(s, d):
        if s.p is not None: s.p += d
def load(name):
    p = P(); p.feed(open(f"{tmp}/{name}.html", encoding="utf-8").read()); return p
F, FX = (json.load(open(f"{tmp}/{x}.json"))["variables"][0] for x in ("f", "fx"))
T, TX = (json.load(open(f"{tmp}/{x}.json"))["tables"][0] for x in ("t", "tx"))
def freq_ok(p, f):
    tb = p.t["loss"]
    want = {c["value"]: c for c in f["categories"] if not c["missing"]}
    got = {r for (r, c, k) in tb if c == "count" and r is not None}
    return all(abs(tb[(v, "valid_percent", "value")] - want[v]["valid_percent"]) < 1e-9 for v in got) and got
def tab_ok(p, t):
    tb = p.t["loss_type"]
    good = True
    for i, r in enumerate(t["row_values"]):
        for j, c in enumerate(t["col_values"]):
            good &= tb.get((r, c, "count")) == t["counts"][i][j]
    return good and {r for (r, c, k) in tb if r} == set(t["row_values"])
dk_n = next(c["count"] for c in F["categories"] if c["value"] == "dont_know")
def methods(p):
    return " ".join(x for x in p.paras if "Don't know" in x).replace("\xa0", " ")

d = load("default")
check(("dont_know", "count", "value") in d.t["loss"] and freq_ok(d, F),
      "default: “Don't know” is a row, the numbers are survey freq's")
check(tab_ok(d, T), "default: the cross-tab has the row and is survey tab's")
check("shown as a category of their own" in methods(d) and "left out" not in methods(d),
      "default: the methods say it is a category, not that it is left out")

x = load("exclude")
check(("dont_know", "count", "value") not in x.t["loss"] and freq_ok(x, FX),
      "exclude: no “Don't know” row; the numbers are survey freq's with the filter")
check(tab_ok(x, TX), "exclude: the cross-tab is survey tab's with the filter")
check("left out of the percentages and tests of every table" in methods(x),
      "exclude: the methods say so for every table")
left = [q for q in x.paras if "left out of this table" in q]
check(len(left) == 2 and all(f": {dk_n}." in q for q in left),
      f"exclude: under each table, the {dk_n} answers left out" + ("" if left else ": none"))

m = load("mixed")
check(("dont_know", "count", "value") not in m.t["loss"] and tab_ok(m, T),
      "per table: left out of the frequency only")
check("tables “Revenue loss” (their number" in methods(m) and "in the other tables they are a category" in methods(m),
      "per table: the methods name the table that leaves it out: " + methods(m)[:160])
PY
cat "$TMP/py.out"
T_N=$((T_N + $(wc -l <"$TMP/py.out")))
T_FAILED=$((T_FAILED + $(grep -c '^not ok' "$TMP/py.out")))
grep -q '^ok' "$TMP/py.out" || not_ok "the checker ran"

# in Kyrgyz and Russian, the methods' sentence is theirs
run "$SURVEY" report "$TMP/sim.db" "$TMP/exclude.md" -o "$TMP/x.ru.md" --lang ru
grep -q "Ответы «Затрудняюсь ответить» не учитываются в процентах и критериях ни одной таблицы" "$TMP/x.ru.md" \
	&& ok "the Russian methods text" || not_ok "no Russian methods text for don't know"
run "$SURVEY" report "$TMP/sim.db" "$TMP/exclude.md" -o "$TMP/x.ky.md" --lang ky
grep -q "«Билбейм» деген жооптор эч бир таблицанын пайыздарында" "$TMP/x.ky.md" \
	&& ok "the Kyrgyz methods text" || not_ok "no Kyrgyz methods text for don't know"
done_testing
