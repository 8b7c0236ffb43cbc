# t0523-merge-hostile-set: a second set of 44 crafted laptop files (tests/cli/craft-hostile-set.py,
# written apart from t0521's), each made from a genuine pack of the shipped survey: schema tricks,
# NULLs and wrong types behind restored schemas, UUIDs that differ only in case or spaces, invalid
# answers with recomputed content hashes, forms meant to take over, conflicts with bad JSON, a WAL
# file. Each is refused with one line (exit 1, the output byte-identical, the input unchanged,
# nothing left beside it, no raw escape printed) or, where it is not hostile, merged; the good
# file given before it on the same command line is always merged.
. tests/lib.sh

W=$TMP/w
mkdir -p "$W"
# the genuine pack crafted from is of schema 7 (its tables are written by Python)
schema7 "$SURVEY" simulate surveys/covid19-lsg.md -n 30 --db "$TMP/lap.db" --seed 1 >/dev/null 2>&1 &&
	"$SURVEY" pack "$TMP/lap.db" -o "$TMP/good.db" >/dev/null &&
	"$SURVEY" simulate surveys/covid19-lsg.md -n 20 --db "$TMP/lap2.db" --seed 2 >/dev/null 2>&1 &&
	"$SURVEY" pack "$TMP/lap2.db" -o "$TMP/good2.db" >/dev/null || { not_ok "cannot make the packs"; exit 1; }
python3 tests/cli/craft-hostile-set.py "$TMP/good.db" "$TMP/h" >/dev/null || { not_ok "cannot craft"; exit 1; }
"$SURVEY" merge -o "$W/base.db" "$TMP/good2.db" >/dev/null 2>&1 || not_ok "the base merge"
sha() { sha256sum <"$1" | cut -c1-64; }
esc=$(printf '\033')
while read -r f exp; do
	in=$TMP/h/$f
	ls "$TMP/h" >"$W/ls.before"
	before=$(sha "$in")
	cp "$W/base.db" "$W/c.db"
	b=$(sha "$W/c.db")
	run "$SURVEY" merge -o "$W/c.db" "$in"
	case $exp in
	refuse)	expect_rc 1 "$f: refused"
		expect_err_lines 1 "$f: one line"
		expect_eq "$(sha "$W/c.db")" "$b" "$f: the output is byte-identical" ;;
	accept)	expect_rc 0 "$f: merged" ;;
	*)	[ "$RC" -eq 0 ] || expect_err_lines 1 "$f: refused in one line" ;;
	esac
	expect_eq "$(sha "$in")" "$before" "$f: the input is unchanged"
	ls "$TMP/h" >"$W/ls.after"
	cmp -s "$W/ls.before" "$W/ls.after" && ok "$f: nothing left beside it" || not_ok "$f: files left beside it"
	grep -q "$esc" "$TMP/out" "$TMP/err" && not_ok "$f: a raw escape printed" || ok "$f: no raw escape printed"
	rm -f "$W/e.db"
	"$SURVEY" merge -o "$W/e.db" "$TMP/good2.db" "$in" >/dev/null 2>&1
	expect_eq "$(sqlite3 "$W/e.db" "SELECT count(*) >= 20 FROM interviews")" 1 "$f: the good file before it is merged"
done <"$TMP/h/expect.txt"

done_testing
