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
	if (r->pool) {   /* every string lives in it */
		record_pool_free(r->pool);
		r->pool = NULL;
		r->n_answers = r->n_events = 0;
		return;
	}
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

/* How an event's new value and state are given: by the answer on its path, or in the event. */
enum { NEW_HERE, NEW_ANSWER };

typedef struct dec {
	const record_paths *paths;
	record_rows *r;
	char *err;
	int pooled;                /* record_check's rows: strings in r's pool, shared */
	char *word_copy[2][16];    /* pooled: the states' and kinds' words, copied once */
	unsigned char *new_from;   /* per event */
	unsigned char *old_given;  /* per event */
	unsigned char *time_later; /* per answer: its time is its path's last event's */
	record_key *akey, *ekey;   /* per answer, per event */
	long long *ev_ms;          /* per event: its time in ms, while every time is a step */
} dec;

/* A string that lives as long as the rows (a parsed text's, adopted by the pool, or another
 * row's): itself when pooled, else a copy. */
static char *keep(dec *d, const char *s)
{
	return d->pooled ? (char *)s : xstrdup(s);
}

/* A string the caller keeps (a made one): a copy, in the pool when pooled. */
static char *copy(dec *d, const char *s)
{
	return d->pooled ? record_pool_dup(d->r, s) : xstrdup(s);
}

/* A string or null field: 0 and the string (NULL for null), or -1. */
static int str_or_null(dec *d, const rjnode *v, char **out)
{
	if (!v || v->type == RJ_NULL) {
		*out = NULL;
		return 0;
	}
	if (v->type != RJ_STR)
		return -1;
	*out = keep(d, v->s);
	return 0;
}

/* A word of a list (0: the states, 1: the kinds) as its index or its text (null allowed when
 * nullable). */
static int word(dec *d, const rjnode *v, int list, int nullable, char **out)
{
	const char *const *words = list ? record_kinds : record_states;
	size_t n = list ? record_n_kinds : record_n_states;
	if (v && v->type == RJ_INT) {
		if (v->i < 0 || (size_t)v->i >= n)
			return -1;
		if (!d->pooled || v->i >= 16) {
			*out = copy(d, words[v->i]);
		} else {
			char **c = &d->word_copy[list][v->i];
			*out = *c ? *c : (*c = record_pool_dup(d->r, words[v->i]));
		}
		return 0;
	}
	if (!v || v->type == RJ_NULL)
		return nullable ? (*out = NULL, 0) : -1;
	return str_or_null(d, v, out);
}

/* The path of a template with instance inst in its "[%]" (inst 0: the template itself). */
static char *instance_path(dec *d, const char *tmpl, long long inst)
{
	if (!inst)
		return copy(d, tmpl);
	const char *at = strstr(tmpl, "[%]");
	char digits[24];
	const char *q = util_lld(inst, digits);
	size_t head = (size_t)(at - tmpl), nd = strlen(q), tail = strlen(at + 3);
	size_t n = head + nd + tail + 3;
	char *p = d->pooled ? record_pool_alloc(d->r, n) : xmalloc(n);
	memcpy(p, tmpl, head);
	p[head] = '[';
	memcpy(p + head + 1, q, nd);
	p[head + 1 + nd] = ']';
	memcpy(p + head + 2 + nd, at + 3, tail + 1);
	return p;
}

