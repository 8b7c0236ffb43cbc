/* form_filter.c: choice_filter's bare names. In XLSForm `county = ${county}` compares the
 * choice's own column `county` with a question; the expression language only knows ${name},
 * so bare names become ${-county} (see FORM_CHOICE_COLUMN_PREFIX in form.h); a name that is
 * a step of a path (current()/../q, ../q) names a question and stays. */
#include "form/form_impl.h"

#include <stdlib.h>
#include <string.h>

static int name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int name_char(char c)
{
	return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

static int is_operator(const char *s, size_t n)
{
	static const char *const ops[] = { "and", "or", "div", "mod" };
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (strlen(ops[i]) == n && memcmp(s, ops[i], n) == 0)
			return 1;
	return 0;
}

struct out {
	strbuf sb;
	int *map;
	size_t cap;
};

static void put(struct out *o, const char *s, size_t n, int from)
{
	if (o->sb.len + n + 1 > o->cap) {
		while (o->sb.len + n + 1 > o->cap)
			o->cap = o->cap ? o->cap * 2 : 64;
		o->map = xreallocarray(o->map, o->cap, sizeof *o->map);
	}
	for (size_t i = 0; i < n; i++)
		o->map[o->sb.len + i] = from < 0 ? -from - 1 + (int)i : from;
	sb_add(&o->sb, s, n);
}

/* Copy n bytes of src starting at offset i, each mapped to itself. */
static void copy(struct out *o, const char *src, size_t i, size_t n)
{
	put(o, src + i, n, -(int)i - 1);
}

char *form_filter_rewrite(const char *src, int **map)
{
	struct out o = { STRBUF_INIT, NULL, 0 };
	size_t n = strlen(src), i = 0;
	while (i < n) {
		char c = src[i];
		if (c == '\'' || c == '"') {
			size_t j = i + 1;
			while (j < n && src[j] != c)
				j++;
			j = j < n ? j + 1 : n;
			copy(&o, src, i, j - i);
			i = j;
		} else if (c == '$' && src[i + 1] == '{') {
			size_t j = i + 2;
			while (j < n && src[j] != '}')
				j++;
			j = j < n ? j + 1 : n;
			copy(&o, src, i, j - i);
			i = j;
		} else if (name_start(c) && i > 0 && src[i - 1] == '/') {
			size_t j = i;   /* a step of a path (current()/../q): a question */
			while (j < n && name_char(src[j]))
				j++;
			copy(&o, src, i, j - i);
			i = j;
		} else if (name_start(c) && (i == 0 || !name_char(src[i - 1]))) {
			size_t j = i;
			while (j < n && name_char(src[j]))
				j++;
			if (j < n && src[j] == ':' && j + 1 < n && name_start(src[j + 1])) {
				j++;   /* jr:choice-name */
				while (j < n && name_char(src[j]))
					j++;
			}
			size_t k = j;
			while (k < n && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n'))
				k++;
			if ((k < n && src[k] == '(') || is_operator(src + i, j - i) ||
			    memchr(src + i, ':', j - i)) {
				copy(&o, src, i, j - i);
			} else {
				char pre[4] = { '$', '{', FORM_CHOICE_COLUMN_PREFIX, 0 };
				put(&o, pre, 3, (int)i);
				copy(&o, src, i, j - i);
				put(&o, "}", 1, (int)j);
			}
			i = j;
		} else {
			copy(&o, src, i, 1);
			i++;
		}
	}
	put(&o, "", 0, 0);   /* make room for the end entry */
	o.map[o.sb.len] = (int)n;
	*map = o.map;
	return sb_detach(&o.sb);
}
