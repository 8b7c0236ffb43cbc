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
cp "$C/src/store/hash.c" "$TMP/hash.c"
printf '#include "form/form.h"\n' >>"$C/src/store/hash.c"
mk build/layers.ok
expect_rc 2 "a store/ file including form/form.h breaks make"
if grep -q 'store/hash.c:[0-9]*: store/ includes form/' "$TMP/out" "$TMP/err"; then
	ok "make names the file and line"
else
	not_ok "make names the file and line: $(tail -c 400 "$TMP/out") $(tail -c 400 "$TMP/err")"
fi
cp "$TMP/hash.c" "$C/src/store/hash.c"
mk build/asan/tests/test_store
expect_rc 0 "test_store links from util/ and store/ alone"
cat >>"$C/src/store/hash.c" <<'C'
void form_free(void *f);   /* on purpose: store/ reaching into form/ */
void store_layer_breach(void);
void store_layer_breach(void) { form_free(0); }
C
mk build/asan/tests/test_store
expect_rc 2 "a store/ call into form/ breaks the link of the store's unit test"
expect_link_breach form_free "the linker names the symbol from above"
done_testing
