#!/bin/sh
# make-example.sh: rebuilds the example report in example/ from 2000 simulated interviews of the
# shipped questionnaire. Run from the repository root after `make`: sh reports/covid19-lsg/make-example.sh
set -eu
SURVEY=${SURVEY:-./survey}
out=reports/covid19-lsg/example
db=$(mktemp -d)/sim.db
trap 'rm -rf "$(dirname "$db")"' EXIT
mkdir -p "$out"
"$SURVEY" simulate surveys/covid19-lsg.md -n 2000 --db "$db" --seed 1 --quiet
# a fixed date, so that the files change only when the data or the program do
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795737600}   # 2026-11-27
for lang in ky ru en; do
	"$SURVEY" report "$db" reports/covid19-lsg/report.md -o "$out/report.$lang.html" --lang "$lang"
done
# no --simulated: the simulated interviews mark the report by themselves
"$SURVEY" report "$db" reports/covid19-lsg/report.md -o "$out/report.ru.md" --lang ru
"$SURVEY" report "$db" reports/covid19-lsg/report.md -o "$out/report.ky.xlsx" --lang ky
