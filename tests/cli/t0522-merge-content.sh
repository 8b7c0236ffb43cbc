# t0522-merge-content: an input's content is checked against its questionnaire before anything
# is copied. Answers not valid for their question (as `import` would refuse them), answers at no
# question, states with values, interviews of a questionnaire the file lacks, questionnaires that
# do not load (also a zip bomb) are refused with one line; a questionnaire of another version
# never takes over the labels; list --by and merge --key refuse unknown questions.
. tests/lib.sh
. tests/cli/merge-lib.sh

cat >"$TMP/f.md" <<'EOF'
| survey |
| | type | name | label |
| | integer | age | Age |
| | select_one yn | member | Member? |
| | date | visit | Visit |
| | decimal | budget | Budget |
| | text | town | Town |
| | begin repeat | rep | Staff |
| | integer | n | Number |
| | end repeat | | |
| choices |
| | list_name | name | label |
| | yn | yes | Yes |
| | yn | no | No |
| settings |
| | form_id | version | key_questions |
| | f | 2026112702 | town |
EOF
# schema 7: the answers below are crafted with sqlite3 (read-only views at schema 8)
schema7 "$SURVEY" simulate "$TMP/f.md" -n 12 --db "$TMP/lap%d.db" --devices 2 --seed 4 --quiet \
	--drafts 0 --specials 0 || not_ok "simulate"
for i in 1 2; do "$SURVEY" pack "$TMP/lap$i.db" -o "$TMP/good$i.db" >/dev/null || not_ok "pack $i"; done
good1=$TMP/good1.db good2=$TMP/good2.db
out=$TMP/out.db
"$SURVEY" merge -o "$out" "$good1" >/dev/null || not_ok "first merge"
# what the output holds, its questionnaires included
state() { { rows "$1"; sqlite3 "$1" "SELECT form_id, version, sha256 FROM forms ORDER BY 1, 2"; } | sha256sum; }
base=$(state "$out")

# craft NAME PYTHON: a copy of good2 (or $from) changed by PYTHON (db is an sqlite3 connection), its content
# hashes made again as an attacker would, then "survey pack"-free (no recorded file hash)
craft() {
	cp "${from:-$good2}" "$TMP/$1.db"
	sqlite3 "$TMP/$1.db" "DELETE FROM meta WHERE key = 'content_sha256'"
	python3 - "$TMP/$1.db" "$2" <<'EOF'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
one = db.execute("SELECT min(uuid) FROM interviews").fetchone()[0]
exec(sys.argv[2])
def field(h, v):
    h.update(b"\x01\x00" if v is None else str(v).encode() + b"\x00")
for uuid, fid, ver in db.execute("SELECT uuid, form_id, form_version FROM interviews "
                                 "WHERE status = 'complete'").fetchall():
    h = hashlib.sha256()
    for v in (uuid, fid, ver):
        field(h, v)
    rows = db.execute("SELECT path, state, value FROM answers WHERE uuid = ?", (uuid,)).fetchall()
    rows.sort(key=lambda r: r[0].encode())
    for r in rows or [(None, None, None)]:
        for v in r:
            field(h, v)
    db.execute("UPDATE interviews SET content_hash = ? WHERE uuid = ?", (h.hexdigest(), uuid))
db.commit()
EOF
}
set_answer() { # set_answer PATH VALUE [STATE]: python for craft
	printf '%s\n' "db.execute(\"INSERT OR REPLACE INTO answers(uuid, path, value, state, modified) VALUES (?, ?, ?, ?, '2026-01-01T00:00:00.000Z')\", (one, '$1', $2, '${3:-answered}'))"
}

refused() { # refused FILE REGEX what
	b=$(sha256sum <"$1")
	run "$SURVEY" merge -o "$out" "$1"
	expect_rc 1 "$3"
	expect_err "$2" "$3: the reason"
	expect_err_lines 1 "$3: one line"
	expect_eq "$(sha256sum <"$1")" "$b" "$3: its bytes are unchanged"
	expect_eq "$(state "$out")" "$base" "$3: the output is as it was"
}

