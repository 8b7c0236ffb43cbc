/* record_rank.c: the paths of a decoded record ranked in path (strcmp) order (record_impl.h),
 * so that the decoder sorts and matches rows by small integers: the rows of one key are
 * grouped by their keys; the keys of ids without an instance are put in path order by their
 * templates' order in the path table, and only the other keys' paths are compared as text,
 * one path of each key. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/record_impl.h"

typedef struct ref {
	const char *path;
	const record_key *key;
	size_t row;               /* an answer's index, or n_answers + an event's */
	const struct ref *first;  /* the first ref of its key in key order */
	size_t order;             /* a first ref of kind 1: its template's order, or SIZE_MAX */
	size_t rank;              /* a first ref: its path's rank */
} ref;

/* A first ref of an id without an instance whose template's order is known: its path is that
 * template, and two such keys are two ids, so two templates and two texts. */
static int ordered(const ref *x)
{
	return x->key->kind == 1 && x->order != SIZE_MAX;
}

/* By kind; a text by strcmp, an id by the id (kind 1: the id alone is the key), an id and an
 * instance by both. */
static int cmp_key(const void *a, const void *b)
{
	const ref *x = a, *y = b;
	const record_key *p = x->key, *q = y->key;
	if (p->kind != q->kind)
		return (p->kind > q->kind) - (p->kind < q->kind);
	if (p->kind == 0)
		return strcmp(x->path, y->path);
	if (p->id != q->id || p->kind == 1)
		return (p->id > q->id) - (p->id < q->id);
	return (p->inst > q->inst) - (p->inst < q->inst);
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp((*(const ref *const *)a)->path, (*(const ref *const *)b)->path);
}

static int cmp_order(const void *a, const void *b)
{
	size_t x = (*(const ref *const *)a)->order, y = (*(const ref *const *)b)->order;
	return (x > y) - (x < y);
}

/* Keys of ids packed into one integer each, for the common record whose paths are all ids:
 * kind (2 bits), id (24), instance (18), the ref's index (20), compared as integers. */
#define PACK_ID_MAX ((1LL << 24) - 1)
#define PACK_INST_MAX ((1LL << 18) - 1)
#define PACK_N_MAX ((size_t)1 << 20)

static int packable(const ref *refs, size_t n)
{
	if (n >= PACK_N_MAX)
		return 0;
	for (size_t k = 0; k < n; k++) {
		const record_key *p = refs[k].key;
		if (p->kind < 1 || p->kind > 2 || p->id < 0 || p->id > PACK_ID_MAX || p->inst < 0 ||
		    p->inst > PACK_INST_MAX)
			return 0;
	}
	return 1;
}

/* v (n) sorted ascending, tmp (n) as room: a bottom-up merge sort, n log n however crafted. */
static void sort_u64(uint64_t *v, uint64_t *tmp, size_t n)
{
	uint64_t *from = v, *to = tmp;
	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, o = lo;
			while (i < mid && j < hi) {   /* without a branch on the data */
				uint64_t a = from[i], b = from[j];
				int right = b < a;
				to[o++] = right ? b : a;
				i += !right;
				j += right;
			}
			while (i < mid)
				to[o++] = from[i++];
			while (j < hi)
				to[o++] = from[j++];
		}
		uint64_t *t = from;
		from = to;
		to = t;
	}
	if (from != v)
		memcpy(v, from, n * sizeof *v);
}

/* by (n) := the refs (n) in cmp_key order: as packed integers when they fit (v: 2n of room),
 * else with qsort (the refs reordered). */
