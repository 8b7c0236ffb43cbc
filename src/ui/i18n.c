/* i18n.c: the UI's message table, and the UI language from --lang or the locale. */
#include "ui/i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

#define UI_MSG_ROW(id, ky, ru, en) [id] = { ky, ru, en },
static const char *const messages[UI_NMSGS][UI_NLANGS] = {
	UI_MSG_TABLE(UI_MSG_ROW)
};
#undef UI_MSG_ROW

static const char *const codes[UI_NLANGS] = { "ky", "ru", "en" };
static enum ui_lang current = UI_LANG_EN;

int ui_lang_parse(const char *code, enum ui_lang *out)
{
	if (!code)
		return -1;
	/* a form language name: "Kyrgyz (ky)" */
	const char *open = strrchr(code, '(');
	char buf[8];
	if (open) {
		size_t n = strcspn(open + 1, ")");
		if (n >= sizeof buf)
			return -1;
		memcpy(buf, open + 1, n);
		buf[n] = '\0';
		code = buf;
	}
	for (int l = 0; l < UI_NLANGS; l++) {
		if (ascii_casecmp(code, codes[l]) == 0) {
			*out = (enum ui_lang)l;
			return 0;
		}
	}
	/* "kg" is often written for Kyrgyz */
	if (ascii_casecmp(code, "kg") == 0 || ascii_casecmp(code, "kir") == 0) {
		*out = UI_LANG_KY;
		return 0;
	}
	return -1;
}

enum ui_lang ui_lang_from_env(void)
{
	const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (!v || !*v)
			continue;
		if (strncmp(v, "ky", 2) == 0)
			return UI_LANG_KY;
		if (strncmp(v, "ru", 2) == 0)
			return UI_LANG_RU;
		return UI_LANG_EN;
	}
	return UI_LANG_EN;
}

const char *ui_lang_code(enum ui_lang l)
{
	return (unsigned)l < UI_NLANGS ? codes[l] : "en";
}

void ui_lang_set(enum ui_lang l)
{
	if ((unsigned)l < UI_NLANGS)
		current = l;
}

enum ui_lang ui_lang_get(void)
{
	return current;
}

const char *ui_tr_in(enum ui_lang l, enum ui_msg m)
{
	if ((unsigned)m >= UI_NMSGS)
		return "";
	if ((unsigned)l >= UI_NLANGS)
		l = UI_LANG_EN;
	return messages[m][l];
}

const char *ui_tr(enum ui_msg m)
{
	return ui_tr_in(current, m);
}

const char *ui_strerror(int e)
{
	switch (e) {
	case ENOENT: return ui_tr(UI_M_OS_ENOENT);
	case EACCES: case EPERM: return ui_tr(UI_M_OS_EACCES);
	case EROFS: return ui_tr(UI_M_OS_EROFS);
	case ENOSPC: case EDQUOT: return ui_tr(UI_M_OS_ENOSPC);
	case ENOTDIR: return ui_tr(UI_M_OS_ENOTDIR);
	case EISDIR: return ui_tr(UI_M_OS_EISDIR);
	default: return strerror(e);
	}
}
