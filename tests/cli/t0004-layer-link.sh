# t0004-layer-link: a unit test links only its layer and the layers below (the Makefile's
# table, as tools/check-layers'), so a call that reaches above its layer without an #include
# (a declaration written by hand) still breaks the build: in a copy of the sources, stats/
# calling store_close makes test_stats_ci fail to link, naming the symbol.
. tests/lib.sh
C="$TMP/copy"
copy_sources "$C"
mk build/asan/tests/test_stats_ci
expect_rc 0 "test_stats_ci links from util/ and stats/ alone"
expect_breach stats/ci.c 'void store_close(void *st);   /* on purpose: stats/ reaching into store/ */
void stats_layer_breach(void);
void stats_layer_breach(void) { store_close(0); }' 'undefined reference to .store_close' \
	"a stats/ call into store/ (the link of stats' unit test)" build/asan/tests/test_stats_ci
done_testing
