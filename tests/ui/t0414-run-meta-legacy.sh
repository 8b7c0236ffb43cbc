# t0414-run-meta-legacy: in `survey run`, metadata (start, today, deviceid, username, and the
# phonenumber, simserial, subscriberid, email, audit, start-geopoint a laptop records blank) are
# never shown: the interview opens on the first question; old type spellings ask as the modern
# types; username is the --interviewer name.
. tests/lib.sh
. tests/ui/tmux.sh
FORM=tests/fixtures/forms/meta-legacy.md
DB=$TMP/meta.db

ui_start a "$FORM" --db "$DB" --interviewer Айбек
ui_keys a n
ui_expect a 'Do you agree\?' "the interview opens on the first question, no metadata shown"
ui_keys a 1 Enter
ui_expect a 'Which fruits\?' "select one from LIST asks as select_one"
ui_keys a 1 2 Enter
ui_expect a 'Again\?' "select all that apply from LIST ticks several"
ui_keys a 2 Enter
ui_expect a 'Age in years' "add integer prompt: the hint stands in for the missing label"
ui_type a 'x'
ui_expect a '[Ww]hole number' "add integer prompt asks for a whole number (a letter is refused as typed)"
ui_type a '41'
ui_keys a Enter
ui_expect a 'Weight' "the decimal question follows"
ui_keys a F10
ui_expect a 'not finished|draft|Draft' "F10 leaves to the start screen"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits with status 0"
ui_no_stderr a "nothing on stderr"
expect_eq "$(sql "$DB" "select value from answers where path='fruits'")" 'apple pear' \
	"both fruits are stored"
expect_eq "$(sql "$DB" "select value from answers where path='username'")" 'Айбек' \
	"username is the interviewer"
expect_eq "$(sql "$DB" "select count(*) from answers where path in ('phone', 'sim', 'subscriber', 'email', 'audit', 'where')")" 0 \
	"blank metadata store nothing"

done_testing
