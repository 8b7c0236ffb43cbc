#!/bin/sh
# t1251-schema8-seal-pack: on a schema-8 file (SURVEY_STORE_SCHEMA=8, one record per interview)
# pack, seal and kit do what they do at schema 7 — the same pack content hash, the same sealed
# labels (a record sealed at schema 8 opens into the same interviews), no answer text left in
# the file after a seal, the same kit from an HQ of schema 8 — and unseal and receive (they merge
# into the file) give what they give at schema 7, the file staying schema 8.
. tests/lib.sh
. tests/cli/seal-lib.sh
keys coord
form=surveys/covid19-lsg.md
S8() { env SURVEY_STORE_SCHEMA=8 "$@"; }

# ---- pack ----
schema7 "$SURVEY" simulate "$form" -n 40 --db "$TMP/s7.db" --seed 4 --quiet || not_ok "simulate at 7"
S8 "$SURVEY" simulate "$form" -n 40 --db "$TMP/s8.db" --seed 4 --quiet || not_ok "simulate at 8"
expect_eq "$(Q "$TMP/s8.db" 'PRAGMA user_version')" 8 "the switch makes schema 8"
run "$SURVEY" pack "$TMP/s7.db" -o "$TMP/p7.db"
sed "s|$TMP/[sp]7|FILE|g" "$TMP/out" >"$TMP/pack7"
run "$SURVEY" pack "$TMP/s8.db" -o "$TMP/p8.db"
expect_rc 0 "pack a schema-8 file"
sed "s|$TMP/[sp]8|FILE|g" "$TMP/out" >"$TMP/pack8"
cmp -s "$TMP/pack7" "$TMP/pack8" && ok "pack says the same (the same content hash) as at schema 7" ||
	not_ok "pack says: $(cat "$TMP/pack8") against $(cat "$TMP/pack7")"
expect_eq "$(Q "$TMP/p8.db" 'PRAGMA user_version')|$(Q "$TMP/p8.db" 'PRAGMA integrity_check')|$(Q "$TMP/p8.db" 'PRAGMA journal_mode')" \
	"8|ok|delete" "the pack is a sound schema-8 file in one piece"
"$SURVEY" list "$TMP/s8.db" >"$TMP/l8" 2>&1
"$SURVEY" list "$TMP/p8.db" >"$TMP/lp8" 2>&1
sed -i "s|$TMP/[sp]8|FILE|g" "$TMP/l8" "$TMP/lp8"
cmp -s "$TMP/l8" "$TMP/lp8" && ok "list reads the pack as the file" || not_ok "list of the pack differs"
# the pack's content hash is read through the store's own views, not the file's
cp "$TMP/s8.db" "$TMP/view.db"
sqlite3 "$TMP/view.db" "DROP VIEW answers; CREATE VIEW answers AS SELECT uuid, path, 'x' AS value,
	'answered' AS state, NULL AS modified FROM record_answers"
run "$SURVEY" pack "$TMP/view.db" -o "$TMP/pv.db"
expect_eq "$(Q "$TMP/pv.db" "SELECT value FROM meta WHERE key = 'content_sha256'")" \
	"$(Q "$TMP/p8.db" "SELECT value FROM meta WHERE key = 'content_sha256'")" \
	"a view altered in the file changes neither the content hash nor the pack's views"

# ---- seal ----
keyed_form "$TMP/keyed.md" sealtest "$TMP/coord.pub"
answers_csv "$TMP/a.csv" ZEBRAQUOKKA 3
run S8 "$SURVEY" import "$TMP/keyed.md" "$TMP/a.csv" --db "$TMP/lap.db"
expect_rc 0 "import completes three interviews of a keyed form at schema 8"
expect_eq "$(Q "$TMP/lap.db" 'PRAGMA user_version')|$(Q "$TMP/lap.db" 'SELECT count(*) FROM sealed')|$(Q "$TMP/lap.db" 'SELECT count(*) FROM records')" \
	"8|3|0" "three sealed records, no record of an interview left"
