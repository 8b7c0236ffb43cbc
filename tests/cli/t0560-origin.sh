# t0560-origin: every interview has an origin — simulate makes simulated ones, import imported
# ones; files of schema 1 and 2 are migrated (simulate's trace in the event log, else field) and
# read as migrated before that; list, export, freq and tab show it; report marks itself.
. tests/lib.sh
# the schema version survey writes now (not hard-coded: more steps come)
CUR=$(store_schema)   # 8 with SURVEY_STORE_SCHEMA=8 exported
export TZ=Asia/Bishkek
F=tests/fixtures/export
Q() { sqlite3 "$1" "$2"; }
# same A B what: the files hold the same bytes but for the header's change counter, which
# opening an output for writing still bumps (refused merges in general, not this check)
same() {
	if cmp -s -i 100 "$1" "$2" && [ "$(head -c 24 "$1" | od -An -tx1)" = "$(head -c 24 "$2" | od -An -tx1)" ]
	then ok "$3"; else not_ok "$3: $(cmp "$1" "$2")"; fi
}

# ---- where interviews come from ----
run "$SURVEY" simulate $F/basic.md -n 4 --seed 5 --db "$TMP/sim.db" --quiet
expect_rc 0 "simulate"
expect_eq "$(Q "$TMP/sim.db" "SELECT group_concat(DISTINCT origin) || ' ' || count(*) FROM interviews")" \
	"simulated 4" "simulated interviews are marked simulated"
expect_eq "$(Q "$TMP/sim.db" "PRAGMA user_version")" "$CUR" "a new file is of the current schema"
run "$SURVEY" import $F/basic.md $F/kobo.csv --db "$TMP/imp.db"
expect_rc 0 "import"
expect_eq "$(Q "$TMP/imp.db" "SELECT group_concat(DISTINCT origin) || ' ' || count(*) FROM interviews")" \
	"imported 2" "imported interviews are marked imported"

# ---- list ----
run "$SURVEY" list "$TMP/sim.db"
expect_out '^uuid +status +origin ' "list has an origin column"
expect_out '^[0-9a-f-]{36}  complete   simulated ' "each line says simulated"
expect_out '^4 interviews: .* \(4 simulated: not real data\)$' "the total line counts the simulated ones"
expect_out '^by origin:' "totals by origin"
expect_out '^  simulated +[0-9]+ +[0-9]+ +4$' "all four by origin"
run "$SURVEY" list "$TMP/imp.db" --json
expect_eq "$(jq -r '[.interviews[].origin] | unique | join(",")' "$TMP/out")" "imported" "origin in list --json"
expect_eq "$(jq -c '.totals.by_origin' "$TMP/out")" '{"imported":{"complete":2,"draft":0,"discarded":0,"total":2}}' \
	"totals.by_origin in list --json"

# ---- a file of schema 2 (made by the previous release, packed): read as it is, migrated on write ----
sqlite3 "$TMP/v2.db" <tests/fixtures/store/schema-v2.sql
cp "$TMP/v2.db" "$TMP/v2-before.db"
run "$SURVEY" list "$TMP/v2.db" --json
expect_rc 0 "list reads a schema-2 file"
expect_eq "$(jq -c '.totals.by_origin | map_values(.total)' "$TMP/out")" '{"field":2,"simulated":3}' \
	"read-only, simulate's trace already tells the simulated interviews (imported ones read as field)"
cmp -s "$TMP/v2.db" "$TMP/v2-before.db" && ok "reading does not change it" || not_ok "list changed the file"
run "$SURVEY" merge -o "$TMP/from-v2.db" "$TMP/v2.db" --allow-simulated
expect_rc 0 "a packed schema-2 file merges (its content hash is read as that release made it)"
expect_eq "$(Q "$TMP/from-v2.db" "SELECT group_concat(origin || '=' || n) FROM (SELECT origin, count(*) n FROM interviews GROUP BY 1)")" \
	"field=2,simulated=3" "merged from schema 2: the same origins"
cp "$TMP/v2.db" "$TMP/v2m.db"
Q "$TMP/v2m.db" "DELETE FROM meta WHERE key = 'content_sha256'"   # written: no longer the pack
run "$SURVEY" import $F/basic.md $F/kobo.csv --db "$TMP/v2m.db"
expect_rc 0 "import into a schema-2 file migrates it"
expect_eq "$(Q "$TMP/v2m.db" "PRAGMA user_version")" "$CUR" "migrated to the current schema"
expect_eq "$(Q "$TMP/v2m.db" "SELECT group_concat(uuid || '=' || origin, ' ') FROM (SELECT * FROM interviews ORDER BY uuid)")" \
	"041419be-1af1-498d-b128-4a03e8dae8a6=simulated 0b6c2a4e-6a0e-4b8e-9c34-1f2d3e4a5b6c=field 1ae7d58e-f555-4156-af79-ff45a9052423=simulated 4a58e4bf-ad1b-4524-abb6-3c860c36fed1=simulated 5d0a7e12-3c44-4f6b-8a3e-9b1c2d3e4f50=field" \
	"the migration: simulate's trace gives simulated, the rest field"
