/* merge_scan_records.c: the interview pass of store_scan_content on a schema-8 file — each
 * `records` row read once and its record decoded in C, hashed as the schema-7 rows its views
 * stand for (no view is read: a file's views are data, and its `events` view takes a minute). */
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record_hash.h"
#include "store/record_schema.h"
#include "store/record_store.h"
#include "util/util.h"

const record_paths *store_paths_cache_get(store_paths_cache *c, sqlite3 *db,
					  const char *schema, const char *form,
					  const char *version, char *err)
{
	for (size_t k = 0; k < c->n; k++)
		if (strcmp(c->v[k].form, form) == 0 && strcmp(c->v[k].version, version) == 0)
			return c->v[k].p;
	record_paths *p = record_paths_load(db, schema, form, version, err);
	if (!p)
		return NULL;
	c->v = xreallocarray(c->v, c->n + 1, sizeof *c->v);
	c->v[c->n].form = xstrdup(form);
	c->v[c->n].version = xstrdup(version);
	c->v[c->n++].p = p;
	return p;
}

void store_paths_cache_release(store_paths_cache *c)
{
	for (size_t k = 0; k < c->n; k++) {
		free(c->v[k].form);
		free(c->v[k].version);
		record_paths_free(c->v[k].p);
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const record_answer *)a)->path, ((const record_answer *)b)->path);
}

/* A text cell (NULL for s NULL), as store_cells_load gives a text value. */
static store_cell text_cell(const char *s)
{
	store_cell c = { .type = s ? SQLITE_TEXT : SQLITE_NULL, .t = s };
	c.len = c.bytes = s ? strlen(s) : 0;
	return c;
}

void store_scan_hash_rows(struct sha256_ctx *all, const store_cell *iv, record_rows *r,
			  store_scan_iv *out, long long *attached)
{
	snprintf(out->uuid, sizeof out->uuid, "%s", iv[0].t ? iv[0].t : "");
	store_hash_field(all, "interview");
	store_hash_cells(all, iv, STORE_INTERVIEW_NCOLUMNS);
	size_t sorted = 1;   /* record_check gives them in path order */
	while (sorted < r->n_answers && strcmp(r->answers[sorted - 1].path,
					      r->answers[sorted].path) < 0)
		sorted++;
	if (sorted < r->n_answers)
		qsort(r->answers, r->n_answers, sizeof *r->answers, by_path);
	for (size_t k = 0; k < r->n_answers; k++) {
		const record_answer *a = &r->answers[k];
		store_cell c[4] = { text_cell(a->path), text_cell(a->value), text_cell(a->state),
				    text_cell(a->modified) };
		store_hash_field(all, "answer");
		store_hash_cells(all, c, 4);
	}
	out->attached = 0;
	for (size_t k = 0; k < r->n_events; k++)
		if (r->events[k].kind && strcmp(r->events[k].kind, "attached") == 0)
			out->attached++;
	*attached += out->attached;
	record_events_hash(r, out->events_sha256);
	out->events_count = (long long)r->n_events;
	store_hash_field(all, "events");
	store_hash_field(all, out->events_sha256);
}

int store_scan_records(sqlite3 *db, const char *schema, struct sha256_ctx *all, store_scan *out,
		       char *err)
{
	char *cols = record_interviews_select();
	sqlite3_stmt *s = NULL;
	int rc = store_preparef(db, &s, err, "SELECT %s, created, content_hash, answers, events "
				"FROM \"%w\".records ORDER BY uuid", cols, schema);
	free(cols);
	if (rc)
		return -1;
	enum { RAW = STORE_INTERVIEW_NCOLUMNS };   /* the raw columns after the view's */
	store_paths_cache cache = { NULL, 0 };
	int cap = 0, step;
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
		store_cell iv[STORE_INTERVIEW_NCOLUMNS];
		store_cells_load(s, 0, STORE_INTERVIEW_NCOLUMNS, iv);
		const char *uuid = iv[0].t ? iv[0].t : "";
		char why[ERR_MAX];
		const record_paths *p = iv[1].t && iv[2].t ?
			store_paths_cache_get(&cache, db, schema, iv[1].t, iv[2].t, why) : NULL;
		if (!p) {
			rc = errf(err, "interview '%.40s': %s", uuid, iv[1].t && iv[2].t ? why :
				  "no form");
			break;
		}
		char *created = record_col_time(sqlite3_column_value(s, RAW), NULL);
		char *hash = record_col_hash(sqlite3_column_value(s, RAW + 1));
		record_rows r;
		memset(&r, 0, sizeof r);
		if (sqlite3_column_type(s, RAW + 2) != SQLITE_TEXT ||
		    sqlite3_column_type(s, RAW + 3) != SQLITE_TEXT)
			rc = errf(err, "interview '%.40s': its record cannot be read (not text)", uuid);
		else if (record_decode(p, created, hash, (const char *)sqlite3_column_text(s, RAW + 2),
				       (size_t)sqlite3_column_bytes(s, RAW + 2),
				       (const char *)sqlite3_column_text(s, RAW + 3),
				       (size_t)sqlite3_column_bytes(s, RAW + 3), &r, why))
			rc = errf(err, "interview '%.40s': its record cannot be read (%s)", uuid, why);
		free(created);
		free(hash);
		if (rc)
			break;
		if (out->n == cap) {
			cap = cap ? cap * 2 : 256;
			out->ivs = xreallocarray(out->ivs, (size_t)cap, sizeof *out->ivs);
		}
		store_scan_hash_rows(all, iv, &r, &out->ivs[out->n++], &out->attached);
		record_rows_free(&r);
	}
	if (!rc && step != SQLITE_DONE)
		rc = errf(err, "cannot read it: %s", sqlite3_errmsg(db));
	sqlite3_finalize(s);
	store_paths_cache_release(&cache);
	return rc;
}
