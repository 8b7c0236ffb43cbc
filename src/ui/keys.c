/* keys.c: the key table built from UI_KEY_TABLE, and the lookup from a key to an action. */
#include "ui/keys.h"

#include <wctype.h>

#define UI_BINDING_ROW(a, c, k, n, ky, ru, en) { a, c, k, n, { ky, ru, en } },
const struct ui_binding ui_bindings[] = {
	UI_KEY_TABLE(UI_BINDING_ROW)
};
#undef UI_BINDING_ROW
const int ui_nbindings = sizeof ui_bindings / sizeof ui_bindings[0];

static int binding_has(const struct ui_binding *b, int fkey, wint_t code)
{
	for (int i = 0; i < UI_KEYS_MAX && b->keys[i].code; i++)
		if (b->keys[i].fkey == fkey && b->keys[i].code == code)
			return 1;
	return 0;
}

enum ui_action ui_key_action(int fkey, wint_t code, int ctx)
{
	if (fkey && code == KEY_RESIZE)
		return UI_A_RESIZE;
	for (int i = 0; i < ui_nbindings; i++) {
		const struct ui_binding *b = &ui_bindings[i];
		if ((b->ctx & ctx) && binding_has(b, fkey, code)) {
			/* a text field takes printable characters, even those bound elsewhere */
			if ((ctx & UI_CTX_TEXT) && !fkey && iswprint(code) && !(b->ctx & UI_CTX_TEXT))
				return UI_A_CHAR;
			return b->action;
		}
	}
	if ((ctx & UI_CTX_TEXT) && !fkey && iswprint(code))
		return UI_A_CHAR;
	return UI_A_NONE;
}

const struct ui_binding *ui_key_binding(enum ui_action a)
{
	for (int i = 0; i < ui_nbindings; i++)
		if (ui_bindings[i].action == a)
			return &ui_bindings[i];
	return NULL;
}
