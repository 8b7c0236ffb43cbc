/* record_decode.c: a record's texts back to the interview's answer and event rows
 * (record.h), checking every type, id, length and bound on the way: a hostile record fails
 * with one line. record_check also refuses bytes that are not the canonical encoding. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record_impl.h"

void record_rows_clear(record_rows *r)
{
	for (size_t k = 0; k < r->n_answers; k++) {
		record_answer *a = &r->answers[k];
		free(a->path);
		free(a->value);
		free(a->state);
		free(a->modified);
	}
	for (size_t k = 0; k < r->n_events; k++) {
		record_event *e = &r->events[k];
		free(e->at);
		free(e->kind);
		free(e->path);
		free(e->old_value);
		free(e->new_value);
		free(e->old_state);
		free(e->new_state);
	}
	r->n_answers = r->n_events = 0;
}

void record_rows_free(record_rows *r)
{
	record_rows_clear(r);
	free(r->answers);
	free(r->events);
	memset(r, 0, sizeof *r);
}

/* A string or null field: 0 and a copy (NULL for null), or -1. */
static int str_or_null(const rjnode *v, char **out)
{
	if (!v || v->type == RJ_NULL) {
		*out = NULL;
		return 0;
	}
	if (v->type != RJ_STR)
		return -1;
	*out = xstrdup(v->s);
	return 0;
}

/* A word of a list as its index or its text (null allowed when nullable). */
static int word(const rjnode *v, const char *const *words, size_t n, int nullable, char **out)
{
	if (v && v->type == RJ_INT) {
		if (v->i < 0 || (size_t)v->i >= n)
			return -1;
		*out = xstrdup(words[v->i]);
		return 0;
	}
	if (!v || v->type == RJ_NULL)
		return nullable ? (*out = NULL, 0) : -1;
	return str_or_null(v, out);
}

/* The path of a template with instance inst in its "[%]" (inst 0: the template itself). */
static char *instance_path(const char *tmpl, long long inst)
{
	if (!inst)
		return xstrdup(tmpl);
	const char *at = strstr(tmpl, "[%]");
	return xasprintf("%.*s[%lld]%s", (int)(at - tmpl), tmpl, inst, at + 3);
}

/* The path an event or slot names: an id, [id, instance] or its text. */
static int path_of(const record_paths *paths, const rjnode *k, const rjson *doc, char **out)
{
	if (k->type == RJ_STR) {
		*out = xstrdup(k->s);
		return 0;
	}
	long long id, inst = 0;
	if (k->type == RJ_INT) {
		id = k->i;
	} else if (k->type == RJ_ARR && k->len == 2 && rjson_at(doc, k, 0)->type == RJ_INT &&
		   rjson_at(doc, k, 1)->type == RJ_INT) {
		id = rjson_at(doc, k, 0)->i;
		inst = rjson_at(doc, k, 1)->i;
		if (inst < 1 || inst > 999999999)
			return -1;
	} else {
		return -1;
	}
	const char *t = record_paths_template(paths, id);
	if (!t || (strstr(t, "[%]") != NULL) != (inst != 0))
		return -1;
	*out = instance_path(t, inst);
	return 0;
}

/* How an event's new value and state are given: by the answer on its path, or in the event. */
enum { NEW_HERE, NEW_ANSWER };

typedef struct dec {
	const record_paths *paths;
	record_rows *r;
	char *err;
	unsigned char *new_from;   /* per event */
	unsigned char *old_given;  /* per event */
} dec;

