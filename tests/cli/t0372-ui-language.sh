# t0372-ui-language: the interview's own words (src/ui, the engine's messages, the export labels)
# say the same in ky, ru and en: each message has the same printf conversions in its three
# versions (a %s missing in one language would print garbage or crash), no Kyrgyz or Russian text
# holds an English word outside key names and commands, no Russian %d stands before a noun that
# would have to agree with it, and the corrections of issue 19's second pass stay made.
. tests/lib.sh
PYTHONPATH=tests python3 - >"$TMP/report" <<'PY'
import re
import lang_strings as L
# key names, commands, locale and variable names, letters the interviewer types
ALLOW = {"Backspace", "Ctrl-U", "Delete", "Enter", "Esc", "Tab", "PgUp", "PgDn", "ID", "UUID",
         "UTC", "UTF-8", "C.UTF-8", "ky_KG.UTF-8", "ru_RU.UTF-8", "LANG", "HOME", "TERM", "DB",
         "db", "lang", "max-attachment", "survey", "run", "check", "list", "pack", "ky", "ru",
         "en", "N", "S", "E", "W", "n", "f", "d", "q", "x", "a", "r", "c", "unseal", "public-key", "key", "NAME.key", "WhatsApp", "COVID",
         # the fieldwork commands and their options (field15)
         "frame", "assign", "kit", "receive", "review", "approve", "reject", "reason", "comment",
         "path", "text", "reviewer", "interviewer", "where", "id", "form", "json", "o", "COLUMN",
         "VALUE", "NAME", "TEXT", "Q", "FORM", "FRAME.csv", "HQ.db", "KIT.db", "CSV",
         "by",   # list --by (field15b)
         "UTF-16", "Windows-1251",   # encodings a frame CSV may be in (field15c)
         "settings"}   # the XLSForm sheet, named as it is (field15c)
out = []
for f in L.UI:
    for line, d in L.entries(f):
        where = f"{f}:{line} {d['id']}".rstrip()
        conv = {l: L.printf_convs(d[l]) for l in ("ky", "ru", "en")}
        for l in ("ky", "ru"):
            a, b = conv[l], conv["en"]
            if any("$" in c for c in a + b):
                a, b = sorted(a), sorted(b)
            if a != b:
                out.append(f"{where}: {l} has {conv[l]}, en has {conv['en']}")
            text = re.sub(r"%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?[a-zA-Z]", " ", d[l])
            for w in L.latin_words(text):
                w = w.strip(".'-")
                if w and w not in ALLOW and not re.fullmatch(r"F\d+", w):
                    out.append(f"{where}: English '{w}' in the {l} text")
        for m in L.ru_number_agreement(d["ru"]):   # %d, %lld before a noun or a plural verb
            out.append(f"{where}: ru number before a word that must agree: '{m}'")
print("\n".join(out))
PY
expect_eq "$(cat "$TMP/report")" "" "the same conversions in ky/ru/en, no English in ky/ru, no ru number before a noun"

# msg ID LANG: the text of one UI message
msg() { PYTHONPATH=tests python3 -c '
import sys, lang_strings as L
print([d[sys.argv[2]] for _, d in L.entries("src/ui/i18n.h") if d["id"] == sys.argv[1]][0])' "$1" "$2"; }
has() { # has ID LANG TEXT what
	if msg "$1" "$2" | grep -qF -- "$3"; then ok "$4"; else not_ok "$4: $1 ($2) is '$(msg "$1" "$2")'"; fi; }
has UI_M_ASK_DISCARD ru "Отбросить интервью «%s»? Оно останется" "ru: the interview is neuter (was «Он останется»)"
has UI_M_ASK_DISCARD ky "«%s» интервьюсун таштайсызбы?" "ky: a definite object in the accusative"
has UI_M_DISCARD_DONE ru "Интервью «%s» отброшено." "ru: what was discarded is named"
has UI_M_ASK_REOPEN ru "Интервью «%s» завершено." "ru: what is complete is named"
has UI_M_REMOVE_CONFIRM ru "Запись «%s» будет удалена" "ru: a repeat's entry is a «запись»"
has UI_M_REMOVED ru "Запись «%s» удалена." "ru: the entry removed"
has UI_M_ATTACH_DONE ru "Файл «%s» прикреплён." "ru: the file attached is named"
has UI_M_ANY_KEY ru "чтобы продолжить" "ru says what ky and en say: press a key to continue"
has UI_M_PASTE_IGNORED ky "текст талаасына" "ky: a text field, as ru and en say"
PYTHONPATH=tests python3 -c '
import lang_strings as L
print([d["ky"] for _, d in L.entries("src/analysis/resolve.c") if d["en"] == "Skipped"][0])' >"$TMP/skip"
expect_eq "$(cat "$TMP/skip")" "Өткөрүлүп жиберилди" "ky: a skipped question is «өткөрүлүп жиберилди», not «өткөрүлдү» (was held)"
done_testing
