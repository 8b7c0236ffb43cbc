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


def entries(path, root=".", order=None):
    """Every bracketed list in path whose last three items are strings, one of them
    Cyrillic: (line, {lang: text, "id": the list's first word, as X(UI_M_SAVED, ...)}).
    order names the three items (TABLES[path] by default)."""
    order = order or TABLES[path]
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


HELP_TABLES = {"ky": "src/help/help_ky.c", "ru": "src/help/help_ru.c"}
HELP_WORDS = "src/help/help_words.c"   # tab's generated help tail: {en, ru, ky}


def _cmd_fields(path, root="."):
    """The designated string fields of the struct initialisers in a C file, in order:
    [(field, text)] for `.name = "..."`, `.summary = "..." "..."` and the like."""
    with open(f"{root}/{path}", encoding="utf-8") as fh:
        toks = list(_tokens(fh.read()))
    out = []
    for i, (kind, text, _) in enumerate(toks):
        if kind == "w" and text.startswith(".") and i + 2 < len(toks) and toks[i + 1][1] == "=" \
                and toks[i + 2][0] == "s":
            j, parts = i + 2, []
            while j < len(toks) and toks[j][0] == "s":
                parts.append(toks[j][1])
                j += 1
            out.append((text[1:], "".join(parts)))
    return out


def help_english(root="."):
    """Each command's English help, from its cmd_*.c entry: {name: {"usage", "summary",
    "help"}} (what `survey help NAME` prints before tab's generated tail)."""
    import glob
    import os
    out = {}
    for path in sorted(glob.glob(f"{root}/src/cmd_*.c")):
        cur = None
        for field, text in _cmd_fields(os.path.relpath(path, root), root):
            if field == "name":
                cur = out.setdefault(text, {"usage": "", "summary": "", "help": ""})
            elif cur is not None and field in ("usage", "summary", "help"):
                cur[field] = text
    return out


def help_translations(lang, root="."):
    """The help table of src/help/help_LANG.c: {name: (line, summary, help)}; "" the overview."""
    out = {}
    for line, d in entries(HELP_TABLES[lang], root, ("name", "summary", "help")):
        out[d["name"]] = (line, d["summary"], d["help"])
    return out


def help_prose(text):
    """A help text without its example command lines ("  survey ..."), which stay as typed, and
    with its lines joined (a term wrapped over two lines is still the term)."""
    text = "\n".join(l for l in text.split("\n") if not l.startswith("  survey "))
    return re.sub(r"\s+", " ", text)


def help_texts(root="."):
    """Each command's help in three languages, as one text per language (summary and help,
    command lines left out): (where, {lang: text}). The overview has no English here. A tree
    without src/help (a copy of TABLES' files only, as t0376 plants in) has none."""
    import os
    if not os.path.exists(f"{root}/{HELP_TABLES['ky']}"):
        return
    en = help_english(root)
    ky, ru = help_translations("ky", root), help_translations("ru", root)
    for name in sorted(set(ky) | set(ru)):
        d = {"en": help_prose(en[name]["summary"] + "\n" + en[name]["help"]) if name in en
             else ""}
        for lang, t in (("ky", ky), ("ru", ru)):
            if name in t:
                d[lang] = help_prose(t[name][1] + "\n" + t[name][2])
        line = (ky.get(name) or ru.get(name))[0]
        yield f"{HELP_TABLES['ky']}:{line} help {name or '(overview)'}", d
    for line, d in entries(HELP_WORDS, root, ("en", "ru", "ky")):
        yield f"{HELP_WORDS}:{line}", d


def all_texts(root="."):
    """Every three-language text of the program (the message tables and the commands' help)
    and of the shipped questionnaire and report spec: (where, {lang: text})."""
    for f in TABLES:
        for line, d in entries(f, root):
            yield f"{f}:{line}", d
    yield from help_texts(root)
    for f in ("surveys/covid19-lsg.md", "reports/covid19-lsg/report.md"):
        for sheet, line, name, groups in md_rows(f, root):
            for kind, d in groups.items():
                yield f"{f}:{line} {kind}", d


def _md_table_after(text, heading):
    """The rows (lists of cells) of the first markdown table after the line `heading`."""
    lines = text.split("\n")
    i = lines.index(heading)
    rows = []
    for line in lines[i + 1:]:
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip()[1:-1].split("|")])
        elif rows:
            break
    return [r for r in rows[2:]]   # past the header and the |---| line


