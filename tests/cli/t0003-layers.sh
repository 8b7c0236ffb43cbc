# t0003-layers: tools/check-layers (run by the Makefile before every link) passes on the sources
# and fails, naming the file and line, on a copy with a layer inversion added on purpose.
. tests/lib.sh
run "$TOP/tools/check-layers" "$TOP/src"
expect_rc 0 "the sources keep their layers"
breaks() { # breaks WHAT FILE LINE-TO-ADD REGEX
	rm -rf "$TMP/src"; cp -r "$TOP/src" "$TMP/src"
	printf '%s\n' "$3" >>"$TMP/src/$2"
	run "$TOP/tools/check-layers" "$TMP/src"
	expect_rc 1 "$1 is refused"
	expect_out "$4" "$1: the message names the file"
}
breaks "stats/ including store/" stats/ci.c '#include "store/store.h"' 'stats/ci.c:[0-9]+: stats/ includes store/'
breaks "form/ including interview/" form/expr.c '#include "interview/engine.h"' 'form/expr.c:[0-9]+: form/ includes interview/'
breaks "store/ including ui/" store/hash.c '#include "ui/ui.h"' 'store/hash.c:[0-9]+: store/ includes ui/'
breaks "curses outside ui/" interview/nav.c '#include <curses.h>' 'interview/nav.c: uses curses'
breaks "SQLite outside store/" analysis/db.c '#include <sqlite3.h>' 'analysis/db.c: uses SQLite'
breaks "GSL outside stats/" analysis/tab.c '#include <gsl/gsl_cdf.h>' 'analysis/tab.c: uses GSL'
breaks "printing in stats/" stats/ci.c 'static void noise(void) { puts("x"); }' 'stats/ci.c: writes to a stream'
done_testing
