#!/bin/sh
# t1230: one registry of statistics (src/analysis/statistics.c) — `survey help tab` lists every
# statistic with its needs, README's list says the same, and each listed key is what
# `tab --stats` takes, what the JSON output names and what a report's stats column takes.
. tests/lib.sh
. tests/fixtures/analysis/lib.sh

run "$SURVEY" help tab
expect_rc 0 "help tab"
# the help's list: "  key  name [needs]" (needs may sit on a line of their own)
python3 - "$TMP/out" >"$TMP/help.list" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
if "[what each needs]:\n" not in text:
    sys.exit(0)
rows = []
for line in text.split("[what each needs]:\n", 1)[1].splitlines():
    if re.match(r"^ {37}\[", line) and rows:
        rows[-1] += " " + line.strip()
    elif line.startswith("  "):
        rows.append(line.strip())
for r in rows:
    key, rest = r.split(None, 1)
    m = re.match(r"^(.*?)(?: \[(.*)\])?$", rest)
    print("%s|%s|%s" % (key, m.group(1), m.group(2) or ""))
PY
n=$(grep -c . "$TMP/help.list")
if [ "$n" -ge 30 ]; then ok "help tab lists the statistics ($n)"; else not_ok "help tab lists the statistics: $n"; fi
python3 - "$TOP/README.md" >"$TMP/readme.list" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
sec = text.split("#### The statistics of `tab` and `report`", 1)
if len(sec) == 2:
    for line in sec[1].split("\n#", 1)[0].splitlines():
        m = re.match(r"^- `([a-z0-9_]+)` — (.*?)(?: \(needs: (.*)\))?$", line)
        if m:
            print("%s|%s|%s" % (m.group(1), m.group(2), m.group(3) or ""))
PY
if cmp -s "$TMP/help.list" "$TMP/readme.list"; then
	ok "README's list of statistics is the help's"
else
	not_ok "README's list of statistics is the help's: $(diff "$TMP/help.list" "$TMP/readme.list" | head -6 | tr '\n' ' ')"
fi

an_db ucb ucb.md ucb.csv
an_db strat api.md apistrat.csv
# every key: tab --stats takes it, and the JSON names it (in the layer's stats, or at the top
# for the statistics across layers); one tab of the keys that need a weight, one of the others
bad=""
wkeys="" keys=""
for key in $(cut -d'|' -f1 "$TMP/help.list"); do
	case $(grep "^$key|" "$TMP/help.list" | cut -d'|' -f3) in
	*--weight*) wkeys="$wkeys${wkeys:+,}$key" ;;
	*) keys="$keys${keys:+,}$key" ;;
	esac
done
for group in w plain; do
	if [ $group = w ]; then
		list=$wkeys; set -- "$TMP/strat.db" sch_wide stype --weight pw --strata stype
	else
		list=$keys; set -- "$TMP/ucb.db" admit gender --by dept
	fi
	[ -n "$list" ] || continue
	"$SURVEY" tab "$@" --stats "$list" --format json >"$TMP/j" 2>"$TMP/e" || { bad="$bad $list(rc)"; continue; }
	bad="$bad$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
keys = set(d) | set().union(*[set(t["stats"]) for t in d["tables"]])
print("".join(" " + k for k in sys.argv[2].split(",") if k not in keys), end="")' "$TMP/j" "$list")"
done
expect_eq "$bad" "" "each statistic of the list is taken by --stats and named in the JSON"

run "$SURVEY" tab "$TMP/ucb.db" admit gender --stats gamma,no_such_statistic
expect_rc 2 "an unknown statistic"
expect_err "^survey tab: unknown statistic 'no_such_statistic' in --stats" "an unknown statistic: the message"

# a report's stats column takes every key of the list, and nothing else
keys=$(cut -d'|' -f1 "$TMP/help.list" | paste -sd' ' -)
cat >"$TMP/spec.md" <<EOF
| report |  |  |  |  |  |
|  | kind | name | row | col | stats |
|  | tab | t1 | admit | gender | $keys |
EOF
run "$SURVEY" report "$TMP/ucb.db" "$TMP/spec.md" -o "$TMP/r.md"
expect_rc 0 "a report takes every statistic of the list"
sed 's/ gamma / gamma no_such_statistic /' "$TMP/spec.md" >"$TMP/bad.md"
run "$SURVEY" report "$TMP/ucb.db" "$TMP/bad.md" -o "$TMP/r2.md"
expect_rc 1 "a report refuses an unknown statistic"
expect_err "unknown statistic 'no_such_statistic'" "a report refuses an unknown statistic: the message"

done_testing
