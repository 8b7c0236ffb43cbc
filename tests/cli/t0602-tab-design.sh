#!/bin/sh
# t0602: weights, strata and clusters give the Rao-Scott tests as R's survey::svychisq computes
# them (survey's api data); equal weights leave every other statistic as unweighted; a stratum
# with one PSU is an error unless --lonely-psu says how to treat it.
. tests/lib.sh
. tests/fixtures/analysis/lib.sh

an_db strat api.md apistrat.csv
an_db clus api.md apiclus1.csv

run "$SURVEY" tab "$TMP/strat.db" sch_wide stype --weight pw --strata stype --format json
expect_rc 0 "stratified sample"
an_compare "stratified: Rao-Scott F and chi-square, weighted counts: R svychisq, svytable" "$AN/api_strat.ref"
an_json "round(d['tables'][0]['n'], 3)" "6194.0" "n is the weighted total"
an_json "d['tables'][0]['n_cases']" "200" "n_cases counts the schools"
an_json "any(\"weighted by 'pw'\" in n for n in d['notes'])" "True" "a note says the counts are weighted"

run "$SURVEY" tab "$TMP/clus.db" sch_wide stype --weight pw --cluster dnum --format json
expect_rc 0 "cluster sample"
an_compare "clusters: R svychisq" "$AN/api_clus.ref"
run "$SURVEY" tab "$TMP/clus.db" sch_wide stype --weight pw --cluster dnum --where '${api00} > 600' --format json
an_compare "--where is a subpopulation (R's subset of the design)" "$AN/api_clus_where.ref"

# all weights equal (2.5): the table statistics are the unweighted ones
run "$SURVEY" tab "$TMP/strat.db" sch_wide stype --format json
cp "$TMP/out" "$TMP/plain.json"
run "$SURVEY" tab "$TMP/strat.db" sch_wide stype --weight wconst --format json
expect_rc 0 "equal weights"
an_compare "equal weights: Rao-Scott as R" "$AN/api_equal.ref"
python3 - "$TMP/plain.json" "$TMP/out" >"$TMP/cmp" 2>&1 <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["tables"][0]["stats"]
b = json.load(open(sys.argv[2]))["tables"][0]["stats"]
bad = []
for k, v in a.items():
    for m, x in v.items():
        y = b[k][m]
        if isinstance(x, float) and (y is None or abs(x - y) > 1e-9 * abs(x) + 1e-15):
            bad.append("%s.%s %r %r" % (k, m, x, y))
print(bad or "same")
sys.exit(1 if bad else 0)
PY
if [ $? -eq 0 ]; then ok "equal weights give the unweighted statistics"; else not_ok "equal weights: $(cat "$TMP/cmp")"; fi

# a stratum with one PSU (district 61 alone in stratum 'one')
run "$SURVEY" tab "$TMP/clus.db" sch_wide stype --weight pw --cluster dnum --strata lst
expect_rc 1 "a stratum with one PSU"
expect_err "^survey: stratum 'one' of 'lst' has only one PSU; choose how to treat it with --lonely-psu remove, certainty, adjust or average$" "names the stratum and the way out"
expect_err_lines 1 "one line"
run "$SURVEY" tab "$TMP/clus.db" sch_wide stype --weight pw --cluster dnum --strata lst --lonely-psu adjust --format json
expect_rc 0 "--lonely-psu adjust"
an_compare "adjust: R with survey.lonely.psu = 'adjust'" "$AN/api_lonely_adjust.ref"
run "$SURVEY" tab "$TMP/clus.db" sch_wide stype --lonely-psu sometimes
expect_rc 2 "an unknown --lonely-psu"

run "$SURVEY" tab "$TMP/strat.db" sch_wide stype --weight pw --strata stype
expect_out '^Rao-Scott F \(design-based\) +16\.546 +1\.841, 362\.7 +3\.40e-07$' "text shows Rao-Scott F with its two df"
run "$SURVEY" tab "$TMP/strat.db" sch_wide stype --weight stype
expect_rc 1 "a weight that is not a number"
expect_err "--weight: 'stype' is a select_one question, not a number" "says why"
done_testing
