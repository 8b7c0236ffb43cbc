# t1001-frame: `survey frame FORM FRAME.csv --db HQ.db` — the 60 municipalities of the shipped
# survey load; the same frame again changes nothing; a frame with repeated or empty ids, an
# unknown column, a value its question refuses or no id column is refused with line numbers
# and nothing is added (a new database is not left behind); a unit's frame never changes.
. tests/lib.sh
FORM=surveys/covid19-lsg.md
FRAME=tests/fixtures/fieldwork/frame-60.csv
Q() { sqlite3 "$@"; }

run "$SURVEY" frame $FORM $FRAME --db "$TMP/hq.db"
expect_rc 0 "the frame of 60 municipalities loads"
expect_out "^added 60 units to the frame of 'covid19_lsg'" "it says how many"
expect_eq "$(Q "$TMP/hq.db" "SELECT count(*) FROM frame WHERE form_id = 'covid19_lsg'")" 60 "60 rows in the frame table"
expect_eq "$(Q "$TMP/hq.db" "SELECT json_extract(data, '$.municipality_name') FROM frame WHERE unit_id = 'CH-01'")" \
	"Лебединовка айыл өкмөтү" "a row's columns as JSON any sqlite3 client reads"
expect_eq "$(Q "$TMP/hq.db" "SELECT count(DISTINCT json_extract(data, '$.oblast')) FROM frame")" 9 "7 oblasts and 2 cities"
expect_eq "$(Q "$TMP/hq.db" "SELECT count(*) FROM forms WHERE form_id = 'covid19_lsg'")" 1 "HQ.db keeps the form"
sum=$(Q "$TMP/hq.db" "SELECT * FROM frame ORDER BY 1, 2" | sha256sum)
run "$SURVEY" frame $FORM $FRAME --db "$TMP/hq.db"
expect_rc 0 "loading it again"
expect_out "already holds these 60 units: nothing changed" "changes nothing, and says so"
expect_eq "$(Q "$TMP/hq.db" "SELECT * FROM frame ORDER BY 1, 2" | sha256sum)" "$sum" "the same rows"

# refused: one message per problem with its line (and column), then one line; nothing added
refused() { # refused CSV WHAT REGEX...
	csv=$1 what=$2
	shift 2
	cp "$TMP/hq.db" "$TMP/before.db"
	run "$SURVEY" frame $FORM "$csv" --db "$TMP/hq.db"
	expect_rc 1 "$what: refused"
	for re in "$@"; do expect_err "$re" "$what: says $re"; done
	cmp -s "$TMP/hq.db" "$TMP/before.db" && ok "$what: HQ.db unchanged" || not_ok "$what: HQ.db changed"
	run "$SURVEY" frame $FORM "$csv" --db "$TMP/new.db"
	[ -e "$TMP/new.db" ] && not_ok "$what: a new database was left behind" || ok "$what: no new database left behind"
}
head -1 $FRAME >"$TMP/dup.csv"
printf 'X-1,chuy,kemin,ayil_okmotu,Жаңы айыл өкмөтү,1200\nX-2,chuy,kemin,ayil_okmotu,Башка айыл өкмөтү,1300\nX-1,chuy,kemin,ayil_okmotu,Дагы бир айыл өкмөтү,1400\n,chuy,kemin,ayil_okmotu,Аты жок айыл өкмөтү,1500\n' >>"$TMP/dup.csv"
refused "$TMP/dup.csv" "repeated and empty ids" "dup.csv:4:unit_id: error: unit id 'X-1' again \(first on line 2\)" \
	"dup.csv:5:unit_id: error: the unit id is empty" "the frame has errors: nothing was added"
sed '1s/$/,mayor_phone/; 2,$s/$/,555/' $FRAME >"$TMP/unknown.csv"
refused "$TMP/unknown.csv" "an unknown column" "unknown.csv:1:mayor_phone: error: no question 'mayor_phone'"
sed '3s/,batken,batken,/,atlantis,batken,/' $FRAME >"$TMP/badvalue.csv"
refused "$TMP/badvalue.csv" "a value its question refuses" "badvalue.csv:3:oblast: error: 'atlantis'"
sed '1s/^unit_id/id/' $FRAME >"$TMP/noid.csv"
refused "$TMP/noid.csv" "no unit id column" "noid.csv: no unit id column 'unit_id'"
run "$SURVEY" frame $FORM "$TMP/noid.csv" --db "$TMP/id.db" --id id
expect_rc 0 "--id names the id column"
printf 'unit_id,oblast\nA\033[31m,chuy\n' >"$TMP/esc.csv"
refused "$TMP/esc.csv" "a unit id with an escape sequence" "esc.csv:2:unit_id: error: the unit id is not one line"
expect_err_lines 2 "an escape is never printed raw"
grep -q "$(printf '\033')" "$TMP/err" && not_ok "a raw escape on stderr" || ok "no raw escape on stderr"

# a unit's frame never changes: the same id with other values is refused
sed '2s/,9347$/,9348/' $FRAME >"$TMP/changed.csv"
cp "$TMP/hq.db" "$TMP/before.db"
run "$SURVEY" frame $FORM "$TMP/changed.csv" --db "$TMP/hq.db"
expect_rc 1 "a unit with other values is refused"
expect_err "changed.csv:2: unit 'BT-01' is already in the frame with other values: nothing was added" "with its line"
expect_err_lines 1 "in one line"
cmp -s "$TMP/hq.db" "$TMP/before.db" && ok "HQ.db unchanged" || not_ok "HQ.db changed"

# arguments
run "$SURVEY" frame $FORM $FRAME
expect_rc 2 "without --db: bad arguments"
run "$SURVEY" frame $FORM $FRAME --db $FRAME
expect_rc 1 "--db over the frame file is refused"
done_testing
