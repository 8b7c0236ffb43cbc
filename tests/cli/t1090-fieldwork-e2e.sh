# t1090-fieldwork-e2e: issue 15's first "Done when", end to end with three laptops — a frame of
# 60 municipalities, assignments, kits, interviews on each laptop (made by the engine from
# simulated answers with the frame's values and the assignments' UUIDs, through import), pack,
# merge, review (some approved, two rejected with comments), kits back, the rejected ones
# corrected on their laptop by keys (tmux), merge again; every unit's final state; merging in
# any order gives the same rows.
. tests/lib.sh
. tests/ui/tmux.sh
FORM=surveys/covid19-lsg.md FRAME=tests/fixtures/fieldwork/frame-60.csv
HQ=$TMP/hq.db
Q() { sqlite3 -cmd '.timeout 5000' "$@"; }
rows() { for t in interviews answers events conflicts attachments frame assignments reviews; do
	echo "== $t"; Q "$1" "SELECT * FROM $t ORDER BY 1, 2, 3"; done | sha256sum; }

run "$SURVEY" frame "$FORM" "$FRAME" --db "$HQ"
expect_rc 0 "the frame of 60 municipalities"
expect_eq "$(Q "$HQ" "select count(*) from frame")" 60 "60 units"
# three interviewers, three laptops: 20 units each
run "$SURVEY" assign "$HQ" --interviewer 'Айгүл' --where oblast=batken
run "$SURVEY" assign "$HQ" --interviewer 'Айгүл' --where oblast=chuy
run "$SURVEY" assign "$HQ" --interviewer 'Айгүл' --where oblast=osh_city
run "$SURVEY" assign "$HQ" --interviewer 'Марат' --where oblast=issyk_kul
run "$SURVEY" assign "$HQ" --interviewer 'Марат' --where oblast=jalal_abad
run "$SURVEY" assign "$HQ" --interviewer 'Марат' --where oblast=bishkek_city
run "$SURVEY" assign "$HQ" --interviewer 'Бермет' --where oblast=naryn
run "$SURVEY" assign "$HQ" --interviewer 'Бермет' --where oblast=osh
run "$SURVEY" assign "$HQ" --interviewer 'Бермет' --where oblast=talas
expect_rc 0 "assignments"
expect_eq "$(Q "$HQ" "select count(distinct unit_id) || ' ' || count(distinct interviewer) from assignments")" "60 3" \
	"every unit assigned, to three interviewers"
n=0
for who in 'Айгүл' 'Марат' 'Бермет'; do
	n=$((n + 1))
	run "$SURVEY" kit "$HQ" --interviewer "$who" -o "$TMP/kit$n.db"
	expect_rc 0 "the kit of $who"
	run "$SURVEY" receive "$TMP/kit$n.db" --db "$TMP/laptop$n.db"
	expect_rc 0 "received on laptop $n"
done

# interviews on each laptop: the first 6 of its units, answers drawn by simulate, the frame's
# values and the assignment's UUID, made by the engine on the laptop (import, its own device)
"$SURVEY" simulate "$FORM" -n 80 --db "$TMP/answers.db" --drafts 0 --seed 15 --quiet 2>/dev/null
"$SURVEY" export "$TMP/answers.db" --format csv -o "$TMP/answers.csv" >/dev/null
for n in 1 2 3; do
	Q -separator '	' "$TMP/laptop$n.db" "select a.uuid, f.data, a.interviewer from assignments a join frame f using (form_id, unit_id) order by a.unit_id limit 6" >"$TMP/units$n.tsv"
	python3 - "$TMP/answers.csv" "$TMP/units$n.tsv" "$n" "$TMP/in$n.csv" <<'PY'
import csv, json, sys
src, units, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
rows = list(csv.DictReader(open(src, encoding="utf-8")))
reps = list(csv.DictReader(open(src.replace(".csv", "-partners.csv"), encoding="utf-8")))
drop = {"deviceid", "_device", "_origin", "username", "_interviewer", "_submitted_by",
        "budget/spending_per_capita", "_uuid"}
head = [h for h in rows[0].keys() if h not in drop]
w = csv.DictWriter(open(out, "w", encoding="utf-8", newline=""), fieldnames=head)
w.writeheader()
rw = csv.DictWriter(open(out.replace(".csv", "-partners.csv"), "w", encoding="utf-8", newline=""),
                    fieldnames=list(reps[0].keys()))
