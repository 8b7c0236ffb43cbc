# t0331-media-flow: a form with media questions through the whole chain, in .md, .csv, .xlsx
# and .xls: simulate attaches small generated files (the same seed, the same files), pack and
# merge carry them, export writes them into OUT-media/ beside the data with the file name in
# the cell (every format), and the export imports back (names kept, one warning that the bytes
# are not in a CSV).
. tests/lib.sh
. tests/cli/xls-lib.sh
F=tests/fixtures/forms
Q() { sqlite3 "$@"; }

"$PY" $F/gen_xls.py $F/media.md "$TMP/media.xls"
for form in $F/media.md $F/media.csv $F/media.xlsx "$TMP/media.xls"; do
	ext=${form##*.}
	D=$TMP/$ext
	mkdir -p "$D"
	run "$SURVEY" simulate "$form" -n 6 --seed 11 --db "$D/a.db" --interviewer 'ana@example.org' --quiet
	expect_rc 0 "$ext: simulate"
	n=$(Q "$D/a.db" "SELECT count(*) FROM attachments")
	[ "$n" -gt 5 ] && ok "$ext: simulate attached files ($n)" || not_ok "$ext: $n attachments"
	expect_eq "$(Q "$D/a.db" "SELECT count(*) FROM answers a WHERE a.path LIKE '%photo' AND a.state = 'answered' AND NOT EXISTS (SELECT 1 FROM attachments f WHERE f.uuid = a.uuid AND f.path = a.path AND f.name = a.value)")" 0 \
		"$ext: every photo answer names its attachment"
	expect_eq "$(Q "$D/a.db" "SELECT DISTINCT value FROM answers WHERE path = 'email'")" 'ana@example.org' \
		"$ext: email is the interviewer's address"
	expect_eq "$(Q "$D/a.db" "SELECT count(*) FROM answers WHERE path IN ('phone', 'sim', 'subscriber', 'audit', 'recording')")" 0 \
		"$ext: phonenumber, simserial, subscriberid, audit, background-audio blank"
	run "$SURVEY" simulate "$form" -n 6 --seed 11 --db "$D/again.db" --interviewer 'ana@example.org' --quiet
	expect_eq "$(Q "$D/again.db" "SELECT uuid, path, name, sha256 FROM attachments ORDER BY 1, 2" | sha256sum)" \
		"$(Q "$D/a.db" "SELECT uuid, path, name, sha256 FROM attachments ORDER BY 1, 2" | sha256sum)" \
		"$ext: the same seed attaches the same files"

	run "$SURVEY" pack "$D/a.db" -o "$D/stick.db"
	expect_rc 0 "$ext: pack"
	run "$SURVEY" merge -o "$D/all.db" "$D/stick.db" --allow-simulated
	expect_rc 0 "$ext: merge"
	expect_eq "$(Q "$D/all.db" "SELECT * FROM attachments ORDER BY 1, 2, 3, 4" | sha256sum)" \
		"$(Q "$D/a.db" "SELECT * FROM attachments ORDER BY 1, 2, 3, 4" | sha256sum)" \
		"$ext: merge carries every attachment as it was"

	for fmt in csv json sav dta; do
		run "$SURVEY" export "$D/all.db" -o "$D/out.$fmt"
		expect_rc 0 "$ext: export $fmt"
		expect_out "^wrote [0-9]+ attached files into '$D/out-media'\$" "$ext: $fmt: the files go to out-media"
	done
	# every completed interview's file is in the folder, byte for byte, under the name in the cell
	bad=0
	for row in $(Q -separator ' ' "$D/all.db" "SELECT a.value || '=' || f.sha256 FROM answers a JOIN interviews i USING (uuid) JOIN attachments f ON f.uuid = a.uuid AND f.path = a.path AND f.name = a.value WHERE i.status = 'complete' AND a.state = 'answered'"); do
		name=${row%%=*} sha=${row#*=}
		[ "$(sha256sum <"$D/out-media/$name" | cut -d' ' -f1)" = "$sha" ] || bad=$((bad + 1))
		grep -q ",$name," "$D/out.csv" "$D/out-rooms.csv" || bad=$((bad + 1))
	done
	expect_eq "$bad" 0 "$ext: each file is in out-media under the name its cell holds"
	expect_eq "$(ls "$D/out-media" | grep -c .)" \
		"$(Q "$D/all.db" "SELECT count(DISTINCT a.value) FROM answers a JOIN interviews i USING (uuid) JOIN attachments f ON f.uuid = a.uuid AND f.path = a.path AND f.name = a.value WHERE i.status = 'complete' AND a.state = 'answered'")" \
		"$ext: nothing else in the folder"
	grep -q '"file":"photo-' "$D/out.json" && ok "$ext: the JSON names the file of each answer" ||
		not_ok "$ext: no \"file\" key in the JSON"

	run "$SURVEY" import "$form" "$D/out.csv" --db "$D/back.db"
	expect_rc 0 "$ext: the export imports back"
	expect_err "warning: [0-9]+ answers name an attached file .* whose bytes a CSV does not carry: the answers keep the file names" \
		"$ext: import says the bytes are not in a CSV"
	expect_eq "$(Q "$D/back.db" "SELECT count(*) FROM attachments")" 0 "$ext: no bytes imported"
	expect_eq "$(Q "$D/back.db" "SELECT path, value FROM answers WHERE path LIKE '%photo' AND value IS NOT NULL ORDER BY 2")" \
		"$(Q "$D/all.db" "SELECT a.path, a.value FROM answers a JOIN interviews i USING (uuid) WHERE i.status = 'complete' AND a.path LIKE '%photo' AND a.value IS NOT NULL AND a.state = 'answered' ORDER BY 2")" \
		"$ext: the file names are kept"
	run "$SURVEY" merge -o "$D/all.db" "$D/back.db" --allow-simulated
	expect_rc 0 "$ext: imported interviews naming files without bytes merge"
	run "$SURVEY" export "$D/back.db" -o "$D/back.csv"
	expect_rc 0 "$ext: export of the imported file"
	expect_err "warning: [0-9]+ answers name a file the database does not hold \(imported without its file\): the cell keeps the name" \
		"$ext: export says which files it lacks"
	[ ! -e "$D/back-media" ] && ok "$ext: no empty folder" || not_ok "$ext: back-media made"
done

done_testing
