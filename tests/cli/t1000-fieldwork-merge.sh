# t1000-fieldwork-merge: the fieldwork tables (frame, assignments, reviews) travel through pack
# and merge: a union in any order, idempotent; an input whose rows are damaged or contradict
# the output (a unit with two interviews, a changed frame row) is refused in one line, the
# output unchanged.
. tests/lib.sh
F=tests/fixtures/forms
Q() { sqlite3 "$@"; }
fw() { for t in frame assignments reviews; do echo "== $t"; Q "$1" "SELECT * FROM $t ORDER BY 1, 2, 3"; done | sha256sum; }
U1=11111111-1111-4111-8111-111111111111 U2=22222222-2222-4222-8222-222222222222
U3=33333333-3333-4333-8333-333333333333
H=$(printf '%064d' 0 | tr 0 a)

run "$SURVEY" simulate $F/basic.md -n 2 --seed 1 --db "$TMP/a.db" --quiet
run "$SURVEY" simulate $F/basic.md -n 2 --seed 2 --db "$TMP/b.db" --quiet
fid=$(Q "$TMP/a.db" "SELECT form_id FROM forms LIMIT 1")
Q "$TMP/a.db" "INSERT INTO frame VALUES ('$fid', 'u1', '{\"oblast\":\"chui\"}'), ('$fid', 'u2', '{\"oblast\":\"osh\"}');
INSERT INTO assignments VALUES ('$fid', 'u1', 'Айгүл', '$U1', '2026-01-01T00:00:00.000Z');
INSERT INTO reviews VALUES ('$U1', '$H', '2026-01-02T00:00:00.000Z', 'Бакыт', 'comment', 'q1', 'Текшериңиз')"
Q "$TMP/b.db" "INSERT INTO frame VALUES ('$fid', 'u1', '{\"oblast\":\"chui\"}'), ('$fid', 'u2', '{\"oblast\":\"osh\"}'), ('$fid', 'u3', '{\"oblast\":\"naryn\"}');
INSERT INTO assignments VALUES ('$fid', 'u1', 'Айгүл', '$U1', '2026-01-03T00:00:00.000Z'),
 ('$fid', 'u2', 'Марат', '$U2', '2026-01-01T00:00:00.000Z');
INSERT INTO reviews VALUES ('$U1', '$H', '2026-01-04T00:00:00.000Z', 'Бакыт', 'rejected', '', 'Кайра')"

run "$SURVEY" merge -o "$TMP/ab.db" "$TMP/a.db" "$TMP/b.db"
expect_rc 0 "merge a b"
run "$SURVEY" merge -o "$TMP/ba.db" "$TMP/b.db" "$TMP/a.db"
expect_rc 0 "merge b a"
expect_eq "$(fw "$TMP/ab.db")" "$(fw "$TMP/ba.db")" "the same fieldwork rows in either order"
expect_eq "$(Q "$TMP/ab.db" "SELECT count(*) FROM frame")" 3 "the frames' union: 3 units"
expect_eq "$(Q "$TMP/ab.db" "SELECT count(*) || ' ' || max(assigned) FROM assignments WHERE unit_id = 'u1'")" \
	"1 2026-01-03T00:00:00.000Z" "an assignment made twice keeps the later time, one row"
expect_eq "$(Q "$TMP/ab.db" "SELECT count(*) FROM reviews")" 2 "both reviews"
before=$(fw "$TMP/ab.db")
run "$SURVEY" merge -o "$TMP/ab.db" "$TMP/b.db" "$TMP/a.db" "$TMP/ba.db"
expect_rc 0 "merging again"
expect_eq "$(fw "$TMP/ab.db")" "$before" "changes no fieldwork row"

