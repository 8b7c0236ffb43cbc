/* tab.c: cross-tabulations — one pass over the coded cases into a table per layer, then every
 * statistic of each table, the design-based Rao-Scott tests, and Cochran-Mantel-Haenszel
 * across layers; notes on what was left out and what may mislead. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis_impl.h"
#include "util/util.h"

/* Types that 'survey tab' cannot cross-tabulate (free text, dates, metadata). */
static int is_text_type(form_type t)
{
	return t == FORM_TEXT || t == FORM_DATE || t == FORM_TIME || t == FORM_DATETIME ||
	       form_type_is_meta(t) || form_type_is_media(t) || t == FORM_BARCODE;
}

static int check_tabulable(analysis_db *db, const char *name, char *err)
{
	an_ref ref;
	if (an_find(db, name, NULL, &ref, err))
		return -1;
	form_type t = db->newest->nodes[ref.node].type;
	if (an_refuse_location(db, ref.node, name, err))
		return -1;
	if (is_text_type(t))
		return errf(err, "'%s' is a %s question: 'survey tab' cross-tabulates choices and "
			    "numbers (see 'survey freq %s')", name, form_type_name(t), name);
	return 0;
}

/* Per-layer accumulation. */
typedef struct acc {
	stats_table t;         /* every category of row x column */
	double *row_base, *col_base, base;
	double n_cases;
} acc;

static void acc_init(acc *a, int nr, int nc)
{
	stats_table_init(&a->t, nr, nc);
	a->row_base = xcalloc((size_t)nr, sizeof *a->row_base);
	a->col_base = xcalloc((size_t)nc, sizeof *a->col_base);
	a->base = a->n_cases = 0;
}

static void acc_release(acc *a)
{
	stats_table_release(&a->t);
	free(a->row_base);
	free(a->col_base);
}

/* Labels of the categories of v listed in idx[0..n-1], for a note. */
static char *cat_list(const analysis_var *v, const int *idx, int n)
{
	strbuf sb = STRBUF_INIT;
	for (int k = 0; k < n; k++)
		sb_addf(&sb, "%s'%s'", k ? ", " : "", v->cats[idx[k]].value);
	return sb_detach(&sb);
}

/* The categories of v (n, their totals tot) that have cases, into shown; returns how many.
 * When the table has cases (any), a note names the empty ones left out (missing codes
 * aside); what is "row" or "column". */
static int shown_cats(const analysis_var *v, const double *tot, int n, int any,
		      const char *what, int *shown, analysis_notes *notes)
{
	int *drop = xmalloc(sizeof(int) * (size_t)n + sizeof(int));
	int ns = 0, nd = 0;
	for (int i = 0; i < n; i++) {
		if (tot[i] > 0)
			shown[ns++] = i;
		else if (!v->cats[i].missing)
			drop[nd++] = i;
	}
	if (nd && any) {
		char *s = cat_list(v, drop, nd);
		an_note(notes, 0, "empty %s%s left out: %s", what, nd == 1 ? "" : "s", s);
		free(s);
	}
	free(drop);
	return ns;
}

/* Fill layer L from accumulator a: shown rows and columns, the table of them, the bases. */
static void layer_shape(analysis_tab *t, analysis_layer *L, const acc *a)
{
	int nr = a->t.nrow, nc = a->t.ncol;
	L->rows = xmalloc(sizeof(int) * (size_t)(nr ? nr : 1));
	L->cols = xmalloc(sizeof(int) * (size_t)(nc ? nc : 1));
	L->nrow = shown_cats(&t->row, a->t.row_tot, nr, a->t.total > 0, "row", L->rows, &L->notes);
	L->ncol = shown_cats(&t->col, a->t.col_tot, nc, a->t.total > 0, "column", L->cols,
			     &L->notes);
	stats_table_init(&L->table, L->nrow ? L->nrow : 1, L->ncol ? L->ncol : 1);
	if (!L->nrow || !L->ncol) {
		L->table.nrow = L->nrow;
		L->table.ncol = L->ncol;
	}
	L->row_base = xcalloc((size_t)L->nrow + 1, sizeof *L->row_base);
	L->col_base = xcalloc((size_t)L->ncol + 1, sizeof *L->col_base);
	for (int i = 0; i < L->nrow; i++) {
		for (int j = 0; j < L->ncol; j++) {
			double f = stats_table_get(&a->t, L->rows[i], L->cols[j]);
			L->table.cell[(size_t)i * L->ncol + j] = f;
			L->table.row_tot[i] += f;
			L->table.col_tot[j] += f;
			L->table.total += f;
		}
		L->row_base[i] = a->row_base[L->rows[i]];
	}
	for (int j = 0; j < L->ncol; j++)
		L->col_base[j] = a->col_base[L->cols[j]];
	L->table.n_cases = a->n_cases;
	L->base = a->base;
	L->n_cases = a->n_cases;
}

