/* merge_dups.c: the keys of the output's interviews held in memory for a merge run, and the
 * likely duplicates of the interviews an input touched found there (merge_impl.h, "dupset"):
 * two sorted arrays (by uuid; by group — a hash of form and keys, then form and keys — and
 * uuid) kept in step by merging, so that an input costs a pass over them and a sort of its own
 * interviews, however crafted its answers. */
#include "store/merge_impl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

struct dup_entry {
	const char *uuid, *form_id, *kv, *label;   /* in text, below */
	uint64_t group;       /* a hash of form_id and kv: groups ordered by it first */
	int gone;             /* removed: its uuid was touched again */
	int touched;          /* among the touched uuids of the last commit */
	char text[];          /* the four strings, one allocation with the entry */
};

static int by_uuid(const void *a, const void *b)
{
	return strcmp((*(struct dup_entry *const *)a)->uuid, (*(struct dup_entry *const *)b)->uuid);
}

/* Groups (interviews of one form with the same keys) in the order of their hash, then of their
 * texts: any order that keeps a group together does, and most comparisons end at the hash. */
static int group_cmp(const struct dup_entry *x, const struct dup_entry *y)
{
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	int c = strcmp(x->form_id, y->form_id);
	if (!c)
		c = strcmp(x->kv, y->kv);
	return c;
}

static int by_group(const void *a, const void *b)
{
	const struct dup_entry *x = *(struct dup_entry *const *)a, *y = *(struct dup_entry *const *)b;
	int c = group_cmp(x, y);
	return c ? c : strcmp(x->uuid, y->uuid);
}

static void entry_free(struct dup_entry *e)
{
	free(e);
}

void dupset_release(dupset *d)
{
	for (size_t k = 0; k < d->n; k++)
		entry_free(d->by_uuid[k]);
	for (size_t k = 0; k < d->nstaged; k++)
		entry_free(d->staged[k]);
	free(d->by_uuid);
	free(d->by_group);
	free(d->staged);
	memset(d, 0, sizeof *d);
}

void dupset_stage(dupset *d, const char *uuid, const char *form_id, const char *kv,
		  const char *label)
{
	const char *from[4] = { uuid, form_id, kv, label };
	size_t len[4], all = 0;
	for (int k = 0; k < 4; k++)
		all += (len[k] = strlen(from[k])) + 1;
	struct dup_entry *e = xmalloc(sizeof *e + all);
	e->gone = e->touched = 0;
	e->group = 14695981039346656037ULL;   /* FNV-1a of form_id, its NUL, kv */
	for (size_t k = 0; k < len[1] + 1 + len[2]; k++) {
		e->group ^= (unsigned char)(k <= len[1] ? form_id[k] : kv[k - len[1] - 1]);
		e->group *= 1099511628211ULL;
	}
	const char **to[4] = { &e->uuid, &e->form_id, &e->kv, &e->label };
	char *at = e->text;
	for (int k = 0; k < 4; k++) {
		*to[k] = memcpy(at, from[k], len[k] + 1);
		at += len[k] + 1;
	}
	if (d->nstaged == d->staged_cap) {
		d->staged_cap = d->staged_cap ? d->staged_cap * 2 : 256;
		d->staged = xreallocarray(d->staged, d->staged_cap, sizeof *d->staged);
	}
	d->staged[d->nstaged++] = e;
}

/* Each of the n entries of a (in uuid order) touched when its uuid is among the nt uuids t (in
 * uuid order too): one walk along both. */
static void mark_touched(struct dup_entry **a, size_t n, const char *const *t, size_t nt)
{
	for (size_t k = 0, j = 0; k < n; k++) {
		int c = 1;
		while (j < nt && (c = strcmp(t[j], a[k]->uuid)) < 0)
			j++;
		a[k]->touched = j < nt && c == 0;
	}
}

/* out (room for na + nb) := the sorted a and b merged, leaving out entries gone; its length. */
static size_t merge_sorted(struct dup_entry **out, struct dup_entry **a, size_t na,
			   struct dup_entry **b, size_t nb, int (*cmp)(const void *, const void *))
{
	size_t i = 0, j = 0, o = 0;
	while (i < na || j < nb) {
		struct dup_entry **next = j >= nb || (i < na && cmp(&a[i], &b[j]) <= 0) ? &a[i++] :
			&b[j++];
		if (!(*next)->gone)
			out[o++] = *next;
	}
	return o;
}

