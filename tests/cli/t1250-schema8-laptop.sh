#!/bin/sh
# t1250-schema8-laptop: new files are made in the compact layout — one record per interview —
# by default (and with SURVEY_STORE_SCHEMA=8; =7 keeps schema 7, other values are refused) and simulate, list, freq, tab, export and report give on a
# file byte for byte what they give on the schema-7 file of the same seed; its views give the
# same rows; a damaged record is refused in one line by every reader and by merge (pack, seal,
# kit, unseal, receive: t1251; merge: t1252).
. tests/lib.sh

form=surveys/covid19-lsg.md
run env SURVEY_STORE_SCHEMA=7 "$SURVEY" simulate "$form" -n 120 --db "$TMP/s7.db" --seed 4 --quiet
expect_rc 0 "simulate with SURVEY_STORE_SCHEMA=7"
run env -u SURVEY_STORE_SCHEMA "$SURVEY" simulate "$form" -n 1 --db "$TMP/default.db" --quiet
expect_rc 0 "simulate at the default schema"
expect_eq "$(sqlite3 "$TMP/default.db" 'PRAGMA user_version')" 8 "the default is schema 8"
run env SURVEY_STORE_SCHEMA= "$SURVEY" simulate "$form" -n 1 --db "$TMP/empty.db" --quiet
expect_eq "$(sqlite3 "$TMP/empty.db" 'PRAGMA user_version')" 8 "an empty SURVEY_STORE_SCHEMA is the default"
for v in 9 08 seven; do
	run env SURVEY_STORE_SCHEMA=$v "$SURVEY" simulate "$form" -n 1 --db "$TMP/bad$v.db" --quiet
	expect_rc 1 "SURVEY_STORE_SCHEMA=$v refused"
	expect_err_lines 1 "SURVEY_STORE_SCHEMA=$v: one line"
	expect_err "SURVEY_STORE_SCHEMA=$v: the store writes schema 7 or 8" "SURVEY_STORE_SCHEMA=$v named"
	[ -e "$TMP/bad$v.db" ] && not_ok "SURVEY_STORE_SCHEMA=$v: a file made" || ok "SURVEY_STORE_SCHEMA=$v: no file"
done
run env SURVEY_STORE_SCHEMA=8 "$SURVEY" simulate "$form" -n 120 --db "$TMP/s8.db" --seed 4 --quiet
expect_rc 0 "simulate with SURVEY_STORE_SCHEMA=8"
expect_eq "$(sqlite3 "$TMP/s7.db" 'PRAGMA user_version')" 7 "SURVEY_STORE_SCHEMA=7 makes schema 7"
expect_eq "$(sqlite3 "$TMP/s8.db" 'PRAGMA user_version')" 8 "the switch makes schema 8"
expect_eq "$(sqlite3 "$TMP/s8.db" "SELECT type FROM sqlite_schema WHERE name = 'answers'")" \
	view "answers is a view over the records"
expect_eq "$(sqlite3 "$TMP/s8.db" 'SELECT count(*) FROM records')" 120 "one record per interview"
[ "$(sqlite3 "$TMP/s8.db" 'SELECT count(*) FROM paths')" -gt 50 ] &&
	ok "the form's path ids are written with it" || not_ok "no paths rows"

# the same rows through the views, both ways (the device id is the file's own)
for t in interviews answers events; do
	cols='*'
	[ "$t" = interviews ] && cols="uuid, form_id, form_version, interviewer, status, revision,
		created, modified, completed, content_hash, lang, position, instance_name, origin"
	n=$(sqlite3 "$TMP/s8.db" "ATTACH '$TMP/s7.db' AS o;
		SELECT (SELECT count(*) FROM (SELECT $cols FROM main.$t EXCEPT SELECT $cols FROM o.$t))
		+ (SELECT count(*) FROM (SELECT $cols FROM o.$t EXCEPT SELECT $cols FROM main.$t))")
	expect_eq "$n" 0 "$t: the same rows at schema 7 and 8"
done

# every command's output, byte for byte (the file's name aside)
same() { # same WHAT ARGS... (DB stands for the file)
	what=$1; shift
	for v in 7 8; do
		args=$(printf '%s\n' "$@" | sed "s|^DB\$|$TMP/s$v.db|; s|^OUT|$TMP/x$v|")
		# shellcheck disable=SC2086
		(IFS='
'; "$SURVEY" $args) >"$TMP/o$v" 2>&1
		echo "rc $?" >>"$TMP/o$v"
		sed -i "s|$TMP/[sx]$v|FILE|g" "$TMP/o$v"
	done
	if cmp -s "$TMP/o7" "$TMP/o8"; then ok "$what: the same at schema 8"
	else not_ok "$what differs at schema 8"; diff "$TMP/o7" "$TMP/o8" | head -5; fi
}
same "list" list DB
same "list --json" list --json DB
same "list --by" list DB --by oblast
same "freq" freq DB oblast municipality_type
same "tab" tab DB oblast municipality_type
same "export csv" export DB -o OUT.csv
cmp -s "$TMP/x7.csv" "$TMP/x8.csv" && ok "the CSV files are the same" ||
	not_ok "the CSV files differ"
cmp -s "$TMP/x7-partners.csv" "$TMP/x8-partners.csv" && ok "the repeat's CSV is the same" ||
	not_ok "the repeat's CSV differs"

SOURCE_DATE_EPOCH=1764800000; export SOURCE_DATE_EPOCH
same "report" report DB reports/covid19-lsg/report.md -o OUT.md --simulated
cmp -s "$TMP/x7.md" "$TMP/x8.md" && ok "the reports are the same" || not_ok "the reports differ"

# every command that makes a laptop's file makes it at the run's schema: receive too (a kit is
# of schema 7, a transfer file; the laptop's file it makes is of schema 8, or 7 with =7)
fw_hq Aida M-01
fw_kit Aida "$TMP/kit.db"
for v in 8 7; do
	run env SURVEY_STORE_SCHEMA=$v "$SURVEY" receive "$TMP/kit.db" --db "$TMP/laptop$v.db"
	expect_rc 0 "receive a kit into a new laptop file (SURVEY_STORE_SCHEMA=$v)"
	expect_eq "$(sqlite3 "$TMP/laptop$v.db" 'PRAGMA user_version')" $v "the laptop's file is of schema $v"
done

# a damaged record: refused in one line by every reader, no crash
cp "$TMP/s8.db" "$TMP/bad.db"
sqlite3 "$TMP/bad.db" "UPDATE records SET answers = '[1,{' WHERE uuid = (SELECT min(uuid) FROM records)"
for cmd in "freq $TMP/bad.db oblast" "tab $TMP/bad.db oblast municipality_type" \
	   "list $TMP/bad.db" "export $TMP/bad.db -o $TMP/bad.csv" "merge $TMP/bad.db -o $TMP/mb.db"; do
	# shellcheck disable=SC2086
	run "$SURVEY" $cmd
	expect_rc 1 "a damaged record: ${cmd%% *} fails"
	expect_err_lines 1 "a damaged record: ${cmd%% *} says so in one line"
done

done_testing
