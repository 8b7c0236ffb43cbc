/* test_stats_crosstab.c: cross-tabulation statistics against R and PSPP reference values
 * (tests/fixtures/stats, made by make-refs.sh), and the edge cases of the analysis issue. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/crosstab.h"
#include "stats/table.h"
#include "test_stats_ref.h"

static const char *const tables[] = {
	"hair_eye", "titanic_sex", "titanic_class", "ucb", "mtcars_cyl_gear", "job", "tie",
	"raters", "performance", "big", "big33",
};

static const stats_crosstab_field *field(const char *key)
{
	for (int k = 0; k < stats_crosstab_nfields; k++)
		if (!strcmp(stats_crosstab_fields[k].key, key))
			return &stats_crosstab_fields[k];
	return NULL;
}

/* The member of v named by a reference key's last part. */
static int member(const stats_value *v, const char *name, double *out)
{
	static const struct {
		const char *name;
		size_t off;
	} m[] = {
		{ "value", offsetof(stats_value, value) }, { "ase", offsetof(stats_value, ase) },
		{ "t", offsetof(stats_value, t) }, { "p", offsetof(stats_value, p) },
		{ "df", offsetof(stats_value, df) }, { "ci_low", offsetof(stats_value, ci_low) },
		{ "ci_high", offsetof(stats_value, ci_high) },
	};
	for (size_t i = 0; i < sizeof m / sizeof *m; i++)
		if (!strcmp(m[i].name, name)) {
			*out = *(const double *)((const char *)v + m[i].off);
			return 0;
		}
	return -1;
}

/* Check every "<stat>.<member>" (and "pspp.<stat>.<member>", "nd.<stat>.ase") of a reference
 * file against c. Returns the number of numbers compared. */
static int check_refs(const char *name, const ref_file *rf, const stats_crosstab *c)
{
	int compared = 0;
	for (int i = 0; i < rf->n; i++) {
		const ref_entry *e = &rf->e[i];
		char key[256];
		snprintf(key, sizeof key, "%s", e->key);
		const char *src = "R", *stat = key;
		if (!strncmp(key, "pspp.", 5)) {
			src = "PSPP";
			stat = key + 5;
		} else if (!strncmp(key, "nd.", 3)) {
			src = "delta";
			stat = key + 3;
		}
		char *dot = strrchr(stat, '.');
		if (!dot || e->n != 1)
			continue;
		*dot = 0;
		const char *mem = dot + 1;
		/* PSPP's kappa ASE pairs p_i. with p_.j where the Fleiss-Cohen-Everitt delta method
		 * (R's formula and numerical derivative in the refs) pairs p_.i with p_j. */
		if (!strcmp(src, "PSPP") && !strcmp(stat, "kappa") && !strcmp(mem, "ase"))
			continue;
		const stats_value *v;
		if (!strcmp(stat, "fisher.less"))
			v = &c->fisher.less;
		else if (!strcmp(stat, "fisher.greater"))
			v = &c->fisher.greater;
		else if (field(stat))
			v = stats_crosstab_value(c, field(stat));
		else
			continue;
		double got;
		if (member(v, mem, &got) < 0)
			continue;
		char what[300];
		snprintf(what, sizeof what, "%s (%s)", name, src);
		int is_p = !strcmp(mem, "p");
		ref_check(what, e->key, got, e->v[0], 1e-6, is_p ? 1e-12 : 1e-12);
		if (!v->ok)
			printf("  (%s not computed: %s)\n", stat, v->why ? v->why : "?");
		compared++;
	}
	return compared;
}

static void check_cells(const char *name, const ref_file *rf, const stats_table *t)
{
	static const struct {
		const char *key;
		stats_cell_kind kind;
	} k[] = { { "expected", STATS_CELL_EXPECTED }, { "std_residual", STATS_CELL_STD_RESIDUAL },
	          { "adj_residual", STATS_CELL_ADJ_RESIDUAL } };
	for (size_t q = 0; q < sizeof k / sizeof *k; q++) {
		const ref_entry *e = ref_get(rf, k[q].key);
		assert_non_null(e);
		assert_int_equal(e->n, t->nrow * t->ncol);
		for (int i = 0; i < t->nrow; i++)
			for (int j = 0; j < t->ncol; j++)
				ref_check(name, k[q].key, stats_cell(t, i, j, k[q].kind),
				          e->v[i * t->ncol + j], 1e-9, 1e-12);
	}
}

