/* table.c: counting coded cases into an r x c table, and per-cell quantities. */
#include "stats/table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/stats.h"
#include "stats/stats_impl.h"
#include "util/util.h"

void stats_table_init(stats_table *t, int nrow, int ncol)
{
	stats_init();
	memset(t, 0, sizeof *t);
	t->nrow = nrow;
	t->ncol = ncol;
	t->cell = xcalloc((size_t)nrow * ncol, sizeof *t->cell);
	t->row_tot = xcalloc(nrow, sizeof *t->row_tot);
	t->col_tot = xcalloc(ncol, sizeof *t->col_tot);
}

void stats_table_release(stats_table *t)
{
	if (!t)
		return;
	free(t->cell);
	free(t->row_tot);
	free(t->col_tot);
	memset(t, 0, sizeof *t);
}

int stats_table_add(stats_table *t, int row, int col, double w)
{
	if (!(w >= 0) || isinf(w) || row >= t->nrow || col >= t->ncol)
		return -1;
	if (row < 0 || col < 0) {
		t->n_missing += 1;
		t->w_missing += w;
		return 1;
	}
	t->cell[(size_t)row * t->ncol + col] += w;
	t->row_tot[row] += w;
	t->col_tot[col] += w;
	t->total += w;
	t->n_cases += 1;
	return 0;
}

int stats_table_from_cases(stats_table *t, int nrow, int ncol, const int *row, const int *col,
                           const double *w, size_t n, char *err)
{
	stats_table_init(t, nrow, ncol);
	for (size_t k = 0; k < n; k++) {
		double wk = w ? w[k] : 1.0;
		if (stats_table_add(t, row[k], col[k], wk) >= 0)
			continue;
		stats_table_release(t);
		if (row[k] >= nrow)
			return errf(err, "case %zu: row code %d is not below %d", k + 1, row[k], nrow);
		if (col[k] >= ncol)
			return errf(err, "case %zu: column code %d is not below %d", k + 1, col[k], ncol);
		return errf(err, "case %zu: weight %g is not a non-negative number", k + 1, wk);
	}
	return 0;
}

void stats_table_from_counts(stats_table *t, int nrow, int ncol, const double *counts)
{
	stats_table_init(t, nrow, ncol);
	for (int i = 0; i < nrow; i++)
		for (int j = 0; j < ncol; j++) {
			double v = counts[(size_t)i * ncol + j];
			t->cell[(size_t)i * ncol + j] = v;
			t->row_tot[i] += v;
			t->col_tot[j] += v;
			t->total += v;
		}
	t->n_cases = t->total;
}

int stats_table_compact(const stats_table *in, stats_table *out, int *row_map, int *col_map)
{
	int nr = 0, nc = 0;
	int *rm = xmalloc(sizeof(int) * (in->nrow ? in->nrow : 1));
	int *cm = xmalloc(sizeof(int) * (in->ncol ? in->ncol : 1));
	for (int i = 0; i < in->nrow; i++)
		if (in->row_tot[i] > 0)
			rm[nr++] = i;
	for (int j = 0; j < in->ncol; j++)
		if (in->col_tot[j] > 0)
			cm[nc++] = j;
	stats_table_init(out, nr, nc);
	for (int a = 0; a < nr; a++) {
		out->row_tot[a] = in->row_tot[rm[a]];
		for (int b = 0; b < nc; b++)
			out->cell[(size_t)a * nc + b] = in->cell[(size_t)rm[a] * in->ncol + cm[b]];
	}
	for (int b = 0; b < nc; b++)
		out->col_tot[b] = in->col_tot[cm[b]];
	out->total = in->total;
	out->n_cases = in->n_cases;
	out->n_missing = in->n_missing;
	out->w_missing = in->w_missing;
	if (row_map)
		memcpy(row_map, rm, sizeof(int) * nr);
	if (col_map)
		memcpy(col_map, cm, sizeof(int) * nc);
	free(rm);
	free(cm);
	return (in->nrow - nr) + (in->ncol - nc);
}

