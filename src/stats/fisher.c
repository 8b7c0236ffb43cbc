/* fisher.c: Fisher's exact test — 2x2 by the hypergeometric distribution; r x c by a staged
 * exact search within a work limit, else Monte Carlo over tables with the observed margins.
 *
 * The exact search (after Mehta and Patel's network algorithm, written from its description):
 * a table's probability is K / prod f_ij!, with K fixed by the margins. Columns are filled one
 * at a time; a partial table is known by the multiset of remaining row sums (its node) and by
 * its "past", sum log f_ij! of the filled columns. Partial tables with the same node and past
 * merge (their weights add). For each node, bounds on the "future" sum log f! of any completion
 * settle many partial tables at once: when every completion is at most as probable as the
 * observed table their total probability, which has a closed form, is added; when none is,
 * they are dropped; only the others are expanded to the next column. */
#include "stats/fisher.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>

#include "stats/stats_impl.h"
#include "util/util.h"

#define REL_TOL 1e-7            /* R: tables with p <= p_obs * (1 + 1e-7) count */
#define DEFAULT_WORK 1e6
#define DEFAULT_SAMPLES 10000

const char *stats_fisher_method_name(stats_fisher_method m)
{
	switch (m) {
	case STATS_FISHER_EXACT:
		return "exact";
	case STATS_FISHER_MONTE_CARLO:
		return "monte-carlo";
	default:
		return "none";
	}
}

/* A table of whole counts without empty rows or columns, rows the smaller dimension. */
typedef struct itab {
	int nr, nc;
	long *rows, *cols, *cell;   /* cell[i * nc + j] */
	long n;
} itab;

static void itab_free(itab *a)
{
	free(a->rows);
	free(a->cols);
	free(a->cell);
}

/* Fill a from t; transpose when allowed and rows outnumber columns. */
static const char *itab_make(const stats_table *t, int allow_transpose, itab *a)
{
	const char *why = stats_twoway_why(t);
	if (why)
		return why;
	if (!stats_table_is_whole(t))
		return "counts are not whole numbers";
	if (t->total > 1e9)
		return "counts are too large";
	stats_table c;
	stats_table_compact(t, &c, NULL, NULL);
	int tr = allow_transpose && c.nrow > c.ncol;
	a->nr = tr ? c.ncol : c.nrow;
	a->nc = tr ? c.nrow : c.ncol;
	a->rows = xcalloc(a->nr, sizeof(long));
	a->cols = xcalloc(a->nc, sizeof(long));
	a->cell = xcalloc((size_t)a->nr * a->nc, sizeof(long));
	a->n = 0;
	for (int i = 0; i < c.nrow; i++)
		for (int j = 0; j < c.ncol; j++) {
			long f = (long)stats_table_get(&c, i, j);
			int ii = tr ? j : i, jj = tr ? i : j;
			a->cell[(size_t)ii * a->nc + jj] = f;
			a->rows[ii] += f;
			a->cols[jj] += f;
			a->n += f;
		}
	stats_table_release(&c);
	return NULL;
}

/* --- 2x2 ----------------------------------------------------------------------------------- */

