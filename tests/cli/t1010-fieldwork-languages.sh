# t1010-fieldwork-languages: the refusals of issue 15's Done-when list — a kit for another form
# version, a kit applied twice, a frame with repeated ids, a frame with an unknown column, a
# rejection of an interview that does not exist — and the summary lines of frame, assign, kit
# and receive, in Kyrgyz (--lang ky, or the locale), Russian and English: each a clear line in
# that language, the files unchanged.
. tests/lib.sh
VER=$(sed -n 's/^|  | .* | covid19_lsg | \([0-9]*\) | .*/\1/p' surveys/covid19-lsg.md)
FORM=surveys/covid19-lsg.md
FRAME=tests/fixtures/fieldwork/frame-60.csv
HQ=$TMP/hq.db
same() { # same FILE COPY WHAT
	cmp -s "$1" "$2" && ok "$3: unchanged" || not_ok "$3: the file changed"
}
# the language of a message, by words every message of it has one of (names are Kyrgyz too)
KY='(жок|керек|бар|ката)' RU='(нет|ничего|уже|для|ошибка|ни у)' EN='(nothing|not|no |is |has )'
is_lang() { # is_lang FILE WHAT YES NO1 NO2
	grep -qE "$3" "$1" && ! grep -qE "$4" "$1" && ! grep -qE "$5" "$1" && ok "$2" || { not_ok "$2"; cat "$1"; }
}
is_ky() { is_lang "$1" "$2: in Kyrgyz" "$KY" "$RU" "$EN"; }
is_ru() { is_lang "$1" "$2: in Russian" "$RU" "$KY" "$EN"; }
is_en() { is_lang "$1" "$2: in English" "$EN" "$KY" "$RU"; }

# ---- summaries ----
run "$SURVEY" frame $FORM $FRAME --db "$HQ" --lang ky
expect_rc 0 "frame --lang ky"
expect_out "тандалма негизине 60 бирдик кошулду" "frame: the Kyrgyz summary"
run "$SURVEY" frame $FORM $FRAME --db "$HQ" --lang ru
expect_out "уже содержит эти единицы — 60: ничего не изменилось" "frame again: the Russian summary"
run env LC_ALL=ky_KG.UTF-8 "$SURVEY" assign "$HQ" --interviewer 'Айгүл' --where oblast=chuy
expect_out "^Айгүл интервьюерге 'covid19_lsg' анкетасынын 9 бирдик дайындалды$" "assign: Kyrgyz from the locale"
run "$SURVEY" assign "$HQ" --interviewer 'Марат' CH-09 TL-01 --lang ru
expect_out "^интервьюеру Марат назначено единиц анкеты 'covid19_lsg': 2 \(от другого интервьюера — 1\)$" "assign: the Russian summary"
run "$SURVEY" kit "$HQ" --interviewer 'Айгүл' -o "$TMP/aigul.db" --lang ky
expect_out "^Айгүл үчүн топтом '.*aigul.db' файлына жазылды: 'covid19_lsg' анкетасы, $VER-версия, 8 бирдик дайындалган, 0 интервью кайтарылды$" "kit: the Kyrgyz summary"
run "$SURVEY" kit "$HQ" --interviewer 'Марат' -o "$TMP/marat.db" --lang en
expect_out "^wrote the kit of Марат to '.*marat.db': form 'covid19_lsg' version $VER, 2 units assigned, 0 interviews sent back$" "kit: English"
run "$SURVEY" receive "$TMP/aigul.db" --db "$TMP/laptop.db" --lang ru
expect_out "^комплект интервьюера Айгүл применён к '.*laptop.db': анкета 'covid19_lsg' версии $VER, заданий: 10, возвращено интервью: 0$" "receive: the Russian summary"

# ---- a kit applied twice: nothing changed, said in each language ----
cp "$TMP/laptop.db" "$TMP/laptop-before.db"
for l in ky ru en; do
	run "$SURVEY" receive "$TMP/aigul.db" --db "$TMP/laptop.db" --lang $l
	expect_rc 0 "the kit again ($l)"
	is_$l "$TMP/out" "the kit again ($l)"
	expect_out "aigul.db" "the kit again ($l): names the kit"
	same "$TMP/laptop.db" "$TMP/laptop-before.db" "the kit again ($l)"
done
expect_out "^'.*laptop.db' already holds the kit '.*aigul.db': nothing changed$" "the kit again: the English line"

