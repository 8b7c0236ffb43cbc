# t0912-import-bounds: import reads only regular files, within limits — /dev/zero, a FIFO (no
# hang) and a folder are refused with one line before anything is read; a file with 100,000
# columns, a huge cell, too many rows or too many bytes is refused with one line; raised
# limits are honoured; at most 20 messages are shown, then one line counts the rest.
. tests/lib.sh
F=tests/fixtures/export/basic.md
H='resp/name,resp/age,resp/sex,region,fruit,fruit_other,weight,visit,n_kids'
ROW='Айгүл,34,1,chuy,apple,,61.5,2021-03-09,0'

refused() { # refused REGEX what (after run): exit 1, one line, no database made
	expect_rc 1 "$2"
	expect_err_lines 1 "$2: one line"
	expect_err "$1" "$2: the message"
	[ -e "$TMP/new.db" ] && not_ok "$2: a database was made" || ok "$2: no database made"
	rm -f "$TMP/new.db"*
}

run timeout 20 "$SURVEY" import $F /dev/zero --db "$TMP/new.db"
refused "'/dev/zero' is a device, not a file" "/dev/zero"

mkfifo "$TMP/fifo.csv"
run timeout 20 "$SURVEY" import $F "$TMP/fifo.csv" --db "$TMP/new.db"
[ "$RC" -eq 124 ] && not_ok "a FIFO: import hung (killed by timeout)" || ok "a FIFO: no hang"
refused "fifo.csv' is a pipe \(FIFO\), not a file" "a FIFO"

run timeout 20 "$SURVEY" import $F "$TMP" --db "$TMP/new.db"
refused "is a folder, not a file" "a folder"

mkfifo "$TMP/form.md"
run timeout 20 "$SURVEY" import "$TMP/form.md" "$TMP/x.csv" --db "$TMP/new.db"
[ "$RC" -eq 124 ] && not_ok "a FIFO as FORM: import hung" || ok "a FIFO as FORM: no hang"
refused "form.md' is a pipe \(FIFO\), not a file" "a FIFO as FORM"

python3 - "$TMP/wide.csv" "$H" "$ROW" <<'EOF'
import sys
with open(sys.argv[1], 'w') as f:
    f.write(sys.argv[2] + ',' + ','.join('c%d' % i for i in range(100000)) + '\n')
    f.write(sys.argv[3] + ',' + ','.join('x' for i in range(100000)) + '\n')
EOF
run "$SURVEY" import $F "$TMP/wide.csv" --db "$TMP/new.db"
refused "wide.csv:1: more than 5000 columns \(--max-columns raises the limit\)" "100,000 columns"
run "$SURVEY" import $F "$TMP/wide.csv" --db "$TMP/new.db" --max-columns 200000
n=$(wc -l <"$TMP/err")
[ "$n" -le 21 ] && ok "100,000 unknown columns allowed: $n lines on stderr" ||
	not_ok "100,000 unknown columns: $n lines on stderr"
expect_rc 0 "100,000 unknown columns allowed: the row imported"
expect_err "and [0-9]+ more messages not shown" "100,000 unknown columns: the rest counted"
rm -f "$TMP/new.db"*

python3 - "$TMP/cell.csv" "$H" "$ROW" <<'EOF'
import sys
with open(sys.argv[1], 'w') as f:
    f.write(sys.argv[2] + '\n' + sys.argv[3] + '\n')
    f.write('"' + 'а' * 40000 + '",34,1,chuy,apple,,61.5,2021-03-09,0\n')
EOF
run "$SURVEY" import $F "$TMP/cell.csv" --db "$TMP/new.db"
refused "cell.csv:3:resp/name: a cell of more than 65536 bytes \(--max-cell raises the limit\)" "an 80,000-byte cell"
run "$SURVEY" import $F "$TMP/cell.csv" --db "$TMP/new.db" --max-cell 1K
refused "cell.csv:3:resp/name: a cell of more than 1024 bytes" "--max-cell 1K"
run "$SURVEY" import $F "$TMP/cell.csv" --db "$TMP/new.db" --max-cell 100K
expect_rc 1 "--max-cell 100K reads the cell (the engine then refuses so long an answer)"
expect_err "cell.csv:3:resp/name: error:" "--max-cell 100K: the answer judged by the engine"
rm -f "$TMP/new.db"*

{ echo "$H"; for i in 1 2 3 4 5 6 7 8 9 10; do echo "$ROW"; done; } >"$TMP/rows.csv"
run "$SURVEY" import $F "$TMP/rows.csv" --db "$TMP/new.db" --max-rows 5
refused "rows.csv:7: more than 5 rows \(--max-rows raises the limit\)" "too many rows"
run "$SURVEY" import $F "$TMP/rows.csv" --db "$TMP/new.db" --max-rows 10
expect_rc 0 "--max-rows 10: ten rows imported"
rm -f "$TMP/new.db"*
run "$SURVEY" import $F "$TMP/rows.csv" --db "$TMP/new.db" --max-size 100
refused "rows.csv' is [0-9]+ bytes, more than the limit of 100 \(--max-size raises it\)" "too many bytes"

run "$SURVEY" import $F "$TMP/rows.csv" --db "$TMP/new.db" --max-rows 0
expect_rc 2 "--max-rows 0 is a bad argument"
run "$SURVEY" import $F "$TMP/rows.csv" --db "$TMP/new.db" --max-cell 12Q
expect_rc 2 "--max-cell 12Q is a bad argument"
expect_err "max-cell wants a positive number \(with K, M or G\), not '12Q'" "the bad limit named"
run "$SURVEY" help import
expect_out '--max-columns N +most columns in a file \(default 5000\)' "help: --max-columns and its default"
expect_out '--max-size SIZE' "help: --max-size"

# 100 bad rows: 20 errors shown, one line for the rest, one summary
{ echo "$H"; for i in $(seq 1 100); do echo "Асан,abc,2,osh,pear,,80,2021-03-10,0"; done; } >"$TMP/bad.csv"
run "$SURVEY" import $F "$TMP/bad.csv" --db "$TMP/new.db"
expect_rc 1 "100 bad rows"
expect_err_lines 22 "100 bad rows: 20 errors, the rest counted, the summary"
expect_err "bad.csv: and 80 more messages not shown \(100 errors, 0 warnings in all\)" "100 bad rows: the rest counted"
done_testing
