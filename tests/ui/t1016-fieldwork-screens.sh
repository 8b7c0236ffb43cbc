# t1016-fieldwork-screens: the fieldwork screens at 80x24 in Kyrgyz and Russian — the start
# screen with assignments (to do, returned), the returned interview's reopen question and the
# supervisor's reason, the commented question with the supervisor's comment, and the
# supervisor's `survey review` screen (queue, an interview opened, the reason asked) — show no
# word cut at a line's end and no English word (screens-check.py, as t0480). SHOTS=DIR keeps
# the screenshots.
. tests/lib.sh
. tests/ui/tmux.sh
FORM=$TMP/mini.md   # the fixture with a title that is not English (a title has no translations)
sed 's/| Mini frame survey |/| Муниципалитеттер |/' tests/fixtures/fieldwork/mini.md >"$FORM"
HQ=$TMP/hq.db
DB=$TMP/laptop.db
mkdir -p "$TMP/shots"
"$SURVEY" frame $FORM tests/fixtures/fieldwork/mini-frame.csv --db "$HQ" >/dev/null
"$SURVEY" assign "$HQ" --interviewer Айбек M-01 M-02 >/dev/null
"$SURVEY" kit "$HQ" --interviewer Айбек -o "$TMP/kit.db" >/dev/null
uuid=$(sql "$HQ" "SELECT uuid FROM assignments WHERE unit_id = 'M-01'")
REASON='Кызматкерлердин саны туура эмес, муниципалитеттин штаттык тизмеси боюнча кайра текшериңиз'
COMMENT='Текшериңиз: штаттык тизмеде башка сан көрсөтүлгөн, Число сотрудников другое'
printf '%s\n%s\nАйбек Бакыт Бүбүсара Кемин Бурана Папан\n' "$REASON" "$COMMENT" >"$TMP/typed.txt"

# shot NAME WHAT: the settled 80x24 screen kept as NAME-WHAT
shot() { ui_settle "$1"; cp "$TMP/screen" "$TMP/shots/$1-$2.txt"; }

# one interview of M-01 completed on the laptop, merged, rejected with a comment, kitted back
ui_start a "$FORM" --db "$DB" --kit "$TMP/kit.db" --lang ky
ui_expect a 'M-01' "the units to do"
ui_keys a Enter
ui_expect a 'Чүй облусу' "Enter starts the unit"
ui_keys a Enter
ui_expect a 'Кемин айыл өкмөтү' "the municipality"
ui_keys a Enter
ui_expect a 'Кызматкерлердин саны' "past the preloaded answers"
ui_type a 12
ui_keys a Enter
ui_expect a 'Эскертүү' "the last question"
ui_keys a Enter
ui_expect a 'Интервьюну аяктоо' "the end screen"
ui_keys a 1
ui_expect a 'аяктады' "completed"
ui_keys a q
ui_exit a
"$SURVEY" pack "$DB" -o "$TMP/p1.db" >/dev/null
"$SURVEY" merge -o "$HQ" "$TMP/p1.db" >/dev/null
sha=$(sql "$HQ" "SELECT events_sha256 FROM provenance_interviews WHERE uuid = '$uuid'")
sql "$HQ" "INSERT INTO reviews VALUES ('$uuid', '$sha', '2026-12-01T10:00:00.000Z', 'Бакыт', 'rejected', '', '$REASON'), ('$uuid', '$sha', '2026-12-01T10:00:00.000Z', 'Бакыт', 'comment', 'staff', '$COMMENT')"
"$SURVEY" kit "$HQ" --interviewer Айбек -o "$TMP/kit2.db" >/dev/null
"$SURVEY" receive "$TMP/kit2.db" --db "$DB" >/dev/null
cp "$DB" "$TMP/laptop-returned.db"

