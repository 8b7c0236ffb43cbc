# t0800-report-formats: survey report writes the shipped report as HTML, Markdown and XLSX from
# simulated interviews: a self-contained HTML (no script, nothing fetched) with its tables and
# SVG charts, Markdown tables, an XLSX with a contents sheet and a sheet per table.
. tests/lib.sh
SPEC=reports/covid19-lsg/report.md

run "$SURVEY_FIXTURES" simulate surveys/covid19-lsg.md -n 300 --db "$TMP/sim.db" --seed 1 --quiet
expect_rc 0 "simulate 300 interviews"

run "$SURVEY" report "$TMP/sim.db" "$SPEC" -o "$TMP/r.html" --simulated
expect_rc 0 "HTML report"
expect_out "wrote '.*r\.html': [0-9]+ tables" "the summary names the file and the tables"
# the tables of the shipped spec, open answers and their annex included (it depends on the data)
ntab=$(sed -n "s/^wrote '.*': \([0-9]*\) tables.*/\1/p" "$TMP/out")
h="$TMP/r.html"
[ -s "$h" ] && ok "the HTML exists" || not_ok "no HTML written"
grep -qi '<script' "$h" && not_ok "the HTML has a script" || ok "no <script>"
grep -Eqi 'https?://' "$h" && not_ok "the HTML refers to http(s)://: $(grep -Eoi '.{30}https?://.{30}' "$h" | head -1)" \
	|| ok "no http(s):// reference"
grep -Eqi '(src|href)="(//|[a-z]+:)' "$h" && not_ok "an external src/href" || ok "no external src or href"
grep -qi '@font-face\|@import\|url(' "$h" && not_ok "web fonts or imported CSS" || ok "no web font, no @import, no url()"
expect_eq "$(grep -c '<section class="tbl"' "$h")" "$ntab" "every table in the HTML"
n=$(grep -o '<svg class="chart"' "$h" | wc -l)
[ "$n" -ge 15 ] && ok "SVG charts ($n)" || not_ok "only $n SVG charts"
grep -q '@page{size:A4' "$h" && ok "printable to A4" || not_ok "no @page A4"
grep -q 'name="viewport"' "$h" && ok "a viewport for phones" || not_ok "no viewport"
grep -q 'class="sim-bar"' "$h" && ok "the simulated-data banner" || not_ok "no simulated-data banner"
grep -q 'Методология\|методологиясы' "$h" && ok "a methods section" || not_ok "no methods section"
grep -q 'ң\|ө\|ү' "$h" && ok "Kyrgyz letters (the spec's default language)" || not_ok "no Kyrgyz letters"
python3 - "$h" <<'PY' && ok "the HTML is well-formed (tags balance)" || not_ok "the HTML does not parse"
import sys, html.parser
void = {"meta", "br", "hr", "img", "input", "link", "rect", "line"}
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.stack = []; s.bad = 0
    def handle_starttag(s, t, a):
        if t not in void: s.stack.append(t)
    def handle_startendtag(s, t, a): pass
    def handle_endtag(s, t):
        if t in void: return
        if not s.stack or s.stack.pop() != t: s.bad += 1
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
sys.exit(1 if p.bad or p.stack else 0)
PY

run "$SURVEY" report "$TMP/sim.db" "$SPEC" -o "$TMP/r.md" --lang ru
expect_rc 0 "Markdown report"
m="$TMP/r.md"
expect_eq "$(grep -c '^### Таблица' "$m")" "$ntab" "every table in the Markdown"
grep -q '^|:--|--:' "$m" && ok "pipe tables with aligned columns" || not_ok "no pipe tables"
grep -q '<svg' "$m" && not_ok "SVG in the Markdown" || ok "no SVG in the Markdown"

run "$SURVEY" report "$TMP/sim.db" "$SPEC" -o "$TMP/r.xlsx" --lang en
expect_rc 0 "XLSX report"
x="$TMP/r.xlsx"
unzip -tq "$x" >/dev/null 2>&1 && ok "the XLSX is a sound zip" || not_ok "the XLSX is not a zip"
nsheets=$(unzip -Z1 "$x" | grep -c '^xl/worksheets/sheet[0-9]*\.xml$')
expect_eq "$nsheets" $((ntab + 1)) "a contents sheet and a sheet per table"
unzip -p "$x" xl/workbook.xml | grep -q 'name="Contents"' && ok "the contents sheet comes first" || not_ok "no Contents sheet"
unzip -p "$x" xl/worksheets/sheet3.xml | grep -q '<pane .*state="frozen"' && ok "frozen header rows" || not_ok "no frozen pane"
unzip -p "$x" xl/styles.xml | grep -q 'formatCode="0.0%"' && ok "a percent format with one decimal" || not_ok "no 0.0% format"

ls "$TMP" | grep -q '\.tmp-' && not_ok "a temporary file was left behind" || ok "no temporary file left"

done_testing
