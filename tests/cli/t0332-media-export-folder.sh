# t0332-media-export-folder: export's folder of attached files. Two different files of one
# name become NAME.EXT and NAME-2.EXT (the cells say which), the same bytes under one name are
# written once; the folder is OUT without its extension plus "-media"; an existing folder is
# written into; a file or a link in its place is refused in one line with nothing written; no
# file is ever written over the input database; a form without media questions makes no folder.
. tests/lib.sh
F=tests/fixtures/forms
Q() { sqlite3 "$@"; }

run schema7 "$SURVEY" simulate $F/media.md -n 8 --seed 5 --db "$TMP/a.db" --drafts 0 --quiet
expect_rc 0 "simulate"
# three completed interviews' photos renamed alike: two hold other bytes, one the same bytes
set -- $(Q "$TMP/a.db" "SELECT uuid FROM answers WHERE path = 'photo' AND state = 'answered' ORDER BY uuid LIMIT 3")
rename() {   # rename UUID NEWNAME [copy the bytes of UUID2]
	Q "$TMP/a.db" "UPDATE events SET new_value = substr(new_value, 1, 65) || '$2' WHERE uuid = '$1' AND kind = 'attached' AND path = 'photo';
		UPDATE answers SET value = '$2' WHERE uuid = '$1' AND path = 'photo';
		UPDATE attachments SET name = '$2' WHERE uuid = '$1' AND path = 'photo'"
}
rename "$1" same.pgm
rename "$2" same.pgm
rename "$3" same.pgm
Q "$TMP/a.db" "UPDATE attachments SET bytes = (SELECT bytes FROM attachments WHERE uuid = '$1' AND path = 'photo'), sha256 = (SELECT sha256 FROM attachments WHERE uuid = '$1' AND path = 'photo') WHERE uuid = '$3' AND path = 'photo';
	UPDATE events SET new_value = (SELECT sha256 FROM attachments WHERE uuid = '$1' AND path = 'photo') || ' same.pgm' WHERE uuid = '$3' AND kind = 'attached' AND path = 'photo'"
run "$SURVEY" export "$TMP/a.db" -o "$TMP/data.csv"
expect_rc 0 "export"
[ -f "$TMP/data-media/same.pgm" ] && [ -f "$TMP/data-media/same-2.pgm" ] && [ ! -e "$TMP/data-media/same-3.pgm" ] &&
	ok "two different files of one name: same.pgm and same-2.pgm; the same bytes once" ||
	not_ok "files: $(ls "$TMP/data-media" | tr '\n' ' ')"
cell() { awk -F, -v u="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "photo") k = i; next } index($0, u) { print $k }' "$TMP/data.csv"; }
c1=$(cell "$1") c2=$(cell "$2") c3=$(cell "$3")
[ "$c1" = "$c3" ] && [ "$c1" != "$c2" ] && [ -n "$c1" ] && [ -n "$c2" ] &&
	ok "the two interviews with the same bytes share a cell, the other has its own" ||
	not_ok "cells: $c1 $c2 $c3"
for u in "$1" "$2" "$3"; do
	expect_eq "$(sha256sum <"$TMP/data-media/$(cell "$u")" | cut -d' ' -f1)" \
		"$(Q "$TMP/a.db" "SELECT sha256 FROM attachments WHERE uuid = '$u' AND path = 'photo'")" \
		"the file its cell names holds its bytes"
done

# again into the same folder: written over, nothing added
before=$(ls "$TMP/data-media" | wc -l)
run "$SURVEY" export "$TMP/a.db" -o "$TMP/data.csv"
expect_rc 0 "export again"
expect_eq "$(ls "$TMP/data-media" | wc -l)" "$before" "the folder is written into again"

# a file or a link where the folder goes: refused, nothing written
echo keep >"$TMP/f-media"
run "$SURVEY" export "$TMP/a.db" -o "$TMP/f.csv"
expect_rc 1 "a file where the folder goes is refused"
expect_err "^survey: cannot write the attached files into '.*/f-media': it exists and is not a folder; move it away or choose another output file\$" \
	"in one line"
expect_err_lines 1 "one line only"
[ ! -e "$TMP/f.csv" ] && [ "$(cat "$TMP/f-media")" = keep ] && ok "nothing written, the file kept" || not_ok "f.csv written or f-media changed"
mkdir -p "$TMP/elsewhere"
ln -s "$TMP/elsewhere" "$TMP/l-media"
run "$SURVEY" export "$TMP/a.db" -o "$TMP/l.csv"
expect_rc 1 "a link where the folder goes is refused"
[ -z "$(ls "$TMP/elsewhere")" ] && ok "nothing written through the link" || not_ok "written through the link"

# the database inside the folder, under the name of a file to write: refused, unchanged
mkdir -p "$TMP/in-media"
cp "$TMP/a.db" "$TMP/in-media/same.pgm"
sum=$(sha256sum <"$TMP/in-media/same.pgm")
run "$SURVEY" export "$TMP/in-media/same.pgm" -o "$TMP/in.csv"
expect_rc 1 "a file to write that is the database is refused"
expect_err "is the output file|choose another output" "said so"
expect_eq "$(sha256sum <"$TMP/in-media/same.pgm")" "$sum" "the database is unchanged"

# a form without media questions: no folder
run "$SURVEY" simulate $F/basic.md -n 2 --db "$TMP/b.db" --quiet
run "$SURVEY" export "$TMP/b.db" -o "$TMP/basic.csv"
expect_rc 0 "export without media questions"
[ ! -e "$TMP/basic-media" ] && ok "no media folder" || not_ok "basic-media made"
expect_lacks_out() { grep -q "$1" "$TMP/out" && not_ok "$2" || ok "$2"; }
expect_lacks_out "attached" "no line about attached files"

done_testing
