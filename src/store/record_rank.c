/* record_rank.c: the paths of a decoded record ranked in path (strcmp) order (record_impl.h),
 * so that the decoder sorts and matches rows by small integers: the rows of one key are
 * grouped by their keys, and only one path of each key is compared as text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/record_impl.h"

typedef struct ref {
	const char *path;
	const record_key *key;
	size_t row;   /* an answer's index, or n_answers + an event's */
} ref;

static int cmp_key(const void *a, const void *b)
{
	const ref *x = a, *y = b;
	const record_key *p = x->key, *q = y->key;
	if (p->kind != q->kind)
		return (p->kind > q->kind) - (p->kind < q->kind);
	if (p->kind == 0)
		return strcmp(x->path, y->path);
	if (p->id != q->id)
		return (p->id > q->id) - (p->id < q->id);
	return (p->inst > q->inst) - (p->inst < q->inst);
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp((*(const ref *const *)a)->path, (*(const ref *const *)b)->path);
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
	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, o = lo;
			while (i < mid && j < hi)
				tmp[o++] = v[j] < v[i] ? v[j++] : v[i++];
			while (i < mid)
				tmp[o++] = v[i++];
			while (j < hi)
				tmp[o++] = v[j++];
		}
		memcpy(v, tmp, n * sizeof *v);
	}
}

/* refs (n) sorted by cmp_key: as packed integers when they fit, else with qsort. */
static void sort_by_key(ref *refs, size_t n)
{
	if (!packable(refs, n)) {
		qsort(refs, n, sizeof *refs, cmp_key);
		return;
	}
	uint64_t *v = xcalloc(2 * n + 1, sizeof *v);
	ref *copy = xcalloc(n + 1, sizeof *copy);
	for (size_t k = 0; k < n; k++) {
		const record_key *p = refs[k].key;
		v[k] = (uint64_t)p->kind << 62 | (uint64_t)p->id << 38 | (uint64_t)p->inst << 20 | k;
	}
	sort_u64(v, v + n, n);
	memcpy(copy, refs, n * sizeof *refs);
	for (size_t k = 0; k < n; k++)
		refs[k] = copy[v[k] & (PACK_N_MAX - 1)];
	free(v);
	free(copy);
}

size_t record_rank_paths(const record_rows *r, const record_key *akey, const record_key *ekey,
			 size_t *arank, size_t *erank)
{
	size_t n = 0, na = r->n_answers;
	ref *refs = xcalloc(na + r->n_events + 1, sizeof *refs);
	for (size_t k = 0; k < na; k++)
		refs[n++] = (ref){ r->answers[k].path, &akey[k], k };
	for (size_t k = 0; k < r->n_events; k++) {
		erank[k] = SIZE_MAX;
		if (r->events[k].path)
			refs[n++] = (ref){ r->events[k].path, &ekey[k], na + k };
	}
	/* one representative of each key (a key gives one path: rows of a key share it) */
	sort_by_key(refs, n);
	ref **first = xcalloc(n + 1, sizeof *first);
	size_t *group = xcalloc(n + 1, sizeof *group), ng = 0;   /* by ref */
	for (size_t k = 0; k < n; k++) {
		if (k == 0 || cmp_key(&refs[k - 1], &refs[k]) != 0)
			first[ng++] = &refs[k];
		group[k] = ng - 1;
	}
	/* the representatives in path order; equal texts (a path given as text and as an id)
	 * share a rank */
	qsort(first, ng, sizeof *first, cmp_path);
	size_t *rank_of = xcalloc(ng + 1, sizeof *rank_of), rank = 0;   /* by group */
	for (size_t k = 0; k < ng; k++) {
		if (k > 0 && strcmp(first[k - 1]->path, first[k]->path) != 0)
			rank++;
		rank_of[group[first[k] - refs]] = rank;
	}
	for (size_t k = 0; k < n; k++) {
		size_t row = refs[k].row;
		if (row < na)
			arank[row] = rank_of[group[k]];
		else
			erank[row - na] = rank_of[group[k]];
	}
	free(refs);
	free(first);
	free(group);
	free(rank_of);
	return ng ? rank + 1 : 0;
}
