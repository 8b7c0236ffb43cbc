/* record_paths.c: the path table of a form version for the record codec (record.h: ids and
 * templates, a path's key in a record) and the canonical time texts records count in ms. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record_impl.h"
#include "util/termsafe.h"

typedef struct pentry {
	long long id;
	char *tmpl;   /* "rep[%]/q" */
	char *node;   /* the template without "[%]": "rep/q" */
	int rep;      /* the template has "[%]" */
	size_t order; /* the template's place among the table's in strcmp order */
} pentry;

struct record_paths {
	pentry *by_id;     /* sorted by id */
	pentry **by_node;  /* the same entries, sorted by node */
	pentry **at_id;    /* ids 0..max_id: the entry of each or NULL, when the ids are dense
			    * (a form's are 1..n): a lookup without a search; else NULL */
	long long max_id;
	size_t n;
};

int record_path_err(char *err, const char *fmt, const char *path)
{
	char *shown = termsafe_dup(path ? path : "", TERMSAFE_ONE_LINE);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	errf(err, fmt, shown);
#pragma GCC diagnostic pop
	free(shown);
	return -1;
}

static int cmp_id(const void *a, const void *b)
{
	long long x = ((const pentry *)a)->id, y = ((const pentry *)b)->id;
	return (x > y) - (x < y);
}

static int cmp_node(const void *a, const void *b)
{
	return strcmp((*(pentry *const *)a)->node, (*(pentry *const *)b)->node);
}

static int cmp_tmpl(const void *a, const void *b)
{
	return strcmp((*(pentry *const *)a)->tmpl, (*(pentry *const *)b)->tmpl);
}

/* A template: not empty, at most one "[%]", no other bracket. */
static int template_ok(const char *t, int *rep)
{
	*rep = 0;
	if (!*t)
		return 0;
	for (const char *p = t; *p; p++) {
		if (*p == '[' && strncmp(p, "[%]", 3) == 0 && !*rep) {
			*rep = 1;
			p += 2;
		} else if (*p == '[' || *p == ']') {
			return 0;
		}
	}
	return 1;
}

record_paths *record_paths_new(const long long *ids, const char *const *templates, size_t n,
			       char *err)
{
	record_paths *p = xcalloc(1, sizeof *p);
	p->by_id = xcalloc(n ? n : 1, sizeof *p->by_id);
	p->by_node = xcalloc(n ? n : 1, sizeof *p->by_node);
	for (size_t k = 0; k < n; k++, p->n++) {
		pentry *e = &p->by_id[k];
		if (ids[k] < 1 || ids[k] > RECORD_MAX_PATH_ID || !templates[k] ||
		    !template_ok(templates[k], &e->rep)) {
			char *shown = termsafe_dup(templates[k] ? templates[k] : "", 0);
			errf(err, "path id %lld ('%.60s'): not a path of a record", ids[k], shown);
			free(shown);
			record_paths_free(p);
			return NULL;
		}
		e->id = ids[k];
		e->tmpl = xstrdup(templates[k]);
		e->node = xstrdup(templates[k]);
		char *bracket = strstr(e->node, "[%]");
		if (bracket)
			memmove(bracket, bracket + 3, strlen(bracket + 3) + 1);
	}
	qsort(p->by_id, n, sizeof *p->by_id, cmp_id);
	for (size_t k = 0; k < n; k++)
		p->by_node[k] = &p->by_id[k];
	/* the templates' order, made here: the table is read by threads at once, never written */
	qsort(p->by_node, n, sizeof *p->by_node, cmp_tmpl);
	for (size_t k = 0; k < n; k++)
		p->by_node[k]->order = k;
	qsort(p->by_node, n, sizeof *p->by_node, cmp_node);
	for (size_t k = 1; k < n; k++) {
		if (p->by_id[k].id == p->by_id[k - 1].id ||
		    strcmp(p->by_node[k]->node, p->by_node[k - 1]->node) == 0) {
			char *shown = termsafe_dup(p->by_id[k].tmpl, 0);
			errf(err, "path id %lld ('%.60s'): another id has it", p->by_id[k].id, shown);
			free(shown);
			record_paths_free(p);
			return NULL;
		}
	}
	p->max_id = n ? p->by_id[n - 1].id : 0;
	if ((unsigned long long)p->max_id <= 2 * (unsigned long long)n + 64) {
		p->at_id = xcalloc((size_t)p->max_id + 1, sizeof *p->at_id);
		for (size_t k = 0; k < n; k++)
			p->at_id[p->by_id[k].id] = &p->by_id[k];
	}
	return p;
}

void record_paths_free(record_paths *p)
{
	if (!p)
		return;
	for (size_t k = 0; k < p->n; k++) {
		free(p->by_id[k].tmpl);
		free(p->by_id[k].node);
	}
	free(p->by_id);
	free(p->by_node);
	free(p->at_id);
	free(p);
}

