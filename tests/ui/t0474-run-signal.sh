# t0474-run-signal: text typed but not confirmed survives SIGTERM and SIGHUP (the terminal
# closed: tmux kill-session). The engine's save rules decide: a valid text is saved as the
# answer; one the engine refuses (a date out of range) leaves the answer as it was and is kept
# beside it as an event of kind "unsaved"; an open comment is saved too.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/s.db
pid_of() { pgrep -f "run tests/fixtures/ui/question.md --db $DB" | head -1; }
# gone: wait (bounded) until the program has ended (a killed session writes no status file)
gone() { i=0; while [ -n "$(pid_of)" ] && [ $i -lt 300 ]; do sleep 0.05; i=$((i + 1)); done; }
ans() { sql "$DB" "select coalesce(value,'(null)')||':'||state from answers where path='$1'"; }

ui_start a tests/fixtures/ui/question.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_type a 'Кара-Суу айылы'
ui_expect a '> Кара-Суу айылы' "typed, not confirmed"
kill -TERM "$(pid_of)"
ui_exit a
expect_eq "$(ans s1/muni)" 'Кара-Суу айылы:answered' "SIGTERM: the typed text is saved as the answer"
expect_eq "$(sql "$DB" "select kind from events order by seq desc limit 1")" left "and the interview is left as F10 leaves it"
ui_no_stderr a "nothing on stderr"

ui_start b tests/fixtures/ui/question.md --db "$DB" --lang ky
ui_expect b 'Интервьюлар' "the start screen again"
ui_keys b Enter
ui_expect b '> Кара-Суу айылы' "the draft opens on the question with its answer"
ui_step b 'Интервью алынган күн' Enter
ui_keys b C-u
ui_type b '2099-01-01'
ui_expect b '> 2099-01-01' "a date the form refuses, typed and not confirmed"
T kill-session -t b
gone
expect_eq "$(sql "$DB" "select count(*) from answers where path='s1/idate'")" 0 "SIGHUP: the refused date is not saved as the answer"
expect_eq "$(sql "$DB" "select kind||' '||path||' '||new_value from events where kind='unsaved'")" 'unsaved s1/idate 2099-01-01' "it is kept as an event"

ui_start c tests/fixtures/ui/question.md --db "$DB" --lang ky
ui_keys c Enter
ui_expect c 'Интервью алынган күн' "the draft again"
ui_keys c F4
ui_type c 'Күнүн текшерүү керек'
ui_expect c 'Күнүн текшерүү керек' "a comment typed, not confirmed"
T kill-session -t c
gone
expect_eq "$(sql "$DB" "select new_value from events where kind='comment'")" 'Күнүн текшерүү керек' "SIGHUP: the comment is saved"
expect_eq "$(sql "$DB" "pragma integrity_check")" ok "the database is sound"
done_testing
