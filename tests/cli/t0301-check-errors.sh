# t0301-check-errors: each broken fixture is rejected (exit 1) with its error located as
# FILE:SHEET:ROW: error: message, and nothing on stdout.
. tests/lib.sh
F=tests/fixtures/forms

# expect_check FIXTURE 'LOCATION: error: MESSAGE' — the message is matched literally
expect_check() {
	run "$SURVEY" check "$F/$1"
	expect_rc 1 "$1 is rejected"
	if grep -Fq -- "$F/$2" "$TMP/err"; then ok "$1: $2"; else
		not_ok "$1: stderr lacks '$2': $(head -c 400 "$TMP/err")"; fi
	expect_eq "$(wc -c <"$TMP/out")" 0 "$1: nothing on stdout"
}

expect_check dup-name.md "dup-name.md:survey:4: error: name: duplicate name 'age' (also at row 3): names must be unique within their group or repeat"
expect_check dup-ref.md "dup-ref.md:survey:9: error: relevant: 'q' names more than one question (rows 4 and 7)"
expect_check end-unmatched.md "end-unmatched.md:survey:4: error: type: 'end group' without a matching 'begin group'"
expect_check end-crossed.md "end-crossed.md:survey:6: error: type: 'end group' does not match 'begin repeat' of 'r' at row 4"
expect_check begin-unclosed.md "begin-unclosed.md:survey:4: error: 'begin repeat' of 'r' has no matching 'end repeat'"
expect_check type-unknown.md "type-unknown.md:survey:4: error: type: unknown type 'txet'"
expect_check type-missing.md "type-missing.md:survey:4: error: type: missing type for 'q2'"
expect_check type-unsupported.md "type-unsupported.md:survey:4: error: type: unsupported type 'entity': survey cannot interview it"
expect_check type-unsupported.md "type-unsupported.md:survey:5: error: type: unsupported type 'background-video'"
expect_check list-unknown.md "list-unknown.md:survey:3: error: type: unknown choice list 'yes_no'"
expect_check list-no-choices.md "list-no-choices.md:survey:3: error: type: unknown choice list 'fruits': the form has no choices sheet"
expect_check choice-dup.md "choice-dup.md:choices:9: error: duplicate choice 'yes' in list 'yes_no' (also at row 7)"
expect_check choice-space.md "choice-space.md:survey:3: error: type: choice 'b c' of list 'l' (choices row 8) has a blank in its name"
expect_check ref-unknown.md "ref-unknown.md:survey:4: error: relevant: no question named 'agee' at character 1"
expect_check ref-unknown.md "ref-unknown.md:survey:5: error: label: no question named 'nmae' at character 7"
expect_check cycle.md "cycle.md:survey:4: error: cycle in relevance and calculations: 'a' -> 'b' -> 'c' -> 'a'"
expect_check cycle-self.md "cycle-self.md:survey:3: error: 'total' depends on itself"
expect_check expr-bad.md "expr-bad.md:survey:3: error: constraint: unknown function 'foo' at character 12"
expect_check expr-bad.md "expr-bad.md:survey:4: error: relevant: missing ')' at character 1"
expect_check name-invalid.md "name-invalid.md:survey:3: error: name: invalid name '1st_name'"
expect_check name-meta.md "name-meta.md:survey:3: error: name: the name 'meta' is reserved for form metadata"
expect_check repeat-dup.md "repeat-dup.md:survey:9: error: name: duplicate repeat name 'r' (also at row 4)"
expect_check default-language.md "default-language.md:settings:7: error: default_language: 'Kyrgyz (ky)' is not the language of any column"
expect_check no-survey.md "no-survey.md: error: no sheet named 'survey' (the sheets are 'surve')"
expect_check no-type-column.md "no-type-column.md:survey:2: error: missing column 'type'"
expect_check no-name-column.md "no-name-column.md:survey:2: error: missing column 'name'"
expect_check calculate-empty.md "calculate-empty.md:survey:3: error: calculate 'c' has no calculation"
expect_check or-other-filter.md "or-other-filter.md:survey:3: error: or_other cannot be used with a choice_filter"
expect_check range-bad.md "range-bad.md:survey:4: error: parameters: range step must be greater than 0"
expect_check filter-column.md "filter-column.md:survey:4: error: choice_filter: no column 'oblast' in the choices sheet at character 1"

# every error of a file is reported, not only the first
run "$SURVEY" check "$F/range-bad.md"
expect_eq "$(grep -c ': error: ' "$TMP/err")" 3 "range-bad.md: all three errors"

done_testing
