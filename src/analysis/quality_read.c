/* quality_read.c: the quality flags of a file's complete interviews — their event logs and
 * answers read from the store, put in their questionnaire's order, and judged (quality.c). */
#include "analysis/quality.h"

#include <stdlib.h>
#include <string.h>

#include "form/form.h"
#include "store/paradata.h"
#include "util/util.h"

struct quality_store {
	store_event **events;
	int *nevents;
	store_answer **answers;
	int *nanswers;
	quality_iv *qiv;
	quality_event **qev;
	quality_answer **qans;
	int n;
};

typedef struct loaded_form {
	char *id, *version;
	form *f;   /* NULL when it does not load */
} loaded_form;

static form *form_for(store *st, loaded_form **cache, int *nc, const char *id, const char *ver)
{
	for (int i = 0; i < *nc; i++)
		if (strcmp((*cache)[i].id, id) == 0 && strcmp((*cache)[i].version, ver) == 0)
			return (*cache)[i].f;
	form *f = NULL;
	void *bytes;
	size_t len;
	char *name, *kind, err[ERR_MAX];
	if (store_form_get(st, id, ver, &bytes, &len, &name, &kind, err) == 0) {
		if (form_load_mem(name, kind, bytes, len, &f, NULL, err))
			f = NULL;
		free(bytes);
		free(name);
		free(kind);
	}
	*cache = xreallocarray(*cache, (size_t)*nc + 1, sizeof **cache);
	(*cache)[(*nc)++] = (loaded_form){ xstrdup(id), xstrdup(ver), f };
	return f;
}

/* The form node of an answer path ("grp[2]/q" -> q), or a large number when unknown. */
static int node_of(const form *f, const char *path)
{
	if (!f)
		return 0;
	const char *last = strrchr(path, '/');
	int k = form_find(f, last ? last + 1 : path);
	return k < 0 ? f->nnodes : k;
}

typedef struct ordered {
	int node;
	const store_answer *a;
} ordered;

static int cmp_ordered(const void *x, const void *y)
{
	const ordered *a = x, *b = y;
	if (a->node != b->node)
		return (a->node > b->node) - (a->node < b->node);
	return strcmp(a->a->path, b->a->path);
}

static void fill_answers(const form *f, const store_answer *ans, int n, quality_answer *out)
{
	ordered *o = xcalloc((size_t)n + 1, sizeof *o);
	for (int k = 0; k < n; k++)
		o[k] = (ordered){ node_of(f, ans[k].path), &ans[k] };
	qsort(o, (size_t)n, sizeof *o, cmp_ordered);
	for (int k = 0; k < n; k++) {
		const char *list = NULL;
		if (f && o[k].node < f->nnodes && f->nodes[o[k].node].type == FORM_SELECT_ONE &&
		    f->nodes[o[k].node].list >= 0)
			list = f->lists[f->nodes[o[k].node].list].name;
		out[k] = (quality_answer){ o[k].a->path, o[k].a->value, o[k].a->state, list };
	}
	free(o);
}

int quality_read(store *st, const quality_opts *o, quality_set *out, char *err)
{
	*out = (quality_set){ 0 };
	store_interview *all;
	int nall;
	if (store_interviews(st, &all, &nall, err))
		return -1;
	struct quality_store *p = xcalloc(1, sizeof *p);
	out->priv = p;
	out->items = xcalloc((size_t)nall + 1, sizeof *out->items);
	p->events = xcalloc((size_t)nall + 1, sizeof *p->events);
	p->nevents = xcalloc((size_t)nall + 1, sizeof *p->nevents);
	p->answers = xcalloc((size_t)nall + 1, sizeof *p->answers);
	p->nanswers = xcalloc((size_t)nall + 1, sizeof *p->nanswers);
	p->qiv = xcalloc((size_t)nall + 1, sizeof *p->qiv);
	p->qev = xcalloc((size_t)nall + 1, sizeof *p->qev);
	p->qans = xcalloc((size_t)nall + 1, sizeof *p->qans);
	loaded_form *cache = NULL;
	int nc = 0, rc = 0;
	for (int i = 0; i < nall; i++) {
		if (strcmp(all[i].status, "complete") != 0) {
			store_interview_release(&all[i]);
			continue;
		}
		int k = p->n;
		out->items[k].iv = all[i];
		p->n++;
		out->n++;
		if (store_events(st, all[i].uuid, &p->events[k], &p->nevents[k], err) ||
		    store_answers(st, all[i].uuid, &p->answers[k], &p->nanswers[k], err)) {
			rc = -1;
			for (int j = i + 1; j < nall; j++)
				store_interview_release(&all[j]);
			break;
		}
		p->qev[k] = xcalloc((size_t)p->nevents[k] + 1, sizeof **p->qev);
		for (int e = 0; e < p->nevents[k]; e++) {
			const store_event *ev = &p->events[k][e];
			p->qev[k][e] = (quality_event){ ev->at_ms, ev->offset_ms, ev->kind, ev->path,
							ev->old_value, ev->new_value };
		}
		p->qans[k] = xcalloc((size_t)p->nanswers[k] + 1, sizeof **p->qans);
		fill_answers(form_for(st, &cache, &nc, all[i].form_id, all[i].form_version),
			     p->answers[k], p->nanswers[k], p->qans[k]);
		const store_interview *iv = &out->items[k].iv;
		p->qiv[k] = (quality_iv){ iv->uuid, iv->form_id, iv->device_id, iv->interviewer,
					  p->qev[k], p->nevents[k], p->qans[k], p->nanswers[k] };
	}
	free(all);
	if (rc == 0) {   /* the answers' list names belong to the forms: freed after */
		quality_result *r = xcalloc((size_t)p->n + 1, sizeof *r);
		quality_compute(p->qiv, p->n, o, r);
		for (int k = 0; k < p->n; k++)
			out->items[k].r = r[k];
		free(r);
	}
	for (int i = 0; i < nc; i++) {
		free(cache[i].id);
		free(cache[i].version);
		form_free(cache[i].f);
	}
	free(cache);
	if (rc)
		quality_set_free(out);
	return rc;
}

void quality_set_free(quality_set *s)
{
	struct quality_store *p = s->priv;
	for (int k = 0; k < s->n; k++)
		store_interview_release(&s->items[k].iv);
	if (p) {
		for (int k = 0; k < p->n; k++) {
			store_events_free(p->events[k], p->nevents[k]);
			store_answers_free(p->answers[k], p->nanswers[k]);
			free(p->qev[k]);
			free(p->qans[k]);
		}
		free(p->events);
		free(p->nevents);
		free(p->answers);
		free(p->nanswers);
		free(p->qiv);
		free(p->qev);
		free(p->qans);
		free(p);
	}
	free(s->items);
	*s = (quality_set){ 0 };
}
