# t0001-help: --help, help CMD, CMD --help, --version, prefixes, unknown and ambiguous commands.
. tests/lib.sh

run "$SURVEY" --help
expect_rc 0 "survey --help"
expect_out '^  list ' "--help lists the list command"
expect_out '^  check ' "--help lists the check command"

run "$SURVEY"
expect_rc 2 "no command"
expect_err 'usage: survey COMMAND' "no command prints the usage"

run "$SURVEY" --version
expect_rc 0 "--version"
expect_out '^survey [0-9]+\.[0-9]+' "--version prints the version"

run "$SURVEY" help list
expect_rc 0 "survey help list"
expect_out '^usage: survey list DB' "help list shows its usage"

run "$SURVEY" list --help
expect_rc 0 "survey list --help"
expect_out '--json' "list --help shows its options"

run "$SURVEY" nosuchcommand
expect_rc 2 "unknown command"
expect_err "unknown command 'nosuchcommand'" "unknown command is named"
expect_err_lines 1 "unknown command gives one line"

run "$SURVEY" help nosuchcommand
expect_rc 2 "help on an unknown command"

run "$SURVEY" --frobnicate
expect_rc 2 "unknown option"

run "$SURVEY" li --help
expect_rc 0 "a unique prefix is accepted"
expect_out '^usage: survey list' "the prefix li means list"

# every command in the table has help, and "survey CMD --help" works for each
"$SURVEY" --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p' >"$TMP/cmds"
while read -r c; do
	run "$SURVEY" "$c" --help
	expect_rc 0 "survey $c --help"
done <"$TMP/cmds"

# an ambiguous prefix: two commands share the first letter only when the table has such a pair
amb=$(awk '{print substr($1,1,1)}' "$TMP/cmds" | sort | uniq -d | head -1)
if [ -n "$amb" ]; then
	run "$SURVEY" "$amb"
	expect_rc 2 "ambiguous prefix '$amb'"
	expect_err "ambiguous command '$amb', could be:" "ambiguous prefix names the candidates"
	expect_err_lines 1 "ambiguous prefix gives one line"
fi

# a full disk: stdout to /dev/full is an error, not a silent success
"$SURVEY" --help >/dev/full 2>"$TMP/err"; RC=$?
expect_rc 1 "--help to a full disk fails"
expect_err 'cannot write the output' "a full disk is reported"

done_testing