expect_eq "$(Q "$TMP/v2m.db" "SELECT json_extract(interview, '\$.origin') FROM conflicts")" simulated \
	"the version kept in conflicts has its origin too"
expect_eq "$(Q "$TMP/v2m.db" "SELECT type || name || sql FROM sqlite_schema ORDER BY name")" \
	"$(Q "$TMP/sim.db" "SELECT type || name || sql FROM sqlite_schema ORDER BY name")" \
	"a migrated file has the schema of a new one"
run "$SURVEY" merge -o "$TMP/from-v2m.db" "$TMP/v2m.db" --allow-simulated
expect_eq "$(Q "$TMP/from-v2m.db" "SELECT * FROM interviews ORDER BY uuid" | sha256sum)" \
	"$(Q "$TMP/from-v2.db" "SELECT * FROM interviews ORDER BY uuid" | sha256sum)" \
	"merging the file before or after its migration gives the same interview rows"
run "$SURVEY" merge --json -o "$TMP/from-v2m.db" "$TMP/v2.db"
# counts are versions: the 5 interviews and the one the file keeps in conflicts
expect_eq "$(jq -c '.inputs[0] | [.identical, .rejected]' "$TMP/out")" '[6,null]' \
	"schema 2 merged onto its migrated self: every version identical (origin compared as migrated)"
# an older version of one simulated interview (its last event dropped): merged version by version
cp "$TMP/v2.db" "$TMP/v2old.db"
Q "$TMP/v2old.db" "DELETE FROM meta WHERE key = 'content_sha256';
	DELETE FROM events WHERE uuid = '4a58e4bf-ad1b-4524-abb6-3c860c36fed1' AND seq = (SELECT max(seq) FROM events WHERE uuid = '4a58e4bf-ad1b-4524-abb6-3c860c36fed1')"
run "$SURVEY" merge --json -o "$TMP/from-v2m.db" "$TMP/v2old.db"
expect_eq "$(jq -c '.inputs[0] | [.identical, .outdated]' "$TMP/out")" '[5,1]' "an older version of schema 2: outdated"
run "$SURVEY" merge --json --allow-simulated -o "$TMP/old-first.db" "$TMP/v2old.db" "$TMP/v2.db"
expect_eq "$(jq -c '[.inputs[1].updated, .inputs[1].identical]' "$TMP/out")" '[1,5]' "then the newer one of schema 2: updated"
expect_eq "$(Q "$TMP/old-first.db" "SELECT origin FROM interviews WHERE uuid = '4a58e4bf-ad1b-4524-abb6-3c860c36fed1'")" \
	simulated "the updated interview is still simulated"

# ---- a file of schema 1 ----
sqlite3 "$TMP/v1.db" <tests/fixtures/merge/schema-v1.sql
run "$SURVEY" import $F/basic.md $F/kobo.csv --db "$TMP/v1.db"
expect_eq "$(Q "$TMP/v1.db" "PRAGMA user_version")" "$CUR" "schema 1 is migrated to the current schema"
expect_eq "$(Q "$TMP/v1.db" "SELECT origin FROM interviews WHERE uuid LIKE 'a111%'")" field \
	"its interview is a field one"

# ---- import: simulated data exported and imported again stays simulated ----
run "$SURVEY" export "$TMP/sim.db" --format csv -o "$TMP/sim.csv"
expect_rc 0 "export CSV"
expect_eq "$(head -1 "$TMP/sim.csv" | tr ',' '\n' | grep -c '^_origin$')" 1 "an _origin column"
expect_eq "$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "_origin") c = i } NR > 1 { print $c }' "$TMP/sim.csv" | sort -u)" \
	simulated "its values"
run "$SURVEY" import $F/basic.md "$TMP/sim.csv" --db "$TMP/reimp.db"
expect_rc 0 "import the export"
expect_eq "$(Q "$TMP/reimp.db" "SELECT group_concat(DISTINCT origin) FROM interviews")" simulated \
	"imported again, simulated interviews stay simulated"
run "$SURVEY" export "$TMP/imp.db" --format json -o "$TMP/imp.json"
expect_eq "$(jq -r '[.interviews[].origin] | unique | join(",")' "$TMP/imp.json")" imported "origin in the JSON export"

