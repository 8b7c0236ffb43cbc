# t0815-report-layout: the HTML report's layout in a real browser (headless Chromium, when
# installed; a FULL variant like t0809): at a desktop's 1240 px, a phone's 390 px and the A4 print
# width (the print style sheet at 178 mm), in Kyrgyz and English, no table or chart is wider than
# its box and the page does not scroll sideways, and no text is smaller than 9 px (chart text
# measured as the scaled SVG draws it). Headless Chromium windows are at least 500 px wide, so
# the report is measured inside an iframe of the width wanted (a srcdoc frame: same origin).
. tests/lib.sh
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
	if [ "${FULL:-}" = 1 ]; then not_ok "chromium is not installed (make test-full installs it)"
	else echo "# full-only: chromium is not installed (make test-full installs it)"; fi
	done_testing
	exit $?
fi

run "$SURVEY_FIXTURES" simulate surveys/covid19-lsg.md -n 300 --db "$TMP/sim.db" --seed 1 --quiet
expect_rc 0 "simulate"
for lang in ky en; do
	run "$SURVEY" report "$TMP/sim.db" reports/covid19-lsg/report.md -o "$TMP/r.$lang.html" --lang "$lang"
	expect_rc 0 "report in $lang"
done
grep -q '@bottom-center{content:counter(page)' "$TMP/r.ky.html" && ok "page numbers in print" \
	|| not_ok "no page numbers in the print style"

# harness WIDTH PRINT IN OUT: the report in a frame WIDTH px wide; PRINT=1 applies the print
# style sheet on screen (and not the screen-only rules)
harness() {
	python3 - "$1" "$2" "$3" "$4" <<'PY'
import html, sys
width, pr, src, out = int(sys.argv[1]), sys.argv[2] == "1", sys.argv[3], sys.argv[4]
page = open(src, encoding="utf-8").read()
if pr:
    page = page.replace("@media print{", "@media all{").replace("@media screen", "@media not all")
measure = r"""
function measure() {
  const d = document.getElementById('f').contentDocument, w = d.defaultView;
  const res = { w: w.innerWidth, docw: d.documentElement.scrollWidth, over: [], small: [], min: 99 };
  for (const el of d.querySelectorAll('.scroll, figure.chart, table.grid, svg.chart')) {
    const box = el.parentElement.getBoundingClientRect(), r = el.getBoundingClientRect();
    if (el.scrollWidth > el.clientWidth + 1 || r.right > box.right + 1) {
      const s = el.closest('section');
      res.over.push((s ? s.id : el.tagName) + ' ' + Math.round(r.width) + '>' + Math.round(box.width));
    }
  }
  const tw = d.createTreeWalker(d.body, 4);
  while (tw.nextNode()) {
    const n = tw.currentNode, el = n.parentElement;
    if (!n.textContent.trim() || !el || !el.getClientRects().length) continue;
    const st = w.getComputedStyle(el);
    if (st.display === 'none' || st.visibility === 'hidden') continue;
    let size = parseFloat(st.fontSize);
    const svg = el.closest('svg');
    if (svg) size = size * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    if (size < res.min) res.min = size;
    if (size < 8.995 && res.small.length < 5)
      res.small.push(n.textContent.trim().slice(0, 30) + ' ' + size.toFixed(2) + 'px');
  }
  const pre = document.createElement('pre');
  pre.textContent = 'MEASURE ' + JSON.stringify(res);
  document.body.appendChild(pre);
}
"""
open(out, "w", encoding="utf-8").write(
    '<!DOCTYPE html><html><body style="margin:0"><iframe id="f" style="border:0;width:%dpx;'
    'height:900px" onload="measure()" srcdoc="%s"></iframe><script>%s</script></body></html>'
    % (width, html.escape(page, quote=True), measure))
PY
}

for lang in ky en; do
	for case in "1240 0 desktop" "390 0 phone" "673 1 A4-print"; do
		set -- $case
		harness "$1" "$2" "$TMP/r.$lang.html" "$TMP/h.html"
		timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
			--disable-background-networking --disable-component-update --disable-sync \
			--disable-extensions --user-data-dir="$(mktemp -d "$TMP/profile.XXXXXX")" \
			--window-size=1300,1000 --virtual-time-budget=20000 --dump-dom \
			"file://$TMP/h.html" 2>/dev/null | grep -o 'MEASURE {.*}' | head -1 | cut -c9- >"$TMP/m.json"
		python3 - "$TMP/m.json" "$1" "$3 $lang" "$T_N" >"$TMP/py.out" <<'PY'
import json, sys
n = int(sys.argv[4])
def check(cond, what):
    global n
    n += 1
    print(("ok" if cond else "not ok"), n, "-", what)
try:
    m = json.load(open(sys.argv[1]))
except Exception as e:
    check(False, f"{sys.argv[3]}: no measurement from the browser ({e})")
    sys.exit(0)
w = int(sys.argv[2])
check(m["w"] == w, f"{sys.argv[3]}: the page is {w} px wide (got {m['w']})")
check(m["docw"] <= m["w"] and not m["over"],
      f"{sys.argv[3]}: no horizontal overflow (page {m['docw']} px; cut: {m['over'][:4]})")
check(m["min"] >= 8.995, f"{sys.argv[3]}: no text under 9 px (smallest {m['min']:.2f} px: {m['small']})")
PY
		cat "$TMP/py.out"
		T_N=$((T_N + $(wc -l <"$TMP/py.out")))
		T_FAILED=$((T_FAILED + $(grep -c '^not ok' "$TMP/py.out")))
	done
done
done_testing
