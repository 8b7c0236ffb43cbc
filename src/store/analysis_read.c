/* analysis_read.c: the answers to a few questions of every interview, by one statement with a
 * primary-key lookup per question (answers are keyed by uuid and path). */
#include "store/analysis_read.h"
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

int store_read_paths(store *st, const store_scan_filter *filter, const char *const *paths,
		     int npaths, store_scan_fn fn, void *arg, char *err)
{
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
		memset(&iv, 0, sizeof iv);
		const char *uuid = (const char *)sqlite3_column_text(s, 0);
		snprintf(iv.uuid, sizeof iv.uuid, "%s", uuid ? uuid : "");
		iv.form_id = (char *)sqlite3_column_text(s, 1);
		iv.form_version = (char *)sqlite3_column_text(s, 2);
		iv.status = (char *)sqlite3_column_text(s, 3);
		iv.origin = (char *)sqlite3_column_text(s, 4);
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
