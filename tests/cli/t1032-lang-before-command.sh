# t1032-lang-before-command: `survey --lang ky COMMAND …` (the language before the command) means
# the same as `survey COMMAND --lang ky …`, for help and for a command's messages; a bare
# `survey --lang ky` is still a usage error.
. tests/lib.sh
S=$SURVEY
en() { env -u LC_ALL -u LC_MESSAGES -u LANG "$@"; }

en "$S" --help --lang ky >"$TMP/want"
run en "$S" --lang ky --help
expect_rc 0 "survey --lang ky --help exits 0"
expect_eq "$(cmp -s "$TMP/out" "$TMP/want" && echo same)" same "survey --lang ky --help is the Kyrgyz overview"
en "$S" help kit --lang ru >"$TMP/want"
run en "$S" --lang=ru help kit
expect_eq "$(cmp -s "$TMP/out" "$TMP/want" && echo same)" same "survey --lang=ru help kit is kit's Russian help"
run en "$S" --lang ky list "$TMP/none.db"
expect_rc 1 "a command after --lang ky runs"
expect_err "ачылбады" "and speaks Kyrgyz"
run en "$S" --lang ky
expect_rc 2 "survey --lang ky alone is a usage error"
done_testing
