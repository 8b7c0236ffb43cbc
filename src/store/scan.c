/* scan.c: streaming interviews with their answers to a callback (export, stats, reports). */
#include "store/scan.h"
#include "store/store_impl.h"
#include "store/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

#define SCAN_IV_COLUMNS \
	"uuid, form_id, form_version, device_id, interviewer, status, revision, created, " \
	"modified, completed, content_hash, lang, position, instance_name, "

int store_filter_sql(strbuf *sql, const store_scan_filter *f, const char *alias, int first)
{
	const char *sep = " WHERE ", *cols[] = { "form_id", "form_version", "status" };
	const char *vals[] = { f ? f->form_id : NULL, f ? f->form_version : NULL,
			       f ? f->status : NULL };
	int k = first;
	for (int i = 0; i < 3; i++) {
		if (!vals[i])
			continue;
		sb_addf(sql, "%s%s%s = ?%d", sep, alias ? alias : "", cols[i], k++);
		sep = " AND ";
	}
	/* a discarded interview is kept but never read as data (DESIGN.md, Storage) */
	if (!vals[2])
		sb_addf(sql, "%s%sstatus <> 'discarded'", sep, alias ? alias : "");
	return k;
}

void store_filter_bind(sqlite3_stmt *s, const store_scan_filter *f, int first)
{
	const char *vals[] = { f ? f->form_id : NULL, f ? f->form_version : NULL,
			       f ? f->status : NULL };
	for (int i = 0, k = first; i < 3; i++)
		if (vals[i])
			sqlite3_bind_text(s, k++, vals[i], -1, SQLITE_STATIC);
}

int store_prepare_filtered(store *st, strbuf *sql, const store_scan_filter *f, int first,
			   sqlite3_stmt **s, char *err)
{
	int rc = store_prepare(st->db, sb_str(sql), s, err);
	sb_release(sql);
	if (rc)
		return -1;
	store_filter_bind(*s, f, first);
	return 0;
}

/* Borrowed column text: valid until the cursor moves. */
static char *col(sqlite3_stmt *s, int c)
{
	return (char *)sqlite3_column_text(s, c);
}

static void row_interview(sqlite3_stmt *s, store_interview *iv)
{
	snprintf(iv->uuid, sizeof iv->uuid, "%s", col(s, 0));
	iv->form_id = col(s, 1);
	iv->form_version = col(s, 2);
	iv->device_id = col(s, 3);
	iv->interviewer = col(s, 4);
	iv->status = col(s, 5);
	iv->revision = sqlite3_column_int(s, 6);
	iv->created = col(s, 7);
	iv->modified = col(s, 8);
	iv->completed = col(s, 9);
	iv->content_hash = col(s, 10);
	iv->lang = col(s, 11);
	iv->position = col(s, 12);
	iv->instance_name = col(s, 13);
	iv->origin = col(s, 14);
	iv->answered = 0;
}

/* The answers of one interview, read into a growing array (schema 8: from its record). */
typedef struct collected {
	store_answer *a;
	int n, cap;
} collected;

static void collect(collected *c, const char *path, const char *value, store_state state)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		c->a = xreallocarray(c->a, (size_t)c->cap, sizeof *c->a);
	}
	c->a[c->n].path = xstrdup(path);
	c->a[c->n].value = value ? xstrdup(value) : NULL;
	c->a[c->n++].state = state;
}

static int collect_answer(void *arg, const char *path, const char *value, const char *state)
{
	store_state st;
	if (store_state_parse(state, &st))
		st = STATE_ANSWERED;
	collect(arg, path, value, st);
	return 0;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const store_answer *)a)->path, ((const store_answer *)b)->path);
}

/* Schema 8: the answers of iv from its record (inner: "SELECT answers FROM records WHERE
 * uuid = ?1", bound), decoded in C and sorted by path as the answers view orders them. */
static int record_answers(store *st, const store_interview *iv, sqlite3_stmt *inner,
			  collected *c, char *err)
{
	int rc = sqlite3_step(inner);
	if (rc == SQLITE_DONE)   /* no record: no answers, as the view gives none */
		return 0;
	if (rc != SQLITE_ROW)
		return store_sqlerr(st, "cannot read the answers", err);
	const record_paths *p = iv->form_id && iv->form_version ?
		store_paths_of(st, iv->form_id, iv->form_version, err) : NULL;
	char why[ERR_MAX];
	if (!p)
		return iv->form_id && iv->form_version ? -1 :
		       errf(err, "interview '%.40s': no form", iv->uuid);
	if (sqlite3_column_type(inner, 0) != SQLITE_TEXT ||
	    record_answers_each(p, (const char *)sqlite3_column_text(inner, 0),
				(size_t)sqlite3_column_bytes(inner, 0), collect_answer, c, why))
		return errf(err, "interview '%.40s': its record cannot be read (%s)", iv->uuid,
			    sqlite3_column_type(inner, 0) == SQLITE_TEXT ? why : "not text");
	if (c->n > 1)
		qsort(c->a, (size_t)c->n, sizeof *c->a, by_path);
	return 0;
}

/* The shared loop: an outer cursor over interviews and an inner statement for answers (the
 * answers table, or on schema 8 the interview's record). */
