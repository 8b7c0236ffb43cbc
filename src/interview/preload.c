/* preload.c: the interview of an assigned unit (issue 15) — started with the assignment's UUID
 * and the sample frame's values answered and locked, so the unit is never typed twice. */
#include "interview/engine_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

/* The node of a frame column: a question's name (or path). */
static int node_named(const form *f, const char *name)
{
	int node = form_find(f, name);
	for (int i = 1; node < 0 && i < f->nnodes; i++)
		if (strcmp(f->nodes[i].path, name) == 0)
			node = i;
	return node;
}

void engine_lock_names(engine *e, const char *const *names, int n)
{
	if (!e->locked)
		e->locked = xcalloc((size_t)e->f->nnodes, 1);
	for (int k = 0; k < n; k++) {
		int node = node_named(e->f, names[k]);
		if (node > 0)
			e->locked[node] = 1;
	}
	nav_build(e);
}

int engine_start_unit(store *st, const form *f, const engine_new *how,
		      const char *const *names, const char *const *values, int n, engine **out,
		      char *err)
{
	/* one transaction: a value refused leaves no interview behind */
	if (store_batch_begin(st, err))
		return -1;
	int rc = engine_start(st, f, how, out, err);
	if (rc) {
		char e2[ERR_MAX];
		store_batch_end(st, 0, e2);
		return rc;
	}
	engine *e = *out;
	e->preloading = 1;
	/* in form order: a value may make the next question relevant (oblast, then district) */
	for (int node = 1; node < f->nnodes && !rc; node++)
		for (int k = 0; k < n && !rc; k++) {
			if (!*values[k] || node_named(f, names[k]) != node)
				continue;
			rc = engine_answer(e, f->nodes[node].path, values[k], err);
			if (rc == ENGINE_REJECTED) {
				char why[ERR_MAX];
				snprintf(why, sizeof why, "%s", err);
				snprintf(err, ERR_MAX, "%.100s: %.400s", names[k], why);
			}
		}
	e->preloading = 0;
	char e2[ERR_MAX];
	if (rc) {
		engine_free(e);
		*out = NULL;
		store_batch_end(st, 0, e2);
		return rc;
	}
	if (store_batch_end(st, 1, err)) {
		engine_free(e);
		*out = NULL;
		return -1;
	}
	engine_lock_names(e, names, n);
	return 0;
}
