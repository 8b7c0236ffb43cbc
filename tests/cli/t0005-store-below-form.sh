# t0005-store-below-form: store/ sits below form/ (DESIGN.md, Flow and layers): the store is given
# the questionnaires through store/form_ops.h and never includes a form/ header. A store/ file
# including one is refused by tools/check-layers and so breaks `make`; a store/ call into form/
# declared by hand (no #include) breaks the link of the store's unit test, which links util/ and
# store/ alone.
. tests/lib.sh
run "$TOP/tools/check-layers" "$TOP/src"
expect_rc 0 "the sources keep their layers"
run grep -l '#[[:space:]]*include[[:space:]]*"form/' "$TOP"/src/store/*.c "$TOP"/src/store/*.h
expect_rc 1 "no store/ file includes a form/ header"
C="$TMP/copy"
copy_sources "$C"
expect_breach store/hash.c '#include "form/form.h"' 'store/hash.c:[0-9]*: store/ includes form/' \
	"a store/ file including form/form.h"
mk build/asan/tests/test_store
expect_rc 0 "test_store links from util/ and store/ alone"
expect_breach store/hash.c 'void form_free(void *f);   /* on purpose: store/ reaching into form/ */
void store_layer_breach(void);
void store_layer_breach(void) { form_free(0); }' 'undefined reference to .form_free' \
	"a store/ call into form/ (the link of the store's unit test)" build/asan/tests/test_store
done_testing
