/* test_statistics.c: the registry of statistics (analysis/statistics.c) — it names every
 * statistic of stats_crosstab in the stats layer's order, keys are unique, values are found where
 * the analysis puts them (and not when a table lacks them), report labels fall back as the report
 * needs, and what each needs is said in words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "analysis/statistics.h"
#include "stats/crosstab.h"

static void test_covers_crosstab(void **state)
{
	assert_true(nstatistics <= STATISTICS_MAX);
	assert_true(nstatistics > stats_crosstab_nfields);
	for (int k = 0; k < stats_crosstab_nfields; k++) {
		assert_string_equal(statistics[k].key, stats_crosstab_fields[k].key);
		assert_int_equal(statistics[k].where, STAT_IN_CROSSTAB);
		assert_int_equal(statistics[k].offset, stats_crosstab_fields[k].offset);
	}
	for (int k = stats_crosstab_nfields; k < nstatistics; k++)
		assert_int_not_equal(statistics[k].where, STAT_IN_CROSSTAB);
}

static void test_keys_and_texts(void **state)
{
	for (int k = 0; k < nstatistics; k++) {
		const statistic *s = &statistics[k];
		assert_ptr_equal(statistic_find(s->key), s);
		assert_int_equal(statistic_index(s->key), k);
		assert_true(s->name && *s->name);
		assert_true(s->members != 0);
		/* a report label in all three languages or in none */
		int n = !!s->label[STAT_EN] + !!s->label[STAT_RU] + !!s->label[STAT_KY];
		if (n != 0 && n != 3)
			fail_msg("%s has report labels in %d languages", s->key, n);
	}
	assert_null(statistic_find("no_such_statistic"));
	assert_null(statistic_find("all"));
	assert_null(statistic_find("none"));
	assert_null(statistic_find(NULL));
	assert_int_equal(statistic_index("Gamma"), -1);
}

static void test_labels(void **state)
{
	const statistic *tb = statistic_find("kendall_tau_b");
	assert_string_equal(statistic_label(tb, "ky"), "Кендаллдын тау-b");
	assert_string_equal(statistic_label(tb, "ru"), "Тау-b Кендалла");
	assert_string_equal(statistic_label(tb, "en"), "Kendall's tau-b");
	assert_string_equal(statistic_label(tb, "de"), "Kendall's tau-b");
	assert_string_equal(statistic_label(tb, NULL), "Kendall's tau-b");
	/* no report label: the name of tab's text, in every language */
	const statistic *lam = statistic_find("lambda_symmetric");
	assert_string_equal(statistic_label(lam, "ky"), "Lambda, symmetric");
	assert_string_equal(statistic_label(lam, "ru"), "Lambda, symmetric");
	/* tab's text keeps its own English names */
	assert_string_equal(statistic_find("cramers_v")->name, "Cramer's V");
	assert_string_equal(statistic_find("rao_scott_f")->name, "Rao-Scott F (design-based)");
}

static void test_needs(void **state)
{
	char buf[128];
	assert_string_equal(statistic_needs_text(statistic_find("pearson_chi2"), buf, sizeof buf), "");
	assert_string_equal(statistic_needs_text(statistic_find("mcnemar"), buf, sizeof buf),
			    "2x2 table, same categories");
	assert_string_equal(statistic_needs_text(statistic_find("gamma"), buf, sizeof buf),
			    "ordered categories");
	assert_string_equal(statistic_needs_text(statistic_find("cmh"), buf, sizeof buf), "--by");
	char small[8];
	statistic_needs_text(statistic_find("mcnemar"), small, sizeof small);   /* cut, not overrun */
	assert_true(strlen(small) < sizeof small);
	assert_true(statistic_find("fisher_exact")->needs & STAT_ASKED);
	assert_true(statistic_find("fisher_exact")->needs & STAT_SRS);
	assert_false(statistic_find("cramers_v")->needs & STAT_SRS);
	assert_true(statistic_find("rao_scott_chi2")->needs & STAT_NEEDS_DESIGN);
	assert_true(statistic_find("mantel_haenszel_odds_ratio")->needs & STAT_NEEDS_LAYERS);
}

static void test_values(void **state)
{
	static analysis_tab t;
	static analysis_layer L;
	const statistic *g = statistic_find("gamma"), *rs = statistic_find("rao_scott_f"),
			*rc = statistic_find("rao_scott_chi2"), *cmh = statistic_find("cmh"),
			*mh = statistic_find("mantel_haenszel_odds_ratio");
	/* multiple response: no statistics of the table */
	assert_null(statistic_value(g, &t, &L));
	L.stats_ok = 1;
	assert_ptr_equal(statistic_value(g, &t, &L), &L.stats.gamma);
	assert_ptr_equal(statistic_value(statistic_find("relative_risk_col2"), &t, &L),
			 &L.stats.relative_risk_col2);
	assert_null(statistic_value(rs, &t, &L));   /* no design */
	L.has_rao_scott = 1;
	assert_ptr_equal(statistic_value(rs, &t, &L), &L.rao_scott.f);
	assert_ptr_equal(statistic_value(rc, &t, &L), &L.rao_scott.chisq);
	assert_null(statistic_value(cmh, &t, NULL));   /* no layers */
	t.has_cmh = 1;
	assert_ptr_equal(statistic_value(cmh, &t, NULL), &t.cmh.cmh);
	assert_ptr_equal(statistic_value(mh, &t, &L), &t.cmh.odds_ratio);
	assert_null(statistic_value(g, &t, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_covers_crosstab), cmocka_unit_test(test_keys_and_texts),
		cmocka_unit_test(test_labels), cmocka_unit_test(test_needs),
		cmocka_unit_test(test_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
