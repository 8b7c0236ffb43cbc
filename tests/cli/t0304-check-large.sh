# t0304-check-large: a 50,000-row form loads cleanly and fast; a form with thousands of errors
# reports a bounded number of them and how many more there are.
. tests/lib.sh

awk 'BEGIN {
	print "| survey |"; print "| | type | name | label | relevant | calculation |"
	for (g = 0; g < 500; g++) {
		printf "| | begin group | g%d | G%d | | |\n", g, g
		for (i = 0; i < 98; i++) {
			k = g * 98 + i
			if (i % 2)
				printf "| | calculate | c%d | | | ${q%d} + 1 |\n", k, k - 1
			else if (k >= 2)
				printf "| | integer | q%d | Q%d | ${q%d} > 1 | |\n", k, k, k - 2
			else
				printf "| | integer | q%d | Q%d | | |\n", k, k
		}
		print "| | end group | | | | |"
	}
}' >"$TMP/big.md"
start=$(date +%s)
run "$SURVEY" check "$TMP/big.md"
end=$(date +%s)
expect_rc 0 "a 50,000-row form is valid"
expect_out "ok — 49000 questions" "all its questions are read"
echo "# 50,000 rows checked in $((end - start)) s (bench/form-load.sh measures it; no time limit here)"

awk 'BEGIN { print "| survey |"; print "| | type | name | label |"
	for (i = 0; i < 3000; i++) printf "| | entity | p%d | P |\n", i }' >"$TMP/errors.md"
run "$SURVEY" check "$TMP/errors.md"
expect_rc 1 "3000 errors"
expect_eq "$(grep -c ': error: ' "$TMP/err")" 200 "200 errors are shown"
expect_err "2800 more problems not shown \(3000 errors, 0 warnings in all\)" "the rest are counted"

done_testing
