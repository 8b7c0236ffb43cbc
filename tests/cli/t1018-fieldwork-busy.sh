# t1018-fieldwork-busy: `frame` and `assign` on an HQ.db another program is writing (a sqlite3
# client holding a write transaction open) wait for it (SQLite's busy timeout), then refuse in one line in the
# chosen language — the file in use, nothing changed, close the other program and try again —
# with no English word in Kyrgyz or Russian; HQ.db keeps its bytes.
. tests/lib.sh
FORM=surveys/covid19-lsg.md
HQ=$TMP/hq.db
"$SURVEY" frame $FORM tests/fixtures/fieldwork/frame-60.csv --db "$HQ" >/dev/null
printf 'unit_id,oblast,district,municipality_type,municipality_name,population\nNEW-1,chuy,kemin,ayil_okmotu,Жаңы,1200\n' >"$TMP/new.csv"

# another program holds a write transaction on HQ.db until told to end it
mkfifo "$TMP/ctl"
sqlite3 "$HQ" <"$TMP/ctl" >/dev/null 2>&1 &
holder=$!
exec 3>"$TMP/ctl"
# The holder waits for the probe below (its own busy timeout): without it, a probe that holds
# the lock for a moment makes the holder's BEGIN fail and its INSERT commit on its own.
echo ".timeout 20000" >&3
echo "BEGIN IMMEDIATE; INSERT INTO meta(key, value) VALUES ('t1018', 'held');" >&3
n=0   # until the lock is held: another writer is refused at once
while sqlite3 "$HQ" "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1 && [ $n -lt 400 ]; do
	n=$((n + 1))
	sleep 0.05
done
[ $n -lt 400 ] && ok "the other program holds the write lock" || not_ok "the other program never took the write lock"
cp "$HQ" "$TMP/before.db"

run "$SURVEY" frame $FORM "$TMP/new.csv" --db "$HQ" --lang ky
expect_rc 1 "frame on a file in use (ky)"
expect_err_lines 1 "one line (ky)"
expect_err "^survey: «.*hq.db» файлын башка 'survey' программасы колдонуп жатат: эч нерсе өзгөргөн жок; аны жаап, кайра аракет кылыңыз$" "in Kyrgyz"
run "$SURVEY" assign "$HQ" --interviewer A --where oblast=chuy --lang ru
expect_rc 1 "assign on a file in use (ru)"
expect_err "^survey: «.*hq.db» занят другой программой 'survey': ничего не изменилось; закройте её и повторите: ничего не назначено$" "in Russian"

echo "ROLLBACK;" >&3
exec 3>&-
wait $holder
cmp -s "$HQ" "$TMP/before.db" && ok "HQ.db unchanged" || not_ok "HQ.db changed"
expect_eq "$(sqlite3 "$HQ" "SELECT count(*) FROM frame WHERE unit_id = 'NEW-1'") $(sqlite3 "$HQ" "SELECT count(*) FROM assignments")" "0 0" "nothing added, nothing assigned"
run "$SURVEY" assign "$HQ" --interviewer A --where oblast=chuy --lang en
expect_rc 0 "once the other program is done, assign works"
done_testing
