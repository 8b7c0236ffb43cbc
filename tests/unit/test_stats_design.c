/* test_stats_design.c: design-based estimates on survey's api data (stratified apistrat,
 * cluster sample apiclus1) against R's survey package: svychisq (F and Chisq), svymean,
 * svytotal, svyciprop; missing values, subsets, strata with one PSU, equal weights. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "stats/chisq.h"
#include "stats/design.h"
#include "test_stats_ref.h"

/* A CSV of numbers with a header line: columns by name. */
typedef struct csv {
	char **names;
	int ncol;
	double *v;       /* nrow * ncol */
	size_t nrow;
} csv;

static void csv_load(csv *c, const char *name)
{
	char *path = ref_path(name), err[ERR_MAX];
	size_t len;
	char *buf = read_file(path, &len, err);
	free(path);
	assert_non_null(buf);
	memset(c, 0, sizeof *c);
	char *save = NULL, *line = strtok_r(buf, "\n", &save);
	for (char *s = line, *tok; (tok = strsep(&s, ","));) {
		c->names = xreallocarray(c->names, c->ncol + 1, sizeof(char *));
		if (*tok == '"')
			tok++;
		char *q = strchr(tok, '"');
		if (q)
			*q = 0;
		c->names[c->ncol++] = xstrdup(tok);
	}
	while ((line = strtok_r(NULL, "\n", &save))) {
		c->v = xreallocarray(c->v, (c->nrow + 1) * c->ncol, sizeof(double));
		char *p = line;
		for (int k = 0; k < c->ncol; k++) {
			c->v[c->nrow * c->ncol + k] = strtod(p, &p);
			if (*p == ',')
				p++;
		}
		c->nrow++;
	}
	free(buf);
}

static void csv_free(csv *c)
{
	for (int k = 0; k < c->ncol; k++)
		free(c->names[k]);
	free(c->names);
	free(c->v);
}

static double *col_d(const csv *c, const char *name)
{
	for (int k = 0; k < c->ncol; k++)
		if (!strcmp(c->names[k], name)) {
			double *out = xmalloc(sizeof(double) * c->nrow);
			for (size_t i = 0; i < c->nrow; i++)
				out[i] = c->v[i * c->ncol + k];
			return out;
		}
	fail_msg("no column '%s'", name);
	return NULL;
}

static int *col_i(const csv *c, const char *name)
{
	double *d = col_d(c, name);
	int *out = xmalloc(sizeof(int) * c->nrow);
	for (size_t i = 0; i < c->nrow; i++)
		out[i] = (int)d[i];
	free(d);
	return out;
}

static ref_file refs;
static csv strat, clus;

static int setup(void **state)
{
	if (ref_load(&refs, "design.ref"))
		return -1;
	csv_load(&strat, "apistrat.csv");
	csv_load(&clus, "apiclus1.csv");
	return 0;
}

static int teardown(void **state)
{
	ref_free(&refs);
	csv_free(&strat);
	csv_free(&clus);
	return 0;
}

static void check(const char *key, double got, double rel)
{
	const ref_entry *e = ref_get(&refs, key);
	if (!e)
		fail_msg("no reference '%s'", key);
	ref_check("design", key, got, e->v[0], rel, 1e-12);
}

static void check_rs(const char *prefix, const stats_design_prep *dp, const int *row,
                     const int *col, int nr, int nc)
{
	char err[ERR_MAX], key[128];
	stats_rao_scott rs;
	assert_int_equal(stats_rao_scott_test(dp, row, col, nr, nc, &rs, err), 0);
	assert_true(rs.f.ok && rs.chisq.ok);
#define K(s) (snprintf(key, sizeof key, "%s.%s", prefix, s), key)
	check(K("f.value"), rs.f.value, 1e-6);
	check(K("f.df"), rs.f.df, 1e-6);
	check(K("f.df2"), rs.f.df2, 1e-6);
	check(K("f.p"), rs.f.p, 1e-6);
	check(K("chisq.pearson"), rs.pearson, 1e-6);
	check(K("chisq.df"), rs.chisq.df, 1e-12);
	check(K("chisq.p"), rs.chisq.p, 1e-6);
#undef K
}

/* The one-way estimates R gives for a design: q4 proportions and totals, awards == "Yes" with
 * every svyciprop method, the mean of api00. */
