# t1011-receive-lock: `survey receive` takes the laptop file's lock (DB.lock, an flock, as
# `survey run` does): while another process holds it (another receive, a run) the receive is
# refused in one line and the file is unchanged; when it is free the kit is applied and no lock
# file is left behind.
. tests/lib.sh
fw_hq Айбек M-01
fw_kit Айбек "$TMP/kit.db"
"$SURVEY" assign "$HQ" --interviewer Айбек M-02 >/dev/null
fw_kit Айбек "$TMP/kit2.db"
"$SURVEY" receive "$TMP/kit.db" --db "$DB" >/dev/null
cp "$DB" "$TMP/before.db"

# another process holds the lock, as a second receive or a run would: a shell that takes it
# on a descriptor and becomes the sleep (killing it frees the lock)
sh -c 'exec 9>"$1"; flock 9 && exec sleep 60' sh "$DB.lock" &
holder=$!
i=0
while [ $i -lt 150 ] && flock -n "$DB.lock" true 2>/dev/null; do   # until the holder has it
	sleep 0.2
	i=$((i + 1))
done
run "$SURVEY" receive "$TMP/kit2.db" --db "$DB"
expect_rc 1 "a receive while the file is locked: refused"
expect_err "^survey: '.*laptop.db' is in use by another survey command \(run or receive\): wait for it to end or close it, and try again$" "says why"
expect_err_lines 1 "in one line"
cmp -s "$DB" "$TMP/before.db" && ok "the laptop file unchanged" || not_ok "the laptop file changed"
run "$SURVEY" receive "$TMP/kit2.db" --db "$DB" --lang ru
expect_err "занят другой командой survey" "in Russian with --lang ru"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
run "$SURVEY" receive "$TMP/kit2.db" --db "$DB"
expect_rc 0 "once the lock is free, the kit is applied"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM assignments")" 2 "the new assignment arrived"
[ -e "$DB.lock" ] && not_ok "a lock file was left behind" || ok "no lock file left behind"
done_testing