static int scan(store *st, const store_scan_filter *filter, const char *const *paths,
		int npaths, int all, store_scan_fn fn, void *arg, char *err)
{
	strbuf sql = STRBUF_INIT;
	char *origin = store_origin_sql("main", "interviews", st->schema_version);
	sb_addf(&sql, "SELECT " SCAN_IV_COLUMNS "%s FROM interviews", origin);
	sqlite3_free(origin);
	store_filter_sql(&sql, filter, NULL, 1);
	sb_adds(&sql, " ORDER BY created, uuid");
	sqlite3_stmt *outer = NULL, *inner = NULL;
	int rc = store_prepare(st->db, sb_str(&sql), &outer, err);
	sb_release(&sql);
	if (rc)
		return -1;
	store_filter_bind(outer, filter, 1);
	int records = STORE_IS_RECORDS(st);
	if (store_prepare(st->db, records ? "SELECT answers FROM records WHERE uuid = ?" :
			  "SELECT path, value, state FROM answers WHERE uuid = ? ORDER BY path",
			  &inner, err)) {
		sqlite3_finalize(outer);
		return -1;
	}
	int result = 0;
	collected got = { NULL, 0, 0 };
	const char **values = xcalloc((size_t)npaths + 1, sizeof *values);
	store_state *states = xcalloc((size_t)npaths + 1, sizeof *states);
	int *present = xcalloc((size_t)npaths + 1, sizeof *present);
	while ((rc = sqlite3_step(outer)) == SQLITE_ROW) {
		store_interview iv;
		row_interview(outer, &iv);
		sqlite3_reset(inner);
		sqlite3_bind_text(inner, 1, iv.uuid, -1, SQLITE_STATIC);
		for (int k = 0; k < npaths; k++) {
			values[k] = NULL;
			states[k] = STATE_ANSWERED;
			present[k] = 0;
		}
		for (int i = 0; i < got.n; i++) {
			free(got.a[i].path);
			free(got.a[i].value);
		}
		got.n = 0;
		int irc = SQLITE_DONE;
		if (records) {
			result = record_answers(st, &iv, inner, &got, err);
		} else {
			while ((irc = sqlite3_step(inner)) == SQLITE_ROW) {
				store_state state;
				if (store_state_parse((const char *)sqlite3_column_text(inner, 2),
						      &state))
					state = STATE_ANSWERED;
				collect(&got, (const char *)sqlite3_column_text(inner, 0),
					(const char *)sqlite3_column_text(inner, 1), state);
			}
			if (irc != SQLITE_DONE)
				result = store_sqlerr(st, "cannot read the answers", err);
		}
		for (int i = 0; !all && !result && i < got.n; i++)
			for (int k = 0; k < npaths; k++)
				if (!present[k] && strcmp(paths[k], got.a[i].path) == 0) {
					/* copied: got is emptied for the next interview */
					values[k] = got.a[i].value ? xstrdup(got.a[i].value) : NULL;
					states[k] = got.a[i].state;
					present[k] = 1;
				}
		if (!result) {
			store_scan_row row = { .iv = &iv, .values = values, .states = states,
					       .present = present, .answers = all ? got.a : NULL,
					       .nanswers = all ? got.n : 0 };
			result = fn(arg, &row);
		}
		for (int k = 0; k < npaths; k++)
			free((char *)values[k]);
		if (result)
			break;
	}
	if (!result && rc != SQLITE_DONE && rc != SQLITE_ROW)
		result = store_sqlerr(st, "cannot read the interviews", err);
	for (int i = 0; i < got.n; i++) {
		free(got.a[i].path);
		free(got.a[i].value);
	}
	free(got.a);
	free(values);
	free(states);
	free(present);
	sqlite3_finalize(inner);
	sqlite3_finalize(outer);
	return result;
}

int store_scan_paths(store *st, const store_scan_filter *filter, const char *const *paths,
		     int npaths, store_scan_fn fn, void *arg, char *err)
{
	return scan(st, filter, paths, npaths, 0, fn, arg, err);
}

int store_scan_all(store *st, const store_scan_filter *filter, store_scan_fn fn, void *arg,
		   char *err)
{
	return scan(st, filter, NULL, 0, 1, fn, arg, err);
}

int store_scan_count(store *st, const store_scan_filter *filter, long long *out, char *err)
{
	strbuf sql = STRBUF_INIT;
	sb_adds(&sql, "SELECT count(*) FROM interviews");
	store_filter_sql(&sql, filter, NULL, 1);
	sqlite3_stmt *s;
	if (store_prepare_filtered(st, &sql, filter, 1, &s, err))
		return -1;
	int rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(st, "cannot count the interviews", err);
}

int store_string_pairs(store *st, const char *sql, char ***a, char ***b, int *n,
		       const char *what, char *err)
{
	sqlite3_stmt *s;
	*a = *b = NULL;
	*n = 0;
	if (store_prepare(st->db, sql, &s, err))
		return -1;
	int rc, cap = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (sqlite3_column_type(s, 0) == SQLITE_NULL ||
		    sqlite3_column_type(s, 1) == SQLITE_NULL)
			continue;   /* a damaged file: no NULL reaches the callers */
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			*a = xreallocarray(*a, (size_t)cap, sizeof **a);
			*b = xreallocarray(*b, (size_t)cap, sizeof **b);
		}
		(*a)[*n] = store_col_text(s, 0);
		(*b)[*n] = store_col_text(s, 1);
		(*n)++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_strings_free(*a, *n);
		store_strings_free(*b, *n);
		*a = *b = NULL;
		*n = 0;
		return store_sqlerr(st, what, err);
	}
	return 0;
}

int store_form_versions(store *st, char ***ids, char ***versions, int *n, char *err)
{
	if (store_string_pairs(st, "SELECT form_id, form_version FROM interviews GROUP BY 1, 2",
			       ids, versions, n, "cannot read the form versions", err))
		return -1;
	store_sort_versions(*ids, *versions, *n);
	return 0;
}

void store_strings_free(char **s, int n)
{
	store_rows_free(s, n, &store_text_rows);
}