craft int "$(set_answer age "'abc'")"
refused "$TMP/int.db" "int.db': interview [0-9a-f]{8}\.\.\. answer 'age' = 'abc' is not a whole number; the file was damaged or crafted" "an integer that is not one"
craft int2 "$(set_answer age "'007'")"
refused "$TMP/int2.db" "answer 'age' = '007' is not a whole number" "an integer not as survey writes it"
craft choice "$(set_answer member "'maybe'")"
refused "$TMP/choice.db" "answer 'member' = 'maybe' is not a choice of the list 'yn'" "an unknown choice"
craft date "$(set_answer visit "'2020-13-45'")"
refused "$TMP/date.db" "answer 'visit' = '2020-13-45' is not a date" "a date that is not one"
craft nan "$(set_answer budget "'NaN'")"
refused "$TMP/nan.db" "answer 'budget' = 'NaN' is not a number" "NaN in a decimal"
craft path "$(set_answer nosuch "'1'")"
refused "$TMP/path.db" "answer 'nosuch' = '1' is not a question of that version" "an answer at no question"
craft inst "$(set_answer 'rep[0]/n' "'1'")"
refused "$TMP/inst.db" "answer 'rep\[0\]/n' = '1' is not a question" "repeat instance 0"
craft group "$(set_answer 'rep' "'1'")"
refused "$TMP/group.db" "answer 'rep' = '1' is not a question" "an answer at a repeat"
craft ctl "$(set_answer town "'a\x1b[2Jb'")"
refused "$TMP/ctl.db" "answer 'town' = 'a\\\\x1b\[2Jb' has control characters" "control characters in a text"
expect_eq "$(tr -d '\n' <"$TMP/err" | LC_ALL=C tr -d '[:print:]' | wc -c)" "0" "control characters: none printed"
craft long "$(set_answer town "'x' * 20000")"
refused "$TMP/long.db" "answer 'town' = 'xxxxxxxx[x]*\.\.\.' is longer than 10000 bytes" "a text too long (quoted short)"
craft dk "$(set_answer age "'5'" dont_know)"
refused "$TMP/dk.db" "answer 'age' = '5' is dont_know but has a value" "don't know with a value"
craft version "db.execute(\"UPDATE interviews SET form_version = '7' WHERE uuid = ?\", (one,))"
refused "$TMP/version.db" "is of questionnaire 'f' version '7', which neither it nor the output holds" "an interview of a version not embedded"
form_row() { # form_row VERSION KIND PYTHON-BYTES [ADDED]: python inserting a questionnaire
	printf '%s\n' "src = $3
db.execute(\"INSERT INTO forms VALUES ('f', '$1', 'F', 'f.$2', '$2', ?, ?, '${4:-9999-12-31T00:00:00.000Z}')\", (src, hashlib.sha256(src).hexdigest()))"
}
craft bad "$(form_row 9999999999 md "b'| survey |\n| | type | name |\n| | nosuchtype | q |\n'")"
refused "$TMP/bad.db" "its questionnaire 'f' version '9999999999' does not load: .*nosuchtype" "an unparsable questionnaire"
craft liar "$(form_row 9999999999 md "open('$TMP/f.md', 'rb').read()")"
refused "$TMP/liar.db" "its questionnaire 'f' version '9999999999' says it is 'f' version '2026112702'" "a questionnaire under another version"
craft hash "$(form_row 3 md "b'x'"); db.execute(\"UPDATE forms SET source = X'00' WHERE version = '3'\")"
refused "$TMP/hash.db" "version '3'.* (does not match its recorded hash|do not match their hash)" "a questionnaire unlike its hash"
# a zip bomb: one sheet of 300 MB of blanks (beyond the reader's cap) in 300 kB
python3 - "$TMP/bomb.xlsx" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="survey" sheetId="1" r:id="r1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
        w.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        chunk = b" " * (1 << 20)
        for _ in range(300):
            w.write(chunk)
        w.write(b"</sheetData></worksheet>")
EOF
expect_eq "$(($(wc -c <"$TMP/bomb.xlsx") < 2000000))" "1" "the zip bomb is small"
craft bomb "$(form_row 9999999999 xlsx "open('$TMP/bomb.xlsx', 'rb').read()")"
refused "$TMP/bomb.db" "its questionnaire 'f' version '9999999999' does not load: .*(more than|too)" "a zip bomb as a questionnaire"
craft conflict "db.execute(\"INSERT INTO conflicts VALUES (?, 'x', 1, 1, 'complete', '2026-01-01', json_object('form_id', 'f', 'form_version', '2026112702'), json_array(json_object('path', 'age', 'value', 'abc', 'state', 'answered')), '[]')\", (one,))"
refused "$TMP/conflict.db" "a conflicting version of interview [0-9a-f]{8}\.\.\. answer 'age' = 'abc' is not a whole number" "a bad answer in a conflicting version"

# several inputs: the bad ones named, the good one merged
run "$SURVEY" merge -o "$out" "$TMP/int.db" "$good2" "$TMP/bomb.db"
expect_rc 1 "bad inputs among a good one"
expect_err_lines 2 "one line per bad input"
expect_out "good2.db' .*: [0-9]+ new" "the good input is merged"
expect_eq "$(count "$out" "SELECT count(*) FROM interviews")" "12" "the output holds both laptops"

# an input may bring an older version, dated in the future, with other labels and no key
# questions: it parses and checks, so it comes in, but the newest version keeps the labels and
# the key questions
sed -e 's/| f | 2026112702 | town |/| f | 1 | |/' -e 's/| Yes |/| HACKED |/' "$TMP/f.md" >"$TMP/old.md"
from=$good1; craft takeover "$(form_row 1 md "open('$TMP/old.md', 'rb').read()")"; from=
t=$TMP/t.db
"$SURVEY" merge -o "$t" "$good1" >/dev/null || not_ok "merge before the takeover attempt"
"$SURVEY" freq "$t" member >"$TMP/freq.before" 2>&1 || not_ok "freq before"
run "$SURVEY" merge -o "$t" "$TMP/takeover.db"
expect_rc 0 "an older version dated 9999 is merged"
expect_eq "$(grep -c 'likely duplicates not checked' "$TMP/out")" "0" "key questions kept after a takeover attempt"
"$SURVEY" freq "$t" member >"$TMP/freq.after" 2>&1
expect_eq "$(cat "$TMP/freq.after")" "$(cat "$TMP/freq.before")" "freq labels unchanged after a takeover attempt"
"$SURVEY" tab "$t" member member >"$TMP/tab" 2>&1
expect_eq "$(grep -c HACKED "$TMP/tab")" "0" "tab labels unchanged after a takeover attempt"

# unknown questions on the command line
run "$SURVEY" list "$out" --by membr
expect_rc 1 "list --by an unknown question"
expect_err "--by: no question 'membr' in the questionnaire 'f' \(close: 'member'\)" "list --by: names the question, the form and close names"
expect_err_lines 1 "list --by: one line"
run "$SURVEY" list "$out" --by 'rep[1]/n'
expect_rc 0 "list --by a repeat instance's question"
run "$SURVEY" merge -o "$TMP/k.db" "$good1" --key town,nosuch
expect_rc 1 "merge --key an unknown question"
expect_err "--key: no question 'nosuch' in the questionnaire 'f'" "merge --key: names the question and the form"
expect_err_lines 1 "merge --key: one line"
expect_eq "$(ls "$TMP/k.db" 2>/dev/null)" "" "merge --key: nothing written"
run "$SURVEY" merge -o "$TMP/k.db" "$good1" --key town
expect_rc 0 "merge --key a known question"

done_testing
