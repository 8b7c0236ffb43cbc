/* data.c: reading the answers an analysis needs (every version of the questionnaire, only the
 * questions named) into per-case arrays, with weights, strata, clusters and --where applied,
 * then coding each variable's values to categories in choice-list order. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis_impl.h"
#include "form/geo.h"
#include "store/analysis_read.h"
#include "util/util.h"
#include "util/cnum.h"

int an_number(const char *s, double *out)
{
	if (!s || !*s)
		return -1;
	char *end;
	double x = cnum_strtod(s, &end);
	while (*end == ' ')
		end++;
	if (*end || end == s || !isfinite(x))
		return -1;
	*out = x;
	return 0;
}

/* ---- columns ----------------------------------------------------------------------------- */

static an_col *add_col(an_data *d, an_role role, const char *name, const an_ref *ref)
{
	d->cols = xreallocarray(d->cols, (size_t)d->ncols + 1, sizeof *d->cols);
	an_col *c = &d->cols[d->ncols++];
	memset(c, 0, sizeof *c);
	c->role = role;
	c->ref = *ref;
	c->name = xstrdup(name);
	c->numeric = 1;
	c->values = (strmap)STRMAP_INIT;
	return c;
}

static int is_number_type(form_type t)
{
	return t == FORM_INTEGER || t == FORM_DECIMAL || t == FORM_RANGE || t == FORM_CALCULATE ||
	       t == FORM_HIDDEN;
}

int an_refuse_location(const analysis_db *db, int node, const char *name, char *err)
{
	form_type t = db->newest->nodes[node].type;
	if (!form_type_is_geo(t) && t != FORM_START_GEOPOINT && t != FORM_BACKGROUND_GEOPOINT)
		return 0;
	return errf(err, "'%s' is a %s question: locations cannot be tabulated (survey export "
		    "writes their coordinates)", name, form_type_name(t));
}

/* The weight, strata and cluster columns. */
static int add_design_col(analysis_db *db, an_data *d, an_role role, const char *name,
			  const char *what, int *idx, char *err)
{
	*idx = -1;
	if (!name)
		return 0;
	an_ref ref;
	if (an_find(db, name, what, &ref, err))
		return -1;
	form_type t = db->newest->nodes[ref.node].type;
	if (role == AN_WEIGHT && !is_number_type(t))
		return errf(err, "%s: '%s' is a %s question, not a number", what, name,
			    form_type_name(t));
	if (role != AN_WEIGHT && t == FORM_SELECT_MULTIPLE)
		return errf(err, "%s: '%s' is a select_multiple question", what, name);
	*idx = d->ncols;
	add_col(d, role, name, &ref);
	d->design = 1;
	return 0;
}

/* --where: the parsed expression and the columns of the questions it names. */
typedef struct where_ctx {
	analysis_db *db;
	an_data *d;
	const char *src;
	char *err;
	int failed;
} where_ctx;

static void where_ref(void *arg, const char *name, int pos)
{
	where_ctx *w = arg;
	if (w->failed)
		return;
	for (int c = 0; c < w->d->ncols; c++)
		if (w->d->cols[c].role == AN_WHERE && strcmp(w->d->cols[c].name, name) == 0)
			return;
	an_ref ref;
	char why[ERR_MAX];
	if (strchr(name, '/') || an_find(w->db, name, NULL, &ref, why)) {
		if (strchr(name, '/'))
			snprintf(why, sizeof why, "no question '%s' in form '%s'", name,
				 w->db->form_id);
		errf(w->err, "--where: %s, at character %d of '%s'", why, pos + 1, w->src);
		w->failed = 1;
		return;
	}
	add_col(w->d, AN_WHERE, name, &ref);
}

/* ---- reading ----------------------------------------------------------------------------- */

typedef struct read_ctx {
	an_data *d;
	const analysis_db *db;       /* analysis_keeps: --status approved */
	const expr *where;
	const store_scan_row *row;   /* the interview being read, for the where lookup */
	const int *ids;              /* from a preload: its value id per column (an_pre_read) */
	const int *nids;             /* and how many ids each column has */
	char *err;
} read_ctx;

