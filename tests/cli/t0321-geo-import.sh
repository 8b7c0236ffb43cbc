# t0321-geo-import: locations from KoboToolbox and ODK exports — the combined geopoint column,
# Kobo's split "_NAME_latitude" ... columns (joined back when the combined one is absent or
# empty), survey's own "NAME_latitude", ODK Central's "NAME-Latitude" ... "NAME-Accuracy", coordinates written in degrees-minutes-seconds, traces
# with "; " between points, a shape left open (closed on import); an impossible latitude is
# one error line naming the file, line and column, and nothing is imported.
. tests/lib.sh
F=tests/fixtures/forms
value() { sqlite3 "$1" "SELECT a.value FROM answers a JOIN interviews i USING (uuid) WHERE i.uuid = '$2' AND a.path = '$3'"; }
U1=8a3c7b0e-9a57-4a50-b2c3-2d6f7b4c1a11
U2=8a3c7b0e-9a57-4a50-b2c3-2d6f7b4c1a12
U3=8a3c7b0e-9a57-4a50-b2c3-2d6f7b4c1a13

cat >"$TMP/kobo.csv" <<CSV
start,end,village,home,_home_latitude,_home_longitude,_home_altitude,_home_precision,road,field,_uuid,_submission_time
2024-05-01T10:00:00.000+06:00,2024-05-01T10:20:00.000+06:00,Ak-Tash,42.8746 74.5698 760.5 4.9,42.8746,74.5698,760.5,4.9,42.1 74.1 0 0; 42.2 74.2 0 0,,$U1,2024-05-02T08:00:00
2024-05-01T11:00:00.000+06:00,2024-05-01T11:20:00.000+06:00,Kara-Suu,,40.5283,72.7985,,,,"42.1 74.1 0 0;42.2 74.2 0 0;42.1 74.3 0 0",$U2,2024-05-02T08:00:00
2024-05-01T12:00:00.000+06:00,2024-05-01T12:20:00.000+06:00,Naryn,"41°25'43""N 75°59'28""E 2030 8",,,,,,,$U3,2024-05-02T08:00:00
CSV
run "$SURVEY" import $F/geo.md "$TMP/kobo.csv" --db "$TMP/k.db"
expect_rc 0 "a KoboToolbox CSV with locations is imported"
expect_err_lines 0 "the split columns are known: no warning"
expect_eq "$(value "$TMP/k.db" $U1 home)" "42.8746 74.5698 760.5 4.9" "the combined column is read"
expect_eq "$(value "$TMP/k.db" $U2 home)" "40.5283 72.7985 0 0" \
	"an empty combined cell: the split columns are joined"
expect_eq "$(value "$TMP/k.db" $U3 home)" "41.4286111 75.9911111 2030 8" \
	"degrees, minutes and seconds become decimal degrees"
expect_eq "$(value "$TMP/k.db" $U1 road)" "42.1 74.1 0 0;42.2 74.2 0 0" \
	"a trace written with '; ' is stored with ';'"
expect_eq "$(value "$TMP/k.db" $U2 field)" \
	"42.1 74.1 0 0;42.2 74.2 0 0;42.1 74.3 0 0;42.1 74.1 0 0" "an open shape is closed"
expect_eq "$(value "$TMP/k.db" $U2 field_m2)" "$(python3 -c "
import math
R=6378137.0
p=[(42.1,74.1),(42.2,74.2),(42.1,74.3)]
s=sum(math.radians(b[1]-a[1])*(2+math.sin(math.radians(a[0]))+math.sin(math.radians(b[0])))
      for a,b in zip(p,p[1:]+p[:1]))
print(round(abs(s)*R*R/2))")" "area() of the imported shape (python3 computes it apart)"

# only the split columns, as survey's own export names them, without the combined column
cat >"$TMP/split.csv" <<CSV
village,home_latitude,home_longitude,home_altitude,home_precision,_uuid
Ak-Tash,42.8746,74.5698,,,$U1
CSV
run "$SURVEY" import $F/geo.md "$TMP/split.csv" --db "$TMP/s.db"
expect_rc 0 "split columns without the combined one"
expect_err_lines 0 "no warning"
expect_eq "$(value "$TMP/s.db" $U1 home)" "42.8746 74.5698 0 0" "joined, altitude and precision 0"

# ODK Central's split columns, in a group path written with '-' too
cat >"$TMP/central.csv" <<CSV
SubmissionDate,village,home-Latitude,home-Longitude,home-Altitude,home-Accuracy,meta-instanceID
2024-05-02T08:00:00.000Z,Ak-Tash,42.8746,74.5698,760.5,4.9,uuid:$U1
CSV
run "$SURVEY" import $F/geo.md "$TMP/central.csv" --db "$TMP/c.db"
expect_rc 0 "ODK Central's split columns"
expect_err_lines 0 "no warning"
expect_eq "$(value "$TMP/c.db" $U1 home)" "42.8746 74.5698 760.5 4.9" "joined from Central's columns"

# an impossible latitude: one line naming where, nothing imported
sed 's/,40.5283,72.7985,/,95.5,72.7985,/' "$TMP/kobo.csv" >"$TMP/bad.csv"
run "$SURVEY" import $F/geo.md "$TMP/bad.csv" --db "$TMP/b.db"
expect_rc 1 "a latitude of 95.5 is refused"
expect_err "bad\.csv:3:_home_latitude: error: '95\.5 72\.7985 0 0': The latitude must be between -90 and 90" \
	"the line says which row and column, and why"
expect_err "nothing imported" "nothing is imported"
sed "s/,\"41°25'43\"\"N 75°59'28\"\"E 2030 8\",/,Bishkek,/" "$TMP/kobo.csv" >"$TMP/word.csv"
run "$SURVEY" import $F/geo.md "$TMP/word.csv" --db "$TMP/w.db"
expect_rc 1 "a word in a geopoint column is refused"
expect_err "word\.csv:4:home: error: 'Bishkek': Not coordinates" "said where and why"

done_testing
