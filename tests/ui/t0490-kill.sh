# t0490-kill: kill -9 the UI at random points of an interview. Before each kill some answers
# have shown as saved (the status line's mark after the screen moved on) and one more may be
# on its way; after it, every answer the screen showed as saved must be in the database, and
# PRAGMA integrity_check must say ok. A few kills by default, 200 with FULL=1 (make test-full).
# The random choices come from SEED (printed; SEED=N replays the same keys and kill points;
# the kill moment itself still depends on the machine's speed).
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/kill.db
FORM=tests/fixtures/ui/small.md
KILLS=${KILLS:-$([ "${FULL:-0}" = 1 ] && echo 200 || echo 5)}

SEED=${SEED:-$(date +%s)}
echo "# seed $SEED (replay: SEED=$SEED sh tests/ui/t0490-kill.sh)"
RND=$SEED
rand() { # rand VAR: VAR = the next number 0..65535 of a linear congruential sequence from SEED
	RND=$(( (RND * 1103515245 + 12345) % 2147483648 ))
	eval "$1=\$(( RND / 65536 ))"
}

# do_step I: send the keys of answer I of the current interview (without waiting). Sets NEXT
# (what the screen shows once it is saved and moved on) and CHECK (a query whose answer must
# then be "1"), or CHECK="" when the step saves nothing to check.
do_step() {
	CHECK=
	case $1 in
	0)
		ui_keys k Enter
		NEXT='Атыңыз ким' ;;
	1)
		v="Ө-$it-ң-ү"
		ui_type k "$v"
		ui_keys k Enter
		NEXT='Балдарыңыз барбы'
		CHECK="path='name' and value='$v'" ;;
	2)
		rand r; kids=$(( r % 2 + 1 ))
		ui_keys k $kids Enter
		if [ $kids = 1 ]; then NEXT='Канча балаңыз'; v=yes; else NEXT='Кайсы жемиштерди'; v=no; fi
		CHECK="path='has_kids' and value='$v'" ;;
	3)
		if [ $kids = 1 ]; then
			rand r; n=$(( r % 20 + 1 ))
			ui_type k "$n"
			ui_keys k Enter
			CHECK="path='n_kids' and value='$n'"
		fi
		NEXT='Кайсы жемиштерди' ;;
	4)
		ui_keys k 1 3 Enter
		NEXT='Жашаган жер'
		CHECK="path='fruit' and value='apple melon'" ;;
	5)
		ui_type k "Айыл $it"
		ui_keys k Tab
		ui_type k "$(( it % 100 ))"
		ui_keys k Enter
		NEXT='Кошумча пикир'
		CHECK="(path='place/village' and value='Айыл $it') or (path='place/years' and value='$(( it % 100 ))')"
		CHECK_N=2 ;;
	6)
		ui_type k "Пикир $it: жакшы"
		ui_keys k Enter
		NEXT='Суроолор бүттү'
		CHECK="path='comment' and value='Пикир $it: жакшы'" ;;
	7)
		ui_keys k 1
		NEXT='Интервьюлар'
		CHECK=complete ;;
	esac
}

lost=0 bad=0 kills=0
it=0
while [ $it -lt "$KILLS" ]; do
	it=$((it + 1))
	ui_start k "$FORM" --db "$DB" --lang ky
	if ! ui_wait k 'Интервьюлар'; then
		not_ok "run $it: the start screen did not come"
		sed 's/^/#  |/' "$TMP/screen"
		break
	fi
	ui_keys k n
	ui_wait k '[0-9a-f]{8}  \[ky\]' || { not_ok "run $it: no interview"; break; }
	uuid=$(tail -1 "$TMP/screen" | grep -Eo '[0-9a-f]{8}  \[ky\]' | cut -c1-8)
	# confirm a random number of answers as saved, then send one more and kill at once or a
	# few milliseconds later: often in the middle of its commit
	rand r; confirm=$(( r % 8 ))
	checks=""
	step=0
	while [ $step -lt $confirm ]; do
		CHECK_N=1
		do_step $step
		# the next screen is drawn only after the commit returned; its status line (maybe
		# drawn a moment later) shows the saved mark
		if ! ui_wait k "$NEXT" || { [ -n "$CHECK" ] && ! ui_wait k 'сакталды|Интервьюлар'; }; then
			not_ok "run $it: step $step did not show as saved"
			sed 's/^/#  |/' "$TMP/screen"
			break 2
		fi
		[ -n "$CHECK" ] && checks="$checks
$CHECK_N|$CHECK"
		step=$((step + 1))
	done
	do_step $step
	rand r; delay=$(( r % 40 ))
	[ $delay -gt 0 ] && sleep "0.0$(printf %02d $delay)"
	pid=$(T list-panes -t k -F '#{pane_pid}' 2>/dev/null)
	spid=$([ -n "$pid" ] && pgrep -P "$pid" | head -1)
	[ -n "$spid" ] && kill -9 "$spid" && kills=$((kills + 1))
	ui_exit k 10
	T kill-session -t k 2>/dev/null

	# every answer shown as saved is there
	echo "$checks" | while IFS='|' read -r want cond; do
		[ -n "$cond" ] || continue
		if [ "$cond" = complete ]; then
			got=$(sql "$DB" "select count(*) from interviews where uuid like '$uuid%' and status='complete'")
			want=1
		else
			got=$(sql "$DB" "select count(*) from answers where uuid like '$uuid%' and ($cond)")
		fi
		[ "$got" = "$want" ] || echo "run $it ($uuid): lost: $cond" >>"$TMP/lost"
	done
	r=$(sql "$DB" "pragma integrity_check")
	[ "$r" = ok ] || { bad=$((bad + 1)); echo "run $it: integrity_check: $r" >>"$TMP/lost"; }
done

[ -s "$TMP/lost" ] && lost=$(wc -l <"$TMP/lost")
expect_eq "$kills" "$KILLS" "the UI was killed $KILLS times"
if [ "$lost" -eq 0 ]; then
	ok "no answer shown as saved was lost in $kills kills"
else
	not_ok "$lost problems in $kills kills"
	sed 's/^/#  /' "$TMP/lost" | head -20
fi
expect_eq "$bad" 0 "PRAGMA integrity_check said ok after every kill"
n=$(sql "$DB" "select count(*) from interviews")
expect_eq "$n" "$KILLS" "one interview per run"
done_testing
