# t1241-report-glossary-stats: a statistic named in a report's stats column brings its entry
# to the report's glossary (Cramér's V, gamma, the chi-square test and its degrees of freedom),
# and a statistic not asked for does not — the report finds them through the registry of
# analysis/statistics.h, not by comparing names.
. tests/lib.sh
. tests/fixtures/analysis/lib.sh

an_db ucb ucb.md ucb.csv
spec() { # spec FILE STATS: one cross-tab with that stats cell
	cat >"$1" <<EOF2
| report |  |  |  |  |  |
|  | kind | name | row | col | stats |
|  | tab | t1 | admit | gender | $2 |
EOF2
}
has() { grep -q "$2" "$1" && echo yes || echo no; }

spec "$TMP/g.md" gamma
run "$SURVEY" report "$TMP/ucb.db" "$TMP/g.md" -o "$TMP/g.out.md"
expect_rc 0 "a report asking for gamma"
expect_eq "$(has "$TMP/g.out.md" 'Gamma: for ordered answers')" yes "gamma asked: its glossary entry"
expect_eq "$(has "$TMP/g.out.md" 'Degrees of freedom (df)')" no "chi-square not asked: no df entry"

spec "$TMP/c.md" pearson_chi2
run "$SURVEY" report "$TMP/ucb.db" "$TMP/c.md" -o "$TMP/c.out.md"
expect_rc 0 "a report asking for Pearson's chi-square"
expect_eq "$(has "$TMP/c.out.md" 'Degrees of freedom (df)')" yes "chi-square asked: the df entry"
expect_eq "$(has "$TMP/c.out.md" 'Chi-square test (Pearson)')" yes "chi-square asked: its entry"
expect_eq "$(has "$TMP/c.out.md" 'Gamma: for ordered answers')" no "gamma not asked: no entry"

spec "$TMP/v.md" "cramers_v gamma"
run "$SURVEY" report "$TMP/ucb.db" "$TMP/v.md" -o "$TMP/v.out.md"
expect_rc 0 "a report asking for Cramér's V and gamma"
expect_eq "$(has "$TMP/v.out.md" "Cramér's V: the strength")" yes "Cramér's V asked: its entry"
expect_eq "$(has "$TMP/v.out.md" 'Gamma: for ordered answers')" yes "and gamma's"

done_testing
