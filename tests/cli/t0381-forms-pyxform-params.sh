# t0381-forms-pyxform-params: pyxform's checks that came in session 4, each refused in one
# error line: the parameters of locations (geopoint capture-accuracy/warning-accuracy numbers,
# geotrace/geoshape incremental=true only, allow-mock-accuracy true|false, reference-geometry)
# and media (audio and background-audio quality, image max-pixels and app, an Android package
# name), the keys each type accepts, a range's tick_interval, placeholder and tick_labelset, a
# background-geopoint's calculation, a required group or repeat and an external instance
# inside a repeat; the accepted spellings pass. pyxform's checks and other platforms'
# extensions are refused alike from the .md, .csv, .xlsx and .xls of one form.
. tests/lib.sh
. tests/cli/xls-lib.sh
S=tests/fixtures/pyxform-suite
F=tests/fixtures/forms

refused() { # refused FILE REGEX what
	run "$SURVEY" check "$S/reject/$1.md"
	expect_rc 1 "$3"
	expect_eq "$(grep -c ': error: ' "$TMP/err")" 1 "$3: one error line (beside the laptop's warning)"
	expect_err "^$S/reject/$1\.md:survey:[0-9]+: error: $2\$" "$3: the message"
}
# FILE|MESSAGE (an ERE)|WHAT
while IFS='|' read -r file msg what; do
	refused "$file" "$msg" "$what"
done <<'EOF'
geo-capture-accuracy-text|parameters: parameter 'capture-accuracy' must be a number, not 'close'|capture-accuracy=close
geo-warning-accuracy-text|parameters: parameter 'warning-accuracy' must be a number, not 'far'|warning-accuracy=far
geo-unknown-parameter|parameters: unknown parameter 'rows' \(accepted: capture-accuracy, warning-accuracy, allow-mock-accuracy\)|rows= on a geopoint
geotrace-incremental-false|parameters: parameter 'incremental' can only be true, not 'false'|incremental=false
geo-allow-mock-bad|parameters: parameter 'allow-mock-accuracy' must be true or false, not 'maybe'|allow-mock-accuracy=maybe
audio-quality-bad|parameters: parameter 'quality' must be voice-only, low, normal or external, not 'loud'|an audio quality=loud
background-audio-quality-external|parameters: parameter 'quality' must be voice-only, low or normal, not 'external'|a background-audio quality=external
image-max-pixels-text|parameters: parameter 'max-pixels' must be a whole number, not 'big'|max-pixels=big
image-unknown-parameter|parameters: unknown parameter 'rows' \(accepted: max-pixels, app\)|rows= on an image
image-app-no-dot|parameters: parameter 'app' must be an Android package name, as org.example.camera \(parts joined by '.', each starting with a letter\), not 'scanner'|app=scanner
image-app-digit-part|parameters: parameter 'app' must be an Android package name, .* not 'org.1example.camera'|a part of app starting with a digit
image-app-bad-character|parameters: parameter 'app' must be an Android package name, .* not 'org.exa-mple.camera'|a '-' in app
range-tick-not-multiple|parameters: range tick_interval must be a multiple of step, greater than 0 and no larger than the range|tick_interval=3 with step=2
range-tick-zero|parameters: range tick_interval must be a multiple of step, .*|tick_interval=0
range-tick-too-large|parameters: range tick_interval must be a multiple of step, .*|tick_interval larger than the range
range-placeholder-outside|parameters: range placeholder must be one of the range's values \(start plus a multiple of step, between start and end\)|a placeholder outside the range
range-placeholder-off-step|parameters: range placeholder must be one of the range's values .*|a placeholder between two steps
range-labelset-unknown|parameters: range tick_labelset 'nolist' is not a list of the choices sheet|a tick_labelset naming no list
range-labelset-not-number|parameters: range tick_labelset 'ticks': choice 'low' is not a tick of the range \(its names are the values labelled\)|a tick label named by a word
range-labelset-outside|parameters: range tick_labelset 'ticks': choice '12' is not a tick of the range .*|a tick label outside the range
range-ticks-appearance|parameters: range tick_interval, placeholder and tick_labelset go with the appearances vertical and no-ticks only, not 'picker'|tick parameters with the picker appearance
range-no-ticks-three-labels|parameters: range tick_labelset 'ticks': with no-ticks it labels the two ends only, start and end|no-ticks with three labels
range-no-ticks-not-ends|parameters: range tick_labelset 'ticks': with no-ticks it labels the two ends only, .*|no-ticks labelling the middle
required-group|required: a group or repeat cannot be required: make the questions inside it required|a required group
required-repeat|required: a group or repeat cannot be required: .*|a required repeat
external-in-repeat|type: xml-external 'towns' is inside a repeat: put it outside, before the repeat|an xml-external inside a repeat
background-geopoint-calculation|background-geopoint 'where' cannot have a calculation: its value is the point its trigger records|a background-geopoint with a calculation
EOF
for a in geo-parameters media-parameters range-ticks; do
	run "$SURVEY" check "$S/accept/$a.md"
	expect_rc 0 "$a: the accepted parameters pass"
	grep -q ': error: ' "$TMP/err" && not_ok "$a: an error line" || ok "$a: no error line"
done
printf '| survey |\n| | type | name | label | parameters |\n| | geopoint | a | A | capture-accuracy=2x |\n| | image | b | B | max-pixels=1e3 |\n| | geoshape | c | C | reference-geometry=nowhere |\n| | image | d | D | max-pixels=1.5 |\n' >"$TMP/p.md"
run "$SURVEY" check "$TMP/p.md"
expect_rc 1 "numbers with letters, pixels not whole, an unknown reference-geometry"
expect_eq "$(grep -c ': error: ' "$TMP/err")" 4 "one error line each"
expect_err ":survey:5: error: parameters: reference-geometry 'nowhere' is neither a choice list nor a \\$\{repeat\}" \
	"reference-geometry naming nothing"

# pyxform's checks and the platforms' extensions, the same lines from every format (the row
# numbers are each file's own)
msgs() { sed 's/^[^:]*:[^:]*:[0-9]*: //' "$TMP/err"; }
for n in pyxform-checks platform; do
	"$PY" $F/gen_xls.py "$F/$n.md" "$TMP/$n.xls" || not_ok "gen_xls $n"
	run "$SURVEY" check "$F/$n.md"
	expect_rc 1 "$n.md refused"
	msgs >"$TMP/$n.md.msgs"
	for form in "$F/$n.csv" "$F/$n.xlsx" "$TMP/$n.xls"; do
		b=$(basename "$form")
		run "$SURVEY" check "$form"
		expect_rc 1 "$b refused"
		msgs >"$TMP/$b.msgs"
		cmp -s "$TMP/$n.md.msgs" "$TMP/$b.msgs" && ok "$b: the same $(wc -l <"$TMP/$b.msgs") lines as the .md" ||
			not_ok "$b: lines differ: $(diff "$TMP/$n.md.msgs" "$TMP/$b.msgs" | head -4)"
	done
done
done_testing