static void fisher_2x2(const itab *a, stats_fisher *out)
{
	long x = a->cell[0], m = a->cols[0], n = a->cols[1], k = a->rows[0];
	long lo = k - n > 0 ? k - n : 0, hi = k < m ? k : m;
	size_t len = (size_t)(hi - lo + 1);
	double *d = xmalloc(sizeof(double) * len), max = -INFINITY, sum = 0;
	for (long v = lo; v <= hi; v++) {
		double ld = stats_lfact(m) - stats_lfact(v) - stats_lfact(m - v)
		          + stats_lfact(n) - stats_lfact(k - v) - stats_lfact(n - k + v);
		d[v - lo] = ld;
		if (ld > max)
			max = ld;
	}
	for (size_t i = 0; i < len; i++)
		sum += d[i] = exp(d[i] - max);
	double obs = d[x - lo], two = 0, less = 0, greater = 0;
	for (long v = lo; v <= hi; v++) {
		double p = d[v - lo] / sum;
		if (d[v - lo] <= obs * (1 + REL_TOL))
			two += p;
		if (v <= x)
			less += p;
		if (v >= x)
			greater += p;
	}
	free(d);
	stats_value_set(&out->two_sided, obs / sum);
	out->two_sided.p = two > 1 ? 1 : two;
	stats_value_set(&out->less, obs / sum);
	out->less.p = less > 1 ? 1 : less;
	stats_value_set(&out->greater, obs / sum);
	out->greater.p = greater > 1 ? 1 : greater;
	out->method = STATS_FISHER_EXACT;
}

/* --- exact r x c --------------------------------------------------------------------------- */

/* One stage: the nodes (remaining row sums, sorted descending) and the merged partial tables
 * reaching them. */
typedef struct stage {
	khash nodes;          /* key: nr remaining row sums */
	double *minf, *maxf, *logt;
	int *bounded;
	double **fut;         /* two columns left: futures of all completions, ascending */
	double **lsuf;        /* log of sum of exp(-future) from each position on */
	size_t *nfut;
	size_t ncap;
	khash paths;          /* key: node index, past rounded to 1e-8 */
	double *past, *logw;  /* per path: exact past, log of the summed weights exp(-past) */
	int *pnode;
	size_t pcap;
} stage;

static void stage_init(stage *s, int nr)
{
	memset(s, 0, sizeof *s);
	stats_kh_init(&s->nodes, nr);
	stats_kh_init(&s->paths, 2);
}

static void stage_free(stage *s)
{
	stats_kh_free(&s->nodes);
	stats_kh_free(&s->paths);
	free(s->minf);
	free(s->maxf);
	free(s->logt);
	free(s->bounded);
	for (size_t i = 0; i < s->nodes.n; i++) {
		free(s->fut[i]);
		free(s->lsuf[i]);
	}
	free(s->fut);
	free(s->lsuf);
	free(s->nfut);
	free(s->past);
	free(s->logw);
	free(s->pnode);
}

static double logaddexp(double a, double b)
{
	if (a == -INFINITY)
		return b;
	if (b == -INFINITY)
		return a;
	return a > b ? a + log1p(exp(b - a)) : b + log1p(exp(a - b));
}

static void stage_add(stage *s, const int64_t *rows, double past, double logw)
{
	int added;
	int node = stats_kh_put(&s->nodes, rows, &added);
	if (added) {
		if (s->nodes.n > s->ncap) {
			s->ncap = s->ncap ? 2 * s->ncap : 256;
			s->minf = xreallocarray(s->minf, s->ncap, sizeof(double));
			s->maxf = xreallocarray(s->maxf, s->ncap, sizeof(double));
			s->logt = xreallocarray(s->logt, s->ncap, sizeof(double));
			s->bounded = xreallocarray(s->bounded, s->ncap, sizeof(int));
			s->fut = xreallocarray(s->fut, s->ncap, sizeof(double *));
			s->lsuf = xreallocarray(s->lsuf, s->ncap, sizeof(double *));
			s->nfut = xreallocarray(s->nfut, s->ncap, sizeof(size_t));
		}
		s->bounded[node] = 0;
		s->fut[node] = s->lsuf[node] = NULL;
		s->nfut[node] = 0;
	}
	int64_t pkey[2] = { node, llround(past * 1e8) };
	int p = stats_kh_put(&s->paths, pkey, &added);
	if (added) {
		if (s->paths.n > s->pcap) {
			s->pcap = s->pcap ? 2 * s->pcap : 256;
			s->past = xreallocarray(s->past, s->pcap, sizeof(double));
			s->logw = xreallocarray(s->logw, s->pcap, sizeof(double));
			s->pnode = xreallocarray(s->pnode, s->pcap, sizeof(int));
		}
		s->past[p] = past;
		s->logw[p] = logw;
		s->pnode[p] = node;
	} else {
		s->logw[p] = logaddexp(s->logw[p], logw);
	}
}