expect_eq "$(bytes_hold ZEBRAQUOKKA "$TMP/lap.db" "$TMP/lap.db-wal" "$TMP/lap.db-journal")" 0 \
	"no answer text in the file's bytes (nor its WAL)"
expect_eq "$(bytes_hold "note ZEBRAQUOKKA" "$TMP/lap.db" "$TMP/lap.db-wal")" 0 "nor the other text answer"
run "$SURVEY" pack "$TMP/lap.db" -o "$TMP/stick.db"
expect_rc 0 "pack the sealed laptop file"
expect_eq "$(bytes_hold ZEBRAQUOKKA "$TMP/stick.db")|$(Q "$TMP/stick.db" 'SELECT count(*) FROM sealed')" \
	"0|3" "no answer text in the pack, the sealed records in it"

# a record rewritten at every answer (simulate --batch 1: each interview its own transactions)
# leaves no earlier version of itself in the file once sealed
cat >"$TMP/mark.md" <<MD
| survey |
| | type | name | label | calculation |
| | calculate | mark | | concat('ZEBRA', 'QUOKKA') |
| | text | secret | Secret | |
| | integer | n | N | |

| settings |
| | form_id | version | public_key |
| | marktest | 1 | $(cat "$TMP/coord.pub") |
MD
run S8 "$SURVEY" simulate "$TMP/mark.md" -n 30 --drafts 0 --seed 2 --batch 1 --quiet \
	--db "$TMP/mark.db" --public-key "$TMP/coord.pub"
expect_rc 0 "simulate 30 interviews of a keyed form, each on its own, at schema 8"
expect_eq "$(Q "$TMP/mark.db" 'SELECT count(*) FROM sealed')|$(Q "$TMP/mark.db" 'SELECT count(*) FROM records')" \
	"30|0" "every one sealed"
expect_eq "$(bytes_hold ZEBRAQUOKKA "$TMP/mark.db" "$TMP/mark.db-wal")" 0 \
	"no version of any record is left in the file's bytes"

