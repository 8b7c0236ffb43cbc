/* preload.c: the answers a whole report needs, read from the database in one pass per version
 * (store_report_read) and kept in memory, coded as small integers; every later read of the
 * same interviews that asks only for questions held here is served from memory, visiting the
 * same interviews in the same order with the same values as the store would. */
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis_impl.h"
#include "form/expr.h"
#include "store/report_read.h"
#include "util/util.h"

/* One answer path of one version: its values per case. */
typedef struct pre_path {
	char *path;
	strmap values;          /* the distinct values read */
	int *id;                /* per case: the value's id, -1 when it has none (NULL) */
	unsigned char *state;   /* per case: 0 no answer row, else 1 + its store_state */
} pre_path;

typedef struct pre_version {
	int loaded;
	size_t n, cap;                          /* interviews read, allocated */
	char (*uuid)[STORE_UUID_LEN + 1];
	int *origin;                            /* per case: id in an_pre.origins, -1: NULL */
	int npaths;
	pre_path *paths;
} pre_version;

struct an_pre {
	strmap origins;         /* the few distinct origins (field, imported, simulated) */
	int nversions;          /* db->nversions */
	pre_version *v;
};

/* What keep_row adds to. */
typedef struct pre_fill {
	an_pre *p;
	pre_version *v;
} pre_fill;

static void pre_free(an_pre *p)
{
	if (!p)
		return;
	for (int k = 0; k < p->nversions; k++) {
		pre_version *v = &p->v[k];
		for (int j = 0; j < v->npaths; j++) {
			free(v->paths[j].path);
			strmap_release(&v->paths[j].values);
			free(v->paths[j].id);
			free(v->paths[j].state);
		}
		free(v->paths);
		free(v->uuid);
		free(v->origin);
	}
	free(p->v);
	strmap_release(&p->origins);
	free(p);
}

void an_pre_release(analysis_db *db)
{
	pre_free(db->pre);
	db->pre = NULL;
}

/* ---- reading ----------------------------------------------------------------------------- */

static int keep_row(void *arg, const store_scan_row *row)
{
	pre_fill *r = arg;
	pre_version *v = r->v;
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 1024;
		v->uuid = xreallocarray(v->uuid, v->cap, sizeof *v->uuid);
		v->origin = xreallocarray(v->origin, v->cap, sizeof *v->origin);
		for (int j = 0; j < v->npaths; j++) {
			v->paths[j].id = xreallocarray(v->paths[j].id, v->cap, sizeof(int));
			v->paths[j].state = xreallocarray(v->paths[j].state, v->cap, 1);
		}
	}
	size_t i = v->n++;
	memcpy(v->uuid[i], row->iv->uuid, sizeof v->uuid[i]);
	v->origin[i] = row->iv->origin ? strmap_put(&r->p->origins, row->iv->origin) : -1;
	for (int j = 0; j < v->npaths; j++) {
		pre_path *pp = &v->paths[j];
		pp->state[i] = row->present[j] ? (unsigned char)(1 + row->states[j]) : 0;
		pp->id[i] = row->values[j] ? strmap_put(&pp->values, row->values[j]) : -1;
	}
	return 0;
}

/* The refs of the questions named, without repeats (by node and instances). */
typedef struct ref_list {
	analysis_db *db;
	an_ref *refs;
	int n;
} ref_list;

/* A question by its name or path; a --where names questions by name only (data.c). */
static void add_ref(ref_list *l, const char *name, int by_path)
{
	an_ref ref;
	char why[ERR_MAX];
	if (!name || (!by_path && strchr(name, '/')) || an_find(l->db, name, NULL, &ref, why))
		return;   /* what cannot be found is refused by the analysis that asks for it */
	for (int i = 0; i < l->n; i++)
		if (memcmp(&l->refs[i], &ref, sizeof ref) == 0)
			return;
	l->refs = xreallocarray(l->refs, (size_t)l->n + 1, sizeof *l->refs);
	l->refs[l->n++] = ref;
}

static void where_name(void *arg, const char *name, int pos)
{
	(void)pos;
	add_ref(arg, name, 0);
}

