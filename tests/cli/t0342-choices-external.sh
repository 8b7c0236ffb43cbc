# t0342-choices-external: select_one_external with the external_choices sheet (cascading on its
# oblast column) and xml-external read through instance(), in .md, .csv, .xlsx and .xls:
# check, simulate, export and re-import; a missing external_choices sheet or list_name column
# is one located error.
. tests/lib.sh
. tests/cli/xls-lib.sh
F=tests/fixtures/forms
sql() { sqlite3 "$1" "$2"; }

mkdir -p "$TMP/xls/choices-external-media"
"$PY" $F/gen_xls.py $F/choices-external.md "$TMP/xls/choices-external.xls"
cp $F/choices-external-media/* "$TMP/xls/choices-external-media/"
for form in $F/choices-external.md $F/choices-external.csv $F/choices-external.xlsx "$TMP/xls/choices-external.xls"; do
	ext=${form##*.}
	run "$SURVEY" check "$form"
	expect_rc 0 "$ext: select_one_external and xml-external check"
	expect_out "ok — 4 questions, 1 language, form choices_external version 2\$" "$ext: no warning"
done
run "$SURVEY" check --dump $F/choices-external.md
expect_out "^list external_choices:rayon\$" "the external list is read from the external_choices sheet"
expect_out "^  oblast=issyk_kul\$" "with its other columns"

run "$SURVEY" simulate "$TMP/xls/choices-external.xls" -n 15 --seed 2 --db "$TMP/a.db"
expect_rc 0 "simulate"
expect_eq "$(sql "$TMP/a.db" "select count(*) from answers a join answers b on a.uuid=b.uuid where a.path='oblast' and b.path='rayon' and b.state='answered' and (a.value='chui') <> (b.value in ('alamudun','sokuluk','issyk_ata','jaiyl','kemin','moskva','panfilov','chui_r'))")" 0 \
	"every rayon is in the oblast chosen (choice_filter on an external_choices column)"
expect_eq "$(sql "$TMP/a.db" "select count(*) from answers a join answers b on a.uuid=b.uuid where a.path='rayon' and b.path='centre' and a.value='sokuluk' and b.value<>'Sokuluk'")" 0 \
	"instance('centres') of the xml-external file finds the town"
n=$(sql "$TMP/a.db" "select count(*) from answers where path='centre' and value<>''")
[ "$n" -gt 0 ] && ok "towns were looked up ($n)" || not_ok "no town looked up"
run "$SURVEY" export "$TMP/a.db" --format csv -o "$TMP/a.csv"
expect_rc 0 "export"
run "$SURVEY" import $F/choices-external.md "$TMP/a.csv" --db "$TMP/b.db"
expect_rc 0 "re-import with the .md form"
expect_eq "$(sql "$TMP/b.db" "select source_kind from forms")" bundle "the imported database holds the bundle"

cat >"$TMP/noext.md" <<'FORM'
| survey |
| | type | name | label |
| | select_one_external rayon | rayon | Rayon |
FORM
run "$SURVEY" check "$TMP/noext.md"
expect_rc 1 "select_one_external without an external_choices sheet"
expect_err "noext.md:survey:3: error: type: select_one_external 'rayon': the form has no external_choices sheet\$" "said where"
expect_err_lines 1 "one line"
cat >"$TMP/nolist.md" <<'FORM'
| survey |
| | type | name | label |
| | select_one_external rayon | rayon | Rayon |
| external_choices |
| | list | name | label |
| | rayon | a | A |
FORM
run "$SURVEY" check "$TMP/nolist.md"
expect_rc 1 "external_choices without list_name"
expect_err "nolist.md:survey:3: error: type: 'external_choices' has no column 'list_name'\$" "said where"
done_testing
