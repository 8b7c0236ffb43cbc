# tests/cli/xls-lib.sh: sourced after tests/lib.sh by tests that write .xls questionnaires.
# Sets PY to a python3 that has xlwt (tools/install-deps installs Debian's python3-xlwt; a
# python3 of its own on PATH may lack it), or fails the test with one line saying what to do.
PY=
for p in python3 /usr/bin/python3; do
	"$p" -c 'import xlwt' 2>/dev/null && { PY=$p; break; }
done
[ -n "$PY" ] || { not_ok "no python3 with xlwt: run tools/install-deps"; done_testing; exit 1; }
