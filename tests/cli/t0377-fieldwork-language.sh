# t0377-fieldwork-language: the words of the fieldwork, review and sealing screens and notes
# (issue 19's editorial pass of issue 15's and 17's texts): one term for one thing across
# screens (approved is «бекитилген» / «утверждено» in `list --by` and in the review screen; a
# total is «бардыгы» in both lists), Kyrgyz forms («убактысы», «ноутбугуна»), and the Russian
# count after a colon in the sealed notes — the agreement check also sees %lld and a plural
# verb after «интервью», shown on a planted «%1$lld интервью запечатаны»; and no text stands in
# another language's place (a Russian «или», «для» in Kyrgyz, a ң ө ү in Russian), shown on a
# planted swap.
. tests/lib.sh
# msg ID LANG [ROOT]: the text of one UI message
msg() { PYTHONPATH=tests python3 -c '
import sys, lang_strings as L
print([d[sys.argv[2]] for _, d in L.entries("src/ui/i18n.h", sys.argv[3]) if d["id"] == sys.argv[1]][0])' "$1" "$2" "${3:-.}"; }
has() { # has ID LANG TEXT what
	if msg "$1" "$2" | grep -qF -- "$3"; then ok "$4"; else not_ok "$4: $1 ($2) is '$(msg "$1" "$2")'"; fi; }
same() { # same ID1 ID2 LANG what
	expect_eq "$(msg "$1" "$3")" "$(msg "$2" "$3")" "$4"; }

same UI_M_FW_APPROVED UI_M_SV_APPROVED ru "ru: approved is «утверждено» in list --by and in the review screen"
has UI_M_FW_APPROVED ky "бекитилген" "ky: approved is «бекитилген» in list --by (was «жактырылган»)"
has UI_M_SV_APPROVED ky "бекитилди" "ky: and «бекитилди» in the review screen"
same UI_M_FW_TOTAL UI_M_LIST_TOTAL_COL ky "ky: a total is «бардыгы» in list --by as in list"
has UI_M_SV_REJECTED ru "отклонено" "ru: rejected is «отклонено», as en says (was «возвращено»)"
has UI_M_SV_REJECTED ky "четке кагылды" "ky: rejected is «четке кагылды»"
has UI_M_SV_RETURNED ky "оңдоого кайтарды" "ky: the interviewer sees «оңдоого кайтарды» (returned for correction)"
has UI_M_SV_RETURNED ru "на исправление" "ru: and «возвращено … на исправление»"
has UI_M_SV_FLAG_OVERLAP ky "убактысы кесилишет" "ky: «убакыт» + possessive is «убактысы» (was «убакыты»)"
has UI_M_SV_DONE_REJECTED ky "топтом менен өз ноутбугуна" "ky: the kit is «топтом», to «its laptop» in the dative"
has UI_M_FW_TITLE ky "Тандалма негизине карата" "ky: the sample frame is «тандалма негизи» (was «тандама алкагы»)"
has UI_M_FW_TITLE ru "в разрезе «%s»" "ru: «в разрезе» instead of a second «по»"
has UI_M_SV_TITLE ru "Проверка супервайзером" "ru: the review by the supervisor (not «of» him)"
has UI_M_SEALED_NOTE ru "не вошедших в подсчёт: %1\$lld;" "ru: the sealed count after a colon"
has UI_M_COMMENT_SHOW ky "Пикир: %s" "ky: a comment is «пикир»"

# say SENTENCE-START LANG: a report sentence whose English starts so
say() { PYTHONPATH=tests python3 -c '
import sys, lang_strings as L
print([d[sys.argv[2]] for _, d in L.entries("src/report/sentences.c") if d["en"].startswith(sys.argv[1])][0])' "$1" "$2"; }
say "Limitation: %1\$s interviews are sealed" ru >"$TMP/s.ru"
say "Limitation: %1\$s interviews are sealed" ky >"$TMP/s.ky"
grep -qF "не вошедших в этот отчёт: %1\$s;" "$TMP/s.ru" && ok "report, ru: the sealed count after a colon" ||
	not_ok "report, ru: $(cat "$TMP/s.ru")"
grep -qF "баяндамага" "$TMP/s.ky" && ! grep -q "отч" "$TMP/s.ky" && ok "report, ky: the report is «баяндама», as on its title" ||
	not_ok "report, ky: $(cat "$TMP/s.ky")"
say "The sample frame lists" ky | grep -qF "Тандалма негизинде" && ok "report, ky: the sample frame's units" ||
	not_ok "report, ky: $(say "The sample frame lists" ky)"

# the agreement check (t0372, t0373) catches a count with a length modifier and a plural verb
agree() { PYTHONPATH=tests python3 -c '
import sys, lang_strings as L
for f in L.TABLES:
    for line, d in L.entries(f, sys.argv[1]):
        for m in L.ru_number_agreement(d["ru"]):
            print(f"{f}:{line}: {m}")' "$1"; }
expect_eq "$(agree .)" "" "no ru count before a word that must agree with it"
mkdir -p "$TMP/tree/src/ui" "$TMP/tree/src/report"
PYTHONPATH=tests python3 -c 'import lang_strings as L; print("\n".join(L.TABLES))' | while read -r f; do
	mkdir -p "$TMP/tree/$(dirname "$f")" && cp "$f" "$TMP/tree/$f"
done
python3 - "$TMP/tree" <<'PY'
import sys
root = sys.argv[1]
p = f"{root}/src/ui/i18n.h"
s = open(p, encoding="utf-8").read()
a = "\"в '%2$s' интервью, запечатанных для координатора и не вошедших в подсчёт: %1$lld; \""
assert s.count(a) == 1
s = s.replace(a, "\"в '%2$s' %1$lld интервью запечатаны для координатора и не учтены; \"")
a = '"Единицы без начатого интервью: %d"'
assert s.count(a) == 1
s = s.replace(a, '"Не начато интервью в %d единицах"')
open(p, "w", encoding="utf-8").write(s)
p = f"{root}/src/report/sentences.c"
s = open(p, encoding="utf-8").read()
a = '"Ограничение: интервью, запечатанных для координатора (зашифрованных) и не "'
assert s.count(a) == 1
s = s.replace(a, '"Ограничение: %1$s интервью запечатаны для координатора. "')
open(p, "w", encoding="utf-8").write(s)
PY
agree "$TMP/tree" >"$TMP/planted"
grep -q "%1\$lld интервью запечатаны" "$TMP/planted" && ok "a planted «%1\$lld интервью запечатаны» is caught" ||
	not_ok "not caught: $(cat "$TMP/planted")"
grep -q "%d единицах" "$TMP/planted" && ok "a planted «%d единицах» is caught" ||
	not_ok "not caught: $(cat "$TMP/planted")"
grep -q "sentences.c.*%1\$s интервью запечатаны" "$TMP/planted" && ok "a planted report blank before «интервью запечатаны» is caught" ||
	not_ok "not caught: $(cat "$TMP/planted")"

# each text in its own language: wrong ROOT lists the texts that look like another language's
wrong() { PYTHONPATH=tests python3 -c '
import sys, lang_strings as L
for f in L.TABLES:
    for line, d in L.entries(f, sys.argv[1]):
        r, name = L.wrong_language(d), d["id"]
        if r:
            print(f"{f}:{line} {name}: {r}")' "$1"; }
PYTHONPATH=tests python3 -c '
import lang_strings as L
for w, d in L.all_texts():
    r = L.wrong_language(d)
    if r:
        print(w, r)' >"$TMP/wrong"
expect_eq "$(cat "$TMP/wrong")" "" "no Russian word in a Kyrgyz text, no Kyrgyz letter in a Russian one"
python3 - "$TMP/tree/src/ui/i18n.h" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
ky = '"Бул ноутбукта дайындалган интервьюлар гана: тизмеден бирин тандаңыз."'
ru = '"На этом ноутбуке только назначенные интервью: выберите одно из списка."'
assert s.count(ky) == 1 and s.count(ru) == 1
open(p, "w", encoding="utf-8").write(s.replace(ky, "@KY@").replace(ru, ky).replace("@KY@", ru))
PY
wrong "$TMP/tree" >"$TMP/swapped"
if grep -q "UI_M_NO_EXTRA.*ky: «На»" "$TMP/swapped" && grep -q "UI_M_NO_EXTRA.*ru: «ң»" "$TMP/swapped"; then
	ok "a planted swap of the ky and ru texts is caught"
else not_ok "the swap is not caught: $(cat "$TMP/swapped")"; fi
done_testing
