/* merge_keys_records.c: the keys of likely duplicates (merge_keys.c) on an output of schema 8,
 * worked out in C: each record's answers decoded once, the answers to the key questions picked
 * from them and joined, staged in the run's dupset (merge_dups.c), with the rule the SQL of
 * schema 7 states (merge_keys.c's KEY_ANSWER). */
#include "store/merge_impl.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

struct key {                 /* a row of temp.merge_keypaths */
	char *form_id, *name;   /* form_id "*": every form's (--key) */
	int idx;
	int bare;               /* the name has no '/': "grp/name" answers it too */
};

struct cand {                /* a row of temp.merge_keycand */
	char *form_id, *path;
	int idx;
};

struct cform {               /* a row of temp.merge_candforms */
	char *form_id, *version;
	int loaded;
};

struct keyset {
	struct key *k;
	struct cand *c;
	struct cform *f;
	int nk, nc, nf;
};

/* One record's walk: the keys of its form and, for each, the answer chosen so far. */
struct pick {
	const struct keyset *ks;
	const char *form_id;
	int loaded;             /* its version's candidate paths are known (merge_keycand) */
	int *keys;              /* indices into ks->k, in key order */
	int n;
	char **exact;           /* the answer at the path equal to the key's name */
	char **best, **best_path;   /* else the one at the first path, in path order, that ends
				       in "/name" */
};

static const store_col key_cols[] = {
	STORE_COL(STORE_TEXT_EMPTY, struct key, form_id), STORE_COL(STORE_INT, struct key, idx),
	STORE_COL(STORE_TEXT_EMPTY, struct key, name),
};
static int key_fill(sqlite3_stmt *s, void *elem, void *arg)
{
	struct key *k = elem;
	k->bare = strchr(k->name, '/') == NULL;
	return 0;
}
static const store_row_type key_rows = STORE_ROW_TYPE(struct key, key_cols, key_fill);

static const store_col cand_cols[] = {
	STORE_COL(STORE_TEXT_EMPTY, struct cand, form_id), STORE_COL(STORE_INT, struct cand, idx),
	STORE_COL(STORE_TEXT_EMPTY, struct cand, path),
};
static const store_row_type cand_rows = STORE_ROW_TYPE(struct cand, cand_cols, NULL);

static const store_col cform_cols[] = {
	STORE_COL(STORE_TEXT_EMPTY, struct cform, form_id),
	STORE_COL(STORE_TEXT_EMPTY, struct cform, version),
	STORE_COL(STORE_INT, struct cform, loaded),
};
static const store_row_type cform_rows = STORE_ROW_TYPE(struct cform, cform_cols, NULL);

static void keyset_free(struct keyset *ks)
{
	store_rows_free(ks->k, ks->nk, &key_rows);
	store_rows_free(ks->c, ks->nc, &cand_rows);
	store_rows_free(ks->f, ks->nf, &cform_rows);
}

static int keyset_load(merge *m, struct keyset *ks, char *err)
{
	const char *what = "cannot check for duplicates";
	/* the keys ordered as the window of KEY_ANSWER orders them: by idx */
	return store_rows(m->st, &key_rows, NULL, &ks->k, &ks->nk, what, err, "SELECT form_id, "
			  "idx, name FROM temp.merge_keypaths ORDER BY idx, form_id", 0) ||
	       store_rows(m->st, &cand_rows, NULL, &ks->c, &ks->nc, what, err, "SELECT form_id, "
			  "idx, path FROM temp.merge_keycand", 0) ||
	       store_rows(m->st, &cform_rows, NULL, &ks->f, &ks->nf, what, err, "SELECT form_id, "
			  "version, loaded FROM temp.merge_candforms", 0) ? -1 : 0;
}

static int loaded_of(const struct keyset *ks, const char *form_id, const char *version)
{
	for (int i = 0; i < ks->nf; i++)
		if (strcmp(ks->f[i].form_id, form_id) == 0 && strcmp(ks->f[i].version, version) == 0)
			return ks->f[i].loaded;
	return 0;
}