static void test_references(void **state)
{
	ref_failures = 0;
	for (size_t n = 0; n < sizeof tables / sizeof *tables; n++) {
		char file[128];
		ref_file rf, pf;
		snprintf(file, sizeof file, "%s.ref", tables[n]);
		assert_int_equal(ref_load(&rf, file), 0);
		snprintf(file, sizeof file, "%s.pspp.ref", tables[n]);
		assert_int_equal(ref_load(&pf, file), 0);
		const ref_entry *dim = ref_get(&rf, "dim"), *counts = ref_get(&rf, "counts");
		assert_non_null(dim);
		assert_non_null(counts);
		stats_table t;
		stats_table_from_counts(&t, (int)dim->v[0], (int)dim->v[1], counts->v);
		stats_crosstab_opts o = { 0 };
		o.same_categories = ref_get(&rf, "kappa.value") != NULL;
		o.fisher_rxc = ref_get(&rf, "fisher_exact.p") != NULL;
		stats_crosstab c;
		stats_crosstab_tests(&t, &o, &c);
		int compared = check_refs(tables[n], &rf, &c) + check_refs(tables[n], &pf, &c);
		check_cells(tables[n], &rf, &t);
		assert_true(compared > 20);
		if (o.fisher_rxc)
			assert_int_equal(c.fisher.method, STATS_FISHER_EXACT);
		stats_table_release(&t);
		ref_free(&rf);
		ref_free(&pf);
	}
	assert_int_equal(ref_failures, 0);
}

/* Every statistic of a table that allows none: not computed, with a reason, and no number. */
static void assert_all_na(const stats_crosstab *c)
{
	for (int k = 0; k < stats_crosstab_nfields; k++) {
		const stats_value *v = stats_crosstab_value(c, &stats_crosstab_fields[k]);
		if (v->ok)
			fail_msg("%s computed on a degenerate table", stats_crosstab_fields[k].key);
		assert_non_null(v->why);
		assert_true(isnan(v->p));
		assert_true(isnan(v->value));
	}
}

static void test_one_row(void **state)
{
	double x[] = { 5, 0, 7, 3 };
	stats_table t;
	stats_table_from_counts(&t, 1, 4, x);
	stats_crosstab c;
	stats_crosstab_opts o = { .fisher_rxc = 1, .same_categories = 1 };
	stats_crosstab_tests(&t, &o, &c);
	assert_all_na(&c);
	assert_int_equal(c.nrow, 1);
	assert_int_equal(c.ncol, 3);
	assert_int_equal(c.dropped_cols, 1);
	assert_string_equal(c.pearson_chi2.why, "table has fewer than two non-empty rows");
	stats_table_release(&t);
}

static void test_one_cell(void **state)
{
	double x[] = { 0, 0, 0, 0, 12, 0, 0, 0, 0 };
	stats_table t;
	stats_table_from_counts(&t, 3, 3, x);
	stats_crosstab c;
	stats_crosstab_opts o = { .fisher_rxc = 1 };
	stats_crosstab_tests(&t, &o, &c);
	assert_all_na(&c);
	assert_int_equal(c.dropped_rows, 2);
	assert_int_equal(c.dropped_cols, 2);
	stats_table_release(&t);
	/* an empty table */
	stats_table_init(&t, 2, 2);
	stats_crosstab_tests(&t, NULL, &c);
	assert_all_na(&c);
	assert_string_equal(c.pearson_chi2.why, "table is empty");
	stats_table_release(&t);
}

/* A zero row and a zero column are dropped: the statistics are those of the smaller table,
 * scores keep the codes' spacing, and the caller learns how many were dropped. */
static void test_zero_row_col(void **state)
{
	ref_failures = 0;
	double big[] = { 10, 0, 4, 7, 0, 0, 0, 0, 3, 0, 9, 5, 6, 0, 2, 8 };   /* 4x4 */
	double small[] = { 10, 4, 7, 3, 9, 5, 6, 2, 8 };
	stats_table tb, ts;
	stats_table_from_counts(&tb, 4, 4, big);
	stats_table_from_counts(&ts, 3, 3, small);
	double rsb[] = { 1, 2, 3, 4 }, csb[] = { 1, 2, 3, 4 };
	double rss[] = { 1, 3, 4 }, css[] = { 1, 3, 4 };
	stats_crosstab_opts ob = { .row_scores = rsb, .col_scores = csb, .fisher_rxc = 1 };
	stats_crosstab_opts os = { .row_scores = rss, .col_scores = css, .fisher_rxc = 1 };
	stats_crosstab cb, cs;
	stats_crosstab_tests(&tb, &ob, &cb);
	stats_crosstab_tests(&ts, &os, &cs);
	assert_int_equal(cb.dropped_rows, 1);
	assert_int_equal(cb.dropped_cols, 1);
	assert_int_equal(cb.nrow, 3);
	assert_int_equal(cs.dropped_rows + cs.dropped_cols, 0);
	assert_true(cb.pearson_chi2.ok);
	assert_true(cb.pearson_chi2.df == 4);
	for (int k = 0; k < stats_crosstab_nfields; k++) {
		const stats_value *a = stats_crosstab_value(&cb, &stats_crosstab_fields[k]);
		const stats_value *b = stats_crosstab_value(&cs, &stats_crosstab_fields[k]);
		assert_int_equal(a->ok, b->ok);
		if (!a->ok)
			continue;
		ref_check("zero row", stats_crosstab_fields[k].key, a->value, b->value, 1e-12, 1e-15);
		ref_check("zero row", stats_crosstab_fields[k].key, a->p, b->p, 1e-12, 1e-15);
		ref_check("zero row", stats_crosstab_fields[k].key, a->ase, b->ase, 1e-12, 1e-15);
	}
	/* default scores are code + 1, so dropping a middle code keeps the spacing */
	stats_crosstab cd;
	stats_crosstab_tests(&tb, NULL, &cd);
	ref_check("zero row", "pearson_r", cd.pearson_r.value, cs.pearson_r.value, 1e-12, 1e-15);
	assert_int_equal(ref_failures, 0);
	stats_table_release(&tb);
	stats_table_release(&ts);
}

