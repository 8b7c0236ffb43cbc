# t0483-run-three-laptops: the fieldwork loop with three laptops — a frame, three interviewers'
# assignments and kits, each unit's interview made on its laptop through the UI, packed and
# merged: merging in any order gives the same rows in every table (the fieldwork tables too),
# and progress shows every unit complete.
. tests/lib.sh
. tests/ui/tmux.sh
FORM=tests/fixtures/fieldwork/mini.md
HQ=$TMP/hq.db
"$SURVEY" frame $FORM tests/fixtures/fieldwork/mini-frame.csv --db "$HQ" >/dev/null
i=0
for who in Айбек Марат Асель; do
	i=$((i + 1))
	"$SURVEY" assign "$HQ" --interviewer "$who" M-0$i >/dev/null
	"$SURVEY" kit "$HQ" --interviewer "$who" -o "$TMP/kit$i.db" --no-extra >/dev/null
	UI_INTERVIEWER=$who ui_start l$i "$FORM" --db "$TMP/laptop$i.db" --kit "$TMP/kit$i.db" --lang en
	ui_expect l$i "M-0$i" "laptop $i: its unit to do"
	ui_keys l$i Enter
	ui_expect l$i 'Oblast' "laptop $i: started"
	ui_keys l$i Enter
	ui_expect l$i 'Municipality' "laptop $i: the municipality"
	ui_keys l$i Enter
	ui_expect l$i 'Number of staff' "laptop $i: past the frame's answers"
	ui_type l$i "1$i"
	ui_expect l$i "> 1$i" "laptop $i: typed"
	ui_keys l$i Enter
	ui_expect l$i 'Remark' "laptop $i: the last question"
	ui_keys l$i Enter
	ui_expect l$i 'Complete the interview' "laptop $i: the end"
	ui_keys l$i 1
	ui_expect l$i 'complete ' "laptop $i: complete"
	ui_keys l$i q
	ui_exit l$i
	"$SURVEY" pack "$TMP/laptop$i.db" -o "$TMP/back$i.db" >/dev/null
done
rows() {
	for t in interviews answers events conflicts frame assignments reviews; do
		echo "== $t"
		sqlite3 "$1" "SELECT * FROM $t ORDER BY 1, 2, 3"
	done | sha256sum
}
run "$SURVEY" merge -o "$TMP/abc.db" "$TMP/back1.db" "$TMP/back2.db" "$TMP/back3.db"
expect_rc 0 "merge 1 2 3"
run "$SURVEY" merge -o "$TMP/cab.db" "$TMP/back3.db" "$TMP/back1.db" "$TMP/back2.db"
expect_rc 0 "merge 3 1 2"
expect_eq "$(rows "$TMP/abc.db")" "$(rows "$TMP/cab.db")" "the same rows in every table, in any order"
run "$SURVEY" merge -o "$HQ" "$TMP/back2.db" "$TMP/back3.db" "$TMP/back1.db"
expect_rc 0 "merged into HQ.db"
run "$SURVEY" merge -o "$HQ" "$TMP/back1.db"
expect_out "0 new, 1 identical" "again: nothing new"
expect_eq "$(sqlite3 "$HQ" "SELECT count(*) FROM interviews i JOIN assignments a ON a.uuid = i.uuid")" 3 \
	"each interview is its unit's, by the UUID made at assignment"
run "$SURVEY" list "$HQ" --by oblast --lang en
expect_out '^total +3 +3 +3 +3 +0 +100%$' "progress: every unit complete"
expect_out '^Units never reached \(no interview started\): 0$' "none left"
done_testing
