# t1013-readme-coordinator-day: the commands of README's "The coordinator's day" walkthrough run
# as written (the frame of the shipped survey, the USB stick a folder; `survey run`, which
# needs a terminal, is taken by its `survey receive` alternative): each exits 0.
. tests/lib.sh
cd "$TMP" || exit 1
ln -s "$OLDPWD/surveys" surveys
cp "$OLDPWD/tests/fixtures/fieldwork/frame-60.csv" municipalities.csv
mkdir usb
awk "/^#### The coordinator's day/{f=1} f&&/^\`\`\`/{n++; if(n==2) exit; next} f&&n==1" "$OLDPWD/README.md" |
	grep '^survey ' | sed 's/  *#.*//' >day.txt
[ "$(wc -l <day.txt)" -ge 8 ] && ok "the walkthrough has its commands" || not_ok "the walkthrough: $(cat day.txt)"
grep -q '^survey run --kit' day.txt && ok "the laptop runs the kit's form (no FORM)" || not_ok "no 'survey run --kit'"
while IFS= read -r line; do
	case "$line" in
	"survey run "*) line=$(printf '%s' "$line" | sed 's/^survey run --kit \([^ ]*\) --db \([^ ]*\).*/survey receive \1 --db \2/') ;;
	esac
	cmd=$(printf '%s' "$line" | sed "s|^survey |\"\$SURVEY\" |; s|/media/usb/|usb/|g; s|\*-back.db|aigul-back.db|")
	eval "$cmd" >out 2>err
	rc=$?
	[ $rc -eq 0 ] && ok "README: $line" || not_ok "README: $line: exit $rc: $(cat err)"
done <day.txt
done_testing
