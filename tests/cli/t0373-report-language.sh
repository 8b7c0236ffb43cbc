# t0373-report-language: the report's words and sentences (src/report/words.c, sentences.c) say
# the same in en, ru and ky: the same numbered blanks (%1$s ...) in the three versions, no English
# word in a Kyrgyz or Russian text outside the statistics' letters, and no Russian blank that
# holds a computed number before a noun that would have to agree with it («в 1 ячейках из 4»,
# «3 самых частых ответов»): the number goes after a colon or a dash (surveys/GLOSSARY.md).
. tests/lib.sh
PYTHONPATH=tests python3 - >"$TMP/report" <<'PY'
import re
import lang_strings as L
# the statistics' own letters (p, z, df, r, V, F, tau-b/c) and the command named in the notes
ALLOW = {"p", "z", "df", "r", "V", "F", "b", "c", "survey", "simulate", "unseal", "WhatsApp", "COVID"}
# nouns a count in front of them would have to agree with
COUNTED = r"(?:ячейк|ячеек|таблиц|единиц|различи|самых|случайн|ответов|интервьюер|ноутбук|раз\b)"
out = []
for f in L.REPORT:
    for line, d in L.entries(f):
        where = f"{f}:{line}"
        blanks = {l: sorted(set(re.findall(r"%\d\$s", d[l]))) for l in ("en", "ru", "ky")}
        for l in ("ru", "ky"):
            if blanks[l] != blanks["en"]:
                out.append(f"{where}: {l} has blanks {blanks[l]}, en has {blanks['en']}")
            for w in L.latin_words(re.sub(r"%\d\$s", " ", d[l])):
                w = w.strip(".'-")
                if w and w not in ALLOW:
                    out.append(f"{where}: English '{w}' in the {l} text")
        for m in re.finditer(r"%\d\$s\s+(?:[а-яё]+\s+)?" + COUNTED, d["ru"]):
            out.append(f"{where}: ru '{m.group(0)}' (a number before a noun it must agree with)")
print("\n".join(out))
PY
expect_eq "$(cat "$TMP/report")" "" "the same blanks in en/ru/ky, no English in ky/ru, no ru number before a counted noun"

# say SENTENCE-START LANG: the sentence of sentences.c whose English text starts so, in LANG
say() { PYTHONPATH=tests python3 -c '
import sys, lang_strings as L
print([d[sys.argv[2]] for _, d in L.entries("src/report/sentences.c")
       if d["en"].startswith(sys.argv[1])][0])' "$1" "$2"; }
has() { # has SENTENCE-START LANG TEXT what
	if say "$1" "$2" | grep -qF -- "$3"; then ok "$4"; else not_ok "$4: '$(say "$1" "$2")'"; fi; }
has "Without an answer" ru "не знает, отказ от ответа" "ru: under tables, the interviewer's mark is «не знает» (F5), as everywhere else"
has "Without an answer" ky "билбейт, жооп берүүдөн" "ky: the mark is «билбейт», not the answer option «билбейм»"
has "In %1\$s of %2\$s cells (%3\$s) the expected count is below 5 (the smallest is %4\$s): the test" ru "Ячеек с ожидаемой частотой меньше 5: %1\$s из %2\$s" "ru: the cells with small expected counts, number after a colon"
has "In %1\$s of %2\$s cells (%3\$s) the expected count is below 5 (the smallest is %4\$s): the test" ky "күтүлгөн жыштык" "ky: «күтүлгөн жыштык», the tables' own word for the expected count"
has "Unfinished interviews" ky "Аяктай элек интервьюлар" "ky: drafts are «аяктай элек», as the interview screens say"
has "%1\$s chose %2\$s more often than %3\$s" ky ": %4\$s, ал эми %3\$s тобунда — %5\$s" "ky: the other group's share is said as such, not joined by «жана» (and)"
done_testing