static int same_categories(const analysis_var *r, const analysis_var *c)
{
	if (r->ncat != c->ncat)
		return 0;
	for (int k = 0; k < r->ncat; k++)
		if (strcmp(r->cats[k].value, c->cats[k].value) != 0)
			return 0;
	return 1;
}

/* stats_crosstab_tests, with Fisher's test above 2x2 only where the expected counts are small
 * when o->fisher_rxc_small asks (first without it, then again with it if they are). */
static void crosstab_tests(const stats_table *t, stats_crosstab_opts *co, const analysis_opts *o,
			   stats_crosstab *out)
{
	if (!co->fisher_rxc || !o->fisher_rxc_small) {
		stats_crosstab_tests(t, co, out);
		return;
	}
	co->fisher_rxc = 0;
	stats_crosstab_tests(t, co, out);
	if (out->cells > 0 && out->small_expected * 5 > out->cells) {
		co->fisher_rxc = 1;
		stats_crosstab_tests(t, co, out);
	}
}

/* Every statistic of the layer's full table (weighted: rescaled to its cases). */
static void layer_stats(analysis_tab *t, analysis_layer *L, const acc *a,
			const analysis_opts *o)
{
	int nr = a->t.nrow, nc = a->t.ncol;
	double *rs = xmalloc(sizeof(double) * (size_t)nr), *cs = xmalloc(sizeof(double) * (size_t)nc);
	for (int i = 0; i < nr; i++)
		rs[i] = t->row.cats[i].score;
	for (int j = 0; j < nc; j++)
		cs[j] = t->col.cats[j].score;
	stats_crosstab_opts co = {
		.row_scores = rs, .col_scores = cs,
		.same_categories = same_categories(&t->row, &t->col),
		.conf_level = o->conf_level, .fisher_rxc = !o->no_fisher_rxc, .fisher = o->fisher,
	};
	if (co.fisher.samples <= 0)
		co.fisher.samples = ANALYSIS_FISHER_SAMPLES;
	stats_table scaled;
	const stats_table *use = &a->t;
	if (t->weighted && a->t.total > 0) {
		double f = a->n_cases / a->t.total;
		double *cells = xmalloc(sizeof(double) * (size_t)nr * nc);
		for (size_t q = 0; q < (size_t)nr * nc; q++)
			cells[q] = a->t.cell[q] * f;
		stats_table_from_counts(&scaled, nr, nc, cells);
		free(cells);
		scaled.n_cases = a->n_cases;
		use = &scaled;
	}
	/* same categories: leave out the ones empty in both rows and columns, keeping the pairs,
	 * so that a 3x3 list with one category unused is the 2x2 table it is (McNemar) */
	stats_table paired;
	int npair = 0;
	if (co.same_categories) {
		int *keep = xmalloc(sizeof(int) * (size_t)nr);
		for (int k = 0; k < nr; k++)
			if (use->row_tot[k] > 0 || use->col_tot[k] > 0)
				keep[npair++] = k;
		if (npair > 0 && npair < nr) {
			double *cells = xmalloc(sizeof(double) * (size_t)npair * npair);
			for (int i = 0; i < npair; i++) {
				for (int j = 0; j < npair; j++)
					cells[i * npair + j] = stats_table_get(use, keep[i], keep[j]);
				rs[i] = t->row.cats[keep[i]].score;
				cs[i] = t->col.cats[keep[i]].score;
			}
			stats_table_from_counts(&paired, npair, npair, cells);
			paired.n_cases = use->n_cases;
			free(cells);
		} else {
			npair = 0;
		}
		free(keep);
	}
	crosstab_tests(npair ? &paired : use, &co, o, &L->stats);
	L->stats_ok = 1;
	if (npair)
		stats_table_release(&paired);
	if (use == &scaled)
		stats_table_release(&scaled);
	free(rs);
	free(cs);
	const stats_crosstab *s = &L->stats;
	if (s->cells > 0 && s->small_expected * 5 > s->cells)
		an_note(&L->notes, 1, "%d of %d cells (%.1f%%) have an expected count below 5 (the "
			"smallest is %.2f): the chi-square tests may not be valid", s->small_expected,
			s->cells, 100.0 * s->small_expected / s->cells, s->min_expected);
	if (s->fisher.method == STATS_FISHER_MONTE_CARLO)
		an_note(&L->notes, 0, "Fisher's exact test: the exact search was too large, so p is "
			"a Monte Carlo estimate from %ld random tables (seed %lu; standard error %.2g)",
			s->fisher.samples, o->fisher.seed, s->fisher.mc_se);
}

