/* table.h: an r x c table of (weighted) counts with its margins, filled from coded cases in one
 * pass, and the per-cell quantities of a cross-tabulation (expected counts, residuals, percents).
 * Codes are small integers chosen by the caller: row 0..nrow-1, column 0..ncol-1, -1 missing. */
#ifndef SURVEY_STATS_TABLE_H
#define SURVEY_STATS_TABLE_H

#include <stddef.h>

typedef struct stats_table {
	int nrow;            /* number of row codes */
	int ncol;            /* number of column codes */
	double *cell;        /* nrow * ncol counts, row-major: cell[i * ncol + j] */
	double *row_tot;     /* nrow row sums */
	double *col_tot;     /* ncol column sums */
	double total;        /* sum of all cells */
	double n_cases;      /* cases counted, each once whatever its weight */
	double n_missing;    /* cases not counted because a code was -1 (or below) */
	double w_missing;    /* their total weight */
} stats_table;

/* Zeroed nrow x ncol table (nrow, ncol >= 1). Release with stats_table_release. */
void stats_table_init(stats_table *t, int nrow, int ncol);
/* Frees the arrays and zeroes the struct; NULL and a released table are accepted. */
void stats_table_release(stats_table *t);

/* Count one case with weight w: O(1), so callers may stream millions of cases without holding
 * them. Returns 0 when counted, 1 when a code is negative (counted as missing instead), -1
 * (nothing changed) when a code is >= nrow/ncol or w is negative, infinite or NaN. */
int stats_table_add(stats_table *t, int row, int col, double w);

/* Init t and add n cases from parallel arrays (w NULL: every weight 1). On a bad code or weight
 * returns -1 with err naming the case ("case 17: weight -1 is negative"); t is then released. */
int stats_table_from_cases(stats_table *t, int nrow, int ncol, const int *row, const int *col,
                           const double *w, size_t n, char *err);

/* Init t from nrow * ncol row-major counts (n_cases is set to the total). */
void stats_table_from_counts(stats_table *t, int nrow, int ncol, const double *counts);

static inline double stats_table_get(const stats_table *t, int i, int j)
{
	return t->cell[(size_t)i * t->ncol + j];
}

/* Copy in to out (initialised here) without its empty rows and columns (zero total), so that
 * every statistic sees only categories that occur. row_map[k] / col_map[k] (arrays of at least
 * in->nrow / in->ncol ints, or NULL) receive the original code of out's row / column k.
 * Returns the number of rows plus columns dropped, so the caller can add a note. */
int stats_table_compact(const stats_table *in, stats_table *out, int *row_map, int *col_map);

/* Multiply every count and total by factor (> 0): e.g. n_cases / total rescales a weighted
 * table to the number of cases it counts. n_cases and the missing counts are kept. */
void stats_table_scale(stats_table *t, double factor);

/* 1 when every cell is a whole number (Fisher's exact test needs that), else 0. */
int stats_table_is_whole(const stats_table *t);

/* What a cell of a cross-tabulation shows. */
typedef enum stats_cell_kind {
	STATS_CELL_COUNT,         /* f */
	STATS_CELL_EXPECTED,      /* E = row total * column total / total */
	STATS_CELL_RESIDUAL,      /* f - E */
	STATS_CELL_STD_RESIDUAL,  /* (f - E) / sqrt(E) */
	STATS_CELL_ADJ_RESIDUAL,  /* (f - E) / sqrt(E (1 - row/total) (1 - col/total)) */
	STATS_CELL_ROW_PCT,       /* 100 f / row total */
	STATS_CELL_COL_PCT,       /* 100 f / column total */
	STATS_CELL_TOTAL_PCT,     /* 100 f / total */
	STATS_CELL_NKINDS
} stats_cell_kind;

/* The value of cell (i, j); NAN where it is undefined (a zero margin, an empty table). */
double stats_cell(const stats_table *t, int i, int j, stats_cell_kind kind);
/* "count", "expected", "residual", "std_residual", "adj_residual", "row_pct", "col_pct",
 * "total_pct"; stats_cell_kind_parse returns the kind or -1 for an unknown name. */
const char *stats_cell_kind_name(stats_cell_kind kind);
int stats_cell_kind_parse(const char *name);

/* Cells (of non-empty rows and columns) whose expected count is below `below` (5 for the usual
 * warning). *n_cells receives the number of such cells considered, *min_expected (may be NULL)
 * the smallest expected count. */
int stats_table_small_expected(const stats_table *t, double below, int *n_cells,
                               double *min_expected);

#endif