/* Equal weights w: the table is w times the unweighted one. Measures do not change; chi-squares
 * scale by w (which is why weighted tables need the design-based tests). */
static void test_equal_weights(void **state)
{
	ref_failures = 0;
	int row[] = { 0, 0, 1, 2, 1, 0, 2, 2, 1, 0, 1, 2, 0, 1 };
	int col[] = { 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 1, 0, 1 };
	double w[14];
	size_t n = sizeof row / sizeof *row;
	for (size_t i = 0; i < n; i++)
		w[i] = 2.5;
	char err[ERR_MAX];
	stats_table t1, tw;
	assert_int_equal(stats_table_from_cases(&t1, 3, 2, row, col, NULL, n, err), 0);
	assert_int_equal(stats_table_from_cases(&tw, 3, 2, row, col, w, n, err), 0);
	assert_true(tw.total == 2.5 * t1.total);
	assert_true(tw.n_cases == t1.n_cases);
	stats_crosstab c1, cw;
	stats_crosstab_tests(&t1, NULL, &c1);
	stats_crosstab_tests(&tw, NULL, &cw);
	ref_check("weights", "pearson", cw.pearson_chi2.value, 2.5 * c1.pearson_chi2.value, 1e-12, 0);
	ref_check("weights", "lr", cw.likelihood_ratio.value, 2.5 * c1.likelihood_ratio.value, 1e-12, 0);
	ref_check("weights", "gamma", cw.gamma.value, c1.gamma.value, 1e-12, 0);
	ref_check("weights", "cramer", cw.cramers_v.value, c1.cramers_v.value, 1e-12, 0);
	ref_check("weights", "lambda", cw.lambda_symmetric.value, c1.lambda_symmetric.value, 1e-12, 0);
	ref_check("weights", "tau_b ase", cw.kendall_tau_b.ase * sqrt(2.5), c1.kendall_tau_b.ase, 1e-12, 0);
	/* rescaled to the number of cases, it is the unweighted table again */
	stats_table_scale(&tw, tw.n_cases / tw.total);
	stats_crosstab_tests(&tw, NULL, &cw);
	for (int k = 0; k < stats_crosstab_nfields; k++) {
		const stats_value *a = stats_crosstab_value(&cw, &stats_crosstab_fields[k]);
		const stats_value *b = stats_crosstab_value(&c1, &stats_crosstab_fields[k]);
		assert_int_equal(a->ok, b->ok);
		if (a->ok) {
			ref_check("rescaled", stats_crosstab_fields[k].key, a->value, b->value, 1e-12, 1e-15);
			ref_check("rescaled", stats_crosstab_fields[k].key, a->p, b->p, 1e-12, 1e-15);
		}
	}
	assert_int_equal(ref_failures, 0);
	stats_table_release(&t1);
	stats_table_release(&tw);
}

static void test_df_zero_is_no_p(void **state)
{
	double x[] = { 4, 9 };
	stats_table t;
	stats_table_from_counts(&t, 2, 1, x);
	stats_crosstab c;
	stats_crosstab_tests(&t, NULL, &c);
	assert_false(c.pearson_chi2.ok);
	assert_true(isnan(c.pearson_chi2.p));
	assert_true(isnan(stats_p_chisq(3.0, 0)));
	assert_true(isnan(stats_p_f(3.0, 2, 0)));
	stats_table_release(&t);
}

static void test_field_keys(void **state)
{
	/* the JSON contract's keys are all there */
	const char *keys[] = { "pearson_chi2", "likelihood_ratio", "continuity_corrected_chi2",
		"linear_by_linear", "fisher_exact", "phi", "cramers_v", "contingency_coefficient",
		"lambda_symmetric", "lambda_row_dependent", "lambda_col_dependent",
		"goodman_kruskal_tau_row_dependent", "goodman_kruskal_tau_col_dependent",
		"uncertainty_symmetric", "uncertainty_row_dependent", "uncertainty_col_dependent",
		"gamma", "somers_d_symmetric", "somers_d_row_dependent", "somers_d_col_dependent",
		"kendall_tau_b", "kendall_tau_c", "pearson_r", "spearman", "kappa", "symmetry_bowker",
		"odds_ratio" };
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (!field(keys[i]))
			fail_msg("no field '%s'", keys[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_references),
		cmocka_unit_test(test_one_row),
		cmocka_unit_test(test_one_cell),
		cmocka_unit_test(test_zero_row_col),
		cmocka_unit_test(test_equal_weights),
		cmocka_unit_test(test_df_zero_is_no_p),
		cmocka_unit_test(test_field_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
