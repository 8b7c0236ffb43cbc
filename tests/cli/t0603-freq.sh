#!/bin/sh
# t0603: survey freq — counts, valid and cumulative percents and the four intervals for a
# proportion agree with R (prop.test, binom.test, Agresti-Coull, Jeffreys); numeric summaries
# with R's mean, sd, quantile and t.test; design-based proportions and means with svymean and
# svyciprop; select_multiple as % of responses and % of cases.
. tests/lib.sh
. tests/fixtures/analysis/lib.sh

an_db hair hair.md hair.csv
for m in wilson clopper-pearson agresti-coull jeffreys; do
	others=$(printf '%s\n' wilson clopper-pearson agresti-coull jeffreys | grep -vx "$m" | paste -sd'|')
	run "$SURVEY" freq "$TMP/hair.db" hair --ci "$m" --format json
	expect_rc 0 "freq hair --ci $m"
	an_compare "hair: counts, percents, $m interval: R" "$AN/hair_freq.ref" --alias "$m=ci_low,ci_high" --skip "\\.($others)\$"
done
an_json "[c['value'] for c in d['variables'][0]['categories']]" "['black', 'brown', 'red', 'blond', 'grey']" "every choice is listed, even unused"
an_json "d['variables'][0]['categories'][4]['count']" "0" "grey: 0"
run "$SURVEY" freq "$TMP/hair.db" hair --ci normal
expect_rc 2 "an unknown --ci"

an_db mtcars mtcars.md mtcars.csv
run "$SURVEY" freq "$TMP/mtcars.db" mpg --format json
expect_rc 0 "freq of a decimal"
an_compare "mpg: mean, sd, quartiles, standard error, t interval: R" "$AN/mtcars_mpg.ref"
run "$SURVEY" freq "$TMP/mtcars.db" mpg
expect_out '^10\.4 +2 +6\.2 +6\.2 +6\.2 +1\.7 – 20\.1$' "text: values in numeric order"
expect_out '^n 32  mean 20\.09' "text: the summary line"

an_db strat api.md apistrat.csv
run "$SURVEY" freq "$TMP/strat.db" stype api00 --weight pw --strata stype --format json
expect_rc 0 "freq with a stratified design"
an_compare "design-based proportions, svyciprop intervals, mean: R" "$AN/api_strat_freq.ref"
run "$SURVEY" freq "$TMP/strat.db" api00
expect_out '^\([0-9]+ different values\) +200$' "text: a numeric question with many values is summarised"

an_db missing missing.md missing.csv
run "$SURVEY" freq "$TMP/missing.db" fruit --format json
expect_rc 0 "freq of a select_multiple"
an_json "[(c['value'], c['count'], round(c['percent'], 4), round(c['cases_percent'], 4)) for c in d['variables'][0]['categories']]" \
	"[('apple', 5, 45.4545, 71.4286), ('pear', 3, 27.2727, 42.8571), ('plum', 3, 27.2727, 42.8571)]" \
	"% of responses (11) and % of cases (7 answered)"
run "$SURVEY" freq "$TMP/missing.db" q1 fruit age note_t --format csv
expect_rc 0 "csv"
expect_out '^variable,value,count,percent,valid_percent,cum_percent,cases_percent,ci_low,ci_high$' "csv header"
expect_out '^q1,yes,5,50,62\.5,62\.5,,' "csv row: codes, numbers"
expect_out '^note_t,a,3,' "text questions are counted by value"
run "$SURVEY" freq "$TMP/missing.db"
expect_rc 2 "no question named"
done_testing
