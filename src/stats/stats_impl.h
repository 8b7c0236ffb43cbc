/* stats_impl.h: helpers shared inside src/stats/ only (not part of the public API). */
#ifndef SURVEY_STATS_IMPL_H
#define SURVEY_STATS_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "stats/table.h"
#include "util/hindex.h"

/* The names of an enum's values, names[0..n-1] (a method, a kind of cell): the name of value
 * v ("?" when out of range), and the value named name (-1 when none is). */
const char *stats_enum_name(const char *const *names, int n, int v);
int stats_enum_parse(const char *const *names, int n, const char *name);

/* Number of rows and of columns with a positive total. */
void stats_nonempty(const stats_table *t, int *nr, int *nc);
/* The count expected in cell (i, j) under independence (row total x column total / total);
 * NaN when the cell's row or column has no cases. */
double stats_expected(const stats_table *t, int i, int j);

/* Why a two-way statistic cannot be computed on t (fewer than two non-empty rows or columns,
 * or an empty table), or NULL when it can. */
const char *stats_twoway_why(const stats_table *t);

/* log(k!) for k >= 0, exact to double precision (a table for small k, lgamma above). */
double stats_lfact(double k);

/* The p-quantile of Beta(a, b) (a, b > 0, 0 <= p <= 1) to about 1e-15 relative, by bisection
 * on GSL's incomplete beta, solving in whichever tail is smaller. (gsl_cdf_beta_Pinv returns
 * NaN for parameters such as (0.5, 1e6) and never returns for a = 0.) NAN on bad input. */
double stats_beta_quantile(double p, double a, double b);

/* Fixed-length keys (klen int64s) to dense indices in insertion order, on util's hindex.
 * Keys are copied; keys + index * klen is the key of an index. */
typedef struct khash {
	int klen;           /* int64s per key */
	int64_t *keys;      /* n * klen */
	size_t n, cap;      /* entries, allocated keys */
	hindex ix;
} khash;
void stats_kh_init(khash *h, int klen);
void stats_kh_free(khash *h);
/* Index of key, adding it when absent (*added is set to 1 then, else 0). */
int stats_kh_put(khash *h, const int64_t *key, int *added);

#endif
