# t1012-simulate-own-device: a simulated laptop's interviews are of the laptop file's own
# device: with one file per device (--db lap%d.db) each file takes its seeded device id as its
# own, a file that already holds interviews gives its own id to the new ones, and one file for
# several devices owns the first. So an interview corrected on its laptop later is extended
# by its own device (t0494: the correction merges as an update).
. tests/lib.sh
FORM=tests/fixtures/forms/basic.md
own() { # own FILE: the interviews of the file's own device / all
	sqlite3 "$1" "SELECT sum(i.device_id = m.value) || '/' || count(*) FROM interviews i, meta m WHERE m.key = 'device_id'"
}
run "$SURVEY" simulate $FORM -n 12 --db "$TMP/lap%d.db" --devices 3 --seed 5 --quiet
expect_rc 0 "three simulated laptops"
for n in 1 2 3; do
	c=$(sqlite3 "$TMP/lap$n.db" "SELECT count(*) FROM interviews")
	expect_eq "$(own "$TMP/lap$n.db")" "$c/$c" "laptop $n: every interview of the file's own device"
done
run "$SURVEY" simulate $FORM -n 12 --db "$TMP/again%d.db" --devices 3 --seed 5 --quiet
expect_eq "$(sqlite3 "$TMP/again1.db" "SELECT value FROM meta WHERE key = 'device_id'")" \
	"$(sqlite3 "$TMP/lap1.db" "SELECT value FROM meta WHERE key = 'device_id'")" "the same seed: the same device ids"
# a file with interviews keeps its id, and the new interviews take it
before=$(sqlite3 "$TMP/lap1.db" "SELECT value FROM meta WHERE key = 'device_id'")
run "$SURVEY" simulate $FORM -n 4 --db "$TMP/lap1.db" --seed 9 --quiet
expect_rc 0 "more interviews on laptop 1"
expect_eq "$(sqlite3 "$TMP/lap1.db" "SELECT value FROM meta WHERE key = 'device_id'")" "$before" "laptop 1 keeps its device id"
c=$(sqlite3 "$TMP/lap1.db" "SELECT count(*) FROM interviews")
expect_eq "$(own "$TMP/lap1.db")" "$c/$c" "the new interviews are of its device too"
# one file for three devices: the first is the file's own
run "$SURVEY" simulate $FORM -n 30 --db "$TMP/one.db" --devices 3 --seed 2 --quiet
expect_eq "$(sqlite3 "$TMP/one.db" "SELECT count(DISTINCT device_id) FROM interviews")" 3 "one file, three devices"
expect_eq "$(sqlite3 "$TMP/one.db" "SELECT count(*) > 0 FROM interviews i, meta m WHERE m.key = 'device_id' AND i.device_id = m.value")" 1 \
	"one of them the file's own"
done_testing
