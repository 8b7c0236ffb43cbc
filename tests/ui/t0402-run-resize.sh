# t0402-run-resize: a terminal below 60x20 shows a message asking to enlarge it (in the UI's
# language); back at 80x24 the question is drawn again, with the text typed so far.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/r.db

ui_start a tests/fixtures/ui/small.md --db "$DB" --lang ru
ui_expect a 'Интервью пока нет' "the start screen, in Russian"
ui_keys a n
ui_expect a 'Здравствуйте' "an interview starts"
ui_keys a Enter
ui_expect a 'Как вас зовут\?' "the first question"
ui_type a 'Чынара'
ui_expect a '> Чынара' "text typed"
T resize-window -t a -x 50 -y 15
ui_expect a 'Терминал слишком мал \(50x15\)' "50x15 is too small: a message in Russian"
ui_lacks a 'Как вас зовут' "the question is not drawn in a too small terminal"
ui_keys a BSpace
T resize-window -t a -x 80 -y 24
ui_expect a 'Как вас зовут\?' "back at 80x24 the question is drawn again"
ui_expect a '> Чынара' "the text typed is still there (keys are ignored while too small)"
T resize-window -t a -x 100 -y 40
ui_expect a '> Чынара' "a larger terminal works too"
T resize-window -t a -x 60 -y 20
ui_expect a '> Чынара' "60x20 is enough"
ui_keys a Enter
ui_expect a 'Есть ли у вас дети' "the answer is saved after the resizes"
ui_keys a F10
ui_expect a 'черновик' "back on the start screen"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
expect_eq "$(sql "$DB" "select value from answers where path='name'")" 'Чынара' "the answer is stored"
done_testing
