# t1015-fieldwork-no-english-inside: the refusals of frame, kit, receive and list --by whose
# inner reason came from a lower layer in English — an output file that is an input, its
# journal, a folder, a device or in a missing folder; a frame or kit that cannot be opened; a
# frame value its question refuses (a choice not in the list, not a whole number); the merge's
# reason inside a refused kit; `list --by` a name that is no question or frame column — are
# worded whole in Kyrgyz and Russian: no English word is left outside file names, quoted values
# and option names. Each is one line, and nothing is changed. Every reason form_value_check
# gives has its translation in src/ui/fw_why_text.c.
. tests/lib.sh
FORM=surveys/covid19-lsg.md
FRAME=tests/fixtures/fieldwork/frame-60.csv
HQ=$TMP/hq.db
"$SURVEY" frame $FORM $FRAME --db "$HQ" >/dev/null
"$SURVEY" assign "$HQ" --interviewer A --where oblast=chuy >/dev/null
"$SURVEY" kit "$HQ" --interviewer A -o "$TMP/a.db" >/dev/null
cp "$TMP/a.db" "$TMP/esc.db"
sqlite3 "$TMP/esc.db" "UPDATE frame SET data = json_set(data, '$.municipality_name', 'X' || char(27) || '[31m') WHERE unit_id = 'CH-01'"
"$SURVEY" receive "$TMP/a.db" --db "$TMP/laptop.db" >/dev/null
mkdir "$TMP/folder"
head -1 $FRAME >"$TMP/bad.csv"
printf 'Y-1,mars,kemin,ayil_okmotu,Жаңы,1200\nY-2,chuy,kemin,ayil_okmotu,Жаңы 2,-5x\n' >>"$TMP/bad.csv"
cp "$HQ" "$TMP/hq-before.db"
cp "$TMP/laptop.db" "$TMP/laptop-before.db"

# English words left in stderr, once the file names, quoted values, option names, the
# "survey CMD:" head and a FILE:LINE:COLUMN: location are taken out
english() {
	python3 - "$1" <<'PY'
import re, sys
left = []
for line in open(sys.argv[1], encoding="utf-8"):
    line = re.sub(r"^survey( \w+)?: ", "", line)
    line = re.sub(r"^\S+:\d+:\S*: ", "", line)
    line = re.sub(r"'[^']*'|«[^»]*»", "", line)
    line = re.sub(r"(^|\s)--?[a-z][a-z-]*", " ", line)
    left += re.findall(r"[A-Za-z]{4,}", line)
print(" ".join(left))
PY
}
check() { # check WHAT (after run): refused, one line, no English
	expect_rc 1 "$1"
	expect_err_lines 1 "$1: one line"
	w=$(english "$TMP/err")
	[ -z "$w" ] && ok "$1: no English word" || not_ok "$1: English left ($w): $(cat "$TMP/err")"
}
for l in ky ru; do
	run "$SURVEY" kit "$HQ" --interviewer A -o "$HQ" --lang $l
	check "kit -o the input database ($l)"
	run "$SURVEY" kit "$HQ" --interviewer A -o "$HQ-wal" --lang $l
	check "kit -o the input's journal ($l)"
	run "$SURVEY" kit "$HQ" --interviewer A -o "$TMP/folder" --lang $l
	check "kit -o a folder ($l)"
	run "$SURVEY" kit "$HQ" --interviewer A -o /dev/null --lang $l
	check "kit -o a device ($l)"
	run "$SURVEY" kit "$HQ" --interviewer A -o "$TMP/nodir/k.db" --lang $l
	check "kit -o in a missing folder ($l)"
	run "$SURVEY" frame $FORM $FRAME --db $FORM --lang $l
	check "frame --db the questionnaire ($l)"
	run "$SURVEY" frame $FORM "$TMP/bad.csv" --db "$TMP/bad.csv" --lang $l
	check "frame --db the frame file ($l)"
	run "$SURVEY" frame $FORM $FRAME --db "$TMP/folder" --lang $l
	check "frame --db a folder ($l)"
	run "$SURVEY" frame $FORM "$TMP/nofile.csv" --db "$HQ" --lang $l
	check "frame of a missing CSV ($l)"
	run "$SURVEY" frame $FORM "$TMP/folder" --db "$HQ" --lang $l
	check "frame of a folder ($l)"
	run "$SURVEY" frame $FORM $FRAME --db "$TMP/nodir/x.db" --lang $l
	check "frame --db in a missing folder ($l)"
	run "$SURVEY" receive "$TMP/a.db" --db "$TMP/a.db" --lang $l
	check "receive --db the kit ($l)"
	run "$SURVEY" receive "$TMP/nokit.db" --db "$TMP/laptop.db" --lang $l
	check "receive of a missing kit ($l)"
	run "$SURVEY" receive "$TMP/esc.db" --db "$TMP/laptop.db" --lang $l
	check "a kit the merge refuses ($l)"
	expect_err "esc.db" "a kit the merge refuses ($l): names the kit"
	expect_err "--lang en" "a kit the merge refuses ($l): says where the full reason is"
	run "$SURVEY" list "$HQ" --by nosuch --lang $l
	check "list --by a name that is neither a question nor a frame column ($l)"
	run "$SURVEY" frame $FORM "$TMP/bad.csv" --db "$HQ" --lang $l
	expect_rc 1 "frame values refused ($l)"
	expect_err_lines 3 "frame values refused ($l): two lines and the summary"
	w=$(english "$TMP/err")
	[ -z "$w" ] && ok "frame values refused ($l): no English word" ||
		not_ok "frame values refused ($l): English left ($w): $(cat "$TMP/err")"
	expect_err "bad.csv:2:oblast: .*'mars'.*«oblast»" "a choice not in the list ($l): the value and the list"
	expect_err "bad.csv:3:population: .*'-5x'" "not a whole number ($l): the value"
