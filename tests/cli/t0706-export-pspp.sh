# t0706-export-pspp: the shipped survey's simulated data exported to .sav opens in GNU PSPP
# with the Kyrgyz question texts, choice labels and declared missing values, and PSPP's
# CROSSTABS counts are the database's counts. Runs when pspp is installed (make test-full
# installs it); skipped otherwise.
. tests/lib.sh
export TZ=Asia/Bishkek
if ! command -v pspp >/dev/null 2>&1; then
	if [ "${FULL:-}" = 1 ]; then not_ok "pspp is not installed (make test-full installs it)"
	else echo "# full-only: pspp is not installed (make test-full installs it)"; fi
	done_testing
	exit $?
fi
DB="$TMP/lsg.db"
"$SURVEY" simulate surveys/covid19-lsg.md -n 120 --seed 3 --specials 0.1 --db "$DB" --quiet ||
	not_ok "simulate"
run "$SURVEY" export "$DB" -o "$TMP/lsg.sav" --lang ky
expect_rc 0 "export .sav in Kyrgyz"

cat >"$TMP/dict.sps" <<SPS
GET FILE='$TMP/lsg.sav'.
DISPLAY DICTIONARY /VARIABLES=oblast gender population.
SPS
pspp -O format=csv -o "$TMP/dict.csv" "$TMP/dict.sps" >"$TMP/pspp.log" 2>&1
grep -q 'Облусту же республикалык маанидеги шаарды тандаңыз' "$TMP/dict.csv" &&
	ok "PSPP shows the question text in Kyrgyz" || not_ok "no Kyrgyz variable label: $(head -c 300 "$TMP/pspp.log")"
grep -q 'Баткен облусу' "$TMP/dict.csv" && grep -q 'Эркек' "$TMP/dict.csv" &&
	ok "PSPP shows the choice labels" || not_ok "no choice labels"
grep -q 'Билбейт' "$TMP/dict.csv" && grep -q 'Баш тартты' "$TMP/dict.csv" &&
	ok "don't know and refused are labelled" || not_ok "no labels for the missing values"
grep -q -- '-98' "$TMP/dict.csv" && ok "-98 is a declared missing value" || not_ok "no missing values"
grep -qi 'warning\|error' "$TMP/pspp.log" && not_ok "PSPP complains: $(head -3 "$TMP/pspp.log")" ||
	ok "PSPP reads the file without a warning"

cat >"$TMP/tab.sps" <<SPS
SET TNUMBERS=VALUES TVARS=NAMES.
GET FILE='$TMP/lsg.sav'.
DISPLAY DOCUMENTS.
CROSSTABS /TABLES=oblast BY gender /CELLS=COUNT.
SPS
pspp -O format=csv -o "$TMP/tab.csv" "$TMP/tab.sps" >/dev/null 2>&1
# the codes of oblast, from the file's own notes: "oblast: 1=batken 2=jalal_abad ..."
awk '/^oblast:/ { on = 1; sub(/^oblast:/, "") } on && /^[a-z_]+:/ && !/^oblast:/ { on = 0 }
	on { for (i = 1; i <= NF; i++) { split($i, kv, "="); print kv[2], kv[1] } }' "$TMP/tab.csv" |
	sed 's/"//g' | sort -u >"$TMP/codes"
[ "$(wc -l <"$TMP/codes")" -eq 9 ] && ok "the notes list oblast's 9 codes" || not_ok "codes: $(cat "$TMP/codes")"
# PSPP's cells: "oblast-code gender-code count"
awk -F, '/^,,,[0-9]/ { n = 0; for (i = 4; i < NF; i++) col[++n] = $i }
	$3 == "Count" && $1 != "Total" { for (i = 4; i < NF; i++) if ($i > 0) print $2, col[i - 3], $i }' \
	"$TMP/tab.csv" | sort >"$TMP/pspp"
# the same from the database (answered only: don't know and refused are missing in PSPP)
sqlite3 -separator ' ' "$DB" "SELECT o.value, g.value, count(*) FROM interviews i
	JOIN answers o ON o.uuid = i.uuid AND o.path = 'respondent/oblast' AND o.state = 'answered'
	JOIN answers g ON g.uuid = i.uuid AND g.path = 'respondent/gender' AND g.state = 'answered'
	WHERE i.status = 'complete' GROUP BY 1, 2" |
	while read -r ob ge n; do
		code=$(awk -v k="$ob" '$1 == k { print $2 }' "$TMP/codes")
		gcode=1; [ "$ge" = male ] && gcode=2
		echo "$code $gcode $n"
	done | sort >"$TMP/db"
[ -s "$TMP/db" ] && cmp -s "$TMP/pspp" "$TMP/db" && ok "CROSSTABS counts are the database's ($(wc -l <"$TMP/db") cells)" ||
	not_ok "crosstab differs: pspp=[$(tr '\n' ';' <"$TMP/pspp")] db=[$(tr '\n' ';' <"$TMP/db")]"
done_testing
