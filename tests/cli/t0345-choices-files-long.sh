# t0345-choices-files-long: selects whose lists are long media files (1,500 places): export
# gives their values (no column per choice, no 1,500 value labels), the export imports back,
# freq counts them, and a list of 1,000 or fewer keeps its labels and columns.
. tests/lib.sh
sql() { sqlite3 "$1" "$2"; }
D=$TMP/f
mkdir -p "$D"
cat >"$D/long.md" <<'FORM'
| survey |
| | type | name | label |
| | select_one_from_file places.csv | place | Place |
| | select_multiple_from_file places.csv | visited | Visited |
| | select_multiple_from_file crops.csv | crops | Crops |
| settings |
| | form_id | version |
| | long | 1 |
FORM
awk 'BEGIN { print "name,label"; for (r = 1; r <= 1500; r++) printf "p%d,Place %d\n", r, r }' >"$D/places.csv"
printf 'name,label\nwheat,Wheat\nbarley,Barley\n' >"$D/crops.csv"
run "$SURVEY" simulate "$D/long.md" -n 8 --seed 2 --db "$TMP/a.db"
expect_rc 0 "simulate"
run "$SURVEY" export "$TMP/a.db" --format csv -o "$TMP/a.csv"
expect_rc 0 "export csv"
expect_eq "$(head -1 "$TMP/a.csv" | cut -d, -f1-5)" "place,visited,crops,crops/wheat,crops/barley" \
	"a 1,500-choice list is exported as values; a short one keeps a column per choice"
for fmt in sav dta json; do
	run "$SURVEY" export "$TMP/a.db" --format $fmt -o "$TMP/a.$fmt"
	expect_rc 0 "export $fmt"
done
run "$SURVEY" import "$D/long.md" "$TMP/a.csv" --db "$TMP/b.db"
expect_rc 0 "the export imports back"
expect_eq "$(sql "$TMP/b.db" "select group_concat(value, '|') from (select value from answers where path='visited' order by uuid)")" \
	"$(sql "$TMP/a.db" "select group_concat(a.value, '|') from (select a.value from answers a join interviews i on i.uuid=a.uuid where a.path='visited' and i.status='complete' order by a.uuid) a")" \
	"the ticks come back"
run "$SURVEY" freq "$TMP/a.db" place
expect_rc 0 "freq of a 1,500-choice select"
expect_out "Place [0-9]+" "freq names the places by their labels"
done_testing
