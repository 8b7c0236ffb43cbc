# t0802-report-bad-input: a spec with errors, a question the database lacks, a filter that keeps
# no interview, a table with one category, a missing folder, bad arguments: a located error or
# a table with a note, never a crash or a silent omission; nothing written on an error.
. tests/lib.sh
F=tests/fixtures/report

run "$SURVEY_FIXTURES" simulate surveys/covid19-lsg.md -n 200 --db "$TMP/sim.db" --seed 3 --quiet
expect_rc 0 "simulate"

# survey check --report: every problem, located, in row order
run "$SURVEY" check surveys/covid19-lsg.md --report reports/covid19-lsg/report.md
expect_rc 0 "the shipped spec checks against the shipped survey"
expect_out "report\.md: ok .* [0-9]+ tables" "its summary"
expect_eq "$(grep -c warning "$TMP/err")" 0 "no warning: every text in ky, ru and en"

run "$SURVEY" check surveys/covid19-lsg.md --report $F/bad-spec.md
expect_rc 1 "a bad spec"
for what in "3: error: row: unknown question 'no_such_question'" \
	    "4: error: row: cannot cross-tabulate text question 'municipality_name'" \
	    "5: error: cells: unknown cell 'bogus_pct'" "6: error: stats: unknown statistic 'chi_square'" \
	    "7: error: chart: unknown chart 'pie'" "8: error: name: duplicate name 't1'" \
	    "9: error: kind: unknown kind 'graph'" "11: error: where: .* at character 12" \
	    "12: error: where: unknown question 'nope'"; do
	expect_err "bad-spec\.md:report:$what" "located: report:$what"
done
rows=$(grep -o 'report:[0-9]*: error' "$TMP/err" | cut -d: -f2 | tr '\n' ' ')
expect_eq "$rows" "3 4 5 6 7 8 9 11 12 " "in row order"
run "$SURVEY" check surveys/covid19-lsg.md --report $F/no-such-spec.md
expect_rc 1 "a missing spec"
expect_err "no-such-spec\.md" "the missing spec is named"
run "$SURVEY" check surveys/covid19-lsg.md --report surveys/covid19-lsg.md
expect_rc 1 "a questionnaire given as a spec"
expect_err "no 'report' sheet" "it has no report sheet"

# survey report refuses a bad spec before writing anything
run "$SURVEY" report "$TMP/sim.db" $F/bad-spec.md -o "$TMP/bad.html"
expect_rc 1 "report with a bad spec"
expect_err "bad-spec\.md:report:5: error: cells" "its errors are located"
[ -e "$TMP/bad.html" ] && not_ok "a report was written" || ok "nothing written"

run "$SURVEY" report "$TMP/sim.db" $F/missing-question.md -o "$TMP/mq.html"
expect_rc 1 "a question the database lacks"
expect_err "missing-question\.md:report:4: error: row: unknown question 'budget_cuts_2019'" "located at its row"
[ -e "$TMP/mq.html" ] && not_ok "a report was written" || ok "nothing written"

# bad data for a table: a note, not a crash
run "$SURVEY" report "$TMP/sim.db" $F/edge-spec.md -o "$TMP/edge.html" --lang en
expect_rc 0 "edge cases make a report"
h="$TMP/edge.html"
expect_eq "$(grep -c '<section class="tbl"' "$h")" 8 "every table is there (methods + 7)"
expect_eq "$(grep -c "No interview meets this table&#39;s condition" "$h")" 2 "a filter that keeps nobody: a note, twice"
grep -q "fall in one category: there is nothing to compare" "$h" && ok "one column category: a note, no test" \
	|| not_ok "no note for a single category"
grep -q "Every answer falls in one category: “Female”" "$h" && ok "a frequency with one category: a note" \
	|| not_ok "no note for a one-category frequency"
expect_eq "$(grep -c '<h4>' "$h")" 2 "a layer per oblast kept by the filter"
grep -q "Rao–Scott test for weighted data, p" "$h" && ok "a weighted table: the Rao–Scott test in words" \
	|| not_ok "no Rao-Scott test for the weighted table"
expect_eq "$(grep -c "Weighted by “population”" "$h")" 2 "weighted tables say so"
run "$SURVEY" report "$TMP/sim.db" $F/edge-spec.md -o "$TMP/edge.xlsx"
expect_rc 0 "edge cases as XLSX"
run "$SURVEY" report "$TMP/sim.db" $F/edge-spec.md -o "$TMP/edge.md" --lang ky
expect_rc 0 "edge cases as Markdown"

# a spec written as CSV (the form readers)
run "$SURVEY" report "$TMP/sim.db" $F/small-spec.csv -o "$TMP/small.html" --lang ru
expect_rc 0 "a CSV spec"
grep -q "Сокращение доходов по типу муниципалитета" "$TMP/small.html" && ok "its titles" || not_ok "CSV titles missing"

# the file and its arguments
run "$SURVEY" report "$TMP/sim.db" reports/covid19-lsg/report.md -o "$TMP/no/such/dir/r.html"
expect_rc 1 "a missing folder"
expect_err_lines 1 "one line"
expect_err "folder '.*no/such/dir' does not exist" "the folder is named"
[ -d "$TMP/no" ] && not_ok "a folder was made" || ok "nothing made"
run "$SURVEY" report "$TMP/sim.db" reports/covid19-lsg/report.md -o "$TMP/r.pdf"
expect_rc 2 "an unknown format"
expect_err "name it \.html, \.md or \.xlsx" "the formats are named"
run "$SURVEY" report "$TMP/sim.db" reports/covid19-lsg/report.md
expect_rc 2 "no -o"
run "$SURVEY" report "$TMP/none.db" reports/covid19-lsg/report.md -o "$TMP/r.html"
expect_rc 1 "a missing database"
expect_err_lines 1 "one line"
run "$SURVEY" report "$TMP/sim.db" reports/covid19-lsg/report.md -o "$TMP/r.html" --lang de
expect_rc 1 "a language the questionnaire lacks"
expect_err "'de'" "the language is named"
[ -e "$TMP/r.html" ] && not_ok "a report was written" || ok "nothing written"
ls "$TMP" | grep -q '\.tmp-' && not_ok "a temporary file was left behind" || ok "no temporary file left"

done_testing
