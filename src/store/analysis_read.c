/* analysis_read.c: the answers to a few questions of every interview, by one statement with a
 * primary-key lookup per question (answers are keyed by uuid and path); on a schema-8 file, by
 * one pass over the records, each record's answers scanned in C (record_answers_each). */
#include "store/analysis_read.h"
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record.h"
#include "util/util.h"

void store_interview_cols(sqlite3_stmt *s, store_interview *iv)
{
	memset(iv, 0, sizeof *iv);
	const char *uuid = (const char *)sqlite3_column_text(s, 0);
	snprintf(iv->uuid, sizeof iv->uuid, "%s", uuid ? uuid : "");
	iv->form_id = (char *)sqlite3_column_text(s, 1);
	iv->form_version = (char *)sqlite3_column_text(s, 2);
	iv->status = (char *)sqlite3_column_text(s, 3);
	iv->origin = (char *)sqlite3_column_text(s, 4);
}

/* The answers of one record to the paths asked for (record_answers_each's callback): values
 * copied into buf (off[k], -1 for none), states, present. */
typedef struct wanted {
	const char *const *paths;
	int npaths;
	long *off;
	store_state *states;
	int *present;
	strbuf buf;
} wanted;

static int want_answer(void *arg, const char *path, const char *value, const char *state)
{
	wanted *w = arg;
	for (int k = 0; k < w->npaths; k++) {
		if (!w->paths[k] || strcmp(w->paths[k], path) != 0)
			continue;
		w->present[k] = 1;
		if (store_state_parse(state, &w->states[k]))
			w->states[k] = STATE_ANSWERED;
		w->off[k] = -1;
		if (value) {
			w->off[k] = (long)w->buf.len;
			sb_add(&w->buf, value, strlen(value) + 1);
		}
	}
	return 0;
}

int store_records_read(store *st, const store_scan_filter *filter, const char *const *paths,
			int npaths, store_scan_fn fn, void *arg, char *err)
{
	strbuf sql = STRBUF_INIT;
	sb_adds(&sql, "SELECT i.uuid, i.form_id, i.form_version, i.status, i.origin, r.answers "
		"FROM interviews i JOIN records r ON r.uuid = i.uuid");
	store_filter_sql(&sql, filter, "i.", 1);
	sb_adds(&sql, " ORDER BY i.uuid");
	sqlite3_stmt *s;
	if (store_prepare_filtered(st, &sql, filter, 1, &s, err))
		return -1;
	int rc;
	wanted w = { paths, npaths, xcalloc((size_t)npaths + 1, sizeof *w.off),
		     xcalloc((size_t)npaths + 1, sizeof *w.states),
		     xcalloc((size_t)npaths + 1, sizeof *w.present), STRBUF_INIT };
	const char **values = xcalloc((size_t)npaths + 1, sizeof *values);
	int result = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		store_interview iv;
		store_interview_cols(s, &iv);
		for (int k = 0; k < npaths; k++) {
			w.present[k] = 0;
			w.off[k] = -1;
			w.states[k] = STATE_ANSWERED;
		}
		sb_reset(&w.buf);
		char why[ERR_MAX];
		const record_paths *p = iv.form_id && iv.form_version ?
			store_paths_of(st, iv.form_id, iv.form_version, err) : NULL;
		if (!p || record_answers_each(p, (const char *)sqlite3_column_text(s, 5),
					      (size_t)sqlite3_column_bytes(s, 5), want_answer, &w,
					      why)) {
			if (p)
				errf(err, "interview '%.40s': its record cannot be read (%s)", iv.uuid,
				     why);
			else if (!iv.form_id || !iv.form_version)
				errf(err, "interview '%.40s': no form", iv.uuid);
			result = -1;
			break;
		}
		for (int k = 0; k < npaths; k++)
			values[k] = w.off[k] < 0 ? NULL : sb_str(&w.buf) + w.off[k];
		store_scan_row row = { .iv = &iv, .values = values, .states = w.states,
				       .present = w.present };
		if ((result = fn(arg, &row)) != 0)
			break;
	}
	if (!result && rc != SQLITE_DONE)
		result = store_sqlerr(st, "cannot read the answers", err);
	sqlite3_finalize(s);
	free(values);
	free(w.off);
	free(w.states);
	free(w.present);
	sb_release(&w.buf);
	return result;
}

