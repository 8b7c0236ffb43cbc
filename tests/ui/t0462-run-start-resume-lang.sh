# t0462-run-start-resume-lang: a draft resumes in the language the interviewer uses now (--lang,
# or F2 on the start screen), not in the one it was left in; the language chosen is kept in
# the database and the next run starts in it.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/d.db
FORM=tests/fixtures/ui/sections.md

ui_start a "$FORM" --db "$DB" --lang ru
ui_expect a 'Интервью пока нет' "the start screen in Russian"
ui_keys a n
ui_expect a 'Название муниципалитета' "an interview in Russian"
ui_type a "Кара-Суу"
ui_keys a Enter
ui_expect a 'Число сотрудников' "the next question"
ui_keys a F10
ui_expect a 'новое' "back on the start screen"
ui_keys a q
ui_exit a
expect_eq "$(sql "$DB" "SELECT lang FROM interviews")" ru "the draft was left in Russian"

# the interviewer now works in Kyrgyz
ui_start b "$FORM" --db "$DB" --lang ky
ui_expect b 'жаңы' "the start screen in Kyrgyz"
ui_keys b Enter
ui_expect b 'Кызматкерлердин саны' "the draft resumes in Kyrgyz, the language in use"
ui_lacks b 'Число сотрудников' "not in its old Russian"
ui_keys b F10
ui_expect b 'жаңы' "back on the start screen"
ui_keys b q
ui_exit b
expect_eq "$(sql "$DB" "SELECT value FROM meta WHERE key = 'lang'")" "ky" "the choice is kept"

# no --lang: the kept choice; F2 on the start screen moves on (ky -> ru -> en)
ui_start c "$FORM" --db "$DB"
ui_expect c 'жаңы' "the next run starts in the kept language"
ui_keys c F2
ui_expect c 'новое' "F2: Russian"
ui_keys c F2
ui_expect c 'n new' "F2: English"
ui_keys c Enter
ui_expect c 'Number of staff' "the draft resumes in English"
ui_keys c F10
ui_expect c 'n new' "back on the start screen"
ui_keys c q
ui_exit c
expect_eq "$RC" 0 "exit status 0"
expect_eq "$(sql "$DB" "SELECT value FROM meta WHERE key = 'lang'")" "en" "F2's choice is kept"
ui_no_stderr a "nothing on stderr (1)"
ui_no_stderr b "nothing on stderr (2)"
ui_no_stderr c "nothing on stderr (3)"
done_testing