# drafts and sealed records of one seed: the same at schema 7 and 8 (the shipped survey, and a
# form with attached files: they go into the sealed record too)
sealed_same() { # sealed_same FORM N SEED NAME
	for v in 7 8; do
		env SURVEY_STORE_SCHEMA=$v "$SURVEY" simulate "$1" -n "$2" --drafts 0.3 --seed "$3" \
			--quiet --db "$TMP/k$v.db" --public-key "$TMP/coord.pub" || not_ok "simulate at $v"
	done
	labels="SELECT uuid, events_sha256, form_id, form_version, device_id, status, revision,
		events_count, sealed_at, key_id FROM sealed ORDER BY uuid"
	expect_eq "$(Q "$TMP/k8.db" "$labels" | sha256sum)" "$(Q "$TMP/k7.db" "$labels" | sha256sum)" \
		"$4: the sealed records' labels are those of schema 7"
	[ "$(Q "$TMP/k8.db" 'SELECT count(*) FROM sealed')" -gt 0 ] &&
		[ "$(Q "$TMP/k8.db" "SELECT count(*) FROM interviews WHERE status = 'draft'")" -gt 0 ] &&
		ok "$4: both sealed records and drafts are there" || not_ok "$4: no sealed ones or drafts"
	expect_eq "$(Q "$TMP/k8.db" "SELECT count(*) FROM attachments WHERE uuid NOT IN
		(SELECT uuid FROM interviews)")" 0 "$4: no attached file of a sealed interview is left"
	# a record sealed at schema 8 opens (at schema 7, where unseal works) into the same rows
	cp "$TMP/k7.db" "$TMP/o7.db"
	cp "$TMP/k7.db" "$TMP/o8.db"
	sqlite3 "$TMP/o8.db" "ATTACH '$TMP/k8.db' AS k; DELETE FROM main.sealed;
		INSERT INTO main.sealed SELECT * FROM k.sealed"
	for v in 7 8; do
		"$SURVEY" list "$TMP/k$v.db" >"$TMP/kl$v" 2>&1
		run "$SURVEY" unseal "$TMP/o$v.db" --key "$TMP/coord.key"
		expect_rc 0 "$4: unseal the records sealed at schema $v"
		"$SURVEY" export "$TMP/o$v.db" -o "$TMP/x$v.csv" >/dev/null 2>&1
		"$SURVEY" list "$TMP/o$v.db" >"$TMP/ol$v" 2>&1
		sed -i "s|$TMP/[ko]$v|FILE|g" "$TMP/kl$v" "$TMP/ol$v"
	done
	cmp -s "$TMP/kl7" "$TMP/kl8" && ok "$4: list says the same of drafts and sealed ones" ||
		not_ok "$4: list differs: $(diff "$TMP/kl7" "$TMP/kl8" | head -3)"
	cmp -s "$TMP/x7.csv" "$TMP/x8.csv" && [ -s "$TMP/x8.csv" ] &&
		ok "$4: once open, their export is that of the records sealed at 7" ||
		not_ok "$4: the exports differ"
	cmp -s "$TMP/ol7" "$TMP/ol8" && ok "$4: and so is list" || not_ok "$4: list differs"
	for t in "uuid, path, value, state FROM answers" "* FROM events" "* FROM attachments"; do
		expect_eq "$(Q "$TMP/o8.db" "SELECT $t ORDER BY 1, 2, 3" | sha256sum)" \
			"$(Q "$TMP/o7.db" "SELECT $t ORDER BY 1, 2, 3" | sha256sum)" "$4: the same ${t##* }"
	done
}
sealed_same "$form" 24 6 survey
sealed_same tests/fixtures/forms/media.md 6 1 media
[ "$(Q "$TMP/o8.db" 'SELECT count(*) FROM attachments')" -gt "$(Q "$TMP/k8.db" 'SELECT count(*) FROM attachments')" ] &&
	ok "media: the sealed files come back" || not_ok "media: no attached file in the records"

# ---- kit from an HQ of schema 8, with an interview sent back ----
VER=$(sed -n 's/^|  | .* | covid19_lsg | \([0-9]*\) | .*/\1/p' "$form")
for v in 7 8; do
	hq=$TMP/hq$v.db
	env SURVEY_STORE_SCHEMA=$v "$SURVEY" frame "$form" tests/fixtures/fieldwork/frame-60.csv \
		--db "$hq" >/dev/null || not_ok "frame at $v"
	env SURVEY_STORE_SCHEMA=$v "$SURVEY" simulate "$form" -n 5 --db "$hq" --seed 3 --quiet --interviewer A
	"$SURVEY" assign "$hq" --interviewer A --where oblast=chuy >/dev/null
	u=$(Q "$hq" "SELECT min(uuid) FROM interviews WHERE status = 'complete'")
	sqlite3 "$hq" "UPDATE assignments SET uuid = '$u' WHERE unit_id = (SELECT min(unit_id)
		FROM assignments WHERE interviewer = 'A')"
	"$SURVEY" review "$hq" --reject "$u" --reason "Текшериңиз" --reviewer S >/dev/null
	run "$SURVEY" kit "$hq" --interviewer A -o "$TMP/kit$v.db"
	expect_rc 0 "kit from an HQ of schema $v"
	sed "s|$TMP/kit$v.db|FILE|g" "$TMP/out" >"$TMP/kit$v.out"
done
expect_eq "$(Q "$TMP/hq8.db" 'PRAGMA user_version')" 8 "the HQ file is of schema 8"
expect_eq "$(cat "$TMP/kit8.out")" "wrote the kit of A to 'FILE': form 'covid19_lsg' version $VER, 9 units assigned, 1 interview sent back" \
	"kit says what it holds, as at schema 7"
