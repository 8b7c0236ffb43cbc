# t0450-simulate-seed: the same seed gives the same interviews; another seed other ones.
. tests/lib.sh
form=surveys/covid19-lsg.md

# every column, times included: simulate drives the store with its own seeded clock
dump() { sqlite3 "$1" 'select * from answers order by 1,2'; }
ivs() { sqlite3 "$1" 'select * from interviews order by 1'; }
evs() { sqlite3 "$1" 'select * from events order by 1,2'; }

run "$SURVEY" simulate "$form" -n 30 --db "$TMP/a.db" --seed 7
expect_rc 0 "simulate 30 interviews"
expect_err "30 interviews" "a summary on stderr"
expect_eq "$(wc -c <"$TMP/out")" 0 "nothing on stdout"
run "$SURVEY" simulate "$form" -n 30 --db "$TMP/b.db" --seed 7 --quiet
expect_rc 0 "simulate again with the same seed"
expect_eq "$(wc -c <"$TMP/err")" 0 "--quiet prints nothing"
expect_eq "$(dump "$TMP/a.db" | sha256sum)" "$(dump "$TMP/b.db" | sha256sum)" \
	"the same seed gives the same answers"
expect_eq "$(ivs "$TMP/a.db" | sha256sum)" "$(ivs "$TMP/b.db" | sha256sum)" \
	"the same seed gives the same interviews (UUIDs, devices, times, hashes)"
expect_eq "$(evs "$TMP/a.db" | sha256sum)" "$(evs "$TMP/b.db" | sha256sum)" \
	"the same seed gives the same events (times and offsets too)"
n=$(sqlite3 "$TMP/a.db" 'select count(*) from answers')
[ "$n" -gt 600 ] && ok "answers were made ($n)" || not_ok "only $n answers"

run "$SURVEY" simulate "$form" -n 30 --db "$TMP/c.db" --seed 8 --quiet
expect_rc 0 "simulate with another seed"
[ "$(dump "$TMP/a.db" | sha256sum)" != "$(dump "$TMP/c.db" | sha256sum)" ] &&
	ok "another seed gives other answers" || not_ok "seeds 7 and 8 gave the same answers"

uuids=$(sqlite3 "$TMP/a.db" "select count(*) from interviews
	where uuid glob '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-*-4*'
	and substr(uuid, 20, 1) in ('8','9','a','b') and length(uuid) = 36")
expect_eq "$uuids" 30 "UUIDs are version 4"
created=$(sqlite3 "$TMP/a.db" "select count(*) from interviews where created between '2021' and '2022'")
expect_eq "$created" 30 "the simulated clock puts the interviews in 2021"
sqlite3 "$TMP/a.db" 'pragma integrity_check' >"$TMP/ic"
expect_eq "$(cat "$TMP/ic")" ok "integrity_check is ok"

done_testing
