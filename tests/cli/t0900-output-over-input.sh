# t0900-output-over-input: no command writes over one of its inputs. Every writing command
# (export, report, pack, merge, simulate, import, run) refuses an output (-o, --db) that is one
# of its inputs however it is spelled (the same path, ./path, absolute, dir/../path, a symlink,
# a hard link) or a journal of an input database, and an output that is not a regular file
# (a FIFO, a device such as /dev/null, a folder): one line, exit 1, before anything is opened,
# the input byte for byte as it was and nothing created beside it. An output written into a full
# or read-only folder leaves the old output as it was and no temporary file.
. tests/lib.sh
. tests/cli/merge-lib.sh
case $SURVEY in /*) ;; *) SURVEY=$PWD/$SURVEY ;; esac
export TZ=Asia/Bishkek LC_ALL=C.UTF-8
top=$PWD
W=$TMP/w
mkdir "$W" "$W/sub" "$W/dir"
cp tests/fixtures/export/basic.md tests/fixtures/export/central.csv \
	tests/fixtures/export/central-kid.csv "$W/"
cp surveys/covid19-lsg.md "$W/form.md"
cp surveys/covid19-lsg.md "$W/form2.md"
cp reports/covid19-lsg/report.md "$W/spec.md"
cd "$W" || exit 1
"$SURVEY" import basic.md central.csv --db lsg.db >/dev/null 2>&1 || not_ok "setting up: import"
"$SURVEY" simulate form.md -n 30 --db sim.db --quiet >/dev/null 2>&1 ||
	not_ok "setting up: simulate"
"$SURVEY" report sim.db spec.md -o "$TMP/check.html" -q >/dev/null 2>&1 ||
	not_ok "setting up: the report can be made"
rm -f ./*-wal ./*-shm
for f in lsg.db sim.db spec.md form.md basic.md central.csv; do
	ln -s "$f" "sym-$f"
	ln "$f" "hard-$f"
done

# names FILE: the ways to name FILE, a file of the current folder $W
names() { echo "$1 ./$1 $W/$1 sub/../$1 sym-$1 hard-$1"; }

# refused WHAT INPUT REASON CMD...: refused in one line with exit 1, REASON on stderr, INPUT
# byte for byte as it was, nothing new in the folder (no journal, lock or temporary file)
refused() {
	what=$1 input=$2 reason=$3
	shift 3
	sum=$(sha256sum <"$input")
	files=$(ls -A "$W")
	run "$@"
	expect_rc 1 "$what"
	expect_err "$reason" "$what: says why"
	expect_err_lines 1 "$what: one line"
	expect_eq "$(sha256sum <"$input")" "$sum" "$what: '$input' unchanged"
	expect_eq "$(ls -A "$W" | tr '\n' ' ')" "$(echo "$files" | tr '\n' ' ')" \
		"$what: nothing made beside it"
}

same="is the output file"
for o in $(names lsg.db); do
	refused "export -o $o" lsg.db "$same" "$SURVEY" export lsg.db --format csv -o "$o"
	refused "export -o $o (no --format)" lsg.db "$same" "$SURVEY" export lsg.db -o "$o"
	refused "pack -o $o" lsg.db "$same" "$SURVEY" pack lsg.db -o "$o"
	refused "merge -o $o" lsg.db "$same" "$SURVEY" merge -o "$o" lsg.db
done
for o in $(names sim.db); do
	refused "merge -o $o, the second input" sim.db "$same" "$SURVEY" merge -o "$o" lsg.db sim.db
	refused "report -o $o (the database)" sim.db "$same" "$SURVEY" report sim.db spec.md -o "$o"
done
for o in $(names spec.md); do
	refused "report -o $o (the spec)" spec.md "$same" "$SURVEY" report sim.db spec.md -o "$o"
done
for o in $(names form.md); do
	refused "simulate --db $o" form.md "$same" "$SURVEY" simulate form.md -n 2 --db "$o" --quiet
	refused "run --db $o" form.md "is the questionnaire file: --db must name another file" "$SURVEY" run form.md --db "$o"
done
for o in $(names basic.md); do
	refused "import --db $o (the form)" basic.md "$same" \
		"$SURVEY" import basic.md central.csv --db "$o"
done
for o in $(names central.csv); do
	refused "import --db $o (the data)" central.csv "$same" \
		"$SURVEY" import basic.md central.csv --db "$o"
done
refused "simulate --db with %d, one of them the form" form2.md "$same" \
	"$SURVEY" simulate form2.md -n 2 --db "form%d.md" --devices 3 --quiet
# a journal of the input database: SQLite would take it for the database's own
for j in wal shm journal; do
	refused "export -o lsg.db-$j" lsg.db "journal 'lsg.db-$j' as the output file" \
		"$SURVEY" export lsg.db --format csv -o "lsg.db-$j"
	refused "pack -o lsg.db-$j" lsg.db "journal" "$SURVEY" pack lsg.db -o "lsg.db-$j"
	refused "merge -o lsg.db-$j" lsg.db "journal" "$SURVEY" merge -o "lsg.db-$j" lsg.db
	refused "report -o sim.db-$j" sim.db "journal" "$SURVEY" report sim.db spec.md -o "sim.db-$j"
done

# a repeat's file beside the output (OUT-kid.csv) is the database: refused too
cp lsg.db out-kid.csv
sum=$(sha256sum <out-kid.csv)
run "$SURVEY" export out-kid.csv -o out.csv
expect_rc 1 "export: a repeat's file would be the database"
expect_err "the input database 'out-kid.csv' is the output file \(output 'out-kid.csv'\)" \
	"export: a repeat's file would be the database: says why"
expect_err_lines 1 "export: a repeat's file would be the database: one line"
expect_eq "$(sha256sum <out-kid.csv)" "$sum" \
	"export: a repeat's file would be the database: unchanged"
[ -e out.csv ] && not_ok "export: out.csv was written" || ok "export: nothing written"
rm -f out-kid.csv*

# outputs that are not regular files: a FIFO, a device, a folder. Each command, its output @:
CMDS='lsg.db export lsg.db --format csv -o @
spec.md report sim.db spec.md -o @
lsg.db pack lsg.db -o @
lsg.db merge -o @ lsg.db
form.md simulate form.md -n 2 --quiet --db @
central.csv import basic.md central.csv --db @
form.md run form.md --db @'
# not_regular NAME: every command refuses to write NAME
not_regular() {
	echo "$CMDS" | while read -r input cmd; do
		# shellcheck disable=SC2046
		refused "$(echo "$cmd" | sed "s|@|$1|")" "$input" \
			"cannot write '$1': (not a regular file|it is a folder); give a file name" \
			"$SURVEY" $(echo "$cmd" | sed "s|@|$1|") </dev/null
	done >"$TMP/tap"
	cat "$TMP/tap"
	T_N=$((T_N + $(grep -c '^ok\|^not ok' "$TMP/tap")))
	T_FAILED=$((T_FAILED + $(grep -c '^not ok' "$TMP/tap")))
}
mkfifo fifo
mknod null c 1 3 2>/dev/null
not_regular fifo
[ -p fifo ] && ok "the FIFO is still a FIFO" || not_ok "the FIFO was replaced"
not_regular dir
[ -d dir ] && [ -z "$(ls -A dir)" ] && ok "the folder is as it was" || not_ok "the folder changed"
if [ -c null ]; then
	not_regular null
	[ -c null ] && ok "the device is still a device" || not_ok "the device was replaced"
	# /dev/null itself, only once its copy above was refused by every command (as root, a
	# regression would otherwise replace the machine's /dev/null)
	if [ "$T_FAILED" -eq 0 ]; then
		had=$(ls -a /dev | grep -E '^(null-|null\.|\.null)' | tr '\n' ' ')
		not_regular /dev/null
		[ -c /dev/null ] && ok "/dev/null is still a device" || not_ok "/dev/null was replaced"
		expect_eq "$(ls -a /dev | grep -E '^(null-|null\.|\.null)' | tr '\n' ' ')" "$had" \
			"no /dev/null-journal, /dev/null.lock or temporary file in /dev"
	else
		not_ok "/dev/null not tried: a device in a test folder was not refused"
	fi
else
	ok "# skip devices: mknod is not allowed here"
fi

# the commands still write where they should, replacing an older output
cd "$top" || exit 1
printf 'old\n' >"$W/out.csv"
run "$SURVEY" export "$W/lsg.db" -o "$W/out.csv"
expect_rc 0 "export over an older output"
expect_eq "$(head -c 6 "$W/out.csv")" "start," "the older output is replaced"
expect_eq "$(stat -c %a "$W/out.csv")" "$(touch "$TMP/m"; stat -c %a "$TMP/m")" \
	"with the mode of an ordinary new file"

# interrupted writes: a full disk, a read-only folder
# keeps OLD_FILE CMD...: fails with exit 1 in one line; OLD_FILE as it was, no temporary file
keeps() {
	old=$1
	shift
	dir=$(dirname "$old")
	sum=$(sha256sum <"$old")
	files=$(ls -A "$dir")
	run "$@"
	expect_rc 1 "$(basename "$dir"): $2 -o $(basename "$old")"
	expect_err_lines 1 "$(basename "$dir"): $(basename "$old"): one line"
	expect_eq "$(sha256sum <"$old")" "$sum" "$(basename "$dir"): $(basename "$old") as it was"
	expect_eq "$(ls -A "$dir" | tr '\n' ' ')" "$(echo "$files" | tr '\n' ' ')" \
		"$(basename "$dir"): no temporary file left"
}
# olds DIR: an older output for each command in DIR
olds() { for f in x.csv r.html p.db; do printf 'the old %s\n' "$f" >"$1/$f"; done; }
if mount_tmpfs "$TMP/full" size=64k; then
	olds "$TMP/full"
	dd if=/dev/zero of="$TMP/full/filler" bs=1k 2>/dev/null
	keeps "$TMP/full/x.csv" "$SURVEY" export "$W/lsg.db" -o "$TMP/full/x.csv"
	keeps "$TMP/full/r.html" "$SURVEY" report "$W/sim.db" "$W/spec.md" -o "$TMP/full/r.html"
	keeps "$TMP/full/p.db" "$SURVEY" pack "$W/lsg.db" -o "$TMP/full/p.db"
else
	ok "# skip full disk: mount is not allowed here"
fi
if mount_tmpfs "$TMP/ro" size=1m; then
	olds "$TMP/ro"
	mount -o remount,ro "$TMP/ro"
	keeps "$TMP/ro/x.csv" "$SURVEY" export "$W/lsg.db" -o "$TMP/ro/x.csv"
	keeps "$TMP/ro/r.html" "$SURVEY" report "$W/sim.db" "$W/spec.md" -o "$TMP/ro/r.html"
	keeps "$TMP/ro/p.db" "$SURVEY" pack "$W/lsg.db" -o "$TMP/ro/p.db"
else
	ok "# skip read-only folder: mount is not allowed here"
fi
done_testing
