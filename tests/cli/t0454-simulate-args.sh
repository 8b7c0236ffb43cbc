# t0454-simulate-args: bad arguments exit 2 with the usage; a bad form or database exits 1.
. tests/lib.sh
form=surveys/covid19-lsg.md

run "$SURVEY" simulate "$form" --db "$TMP/x.db"
expect_rc 2 "without -n"
expect_err "usage: survey simulate" "the usage is shown"
run "$SURVEY" simulate "$form" -n 5
expect_rc 2 "without --db"
run "$SURVEY" simulate -n 5 --db "$TMP/x.db"
expect_rc 2 "without a form"
run "$SURVEY" simulate "$form" -n many --db "$TMP/x.db"
expect_rc 2 "-n not a number"
run "$SURVEY" simulate "$form" -n 5 --db "$TMP/x.db" --devices 0
expect_rc 2 "--devices 0"
run "$SURVEY" simulate "$form" -n 5 --db "$TMP/x%s.db"
expect_rc 2 "a '%' other than %d in --db"
run "$SURVEY" simulate "$form" -n 5 --db "$TMP/x.db" --bogus
expect_rc 2 "an unknown option"

printf 'not a form\n' >"$TMP/bad.md"
run "$SURVEY" simulate "$TMP/bad.md" -n 5 --db "$TMP/x.db"
expect_rc 1 "a file that is not a questionnaire"
expect_err_lines 1 "one line on stderr"
printf 'name,age\n' >"$TMP/people.db"
run "$SURVEY" simulate "$form" -n 5 --db "$TMP/people.db"
expect_rc 1 "a database that is not a survey database"
expect_err "people.db" "the file is named"
run "$SURVEY" simulate "$form" -n 0 --db "$TMP/empty.db" --quiet
expect_rc 0 "-n 0 makes an empty database"

done_testing
