# t1051-simulate-flags: `survey simulate --flag NAME` makes interviews that `survey review` flags,
# for demonstrations — too fast, at night (Kyrgyzstan time), full of don't know — a share
# --flagged of them, drawn from the seed (the simulate tests check that data without --flag stay
# those of before).
. tests/lib.sh
FORM=surveys/covid19-lsg.md
export TZ=Asia/Bishkek
flags() { "$SURVEY" review "$1" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)["interviews"]
for f in sys.argv[1:]:
    print(f, sum(f in i["flags"] for i in d))' too-fast night dont-know; }

"$SURVEY" simulate "$FORM" -n 20 --db "$TMP/plain.db" --seed 9 --drafts 0 --quiet 2>/dev/null
"$SURVEY" simulate "$FORM" -n 20 --db "$TMP/plain2.db" --seed 9 --drafts 0 --quiet --flag too-fast --flagged 0 2>/dev/null
expect_eq "$(flags "$TMP/plain2.db" | head -1)" "too-fast 0" "a share of 0 flags nothing"
expect_eq "$(flags "$TMP/plain.db" | head -1)" "too-fast 0" "no too-fast interview without --flag"
for f in too-fast night dont-know; do
	run "$SURVEY" simulate "$FORM" -n 20 --db "$TMP/$f.db" --seed 9 --drafts 0 --quiet --flag "$f" --flagged 0.3
	expect_rc 0 "simulate --flag $f"
	n=$(flags "$TMP/$f.db" | grep "^$f " | cut -d' ' -f2)
	base=$(flags "$TMP/plain.db" | grep "^$f " | cut -d' ' -f2)
	[ "$n" -gt "$base" ] && ok "$f: $n flagged (without: $base)" || not_ok "$f: $n flagged, without: $base"
done
run "$SURVEY" simulate "$FORM" -n 2 --db "$TMP/x.db" --flag sleepy
expect_rc 2 "an unknown flag"
expect_err "unknown --flag 'sleepy' \(too-fast, straight-line, night or dont-know\)" "names the flags"
run "$SURVEY" simulate "$FORM" -n 2 --db "$TMP/x.db" --flag night --flagged 2
expect_rc 2 "a share above 1"
done_testing
