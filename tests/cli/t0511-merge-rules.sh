# t0511-merge-rules: the merge rules cannot be gamed and merged files merge without loss — a
# version replaces another only when it extends the other's event log AND comes from the
# interview's own device; the same log with other answers is another version; a forged revision
# never decides; a coordinator's file brings its conflicts and provenance along. Properties: any
# merge order, merging again, laptops -> oblasts -> national vs. directly: the same rows; every
# version that went in is in interviews or conflicts unless its own device extended it.
. tests/lib.sh
. tests/cli/merge-lib.sh

laptops "$TMP/l" 4 10 3 1      # laptop01..04, each its own device; every fifth a draft
l1=$TMP/l/laptop01.db l2=$TMP/l/laptop02.db l3=$TMP/l/laptop03.db l4=$TMP/l/laptop04.db

cat >"$TMP/craft.py" <<'EOF'
# craft.py: changes laptop files as a careless or hostile user would, and counts versions.
import hashlib, sqlite3, sys, uuid as uuidlib

def db(path):
    c = sqlite3.connect(path)
    c.isolation_level = None
    return c

def events_hash(rows):
    h = hashlib.sha256()
    for r in rows:
        for v in r:
            h.update(b"\x01\x00" if v is None else str(v).encode() + b"\x00")
    return h.hexdigest()

def events(c, u):
    return c.execute("SELECT seq, at, offset_ms, kind, path, old_value, new_value, old_state, "
                     "new_state FROM events WHERE uuid=? ORDER BY seq", (u,)).fetchall()

def pick(path, status):   # the first interview of that status
    print(db(path).execute("SELECT uuid FROM interviews WHERE status=? ORDER BY uuid LIMIT 1",
                           (status,)).fetchone()[0])

def append(path, u, at, device=None, revision=None, below=None):
    """One more event on u (a 'moved' note: answers unchanged); optionally another device id
    in meta, a revision number, and an `at` chosen so that the log hashes below file below's."""
    c = db(path)
    ev = events(c, u)
    seq, off = ev[-1][0] + 1, ev[-1][2] + 1000
    target = events_hash(events(db(below), u)) if below else None
    for k in range(1000):
        t = "%s.%03dZ" % (at, k)
        new = (seq, t, off, "moved", "q01", None, "back", None, None)
        if not target or events_hash(ev + [new]) < target:
            break
    c.execute("BEGIN")
    c.execute("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?)", (u,) + new)
    c.execute("UPDATE interviews SET revision = %s, modified = ? WHERE uuid = ?" %
              (int(revision) if revision else "revision + 1"), (t, u))
    if device:
        c.execute("UPDATE meta SET value=? WHERE key='device_id'", (device,))
    c.execute("COMMIT")
    c.close()

def set_answer(path, u, q, value):   # another answer behind the same event log
    c = db(path)
    c.execute("UPDATE answers SET value=? WHERE uuid=? AND path=?", (value, u, q))
    c.close()

def evhash(path, u):
    print(events_hash(events(db(path), u)))

def versions(*paths):
    """Distinct versions over laptop files, less those extended by a version from the
    interview's own device (brute force, independent of merge)."""
    vs = {}
    for p in paths:
        c = db(p)
        fdev = c.execute("SELECT value FROM meta WHERE key='device_id'").fetchone()[0]
        for row in c.execute("SELECT uuid, form_id, form_version, device_id, interviewer, "
                             "status, revision, created, modified, completed, content_hash "
                             "FROM interviews"):
            u = row[0]
            log = tuple(events(c, u))
            ans = tuple(c.execute("SELECT path, value, state, modified FROM answers WHERE "
                                  "uuid=? ORDER BY path", (u,)))
            key = (u, log, ans, row)
            own = vs.get(key, (row[3], False))[1] or fdev == row[3]
            vs[key] = (row[3], own)
    kept = 0
    for (u, log, ans, row), (dev, own) in vs.items():
        kept += not any(u2 == u and len(l2) > len(log) and l2[:len(log)] == log and
                        d2 == dev and o2
                        for (u2, l2, a2, r2), (d2, o2) in vs.items())
    print(kept)

globals()[sys.argv[1]](*sys.argv[2:])
EOF
craft() { python3 "$TMP/craft.py" "$@"; }
u=$(craft pick "$l1" complete) d=$(craft pick "$l1" draft)

# later versions of laptop01's file
cp "$l1" "$TMP/l1v2.db"; craft append "$TMP/l1v2.db" "$u" 2026-07-01T10:00:00       # its own edit
cp "$l1" "$TMP/l1alt.db"; craft append "$TMP/l1alt.db" "$u" 2026-07-02T10:00:00     # a clone's
cp "$l1" "$TMP/foreign.db"                                                          # elsewhere
craft append "$TMP/foreign.db" "$u" 2026-07-03T10:00:00 "$(cat /proc/sys/kernel/random/uuid)"
cp "$l1" "$TMP/samelog.db"; craft set_answer "$TMP/samelog.db" "$d" q01 "123456"    # no event
cp "$l1" "$TMP/forged.db"                          # revision 999, its log hashes below l1v2's
craft append "$TMP/forged.db" "$u" 2026-07-04T10:00:00 "" 999 "$TMP/l1v2.db"
v2=$TMP/l1v2.db alt=$TMP/l1alt.db fgn=$TMP/foreign.db same=$TMP/samelog.db forged=$TMP/forged.db
conflicts() { count "$1" "SELECT count(*) FROM conflicts"; }
evh() { craft evhash "$1" "$2"; }

