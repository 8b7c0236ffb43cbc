# t0413-run-discard: an accidental draft can be discarded with d and two confirmations; it stays
# in the file as 'discarded' (with an event), leaves the list (f shows it), cannot be opened,
# and a completed interview cannot be discarded.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/x.db

ui_start a tests/fixtures/ui/small.md --db "$DB" --lang ru
ui_expect a 'Интервью пока нет' "the start screen (Russian)"
ui_keys a n
ui_expect a 'Здравствуйте' "an interview"
ui_keys a F10
ui_expect a 'черновик' "an empty draft"
U=$(sql "$DB" "SELECT uuid FROM interviews")
ui_keys a d
ui_expect a 'Отбросить интервью «[0-9a-f]{8}.*»\? Оно останется в файле' "d asks (in Russian)"
ui_expect a '1 отбросить +Esc оставить' "its keys"
ui_keys a Escape
ui_lacks a 'Отбросить интервью «' "Esc keeps it"
ui_keys a d 1
ui_expect a 'Точно отбросить' "1 asks a second time"
ui_keys a 1
ui_expect a 'Точно отбросить' "the second question wants Enter, not 1"
ui_keys a Escape
expect_eq "$(sql "$DB" "SELECT status FROM interviews")" draft "Esc at the second question: still a draft"
ui_keys a d 1 Enter
ui_expect a 'отброшено\.' "discarded, and it says so"
ui_expect a 'Интервью пока нет|подходящих под этот фильтр' "it leaves the list"
expect_eq "$(sql "$DB" "SELECT status FROM interviews WHERE uuid = '$U'")" discarded "kept in the file as discarded"
expect_eq "$(sql "$DB" "SELECT kind || ':' || new_value FROM events WHERE uuid = '$U' ORDER BY seq DESC LIMIT 1")" \
	"discarded:interviewer" "with an event"
ui_keys a f f f
ui_expect a '\[отброшенные\]' "f shows the discarded ones"
ui_expect a 'отброшено' "the row says discarded"
ui_keys a Enter
ui_expect a 'Отброшенное интервью не открывается' "it cannot be opened"
ui_keys a f
ui_expect a '\[все\]' "back to all"
# a completed one cannot be discarded
ui_keys a n
ui_expect a 'Здравствуйте' "another interview"
ui_keys a Enter
ui_type a 'Asel'
ui_keys a Enter
ui_expect a 'Есть ли у вас дети' "the second question"
ui_keys a 2 Enter
ui_expect a 'Какие фрукты' "the third"
ui_keys a F9 End Enter
ui_expect a 'завершено' "completed"
ui_keys a d
ui_expect a 'Отбросить можно только черновик' "d on a completed interview is refused"
expect_eq "$(sql "$DB" "SELECT group_concat(status, ',') FROM (SELECT status FROM interviews ORDER BY status)")" \
	"complete,discarded" "the completed one is untouched"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
run "$SURVEY" list "$DB" --lang en   # (without it: Russian, the language chosen in run)
expect_out "^2 interviews: 1 complete, 0 draft, 1 discarded" "survey list counts it apart"
done_testing
