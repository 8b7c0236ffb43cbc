# t0479-run-comments: a comment on any question (F4, or Ctrl-N) is stored as an event of kind
# "comment" (path and text; the latest one for a path is the comment, "" removes it), shown
# on the question and in the review, exported (CSV _comments, JSON comments), and accepted
# by merge.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/c.db

ui_start a tests/fixtures/ui/question.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_expect a 'Муниципалитеттин аталышы' "the first question"
ui_keys a F4
ui_expect a 'Супервайзер үчүн пикир: Муниципалитеттин аталышы' "F4: the comment box names the question"
ui_expect a 'Enter сактоо  Esc жокко чыгаруу' "with its keys"
ui_type a 'Аты так эмес'
ui_keys a Escape
ui_lacks a 'Аты так эмес' "Esc: nothing is kept"
expect_eq "$(sql "$DB" "select count(*) from events where kind='comment'")" 0 "no event"
ui_keys a C-n
ui_type a 'Аты так эмес, текшерүү керек'
ui_keys a Enter
ui_expect a 'Пикир сакталды' "Ctrl-N, Enter: saved"
ui_expect a '^  Пикир: Аты так эмес, текшерүү керек$' "shown on the question"
expect_eq "$(sql "$DB" "select path||'|'||new_value from events where kind='comment'")" 's1/muni|Аты так эмес, текшерүү керек' "an event with the path and text"
ui_keys a F4
ui_expect a '> Аты так эмес, текшерүү керек|Аты так эмес, текшерүү керек' "F4 again: the comment to edit"
ui_keys a C-u
ui_type a 'Атын кайра сураш керек'
ui_keys a Enter
ui_expect a '^  Пикир: Атын кайра сураш керек$' "changed"
ui_type a 'Ош'
ui_step a 'Интервью алынган күн' Enter
ui_keys a F9
ui_expect a 'Пикир: Атын кайра сураш' "the review shows the latest comment"
ui_lacks a 'Аты так эмес' "not the first one"
ui_keys a Escape
ui_keys a C-u
ui_type a '2021-05-05'
ui_step a 'кандай жардам' Enter
ui_keys a 1
ui_step a 'Кошумча эскертүүлөр' Enter
ui_step a 'Канча кызматкер' Enter
ui_type a 0
ui_step a 'Дагы жардам керекпи' Enter
ui_keys a F4
ui_type a 'Убактылуу'
ui_keys a Enter
ui_keys a F4 C-u Enter
ui_expect a 'Пикир өчүрүлдү' "an emptied comment is removed"
ui_step a 'калыбына келдиби' Enter
ui_keys a 1 F9 End Enter
ui_expect a 'Интервью аяктады жана сакталды' "completed"
ui_keys a q
ui_exit a
ui_no_stderr a "nothing on stderr"

run "$SURVEY" export "$DB" -o "$TMP/out.csv"
expect_rc 0 "CSV export"
expect_eq "$(head -1 "$TMP/out.csv" | tr ',' '\n' | tail -1)" _comments "the last column is _comments"
expect_eq "$(python3 -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig'))); print(r[0]['_comments'])" "$TMP/out.csv")" 's1/muni: Атын кайра сураш керек' "it holds the latest comment of each question, the removed one not"
run "$SURVEY" export "$DB" -o "$TMP/out.json"
expect_rc 0 "JSON export"
expect_eq "$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps(d['interviews'][0]['comments'], ensure_ascii=False))" "$TMP/out.json" 2>&1)" '[{"path": "s1/muni", "text": "Атын кайра сураш керек"}]' "JSON: the comments"
run "$SURVEY" merge -o "$TMP/all.db" "$DB"
expect_rc 0 "merge takes the comment events"
expect_eq "$(sql "$TMP/all.db" "select count(*) from events where kind='comment'")" 4 "every comment event is merged"
run "$SURVEY" merge -o "$TMP/all.db" "$DB"
expect_rc 0 "merging it again"
expect_eq "$(sql "$TMP/all.db" "select count(*) from events where kind='comment'")" 4 "changes nothing"
done_testing
