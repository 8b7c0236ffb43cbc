#!/bin/sh
# t0605: user errors of survey tab and freq — one line on stderr, exit 1; bad arguments exit 2.
. tests/lib.sh
. tests/fixtures/analysis/lib.sh

an_db missing missing.md missing.csv
DB=$TMP/missing.db
err1() { # err1 REGEX WHAT: exit 1 with exactly this one line on stderr and nothing on stdout
	expect_rc 1 "$2"
	expect_err "$1" "$2: the message"
	expect_err_lines 1 "$2: one line"
	if [ -s "$TMP/out" ]; then not_ok "$2: nothing on stdout"; else ok "$2: nothing on stdout"; fi
}
run "$SURVEY" tab "$DB" q1 nosuch
err1 "^survey: no question 'nosuch' in form 'missing'; see 'survey check --dump'$" "an unknown question"
run "$SURVEY" freq "$DB" q1 nosuch
err1 "^survey: no question 'nosuch' in form 'missing'; see 'survey check --dump'$" "freq: an unknown question"
run "$SURVEY" tab "$DB" note_t q1
err1 "^survey: 'note_t' is a text question: 'survey tab' cross-tabulates choices and numbers \(see 'survey freq note_t'\)$" "a text question in tab"
run "$SURVEY" tab "$DB" q1 q2 --where '${q1} = '
err1 "^survey: --where: .*, at character [0-9]+ of '\\$\\{q1\\} = '$" "a bad --where is located"
run "$SURVEY" tab "$DB" q1 q2 --where '${age} > 1 or ${agee} > 2'
err1 "^survey: --where: no question 'agee' in form 'missing'; see 'survey check --dump', at character 15 of" "an unknown name in --where is located"
run "$SURVEY" tab "$DB" q1 q2 --weight nosuch
err1 "^survey: --weight: no question 'nosuch'" "an unknown weight"
run "$SURVEY" tab "$DB" q1 q2 --by fruit
err1 "^survey: --by: 'fruit' is select_multiple; layers need one answer per interview$" "layers by a select_multiple"
run "$SURVEY" tab "$DB" q1 q2 --lang de
err1 "^survey: no language 'de' in form 'missing'; it has no translations$" "an unknown language"
run "$SURVEY" tab "$TMP/none.db" q1 q2
err1 "^survey: cannot open '.*none.db'" "a missing database"
printf 'not a database' >"$TMP/junk.db"
run "$SURVEY" tab "$TMP/junk.db" q1 q2
err1 "^survey: cannot open '.*junk.db'" "not a database"

run "$SURVEY" tab "$DB" q1
expect_rc 2 "a missing column question"
expect_err "^usage: survey tab DB ROW COL" "prints the usage"
run "$SURVEY" tab "$DB" q1 q2 --format xml
expect_rc 2 "an unknown format"
run "$SURVEY" tab "$DB" q1 q2 --cells count,percent
expect_rc 2 "an unknown cell"
run "$SURVEY" tab "$DB" q1 q2 --stats pearson_chi2,chi
expect_rc 2 "an unknown statistic"
expect_err "unknown statistic 'chi'" "names it"
run "$SURVEY" tab "$DB" q1 q2 --status finished
expect_rc 2 "an unknown status"
run "$SURVEY" tab "$DB" q1 q2 --seed -3
expect_rc 2 "a negative seed"
run "$SURVEY" tab "$DB" q1 q2 --bogus
expect_rc 2 "an unknown option"
run "$SURVEY" help tab
expect_rc 0 "help"
expect_out '--include-missing' "help lists the options"
done_testing