static int decode_events(dec *d, const rjson *doc, const char *created,
			 const char *content_hash)
{
	const rjnode *top = &doc->v[1];
	record_rows *r = d->r;
	if (top->type != RJ_ARR)
		return errf(d->err, "the record's events: not an array");
	r->events = xcalloc(top->len + 1, sizeof *r->events);
	d->new_from = xcalloc(top->len + 1, 1);
	d->old_given = xcalloc(top->len + 1, 1);
	long long c0 = 0, at = 0, off = 0;
	int have_c0 = record_time_ms(created, &c0) == 0;
	at = c0;
	size_t k = 0;
	for (size_t i = top->kid; i; i = doc->v[i].next, k++) {
		const rjnode *ev = &doc->v[i];
		record_event *e = &r->events[k];
		r->n_events = k + 1;
		e->seq = (long long)k + 1;
		if (ev->type != RJ_ARR || ev->len < 3 || ev->len > 8)
			return errf(d->err, "the record's event %zu: not an array of 3 to 8 values",
				    k + 1);
		const rjnode *t = rjson_at(doc, ev, 0), *o = rjson_at(doc, ev, 1);
		long long step;
		char text[25];
		if (o->type != RJ_INT || __builtin_add_overflow(off, o->i, &off))
			return errf(d->err, "the record's event %zu: a bad offset", k + 1);
		e->offset_ms = off;
		if (t->type == RJ_STR) {
			e->at = xstrdup(t->s);
		} else if (t->type == RJ_INT && have_c0 &&
			   !__builtin_add_overflow(t->i, o->i, &step) &&
			   !__builtin_add_overflow(at, step, &at) && record_time_text(at, text) == 0) {
			e->at = xstrdup(text);
		} else {
			return errf(d->err, "the record's event %zu: a bad time", k + 1);
		}
		if (word(rjson_at(doc, ev, 2), record_kinds, record_n_kinds, 0, &e->kind))
			return errf(d->err, "the record's event %zu: a bad kind", k + 1);
		const rjnode *p = rjson_at(doc, ev, 3);
		const rjnode *nv = rjson_at(doc, ev, 4), *ns = rjson_at(doc, ev, 5);
		int bad = 0;
		if (p && p->type != RJ_NULL) {
			bad = path_of(d->paths, p, doc, &e->path);
			if (ev->len == 4 || nv->type == RJ_TRUE)
				d->new_from[k] = NEW_ANSWER;
			else
				bad = bad || str_or_null(nv, &e->new_value) ||
				      word(ns, record_states, record_n_states, 1, &e->new_state);
		} else {
			if (nv && nv->type == RJ_TRUE) {
				bad = !content_hash;
				e->new_value = xstrdup(content_hash);
			} else {
				bad = str_or_null(nv, &e->new_value);
			}
			bad = bad || str_or_null(ns, &e->new_state);
		}
		if (ev->len > 6 || !e->path) {
			d->old_given[k] = 1;
			bad = bad || str_or_null(rjson_at(doc, ev, 6), &e->old_value) ||
			      str_or_null(rjson_at(doc, ev, 7), &e->old_state);
		}
		if (bad)
			return errf(d->err, "the record's event %zu: a bad path or value", k + 1);
	}
	return 0;
}

/* An answer entry: its value, state and time (the path's last event's when not given). */
static int decode_entry(dec *d, const rjson *doc, const rjnode *v, char *path,
			const size_t *ev_idx, size_t n_ev)
{
	record_rows *r = d->r;
	record_answer *a = &r->answers[r->n_answers++];
	a->path = path;
	const rjnode *m = NULL;
	if (v->type == RJ_STR) {
		a->value = xstrdup(v->s);
		a->state = xstrdup(record_states[0]);
	} else if (v->type == RJ_ARR && (v->len == 2 || v->len == 3)) {
		if (str_or_null(rjson_at(doc, v, 0), &a->value) ||
		    word(rjson_at(doc, v, 1), record_states, record_n_states, 0, &a->state))
			return errf(d->err, "the record's answer '%.60s': a bad value or state", path);
		m = rjson_at(doc, v, 2);
	} else {
		return errf(d->err, "the record's answer '%.60s': not a value", path);
	}
	if (m) {
		if (m->type != RJ_STR)
			return errf(d->err, "the record's answer '%.60s': a bad time", path);
		a->modified = xstrdup(m->s);
		return 0;
	}
	size_t last = record_last_event_on(r, ev_idx, n_ev, path);
	if (last == SIZE_MAX)
		return errf(d->err, "the record's answer '%.60s': no time and no event", path);
	a->modified = xstrdup(r->events[last].at);
	return 0;
}

/* An instance number as an object key: 1-999999999, no leading zero. */
static long long instance_key(const char *s)
{
	long long n = 0;
	size_t len = strlen(s);
	if (len < 1 || len > 9 || s[0] < '1' || s[0] > '9')
		return -1;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		n = n * 10 + (*p - '0');
	}
	return n;
}