static int is_cand(const struct keyset *ks, const char *form_id, int idx, const char *path)
{
	for (int i = 0; i < ks->nc; i++)
		if (ks->c[i].idx == idx && strcmp(ks->c[i].path, path) == 0 &&
		    strcmp(ks->c[i].form_id, form_id) == 0)
			return 1;
	return 0;
}

/* Does path end in "/name" outside repeats? */
static int ends_in(const char *path, const char *name)
{
	size_t lp = strlen(path), ln = strlen(name);
	return !strchr(path, '[') && lp > ln && path[lp - ln - 1] == '/' &&
	       strcmp(path + lp - ln, name) == 0;
}

static int pick_answer(void *arg, const char *path, const char *value, const char *state)
{
	struct pick *p = arg;
	if (!value || strcmp(state, "answered") != 0)
		return 0;
	for (int j = 0; j < p->n; j++) {
		const struct key *k = &p->ks->k[p->keys[j]];
		if (strcmp(path, k->name) == 0) {
			free(p->exact[j]);
			p->exact[j] = xstrdup(value);
		} else if (k->bare && ends_in(path, k->name) &&
			   (!p->best_path[j] || strcmp(path, p->best_path[j]) < 0) &&
			   (!p->loaded || is_cand(p->ks, p->form_id, k->idx, path))) {
			free(p->best[j]);
			free(p->best_path[j]);
			p->best[j] = xstrdup(value);
			p->best_path[j] = xstrdup(path);
		}
	}
	return 0;
}

static void pick_clear(struct pick *p)
{
	for (int j = 0; j < p->n; j++) {
		free(p->exact[j]);
		free(p->best[j]);
		free(p->best_path[j]);
		p->exact[j] = p->best[j] = p->best_path[j] = NULL;
	}
}

/* The record's key values joined (kv, with the unit separator) and labelled ("name=v; ..."):
 * 0 with both made, 1 when a key has no answer or an empty one (no key then). */
static int pick_join(const struct pick *p, strbuf *kv, strbuf *label)
{
	sb_reset(kv);
	sb_reset(label);
	for (int j = 0; j < p->n; j++) {
		const char *v = p->exact[j] ? p->exact[j] : p->best[j];
		if (!v || !*v)
			return 1;
		if (j) {
			sb_addc(kv, 31);
			sb_adds(label, "; ");
		}
		sb_adds(kv, v);
		sb_adds(label, p->ks->k[p->keys[j]].name);
		sb_addc(label, '=');
		sb_adds(label, v);
	}
	return 0;
}

/* Could the answer at template t (of a path id; "[%]" for a repeat's instance) be the one
 * pick_answer takes for key k? A superset of what it takes: the exact path, a path ending in
 * "/name", any instance when the key names one. */
static int may_answer(const char *t, const struct key *k)
{
	return strcmp(t, k->name) == 0 || (k->bare && ends_in(t, k->name)) ||
	       (strstr(t, "[%]") && strchr(k->name, '['));
}

/* The last slot of paths that may hold an answer to p's keys (0: only the paths given as
 * text, which stand first), and which slots up to it may (keep, last + 1 flags; NULL when the
 * ids are too sparse for flags: every slot up to last is read): each record is read up to it,
 * the other slots skipped (record_answers_each_until). */
struct last {
	const record_paths *paths;
	long long last;
	unsigned char *keep;
};

static struct last last_slot(const struct pick *p, const record_paths *paths)
{
	struct last l = { paths, 0, NULL };
	size_t n = record_paths_count(paths);
	long long id;
	const char *t;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t e = 0; e < n; e++) {
			record_paths_entry(paths, e, &id, &t);
			int may = 0;
			for (int j = 0; j < p->n && !may; j++)
				may = may_answer(t, &p->ks->k[p->keys[j]]);
			if (may && pass == 0 && id > l.last)
				l.last = id;
			if (may && pass == 1 && id >= 0 && id <= l.last)
				l.keep[id] = 1;
		}
		if (pass == 0 && (unsigned long long)l.last > 2 * (unsigned long long)n + 64)
			break;   /* sparse ids: no flags */
		if (pass == 0)
			l.keep = xcalloc((size_t)l.last + 1, 1);
	}
	return l;
}

