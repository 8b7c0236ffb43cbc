# t0305-expr-paths: a form written as real ODK forms are — relative paths (../n, ./age,
# current()/../age), position(..), indexed-repeat(), once(random()), uuid(), math and
# date-time functions — goes through check, simulate (reproducibly) and export; unknown
# functions and wrong argument counts are one error line each with FILE:SHEET:ROW.
. tests/lib.sh
F=tests/fixtures/forms/expr-paths.md
q() { sqlite3 "$TMP/a.db" "$1"; }

run "$SURVEY" check $F
expect_rc 0 "check accepts relative paths, indexed-repeat and ODK's functions"
expect_out "ok — 17 questions" "the summary"

run "$SURVEY" simulate $F -n 40 --db "$TMP/a.db" --seed 11 --quiet
expect_rc 0 "simulate the form"
run "$SURVEY" simulate $F -n 40 --db "$TMP/b.db" --seed 11 --quiet
expect_rc 0 "simulate it again with the same seed"
dump() { sqlite3 "$1" "select uuid, path, value, state from answers order by 1, 2"; }
expect_eq "$(dump "$TMP/a.db" | sha256sum)" "$(dump "$TMP/b.db" | sha256sum)" \
	"the same seed gives the same random() and uuid() values"

# repeat_count ../n: as many members as n
expect_eq "$(q "select count(*) from answers a where path = 'n' and state = 'answered' and
	cast(value as int) != (select count(*) from answers m where m.uuid = a.uuid
	and m.path glob 'member[[]*]/pos')")" 0 "repeat_count ../n makes n members"
expect_eq "$(q "select count(*) from answers where path glob 'member[[]*]/pos'
	and value != substr(path, 8, instr(path, ']') - 8)")" 0 "position(..) is the instance number"
prev() { q "select count(*) from answers a left join answers p on p.uuid = a.uuid and p.state = 'answered'
	and p.path = 'member[' || (cast(substr(a.path, 8, instr(a.path, ']') - 8) as int) - 1) || ']/name'
	where a.path glob 'member[[]*]/prev_name' and a.path != 'member[1]/prev_name' and $1"; }
expect_eq "$(prev "coalesce(a.value, '') != coalesce(p.value, '')")" 0 \
	'indexed-repeat(${name}, ${member}, position(..) - 1) is the previous member'"'s name"
n=$(prev "a.value = p.value")
[ "$n" -gt 10 ] && ok "... in many instances ($n)" || not_ok "only $n previous names"
expect_eq "$(q "select count(*) from answers f join answers m on m.uuid = f.uuid and m.path = 'member[1]/name'
	where f.path = 'first_name' and f.value != m.value")" 0 "indexed-repeat(..., 1) outside the repeat"
expect_eq "$(q "select count(*) from answers y join answers a on a.uuid = y.uuid
	and a.path = replace(y.path, 'years_married', 'age')
	where y.path glob 'member*years_married' and y.state = 'answered'
	and (cast(a.value as int) < 16 or cast(y.value as int) > cast(a.value as int))")" 0 \
	"relevant ../age >= 16 and constraint . <= current()/../age hold"
expect_eq "$(q "select count(*) from answers where path glob 'member[[][2-9]]/relation' and value = 'head'")" 0 \
	"choice_filter with current()/../pos: only the first member can be head"
h=$(q "select count(*) from answers where path = 'member[1]/relation' and value = 'head'")
[ "$h" -gt 0 ] && ok "the first member can be head ($h)" || not_ok "no first member is head"
expect_eq "$(q "select count(*) from answers a join answers g on g.uuid = a.uuid
	and g.path = replace(a.path, 'adult', 'age') where a.path glob 'member*adult' and g.state = 'answered'
	and a.value != case when cast(g.value as int) >= 18 then 'yes' else 'no' end")" 0 "if(./age >= 18, ...)"
expect_eq "$(q "select count(distinct value) = count(*) and min(cast(value as real)) >= 0 and
	max(cast(value as real)) < 1 from answers where path glob 'member*draw'")" 1 \
	"once(random()): in [0, 1), a different draw in every instance"
expect_eq "$(q "select count(*) from answers where path = 'id' and (length(value) != 36
	or substr(value, 15, 1) != '4')")" 0 "once(uuid()): version 4 UUIDs"
expect_eq "$(q "select count(distinct value) from answers where path = 'id'")" 40 "a different uuid() per interview"
expect_eq "$(q "select distinct value from answers where path = 'log_ok'")" 5 "the math functions"
expect_eq "$(q "select count(*) from answers where path = 'year' and value != '2021'")" 0 \
	"format-date-time(date-time(decimal-date-time(now())), '%Y')"
expect_eq "$(q "select count(*) from answers r join answers t on t.uuid = r.uuid and t.path = 'total_age'
	where r.path = 'root' and t.value != '' and abs(cast(r.value as real) - round(sqrt(t.value), 2)) > 0.001")" 0 \
	'round(sqrt(${total_age}), 2)'

run "$SURVEY" export "$TMP/a.db" --format csv -o "$TMP/out.csv"
expect_rc 0 "export csv"
head -1 "$TMP/out.csv" | grep -q '^n,first_name,last_age,total_age,root,log_ok,id,year,adults,' &&
	ok "the main file's columns" || not_ok "header: $(head -1 "$TMP/out.csv")"
expect_eq "$(grep -c ',simulated,uuid:' "$TMP/out.csv")" "$(q "select count(*) from interviews
	where status = 'complete'")" "a row per completed interview"
head -1 "$TMP/out-member.csv" | grep -q '^member/name,member/age,member/pos,member/prev_name,member/years_married,member/adult,member/draw,member/relation,PARENT_KEY,KEY' &&
	ok "the repeat's columns" || not_ok "repeat header: $(head -1 "$TMP/out-member.csv")"

# unknown functions and wrong argument counts: an error line with FILE:SHEET:ROW, no crash
cat >"$TMP/bad.md" <<'MD'
| survey |
| | type | name | label | calculation | relevant |
| | integer | n | N | | |
| | calculate | a | | frobnicate(${n}) | |
| | calculate | b | | sqrt(${n}, 2) | |
| | calculate | c | | indexed-repeat('n', ${n}, 1) | |
| | integer | d | D | | current(1) |
MD
run "$SURVEY" check "$TMP/bad.md"
expect_rc 1 "check refuses unknown functions and wrong arities"
expect_err "bad.md:survey:4: error: calculation: unknown function 'frobnicate'" "an unknown function, with its row"
expect_err "bad.md:survey:5: error: calculation: function 'sqrt' takes 1 argument, got 2" "a wrong argument count"
expect_err "bad.md:survey:6: error: calculation: indexed-repeat\(\) needs a question reference" "indexed-repeat's question"
expect_err "bad.md:survey:7: error: relevant: function 'current' takes 0 arguments" "current(1)"

done_testing
