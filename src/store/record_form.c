/* record_form.c: a form version's path table for the record codec (record_form.h), walked
 * from the registered questionnaire reader. */
#include <stdlib.h>
#include <string.h>

#include "store/record_form.h"
#include "util/util.h"

typedef struct walk {
	const store_form_ops *ops;
	const store_form *f;
	long long *ids;
	char **tmpl;
	size_t n, cap;
} walk;

static int one(void *arg, const char *name, const char *path, const char *repeat)
{
	walk *w = arg;
	char *probe, *tmpl;
	size_t rl = repeat ? strlen(repeat) : 0;
	if (repeat && (strncmp(path, repeat, rl) != 0 || path[rl] != '/'))
		return 0;   /* not below its repeat's path: no template for it */
	if (repeat) {
		/* the node an instance's path names: none when an outer repeat needs a number too */
		probe = xasprintf("%.*s[1]%s", (int)rl, path, path + rl);
		tmpl = xasprintf("%.*s[%%]%s", (int)rl, path, path + rl);
	} else {
		probe = xstrdup(path);
		tmpl = xstrdup(path);
	}
	int node = w->ops->node(w->f, probe);
	free(probe);
	if (node < 1) {
		free(tmpl);
		return 0;
	}
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->ids = xreallocarray(w->ids, w->cap, sizeof *w->ids);
		w->tmpl = xreallocarray(w->tmpl, w->cap, sizeof *w->tmpl);
	}
	w->ids[w->n] = node;
	w->tmpl[w->n++] = tmpl;
	return 0;
}

record_paths *record_paths_of_form(const store_form_ops *ops, const store_form *f, char *err)
{
	walk w = { ops, f, NULL, NULL, 0, 0 };
	ops->questions(f, one, &w);
	record_paths *p = record_paths_new(w.ids, (const char *const *)w.tmpl, w.n, err);
	for (size_t k = 0; k < w.n; k++)
		free(w.tmpl[k]);
	free(w.tmpl);
	free(w.ids);
	return p;
}
