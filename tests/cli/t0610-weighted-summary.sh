#!/bin/sh
# t0610: weighted standard deviation and quartiles are those of R's survey::svyvar and
# svyquantile(qrule = "hf7") (tests/fixtures/analysis/weights.R): equal weights give sd() and
# quantile(), and multiplying every weight by 0.01 or 1e5 changes nothing (issue 14: they
# were frequency-weight formulas, 112.5507 for 112.8504 and a median of 1732 for 446).
. tests/lib.sh
. tests/fixtures/analysis/lib.sh

an_db clus wstats.md wclus.csv
an_db strat wstats.md wstrat.csv
an_db small wstats.md wsmall.csv

for w in "" w w_small w_big w_equal; do
	run "$SURVEY" freq "$TMP/clus.db" x ${w:+--weight $w} --format json
	expect_rc 0 "apiclus1 freq x ${w:-unweighted}"
	an_compare "apiclus1 (equal weights) ${w:-unweighted}: sd 112.8504 and quartiles as R" "$AN/w_clus.ref"
done
for w in w w_small w_big; do
	run "$SURVEY" freq "$TMP/strat.db" x --weight "$w" --strata grp --format json
	expect_rc 0 "apistrat freq enroll --weight $w"
	an_compare "apistrat enroll --weight $w: svyvar, svyquantile hf7 (median 446.41)" "$AN/w_strat.ref"
done
for w in "" w_equal; do
	run "$SURVEY" freq "$TMP/small.db" x ${w:+--weight $w} --format json
	an_compare "twelve values ${w:-unweighted}: quartiles 8, 15.5, 23" "$AN/w_small.ref"
done
for w in w w_small w_big; do
	run "$SURVEY" freq "$TMP/small.db" x --weight "$w" --format json
	an_compare "twelve values, weights 1..12 (--weight $w)" "$AN/w_small_w.ref"
done
run "$SURVEY" freq "$TMP/small.db" x --weight w_equal
expect_out '^n 12  mean 17\.17  sd 11\.2  min 4  q25 8  median 15\.5  q75 23  max 42$' "text: every weight 0.05"
expect_out 'svyquantile' "text: says how the weighted summary is computed"

# make test-full (FULL=1): R itself gives the stored numbers (weights.R on the stored data)
if [ "${FULL:-}" = 1 ] && ! Rscript -e 'library(survey)' >/dev/null 2>&1; then
	not_ok "R with the survey package is not installed (r-base-core, r-cran-survey)"
elif [ "${FULL:-}" = 1 ]; then
	mkdir -p "$TMP/r"
	cp "$AN"/w*.csv "$TMP/r/"
	if (cd "$AN" && Rscript weights.R "$TMP/r") >"$TMP/r.out" 2>&1; then
		bad=""
		for f in "$AN"/w_*.ref; do
			cmp -s "$f" "$TMP/r/$(basename "$f")" || bad="$bad $(basename "$f")"
		done
		expect_eq "${bad:-none}" "none" "R (weights.R) gives the stored reference numbers"
	else
		not_ok "Rscript weights.R: $(tail -3 "$TMP/r.out")"
	fi
fi
done_testing
