#!/bin/sh
# t0612: which cells differ and multiple-response tests, against R (weights.R):
# - cell_tests: adjusted standardized residuals (chisq.test()$stdres) unweighted, a Rao-Scott
#   test of each cell's 2x2 table with a design; Bonferroni over the cells; flags "+" / "-";
# - choice_tests: a select_multiple crossed with a select_one gets one test per choice
#   (chisq.test of selected or not by group, or svychisq with weights), Holm over the
#   choices; bases stated; rescaling the weights changes nothing (issue 14: "city halls 14.8%
#   vs ayil okmotus 25.3%, p = 0.006, unflagged").
. tests/lib.sh
. tests/fixtures/analysis/lib.sh

an_db strat wstats.md wstrat.csv
an_db mr wstats.md wmr.csv

run "$SURVEY" tab "$TMP/strat.db" yn grp --format json
expect_rc 0 "tab yn grp"
an_compare "cells: adjusted residuals, Bonferroni: R" "$AN/w_cells.ref"
an_json "d['tables'][0]['cell_tests']['flags']" "[['-', None, '+'], ['+', None, '-']]" "flags: a and c differ, b not after Bonferroni"
an_json "(d['tables'][0]['cell_tests']['method'], d['tables'][0]['cell_tests']['correction'], d['tables'][0]['cell_tests']['m'])" "('adjusted_residual', 'bonferroni', 6)" "method stated"
an_json "d['tables'][0]['independence']['test']" "pearson_chi2" "unweighted: Pearson's chi-square is the test to read"
for w in w w_small w_big; do
	run "$SURVEY" tab "$TMP/strat.db" yn grp --weight "$w" --strata grp --format json
	an_compare "cells with the design (--weight $w): svychisq per cell" "$AN/w_cells_design.ref"
	an_json "d['tables'][0]['cell_tests']['method']" "rao_scott_f" "design: Rao-Scott per cell ($w)"
done
run "$SURVEY" tab "$TMP/strat.db" yn grp
expect_out "^  ▼ No × Group a \\(z = -4\\.967, adjusted p = 4\\.08e-06\\)\$" "text: the flagged cells with their direction"
expect_out '^cells that differ \(adjusted residuals, Bonferroni over 6 cells, p < 0\.05\)' "text: the method"

run "$SURVEY" tab "$TMP/mr.db" need grp --format json
expect_rc 0 "select_multiple by group"
an_compare "per-choice chi-square, Holm; cells: R" "$AN/w_mr.ref"
an_json "[c['value'] for c in d['tables'][0]['choice_tests']['choices']]" "['ppe', 'money', 'staff', 'none']" "one test per choice"
an_json "(d['tables'][0]['choice_tests']['multiple'], d['tables'][0]['choice_tests']['correction'])" "('row', 'holm')" "correction stated"
an_json "[c['base_cases'] for c in d['tables'][0]['choice_tests']['choices']]" "[300, 300, 300, 300]" "bases stated"
an_json "d['tables'][0]['cell_tests']['flags'][0]" "['-', '+']" "protective equipment: flagged, group b more often"
an_json "d['tables'][0]['stats']" "{}" "no statistic of the whole table"
for w in w w_small w_big; do
	run "$SURVEY" tab "$TMP/mr.db" need grp --weight "$w" --format json
	an_compare "per-choice Rao-Scott, Holm (--weight $w): R" "$AN/w_mr_design.ref"
done
run "$SURVEY" tab "$TMP/mr.db" grp need --weight w --format json
an_compare "choices in columns: the same tests" "$AN/w_mr_design.ref"
an_json "d['tables'][0]['choice_tests']['multiple']" "col" "the choices are the columns"

run "$SURVEY" tab "$TMP/mr.db" need grp
expect_out '^Protective equipment +17\.472 +1 +2\.92e-05 +1\.17e-04$' "text: a line per choice with Holm's p"
expect_out 'each choice: selected or not by column, among the 300 interviews' "text: the base"
run "$SURVEY" tab "$TMP/mr.db" grp need --cells count,row_pct
if grep -Eq '^ +row % .* 100\.0$' "$TMP/out"; then not_ok "choices in columns: no 100% total"; else ok "choices in columns: no 100% total"; fi
done_testing