/* The path an event or slot names: an id, [id, instance] or its text; its key in *key. */
static int path_of(dec *d, const rjnode *k, const rjson *doc, char **out, record_key *key)
{
	if (k->type == RJ_STR) {
		*out = keep(d, k->s);
		*key = (record_key){ 0, 0, 0 };
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
	const char *t = record_paths_template(d->paths, id);
	if (!t || (strstr(t, "[%]") != NULL) != (inst != 0))
		return -1;
	*out = instance_path(d, t, inst);
	*key = (record_key){ inst ? 2 : 1, id, inst };
	return 0;
}

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
	d->ekey = xcalloc(top->len + 1, sizeof *d->ekey);
	d->ev_ms = xcalloc(top->len + 1, sizeof *d->ev_ms);
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
			e->at = keep(d, t->s);
			free(d->ev_ms);   /* the encoder reads the texts */
			d->ev_ms = NULL;
		} else if (t->type == RJ_INT && have_c0 &&
			   !__builtin_add_overflow(t->i, o->i, &step) &&
			   !__builtin_add_overflow(at, step, &at) && record_time_text(at, text) == 0) {
			e->at = copy(d, text);
			if (d->ev_ms)
				d->ev_ms[k] = at;
		} else {
			return errf(d->err, "the record's event %zu: a bad time", k + 1);
		}
		if (word(d, rjson_at(doc, ev, 2), 1, 0, &e->kind))
			return errf(d->err, "the record's event %zu: a bad kind", k + 1);
		const rjnode *p = rjson_at(doc, ev, 3);
		const rjnode *nv = rjson_at(doc, ev, 4), *ns = rjson_at(doc, ev, 5);
		int bad = 0;
		if (p && p->type != RJ_NULL) {
			bad = path_of(d, p, doc, &e->path, &d->ekey[k]);
			if (ev->len == 4 || nv->type == RJ_TRUE)
				d->new_from[k] = NEW_ANSWER;
			else
				bad = bad || str_or_null(d, nv, &e->new_value) ||
				      word(d, ns, 0, 1, &e->new_state);
		} else {
			if (nv && nv->type == RJ_TRUE) {
				bad = !content_hash;
				e->new_value = copy(d, content_hash);
			} else {
				bad = str_or_null(d, nv, &e->new_value);
			}
			bad = bad || str_or_null(d, ns, &e->new_state);
		}
		if (ev->len > 6 || !e->path) {
			d->old_given[k] = 1;
			bad = bad || str_or_null(d, rjson_at(doc, ev, 6), &e->old_value) ||
			      str_or_null(d, rjson_at(doc, ev, 7), &e->old_state);
		}
		if (bad)
			return errf(d->err, "the record's event %zu: a bad path or value", k + 1);
	}
	return 0;
}

/* An answer entry: its value, state and time (when not given, the path's last event's: filled
 * in by decode once the paths are ranked). */
static int decode_entry(dec *d, const rjson *doc, const rjnode *v, char *path, record_key key)
{
	record_rows *r = d->r;
	d->akey[r->n_answers] = key;
	record_answer *a = &r->answers[r->n_answers++];
	a->path = path;
	const rjnode *m = NULL;
	static const rjnode answered = { .type = RJ_INT, .i = 0 };
	if (v->type == RJ_STR) {
		a->value = keep(d, v->s);
		if (word(d, &answered, 0, 0, &a->state))
			return -1;
	} else if (v->type == RJ_ARR && (v->len == 2 || v->len == 3)) {
		if (str_or_null(d, rjson_at(doc, v, 0), &a->value) ||
		    word(d, rjson_at(doc, v, 1), 0, 0, &a->state))
			return record_path_err(d->err,
					       "the record's answer '%.60s': a bad value or state", path);
		m = rjson_at(doc, v, 2);
	} else {
		return record_path_err(d->err, "the record's answer '%.60s': not a value", path);
	}
	if (m) {
		if (m->type != RJ_STR)
			return record_path_err(d->err, "the record's answer '%.60s': a bad time", path);
		a->modified = keep(d, m->s);
		return 0;
	}
	d->time_later[r->n_answers - 1] = 1;
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

static int decode_answers(dec *d, const rjson *doc)
{
	const rjnode *top = &doc->v[1];
	record_rows *r = d->r;
	if (top->type != RJ_ARR || top->len < 1)
		return errf(d->err, "the record's answers: not an array");
	/* every answer is a string, an array or an object member: fewer than the nodes */
	r->answers = xcalloc(doc->n + 1, sizeof *r->answers);
	d->akey = xcalloc(doc->n + 1, sizeof *d->akey);
	d->time_later = xcalloc(doc->n + 1, 1);
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
			if (decode_entry(d, doc, v, copy(d, t), (record_key){ 1, slot, 0 }))
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
			char *path = slot ? instance_path(d, t, inst) : keep(d, m->key);
			record_key key = { slot ? 2 : 0, slot, inst };
			if (decode_entry(d, doc, m, path, key))
				return -1;
		}
	}
	return 0;
}

