# t1031-help-translations: every command's help in Kyrgyz and in Russian (survey help C --lang
# ky|ru) is translated: it differs from the English one, has no line over 80 columns (display
# width; the usage lines, which stay as typed, apart), keeps every option the English help names
# (so none is lost), and has no English prose left: no word of 4 Latin letters or more outside
# options, file names, command lines, placeholders and the names of formats, keys and values
# that are typed or printed as they are. The overview too. The glossary scan (t0376) reads these
# texts: a wrong term planted in a copy of src/help/help_ky.c is caught.
. tests/lib.sh
S=$SURVEY
CMDS="frame assign kit receive review list run pack merge keygen unseal check import export simulate freq tab report"
for c in $CMDS; do
	env -u LC_ALL -u LC_MESSAGES -u LANG "$S" help "$c" >"$TMP/en.$c"
	for l in ky ru; do
		"$S" help "$c" --lang $l >"$TMP/$l.$c" || echo "$c $l: exit $?" >>"$TMP/exit"
	done
done
for l in ky ru; do "$S" --help --lang $l >"$TMP/$l.overview"; done
expect_eq "$(cat "$TMP/exit" 2>/dev/null)" "" "survey help C --lang ky|ru exits 0 for every command"

PYTHONPATH=tests python3 - "$TMP" "$CMDS" >"$TMP/report" <<'PY'
import re, sys, unicodedata
tmp, cmds = sys.argv[1], sys.argv[2].split()
# written or printed as they are in every language: formats and programs, keys, and the values
# of options and of outputs (JSON fields, statuses, flags, table names)
ALLOW = set("""XLSForm JSON CSV SPSS Stata ODK Central KoboToolbox SQLite ncurses PSPP CROSSTABS
UTF-8 Enter Delete PgUp Ctrl Tab HTML Markdown XLSX stderr stdout survey
to-review approved rejected too-fast dont-know straight-line changes night overlap outlier
field imported simulated reviews conflicts text json csv html markdown xlsx none fail remove
certainty adjust average count draft complete all error oblast
email image audio video file settings Ctrl-B start deviceid username SubmissionDate
uuid true false Excel LibreOffice Windows Briefcase notes character message
pandoc wilson clopper-pearson agresti-coull jeffreys svymean svyciprop svyvar svyquantile
svychisq integer decimal range calculate expected residual stats""".split()) | set(cmds)

def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF"
               else 1 for c in s)

def body(text):
    """The text past its usage lines (up to the first empty line)."""
    return text.split("\n\n", 1)[1] if "\n\n" in text else ""

OPEN = [False]   # a quoted command line goes on to the next line

def english_prose(line):
    if line.startswith("  survey "):   # an example's command line
        return []
    line = re.sub(r"^  [a-z][a-z0-9_]*(?=  )", " ", line)              # tab's JSON keys
    if OPEN[0]:
        line = re.sub(r"^[^'`]*['`]", " ", line)
    line = re.sub(r"'survey [^']*'|`survey [^`]*`", " ", line)        # command lines
    OPEN[0] = bool(re.search(r"['`]survey [^'`]*$", line))
    line = re.sub(r"['`]survey [^'`]*$", " ", line)
    line = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", line)            # options
    line = re.sub(r"\S+=\S*|\w+(?:,\w+)+", " ", line)                      # typed values, a CSV header
    line = re.sub(r'"[^"]*"', " ", line)                                 # JSON, quoted values
    line = re.sub(r"'[^' ]*'", " ", line)                                # typed names: 'grp-q'
    out = []
    for w in re.findall(r"[A-Za-z_][A-Za-z0-9_./'%-]*", line):
        w = w.rstrip("'.-")
        if (len(re.sub("[^A-Za-z]", "", w)) >= 4 and not re.search(r"[_./0-9$%]|[A-Z]{2}", w)
                and w not in ALLOW):
            out.append(w)
    return out

def options(text):
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-zA-Z])(?![\w-])", text))

for c in cmds:
    en = open(f"{tmp}/en.{c}", encoding="utf-8").read()
    for l in ("ky", "ru"):
        t = open(f"{tmp}/{l}.{c}", encoding="utf-8").read()
        if body(t) == body(en) or body(t).split("\n")[0] == body(en).split("\n")[0]:
            print(f"{c} {l}: not translated")
            continue
        for n, line in enumerate(body(t).split("\n")):
            if width(line) > 80:
                print(f"{c} {l}: a line of {width(line)} columns: {line}")
            for w in english_prose(line):
                print(f"{c} {l}: English prose «{w}» in: {line}")
        lost = options(body(en)) - options(body(t))
        if lost:
            print(f"{c} {l}: options of the English help missing: {' '.join(sorted(lost))}")
for l in ("ky", "ru"):
    t = open(f"{tmp}/{l}.overview", encoding="utf-8").read()
    for line in t.split("\n")[2:]:
        if width(line) > 80:
            print(f"overview {l}: a line of {width(line)} columns: {line}")
        for w in english_prose(line):
            print(f"overview {l}: English prose «{w}» in: {line}")
PY
expect_eq "$(cat "$TMP/report")" "" "every command's help is translated to ky and ru, within 80 columns, options kept"

# the glossary scan reads the help: a clean copy, then a planted ky «комплект» for the kit
mkdir -p "$TMP/tree/src/help" "$TMP/tree/surveys" "$TMP/tree/reports/covid19-lsg"
PYTHONPATH=tests python3 -c 'import lang_strings as L; print("\n".join(L.TABLES))' | while read -r f; do
	mkdir -p "$TMP/tree/$(dirname "$f")" && cp "$f" "$TMP/tree/$f"
done
cp src/cmd_*.c "$TMP/tree/src/" && cp src/help/help_*.c "$TMP/tree/src/help/"
cp surveys/GLOSSARY.md surveys/covid19-lsg.md "$TMP/tree/surveys/"
cp reports/covid19-lsg/report.md "$TMP/tree/reports/covid19-lsg/"
problems() { PYTHONPATH=tests python3 -c '
import sys, lang_strings as L
print("\n".join(L.glossary_problems(sys.argv[1])))' "$TMP/tree"; }
expect_eq "$(problems)" "" "the copy is clean"
PYTHONPATH=tests python3 -c '
import sys, lang_strings as L
print(len(list(L.help_texts(sys.argv[1]))))' "$TMP/tree" >"$TMP/n"
expect_eq "$(cat "$TMP/n")" "41" "the scan reads the overview's and 18 commands' help, and tab's 22 words"
python3 - "$TMP/tree/src/help/help_ky.c" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
a = "координатордун топтомун ушул ноутбуктун"
assert s.count(a) == 1
open(p, "w", encoding="utf-8").write(s.replace(a, "координатордун комплектин ушул ноутбуктун"))
PY
problems >"$TMP/p"
grep -q "help receive: ky has «комплект», the glossary says «топтом»" "$TMP/p" &&
	ok "a planted ky «комплект» in receive's help is caught" || not_ok "not caught: $(cat "$TMP/p")"
done_testing