/* The Rao-Scott tests of layer `layer` (-1: every case) with codes of the whole sample. */
static int layer_rao_scott(analysis_tab *t, analysis_layer *L, const an_data *d,
			   const stats_design_prep *dp, int layer, int *rowc, int *colc,
			   char *err)
{
	const an_col *rc = &d->cols[0], *cc = &d->cols[1];
	const an_col *bc = t->has_by ? &d->cols[2] : NULL;
	for (size_t i = 0; i < d->n; i++) {
		int r = rc->code[i], c = cc->code[i];
		int ok = d->in[i] && r >= 0 && c >= 0 && (!bc || bc->code[i] == layer);
		rowc[i] = ok ? r : -2;
		colc[i] = ok ? c : -2;
	}
	char why[ERR_MAX];
	if (stats_rao_scott_test(dp, rowc, colc, t->row.ncat, t->col.ncat, &L->rao_scott, why))
		return errf(err, "cannot compute the design-based tests: %s", why);
	L->has_rao_scott = 1;
	return 0;
}

/* The rows (by_col: the columns) of n that have cases in any layer, into keep; how many. */
static int kept_in_any(const acc *accs, int nacc, int n, int by_col, int *keep)
{
	int k = 0;
	for (int i = 0; i < n; i++) {
		double s = 0;
		for (int l = 0; l < nacc; l++)
			s += (by_col ? accs[l].t.col_tot : accs[l].t.row_tot)[i];
		if (s > 0)
			keep[k++] = i;
	}
	return k;
}

/* The test on the kept rows and columns of the layers that have cases: 2x2 layers give R's
 * corrected test and the common odds ratio, larger ones the generalized test. */
static void cmh_kept(analysis_tab *t, acc *accs, int nacc, const int *rows, int kr,
		     const int *cols, int kc, const analysis_opts *o)
{
	stats_table *lt = xcalloc((size_t)nacc, sizeof *lt);
	double *cells = xmalloc(sizeof(double) * (size_t)kr * kc);
	int nl = 0;
	for (int l = 0; l < nacc; l++) {
		if (accs[l].n_cases == 0)
			continue;
		for (int i = 0; i < kr; i++)
			for (int j = 0; j < kc; j++)
				cells[i * kc + j] = stats_table_get(&accs[l].t, rows[i], cols[j]);
		stats_table_from_counts(&lt[nl++], kr, kc, cells);
	}
	if (kr == 2 && kc == 2) {
		stats_cmh_test(lt, nl, o->conf_level > 0 ? o->conf_level : 0.95, &t->cmh);
	} else {
		memset(&t->cmh, 0, sizeof t->cmh);
		stats_cmh_rxc(lt, nl, &t->cmh.cmh);
		t->cmh.cmh_uncorrected = t->cmh.cmh;
		stats_value_na(&t->cmh.odds_ratio, "layers are not 2x2");
		an_note(&t->notes, 0, "the Cochran-Mantel-Haenszel test of %dx%d layers is the "
			"generalized one (no continuity correction, no common odds ratio)", kr, kc);
	}
	t->has_cmh = 1;
	int skipped = 0;
	for (int l = 0; l < nl; l++)
		skipped += lt[l].total < 2;
	if (skipped)
		an_note(&t->notes, 0, "%d layer%s with fewer than 2 cases left out of the "
			"Cochran-Mantel-Haenszel test", skipped, skipped == 1 ? "" : "s");
	for (int l = 0; l < nl; l++)
		stats_table_release(&lt[l]);
	free(lt);
	free(cells);
}

