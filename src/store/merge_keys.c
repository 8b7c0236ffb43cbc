/* merge_keys.c: likely duplicates — different interviews of one form whose answers to the form's
 * key questions (--key, or the settings column key_questions of the embedded form) are all equal
 * and non-empty. Reported by merge, never merged. A key is a question's path ("grp/q") or name
 * (matching "q" or "grp/q" outside repeats). */
#include "store/merge_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/form_ops.h"
#include "store/scan.h"
#include "util/util.h"

static int add_key(merge *m, const char *form_id, int idx, const char *name, char *err)
{
	char n[16];
	snprintf(n, sizeof n, "%d", idx);
	return store_run(m->st, "cannot note the key questions", err, "INSERT OR IGNORE INTO "
			  "temp.merge_keypaths(form_id, idx, name) VALUES (?1, ?2, ?3)", 3,
			  form_id, n, name);
}

/* Split a key_questions cell ("municipality, oblast" or "a b") into keys of form_id. */
static int add_key_list(merge *m, const char *form_id, const char *cell, char *err)
{
	char *copy = xstrdup(cell), *save = NULL;
	int idx = 0, rc = 0;
	for (char *t = strtok_r(copy, ", \t", &save); t && !rc; t = strtok_r(NULL, ", \t", &save))
		rc = add_key(m, form_id, idx++, t, err);
	free(copy);
	return rc;
}

/* The settings key_questions of the newest embedded version of form_id, or NULL. */
static char *settings_keys(merge *m, const char *form_id)
{
	void *bytes;
	size_t len;
	char *name, *kind, err[ERR_MAX];
	if (store_form_get(m->st, form_id, NULL, &bytes, &len, &name, &kind, err))
		return NULL;
	const store_form_ops *ops = store_form_ops_get();
	store_form *f = ops ? ops->load(name, kind, bytes, len, err) : NULL;
	char *found = f && *ops->key_questions(f) ? xstrdup(ops->key_questions(f)) : NULL;
	if (f)
		ops->release(f);
	free(bytes);
	free(name);
	free(kind);
	return found;
}

int merge_keys_init(merge *m, char *err)
{
	return store_exec(m->st->db, "CREATE TEMP TABLE IF NOT EXISTS merge_keypaths(form_id TEXT, "
		       "idx INTEGER, name TEXT, PRIMARY KEY(form_id, idx)) WITHOUT ROWID; "
		       "CREATE TEMP TABLE IF NOT EXISTS merge_keyforms(form_id TEXT PRIMARY KEY) "
		       "WITHOUT ROWID; CREATE TEMP TABLE IF NOT EXISTS merge_keys(uuid TEXT PRIMARY "
		       "KEY, form_id TEXT, kv TEXT, label TEXT) WITHOUT ROWID; CREATE TEMP TABLE IF "
		       "NOT EXISTS merge_keycand(form_id TEXT, idx INTEGER, path TEXT, PRIMARY KEY("
		       "form_id, idx, path)) WITHOUT ROWID; CREATE TEMP TABLE IF NOT EXISTS "
		       "merge_candforms(form_id TEXT, version TEXT, loaded INTEGER, PRIMARY KEY("
		       "form_id, version)) WITHOUT ROWID",
		       "cannot prepare the duplicate check", err);
}

/* The key being matched while the questions of one version are walked (note_candidate). */
struct keycand {
	merge *m;
	const char *form_id, *idx, *key;
	char *err;
};

/* Note path as a candidate of the key when it is a question outside repeats whose last name is
 * the key ("grp/name"). */
static int note_candidate(void *arg, const char *name, const char *path, const char *repeat)
{
	struct keycand *k = arg;
	const char *slash = strrchr(path, '/');
	if (!slash || repeat || strcmp(slash + 1, k->key) != 0)
		return 0;
	return store_run(k->m->st, "cannot note the key questions", k->err, "INSERT OR IGNORE INTO "
			  "temp.merge_keycand VALUES (?1, ?2, ?3)", 3, k->form_id, k->idx, path);
}

/* For each version of each form in the output not seen yet: the paths a key name (without '/')
 * may be answered at — its questions outside repeats named so, in temp.merge_keycand — so that
 * compute_keys seeks them instead of reading every answer of each interview to match the end
 * of its path. Every answer merged is at a question of its interview's version
 * (merge_validate), so these are the paths the match could find. A version that does not load
 * is marked (loaded 0): its form's interviews are matched by reading their answers. */