static void check_oneway(const char *dn, const stats_design_prep *dp, const csv *c)
{
	char err[ERR_MAX], key[128];
	int *q4 = col_i(c, "q4"), *aw = col_i(c, "awards");
	double *api = col_d(c, "api00");
	stats_design_prop pr[4];
	double df;
	assert_int_equal(stats_design_props(dp, q4, 4, 0.95, STATS_SVYCI_LOGIT, pr, &df, err), 0);
	static const char *const what[] = { "p", "se", "deff", "total", "total_se" };
	for (int w = 0; w < 5; w++) {
		snprintf(key, sizeof key, "%s.q4.%s", dn, what[w]);
		const ref_entry *e = ref_get(&refs, key);
		assert_non_null(e);
		for (int k = 0; k < 4; k++) {
			double got = w == 0 ? pr[k].p : w == 1 ? pr[k].se : w == 2 ? pr[k].deff
			             : w == 3 ? pr[k].total : pr[k].total_se;
			ref_check("design", key, got, e->v[k], 1e-6, 1e-12);
		}
	}
	snprintf(key, sizeof key, "%s.q4.df", dn);
	check(key, df, 1e-12);
	for (int m = 0; m < STATS_SVYCI_NMETHODS; m++) {
		assert_int_equal(stats_design_props(dp, aw, 2, 0.95, m, pr, &df, err), 0);
		snprintf(key, sizeof key, "%s.ciprop.awards.%s", dn, stats_svyci_method_name(m));
		const ref_entry *e = ref_get(&refs, key);
		assert_non_null(e);
		ref_check("design", key, pr[1].p, e->v[0], 1e-9, 0);
		/* svyglm's iterations leave R's "logit" at about 1e-12 of the exact logit interval */
		ref_check("design", key, pr[1].ci_low, e->v[1], 1e-6, 0);
		ref_check("design", key, pr[1].ci_high, e->v[2], 1e-6, 0);
	}
	double mean, se;
	assert_int_equal(stats_design_mean(dp, api, &mean, &se, err), 0);
	snprintf(key, sizeof key, "%s.api00", dn);
	const ref_entry *e = ref_get(&refs, key);
	ref_check("design", key, mean, e->v[0], 1e-9, 0);
	ref_check("design", key, se, e->v[1], 1e-6, 0);
	free(q4);
	free(aw);
	free(api);
}

static void test_designs(void **state)
{
	ref_failures = 0;
	char err[ERR_MAX];
	struct {
		const char *name;
		const csv *data;
		int strata, cluster, fpc;
	} ds[] = {
		{ "strat", &strat, 1, 0, 1 },
		{ "strat_nofpc", &strat, 1, 0, 0 },
		{ "weights", &strat, 0, 0, 0 },
		{ "clus1", &clus, 0, 1, 1 },
		{ "clus1_nofpc", &clus, 0, 1, 0 },
	};
	for (size_t d = 0; d < sizeof ds / sizeof *ds; d++) {
		const csv *c = ds[d].data;
		double *pw = col_d(c, "pw"), *fpc = col_d(c, "fpc");
		int *stype = col_i(c, "stype"), *sw = col_i(c, "sch_wide"), *q4 = col_i(c, "q4");
		int *dnum = ds[d].cluster ? col_i(c, "dnum") : NULL;
		stats_design des = { .n = c->nrow, .weight = pw, .stratum = ds[d].strata ? stype : NULL,
		                     .cluster = dnum, .fpc = ds[d].fpc ? fpc : NULL };
		stats_design_prep *dp;
		if (stats_design_prepare(&des, &dp, err))
			fail_msg("%s: %s", ds[d].name, err);
		char prefix[128];
		snprintf(prefix, sizeof prefix, "%s.sch_wide.stype", ds[d].name);
		check_rs(prefix, dp, sw, stype, 2, 3);
		snprintf(prefix, sizeof prefix, "%s.q4.stype", ds[d].name);
		check_rs(prefix, dp, q4, stype, 4, 3);
		check_oneway(ds[d].name, dp, c);
		stats_design_free(dp);
		free(pw);
		free(fpc);
		free(stype);
		free(sw);
		free(q4);
		free(dnum);
	}
	assert_int_equal(ref_failures, 0);
}