# ---- freq and tab ----
run "$SURVEY" freq "$TMP/sim.db" region
expect_out "^warning: 4 of the 4 interviews analysed are simulated" "freq: a warning line"
run "$SURVEY" freq "$TMP/sim.db" region --format json
jq -e . "$TMP/out" >/dev/null 2>&1 && ok "freq: one JSON document" || not_ok "freq: not one JSON document"
expect_eq "$(jq '.variables[0].simulated' "$TMP/out")" 4 "freq --format json: simulated"
run "$SURVEY" freq "$TMP/imp.db" region --format json
expect_eq "$(jq '.variables[0].simulated' "$TMP/out")" 0 "no simulated interviews: 0"
expect_eq "$(jq '.variables[0].warnings | length' "$TMP/out")" 0 "and no warning"
run "$SURVEY" tab "$TMP/v2.db" resp/sex region --format json
jq -e . "$TMP/out" >/dev/null 2>&1 && ok "tab: one JSON document" || not_ok "tab: not one JSON document"
expect_eq "$(jq -c '[.n_cases, .simulated]' "$TMP/out")" "[5,3]" "tab --format json: simulated of n_cases"
run "$SURVEY" tab "$TMP/v2.db" resp/sex region --format csv
expect_err "^survey: warning: 3 of the interviews analysed are simulated" "tab --format csv: one line on stderr"
expect_err_lines 1 "only that line"

# ---- report ----
printf 'report\n,kind,name,row,col,title::English (en)\n,freq,region,region,,Region\n,tab,sexreg,sex,region,Sex by region\n' >"$TMP/spec.csv"
for lang in ky ru en; do
	for ext in html md xlsx; do
		run "$SURVEY" report "$TMP/v2.db" "$TMP/spec.csv" -o "$TMP/r-$lang.$ext" --lang $lang
		expect_out "marked as simulated data" "report $lang $ext: marked by the data"
	done
	unzip -p "$TMP/r-$lang.xlsx" xl/sharedStrings.xml >"$TMP/r-$lang.xlsx.txt"
done
ky='Моделдештирилген маалыматтар: бул баяндама чыныгы интервьюлардын негизинде түзүлгөн эмес'
ru='Смоделированные данные: отчёт построен не на реальных интервью'
en='Simulated data: this report is not based on real interviews'
for f in html md xlsx.txt; do
	grep -q "$ky" "$TMP/r-ky.$f" && ok "the Kyrgyz banner ($f)" || not_ok "no Kyrgyz banner in $f"
	grep -q "$ru" "$TMP/r-ru.$f" && ok "the Russian banner ($f)" || not_ok "no Russian banner in $f"
	grep -q "$en" "$TMP/r-en.$f" && ok "the English banner ($f)" || not_ok "no English banner in $f"
done
grep -q 'class="sim-bar"' "$TMP/r-en.html" && ok "a banner at the top of every page" || not_ok "no sim-bar"
grep -q 'of them made by a computer simulation (survey simulate), not by interviewers: 3\.' "$TMP/r-en.html" &&
	ok "the number of simulated interviews" || not_ok "no count of simulated interviews"
grep -q 'из них созданы компьютерным моделированием (survey simulate), а не интервьюерами: 3\.' "$TMP/r-ru.md" &&
	ok "the number in Russian" || not_ok "no count in Russian"
grep -q 'алардын ичинен интервьюерлер эмес, компьютердик моделдештирүү (survey simulate) түзгөн интервьюлар: 3\.' "$TMP/r-ky.xlsx.txt" &&
	ok "the number in Kyrgyz" || not_ok "no count in Kyrgyz"
expect_eq "$(grep -o 'интервьюлар: 3\.' "$TMP/r-ky.html" | wc -l)" 2 "the number under the banner and in the methods"
run "$SURVEY" report "$TMP/imp.db" "$TMP/spec.csv" -o "$TMP/real.html" --lang en
expect_rc 0 "a report of real data"
grep -q 'class="sim-bar"\|Simulated data' "$TMP/real.html" && not_ok "real data marked as simulated" ||
	ok "real data: no banner"

# ---- merge keeps simulated and real interviews apart ----
run "$SURVEY" merge -o "$TMP/all.db" "$TMP/imp.db"
expect_rc 0 "real interviews into a new file"
expect_out "^likely duplicates not checked: no key questions" \
	"a form without key questions: merge says likely duplicates were not checked"
