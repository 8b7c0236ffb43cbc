# t0540-merge-full-disk: an output on a disk that fills up during an input: that input is refused
# ("the disk is full"), the output stays as after the inputs before it, sound; exit 1.
. tests/lib.sh
. tests/cli/merge-lib.sh

if ! mount_tmpfs "$TMP/disk" size=1m; then
	ok "# skip: mounting a small tmpfs is not allowed here"
	done_testing
	exit
fi
laptops "$TMP/l" 1 10 4 1
laptops "$TMP/l" 1 600 4 2   # the output of it alone: ~1.6 MB at schema 8, ~8 MB at 7
small=$TMP/l/laptop01.db big=$TMP/l/laptop02.db
out=$TMP/disk/out.db
b=$(sha256sum <"$big")

run "$SURVEY" merge -o "$out" "$small" "$big"
expect_rc 1 "the second input does not fit"
expect_err "cannot merge '.*laptop02.db': .*the disk is full" "says the disk is full"
expect_err_lines 1 "one line"
expect_out "laptop01.db' .*: 10 new" "the first input is merged"
expect_out "1 input rejected; the others are merged into" "the report says the first stays merged"
expect_eq "$(sha256sum <"$big")" "$b" "the input's bytes are unchanged"
expect_eq "$(count "$out" "PRAGMA integrity_check")" "ok" "the output is sound"
expect_eq "$(count "$out" "SELECT count(*) FROM interviews")" "10" "the output is as after the first input"
[ -e "$out-journal" ] && not_ok "a journal is left" || ok "no journal is left"

done_testing