/* The rows' order by path, into ix, from the ranks of their paths (record_rank_paths): the
 * events by (path, seq), each one's previous on its path, the answers by path, an answer's
 * last event, an event's answer. Then what the rows take from each other: the times answers
 * take from their paths' last events, the new values events take from answers and the old
 * ones from previous events. 0, or -1 with one line in d->err. */
static int link_rows(dec *d, record_index *ix)
{
	record_rows *r = d->r;
	size_t na = r->n_answers, ne = r->n_events;
	size_t *arank = xcalloc(na + ne + 1, sizeof *arank), *erank = arank + na;
	size_t nr = record_rank_paths(d->paths, r, d->akey, d->ekey, arank, erank);
	/* by rank: start (nr + 2), last (nr + 1), answer (nr + 1) in one block */
	size_t *start = xcalloc(3 * nr + 4, sizeof *start), *last = start + nr + 2;
	size_t *answer = last + nr + 1;
	ix->by_path = xcalloc(na + 1, sizeof *ix->by_path);
	ix->ev_path = xcalloc(ne + 1, sizeof *ix->ev_path);
	ix->prev = xcalloc(ne + 1, sizeof *ix->prev);
	ix->a_last = xcalloc(na + 1, sizeof *ix->a_last);
	ix->e_answer = xcalloc(ne + 1, sizeof *ix->e_answer);
	int rc = -1;
	/* the events by (path, seq): counted by rank, placed in seq order */
	for (size_t k = 0; k < nr; k++)
		last[k] = answer[k] = SIZE_MAX;
	for (size_t k = 0; k < ne; k++)
		if (erank[k] != SIZE_MAX)
			start[erank[k] + 1]++;
	for (size_t k = 1; k <= nr; k++)
		start[k] += start[k - 1];
	ix->n_ev_path = start[nr];
	for (size_t k = 0; k < ne; k++) {
		ix->prev[k] = SIZE_MAX;
		if (erank[k] == SIZE_MAX)
			continue;
		ix->ev_path[start[erank[k]]++] = k;
		ix->prev[k] = last[erank[k]];
		last[erank[k]] = k;
	}
	/* the answers by path, likewise */
	memset(start, 0, (nr + 2) * sizeof *start);
	for (size_t k = 0; k < na; k++)
		start[arank[k] + 1]++;
	for (size_t k = 1; k <= nr; k++)
		start[k] += start[k - 1];
	for (size_t k = 0; k < na; k++)
		ix->by_path[start[arank[k]]++] = k;
	for (size_t k = 0; k < na; k++) {
		record_answer *a = &r->answers[k];
		ix->a_last[k] = last[arank[k]];
		if (!d->time_later[k])
			continue;
		if (ix->a_last[k] == SIZE_MAX) {
			record_path_err(d->err, "the record's answer '%.60s': no time and no event",
					a->path);
			goto out;
		}
		a->modified = keep(d, r->events[ix->a_last[k]].at);
	}
	for (size_t k = 1; k < na; k++)
		if (arank[ix->by_path[k]] == arank[ix->by_path[k - 1]]) {
			record_path_err(d->err, "the record's answers: '%.60s' twice",
					r->answers[ix->by_path[k]].path);
			goto out;
		}
	for (size_t k = 0; k < na; k++)
		answer[arank[k]] = k;
	for (size_t k = 0; k < ne; k++) {
		record_event *e = &r->events[k];
		ix->e_answer[k] = erank[k] == SIZE_MAX ? SIZE_MAX : answer[erank[k]];
		if (d->new_from[k] == NEW_ANSWER) {
			if (ix->e_answer[k] == SIZE_MAX) {
				errf(d->err, "the record's event %zu: its path has no answer", k + 1);
				goto out;
			}
			const record_answer *a = &r->answers[ix->e_answer[k]];
			e->new_value = keep(d, a->value);
			e->new_state = keep(d, a->state);
		}
	}
	/* in seq order: a previous event's new values are complete before its next one's */
	for (size_t k = 0; k < ne; k++) {
		record_event *e = &r->events[k];
		if (!d->old_given[k] && ix->prev[k] != SIZE_MAX) {
			e->old_value = keep(d, r->events[ix->prev[k]].new_value);
			e->old_state = keep(d, r->events[ix->prev[k]].new_state);
		}
	}
	rc = 0;
out:
	free(arank);
	free(start);
	return rc;
}