rw.writeheader()
# a row of answers that fits the unit: the questions asked depend on whether the municipality
# is a city, and a count of households on its population; each laptop takes its own rows
city = lambda o: o in ("bishkek_city", "osh_city")
used = set(range(0, (n - 1) * 20))
for line in open(units, encoding="utf-8"):
    uuid, data, who = line.rstrip("\n").split("\t")
    d = json.loads(data)
    k = next(k for k, r in enumerate(rows) if k not in used and
             city(r["respondent/oblast"]) == city(d["oblast"]) and
             float(r.get("social/food_aid_households") or 0) <= float(d["population"]))
    used.add(k)
    r = dict(rows[k])
    old = r["KEY"]
    for col, v in json.loads(data).items():
        r["respondent/" + col] = v
    r["KEY"] = "uuid:" + uuid
    w.writerow({h: r[h] for h in head})
    for p in reps:
        if p["PARENT_KEY"] == old:
            p = dict(p, PARENT_KEY=r["KEY"], KEY=p["KEY"].replace(old, r["KEY"]))
            rw.writerow(p)
PY
	run "$SURVEY" import "$FORM" "$TMP/in$n.csv" --db "$TMP/laptop$n.db"
	expect_rc 0 "six interviews on laptop $n"
	expect_eq "$(Q "$TMP/laptop$n.db" "select count(*) from interviews i join assignments a using (uuid) join meta m on m.key = 'device_id' where i.status = 'complete' and i.device_id = m.value")" 6 \
		"laptop $n: six complete interviews of its units, on its own device"
	run "$SURVEY" pack "$TMP/laptop$n.db" -o "$TMP/pack$n.db"
	expect_rc 0 "pack laptop $n"
done

run "$SURVEY" merge -o "$HQ" "$TMP/pack1.db" "$TMP/pack2.db" "$TMP/pack3.db"
expect_rc 0 "merge the three laptops into the coordinator's file"
expect_eq "$(Q "$HQ" "select count(*) from interviews where status = 'complete'")" 18 "18 interviews"

# review: approve ten, reject two (one on laptop 1, one on laptop 3) with comments
Q "$HQ" "select i.uuid from interviews i join assignments a using (uuid) order by a.unit_id" >"$TMP/ivs"
R1=$(Q "$TMP/laptop1.db" "select a.uuid from assignments a join interviews using (uuid) order by a.unit_id limit 1")
R2=$(Q "$TMP/laptop3.db" "select a.uuid from assignments a join interviews using (uuid) order by a.unit_id limit 1")
export TZ=Asia/Bishkek
for u in $(grep -v -e "$R1" -e "$R2" "$TMP/ivs" | head -10); do
	"$SURVEY" review "$HQ" --approve "$u" --reviewer 'Супервайзер' >/dev/null || not_ok "approve $u"
done
run "$SURVEY" review "$HQ" --comment "$R1" --path respondent/years_in_position --text "Бул сан туурабы?" --reviewer 'Супервайзер'
expect_rc 0 "a comment on the first rejected"
run "$SURVEY" review "$HQ" --reject "$R1" --reason "Кызматтагы жылдарды текшериңиз" --reviewer 'Супервайзер'
expect_rc 0 "the first rejection"
run "$SURVEY" review "$HQ" --comment "$R2" --path respondent/years_in_position --text "Проверьте стаж" --reviewer 'Супервайзер'
run "$SURVEY" review "$HQ" --reject "$R2" --reason "Стаж не сходится" --reviewer 'Супервайзер'
expect_rc 0 "the second rejection"
run "$SURVEY" review "$HQ" --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["totals"] == {"to-review": 6, "approved": 10, "rejected": 2}, d["totals"]' "$TMP/out"
then ok "ten approved, two rejected, six to review"; else not_ok "the review totals: $(tail -c 300 "$TMP/out")"; fi

# kits back: the rejected ones go to their laptops with the comments
for n in 1 3; do
	who=$(Q "$TMP/laptop$n.db" "select value from meta where key = 'kit_interviewer'")
	run "$SURVEY" kit "$HQ" --interviewer "$who" -o "$TMP/back$n.db"
	expect_rc 0 "the kit back to laptop $n"
	expect_out "1 interview(s)? sent back" "it sends one interview back"
	run "$SURVEY" receive "$TMP/back$n.db" --db "$TMP/laptop$n.db"
	expect_rc 0 "received on laptop $n"
done

