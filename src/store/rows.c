/* rows.c: running one statement of the store — its text parameters bound, its rows handed to
 * a function or collected into a growing array — with one way of refusing a read error. */
#include "store/store_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

int store_vquery(sqlite3 *db, sqlite3_stmt **s, char *err, const char *sql, int n, va_list ap)
{
	if (store_prepare(db, sql, s, err))
		return -1;
	for (int i = 1; i <= n; i++) {
		const char *v = va_arg(ap, const char *);
		if (v)
			sqlite3_bind_text(*s, i, v, -1, SQLITE_STATIC);
	}
	return 0;
}

int store_query(sqlite3 *db, sqlite3_stmt **s, char *err, const char *sql, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	int rc = store_vquery(db, s, err, sql, n, ap);
	va_end(ap);
	return rc;
}

int store_preparef(sqlite3 *db, sqlite3_stmt **s, char *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	int rc = store_prepare(db, sql, s, err);
	sqlite3_free(sql);
	return rc;
}

int store_run(store *st, const char *what, char *err, const char *sql, int n, ...)
{
	sqlite3_stmt *s;
	va_list ap;
	va_start(ap, n);
	int bad = store_vquery(st->db, &s, err, sql, n, ap);
	va_end(ap);
	if (bad)
		return -1;
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_sqlerr(st, what, err);
	return 0;
}

int store_each(store *st, sqlite3_stmt *s, store_row_fn fn, void *arg, const char *what,
	       char *err)
{
	int rc, stop = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !(stop = fn(arg, s)))
		;
	sqlite3_finalize(s);
	if (stop)
		return stop;
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, what, err);
	return 0;
}

/* Column i of the current row of s into the member c names of elem. */
static void fill_col(sqlite3_stmt *s, int i, const store_col *c, char *elem)
{
	void *m = elem + c->offset;
	switch (c->kind) {
	case STORE_SKIP:
		break;
	case STORE_TEXT:
	case STORE_TEXT_EMPTY: {
		char *t = store_col_text(s, i);
		if (!t && c->kind == STORE_TEXT_EMPTY)
			t = xstrdup("");
		memcpy(m, &t, sizeof t);
		break;
	}
	case STORE_INT: {
		int v = sqlite3_column_int(s, i);
		memcpy(m, &v, sizeof v);
		break;
	}
	case STORE_INT64: {
		long long v = sqlite3_column_int64(s, i);
		memcpy(m, &v, sizeof v);
		break;
	}
	case STORE_CHARS:
		snprintf(m, c->size, "%s", (const char *)sqlite3_column_text(s, i));
		break;
	}
}

int store_row_fill(const store_row_type *t, sqlite3_stmt *s, void *elem, void *arg)
{
	for (int i = 0; i < t->ncols; i++)
		fill_col(s, i, &t->cols[i], elem);
	return t->fill ? t->fill(s, elem, arg) : 0;
}

void store_row_release(const store_row_type *t, void *elem)
{
	for (int i = 0; i < t->ncols; i++)
		if (t->cols[i].kind == STORE_TEXT || t->cols[i].kind == STORE_TEXT_EMPTY) {
			char *p;
			memcpy(&p, (char *)elem + t->cols[i].offset, sizeof p);
			free(p);
		}
}

/* store_collect's array as it grows. */
struct collecting {
	const store_row_type *t;
	void *arg;
	char *items;
	int n, cap;
};

static int collect_row(void *arg, sqlite3_stmt *s)
{
	struct collecting *c = arg;
	const store_row_type *t = c->t;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->items = xreallocarray(c->items, (size_t)c->cap, t->size);
	}
	char *elem = c->items + (size_t)c->n * t->size;
	memset(elem, 0, t->size);
	if (store_row_fill(t, s, elem, c->arg))
		store_row_release(t, elem);   /* left out */
	else
		c->n++;
	return 0;
}

int store_collect(store *st, sqlite3_stmt *s, const store_row_type *t, void *arg, void *out,
		  int *n, const char *what, char *err)
{
	struct collecting c = { .t = t, .arg = arg };
	int rc = store_each(st, s, collect_row, &c, what, err);
	if (rc || !c.n) {   /* nothing kept: NULL, as when no row came */
		store_rows_free(c.items, c.n, t);
		c.items = NULL;
		c.n = 0;
	}
	void *items = c.items;
	memcpy(out, &items, sizeof items);   /* out is the caller's T ** */
	*n = c.n;
	return rc;
}

int store_rows(store *st, const store_row_type *t, void *arg, void *out, int *n,
	       const char *what, char *err, const char *sql, int nparams, ...)
{
	void *none = NULL;
	memcpy(out, &none, sizeof none);
	*n = 0;
	va_list ap;
	va_start(ap, nparams);
	sqlite3_stmt *s;
	int bad = store_vquery(st->db, &s, err, sql, nparams, ap);
	va_end(ap);
	return bad ? -1 : store_collect(st, s, t, arg, out, n, what, err);
}

void store_rows_free(void *items, int n, const store_row_type *t)
{
	if (!items)
		return;
	for (int i = 0; i < n; i++)
		store_row_release(t, (char *)items + (size_t)i * t->size);
	free(items);
}

static const store_col text_cols[] = { { STORE_TEXT, 0, sizeof(char *) } };
const store_row_type store_text_rows = STORE_ROW_TYPE(char *, text_cols, NULL);
