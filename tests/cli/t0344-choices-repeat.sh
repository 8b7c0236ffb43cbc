# t0344-choices-repeat: choices made of a repeat's answers (select_one ${q}, select_multiple
# ${q}, a choice_filter on them, jr:choice-name()) in .md, .csv, .xlsx and .xls: check,
# simulate (every answer is one of the interview's own names), export, re-import, merge; an
# imported value that is no answer of the interview is refused.
. tests/lib.sh
. tests/cli/xls-lib.sh
F=tests/fixtures/forms
sql() { sqlite3 "$1" "$2"; }
"$PY" $F/gen_xls.py $F/choices-repeat.md "$TMP/choices-repeat.xls"
for form in $F/choices-repeat.md $F/choices-repeat.csv $F/choices-repeat.xlsx "$TMP/choices-repeat.xls"; do
	ext=${form##*.}
	run "$SURVEY" check "$form"
	expect_rc 0 "$ext: select_one \${mname} checks"
	expect_out "ok — 5 questions, 1 language, form choices_repeat version 1\$" "$ext: no warning"
done
run "$SURVEY" simulate "$TMP/choices-repeat.xls" -n 20 --seed 3 --db "$TMP/a.db"
expect_rc 0 "simulate"
n=$(sql "$TMP/a.db" "select count(*) from answers where path='head' and state='answered'")
[ "$n" -gt 5 ] && ok "heads were chosen ($n)" || not_ok "too few heads chosen: $n"
expect_eq "$(sql "$TMP/a.db" "select count(*) from answers h where h.path='head' and h.state='answered' and not exists (select 1 from answers m where m.uuid=h.uuid and m.path like 'member[%]/mname' and m.value=h.value)")" 0 \
	"every head is one of the interview's own members"
expect_eq "$(sql "$TMP/a.db" "select count(*) from answers h join answers l on h.uuid=l.uuid where h.path='head' and l.path='head_label' and h.value<>l.value")" 0 \
	"jr:choice-name() of an answer-made choice is the answer"
expect_eq "$(sql "$TMP/a.db" "select count(*) from answers h join answers w on h.uuid=w.uuid where h.path='head' and w.path='workers' and (' '||w.value||' ') like ('% '||h.value||' %')")" 0 \
	"the choice_filter name != \${head} keeps the head out of the workers"
run "$SURVEY" export "$TMP/a.db" --format csv -o "$TMP/a.csv"
expect_rc 0 "export csv"
for fmt in json sav dta; do
	run "$SURVEY" export "$TMP/a.db" --format $fmt -o "$TMP/a.$fmt"
	expect_rc 0 "export $fmt"
done
run "$SURVEY" import $F/choices-repeat.md "$TMP/a.csv" --db "$TMP/b.db"
expect_rc 0 "re-import"
expect_eq "$(sql "$TMP/b.db" "select group_concat(value, '|') from (select value from answers where path='head' order by value)")" \
	"$(sql "$TMP/a.db" "select group_concat(value, '|') from (select a.value from answers a join interviews i on i.uuid=a.uuid where a.path='head' and a.state='answered' and i.status='complete' order by a.value)")" \
	"the heads come back"
run "$SURVEY" merge -o "$TMP/all.db" "$TMP/a.db" --allow-simulated
expect_rc 0 "merge validates answer-made choices"

# a head that is not a member of that household
sed '2s/^[^,]*,/Nobody,/' "$TMP/a.csv" >"$TMP/bad.csv"
cp "$TMP/a-member.csv" "$TMP/bad-member.csv"
run "$SURVEY" import $F/choices-repeat.md "$TMP/bad.csv" --db "$TMP/c.db"
expect_rc 1 "an imported head who is no member is refused"
expect_err "bad.csv:2:head: error: 'Nobody': There is no such choice in the list\$" "the error names the row and question"
done_testing
