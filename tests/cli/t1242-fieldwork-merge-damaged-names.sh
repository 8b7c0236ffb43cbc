# t1242-fieldwork-merge-damaged-names: a laptop file whose frame row holds a column that is not
# printable text, or whose assignment is not as survey writes it, is refused by merge in one line
# naming the unit and its form (frame) or its interviewer (assignment), made printable (bytes
# outside printable ASCII as \xNN); the output is not made.
. tests/lib.sh
F=tests/fixtures/forms
Q() { sqlite3 "$@"; }
U3=33333333-3333-4333-8333-333333333333

run "$SURVEY" simulate $F/basic.md -n 2 --seed 2 --db "$TMP/b.db" --quiet
expect_rc 0 "a laptop file"
fid=$(Q "$TMP/b.db" "SELECT form_id FROM forms LIMIT 1")

refused() { # refused NAME SQL REGEX what
	cp "$TMP/b.db" "$TMP/$1.db"
	Q "$TMP/$1.db" "$2"
	rm -f "$TMP/out-$1.db"
	run "$SURVEY" merge -o "$TMP/out-$1.db" "$TMP/$1.db"
	expect_rc 1 "$4: refused"
	expect_err "$3" "$4: the unit and its $5 named"
	expect_err_lines 1 "$4: in one line"
	[ -e "$TMP/out-$1.db" ] && not_ok "$4: an output was made" || ok "$4: no output"
}
refused cell "INSERT INTO frame VALUES ('$fid', 'u8', '{\"oblast\":\"\\u0007b\"}')" \
	"it is damaged: the frame row of unit u8 \\(form $fid\\) holds a column that is not printable text" \
	"a frame value with a control character" form
refused when "INSERT INTO frame VALUES ('$fid', 'u8', '{}');
INSERT INTO assignments VALUES ('$fid', 'u8', 'Marat', '$U3', '2026' || char(27) || '[31m')" \
	"it is damaged: the assignment of unit u8 to Marat is not as survey writes them" \
	"an assignment time with an escape sequence" interviewer
refused who "INSERT INTO frame VALUES ('$fid', 'u8', '{}');
INSERT INTO assignments VALUES ('$fid', 'u8', 'Ma' || char(27) || 'rat', '$U3', '2026-01-01T00:00:00.000Z')" \
	"it is damaged: the assignment of unit u8 to Ma.x1brat is not as survey writes them" \
	"an interviewer name with an escape character" interviewer

done_testing