static int load_candidates(merge *m, char *err)
{
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, "SELECT form_id, version FROM main.forms f WHERE NOT EXISTS "
			  "(SELECT 1 FROM temp.merge_candforms c WHERE c.form_id = f.form_id AND "
			  "c.version = f.version)", &s, err))
		return -1;
	const store_form_ops *ops = store_form_ops_get();
	char **ids = NULL, **versions = NULL;
	int n = 0, rc = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		ids = xreallocarray(ids, (size_t)n + 1, sizeof *ids);
		versions = xreallocarray(versions, (size_t)n + 1, sizeof *versions);
		ids[n] = store_col_text(s, 0);
		versions[n++] = store_col_text(s, 1);
	}
	sqlite3_finalize(s);
	for (int i = 0; i < n; i++) {
		void *bytes = NULL;
		size_t len;
		char *name = NULL, *kind = NULL, why[ERR_MAX];
		store_form *f = NULL;
		int loaded = !rc && ops && store_form_get(m->st, ids[i], versions[i], &bytes, &len,
							  &name, &kind, why) == 0 &&
			     (f = ops->load(name, kind, bytes, len, why)) != NULL;
		if (loaded && store_prepare(m->st->db, "SELECT idx, name FROM temp.merge_keypaths "
					    "WHERE form_id IN (?1, '*') AND instr(name, '/') = 0",
					    &s, err) == 0) {
			sqlite3_bind_text(s, 1, ids[i], -1, SQLITE_STATIC);
			while (!rc && sqlite3_step(s) == SQLITE_ROW) {
				char idx[16];
				snprintf(idx, sizeof idx, "%d", sqlite3_column_int(s, 0));
				struct keycand k = { m, ids[i], idx,
						     (const char *)sqlite3_column_text(s, 1), err };
				if (k.key)
					rc = ops->questions(f, note_candidate, &k);
			}
			sqlite3_finalize(s);
		} else if (loaded) {
			rc = -1;
		}
		if (!rc)
			rc = store_run(m->st, "cannot note the key questions", err, "INSERT OR IGNORE "
					"INTO temp.merge_candforms VALUES (?1, ?2, ?3)", 3, ids[i],
					versions[i], loaded ? "1" : "0");
		if (f)
			ops->release(f);
		free(bytes);
		free(name);
		free(kind);
		free(ids[i]);
		free(versions[i]);
	}
	free(ids);
	free(versions);
	return rc;
}

/* Make temp.merge_keypaths hold the keys of every form in the output. */
int merge_load_keypaths(merge *m, char *err)
{
	if (m->keys) {
		for (int i = 0; i < m->nkeys; i++)
			if (add_key(m, "*", i, m->keys[i], err))
				return -1;
		return load_candidates(m, err);
	}
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, "SELECT DISTINCT form_id FROM main.forms WHERE form_id NOT "
			  "IN (SELECT form_id FROM temp.merge_keyforms)", &s, err))
		return -1;
	char **ids = NULL;
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		ids = xreallocarray(ids, (size_t)n + 1, sizeof *ids);
		ids[n++] = store_col_text(s, 0);
	}
	sqlite3_finalize(s);
	int rc = 0;
	for (int i = 0; i < n; i++) {
		char *cell = rc ? NULL : settings_keys(m, ids[i]);
		if (!rc && cell)
			rc = add_key_list(m, ids[i], cell, err);
		if (!rc)
			rc = store_run(m->st, "cannot note the key questions", err, "INSERT OR IGNORE "
					"INTO temp.merge_keyforms VALUES (?1)", 1, ids[i]);
		free(cell);
		free(ids[i]);
	}
	free(ids);
	return rc ? rc : load_candidates(m, err);
}

int merge_keys_known(merge *m)
{
	if (m->nkeys)
		return 1;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(m->st->db, "SELECT count(*) FROM temp.merge_keypaths", -1, &s,
			       NULL) != SQLITE_OK)
		return 0;
	int n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	return n > 0;
}

/* The answer to key k of interview i: STORE_SQL_ANSWER_OF, the end of the path matched by
 * seeking the candidate paths of i's version (load_candidates) when they are known — each
 * candidate in path order, then its answer (CROSS JOIN: not every answer of i read to match
 * the candidates). */
#define KEY_ANSWER \
	"(CASE WHEN (SELECT loaded FROM temp.merge_candforms c WHERE c.form_id = i.form_id AND " \
	"c.version = i.form_version) THEN coalesce((SELECT a.value FROM answers a WHERE " \
	"a.uuid = i.uuid AND a.path = k.name AND a.state = 'answered'), (SELECT a.value FROM " \
	"temp.merge_keycand c CROSS JOIN answers a ON a.uuid = i.uuid AND a.path = c.path " \
	"WHERE c.form_id = i.form_id AND c.idx = k.idx AND a.state = 'answered' ORDER BY c.path " \
	"LIMIT 1)) ELSE " STORE_SQL_ANSWER_OF("i.uuid", "k.name") " END)"
