# t0322-geo-freq-tab: location questions cannot be counted — freq, tab (as row, column, --by)
# and a report spec say so in one line each, exit 1, never crash; the numbers computed from
# them (area, distance) are tabulated as numbers.
. tests/lib.sh
F=tests/fixtures/forms
"$SURVEY" simulate $F/geo.md -n 20 --seed 3 --db "$TMP/a.db" --quiet || not_ok "simulate"

for q in home road field where spring; do
	run "$SURVEY" freq "$TMP/a.db" $q
	expect_rc 1 "freq $q is refused"
	expect_err "^survey: '$q' is a (geopoint|geotrace|geoshape|start-geopoint) question: locations cannot be tabulated" \
		"freq $q: said why"
	expect_err_lines 1 "freq $q: one line"
done
run "$SURVEY" freq "$TMP/a.db" well/well_at
expect_rc 1 "freq of a geopoint in a repeat is refused"
expect_err_lines 1 "one line"
for args in "home road_m" "road_m road" "road_m field_m2 --by field" "where road_m"; do
	run "$SURVEY" tab "$TMP/a.db" $args
	expect_rc 1 "tab $args is refused"
	expect_err "locations cannot be tabulated" "tab $args: said why"
	expect_err_lines 1 "tab $args: one line"
done
run "$SURVEY" freq "$TMP/a.db" road_m --format json
expect_rc 0 "distance() gives numbers that freq counts"

printf '| report |\n| | kind | name | row | col | title |\n| | freq | f | home | | Home |\n' \
	>"$TMP/spec.md"
run "$SURVEY" report "$TMP/a.db" "$TMP/spec.md" -o "$TMP/r.html"
expect_rc 1 "a report counting a geopoint is refused"
expect_err "'home' is a geopoint question: free answers cannot be counted" "the spec's line says why"

done_testing
