# t0491-run-sealed: `survey run --public-key` (Russian): completing an interview seals it — the
# status line says so, the start screen marks it sealed and refuses to open it (saying why); a
# draft stays readable and resumes; no answer text is left in the file or its WAL.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/x.db
"$SURVEY" keygen -o "$TMP/coord" >/dev/null 2>&1 || not_ok "keygen"

ui_start a tests/fixtures/ui/small.md --db "$DB" --lang ru --public-key "$TMP/coord.pub"
ui_expect a 'Интервью пока нет' "the start screen (Russian)"
ui_keys a n
ui_expect a 'Здравствуйте' "an interview"
ui_keys a Enter
ui_type a 'ZEBRAUISEAL'
ui_keys a Enter
ui_expect a 'Есть ли у вас дети' "the second question"
ui_keys a 2 Enter
ui_expect a 'Какие фрукты' "the third"
ui_keys a F9 End Enter
ui_expect a 'Интервью завершено и запечатано для координатора\.' "completing says it is sealed"
ui_expect a 'запечатано' "the start screen marks the row sealed"
expect_eq "$(sql "$DB" "SELECT count(*) FROM sealed")|$(sql "$DB" "SELECT count(*) FROM interviews")" "1|0" \
	"the interview is a sealed record, no plain rows"
n=0
for f in "$DB" "$DB-wal"; do
	[ -f "$f" ] && grep -q -a ZEBRAUISEAL "$f" && n=$((n + 1))
done
expect_eq "$n" 0 "while run still has the file open, the answer is in no byte of it or its WAL"
ui_keys a Enter
ui_expect a 'Интервью запечатано для координатора: на ноутбуке оно не открывается\.' \
	"Enter on it says why it cannot be opened"
# a draft next to it
ui_keys a n
ui_expect a 'Здравствуйте' "another interview"
ui_keys a Enter
ui_type a 'DRAFTNAME'
ui_keys a Enter
ui_expect a 'Есть ли у вас дети' "its second question"
ui_keys a F10
ui_expect a 'черновик' "left as a draft"
expect_eq "$(sql "$DB" "SELECT value FROM answers WHERE path = 'name'")" DRAFTNAME "the draft's answer is readable"
ui_keys a f f
ui_expect a 'запечатано' "the complete filter shows the sealed interview"
ui_keys a f f f
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
n=0
for f in "$DB" "$DB-wal" "$DB-journal"; do
	[ -f "$f" ] && grep -q -a ZEBRAUISEAL "$f" && n=$((n + 1))
done
expect_eq "$n" 0 "the completed interview's answer is in no byte of the file or its WAL"
cp "$DB" "$TMP/open.db"
run "$SURVEY" unseal "$TMP/open.db" --key "$TMP/coord.key"
expect_rc 0 "the coordinator's key opens it"
expect_eq "$(sql "$TMP/open.db" "SELECT value FROM answers a JOIN interviews i USING (uuid) WHERE i.status = 'complete' AND path = 'name'")" \
	ZEBRAUISEAL "with the answer given"
done_testing
