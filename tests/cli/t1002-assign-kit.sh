# t1002-assign-kit: `survey assign` gives units to interviewers (by id or --where COL=VALUE), a
# unit's interview UUID made once and kept when it moves; `survey kit` writes one laptop's file
# (the form, that interviewer's frame rows and assignments, --no-extra in its meta) via temp +
# rename, never over HQ.db; `survey receive` applies it: once, then "nothing changed"; a kit
# for another interviewer, form or version, or a file that is no kit, is refused unchanged.
. tests/lib.sh
VER=$(sed -n 's/^|  | .* | covid19_lsg | \([0-9]*\) | .*/\1/p' surveys/covid19-lsg.md)   # the shipped form's version
FORM=surveys/covid19-lsg.md
FRAME=tests/fixtures/fieldwork/frame-60.csv
Q() { sqlite3 "$@"; }
HQ=$TMP/hq.db
"$SURVEY" frame $FORM $FRAME --db "$HQ" >/dev/null

# ---- assign ----
run "$SURVEY" assign "$HQ" --interviewer 'Айгүл' --where oblast=chuy
expect_rc 0 "assign by --where"
expect_out "^assigned 9 units of 'covid19_lsg' to Айгүл$" "the 9 units of Chuy"
run "$SURVEY" assign "$HQ" --interviewer 'Марат' --where oblast=osh --where district=kara_suu
expect_rc 0 "two --where conditions"
expect_out "^assigned 2 units" "both must hold"
run "$SURVEY" assign "$HQ" --interviewer 'Марат' BSH-01 OSH-01 CH-09
expect_rc 0 "assign by ids"
expect_out "^assigned 3 units of 'covid19_lsg' to Марат \(1 from another interviewer\)$" "one moved from Айгүл"
expect_eq "$(Q "$HQ" "SELECT count(DISTINCT uuid) || ' ' || count(*) FROM assignments WHERE unit_id = 'CH-09'")" "1 2" \
	"the moved unit keeps its interview UUID (two rows, one UUID)"
expect_eq "$(Q "$HQ" "SELECT count(DISTINCT uuid) || ' ' || count(DISTINCT unit_id) FROM assignments")" "13 13" "one UUID per unit"
run "$SURVEY" assign "$HQ" --interviewer 'Марат' BSH-01
expect_out "0 units.*; 1 already held by Марат" "assigning again changes nothing"
before=$(Q "$HQ" "SELECT * FROM assignments ORDER BY 1, 2, 3" | sha256sum)
run "$SURVEY" assign "$HQ" --interviewer 'Марат' TL-01 NOPE-1
expect_rc 1 "a unit not in the frame is refused"
expect_err "^survey: unit 'NOPE-1' is not in the frame of form 'covid19_lsg': nothing assigned$" "in one line"
expect_eq "$(Q "$HQ" "SELECT * FROM assignments ORDER BY 1, 2, 3" | sha256sum)" "$before" "nothing assigned"
run "$SURVEY" assign "$HQ" --interviewer 'Марат' --where rayon=x
expect_rc 1 "an unknown --where column"
expect_err "has no column 'rayon'" "is named"
run "$SURVEY" assign "$HQ" --interviewer 'Марат' --where oblast=atlantis
expect_rc 1 "no unit matches"
run "$SURVEY" assign "$HQ" TL-01
expect_rc 2 "no --interviewer: bad arguments"
run "$SURVEY" assign "$HQ" --interviewer 'Марат' TL-01 --where oblast=talas
expect_rc 2 "ids and --where together: bad arguments"
run "$SURVEY" assign "$HQ" --interviewer "$(printf 'M\033[2J')" TL-01
expect_rc 2 "a name with a control character"

# ---- kit ----
run "$SURVEY" kit "$HQ" --interviewer 'Айгүл' -o "$TMP/aigul.db"
expect_rc 0 "kit"
expect_out "^wrote the kit of Айгүл to '.*aigul.db': form 'covid19_lsg' version $VER, 8 units assigned, 0 interviews sent back$" "says what it holds"
expect_eq "$(Q "$TMP/aigul.db" "SELECT count(*) FROM frame")" 9 "the frame rows of her units (and of the one that moved)"
expect_eq "$(Q "$TMP/aigul.db" "SELECT count(*) FROM assignments")" 10 "with their assignment rows: CH-09 twice"
expect_eq "$(Q "$TMP/aigul.db" "SELECT form_id || ' ' || version FROM forms")" "covid19_lsg $VER" "the form"
expect_eq "$(Q "$TMP/aigul.db" "SELECT count(*) FROM interviews")" 0 "no interviews yet"
expect_eq "$(Q "$TMP/aigul.db" "SELECT value FROM meta WHERE key = 'kit_no_extra'")" 0 "extra interviews allowed by default"
expect_eq "$(Q "$TMP/aigul.db" "PRAGMA journal_mode")" delete "one file for a USB stick"
run "$SURVEY" kit "$HQ" --interviewer 'Марат' -o "$TMP/marat.db" --no-extra
expect_rc 0 "kit --no-extra"
expect_eq "$(Q "$TMP/marat.db" "SELECT value FROM meta WHERE key = 'kit_no_extra'")" 1 "--no-extra in the kit's meta"
cp "$HQ" "$TMP/hq-before.db"
run "$SURVEY" kit "$HQ" --interviewer 'Бакыт' -o "$TMP/none.db"
expect_rc 1 "a kit for someone with no units is refused"
expect_err "Бакыт holds no unit of form 'covid19_lsg'" "says why"
[ -e "$TMP/none.db" ] && not_ok "a kit was left behind" || ok "no kit left behind"
run "$SURVEY" kit "$HQ" --interviewer 'Айгүл' -o "$HQ"
expect_rc 1 "a kit over HQ.db is refused"
cmp -s "$HQ" "$TMP/hq-before.db" && ok "HQ.db unchanged by kit" || not_ok "kit changed HQ.db"

