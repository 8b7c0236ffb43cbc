# t0310-forms-xls-xlsm: questionnaires as people keep them in Excel: .xls (BIFF, read through
# libfreexl), .xlsm (read as .xlsx; macros never run or read), and sheets formatted down to
# Excel's last row (1,048,576): only rows with a value count, blank rows and columns cost nothing.
. tests/lib.sh
. tests/cli/xls-lib.sh
F=tests/fixtures/forms

dump() { "$SURVEY" check --dump "$1" | sed 's/^survey source=.*$//'; }

# .xls: the same model as the .xlsx twin
"$PY" $F/gen_xls.py $F/basic.md "$TMP/basic.xls"
run "$SURVEY" check "$TMP/basic.xls"
expect_rc 0 "basic.xls is valid"
expect_out "basic\.xls: ok — 15 questions, 2 languages, form household version 2024030101\$" \
	"basic.xls summary"
expect_err_lines 0 "basic.xls: nothing on stderr"
expect_eq "$(dump "$TMP/basic.xls" | cksum)" "$(dump $F/basic.xlsx | cksum)" \
	"basic.xls gives the model of basic.xlsx"

"$PY" $F/gen_xls.py $F/meta-legacy.md "$TMP/meta-legacy.xls"
run "$SURVEY" check "$TMP/meta-legacy.xls"
expect_rc 0 "meta-legacy.xls is valid"
expect_err "meta-legacy\.xls:survey:13: warning: type: 'select one from yes_no' is an old spelling: write 'select_one yes_no'\$" \
	"meta-legacy.xls: warnings located at the spreadsheet row"

# simulate and export from the .xls; the form is embedded and read back from the database
run "$SURVEY" simulate "$TMP/basic.xls" -n 4 --seed 3 --db "$TMP/x.db"
expect_rc 0 "simulate runs a .xls form"
run "$SURVEY" export "$TMP/x.db" --format csv -o "$TMP/x.csv"
expect_rc 0 "export of interviews made from a .xls form"
expect_out "^exported [1-4] interviews \(1 form version\)" "the interviews are exported"
run "$SURVEY" import "$TMP/basic.xls" "$TMP/x.csv" --db "$TMP/y.db"
expect_rc 0 "import with a .xls form"
# merge reads the embedded .xls back (through a private temporary copy) to check the answers
run "$SURVEY" pack "$TMP/x.db" -o "$TMP/stick.db"
expect_rc 0 "pack a database made from a .xls form"
run "$SURVEY" merge -o "$TMP/all.db" "$TMP/stick.db" --allow-simulated
expect_rc 0 "merge checks its answers against the embedded .xls form"
expect_out "4 new" "every interview is merged"

# a damaged .xls and another file renamed .xls: one line each
head -c 3000 "$TMP/basic.xls" >"$TMP/cut.xls"
run "$SURVEY" check "$TMP/cut.xls"
expect_rc 1 "a truncated .xls is refused"
expect_err_lines 1 "truncated .xls: one line"
expect_err "cut\.xls: .*\.xls" "truncated .xls: the line says so"
cp $F/basic.xlsx "$TMP/renamed.xls"
run "$SURVEY" check "$TMP/renamed.xls"
expect_rc 1 "an .xlsx renamed .xls is refused"
expect_err "renamed\.xls: error: not an \.xls file \(no OLE2 header\)" "renamed .xls: said so"
expect_err_lines 1 "renamed .xls: one line"

# .xlsm: read as .xlsx
cp $F/basic.xlsx "$TMP/basic.xlsm"
run "$SURVEY" check "$TMP/basic.xlsm"
expect_rc 0 "basic.xlsm is valid"
expect_out "basic\.xlsm: ok — 15 questions" "basic.xlsm summary"
run "$SURVEY" simulate "$TMP/basic.xlsm" -n 2 --seed 3 --db "$TMP/m.db"
expect_rc 0 "simulate runs a .xlsm form"

# a sheet formatted down to row 1,048,576 and out to column XFD: rows without values are not
# rows, and such a workbook checks as quickly as the plain one
python3 - "$F/basic.xlsx" "$TMP/formatted.xlsx" <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
    for item in zi.infolist():
        data = zi.read(item.filename)
        if item.filename == "xl/worksheets/sheet1.xml":
            text = data.decode()
            last = int(text.rsplit('<row r="', 1)[1].split('"', 1)[0])
            rows = []
            for r in range(last + 1, 1048577):
                if r % 1000 == 0 or r == 1048576:
                    rows.append('<row r="%d" s="1" customFormat="1"><c r="A%d" s="1"/>'
                                '<c r="XFD%d" s="1" t="s"/></row>' % (r, r, r))
                else:
                    rows.append('<row r="%d" s="1" customFormat="1"/>' % r)
            text = text.replace("</sheetData>", "".join(rows) + "</sheetData>")
            data = text.encode()
        zo.writestr(item, data)
PY
run "$SURVEY" check "$TMP/formatted.xlsx"
expect_rc 0 "a sheet formatted down to Excel's last row is valid"
expect_out "formatted\.xlsx: ok — 15 questions, 2 languages" "formatted rows are not questions"
expect_err_lines 0 "formatted rows: nothing on stderr"
expect_eq "$(dump "$TMP/formatted.xlsx" | cksum)" "$(dump $F/basic.xlsx | cksum)" \
	"formatted rows and columns change nothing in the model"
"$PY" $F/gen_xls.py $F/basic.md "$TMP/formatted.xls" --blank-rows 65000
run "$SURVEY" check "$TMP/formatted.xls"
expect_rc 0 "a .xls formatted down the page is valid"
expect_eq "$(dump "$TMP/formatted.xls" | cksum)" "$(dump $F/basic.xlsx | cksum)" \
	"formatted .xls rows change nothing in the model"

# a crafted .xls whose sheets declare 65,536 x 255 cells each: libfreexl would reserve ~800 MB
# before a cell is read; the release binary opens it first in a child capped at 512 MB and
# refuses it in one line (sanitizer builds reserve terabytes, so only ./survey is capped)
"$PY" - "$TMP/basic.xls" "$TMP/bomb.xls" <<'EOF2'
import struct, sys
d = bytearray(open(sys.argv[1], 'rb').read())
i = d.find(b'\x00\x02\x0e\x00')
while i >= 0:
    struct.pack_into('<IIHH', d, i + 4, 0, 65536, 0, 255)   # DIMENSIONS: rows, columns
    i = d.find(b'\x00\x02\x0e\x00', i + 4)
open(sys.argv[2], 'wb').write(d)
EOF2
if [ -x "$TOP/survey" ]; then
	run "$TOP/survey" check "$TMP/bomb.xls"
	expect_rc 1 "a .xls declaring huge sheets is refused"
	expect_err "cannot be opened within 512 MB" "it says why, in one line"
	expect_err_lines 1 "one line"
else
	not_ok "no release binary $TOP/survey (make test builds it)"
fi

done_testing