# --- defect 1: a coordinator's file merged into another brings its conflicts and provenance
run "$SURVEY" merge -o "$TMP/oblast.db" "$l1" "$v2" "$alt"
expect_rc 0 "merge a laptop and two later copies into an oblast file"
expect_eq "$(conflicts "$TMP/oblast.db")" "1" "the oblast file keeps the clone's version"
run "$SURVEY" merge -o "$TMP/national.db" "$TMP/oblast.db"
expect_rc 0 "merge the oblast file into a national one"
expect_eq "$(conflicts "$TMP/national.db")" "1" "the national file has the oblast's conflict"
expect_eq "$(rows "$TMP/national.db")" "$(rows "$TMP/oblast.db")" "the national file holds the oblast's rows"
expect_eq "$(count "$TMP/national.db" "SELECT count(DISTINCT input_sha256) FROM provenance")" "4" \
	"the national provenance names the oblast file and the three laptop files it came from"
expect_eq "$(count "$TMP/national.db" "SELECT count(*) FROM provenance_interviews p JOIN provenance USING (input_sha256) WHERE path LIKE '%l1alt.db'")" "10" \
	"the provenance of each interview of a laptop file comes along"

# --- defect 2: the same event log with other answers is another version
run "$SURVEY" merge -o "$TMP/same.db" "$l1" "$same"
expect_rc 0 "merge a file whose draft has another answer behind the same log"
expect_out "samelog.db' .*1 conflicting" "reported as conflicting"
expect_eq "$(count "$TMP/same.db" "SELECT count(*) FROM conflicts WHERE uuid='$d'")" "1" "both answers kept"

# --- defect 3: another device appending one event does not replace the genuine interview
run "$SURVEY" merge -o "$TMP/fgn.db" "$l1" "$fgn"
expect_rc 0 "merge a copy from another device with one more event"
expect_out "foreign.db' .*0 updated, 0 outdated, 1 conflicting" "reported as conflicting, not updated"
expect_eq "$(conflicts "$TMP/fgn.db")" "1" "the other device's version kept in conflicts"
expect_eq "$(evh "$TMP/fgn.db" "$u")" "$(evh "$l1" "$u")" "the genuine interview stays the winner"
run "$SURVEY" merge -o "$TMP/fgn2.db" "$fgn" "$l1"
expect_eq "$(rows "$TMP/fgn2.db")" "$(rows "$TMP/fgn.db")" "the same rows in the other order"
run "$SURVEY" merge -o "$TMP/own.db" "$l1" "$v2"
expect_out "l1v2.db' .*1 updated" "its own device's later version replaces it"
expect_eq "$(conflicts "$TMP/own.db")" "0" "no conflict for its own device's later version"

# --- defect 4: a forged revision does not win
run "$SURVEY" merge -o "$TMP/rev.db" "$forged" "$v2"
expect_rc 0 "merge a version with revision 999 and a genuine one"
expect_eq "$(evh "$TMP/rev.db" "$u")" "$(evh "$v2" "$u")" "the revision does not decide (the larger events hash wins)"
expect_eq "$(count "$TMP/rev.db" "SELECT revision FROM conflicts WHERE uuid='$u'")" "999" "the forged one is kept in conflicts"
run "$SURVEY" merge -o "$TMP/rev2.db" "$v2" "$forged"
expect_eq "$(rows "$TMP/rev2.db")" "$(rows "$TMP/rev.db")" "the same rows in the other order"

# --- honest hierarchy: laptop -> oblast (v1) -> national; later v2 -> oblast -> national
run "$SURVEY" merge -o "$TMP/h-obl.db" "$l1"
run "$SURVEY" merge -o "$TMP/h-nat.db" "$TMP/h-obl.db"
run "$SURVEY" merge -o "$TMP/h-obl.db" "$v2"
expect_out "l1v2.db' .*1 updated" "the oblast file updates the interview"
run "$SURVEY" merge -o "$TMP/h-nat.db" "$TMP/h-obl.db"
expect_rc 0 "merge the oblast file again"
expect_out "h-obl.db' .*1 updated, 0 outdated, 0 conflicting" "the national file updates it too"
expect_eq "$(conflicts "$TMP/h-nat.db")" "0" "no conflict in the national file"
run "$SURVEY" merge -o "$TMP/h-direct.db" "$l1" "$v2"
expect_eq "$(rows "$TMP/h-nat.db")" "$(rows "$TMP/h-direct.db")" "through the oblast or directly: the same rows"