# ---- a kit for another version of the form ----
sed "s/| covid19_lsg | $VER |/| covid19_lsg | 9999999999 |/" $FORM >"$TMP/covid-v2.md"
"$SURVEY" frame "$TMP/covid-v2.md" $FRAME --db "$TMP/hq2.db" >/dev/null
"$SURVEY" assign "$TMP/hq2.db" --interviewer 'Айгүл' CH-01 >/dev/null
"$SURVEY" kit "$TMP/hq2.db" --interviewer 'Айгүл' -o "$TMP/v2kit.db" >/dev/null
for l in ky ru en; do
	run "$SURVEY" receive "$TMP/v2kit.db" --db "$TMP/laptop.db" --lang $l
	expect_rc 1 "a kit for another version ($l): refused"
	expect_err_lines 1 "a kit for another version ($l): one line"
	expect_err "^survey: .*v2kit.db.*9999999999.*laptop.db.*$VER" "a kit for another version ($l): names both"
	is_$l "$TMP/err" "a kit for another version ($l)"
	same "$TMP/laptop.db" "$TMP/laptop-before.db" "a kit for another version ($l)"
done
run "$SURVEY" receive "$TMP/v2kit.db" --db "$TMP/laptop.db" --lang ky
expect_err "анкетасынын 9999999999-версиясы үчүн топтом.*эч нерсе өзгөргөн жок" "a kit for another version: the Kyrgyz words"

# ---- a kit for another form than the laptop's interviews ----
"$SURVEY" simulate tests/fixtures/forms/basic.md -n 1 --db "$TMP/other.db" --quiet
cp "$TMP/other.db" "$TMP/other-before.db"
for l in ky ru en; do
	run "$SURVEY" receive "$TMP/aigul.db" --db "$TMP/other.db" --lang $l
	expect_rc 1 "a kit for another form ($l): refused"
	expect_err_lines 1 "a kit for another form ($l): one line"
	expect_err "covid19_lsg.*other.db" "a kit for another form ($l): names the kit's form and the file"
	is_$l "$TMP/err" "a kit for another form ($l)"
	same "$TMP/other.db" "$TMP/other-before.db" "a kit for another form ($l)"
done

# ---- a kit the merge refuses (its frame holds an escape): the merge's reason inside ----
cp "$TMP/aigul.db" "$TMP/esc-frame.db"
sqlite3 "$TMP/esc-frame.db" "UPDATE frame SET data = json_set(data, '$.municipality_name', 'X' || char(27) || '[31m') WHERE unit_id = 'CH-01'"
run "$SURVEY" receive "$TMP/esc-frame.db" --db "$TMP/laptop.db" --lang ky
expect_rc 1 "a kit the merge refuses: refused"
expect_err "^survey: '.*esc-frame.db' топтому кабыл алынган жок \(файл бузулган .*--lang en.*\): эч нерсе өзгөргөн жок$" "in Kyrgyz, the merge's reason inside (in Kyrgyz too: t1015)"
expect_err_lines 1 "in one line"
same "$TMP/laptop.db" "$TMP/laptop-before.db" "a kit the merge refuses"

# ---- a frame with repeated ids, a frame with an unknown column ----
head -1 $FRAME >"$TMP/dup.csv"
printf 'X-1,chuy,kemin,ayil_okmotu,Жаңы айыл өкмөтү,1200\nX-1,chuy,kemin,ayil_okmotu,Дагы бир айыл өкмөтү,1400\n' >>"$TMP/dup.csv"
sed '1s/$/,mayor_phone/; 2,$s/$/,555/' $FRAME >"$TMP/unknown.csv"
cp "$HQ" "$TMP/hq-before.db"
for l in ky ru en; do
	run "$SURVEY" frame $FORM "$TMP/dup.csv" --db "$HQ" --lang $l
	expect_rc 1 "repeated ids ($l): refused"
	expect_err "dup.csv:3:unit_id: .*X-1.*2" "repeated ids ($l): the line, column, id and first line" 
	expect_err_lines 2 "repeated ids ($l): the problem and the summary"
	is_$l "$TMP/err" "repeated ids ($l)"
	same "$HQ" "$TMP/hq-before.db" "repeated ids ($l)"
	run "$SURVEY" frame $FORM "$TMP/unknown.csv" --db "$HQ" --lang $l
	expect_rc 1 "an unknown column ($l): refused"
	expect_err "unknown.csv:1:mayor_phone: .*mayor_phone" "an unknown column ($l): located"
	expect_err_lines 2 "an unknown column ($l): the problem and the summary"
	is_$l "$TMP/err" "an unknown column ($l)"
	same "$HQ" "$TMP/hq-before.db" "an unknown column ($l)"
