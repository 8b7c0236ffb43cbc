/* record_form.c: a form version's path table for the record codec (record_form.h), walked
 * from the registered questionnaire reader. */
#include <stdlib.h>
#include <string.h>

#include "store/record_form.h"
#include "store/store_impl.h"
#include "util/util.h"

typedef struct walk {
	const store_form_ops *ops;
	const store_form *f;
	long long *ids;
	char **tmpl;
	size_t n, cap;
} walk;

static int one(void *arg, const char *name, const char *path, const char *repeat)
{
	walk *w = arg;
	char *probe, *tmpl;
	size_t rl = repeat ? strlen(repeat) : 0;
	if (repeat && (strncmp(path, repeat, rl) != 0 || path[rl] != '/'))
		return 0;   /* not below its repeat's path: no template for it */
	if (repeat) {
		/* the node an instance's path names: none when an outer repeat needs a number too */
		probe = xasprintf("%.*s[1]%s", (int)rl, path, path + rl);
		tmpl = xasprintf("%.*s[%%]%s", (int)rl, path, path + rl);
	} else {
		probe = xstrdup(path);
		tmpl = xstrdup(path);
	}
	int node = w->ops->node(w->f, probe);
	free(probe);
	if (node < 1) {
		free(tmpl);
		return 0;
	}
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->ids = xreallocarray(w->ids, w->cap, sizeof *w->ids);
		w->tmpl = xreallocarray(w->tmpl, w->cap, sizeof *w->tmpl);
	}
	w->ids[w->n] = node;
	w->tmpl[w->n++] = tmpl;
	return 0;
}

record_paths *record_paths_of_form(const store_form_ops *ops, const store_form *f, char *err)
{
	walk w = { ops, f, NULL, NULL, 0, 0 };
	ops->questions(f, one, &w);
	record_paths *p = record_paths_new(w.ids, (const char *const *)w.tmpl, w.n, err);
	for (size_t k = 0; k < w.n; k++)
		free(w.tmpl[k]);
	free(w.tmpl);
	free(w.ids);
	return p;
}

record_paths *record_paths_of_source(const char *name, const char *kind, const void *bytes,
				     size_t len)
{
	char why[ERR_MAX];
	return record_paths_of_source_why(name, kind, bytes, len, why);
}

record_paths *record_paths_of_source_why(const char *name, const char *kind, const void *bytes,
					 size_t len, char *why)
{
	const store_form_ops *ops = store_form_ops_get();
	why[0] = '\0';
	store_form *sf = ops && name && kind ? ops->load(name, kind, bytes, len, why) : NULL;
	record_paths *t = sf ? record_paths_of_form(ops, sf, why) : NULL;
	if (sf)
		ops->release(sf);
	return t;
}

/* The paths rows of one form version against its table: 0, or -1. */
static int same_rows(sqlite3_stmt *rows, const record_paths *t)
{
	size_t k = 0;
	while (sqlite3_step(rows) == SQLITE_ROW) {
		long long id;
		const char *tmpl;
		if (k >= record_paths_count(t) || sqlite3_column_type(rows, 0) != SQLITE_INTEGER ||
		    sqlite3_column_type(rows, 1) != SQLITE_TEXT)
			return -1;
		record_paths_entry(t, k++, &id, &tmpl);
		if (sqlite3_column_int64(rows, 0) != id ||
		    strcmp((const char *)sqlite3_column_text(rows, 1), tmpl) != 0)
			return -1;
	}
	return k == record_paths_count(t) ? 0 : -1;
}

int record_paths_verify(sqlite3 *db, const char *schema, char *err)
{
	char *q1 = sqlite3_mprintf("SELECT form_id, version, source_name, source_kind, source FROM "
				   "\"%w\".forms", schema);
	char *q2 = sqlite3_mprintf("SELECT id, path FROM \"%w\".paths WHERE form_id IS ?1 AND "
				   "form_version IS ?2 ORDER BY id", schema);
	char *q3 = sqlite3_mprintf("SELECT count(*) FROM \"%w\".paths p WHERE NOT EXISTS (SELECT 1 "
				   "FROM \"%w\".forms f WHERE f.form_id IS p.form_id AND "
				   "f.version IS p.form_version)", schema, schema);
	sqlite3_stmt *f = NULL, *p = NULL, *o = NULL;
	int rc = -1, step;
	if (store_prepare(db, q1, &f, err) || store_prepare(db, q2, &p, err) ||
	    store_prepare(db, q3, &o, err))
		goto out;
	while ((step = sqlite3_step(f)) == SQLITE_ROW) {
		char why[ERR_MAX];
		record_paths *t = record_paths_of_source_why((const char *)sqlite3_column_text(f, 2),
							     (const char *)sqlite3_column_text(f, 3),
							     sqlite3_column_blob(f, 4),
							     (size_t)sqlite3_column_bytes(f, 4), why);
		sqlite3_reset(p);
		sqlite3_bind_value(p, 1, sqlite3_column_value(f, 0));
		sqlite3_bind_value(p, 2, sqlite3_column_value(f, 1));
		int bad = same_rows(p, t);
		record_paths_free(t);
		if (bad && !t && why[0]) {   /* its rows name a form that does not load: say why */
			errf(err, "the questionnaire '%.60s' version '%.40s' it holds does not load: %s",
			     sqlite3_column_text(f, 0) ? (const char *)sqlite3_column_text(f, 0) : "",
			     sqlite3_column_text(f, 1) ? (const char *)sqlite3_column_text(f, 1) : "",
			     why);
			goto out;
		}
		if (bad) {
			errf(err, "the path ids of form '%.60s' version '%.40s' are not those its "
			     "questionnaire gives", sqlite3_column_text(f, 0) ?
			     (const char *)sqlite3_column_text(f, 0) : "",
			     sqlite3_column_text(f, 1) ? (const char *)sqlite3_column_text(f, 1) : "");
			goto out;
		}
	}
	if (step != SQLITE_DONE) {
		errf(err, "cannot read the forms: %s", sqlite3_errmsg(db));
		goto out;
	}
	if (sqlite3_step(o) != SQLITE_ROW || sqlite3_column_int64(o, 0) != 0) {
		errf(err, "path ids of a form version the file does not hold");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(f);
	sqlite3_finalize(p);
	sqlite3_finalize(o);
	sqlite3_free(q1);
	sqlite3_free(q2);
	sqlite3_free(q3);
	return rc;
}
