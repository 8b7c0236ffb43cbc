#!/bin/sh
# t0613: no "nan" or "inf" in any output (issue 14: `freq` printed "sd nan", a --where that
# keeps nobody said "nan degrees of freedom"); with weights the text says which p to read and
# leaves out the naive chi-square (0.119 beside the design-based 0.057); --ci replaced by
# svyciprop's logit interval says so; a perfect correlation has no p (as gamma and tau).
. tests/lib.sh
. tests/fixtures/analysis/lib.sh

an_db strat wstats.md wstrat.csv
cat >"$TMP/diag.csv" <<'CSV'
id,psu,grp,col3,yn,x,need,w,w_small,w_big,w_equal
1,,a,x,no,1,ppe,1,0.01,100000,0.05
2,,a,x,no,1,ppe,2,0.02,200000,0.05
3,,b,y,yes,2,money,1,0.01,100000,0.05
4,,b,y,yes,2,money,3,0.03,300000,0.05
5,,c,z,yes,3,ppe staff,1,0.01,100000,0.05
6,,c,z,no,3,staff,2,0.02,200000,0.05
CSV
run "$SURVEY" import "$AN/wstats.md" "$TMP/diag.csv" --db "$TMP/diag.db"
expect_rc 0 "import"

# every command, every format: never nan or inf
bad=""
for args in "tab $TMP/diag.db grp col3" "tab $TMP/diag.db grp col3 --weight w" \
	"tab $TMP/diag.db need yn" "tab $TMP/diag.db need yn --weight w_small" \
	"freq $TMP/diag.db x --where \${id}=1" "freq $TMP/diag.db x --weight w --where \${id}=1" \
	"tab $TMP/diag.db grp col3 --where \${id}=1" "tab $TMP/diag.db grp col3 --weight w --where \${id}<3" \
	"freq $TMP/diag.db need grp x --weight w" "freq $TMP/strat.db x yn --weight w --where \${x}>100000" \
	"tab $TMP/strat.db yn grp --weight w --where \${x}>100000" "tab $TMP/strat.db yn grp --weight w --by col3"; do
	for f in text json csv; do
		# shellcheck disable=SC2086
		"$SURVEY" $args --format $f >"$TMP/o" 2>&1
		grep -Eqiw 'nan|-?inf' "$TMP/o" && bad="$bad [$args --format $f]"
	done
done
expect_eq "${bad:-none}" "none" "no nan or inf in any output"

run "$SURVEY" freq "$TMP/diag.db" x --where '${id} = 1'
expect_out '^n 1  mean 1  min 1  q25 1  median 1  q75 1  max 1  \(one value: no standard deviation\)$' "one value: no sd, said in words"
run "$SURVEY" freq "$TMP/diag.db" x --where '${id} = 1' --format json
an_json "d['variables'][0]['summary']['sd']" "None" "JSON: null"
run "$SURVEY" freq "$TMP/strat.db" yn --weight w --where '${x} > 100000'
expect_out '^warning: no interview to count \(--where keeps none\)$' "--where keeping nobody: a clear sentence"
run "$SURVEY" freq "$TMP/strat.db" yn --weight w --where '${x} > 100000' --format json
an_json "(d['variables'][0]['design_df'], d['variables'][0]['warnings'])" "(None, ['no interview to count (--where keeps none)'])" "JSON: null degrees of freedom, the warning"

run "$SURVEY" freq "$TMP/strat.db" yn --weight w --ci wilson
expect_out '^note: intervals are design-based \(svyciprop, logit\) with 199 degrees of freedom; --ci does not apply to weighted or design-based data$' "--ci replaced: said"
expect_out '95% CI \(design,' "the column says which interval"
expect_out ' logit\)$' "(svyciprop's logit)"
run "$SURVEY" freq "$TMP/strat.db" yn --weight w
expect_out '^note: intervals are design-based \(svyciprop, logit\) with 199 degrees of freedom$' "no --ci: no such remark"

run "$SURVEY" tab "$TMP/strat.db" yn grp --weight w
expect_out '^test of independence: read the Rao-Scott p \(design-based\)' "weighted: says which p to read"
if grep -Eq '^(Pearson chi-square|Likelihood ratio|Linear-by-linear)' "$TMP/out"; then
	not_ok "weighted: the naive chi-square tests are not in the text"
else
	ok "weighted: the naive chi-square tests are not in the text"
fi
run "$SURVEY" tab "$TMP/strat.db" yn grp --weight w --format json
an_json "d['tables'][0]['independence']['test']" "rao_scott_f" "JSON: the test to read"

run "$SURVEY" tab "$TMP/diag.db" grp col3 --stats pearson_r,spearman,gamma,kendall_tau_b --format json
an_json "[(k, v['value'], v['p']) for k, v in sorted(d['tables'][0]['stats'].items())]" \
	"[('gamma', 1, None), ('kendall_tau_b', 1, None), ('pearson_r', 1, None), ('spearman', 1, None)]" \
	"a perfect correlation: no p, as gamma and tau"
done_testing
