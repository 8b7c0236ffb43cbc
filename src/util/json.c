/* json.c: JSON string escaping, numbers and object keys onto a stream. */
#include "util/json.h"

#include "util/cnum.h"
#include "util/utf8.h"

#include <string.h>

static void put_ascii(FILE *f, unsigned c)
{
	switch (c) {
	case '"': fputs("\\\"", f); break;
	case '\\': fputs("\\\\", f); break;
	case '\b': fputs("\\b", f); break;
	case '\f': fputs("\\f", f); break;
	case '\n': fputs("\\n", f); break;
	case '\r': fputs("\\r", f); break;
	case '\t': fputs("\\t", f); break;
	default:
		if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc((int)c, f);
	}
}

void json_put_string(FILE *f, const char *s)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	for (size_t i = 0, n = strlen(s); i < n;) {
		unsigned long cp;
		int k = utf8_sequence(s + i, n - i, &cp);
		if (k == 1)
			put_ascii(f, (unsigned char)s[i]);
		else if (k > 1)
			fwrite(s + i, 1, (size_t)k, f);
		else
			fputs("\\ufffd", f);
		i += k > 0 ? (size_t)k : 1;
	}
	fputc('"', f);
}

void json_put_number(FILE *f, double x)
{
	char buf[32];
	fputs(cnum_text(buf, x, 17, "null"), f);
}

void json_put_key(FILE *f, const char *key, int *first)
{
	if (!*first)
		fputc(',', f);
	*first = 0;
	json_put_string(f, key);
	fputc(':', f);
}