/* Largest sum of log x! over x_1..x_m >= 0 with sum x = total and x_i <= cap_i: fill the
 * largest caps first (log x! is convex). caps sorted descending. */
static double fill_max(long total, const long *caps, int m)
{
	double s = 0;
	for (int i = 0; i < m && total > 0; i++) {
		long x = caps[i] < total ? caps[i] : total;
		s += stats_lfact(x);
		total -= x;
	}
	return s;
}

/* Smallest such sum: spread as evenly as the caps allow. caps sorted ascending. */
static double fill_min(long total, const long *caps, int m)
{
	double s = 0;
	for (int i = 0; i < m; i++) {
		long slots = m - i, q = total / slots;
		if (caps[i] <= q) {
			s += stats_lfact(caps[i]);
			total -= caps[i];
			continue;
		}
		long extra = total % slots;
		s += extra * stats_lfact(q + 1) + (slots - extra) * stats_lfact(q);
		break;
	}
	return s;
}

static int cmp_asc(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

/* The number of vectors x with sum x = total and 0 <= x_i <= caps_i when it is above limit (or
 * a number above limit), else at most limit (possibly an upper bound of the count). */
static double count_vectors(long total, const long *caps, int m, double limit)
{
	double bound = 1;   /* all but one entry chosen freely: an upper bound on the count */
	for (int i = 0; i < m - 1 && bound <= limit; i++)
		bound *= (caps[i] < total ? caps[i] : total) + 1.0;
	if (bound <= limit)
		return bound;
	if (total > 1000000)
		return limit + 1;   /* too big to count cheaply: treat as too many */
	double *ways = xcalloc(total + 1, sizeof(double)), *pre = xmalloc(sizeof(double) * (total + 2));
	ways[0] = 1;
	for (int i = 0; i < m; i++) {
		pre[0] = 0;
		for (long v = 0; v <= total; v++)
			pre[v + 1] = pre[v] + ways[v];
		for (long v = 0; v <= total; v++) {
			long lo = v - caps[i] > 0 ? v - caps[i] : 0;
			ways[v] = pre[v + 1] - pre[lo];
			if (ways[v] > limit)
				ways[v] = limit + 1;   /* saturate: only "too many" matters */
		}
	}
	double n = ways[total];
	free(ways);
	free(pre);
	return n;
}

/* The search state shared by the recursion. */
typedef struct search {
	const itab *a;
	int k;                  /* column being filled */
	const int64_t *rows;    /* remaining row sums of the node being expanded */
	long *x;                /* the column being built */
	long *suffix;           /* suffix[i] = sum of rows[i..] */
	double past, logw;
	stage *next;
	double work, limit;
	int64_t *child;
	double *fut;            /* when collecting: futures of two-column completions */
	size_t nfut, capfut;
} search;

static int gen_column(search *s, int i, long rem, double inc)
{
	int nr = s->a->nr;
	if (i == nr - 1) {
		if (rem > s->rows[i])
			return 0;
		s->x[i] = rem;
		inc += stats_lfact(rem);
		if (s->fut) {   /* two columns left: the last one is what remains */
			for (int r = 0; r < nr; r++)
				inc += stats_lfact(s->rows[r] - s->x[r]);
			if (s->nfut == s->capfut) {
				s->capfut *= 2;
				s->fut = xreallocarray(s->fut, s->capfut, sizeof(double));
			}
			s->fut[s->nfut++] = inc;
			return ++s->work > s->limit ? -1 : 0;
		}
		/* child: remaining rows minus the column, sorted descending */
		for (int r = 0; r < nr; r++) {
			int64_t v = s->rows[r] - s->x[r];
			int q = r;
			while (q > 0 && s->child[q - 1] < v) {
				s->child[q] = s->child[q - 1];
				q--;
			}
			s->child[q] = v;
		}
		stage_add(s->next, s->child, s->past + inc, s->logw - inc);
		return ++s->work > s->limit ? -1 : 0;
	}
	long lo = rem - s->suffix[i + 1], hi = rem < s->rows[i] ? rem : s->rows[i];
	for (long v = lo > 0 ? lo : 0; v <= hi; v++) {
		s->x[i] = v;
		if (gen_column(s, i + 1, rem - v, inc + stats_lfact(v)) < 0)
			return -1;
	}
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Futures of every completion of a node with two columns left, sorted, with log suffix sums of
 * their weights exp(-future). Returns -1 when the work limit was reached. */
static int node_futures(search *s, stage *st, int node, long col)
{
	int nr = s->a->nr;
	s->capfut = 64;
	s->nfut = 0;
	s->fut = xmalloc(sizeof(double) * s->capfut);
	s->suffix[nr] = 0;
	for (int i = nr - 1; i >= 0; i--)
		s->suffix[i] = s->suffix[i + 1] + s->rows[i];
	int rc = gen_column(s, 0, col, 0);
	size_t n = s->nfut;
	double *f = s->fut, *l = xmalloc(sizeof(double) * (n + 1));
	s->fut = NULL;
	qsort(f, n, sizeof(double), cmp_double);
	l[n] = -INFINITY;
	for (size_t i = n; i-- > 0;)
		l[i] = logaddexp(l[i + 1], -f[i]);
	st->fut[node] = f;
	st->lsuf[node] = l;
	st->nfut[node] = n;
	return rc;
}

/* log of the summed weights of the completions whose future is at least need. */
static double futures_above(const stage *st, int node, double need)
{
	const double *f = st->fut[node];
	size_t lo = 0, hi = st->nfut[node];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f[mid] >= need)
			hi = mid;
		else
			lo = mid + 1;
	}
	return st->lsuf[node][lo];
}