cmp -s "$TMP/kit7.out" "$TMP/kit8.out" || not_ok "kit says: $(cat "$TMP/kit7.out") at schema 7"
for t in interviews answers events attachments frame "form_id, version, sha256 FROM forms"; do
	case $t in *FROM*) q="SELECT $t ORDER BY 1, 2";; *) q="SELECT * FROM $t ORDER BY 1, 2, 3";; esac
	expect_eq "$(Q "$TMP/kit8.db" "$q" | sha256sum)" "$(Q "$TMP/kit7.db" "$q" | sha256sum)" \
		"the kit's ${t##* } rows are those of the kit from schema 7"
done
run "$SURVEY" receive "$TMP/kit8.db" --db "$TMP/newlap.db"
expect_rc 0 "the kit goes into a new laptop file"
expect_out "1 interviews? sent back" "with the interview sent back"

# ---- unseal and receive on a schema-8 file: they merge into it, and it stays schema 8 ----
for v in 7 8; do
	cp "$TMP/k$v.db" "$TMP/u$v.db"
	run "$SURVEY" unseal "$TMP/u$v.db" --key "$TMP/coord.key"
	expect_rc 0 "unseal a file of schema $v"
	sed "s|$TMP/u$v.db|FILE|g" "$TMP/out" >"$TMP/unseal$v.out"
	"$SURVEY" export "$TMP/u$v.db" --form media -o "$TMP/ux$v.csv" >/dev/null 2>"$TMP/uxerr$v"
	"$SURVEY" list "$TMP/u$v.db" 2>&1 | sed "s|$TMP/u$v.db|FILE|g" >"$TMP/ul$v"
done
expect_eq "$(Q "$TMP/u8.db" 'PRAGMA user_version')" 8 "unseal: the file stays schema 8"
expect_eq "$(cat "$TMP/unseal8.out")" "$(cat "$TMP/unseal7.out")" "unseal says what it says at 7"
cmp -s "$TMP/ux7.csv" "$TMP/ux8.csv" && [ -s "$TMP/ux8.csv" ] &&
	ok "unseal: the opened interviews export as at schema 7" || not_ok "unseal: the exports differ: $(diff "$TMP/ux7.csv" "$TMP/ux8.csv" | head -4; cat "$TMP/uxerr8")"
cmp -s "$TMP/ul7" "$TMP/ul8" && ok "unseal: list is the same" || not_ok "unseal: list differs"
expect_eq "$(Q "$TMP/u8.db" 'SELECT count(*) FROM sealed WHERE uuid NOT IN (SELECT uuid FROM interviews)')" 0 \
	"unseal: every sealed record is open"
for v in 7 8; do
	env SURVEY_STORE_SCHEMA=$v "$SURVEY" simulate "$form" -n 3 --db "$TMP/lap$v.db" --seed 2 \
		--quiet --interviewer A
	run "$SURVEY" receive "$TMP/kit7.db" --db "$TMP/lap$v.db"
	expect_rc 0 "receive a kit into a laptop file of schema $v"
	sed "s|$TMP/lap$v.db|FILE|g" "$TMP/out" >"$TMP/recv$v.out"
	"$SURVEY" list "$TMP/lap$v.db" 2>&1 | sed "s|$TMP/lap$v.db|FILE|g" >"$TMP/rl$v"
done
expect_eq "$(Q "$TMP/lap8.db" 'PRAGMA user_version')" 8 "receive: the laptop file stays schema 8"
expect_eq "$(cat "$TMP/recv8.out")" "$(cat "$TMP/recv7.out")" "receive says what it says at 7"
cmp -s "$TMP/rl7" "$TMP/rl8" && ok "receive: list is the same, the interview sent back in it" ||
	not_ok "receive: list differs: $(diff "$TMP/rl7" "$TMP/rl8" | head -3)"
run "$SURVEY" receive "$TMP/kit7.db" --db "$TMP/lap8.db"
expect_rc 0 "receive the same kit again"
expect_out "already holds the kit .*: nothing changed" "receive again: nothing changed"

done_testing
