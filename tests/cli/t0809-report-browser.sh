# t0809-report-browser: the HTML report in a real browser (headless Chromium, when installed;
# `make test-full` installs it): screenshots at A4 width and at phone width are not blank, the
# page as the browser builds it has every table and chart, nothing logs a console error or a
# failed load, and it prints to a PDF.
. tests/lib.sh
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
	if [ "${FULL:-}" = 1 ]; then not_ok "chromium is not installed (make test-full installs it)"
	else echo "# full-only: chromium is not installed (make test-full installs it)"; fi
	done_testing
	exit $?
fi
browse() { # browse OUTFILE-ARGS... : a fresh headless Chromium, nothing fetched, a time limit
	timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--disable-extensions --user-data-dir="$(mktemp -d "$TMP/profile.XXXXXX")" "$@"
}

run "$SURVEY_FIXTURES" simulate surveys/covid19-lsg.md -n 300 --db "$TMP/sim.db" --seed 1 --quiet
expect_rc 0 "simulate"
run "$SURVEY" report "$TMP/sim.db" reports/covid19-lsg/report.md -o "$TMP/r.html" --simulated
expect_rc 0 "report"
url="file://$TMP/r.html"

browse --window-size=794,1123 --screenshot="$TMP/a4.png" "$url" >/dev/null 2>&1
browse --window-size=390,844 --screenshot="$TMP/phone.png" "$url" >/dev/null 2>&1
for shot in a4 phone; do
	python3 - "$TMP/$shot.png" <<'PY' && ok "$shot screenshot: a PNG with content" || not_ok "$shot screenshot is missing or blank"
import struct, sys, zlib
d = open(sys.argv[1], "rb").read()
assert d[:8] == b"\x89PNG\r\n\x1a\n"
w, h = struct.unpack(">II", d[16:24])
idat, i = b"", 8
while i < len(d):
    n, = struct.unpack(">I", d[i:i + 4]); t = d[i + 4:i + 8]
    if t == b"IDAT": idat += d[i + 8:i + 8 + n]
    i += 12 + n
raw = zlib.decompress(idat)
stride = len(raw) // h
rows = {raw[r * stride + 1:(r + 1) * stride] for r in range(0, h, 7)}
# a page of text, tables and colour: many different rows, not one colour
assert w >= 390 and h >= 800 and len(rows) > 40, (w, h, len(rows))
PY
done

browse --enable-logging=stderr --v=0 --dump-dom "$url" >"$TMP/dom.html" 2>"$TMP/console.log"
expect_eq "$(grep -o '<table class="grid' "$TMP/dom.html" | wc -l)" \
	"$(grep -o '<table class="grid' "$TMP/r.html" | wc -l)" "the browser's page has every table"
expect_eq "$(grep -o '<svg class="chart"' "$TMP/dom.html" | wc -l)" \
	"$(grep -o '<svg class="chart"' "$TMP/r.html" | wc -l)" "and every chart"
grep -q '<rect ' "$TMP/dom.html" && ok "the charts have their bars" || not_ok "no bars in the charts"
if grep -Ei 'CONSOLE|Uncaught|Failed to load|net::ERR' "$TMP/console.log" >"$TMP/bad.log"; then
	not_ok "console errors: $(head -c 400 "$TMP/bad.log")"
else
	ok "no console error, no failed load"
fi

browse --no-pdf-header-footer --print-to-pdf="$TMP/r.pdf" "$url" >/dev/null 2>&1
[ "$(head -c 4 "$TMP/r.pdf" 2>/dev/null)" = "%PDF" ] && [ "$(wc -c <"$TMP/r.pdf")" -gt 50000 ] \
	&& ok "it prints to a PDF" || not_ok "no PDF printed"

done_testing
