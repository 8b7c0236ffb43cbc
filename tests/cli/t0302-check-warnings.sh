# t0302-check-warnings: warnings (missing translations, a language without a code) are printed
# but do not fail the check: exit 0 and the summary counts them.
. tests/lib.sh
F=tests/fixtures/forms

run "$SURVEY" check "$F/translation-missing.md"
expect_rc 0 "missing translations are only warnings"
expect_err "^$F/translation-missing\.md:survey:2: warning: language 'Russian \(ru\)' has no hint column\$" \
	"a language without a whole column"
expect_err "^$F/translation-missing\.md:survey:4: warning: label of 'q2' has no 'Russian \(ru\)' translation\$" \
	"a label missing in one language"
expect_err "^$F/translation-missing\.md:choices:10: warning: label of choice 'b' has no 'Russian \(ru\)' translation\$" \
	"a choice label missing in one language"
expect_out "ok — 3 questions, 2 languages, form translation-missing \(3 warnings\)\$" "summary counts warnings"

run "$SURVEY" check "$F/lang-no-code.md"
expect_rc 0 "a language without a code is only a warning"
expect_err "^$F/lang-no-code\.md:survey:2: warning: label::English: language 'English' has no code" \
	"the language without a code is named"

run "$SURVEY" check -q "$F/translation-missing.md"
expect_rc 0 "--quiet"
expect_err_lines 0 "--quiet hides warnings"

done_testing
