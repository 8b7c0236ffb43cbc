# t0371-feature-table: README.md and surveys/README.md carry the same table of supported XLSForm
# features (between the xlsform-features markers), and every type the table names as supported
# passes `survey check` in a one-question form while every type it names as refused is refused.
. tests/lib.sh
table() { sed -n '/^<!-- xlsform-features/,/^<!-- \/xlsform-features/p' "$1"; }
table "$TOP/README.md" >"$TMP/a"
table "$TOP/surveys/README.md" >"$TMP/b"
[ -s "$TMP/a" ] && ok "README.md has the table" || not_ok "README.md has no feature table"
if cmp -s "$TMP/a" "$TMP/b"; then ok "surveys/README.md has the same table"
else not_ok "the two tables differ: $(diff "$TMP/a" "$TMP/b" | head -5)"; fi
form() { # form TYPE: a one-question form of that type
	printf '| survey | | | |\n| | type | name | label |\n| | %s | q | Q |\n' "$1" >"$TMP/f.md"
}
for t in text integer decimal note date time dateTime acknowledge geopoint geotrace geoshape \
	image audio video file barcode start end today deviceid username email phonenumber \
	simserial subscriberid audit start-geopoint background-audio; do
	form "$t"
	run "$SURVEY" check "$TMP/f.md"
	expect_rc 0 "the table's supported type '$t' passes check"
done
printf '| survey | | | | |\n| | type | name | label | trigger |\n| | text | a | A | |\n| | background-geopoint | q | | ${a} |\n' >"$TMP/f.md"
run "$SURVEY" check "$TMP/f.md"
expect_rc 0 "background-geopoint with its trigger passes check"
expect_err "background-geopoint 'q' is recorded blank: a laptop has no GPS" "with the laptop's warning"
form background-geopoint
run "$SURVEY" check "$TMP/f.md"
expect_rc 1 "background-geopoint without a trigger is refused"
expect_err "needs a trigger" "saying it needs its trigger"
for t in background-video osm entity; do
	form "$t"
	run "$SURVEY" check "$TMP/f.md"
	expect_rc 1 "the table's refused type '$t' is refused"
	expect_err_lines 1 "'$t': one line"
done
done_testing
