/* forms.c: the questionnaires embedded in a database, so that it can be read without the form
 * file (tab, report and export need no FORM argument), and the order of their versions (by the
 * version string, never by a date a file could set). */
#include "store/store_impl.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "store/fw_why.h"
#include "store/record_schema.h"
#include "util/util.h"

int store_form_put(store *st, const char *form_id, const char *version, const char *title,
		   const char *source_name, const char *kind, const void *bytes, size_t len,
		   char *err)
{
	char hash[65], now[32];
	store_sha256_hex(bytes, len, hash);
	store_clock_now(st, now);
	sqlite3_stmt *s;
	if (store_prepare(st->db, "SELECT sha256 FROM forms WHERE form_id=? AND version=?", &s,
			  err))
		return -1;
	sqlite3_bind_text(s, 1, form_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, version, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		int same = strcmp((const char *)sqlite3_column_text(s, 0), hash) == 0;
		sqlite3_finalize(s);
		if (same)
			return 0;
		errf(err, "form '%s' version '%s' in '%s' differs from '%s': give the changed "
		     "questionnaire a new version in its settings sheet", form_id, version, st->path,
		     source_name);
		return store_fw_why_set(err, FW_WHY_FORM_CHANGED, 4, form_id, version, st->path,
					source_name);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the forms", err);
	/* schema 8: the form and its path ids (its records are written with them) together */
	int paths = STORE_IS_RECORDS(st);
	if (paths && store_tx_begin(st, err))
		return -1;
	if (store_query(st->db, &s, err, "INSERT INTO forms(form_id, version, title, source_name, "
			"source_kind, source, sha256, added) VALUES (?,?,?,?,?,?,?,?)",
			5, form_id, version, title, source_name, kind))
		return paths ? store_tx_end(st, 1, err) : -1;
	sqlite3_bind_blob(s, 6, bytes, (int)len, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	int bad = rc != SQLITE_DONE ? store_sqlerr(st, "cannot store the form", err) : 0;
	if (!paths)
		return bad;
	return store_tx_end(st, bad || record_paths_put(st->db, form_id, version, source_name,
							kind, bytes, len, err), err);
}

int store_version_cmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
	while (*p && *q) {
		if (isdigit(*p) && isdigit(*q)) {   /* numbers by value: "9" < "10" */
			while (*p == '0' && isdigit(p[1]))
				p++;
			while (*q == '0' && isdigit(q[1]))
				q++;
			size_t np = 0, nq = 0;
			while (isdigit(p[np]))
				np++;
			while (isdigit(q[nq]))
				nq++;
			if (np != nq)
				return np < nq ? -1 : 1;
			int c = memcmp(p, q, np);
			if (c)
				return c < 0 ? -1 : 1;
			p += np;
			q += nq;
		} else if (*p != *q) {
			return *p < *q ? -1 : 1;
		} else {
			p++;
			q++;
		}
	}
	if (*p || *q)
		return *p ? 1 : -1;
	int c = strcmp(a, b);   /* "01" and "1": still one order */
	return c < 0 ? -1 : c > 0;
}

void store_sort_versions(char **ids, char **versions, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0; j--) {
			int c = strcmp(ids[j - 1], ids[j]);
			if (c < 0 || (c == 0 && store_version_cmp(versions[j - 1], versions[j]) <= 0))
				break;
			char *t = ids[j];
			ids[j] = ids[j - 1];
			ids[j - 1] = t;
			t = versions[j];
			versions[j] = versions[j - 1];
			versions[j - 1] = t;
		}
}

/* The newest version of form_id (by store_version_cmp); NULL when it has none. malloc'd. */
static char *newest_version(store *st, const char *form_id, char *err)
{
	sqlite3_stmt *s;
	if (store_query(st->db, &s, err, "SELECT version FROM forms WHERE form_id=?1", 1, form_id))
		return NULL;
	char *best = NULL;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(s, 0);
		if (v && (!best || store_version_cmp(v, best) > 0)) {
			free(best);
			best = xstrdup(v);
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(best);
		store_sqlerr(st, "cannot read the forms", err);
		return NULL;
	}
	if (!best)
		errf(err, "'%s' holds no form '%s'", st->path, form_id);
	return best;
}

int store_form_get(store *st, const char *form_id, const char *version, void **bytes,
		   size_t *len, char **source_name, char **kind, char *err)
{
	char *newest = NULL;
	if (!version && !(version = newest = newest_version(st, form_id, err)))
		return -1;
	sqlite3_stmt *s;
	if (store_prepare(st->db, "SELECT source, source_name, source_kind FROM forms WHERE "
			  "form_id=?1 AND version=?2", &s, err)) {
		free(newest);
		return -1;
	}
	sqlite3_bind_text(s, 1, form_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, version, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			rc = store_sqlerr(st, "cannot read the forms", err);
		else
			rc = errf(err, "'%s' holds no form '%s' version %s", st->path, form_id,
				  version);
		free(newest);
		return rc;
	}
	*len = (size_t)sqlite3_column_bytes(s, 0);
	*bytes = xmalloc(*len + 1);
	if (*len)
		memcpy(*bytes, sqlite3_column_blob(s, 0), *len);
	((char *)*bytes)[*len] = '\0';
	*source_name = store_col_text(s, 1);
	*kind = store_col_text(s, 2);
	sqlite3_finalize(s);
	free(newest);
	return 0;
}