/* The last slot of each form version seen (last_slot), worked out once. */
struct lasts {
	struct last *v;
	int n;
};

static const struct last *last_of(struct lasts *l, const struct pick *p,
				  const record_paths *paths)
{
	for (int i = 0; i < l->n; i++)
		if (l->v[i].paths == paths)
			return &l->v[i];
	l->v = xreallocarray(l->v, (size_t)l->n + 1, sizeof *l->v);
	l->v[l->n] = last_slot(p, paths);
	return &l->v[l->n++];
}

static void lasts_free(struct lasts *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->v[i].keep);
	free(l->v);
}

/* p := the keys of form_id (its own and every form's), in key order. */
static void pick_form(struct pick *p, const char *form_id, const char *version)
{
	p->form_id = form_id;
	p->loaded = loaded_of(p->ks, form_id, version);
	p->n = 0;
	for (int i = 0; i < p->ks->nk; i++)
		if (strcmp(p->ks->k[i].form_id, "*") == 0 ||
		    strcmp(p->ks->k[i].form_id, form_id) == 0)
			p->keys[p->n++] = i;
}

int merge_keys_records(merge *m, const char *which, char *err)
{
	sqlite3 *db = m->st->db;
	struct keyset ks = { 0 };
	struct pick p = { .ks = &ks };
	sqlite3_stmt *recs = NULL;
	strbuf kv = { 0 }, label = { 0 };
	struct lasts lasts = { 0 };
	int rc = -1, step;
	/* the records themselves as i (which names i.uuid): the interviews view over them would
	 * read each twice; status 2 is "discarded" */
	char *sql = sqlite3_mprintf("SELECT i.uuid, i.form_id, i.form_version, i.answers FROM "
				    "main.records i WHERE (%s) AND i.status <> 2", which);
	if (keyset_load(m, &ks, err) || store_prepare(db, sql, &recs, err))
		goto out;
	size_t nk = ks.nk ? (size_t)ks.nk : 1;
	p.keys = xcalloc(nk, sizeof *p.keys);
	p.exact = xcalloc(nk, sizeof *p.exact);
	p.best = xcalloc(nk, sizeof *p.best);
	p.best_path = xcalloc(nk, sizeof *p.best_path);
	while ((step = sqlite3_step(recs)) == SQLITE_ROW) {
		const char *uuid = (const char *)sqlite3_column_text(recs, 0),
			   *form = (const char *)sqlite3_column_text(recs, 1),
			   *version = (const char *)sqlite3_column_text(recs, 2),
			   *a = (const char *)sqlite3_column_text(recs, 3);
		if (!uuid || !form || !version)
			continue;
		pick_form(&p, form, version);
		if (!p.n)
			continue;
		const record_paths *paths = store_paths_of(m->st, form, version, err);
		const struct last *l = paths ? last_of(&lasts, &p, paths) : NULL;
		if (!l ||
		    record_answers_each_until(paths, a ? a : "", (size_t)sqlite3_column_bytes(recs, 3),
					      l->last, l->keep, pick_answer, &p, err))
			goto out;
		int none = pick_join(&p, &kv, &label);
		pick_clear(&p);
		if (none)
			continue;
		dupset_stage(&m->dups, uuid, form, sb_str(&kv), sb_str(&label));
	}
	if (step != SQLITE_DONE)
		store_sqlerr(m->st, "cannot check for duplicates", err);
	else
		rc = 0;
out:
	pick_clear(&p);
	free(p.keys);
	free(p.exact);
	free(p.best);
	free(p.best_path);
	keyset_free(&ks);
	lasts_free(&lasts);
	sb_release(&kv);
	sb_release(&label);
	sqlite3_free(sql);
	sqlite3_finalize(recs);
	return rc;
}
