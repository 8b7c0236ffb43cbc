# t0463-run-start-title: a title or a name too long for its place is cut after a whole word,
# with "…" — never in the middle of a word — at 80, 60 and 120 columns.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/d.db
FORM=tests/fixtures/ui/sections.md
TITLE='Жергиликтүү өз алдынча башкаруу органдарынын пандемия учурундагы көйгөйлөрүн изилдөө жана баалоо'
NAME='Ысык-Көл облусунун Түп районундагы Сары-Булак айыл өкмөтүнүн администрациясы'

# cut_ok TEXT FULL: TEXT is FULL, or a prefix of it that ends at a word and then "…"
cut_ok() {
	python3 - "$1" "$2" <<'PY'
import sys
shown, full = sys.argv[1].strip(), sys.argv[2]
if shown == full:
    sys.exit(0)
if not shown.endswith('…'):
    sys.exit(1)
head = shown[:-1].rstrip()
sys.exit(0 if full.startswith(head) and full[len(head):len(head) + 1] == ' ' else 1)
PY
}

ui_start a "$FORM" --db "$DB" --lang ky
ui_expect a 'жаңы' "the start screen"
ui_keys a n
ui_expect a 'Муниципалитеттин аталышы' "an interview starts"
ui_type a "$NAME"
ui_keys a F10
ui_expect a 'жаңы' "back on the start screen"
for size in 80x24 60x20 120x40; do
	T resize-window -t a -x "${size%x*}" -y "${size#*x}"
	ui_wait a 'жаңы'
	ui_settle a
	# the title bar: "Интервьюлар: TITLE…   [баары]  3"
	bar=$(sed -n 1p "$TMP/screen" | sed 's/^ Интервьюлар: //; s/  *\[баары\].*$//')
	if cut_ok "$bar" "$TITLE"; then ok "$size: the title is cut after a word ($bar)"
	else not_ok "$size: the title is cut in a word: '$bar'"; fi
	name=$(sed -n 3p "$TMP/screen" | sed 's/  .*$//')
	if cut_ok "$name" "$NAME"; then ok "$size: the row's name is cut after a word ($name)"
	else not_ok "$size: the name is cut in a word: '$name'"; fi
done
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
done_testing
