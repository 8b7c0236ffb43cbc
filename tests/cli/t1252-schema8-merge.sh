#!/bin/sh
# t1252-schema8-merge: merge reads laptop files of schema 8 (one record per interview) and, with
# SURVEY_STORE_SCHEMA=8, writes an output of schema 8: every mix of input and output schemas
# gives the same interviews (list, export, freq byte for byte), the output's records are the
# same in any merge order and through merged files, merging again finds them identical, and a
# crafted record, path table, column or view is refused in one line, the input unchanged and
# nothing merged. (The merge rules on schema-8 outputs: t1253, t1254.)
. tests/lib.sh

form=surveys/covid19-lsg.md
S8() { env SURVEY_STORE_SCHEMA=8 "$@"; }
for i in 1 2 3; do
	schema7 "$SURVEY" simulate "$form" -n 30 --drafts 0.2 --db "$TMP/a$i.db" --seed "$i" --quiet ||
		not_ok "simulate a$i"
	S8 "$SURVEY" simulate "$form" -n 30 --drafts 0.2 --db "$TMP/b$i.db" --seed "$i" --quiet ||
		not_ok "simulate b$i"
done
expect_eq "$(sqlite3 "$TMP/b1.db" 'PRAGMA user_version')" 8 "the laptops are of schema 8"

merged() { # merged OUT SCHEMA INPUTS...: merge into OUT, made at SCHEMA when new
	out=$1 v=$2; shift 2
	run env SURVEY_STORE_SCHEMA="$v" "$SURVEY" merge "$@" -o "$out" --allow-simulated
	expect_rc 0 "merge into ${out##*/}"
}
merged "$TMP/m77.db" 7 "$TMP/a1.db" "$TMP/a2.db" "$TMP/a3.db" --key oblast --key municipality_type
grep -v "^'" "$TMP/out" | sed "s|$TMP/m77.db|FILE|" >"$TMP/m77.report"
merged "$TMP/m88.db" 8 "$TMP/b1.db" "$TMP/b2.db" "$TMP/b3.db" --key oblast --key municipality_type
grep -v "^'" "$TMP/out" | sed "s|$TMP/m88.db|FILE|" >"$TMP/m88.report"
grep -q "likely duplicate:" "$TMP/m77.report" && cmp -s "$TMP/m77.report" "$TMP/m88.report" &&
	ok "the same likely duplicates and totals at schema 8 (keys read from the records)" ||
	not_ok "the merge reports differ: $(diff "$TMP/m77.report" "$TMP/m88.report" | head -3)"
expect_out "b1.db' \(device [0-9a-f]{8}, sha256 [0-9a-f]{12}\): 30 interviews: 30 new" \
	"a laptop of schema 8 is merged"
# every --key counts (not only the last), given as a full path, as a name in a group, or as
# one instance of a repeat's question: the same likely duplicates at schema 8 as at 7
for keys in "--key respondent/gender --key position" "--key social/partners[1]/partner_type,oblast"; do
	for v in 7 8; do
		rm -f "$TMP/k$v.db"
		# shellcheck disable=SC2086 # the keys are words
		merged "$TMP/k$v.db" $v "$TMP/a1.db" "$TMP/a2.db" $keys
		grep -v "^'" "$TMP/out" | sed "s|$TMP/k$v.db|FILE|" >"$TMP/k$v.report"
	done
	expect_out "likely duplicate: .* \\([^=;]+=[^;]*; [^=;]+=[^;]*\\)$" \
		"keys $keys: both keys in the likely duplicates"
	cmp -s "$TMP/k7.report" "$TMP/k8.report" &&
		ok "keys $keys: the same likely duplicates at schema 8 as at 7" ||
		not_ok "keys $keys: $(diff "$TMP/k7.report" "$TMP/k8.report" | head -3)"
done
merged "$TMP/m87.db" 7 "$TMP/b1.db" "$TMP/a2.db" "$TMP/b3.db"
merged "$TMP/m78.db" 8 "$TMP/a1.db" "$TMP/b2.db" "$TMP/a3.db"
merged "$TMP/r88.db" 8 "$TMP/b3.db" "$TMP/b2.db" "$TMP/b1.db"
for f in m77 m87; do
	expect_eq "$(sqlite3 "$TMP/$f.db" 'PRAGMA user_version')" 7 "$f: of schema 7"
done
for f in m88 m78 r88; do
	expect_eq "$(sqlite3 "$TMP/$f.db" 'PRAGMA user_version')" 8 "$f: of schema 8"
	expect_eq "$(sqlite3 "$TMP/$f.db" 'PRAGMA integrity_check')" ok "$f: sound"
