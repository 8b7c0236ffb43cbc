# t0435-run-attach: in `survey run`, an image question takes the path of a file on the laptop:
# Tab completes the path (listing the matches when there are several), Enter attaches the file
# (its bytes kept in the database with the interview, its name the answer, an "attached"
# event), a file above --max-attachment or a folder is refused in one line and the answer left
# as it was, Delete on the empty field takes an optional file away; a barcode is typed text.
. tests/lib.sh
. tests/ui/tmux.sh
FORM=tests/fixtures/forms/media.md
DB=$TMP/media.db
mkdir -p "$TMP/pics/sub"
printf 'P5\n2 2\n255\n\001\002\003\004' >"$TMP/pics/building.pgm"
printf 'RIFF-not-really-a-sound' >"$TMP/pics/bark.wav"
printf 'second' >"$TMP/pics/bark2.wav"
head -c 3000 /dev/zero >"$TMP/pics/big.bin"

ui_start a "$FORM" --db "$DB" --interviewer ana@example.org --max-attachment 2K
ui_keys a n
ui_expect a "Respondent's name" "the interview opens on the first question"
ui_type a 'Айгүл'
ui_step a 'Photo of the building' Enter
ui_expect a 'No file attached' "no file attached yet; how to attach one is shown"
ui_expect a 'Tab completes' "the hint names Tab"
ui_type a "$TMP/pics/bu"
ui_keys a Tab
ui_expect a 'building\.pgm' "Tab completes the only match"
ui_step a 'Voice note' Enter
ui_expect a 'Attached "building\.pgm"' "Enter attaches the file and moves on, as on any question"
ui_step a 'Photo of the building' PPage
ui_expect a 'Attached file: building\.pgm' "back on the question, the attached file is shown"
ui_step a 'Voice note' Enter
ui_type a "$TMP/pics/ba"
ui_keys a Tab
ui_expect a 'Matches: bark2?\.wav +bark2?\.wav' "Tab lists several matches"
ui_type a "2.wav"
ui_step a 'A short video' Enter
ui_expect a 'Attached "bark2\.wav"' "the second sound is attached"
ui_step a 'Voice note' PPage
ui_keys a Delete
ui_expect a 'The answer was cleared' "Delete on the empty field takes the optional file away"
ui_type a "$TMP/pics/big.bin"
ui_keys a Enter
ui_expect a 'too large: 2\.9 KB \(at most 2 KB' "a file above --max-attachment is refused in one line"
ui_keys a C-u
ui_type a "$TMP/pics/sub"
ui_keys a Enter
ui_expect a 'is not a file' "a folder is refused"
ui_keys a C-u
ui_type a "$TMP/pics/bark.wav"
ui_step a 'A short video' Enter
ui_expect a 'Attached "bark\.wav"' "an ordinary sound is attached"
ui_step a 'signed consent' Enter
ui_step a 'Barcode' Enter
ui_type a '4006381333931'
ui_keys a F10
ui_expect a 'Interviews' "F10 leaves to the start screen"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits with status 0"
ui_no_stderr a "nothing on stderr"
expect_eq "$(sql "$DB" "select path || '=' || value from answers where path in ('photo','voice','code','email') order by path")" \
	"$(printf 'code=4006381333931\nemail=ana@example.org\nphoto=building.pgm\nvoice=bark.wav')" \
	"the answers name the files; the barcode is text; email is the interviewer"
expect_eq "$(sql "$DB" "select path || ' ' || name || ' ' || media_type || ' ' || size from attachments order by path, name")" \
	"$(printf 'photo building.pgm image/x-portable-graymap 15\nvoice bark.wav audio/wav 23\nvoice bark2.wav audio/wav 6')" \
	"the bytes are in the database (the replaced sound kept, as the log keeps old values)"
expect_eq "$(sql "$DB" "select sha256 from attachments where name = 'building.pgm'")" \
	"$(sha256sum "$TMP/pics/building.pgm" | cut -d' ' -f1)" "the SHA-256 is the file's"
expect_eq "$(sql "$DB" "select count(*) from events where kind = 'attached'")" 3 "each attachment is an event"

done_testing
