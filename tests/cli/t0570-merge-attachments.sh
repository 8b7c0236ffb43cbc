# t0570-merge-attachments: `survey merge` and attached files. Laptops with media interviews
# merge in any order to the same attachments rows; a merged file merges on; --max-attachment
# bounds what an input may hold (refused whole, in one line, the output unchanged); an input
# whose attachments lie — other bytes than its SHA-256, another size or media type, a name
# with a folder in it, a file no event attached, an attached event without its file, an answer
# naming a file that is not there, bytes stored as text — is refused whole in one line, the
# output byte for byte as it was, and the good inputs given with it merged.
. tests/lib.sh
F=tests/fixtures/forms
Q() { sqlite3 "$@"; }
att() { Q "$1" "SELECT uuid, path, sha256, name, media_type, size, hex(bytes) FROM attachments ORDER BY 1, 2, 3, 4" | sha256sum; }

# l1 of schema 7: its hostile copies below are crafted with sqlite3 (l2: the run's schema)
run schema7 "$SURVEY" simulate $F/media.md -n 4 --seed 1 --db "$TMP/l1.db" --drafts 0.3 --quiet
run "$SURVEY" simulate $F/media.md -n 4 --seed 2 --db "$TMP/l2.db" --drafts 0.3 --quiet
run "$SURVEY" pack "$TMP/l1.db" -o "$TMP/p1.db"
expect_rc 0 "pack a laptop with attachments"
run "$SURVEY" merge -o "$TMP/ab.db" "$TMP/p1.db" "$TMP/l2.db" --allow-simulated
expect_rc 0 "merge two laptops"
run "$SURVEY" merge -o "$TMP/ba.db" "$TMP/l2.db" "$TMP/p1.db" "$TMP/l1.db" --allow-simulated
expect_rc 0 "merge them the other way round, one twice"
expect_eq "$(att "$TMP/ab.db")" "$(att "$TMP/ba.db")" "the same attachments rows in either order"
expect_eq "$(Q "$TMP/ab.db" "SELECT count(*) FROM attachments")" \
	"$(( $(Q "$TMP/l1.db" "SELECT count(*) FROM attachments") + $(Q "$TMP/l2.db" "SELECT count(*) FROM attachments") ))" \
	"every file of both laptops"
run "$SURVEY" merge -o "$TMP/national.db" "$TMP/ab.db" --allow-simulated
expect_rc 0 "a merged file merges into another"
expect_eq "$(att "$TMP/national.db")" "$(att "$TMP/ab.db")" "and carries its attachments"

# --max-attachment
run "$SURVEY" merge -o "$TMP/small.db" --max-attachment 64 "$TMP/l1.db" --allow-simulated
expect_rc 1 "an attachment above --max-attachment: refused"
expect_err "^survey: cannot merge '.*l1.db': its attachment '[^']+' \(interview [0-9a-f-]+, question [^)]+\) is [0-9]+ bytes, above the limit of 64 bytes; give merge --max-attachment SIZE to accept it\$" \
	"in one line naming the file, the interview and the limit"
[ ! -e "$TMP/small.db" ] && ok "no output left behind" || not_ok "small.db was made"
for bad in 0 65M 12X -5 ''; do
	run "$SURVEY" merge -o "$TMP/x.db" --max-attachment "$bad" "$TMP/l1.db"
	expect_rc 2 "--max-attachment '$bad' is a bad argument"
done
expect_err "^survey merge: --max-attachment '' is not a size from 1 byte to 64M" "said so"

# hostile copies of l1: each refused whole, the output unchanged, l2 merged with it
u=$(Q "$TMP/l1.db" "SELECT uuid FROM attachments WHERE path = 'photo' ORDER BY uuid LIMIT 1")
hostile() {   # hostile NAME REGEX SQL
	cp "$TMP/l1.db" "$TMP/$1.db"
	Q "$TMP/$1.db" "$3"
	cp "$TMP/ab.db" "$TMP/out.db"
	before=$(sha256sum <"$TMP/out.db")
	run "$SURVEY" merge -o "$TMP/out.db" "$TMP/$1.db" --allow-simulated
	expect_rc 1 "$1: refused"
	expect_err "^survey: cannot merge '.*$1.db': $2" "$1: $2"
	expect_err_lines 1 "$1: one line"
	expect_eq "$(sha256sum <"$TMP/out.db")" "$before" "$1: the output is byte for byte as it was"
}
hostile other-bytes "it is damaged: the attachment '[^']+' of interview $u \(question photo\) does not match its SHA-256" \
	"UPDATE attachments SET bytes = zeroblob(size) WHERE uuid = '$u' AND path = 'photo'"
hostile other-size "it is damaged: .* does not match its size" \
	"UPDATE attachments SET size = size + 1 WHERE uuid = '$u' AND path = 'photo'"
hostile other-type "it is damaged: .* does not match its media type" \
	"UPDATE attachments SET media_type = 'text/html' WHERE uuid = '$u' AND path = 'photo'"
hostile dotdot "it is damaged: interview $u has an attachment named ../../etc/cron.d/x at question photo, not a plain file name" \
	"UPDATE attachments SET name = '../../etc/cron.d/x' WHERE uuid = '$u' AND path = 'photo'"
hostile escape "it is damaged: interview $u has an attachment named a\\\\x1b\[2Jb at question photo" \
	"UPDATE attachments SET name = 'a' || char(27) || '[2Jb' WHERE uuid = '$u' AND path = 'photo'"
hostile unattached "it is damaged: interview $u, question code has an attachment no version of the interview attached" \
	"INSERT INTO attachments SELECT uuid, 'code', sha256, name, media_type, size, bytes FROM attachments WHERE uuid = '$u' AND path = 'photo'"
hostile missing "it is damaged: interview $u, question photo names an attached file the file lacks" \
	"DELETE FROM attachments WHERE uuid = '$u' AND path = 'photo'"
hostile text-bytes "it is damaged: table 'attachments', interview '$u', column 'bytes': it holds text where survey writes a blob" \
	"UPDATE attachments SET bytes = CAST(bytes AS TEXT) WHERE uuid = '$u' AND path = 'photo'"
d=$(Q "$TMP/l1.db" "SELECT i.uuid FROM interviews i JOIN attachments f USING (uuid) WHERE i.status = 'draft' AND f.path = 'photo' LIMIT 1")
if [ -n "$d" ]; then
	hostile answer-names-nothing "it is damaged: the answer of interview $d, question photo names no attached file" \
		"UPDATE answers SET value = 'other.pgm' WHERE uuid = '$d' AND path = 'photo'"
else
	not_ok "seed 1 gave no draft with a photo: choose another seed"
fi

# a bad input among good ones: the good ones merged
cp "$TMP/l1.db" "$TMP/bad.db"
Q "$TMP/bad.db" "UPDATE attachments SET bytes = zeroblob(size) WHERE uuid = '$u' AND path = 'photo'"
run "$SURVEY" merge -o "$TMP/mixed.db" "$TMP/bad.db" "$TMP/l2.db" --allow-simulated
expect_rc 1 "one bad input: exit 1"
expect_eq "$(att "$TMP/mixed.db")" "$(att "$TMP/l2.db")" "the good input merged with its files"

done_testing
