# t0007-ui-calls-session: the UI calls no store_ function, even one whose declaration reaches it
# through interview/engine.h: it uses interview/session.h (the session handle, the interview
# list, discard, settings, units, review notes). A ui/ file calling the store directly is
# refused by tools/check-layers and so breaks `make`; the same call through the session builds.
. tests/lib.sh
run grep -nE '\bstore_[a-z0-9_]+[[:space:]]*\(' "$TOP"/src/ui/*.c "$TOP"/src/ui/*.h
expect_rc 1 "no ui/ file calls a store_ function"
run grep -l '#[[:space:]]*include[[:space:]]*"interview/session.h"' "$TOP"/src/ui/ui.h
expect_rc 0 "ui.h takes the session from interview/session.h"
C="$TMP/copy"
copy_sources "$C"
expect_breach ui/toc.c 'int ui_layer_breach(struct ui *u, int *on, char *err);
int ui_layer_breach(struct ui *u, int *on, char *err)
{
	return store_pref_get(u->o->st, SESSION_PREF_NUMBERS, on, err);   /* on purpose */
}' 'ui/toc.c:[0-9]*: ui/ calls the store' "a ui/ call of store_pref_get"
cat >>"$C/src/ui/toc.c" <<'C'
int ui_layer_ok(struct ui *u, int *on, char *err);
int ui_layer_ok(struct ui *u, int *on, char *err)
{
	return session_pref_get(u->o->st, SESSION_PREF_NUMBERS, on, err);
}
C
mk build/layers.ok build/rel/src/ui/toc.o
expect_rc 0 "the same call through interview/session.h passes the check and compiles"
done_testing