/* NA codes (-1) count in N and in the design df, as R's na.rm; subsets (-2) do not. */
static void test_missing_and_subset(void **state)
{
	ref_failures = 0;
	char err[ERR_MAX];
	double *pw = col_d(&strat, "pw"), *fpc = col_d(&strat, "fpc");
	int *stype = col_i(&strat, "stype"), *swna = col_i(&strat, "sch_wide_na");
	stats_design des = { .n = strat.nrow, .weight = pw, .stratum = stype, .fpc = fpc };
	stats_design_prep *dp;
	assert_int_equal(stats_design_prepare(&des, &dp, err), 0);
	check_rs("strat.na.sch_wide.stype", dp, swna, stype, 2, 3);
	stats_design_prop pr[2];
	double df;
	assert_int_equal(stats_design_props(dp, swna, 2, 0.95, STATS_SVYCI_LOGIT, pr, &df, err), 0);
	const ref_entry *e = ref_get(&refs, "strat.na.ciprop.yes.logit");
	ref_check("design", "na ciprop", pr[1].p, e->v[0], 1e-9, 0);
	ref_check("design", "na ciprop", pr[1].ci_low, e->v[1], 1e-6, 0);
	ref_check("design", "na ciprop", pr[1].ci_high, e->v[2], 1e-6, 0);
	stats_design_free(dp);
	free(pw);
	free(fpc);
	free(stype);
	free(swna);

	pw = col_d(&clus, "pw");
	fpc = col_d(&clus, "fpc");
	double *api = col_d(&clus, "api00");
	int *dnum = col_i(&clus, "dnum"), *sw = col_i(&clus, "sch_wide");
	stype = col_i(&clus, "stype");
	for (size_t i = 0; i < clus.nrow; i++)
		if (!(api[i] > 600))
			sw[i] = stype[i] = -2;
	stats_design dc = { .n = clus.nrow, .weight = pw, .cluster = dnum, .fpc = fpc };
	assert_int_equal(stats_design_prepare(&dc, &dp, err), 0);
	check_rs("clus1.sub.sch_wide.stype", dp, sw, stype, 2, 3);
	stats_design_free(dp);
	free(pw);
	free(fpc);
	free(api);
	free(dnum);
	free(sw);
	free(stype);
	assert_int_equal(ref_failures, 0);
}

static void test_lonely_psu(void **state)
{
	ref_failures = 0;
	char err[ERR_MAX];
	double *pw = col_d(&clus, "pw"), *api = col_d(&clus, "api00");
	int *dnum = col_i(&clus, "dnum"), *lst = col_i(&clus, "lst");
	int *sw = col_i(&clus, "sch_wide"), *stype = col_i(&clus, "stype");
	stats_design des = { .n = clus.nrow, .weight = pw, .stratum = lst, .cluster = dnum };
	stats_design_prep *dp;
	/* R: "Stratum (1) has only one PSU at stage 1" */
	assert_int_equal(stats_design_prepare(&des, &dp, err), -1);
	assert_null(dp);
	assert_non_null(strstr(err, "stratum 1 has only one PSU"));
	for (int m = STATS_LONELY_REMOVE; m <= STATS_LONELY_AVERAGE; m++) {
		des.lonely = m;
		assert_int_equal(stats_lonely_psu_parse(stats_lonely_psu_name(m)), m);
		assert_int_equal(stats_design_prepare(&des, &dp, err), 0);
		char prefix[128];
		snprintf(prefix, sizeof prefix, "lonely.%s.sch_wide.stype", stats_lonely_psu_name(m));
		check_rs(prefix, dp, sw, stype, 2, 3);
		double mean, se;
		assert_int_equal(stats_design_mean(dp, api, &mean, &se, err), 0);
		snprintf(prefix, sizeof prefix, "lonely.%s.api00", stats_lonely_psu_name(m));
		const ref_entry *e = ref_get(&refs, prefix);
		ref_check("design", prefix, mean, e->v[0], 1e-9, 0);
		ref_check("design", prefix, se, e->v[1], 1e-6, 0);
		stats_design_free(dp);
	}
	free(pw);
	free(api);
	free(dnum);
	free(lst);
	free(sw);
	free(stype);
	assert_int_equal(ref_failures, 0);
}

/* All weights equal, no strata, no clusters: Delta = n / (n - 1) I, so the first-order Rao-Scott
 * statistic is the unweighted Pearson chi-square times (n - 1) / n, whatever the weight. */
