# t0340-choices-files: choices and lookups from media files, end to end in .md, .csv, .xlsx and
# .xls: select_one_from_file with CSV (a choice_filter on its column), XML and GeoJSON,
# parameters value=/label=, csv-external with instance(), pulldata(), instance() of a choice
# list; simulate, export, re-import, and merge, freq, report and export on a second "laptop"
# that has only the database (the media are stored with the form, as a bundle).
. tests/lib.sh
. tests/cli/xls-lib.sh
F=tests/fixtures/forms
sql() { sqlite3 "$1" "$2"; }

mkdir -p "$TMP/xls/choices-files-media"
"$PY" $F/gen_xls.py $F/choices-files.md "$TMP/xls/choices-files.xls"
cp $F/choices-files-media/* "$TMP/xls/choices-files-media/"
cp $F/prices.csv $F/wells.geojson "$TMP/xls/"

for form in $F/choices-files.md $F/choices-files.csv $F/choices-files.xlsx "$TMP/xls/choices-files.xls"; do
	ext=${form##*.}
	run "$SURVEY" check "$form"
	expect_rc 0 "$ext: a form reading CSV, XML and GeoJSON media files checks"
	expect_out "ok — 11 questions, 2 languages, form choices_files version 1\$" "$ext: no warning"
done

run "$SURVEY" check --dump $F/choices-files.md
expect_out "^list villages.csv\$" "the CSV file is a choice list"
expect_out "^  label\[Russian \(ru\)\] Ат-Башы\$" "label::Russian (ru) columns of the file are translations"
expect_out "^  population=17,000 \(2019\)\$" "other columns are choice columns (a quoted comma kept)"
expect_out "^list crops.xml\$" "the XML file is a choice list"
expect_out "^  label\[English \(en\)\] Potato & beans\$" "XML entities are decoded"
expect_out "^ choice w2 " "a GeoJSON feature's id may be a property"
expect_out "^  geometry=41.43 75.99 2040 0\$" "GeoJSON geometry is ODK's 'lat lon alt acc'"
expect_out "^list regions.csv value=code label=label\$" "parameters value= and label= make their own list"
expect_out "^ choice R2 " "value=code: the choices' values are the code column"

# simulate: the filter, pulldata and instance() work in the interview
run "$SURVEY" simulate "$TMP/xls/choices-files.xls" -n 12 --seed 4 --db "$TMP/a.db"
expect_rc 0 "simulate the .xls form"
expect_eq "$(sql "$TMP/a.db" "select source_kind from forms")" bundle \
	"the form is stored with its media files as one bundle"
expect_eq "$(sql "$TMP/a.db" "select count(*) from answers a join answers b on a.uuid=b.uuid where a.path='region' and b.path='village' and a.state='answered' and b.state='answered' and not (a.value='chui' and b.value in ('ak_suu','belovodskoe') or a.value='naryn' and b.value in ('kochkor','at_bashy') or a.value='osh' and b.value='kara_suu')")" 0 \
	"every village is in the region chosen (choice_filter on a file column)"
expect_eq "$(sql "$TMP/a.db" "select count(*) from answers a join answers b on a.uuid=b.uuid where a.path='village' and b.path='pop' and a.value='kochkor' and b.value<>'14000'")" 0 \
	"pulldata() finds the population of the village"
expect_eq "$(sql "$TMP/a.db" "select distinct value from answers where path='wheat_price'")" 31.5 \
	"instance('prices')/root/item[crop='wheat' and unit='kg']/price"
expect_eq "$(sql "$TMP/a.db" "select distinct value from answers where path='yes_label'")" Yes \
	"instance() of a choice list gives its label"
n=$(sql "$TMP/a.db" "select count(*) from answers where path='vname' and value<>''")
[ "$n" -gt 0 ] && ok "the village's label is looked up ($n)" || not_ok "no village label looked up"

run "$SURVEY" export "$TMP/a.db" --format csv -o "$TMP/a.csv"
expect_rc 0 "export csv"
for fmt in json sav dta; do
	run "$SURVEY" export "$TMP/a.db" --format $fmt -o "$TMP/a.$fmt"
	expect_rc 0 "export $fmt"
done
run "$SURVEY" import $F/choices-files.md "$TMP/a.csv" --db "$TMP/b.db"
expect_rc 0 "the export imports back with the .md form (same form id and version)"
expect_eq "$(sql "$TMP/b.db" "select count(*) from interviews")" \
	"$(sql "$TMP/a.db" "select count(*) from interviews where status='complete'")" "every complete interview is imported"

# a second laptop: only the database, no media anywhere
mkdir -p "$TMP/laptop2"
run "$SURVEY" pack "$TMP/a.db" -o "$TMP/laptop2/stick.db"
expect_rc 0 "pack"
cd "$TMP/laptop2" || exit 1
run "$SURVEY" merge -o all.db stick.db --allow-simulated
expect_rc 0 "merge without the media files: the form loads from its bundle"
run "$SURVEY" freq all.db village
expect_rc 0 "freq"
expect_out "Belovodskoe|Kochkor|Ak-Suu|At-Bashy|Kara-Suu" "freq shows the labels read from the CSV file"
run "$SURVEY" export all.db --format csv -o all.csv
expect_rc 0 "export from the merged file"
cat >spec.md <<'SPEC'
| report |
| | kind | name | row | title::English (en) |
| | freq | villages | village | Villages |
| settings |
| | form_id | default_language |
| | choices_files | English (en) |
SPEC
run "$SURVEY" report all.db spec.md -o r.html
expect_rc 0 "report without the media files"
grep -q "Belovodskoe\|Kochkor\|Ak-Suu\|At-Bashy\|Kara-Suu" r.html && ok "the report names the villages" \
	|| not_ok "the report lacks the village labels"
cd - >/dev/null || exit 1

# the same bundle twice is one form; a changed media file needs a new version
run "$SURVEY" simulate $F/choices-files.md -n 1 --seed 9 --db "$TMP/c.db"
expect_rc 0 "simulate the .md form"
run "$SURVEY" simulate $F/choices-files.md -n 1 --seed 10 --db "$TMP/c.db"
expect_rc 0 "the same form and media again: the same stored bundle"
expect_eq "$(sql "$TMP/c.db" "select count(*) from forms")" 1 "one form row"
mkdir -p "$TMP/changed/choices-files-media"
cp $F/choices-files.md "$TMP/changed/"
cp $F/choices-files-media/* "$TMP/changed/choices-files-media/"
cp $F/prices.csv $F/wells.geojson "$TMP/changed/"
printf 'crop,unit,price\nwheat,kg,40\n' >"$TMP/changed/prices.csv"
run "$SURVEY" simulate "$TMP/changed/choices-files.md" -n 1 --db "$TMP/c.db"
expect_rc 1 "a changed media file with the same version is refused"
expect_err "differs from 'choices-files.md': give the changed questionnaire a new version" "said in one line"
expect_err_lines 1 "one line"
done_testing