done
run "$SURVEY" frame $FORM "$TMP/bad.csv" --db "$HQ" --lang ky
expect_err "'mars': «oblast» тизмесинде мындай тандоо жок" "the Kyrgyz words of a choice not in the list"
expect_err "'-5x': бүтүн сан эмес" "the Kyrgyz words of not a whole number"
run "$SURVEY" frame $FORM "$TMP/bad.csv" --db "$HQ" --lang ru
expect_err "'-5x': не целое число" "the Russian words of not a whole number"
run "$SURVEY" kit "$HQ" --interviewer A -o "$TMP/nodir/k.db" --lang ru
expect_err "^survey: не удалось записать «.*nodir/k.db»: нет папки «.*nodir»$" "the Russian line of a missing folder"
# English keeps the lower layers' own (more detailed) words
run "$SURVEY" receive "$TMP/esc.db" --db "$TMP/laptop.db" --lang en
expect_err "not printable text" "in English the merge's own reason"
run "$SURVEY" kit "$HQ" --interviewer A -o "$HQ" --lang en
expect_err "^survey: the input database '.*hq.db' is the output file \(-o '.*hq.db'\); choose another output file$" "in English outfile's own line"
cmp -s "$HQ" "$TMP/hq-before.db" && ok "HQ.db unchanged by every refusal" || not_ok "HQ.db changed"
cmp -s "$TMP/laptop.db" "$TMP/laptop-before.db" && ok "the laptop file unchanged" || not_ok "the laptop file changed"
[ ! -e "$TMP/nodir" ] && [ -z "$(ls "$TMP/folder")" ] && ok "nothing created" || not_ok "a file or folder was created"

# every reason of form_value_check has its translation
missing=$(grep -o 'errf(msg, "[^"]*"' src/form/form_value.c | sed 's/^errf(msg, "//; s/"$//; s/%s.*//; s/%d.*//' |
	while IFS= read -r r; do grep -qF "\"$r" src/ui/fw_why_text.c || echo "$r;"; done)
[ -z "$missing" ] && ok "every value reason is translated" || not_ok "value reasons without a translation: $missing"
done_testing
