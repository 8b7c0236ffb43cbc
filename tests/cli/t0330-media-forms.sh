# t0330-media-forms: image, audio, video and file questions (and the old spellings pyxform
# accepts for them) are questions survey asks, barcode is typed text, background-audio is
# metadata recorded blank with a warning, email comes from --interviewer; the same form in
# .md, .csv, .xlsx and .xls reads alike.
. tests/lib.sh
. tests/cli/xls-lib.sh
F=tests/fixtures/forms

"$PY" $F/gen_xls.py $F/media.md "$TMP/media.xls"
for form in $F/media.md $F/media.csv $F/media.xlsx "$TMP/media.xls"; do
	ext=${form##*.}
	run "$SURVEY" check "$form"
	expect_rc 0 "$ext: a form with media questions is valid"
	expect_out "ok — 8 questions, 1 language, form media version 1 \(10 warnings\)\$" \
		"$ext: 8 questions, 10 warnings"
	expect_err ": warning: image 'photo' is a file the interviewer attaches from the laptop \(its path typed; Tab completes it\): survey takes no picture or recording itself" \
		"$ext: an image is a file attached from the laptop, said so"
	expect_err ": warning: audio 'voice' is a file the interviewer attaches" "$ext: audio too"
	expect_err ": warning: video 'clip' is a file the interviewer attaches" "$ext: video too"
	expect_err ": warning: background-audio 'recording' is recorded blank: a laptop interview records no sound" \
		"$ext: background-audio is recorded blank, said why"
	expect_err ": warning: email 'email' is the interviewer's identity \(--interviewer\) when that is an e-mail address" \
		"$ext: email comes from --interviewer"
	expect_err ": warning: audit 'audit' is recorded blank: .*event log" "$ext: audit is the event log"
	run "$SURVEY" check --dump "$form"
	for t in "image photo" "audio voice" "video clip" "file document" "barcode code" \
		"image room_photo"; do
		expect_out "^node [0-9]+ $t " "$ext: $t is a question of its type"
	done
done

# the old spellings: accepted, naming the modern one
cat >"$TMP/old.md" <<'MD'
| survey |
| | type | name | label |
| | q picture | a | A |
| | add photo prompt | b | B |
| | add audio prompt | c | C |
| | q video | d | D |
| | add file prompt | e | E |
| | q barcode | f | F |
| | photo | g | G |
| settings |
| | form_id | version |
| | old_media | 1 |
MD
run "$SURVEY" check "$TMP/old.md"
expect_rc 0 "old media spellings are accepted"
expect_err "old.md:survey:3: warning: type: 'q picture' is an old spelling: write 'image'\$" "q picture is image"
expect_err "old.md:survey:5: warning: type: 'add audio prompt' is an old spelling: write 'audio'\$" "add audio prompt is audio"
expect_err "old.md:survey:6: warning: type: 'q video' is an old spelling: write 'video'\$" "q video is video"
expect_err "old.md:survey:7: warning: type: 'add file prompt' is an old spelling: write 'file'\$" "add file prompt is file"
expect_err "old.md:survey:8: warning: type: 'q barcode' is an old spelling: write 'barcode'\$" "q barcode is barcode"
expect_err_lines 11 "photo is image's own alias: no old-spelling warning for it (6 old spellings, 5 notes on images, sounds and videos)"

# still refused: what a laptop cannot do even blank
printf '| survey |\n| | type | name | label |\n| | background-video | v | V |\n' >"$TMP/bv.md"
run "$SURVEY" check "$TMP/bv.md"
expect_rc 1 "background-video is refused"
expect_err "unsupported type 'background-video'" "and named"

done_testing