static int decode_answers(dec *d, const rjson *doc, const size_t *ev_idx, size_t n_ev)
{
	const rjnode *top = &doc->v[1];
	record_rows *r = d->r;
	if (top->type != RJ_ARR || top->len < 1)
		return errf(d->err, "the record's answers: not an array");
	/* every answer is a string, an array or an object member: fewer than the nodes */
	r->answers = xcalloc(doc->n + 1, sizeof *r->answers);
	long long slot = 0;
	for (size_t i = top->kid; i; i = doc->v[i].next, slot++) {
		const rjnode *v = &doc->v[i];
		if (v->type == RJ_INT && v->i == 0)
			continue;
		const char *t = slot ? record_paths_template(d->paths, slot) : NULL;
		int rep = t && strstr(t, "[%]");
		if (slot > 0 && !t)
			return errf(d->err, "the record's answers: slot %lld is no path of the form",
				    slot);
		if (slot > 0 && !rep) {
			if (decode_entry(d, doc, v, xstrdup(t), ev_idx, n_ev))
				return -1;
			continue;
		}
		if (v->type != RJ_OBJ || v->len == 0)
			return errf(d->err, "the record's answers: slot %lld is not an object",
				    slot);
		for (size_t j = v->kid; j; j = doc->v[j].next) {
			const rjnode *m = &doc->v[j];
			long long inst = slot ? instance_key(m->key) : 0;
			if (inst < 0)
				return errf(d->err, "the record's answers: slot %lld has a bad instance",
					    slot);
			char *path = slot ? instance_path(t, inst) : xstrdup(m->key);
			if (decode_entry(d, doc, m, path, ev_idx, n_ev))
				return -1;
		}
	}
	return 0;
}

int record_decode(const record_paths *paths, const char *created, const char *content_hash,
		  const char *answers, size_t alen, const char *events, size_t elen,
		  record_rows *out, char *err)
{
	memset(out, 0, sizeof *out);
	dec d = { paths, out, err, NULL, NULL };
	rjson ad, ed;
	size_t *ev_idx = NULL, *prev = NULL, *by_path = NULL;
	int rc = -1;
	memset(&ad, 0, sizeof ad);
	if (rjson_parse(&ed, events, elen, 3, "the record's events", err) ||
	    rjson_parse(&ad, answers, alen, 3, "the record's answers", err) ||
	    decode_events(&d, &ed, created, content_hash))
		goto out;
	ev_idx = xcalloc(out->n_events + 1, sizeof *ev_idx);
	prev = xcalloc(out->n_events + 1, sizeof *prev);
	size_t n_ev = record_events_by_path(out, ev_idx, prev);
	if (decode_answers(&d, &ad, ev_idx, n_ev))
		goto out;
	by_path = xcalloc(out->n_answers + 1, sizeof *by_path);
	record_sort_answers(out, by_path);
	for (size_t k = 1; k < out->n_answers; k++)
		if (strcmp(out->answers[by_path[k]].path, out->answers[by_path[k - 1]].path) == 0) {
			errf(err, "the record's answers: '%.60s' twice",
			     out->answers[by_path[k]].path);
			goto out;
		}
	/* the new values the answers give, then the old ones the previous events give */
	for (size_t k = 0; k < out->n_events; k++) {
		record_event *e = &out->events[k];
		if (d.new_from[k] == NEW_ANSWER) {
			const record_answer *a = record_answer_on(out, by_path, e->path);
			if (!a) {
				errf(err, "the record's event %zu: its path has no answer", k + 1);
				goto out;
			}
			e->new_value = xstrdup(a->value);
			e->new_state = xstrdup(a->state);
		}
		if (!d.old_given[k] && prev[k] != SIZE_MAX) {
			e->old_value = xstrdup(out->events[prev[k]].new_value);
			e->old_state = xstrdup(out->events[prev[k]].new_state);
		}
	}
	rc = 0;
out:
	rjson_free(&ad);
	rjson_free(&ed);
	free(ev_idx);
	free(prev);
	free(by_path);
	free(d.new_from);
	free(d.old_given);
	if (rc)
		record_rows_free(out);
	return rc;
}

int record_check(const record_paths *paths, const char *created, const char *content_hash,
		 const char *answers, size_t alen, const char *events, size_t elen,
		 record_rows *out, char *err)
{
	if (record_decode(paths, created, content_hash, answers, alen, events, elen, out, err))
		return -1;
	char *a = NULL, *e = NULL;
	int rc = record_encode(paths, created, content_hash, out, &a, &e, err);
	if (rc == 0 && (strlen(a) != alen || memcmp(a, answers, alen) || strlen(e) != elen ||
			memcmp(e, events, elen)))
		rc = errf(err, "the record is not written the one way survey writes it");
	free(a);
	free(e);
	if (rc)
		record_rows_free(out);
	return rc;
}
