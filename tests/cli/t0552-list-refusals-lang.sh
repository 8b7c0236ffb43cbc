# t0552-list-refusals-lang: `survey list` refuses in the chosen language (--lang, looked for before
# any other argument): a wrong option and the usage line, a missing database argument, a file that
# is not there, a file that is no database, a database cut short — in Kyrgyz and Russian with no
# English word; in English the store's own detailed words stay (t0100).
. tests/lib.sh
no_english() { # no_english what: stderr holds no English word of the old messages
	if grep -Eq "cannot|expected|unknown|option|usage|truncated|database file|not a database" "$TMP/err"
	then not_ok "$1: English words: $(cat "$TMP/err")"; else ok "$1: no English word"; fi
}
run "$SURVEY" list --bogus x.db --lang ky
expect_rc 2 "a wrong option"
expect_err "^survey list: белгисиз параметр '--bogus'" "named in Kyrgyz"
expect_err "^колдонулушу: survey list DB" "the usage line in Kyrgyz"
no_english "a wrong option"
run "$SURVEY" list --lang ru
expect_rc 2 "no database"
expect_err "^survey list: нужен один файл базы данных$" "said in Russian"
no_english "no database"
run "$SURVEY" list "$TMP/nothere.db" --lang ky
expect_rc 1 "a file that is not there"
expect_err "«.*nothere.db» ачылбады: мындай файл же папка жок$" "said in Kyrgyz, the system's reason too"
no_english "a file that is not there"
printf 'name,age\nАйгүл,30\n' >"$TMP/people.csv"
run "$SURVEY" list "$TMP/people.csv" --lang ru
expect_rc 1 "a CSV given as the database"
expect_err "«.*people.csv» — не база данных$" "said in Russian"
no_english "a CSV given as the database"
sqlite3 "$TMP/whole.db" "CREATE TABLE t(x); INSERT INTO t VALUES (randomblob(9000));"
head -c 5000 "$TMP/whole.db" >"$TMP/cut.db"
run "$SURVEY" list "$TMP/cut.db" --lang ky
expect_rc 1 "a database cut short"
expect_err "«.*cut.db» бузулган, толук көчүрүлбөгөн .*'survey pack' менен\)$" "said in Kyrgyz with what to do"
no_english "a database cut short"
expect_err_lines 1 "one line"
run "$SURVEY" list "$TMP/cut.db" --lang en
expect_err "truncated" "in English the store's detail stays"
done_testing
