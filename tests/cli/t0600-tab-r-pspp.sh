#!/bin/sh
# t0600: survey tab agrees with R and PSPP to 1e-6 on public data imported through survey import:
# HairEyeColor (4x4, an empty row), UCBAdmissions (2x2), two raters (kappa, Bowker, Fisher r x c,
# McNemar) and mtcars (numbers scored by their values).
. tests/lib.sh
. tests/fixtures/analysis/lib.sh

an_db hair hair.md hair.csv
run "$SURVEY" tab "$TMP/hair.db" hair eye --cells all --format json
expect_rc 0 "tab hair eye"
an_compare "hair x eye: R" "$AN/hair_eye.ref"
# kappa needs the same categories in rows and columns (hair and eye colours differ)
an_compare "hair x eye: PSPP" "$AN/hair_eye.pspp.ref" --skip 'kappa'
an_json "d['tables'][0]['row_values']" "['black', 'brown', 'red', 'blond']" "grey, never chosen, is left out"
an_json "d['tables'][0]['notes'][0]" "empty row left out: 'grey'" "with a note"
an_json "d['tables'][0]['stats']['kappa']['value']" "None" "no kappa for different categories"

an_db ucb ucb.md ucb.csv
run "$SURVEY" tab "$TMP/ucb.db" admit gender --cells all --format json
expect_rc 0 "tab admit gender"
an_compare "ucb 2x2: R (chi-square, Yates, Fisher, odds ratio, relative risk)" "$AN/ucb.ref"
an_compare "ucb 2x2: PSPP" "$AN/ucb.pspp.ref" --skip 'kappa'

an_db raters raters.md raters.csv
run "$SURVEY" tab "$TMP/raters.db" rater1 rater2 --cells all --format json
expect_rc 0 "tab rater1 rater2"
an_compare "raters 3x3: R (kappa, Bowker, Fisher r x c exact)" "$AN/raters.ref"
# PSPP's kappa ASE differs from the Fleiss-Cohen-Everitt one (see tests/unit/test_stats_crosstab.c)
an_compare "raters 3x3: PSPP" "$AN/raters.pspp.ref" --skip 'kappa\.ase'
an_json "d['tables'][0]['stats']['fisher_exact']['method']" "exact" "Fisher r x c: exact"
run "$SURVEY" tab "$TMP/raters.db" rater1 rater2 --where "\${rater1} != '3' and \${rater2} != '3'" --cells all --format json
expect_rc 0 "tab rater1 rater2 --where (2x2 of a 3-choice list)"
an_compare "raters 2x2: R (McNemar)" "$AN/raters_2x2.ref"
an_compare "raters 2x2: PSPP" "$AN/raters_2x2.pspp.ref" --skip 'kappa\.ase'

an_db mtcars mtcars.md mtcars.csv
run "$SURVEY" tab "$TMP/mtcars.db" cyl carb --cells all --format json
expect_rc 0 "tab cyl carb"
an_compare "cyl x carb: R (scores 4 6 8 x 1 2 3 4 6 8)" "$AN/mtcars_cyl_carb.ref"
an_compare "cyl x carb: PSPP" "$AN/mtcars_cyl_carb.pspp.ref" --skip 'kappa'
done_testing
