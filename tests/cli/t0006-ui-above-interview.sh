# t0006-ui-above-interview: ui/ sits above interview/, which sits above store/ (DESIGN.md, Flow
# and layers): the UI reaches the open laptop file through interview/session.h and never
# includes a store/ header. A ui/ file (or ui/ header) including one is refused by
# tools/check-layers and so breaks `make`, naming the file and line.
. tests/lib.sh
run "$TOP/tools/check-layers" "$TOP/src"
expect_rc 0 "the sources keep their layers"
run grep -l '#[[:space:]]*include[[:space:]]*"store/' "$TOP"/src/ui/*.c "$TOP"/src/ui/*.h
expect_rc 1 "no ui/ file includes a store/ header"
C="$TMP/copy"
copy_sources "$C"
mk build/layers.ok
expect_rc 0 "the copy passes the layer check"
expect_breach ui/start.c '#include "store/fieldwork.h"' 'ui/start.c:[0-9]*: ui/ includes store/' \
	"a ui/ file including store/fieldwork.h"
expect_breach ui/screens.h '#include "store/store.h"' 'ui/screens.h:[0-9]*: ui/ includes store/' \
	"a ui/ header including store/store.h"
done_testing
