# t0466-run-messages-lang: every line `survey run` prints is in the chosen language (--lang,
# else the locale): the exit line, the startup refusals (lock held, a bad questionnaire, a file
# that is not a database, a language the form lacks, a locale that is not UTF-8, a wrong
# option), and the key names of the help screen (arrows and the space bar's name, not
# "Up"/"Space"; the start screen's own keys listed too).
. tests/lib.sh
. tests/ui/tmux.sh
FORM=tests/fixtures/ui/sections.md
DB=$TMP/d.db
# exit_line NAME REGEX: the pane, kept after the program ended, shows REGEX (in its history:
# the line may have scrolled up)
exit_line() {
	local i=0
	while [ $i -lt 50 ]; do
		T capture-pane -p -S - -t "$1" >"$TMP/screen" 2>/dev/null
		grep -q -- "$2" "$TMP/screen" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
KY="env -u LC_ALL -u LC_MESSAGES LANG=ky_KG.UTF-8"
RU="env -u LC_ALL -u LC_MESSAGES LANG=ru_RU.UTF-8"

# the exit line, in the language of --lang
ui_start a "$FORM" --db "$DB" --lang ky
T set-option -t a remain-on-exit on   # the exit line stays in the pane
ui_expect a 'жаңы' "the start screen"
ui_keys a F1
ui_expect a 'Жардам' "the help screen"
ui_settle a
grep -q '↑ *Жогору' "$TMP/screen" && ok "the Up key is an arrow" || not_ok "no arrow for Up"
grep -q '↓ *Ылдый' "$TMP/screen" && ok "the Down key is an arrow" || not_ok "no arrow for Down"
grep -q 'Боштук' "$TMP/screen" && ok "the space bar has its Kyrgyz name" || not_ok "no Kyrgyz name of Space"
grep -Eq '\b(Up|Down|Space|Left|Right)\b' "$TMP/screen" && not_ok "English key names in the help" ||
	ok "no English key name"
ui_keys a End
ui_expect a 'Издөө: аты же ID боюнча' "the help lists the start screen's search (/)"
ui_keys a Escape
ui_expect a 'жаңы' "back"
# the lock: a second run is refused in the language asked
run $KY "$SURVEY" run "$FORM" --db "$DB"
expect_rc 1 "a second run on the database is refused"
expect_err "^survey run: '.*d\.db' файлын башка программа ачып турат" "the refusal is in Kyrgyz (the locale)"
expect_err_lines 1 "one line"
run $KY "$SURVEY" run "$FORM" --db "$DB" --lang ru
expect_err "открыт другой программой" "in Russian with --lang ru"
ui_keys a q
ui_exit a
exit_line a "интервьюлар '.*d\.db' файлында" && ok "the exit line is in Kyrgyz" ||
	{ not_ok "the exit line is not in Kyrgyz"; sed 's/^/#  |/' "$TMP/screen"; }
grep -q "interviews are in" "$TMP/screen" && not_ok "an English exit line" || ok "no English exit line"

ui_start b "$FORM" --db "$DB" --lang ru
T set-option -t b remain-on-exit on
ui_expect b 'новое' "a Russian session"
ui_keys b q
ui_exit b
exit_line b "интервью сохранены в '.*d\.db'" && ok "the exit line is in Russian" ||
	not_ok "the exit line is not in Russian"

# refusals before the UI
printf '| survey |\n| | type | name |\n| | nonsense | q |\n' >"$TMP/broken.md"
run $RU "$SURVEY" run "$TMP/broken.md"
expect_rc 1 "a broken questionnaire"
expect_err "^survey run: анкета не прочитана: .*; подробнее: 'survey check .*broken\.md'" "the refusal is in Russian"
run $KY "$SURVEY" run --bogus "$FORM"
expect_rc 2 "an unknown option"
expect_err "^survey run: белгисиз параметр '--bogus'" "named in Kyrgyz"
expect_err "^колдонулушу: survey run \[FORM\]" "the usage line in Kyrgyz too"
grep -q "^usage:" "$TMP/err" && not_ok "an English usage line" || ok "no English usage line"
run $KY "$SURVEY" run "$FORM" --lang ru --db
expect_err "^survey run: параметру '--db' нужно значение" "a missing value, in the Russian of --lang"
run $KY "$SURVEY" run "$FORM" "$FORM"
expect_err "^survey run: бир суроолор файлы керек" "two questionnaires, in Kyrgyz"
run $KY "$SURVEY" run "$FORM" --lang de
expect_rc 1 "a language the form lacks"
expect_err "^survey run: суроолор файлында 'de' тили жок \(бар тилдер: ky, ru, en\)" "in Kyrgyz (the locale)"
run env -u LC_ALL -u LC_CTYPE LANG=ky_KG "$SURVEY" run "$FORM" --db "$DB"
expect_rc 1 "a locale that is not UTF-8"
expect_err "^survey run: терминалдын локали UTF-8 эмес \(LANG=ky_KG\)" "said in Kyrgyz"
run $RU "$SURVEY" run "$FORM" --db "$DB"
expect_rc 1 "no terminal"
expect_err "^survey run: нужен терминал" "said in Russian"
# a file that is not a database, in a terminal
printf 'not a database, just text\n' >"$TMP/bad.db"
UI_ENV="-u LC_ALL -u LC_MESSAGES LANG=ky_KG.UTF-8"
ui_start c "$FORM" --db "$TMP/bad.db"
ui_exit c
expect_eq "$RC" 1 "a file that is not a database is refused"
grep -q "^survey run: «.*bad.db» маалымат базасы эмес (--db интервьюлар сакталган файлды" \
	"$TMP/c.err" && ok "said in Kyrgyz, with no English detail" ||
	not_ok "not in Kyrgyz: $(cat "$TMP/c.err")"
expect_eq "$(wc -l <"$TMP/c.err")" 1 "one line"
# a questionnaire that is not there; the questionnaire given as --db (before any terminal)
run "$SURVEY" run "$TMP/nothere.md" --db "$DB" --lang ky
expect_rc 1 "a missing questionnaire"
expect_err "^survey run: суроолор файлы ачылбады: .*nothere.md: мындай файл же папка жок$" \
	"said in Kyrgyz, the system's reason too"
run "$SURVEY" run "$TMP/nothere.md" --db "$DB" --lang ru
expect_err "^survey run: не удалось открыть файл анкеты: .*nothere.md: нет такого файла или папки$" \
	"and in Russian"
run "$SURVEY" run "$FORM" --db "$FORM" --lang ky
expect_rc 1 "the questionnaire as --db"
expect_err "^survey run: «$FORM» — суроолор файлы: --db интервьюлар сакталчу башка файлды" \
	"said in Kyrgyz"
# a database cut short (a copy that stopped half-way), in a terminal
sqlite3 "$TMP/whole.db" "CREATE TABLE t(x); INSERT INTO t VALUES (randomblob(9000));"
head -c 5000 "$TMP/whole.db" >"$TMP/cut.db"
ui_start e "$FORM" --db "$TMP/cut.db" --lang ky
ui_exit e
expect_eq "$RC" 1 "a database cut short is refused"
grep -q "^survey run: «.*cut.db» бузулган, толук көчүрүлбөгөн" "$TMP/e.err" &&
	ok "said in Kyrgyz, what to do included" || not_ok "not in Kyrgyz: $(cat "$TMP/e.err")"
grep -Eq "truncated|cannot open" "$TMP/e.err" && not_ok "English detail: $(cat "$TMP/e.err")" ||
	ok "no English detail"
run "$SURVEY" run "$FORM" --db "$TMP/nodir/x.db" --lang ru
expect_rc 1 "a --db in a folder that does not exist"
expect_err ": нет такого файла или папки$" "the system's reason in Russian"
done_testing
