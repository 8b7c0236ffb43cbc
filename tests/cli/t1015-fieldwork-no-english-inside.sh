# t1015-fieldwork-no-english-inside: the refusals of frame, kit, receive and list --by whose
# inner reason came from a lower layer in English — an output file that is an input, its
# journal, a folder, a device or in a missing folder; a frame or kit that cannot be opened; a
# frame value its question refuses (a choice not in the list, not a whole number); the merge's
# reason inside a refused kit; `list --by` a name that is no question or frame column, or a
# question inside a repeat; a frame CSV the reader refuses (empty, a row with too many cells,
# bytes that are not UTF-8, a stray quote, a NUL byte, UTF-16, a column twice) or whose rows
# are refused (an id twice, an unknown column); a changed questionnaire under the same
# version; a --db that is no SQLite file, another program's database or a newer survey's — are
# worded whole in Kyrgyz and Russian: no English word is left outside file names, quoted
# values and option names. Each is one line, and nothing is changed. A frame with a byte order
# mark loads. Every reason form_value_check gives has its translation in src/ui/fw_why_text.c.
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
# frame files the CSV reader refuses, and rows the frame refuses
: >"$TMP/empty.csv"
{ head -1 $FRAME; echo 'Z-1,chuy,kemin,ayil_okmotu,Жаңы,1200,артык'; } >"$TMP/row.csv"
{ head -1 $FRAME; printf 'Z-1,chuy,kemin,ayil_okmotu,\377\376 Жаңы,1200\n'; } >"$TMP/enc.csv"
{ head -1 $FRAME; echo '"Z-1,chuy,kemin,ayil_okmotu,Жаңы,1200'; } >"$TMP/quo.csv"
{ head -1 $FRAME; printf 'Z-1,chuy,kemin,ayil_okmotu,Жа\000ңы,1200\n'; } >"$TMP/nul.csv"
printf 'unit_id,oblast\nZ-1,chuy\n' | iconv -f UTF-8 -t UTF-16 >"$TMP/u16.csv"
{ echo 'unit_id,oblast,oblast'; echo 'Z-1,chuy,chuy'; } >"$TMP/col.csv"
{ head -1 $FRAME; sed -n 2p $FRAME; sed -n 2p $FRAME; } >"$TMP/dup.csv"
sed '1s/$/,mayor/; 2,$s/$/,x/' $FRAME >"$TMP/unk.csv"
{ printf '\357\273\277'; cat $FRAME; } >"$TMP/bom.csv"
echo 'not a database at all, just text' >"$TMP/text.db"
sqlite3 "$TMP/other.db" "CREATE TABLE t(x)"
cp "$HQ" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "PRAGMA user_version = 99"
sed 's/| Чүй облусу |/| Чүй облусу (өзгөртүлдү) |/' $FORM >"$TMP/changed.md"
cp "$TMP/text.db" "$TMP/text-before.db"
cp "$TMP/other.db" "$TMP/other-before.db"
cp "$TMP/newer.db" "$TMP/newer-before.db"
cp "$HQ" "$TMP/hq-before.db"
cp "$TMP/laptop.db" "$TMP/laptop-before.db"