for l in ky ru; do
	cp "$TMP/laptop-returned.db" "$DB"
	rm -f "$DB-wal" "$DB-shm"
	case $l in
	ky) RET='кайтарылды' REOPEN='[Кк]айра ач' SUP='супервайзер сурады' BACK='оңдоого кайтарды' ;;
	ru) RET='возвращено' REOPEN='[Оо]ткрыть' SUP='попросил супервайзер' BACK='на исправление' ;;
	esac
	ui_start $l "$FORM" --db "$DB" --lang $l
	ui_expect $l "$RET" "$l: the start screen shows the returned interview"
	ui_expect $l 'M-02' "$l: and the unit to do"
	shot $l start
	ui_keys $l Enter
	ui_expect $l "$REOPEN" "$l: opening it asks to reopen"
	shot $l reopen
	ui_keys $l 1
	ui_expect $l "$SUP" "$l: why it is reopened"
	shot $l why
	ui_keys $l 3
	ui_expect $l 'Текшериңиз: штаттык' "$l: the commented question with the comment"
	ui_expect $l "$BACK" "$l: and the supervisor's reason"
	shot $l comment
	ui_keys $l F10
	ui_expect $l '1 .*2 ' "$l: F10 asks to complete it again now"
	ui_lacks $l "$BACK" "$l: the reason's message is not left cut under the question"
	ui_keys $l 2
	ui_expect $l "M-02" "$l: 2 leaves it a draft: back on the start screen"
	ui_keys $l q
	ui_exit $l
	ui_no_stderr $l "$l: nothing on stderr"
done

# the supervisor's screen
"$SURVEY" simulate surveys/covid19-lsg.md -n 6 --db "$TMP/sup.db" --seed 4 --drafts 0 --quiet \
	--flag too-fast --flagged 0.3 2>/dev/null
export UI_CMD=review
UI_ENV="LC_ALL=C.UTF-8 TZ=Asia/Bishkek"
for l in ky ru; do
	case $l in ky) Q='Текшерүүгө' WHY='себеби' ;; ru) Q='На проверке|Проверить|проверк' WHY='ричин' ;; esac
	ui_start r$l "$TMP/sup.db" --reviewer "Бүбүсара" --lang $l
	ui_expect r$l "$Q" "$l: the review queue"
	shot r$l queue
	ui_keys r$l Enter
	ui_expect r$l 'блус|бласт' "$l: an interview opened"
	shot r$l open
	ui_keys r$l r
	ui_expect r$l "$WHY" "$l: the reason asked"
	shot r$l reason
	ui_keys r$l Escape
	ui_keys r$l Escape
	ui_keys r$l q
	ui_exit r$l
done
# the data shown are no words to check: the file's path, dates and times, UUIDs and ids, unit
# ids (the short id is 8 hex digits, letters only now and then: "edffbcdb"), "UTC", the key
# letters, an interview's name simulate made in English ("Talas Oblast")
for f in "$TMP"/shots/*.txt; do
	sed -E "s|$TMP/[^ ]*||g; s/[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.+-]+)?//g;
		s/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}//g; s/\b[0-9a-f]*[0-9][0-9a-f]*\b//g;
		s/\b[0-9a-f]{8}\b//g;
		s/\bM(-[0-9]+)?\b//g; s/\bUTC\b//g; s/(^ ?|  )[a-z] /\1 /g;
		s/— [A-Z][a-z]+ (Oblast|City)//g" "$f" >"$f.data" && mv "$f.data" "$f"
done
n=$(ls "$TMP/shots" | wc -l)
expect_eq "$n" 14 "14 screenshots: 4 laptop and 3 supervisor screens, 2 languages"
if python3 tests/ui/screens-check.py $FORM surveys/covid19-lsg.md src/ui/i18n.h src/ui/keys.h \
	src/analysis/quality.c src/interview/simulate.c "$TMP/typed.txt" -- "$TMP"/shots/*.txt >"$TMP/problems"; then
	ok "no word cut at a line's end, no English word"
else
	not_ok "the screens: $(wc -l <"$TMP/problems") problems"
	sed 's/^/#  /' "$TMP/problems" | head -40
fi
[ -n "${SHOTS:-}" ] && mkdir -p "$SHOTS" && cp "$TMP"/shots/*.txt "$SHOTS"/
done_testing
