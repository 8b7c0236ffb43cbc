/* expr_shuffle.c: randomize(nodes[, seed]) with ODK's seeded shuffle (Park-Miller "minimal
 * standard" generator driving the inside-out Fisher-Yates shuffle, as JavaRosa and Enketo do,
 * so a seed orders choices the same on a phone and here), and XPath 1.0's substring(). */
#include "form/expr_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

#define PM_MOD 2147483647LL

void expr_shuffle(void **items, int n, long long seed)
{
	if (n < 2)
		return;
	long long s = seed % PM_MOD;
	if (s <= 0)
		s += PM_MOD - 1;
	void **res = xcalloc((size_t)n, sizeof *res);
	for (int i = 0; i < n; i++) {
		s = s * 16807 % PM_MOD;
		double f = (double)(s - 1) / (double)(PM_MOD - 1);
		int j = (int)floor(f * (i + 1));
		if (j != i)
			res[i] = res[j];
		res[j] = items[i];
	}
	memcpy(items, res, (size_t)n * sizeof *items);
	free(res);
}

/* randomize(nodes[, seed]): the nodes in a random order; with a seed, ODK's order for it.
 * Without a seed the evaluation's generator picks one (fixed per interview and position). */
EXPR_FN(expr_fn_randomize)
{
	double seed;
	if (expr_ev_kid(cx, n, 0, out) < 0)
		return -1;
	if (out->type != EXPR_NODES) {
		val_release(out);
		return errf(cx->err, "randomize() needs a list of values, such as ${q} in a repeat");
	}
	if (n->nkids > 1) {
		if (expr_arg_num(cx, n, 1, &seed) < 0) {
			val_release(out);
			return -1;
		}
		if (isnan(seed) || isinf(seed)) {
			val_release(out);
			return errf(cx->err, "randomize(): the seed is not a number");
		}
	} else {
		double r;
		val tmp;
		if (expr_fn_random(cx, n, &tmp) < 0)
			return -1;
		r = val_num(&tmp);
		seed = floor(r * 2147483646.0) + 1;
	}
	expr_shuffle((void **)out->nodes.items, out->nodes.n, expr_to_ll(trunc(seed)));
	return 0;
}

/* substring(s, start[, len]): XPath 1.0 — characters from position start (1-based, rounded)
 * for len (rounded) characters */
static void substring_range(double a, double b, int has_b, double nc, double *from, double *to)
{
	double first = floor(a + 0.5), last = has_b ? first + floor(b + 0.5) : INFINITY;
	/* characters p (1-based) with first <= p < last; NaN compares false: nothing */
	double p1 = isnan(first) ? nc + 1 : first < 1 ? 1 : first;
	double p2 = isnan(last) ? 1 : last > nc + 1 ? nc + 1 : last;
	*from = p1 < p2 ? p1 - 1 : 0;
	*to = p1 < p2 ? p2 - 1 : 0;
}

EXPR_FN(expr_fn_substring)
{
	return expr_substring_by(cx, n, out, substring_range);
}
