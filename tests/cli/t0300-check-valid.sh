# t0300-check-valid: survey check accepts the shipped survey and the valid fixtures (in .md,
# .csv and .xlsx) with exit 0, a one-line summary on stdout and nothing on stderr.
. tests/lib.sh
F=tests/fixtures/forms

run "$SURVEY" check surveys/covid19-lsg.md
expect_rc 0 "the shipped survey is valid"
expect_err_lines 0 "the shipped survey has no warning"
expect_out '^surveys/covid19-lsg\.md: ok — [0-9]+ questions, 3 languages, form covid19_lsg version [0-9]+$' \
	"summary of the shipped survey"

for ext in md csv xlsx; do
	run "$SURVEY" check "$F/basic.$ext"
	expect_rc 0 "basic.$ext is valid"
	expect_err_lines 0 "basic.$ext: nothing on stderr"
	expect_out "^$F/basic\.$ext: ok — 15 questions, 2 languages, form household version 2024030101\$" \
		"basic.$ext summary"
done

run "$SURVEY" check "$F/dup-name-groups.md"
expect_rc 0 "the same name in two groups is allowed when not referenced"

run "$SURVEY" check "$F/basic.md" "$F/basic.csv"
expect_rc 0 "several forms at once"
expect_eq "$(wc -l <"$TMP/out")" 2 "one summary per form"

run "$SURVEY" check -q "$F/basic.md"
expect_rc 0 "--quiet"
expect_eq "$(wc -c <"$TMP/out")" 0 "--quiet prints no summary"

run "$SURVEY" check --dump "$F/basic.md"
expect_rc 0 "--dump"
expect_out '^node 13 select_multiple problems path=problems ' "--dump prints the model"

run "$SURVEY" ch "$F/basic.md"
expect_rc 0 "a prefix of check works"

done_testing