/* Per stage k: the remaining columns k..nc-1 sorted descending (cdesc[k * nc ..]) and
 * ascending (casc), and the sum of their log c! (lcs[k]); cols is sorted ascending. */
static void column_orders(const long *cols, int nc, long *cdesc, long *casc, double *lcs)
{
	lcs[nc] = 0;
	for (int k = nc - 1; k >= 0; k--)
		lcs[k] = lcs[k + 1] + stats_lfact(cols[k]);
	for (int k = 0; k < nc; k++) {
		int m = nc - k;
		for (int q = 0; q < m; q++) {
			cdesc[k * nc + q] = cols[nc - 1 - q];
			casc[k * nc + q] = cols[k + q];
		}
	}
}

/* The bounds of a node of stage k (its remaining row sums rows[0..nr-1]): the least and most
 * sum of log x! of its completions (minf, maxf) and the log of their count's share (logt).
 * rdesc and rasc are work space of nr. */
static void node_bounds(stage *cur, int node, const int64_t *rows, int nr, int nc, int k,
			const long *cdesc, const long *casc, const double *lcs, long *rdesc,
			long *rasc)
{
	int m = nc - k;
	long nrem = 0;
	for (int i = 0; i < nr; i++) {
		rdesc[i] = rows[i];
		rasc[nr - 1 - i] = rows[i];
		nrem += rows[i];
	}
	double maxc = 0, minc = 0, maxr = 0, minr = 0, lr = 0;
	for (int j = 0; j < m; j++) {
		maxc += fill_max(cdesc[k * nc + j], rdesc, nr);
		minc += fill_min(cdesc[k * nc + j], rasc, nr);
	}
	for (int i = 0; i < nr; i++) {
		maxr += fill_max(rows[i], cdesc + k * nc, m);
		minr += fill_min(rows[i], casc + k * nc, m);
		lr += stats_lfact(rows[i]);
	}
	cur->maxf[node] = maxc < maxr ? maxc : maxr;
	cur->minf[node] = minc > minr ? minc : minr;
	cur->logt[node] = stats_lfact(nrem) - lr - lcs[k];
	cur->bounded[node] = 1;
}

