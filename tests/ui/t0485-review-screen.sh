# t0485-review-screen: `survey review DB` on a terminal — the queue of complete interviews with
# their quality flags in the UI language; one opened read-only with its answers; a comment on a
# question; a rejection with a reason and an approval, each stored as a row of reviews for the
# interview's current version, never as an event of its log.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/hq.db
"$SURVEY" simulate surveys/covid19-lsg.md -n 6 --db "$DB" --seed 4 --drafts 0 --quiet \
	--flag too-fast --flagged 0.3 2>/dev/null
events0=$(sql "$DB" "select count(*) from events")
FAST=$("$SURVEY" review "$DB" --json | python3 -c 'import json,sys; print(sum("too-fast" in i["flags"] for i in json.load(sys.stdin)["interviews"]))')
[ "$FAST" -ge 1 ] && ok "simulate --flag too-fast made $FAST flagged" || not_ok "no too-fast interview to show"
export UI_CMD=review
UI_ENV="LC_ALL=C.UTF-8 TZ=Asia/Bishkek"
ui_start a "$DB" --reviewer "Бүбүсара" --lang ky
ui_expect a 'Супервайзердин текшерүүсү' "the review screen, in Kyrgyz"
ui_expect a 'Текшерүүгө: 6' "six to review"
ui_expect a 'өтө тез' "the too-fast flag named in Kyrgyz"
ui_expect a 'Enter ачуу  a бекитүү  r четке кагуу' "the keys"
ui_keys a Enter
ui_expect a 'Облусту же республикалык' "Enter opens the interview: its questions' labels"
ui_expect a 'c пикир' "the interview's keys"
ui_keys a c
ui_expect a 'суроосуна пикир' "c asks for a comment on the highlighted question"
ui_type a 'Облусту текшериңиз'
ui_keys a Enter
ui_expect a 'Пикир сакталды' "the comment is saved"
ui_expect a 'Супервайзер Бүбүсара: Облусту текшериңиз' "and shown under its question"
ui_keys a r
ui_expect a 'Четке кагуунун себеби' "r asks for the reason"
ui_type a 'Облусту оңдоңуз'
ui_keys a Enter
ui_expect a 'Четке кагылды: кийинки топтом' "rejected"
ui_expect a 'Текшерүүгө: 5' "five left to review"
ui_keys a Escape
ui_expect a 'Enter ачуу' "Esc: back to the queue"
ui_keys a Down a
ui_expect a 'Бекитилди\.' "a approves the highlighted one"
ui_expect a 'Текшерүүгө: 4' "four left"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
expect_eq "$(sql "$DB" "select decision || ':' || reviewer || ':' || (path <> '') || ':' || text from reviews order by at, decision")" \
	"$(printf 'comment:Бүбүсара:1:Облусту текшериңиз\nrejected:Бүбүсара:0:Облусту оңдоңуз\napproved:Бүбүсара:0:')" \
	"the three rows of reviews"
expect_eq "$(sql "$DB" "select count(*) from events")" "$events0" "no event was added to any interview's log"
run "$SURVEY" review "$DB" --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["totals"] == {"to-review": 4, "approved": 1, "rejected": 1}, d["totals"]' "$TMP/out"
then ok "--json agrees"; else not_ok "--json: $(head -c 300 "$TMP/out")"; fi
done_testing