static int where_lookup(void *user, const char *name, expr_nodes *out)
{
	read_ctx *r = user;
	for (int c = 0; c < r->d->ncols; c++) {
		an_col *col = &r->d->cols[c];
		if (col->role != AN_WHERE || strcmp(col->name, name) != 0)
			continue;
		const char *v = r->row->present[c] && r->row->states[c] == STATE_ANSWERED &&
				r->row->values[c] ? r->row->values[c] : "";
		expr_nodes_push(out, v);
		return 0;
	}
	return -1;
}

static void grow(an_data *d)
{
	if (d->n < d->cap)
		return;
	d->cap = d->cap ? 2 * d->cap : 1024;
	for (int c = 0; c < d->nvars; c++) {
		an_col *col = &d->cols[c];
		col->code = xreallocarray(col->code, d->cap, sizeof *col->code);
		if (col->var.vtype == ANALYSIS_MULTIPLE)
			col->start = xreallocarray(col->start, d->cap + 1, sizeof *col->start);
		if (col->var.vtype == ANALYSIS_NUMERIC)
			col->num = xreallocarray(col->num, d->cap, sizeof *col->num);
	}
	if (d->wcol >= 0)
		d->w = xreallocarray(d->w, d->cap, sizeof *d->w);
	if (d->scol >= 0)
		d->stratum = xreallocarray(d->stratum, d->cap, sizeof *d->stratum);
	if (d->ccol >= 0)
		d->cluster = xreallocarray(d->cluster, d->cap, sizeof *d->cluster);
	d->in = xreallocarray(d->in, d->cap, 1);
}

/* The missing kind of an answer, or ANALYSIS_VALID when it has a value. */
static analysis_missing missing_of(const store_scan_row *row, int c)
{
	if (!row->present[c])
		return ANALYSIS_EMPTY;
	switch (row->states[c]) {
	case STATE_DONT_KNOW: return ANALYSIS_DONT_KNOW;
	case STATE_REFUSED: return ANALYSIS_REFUSED;
	case STATE_SKIPPED: return ANALYSIS_SKIPPED;
	default: break;
	}
	return row->values[c] && *row->values[c] ? ANALYSIS_VALID : ANALYSIS_EMPTY;
}

/* A design column's value as an id; -1 when missing. */
static int design_id(an_col *col, const store_scan_row *row, int c)
{
	if (missing_of(row, c) != ANALYSIS_VALID)
		return -1;
	return strmap_put(&col->values, row->values[c]);
}

static void code_multiple(an_col *col, size_t i, const char *v)
{
	int count = 0;
	col->start[i] = col->nsel;
	size_t k;
	for (const char *p = v; (k = util_word(&p)) > 0; p += k) {
		char buf[256];
		char *tok = k < sizeof buf ? buf : xmalloc(k + 1);
		memcpy(tok, p, k);
		tok[k] = 0;
		int id = strmap_put(&col->values, tok);
		if (tok != buf)
			free(tok);
		int dup = 0;   /* "a a" counts a once */
		for (size_t s = col->start[i]; s < col->nsel; s++)
			dup |= col->sel[s] == id;
		if (dup)
			continue;
		if (col->nsel == col->selcap) {
			col->selcap = col->selcap ? 2 * col->selcap : 1024;
			col->sel = xreallocarray(col->sel, col->selcap, sizeof *col->sel);
		}
		col->sel[col->nsel++] = id;
		count++;
	}
	col->code[i] = count ? count : AN_CODE(ANALYSIS_EMPTY);
}

/* The read id of value v of column c: through the preload's ids when it is read from one
 * (the same ids, in the same order, without hashing v again). */
static int put_value(const read_ctx *r, an_col *col, int c, const char *v)
{
	int pid = r->ids ? r->ids[c] : -1;
	if (pid < 0 || pid >= r->nids[c])
		return strmap_put(&col->values, v);
	if (!col->pre_map) {
		col->pre_map = xmalloc(sizeof(int) * (size_t)r->nids[c]);
		memset(col->pre_map, -1, sizeof(int) * (size_t)r->nids[c]);
	}
	if (col->pre_map[pid] < 0)
		col->pre_map[pid] = strmap_put(&col->values, v);
	return col->pre_map[pid];
}

