/* record_build.c: the records of a schema-7 file's interviews (record_build.h): interviews,
 * answers and events read side by side in their primary-key order (one pass each), each
 * interview's rows encoded with its form version's path table. */
#include <stdlib.h>
#include <string.h>

#include "store/record_build.h"
#include "store/record_form.h"
#include "store/store_impl.h"
#include "util/util.h"

/* The path tables of the form versions met so far. */
typedef struct ftab {
	char *form_id, *version;
	record_paths *paths;   /* NULL: the form does not load (every path kept as text) */
} ftab;

typedef struct build {
	sqlite3 *db;
	const char *schema;
	ftab *forms;
	size_t nforms;
	sqlite3_stmt *iv, *an, *ev;
	int an_row, ev_row;    /* SQLITE_ROW while the statement holds a row */
	record_rows rows;
	size_t acap, ecap;
} build;

static const record_paths *paths_of(build *b, const char *form_id, const char *version)
{
	for (size_t k = 0; k < b->nforms; k++)
		if (strcmp(b->forms[k].form_id, form_id) == 0 &&
		    strcmp(b->forms[k].version, version) == 0)
			return b->forms[k].paths;
	b->forms = xreallocarray(b->forms, b->nforms + 1, sizeof *b->forms);
	ftab *t = &b->forms[b->nforms++];
	t->form_id = xstrdup(form_id);
	t->version = xstrdup(version);
	t->paths = NULL;
	char *sql = sqlite3_mprintf("SELECT source_name, source_kind, source FROM \"%w\".forms "
				    "WHERE form_id = ?1 AND version = ?2", b->schema);
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(b->db, sql, -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, form_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, version, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW)
			t->paths = record_paths_of_source((const char *)sqlite3_column_text(s, 0),
							  (const char *)sqlite3_column_text(s, 1),
							  sqlite3_column_blob(s, 2),
							  (size_t)sqlite3_column_bytes(s, 2));
	}
	sqlite3_finalize(s);
	sqlite3_free(sql);
	return t->paths;
}

/* A text column (NULL allowed when nullable) as a new string: 0, or -1. */
static int text_col(sqlite3_stmt *s, int c, int nullable, char **out)
{
	int t = sqlite3_column_type(s, c);
	*out = NULL;
	if (t == SQLITE_NULL)
		return nullable ? 0 : -1;
	if (t != SQLITE_TEXT)
		return -1;
	const char *v = (const char *)sqlite3_column_text(s, c);
	int n = sqlite3_column_bytes(s, c);
	if (!v || memchr(v, '\0', (size_t)n))
		return -1;
	*out = xstrndup(v, (size_t)n);
	return 0;
}

/* The answers and events of uuid, from where the two scans stand. */
static int gather(build *b, const char *uuid, char *err)
{
	record_rows *r = &b->rows;
	while (b->an_row == SQLITE_ROW) {
		const char *u = (const char *)sqlite3_column_text(b->an, 0);
		int c = u ? strcmp(u, uuid) : -1;
		if (c > 0)
			break;
		if (c < 0)
			return errf(err, "an answer of interview '%.40s', which the file does not "
				    "hold", u ? u : "");
		if (r->n_answers == b->acap) {
			b->acap = b->acap ? b->acap * 2 : 64;
			r->answers = xreallocarray(r->answers, b->acap, sizeof *r->answers);
		}
		record_answer *a = &r->answers[r->n_answers++];
		memset(a, 0, sizeof *a);
		if (text_col(b->an, 1, 0, &a->path) || text_col(b->an, 2, 1, &a->value) ||
		    text_col(b->an, 3, 0, &a->state) || text_col(b->an, 4, 0, &a->modified))
			return errf(err, "interview '%.40s': an answer of the wrong type", uuid);
		b->an_row = sqlite3_step(b->an);
	}
	while (b->ev_row == SQLITE_ROW) {
		const char *u = (const char *)sqlite3_column_text(b->ev, 0);
		int c = u ? strcmp(u, uuid) : -1;
		if (c > 0)
			break;
		if (c < 0)
			return errf(err, "an event of interview '%.40s', which the file does not "
				    "hold", u ? u : "");
		if (r->n_events == b->ecap) {
			b->ecap = b->ecap ? b->ecap * 2 : 64;
			r->events = xreallocarray(r->events, b->ecap, sizeof *r->events);
		}
		record_event *e = &r->events[r->n_events++];
		memset(e, 0, sizeof *e);
		if (sqlite3_column_type(b->ev, 1) != SQLITE_INTEGER ||
		    sqlite3_column_type(b->ev, 3) != SQLITE_INTEGER ||
		    text_col(b->ev, 2, 0, &e->at) || text_col(b->ev, 4, 0, &e->kind) ||
		    text_col(b->ev, 5, 1, &e->path) || text_col(b->ev, 6, 1, &e->old_value) ||
		    text_col(b->ev, 7, 1, &e->new_value) || text_col(b->ev, 8, 1, &e->old_state) ||
		    text_col(b->ev, 9, 1, &e->new_state))
			return errf(err, "interview '%.40s': an event of the wrong type", uuid);
		e->seq = sqlite3_column_int64(b->ev, 1);
		e->offset_ms = sqlite3_column_int64(b->ev, 3);
		b->ev_row = sqlite3_step(b->ev);
	}
	if ((b->an_row != SQLITE_ROW && b->an_row != SQLITE_DONE) ||
	    (b->ev_row != SQLITE_ROW && b->ev_row != SQLITE_DONE))
		return errf(err, "cannot read the answers and events: %s", sqlite3_errmsg(b->db));
	return 0;
}