/* Cochran-Mantel-Haenszel over the layers, on the rows and columns that have cases in any
 * layer (df (r-1)(c-1) when larger than 2x2); a note where it is not computed. */
static void tab_cmh(analysis_tab *t, acc *accs, int nacc, const analysis_opts *o)
{
	int nr = t->row.ncat, nc = t->col.ncat;
	int *rows = xmalloc(sizeof(int) * (size_t)nr), *cols = xmalloc(sizeof(int) * (size_t)nc);
	int kr = kept_in_any(accs, nacc, nr, 0, rows), kc = kept_in_any(accs, nacc, nc, 1, cols);
	if (t->design)
		an_note(&t->notes, 0, "the Cochran-Mantel-Haenszel test is not computed for "
			"weighted or design-based data");
	else if (kr < 2 || kc < 2)
		an_note(&t->notes, 0, "no Cochran-Mantel-Haenszel test: the tables have fewer than "
			"two rows or columns");
	else
		cmh_kept(t, accs, nacc, rows, kr, cols, kc, o);
	free(rows);
	free(cols);
}

/* What refuses a cross-table before anything is read. */
static int tab_check(analysis_db *db, const char *row, const char *col, const char *by,
		     char *err)
{
	const char *names[3] = { row, col, by };
	int nv = by ? 3 : 2;
	for (int k = 0; k < nv; k++)
		if (check_tabulable(db, names[k], err))
			return -1;
	if (by) {
		an_ref ref;
		an_find(db, by, NULL, &ref, err);
		if (db->newest->nodes[ref.node].type == FORM_SELECT_MULTIPLE)
			return errf(err, "--by: '%s' is select_multiple; layers need one answer per "
				    "interview", by);
	}
	return 0;
}

static int tab_compute(const an_data *all, const int *ix, const char *row, const char *col,
		       const char *by, const stats_design_prep *dp, const analysis_opts *o,
		       analysis_tab **out, char *err);

int analysis_tab_run(analysis_db *db, const char *row, const char *col, const char *by,
		     const analysis_opts *o, analysis_tab **out, char *err)
{
	static const analysis_opts defaults;
	if (!o)
		o = &defaults;
	*out = NULL;
	const char *names[3] = { row, col, by };
	int nv = by ? 3 : 2;
	if (tab_check(db, row, col, by, err))
		return -1;
	an_data d;
	stats_design_prep *dp;
	if (an_data_open(db, names, nv, o, ANALYSIS_MAX_CATS, &d, &dp, err))
		return -1;
	static const int first[3] = { 0, 1, 2 };
	int rc = tab_compute(&d, first, row, col, by, dp, o, out, err);
	stats_design_free(dp);
	an_data_release(&d);
	return rc;
}

/* The index of name among the n names, added when absent. */
static int name_index(const char **names, int *n, const char *name)
{
	for (int k = 0; k < *n; k++)
		if (strcmp(names[k], name) == 0)
			return k;
	names[*n] = name;
	return (*n)++;
}

int analysis_tab_batch(analysis_db *db, const analysis_tab_spec *specs, int n,
		       const analysis_opts *o, analysis_tab **out, char *err)
{
	static const analysis_opts defaults;
	if (!o)
		o = &defaults;
	for (int i = 0; i < n; i++)
		out[i] = NULL;
	const char **names = xcalloc((size_t)n * 3 + 1, sizeof *names);
	int (*ix)[3] = xcalloc((size_t)n + 1, sizeof *ix), nnames = 0;
	char *ok = xcalloc((size_t)n + 1, 1), why[ERR_MAX];
	for (int i = 0; i < n; i++) {
		const analysis_tab_spec *t = &specs[i];
		if (tab_check(db, t->row, t->col, t->by, why))
			continue;   /* refused alone, by analysis_tab_run */
		ok[i] = 1;
		ix[i][0] = name_index(names, &nnames, t->row);
		ix[i][1] = name_index(names, &nnames, t->col);
		ix[i][2] = t->by ? name_index(names, &nnames, t->by) : -1;
	}
	an_data d;
	stats_design_prep *dp = NULL;
	int rc = an_data_read(db, names, nnames, o, &d, err) || an_data_design(&d, o, &dp, err) ?
		-1 : 0;
	for (int i = 0; i < n && rc == 0; i++) {
		int fits = ok[i];
		for (int k = 0; k < 3 && fits; k++)
			fits = ix[i][k] < 0 || d.cols[ix[i][k]].var.ncat <= ANALYSIS_MAX_CATS;
		if (fits && tab_compute(&d, ix[i], specs[i].row, specs[i].col, specs[i].by, dp, o,
					&out[i], why))
			out[i] = NULL;   /* its error, again, from analysis_tab_run */
	}
	stats_design_free(dp);
	an_data_release(&d);
	free(names);
	free(ix);
	free(ok);
	return rc;
}