static int read_row(void *arg, const store_scan_row *row)
{
	read_ctx *r = arg;
	an_data *d = r->d;
	if (!analysis_keeps(r->db, row->iv->uuid)) {
		d->unapproved++;
		return 0;
	}
	d->read++;
	double w = 1;
	int sid = 0, cid = 0;
	if (d->wcol >= 0) {
		if (missing_of(row, d->wcol) != ANALYSIS_VALID ||
		    an_number(row->values[d->wcol], &w) || !(w > 0)) {
			d->bad_weight++;
			return 0;
		}
	}
	if (d->scol >= 0 && (sid = design_id(&d->cols[d->scol], row, d->scol)) < 0) {
		d->bad_strata++;
		return 0;
	}
	if (d->ccol >= 0 && (cid = design_id(&d->cols[d->ccol], row, d->ccol)) < 0) {
		d->bad_cluster++;
		return 0;
	}
	int in = 1;
	if (r->where) {
		expr_env env = { .user = r, .lookup = where_lookup };
		r->row = row;
		char why[ERR_MAX];
		if (expr_eval_bool(r->where, &env, &in, why)) {
			errf(r->err, "--where: %s (interview %s)", why, row->iv->uuid);
			return -1;
		}
		if (!in)
			d->where_out++;
	}
	grow(d);
	size_t i = d->n++;
	d->in[i] = (unsigned char)in;
	d->simulated += in && row->iv->origin && strcmp(row->iv->origin, "simulated") == 0;
	if (d->w)
		d->w[i] = w;
	if (d->stratum)
		d->stratum[i] = sid;
	if (d->cluster)
		d->cluster[i] = cid;
	for (int c = 0; c < d->nvars; c++) {
		an_col *col = &d->cols[c];
		analysis_missing m = missing_of(row, c);
		const char *v = row->values[c];
		if (col->var.vtype == ANALYSIS_MULTIPLE) {
			if (m == ANALYSIS_VALID) {
				code_multiple(col, i, v);
			} else {
				col->start[i] = col->nsel;
				col->code[i] = AN_CODE(m);
			}
			col->start[i + 1] = col->nsel;
			continue;
		}
		if (col->num)
			col->num[i] = NAN;
		if (m != ANALYSIS_VALID) {
			col->code[i] = AN_CODE(m);
			continue;
		}
		col->code[i] = put_value(r, col, c, v);
		if (col->num) {
			double x;
			if (an_number(v, &x) == 0)
				col->num[i] = x;
			else
				col->numeric = 0;
		}
	}
	return 0;
}

/* ---- coding ------------------------------------------------------------------------------ */

typedef struct sort_item {
	const char *value;
	double num;           /* NAN when not a number */
	int id;               /* read id */
} sort_item;

static int cmp_items(const void *a, const void *b)
{
	const sort_item *x = a, *y = b;
	if (!isnan(x->num) && !isnan(y->num) && x->num != y->num)
		return x->num < y->num ? -1 : 1;
	if (isnan(x->num) != isnan(y->num))
		return isnan(x->num) ? 1 : -1;   /* numbers first */
	return strcmp(x->value, y->value);
}

/* A label for a value no choice of the newest questionnaire has: an older version's. */
static const char *old_label(analysis_db *db, const char *node_name, const char *value,
			     int lang)
{
	for (int k = db->nversions - 1; k >= 0; k--) {
		const form *f = db->forms[k];
		if (!f)
			continue;
		int i = form_find(f, node_name);
		const form_list *l = i > 0 ? form_node_list(f, i) : NULL;
		for (int c = 0; l && c < l->nchoices; c++)
			if (strcmp(l->choices[c].name, value) == 0) {
				/* languages may differ between versions: look up by code */
				int fl = -1;
				if (lang >= 0 && lang < db->newest->nlangs)
					fl = form_find_lang(f, db->newest->langs[lang].code ?
							    db->newest->langs[lang].code :
							    db->newest->langs[lang].name);
				return form_choice_label(f, &l->choices[c], fl);
			}
	}
	return NULL;
}

