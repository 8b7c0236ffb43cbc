# t0341-choices-files-check: `survey check` on media files that are missing, wrong or hostile:
# each is one located error line (or a few, one per problem), exit 1, never a crash or a hang:
# a missing file, a missing column, duplicate values, empty values, a blank in a
# select_multiple value, binary bytes, a FIFO, /dev/zero, too many rows, an XML DOCTYPE (entity
# expansion), deep XML, a GeoJSON that is not a FeatureCollection, deep JSON, a name with a
# folder, an instance() or pulldata() of nothing.
. tests/lib.sh
D=$TMP/f
mkdir -p "$D/form-media"
cat >"$D/form.md" <<'FORM'
| survey |
| | type | name | label | calculation |
| | select_one_from_file list.csv | q | Q | |
FORM
check() { # check WHAT REGEX: one error line matching REGEX, exit 1
	run timeout 60 "$SURVEY" check "$D/form.md"
	expect_rc 1 "$1: refused"
	expect_err "$2" "$1: said where and why"
	expect_err_lines 1 "$1: one line"
}
check "a missing file" "^$D/form.md:survey:3: error: type: media file 'list.csv' not found: put it in '$D/form-media/' or beside the form\$"
printf 'name,label\na,A\n' >"$D/list.csv"
run "$SURVEY" check "$D/form.md"
expect_rc 0 "a file beside the form is found (pyxform's convention)"
printf 'name,label\nb,B\n' >"$D/form-media/list.csv"
run "$SURVEY" check --dump "$D/form.md"
expect_out "^ choice b " "FORM-media/ comes first (ODK's convention)"
printf 'value,label\na,A\n' >"$D/form-media/list.csv"
check "no name column" "type: 'list.csv' has no column 'name': name the column of the choices' values so, or write parameters value=COLUMN\$"
printf 'name,label\na,A\nb,B\na,C\n' >"$D/form-media/list.csv"
check "a duplicate value" "type: list.csv row 4: duplicate value 'a' \(also row 2\)\$"
printf 'name,label\na,A\n,B\n' >"$D/form-media/list.csv"
check "an empty value" "type: list.csv row 3: no value in column 'name'\$"
printf 'name,label,name\na,A,b\n' >"$D/form-media/list.csv"
check "a column twice" "media file 'list.csv': line 1: column 'name' appears twice\$"
printf 'name,label\n"a,A\n' >"$D/form-media/list.csv"
check "an unterminated quote" "media file 'list.csv': line 2: unterminated quoted field\$"
printf 'name,label\na,A,x\n' >"$D/form-media/list.csv"
check "a ragged row" "media file 'list.csv': line 2: row has 3 cells, the header has 2\$"
head -c 4096 /dev/urandom | tr -d '\n' >"$D/form-media/list.csv"
check "binary bytes" "media file 'list.csv': line [0-9]+: "
printf '\377\376n\000a\000' >"$D/form-media/list.csv"
check "UTF-16" "media file 'list.csv': the file is UTF-16 text: save it as UTF-8\$"
rm -f "$D/form-media/list.csv"
mkfifo "$D/form-media/list.csv"
check "a FIFO" "'$D/form-media/list.csv' is not a regular file\$"
rm -f "$D/form-media/list.csv"
ln -s /dev/zero "$D/form-media/list.csv"
check "/dev/zero" "'$D/form-media/list.csv' is not a regular file\$"
rm -f "$D/form-media/list.csv"
awk 'BEGIN { print "name,label"; for (i = 0; i < 200001; i++) print "n" i ",L" i }' >"$D/form-media/list.csv"
check "too many rows" "media file 'list.csv': too large: at most 200000 rows, 1000 columns and 5000000 cells\$"
dd if=/dev/zero of="$D/form-media/list.csv" bs=1M count=0 seek=40 2>/dev/null
check "too large a file" "'$D/form-media/list.csv' is too large \(more than 32 MiB\)\$"

sed -i 's/list.csv/list.xml/' "$D/form.md"
printf '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<root><item><name>&b;</name></item></root>\n' >"$D/form-media/list.xml"
check "an XML DOCTYPE" "media file 'list.xml': line 2: a DOCTYPE is not accepted in a media file: remove it\$"
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "<a>"; for (i = 0; i < 5000; i++) printf "</a>"; print "" }' >"$D/form-media/list.xml"
check "deep XML" "media file 'list.xml': line 1: elements nested too deeply\$"
printf '<root><item><name>a</name></item>' >"$D/form-media/list.xml"
check "truncated XML" "media file 'list.xml': line 1: "
printf '<root><item><name>a</name><label>A</label></item><item><name>b b</name></item></root>\n' >"$D/form-media/list.xml"
sed -i 's/select_one_from_file/select_multiple_from_file/' "$D/form.md"
check "a blank in a select_multiple value" "list.xml row 1: 'b b' has a blank, which select_multiple cannot store\$"

sed -i 's/list.xml/list.geojson/' "$D/form.md"
printf '{"type": "Feature"}' >"$D/form-media/list.geojson"
check "not a FeatureCollection" "media file 'list.geojson': it is not a GeoJSON FeatureCollection with a 'features' list\$"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }' >"$D/form-media/list.geojson"
check "deep JSON" "media file 'list.geojson': line 1: "
printf '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[200,95]}}]}' >"$D/form-media/list.geojson"
check "a position out of range" "feature 1: the geometry is not a Point, LineString or Polygon"

cat >"$D/form.md" <<'FORM'
| survey |
| | type | name | label | calculation |
| | select_one_from_file ../secret.csv | q | Q | |
FORM
check "a name with a folder" "type: '../secret.csv' is not a media file name: write a file name ending in .csv, .xml or .geojson, without a folder\$"
cat >"$D/form.md" <<'FORM'
| survey |
| | type | name | label | calculation |
| | text | q | Q | |
| | calculate | c | | instance('nothing')/root/item[name=${q}]/label |
FORM
check "instance() of nothing" "calculation: instance\('nothing'\): no choice list or media file of that name; declare a file with csv-external or xml-external at character [0-9]+\$"
cat >"$D/form.md" <<'FORM'
| survey |
| | type | name | label | calculation |
| | text | q | Q | |
| | calculate | c | | pulldata('prices', 'cost', 'crop', ${q}) |
FORM
printf 'crop,price\nwheat,30\n' >"$D/form-media/prices.csv"
check "pulldata() of a missing column" "calculation: 'prices.csv' has no column 'cost'"
rm "$D/form-media/prices.csv"
check "pulldata() of a missing file" "media file 'prices.csv' not found"
cat >"$D/form.md" <<'FORM'
| survey |
| | type | name | label |
| | select_one_from_file list.csv | a | A |
| | select_multiple_from_file list.csv | b | B |
FORM
printf 'name,label\nx y,XY\nz,Z\n' >"$D/form-media/list.csv"
check "a blank in a value, the file read first for a select_one" "survey:4: error: type: list.csv row 2: 'x y' has a blank, which select_multiple cannot store\$"
done_testing