def glossary_rules(root="."):
    """The glossary's checked tables (surveys/GLOSSARY.md, "Checked by the tests"):
    never: [(lang, pattern, use, where)], pairs: [({"en": p, "ru": p, "ky": p}, where)]."""
    with open(f"{root}/surveys/GLOSSARY.md", encoding="utf-8") as fh:
        text = fh.read()
    never = [tuple(r) for r in _md_table_after(text, "### Never (a variant the glossary rules out)")]
    pairs = [({"en": r[0], "ru": r[1], "ky": r[2]}, r[3])
             for r in _md_table_after(text, "### Pairs (a text with the first pattern has the "
                                            "others in its other languages)")]
    return never, pairs


def glossary_terms(root="."):
    """Every word of the glossary's term tables (the first three columns), for a language:
    {lang: text of all its cells}."""
    with open(f"{root}/surveys/GLOSSARY.md", encoding="utf-8") as fh:
        text = fh.read().split("## Checked by the tests")[0]
    out = {"ky": "", "ru": "", "en": ""}
    for line in text.split("\n"):
        if line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip()[1:-1].split("|")]
            if len(cells) >= 3:
                for lang, c in zip(("ky", "ru", "en"), cells):
                    out[lang] += c + "\n"
    return out


def prose(text):
    """text without what a user types: options (--comment), commands ('survey kit') and
    placeholders (KIT.db, NAME, COLUMN=VALUE), which stay English in every language."""
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", text)
    text = re.sub(r"\bsurvey\s+[a-z]+", " ", text)   # a command line, even across a line break
    return re.sub(r"\b[A-Z][A-Z_]+(?:\.\w+|=[A-Z_]+)?\b", " ", text)


def glossary_problems(root="."):
    """Each text that breaks a row of the glossary's checked tables, as one line."""
    never, pairs = glossary_rules(root)
    out = []
    for where, d in all_texts(root):
        program = where.startswith("src/")
        for lang, pat, use, scope in never:
            if scope == "program" and not program:
                continue
            m = re.search(pat, d.get(lang, ""), re.I)
            if m:
                out.append(f"{where}: {lang} has «{m.group(0)}», the glossary says «{use}»: "
                           f"{d[lang][:80]}")
        for pat, scope in pairs:
            if scope == "program" and not program:
                continue
            first = "en" if pat["en"] else "ru"
            if not re.search(pat[first], prose(d.get(first, "")), re.I):
                continue
            for lang in ("en", "ru", "ky"):
                if lang != first and pat[lang] and not re.search(pat[lang], d.get(lang, ""), re.I):
                    out.append(f"{where}: {first} says /{pat[first]}/ but {lang} lacks "
                               f"/{pat[lang]}/: {d.get(lang, '')[:80]}")
    return out


# a number printed at run time: %d, %lld (printf's integers) before any Russian word, and also
# a report's blank (%1$s) or the questionnaire's ${n} before «интервью» and a plural verb
RU_INT = r"%(?:\d+\$)?(?:hh|h|ll|l|z|j|t)?[diu]"
RU_BLANK = r"(?:" + RU_INT + r"|%\d\$s|\$\{\w+\})"
# «интервью» does not change after a number, but a plural verb after it does: «1 интервью
# запечатаны», «1 интервью вошли»
RU_PLURAL_VERB = r"интервью\s+(?:[а-яё]+\s+)?[а-яё]+(?:ны|ты|ли|ись|ются|ятся)\b"


def ru_number_agreement(text, allow=("отв.", "из", "интервью")):
    """Where a run-time number stands before a Russian word that would have to agree with it
    (surveys/GLOSSARY.md, "Russian numbers"): the matched pieces."""
    out = [m.group(0) for m in re.finditer(RU_INT + r"\s+([а-яё]+\.?)", text)
           if m.group(1) not in allow]
    out += [m.group(0) for m in re.finditer(RU_BLANK + r"\s+" + RU_PLURAL_VERB, text)]
    return out


# Russian words that have no place in a Kyrgyz sentence, and the letters only Kyrgyz has
RU_ONLY_WORDS = r"(?<![\w-])(?:и|или|для|в|с|по|на|не|что|это|нет|из|от|при)(?![\w-])"
KY_ONLY_LETTERS = r"[ңөүҢӨҮ]"


def wrong_language(d):
    """Signs that a text stands in another language's place: a Russian function word in the
    Kyrgyz text, a Kyrgyz letter in the Russian one. The pieces found, as 'ky: «или»'."""
    out = [f"ky: «{m.group(0)}»" for m in re.finditer(RU_ONLY_WORDS, d.get("ky", ""), re.I)]
    out += [f"ru: «{m.group(0)}»" for m in re.finditer(KY_ONLY_LETTERS, d.get("ru", ""))]
    return out
