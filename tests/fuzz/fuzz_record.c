/* fuzz_record.c: libFuzzer harness for the record codec of issue 18 (store/record.h) — any
 * bytes as a record's two texts (answers, then events after the first newline) from a hostile
 * file: decoded (whole, and answers only) or refused with one line, never a crash; what decodes
 * encodes to a canonical record that decodes to the same rows and encodes to the same bytes
 * again (record_check). record_check of the bytes themselves (its pooled, ranked decoding)
 * agrees with the plain decoder and encoder: it accepts exactly what decodes and encodes back
 * to the same bytes, with the same rows; and the walk of the answers alone (record_answers_each)
 * reads the answers the decoder gives, and its walk of the first slots only
 * (record_answers_each_until) the same answers of those slots. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record.h"
#include "util/util.h"

/* a/z: the ids' order is not their templates' (the decoder orders ids by their templates) */
static const long long ids[] = { 1, 2, 3, 5, 7, 8 };
static const char *const templates[] = { "g/a", "g/b", "rep[%]/name", "rep[%]/age", "h/c",
					 "a/z" };

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const record_answer *)a)->path, ((const record_answer *)b)->path);
}

/* The same rows, the answers in any order (record_check gives them in path order). */
static int same_rows(const record_rows *x, record_rows *y)
{
	if (x->n_answers != y->n_answers || x->n_events != y->n_events)
		return 0;
	qsort(y->answers, y->n_answers, sizeof *y->answers, by_path);
	for (size_t k = 0; k < x->n_answers; k++) {
		const record_answer *a = &x->answers[k], *b = &y->answers[k];
		if (!same(a->path, b->path) || !same(a->value, b->value) ||
		    !same(a->state, b->state) || !same(a->modified, b->modified))
			return 0;
	}
	for (size_t k = 0; k < x->n_events; k++) {
		const record_event *a = &x->events[k], *b = &y->events[k];
		if (a->seq != b->seq || a->offset_ms != b->offset_ms || !same(a->at, b->at) ||
		    !same(a->kind, b->kind) || !same(a->path, b->path) ||
		    !same(a->old_value, b->old_value) || !same(a->new_value, b->new_value) ||
		    !same(a->old_state, b->old_state) || !same(a->new_state, b->new_state))
			return 0;
	}
	return 1;
}

/* The answers record_answers_each walks, each as "path\x1fvalue\x1fstate" (value "\x1e" when
 * none). */
typedef struct seen {
	char **v;
	size_t n;
} seen;

static char *triple(const char *path, const char *value, const char *state)
{
	return xasprintf("%s\x1f%s\x1f%s", path, value ? value : "\x1e", state);
}