# ---- receive ----
run "$SURVEY" receive "$TMP/aigul.db" --db "$TMP/laptop.db"
expect_rc 0 "receive into a new laptop file"
expect_out "^applied the kit of Айгүл to '.*laptop.db': form 'covid19_lsg' version $VER" "says so"
expect_eq "$(Q "$TMP/laptop.db" "SELECT count(*) FROM assignments")" 10 "the assignments are on the laptop"
expect_eq "$(Q "$TMP/laptop.db" "SELECT value FROM meta WHERE key = 'interviewer'")" "Айгүл" "the laptop works for her"
cp "$TMP/laptop.db" "$TMP/laptop-before.db"
run "$SURVEY" receive "$TMP/aigul.db" --db "$TMP/laptop.db"
expect_rc 0 "the same kit again"
expect_out "already holds the kit .*: nothing changed" "says nothing changed"
cmp -s "$TMP/laptop.db" "$TMP/laptop-before.db" && ok "and the laptop file is byte for byte the same" || not_ok "the laptop file changed"
refused() { # refused KIT WHAT REGEX
	run "$SURVEY" receive "$1" --db "$TMP/laptop.db"
	expect_rc 1 "$2: refused"
	expect_err "$3" "$2: says why"
	expect_err_lines 1 "$2: in one line"
	cmp -s "$TMP/laptop.db" "$TMP/laptop-before.db" && ok "$2: the laptop unchanged" || not_ok "$2: the laptop changed"
}
refused "$TMP/marat.db" "a kit for another interviewer" "is a kit for Марат, and '.*laptop.db' is Айгүл's: nothing changed"
# another version of the form: a copy with a new version number
sed "s/| covid19_lsg | $VER |/| covid19_lsg | 9999999999 |/" $FORM >"$TMP/covid-v2.md"
"$SURVEY" frame "$TMP/covid-v2.md" $FRAME --db "$TMP/hq2.db" >/dev/null
"$SURVEY" assign "$TMP/hq2.db" --interviewer 'Айгүл' CH-01 >/dev/null
"$SURVEY" kit "$TMP/hq2.db" --interviewer 'Айгүл' -o "$TMP/v2kit.db" >/dev/null
refused "$TMP/v2kit.db" "a kit for another version" "is a kit for form 'covid19_lsg' version 9999999999, and .* works with form 'covid19_lsg' version $VER"
# another form
"$SURVEY" simulate tests/fixtures/forms/basic.md -n 1 --db "$TMP/other.db" --quiet
"$SURVEY" receive "$TMP/aigul.db" --db "$TMP/other.db" >/dev/null 2>&1
expect_rc_other=$?
[ $expect_rc_other -eq 1 ] && ok "a kit for another form than the laptop's interviews is refused" || not_ok "a kit for another form: exit $expect_rc_other"
"$SURVEY" simulate tests/fixtures/forms/basic.md -n 1 --db "$TMP/plain.db" --quiet
refused "$TMP/plain.db" "a survey file that is no kit" "is not a kit"
printf 'not a database at all, just text' >"$TMP/text.db"
refused "$TMP/text.db" "a text file" "is not a kit|not a database|cannot open"
# crafted kits: refused in one line, no raw escape, the laptop unchanged
cp "$TMP/aigul.db" "$TMP/esc-name.db"
Q "$TMP/esc-name.db" "UPDATE meta SET value = 'Айгүл' || char(27) || '[2J' WHERE key = 'kit_interviewer'"
refused "$TMP/esc-name.db" "a kit whose interviewer holds an escape" "is not a kit"
grep -q "$(printf '\033')" "$TMP/err" && not_ok "a raw escape on stderr" || ok "no raw escape on stderr"
cp "$TMP/aigul.db" "$TMP/esc-frame.db"
Q "$TMP/esc-frame.db" "UPDATE frame SET data = json_set(data, '$.municipality_name', 'X' || char(27) || '[31m') WHERE unit_id = 'CH-01'"
refused "$TMP/esc-frame.db" "a kit whose frame holds an escape" "not printable text"
cp "$TMP/aigul.db" "$TMP/extra-table.db"
Q "$TMP/extra-table.db" "CREATE TABLE evil(x)"
refused "$TMP/extra-table.db" "a kit with a table survey does not make" "is not a kit"
cp "$TMP/aigul.db" "$TMP/damaged.db"
Q "$TMP/damaged.db" "UPDATE assignments SET uuid = 'x' WHERE unit_id = 'CH-01'"
run "$SURVEY" receive "$TMP/damaged.db" --db "$TMP/fresh.db"
expect_rc 1 "a damaged kit is refused"
[ -e "$TMP/fresh.db" ] && not_ok "a laptop file was left behind" || ok "no laptop file made"
done_testing