/* The network search of fisher_exact_rxc: the columns in the order filled, per stage their
 * sorted remainders, the constants of the probability, and work space. */
typedef struct rxc {
	const itab *a;
	int nr, nc;
	long *cols;            /* column sums, ascending: small columns first, less work */
	long *cdesc, *casc;    /* per stage k: columns k..nc-1 descending and ascending */
	double *lcs;           /* per stage k: sum of their log c! */
	double k_const;        /* log of the probability's constant part */
	double need_total;     /* a table at least as extreme has sum of log x! at least this */
	long *rdesc, *rasc;    /* node_bounds' work space */
	search s;
	double p;              /* probability of the tables found so far */
} rxc;

/* Phase 1: the columns, the constants and the work space; the first stage holds the start
 * node (all row sums left). -1 (nothing allocated) when the largest column alone has more
 * fillings than limit: the search could not finish. */
static int rxc_init(rxc *r, const itab *a, double limit, stage *first)
{
	int nr = a->nr, nc = a->nc;
	memset(r, 0, sizeof *r);
	r->a = a;
	r->nr = nr;
	r->nc = nc;
	r->cols = xmalloc(sizeof(long) * nc);
	memcpy(r->cols, a->cols, sizeof(long) * nc);
	qsort(r->cols, nc, sizeof(long), cmp_asc);
	if (count_vectors(r->cols[nc - 1], a->rows, nr, limit) > limit) {
		free(r->cols);
		return -1;
	}
	r->cdesc = xmalloc(sizeof(long) * nc * nc);
	r->casc = xmalloc(sizeof(long) * nc * nc);
	r->lcs = xmalloc(sizeof(double) * (nc + 1));
	column_orders(r->cols, nc, r->cdesc, r->casc, r->lcs);
	double s_obs = 0;
	r->k_const = -stats_lfact(a->n) + r->lcs[0];
	for (int i = 0; i < nr; i++)
		r->k_const += stats_lfact(a->rows[i]);
	for (size_t q = 0; q < (size_t)nr * nc; q++)
		s_obs += stats_lfact(a->cell[q]);
	r->need_total = s_obs - log1p(REL_TOL);

	int64_t *start = xmalloc(sizeof(int64_t) * nr);
	for (int i = 0; i < nr; i++)
		start[i] = a->rows[i];
	for (int i = 1; i < nr; i++)   /* sort descending */
		for (int q = i; q > 0 && start[q - 1] < start[q]; q--) {
			int64_t tmp = start[q];
			start[q] = start[q - 1];
			start[q - 1] = tmp;
		}
	stage_init(first, nr);
	stage_add(first, start, 0, 0);
	free(start);
	r->rdesc = xmalloc(sizeof(long) * nr);
	r->rasc = xmalloc(sizeof(long) * nr);
	r->s = (search){ .a = a, .x = xmalloc(sizeof(long) * nr),
			 .suffix = xmalloc(sizeof(long) * (nr + 1)), .limit = limit,
			 .child = xmalloc(sizeof(int64_t) * nr) };
	return 0;
}

static void rxc_free(rxc *r)
{
	free(r->cols);
	free(r->cdesc);
	free(r->casc);
	free(r->lcs);
	free(r->rdesc);
	free(r->rasc);
	free(r->s.x);
	free(r->s.suffix);
	free(r->s.child);
}

/* Phase 2, one path of stage k (its node's remaining row sums): its tables all count (added
 * to r->p), none can, or it is expanded into the next stage (the last two columns at once).
 * -1 when the work limit was reached. */
