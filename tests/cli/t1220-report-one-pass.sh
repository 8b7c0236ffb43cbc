# t1220-report-one-pass: a report whose tables share some filters and weights and not others,
# over interviews of two versions of the questionnaire, computed from one read of the answers
# (analysis_preload), gives for every table the numbers survey freq and survey tab give with
# the same --where and --weight: frequencies (single and multiple answers, weighted), cross-tables
# (batched by filter, alone, weighted), a filter naming a question no table shows. And
# --status approved on a file where nothing is approved reports no interview (it stopped the
# sanitized build before).
. tests/lib.sh

run "$SURVEY_FIXTURES" simulate surveys/covid19-lsg.md -n 240 --db "$TMP/sim.db" --seed 7 --quiet
expect_rc 0 "simulate, first version"
sed 's/| 2026120302 |/| 2026120399 |/' surveys/covid19-lsg.md >"$TMP/v2.md"
run "$SURVEY_FIXTURES" simulate "$TMP/v2.md" -n 120 --db "$TMP/sim.db" --seed 8 --quiet
expect_rc 0 "simulate, second version into the same file"

F="\${gender} = 'female'"
Y="\${years_in_position} > 5"
cat >"$TMP/spec.md" <<EOF
| report |  |  |  |  |  |  |  |
|  | kind | name | row | col | weight | where | title::English (en) |
|  | freq | f_oblast | oblast |  |  |  | Oblast |
|  | freq | f_main | main_problem |  |  |  | Main problem |
|  | freq | f_problems | problems |  |  |  | Problems |
|  | freq | f_main_f | main_problem |  |  | $F | Main problem, women |
|  | tab | t_main_oblast | main_problem | oblast |  | $F | Main problem by oblast, women |
|  | tab | t_loss_type | revenue_loss | municipality_type |  | $F | Loss by type, women |
|  | tab | t_sev_type | main_problem_severity | municipality_type |  |  | Severity by type |
|  | tab | t_problems_type | problems | municipality_type |  |  | Problems by type |
|  | freq | f_w | main_problem |  | population |  | Main problem, weighted |
|  | tab | t_w | revenue_loss | municipality_type | population |  | Loss by type, weighted |
|  | tab | t_loss_oblast | revenue_loss | oblast |  | $Y | Loss by oblast, experienced |

| settings |  |
|  | form_id |
|  | covid19_lsg |
EOF
run "$SURVEY" report "$TMP/sim.db" "$TMP/spec.md" -o "$TMP/r.html" --lang en --timings
expect_rc 0 "the report"
grep -q "(every answer needed, one pass)" "$TMP/err" && ok "the answers are read in one pass" ||
	not_ok "no one-pass read in --timings: $(head -3 "$TMP/err")"

fail=0
freq() { # name var [where] [weight]
	set -- "$@" "" ""
	"$SURVEY" freq "$TMP/sim.db" "$2" ${3:+--where "$3"} ${4:+--weight "$4"} --format json \
		>"$TMP/$1.json" 2>"$TMP/e" || { fail=1; echo "# freq $1: $(cat "$TMP/e")"; }
}
tab() { # name row col [where] [weight]
	set -- "$@" "" ""
	"$SURVEY" tab "$TMP/sim.db" "$2" "$3" ${4:+--where "$4"} ${5:+--weight "$5"} \
		--cells count,col_pct --format json >"$TMP/$1.json" 2>"$TMP/e" ||
		{ fail=1; echo "# tab $1: $(cat "$TMP/e")"; }
}
freq f_oblast oblast
freq f_main main_problem
freq f_problems problems
freq f_main_f main_problem "$F"
tab t_main_oblast main_problem oblast "$F"
tab t_loss_type revenue_loss municipality_type "$F"
tab t_sev_type main_problem_severity municipality_type
tab t_problems_type problems municipality_type
freq f_w main_problem "" population
tab t_w revenue_loss municipality_type "" population
tab t_loss_oblast revenue_loss oblast "$Y"
[ $fail = 0 ] && ok "survey freq and tab of every table" || not_ok "survey freq or tab failed"

PYTHONPATH=tests python3 - "$TMP" "$T_N" >"$TMP/py.out" <<'PY'
import json, sys
from report_cells import begin, check, close, html_cells
tmp = sys.argv[1]
begin(int(sys.argv[2]))
# the values only (data-v), as floats
t = {name: {k: v[0] for k, v in cells.items() if v[0] is not None}
     for name, cells in html_cells(tmp + "/r.html").items()}

for name in ["f_oblast", "f_main", "f_problems", "f_main_f", "f_w"]:
    fr = json.load(open(f"{tmp}/{name}.json"))["variables"][0]
    cells = t.get(name, {})
    key = "cases_percent" if fr["kind"] == "multiple" else "valid_percent"
    bad, seen = [], 0
    for c in fr["categories"]:
        if c["missing"]: continue
        for k in ("count", key):
            got = cells.get((c["value"], k, "value"))
            seen += 1
            if c[k] is None and got is None: continue
            if got is None or c[k] is None or not close(got, c[k]):
                bad.append((c["value"], k, got, c[k]))
    check(cells and seen and not bad, f"freq {name}: counts and {key} are survey freq's" + (f": {bad[:3]}" if bad else ""))

for name in ["t_main_oblast", "t_loss_type", "t_sev_type", "t_problems_type", "t_w", "t_loss_oblast"]:
    tab = json.load(open(f"{tmp}/{name}.json"))["tables"][0]
    cells = t.get(name, {})
    bad, seen = [], 0
    for i, r in enumerate(tab["row_values"]):
        for j, c in enumerate(tab["col_values"]):
            for kind, want in (("count", tab["counts"][i][j]), ("col_pct", tab["cells"]["col_pct"][i][j])):
                got = cells.get((r, c, kind))
                seen += 1
                if want is None and got is None: continue
                if got is None or want is None or not close(got, want):
                    bad.append((r, c, kind, got, want))
    check(cells and seen and not bad, f"tab {name}: counts and column % are survey tab's ({len(tab['row_values'])}x{len(tab['col_values'])})" + (f": {bad[:3]}" if bad else ""))
PY
cat "$TMP/py.out"
T_N=$((T_N + $(grep -c '^\(not \)\?ok ' "$TMP/py.out")))
T_FAILED=$((T_FAILED + $(grep -c '^not ok ' "$TMP/py.out")))

# nothing approved: every table says so, nothing stops
run "$SURVEY" report "$TMP/sim.db" "$TMP/spec.md" -o "$TMP/a.html" --lang en --status approved
expect_rc 0 "--status approved with nothing approved"
run "$SURVEY" freq "$TMP/sim.db" oblast --status approved
expect_rc 0 "freq --status approved with nothing approved"
done_testing
