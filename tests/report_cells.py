"""tests/report_cells.py: shared by the report tests' Python checks (t0801, t1220; run with
PYTHONPATH=tests): TAP lines numbered on from the shell script's count, and the cells of an
HTML report read back from its data attributes."""
import html.parser

_n = [0]


def begin(n):
    """The next check is number n + 1 (n: the checks the shell script has printed)."""
    _n[0] = n


def check(cond, what):
    """Print "ok N - what" or "not ok N - what"."""
    _n[0] += 1
    print(("ok" if cond else "not ok"), _n[0], "-", what)


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))


class _Cells(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.t = {}; s.tbl = None; s.row = None; s.col = 0; s.cols = []
        s.span = None; s.in_thead = False; s.text = ""

    def handle_starttag(s, tag, a):
        a = dict(a)
        if tag == "section" and a.get("class") == "tbl":
            s.tbl = a["id"][2:]; s.t[s.tbl] = {}; s.cols = []
        elif tag == "thead": s.in_thead = True
        elif tag == "th" and s.in_thead and "data-code" in a: s.cols.append(a["data-code"])
        elif tag == "th" and a.get("scope") == "row": s.row = a.get("data-code"); s.col = -1
        elif tag == "td": s.col += 1
        elif tag == "span" and "data-k" in a and s.row is not None and s.col < len(s.cols):
            s.span = (s.row, s.cols[s.col], a["data-k"], float(a["data-v"]) if "data-v" in a else None)
            s.text = ""

    def handle_endtag(s, tag):
        if tag == "thead": s.in_thead = False
        if tag == "span" and s.span:
            s.t[s.tbl][s.span[:3]] = (s.span[3], s.text); s.span = None

    def handle_data(s, d):
        if s.span: s.text += d


def html_cells(path):
    """{table id: {(row code, column code, kind): (data-v as a float or None, text shown)}} of
    the report at path: each table section's cells with a data-k span."""
    p = _Cells()
    p.feed(open(path, encoding="utf-8").read())
    return p.t
