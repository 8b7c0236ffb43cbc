/* json.c: JSON string escaping, numbers and object keys onto a stream, and the writer that puts
 * the punctuation of objects and arrays. */
#include "util/json.h"

#include "util/cnum.h"
#include "util/utf8.h"

#include <stdlib.h>
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

/* ---- the writer ---------------------------------------------------------------------------- */

void jw_init(json_w *w, FILE *f, int spaced)
{
	memset(w, 0, sizeof *w);
	w->f = f;
	w->spaced = spaced;
}

void jw_break(json_w *w, const char *text)
{
	w->brk = text;
}

/* Before a key or a value: its comma, the pending break. */
static void item(json_w *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->depth > 0 && w->any[w->depth - 1])
		fputs(w->spaced && !w->brk ? ", " : ",", w->f);
	if (w->brk)
		fputs(w->brk, w->f);
	w->brk = NULL;
	if (w->depth > 0)
		w->any[w->depth - 1] = 1;
}

void jw_key(json_w *w, const char *key)
{
	item(w);
	json_put_string(w->f, key);
	fputs(w->spaced ? ": " : ":", w->f);
	w->after_key = 1;
}

static void open_level(json_w *w, char open, char close)
{
	item(w);
	if (w->depth >= JSON_MAX_DEPTH)
		abort();   /* a programming error: no output nests this deep */
	fputc(open, w->f);
	w->close[w->depth] = close;
	w->any[w->depth] = 0;
	w->depth++;
}

void jw_obj(json_w *w)
{
	open_level(w, '{', '}');
}

void jw_arr(json_w *w)
{
	open_level(w, '[', ']');
}

void jw_end(json_w *w)
{
	if (w->depth <= 0)
		abort();   /* a programming error: more ends than opens */
	w->depth--;
	if (w->brk)
		fputs(w->brk, w->f);
	w->brk = NULL;
	fputc(w->close[w->depth], w->f);
}

void jw_str(json_w *w, const char *s)
{
	item(w);
	json_put_string(w->f, s);
}

void jw_num(json_w *w, double x)
{
	item(w);
	json_put_number(w->f, x);
}

void jw_num_digits(json_w *w, double x, int digits)
{
	char buf[32];
	item(w);
	fputs(cnum_text(buf, x, digits, "null"), w->f);
}

void jw_int(json_w *w, long long x)
{
	item(w);
	fprintf(w->f, "%lld", x);
}

void jw_bool(json_w *w, int b)
{
	item(w);
	fputs(b ? "true" : "false", w->f);
}

void jw_null(json_w *w)
{
	item(w);
	fputs("null", w->f);
}

void jw_raw(json_w *w, const char *text)
{
	item(w);
	fputs(text, w->f);
}

void jw_kstr(json_w *w, const char *key, const char *s)
{
	jw_key(w, key);
	jw_str(w, s);
}

void jw_kint(json_w *w, const char *key, long long x)
{
	jw_key(w, key);
	jw_int(w, x);
}

void jw_knum(json_w *w, const char *key, double x)
{
	jw_key(w, key);
	jw_num(w, x);
}

void jw_kbool(json_w *w, const char *key, int b)
{
	jw_key(w, key);
	jw_bool(w, b);
}

void jw_kstrs(json_w *w, const char *const *keys, const char *const *vals, int n)
{
	for (int i = 0; i < n; i++)
		jw_kstr(w, keys[i], vals[i]);
}

void jw_kints(json_w *w, const char *const *keys, const long long *vals, int n)
{
	for (int i = 0; i < n; i++)
		jw_kint(w, keys[i], vals[i]);
}

void jw_knums(json_w *w, const char *const *keys, const double *vals, int n)
{
	for (int i = 0; i < n; i++)
		jw_knum(w, keys[i], vals[i]);
}
