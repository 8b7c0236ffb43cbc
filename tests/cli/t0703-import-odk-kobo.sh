# t0703-import-odk-kobo: CSV files as KoboToolbox and ODK Central export them go in — group
# prefixes with '/' or '-', select_multiple as names or as 0/1 columns only, repeats from
# DATA-REPEAT.csv joined by PARENT_KEY, the platforms' metadata used for the UUID, times and
# interviewer, other columns reported once each and ignored.
. tests/lib.sh
export TZ=Asia/Bishkek
F=tests/fixtures/export
DB="$TMP/data.db"
Q() { sqlite3 "$DB" "$1"; }

run "$SURVEY" import $F/basic.md $F/kobo.csv --db "$DB"
expect_rc 0 "a KoboToolbox export"
expect_out "imported 2 interviews from '.*kobo.csv' into '.*data.db'" "the summary"
expect_err "kobo.csv:1:comment_x: warning: not a question of 'basic_export': ignored" "an unknown column is reported"
expect_err_lines 1 "only the unknown column is reported (Kobo's own columns are known)"
expect_eq "$(Q "SELECT interviewer, created FROM interviews WHERE uuid = '0b6c2a4e-6a0e-4b8e-9c34-1f2d3e4a5b6c'")" \
	"kobo_user|2021-03-09T04:00:00.000Z" "_uuid, _submitted_by and start are used"
expect_eq "$(Q "SELECT value FROM answers WHERE path = 'end' AND uuid LIKE '0b6c%'")" \
	"2021-03-09T10:20:00.000+06:00" "the form's end is the CSV's end"
expect_eq "$(Q "SELECT value FROM answers WHERE path = 'fruit' AND uuid LIKE '0b6c%'")" "apple other" "select_multiple"
expect_eq "$(Q "SELECT value FROM answers WHERE path = 'resp/name' AND uuid LIKE '5d0a%'")" 'Бакыт "Бака" Асанов' "a quoted text"
expect_eq "$(Q "SELECT count(*) FROM interviews WHERE status = 'complete' AND content_hash IS NOT NULL")" 2 "completed interviews"

run "$SURVEY" import $F/basic.md $F/central.csv --db "$DB"
expect_rc 0 "an ODK Central export with a repeat file"
expect_eq "$(Q "SELECT device_id, interviewer FROM interviews WHERE uuid LIKE '7e57c0de%1'")" \
	"collect:abc123|enumerator1" "DeviceID and SubmitterName are used"
expect_eq "$(Q "SELECT group_concat(path || '=' || coalesce(value, state), ' ') FROM (SELECT * FROM answers WHERE uuid LIKE '7e57c0de%' AND path LIKE 'kid%' ORDER BY uuid, path)")" \
	"kid[1]/kid_age=12 kid[1]/kid_name=Айжан kid[2]/kid_age=9 kid[2]/kid_name=Бекзат kid[1]/kid_age=dont_know kid[1]/kid_name=Элнура" \
	"repeat rows join their interviews by PARENT_KEY, .d is don't know"
expect_eq "$(Q "SELECT value FROM answers WHERE path = 'resp/name' AND uuid LIKE '7e57c0de%1'")" "Гүлнара, эжеси" "group-question columns ('resp-name')"

# select_multiple given only as 0/1 columns (True/False too), bare names, ';' separated
printf 'name;age;sex;fruit/apple;fruit/pear;fruit/other;fruit_other;n_kids;_uuid\n' >"$TMP/semi.csv"
printf 'Асан;20;2;True;False;1;Алча;0;11111111-2222-4333-8444-555555555555\n' >>"$TMP/semi.csv"
printf 'Усен;21;2;0;0;0;;0;11111111-2222-4333-8444-555555555556\n' >>"$TMP/semi.csv"
run "$SURVEY" import $F/basic.md "$TMP/semi.csv" --db "$DB"
expect_rc 0 "';' separated, bare names, 0/1 columns"
expect_eq "$(Q "SELECT uuid, value FROM answers WHERE path = 'fruit' AND uuid LIKE '11111111%'")" \
	"11111111-2222-4333-8444-555555555555|apple other" "the names come from the 0/1 columns; all 0 is no choice"

# choice labels instead of names (a KoboToolbox "labels" export)
printf 'resp/name,resp/age,resp/sex,region,fruit,n_kids\nАсел,30,Женщина,Ошская область,Apple; Груша,0\n' >"$TMP/labels.csv"
run "$SURVEY" import $F/basic.md "$TMP/labels.csv" --db "$DB"
expect_rc 0 "choice labels in any language"
expect_eq "$(Q "SELECT group_concat(value, '|') FROM (SELECT value FROM answers WHERE uuid = (SELECT uuid FROM answers WHERE value = 'Асел') AND path IN ('resp/sex', 'region', 'fruit') ORDER BY path)")" \
	"apple pear|osh|1" "labels become choice names"

# no UUID column: one is derived from the row, so a second import adds nothing
printf 'resp/name,resp/age,resp/sex,n_kids\nБир,1,1,0\nБир,1,1,0\nЭки,2,2,0\n' >"$TMP/nouuid.csv"
run "$SURVEY" import $F/basic.md "$TMP/nouuid.csv" --db "$DB"
expect_out "imported 3 interviews" "rows without a UUID (two alike) are all imported"
run "$SURVEY" import $F/basic.md "$TMP/nouuid.csv" --db "$DB"
expect_out "imported 0 interviews .*; 3 already there" "importing them again adds nothing"

# the same UUID with other answers is an error
sed 's/,34,1,chuy,/,35,1,chuy,/' $F/kobo.csv >"$TMP/changed.csv"
run "$SURVEY" import $F/basic.md "$TMP/changed.csv" --db "$DB"
expect_rc 1 "a known UUID with other answers"
expect_err "changed.csv:2: error: interview 0b6c2a4e-6a0e-4b8e-9c34-1f2d3e4a5b6c is already in the database with other answers" "the row is named"
expect_eq "$(Q "SELECT value FROM answers WHERE path = 'resp/age' AND uuid LIKE '0b6c%'")" 34 "the stored interview is unchanged"

# a column inside a repeat in the main file, a repeat row of no interview
printf 'resp/name,resp/age,resp/sex,n_kids,kid/kid_name\nX,1,1,0,Y\n' >"$TMP/inrep.csv"
run "$SURVEY" import $F/basic.md "$TMP/inrep.csv" --db "$TMP/other.db"
expect_rc 0 "a repeat's column in the main file is ignored"
expect_err "inrep.csv:1:kid/kid_name: warning: 'kid/kid_name' is in repeat 'kid', read from its own file: ignored here" "and reported"
cp $F/central.csv "$TMP/c.csv"
printf 'kid_name,kid_age,PARENT_KEY,KEY\nZ,1,uuid:nobody,uuid:nobody/kid[1]\n' >"$TMP/c-kid.csv"
run "$SURVEY" import $F/basic.md "$TMP/c.csv" --db "$TMP/orphan.db"
expect_rc 1 "a repeat row of no interview"
expect_err "c-kid.csv:2:PARENT_KEY: error: 'uuid:nobody' is the key of no row of '.*c.csv'" "is reported"
[ -e "$TMP/orphan.db" ] && not_ok "a database was created" || ok "no database is created"
done_testing
