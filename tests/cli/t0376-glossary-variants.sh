# t0376-glossary-variants: surveys/GLOSSARY.md's checked tables ("Never" and "Pairs") hold for
# every text: no variant the glossary rules out (ky «комментарий», «комплект», «жактырылган»,
# «тандама алкагы», «убакыты»; ru «одобрено», «распечатать» ...), and a text that names a
# term in one language names its glossary pair in the others (approve / утвердить / бекитүү,
# reject / отклонить / четке кагуу, comment / комментарий / пикир, kit / комплект / топтом ...).
# The check is shown to catch a wrong term planted in a copy of the texts.
. tests/lib.sh

# the rules: well-formed, and each "never" names a word of the glossary's term tables
PYTHONPATH=tests python3 - >"$TMP/rules" <<'PY'
import re
import lang_strings as L
never, pairs = L.glossary_rules()
terms = L.glossary_terms()
out = []
if len(never) < 10 or len(pairs) < 10:
    out.append(f"too few rows: {len(never)} never, {len(pairs)} pairs")
for lang, pat, use, where in never:
    re.compile(pat)
    if lang not in terms or where not in ("program", "all"):
        out.append(f"bad row: {lang} {pat} {where}")
    elif use.lower() not in terms[lang].lower():
        out.append(f"never /{pat}/: «{use}» is not a {lang} word of the glossary")
for pat, where in pairs:
    for p in pat.values():
        re.compile(p)
    if where not in ("program", "all") or not (pat["en"] or pat["ru"]):
        out.append(f"bad pair: {pat} {where}")
print("\n".join(out))
PY
expect_eq "$(cat "$TMP/rules")" "" "the glossary's checked tables are well-formed and name glossary words"

PYTHONPATH=tests python3 -c '
import lang_strings as L
print("\n".join(L.glossary_problems()))' >"$TMP/shipped"
expect_eq "$(cat "$TMP/shipped")" "" "every text keeps the glossary's terms"

# a copy of every text the check reads, to plant wrong terms in
mkdir -p "$TMP/tree/surveys" "$TMP/tree/reports/covid19-lsg"
PYTHONPATH=tests python3 -c 'import lang_strings as L; print("\n".join(L.TABLES))' | while read -r f; do
	mkdir -p "$TMP/tree/$(dirname "$f")" && cp "$f" "$TMP/tree/$f"
done
cp surveys/GLOSSARY.md surveys/covid19-lsg.md "$TMP/tree/surveys/"
cp reports/covid19-lsg/report.md "$TMP/tree/reports/covid19-lsg/"
# plant FILE OLD NEW: replace the one OLD in the copy
plant() { python3 - "$TMP/tree/$1" "$2" "$3" <<'PY'
import sys
p, a, b = sys.argv[1:]
s = open(p, encoding="utf-8").read()
assert s.count(a) == 1, f"{a!r} is in {p} {s.count(a)} times"
open(p, "w", encoding="utf-8").write(s.replace(a, b))
PY
}
problems() { PYTHONPATH=tests python3 -c '
import sys, lang_strings as L
print("\n".join(L.glossary_problems(sys.argv[1])))' "$TMP/tree"; }
expect_eq "$(problems)" "" "the copy is clean"

# caught WHAT PATTERN...: the problems of the copy hold each pattern (grep)
caught() {
	what=$1
	shift
	problems >"$TMP/p"
	for p in "$@"; do
		grep -q -- "$p" "$TMP/p" || { not_ok "$what: no /$p/ in: $(cat "$TMP/p")"; return; }
	done
	ok "$what"
}
plant src/ui/i18n.h 'X(UI_M_COMMENT_SAVED, "Пикир сакталды."' 'X(UI_M_COMMENT_SAVED, "Комментарий сакталды."'
caught "a planted ky «комментарий» is caught, as a variant and as a missing pair" \
	'ky has «Комментари», the glossary says «пикир»' 'en says /\\bcomment/ but ky lacks /пикир/'
plant src/ui/i18n.h 'X(UI_M_SV_DONE_APPROVED, "Бекитилди.", "Утверждено."' \
	'X(UI_M_SV_DONE_APPROVED, "Бекитилди.", "Одобрено."'
caught "a planted ru «одобрено» is caught" \
	'ru has «Одобр», the glossary says «утверждено»' 'en says /\\bapprov/ but ru lacks'
plant src/ui/i18n.h '"Четке кагылды: кийинки топтом менен' '"Четке кагылды: кийинки комплект менен'
caught "a planted ky «комплект» for the kit is caught" \
	'ky has «комплект», the glossary says «топтом»' 'en says /\\bkit\\b/ but ky lacks /топтом/'

# a term of every text ("all") is caught in the questionnaire too; a program-only one is not
python3 - "$TMP/tree/surveys/covid19-lsg.md" <<'PY'
import re, sys
p = sys.argv[1]
lines = open(p, encoding="utf-8").read().split("\n")
for i, l in enumerate(lines):
    if "| note |" in l or "| begin_group |" in l:
        continue
    cells = l.split("|")
    for j, c in enumerate(cells):
        if re.search(r"[өүң]", c) and "$" not in c and len(c.strip()) > 10:
            cells[j] = c.rstrip() + " убакыты бир эле комментарий "
            lines[i] = "|".join(cells)
            open(p, "w", encoding="utf-8").write("\n".join(lines))
            sys.exit(0)
sys.exit("no Kyrgyz cell")
PY
caught "a planted ky «убакыты» is caught in the questionnaire" \
	'surveys/covid19-lsg.md.*ky has «убакыты», the glossary says «убактысы»'
if grep -q 'surveys/covid19-lsg.md.*ky has «комментари' "$TMP/p"; then
	not_ok "a program-only rule applied to the questionnaire: $(cat "$TMP/p")"
else ok "a program-only rule (ky «комментарий») leaves the questionnaire alone"; fi
done_testing