done
run "$SURVEY" frame $FORM "$TMP/dup.csv" --db "$HQ" --lang ky
expect_err "dup.csv:3:unit_id: ката: 'X-1' ID'си кайталанды \(биринчи жолу 2-сапта\)" "repeated ids: the Kyrgyz line"
expect_err "тандалма негизинде каталар бар: эч нерсе кошулган жок" "repeated ids: the Kyrgyz summary"
run "$SURVEY" frame $FORM "$TMP/unknown.csv" --db "$HQ" --lang ru
expect_err "unknown.csv:1:mayor_phone: ошибка: в анкете нет вопроса 'mayor_phone'" "an unknown column: the Russian line"
# the same id with other values: one line, in the language
sed '2s/,9347$/,9348/' $FRAME >"$TMP/changed.csv"
for l in ky ru en; do
	run "$SURVEY" frame $FORM "$TMP/changed.csv" --db "$HQ" --lang $l
	expect_rc 1 "a unit with other values ($l): refused"
	expect_err_lines 1 "a unit with other values ($l): one line"
	expect_err "changed.csv:2: .*BT-01" "a unit with other values ($l): located"
	is_$l "$TMP/err" "a unit with other values ($l)"
	same "$HQ" "$TMP/hq-before.db" "a unit with other values ($l)"
done

# ---- assign: a unit not in the frame ----
for l in ky ru en; do
	run "$SURVEY" assign "$HQ" --interviewer 'Марат' NOPE-1 --lang $l
	expect_rc 1 "a unit not in the frame ($l): refused"
	expect_err_lines 1 "a unit not in the frame ($l): one line"
	is_$l "$TMP/err" "a unit not in the frame ($l)"
	same "$HQ" "$TMP/hq-before.db" "a unit not in the frame ($l)"
done

# ---- a rejection of an interview that does not exist ----
for l in ky ru en; do
	run "$SURVEY" review "$HQ" --reject 00000000-0000-4000-8000-000000000000 --reason 'жок' --reviewer 'Сабина' --lang $l
	expect_rc 1 "rejecting an interview that does not exist ($l): refused"
	expect_err_lines 1 "rejecting an interview that does not exist ($l): one line"
	expect_err "00000000-0000-4000-8000-000000000000" "rejecting an interview that does not exist ($l): names it"
	expect_err "hq.db" "rejecting an interview that does not exist ($l): and the file"
	is_$l "$TMP/err" "rejecting an interview that does not exist ($l)"
	same "$HQ" "$TMP/hq-before.db" "rejecting an interview that does not exist ($l)"
done
run env LC_ALL=ru_RU.UTF-8 "$SURVEY" review "$HQ" --reject 00000000-0000-4000-8000-000000000000 --reason x --reviewer S
expect_err "^survey: в '.*hq.db' нет интервью '00000000-0000-4000-8000-000000000000': ничего не изменилось$" "the Russian line, from the locale"

# ---- a file that is missing or no database, in the language ----
run "$SURVEY" kit "$TMP/nope.db" --interviewer 'Айгүл' -o "$TMP/k.db" --lang ky
expect_rc 1 "kit of a missing file: refused"
expect_err "^survey: «.*nope.db» ачылбады: " "in Kyrgyz"
printf 'just text\n' >"$TMP/text.db"
run "$SURVEY" review "$TMP/text.db" --approve 00000000-0000-4000-8000-000000000000 --reviewer S --lang ru
expect_err "^survey: «.*text.db» — не база данных$" "review of a text file, in Russian"
run "$SURVEY" assign "$TMP/text.db" --interviewer X CH-01 --lang ky
expect_err "^survey: «.*text.db» маалымат базасы эмес$" "assign on a text file, in Kyrgyz"

# ---- usage errors in the language ----
run "$SURVEY" kit "$HQ" --interviewer 'Айгүл' --lang ky
expect_rc 2 "kit without -o: bad arguments"
expect_err "^survey kit: -o KIT.db керек$" "in Kyrgyz"
expect_err "^колдонулушу: survey kit " "the usage line in Kyrgyz"
run "$SURVEY" receive --lang ru
expect_err "^survey receive: нужен один файл комплекта$" "receive without a kit, in Russian"
run "$SURVEY" assign "$HQ" --interviewer X CH-01 --lang xx
expect_rc 2 "an unknown --lang"
run "$SURVEY" assign "$HQ" --interviewer "$(printf 'M\033[2J')" TL-01 --lang ky
expect_rc 2 "a name with a control character: bad arguments"
expect_err "^survey assign: --interviewer 'M.*' башкаруучу белгини же UTF-8 эмес байттарды камтыйт" "said in Kyrgyz"
grep -q "$(printf '\033')" "$TMP/err" && not_ok "a raw escape on stderr" || ok "the escape is not printed raw"
run "$SURVEY" kit "$HQ" --interviewer "$(printf 'M\033[2J')" -o "$TMP/k.db" --lang ru
expect_err "содержит управляющий символ" "kit: said in Russian"
done_testing