int store_read_paths(store *st, const store_scan_filter *filter, const char *const *paths,
		     int npaths, store_scan_fn fn, void *arg, char *err)
{
	if (STORE_IS_RECORDS(st))
		return store_records_read(st, filter, paths, npaths, fn, arg, err);
	if (npaths > STORE_READ_MAX_PATHS) {
		/* store_scan_paths has no NULL paths: give those a path no answer can have */
		const char **p = xcalloc((size_t)npaths, sizeof *p);
		for (int k = 0; k < npaths; k++)
			p[k] = paths[k] ? paths[k] : "";
		int rc = store_scan_paths(st, filter, p, npaths, fn, arg, err);
		free(p);
		return rc;
	}
	strbuf sql = STRBUF_INIT;
	char *origin = store_origin_sql("main", "i", st->schema_version);
	sb_addf(&sql, "SELECT i.uuid, i.form_id, i.form_version, i.status, %s", origin);
	sqlite3_free(origin);
	for (int k = 0; k < npaths; k++) {
		if (paths[k])
			sb_addf(&sql, ", a%d.value, a%d.state", k, k);
		else
			sb_adds(&sql, ", NULL, NULL");
	}
	sb_adds(&sql, " FROM interviews i");
	int np = 0;
	for (int k = 0; k < npaths; k++)
		if (paths[k])
			sb_addf(&sql, " LEFT JOIN answers a%d ON a%d.uuid = i.uuid AND a%d.path = ?%d",
				k, k, k, ++np);
	store_filter_sql(&sql, filter, "i.", np + 1);
	sb_adds(&sql, " ORDER BY i.uuid");
	sqlite3_stmt *s;
	int rc = store_prepare(st->db, sb_str(&sql), &s, err);
	sb_release(&sql);
	if (rc)
		return -1;
	np = 0;
	for (int k = 0; k < npaths; k++)
		if (paths[k])
			sqlite3_bind_text(s, ++np, paths[k], -1, SQLITE_STATIC);
	store_filter_bind(s, filter, np + 1);

	const char **values = xcalloc((size_t)npaths + 1, sizeof *values);
	store_state *states = xcalloc((size_t)npaths + 1, sizeof *states);
	int *present = xcalloc((size_t)npaths + 1, sizeof *present);
	int result = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		store_interview iv;
		store_interview_cols(s, &iv);
		for (int k = 0; k < npaths; k++) {
			const char *state = (const char *)sqlite3_column_text(s, 6 + 2 * k);
			present[k] = state != NULL;
			values[k] = (const char *)sqlite3_column_text(s, 5 + 2 * k);
			if (!state || store_state_parse(state, &states[k]))
				states[k] = STATE_ANSWERED;
		}
		store_scan_row row = { .iv = &iv, .values = values, .states = states,
				       .present = present };
		if ((result = fn(arg, &row)) != 0)
			break;
	}
	if (!result && rc != SQLITE_DONE)
		result = store_sqlerr(st, "cannot read the answers", err);
	free(values);
	free(states);
	free(present);
	sqlite3_finalize(s);
	return result;
}

int store_forms_list(store *st, char ***ids, char ***versions, int *n, char *err)
{
	if (store_string_pairs(st, "SELECT form_id, version FROM forms ORDER BY form_id, "
			       "version", ids, versions, n, "cannot read the questionnaires", err))
		return -1;
	store_sort_versions(*ids, *versions, *n);
	return 0;
}
