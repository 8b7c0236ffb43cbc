/* form_value.c: answer values as survey stores them — the parsers of typed answers (shared
 * with the interview engine), the check of a stored value against its question, answer paths
 * to nodes. */
#include "form/value.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/form_impl.h"
#include "form/geo.h"
#include "util/termsafe.h"
#include "util/date.h"

/* ---- parsers ---- */

int form_text_ok(const char *s)
{
	return termsafe_text_ok(s, 1);
}

int form_parse_integer(const char *s, char **norm)
{
	const char *p = s;
	int neg = 0;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (!isdigit((unsigned char)*p))
		return -1;
	while (*p == '0' && isdigit((unsigned char)p[1]))
		p++;
	const char *d = p;
	while (isdigit((unsigned char)*p))
		p++;
	if (*p)
		return -1;
	if (p - d > 10)
		return -2;
	long long v = strtoll(d, NULL, 10);
	if (v > 2147483647LL + neg)
		return -2;
	*norm = (v == 0) ? xstrdup("0") : xasprintf("%s%s", neg ? "-" : "", d);
	return 0;
}

int form_parse_decimal(const char *s, char **norm, double *out)
{
	char *t = xstrdup(s);
	char *p = t;
	int seen_dot = 0, digits = 0;
	if (*p == '+' || *p == '-')
		p++;
	for (char *q = p; *q; q++) {
		if (*q == ',')
			*q = '.';
		if (*q == '.') {
			if (seen_dot++)
				goto bad;
		} else if (isdigit((unsigned char)*q)) {
			digits++;
		} else {
			goto bad;
		}
	}
	if (!digits)
		goto bad;
	char *end;
	double v = cnum_strtod(t, &end);   /* the C locale's '.', whatever LC_NUMERIC says */
	if (*end || !isfinite(v) || fabs(v) > 1e15)
		goto bad;
	*out = v;
	/* drop a leading '+', and leading zeros before the first digit of the integer part */
	char *q = t;
	strbuf sb = STRBUF_INIT;
	if (*q == '+')
		q++;
	if (*q == '-') {
		sb_addc(&sb, '-');
		q++;
	}
	while (*q == '0' && isdigit((unsigned char)q[1]))
		q++;
	if (*q == '.')
		sb_addc(&sb, '0');
	sb_adds(&sb, q);
	if (sb.len && sb.buf[sb.len - 1] == '.')
		sb.buf[--sb.len] = 0;
	if (strcmp(sb_str(&sb), "-0") == 0 || (v == 0 && sb_str(&sb)[0] == '-'))
		memmove(sb.buf, sb.buf + 1, sb.len--);
	*norm = sb_detach(&sb);
	free(t);
	return 0;
bad:
	free(t);
	return -1;
}

