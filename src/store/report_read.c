/* report_read.c: many questions' answers of every interview in one pass — the interviews in
 * UUID order, and for each its answer rows read as one range of the answers' primary key
 * (uuid, path), each row's path matched against the wanted ones in memory (schema 8: its
 * record's answers scanned, store_records_read); and the interview list, streamed. */
#include "store/report_read.h"
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static const char *const *sort_paths;
static int by_path(const void *a, const void *b)
{
	return strcmp(sort_paths[*(const int *)a], sort_paths[*(const int *)b]);
}

int store_report_read(store *st, const store_scan_filter *filter, const char *const *paths,
		      int npaths, store_scan_fn fn, void *arg, char *err)
{
	if (STORE_IS_RECORDS(st))
		return store_records_read(st, filter, paths, npaths, fn, arg, err);
	/* the distinct paths wanted, sorted: an interview's answer rows come in path order, so
	 * one walk along both matches them; next[k] chains the requests of the same path */
	int nwant = 0;
	int *order = xcalloc((size_t)npaths + 1, sizeof *order);
	for (int k = 0; k < npaths; k++)
		if (paths[k])
			order[nwant++] = k;
	sort_paths = paths;
	qsort(order, (size_t)nwant, sizeof *order, by_path);
	const char **want = xcalloc((size_t)npaths + 1, sizeof *want);
	int *first = xcalloc((size_t)npaths + 1, sizeof *first);
	int *next = xcalloc((size_t)npaths + 1, sizeof *next);
	int nw = 0;
	for (int i = 0; i < nwant; i++) {
		int k = order[i];
		if (!nw || strcmp(want[nw - 1], paths[k])) {
			want[nw] = paths[k];
			first[nw++] = -1;
		}
		next[k] = first[nw - 1];
		first[nw - 1] = k;
	}
	free(order);
	strbuf sql = STRBUF_INIT;
	char *origin = store_origin_sql("main", "i", st->schema_version);
	sb_addf(&sql, "SELECT i.uuid, i.form_id, i.form_version, i.status, %s FROM interviews i",
		origin);
	sqlite3_free(origin);
	store_filter_sql(&sql, filter, "i.", 1);
	sb_adds(&sql, " ORDER BY i.uuid");
	sqlite3_stmt *outer = NULL, *inner = NULL;
	int rc = store_prepare(st->db, sb_str(&sql), &outer, err);
	sb_release(&sql);
	if (rc == 0 && store_prepare(st->db, "SELECT path, value, state FROM answers WHERE uuid = ? "
				     "ORDER BY path", &inner, err))
		rc = -1;
	const char **values = xcalloc((size_t)npaths + 1, sizeof *values);
	/* the values of one interview, copied (a row's text lasts only until the next step):
	 * off[k] into buf, or -1 for none */
	long *off = xcalloc((size_t)npaths + 1, sizeof *off);
	strbuf buf = STRBUF_INIT;
	store_state *states = xcalloc((size_t)npaths + 1, sizeof *states);
	int *present = xcalloc((size_t)npaths + 1, sizeof *present);
	int result = rc;
	if (rc == 0) {
		store_filter_bind(outer, filter, 1);
		while (result == 0 && (rc = sqlite3_step(outer)) == SQLITE_ROW) {
			store_interview iv;
			store_interview_cols(outer, &iv);
			sb_reset(&buf);
			for (int k = 0; k < npaths; k++) {
				off[k] = -1;
				states[k] = STATE_ANSWERED;
				present[k] = 0;
			}
			sqlite3_reset(inner);
			sqlite3_bind_text(inner, 1, iv.uuid, -1, SQLITE_STATIC);
			int irc, w = 0;
			while ((irc = sqlite3_step(inner)) == SQLITE_ROW && w < nw) {
				const char *path = (const char *)sqlite3_column_text(inner, 0);
				int cmp = -1;
				while (path && w < nw && (cmp = strcmp(want[w], path)) < 0)
					w++;
				/* (a path with a NUL inside is not the path it starts with) */
				if (cmp != 0 || (size_t)sqlite3_column_bytes(inner, 0) != strlen(path))
					continue;
				int id = w++;
				const char *value = (const char *)sqlite3_column_text(inner, 1);
				const char *state = (const char *)sqlite3_column_text(inner, 2);
				store_state s;
				if (!state || store_state_parse(state, &s))
					s = STATE_ANSWERED;
				long at = -1;
				if (value) {
					at = (long)buf.len;
					sb_add(&buf, value, (size_t)sqlite3_column_bytes(inner, 1));
					sb_addc(&buf, 0);
				}
				for (int k = first[id]; k >= 0; k = next[k]) {
					off[k] = at;
					states[k] = s;
					present[k] = state != NULL;
				}
			}
			if (irc != SQLITE_DONE && irc != SQLITE_ROW) {
				result = store_sqlerr(st, "cannot read the answers", err);
				break;
			}
			for (int k = 0; k < npaths; k++)
				values[k] = off[k] >= 0 ? sb_str(&buf) + off[k] : NULL;
			store_scan_row row = { .iv = &iv, .values = values, .states = states,
					       .present = present };
			result = fn(arg, &row);
		}
		if (result == 0 && rc != SQLITE_DONE)
			result = store_sqlerr(st, "cannot read the answers", err);
	}
	free(values);
	free(off);
	sb_release(&buf);
	free(states);
	free(present);
	free(first);
	free(next);
	free(want);
	sqlite3_finalize(inner);
	sqlite3_finalize(outer);
	return result;
}

int store_report_interviews(store *st, store_scan_fn fn, void *arg, char *err)
{
	char *origin = store_origin_sql("main", "i", st->schema_version);
	char *sql = sqlite3_mprintf("SELECT i.uuid, i.form_id, i.form_version, i.status, %s, "
				    "i.interviewer, i.device_id, i.created FROM interviews i", origin);
	sqlite3_free(origin);
	sqlite3_stmt *s;
	int rc = store_prepare(st->db, sql, &s, err);
	sqlite3_free(sql);
	if (rc)
		return -1;
	int result = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		store_interview iv;
		store_interview_cols(s, &iv);
		iv.interviewer = (char *)sqlite3_column_text(s, 5);
		iv.device_id = (char *)sqlite3_column_text(s, 6);
		iv.created = (char *)sqlite3_column_text(s, 7);
		store_scan_row row = { .iv = &iv };
		if ((result = fn(arg, &row)) != 0)
			break;
	}
	if (!result && rc != SQLITE_DONE)
		result = store_sqlerr(st, "cannot read the interviews", err);
	sqlite3_finalize(s);
	return result;
}
