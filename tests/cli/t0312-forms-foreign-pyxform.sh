# t0312-forms-foreign-pyxform: forms written for other platforms (SurveyCTO types, CHT's cht:
# functions and appearances and db: types, KoboToolbox's kobomatrix) are refused with one line per
# use naming the platform; and the checks pyxform makes: a question with neither label nor hint,
# a repeat named like the form's root, parameters that are not key=value, list and root names
# that are not XML names. In .md and .xls.
. tests/lib.sh
. tests/cli/xls-lib.sh
F=tests/fixtures/forms


run "$SURVEY" check $F/platform.md
expect_rc 1 "a form with other platforms' features is refused"
expect_err_lines 8 "one line per feature"
expect_err "^$F/platform\.md:survey:5: error: type: type 'text audit' is a SurveyCTO extension: survey runs ODK XLSForms, not forms written for SurveyCTO\$" \
	"text audit: SurveyCTO"
expect_err ":survey:6: error: type: type 'sensor_statistic' is a SurveyCTO extension" "sensor_statistic: SurveyCTO"
expect_err ":survey:7: error: type: type 'caseid' is a SurveyCTO extension" "caseid: SurveyCTO"
expect_err ":survey:8: error: 'n' uses a 'cht:' function, a CHT extension: survey runs ODK XLSForms, not forms written for CHT\$" \
	"cht: function: CHT, and no second line about the unknown function"
expect_err ":survey:9: error: 't' uses a 'cht:' appearance, a CHT extension" "cht: appearance: CHT"
expect_err ":survey:10: error: type: type 'begin kobomatrix' is a KoboToolbox extension" "begin kobomatrix"
expect_err ":survey:11: error: 'k' uses appearance 'kobomatrix', a KoboToolbox extension" "kobomatrix appearance"
expect_err ":survey:12: error: type: type 'db:person' is a CHT extension" "db: types: CHT"

run "$SURVEY" check $F/pyxform-checks.md
expect_rc 1 "pyxform's refusals are errors"
expect_err_lines 5 "one line each"
expect_err ":survey:5: error: 'bare' has neither a label nor a hint" "a question without label or hint"
expect_err ":survey:7: error: 'empty_note' has neither a label nor a hint" "a note without label or hint"
grep -q "'hinted'" "$TMP/err" && not_ok "a hint alone is enough" || ok "a hint alone is enough"
expect_err ":survey:8: error: repeat 'household' has the name of the form's root \(settings 'name'\)" \
	"a repeat named like the form's root"
expect_err ":survey:13: error: parameters: parameter 'junk' is not written key=value\$" \
	"parameters of any type must be key=value"
expect_err ":choices:18: error: list_name '1st' is not a valid name" "a list_name that is not a name"

printf '| survey |\n| | type | name | label |\n| | begin repeat | data | D |\n| | text | t | T |\n| | end repeat | | |\n' >"$TMP/data.md"
run "$SURVEY" check "$TMP/data.md"
expect_rc 1 "a repeat named 'data' when settings has no name"
expect_err "repeat 'data' has the name of the form's root \(pyxform's default" "pyxform's default root"

printf '| survey |\n| | type | name | label |\n| | text | t | T |\n| settings |\n| | name |\n| | 2bad |\n' >"$TMP/root.md"
run "$SURVEY" check "$TMP/root.md"
expect_rc 1 "a root name that is not a name"
expect_err "root.md:settings:[0-9]+: error: name: '2bad' is not a valid name for the form's root" \
	"said on the settings row"

# the same in a .xls
for f in platform pyxform-checks; do
	"$PY" $F/gen_xls.py $F/$f.md "$TMP/$f.xls"
	run "$SURVEY" check "$TMP/$f.xls"
	expect_rc 1 "$f.xls refused"
done
expect_err "pyxform-checks\.xls:survey:2: error: 'bare' has neither a label nor a hint" \
	"the .xls line is the spreadsheet row"

done_testing