void stats_table_scale(stats_table *t, double factor)
{
	for (size_t k = 0; k < (size_t)t->nrow * t->ncol; k++)
		t->cell[k] *= factor;
	for (int i = 0; i < t->nrow; i++)
		t->row_tot[i] *= factor;
	for (int j = 0; j < t->ncol; j++)
		t->col_tot[j] *= factor;
	t->total *= factor;
}

int stats_table_is_whole(const stats_table *t)
{
	for (size_t k = 0; k < (size_t)t->nrow * t->ncol; k++)
		if (t->cell[k] != floor(t->cell[k]))
			return 0;
	return 1;
}

double stats_cell(const stats_table *t, int i, int j, stats_cell_kind kind)
{
	if (i < 0 || j < 0 || i >= t->nrow || j >= t->ncol)
		return NAN;
	double f = stats_table_get(t, i, j), r = t->row_tot[i], c = t->col_tot[j], w = t->total;
	double e = w > 0 ? r * c / w : NAN;
	switch (kind) {
	case STATS_CELL_COUNT:
		return f;
	case STATS_CELL_EXPECTED:
		return e;
	case STATS_CELL_RESIDUAL:
		return f - e;
	case STATS_CELL_STD_RESIDUAL:
		return e > 0 ? (f - e) / sqrt(e) : NAN;
	case STATS_CELL_ADJ_RESIDUAL: {
		double v = e * (1 - r / w) * (1 - c / w);
		return v > 0 ? (f - e) / sqrt(v) : NAN;
	}
	case STATS_CELL_ROW_PCT:
		return r > 0 ? 100.0 * f / r : NAN;
	case STATS_CELL_COL_PCT:
		return c > 0 ? 100.0 * f / c : NAN;
	case STATS_CELL_TOTAL_PCT:
		return w > 0 ? 100.0 * f / w : NAN;
	default:
		return NAN;
	}
}

static const char *const cell_names[STATS_CELL_NKINDS] = {
	"count", "expected", "residual", "std_residual", "adj_residual",
	"row_pct", "col_pct", "total_pct",
};

const char *stats_cell_kind_name(stats_cell_kind kind)
{
	return stats_enum_name(cell_names, STATS_CELL_NKINDS, kind);
}

int stats_cell_kind_parse(const char *name)
{
	return stats_enum_parse(cell_names, STATS_CELL_NKINDS, name);
}

int stats_table_small_expected(const stats_table *t, double below, int *n_cells,
                               double *min_expected)
{
	int small = 0, cells = 0;
	double min = NAN;
	for (int i = 0; i < t->nrow; i++)
		for (int j = 0; j < t->ncol; j++) {
			double e = stats_expected(t, i, j);
			if (isnan(e))
				continue;
			cells++;
			if (e < below)
				small++;
			if (isnan(min) || e < min)
				min = e;
		}
	if (n_cells)
		*n_cells = cells;
	if (min_expected)
		*min_expected = min;
	return small;
}

double stats_expected(const stats_table *t, int i, int j)
{
	if (!(t->row_tot[i] > 0) || !(t->col_tot[j] > 0))
		return NAN;
	return t->row_tot[i] * t->col_tot[j] / t->total;
}

void stats_nonempty(const stats_table *t, int *nr, int *nc)
{
	int r = 0, c = 0;
	for (int i = 0; i < t->nrow; i++)
		r += t->row_tot[i] > 0;
	for (int j = 0; j < t->ncol; j++)
		c += t->col_tot[j] > 0;
	*nr = r;
	*nc = c;
}

const char *stats_twoway_why(const stats_table *t)
{
	int nr, nc;
	if (!(t->total > 0))
		return "table is empty";
	stats_nonempty(t, &nr, &nc);
	if (nr < 2)
		return "table has fewer than two non-empty rows";
	if (nc < 2)
		return "table has fewer than two non-empty columns";
	return NULL;
}
