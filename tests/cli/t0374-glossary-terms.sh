# t0374-glossary-terms: every text of the program, the shipped questionnaire and its report spec
# follows surveys/GLOSSARY.md: no term the glossary rules out (a law that does not exist, a
# capitalised «союзу», «өткөрүлдү» for a skipped question, «нарушены» of services, ...); where the
# Russian text uses a glossary term the Kyrgyz one uses its pair (ожидаемая частота / күтүлгөн
# жыштык, черновик / аяктай элек, домохозяйство / үй чарбасы, перебои / үзгүлтүк, ...); a later
# code is never named without the code of the period; the questionnaire's ${...} are the same in
# its three versions of a text.
. tests/lib.sh
PYTHONPATH=tests python3 - >"$TMP/report" <<'PY'
import re
import lang_strings as L
NEVER = {
    "ky": ["Мыйзам бузуулар", "жарандардын бюджети", "ЖӨБ Союз", "башкаруулар Союз",
           "Өткөрүлдү", "(өткөрүлдү)", "долбоорлор", "Таблица 1", "симуляция"],
    "ru": ["Жайылский", "Нарушенные услуги", "Услуги, нарушенные", "услуги были нарушены",
           "выберите «", "В 1 ", "затрудняюсь ответить, отказ,", "симуляция"],
    "en": ["Local Self-Government Bodies of the Kyrgyz", "Union of LSG Bodies"],
}
# (ru pattern, ky pattern): a ru text with the first has the second in its ky version
PAIRS = [(r"ожидаем", r"күтүлгөн"), (r"черновик", r"аяктай элек"),
         (r"домохозяйств", r"үй чарба"), (r"перебо", r"үзгүлтүк"), (r"ячейк|ячеек", r"уяча"),
         (r"доверительн", r"ишеним аралыг"), (r"таблиц\w* сопряж", r"кайчылаш"),
         (r"гражданск\w+ бюджет", r"жарандык бюджет"), (r"волонт", r"ыктыяр"),
         (r"^не знает$|\(не знает", r"билбейт"),
         (r"затрудняюсь ответить", r"билбейм")]
out = []
for where, d in L.all_texts():
    for l, words in NEVER.items():
        for w in words:
            if w in d.get(l, ""):
                out.append(f"{where}: {l} has «{w}»")
    ru, ky, en = d.get("ru", ""), d.get("ky", ""), d.get("en", "")
    for a, b in PAIRS:
        if re.search(a, ru, re.I) and not re.search(b, ky, re.I):
            out.append(f"{where}: ru says /{a}/ but ky lacks /{b}/: {ky[:80]}")
    if "правонарушениях" in ru and "о нарушениях" not in ru:
        out.append(f"{where}: ru names the later code without the code of 2020-2021")
    if "Укук бузуулар" in ky and "Бузуулар жөнүндө кодекс" not in ky:
        out.append(f"{where}: ky names the later code without the code of 2020-2021")
    if "Code on Offences" in en and "on Violations" not in en:
        out.append(f"{where}: en names the later code without the code of 2020-2021")
    refs = {l: sorted(re.findall(r"\$\{[^}]*\}", d.get(l, ""))) for l in ("ky", "ru", "en")}
    if not refs["ky"] == refs["ru"] == refs["en"]:
        out.append(f"{where}: ${{...}} differ between the languages: {refs}")
print("\n".join(out))
PY
expect_eq "$(cat "$TMP/report")" "" "every text follows the glossary"
done_testing
