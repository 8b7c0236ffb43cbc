# t0467-run-screens: screenshots as text (tmux capture-pane) of the interviewer's name screen
# and the start screen (empty, with an interview, searching) of the shipped survey at 80x24,
# 60x20 and 120x40 in Kyrgyz, Russian and English. On each: no line runs into the last column
# (where a cut word would end), every "…" follows a whole word of its text, and in a Kyrgyz or
# Russian session no English word (allowed: ID, UUID, the key caps Enter, Esc, Tab, Ctrl,
# Shift, PgUp, PgDn, Home, End, Delete, Backspace, F1..F12, UTC, the language codes, and
# COVID of the survey's title). Failing screens are printed whole.
. tests/lib.sh
. tests/ui/tmux.sh
FORM=surveys/covid19-lsg.md
UI_INTERVIEWER=
UI_ENV="LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=Asia/Bishkek"

# check_screen FILE COLS LANG WHAT
check_screen() {
	if python3 - "$1" "$2" "$3" <<'PY'; then ok "$4"; else not_ok "$4"; sed 's/^/#  |/' "$1"; fi
import re, sys
path, cols, lang = sys.argv[1], int(sys.argv[2]), sys.argv[3]
allowed = {"ID", "UUID", "Enter", "Esc", "Tab", "Ctrl", "Shift", "PgUp", "PgDn", "Home", "End",
           "Delete", "Backspace", "UTC", "ky", "ru", "en", "COVID"}
title = ("ЖӨБ органдарынын COVID-19 пандемиясы учурундагы көйгөйлөрү / Проблемы ОМСУ в период "
         "пандемии COVID-19")
bad = []
for n, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
    if len(line) >= cols:
        bad.append(f"line {n} runs into the last column")
    for m in re.finditer("…", line):
        before = line[:m.start()]
        word = re.search(r"(\S+)$", before)
        if not word:
            bad.append(f"line {n}: '…' after a space")
        elif n == 1:
            head = before.split(": ", 1)[-1]
            if not (title.startswith(head) and title[len(head):len(head) + 1] == " "):
                bad.append(f"line {n}: the title is cut in a word: {head!r}")
    if lang != "en":
        for tok in re.findall(r"[A-Za-z0-9]+", line):
            if re.search(r"[0-9]", tok) or len(tok) < 2 or tok in allowed:
                continue
            bad.append(f"line {n}: English word {tok!r}")
for b in bad:
    print("# " + b)
sys.exit(1 if bad else 0)
PY
}

# shoot NAME LANG WHAT: the screen at each size, checked
shoot() {
	for size in 80x24 60x20 120x40; do
		T resize-window -t "$1" -x "${size%x*}" -y "${size#*x}"
		sleep 0.1
		ui_settle "$1"
		cp "$TMP/screen" "$TMP/$1-$3-$size.txt"
		check_screen "$TMP/$1-$3-$size.txt" "${size%x*}" "$2" "$2 $3 at $size"
	done
	T resize-window -t "$1" -x 80 -y 24
}

for lang in ky ru en; do
	case $lang in
	ky) ask='аты-жөнүн'; keys='жаңы'; search='Издөө:' ;;
	ru) ask='имя и фамилию'; keys='новое'; search='Поиск:' ;;
	en) ask="interviewer's first"; keys='n new'; search='Search:' ;;
	esac
	ui_start $lang "$FORM" --db "$TMP/$lang.db" --lang $lang
	ui_expect $lang "$ask" "$lang: the name screen"
	shoot $lang $lang name
	ui_type $lang "Жылдыз Асанова"
	ui_keys $lang Enter
	ui_expect $lang "$keys" "$lang: the start screen"
	shoot $lang $lang start-empty
	ui_keys $lang n
	ui_wait $lang '^ *1/[0-9]'
	ui_step $lang '.' Enter
	ui_step $lang '.' 7 Enter
	ui_keys $lang F10
	ui_expect $lang "$keys" "$lang: a draft, back on the start screen"
	shoot $lang $lang start
	ui_keys $lang /
	ui_type $lang "чүй"
	ui_expect $lang "$search" "$lang: searching"
	shoot $lang $lang search
	ui_keys $lang Escape
	ui_expect $lang "$keys" "$lang: Esc ends the search"
	ui_keys $lang q
	ui_exit $lang
	expect_eq "$RC" 0 "$lang: exit status 0"
	ui_no_stderr $lang "$lang: nothing on stderr"
done
done_testing