/* The table's variables, kind and the notes of the read, from the view d (columns 0, 1, 2). */
static analysis_tab *tab_new(const an_data *d, int has_by)
{
	analysis_tab *t = xcalloc(1, sizeof *t);
	an_var_copy(&t->row, &d->cols[0].var);
	an_var_copy(&t->col, &d->cols[1].var);
	t->has_by = has_by;
	if (has_by)
		an_var_copy(&t->by, &d->cols[2].var);
	t->weighted = d->wcol >= 0;
	t->design = d->design;
	t->multiple = t->row.vtype == ANALYSIS_MULTIPLE || t->col.vtype == ANALYSIS_MULTIPLE;
	for (int k = 0; k < d->notes.n; k++)
		an_note(&t->notes, d->notes.items[k].warning, "%s", d->notes.items[k].text);
	t->simulated = (double)d->simulated;
	return t;
}

/* One pass: every case of d into its layer's accumulator accs[layer] (nacc of them, made
 * here); a note on the cases left out. Returns accs. */
static acc *tab_count(analysis_tab *t, const an_data *d, int nacc, const char *row,
		      const char *col, const char *by, const analysis_opts *o)
{
	acc *accs = xcalloc((size_t)(nacc ? nacc : 1), sizeof *accs);
	for (int l = 0; l < nacc; l++)
		acc_init(&accs[l], t->row.ncat, t->col.ncat);
	const an_col *rc = &d->cols[0], *cc = &d->cols[1], *bc = by ? &d->cols[2] : NULL;
	long long left_out = 0;
	for (size_t i = 0; i < d->n; i++) {
		if (!d->in[i])
			continue;
		const int *rcodes, *ccodes;
		int r1, c1;
		int nr = an_case_codes(rc, i, &rcodes, &r1), nc = an_case_codes(cc, i, &ccodes, &c1);
		int l = bc ? bc->code[i] : 0;
		if (!nr || !nc || l < 0) {
			left_out++;
			continue;
		}
		double w = d->w ? d->w[i] : 1;
		acc *a = &accs[l];
		for (int x = 0; x < nr; x++) {
			for (int y = 0; y < nc; y++)
				stats_table_add(&a->t, rcodes[x], ccodes[y], w);
			a->row_base[rcodes[x]] += w;
		}
		for (int y = 0; y < nc; y++)
			a->col_base[ccodes[y]] += w;
		a->base += w;
		a->n_cases++;
		t->n_cases++;
	}
	if (left_out) {
		strbuf names = STRBUF_INIT;
		sb_addf(&names, by ? "'%s', '%s' or '%s'" : "'%s' or '%s'", row, col, by);
		an_note(&t->notes, 0, "%lld interview%s without an answer to %s left out%s",
			left_out, left_out == 1 ? "" : "s", sb_str(&names),
			o->include_missing ? "" : " (--include-missing shows them)");
		sb_release(&names);
	}
	return accs;
}

/* The notes on what the statistics of t are: weights, design, select_multiple. */
static void tab_kind_notes(analysis_tab *t, const char *row, const char *col,
			   const analysis_opts *o)
{
	if (t->weighted)
		an_note(&t->notes, 0, "counts are weighted by '%s'; the tests of independence are "
			"the design-based Rao-Scott ones, the other statistics use the weighted table "
			"rescaled to the number of interviews", o->weight);
	else if (t->design)
		an_note(&t->notes, 0, "the tests of independence are the design-based Rao-Scott "
			"ones");
	if (t->multiple && t->row.vtype == t->col.vtype)
		an_note(&t->notes, 0, "'%s' and '%s' are select_multiple: each choice is a row or a "
			"column and percentages are of interviews, so they may add up to more than "
			"100; no test is computed", row, col);
	else if (t->multiple)
		an_note(&t->notes, 0, "'%s' is select_multiple: each choice is a %s and percentages "
			"are of interviews, so they may add up to more than 100; each choice is tested "
			"on its own (%s, p adjusted by Holm's method over the choices)",
			t->row.vtype == ANALYSIS_MULTIPLE ? row : col,
			t->row.vtype == ANALYSIS_MULTIPLE ? "row" : "column",
			t->design ? "Rao-Scott F of selected or not by the other variable" :
			"chi-square of selected or not by the other variable");
}