static int rxc_path(rxc *r, stage *cur, size_t pi, int k)
{
	int nr = r->nr, nc = r->nc;
	search *s = &r->s;
	int node = cur->pnode[pi];
	const int64_t *rows = cur->nodes.keys + (size_t)node * nr;
	if (!cur->bounded[node])
		node_bounds(cur, node, rows, nr, nc, k, r->cdesc, r->casc, r->lcs, r->rdesc,
			    r->rasc);
	double need = r->need_total - cur->past[pi];
	if (cur->minf[node] >= need) {
		r->p += exp(r->k_const + cur->logw[pi] + cur->logt[node]);
		return 0;
	}
	if (cur->maxf[node] < need || k == nc - 1)
		return 0;
	s->rows = rows;
	if (k == nc - 2) {
		if (!cur->fut[node] && node_futures(s, cur, node, r->cols[k]) < 0)
			return -1;
		double l = futures_above(cur, node, need);
		if (l > -INFINITY)
			r->p += exp(r->k_const + cur->logw[pi] + l);
		return ++s->work > s->limit ? -1 : 0;
	}
	s->suffix[nr] = 0;
	for (int i = nr - 1; i >= 0; i--)
		s->suffix[i] = s->suffix[i + 1] + rows[i];
	s->past = cur->past[pi];
	s->logw = cur->logw[pi];
	return gen_column(s, 0, r->cols[k], 0) < 0 ? -1 : 0;
}

/* Exact two-sided p, or -1 when the work limit was reached. */
static double fisher_exact_rxc(const itab *a, double limit, double *work)
{
	rxc r;
	stage cur, next;
	if (rxc_init(&r, a, limit, &cur) < 0) {
		*work = 0;
		return -1;
	}
	int aborted = 0;
	for (int k = 0; k < r.nc && !aborted; k++) {   /* phase 2: a stage per column */
		stage_init(&next, r.nr);
		r.s.next = &next;
		r.s.k = k;
		for (size_t pi = 0; pi < cur.paths.n && !aborted; pi++)
			aborted = rxc_path(&r, &cur, pi, k) < 0;
		stage_free(&cur);
		cur = next;
	}
	stage_free(&cur);   /* phase 3 */
	rxc_free(&r);
	*work = r.s.work;
	if (aborted)
		return -1;
	return r.p > 1 ? 1 : r.p;
}

/* --- Monte Carlo --------------------------------------------------------------------------- */

static double lchoose(long n, long k)
{
	return stats_lfact(n) - stats_lfact(k) - stats_lfact(n - k);
}

/* Successes in `draws` draws without replacement from good + bad: inversion by a chop-down
 * search outward from the mode, O(standard deviation) steps. */
static long rhyper(gsl_rng *rng, long good, long bad, long draws)
{
	long n = good + bad;
	long lo = draws - bad > 0 ? draws - bad : 0, hi = draws < good ? draws : good;
	if (lo >= hi)
		return lo;
	long mode = (long)floor((draws + 1.0) * (good + 1.0) / (n + 2.0));
	if (mode < lo)
		mode = lo;
	if (mode > hi)
		mode = hi;
	double pm = exp(lchoose(good, mode) + lchoose(bad, draws - mode) - lchoose(n, draws));
	double u = gsl_rng_uniform(rng) - pm;
	if (u <= 0)
		return mode;
	double pu = pm, pd = pm;
	long xu = mode, xd = mode;
	while (xu < hi || xd > lo) {
		if (xu < hi) {
			pu *= (double)(good - xu) * (draws - xu) / ((xu + 1.0) * (bad - draws + xu + 1.0));
			xu++;
			if ((u -= pu) <= 0)
				return xu;
		}
		if (xd > lo) {
			pd *= (double)xd * (bad - draws + xd) / ((good - xd + 1.0) * (draws - xd + 1.0));
			xd--;
			if ((u -= pd) <= 0)
				return xd;
		}
	}
	return mode;   /* rounding left a sliver of probability: give it to the mode */
}