static const pentry *find_id(const record_paths *p, long long id)
{
	if (!p)
		return NULL;
	if (p->at_id)
		return id >= 0 && id <= p->max_id ? p->at_id[id] : NULL;
	size_t lo = 0, hi = p->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->by_id[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < p->n && p->by_id[lo].id == id ? &p->by_id[lo] : NULL;
}

const char *record_paths_template(const record_paths *p, long long id)
{
	const pentry *e = find_id(p, id);
	return e ? e->tmpl : NULL;
}

size_t record_paths_order(const record_paths *p, long long id)
{
	const pentry *e = find_id(p, id);
	return e ? e->order : SIZE_MAX;
}

size_t record_paths_count(const record_paths *p)
{
	return p ? p->n : 0;
}

void record_paths_entry(const record_paths *p, size_t k, long long *id, const char **tmpl)
{
	*id = p->by_id[k].id;
	*tmpl = p->by_id[k].tmpl;
}

static const pentry *find_node(const record_paths *p, const char *node)
{
	size_t lo = 0, hi = p->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(p->by_node[mid]->node, node);
		if (c == 0)
			return p->by_node[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int record_path_key(const record_paths *p, const char *path, long long *id, long long *inst)
{
	if (!p)
		return -1;
	/* one "[N]" (N 1-999999999, no leading zero) and no other bracket: an instance */
	const char *open = strchr(path, '['), *close = strchr(path, ']');
	long long n = 0;
	size_t digits = 0;
	int one = open && close && close > open && !strchr(open + 1, '[') &&
		  !strchr(close + 1, ']') && open[1] >= '1' && open[1] <= '9';
	if (one) {
		for (const char *d = open + 1; d < close; d++, digits++) {
			if (*d < '0' || *d > '9' || digits >= 9) {
				one = 0;
				break;
			}
			n = n * 10 + (*d - '0');
		}
	}
	if (!one && (open || close)) {
		/* brackets that are not one instance: kept as text unless the whole path is a
		 * node (it never is: templates hold no other brackets) */
		return -1;
	}
	char *node = xstrdup(path);
	if (one)
		memmove(node + (open - path), node + (close - path) + 1, strlen(close + 1) + 1);
	const pentry *e = find_node(p, node);
	free(node);
	if (!e)
		return -1;
	if (!one) {
		if (e->rep)
			return -1;
		*id = e->id;
		*inst = 0;
		return 0;
	}
	if (!e->rep)
		return -1;
	/* the instance must sit where the template's "[%]" is */
	size_t at = (size_t)(strstr(e->tmpl, "[%]") - e->tmpl);
	if (at != (size_t)(open - path))
		return -1;
	*id = e->id;
	*inst = n;
	return 0;
}

/* Days since 1970-01-01 of a date of the proleptic Gregorian calendar (H. Hinnant). */
static long long days_from_civil(long long y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long long z, long long *y, int *m, int *d)
{
	z += 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int num(const char *s, int n)
{
	int v = 0;
	for (int k = 0; k < n; k++) {
		if (s[k] < '0' || s[k] > '9')
			return -1;
		v = v * 10 + (s[k] - '0');
	}
	return v;
}

int record_time_ms(const char *t, long long *ms)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd.dddZ";
	if (!t || strlen(t) != 24)
		return -1;
	for (int k = 0; k < 24; k++)
		if (shape[k] != 'd' && t[k] != shape[k])
			return -1;
	int y = num(t, 4), mo = num(t + 5, 2), d = num(t + 8, 2), h = num(t + 11, 2),
	    mi = num(t + 14, 2), s = num(t + 17, 2), f = num(t + 20, 3);
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || h < 0 || h > 23 ||
	    mi < 0 || mi > 59 || s < 0 || s > 59 || f < 0)
		return -1;
	if (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return -1;
	*ms = ((days_from_civil(y, mo, d) * 24 + h) * 60 + mi) * 60000LL + s * 1000LL + f;
	return 0;
}

int record_time_text(long long ms, char *out)
{
	/* years 1000-9999 */
	if (ms < -30610224000000LL || ms > 253402300799999LL)
		return -1;
	long long days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
	long long rest = ms - days * 86400000, y;
	int m, d;
	civil_from_days(days, &y, &m, &d);
	/* "YYYY-MM-DDTHH:MM:SS.mmmZ" written digit by digit (every event's time is made here) */
	int f[] = { (int)y, m, d, (int)(rest / 3600000), (int)(rest / 60000 % 60),
		    (int)(rest / 1000 % 60), (int)(rest % 1000) };
	static const int width[] = { 4, 2, 2, 2, 2, 2, 3 };
	static const char after[] = "--T::.Z";
	char *o = out;
	for (int i = 0; i < 7; i++) {
		for (int k = width[i] - 1, v = f[i]; k >= 0; k--, v /= 10)
			o[k] = (char)('0' + v % 10);
		o += width[i];
		*o++ = after[i];
	}
	*o = '\0';
	return 0;
}