static int stage_row(void *arg, sqlite3_stmt *s)
{
	const char *c[4];
	for (int k = 0; k < 4; k++)
		c[k] = (const char *)sqlite3_column_text(s, k);
	dupset_stage(arg, c[0] ? c[0] : "", c[1] ? c[1] : "", c[2] ? c[2] : "", c[3] ? c[3] : "");
	return 0;
}

/* Stage in m->dups the keys of the interviews selected by `which` (an SQL condition on
 * i.uuid): on an output of schema 7 through temp.merge_keys, from the answers table. */
static int stage_keys(merge *m, const char *which, char *err)
{
	/* an output of schema 8, whose answers view would decode every record with json_tree:
	 * the same keys from each record decoded once in C (merge_keys_records.c) */
	if (m->out8)
		return merge_keys_records(m, which, err);
	/* a window, not a plain group_concat: its order is defined (the key order); a discarded
	 * interview is nobody's duplicate (it was started by mistake, or done again) */
	char *ins = sqlite3_mprintf(
		"DELETE FROM temp.merge_keys; "
		"INSERT INTO temp.merge_keys(uuid, form_id, kv, label) "
		"SELECT uuid, form_id, kv, label FROM (SELECT uuid, form_id, "
		"group_concat(v, char(31)) OVER w AS kv, "
		"group_concat(name || '=' || v, '; ') OVER w AS label, "
		"count(v) OVER w AS nv, count(*) OVER w AS nk, sum(v = '') OVER w AS ne, "
		"row_number() OVER (PARTITION BY uuid ORDER BY idx) AS rn "
		"FROM (SELECT i.uuid, i.form_id, k.idx, k.name, "
		"%s AS v FROM interviews i JOIN temp.merge_keypaths k ON k.form_id IN "
		"(i.form_id, '*') WHERE (%s) AND i.status <> 'discarded') "
		"WINDOW w AS (PARTITION BY uuid ORDER BY idx ROWS BETWEEN UNBOUNDED PRECEDING AND "
		"UNBOUNDED FOLLOWING)) WHERE rn = 1 AND nv = nk AND coalesce(ne, 0) = 0",
		KEY_ANSWER, which);
	sqlite3_stmt *s = NULL;
	int rc = store_exec(m->st->db, ins, "cannot check for duplicates", err) ||
		 store_query(m->st->db, &s, err, "SELECT uuid, form_id, kv, label FROM "
			     "temp.merge_keys", 0) ||
		 store_each(m->st, s, stage_row, &m->dups, "cannot check for duplicates", err) ?
		 -1 : 0;
	sqlite3_free(ins);
	return rc;
}

#define TOUCHED "(SELECT uuid FROM temp.merge_in WHERE action IN ('new', 'updated', " \
	"'conflicting'))"

int merge_duplicates(merge *m, merge_result *res, char *err)
{
	if (merge_load_keypaths(m, err))
		return -1;
	if (!merge_keys_known(m))
		return 0;
	char **t = NULL;
	int nt = 0, all = !m->keys_loaded;
	/* the interviews this input touched, in uuid order (their keys made again) */
	if (store_rows(m->st, &store_text_rows, NULL, &t, &nt, "cannot check for duplicates", err,
		       "SELECT uuid FROM " TOUCHED " ORDER BY uuid", 0) ||
	    stage_keys(m, all ? "1" : "i.uuid IN " TOUCHED, err)) {
		store_strings_free(t, nt);
		return -1;
	}
	dupset_commit(&m->dups, all, (const char *const *)t, (size_t)nt);
	m->keys_loaded = 1;
	dupset_pairs(&m->dups, (const char *const *)t, (size_t)nt, &res->dups, &res->ndups,
		     &res->dups_text);
	store_strings_free(t, nt);
	return 0;
}

void merge_keys_forget(merge *m)
{
	m->keys_loaded = 0;
	dupset_release(&m->dups);
	sqlite3_exec(m->st->db, "DELETE FROM temp.merge_keys; DELETE FROM temp.merge_keypaths; "
		     "DELETE FROM temp.merge_keyforms; DELETE FROM temp.merge_keycand; "
		     "DELETE FROM temp.merge_candforms", NULL, NULL, NULL);
}
