/* rows.c: cutting each scanned interview into table rows — its own row, and one row per repeat
 * instance ("hh[2]", "hh[2]/members[1]") keyed as ODK Central does ("uuid:U/hh[2]") — and
 * handing them to a writer in order. */
#include "export/export_impl.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct rrow {
	int table;
	char *ikey;              /* instance path, "" for the interview's own row */
	char *key, *parent_key;
	const char **values;
	store_state *states;
	unsigned char *present;
} rrow;

typedef struct rscan {
	const xmodel *m;
	xrow_fn fn;
	void *arg;
	char *err;
	rrow *rows;
	int n, cap;
	strbuf path;             /* scratch: node path of an answer */
} rscan;

/* Compare instance paths with their numbers as numbers: "hh[2]" < "hh[10]". */
static int natural_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			while (*a == '0')
				a++;
			while (*b == '0')
				b++;
			size_t la = strspn(a, "0123456789"), lb = strspn(b, "0123456789");
			if (la != lb)
				return la < lb ? -1 : 1;
			int c = memcmp(a, b, la);
			if (c)
				return c;
			a += la;
			b += lb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

static int row_cmp(const void *x, const void *y)
{
	const rrow *a = x, *b = y;
	return natural_cmp(a->ikey, b->ikey);
}

/* The node path of an instance path: brackets removed. */
static void strip_instances(strbuf *sb, const char *p, size_t n)
{
	sb_reset(sb);
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '[') {
			while (i < n && p[i] != ']')
				i++;
			continue;
		}
		sb_addc(sb, p[i]);
	}
}

static int table_of_repeat(const xmodel *m, const char *path)
{
	for (int t = 1; t < m->ntables; t++)
		if (strcmp(m->tables[t].repeat, path) == 0)
			return t;
	return -1;
}

static int find_row(rscan *s, const char *ikey, size_t n)
{
	for (int i = s->n - 1; i >= 0; i--)
		if (strlen(s->rows[i].ikey) == n && memcmp(s->rows[i].ikey, ikey, n) == 0)
			return i;
	return -1;
}

/* The row of instance path ikey (n bytes) in table t, made (with its parents) when absent;
 * -1 when the path does not fit the model. */
static int get_row(rscan *s, const store_interview *iv, const char *ikey, size_t n, int t)
{
	int r = find_row(s, ikey, n);
	if (r >= 0)
		return s->rows[r].table == t ? r : -1;
	if ((t == 0) != (n == 0))
		return -1;
	if (t > 0) {
		strip_instances(&s->path, ikey, n);
		if (strcmp(sb_str(&s->path), s->m->tables[t].repeat) != 0)
			return -1;
	}
	/* the parent instance: up to the ']' before the last one */
	size_t pn = 0;
	for (size_t i = 0; i + 1 < n; i++)
		if (ikey[i] == ']')
			pn = i + 1;
	int parent_t = t > 0 ? s->m->tables[t].parent : -1;
	if (t > 0 && pn > 0) {
		strip_instances(&s->path, ikey, pn);
		int pt = table_of_repeat(s->m, sb_str(&s->path));
		if (pt != parent_t || get_row(s, iv, ikey, pn, pt) < 0)
			return -1;
	} else if (t > 0 && parent_t != 0) {
		return -1;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->rows = xreallocarray(s->rows, (size_t)s->cap, sizeof *s->rows);
	}
	rrow *row = &s->rows[s->n];
	int nq = s->m->tables[t].nq;
	row->table = t;
	row->ikey = xstrndup(ikey, n);
	row->key = n ? xasprintf("uuid:%s/%s", iv->uuid, row->ikey) : xasprintf("uuid:%s", iv->uuid);
	row->parent_key = t == 0 ? NULL : pn ? xasprintf("uuid:%s/%.*s", iv->uuid, (int)pn, ikey) :
		xasprintf("uuid:%s", iv->uuid);
	row->values = xcalloc((size_t)nq + 1, sizeof *row->values);
	row->states = xcalloc((size_t)nq + 1, sizeof *row->states);
	row->present = xcalloc((size_t)nq + 1, 1);
	return s->n++;
}

static void free_rows(rscan *s)
{
	for (int i = 0; i < s->n; i++) {
		free(s->rows[i].ikey);
		free(s->rows[i].key);
		free(s->rows[i].parent_key);
		free(s->rows[i].values);
		free(s->rows[i].states);
		free(s->rows[i].present);
	}
	s->n = 0;
}

static int emit(rscan *s, const store_interview *iv, const rrow *row)
{
	xrow r = {
		.iv = iv, .table = row->table, .key = row->key, .parent_key = row->parent_key,
		.values = row->values, .states = row->states, .present = row->present,
	};
	return s->fn(s->arg, &r, s->err);
}

static int on_interview(void *arg, const store_scan_row *sr)
{
	rscan *s = arg;
	const store_interview *iv = sr->iv;
	free_rows(s);
	get_row(s, iv, "", 0, 0);
	for (int i = 0; i < sr->nanswers; i++) {
		const store_answer *a = &sr->answers[i];
		size_t len = strlen(a->path);
		strip_instances(&s->path, a->path, len);
		int q = xmodel_find(s->m, s->path.buf ? s->path.buf : "", s->path.len);
		if (q < 0)
			continue;   /* not a value (a group, a note) */
		size_t kn = 0;
		for (size_t j = 0; j < len; j++)
			if (a->path[j] == ']')
				kn = j + 1;
		int r = get_row(s, iv, a->path, kn, s->m->qs[q].table);
		if (r < 0)
			continue;   /* a path that does not fit the questionnaire */
		int slot = s->m->qs[q].slot;
		s->rows[r].values[slot] = a->state == STATE_ANSWERED && s->m->media &&
			form_type_is_media(s->m->qs[q].type) ?
			xmedia_cell(s->m->media, iv->uuid, a->path, a->value) : a->value;
		s->rows[r].states[slot] = a->state;
		s->rows[r].present[slot] = 1;
	}
	if (s->n > 2)
		qsort(s->rows + 1, (size_t)s->n - 1, sizeof *s->rows, row_cmp);
	for (int i = 0; i < s->n; i++) {
		int rc = emit(s, iv, &s->rows[i]);
		if (rc)
			return rc;
	}
	return 0;
}

int xrows_scan(store *st, const xmodel *m, xrow_fn fn, void *arg, char *err)
{
	rscan s = { .m = m, .fn = fn, .arg = arg, .err = err };
	store_scan_filter filter = { .form_id = m->form_id, .status = "complete" };
	int rc = store_scan_all(st, &filter, on_interview, &s, err);
	free_rows(&s);
	free(s.rows);
	sb_release(&s.path);
	return rc;
}