void dupset_commit(dupset *d, int all, const char *const *t, size_t nt)
{
	mark_touched(d->by_uuid, d->n, t, nt);
	for (size_t k = 0; k < d->n; k++) {
		struct dup_entry *e = d->by_uuid[k];
		e->gone = all || e->touched;
		e->touched = 0;   /* kept: not touched */
	}
	size_t room = d->n + d->nstaged + 1;
	struct dup_entry **u = xcalloc(room, sizeof *u), **g = xcalloc(room, sizeof *g);
	if (d->nstaged > 1)
		qsort(d->staged, d->nstaged, sizeof *d->staged, by_uuid);
	mark_touched(d->staged, d->nstaged, t, nt);
	size_t nu = merge_sorted(u, d->by_uuid, d->n, d->staged, d->nstaged, by_uuid);
	if (d->nstaged > 1)
		qsort(d->staged, d->nstaged, sizeof *d->staged, by_group);
	merge_sorted(g, d->by_group, d->n, d->staged, d->nstaged, by_group);   /* the same nu */
	for (size_t k = 0; k < d->n; k++)
		if (d->by_uuid[k]->gone)
			entry_free(d->by_uuid[k]);
	free(d->by_uuid);
	free(d->by_group);
	free(d->staged);
	d->staged = NULL;
	d->nstaged = d->staged_cap = 0;
	d->by_uuid = u;
	d->by_group = g;
	d->n = nu;
}

/* The first entry of by_group not before (form_id, kv) of e. */
static size_t group_start(const dupset *d, const struct dup_entry *e)
{
	size_t lo = 0, hi = d->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (group_cmp(d->by_group[mid], e) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The entry of uuid in by_uuid, or NULL. */
static const struct dup_entry *find(const dupset *d, const char *uuid)
{
	size_t lo = 0, hi = d->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(d->by_uuid[mid]->uuid, uuid);
		if (!c)
			return d->by_uuid[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Where a pair's strings start in the text of the pairs (offsets while it grows). */
struct pair_at {
	size_t uuid, other, keys;
};

void dupset_pairs(const dupset *d, const char *const *t, size_t nt, merge_dup **out, int *n,
		  char **text)
{
	*out = NULL;
	*n = 0;
	*text = NULL;
	size_t cap = 0;
	struct pair_at *at = NULL;
	strbuf sb = STRBUF_INIT;
	for (size_t k = 0; k < nt; k++) {
		const struct dup_entry *e = find(d, t[k]);
		if (!e)
			continue;
		size_t uuid = SIZE_MAX, keys = 0;   /* e's strings, added with its first pair */
		for (size_t g = group_start(d, e); g < d->n && !group_cmp(d->by_group[g], e); g++) {
			const struct dup_entry *o = d->by_group[g];
			/* a pair of two touched interviews once, from the smaller uuid */
			if (o == e || (o->touched && strcmp(o->uuid, e->uuid) < 0))
				continue;
			if (uuid == SIZE_MAX) {
				uuid = sb.len;
				sb_add(&sb, e->uuid, strlen(e->uuid) + 1);
				keys = sb.len;
				sb_add(&sb, e->label, strlen(e->label) + 1);
			}
			if ((size_t)*n == cap) {
				cap = cap ? cap * 2 : 64;
				at = xreallocarray(at, cap, sizeof *at);
			}
			at[*n] = (struct pair_at){ uuid, sb.len, keys };
			sb_add(&sb, o->uuid, strlen(o->uuid) + 1);
			(*n)++;
		}
	}
	if (!*n)
		return;
	*text = sb_detach(&sb);
	*out = xreallocarray(NULL, (size_t)*n, sizeof **out);
	for (int k = 0; k < *n; k++)
		(*out)[k] = (merge_dup){ *text + at[k].uuid, *text + at[k].other, *text + at[k].keys };
	free(at);
}