static int prepare(build *b, sqlite3_stmt **s, const char *fmt, char *err)
{
	char *sql = sqlite3_mprintf(fmt, b->schema, b->schema);
	int rc = store_prepare(b->db, sql, s, err);
	sqlite3_free(sql);
	return rc;
}

int record_build_each(sqlite3 *db, const char *schema, record_build_fn fn, void *arg, char *err)
{
	build b;
	memset(&b, 0, sizeof b);
	b.db = db;
	b.schema = schema;
	int rc = -1, step;
	if (prepare(&b, &b.iv, "SELECT uuid, form_id, form_version, created, content_hash FROM "
		    "\"%w\".interviews ORDER BY uuid", err) ||
	    prepare(&b, &b.an, "SELECT uuid, path, value, state, modified FROM \"%w\".answers "
		    "ORDER BY uuid, path", err) ||
	    prepare(&b, &b.ev, "SELECT uuid, seq, at, offset_ms, kind, path, old_value, "
		    "new_value, old_state, new_state FROM \"%w\".events ORDER BY uuid, seq", err))
		goto out;
	b.an_row = sqlite3_step(b.an);
	b.ev_row = sqlite3_step(b.ev);
	while ((step = sqlite3_step(b.iv)) == SQLITE_ROW) {
		char *uuid, *fid, *ver, *created, *hash;
		int bad = text_col(b.iv, 0, 0, &uuid) | text_col(b.iv, 1, 0, &fid) |
			  text_col(b.iv, 2, 0, &ver) | text_col(b.iv, 3, 0, &created) |
			  text_col(b.iv, 4, 1, &hash);
		char *a = NULL, *e = NULL;
		int r = bad ? errf(err, "interview '%.40s': a column of the wrong type",
				   uuid ? uuid : "") : 0;
		if (r == 0)
			r = gather(&b, uuid, err);
		if (r == 0) {
			char why[ERR_MAX];
			r = record_encode(paths_of(&b, fid, ver), created, hash, &b.rows, &a, &e, why)
				? errf(err, "interview '%.40s': %s", uuid, why) : 0;
		}
		if (r == 0)
			r = fn(arg, uuid, a, e, err);
		free(a);
		free(e);
		free(uuid);
		free(fid);
		free(ver);
		free(created);
		free(hash);
		record_rows_clear(&b.rows);
		if (r) {
			rc = r;
			goto out;
		}
	}
	if (step != SQLITE_DONE) {
		errf(err, "cannot read the interviews: %s", sqlite3_errmsg(db));
		goto out;
	}
	if (b.an_row == SQLITE_ROW || b.ev_row == SQLITE_ROW) {
		errf(err, "an answer or event of an interview the file does not hold");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(b.iv);
	sqlite3_finalize(b.an);
	sqlite3_finalize(b.ev);
	for (size_t k = 0; k < b.nforms; k++) {
		free(b.forms[k].form_id);
		free(b.forms[k].version);
		record_paths_free(b.forms[k].paths);
	}
	free(b.forms);
	record_rows_clear(&b.rows);
	free(b.rows.answers);
	free(b.rows.events);
	return rc;
}