cp "$TMP/all.db" "$TMP/all-before.db"
run "$SURVEY" import $F/basic.md $F/central.csv --db "$TMP/imp2.db"
run "$SURVEY" merge -o "$TMP/all.db" "$TMP/sim.db" "$TMP/imp2.db"
expect_rc 1 "simulated interviews into a file of real ones"
expect_err "^survey: cannot merge '.*/sim.db': it holds 4 simulated interviews and '.*/all.db' holds imported interviews; give --allow-simulated to mix them$" \
	"refused in one line that says what to do"
expect_err_lines 1 "one line"
expect_eq "$(Q "$TMP/all.db" "SELECT count(*) FROM interviews WHERE origin = 'simulated'")" 0 "none got in"
expect_eq "$(Q "$TMP/all.db" "SELECT count(*) FROM interviews")" \
	"$(( $(Q "$TMP/imp.db" "SELECT count(*) FROM interviews") + $(Q "$TMP/imp2.db" "SELECT count(*) FROM interviews") ))" \
	"the other input is merged"
cp "$TMP/all-before.db" "$TMP/all.db"
run "$SURVEY" merge -o "$TMP/all.db" "$TMP/sim.db"
expect_rc 1 "refused alone"
same "$TMP/all.db" "$TMP/all-before.db" "the output is as it was"
run "$SURVEY" merge -o "$TMP/all.db" "$TMP/sim.db" --allow-simulated
expect_rc 0 "--allow-simulated mixes them"
expect_eq "$(Q "$TMP/all.db" "SELECT count(*) FROM interviews WHERE origin = 'simulated'")" 4 "the simulated ones are in"
run "$SURVEY" merge -o "$TMP/all.db" "$TMP/sim.db" "$TMP/imp.db"
expect_rc 0 "merging the same files again brings nothing new: not refused"

run "$SURVEY" merge -o "$TMP/test.db" "$TMP/sim.db"
expect_rc 0 "simulated interviews into a new file"
cp "$TMP/test.db" "$TMP/test-before.db"
run "$SURVEY" merge -o "$TMP/test.db" "$TMP/imp.db"
expect_rc 1 "real interviews into a file of simulated ones"
expect_err "^survey: cannot merge '.*/imp.db': it holds 2 imported interviews and '.*/test.db' holds simulated interviews; give --allow-simulated to mix them$" \
	"refused the other way too"
same "$TMP/test.db" "$TMP/test-before.db" "that output is as it was"
# within one run: what an input merged before brings counts as the output's (read once a run)
run "$SURVEY" merge -o "$TMP/run1.db" "$TMP/imp.db" "$TMP/sim.db"
expect_rc 1 "real, then simulated interviews in one run into a new file"
expect_err "^survey: cannot merge '.*/sim.db': it holds 4 simulated interviews and '.*/run1.db' holds imported interviews; give --allow-simulated to mix them$" \
	"the second refused: the first one's interviews are the output's"
expect_eq "$(Q "$TMP/run1.db" "SELECT count(*) FROM interviews WHERE origin = 'simulated'")" 0 \
	"no simulated interview got in"
run "$SURVEY" merge -o "$TMP/run2.db" "$TMP/sim.db" "$TMP/imp.db"
expect_rc 1 "simulated, then real interviews in one run"
expect_err "^survey: cannot merge '.*/imp.db': it holds 2 imported interviews and '.*/run2.db' holds simulated interviews; give --allow-simulated to mix them$" \
	"refused the other way in one run too"
run "$SURVEY" merge -o "$TMP/run3.db" "$TMP/v2.db" "$TMP/imp.db" "$TMP/imp2.db"
expect_rc 1 "a refused input first"
expect_eq "$(Q "$TMP/run3.db" "SELECT count(*) FROM interviews WHERE origin = 'imported'")" \
	"$(( $(Q "$TMP/imp.db" "SELECT count(*) FROM interviews") + $(Q "$TMP/imp2.db" "SELECT count(*) FROM interviews") ))" \
	"what a refused input would have brought does not count: the real ones after it are merged"
run "$SURVEY" merge -o "$TMP/new.db" "$TMP/v2.db"
expect_rc 1 "a file that mixes them itself (schema 2) into a new file"
expect_err "it holds 3 simulated and 2 field interviews; give --allow-simulated to mix them$" "says so"
expect_eq "$(grep -c 'not checked' "$TMP/out")" 0 \
	"nothing merged: no word about key questions (there was nothing to check)"
run "$SURVEY" merge --json -o "$TMP/new.db" "$TMP/v2.db"
expect_eq "$(jq -r '.inputs[0].rejected' "$TMP/out")" \
	"cannot merge '$TMP/v2.db': it holds 3 simulated and 2 field interviews; give --allow-simulated to mix them" \
	"merge --json names the reason"

done_testing
