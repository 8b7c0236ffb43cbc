# t0437-run-attach-browse: F7 on a media question opens a simple file browser on the folder of
# the path typed so far: folders first (with "../" to go up), hidden files left out; Up/Down
# move, Enter opens a folder or attaches the file (staying on the question, which then shows
# it), Backspace goes up with the folder it left highlighted, a letter jumps to a name, F7
# (or Ctrl-B) closes it; with nothing typed it opens on the current folder.
. tests/lib.sh
. tests/ui/tmux.sh
FORM=tests/fixtures/forms/media.md
DB=$TMP/b.db
mkdir -p "$TMP/files/sub"
printf 'P5\n1 1\n255\n\001' >"$TMP/files/sub/pic.pgm"
printf 'text' >"$TMP/files/a.txt"
printf 'wave' >"$TMP/files/zebra.wav"
printf 'secret' >"$TMP/files/.hidden"

ui_start a "$FORM" --db "$DB"
ui_keys a n
ui_expect a "Respondent's name" "the interview opens"
ui_type a 'Ана'
ui_step a 'Photo of the building' Enter
ui_expect a 'F7 browses' "the hint names F7"
ui_type a "$TMP/files/"
ui_keys a F7
ui_expect a "Folder: $TMP/files/" "F7 opens the folder of the path typed"
ui_settle a
awk '/Folder:/ { on = 1; next } on && NF { print $1 }' "$TMP/screen" | head -4 | tr '\n' ' ' >"$TMP/list"
expect_eq "$(cat "$TMP/list")" "../ sub/ a.txt zebra.wav " "folders first, then files, sorted"
grep -q '\.hidden' "$TMP/screen" && not_ok "a hidden file is listed" || ok "hidden files are left out"
ui_keys a Down Enter
ui_expect a "Folder: $TMP/files/sub/" "Enter opens a folder"
ui_keys a BSpace
ui_expect a "Folder: $TMP/files/\$" "Backspace goes up"
ui_keys a z Enter
ui_expect a 'Attached "zebra\.wav"' "a letter jumps to the name, Enter attaches the file"
ui_expect a 'Attached file: zebra\.wav' "the question stays, showing the file"
ui_type a "$TMP/files/sub/"
ui_keys a C-b
ui_expect a "Folder: $TMP/files/sub/" "Ctrl-B opens it too"
ui_keys a F7
ui_lacks a "Folder:" "F7 closes it"
ui_keys a C-u F7
ui_expect a "Folder: $(pwd)/\$" "with nothing typed, F7 opens the current folder"
ui_keys a F7
ui_keys a F10
ui_expect a 'Interviews' "F10 leaves"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits with status 0"
ui_no_stderr a "nothing on stderr"
expect_eq "$(sql "$DB" "SELECT value FROM answers WHERE path = 'photo'")" "zebra.wav" \
	"the file picked in the browser is the answer"
expect_eq "$(sql "$DB" "SELECT group_concat(name, ' ') FROM (SELECT name FROM attachments ORDER BY name)")" \
	"zebra.wav" "and its bytes are in the database"

done_testing
