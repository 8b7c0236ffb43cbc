# t0492-run-sealed-form-key: a form whose settings carry public_key (Kyrgyz UI): completing
# seals without any option; the start screen says sealed (мөөрлөнгөн) and shows no answer of the
# sealed interview (its instance name, the respondent's name, is sealed too); Enter says why it
# does not open.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/x.db
"$SURVEY" keygen -o "$TMP/coord" >/dev/null 2>&1 || not_ok "keygen"
pk=$(cat "$TMP/coord.pub")
sed -e 's/^\(|  *| form_id .*|\)$/\1 public_key |/' -e "s#^\(|  *| ui_small .*|\)\$#\1 $pk |#" \
	tests/fixtures/ui/small.md >"$TMP/keyed.md"
run "$SURVEY" check "$TMP/keyed.md"
expect_rc 0 "the form with its public_key checks"

ui_start a "$TMP/keyed.md" --db "$DB" --lang ky
ui_expect a 'n жаңы' "the start screen (Kyrgyz)"
ui_keys a n
ui_expect a 'Саламатсызбы' "an interview"
ui_keys a Enter
ui_type a 'ZEBRAKYSEAL'
ui_keys a Enter
ui_expect a 'Балдарыңыз барбы' "the second question"
ui_keys a 2 Enter
ui_expect a 'Кайсы жемиштерди' "the third"
ui_keys a F9 End Enter
ui_expect a 'Интервью аяктады жана координатор үчүн мөөрлөндү\.' "completing says it is sealed"
ui_expect a 'мөөрлөнгөн' "the row says sealed"
ui_lacks a 'ZEBRAKYSEAL' "the respondent's name is not shown: it is sealed"
ui_keys a Enter
ui_expect a 'Интервью координатор үчүн мөөрлөнгөн: бул ноутбукта ачылбайт\.' "Enter says why it does not open"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
expect_eq "$(sql "$DB" "SELECT count(*) FROM sealed")|$(sql "$DB" "SELECT count(*) FROM interviews")" "1|0" \
	"one sealed record, no plain rows"
grep -q -a ZEBRAKYSEAL "$DB" && not_ok "the answer is in the file's bytes" || ok "the answer is not in the file's bytes"
done_testing
