#!/bin/sh
# t0601: --by gives a table per layer; with 2x2 layers the Cochran-Mantel-Haenszel test and the
# Mantel-Haenszel common odds ratio agree with R's mantelhaen.test (UCBAdmissions by department).
. tests/lib.sh
. tests/fixtures/analysis/lib.sh

an_db ucb ucb.md ucb.csv
run "$SURVEY" tab "$TMP/ucb.db" admit gender --by dept --format json
expect_rc 0 "tab admit gender --by dept"
an_compare "CMH, MH odds ratio and the six layers' counts: R" "$AN/ucb_by_dept.ref"
an_json "[t['layer'] for t in d['tables']]" "['a', 'b', 'c', 'd', 'e', 'f']" "one table per department, coded"
an_json "d['by']" "dept" "by is named"

an_db hair hair.md hair.csv
run "$SURVEY" tab "$TMP/hair.db" hair eye --by sex --cells all --format json
expect_rc 0 "tab hair eye --by sex"
an_compare "each layer as R computes it alone, generalized CMH as mantelhaen.test" "$AN/hair_eye_by_sex.ref"
an_json "d['mantel_haenszel_odds_ratio']['why']" "layers are not 2x2" "no common odds ratio for 4x4 layers"
an_json "d['notes'][-1]" "the Cochran-Mantel-Haenszel test of 4x4 layers is the generalized one (no continuity correction, no common odds ratio)" "with a note"
run "$SURVEY" tab "$TMP/hair.db" hair eye --where "\${sex} = 'female'" --cells all --format json
an_compare "--where sex = female is the female layer" "$AN/hair_eye_female.ref"
an_json "d['tables'][0]['layer']" "None" "no layer without --by"

run "$SURVEY" tab "$TMP/ucb.db" admit gender --by dept
expect_rc 0 "text with layers"
expect_out '^dept = F \(714 interviews\)' "each layer has a heading"
expect_out '^Cochran-Mantel-Haenszel +1\.427 +1 +0\.232' "CMH in the text output"
done_testing
