#!/bin/sh
# t0607: don't know, refused, skipped and empty answers left out by default and shown as their
# own categories with --include-missing; select_multiple crossed with select_one (each choice a
# row, percentages of interviews, no tests); drafts only with --status.
. tests/lib.sh
. tests/fixtures/analysis/lib.sh

an_db missing missing.md missing.csv
DB=$TMP/missing.db
run "$SURVEY" tab "$DB" q1 q2 --format json --stats none
expect_rc 0 "missing answers left out"
an_json "(d['tables'][0]['n'], d['tables'][0]['counts'])" "(6, [[2, 2], [1, 1]])" "6 interviews answered both"
an_json "d['notes'][0]" "4 interviews without an answer to 'q1' or 'q2' left out (--include-missing shows them)" "with a note"
run "$SURVEY" tab "$DB" q1 q2 --include-missing --format json --stats none
expect_rc 0 "--include-missing"
an_json "(d['tables'][0]['row_values'], d['tables'][0]['col_values'])" "(['yes', 'no', '.d', '.r'], ['yes', 'no', '.d', '.r'])" "codes .d and .r"
an_json "d['tables'][0]['row_labels'][2:]" "[\"Don't know\", 'Refused']" "labelled"
an_json "d['tables'][0]['n']" "10" "every interview counted"
run "$SURVEY" freq "$DB" age --include-missing --format json
an_json "[(c['value'], c['count']) for c in d['variables'][0]['categories'] if c['missing']]" "[('.', 5)]" "not relevant (no answer stored): '.'"

run "$SURVEY" tab "$DB" fruit q2 --cells count,col_pct --format json
expect_rc 0 "select_multiple by select_one"
an_json "d['tables'][0]['row_values']" "['apple', 'pear', 'plum']" "each choice a row"
an_json "d['tables'][0]['counts']" "[[1, 3], [2, 0], [0, 2]]" "interviews choosing each, by column"
an_json "d['tables'][0]['col_totals']" "[2, 4]" "column bases are interviews"
an_json "[round(x, 4) for x in d['tables'][0]['cells']['col_pct'][0]]" "[50, 75]" "percent of interviews"
an_json "d['tables'][0]['stats']" "{}" "no test"
run "$SURVEY" tab "$DB" q2 fruit --cells row_pct --format json
an_json "d['tables'][0]['col_values']" "['apple', 'pear', 'plum']" "or each choice a column"
an_json "d['tables'][0]['row_totals']" "[2, 4]" "row bases are interviews"
run "$SURVEY" tab "$DB" grp q1 --format json --stats pearson_chi2
expect_rc 0 "a calculation of text is a categorical variable"
an_json "d['tables'][0]['row_values']" "['old', 'young']" "its values"
run "$SURVEY" tab "$DB" age q1 --format json --stats pearson_chi2
expect_rc 0 "an integer crossed by value"
an_json "d['tables'][0]['row_values']" "['20', '25', '35', '40', '50']" "in numeric order"

"$SURVEY" simulate "$TOP/surveys/covid19-lsg.md" -n 60 --db "$TMP/lsg.db" --seed 11 >/dev/null 2>&1
c=$(sqlite3 "$TMP/lsg.db" "SELECT count(*) FROM interviews WHERE status = 'complete'")
d=$(sqlite3 "$TMP/lsg.db" "SELECT count(*) FROM interviews WHERE status = 'draft'")
run "$SURVEY" freq "$TMP/lsg.db" deviceid --format json
an_json "d['variables'][0]['n_cases']" "$c" "complete interviews only by default"
run "$SURVEY" freq "$TMP/lsg.db" deviceid --status draft --format json
an_json "d['variables'][0]['n_cases']" "$d" "--status draft"
run "$SURVEY" freq "$TMP/lsg.db" deviceid --status all --format json
an_json "d['variables'][0]['n_cases']" "60" "--status all"
done_testing