# --- properties
all="$l1 $l2 $l3 $l4 $v2 $alt $fgn $same $forged"
want=$(craft versions $all)
# order: four files with overlapping versions of the same interviews, in every order (FULL=1),
# else in eight: a Latin square and its reverses (each file first, second, third and last; each
# pair in both orders)
set -- "$v2" "$alt" "$fgn" "$same"
if [ -n "${FULL:-}" ]; then
	orders=$(for a in 1 2 3 4; do for b in 1 2 3 4; do for c in 1 2 3 4; do for e in 1 2 3 4; do
		[ $a = $b ] || [ $a = $c ] || [ $a = $e ] || [ $b = $c ] || [ $b = $e ] || [ $c = $e ] ||
			echo $a$b$c$e; done; done; done; done)
else
	orders="1234 2341 3412 4123 4321 1432 2143 3214"
fi
ref=""; n=0; bad=0
for o in $orders; do
	a=${o%???} b=${o#?}; b=${b%??} c=${o#??}; c=${c%?} e=${o#???}
	eval "f1=\${$a} f2=\${$b} f3=\${$c} f4=\${$e}"
	rm -f "$TMP/perm.db"
	"$SURVEY" merge -o "$TMP/perm.db" "$f1" "$f2" "$f3" "$f4" >/dev/null 2>"$TMP/err" || bad=$((bad + 1))
	r=$(rows "$TMP/perm.db"); n=$((n + 1))
	[ -z "$ref" ] && ref=$r
	[ "$r" = "$ref" ] || bad=$((bad + 1))
done
expect_eq "$n $bad" "$(echo $orders | wc -w) 0" "four overlapping files in $n orders: the same rows"
expect_eq "$(( $(count "$TMP/perm.db" "SELECT count(*) FROM interviews") + $(conflicts "$TMP/perm.db") ))" \
	"$(craft versions "$v2" "$alt" "$fgn" "$same")" "versions in = interviews + conflicts out"

# repeats: every file again, in another order
run "$SURVEY" merge -o "$TMP/all.db" $all
expect_rc 0 "merge all nine files"
first=$(rows "$TMP/all.db")
expect_eq "$(( $(count "$TMP/all.db" "SELECT count(*) FROM interviews") + $(conflicts "$TMP/all.db") ))" "$want" \
	"conservation: versions in = interviews + conflicts out"
run "$SURVEY" merge -o "$TMP/all.db" "$forged" "$same" "$fgn" "$alt" "$v2" "$l4" "$l3" "$l2" "$l1"
expect_out "holds [0-9]+ interviews" "merge them all again"
if grep -Eq ": [1-9][0-9]* new|, [1-9][0-9]* (updated|conflicting)" "$TMP/out"; then not_ok "merging again changed something: $(cat "$TMP/out")"; else ok "merging again: nothing new, updated or conflicting"; fi
expect_eq "$(rows "$TMP/all.db")" "$first" "merging again: the same rows"

# hierarchy: laptops -> two oblast files -> national, in both orders, and nested
run "$SURVEY" merge -o "$TMP/o1.db" "$l1" "$alt" "$fgn" "$l2"
run "$SURVEY" merge -o "$TMP/o2.db" "$v2" "$same" "$forged" "$l3" "$l4"
run "$SURVEY" merge -o "$TMP/n1.db" "$TMP/o1.db" "$TMP/o2.db"
expect_rc 0 "merge two oblast files into a national one"
expect_eq "$(rows "$TMP/n1.db")" "$first" "national from oblasts = all laptops directly"
run "$SURVEY" merge -o "$TMP/n1.db" "$TMP/o2.db" "$TMP/o1.db"
if grep -Eq ": [1-9][0-9]* new|, [1-9][0-9]* (updated|conflicting)" "$TMP/out"; then not_ok "merging the oblast files again changed something: $(cat "$TMP/out")"; else ok "merging the oblast files again: nothing new, updated or conflicting"; fi
expect_eq "$(rows "$TMP/n1.db")" "$first" "merging the oblast files again: the same rows"
run "$SURVEY" merge -o "$TMP/n2.db" "$TMP/o2.db" "$TMP/o1.db"
expect_eq "$(rows "$TMP/n2.db")" "$first" "the other order of oblasts: the same rows"
cp "$TMP/o1.db" "$TMP/o12.db"
run "$SURVEY" merge -o "$TMP/o12.db" "$TMP/o2.db"
run "$SURVEY" merge -o "$TMP/n3.db" "$TMP/o12.db" "$TMP/o1.db" "$l3" "$v2"
expect_eq "$(rows "$TMP/n3.db")" "$first" "an oblast file merged into the other, then with laptops again: the same rows"
expect_eq "$(( $(count "$TMP/n3.db" "SELECT count(*) FROM interviews") + $(conflicts "$TMP/n3.db") ))" "$want" \
	"conservation through the hierarchy"
expect_eq "$(count "$TMP/n1.db" "PRAGMA integrity_check")" "ok" "the national file is sound"

done_testing
