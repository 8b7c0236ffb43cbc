# t0701-export-errors: an export that cannot be made says why in one line, exits 1 (2 for bad
# arguments) and leaves nothing behind: a missing folder, a database without completed
# interviews, several forms, an unknown form or language.
. tests/lib.sh
export TZ=Asia/Bishkek
F=tests/fixtures/export
DB="$TMP/data.db"
"$SURVEY" import $F/basic.md $F/central.csv --db "$DB" >/dev/null 2>&1 || not_ok "setting up"

nothing_left() { # nothing_left DIR what
	if [ -z "$(ls -A "$1")" ]; then ok "$2: nothing written"; else not_ok "$2: left $(ls -A "$1")"; fi
}

mkdir "$TMP/o"
run "$SURVEY" export "$DB" -o "$TMP/o/missing/x.csv"
expect_rc 1 "a missing folder"
expect_err "cannot write '.*/o/missing/x.csv': there is no folder '.*/o/missing'" "the folder is named"
expect_err_lines 1 "one line"
nothing_left "$TMP/o" "a missing folder"
for fmt in sav dta json; do
	run "$SURVEY" export "$DB" -o "$TMP/o/missing/x.$fmt"
	expect_rc 1 "a missing folder ($fmt)"
done

schema7 "$SURVEY" simulate $F/basic.md -n 3 --db "$TMP/drafts.db" --quiet   # made drafts by hand
sqlite3 "$TMP/drafts.db" "UPDATE interviews SET status = 'draft'"
run "$SURVEY" export "$TMP/drafts.db" -o "$TMP/o/d.csv"
expect_rc 1 "only drafts"
expect_err "has no completed interview of form 'basic_export': nothing to export" "the reason"
nothing_left "$TMP/o" "only drafts"

"$SURVEY" simulate $F/basic.md -n 0 --db "$TMP/empty.db" --quiet
run "$SURVEY" export "$TMP/empty.db" -o "$TMP/o/e.sav"
expect_rc 1 "an empty database"
expect_err "has no interviews" "the reason"
nothing_left "$TMP/o" "an empty database"

"$SURVEY" simulate surveys/covid19-lsg.md -n 2 --db "$DB" --quiet --drafts 0
run "$SURVEY" export "$DB" -o "$TMP/o/two.csv"
expect_rc 1 "two forms without --form"
expect_err "holds interviews of 2 forms \('basic_export', 'covid19_lsg'\): choose one with --form ID" "the forms are listed"
run "$SURVEY" export "$DB" -o "$TMP/o/one.csv" --form covid19_lsg
expect_rc 0 "--form picks one"
expect_out "exported 2 interviews" "only that form's interviews"
rm -f "$TMP"/o/*
run "$SURVEY" export "$DB" -o "$TMP/o/x.csv" --form nosuch
expect_rc 1 "an unknown form"
expect_err "no interviews of form 'nosuch' \(it has 'basic_export', 'covid19_lsg'\)" "the forms are listed"
run "$SURVEY" export "$DB" -o "$TMP/o/x.csv" --form basic_export --lang de
expect_rc 1 "an unknown language"
expect_err "the questionnaire has no language 'de' \(it has 'ky', 'ru', 'en'\)" "the languages are listed"
nothing_left "$TMP/o" "bad choices"

run "$SURVEY" export "$DB" -o "$TMP/o/x.txt" --form basic_export
expect_rc 2 "an unknown extension without --format"
run "$SURVEY" export "$DB" -o "$TMP/o/x.csv" --format xls
expect_rc 2 "an unknown format"
run "$SURVEY" export "$DB" --format csv
expect_rc 2 "no -o"
run "$SURVEY" export -o "$TMP/o/x.csv"
expect_rc 2 "no database"
run "$SURVEY" export "$TMP/absent.db" -o "$TMP/o/x.csv"
expect_rc 1 "a missing database"
[ -e "$TMP/absent.db" ] && not_ok "export created the database" || ok "export does not create a database"
mkdir "$TMP/o/dir.csv"
run "$SURVEY" export "$DB" -o "$TMP/o/dir.csv" --form basic_export
expect_rc 1 "the output is a folder"
done_testing