static analysis_cat *new_cat(analysis_var *v)
{
	v->cats = xreallocarray(v->cats, (size_t)v->ncat + 1, sizeof *v->cats);
	analysis_cat *c = &v->cats[v->ncat++];
	memset(c, 0, sizeof *c);
	return c;
}

/* The values of col without a choice (map[id] < 0), sorted: numbers by value, then text,
 * each a category of col->var (map[id] set); all_int: the choices' values are whole numbers.
 * Returns the last score given. */
static double extra_cats(analysis_db *db, an_data *d, an_col *col, int *map, int all_int)
{
	analysis_var *v = &col->var;
	const form_node *nd = &db->newest->nodes[col->ref.node];
	int nids = col->values.ix.n, nextra = 0;
	sort_item *items = xmalloc(sizeof *items * (nids ? nids : 1));
	for (int k = 0; k < nids; k++) {
		if (map[k] >= 0)
			continue;
		double x;
		items[nextra].value = col->values.keys[k];
		items[nextra].num = an_number(col->values.keys[k], &x) == 0 ? x : NAN;
		items[nextra].id = k;
		nextra++;
	}
	qsort(items, (size_t)nextra, sizeof *items, cmp_items);
	int listed = v->ncat;
	double last_score = 0;
	for (int c = 0; c < v->ncat; c++)
		last_score = c == 0 || v->cats[c].score > last_score ? v->cats[c].score : last_score;
	for (int e = 0; e < nextra; e++) {
		sort_item *it = &items[e];
		int numeric = v->vtype == ANALYSIS_NUMERIC;
		/* the same number written twice ("3", "3.0") is one category of a number */
		if (numeric && e > 0 && v->ncat > listed && it->num == items[e - 1].num) {
			map[it->id] = v->ncat - 1;
			continue;
		}
		analysis_cat *c = new_cat(v);
		c->value = xstrdup(it->value);
		const char *label = v->type == FORM_SELECT_ONE || v->type == FORM_SELECT_MULTIPLE
				    ? old_label(db, nd->name, it->value, d->lang) : NULL;
		c->label = xstrdup(label ? label : it->value);
		if (numeric || (listed && all_int && an_is_integer(it->value)))
			c->score = it->num;
		else
			c->score = listed ? last_score + 1 : v->ncat;
		if (c->score > last_score || v->ncat == 1)
			last_score = c->score;
		map[it->id] = v->ncat - 1;
	}
	free(items);
	return last_score;
}

/* With include_missing, the missing kinds that occur in col, in a fixed order, as categories
 * scored after last_score; mcat[kind]: its category, AN_OUT for the others. */
static void missing_cats(analysis_db *db, an_data *d, an_col *col, int include_missing,
			 double last_score, int mcat[ANALYSIS_NMISSING])
{
	analysis_var *v = &col->var;
	for (int m = 0; m < ANALYSIS_NMISSING; m++)
		mcat[m] = AN_OUT;
	if (!include_missing)
		return;
	int seen[ANALYSIS_NMISSING] = { 0 };
	for (size_t i = 0; i < d->n; i++)
		if (col->code[i] < 0 && -col->code[i] < ANALYSIS_NMISSING)
			seen[-col->code[i]] = 1;
	for (int m = 1; m < ANALYSIS_NMISSING; m++) {
		if (!seen[m])
			continue;
		analysis_cat *c = new_cat(v);
		static const char *const codes[] = { "", ".d", ".r", ".s", "." };
		c->value = xstrdup(codes[m]);
		c->label = xstrdup(an_missing_label(db, m, d->lang));
		c->missing = m;
		c->score = ++last_score;
		mcat[m] = v->ncat - 1;
	}
}

/* Give every read id and every missing kind of column col a category of col->var: the
 * choices, the other values (extra_cats), the missing kinds (missing_cats), then the codes. */
