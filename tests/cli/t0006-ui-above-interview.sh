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
cp "$C/src/ui/start.c" "$TMP/start.c"
printf '#include "store/fieldwork.h"\n' >>"$C/src/ui/start.c"
mk build/layers.ok
expect_rc 2 "a ui/ file including store/fieldwork.h breaks make"
if grep -q 'ui/start.c:[0-9]*: ui/ includes store/' "$TMP/out" "$TMP/err"; then
	ok "make names the file and line"
else
	not_ok "make names the file and line: $(tail -c 400 "$TMP/out") $(tail -c 400 "$TMP/err")"
fi
cp "$TMP/start.c" "$C/src/ui/start.c"
printf '#include "store/store.h"\n' >>"$C/src/ui/screens.h"
mk build/layers.ok
expect_rc 2 "a ui/ header including store/store.h breaks make"
if grep -q 'ui/screens.h:[0-9]*: ui/ includes store/' "$TMP/out" "$TMP/err"; then
	ok "make names the header and line"
else
	not_ok "make names the header and line: $(tail -c 400 "$TMP/err")"
fi
done_testing
