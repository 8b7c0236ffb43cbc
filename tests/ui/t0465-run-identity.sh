# t0465-run-identity: the first run on a laptop (no name kept in the database, no
# --interviewer) asks for the interviewer's name in the UI's language, keeps it in the
# database's meta table, and records it with each new interview; later runs (`make run`: the
# default database) do not ask again. A name that is not one line of text in the file is not
# used (asked again).
. tests/lib.sh
. tests/ui/tmux.sh
UI_INTERVIEWER=
FORM=tests/fixtures/ui/sections.md
UI_ENV="LC_ALL=C.UTF-8 XDG_DATA_HOME=$TMP/xdg"
DB=$TMP/xdg/survey/ui_sections.db

# as `make run`: the default database, nothing else
ui_start a "$FORM" --lang ky
ui_expect a 'аты-жөнүн' "the first run asks the name, in Kyrgyz"
ui_keys a Enter
ui_expect a 'Аты-жөнү бош болбошу керек' "an empty name is refused"
ui_type a "  Жылдыз Асанова "
ui_keys a Enter
ui_expect a 'Интервьюер: Жылдыз Асанова' "the name is taken"
ui_expect a 'Жылдыз Асанова +\[ky\]' "and shown on the status line"
ui_keys a n
ui_expect a 'Муниципалитеттин аталышы' "an interview starts"
ui_type a "Кара-Суу"
ui_keys a F10
ui_expect a 'жаңы' "back on the start screen"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
expect_eq "$(sql "$DB" "SELECT value FROM meta WHERE key = 'interviewer'")" "Жылдыз Асанова" \
	"the name is kept in the database (trimmed)"
expect_eq "$(sql "$DB" "SELECT interviewer FROM interviews")" "Жылдыз Асанова" \
	"and recorded with the interview"
expect_eq "$(sql "$DB" "SELECT value FROM answers WHERE path = 'deviceid'" | wc -l)" 1 "(the interview has its metadata)"

ui_start b "$FORM"
ui_expect b 'Жылдыз Асанова +\[ky\]' "the next run knows the name, asks nothing"
ui_lacks b 'аты-жөнүн' "no name screen"
ui_keys b n
ui_expect b 'Муниципалитеттин аталышы' "a second interview"
ui_keys b F10
ui_expect b 'жаңы' "back"
ui_keys b q
ui_exit b
expect_eq "$(sql "$DB" "SELECT count(*) FROM interviews WHERE interviewer = 'Жылдыз Асанова'")" 2 \
	"the second interview has the kept name"

# --interviewer wins for the run, and changes nothing kept
ui_start c "$FORM" --interviewer Айбек
ui_expect c 'Айбек +\[ky\]' "--interviewer is used"
ui_keys c q
ui_exit c
expect_eq "$(sql "$DB" "SELECT value FROM meta WHERE key = 'interviewer'")" "Жылдыз Асанова" \
	"the kept name stays"

# Russian and English laptops, F2 on the name screen
ui_start r "$FORM" --db "$TMP/r.db" --lang ru
ui_expect r 'Введите имя и фамилию' "asked in Russian"
ui_keys r F2
ui_expect r 'Type the interviewer' "F2: asked in English"
ui_keys r F10
ui_exit r
expect_eq "$RC" 0 "F10 leaves without a name"
expect_eq "$(sql "$TMP/r.db" "SELECT count(*) FROM meta WHERE key = 'interviewer'")" 0 "nothing kept"

# a name in the file that is not one line of text is not used: asked again
python3 - "$TMP/r.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("INSERT INTO meta(key, value) VALUES ('interviewer', ?)", ("Ай\x1b[31mбек\n",))
c.commit()
PY
ui_start s "$FORM" --db "$TMP/r.db" --lang en
ui_expect s 'Type the interviewer' "a name with control characters is asked again"
ui_lacks s 'бек' "the hostile name is not shown"
ui_keys s F10
ui_exit s
for n in a b c r s; do ui_no_stderr $n "nothing on stderr ($n)"; done
done_testing
