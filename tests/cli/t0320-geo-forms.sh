# t0320-geo-forms: locations end to end, in the same form as .md, .csv, .xlsx and .xls: check
# (start-geopoint blank with a warning, "location" an old spelling), simulate (points in
# Kyrgyzstan, shapes closed, area() and distance() computed), export (a geopoint split into
# NAME_latitude/_longitude/_altitude/_precision in CSV, .sav, .dta and JSON; traces and shapes as
# text), import of the export gives the same answers, and pack/merge accept the values.
. tests/lib.sh
. tests/cli/xls-lib.sh
export TZ=Asia/Bishkek
F=tests/fixtures/forms
ANSWERS="SELECT a.uuid, a.path, coalesce(a.value, '~'), a.state FROM answers a
	JOIN interviews i USING (uuid) WHERE i.status = 'complete' AND a.state != 'skipped'
	AND NOT (a.state = 'answered' AND a.value IS NULL) ORDER BY 1, 2"

"$PY" $F/gen_xls.py $F/geo.md "$TMP/geo.xls"

for form in $F/geo.md $F/geo.csv $F/geo.xlsx "$TMP/geo.xls"; do
	ext=${form##*.}
	run "$SURVEY" check "$form"
	expect_rc 0 "$ext: a form with locations is valid"
	expect_out "ok — 9 questions, 2 languages, form geo version 1 \(2 warnings\)\$" \
		"$ext: summary"
	expect_err ": warning: start-geopoint 'where' is recorded blank: a laptop has no GPS" \
		"$ext: start-geopoint blank, said why"
	expect_err ": warning: type: 'location' is an old spelling: write 'geopoint'\$" \
		"$ext: location is geopoint"

	db="$TMP/$ext.db"
	run "$SURVEY" simulate "$form" -n 12 --seed 5 --db "$db" --specials 0.05
	expect_rc 0 "$ext: simulate"
	run "$SURVEY" export "$db" --format csv -o "$TMP/$ext.csv"
	expect_rc 0 "$ext: export csv"
	head -1 "$TMP/$ext.csv" >"$TMP/head"
	for col in home home_latitude home_longitude home_altitude home_precision road field \
		spring_latitude road_m field_m2; do
		grep -Eq "(^|,)$col(,|\$)" "$TMP/head" && ok "$ext: column $col" ||
			not_ok "$ext: no column $col: $(cat "$TMP/head")"
	done
	grep -Eq "(^|,)(road|field)_latitude(,|\$)" "$TMP/head" &&
		not_ok "$ext: a trace or shape was split" || ok "$ext: traces and shapes stay text"
	grep -q "well/well_at_latitude" "$TMP/$ext-well.csv" && ok "$ext: the repeat's geopoint is split" ||
		not_ok "$ext: repeat file: $(head -1 "$TMP/$ext-well.csv")"
	# every value: points in Kyrgyzstan, the split columns equal to the combined one, shapes
	# closed, the calculated length and area those of the answers
	python3 - "$TMP/$ext.csv" >"$TMP/checked" <<'PY'
import csv, math, sys
R = 6378137.0
def pts(v):
    return [tuple(float(x) for x in p.split(" ")) for p in v.split(";")]
def dist(p):
    s = 0
    for a, b in zip(p, p[1:]):
        f1, f2 = math.radians(a[0]), math.radians(b[0])
        dl = math.radians(b[1] - a[1])
        s += R * math.acos(min(1, math.sin(f1) * math.sin(f2) + math.cos(f1) * math.cos(f2) * math.cos(dl)))
    return s
bad = []
n = 0
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    for q in ("home", "spring", "road", "field"):
        v = row[q]
        if v in ("", ".d", ".r"):
            continue
        n += 1
        p = pts(v)
        for lat, lon, alt, acc in p:
            if not (39.2 <= lat <= 43.3 and 69.2 <= lon <= 80.3 and acc >= 0):
                bad.append("%s outside Kyrgyzstan: %s" % (q, v))
        if q in ("home", "spring"):
            parts = [row[q + "_" + s] for s in ("latitude", "longitude", "altitude", "precision")]
            if " ".join(parts) != v:
                bad.append("%s split %s != %s" % (q, parts, v))
        if q == "road" and (len(p) < 2 or abs(float(row["road_m"]) - round(dist(p), 1)) > 0.2):
            bad.append("road_m %s for %s (%.1f)" % (row["road_m"], v, dist(p)))
        if q == "field" and (len(p) < 4 or p[0] != p[-1]):
            bad.append("field not closed: %s" % v)
print("%d values; %s" % (n, "; ".join(bad[:3]) or "all good"))
PY
	grep -Eq "^[1-9][0-9]* values; all good\$" "$TMP/checked" && ok "$ext: $(cat "$TMP/checked")" ||
		not_ok "$ext: $(cat "$TMP/checked")"

	run "$SURVEY" export "$db" --format json -o "$TMP/$ext.json"
	expect_rc 0 "$ext: export json"
	python3 - "$TMP/$ext.json" >"$TMP/j" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
n = 0
for iv in d["interviews"]:
    for a in iv["answers"]:
        if a["path"] == "home" and a["state"] == "answered":
            p = [float(x) for x in a["value"].split(" ")]
            assert [a["latitude"], a["longitude"], a["altitude"], a["precision"]] == p, a
            n += 1
        if a["path"] == "road":
            assert "latitude" not in a, a
print(n)
PY
	[ "$(cat "$TMP/j")" -gt 0 ] 2>/dev/null && ok "$ext: JSON answers carry the geopoint's numbers" ||
		not_ok "$ext: JSON: $(cat "$TMP/j")"
	for fmt in sav dta; do
		run "$SURVEY" export "$db" --format $fmt -o "$TMP/$ext.$fmt"
		expect_rc 0 "$ext: export $fmt"
	done

	run "$SURVEY" import "$form" "$TMP/$ext.csv" --db "$TMP/$ext-back.db"
	expect_rc 0 "$ext: import the export"
	sqlite3 "$db" "$ANSWERS" >"$TMP/a"
	sqlite3 "$TMP/$ext-back.db" "$ANSWERS" >"$TMP/b"
	cmp -s "$TMP/a" "$TMP/b" && ok "$ext: the same $(wc -l <"$TMP/a") answers after import" ||
		not_ok "$ext: answers differ: $(diff "$TMP/a" "$TMP/b" | head -4)"
done

# simulate is seeded: the same seed gives the same locations
"$SURVEY" simulate $F/geo.md -n 12 --seed 5 --specials 0.05 --db "$TMP/again.db" --quiet
"$SURVEY" export "$TMP/again.db" --format csv -o "$TMP/again.csv" >/dev/null
cut -d, -f1-17 "$TMP/again.csv" >"$TMP/c1"
cut -d, -f1-17 "$TMP/md.csv" >"$TMP/c2"
cmp -s "$TMP/c1" "$TMP/c2" && ok "the same seed gives the same locations" ||
	not_ok "another run of the same seed differs: $(diff "$TMP/c1" "$TMP/c2" | head -3)"

# the .sav read by PSPP: the split columns are numbers
if command -v pspp >/dev/null; then
	printf 'GET FILE="%s".\nDESCRIPTIVES home_latitude home_longitude.\n' "$TMP/md.sav" >"$TMP/d.sps"
	pspp -O format=csv "$TMP/d.sps" >"$TMP/pspp" 2>&1
	grep -Eq ': latitude,[0-9]+,4[0-3]\.[0-9]+' "$TMP/pspp" &&
		grep -Eq ': longitude,[0-9]+,[67][0-9]\.[0-9]+' "$TMP/pspp" &&
		ok "PSPP reads latitude and longitude as numbers" ||
		not_ok "PSPP: $(head -c 300 "$TMP/pspp")"
fi

# pack and merge: the stored values pass merge's checks; one changed to an impossible
# latitude in a laptop's draft (no content hash betrays it) is refused whole, in one line
"$SURVEY" simulate $F/geo.md -n 30 --seed 1 --specials 0.05 --db "$TMP/m.db" --quiet  # a draft
run "$SURVEY" pack "$TMP/m.db" -o "$TMP/stick.db"
expect_rc 0 "pack"
run "$SURVEY" merge -o "$TMP/all.db" "$TMP/stick.db" --allow-simulated
expect_rc 0 "merge accepts the locations"
schema7 "$SURVEY" simulate $F/geo.md -n 30 --seed 1 --specials 0.05 --db "$TMP/bad.db" --quiet
python3 - "$TMP/bad.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
u = c.execute("SELECT min(a.uuid) FROM answers a JOIN interviews i USING (uuid) WHERE "
              "a.path = 'home' AND a.state = 'answered' AND i.status = 'draft'").fetchone()[0]
c.execute("UPDATE answers SET value = '95 74.5 0 0' WHERE uuid = ? AND path = 'home'", (u,))
c.commit()
PY
cp "$TMP/all.db" "$TMP/all-before.db"
run "$SURVEY" merge -o "$TMP/all.db" "$TMP/bad.db" --allow-simulated
expect_rc 1 "a file with a latitude of 95 is refused"
expect_err "home.*latitude outside -90\.\.90" "merge says which value and why"
expect_err_lines 1 "one line"
cmp -s "$TMP/all.db" "$TMP/all-before.db" && ok "the coordinator's file is unchanged" ||
	not_ok "the coordinator's file changed"

done_testing
