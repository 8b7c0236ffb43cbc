# t0590-fuzz-replay: every fuzz harness tests/fuzz/fuzz_NAME.c, built without libFuzzer by
# `make test` (build/asan/fuzz-replay/fuzz_NAME: ASan+UBSan, tests/fuzz/replay.c), replays its
# corpus tests/fuzz/corpus/NAME/ and its crash reproducers tests/fuzz/regress/NAME/ (fuzz_merge
# twice: into outputs of schema 7 and of schema 8): one "ok" per file; a file that crashes it is a "not ok" naming the file, and the replay goes on with
# the next. (Reproducers of defects not fixed yet wait in tests/fuzz/pending/NAME/, unreplayed.)
. tests/lib.sh

bins=$(dirname "$SURVEY")/fuzz-replay
# fuzz_merge checks every part of the merge contract (FUZZ_MERGE_SKIP=header,sidecar would skip
# the byte-identical output and nothing-beside-the-input checks; none is skipped: both hold)
export FUZZ_MERGE_SKIP="${FUZZ_MERGE_SKIP-}"
saved_ifs=$IFS

# fuzz_merge replays its corpus twice: into outputs of schema 7 and of schema 8
# (FUZZ_MERGE_SCHEMA: a schema-8 input is then checked from its records)
for src in tests/fuzz/fuzz_*.c tests/fuzz/fuzz_merge.c; do
	name=$(basename "$src" .c)
	short=${name#fuzz_}
	if [ "$name" = fuzz_merge ] && [ "${FUZZ_MERGE_SCHEMA:-}" = 7 ]; then
		export FUZZ_MERGE_SCHEMA=8
		name="fuzz_merge (outputs of schema 8)"
	elif [ "$name" = fuzz_merge ]; then
		export FUZZ_MERGE_SCHEMA=7
	fi
	bin=$bins/$(basename "$src" .c)
	if [ ! -x "$bin" ]; then
		not_ok "$name: no replay program $bin (make test builds it)"
		continue
	fi
	for d in tests/fuzz/corpus/$short tests/fuzz/regress/$short; do
		[ -d "$d" ] && find "$d" -maxdepth 1 -type f ! -name '.*'
	done | LC_ALL=C sort >"$TMP/files"
	if [ ! -s "$TMP/files" ]; then
		not_ok "$name: no corpus in tests/fuzz/corpus/$short"
		continue
	fi
	from=1
	total=$(wc -l <"$TMP/files")
	while [ "$from" -le "$total" ]; do
		set -f
		IFS='
'
		# shellcheck disable=SC2046
		set -- $(sed -n "$from,\$p" "$TMP/files")
		IFS=$saved_ifs
		set +f
		"$bin" "$@" >"$TMP/replay" 2>"$TMP/replay-err"
		rc=$?
		done_now=0
		while read -r line; do
			case $line in
			"ok "*" - replay "*) ok "$name: ${line#ok * - }"; done_now=$((done_now + 1)) ;;
			"not ok "*) not_ok "$name: ${line#not ok * - }"; done_now=$((done_now + 1)) ;;
			esac
		done <"$TMP/replay"
		from=$((from + done_now))
		if [ "$rc" -eq 0 ] || [ "$from" -gt "$total" ]; then
			break
		fi
		# it died on the next file: name it with the first lines of the report
		file=$(sed -n "${from}p" "$TMP/files")
		not_ok "$name: replay $file crashes it: $(grep -m4 -E \
			'fuzz_[a-z]+:|runtime error|ERROR: |^ *#[0-3] ' "$TMP/replay-err" | tr '\n' ' ')"
		from=$((from + 1))
	done
done

done_testing
