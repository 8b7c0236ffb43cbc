# t0707-import-rdata: the R data sets the analysis tests use go in through `survey import`
# (tests/fixtures/rdata) with R's counts and sums intact; importing one again adds nothing.
. tests/lib.sh
R=tests/fixtures/rdata
imp() { # imp FORM CSV DB ROWS
	run "$SURVEY" import "$R/$1" "$R/$2" --db "$TMP/$3"
	expect_rc 0 "import $2"
	expect_out "imported $4 interviews" "$2: $4 rows"
}
Q() { sqlite3 "$TMP/$1" "$2"; }
CROSS="SELECT a.value || '/' || b.value || '/' || count(*) FROM answers a JOIN answers b
	ON a.uuid = b.uuid AND b.path = '%s' WHERE a.path = '%s' GROUP BY a.value, b.value"

imp haireyecolor.md haireyecolor.csv hec.db 592
expect_eq "$(Q hec.db "SELECT count(*) FROM answers a JOIN answers b ON a.uuid = b.uuid
	JOIN answers c ON a.uuid = c.uuid WHERE a.path = 'hair' AND a.value = 'Black'
	AND b.path = 'eye' AND b.value = 'Brown' AND c.path = 'sex' AND c.value = 'Male'")" 32 \
	"HairEyeColor['Black', 'Brown', 'Male'] = 32"
expect_eq "$(Q hec.db "SELECT count(*) FROM answers WHERE path = 'hair' AND value = 'Blond'")" 127 "127 blond"

imp ucbadmissions.md ucbadmissions.csv ucb.db 4526
expect_eq "$(Q ucb.db "$(printf "$CROSS" gender admit) ORDER BY 1")" "Admitted/Female/557
Admitted/Male/1198
Rejected/Female/1278
Rejected/Male/1493" "admit x gender as R's margin.table(UCBAdmissions, 1:2)"

imp mtcars.md mtcars.csv mtcars.db 32
expect_eq "$(Q mtcars.db "$(printf "$CROSS" gear cyl) ORDER BY 1" | tr '\n' ' ')" \
	"4/3/1 4/4/8 4/5/2 6/3/2 6/4/4 6/5/1 8/3/12 8/5/2 " "table(cyl, gear)"
expect_eq "$(Q mtcars.db "SELECT value FROM answers WHERE path = 'wt' AND uuid =
	(SELECT uuid FROM answers WHERE value = 'Mazda RX4 Wag')")" 2.875 "a decimal as written"

imp api.md apistrat.csv apistrat.db 200
expect_eq "$(Q apistrat.db "SELECT group_concat(value || '=' || n, ' ') FROM (SELECT value, count(*) n
	FROM answers WHERE path = 'stype' GROUP BY value ORDER BY value)")" "E=100 H=50 M=50" "apistrat: 100/50/50 schools by type"
expect_eq "$(Q apistrat.db "SELECT sum(value) FROM answers WHERE path = 'api00'")" 130564 "apistrat: sum(api00)"
expect_eq "$(Q apistrat.db "SELECT count(*) FROM answers WHERE path = 'stratum'")" 200 "apistrat: a stratum per school"
imp api.md apiclus1.csv apiclus1.db 183
expect_eq "$(Q apiclus1.db "SELECT count(DISTINCT value) FROM answers WHERE path = 'dnum'")" 15 "apiclus1: 15 clusters"
expect_eq "$(Q apiclus1.db "SELECT sum(value) FROM answers WHERE path = 'enroll'")" 100598 "apiclus1: sum(enroll)"

run "$SURVEY" import $R/api.md $R/apiclus1.csv --db "$TMP/apiclus1.db"
expect_out "imported 0 interviews .*; 183 already there" "importing again adds nothing"
done_testing
