# t0480-run-screens: screenshots as text (tmux capture-pane) of the question screen — a text,
# a multiline text, a choice with long labels, a repeat entry — the review and the table of
# contents, at 80x24, 60x20 and 120x40, in Kyrgyz and Russian: no line is cut inside a word
# and no English word is shown (but key names as printed on the keys). SHOTS=DIR keeps them.
. tests/lib.sh
. tests/ui/tmux.sh
FORM=tests/fixtures/ui/question.md
mkdir -p "$TMP/shots"
NOTE_KY='Бул узун эскертүү сөздөр менен жазылат жана саптын аягында сөз бөлүнбөшү керек, анткени окууга оор болот. Муниципалитеттин кызматкерлери калкка жардам берүү үчүн көп иштешти.'
NOTE_RU='Это длинное примечание пишется словами, и в конце строки слово не должно разрываться, потому что так его трудно читать. Сотрудники муниципалитета много работали, помогая населению.'
printf '%s\n%s\nКара-Суу Ош Асан Бакыт Айбек\n' "$NOTE_KY" "$NOTE_RU" >"$TMP/typed.txt"

# shoot L NAME: the screen at the three sizes
shoot() {
	for size in 80x24 60x20 120x40; do
		T resize-window -t "$1" -x "${size%x*}" -y "${size#*x}"
		# the program has redrawn at the new size: its status line is the last of them
		i=0
		while [ $i -lt 200 ]; do
			ui_settle "$1"
			[ "$(wc -l <"$TMP/screen")" -eq "${size#*x}" ] &&
				tail -1 "$TMP/screen" | grep -Eq '\[(ky|ru)\]' && break
			i=$((i + 1))
		done
		cp "$TMP/screen" "$TMP/shots/$1-$2-$size.txt"
	done
	T resize-window -t "$1" -x 80 -y 24
}

for l in ky ru; do
	DB=$TMP/$l.db
	if [ $l = ky ]; then note=$NOTE_KY; count='Канча кызматкер'; else note=$NOTE_RU; count='Сколько сотрудников'; fi
	ui_start $l $FORM --db "$DB" --lang $l --interviewer Айбек
	ui_keys $l n
	ui_type $l 'Кара-Суу'
	ui_expect $l '> Кара-Суу' "$l: a text question"
	shoot $l text
	ui_step $l 'Интервью алынган күн|Дата интервью' Enter
	ui_keys $l C-u
	ui_type $l '2021-05-05'
	ui_keys $l Enter
	ui_wait $l '1\) \( \)' 10
	shoot $l select
	ui_keys $l 1
	ui_step $l '>' Enter
	ui_type $l "$note"
	ui_wait $l 'населению|берүү' 10
	shoot $l multiline
	ui_step $l "$count" Enter
	ui_type $l 2
	ui_step $l '1/2|\[1\]' Enter
	ui_type $l 'Асан'
	ui_keys $l Enter
	ui_wait $l '· Асан' 10
	shoot $l repeat
	ui_keys $l F9
	ui_wait $l '!' 10
	shoot $l review
	ui_keys $l F3
	ui_wait $l '1: ' 10
	shoot $l toc
	ui_keys $l Escape
	ui_keys $l F10
	ui_wait $l 'Интервью' 10
	ui_keys $l q
	ui_exit $l
	ui_no_stderr $l "$l: nothing on stderr"
done
n=$(ls "$TMP/shots" | wc -l)
expect_eq "$n" 36 "36 screenshots: 6 screens, 3 sizes, 2 languages"
if python3 tests/ui/screens-check.py $FORM src/ui/i18n.h src/ui/keys.h src/interview/validate.c \
	"$TMP/typed.txt" -- "$TMP"/shots/*.txt >"$TMP/problems"; then
	ok "no word cut at a line's end, no English word"
else
	not_ok "the screens: $(wc -l <"$TMP/problems") problems"
	sed 's/^/#  /' "$TMP/problems" | head -40
fi
[ -n "${SHOTS:-}" ] && mkdir -p "$SHOTS" && cp "$TMP"/shots/*.txt "$SHOTS"/
done_testing
