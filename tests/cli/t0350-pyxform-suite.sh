# t0350-pyxform-suite: forms of our own mirroring pyxform's public test suite (each file names
# the pyxform test it mirrors; list and figures in tests/fixtures/pyxform-suite/README.md).
# `survey check` (the ASan binary under `make test`) on every one: an accept/ form must pass,
# a reject/ form must be refused with exit 1 and only one-line diagnostics; none may crash.
# The goals: at least 98% of accepts accepted, at least 95% of rejects rejected.
. tests/lib.sh
D=tests/fixtures/pyxform-suite
DIAG='^[^ ]+: (error|warning): '   # FILE[:SHEET[:ROW]]: error: ...

na=0 pa=0 nr=0 pr=0 crashes=0
for f in $D/accept/*.md; do
	na=$((na + 1))
	run "$SURVEY" check "$f"
	if [ "$RC" -gt 1 ] || grep -q 'Sanitizer\|runtime error' "$TMP/err"; then
		crashes=$((crashes + 1))
		not_ok "$f: crashed (exit $RC): $(head -c 300 "$TMP/err")"
	elif [ "$RC" -eq 0 ]; then
		pa=$((pa + 1))
	else
		echo "# accept refused: $f: $(grep ': error: ' "$TMP/err" | head -1)"
	fi
done
for f in $D/reject/*.md; do
	nr=$((nr + 1))
	run "$SURVEY" check "$f"
	if [ "$RC" -gt 1 ] || grep -q 'Sanitizer\|runtime error' "$TMP/err"; then
		crashes=$((crashes + 1))
		not_ok "$f: crashed (exit $RC): $(head -c 300 "$TMP/err")"
	elif [ "$RC" -eq 1 ] && grep -q ': error: ' "$TMP/err" && ! grep -Evq "$DIAG" "$TMP/err" &&
		[ ! -s "$TMP/out" ]; then
		pr=$((pr + 1))
	else
		echo "# reject missed: $f (exit $RC): $(head -c 200 "$TMP/err")"
	fi
done
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b ? 100 * a / b : 0 }'; }
echo "# accepts accepted: $pa/$na ($(pct $pa $na)%); rejects rejected: $pr/$nr ($(pct $pr $nr)%)"
expect_eq "$crashes" 0 "no form crashes check"
[ $((na + nr)) -ge 120 ] && ok "at least 120 forms ($na + $nr)" || not_ok "only $((na + nr)) forms"
[ $((pa * 100)) -ge $((na * 98)) ] && ok "at least 98% of accepts accepted ($pa/$na)" ||
	not_ok "accepts accepted: $pa/$na, below 98%"
[ $((pr * 100)) -ge $((nr * 95)) ] && ok "at least 95% of rejects rejected ($pr/$nr)" ||
	not_ok "rejects rejected: $pr/$nr, below 95%"

# the engine runs what check accepts: simulate a few accepted forms end to end
for n in loop-basic trigger-two-targets randomize-seed-ref rank-filter range-spaced-equals; do
	run "$SURVEY" simulate "$D/accept/$n.md" -n 3 --db "$TMP/$n.db" --seed 1
	expect_rc 0 "$n simulates"
	run "$SURVEY" export "$TMP/$n.db" -o "$TMP/$n.csv"
	expect_rc 0 "$n exports"
done
done_testing