# English words left in stderr, once the file names, quoted values, option names, encodings'
# names, the "survey CMD:" head and a FILE:LINE[:COLUMN]: location are taken out
english() {
	python3 - "$1" <<'PY'
import re, sys
left = []
for line in open(sys.argv[1], encoding="utf-8"):
    line = re.sub(r"^survey( \w+)?: ", "", line)
    line = re.sub(r"^\S+:\d+(:\S*)?: ", "", line)
    line = re.sub(r"'[^']*'|«[^»]*»", "", line)
    line = re.sub(r"(^|\s)--?[a-z][a-z-]*", " ", line)
    line = re.sub(r"Windows-\d+", " ", line)   # an encoding's name, as Excel shows it
    left += re.findall(r"[A-Za-z]{4,}", line)
print(" ".join(left))
PY
}
check() { # check WHAT [LINES] (after run): refused, one line (or LINES), no English
	expect_rc 1 "$1"
	expect_err_lines "${2:-1}" "$1: ${2:-one} line(s)"
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
	run "$SURVEY" list "$HQ" --by partner_type --lang $l
	check "list --by a question inside a repeat ($l)"
	expect_err "'social/partners\[1\]/partner_type'" "list --by a question inside a repeat ($l): the path to give"
	for f in empty row enc quo nul u16 col; do
		run "$SURVEY" frame $FORM "$TMP/$f.csv" --db "$HQ" --lang $l
		check "frame of a CSV the reader refuses: $f.csv ($l)"
		expect_err "$f.csv" "frame of $f.csv ($l): names the file"
	done
	for f in dup unk; do
		run "$SURVEY" frame $FORM "$TMP/$f.csv" --db "$HQ" --lang $l
		check "frame rows refused: $f.csv, the problem and the summary ($l)" 2
	done
	run "$SURVEY" frame "$TMP/changed.md" $FRAME --db "$HQ" --lang $l
	check "frame of a changed questionnaire under the same version ($l)"
	for d in text other newer; do
		run "$SURVEY" frame $FORM $FRAME --db "$TMP/$d.db" --lang $l
		check "frame --db $d.db ($l)"
		run "$SURVEY" assign "$TMP/$d.db" --interviewer A --where oblast=chuy --lang $l
		check "assign on $d.db ($l)"
	done
	run "$SURVEY" frame $FORM "$TMP/bad.csv" --db "$HQ" --lang $l
	check "frame values refused, two lines and the summary ($l)" 3
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
run "$SURVEY" frame $FORM "$TMP/row.csv" --db "$HQ" --lang ky
expect_err "^survey: .*row.csv:2: ката: бул сапта 7 уяча бар, ал эми баш сапта 6 .*: эч нерсе кошулган жок$" "the Kyrgyz line of a row with too many cells"
run "$SURVEY" frame $FORM "$TMP/enc.csv" --db "$HQ" --lang ru
expect_err "enc.csv:2: ошибка: не в кодировке UTF-8 \(возможно, Windows-1251\): сохраните файл в UTF-8: ничего не добавлено$" "the Russian line of bytes that are not UTF-8"
run "$SURVEY" list "$HQ" --by partner_type --lang ky
expect_err "«partner_type» суроосу «social/partners» кайталануучу тобунун ичинде" "the Kyrgyz words of a question inside a repeat"
run "$SURVEY" list "$HQ" --by partner_type --lang en
expect_err "question 'partner_type' is inside the repeat 'social/partners': name one entry's answer by its path, e.g. 'social/partners\[1\]/partner_type'$" "in English too, with the path to give"
run "$SURVEY" frame $FORM "$TMP/row.csv" --db "$HQ" --lang en
expect_err "row.csv:2: 7 fields, but the header has 6" "in English the reader's own line"
cmp -s "$HQ" "$TMP/hq-before.db" && ok "HQ.db unchanged by every refusal" || not_ok "HQ.db changed"
for d in text other newer; do
	cmp -s "$TMP/$d.db" "$TMP/$d-before.db" && ok "$d.db unchanged" || not_ok "$d.db changed"
done
run "$SURVEY" frame $FORM "$TMP/bom.csv" --db "$TMP/bom.db" --lang ky
expect_rc 0 "a frame with a byte order mark loads"
expect_eq "$(sqlite3 "$TMP/bom.db" "SELECT count(*) FROM frame WHERE unit_id = 'BT-01'")" 1 "its first id is read without the mark"
cmp -s "$TMP/laptop.db" "$TMP/laptop-before.db" && ok "the laptop file unchanged" || not_ok "the laptop file changed"
[ ! -e "$TMP/nodir" ] && [ -z "$(ls "$TMP/folder")" ] && ok "nothing created" || not_ok "a file or folder was created"

# every reason of form_value_check has its translation
missing=$(grep -o 'errf(msg, "[^"]*"' src/form/form_value.c | sed 's/^errf(msg, "//; s/"$//; s/%s.*//; s/%d.*//' |
	while IFS= read -r r; do grep -qF "\"$r" src/ui/fw_why_text.c || echo "$r;"; done)
[ -z "$missing" ] && ok "every value reason is translated" || not_ok "value reasons without a translation: $missing"
done_testing
