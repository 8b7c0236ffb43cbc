# t1030-help-language: `survey --help`, `survey help COMMAND` and `survey COMMAND --help` speak
# the language of --lang (anywhere on the line), else of the locale (LANG=ru_RU.UTF-8,
# ky_KG.UTF-8), else English; --lang beats the locale; the English help is byte for byte what
# the cmd_*.c entries hold (usage, summary, help), as before the translations; exit codes stay.
. tests/lib.sh
S=$SURVEY
en() { env -u LC_ALL -u LC_MESSAGES -u LANG "$@"; }
loc() { l=$1; shift; env -u LC_ALL -u LC_MESSAGES LANG="$l" "$@"; }   # loc LOCALE CMD...

# the English help of every command, rebuilt from its cmd_*.c entry
PYTHONPATH=tests python3 - "$TMP" <<'PY'
import sys, lang_strings as L
for name, e in L.help_english().items():
    text = f"usage: survey {name} {e['usage']}\n\n{e['summary']}\n" + (f"\n{e['help']}" if e["help"] else "")
    open(f"{sys.argv[1]}/en.{name}", "w", encoding="utf-8").write(text)
PY
n=0 bad=""
for f in "$TMP"/en.*; do
	c=${f##*/en.}
	n=$((n + 1))
	en "$S" help "$c" >"$TMP/got" 2>&1 || bad="$bad $c(exit)"
	# tab adds its generated list of statistics after the entry's help
	head -c "$(wc -c <"$f")" "$TMP/got" | cmp -s - "$f" || bad="$bad $c"
	[ "$c" = tab ] || cmp -s "$TMP/got" "$f" || bad="$bad $c(tail)"
	en "$S" "$c" --help | cmp -s - "$TMP/got" || bad="$bad $c(--help)"
	loc ru_RU.UTF-8 "$S" help "$c" --lang en | cmp -s - "$TMP/got" || bad="$bad $c(--lang en)"
done
expect_eq "$n:$bad" "18:" "the English help of all 18 commands is their entry's text, byte for byte"

run en "$S" --help
expect_rc 0 "survey --help"
expect_eq "$(head -1 "$TMP/out")" "usage: survey COMMAND [ARGS]" "the English overview starts as before"
expect_eq "$(tail -1 "$TMP/out")" "Exit status: 0 success, 1 a user error (one line on stderr), 2 bad arguments." \
	"and ends as before"
cp "$TMP/out" "$TMP/overview.en"
for how in "help" "-h" "--help --lang en"; do
	# shellcheck disable=SC2086
	en "$S" $how | cmp -s - "$TMP/overview.en" && ok "survey $how: the same English overview" ||
		not_ok "survey $how differs from survey --help"
done
run en "$S"
expect_rc 2 "survey without a command"
cmp -s "$TMP/err" "$TMP/overview.en" && ok "prints the English overview on stderr" || not_ok "bare survey: $(head -3 "$TMP/err")"

# the locale, and --lang over it
run loc ru_RU.UTF-8 "$S" --help
expect_out "^команды:" "LANG=ru_RU.UTF-8: the overview in Russian"
expect_out "^  kit +файл для ноутбука" "with the commands' summaries in Russian"
run env -u LANG -u LC_MESSAGES LC_ALL=ky_KG.UTF-8 "$S" help
expect_out "^буйруктар:" "LC_ALL=ky_KG.UTF-8: survey help in Kyrgyz"
run env -u LANG -u LC_MESSAGES LC_ALL=C.UTF-8 "$S" --help
cmp -s "$TMP/out" "$TMP/overview.en" && ok "LC_ALL=C.UTF-8: English" || not_ok "LC_ALL=C.UTF-8: $(head -3 "$TMP/out")"
run env LC_ALL=ru_RU.UTF-8 LANG=ky_KG.UTF-8 "$S" --help
expect_out "^команды:" "LC_ALL comes before LANG, as for every message"
run loc ru_RU.UTF-8 "$S" --help --lang ky
expect_out "^буйруктар:" "--lang ky beats LANG=ru_RU.UTF-8"
run loc ky_KG.UTF-8 "$S" help --lang=ru
expect_out "^команды:" "survey help --lang=ru: the overview, in Russian"

run loc ru_RU.UTF-8 "$S" kit --help
expect_rc 0 "survey kit --help under LANG=ru_RU.UTF-8"
expect_eq "$(loc ru_RU.UTF-8 "$S" help run | sed -n 2p)" \
	"               [--kit KIT.db] [--public-key FILE]" "a usage's second line under the translated word"
expect_out "^использование: survey kit HQ.db --interviewer NAME -o KIT.db" "the usage line, its word in Russian"
expect_out "^параметры:" "the kit's help in Russian"
run loc ru_RU.UTF-8 "$S" review --help --lang ky
expect_out "^параметрлер:" "survey review --help --lang ky: Kyrgyz over the Russian locale"
expect_out "^колдонулушу: survey review DB" "the usage word in Kyrgyz"
run loc ky_KG.UTF-8 "$S" help kit --lang ru
expect_out "^параметры:" "survey help kit --lang ru: Russian over the Kyrgyz locale"
run loc ky_KG.UTF-8 "$S" help --lang ru kit
expect_out "^параметры:" "survey help --lang ru kit: --lang before the command's name too"
run loc ky_KG.UTF-8 "$S" help fra --lang en
expect_out "^usage: survey frame " "survey help fra --lang en: a prefix, in English"
run loc ky_KG.UTF-8 "$S" kit --help --lang en
en "$S" kit --help | cmp -s - "$TMP/out" && ok "--lang en beats LANG=ky_KG.UTF-8" || not_ok "--lang en: $(head -3 "$TMP/out")"

# a wrong --lang is no error for the help: the locale's language; exit codes as before
run loc ru_RU.UTF-8 "$S" kit --help --lang xx
expect_rc 0 "survey kit --help --lang xx"
expect_out "^параметры:" "a wrong --lang leaves the locale's language"
run en "$S" help nosuch --lang ru
expect_rc 2 "survey help nosuch: exit 2 as before"
run en "$S" kit -- --help --lang ky
expect_rc 2 "after --, --help is an argument as before"
done_testing
