# t0530-merge-kill: kill -9 at random moments during a merge leaves the output either as it was
# before that input or as after it, and sound (PRAGMA integrity_check). FULL=1: more rounds.
# The kill moments come from SEED (printed; SEED=N replays a run); at least one kill must land
# while the merge is running, or the test proves nothing and fails.
. tests/lib.sh
. tests/cli/merge-lib.sh

laptops "$TMP/l" 1 30 5 1          # already in the output
laptops "$TMP/l" 1 1500 6 2        # the large input being merged when killed
"$SURVEY" merge -o "$TMP/base.db" "$TMP/l/laptop01.db" >/dev/null || not_ok "first merge"
cp "$TMP/base.db" "$TMP/after.db"
t0=$(date +%s.%N)
"$SURVEY" merge -o "$TMP/after.db" "$TMP/l/laptop02.db" >/dev/null || not_ok "reference merge"
took=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
before=$(rows "$TMP/base.db")
after=$(rows "$TMP/after.db")

SEED=${SEED:-$(date +%s)}
echo "# seed $SEED (replay: SEED=$SEED sh tests/cli/t0530-merge-kill.sh)"
rounds=${FULL:+20}
rounds=${rounds:-5}
seen_before=0 seen_after=0 landed=0
i=0
while [ $i -lt "$rounds" ]; do
	i=$((i + 1))
	cp "$TMP/base.db" "$TMP/out.db"
	rm -f "$TMP/out.db-journal"
	"$SURVEY" merge -o "$TMP/out.db" "$TMP/l/laptop02.db" >/dev/null 2>&1 &
	pid=$!
	# a moment from the start to just after the end of a merge of that input
	sleep "$(awk -v s="$SEED$i" -v t="$took" 'BEGIN { srand(s); printf "%.3f", rand() * t * 1.05 }')"
	# kill succeeds only on a merge still running; wait then says how it ended (137: killed)
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	[ $? -eq 137 ] && landed=$((landed + 1))
	check=$(sqlite3 "$TMP/out.db" "PRAGMA integrity_check")
	now=$(rows "$TMP/out.db")
	if [ "$check" != ok ]; then
		not_ok "round $i: the output is damaged: $check"
	elif [ "$now" = "$before" ]; then
		seen_before=$((seen_before + 1)); ok "round $i: killed, the output is as before"
	elif [ "$now" = "$after" ]; then
		seen_after=$((seen_after + 1)); ok "round $i: the output is as after the input"
	else
		not_ok "round $i: the output is neither as before nor as after"
	fi
done
if [ "$landed" -ge 1 ]; then ok "$landed of $rounds kills landed while the merge ran"
else not_ok "no kill landed while the merge ran (seed $SEED): the rounds proved nothing"; fi
# after a kill, the next merge completes the work
"$SURVEY" merge -o "$TMP/out.db" "$TMP/l/laptop02.db" >/dev/null 2>&1
expect_eq "$(rows "$TMP/out.db")" "$after" "merging again after a kill gives the full result"

done_testing
