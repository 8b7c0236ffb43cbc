# t0436-run-attach-resume: attaching in Kyrgyz with a file whose name is Cyrillic and has a
# space, its path completed from "~/"; the review screen (F9) shows the file's name; the draft
# left and resumed shows the attached file on its question; completed, the interview exports
# the file into OUT-media/ under that name.
. tests/lib.sh
. tests/ui/tmux.sh
FORM=tests/fixtures/forms/media.md
DB=$TMP/m.db
export HOME=$TMP/home
mkdir -p "$HOME/Сүрөттөр"
printf 'P5\n1 1\n255\n\177' >"$HOME/Сүрөттөр/Үй 1.pgm"
UI_ENV="-u LC_ALL -u LC_CTYPE -u LC_MESSAGES LANG=ky_KG.UTF-8 HOME=$HOME"

ui_start a "$FORM" --db "$DB" --interviewer Бакыт
ui_keys a n
ui_expect a "Respondent's name" "the interview opens"
ui_type a 'Өмүр'
ui_step a 'Photo of the building' Enter
ui_expect a 'Файл тиркелген эмес' "no file yet, said in Kyrgyz"
ui_expect a 'Tab толуктайт' "how to attach, in Kyrgyz"
ui_type a '~/Сү'
ui_keys a Tab
ui_expect a '~/Сүрөттөр/' "Tab completes a folder from ~/ and adds its slash"
ui_keys a Tab
ui_expect a '~/Сүрөттөр/Үй 1\.pgm' "Tab completes the file inside it"
ui_step a 'Voice note' Enter
ui_expect a '«Үй 1\.pgm» файлы тиркелди' "attached, said in Kyrgyz"
ui_keys a F9
ui_expect a 'Үй 1\.pgm' "the review screen shows the file's name"
ui_keys a F10
ui_expect a 'n ' "left to the start screen"
ui_keys a Enter
ui_expect a 'Voice note|Photo of the building' "the draft resumes"
ui_keys a PPage
ui_expect a 'Тиркелген файл: Үй 1\.pgm' "the attached file is shown on its question"
ui_keys a F9
ui_expect a 'Photo|photo' "review"
ui_keys a F10
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits with status 0"
ui_no_stderr a "nothing on stderr"
expect_eq "$(sql "$DB" "SELECT value FROM answers WHERE path = 'photo'")" "Үй 1.pgm" "the answer is the file's own name"
expect_eq "$(sql "$DB" "SELECT hex(bytes) FROM attachments")" "$(od -An -tx1 "$HOME/Сүрөттөр/Үй 1.pgm" | tr -d ' \n' | tr a-f A-F)" \
	"the bytes are the file's"

done_testing
