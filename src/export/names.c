/* names.c: variable names for SPSS and Stata — transliteration of Kyrgyz and Russian letters,
 * the formats' character sets, reserved words and length limits, and uniqueness within a
 * file after cutting. */
#include "export/export_impl.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

/* Latin spelling of the Cyrillic lowercase letters а (U+0430) .. я (U+044F). */
static const char *const cyr_basic[32] = {
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
};

/* The Latin spelling of code point cp when it is a Kyrgyz or Russian letter, else NULL;
 * *upper tells whether it was a capital. */
static const char *translit(unsigned long cp, int *upper)
{
	*upper = 0;
	if (cp >= 0x410 && cp <= 0x42f) {
		*upper = 1;
		return cyr_basic[cp - 0x410];
	}
	if (cp >= 0x430 && cp <= 0x44f)
		return cyr_basic[cp - 0x430];
	switch (cp) {
	case 0x401: *upper = 1; return "yo";
	case 0x451: return "yo";
	case 0x4a2: *upper = 1; return "ng";
	case 0x4a3: return "ng";
	case 0x4e8: *upper = 1; return "o";
	case 0x4e9: return "o";
	case 0x4ae: *upper = 1; return "u";
	case 0x4af: return "u";
	}
	return NULL;
}

static int reserved(const char *s, enum xname scheme)
{
	static const char *const sav[] = { "ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE",
		"NOT", "OR", "TO", "WITH", NULL };
	static const char *const dta[] = { "_all", "_b", "byte", "_coef", "_cons", "double",
		"float", "if", "in", "int", "long", "_n", "_N", "_pi", "_pred", "_rc", "_skip",
		"strL", "using", "with", NULL };
	if (scheme == XN_SAV) {
		for (int i = 0; sav[i]; i++)
			if (ascii_casecmp(s, sav[i]) == 0)
				return 1;
		return 0;
	}
	for (int i = 0; dta[i]; i++)
		if (strcmp(s, dta[i]) == 0)
			return 1;
	/* str1 .. str2045 are type names */
	if (strncmp(s, "str", 3) == 0 && s[3]) {
		const char *p = s + 3;
		while (isdigit((unsigned char)*p))
			p++;
		if (!*p)
			return 1;
	}
	return 0;
}

char *xname_clean(const char *base, enum xname scheme)
{
	size_t max = scheme == XN_SAV ? XN_SAV_MAX : XN_DTA_MAX;
	strbuf sb = STRBUF_INIT;
	const char *p = base ? base : "", *end = p + strlen(p);
	while (p < end) {
		unsigned long cp;
		int k = utf8_sequence(p, (size_t)(end - p), &cp);
		if (k <= 0)
			k = 1, cp = 0xfffd;   /* an invalid byte */
		p += k;
		int upper;
		const char *t = translit(cp, &upper);
		if (t) {
			for (int i = 0; t[i]; i++)
				sb_addc(&sb, (char)(upper && i == 0 ? toupper((unsigned char)t[i]) : t[i]));
		} else if (cp < 0x80 && (isalnum((int)cp) || cp == '_')) {
			sb_addc(&sb, (char)cp);
		} else if (!sb.len || sb.buf[sb.len - 1] != '_') {
			sb_addc(&sb, '_');   /* one '_' for a run of characters left out */
		}
	}
	const char *s = sb_str(&sb);
	int first_ok = isalpha((unsigned char)s[0]) || (scheme == XN_DTA && s[0] == '_' && s[1]);
	char *name = first_ok ? xstrdup(s) : xasprintf("v%s", s);
	sb_release(&sb);
	if (strlen(name) > max)
		name[max] = 0;
	if (reserved(name, scheme)) {
		char *r = xasprintf("%s_", name);
		free(name);
		name = r;
	}
	return name;
}

void xname_set_release(xname_set *s)
{
	strmap_release(&s->names);
}

char *xname_unique(xname_set *s, const char *name, size_t max)
{
	char *out = xstrdup(name);
	if (max && strlen(out) > max)
		out[max] = 0;
	s->names.nocase = 1;
	for (int k = 2; strmap_find(&s->names, out) >= 0; k++) {
		free(out);
		char suffix[16];
		snprintf(suffix, sizeof suffix, "_%d", k);
		size_t keep = strlen(name), sl = strlen(suffix);
		if (max && keep + sl > max)
			keep = max - sl;
		/* never cut inside a UTF-8 sequence (CSV names may be Cyrillic) */
		keep = utf8_cut(name, keep);
		out = xasprintf("%.*s%s", (int)keep, name, suffix);
	}
	strmap_put(&s->names, out);
	return out;
}
