# t0343-bundle-hostile: a laptop file whose stored questionnaire bundle (source_kind "bundle")
# is crafted — not a zip, entries out of order, a folder in a name, too many entries, a zip
# bomb, a media entry the form does not load with — is refused by merge in one line, with the
# output left byte for byte as it was; the genuine bundle merges.
. tests/lib.sh
F=tests/fixtures/forms
run "$SURVEY" simulate $F/choices-external.md -n 3 --seed 1 --db "$TMP/good.db"
expect_rc 0 "a laptop file with a bundled form"
run "$SURVEY" merge -o "$TMP/out.db" "$TMP/good.db" --allow-simulated
expect_rc 0 "the genuine bundle merges"
# the output the crafted files are merged into holds another form only
run "$SURVEY" simulate $F/basic.md -n 2 --seed 1 --db "$TMP/other.db"
run "$SURVEY" merge -o "$TMP/out2.db" "$TMP/other.db" --allow-simulated
expect_rc 0 "an output holding another form"
sum() { sha256sum "$TMP/out2.db" | cut -c1-64; }
craft() { # craft NAME PYTHON-EXPRESSION-OF-BYTES: a copy of good.db whose form is those bytes
	python3 - "$TMP/good.db" "$TMP/$1.db" "$2" <<'PY'
import hashlib, io, shutil, sqlite3, sys, zipfile
src, dst, expr = sys.argv[1:4]
shutil.copy(src, dst)
def z(entries, method=zipfile.ZIP_STORED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", method) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return b.getvalue()
db = sqlite3.connect(dst)
md = open("tests/fixtures/forms/choices-external.md", "rb").read()
xml = open("tests/fixtures/forms/choices-external-media/centres.xml", "rb").read()
data = eval(expr)
db.execute("update forms set source=?, sha256=?", (data, hashlib.sha256(data).hexdigest()))
db.commit()
db.close()
PY
}
before=$(sum)
refuse() { # refuse NAME WHAT REGEX
	run timeout 60 "$SURVEY" merge -o "$TMP/out2.db" "$TMP/$1.db" --allow-simulated
	expect_rc 1 "$2: refused"
	expect_err "$3" "$2: said why"
	expect_err_lines 1 "$2: one line"
	expect_eq "$(sum)" "$before" "$2: the output is unchanged"
}
craft notzip 'b"PK\x03\x04 not really a zip" * 10'
refuse notzip "not a zip" "does not load: .*damaged bundle"
craft order 'z([("media/centres.xml", xml), ("choices-external.md", md)])'
refuse order "media before the form" "does not load: .*damaged bundle: unexpected entry at 0"
craft folder 'z([("choices-external.md", md), ("media/../../etc/centres.xml", xml)])'
refuse folder "a folder in a media name" "does not load: .*damaged bundle: unexpected entry at 1"
craft many 'z([("choices-external.md", md)] + [("media/f%d.csv" % i, b"a") for i in range(150)])'
refuse many "too many entries" "does not load: .*damaged bundle: 151 entries"
craft bomb 'z([("choices-external.md", md), ("media/centres.xml", b"<root>" + b" " * (40 << 20) + b"</root>")], zipfile.ZIP_DEFLATED)'
refuse bomb "a zip bomb" "does not load: .*bundle entry 'media/centres.xml' is too large"
craft nomedia 'z([("choices-external.md", md)])'
refuse nomedia "the media file left out" "does not load: .*media file 'centres.xml' is not stored with the questionnaire"
craft notform 'z([("choices-external.exe", md), ("media/centres.xml", xml)])'
refuse notform "an entry that is not a questionnaire" "does not load: .*'choices-external.exe' is not a questionnaire file"
done_testing
