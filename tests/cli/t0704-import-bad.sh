# t0704-import-bad: every bad input gives its message and exit 1 and writes nothing — a stray
# quote, Windows-1251 text, UTF-16, a column twice, an empty file, a ragged row, values the
# questionnaire refuses (each located as FILE:LINE:COLUMN), unless --force imports the good
# rows. A byte order mark and mixed line endings are read correctly.
. tests/lib.sh
export TZ=Asia/Bishkek
F=tests/fixtures/export
H='resp/name,resp/age,resp/sex,region,fruit,fruit_other,weight,visit,n_kids'
GOOD='Айгүл,34,1,chuy,apple,,61.5,2021-03-09,0'
DB="$TMP/kept.db"
"$SURVEY" import $F/basic.md $F/kobo.csv --db "$DB" >/dev/null 2>&1 || not_ok "setting up"
DUMP="SELECT * FROM interviews ORDER BY uuid; SELECT uuid, path, value, state FROM answers ORDER BY 1, 2"
sqlite3 "$DB" "$DUMP" >"$TMP/dump0"

refused() { # refused FILE REGEX what: exit 1, the message, no new database, DB unchanged
	run "$SURVEY" import $F/basic.md "$1" --db "$TMP/new.db"
	expect_rc 1 "$3"
	expect_err "$2" "$3: the message"
	[ -e "$TMP/new.db" ] && not_ok "$3: a database was created" || ok "$3: no database created"
	rm -f "$TMP/new.db"*
	run "$SURVEY" import $F/basic.md "$1" --db "$DB"
	expect_rc 1 "$3 (into a database)"
	sqlite3 "$DB" "$DUMP" >"$TMP/dump1"
	cmp -s "$TMP/dump0" "$TMP/dump1" && ok "$3: the database is unchanged" ||
		not_ok "$3: the database changed"
}

printf '%s\n%s\nБакыт,4"1,2,osh,pear,,80,2021-03-10,0\n' "$H" "$GOOD" >"$TMP/stray.csv"
refused "$TMP/stray.csv" "stray.csv:3:resp/age: a quote inside an unquoted field \(a stray quote\?\)" "a stray quote"
printf '%s\n"Бакыт"x,41,2,osh,pear,,80,2021-03-10,0\n' "$H" >"$TMP/after.csv"
refused "$TMP/after.csv" "after.csv:2:resp/name: text after a closing quote" "text after a closing quote"
printf '%s\n%s\n"Бакыт,41,2,osh,pear,,80,2021-03-10,0\n' "$H" "$GOOD" >"$TMP/open.csv"
refused "$TMP/open.csv" "open.csv:3:resp/name: a quoted field is never closed" "an unterminated quote"
printf '%s\nИван,34,1,chuy,apple,,61.5,2021-03-09,0\nПётр,40,2,osh,pear,,80,2021-03-10,0\n' "$H" |
	iconv -f UTF-8 -t CP1251 >"$TMP/cp1251.csv"
refused "$TMP/cp1251.csv" "cp1251.csv:2: not UTF-8 \(Windows-1251\?\): save it as UTF-8" "Windows-1251 text"
printf '%s\n%s\n' "$H" "$GOOD" | iconv -f UTF-8 -t UTF-16 >"$TMP/utf16.csv"
refused "$TMP/utf16.csv" "utf16.csv:1: the file is UTF-16 text: save it as UTF-8" "UTF-16 text"
printf 'resp/name,resp/age,resp/sex,resp/age\nА,1,1,2\n' >"$TMP/twice.csv"
refused "$TMP/twice.csv" "twice.csv:1: column 'resp/age' appears twice \(columns 2 and 4\)" "a column twice"
: >"$TMP/empty.csv"
refused "$TMP/empty.csv" "empty.csv: the file is empty" "an empty file"
printf '\n\r\n  \n' >"$TMP/blank.csv"
refused "$TMP/blank.csv" "blank.csv: the file is empty" "a file of blank lines"
printf '%s\n' "$H" >"$TMP/header.csv"
refused "$TMP/header.csv" "header.csv: the file has a header but no rows: nothing to import" "a header only"
printf '%s\n%s\nБакыт,41,2,osh\n' "$H" "$GOOD" >"$TMP/short.csv"
refused "$TMP/short.csv" "short.csv:3: 4 fields, but the header has 9" "a short row"
refused "$TMP/absent.csv" "absent.csv" "a missing file"