static void fisher_monte_carlo(const itab *a, long samples, unsigned long seed,
                               stats_fisher *out)
{
	int nr = a->nr, nc = a->nc;
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, seed);
	long *rem = xmalloc(sizeof(long) * nr);
	double s_obs = 0;
	for (size_t q = 0; q < (size_t)nr * nc; q++)
		s_obs += stats_lfact(a->cell[q]);
	double cut = s_obs / (1 + 64 * 2.220446049250313e-16);   /* R's almost.1 */
	long hits = 0;
	for (long b = 0; b < samples; b++) {
		memcpy(rem, a->rows, sizeof(long) * nr);
		double s = 0;
		for (int j = 0; j < nc - 1; j++) {
			long need = a->cols[j], pool = 0;
			for (int i = 0; i < nr; i++)
				pool += rem[i];
			for (int i = 0; i < nr - 1 && need > 0; i++) {
				pool -= rem[i];
				long v = rhyper(rng, rem[i], pool, need);
				rem[i] -= v;
				need -= v;
				s += stats_lfact(v);
			}
			if (need > 0) {
				rem[nr - 1] -= need;
				s += stats_lfact(need);
			}
		}
		for (int i = 0; i < nr; i++)
			s += stats_lfact(rem[i]);
		if (s >= cut)
			hits++;
	}
	free(rem);
	gsl_rng_free(rng);
	double p = (1.0 + hits) / (samples + 1.0);
	stats_value_set(&out->two_sided, NAN);
	out->two_sided.p = p;
	out->method = STATS_FISHER_MONTE_CARLO;
	out->samples = samples;
	out->mc_se = sqrt(p * (1 - p) / samples);
}

/* --- entry --------------------------------------------------------------------------------- */

/* Probability of the observed table given its margins. */
static double observed_prob(const itab *a)
{
	double l = -stats_lfact(a->n);
	for (int i = 0; i < a->nr; i++)
		l += stats_lfact(a->rows[i]);
	for (int j = 0; j < a->nc; j++)
		l += stats_lfact(a->cols[j]);
	for (size_t q = 0; q < (size_t)a->nr * a->nc; q++)
		l -= stats_lfact(a->cell[q]);
	return exp(l);
}

void stats_fisher_test(const stats_table *t, const stats_fisher_opts *opts, stats_fisher *out)
{
	stats_init();
	memset(out, 0, sizeof *out);
	stats_value_clear(&out->two_sided);
	stats_value_na(&out->less, "table is not 2x2");
	stats_value_na(&out->greater, "table is not 2x2");
	itab a;
	const char *why = itab_make(t, 1, &a);
	if (why) {
		stats_value_na(&out->two_sided, why);
		stats_value_na(&out->less, why);
		stats_value_na(&out->greater, why);
		return;
	}
	double limit = opts && opts->work_limit > 0 ? opts->work_limit : DEFAULT_WORK;
	long samples = opts && opts->samples > 0 ? opts->samples : DEFAULT_SAMPLES;
	if (a.nr == 2 && a.nc == 2) {
		itab_free(&a);
		itab_make(t, 0, &a);   /* one-sided p refer to the cell as oriented */
		fisher_2x2(&a, out);
	} else {
		double p = -1;
		if (!(opts && opts->monte_carlo))
			p = fisher_exact_rxc(&a, limit, &out->work);
		if (p >= 0) {
			stats_value_set(&out->two_sided, observed_prob(&a));
			out->two_sided.p = p;
			out->method = STATS_FISHER_EXACT;
		} else {
			fisher_monte_carlo(&a, samples, opts ? opts->seed : 0, out);
			out->two_sided.value = observed_prob(&a);
		}
	}
	itab_free(&a);
}
