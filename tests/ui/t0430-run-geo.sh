# t0430-run-geo: the location field in a real terminal — a point typed in degrees, minutes and
# seconds is saved as decimal degrees and shown back; an impossible latitude is refused with
# the reason and nothing is saved; letters that are not coordinates are refused as typed; a
# trace is saved with ';' between its points; a shape with too few points is refused and, with
# one more, saved closed; a point in decimal degrees with altitude and accuracy.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/g.db
val() { sql "$DB" "select value from answers where path='$1' and state='answered'"; }

ui_start a tests/fixtures/forms/geo.md --db "$DB" --lang en --interviewer Aibek
ui_expect a 'Interviews|Интервью' "the start screen"
ui_keys a n
ui_expect a 'Village' "the first question"
ui_type a 'Ak-Tash'
ui_step a 'Where is the house\?' Enter
ui_expect a 'Latitude longitude \[altitude \[accuracy\]\]' "the format line is under the field"

ui_type a '95 74.5'
ui_keys a Enter
ui_expect a 'The latitude must be between -90 and 90' "an impossible latitude: the reason is shown"
ui_lacks a 'The road to the school' "and the screen stays"
expect_eq "$(val home)" "" "nothing is saved"
ui_keys a C-u
ui_type a 'x'
ui_expect a 'Coordinates take only digits' "a letter that is no coordinate is refused as typed"

ui_type a "42°52'30\"N 74°36'E"
ui_expect a "> 42°52'30\"N 74°36'E" "degrees, minutes and seconds are typed"
ui_step a 'The road to the school' Enter
expect_eq "$(val home)" "42.875 74.6 0 0" "saved as ODK's decimal text"
ui_expect a 'Points "latitude longitude" separated by ; \(at least 2\)' "the trace's format line"
ui_type a '42.1 74.1; 42.2 74.2 800 5'
ui_step a 'The field' Enter
expect_eq "$(val road)" "42.1 74.1 0 0;42.2 74.2 800 5" "the trace is saved, points joined by ';'"

ui_type a '42.1 74.1;42.2 74.2'
ui_keys a Enter
ui_expect a 'An area needs at least 3 points' "a shape of two points is refused"
expect_eq "$(val field)" "" "nothing is saved"
ui_type a ';42.1 74.3'
ui_keys a Enter
ui_wait a 'Add|Well' || true
expect_eq "$(val field)" "42.1 74.1 0 0;42.2 74.2 0 0;42.1 74.3 0 0;42.1 74.1 0 0" \
	"with a third point it is saved, closed"

# back to the house: what the saved answer means is shown
ui_keys a PPage
ui_expect a 'Saved: an area of 3 points, [0-9]+ m²' "the shape's area is shown"
ui_keys a PPage
ui_expect a 'Saved: a line of 2 points, 1[0-9]{4} m long' "the trace's length is shown"
ui_keys a PPage
ui_expect a 'Saved: 42\.87500° N, 74\.60000° E' "the point is shown in degrees"

ui_keys a F10
ui_expect a 'Interviews|Интервью' "F10 leaves"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits"
ui_no_stderr a "nothing on stderr"
done_testing
