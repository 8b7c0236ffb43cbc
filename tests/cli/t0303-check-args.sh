# t0303-check-args: bad arguments exit 2 with the usage; unreadable or corrupt files exit 1
# with a located message, never a crash.
. tests/lib.sh

run "$SURVEY" check
expect_rc 2 "no FORM"
expect_err 'usage: survey check' "the usage is shown"

run "$SURVEY" check --bogus x.md
expect_rc 2 "unknown option"
expect_err "unknown option '--bogus'" "the option is named"

run "$SURVEY" check "$TMP/missing.md"
expect_rc 1 "a missing file"
expect_err "missing\.md" "the file is named"
expect_eq "$(wc -c <"$TMP/out")" 0 "nothing on stdout"

head -c 3000 /dev/urandom >"$TMP/random.xlsx"
run "$SURVEY" check "$TMP/random.xlsx"
expect_rc 1 "random bytes as .xlsx"
expect_err_lines 1 "one line for a corrupt file"
expect_err "random\.xlsx" "the corrupt file is named"

printf '| survey |\n| | type | name |\n| | text | a | extra | cells |\n' >"$TMP/ragged.md"
run "$SURVEY" check "$TMP/ragged.md"
[ "$RC" -eq 0 ] || [ "$RC" -eq 1 ] && ok "a ragged .md: a clean result (exit $RC)" || not_ok "ragged .md: exit $RC"

printf 'survey\n,type,name,label\n,text,q,"unterminated\n' >"$TMP/quote.csv"
run "$SURVEY" check "$TMP/quote.csv"
expect_rc 1 "a .csv with a stray quote"
expect_err "quote\.csv" "the csv is named"

run "$SURVEY" help check
expect_rc 0 "help check"
expect_out '^usage: survey check' "help check shows the usage"

done_testing