static int collect(void *arg, const char *path, const char *value, const char *state)
{
	seen *w = arg;
	if (!path || !state)
		abort();
	w->v = xreallocarray(w->v, w->n + 1, sizeof *w->v);
	w->v[w->n++] = triple(path, value, state);
	return 0;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void seen_free(seen *w)
{
	for (size_t k = 0; k < w->n; k++)
		free(w->v[k]);
	free(w->v);
}

/* The walk with slots: each answer's slot kept beside its triple. */
typedef struct slotted {
	seen w;
	long long *slot;
} slotted;

static int collect_slot(void *arg, long long slot, int instance, const char *path,
			const char *value, const char *state)
{
	slotted *s = arg;
	s->slot = xreallocarray(s->slot, s->w.n + 1, sizeof *s->slot);
	s->slot[s->w.n] = slot;
	return collect(&s->w, path, value, state);
}

/* record_answers_each_until(last, keep) of a text the whole walk reads: the same answers as
 * the walk, in the same order, for the slots up to last it keeps, and no other. */
static void check_until(const record_paths *paths, const char *text, size_t alen, long long last,
			const unsigned char *keep)
{
	char err[ERR_MAX];
	slotted all = { 0 };
	seen upto = { 0 };
	if (record_answers_each_slot(paths, text, alen, collect_slot, &all, err) != 0)
		fprintf(stderr, "record_answers_each_slot refuses what the walk reads\n"), abort();
	if (record_answers_each_until(paths, text, alen, last, keep, collect, &upto, err) != 0)
		fprintf(stderr, "record_answers_each_until %lld refuses what the walk reads: %s\n",
			last, err), abort();
	size_t j = 0;
	for (size_t k = 0; k < all.w.n; k++) {
		if (all.slot[k] > last || (all.slot[k] > 0 && keep && !keep[all.slot[k]]))
			continue;
		if (j >= upto.n || strcmp(all.w.v[k], upto.v[j]) != 0)
			fprintf(stderr, "record_answers_each_until %lld differs\n", last), abort();
		j++;
	}
	if (j != upto.n)
		fprintf(stderr, "record_answers_each_until %lld reads more\n", last), abort();
	seen_free(&all.w);
	free(all.slot);
	seen_free(&upto);
}

/* Does the walk of the answers give the decoded answers, in any order? */
static int same_walk(seen *w, const record_rows *r)
{
	if (w->n != r->n_answers)
		return 0;
	seen d = { xcalloc(r->n_answers + 1, sizeof *d.v), r->n_answers };
	for (size_t k = 0; k < r->n_answers; k++)
		d.v[k] = triple(r->answers[k].path, r->answers[k].value, r->answers[k].state);
	if (d.n > 1) {
		qsort(w->v, w->n, sizeof *w->v, by_text);
		qsort(d.v, d.n, sizeof *d.v, by_text);
	}
	int same = 1;
	for (size_t k = 0; k < d.n && same; k++)
		same = strcmp(w->v[k], d.v[k]) == 0;
	seen_free(&d);
	return same;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t len)
{
	static record_paths *paths;
	char err[ERR_MAX];
	if (!paths)
		paths = record_paths_new(ids, templates, sizeof ids / sizeof *ids, err);
	const char *text = (const char *)data, *nl = memchr(text, '\n', len);
	if (!nl)
		return 0;
	const char *created = len % 2 ? "2021-10-03T19:00:00.000Z" : "2021-10-03T19:00:00+06:00";
	record_rows r, back, checked;
	seen walked = { 0 };
	size_t alen = (size_t)(nl - text), elen = len - alen - 1;
	char cerr[ERR_MAX];
	int ok = record_check(paths, created, "0f", text, alen, nl + 1, elen, &checked, cerr) == 0;
	if (!ok && (!cerr[0] || strchr(cerr, '\n')))
		fprintf(stderr, "a refusal that is not one line: '%s'\n", cerr), abort();
	int walk = record_answers_each(paths, text, (size_t)(nl - text), collect, &walked, err);
	if (walk < 0 && (!err[0] || strchr(err, '\n')))
		fprintf(stderr, "a refusal that is not one line: '%s'\n", err), abort();
	/* a prefix of the slots read, some skipped (by the length's bits): the same answers; of a
	 * text it refuses, no crash */
	long long last = (long long)(len % 9) - 1;
	unsigned char keep[8];
	for (int s = 0; s < 8; s++)
		keep[s] = (len >> (4 + s)) & 1;
	const unsigned char *kept = (len >> 3) & 1 ? keep : NULL;
	if (walk == 0)
		check_until(paths, text, alen, last, kept);
	else if (record_answers_each_until(paths, text, alen, last, kept, collect, &walked, err) &&
		 (!err[0] || strchr(err, '\n')))
		fprintf(stderr, "a refusal that is not one line: '%s'\n", err), abort();
	if (record_decode(paths, created, "0f", text, (size_t)(nl - text), nl + 1,
			  len - (size_t)(nl - text) - 1, &r, err)) {
		if (!err[0] || strchr(err, '\n'))
			fprintf(stderr, "a refusal that is not one line: '%s'\n", err), abort();
		if (ok)
			fprintf(stderr, "checked but does not decode: %s\n", err), abort();
		seen_free(&walked);
		return 0;
	}
	/* what decodes whole, the walk of its answers reads the same */
	if (walk != 0 || !same_walk(&walked, &r))
		fprintf(stderr, "record_answers_each differs from record_decode\n"), abort();
	seen_free(&walked);
	char *a = NULL, *e = NULL;
	int encoded = record_encode(paths, created, "0f", &r, &a, &e, err) == 0;
	int canonical = encoded && strlen(a) == alen && memcmp(a, text, alen) == 0 &&
			strlen(e) == elen && memcmp(e, nl + 1, elen) == 0;
	if (ok != canonical)
		fprintf(stderr, "record_check %s what encodes %s: %s\n", ok ? "accepts" : "refuses",
			canonical ? "the same" : "otherwise", cerr), abort();
	if (ok && !same_rows(&checked, &r))
		fprintf(stderr, "record_check's rows differ from record_decode's\n"), abort();
	if (ok)
		record_rows_free(&checked);
	if (encoded) {
		if (record_check(paths, created, "0f", a, strlen(a), e, strlen(e), &back, err))
			fprintf(stderr, "its own encoding refused: %s\n%s\n%s\n", err, a, e),
				abort();
		record_rows_free(&back);
	}
	free(a);
	free(e);
	record_rows_free(&r);
	return 0;
}