static void test_equal_weights(void **state)
{
	char err[ERR_MAX];
	int *sw = col_i(&strat, "sch_wide"), *stype = col_i(&strat, "stype");
	size_t n = strat.nrow;
	double *w = xmalloc(sizeof(double) * n);
	for (size_t i = 0; i < n; i++)
		w[i] = 31.5;
	stats_table t;
	assert_int_equal(stats_table_from_cases(&t, 2, 3, sw, stype, NULL, n, err), 0);
	stats_value x2;
	stats_pearson_chi2(&t, &x2);
	for (int k = 0; k < 2; k++) {
		stats_design des = { .n = n, .weight = k ? w : NULL };
		stats_design_prep *dp;
		assert_int_equal(stats_design_prepare(&des, &dp, err), 0);
		stats_rao_scott rs;
		assert_int_equal(stats_rao_scott_test(dp, sw, stype, 2, 3, &rs, err), 0);
		assert_true(ref_close(rs.pearson, x2.value, 1e-12, 0));
		assert_true(ref_close(rs.chisq.value, x2.value * (n - 1) / n, 1e-10, 0));
		assert_true(ref_close(rs.f.df, 2, 1e-10, 0));
		assert_true(ref_close(rs.f.df2, 2.0 * (n - 1), 1e-10, 0));
		assert_true(ref_close(rs.f.value, x2.value * (n - 1) / n / 2, 1e-10, 0));
		assert_true(rs.nu == n - 1);
		stats_design_free(dp);
	}
	stats_table_release(&t);
	free(w);
	free(sw);
	free(stype);
}

static void test_errors(void **state)
{
	char err[ERR_MAX];
	double w[] = { 1, -2, 1 };
	stats_design des = { .n = 3, .weight = w };
	stats_design_prep *dp;
	assert_int_equal(stats_design_prepare(&des, &dp, err), -1);
	assert_string_equal(err, "case 2: weight -2 is not a non-negative number");
	int st[] = { 1, 1, 2, 2 };
	double fpc[] = { 10, 10, 10, 12 };
	stats_design d2 = { .n = 4, .stratum = st, .fpc = fpc };
	assert_int_equal(stats_design_prepare(&d2, &dp, err), -1);
	assert_string_equal(err, "fpc differs within stratum 2");
	double fpc2[] = { 10, 10, 1.5, 1.5 };
	d2.fpc = fpc2;
	assert_int_equal(stats_design_prepare(&d2, &dp, err), -1);
	assert_non_null(strstr(err, "below"));
	/* a 1xK table and a design df of 0 give no p, not p = 0 */
	d2.fpc = NULL;
	assert_int_equal(stats_design_prepare(&d2, &dp, err), 0);
	int row[] = { 0, 0, 0, 0 }, col[] = { 0, 1, 0, 1 };
	stats_rao_scott rs;
	assert_int_equal(stats_rao_scott_test(dp, row, col, 2, 2, &rs, err), 0);
	assert_false(rs.f.ok);
	assert_true(isnan(rs.f.p) && isnan(rs.chisq.p));
	int bad[] = { 0, 5, 0, 0 };
	assert_int_equal(stats_rao_scott_test(dp, bad, col, 2, 2, &rs, err), -1);
	stats_design_free(dp);
	int cl[] = { 1, 2, 3, 3 };
	int st2[] = { 1, 1, 2, 2 };   /* stratum 2: one PSU */
	stats_design d3 = { .n = 4, .stratum = st2, .cluster = cl, .lonely = STATS_LONELY_REMOVE };
	assert_int_equal(stats_design_prepare(&d3, &dp, err), 0);
	assert_int_equal(stats_design_npsu(dp), 3);
	assert_int_equal(stats_design_nstrata(dp), 2);
	int r2[] = { 0, 1, 0, 1 }, c2[] = { 0, 1, 1, 0 };
	assert_int_equal(stats_rao_scott_test(dp, r2, c2, 2, 2, &rs, err), 0);
	assert_true(rs.nu == 1);
	stats_design_free(dp);
	stats_design_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_designs),
		cmocka_unit_test(test_missing_and_subset),
		cmocka_unit_test(test_lonely_psu),
		cmocka_unit_test(test_equal_weights),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
