#!/bin/sh
# t1265-schema8-early-provenance: a merged file of schema 8 as sessions 6-9 made it while schema
# 8 was opt-in (the first text of its views, and provenance_interviews still schema 7's table,
# one row per interview and input) is read as it is, merged into outputs of both schemas with
# its provenance carried along row for row, and made compact at its next writable open: each
# input's hash and device once, the same rows through the view, nothing else changed.
. tests/lib.sh

form=surveys/covid19-lsg.md
Q() { sqlite3 "$1" "$2"; }
S8() { env SURVEY_STORE_SCHEMA=8 "$@"; }
for i in 1 2; do
	S8 "$SURVEY" simulate "$form" -n 20 --db "$TMP/l$i.db" --seed "$i" --quiet ||
		not_ok "simulate l$i"
done
run S8 "$SURVEY" merge "$TMP/l1.db" "$TMP/l2.db" -o "$TMP/new.db" --allow-simulated
expect_rc 0 "a merged file of schema 8"
expect_eq "$(Q "$TMP/new.db" "SELECT type FROM sqlite_schema WHERE name = 'provenance_interviews'")" \
	view "its provenance_interviews is a view over the compact tables"

# the early layout: the first views (frozen in src/store/record_views_first.c) and the table of
# schema 7 (its text from a file of schema 7), with the same rows
schema7 "$SURVEY" simulate "$form" -n 1 --db "$TMP/s7.db" --quiet || not_ok "simulate at 7"
python3 - src/store/record_views_first.c >"$TMP/first.sql" <<'PY'
import re, sys
src = open(sys.argv[1]).read()
body = src[src.index("views_first[] ="):src.index(";\n", src.index("views_first[] ="))]
print("".join(eval(s) for s in re.findall(r'^\s*("(?:[^"\\]|\\.)*")', body, re.M)))
PY
ddl=$(Q "$TMP/s7.db" "SELECT sql FROM sqlite_schema WHERE name = 'provenance_interviews'")
cp "$TMP/new.db" "$TMP/early.db"
Q "$TMP/early.db" "DROP VIEW interviews; DROP VIEW events; DROP VIEW answers; $(cat "$TMP/first.sql")
	CREATE TEMP TABLE p AS SELECT * FROM provenance_interviews; DROP VIEW provenance_interviews;
	$ddl; INSERT INTO provenance_interviews SELECT * FROM temp.p;
	DROP TABLE provenance_versions; DROP TABLE provenance_inputs; VACUUM;" ||
	not_ok "make the early layout"
expect_eq "$(Q "$TMP/early.db" "SELECT count(*) FROM provenance_interviews")" 40 \
	"the early file: a provenance row per interview"
prov() { Q "$1" "SELECT * FROM provenance_interviews ORDER BY input_sha256, uuid"; }
prov "$TMP/new.db" >"$TMP/want"
cp "$TMP/early.db" "$TMP/early.orig"

# read as it is, without changing it
run "$SURVEY" list "$TMP/early.db"
expect_rc 0 "list of the early file"
expect_out "^40 interviews" "list reads every interview"
cmp -s "$TMP/early.db" "$TMP/early.orig" && ok "reading it changes nothing" ||
	not_ok "reading it changed it"

# merged into both schemas: its provenance carried along row for row
for v in 8 7; do
	run env SURVEY_STORE_SCHEMA=$v "$SURVEY" merge "$TMP/early.db" -o "$TMP/m$v.db" --allow-simulated
	expect_rc 0 "merged into a new file of schema $v"
	expect_eq "$(Q "$TMP/m$v.db" "SELECT count(*) FROM provenance_interviews WHERE input_sha256 IN
		(SELECT input_sha256 FROM provenance WHERE path NOT LIKE '%early.db')")" 40 \
		"schema $v: the versions its inputs brought, carried along"
	expect_eq "$(Q "$TMP/m$v.db" "ATTACH '$TMP/early.db' AS e;
		SELECT count(*) FROM (SELECT * FROM e.provenance_interviews EXCEPT
		SELECT * FROM main.provenance_interviews)")" 0 "schema $v: each of its rows kept"
done
cmp -s "$TMP/early.db" "$TMP/early.orig" && ok "merging it changes nothing" ||
	not_ok "merging it changed it"

# its next writable open makes the provenance compact: the same rows through the view
run S8 "$SURVEY" simulate "$form" -n 0 --db "$TMP/early.db" --quiet
expect_rc 0 "opened writable"
expect_eq "$(Q "$TMP/early.db" "SELECT group_concat(type || ' ' || name, ', ') FROM (SELECT type,
	name FROM sqlite_schema WHERE name LIKE 'provenance_%' ORDER BY name)")" \
	"table provenance_inputs, view provenance_interviews, table provenance_versions" \
	"the provenance is compact"
expect_eq "$(prov "$TMP/early.db")" "$(cat "$TMP/want")" "the same rows through the view"
expect_eq "$(Q "$TMP/early.db" "SELECT count(*) || ' ' || count(device_id) FROM provenance_versions")" \
	"40 0" "each version's device is its input's, kept once"
expect_eq "$(Q "$TMP/early.db" "PRAGMA integrity_check")" ok "the file is sound"
run S8 "$SURVEY" merge "$TMP/early.db" -o "$TMP/m8.db"
expect_rc 0 "merged again after the upgrade"
expect_out "already merged|40 identical" "its interviews found identical"

done_testing
