/* cmd_tab_values.c: what the writers of `survey tab` read of a table — a cell as the chosen kind
 * (count, percentage, expected count, residual), the test of independence to read and the
 * members of a statistic. */
#include <math.h>
#include <stddef.h>

#include "cmd_tab.h"

double tab_cell_value(const analysis_tab *t, const analysis_layer *L, int i, int j,
		      stats_cell_kind kind)
{
	double f = stats_table_get(&L->table, i, j);
	switch (kind) {
	case STATS_CELL_COUNT:
		return f;
	case STATS_CELL_ROW_PCT:
		return L->row_base[i] > 0 ? 100 * f / L->row_base[i] : NAN;
	case STATS_CELL_COL_PCT:
		return L->col_base[j] > 0 ? 100 * f / L->col_base[j] : NAN;
	case STATS_CELL_TOTAL_PCT:
		return L->base > 0 ? 100 * f / L->base : NAN;
	default:
		return t->multiple ? NAN : stats_cell(&L->table, i, j, kind);
	}
}

/* The test of independence to read: Rao-Scott's F with a design (the chi-square tests in
 * "stats" then treat the weighted table as counts), else Pearson's chi-square; null for
 * multiple response (see choice_tests). */
const stats_value *tab_independence(const analysis_tab *t, const analysis_layer *L,
				    const char **key)
{
	*key = NULL;
	if (L->has_rao_scott) {
		*key = "rao_scott_f";
		return &L->rao_scott.f;
	}
	if (L->stats_ok) {
		*key = "pearson_chi2";
		return &L->stats.pearson_chi2;
	}
	return NULL;
}

const tab_part tab_parts[] = {
	{ STATS_F_VALUE, "value", offsetof(stats_value, value) },
	{ STATS_F_ASE, "ase", offsetof(stats_value, ase) },
	{ STATS_F_T, "t", offsetof(stats_value, t) },
	{ STATS_F_DF, "df", offsetof(stats_value, df) },
	{ STATS_F_P, "p", offsetof(stats_value, p) },
	{ STATS_F_CI, "ci_low", offsetof(stats_value, ci_low) },
	{ STATS_F_CI, "ci_high", offsetof(stats_value, ci_high) },
	{ STATS_F_DF2, "df2", offsetof(stats_value, df2) },
};
const int ntab_parts = (int)(sizeof tab_parts / sizeof *tab_parts);

double tab_part_value(const stats_value *v, const tab_part *p)
{
	return v->ok ? *(const double *)((const char *)v + p->off) : NAN;
}