# values the questionnaire refuses: each located, the whole file rejected
{
	printf '%s\n%s\n' "$H" "$GOOD"
	printf 'Бакыт,41,3,osh,pear,,80,2021-03-10,0\n'          # 3: no such choice
	printf 'Асан,abc,2,osh,pear,,80,2021-03-10,0\n'          # 4: not a number
	printf 'Усен,200,2,osh,pear,,80,2021-03-10,0\n'          # 5: constraint
	printf ',41,2,osh,pear,,80,2021-03-10,0\n'               # 6: required
	printf 'Жаңыл,41,2,osh,pear,алча,80,2021-13-10,0\n'      # 7: not relevant, bad date
	printf 'Нурбек,41,2,naryn,pear kiwi,,-1,2021-03-10,0\n'  # 8: choice, choices, constraint
} >"$TMP/values.csv"
run "$SURVEY" import $F/basic.md "$TMP/values.csv" --db "$TMP/new.db"
expect_rc 1 "bad values"
expect_err "values.csv:3:resp/sex: error: '3': There is no such choice in the list" "a value outside the choice list"
expect_err "values.csv:4:resp/age: error: 'abc': Enter a whole number" "a type error"
expect_err "values.csv:5:resp/age: error: '200': The answer is not valid" "a violated constraint"
expect_err "values.csv:6:resp/name: error: This question is required" "a required answer"
expect_err "values.csv:7:fruit_other: error: 'алча': This question does not apply now" "an answer to a question that does not apply"
expect_err "values.csv:7:visit: error: '2021-13-10': Not a valid date" "a bad date"
expect_err "values.csv:8:region: error: 'naryn'" "row 8: region"
expect_err "values.csv:8:fruit: error: 'pear kiwi'" "row 8: fruit"
expect_err "values.csv:8:weight: error: '-1'" "row 8: weight"
expect_err "'.*values.csv': 6 of 7 rows rejected: nothing imported \(--force imports the others\)" "the summary"
[ -e "$TMP/new.db" ] && not_ok "a database was created" || ok "no database created"
run "$SURVEY" import $F/basic.md "$TMP/values.csv" --db "$DB"
expect_rc 1 "bad values into a database"
sqlite3 "$DB" "$DUMP" >"$TMP/dump1"
cmp -s "$TMP/dump0" "$TMP/dump1" && ok "nothing half-imported" || not_ok "the database changed"
run "$SURVEY" import $F/basic.md "$TMP/values.csv" --db "$DB" --force
expect_rc 0 "--force"
expect_out "imported 1 interview .*; 6 rows left out" "--force imports the good row"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM interviews")" 3 "one more interview"

# a repeat with more rows than its repeat_count allows
printf 'resp/name,resp/age,resp/sex,n_kids,_uuid\nА,30,1,1,22222222-2222-4222-8222-222222222222\n' >"$TMP/r.csv"
printf 'kid_name,PARENT_KEY\nБ,uuid:22222222-2222-4222-8222-222222222222\nВ,uuid:22222222-2222-4222-8222-222222222222\n' >"$TMP/r-kid.csv"
run "$SURVEY" import $F/basic.md "$TMP/r.csv" --db "$TMP/new.db"
expect_rc 1 "too many repeat rows"
expect_err "r-kid.csv:3: error: one row more than the 1 instance of 'kid' \(set by its repeat_count\)" "the extra row is named"

# read correctly: a byte order mark, mixed line endings
printf '\357\273\277%s\r\n%s\nБакыт,41,2,osh,pear,,80,2021-03-10,0\r\n' "$H" "$GOOD" >"$TMP/bom.csv"
run "$SURVEY" import $F/basic.md "$TMP/bom.csv" --db "$TMP/bom.db"
expect_rc 0 "a byte order mark and mixed line endings"
expect_err "bom.csv: warning: lines end in more than one way" "mixed line endings are reported"
expect_eq "$(sqlite3 "$TMP/bom.db" "SELECT group_concat(value, ',') FROM (SELECT value FROM answers WHERE path IN ('resp/name', 'n_kids') ORDER BY value)")" \
	"0,0,Айгүл,Бакыт" "the first column despite the BOM, no CR in values"

run "$SURVEY" import $F/basic.md "$TMP/bom.csv"
expect_rc 2 "no --db"
run "$SURVEY" import "$TMP/bom.csv" --db "$TMP/x.db"
expect_rc 2 "one file only"
printf 'not a form\n' >"$TMP/bad.md"
run "$SURVEY" import "$TMP/bad.md" "$TMP/bom.csv" --db "$TMP/x.db"
expect_rc 1 "a bad questionnaire"
[ -e "$TMP/x.db" ] && not_ok "a database was created" || ok "no database for a bad questionnaire"
done_testing