/* The layers that have cases (one empty table when none has), each with its statistics, and
 * Cochran-Mantel-Haenszel across them. 0, or -1 with err (the design-based tests failed). */
static int tab_layers(analysis_tab *t, const an_data *d, const stats_design_prep *dp,
		      acc *accs, int nacc, const analysis_opts *o, char *err)
{
	int by = t->has_by;
	int *rowc = NULL, *colc = NULL;
	if (dp && !t->multiple) {
		rowc = xmalloc(sizeof(int) * (d->n ? d->n : 1));
		colc = xmalloc(sizeof(int) * (d->n ? d->n : 1));
	}
	t->layers = xcalloc((size_t)nacc + 1, sizeof *t->layers);
	int rc_err = 0;
	for (int l = 0; l < nacc && !rc_err; l++) {
		if (by && accs[l].n_cases == 0)
			continue;
		analysis_layer *L = &t->layers[t->nlayers++];
		L->by_cat = by ? l : -1;
		layer_shape(t, L, &accs[l]);
		if (t->n_cases == 0)
			continue;
		if (!t->multiple)
			layer_stats(t, L, &accs[l], o);
		if (dp && !t->multiple)
			rc_err = layer_rao_scott(t, L, d, dp, by ? l : -1, rowc, colc, err);
		if (!rc_err && L->n_cases > 0)
			an_layer_tests(t, L, d, dp, by ? l : -1);
	}
	if (t->nlayers == 0) {
		analysis_layer *L = &t->layers[t->nlayers++];
		acc empty;
		acc_init(&empty, t->row.ncat, t->col.ncat);
		L->by_cat = -1;
		layer_shape(t, L, &empty);
		acc_release(&empty);
	}
	if (t->n_cases == 0)
		an_note(&t->notes, 1, "no interview to tabulate%s", o->where ?
			" (--where keeps none)" : "");
	if (by && !t->multiple && t->n_cases > 0 && !rc_err)
		tab_cmh(t, accs, nacc, o);
	free(rowc);
	free(colc);
	return rc_err;
}

/* The cross-table of columns ix[0] by ix[1] (layers: ix[2] when by) of the cases read in all,
 * whose design is dp. all is not changed: the table reads a view of it whose columns 0, 1, 2
 * are those (the layer tests and Rao-Scott read them there). Phases: the view, the count, the
 * notes, the statistics, the result. */
static int tab_compute(const an_data *all, const int *ix, const char *row, const char *col,
		       const char *by, const stats_design_prep *dp, const analysis_opts *o,
		       analysis_tab **out, char *err)
{
	an_col three[3];
	an_data d = *all;
	for (int k = 0; k < (by ? 3 : 2); k++)
		three[k] = all->cols[ix[k]];
	d.cols = three;
	d.ncols = d.nvars = by ? 3 : 2;
	*out = NULL;
	analysis_tab *t = tab_new(&d, by != NULL);
	int nacc = by ? t->by.ncat : 1;
	acc *accs = tab_count(t, &d, nacc, row, col, by, o);
	tab_kind_notes(t, row, col, o);
	int rc_err = tab_layers(t, &d, dp, accs, nacc, o, err);
	for (int l = 0; l < nacc; l++)
		acc_release(&accs[l]);
	free(accs);
	if (rc_err) {
		analysis_tab_free(t);
		return -1;
	}
	*out = t;
	return 0;
}

void analysis_tab_free(analysis_tab *t)
{
	if (!t)
		return;
	for (int l = 0; l < t->nlayers; l++) {
		analysis_layer *L = &t->layers[l];
		free(L->rows);
		free(L->cols);
		stats_table_release(&L->table);
		an_layer_tests_release(L);
		free(L->row_base);
		free(L->col_base);
		an_notes_release(&L->notes);
	}
	free(t->layers);
	analysis_var_release(&t->row);
	analysis_var_release(&t->col);
	analysis_var_release(&t->by);
	an_notes_release(&t->notes);
	free(t);
}