static void finish_col(analysis_db *db, an_data *d, an_col *col, int include_missing)
{
	analysis_var *v = &col->var;
	int nids = col->values.ix.n;
	int *map = xmalloc(sizeof(int) * (nids ? nids : 1));
	for (int k = 0; k < nids; k++)
		map[k] = -1;
	if (v->vtype == ANALYSIS_NUMERIC && (!col->numeric || nids == 0) &&
	    (v->type == FORM_CALCULATE || v->type == FORM_HIDDEN)) {
		v->vtype = ANALYSIS_CATEGORICAL;   /* a calculation of text */
		free(col->num);
		col->num = NULL;
	}
	int all_int = 1;
	an_choice_cats(db, col->ref.node, d->lang, v);
	if (v->ncat) {
		for (int c = 0; c < v->ncat; c++) {
			int id = strmap_find(&col->values, v->cats[c].value);
			if (id >= 0)
				map[id] = c;
			all_int &= an_is_integer(v->cats[c].value);
		}
	}
	double last_score = extra_cats(db, d, col, map, all_int);
	v->nvalid = v->ncat;
	int mcat[ANALYSIS_NMISSING];
	missing_cats(db, d, col, include_missing, last_score, mcat);
	for (size_t i = 0; i < d->n; i++) {
		int k = col->code[i];
		if (k < 0)
			col->code[i] = mcat[-k];
		else if (v->vtype == ANALYSIS_MULTIPLE)
			col->code[i] = AN_SEL;
		else
			col->code[i] = map[k];
	}
	if (v->vtype == ANALYSIS_MULTIPLE)
		for (size_t s = 0; s < col->nsel; s++)
			col->sel[s] = map[col->sel[s]];
	free(map);
}

/* ---- the whole read ---------------------------------------------------------------------- */

/* The interviews of each version that has some, from a preload or the file: 0, else -1
 * (err filled by the store, or the read's own result). */
static int read_versions(analysis_db *db, an_data *d, expr *where, const char *status,
			 char *err)
{
	const char **paths = xcalloc((size_t)d->ncols + 1, sizeof *paths);
	int *ids = xcalloc((size_t)d->ncols + 1, sizeof *ids);
	int *nids = xcalloc((size_t)d->ncols + 1, sizeof *nids);
	d->nversions = db->nversions;
	read_ctx r = { .d = d, .db = db, .where = where, .err = err };
	int result = 0;
	for (int k = 0; k < db->nversions && result == 0; k++) {
		if (!db->has_interviews[k])
			continue;
		for (int c = 0; c < d->ncols; c++) {
			if (!d->cols[c].vpath)
				d->cols[c].vpath = xcalloc((size_t)db->nversions,
							   sizeof *d->cols[c].vpath);
			d->cols[c].vpath[k] = an_version_path(db, &d->cols[c].ref, k);
			paths[c] = d->cols[c].vpath[k];
		}
		for (int c = 0; c < d->ncols; c++) {   /* a preload's ids are per version */
			free(d->cols[c].pre_map);
			d->cols[c].pre_map = NULL;
		}
		r.ids = ids;
		r.nids = nids;
		if (an_pre_read(db, k, status, paths, d->ncols, read_row, &r, ids, nids, &result))
			continue;   /* read in advance (analysis_preload) */
		r.ids = r.nids = NULL;
		store_scan_filter f = { .form_id = db->form_id, .form_version = db->versions[k],
					.status = status };
		result = store_read_paths(db->st, &f, paths, d->ncols, read_row, &r, err);
	}
	free(paths);
	free(ids);
	free(nids);
	return result;
}

/* What the read left out or marks, as notes: bad design values, approved only, --where,
 * simulated interviews. */
