# t0351-xlsform-extras: the trigger column, randomize/seed, rank and begin loop over LIST end to
# end in .md, .csv, .xlsx and .xls (check, simulate, export, import back: the same answers), and the one-line
# refusals of pyxform's checks that came with them (public_key, triggers, randomize, loops,
# empty groups, sections named like the root, big-image without image).
. tests/lib.sh
. tests/cli/xls-lib.sh
S=tests/fixtures/pyxform-suite/reject
F=tests/fixtures/engine/xlsform_extras.md
ANSWERS="SELECT a.uuid, a.path, coalesce(a.value, '~'), a.state FROM answers a
	JOIN interviews i USING (uuid) WHERE i.status = 'complete' AND a.state != 'skipped'
	AND NOT (a.state = 'answered' AND a.value IS NULL) ORDER BY 1, 2"

refused() { # refused FILE REGEX what
	run "$SURVEY" check "$S/$1.md"
	expect_rc 1 "$3"
	expect_err_lines 1 "$3: one line"
	expect_err "^$S/$1\.md:$2" "$3: the message"
}
refused settings-public-key "settings:[0-9]+: error: public_key: it is an RSA key \(ODK's encryption\), which survey does not use: make a key pair with 'survey keygen -o NAME'" \
	"an ODK RSA public_key is refused with what to do (issue 17 seals with survey's own keys)"
refused trigger-not-a-ref "survey:[0-9]+: error: trigger: trigger must name questions, as \\$\{name\} or \\$\{a\},\\$\{b\}$" \
	"a trigger that is not a reference"
refused trigger-unknown-ref "survey:[0-9]+: error: trigger: no question named 'a'" "a trigger naming nothing"
refused trigger-hidden-calculate "survey:[0-9]+: error: trigger: 'one' is not shown to the interviewer, so it cannot trigger 'one_ts'" \
	"a calculate cannot trigger"
refused trigger-typed-calculate "survey:[0-9]+: error: trigger: 'two' is not shown" "nor a typed question with a calculation and no label"
refused randomize-bad-value "survey:[0-9]+: error: parameters: randomize must be true or false, not 'ukanga'" \
	"randomize=ukanga"
refused randomize-bad-seed "survey:[0-9]+: error: parameters: seed must be a number or a \\$\{question\} reference, not 'ukanga'" \
	"seed=ukanga"
refused randomize-seed-alone "survey:[0-9]+: error: parameters: seed needs randomize=true as well" "a seed alone"
refused randomize-bad-param "survey:[0-9]+: error: parameters: unknown parameter 'step' \(accepted: randomize, seed, value, label\)" \
	"step on a select"
refused loop-unknown-list "survey:[0-9]+: error: type: unknown choice list 'nothing'" "a loop over no list"
refused loop-reference-inside "survey:[0-9]+: error: label: 'q1' names a question that a loop repeats \(row [0-9]+\), one per choice" \
	"\${q1} inside a loop, said once"
refused group-empty "survey:[0-9]+: error: group 'empty' has no questions" "an empty group"
refused group-named-data "survey:[0-9]+: error: group 'data' has the name of the form's root" "a group named like the root"
refused columns-big-image-alone "survey:[0-9]+: error: 'c' has a big-image but no image" "a big-image alone"

# end to end, in .md, .csv, .xlsx (twins committed beside the .md) and .xls (written here)
"$PY" tests/fixtures/forms/gen_xls.py "$F" "$TMP/extras.xls" || not_ok "gen_xls"
for form in "$F" "${F%.md}.csv" "${F%.md}.xlsx" "$TMP/extras.xls"; do
	name=$(basename "$form")
	run "$SURVEY" check "$form"
	expect_rc 0 "$name: check"
	"$SURVEY" simulate "$form" -n 30 --seed 5 --db "$TMP/$name.db" --quiet || not_ok "$name: simulate"
	v=$(sqlite3 "$TMP/$name.db" "SELECT value FROM answers WHERE path = 'ranked' AND state = 'answered' LIMIT 1")
	case "$v" in "cow sheep"|"sheep cow") ok "$name: a rank holds every choice in order" ;;
		*) not_ok "$name: rank value '$v'" ;; esac
	run "$SURVEY" freq "$TMP/$name.db" ranked
	expect_out "^(cow sheep|sheep cow) +[0-9]" "$name: freq counts a rank's orders"
	grep -q '^Cows ' "$TMP/out" && not_ok "$name: freq lists a rank's choices as categories" ||
		ok "$name: and not its choices"
	n=$(sqlite3 "$TMP/$name.db" "SELECT count(DISTINCT path) FROM answers WHERE path LIKE 'herd/%/count'")
	expect_eq "$n" 2 "$name: the loop's groups are answered"
	run "$SURVEY" export "$TMP/$name.db" -o "$TMP/$name.csv"
	expect_rc 0 "$name: export"
	head -1 "$TMP/$name.csv" | grep -q 'herd/cow/count,herd/cow/working,herd/sheep/count' &&
		ok "$name: a column per choice's question" || not_ok "$name: columns: $(head -1 "$TMP/$name.csv")"
	run "$SURVEY" import "$form" "$TMP/$name.csv" --db "$TMP/$name-back.db"
	expect_rc 0 "$name: import back"
	sqlite3 "$TMP/$name.db" "$ANSWERS" >"$TMP/a"
	sqlite3 "$TMP/$name-back.db" "$ANSWERS" >"$TMP/b"
	cmp -s "$TMP/a" "$TMP/b" && ok "$name: the same $(wc -l <"$TMP/a") answers after import" ||
		not_ok "$name: answers differ: $(diff "$TMP/a" "$TMP/b" | head -5)"
done
done_testing
