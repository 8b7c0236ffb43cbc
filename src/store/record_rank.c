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
	qsort(refs, n, sizeof *refs, cmp_key);
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