static void data_notes(const analysis_db *db, an_data *d, const analysis_opts *o)
{
	if (d->bad_weight)
		an_note(&d->notes, 0, "%lld interview%s with a missing or non-positive weight "
			"('%s') left out", d->bad_weight, d->bad_weight == 1 ? "" : "s", o->weight);
	if (d->bad_strata)
		an_note(&d->notes, 0, "%lld interview%s without a stratum ('%s') left out",
			d->bad_strata, d->bad_strata == 1 ? "" : "s", o->strata);
	if (d->bad_cluster)
		an_note(&d->notes, 0, "%lld interview%s without a cluster ('%s') left out",
			d->bad_cluster, d->bad_cluster == 1 ? "" : "s", o->cluster);
	if (db->only_approved)   /* a reader must never take them for all the interviews */
		an_note(&d->notes, 0, ANALYSIS_NOTE_APPROVED " ('survey review'): %lld of the %lld "
			"complete interviews", d->read,
			d->read + d->unapproved);
	if (o->where)
		an_note(&d->notes, 0, "%lld of %zu interview%s kept by --where %s", 
			(long long)d->n - d->where_out, d->n, d->n == 1 ? "" : "s", o->where);
	if (d->simulated)
		an_note(&d->notes, 1, "%lld of the %lld interviews analysed are simulated (made by "
			"'survey simulate'): not real data", d->simulated,
			(long long)d->n - d->where_out);
}

int an_data_read(analysis_db *db, const char *const *vars, int nvars, const analysis_opts *o,
		 an_data *d, char *err)
{
	static const analysis_opts defaults;
	if (!o)
		o = &defaults;
	memset(d, 0, sizeof *d);
	d->wcol = d->scol = d->ccol = -1;
	expr *where = NULL;
	int rc = -1;
	if (analysis_find_lang(db, o->lang, &d->lang, err))
		return -1;
	const char *status = "complete";
	if (o->status && strcmp(o->status, "approved") == 0) {
		if (analysis_only_approved(db, err))
			return -1;
	} else if (o->status && strcmp(o->status, "all") == 0)
		status = NULL;
	else if (o->status && strcmp(o->status, "complete") && strcmp(o->status, "draft"))
		return errf(err, "unknown status '%s' (complete, draft, approved or all)", o->status);
	else if (o->status)
		status = o->status;

	for (int k = 0; k < nvars; k++) {
		an_ref ref;
		if (an_find(db, vars[k], NULL, &ref, err))
			goto done;
		if (an_refuse_location(db, ref.node, vars[k], err))
			goto done;
		an_col *c = add_col(d, AN_VAR, vars[k], &ref);
		an_var_init(db, &ref, vars[k], d->lang, &c->var);
	}
	d->nvars = nvars;
	if (add_design_col(db, d, AN_WEIGHT, o->weight, "--weight", &d->wcol, err) ||
	    add_design_col(db, d, AN_STRATA, o->strata, "--strata", &d->scol, err) ||
	    add_design_col(db, d, AN_CLUSTER, o->cluster, "--cluster", &d->ccol, err))
		goto done;
	if (o->where) {
		int pos = 0;
		char why[ERR_MAX];
		where = expr_parse(o->where, why, &pos);
		if (!where) {
			errf(err, "--where: %s, at character %d of '%s'", why, pos + 1, o->where);
			goto done;
		}
		where_ctx w = { .db = db, .d = d, .src = o->where, .err = err };
		expr_refs(where, where_ref, &w);
		if (w.failed)
			goto done;
	}

	if (read_versions(db, d, where, status, err))
		goto done;
	for (int c = 0; c < d->nvars; c++)
		finish_col(db, d, &d->cols[c], o->include_missing);
	data_notes(db, d, o);
	rc = 0;
done:
	expr_free(where);
	return rc;
}

void an_data_release(an_data *d)
{
	for (int c = 0; c < d->ncols; c++) {
		an_col *col = &d->cols[c];
		free(col->name);
		strv_free(col->vpath, d->nversions);
		analysis_var_release(&col->var);
		strmap_release(&col->values);
		free(col->code);
		free(col->start);
		free(col->sel);
		free(col->num);
		free(col->pre_map);
	}
	free(d->cols);
	free(d->w);
	free(d->stratum);
	free(d->cluster);
	free(d->in);
	an_notes_release(&d->notes);
	memset(d, 0, sizeof *d);
}
