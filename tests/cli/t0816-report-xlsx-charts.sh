# t0816-report-xlsx-charts: the Excel report draws a chart beside each table's percentages — bars
# for a frequency, grouped columns for a cross-tab — from the sheet's own cells (so a changed cell
# changes the chart): every chart's ranges name its table's sheet, its categories are the rows'
# labels, its values are cells that hold numbers, and its title is the table's title.
. tests/lib.sh
run "$SURVEY_FIXTURES" simulate surveys/covid19-lsg.md -n 200 --db "$TMP/s.db" --seed 3 --quiet
expect_rc 0 "simulate"
run "$SURVEY" report "$TMP/s.db" reports/covid19-lsg/report.md -o "$TMP/r.xlsx" --lang ky
expect_rc 0 "the Kyrgyz workbook"
python3 - "$TMP/r.xlsx" "$T_N" >"$TMP/py.out" <<'PY'
import re, sys, zipfile
z, n = zipfile.ZipFile(sys.argv[1]), int(sys.argv[2])
def check(cond, what):
    global n
    n += 1
    print(("ok" if cond else "not ok"), n, "-", what)
names = z.namelist()
charts = sorted(x for x in names if re.match(r"xl/charts/chart\d+\.xml$", x))
wb = z.read("xl/workbook.xml").decode()
sheets = dict(re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"', wb))
rels = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', z.read("xl/_rels/workbook.xml.rels").decode()))
def cells(sheet):
    """{ref: ('n', value) or ('s', index)} of a sheet by its name"""
    xml = z.read("xl/" + rels[sheets[sheet]]).decode()
    out = {}
    for ref, t, v in re.findall(r'<c r="([A-Z]+\d+)"[^>]*?(?: t="(\w+)")?[^>]*>(?:<f>[^<]*</f>)?<v>([^<]*)</v>', xml):
        out[ref] = (t or "n", v)
    return out
check(len(charts) >= 20, f"{len(charts)} charts in the workbook")
bad = []
for c in charts:
    x = z.read(c).decode()
    refs = re.findall(r"<c:f>'([^']+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?</c:f>", x)
    kinds = re.findall(r"<c:(cat|val|tx)>", x)
    if not refs or "c:val" not in x:
        bad.append(c + ": no ranges"); continue
    sheet = refs[0][0]
    if any(r[0] != sheet for r in refs) or sheet not in sheets:
        bad.append(c + ": ranges on another sheet"); continue
    cl = cells(sheet)
    for m in re.finditer(r"<c:val><c:numRef><c:f>'[^']+'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)</c:f>", x):
        col, a, b = m.group(1), int(m.group(2)), int(m.group(4))
        for r in range(a, b + 1):
            v = cl.get(f"{col}{r}")
            if not v or v[0] != "n":
                bad.append(f"{c}: {col}{r} is not a number ({v})")
    title = re.search(r"<c:title>.*?<a:t>([^<]*)</a:t>", x, re.S)
    if not title:
        bad.append(c + ": no title")
check(not bad, "every chart draws its own sheet's number cells and has a title" + (": " + "; ".join(bad[:3]) if bad else ""))
bars = sum('<c:barDir val="bar"/>' in z.read(c).decode() for c in charts)
cols = sum('<c:barDir val="col"/>' in z.read(c).decode() for c in charts)
check(bars > 0 and cols > 0, f"bars for frequencies ({bars}) and columns for cross-tabs ({cols})")
PY
cat "$TMP/py.out"
T_N=$((T_N + $(grep -c '^\(not \)\?ok' "$TMP/py.out")))
T_FAILED=$((T_FAILED + $(grep -c '^not ok' "$TMP/py.out")))
grep -q '^ok' "$TMP/py.out" || not_ok "the checker ran"
done_testing