/* Read exactly 1..max digits; returns the count, 0 if none. */
static int digits(const char **p, int max, int *out)
{
	int n = 0, v = 0;
	while (n < max && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*out = v;
	return n;
}

int form_parse_date_at(const char **pp, int *y, int *m, int *d)
{
	const char *p = *pp;
	int a, b, c;
	int na = digits(&p, 4, &a);
	if (na == 4 && *p == '-') {
		p++;
		if (digits(&p, 2, &b) < 1 || *p++ != '-' || digits(&p, 2, &c) < 1)
			return -1;
		*y = a, *m = b, *d = c;
	} else if (na >= 1 && na <= 2 && (*p == '.' || *p == '/')) {
		char sep = *p++;
		if (digits(&p, 2, &b) < 1 || *p++ != sep || digits(&p, 4, &c) != 4)
			return -1;
		*y = c, *m = b, *d = a;
	} else {
		return -1;
	}
	if (isdigit((unsigned char)*p))
		return -1;
	if (*y < 1 || *m < 1 || *m > 12 || *d < 1 || *d > date_days_in_month(*y, *m))
		return -1;
	*pp = p;
	return 0;
}

int form_parse_time_at(const char **pp, int *h, int *mi, int *s)
{
	const char *p = *pp;
	*s = 0;
	if (digits(&p, 2, h) < 1 || *p++ != ':' || digits(&p, 2, mi) != 2)
		return -1;
	if (*p == ':') {
		p++;
		if (digits(&p, 2, s) != 2)
			return -1;
		if (*p == '.') {   /* milliseconds are accepted and dropped */
			p++;
			int ms;
			if (!digits(&p, 3, &ms))
				return -1;
		}
	}
	if (*h > 23 || *mi > 59 || *s > 59)
		return -1;
	*pp = p;
	return 0;
}

int form_range_ok(const form_node *nd, double v)
{
	double lo = nd->range_start, hi = nd->range_end, step = nd->range_step;
	if (lo > hi) {
		double x = lo;
		lo = hi;
		hi = x;
	}
	double k = step > 0 ? (v - nd->range_start) / step : 0;
	return !(v < lo - 1e-9 || v > hi + 1e-9 || fabs(k - round(k)) > 1e-6);
}

/* ---- stored values ---- */

/* Choice names separated by one space, each in the node's list, each once (one for
 * select_one). */
/* A name of a choice list value: where it stands in the value and its length. */
typedef struct name_at {
	const char *p;
	size_t len;
} name_at;

static int by_name(const void *a, const void *b)
{
	const name_at *x = a, *y = b;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return memcmp(x->p, y->p, x->len);
}

/* Each name a choice of the list, none twice: the names sorted, so that a crafted value of
 * many names (as many as a crafted list has choices) costs n log n, not n squared. */
static int check_select(const form *f, int node, const char *v, int multiple, char *msg)
{
	const form_list *l = form_node_list(f, node);
	if (!l)
		return errf(msg, "is not a choice (the question has no list)");
	int from_answers = l->from != NULL;   /* select_one ${q}: any answer to q may be one */
	if (from_answers && !multiple)
		return *v ? 0 : errf(msg, "is not a choice");   /* an answer may hold blanks */
	name_at small[16], *at = small;
	size_t n = 0, cap = sizeof small / sizeof *small;
	char buf[256];
	int rc = 0;
	for (const char *p = v;; p++) {
		size_t len = strcspn(p, " ");
		if (!len) {
			rc = errf(msg, "is not a list of choice names separated by one space");
			break;
		}
		if (!from_answers) {
			char *name = len < sizeof buf ? memcpy(buf, p, len) : xstrndup(p, len);
			name[len] = '\0';
			int known = form_list_choice(f, f->nodes[node].list, name) != NULL;
			if (name != buf)
				free(name);
			if (!known) {
				rc = errf(msg, "is not a choice of the list '%s'", l->name);
				break;
			}
		}
		if (!multiple && n > 0) {
			rc = errf(msg, "is more than one choice of a select_one");
			break;
		}
		if (n == cap) {
			cap *= 2;
			at = at == small ? memcpy(xcalloc(cap, sizeof *at), small, sizeof small) :
			     xreallocarray(at, cap, sizeof *at);
		}
		at[n++] = (name_at){ p, len };
		p += len;
		if (!*p)
			break;
	}
	if (!rc && n > 1) {
		qsort(at, n, sizeof *at, by_name);
		for (size_t k = 1; k < n && !rc; k++)
			if (by_name(&at[k - 1], &at[k]) == 0)
				rc = errf(msg, "names a choice twice");
	}
	if (at != small)
		free(at);
	return rc;
}

/* The engine's clock text: 2021-03-09T14:05:00.123+06:00 (or Z). */
static int clock_ok(const char *v)
{
	int y, m, d, h, mi, s;
	const char *p = v;
	if (form_parse_date_at(&p, &y, &m, &d) || *p++ != 'T' || form_parse_time_at(&p, &h, &mi, &s))
		return 0;
	if (!strcmp(p, "Z"))
		return 1;
	return (*p == '+' || *p == '-') && isdigit((unsigned char)p[1]) &&
	       isdigit((unsigned char)p[2]) && p[3] == ':' && isdigit((unsigned char)p[4]) &&
	       isdigit((unsigned char)p[5]) && !p[6];
}

/* A parsed number, date or time, written back the way the engine writes it, equal to v? */
static int same(char *norm, const char *v)
{
	int eq = norm && strcmp(norm, v) == 0;
	free(norm);
	return eq;
}

int form_value_check(const form *f, int node, const char *v, char *msg)
{
	const form_node *nd = &f->nodes[node];
	if (!*v)
		return 0;
	if (!form_text_ok(v))
		return errf(msg, "has control characters or is not UTF-8 text");
	if (nd->default_value && strcmp(v, nd->default_value) == 0)
		return 0;   /* a read-only default is stored as written */
	if (nd->type == FORM_START_GEOPOINT || nd->type == FORM_BACKGROUND_GEOPOINT)
		/* blank on a laptop; a phone's point imported */
		return form_geo_check(FORM_GEOPOINT, v, msg);
	if (nd->x[FORM_X_CALCULATION] || nd->x[FORM_X_DEFAULT] || nd->type == FORM_CALCULATE ||
	    nd->type == FORM_HIDDEN || nd->type == FORM_NOTE || nd->type == FORM_DEVICEID ||
	    nd->type == FORM_USERNAME || (form_type_is_meta(nd->type) && nd->type > FORM_USERNAME))
		return 0;   /* what an expression gave, a name, or what a phone recorded: any text */
	char *norm = NULL;
	double x;
	int y, m, d, h, mi, s;
	const char *p = v;
	switch (nd->type) {
	case FORM_IMAGE: case FORM_AUDIO: case FORM_VIDEO: case FORM_FILE:
		return termsafe_file_name_ok(v) ? 0 : errf(msg, "is not a plain file name");
	case FORM_TEXT:
	case FORM_BARCODE:
		if (strlen(v) > FORM_TEXT_MAX)
			return errf(msg, "is longer than %d bytes", FORM_TEXT_MAX);
		return 0;
	case FORM_INTEGER: {
		int r = form_parse_integer(v, &norm);
		if (r == -2)
			return errf(msg, "is a whole number out of range");
		return same(norm, v) ? 0 : errf(msg, "is not a whole number");
	}
	case FORM_DECIMAL:
		if (form_parse_decimal(v, &norm, &x) == 0 && same(norm, v))
			return 0;
		return errf(msg, "is not a number");
	case FORM_RANGE:
		if (form_parse_decimal(v, &norm, &x) || !same(norm, v))
			return errf(msg, "is not a number");
		return form_range_ok(nd, x) ? 0 : errf(msg, "is out of the question's range");
	case FORM_DATE:
	case FORM_TODAY:
		if (!form_parse_date_at(&p, &y, &m, &d) && !*p &&
		    same(xasprintf("%04d-%02d-%02d", y, m, d), v))
			return 0;
		return errf(msg, "is not a date (YYYY-MM-DD)");
	case FORM_TIME:
		if (!form_parse_time_at(&p, &h, &mi, &s) && !*p &&
		    same(xasprintf("%02d:%02d:%02d", h, mi, s), v))
			return 0;
		return errf(msg, "is not a time (HH:MM:SS)");
	case FORM_DATETIME:
		if (!form_parse_date_at(&p, &y, &m, &d) && *p == 'T' && (p++, 1) &&
		    !form_parse_time_at(&p, &h, &mi, &s) && !*p &&
		    same(xasprintf("%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, h, mi, s), v))
			return 0;
		return errf(msg, "is not a date and time (YYYY-MM-DDTHH:MM:SS)");
	case FORM_START:
	case FORM_END:
		return clock_ok(v) ? 0 : errf(msg, "is not a date and time");
	case FORM_SELECT_ONE:
	case FORM_SELECT_MULTIPLE:
	case FORM_RANK:   /* choices in order: each once, as a select_multiple */
		return check_select(f, node, v, nd->type != FORM_SELECT_ONE, msg);
	case FORM_ACKNOWLEDGE:
		return strcmp(v, "OK") == 0 ? 0 : errf(msg, "is not OK (acknowledge)");
	case FORM_GEOPOINT:
	case FORM_GEOTRACE:
	case FORM_GEOSHAPE:
		return form_geo_check(nd->type, v, msg);
	default:
		return errf(msg, "is not a question's answer");
	}
}

/* ---- answer paths ---- */

struct form_paths {
	const form *f;
	form_map map;    /* node path -> node */
};

form_paths *form_paths_new(const form *f)
{
	form_paths *p = xcalloc(1, sizeof *p);
	p->f = f;
	form_map_init(&p->map, 0);
	int existed;
	for (int i = 1; i < f->nnodes; i++)
		if (!form_type_is_container(f->nodes[i].type))
			form_map_put(&p->map, 0, f->nodes[i].path, i, &existed);
	return p;
}

void form_paths_free(form_paths *p)
{
	if (!p)
		return;
	form_map_release(&p->map);
	free(p);
}

int form_paths_node(const form_paths *p, const char *path)
{
	char buf[1024];
	size_t at[FORM_NEST_MAX + 1], n = 0;   /* where each instance number stood */
	int nb = 0;
	for (const char *c = path; *c;) {
		if (*c != '[') {
			if (n + 1 >= sizeof buf)
				return -1;
			buf[n++] = *c++;
			continue;
		}
		if (!n || buf[n - 1] == '/' || nb == FORM_NEST_MAX || c[1] < '1' || c[1] > '9')
			return -1;
		int k = 0, digits = 0;
		for (c++; isdigit((unsigned char)*c) && digits < 5; c++, digits++)
			k = k * 10 + (*c - '0');
		if (*c != ']' || k > FORM_INSTANCE_MAX || c[1] != '/')
			return -1;
		c++;
		at[nb++] = n;
	}
	buf[n] = 0;
	int *v = form_map_find(&p->map, 0, buf);
	if (!v)
		return -1;
	int node = *v, nrep = 0;
	for (int a = p->f->nodes[node].parent; a > 0; a = p->f->nodes[a].parent) {
		if (p->f->nodes[a].type != FORM_REPEAT)
			continue;
		size_t len = strlen(p->f->nodes[a].path);
		int found = 0;
		for (int i = 0; i < nb && !found; i++)
			found = at[i] == len;
		if (!found)
			return -1;
		nrep++;
	}
	return nrep == nb ? node : -1;
}
