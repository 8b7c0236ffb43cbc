# t0370-form-language: the shipped questionnaire's three language versions say the same thing:
# every question, hint, message and choice that has a text in one language has it in all three;
# every choice list has its items in the same order in each (one row per choice); no Kyrgyz or
# Russian text holds a Latin word outside a short allow-list; the editor's corrections of issue 19
# (the law of the period, scale points, households, жарандык бюджет, decimal commas) stay made.
. tests/lib.sh
FORM=surveys/covid19-lsg.md
PYTHONPATH=tests python3 - "$FORM" >"$TMP/report" <<'PY'
import re, sys
import lang_strings as L
ALLOW = {"COVID", "WhatsApp", "ID"}
out = []
for sheet, n, name, groups in L.md_rows(sys.argv[1]):
    for kind, by in groups.items():
        have = [l for l in ("ky", "ru", "en") if by.get(l)]
        if have and len(have) != 3:
            out.append(f"{sheet} line {n}: {kind} in {'/'.join(have)} only")
        for l in ("ky", "ru"):
            text = re.sub(r"\$\{[^}]*\}", "", by.get(l, ""))
            for w in re.findall(r"[A-Za-z][A-Za-z-]+", text):
                if w.strip("-") not in ALLOW:
                    out.append(f"{sheet} line {n}: Latin word '{w}' in the {l} {kind}")
print("\n".join(out))
PY
expect_eq "$(cat "$TMP/report")" "" "every text in all three languages, no Latin word in ky or ru"
has() { # has TEXT what: the form holds TEXT
	if grep -qF -- "$1" "$FORM"; then ok "$2"; else not_ok "$2: the form lacks '$1'"; fi; }
lacks() {
	if grep -qF -- "$1" "$FORM"; then not_ok "$2: the form still has '$1'"; else ok "$2"; fi; }
lacks "Мыйзам бузуулар жөнүндө кодекс" "no law that does not exist"
has "Бузуулар жөнүндө кодексин (2021-жылдын 1-декабрынан тартып — Укук бузуулар жөнүндө кодексин)" "ky: the code of 2020-2021, the later one in brackets"
has "Кодекса Кыргызской Республики о нарушениях (с 1 декабря 2021 года — Кодекса о правонарушениях)" "ru: the same code"
has "3 — орточо | 3 — средне | 3 — average" "scale point 3 means the same in ky, ru and en"
has "5 — өтө жакшы | 5 — очень хорошо | 5 — very good" "scale point 5 means the same in ky, ru and en"
lacks "канча үй-бүлө алды" "food aid counted in households in ky too"
lacks "жарандардын бюджети" "ky: жарандык бюджет, the Budget Code's term"
lacks "ЖӨБ Союзу" "ky: союзу not capitalised mid-name"
lacks "мисалы 12.5" "ky: decimal example with a comma"
lacks "например 12.5" "ru: decimal example with a comma"
run "$SURVEY" check "$FORM"
expect_rc 0 "the form still checks"
done_testing
