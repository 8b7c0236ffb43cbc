# t1104-seal-kill: kill -9 at random moments while a laptop completes and seals interviews (simulate
# --batch 1: each interview its own transaction, as in `survey run`) loses nothing: the file is
# sound, every interview committed is there either as plain rows (a draft) or as a sealed record
# that opens with the key, never both, no completed interview is left in plain rows, and they are
# exactly the first ones of an uninterrupted run. FULL=1: more rounds. The kill moments come from
# SEED (printed; SEED=N replays a run on a machine as fast); at least one kill must land while
# sealing runs: after a kill that came too late (the machine got faster than during the reference
# run), the later rounds aim within half the time.
. tests/lib.sh
. tests/cli/seal-lib.sh
keys coord
form=tests/fixtures/forms/basic.md
N=${FULL:+600}
N=${N:-80}
sim() { "$SURVEY" simulate "$form" -n "$N" --drafts 0.2 --seed 11 --batch 1 --quiet \
	--public-key "$TMP/coord.pub" --db "$1"; }
t0=$(date +%s.%N)
sim "$TMP/ref.db" || not_ok "the reference run"
took=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
cp "$TMP/ref.db" "$TMP/refopen.db"
"$SURVEY" unseal "$TMP/refopen.db" --key "$TMP/coord.key" >/dev/null || not_ok "unseal the reference"
Q "$TMP/refopen.db" "SELECT uuid FROM interviews ORDER BY created, uuid" >"$TMP/order"
expect_eq "$(wc -l <"$TMP/order")" "$N" "the reference run holds every interview once unsealed"

SEED=${SEED:-$(date +%s)}
echo "# seed $SEED (replay: SEED=$SEED sh tests/cli/t1104-seal-kill.sh)"
rounds=${FULL:+30}
rounds=${rounds:-4}
landed=0 i=0
scale=1   # halved after a kill that came too late (this run faster than the reference's)
while [ $i -lt "$rounds" ]; do
	i=$((i + 1))
	rm -f "$TMP/k.db" "$TMP/k.db-wal" "$TMP/k.db-shm" "$TMP/k.db-journal"
	(exec "$SURVEY" simulate "$form" -n "$N" --drafts 0.2 --seed 11 --batch 1 --quiet \
		--public-key "$TMP/coord.pub" --db "$TMP/k.db") &
	pid=$!   # the program itself (exec): kill -9 reaches it
	sleep "$(awk -v s="$SEED$i" -v t="$took" -v k="$scale" 'BEGIN { srand(s); printf "%.3f", 0.05 + rand() * t * k }')"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	if [ $? -eq 137 ]; then landed=$((landed + 1)); else scale=$(awk -v k="$scale" 'BEGIN { print k / 2 }'); fi
	[ -e "$TMP/k.db" ] || { ok "round $i: killed before the file was made"; continue; }
	check=$(Q "$TMP/k.db" "PRAGMA integrity_check")
	plain=$(Q "$TMP/k.db" "SELECT count(*) FROM interviews WHERE status <> 'draft'")
	both=$(Q "$TMP/k.db" "SELECT count(*) FROM sealed WHERE uuid IN (SELECT uuid FROM interviews)")
	Q "$TMP/k.db" "SELECT uuid FROM interviews UNION SELECT uuid FROM sealed" | sort >"$TMP/got"
	k=$(wc -l <"$TMP/got")
	head -n "$k" "$TMP/order" | sort >"$TMP/want"
	cp "$TMP/k.db" "$TMP/kopen.db"
	rm -f "$TMP/kopen.db-wal"
	[ -e "$TMP/k.db-wal" ] && cp "$TMP/k.db-wal" "$TMP/kopen.db-wal"
	Q "$TMP/kopen.db" "PRAGMA journal_mode = DELETE" >/dev/null
	opens=$("$SURVEY" unseal "$TMP/kopen.db" --key "$TMP/coord.key" 2>&1 >/dev/null && echo yes)
	if [ "$check" != ok ]; then
		not_ok "round $i: the file is damaged: $check"
	elif [ "$plain" != 0 ] || [ "$both" != 0 ]; then
		not_ok "round $i: $plain completed interviews in plain rows, $both both plain and sealed"
	elif ! cmp -s "$TMP/got" "$TMP/want"; then
		not_ok "round $i: the $k interviews there are not the first $k of the run"
	elif [ "$opens" != yes ]; then
		not_ok "round $i: a sealed record does not open: $opens"
	else
		ok "round $i: $k interviews, each a draft or a sealed record that opens"
	fi
done
if [ "$landed" -ge 1 ]; then ok "$landed of $rounds kills landed while interviews were sealed"
else not_ok "no kill landed while simulate ran (seed $SEED): the rounds proved nothing"; fi
done_testing
