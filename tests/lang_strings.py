# lang_strings.py: reads the program's message tables (C string literals in three languages) for
# the language tests t0372-t0374: each table entry as {"ky": ..., "ru": ..., "en": ...} with the
# file and line where it starts.
import re

# the tables that hold one text in three languages, and the order of the languages in each
TABLES = {
    "src/ui/i18n.h": ("ky", "ru", "en"),
    "src/ui/keys.h": ("ky", "ru", "en"),
    "src/interview/validate.c": ("en", "ky", "ru"),
    "src/interview/validate_geo.c": ("en", "ky", "ru"),
    "src/analysis/resolve.c": ("en", "ky", "ru"),
    "src/export/values.c": ("en", "ky", "ru"),
    "src/report/words.c": ("en", "ru", "ky"),
    "src/report/sentences.c": ("en", "ru", "ky"),
    "src/analysis/statistics.c": ("en", "ru", "ky"),   # the report's names of statistics
}
REPORT = [f for f in TABLES if f.startswith("src/report/") or f == "src/analysis/statistics.c"]
UI = [f for f in TABLES if f not in REPORT]

CYR = re.compile(r"[\u0400-\u04ff]")


def _unescape(body):
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            n = body[i + 1]
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\", "'": "'"}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _tokens(src):
    """C tokens: ('s', text, line) for a string literal, ('p', ch, line) for ( ) { } ,
    and ('w', word, line) for anything else worth telling apart."""
    i, line, n = 0, 1, len(src)
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif src.startswith("/*", i):
            j = src.index("*/", i + 2) + 2
            line += src.count("\n", i, j)
            i = j
        elif src.startswith("//", i):
            i = src.find("\n", i)
            i = n if i < 0 else i
        elif c == '"':
            j = i + 1
            while src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            yield ("s", _unescape(src[i + 1:j]), line)
            i = j + 1
        elif c == "'":
            j = i + 1
            while src[j] != "'":
                j += 2 if src[j] == "\\" else 1
            yield ("w", src[i:j + 1], line)
            i = j + 1
        elif c in "(){},":
            yield ("p", c, line)
            i += 1
        elif c.isspace() or c == "\\":
            i += 1
        else:
            m = re.match(r"[A-Za-z_0-9.]+|.", src[i:i + 200])
            yield ("w", m.group(0), line)
            i += len(m.group(0))


def entries(path, root="."):
    """Every bracketed list in path whose last three items are strings, one of them
    Cyrillic: (line, {lang: text, "id": the list's first word, as X(UI_M_SAVED, ...)})."""
    order = TABLES[path]
    with open(f"{root}/{path}", encoding="utf-8") as fh:
        src = fh.read()
    stack, out = [], []
    for kind, text, line in _tokens(src):
        if kind == "p" and text in "({":
            stack.append({"items": [[]], "line": line})
        elif kind == "p" and text in ")}":
            if not stack:
                continue
            fr = stack.pop()
            items = [it for it in fr["items"]]
            last = items[-3:]
            if len(last) == 3 and all(it and all(k == "s" for k, _ in it) for it in last):
                texts = ["".join(t for _, t in it) for it in last]
                if any(CYR.search(t) for t in texts):
                    d = dict(zip(order, texts))
                    first = items[0]
                    d["id"] = first[0][1] if len(items) > 3 and first and first[0][0] == "w" \
                        else ""
                    out.append((fr["line"], d))
            if stack:
                stack[-1]["items"][-1].append(("x", ""))
        elif kind == "p" and text == ",":
            if stack:
                stack[-1]["items"].append([])
        elif stack:
            stack[-1]["items"][-1].append((kind, text))
    return out


def printf_convs(s):
    """The printf conversions of s, in order: ('%2$s' kept whole, '%%' dropped)."""
    return [m.group(0) for m in re.finditer(r"%(?:\d+\$)?[-+ #0]*(?:\d+|\*)?(?:\.\d+)?"
                                             r"(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcsp%]", s)
            if m.group(0) != "%%"]


def latin_words(s):
    return re.findall(r"[A-Za-z][A-Za-z0-9_.'-]*", s)


def md_rows(path, root="."):
    """The rows of a pyxform markdown file (the questionnaire, a report spec) that have texts:
    (sheet, line, name, {kind: {lang: text}}) for the columns kind::Language (xx)."""
    sheet = head = None
    out = []
    with open(f"{root}/{path}", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.startswith("|"):
                sheet = head = None
                continue
            cells = [c.strip() for c in line.rstrip("\n").split("|")[1:-1]]
            if cells[0]:
                sheet, head = cells[0], None
                continue
            if head is None:
                head = cells
                continue
            row = dict(zip(head, cells))
            groups = {}
            for col, text in row.items():
                m = re.match(r"(\w+)::\w+ \((ky|ru|en)\)$", col)
                if m and text:
                    groups.setdefault(m.group(1), {})[m.group(2)] = text
            if groups:
                out.append((sheet, n, row.get("name", ""), groups))
    return out


def all_texts(root="."):
    """Every three-language text of the program and of the shipped questionnaire and report
    spec: (where, {lang: text})."""
    for f in TABLES:
        for line, d in entries(f, root):
            yield f"{f}:{line}", d
    for f in ("surveys/covid19-lsg.md", "reports/covid19-lsg/report.md"):
        for sheet, line, name, groups in md_rows(f, root):
            for kind, d in groups.items():
                yield f"{f}:{line} {kind}", d