/* Decode into out (pooled: record_check's rows, their strings in its pool), its index left in
 * ix when not NULL (else freed). */
static int decode(const record_paths *paths, const char *created, const char *content_hash,
		  const char *answers, size_t alen, const char *events, size_t elen,
		  record_rows *out, int pooled, record_index *ix, char *err)
{
	memset(out, 0, sizeof *out);
	dec d = { .paths = paths, .r = out, .err = err, .pooled = pooled };
	rjson ad, ed;
	record_index own = { 0 };
	int rc = -1;
	memset(&ad, 0, sizeof ad);
	if (rjson_parse(&ed, events, elen, 3, "the record's events", err) ||
	    rjson_parse(&ad, answers, alen, 3, "the record's answers", err))
		goto out;
	if (pooled) {   /* the rows point into the parsed strings */
		record_pool_adopt(out, ed.strs);
		record_pool_adopt(out, ad.strs);
		ed.strs = ad.strs = NULL;
	}
	if (decode_events(&d, &ed, created, content_hash) || decode_answers(&d, &ad) ||
	    link_rows(&d, &own))
		goto out;
	rc = 0;
	own.akey = d.akey;
	own.ekey = d.ekey;
	own.ev_ms = d.ev_ms;
	d.akey = d.ekey = NULL;
	d.ev_ms = NULL;
	if (ix) {
		*ix = own;
		memset(&own, 0, sizeof own);
	}
out:
	rjson_free(&ad);
	rjson_free(&ed);
	record_index_free(&own);
	free(d.new_from);
	free(d.old_given);
	free(d.time_later);
	free(d.akey);
	free(d.ekey);
	free(d.ev_ms);
	if (rc)
		record_rows_free(out);
	return rc;
}

int record_decode(const record_paths *paths, const char *created, const char *content_hash,
		  const char *answers, size_t alen, const char *events, size_t elen,
		  record_rows *out, char *err)
{
	return decode(paths, created, content_hash, answers, alen, events, elen, out, 0, NULL,
		      err);
}

int record_check(const record_paths *paths, const char *created, const char *content_hash,
		 const char *answers, size_t alen, const char *events, size_t elen,
		 record_rows *out, char *err)
{
	record_index ix;
	if (decode(paths, created, content_hash, answers, alen, events, elen, out, 1, &ix, err))
		return -1;
	/* encoded again (with the decoder's sorting and keys), the same bytes */
	strbuf a = STRBUF_INIT, e = STRBUF_INIT;
	int rc = record_encode_indexed(paths, created, content_hash, out, &ix, &a, &e, err);
	if (rc == 0 && (a.len != alen || e.len != elen || (alen && memcmp(a.buf, answers, alen)) ||
			(elen && memcmp(e.buf, events, elen))))
		rc = errf(err, "the record is not written the one way survey writes it");
	if (rc == 0 && out->n_answers > 1) {   /* the answers in path order */
		record_answer *sorted = xcalloc(out->n_answers, sizeof *sorted);
		for (size_t k = 0; k < out->n_answers; k++)
			sorted[k] = out->answers[ix.by_path[k]];
		free(out->answers);
		out->answers = sorted;
	}
	sb_release(&a);
	sb_release(&e);
	record_index_free(&ix);
	if (rc)
		record_rows_free(out);
	return rc;
}