static void sort_by_key(ref *refs, size_t n, ref **by, uint64_t *v)
{
	if (!packable(refs, n)) {
		qsort(refs, n, sizeof *refs, cmp_key);
		for (size_t k = 0; k < n; k++)
			by[k] = &refs[k];
		return;
	}
	for (size_t k = 0; k < n; k++) {
		const record_key *p = refs[k].key;
		v[k] = (uint64_t)p->kind << 62 | (uint64_t)p->id << 38 |
		       (uint64_t)(p->kind == 1 ? 0 : p->inst) << 20 | k;
	}
	sort_u64(v, v + n, n);
	for (size_t k = 0; k < n; k++)
		by[k] = &refs[v[k] & (PACK_N_MAX - 1)];
}

/* out (n) := the refs of fo (n, their orders distinct) by order: as packed integers (an order
 * is below RECORD_MAX_PATH_ID, 2^24; v: 2n of room) when n fits, else with qsort. */
static void sort_by_order(ref **fo, size_t n, ref **out, uint64_t *v)
{
	if (n >= PACK_N_MAX) {
		qsort(fo, n, sizeof *fo, cmp_order);
		memcpy(out, fo, n * sizeof *fo);
		return;
	}
	for (size_t k = 0; k < n; k++)
		v[k] = (uint64_t)fo[k]->order << 20 | k;
	sort_u64(v, v + n, n);
	for (size_t k = 0; k < n; k++)
		out[k] = fo[v[k] & (PACK_N_MAX - 1)];
}

size_t record_rank_paths(const record_paths *paths, const record_rows *r,
			 const record_key *akey, const record_key *ekey, size_t *arank,
			 size_t *erank)
{
	size_t n = 0, na = r->n_answers, cap = na + r->n_events + 1;
	ref *refs = xcalloc(cap, sizeof *refs);
	ref **by = xcalloc(2 * cap, sizeof *by);   /* key order, then the first refs */
	uint64_t *v = xcalloc(2 * cap, sizeof *v);
	for (size_t k = 0; k < na; k++)
		refs[n++] = (ref){ .path = r->answers[k].path, .key = &akey[k], .row = k };
	for (size_t k = 0; k < r->n_events; k++) {
		erank[k] = SIZE_MAX;
		if (r->events[k].path)
			refs[n++] = (ref){ .path = r->events[k].path, .key = &ekey[k], .row = na + k };
	}
	/* one ref of each key (a key gives one path: rows of a key share it): the ordered ones
	 * (from by[n] on) sorted by their templates' order, which is path order, the others
	 * (down from by[2n - 1]) by path */
	sort_by_key(refs, n, by, v);
	ref **fo = by + n, **fx = by + 2 * n;
	size_t no = 0;
	for (size_t k = 0; k < n; k++) {
		ref *x = by[k];
		x->first = k > 0 && cmp_key(by[k - 1], x) == 0 ? by[k - 1]->first : x;
		if (x->first != x)
			continue;
		x->order = x->key->kind == 1 ? record_paths_order(paths, x->key->id) : SIZE_MAX;
		if (ordered(x))
			fo[no++] = x;
		else
			*--fx = x;
	}
	sort_by_order(fo, no, by, v);   /* into by[0 .. no): the refs in key order are done */
	fo = by;
	size_t nx = (size_t)(by + 2 * n - fx);
	qsort(fx, nx, sizeof *fx, cmp_path);
	/* both in path order, merged; equal texts (a path given as text and as an id) share a
	 * rank */
	size_t i = 0, j = 0, rank = 0;
	const ref *prev = NULL;
	while (i < no || j < nx) {
		ref *x;
		if (j == nx || (i < no && strcmp(fo[i]->path, fx[j]->path) <= 0))
			x = fo[i++];
		else
			x = fx[j++];
		if (prev && ((ordered(prev) && ordered(x)) || strcmp(prev->path, x->path) != 0))
			rank++;
		x->rank = rank;
		prev = x;
	}
	for (size_t k = 0; k < n; k++) {
		size_t row = refs[k].row;
		if (row < na)
			arank[row] = refs[k].first->rank;
		else
			erank[row - na] = refs[k].first->rank;
	}
	free(refs);
	free(by);
	free(v);
	return n ? rank + 1 : 0;
}
