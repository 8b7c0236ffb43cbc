# t0002-reproducible-build: `make` in a fresh copy of the sources builds ./survey as the default
# goal, and two copies in folders of different names and depths build byte-identical programs
# (the folder never reaches the binary: -ffile-prefix-map in the Makefile). Uses the same CC and
# flags as the make that runs the tests; a fresh build each (no build/ folder is copied).
. tests/lib.sh
copy() { # copy DIR: the tracked files of this checkout (or every file when git is absent)
	mkdir -p "$1"
	if git -C "$TOP" rev-parse --git-dir >/dev/null 2>&1; then
		(cd "$TOP" && git ls-files -z | tar --null -T - -cf -) | tar -C "$1" -xf -
	else
		(cd "$TOP" && tar --exclude=./build --exclude=./survey -cf - .) | tar -C "$1" -xf -
	fi
}
A="$TMP/a" B="$TMP/another-place/at-a-deeper-level"
copy "$A"; copy "$B"
for d in "$A" "$B"; do
	(cd "$d" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -j2 >"$TMP/make.log" 2>&1)
	RC=$?
	expect_rc 0 "plain make in $(basename "$d") ($(tail -n 1 "$TMP/make.log" | head -c 200))"
done
if [ -x "$A/survey" ] && [ -x "$B/survey" ]; then ok "plain make leaves ./survey"
else not_ok "plain make leaves ./survey"; fi
if cmp -s "$A/survey" "$B/survey"; then ok "the two builds are byte-identical"
else not_ok "the two builds differ: $(cmp "$A/survey" "$B/survey" 2>&1 | head -c 200)"; fi
run "$A/survey" --version
expect_out "^survey $(cat "$TOP/VERSION")" "--version prints the VERSION file's version"
done_testing
