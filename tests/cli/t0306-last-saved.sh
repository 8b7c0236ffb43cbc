# t0306-last-saved: ${last-saved#q} is q's answer in the interview of the same form saved last
# in the database; "" (here "none") for the first one; check accepts it in expressions, defaults
# and labels and refuses an unknown name.
. tests/lib.sh
F=tests/fixtures/forms/last-saved.md
q() { sqlite3 "$TMP/a.db" "$1"; }

run "$SURVEY" check $F
expect_rc 0 "check accepts \${last-saved#q}"

run "$SURVEY" simulate $F -n 12 --db "$TMP/a.db" --seed 4 --quiet
expect_rc 0 "simulate"
# interviews in the order they were saved, each with its village and the prev it computed
rows=$(q "select (select value from answers where uuid = i.uuid and path = 'village'),
	(select value from answers where uuid = i.uuid and path = 'prev'),
	(select value from answers where uuid = i.uuid and path = 'n'),
	(select coalesce(value, '') from answers where uuid = i.uuid and path = 'prev_n')
	from interviews i order by created, uuid")
first=$(echo "$rows" | head -1 | cut -d'|' -f2)
expect_eq "$first" none "the first interview has no last-saved value"
bad=$(echo "$rows" | awk -F'|' 'NR > 1 && ($2 != v || $4 != n) { print NR": "$0" after "v"/"n } { v = $1; n = $3 }')
expect_eq "$bad" "" "every later interview sees the previous interview's answers"
expect_eq "$(echo "$rows" | wc -l)" 12 "12 interviews"

run "$SURVEY" simulate $F -n 12 --db "$TMP/b.db" --seed 4 --quiet
expect_eq "$(sqlite3 "$TMP/b.db" "select uuid, path, value from answers order by 1, 2" | sha256sum)" \
	"$(q "select uuid, path, value from answers order by 1, 2" | sha256sum)" "reproducible with --seed"

cat >"$TMP/bad.md" <<'MD'
| survey |
| | type | name | label | calculation |
| | text | a | A | |
| | calculate | b | | ${last-saved#nope} |
| | note | c | Before: ${last-saved#gone} | |
MD
run "$SURVEY" check "$TMP/bad.md"
expect_rc 1 "check refuses a last-saved reference to an unknown question"
expect_err "bad.md:survey:4: error: calculation: no question named 'nope'" "in an expression"
expect_err "bad.md:survey:5: error: label: no question named 'gone'" "in a label"

done_testing
