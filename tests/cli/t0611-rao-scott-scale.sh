#!/bin/sh
# t0611: the Rao-Scott tests do not depend on the scale of the weights (w, w * 0.01, w * 1e5
# give svychisq's numbers), and where R's svychisq stops ("system is computationally
# singular": empty cells forming a whole interaction) there is no statistic — JSON null with a
# reason, a stated reason in text — at every scale (issue 14: F = 3.445, p = 0.030 printed
# with one scale, null with another). References: tests/fixtures/analysis/weights.R.
. tests/lib.sh
. tests/fixtures/analysis/lib.sh
expect_no_out() { if grep -Eq -- "$1" "$TMP/out"; then not_ok "$2: stdout has /$1/"; else ok "$2"; fi; }

an_db clus wstats.md wclus.csv
an_db strat wstats.md wstrat.csv
an_db sing wstats.md wsing.csv

for w in w w_small w_big; do
	run "$SURVEY" tab "$TMP/clus.db" yn grp --weight "$w" --cluster psu --format json
	expect_rc 0 "cluster design --weight $w"
	an_compare "clusters, --weight $w: svychisq" "$AN/w_clus_tab.ref"
	run "$SURVEY" tab "$TMP/strat.db" yn grp --weight "$w" --strata grp --format json
	an_compare "strata, --weight $w: svychisq" "$AN/w_strat_tab.ref"
	an_json "d['tables'][0]['independence']['test']" "rao_scott_f" "the p to read is the design-based one"
done

for w in w w_small w_big w_equal; do
	run "$SURVEY" tab "$TMP/sing.db" grp col3 --weight "$w" --format json
	expect_rc 0 "singular design --weight $w"
	an_compare "singular design --weight $w: no statistic, as R stops" "$AN/w_sing.ref"
	an_json "'singular' in d['tables'][0]['stats']['rao_scott_f']['why']" "True" "a reason in JSON"
	run "$SURVEY" tab "$TMP/sing.db" grp col3 --weight "$w"
	expect_out '^no design-based test \(Rao-Scott\): the design is computationally singular' "a reason in text ($w)"
	expect_no_out 'Rao-Scott F \(design-based\) +[0-9]' "no F printed ($w)"
done
done_testing