done

# the same content hash at both schemas: the laptops' and their merges'
for i in 1 2 3; do
	expect_eq "$(sqlite3 "$TMP/m88.db" "SELECT input_sha256 FROM provenance WHERE path LIKE '%b$i.db'")" \
		"$(sqlite3 "$TMP/m77.db" "SELECT input_sha256 FROM provenance WHERE path LIKE '%a$i.db'")" \
		"b$i: the content hash of a$i"
done

# provenance (the versions each input brought, from which device) is kept compact at schema 8:
# each input's hash and device once, not on every interview's row; read the same through its view
prov() { sqlite3 "$1" "SELECT * FROM provenance_interviews ORDER BY input_sha256, uuid"; }
for f in m88 r88 m78; do
	expect_eq "$(prov "$TMP/$f.db")" "$(prov "$TMP/m77.db")" "$f: provenance_interviews as at schema 7"
done
expect_eq "$(sqlite3 "$TMP/m88.db" "SELECT count(*) || ' ' || count(device_id) FROM provenance_versions")" \
	"90 0" "m88: a laptop's versions name no device of their own (their input's)"

# what an analyst sees: the same at every mix
for f in m77 m88 m87 m78 r88; do
	"$SURVEY" list "$TMP/$f.db" 2>&1 | sed "s|$TMP/$f.db|FILE|" >"$TMP/$f.list"
	"$SURVEY" export "$TMP/$f.db" -o "$TMP/$f.csv" >/dev/null 2>&1 || not_ok "export $f"
	"$SURVEY" freq "$TMP/$f.db" oblast municipality_type >"$TMP/$f.freq" 2>&1
done
for f in m88 m87 m78 r88; do
	for x in list csv freq; do
		cmp -s "$TMP/m77.$x" "$TMP/$f.$x" && ok "$f: $x as merged at schema 7" ||
			not_ok "$f: $x differs: $(diff "$TMP/m77.$x" "$TMP/$f.$x" | head -3)"
	done
done