# corrected on their laptops, by keys: reopened at the commented question, a new answer,
# completed again
correct() { # correct N UUID YEARS
	ui_start "c$1" "$FORM" --db "$TMP/laptop$1.db" --lang en
	ui_expect "c$1" 'Interviews' "laptop $1: the start screen"
	ui_expect "c$1" 'returned' "laptop $1: the interview shows as returned"
	ui_keys "c$1" /
	ui_type "c$1" "$(echo "$2" | cut -c1-8)"
	ui_keys "c$1" Enter
	ui_expect "c$1" 'Reopen it to change' "laptop $1: reopen?"
	ui_keys "c$1" 1
	ui_expect "c$1" 'Why is it reopened' "laptop $1: why"
	ui_keys "c$1" 3
	ui_expect "c$1" 'Supervisor Супервайзер:' "laptop $1: opens at the commented question, the comment shown"
	ui_keys "c$1" C-u
	ui_type "c$1" "$3"
	ui_keys "c$1" Enter F10
	ui_expect "c$1" 'Complete it again now' "laptop $1: complete again?"
	ui_keys "c$1" 1
	ui_expect "c$1" 'Interviews' "laptop $1: back on the start screen"
	ui_keys "c$1" q
	ui_exit "c$1"
	expect_eq "$RC" 0 "laptop $1: exit status 0"
	expect_eq "$(Q "$TMP/laptop$1.db" "select status || ' ' || value from interviews join answers using (uuid) where uuid = '$2' and path = 'respondent/years_in_position'")" \
		"complete $3" "laptop $1: corrected and complete"
}
correct 1 "$R1" 7
correct 3 "$R2" 11

for n in 1 2 3; do
	run "$SURVEY" pack "$TMP/laptop$n.db" -o "$TMP/final$n.db"
	expect_rc 0 "pack laptop $n again"
done
cp "$HQ" "$TMP/hq-before.db"
run "$SURVEY" merge -o "$HQ" "$TMP/final1.db" "$TMP/final2.db" "$TMP/final3.db" --json
expect_rc 0 "merge the corrected laptops"
if python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["totals"]; assert t["updated"] == 2 and t["conflicting"] == 0, t' "$TMP/out"
then ok "the two corrections are updates, no conflict"; else not_ok "the merge: $(tail -c 400 "$TMP/out")"; fi
run "$SURVEY" review "$HQ" --json
if python3 - "$TMP/out" "$R1" "$R2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
by = {i["uuid"]: i for i in d["interviews"]}
assert d["totals"] == {"to-review": 8, "approved": 10, "rejected": 0}, d["totals"]
for u in sys.argv[2:4]:
    assert by[u]["state"] == "to-review"
    assert [r["decision"] for r in by[u]["reviews"]] == ["comment", "rejected"]
PY
then ok "the corrected two are to review again, their history kept"; else not_ok "after the corrections: $(head -c 400 "$TMP/out")"; fi
run "$SURVEY" review "$HQ" --approve "$R1" --reviewer 'Супервайзер'
expect_rc 0 "the corrected one approved"

# every unit's final state, from the coordinator's file
run "$SURVEY" list "$HQ" --by oblast --json
expect_rc 0 "progress by oblast"
if python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
t = d["total"]
assert (t["units"], t["assigned"], t["started"], t["complete"], t["approved"]) == (60, 60, 18, 18, 11), t
assert len(d["never_reached"]) == 42
assert sum(s["units"] for s in d["strata"]) == 60
assert sorted(i["interviewer"] for i in d["interviewers"]) == sorted(["Айгүл", "Марат", "Бермет"])
PY
then ok "progress against the frame: 60 assigned, 18 complete, 11 approved, 42 never reached"
else not_ok "progress: $(head -c 600 "$TMP/out")"; fi
run "$SURVEY" review "$HQ" --json
python3 - "$TMP/out" <<'PY' >"$TMP/states"
import json, sys
for i in json.load(open(sys.argv[1]))["interviews"]:
    print(i["uuid"], i["state"])
PY
Q "$HQ" "select uuid from assignments order by uuid" | while read -r u; do
	s=$(grep "^$u " "$TMP/states" | cut -d' ' -f2); echo "${s:-not-reached}"; done | sort | uniq -c | tr -s ' ' >"$TMP/final"
expect_eq "$(cat "$TMP/final")" "$(printf ' 11 approved\n 42 not-reached\n 7 to-review')" \
	"every unit's final state: 11 approved, 7 to review, 42 not reached"

# merging in any order gives the same rows
P="$TMP/hq-before.db"
run "$SURVEY" merge -o "$TMP/o1.db" "$P" "$TMP/final1.db" "$TMP/final2.db" "$TMP/final3.db"
expect_rc 0 "merge in one order"
run "$SURVEY" merge -o "$TMP/o2.db" "$TMP/final3.db" "$TMP/final1.db" "$P" "$TMP/final2.db"
expect_rc 0 "merge in another order"
run "$SURVEY" merge -o "$TMP/o3.db" "$TMP/final2.db" "$TMP/final3.db" "$TMP/final1.db" "$P" "$TMP/final2.db"
expect_rc 0 "and with an input twice"
expect_eq "$(rows "$TMP/o1.db")" "$(rows "$TMP/o2.db")" "the same rows in either order"
expect_eq "$(rows "$TMP/o1.db")" "$(rows "$TMP/o3.db")" "and with an input given twice"
done_testing