int analysis_preload(analysis_db *db, const char *const *names, int nnames,
		     const char *const *wheres, int nwheres, char *err)
{
	an_pre_release(db);
	ref_list l = { .db = db };
	for (int i = 0; i < nnames; i++)
		add_ref(&l, names[i], 1);
	for (int i = 0; i < nwheres; i++) {
		if (!wheres[i])
			continue;
		char why[ERR_MAX];
		int pos = 0;
		expr *e = expr_parse(wheres[i], why, &pos);
		if (e)
			expr_refs(e, where_name, &l);
		expr_free(e);
	}
	an_pre *p = xcalloc(1, sizeof *p);
	p->nversions = db->nversions;
	p->v = xcalloc((size_t)db->nversions + 1, sizeof *p->v);
	int rc = 0;
	for (int k = 0; k < db->nversions && rc == 0; k++) {
		if (!db->has_interviews[k])
			continue;
		pre_version *v = &p->v[k];
		const char **paths = xcalloc((size_t)l.n + 1, sizeof *paths);
		v->paths = xcalloc((size_t)l.n + 1, sizeof *v->paths);
		for (int r = 0; r < l.n; r++) {
			char *path = an_version_path(db, &l.refs[r], k);
			int dup = !path;
			for (int j = 0; j < v->npaths && !dup; j++)
				dup = strcmp(v->paths[j].path, path) == 0;
			if (dup) {
				free(path);
				continue;
			}
			v->paths[v->npaths].path = path;
			paths[v->npaths++] = path;
		}
		store_scan_filter f = { .form_id = db->form_id, .form_version = db->versions[k],
					.status = "complete" };
		pre_fill arg = { p, v };
		rc = store_report_read(db->st, &f, paths, v->npaths, keep_row, &arg, err);
		free(paths);
		v->loaded = rc == 0;
	}
	free(l.refs);
	if (rc) {
		pre_free(p);
		return -1;
	}
	db->pre = p;
	return 0;
}

/* ---- serving ----------------------------------------------------------------------------- */

int an_pre_read(const analysis_db *db, int k, const char *status, const char *const *paths,
		int npaths, store_scan_fn fn, void *arg, int *ids, int *nids, int *result)
{
	const an_pre *p = db->pre;
	if (!p || k >= p->nversions || !p->v[k].loaded || !status || strcmp(status, "complete"))
		return 0;
	const pre_version *v = &p->v[k];
	int *slot = xcalloc((size_t)npaths + 1, sizeof *slot);
	for (int c = 0; c < npaths; c++) {
		slot[c] = -1;
		if (!paths[c])
			continue;
		for (int j = 0; j < v->npaths && slot[c] < 0; j++)
			if (strcmp(v->paths[j].path, paths[c]) == 0)
				slot[c] = j;
		if (slot[c] < 0) {   /* a question not read in advance: the store reads it */
			free(slot);
			return 0;
		}
	}
	for (int c = 0; c < npaths; c++)
		nids[c] = slot[c] >= 0 ? v->paths[slot[c]].values.ix.n : 0;
	const char **values = xcalloc((size_t)npaths + 1, sizeof *values);
	store_state *states = xcalloc((size_t)npaths + 1, sizeof *states);
	int *present = xcalloc((size_t)npaths + 1, sizeof *present);
	store_interview iv;
	memset(&iv, 0, sizeof iv);
	iv.form_id = db->form_id;
	iv.form_version = db->versions[k];
	iv.status = (char *)"complete";
	*result = 0;
	for (size_t i = 0; i < v->n && *result == 0; i++) {
		memcpy(iv.uuid, v->uuid[i], sizeof iv.uuid);
		iv.origin = v->origin[i] >= 0 ? p->origins.keys[v->origin[i]] : NULL;
		for (int c = 0; c < npaths; c++) {
			if (slot[c] < 0) {
				ids[c] = -1;
				values[c] = NULL;
				states[c] = STATE_ANSWERED;
				present[c] = 0;
				continue;
			}
			const pre_path *pp = &v->paths[slot[c]];
			int id = pp->id[i], st = pp->state[i];
			ids[c] = id;
			values[c] = id >= 0 ? pp->values.keys[id] : NULL;
			present[c] = st != 0;
			states[c] = st ? (store_state)(st - 1) : STATE_ANSWERED;
		}
		store_scan_row row = { .iv = &iv, .values = values, .states = states,
				       .present = present };
		*result = fn(arg, &row);
	}
	free(values);
	free(states);
	free(present);
	free(slot);
	return 1;
}
