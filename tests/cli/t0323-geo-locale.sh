# t0323-geo-locale: in a Russian locale (LC_NUMERIC's decimal point is a comma) numbers are
# still read and written with '.': a decimal and a geopoint are imported, degrees from
# minutes and seconds are stored as "41.4286111", simulated locations pass merge's checks.
# (Before, strtod in the user's locale refused every "12.5" and "42.87 74.59".) The locale
# is built into $TMP with localedef; without its sources the test is skipped.
. tests/lib.sh
if ! command -v localedef >/dev/null || [ ! -f /usr/share/i18n/locales/ru_RU ]; then
	echo "not ok 1 - no localedef or ru_RU locale source (make test installs Debian's locales)"
	exit 1
fi
mkdir -p "$TMP/loc"
localedef -i ru_RU -f UTF-8 "$TMP/loc/ru_RU.UTF-8" 2>/dev/null
export LOCPATH="$TMP/loc" LC_ALL=ru_RU.UTF-8
[ "$(locale decimal_point 2>/dev/null)" = "," ] || { not_ok "the ru_RU locale was not built"; done_testing; exit 1; }
F=tests/fixtures/forms

printf '| survey |\n| | type | name | label |\n| | decimal | d | D |\n| | geopoint | g | G |\n' \
	>"$TMP/f.md"
printf 'd,g,_uuid\n12.5,"41°25'"'"'43""N 75°59'"'"'28""E 2030.5 8",8a3c7b0e-9a57-4a50-b2c3-2d6f7b4c1a11\n' \
	>"$TMP/d.csv"
run "$SURVEY" import "$TMP/f.md" "$TMP/d.csv" --db "$TMP/d.db"
expect_rc 0 "a decimal and a geopoint are imported in a Russian locale"
expect_eq "$(sqlite3 "$TMP/d.db" "select group_concat(value, '|') from (select value from answers order by path)")" \
	"12.5|41.4286111 75.9911111 2030.5 8" "stored with '.'"

run "$SURVEY" simulate $F/geo.md -n 10 --seed 2 --db "$TMP/s.db"
expect_rc 0 "simulate in a Russian locale"
run "$SURVEY" pack "$TMP/s.db" -o "$TMP/stick.db"
run "$SURVEY" merge -o "$TMP/all.db" "$TMP/stick.db" --allow-simulated
expect_rc 0 "merge accepts what was stored in a Russian locale"
n=$(sqlite3 "$TMP/s.db" "select count(*) from answers where path in ('home', 'road', 'field') and value like '%,%'")
expect_eq "$n" 0 "no location was stored with a comma"
run "$SURVEY" export "$TMP/s.db" --format csv -o "$TMP/s.csv"
run "$SURVEY" import $F/geo.md "$TMP/s.csv" --db "$TMP/back.db"
expect_rc 0 "its export is imported back in the same locale"

done_testing
