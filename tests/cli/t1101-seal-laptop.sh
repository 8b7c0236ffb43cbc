# t1101-seal-laptop: on a laptop, completing an interview of a form with a public key seals it:
# no answer text is left in the file's bytes, its WAL or its pack (raw bytes and `strings`);
# drafts stay readable; the coordinator's key opens the records (unseal, in place, once: a
# second unseal changes nothing) into the same answers as without sealing.
. tests/lib.sh
. tests/cli/seal-lib.sh
keys coord
keyed_form "$TMP/keyed.md" sealtest "$TMP/coord.pub"
keyed_form "$TMP/plain.md" sealtest ""
answers_csv "$TMP/a.csv" ZEBRAQUOKKA 3

run "$SURVEY" import "$TMP/keyed.md" "$TMP/a.csv" --db "$TMP/lap.db"
expect_rc 0 "import through the engine completes three interviews of a keyed form"
expect_eq "$(Q "$TMP/lap.db" "SELECT count(*) FROM sealed")" 3 "three sealed records"
expect_eq "$(Q "$TMP/lap.db" "SELECT count(*) FROM interviews")|$(Q "$TMP/lap.db" "SELECT count(*) FROM answers")|$(Q "$TMP/lap.db" "SELECT count(*) FROM events")" "0|0|0" \
	"no plain interview, answer or event is left"
expect_eq "$(Q "$TMP/lap.db" "SELECT DISTINCT status || ' ' || form_id || ' ' || form_version FROM sealed")" "complete sealtest 1" \
	"identity stays outside the seal"
expect_eq "$(Q "$TMP/lap.db" "SELECT count(*) FROM sealed WHERE length(events_sha256) = 64 AND events_count > 0 AND size = length(record)")" 3 \
	"with the events' hash and count and the record's size"
expect_eq "$(bytes_hold ZEBRAQUOKKA "$TMP/lap.db" "$TMP/lap.db-wal" "$TMP/lap.db-journal")" 0 \
	"no answer text in the laptop file's bytes (nor its WAL)"
expect_eq "$(bytes_hold "note ZEBRAQUOKKA" "$TMP/lap.db" "$TMP/lap.db-wal")" 0 "nor the other text answer"

# a laptop with drafts: simulate on the keyed form, each interview its own transaction
run "$SURVEY" simulate "$TMP/keyed.md" -n 20 --drafts 0.3 --db "$TMP/sim.db" --seed 5 --batch 1 --quiet
expect_rc 0 "simulate 20 interviews of the keyed form, each on its own"
drafts=$(Q "$TMP/sim.db" "SELECT count(*) FROM interviews WHERE status = 'draft'")
sealed=$(Q "$TMP/sim.db" "SELECT count(*) FROM sealed")
expect_eq "$((drafts + sealed))" 20 "every interview is a readable draft or a sealed record"
[ "$drafts" -gt 0 ] && [ "$sealed" -gt 0 ] && ok "both kinds are there ($drafts drafts, $sealed sealed)" || not_ok "drafts $drafts sealed $sealed"
expect_eq "$(Q "$TMP/sim.db" "SELECT count(*) FROM interviews WHERE status <> 'draft'")" 0 "no completed interview in plain rows"
[ "$(Q "$TMP/sim.db" "SELECT count(*) FROM answers a JOIN interviews i USING (uuid) WHERE i.status = 'draft'")" -gt 0 ] &&
	ok "the drafts' answers stay readable" || not_ok "the drafts have no answers"
run "$SURVEY" list "$TMP/sim.db"
expect_rc 0 "list reads the laptop file"
expect_err "^survey: $sealed interview\(s\) in '.*sim.db' sealed for the coordinator and left out; the key is needed" \
	"list says how many are sealed and that the key is needed"
expect_err_lines 1 "in one line"

run "$SURVEY" pack "$TMP/lap.db" -o "$TMP/stick.db"
expect_rc 0 "pack the laptop file"
expect_eq "$(bytes_hold ZEBRAQUOKKA "$TMP/stick.db")" 0 "no answer text in the pack"
expect_eq "$(Q "$TMP/stick.db" "SELECT count(*) FROM sealed")" 3 "the pack carries the sealed records"

cp "$TMP/stick.db" "$TMP/open.db"
run "$SURVEY" unseal "$TMP/open.db" --key "$TMP/coord.key"
expect_rc 0 "unseal with the coordinator's key"
expect_out "unsealed 3 interviews of '.*open.db' \(3 sealed, 0 opened before\)" "says how many it opened"
expect_eq "$(Q "$TMP/open.db" "SELECT group_concat(value, ',') FROM (SELECT value FROM answers WHERE path = 'secret' ORDER BY value)")" \
	"ZEBRAQUOKKA-1,ZEBRAQUOKKA-2,ZEBRAQUOKKA-3" "the answers are back"
expect_eq "$(Q "$TMP/open.db" "SELECT count(*) FROM interviews WHERE status = 'complete' AND origin = 'imported'")" 3 \
	"as three complete imported interviews"
expect_eq "$(Q "$TMP/open.db" "SELECT count(*) FROM sealed")" 3 "the sealed records stay"
expect_eq "$(Q "$TMP/open.db" "PRAGMA integrity_check")" ok "the file is sound"
# the same interviews imported without a key: the same answers
run "$SURVEY" import "$TMP/plain.md" "$TMP/a.csv" --db "$TMP/plainlap.db"
expect_eq "$(Q "$TMP/open.db" "SELECT uuid, path, value, state FROM answers ORDER BY 1, 2")" \
	"$(Q "$TMP/plainlap.db" "SELECT uuid, path, value, state FROM answers ORDER BY 1, 2")" \
	"unsealed answers equal those of an unsealed laptop"
before=$(sha256sum <"$TMP/open.db")
run "$SURVEY" unseal "$TMP/open.db" --key "$TMP/coord.key"
expect_rc 0 "a second unseal"
expect_out "unsealed 0 interviews .*\(3 sealed, 3 opened before\)" "opens nothing again"
expect_eq "$(sha256sum <"$TMP/open.db")" "$before" "and leaves the file's bytes as they were"
run "$SURVEY" freq "$TMP/open.db" n
expect_rc 0 "freq on the unsealed file"
expect_err_lines 0 "says nothing of sealed interviews once they are open"
done_testing
