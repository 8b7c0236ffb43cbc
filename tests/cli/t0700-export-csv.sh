# t0700-export-csv: `survey export --format csv` — a column per question in questionnaire order,
# select_multiple as names plus 0/1 columns, repeats in their own file joined by KEY, metadata,
# don't know as .d, labels in a chosen language, a byte order mark only when asked for.
. tests/lib.sh
export TZ=Asia/Bishkek
F=tests/fixtures/export
DB="$TMP/data.db"
"$SURVEY" import $F/basic.md $F/kobo.csv --db "$DB" >/dev/null 2>&1 &&
"$SURVEY" import $F/basic.md $F/central.csv --db "$DB" >/dev/null 2>&1 ||
	not_ok "setting up the database"

run "$SURVEY" export "$DB" --format csv -o "$TMP/out.csv"
expect_rc 0 "export csv"
expect_out "exported 4 interviews \(1 form version\) to '.*out.csv', '.*out-kid.csv'" "the summary names both files"
expect_eq "$(head -1 "$TMP/out.csv")" "start,end,resp/name,resp/age,resp/sex,region,fruit,fruit/apple,fruit/pear,fruit/other,fruit_other,weight,temp,visit,n_kids,nk,_uuid,_device,_interviewer,_status,_start,_end,_version,_origin,KEY,_comments" "the main header: questions in order, options, metadata, KEY, the comments"
expect_eq "$(head -1 "$TMP/out-kid.csv")" "kid/kid_name,kid/kid_age,PARENT_KEY,KEY" "the repeat's header"
expect_eq "$(wc -l <"$TMP/out.csv")" 5 "one row per interview"
expect_eq "$(wc -l <"$TMP/out-kid.csv")" 4 "one row per repeat instance"
grep -q '^2021-03-09T10:00:00.000+06:00,2021-03-09T10:20:00.000+06:00,Айгүл,34,1,chuy,apple other,1,0,1,Өрүк,61.5,,2021-03-09,0,0,0b6c2a4e-6a0e-4b8e-9c34-1f2d3e4a5b6c,' "$TMP/out.csv" &&
	ok "a row: values, names, 0/1 columns, Kyrgyz text" || not_ok "a row: $(sed -n 2p "$TMP/out.csv")"
grep -q '"Бакыт ""Бака"" Асанов"' "$TMP/out.csv" && ok "quotes are doubled inside a quoted field" ||
	not_ok "quoting: $(sed -n 3p "$TMP/out.csv")"
grep -q '"Гүлнара, эжеси"' "$TMP/out.csv" && ok "a comma is quoted" || not_ok "comma quoting"
expect_eq "$(sed -n 4p "$TMP/out-kid.csv")" "Элнура,.d,uuid:7e57c0de-0000-4000-8000-000000000002,uuid:7e57c0de-0000-4000-8000-000000000002/kid[1]" "don't know is .d; PARENT_KEY and KEY as ODK Central"
grep -q ',uuid:7e57c0de-0000-4000-8000-000000000001,$' "$TMP/out.csv" && ok "the main KEY" || not_ok "the main KEY"
grep -q ',enumerator1,complete,2021-04-01T05:00:00.000Z,' "$TMP/out.csv" && ok "interviewer, status, start in UTC" ||
	not_ok "metadata: $(sed -n 4p "$TMP/out.csv")"
[ "$(head -c 3 "$TMP/out.csv" | od -An -tx1 | tr -d ' ')" != "efbbbf" ] && ok "no byte order mark by default" || not_ok "a BOM by default"
ls -a "$TMP" | grep -q '\.tmp-' && not_ok "temporary files left behind" || ok "no temporary file left"

run "$SURVEY" export "$DB" -o "$TMP/lab.csv" --labels --lang ru --bom
expect_rc 0 "export csv --labels --lang ru --bom"
expect_eq "$(head -c 3 "$TMP/lab.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "--bom writes a byte order mark"
grep -q ',Айгүл,34,Женщина,Чуйская область,"Яблоко; Другое",1,0,1,' "$TMP/lab.csv" && ok "labels in Russian" ||
	not_ok "labels: $(sed -n 2p "$TMP/lab.csv")"
grep -q '^Элнура,Не знает,' "$TMP/lab-kid.csv" && ok "don't know as a word" || not_ok "dk word: $(cat "$TMP/lab-kid.csv")"

run "$SURVEY" export "$DB" -o "$TMP/ky.csv" --labels
grep -q ',Аял,Чүй облусу,' "$TMP/ky.csv" && ok "labels in the form's default language (Kyrgyz)" ||
	not_ok "default language: $(sed -n 2p "$TMP/ky.csv")"

# several versions: the union of their questions
sed -e 's/| | basic_export | 1 |/| | basic_export | 2 |/' -e '/| | decimal | weight |/d' \
	-e 's/^| | integer | temp |.*/| | text | note2 | Эскертүү | Примечание | Remark | | | | | |/' \
	$F/basic.md >"$TMP/basic2.md"
printf 'resp/name,resp/age,resp/sex,n_kids,note2\nЖаңы,20,2,0,жаңы суроо\n' >"$TMP/v2.csv"
"$SURVEY" import "$TMP/basic2.md" "$TMP/v2.csv" --db "$DB" >/dev/null 2>&1
run "$SURVEY" export "$DB" -o "$TMP/both.csv"
expect_out "exported 5 interviews \(2 form versions\)" "two versions export together"
expect_eq "$(head -1 "$TMP/both.csv" | cut -d, -f11-15)" "fruit_other,weight,temp,note2,visit" "the older version's questions stay where they were, the new one in its place"
grep -q ',жаңы суроо,.*,2,imported,uuid:' "$TMP/both.csv" && ok "the new version's row" || not_ok "v2 row: $(tail -1 "$TMP/both.csv")"

run "$SURVEY" export "$DB" -o "$TMP/x.json" --labels
expect_rc 2 "--labels is for CSV only"
done_testing