# identical records in any order and from either schema of laptop
records_same() { # records_same A B WHAT
	n=$(sqlite3 "$1" "ATTACH '$2' AS o;
		SELECT (SELECT count(*) FROM (SELECT * FROM main.records EXCEPT SELECT * FROM o.records))
		+ (SELECT count(*) FROM (SELECT * FROM o.records EXCEPT SELECT * FROM main.records))
		+ (SELECT count(*) FROM (SELECT * FROM main.paths EXCEPT SELECT * FROM o.paths))")
	expect_eq "$n" 0 "$3"
}
records_same "$TMP/m88.db" "$TMP/r88.db" "the same records in the other merge order"
records_same "$TMP/m88.db" "$TMP/m78.db" "the same records from laptops of schema 7"
expect_eq "$(sqlite3 "$TMP/m88.db" 'SELECT count(*) FROM records')" 90 "every interview once"

# a merged file of schema 8 as an input, into outputs of both schemas
merged "$TMP/n8.db" 8 "$TMP/m88.db"
records_same "$TMP/m88.db" "$TMP/n8.db" "a merged file merged on: the same records"
merged "$TMP/n7.db" 7 "$TMP/m88.db"
"$SURVEY" list "$TMP/n7.db" 2>&1 | sed "s|$TMP/n7.db|FILE|" >"$TMP/n7.list"
cmp -s "$TMP/m77.list" "$TMP/n7.list" && ok "a merged file of schema 8 into one of schema 7" ||
	not_ok "n7 differs"
expect_eq "$(prov "$TMP/n8.db")" "$(prov "$TMP/n7.db")" \
	"a merged file's provenance carried along the same into both schemas"

# merging again: identical, nothing written
cp "$TMP/b2.db" "$TMP/b2copy.db"
sqlite3 "$TMP/b2copy.db" "INSERT INTO meta(key, value) VALUES ('note', 'copied')"
sum=$(cksum <"$TMP/m88.db")
run "$SURVEY" merge "$TMP/b2copy.db" -o "$TMP/m88.db"
expect_out "b2copy.db' .*30 interviews: 0 new, 30 identical, 0 updated" \
	"a copy of a merged laptop: every interview identical"
records_same "$TMP/m88.db" "$TMP/r88.db" "and the records unchanged"

# a pack of a schema-8 laptop merges as the laptop does
run "$SURVEY" pack "$TMP/b1.db" -o "$TMP/p1.db"
expect_rc 0 "pack a laptop of schema 8"
merged "$TMP/pm.db" 8 "$TMP/p1.db"
merged "$TMP/pm2.db" 8 "$TMP/b1.db"
records_same "$TMP/pm.db" "$TMP/pm2.db" "its pack gives the laptop's records"

# crafted inputs: one line, the input unchanged, the output untouched
refused() { # refused WHAT REGEX SQL: b1 changed by SQL is refused with REGEX
	cp "$TMP/b1.db" "$TMP/bad.db"
	sqlite3 "$TMP/bad.db" "$3" || not_ok "$1: cannot craft"
	bsum=$(cksum <"$TMP/bad.db") osum=$(cksum <"$TMP/m88.db")
	run "$SURVEY" merge "$TMP/bad.db" -o "$TMP/m88.db"
	expect_rc 1 "$1: refused"
	expect_err "^survey: cannot merge '.*bad\.db': $2" "$1: says why"
	expect_err_lines 1 "$1: in one line"
	expect_eq "$(cksum <"$TMP/bad.db") $(cksum <"$TMP/m88.db")" "$bsum $osum" \
		"$1: input and output unchanged"
	rm -f "$TMP/bad.db"
}
first="(SELECT min(uuid) FROM records)"
refused "a record that is not JSON" "interview '[0-9a-f-]{36}' is damaged" \
	"UPDATE records SET answers = '[0,{' WHERE uuid = $first"
refused "a record not in its canonical form" "interview '[0-9a-f-]{36}' is damaged" \
	"UPDATE records SET events = replace(events, ',', ', ') WHERE uuid = $first"
refused "a path id moved" "the path ids of form 'covid19_lsg' version '[0-9]+' are not those its questionnaire gives" \
	"UPDATE paths SET path = path || 'x' WHERE id = (SELECT min(id) FROM paths)"
refused "a time kept as text where survey writes a number" \
	"interview '[0-9a-f-]{36}' is damaged: its record's columns are not those survey writes" \
	"UPDATE records SET created = strftime('%Y-%m-%dT%H:%M:%fZ', created / 1000.0, 'unixepoch') WHERE uuid = $first"
refused "a content hash kept as hex text where survey writes its bytes" \
	"interview '[0-9a-f-]{36}' is damaged: its record's columns are not those survey writes" \
	"UPDATE records SET content_hash = lower(hex(content_hash)) WHERE uuid = $first"
refused "a time that is not a whole number of ms" \
	"interview '[0-9a-f-]{36}' is damaged: its record's columns are not those survey writes" \
	"UPDATE records SET modified = modified + 0.5 WHERE uuid = (SELECT max(uuid) FROM records)"
refused "a view of its own" "it is not a survey file written by survey \\(its schema differs: its view 'answers' is not declared as survey declares it\\)" \
	"DROP VIEW answers; CREATE VIEW answers AS SELECT 1 AS uuid"
cp "$TMP/m88.db" "$TMP/hq.db"
sqlite3 "$TMP/hq.db" "DELETE FROM provenance_inputs WHERE id = (SELECT min(id) FROM provenance_inputs)"
osum=$(cksum <"$TMP/r88.db")
run "$SURVEY" merge "$TMP/hq.db" -o "$TMP/r88.db"
expect_rc 1 "a merged file whose provenance lost an input: refused"
expect_err "^survey: cannot merge '.*hq\.db': it is damaged: its provenance has versions of an input it does not list" \
	"a merged file whose provenance lost an input: says why"
expect_err_lines 1 "a merged file whose provenance lost an input: in one line"
expect_eq "$(cksum <"$TMP/r88.db")" "$osum" "a merged file whose provenance lost an input: output unchanged"
cp "$TMP/m88.db" "$TMP/hq.db"
sqlite3 "$TMP/hq.db" "UPDATE provenance_inputs SET device_id = NULL"
run "$SURVEY" merge "$TMP/hq.db" -o "$TMP/r88.db"
expect_rc 1 "a merged file whose provenance names no device: refused"
expect_err "^survey: cannot merge '.*hq\.db': it is damaged: its provenance is not as survey writes it" \
	"a merged file whose provenance names no device: says why"
expect_err_lines 1 "a merged file whose provenance names no device: in one line"
expect_eq "$(cksum <"$TMP/r88.db")" "$osum" "a merged file whose provenance names no device: output unchanged"
refused "a trigger" "it is not a survey file written by survey \\(its schema differs: it has a trigger 't' survey does not make\\)" \
	"CREATE TRIGGER t AFTER INSERT ON records BEGIN DELETE FROM records; END"

done_testing