# pack carries them, and its content hash covers them
run "$SURVEY" pack "$TMP/ab.db" -o "$TMP/pack.db"
expect_rc 0 "pack"
expect_eq "$(fw "$TMP/pack.db")" "$before" "the packed file holds the fieldwork rows"
cp "$TMP/pack.db" "$TMP/pack-changed.db"
Q "$TMP/pack-changed.db" "UPDATE assignments SET interviewer = 'Башка' WHERE unit_id = 'u2'"
run "$SURVEY" merge -o "$TMP/p.db" "$TMP/pack-changed.db"
expect_rc 1 "a packed file whose assignments changed after pack is refused"
expect_err_lines 1 "in one line"

# refused inputs: one line, the output as it was
refused() { # refused FILE REGEX what
	cp "$TMP/ab.db" "$TMP/keep.db"
	run "$SURVEY" merge -o "$TMP/ab.db" "$1"
	expect_rc 1 "$3: refused"
	expect_err "$2" "$3: says why"
	expect_err_lines 1 "$3: in one line"
	cmp -s "$TMP/ab.db" "$TMP/keep.db" && ok "$3: the output unchanged" || { not_ok "$3: the output changed"; cp "$TMP/keep.db" "$TMP/ab.db"; }
}
bad() { # bad NAME SQL: a copy of b.db changed by SQL
	cp "$TMP/b.db" "$TMP/$1.db"; Q "$TMP/$1.db" "$2"
}
bad twouuid "UPDATE assignments SET uuid = '$U3' WHERE unit_id = 'u1'"
refused "$TMP/twouuid.db" "it gives the unit two interviews \(unit u1 of form $fid\)" "a unit with another interview UUID"
bad shared "INSERT INTO assignments VALUES ('$fid', 'u3', 'Марат', '$U2', '2026-01-01T00:00:00.000Z')"
refused "$TMP/shared.db" "its interview UUID is given to two units" "one UUID for two units"
bad reframe "UPDATE frame SET data = '{\"oblast\":\"talas\"}' WHERE unit_id = 'u2'"
refused "$TMP/reframe.db" "its frame row differs from the one in the output \(unit u2" "a changed frame row"
bad noframe "INSERT INTO assignments VALUES ('$fid', 'u9', 'Марат', '$U3', '2026-01-01T00:00:00.000Z')"
refused "$TMP/noframe.db" "it assigns a unit that is not in the frame \(unit u9" "an assignment of a unit no frame holds"
bad blobid "INSERT INTO frame VALUES ('$fid', x'7538', '{}')"
refused "$TMP/blobid.db" "blob|type|not as survey writes" "a unit id that is a blob"
bad esc "INSERT INTO frame VALUES ('$fid', 'u8', '{\"oblast\":\"\\u001b[31mred\"}')"
refused "$TMP/esc.db" "frame row of unit u8 .* not printable text" "a frame value with an escape sequence"
bad notjson "INSERT INTO frame VALUES ('$fid', 'u8', 'oblast=chui')"
refused "$TMP/notjson.db" "the frame row of unit u8 .* is not as survey writes" "a frame row that is not JSON"
bad nested "INSERT INTO frame VALUES ('$fid', 'u8', '{\"oblast\":[1]}')"
refused "$TMP/nested.db" "the frame row of unit u8 .* is not as survey writes" "a frame value that is not text"
bad baduuid "INSERT INTO frame VALUES ('$fid', 'u8', '{}'); INSERT INTO assignments VALUES ('$fid', 'u8', 'Марат', 'not-a-uuid', '2026-01-01T00:00:00.000Z')"
refused "$TMP/baduuid.db" "not a UUID|the assignment of unit u8 to Марат is not as survey writes" "an assignment without a UUID"
bad badsha "INSERT INTO reviews VALUES ('$U2', 'xyz', '2026-01-02T00:00:00.000Z', 'Бакыт', 'approved', '', '')"
refused "$TMP/badsha.db" "a review of interview $U2 is not as survey writes" "a review without a SHA-256"
bad ctlname "INSERT INTO reviews VALUES ('$U2', '$H', '2026-01-02T00:00:00.000Z', 'Бак' || char(27) || 'ыт', 'approved', '', '')"
refused "$TMP/ctlname.db" "a review of interview $U2 is not as survey writes" "a reviewer name with a control character"

done_testing
