/* record.c: the record codec (record.h) — an interview's answer and event rows to their
 * canonical record texts and back. The encoding is bench/storage_layout.py's, byte for byte
 * (tests/unit/test_record.c checks it on the same rows). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/record_impl.h"

const char *const record_states[] = { "answered", "skipped", "dont_know", "refused" };
const char *const record_kinds[] = { "opened", "answer", "moved", "language", "left",
				     "completed", "reopened", "discarded", "removed", "attached",
				     "comment" };
const size_t record_n_states = sizeof record_states / sizeof *record_states;
const size_t record_n_kinds = sizeof record_kinds / sizeof *record_kinds;
#define STATES record_states
#define KINDS record_kinds
#define N_STATES record_n_states
#define N_KINDS record_n_kinds

static int code(const char *const *words, size_t n, const char *w)
{
	if (w)
		for (size_t k = 0; k < n; k++)
			if (strcmp(words[k], w) == 0)
				return (int)k;
	return -1;
}

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* ---- encoding ---- */

typedef record_key pkey;

static pkey key_of(const record_paths *p, const char *path)
{
	pkey k = { 0, 0, 0 };
	if (record_path_key(p, path, &k.id, &k.inst) == 0)
		k.kind = k.inst ? 2 : 1;
	return k;
}

/* A key the decoder gave (kind 0 is looked up: a text may be a path of the form), or the
 * path's. */
static pkey key_given(const record_paths *p, const pkey *given, const char *path)
{
	return given && given->kind ? *given : key_of(p, path);
}

/* An integer as "%lld" writes it, without printf's cost (the encoder's hot path: every
 * save encodes the whole record). */
static void put_int(strbuf *sb, long long v)
{
	char buf[24];
	const char *p = util_lld(v, buf);
	sb_add(sb, p, (size_t)(buf + sizeof buf - 1 - p));
}

static void put_key(strbuf *sb, const pkey *k, const char *path)
{
	if (k->kind == 1) {
		put_int(sb, k->id);
	} else if (k->kind == 2) {
		sb_addc(sb, '[');
		put_int(sb, k->id);
		sb_addc(sb, ',');
		put_int(sb, k->inst);
		sb_addc(sb, ']');
	} else
		rjson_put_str(sb, path);
}

static void put_strn(strbuf *sb, const char *s)
{
	if (s)
		rjson_put_str(sb, s);
	else
		sb_adds(sb, "null");
}

/* A word of a list as its index, any other as its text (null for NULL). */
static void put_code(strbuf *sb, const char *const *words, size_t n, const char *w)
{
	int c = code(words, n, w);
	if (c >= 0)
		put_int(sb, c);
	else
		put_strn(sb, w);
}

typedef struct enc {
	const record_rows *r;
	const size_t *by_path;     /* answer indices sorted by path */
	const size_t *ev_path;     /* indices of events with a path, sorted by (path, seq) */
	size_t n_ev_path;
	const size_t *prev;        /* the previous event on the same path of each event, or
				    * SIZE_MAX */
	const pkey *given_akey;    /* by answer, or NULL */
	const pkey *given_ekey;    /* by event, or NULL */
	const size_t *a_last;      /* by answer: the last event on its path (SIZE_MAX none), or
				    * NULL: searched */
	const size_t *e_answer;    /* by event: the answer on its path (SIZE_MAX none), or NULL */
	const long long *ev_ms;    /* by event: its time in ms, or NULL: read from its text */
	pkey *akey;                /* the key of each answer, in path order */
} enc;

static int cmp_answer(const void *a, const void *b, void *rows)
{
	const record_rows *r = rows;
	return strcmp(r->answers[*(const size_t *)a].path, r->answers[*(const size_t *)b].path);
}

static int cmp_event(const void *a, const void *b, void *rows)
{
	const record_rows *r = rows;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(r->events[x].path, r->events[y].path);
	return c ? c : (x > y) - (x < y);
}

void record_sort_answers(const record_rows *r, size_t *idx)
{
	for (size_t k = 0; k < r->n_answers; k++)
		idx[k] = k;
	qsort_r(idx, r->n_answers, sizeof *idx, cmp_answer, (void *)r);
}

size_t record_events_by_path(const record_rows *r, size_t *idx, size_t *prev)
{
	size_t n = 0;
	for (size_t k = 0; k < r->n_events; k++) {
		prev[k] = SIZE_MAX;
		if (r->events[k].path)
			idx[n++] = k;
	}
	qsort_r(idx, n, sizeof *idx, cmp_event, (void *)r);
	for (size_t j = 1; j < n; j++)
		if (strcmp(r->events[idx[j]].path, r->events[idx[j - 1]].path) == 0)
			prev[idx[j]] = idx[j - 1];
	return n;
}

size_t record_last_event_on(const record_rows *r, const size_t *idx, size_t n, const char *path)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {   /* the first entry after path */
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(r->events[idx[mid]].path, path) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || strcmp(r->events[idx[lo - 1]].path, path) != 0)
		return SIZE_MAX;
	return idx[lo - 1];
}

const record_answer *record_answer_on(const record_rows *r, const size_t *by_path,
				      const char *path)
{
	size_t lo = 0, hi = r->n_answers;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(r->answers[by_path[mid]].path, path);
		if (c == 0)
			return &r->answers[by_path[mid]];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void put_entry(strbuf *sb, const enc *e, const record_answer *a)
{
	size_t last = e->a_last ? e->a_last[a - e->r->answers] :
		      record_last_event_on(e->r, e->ev_path, e->n_ev_path, a->path);
	const char *last_at = last == SIZE_MAX ? NULL : e->r->events[last].at;
	if (a->value && same(a->state, "answered") && same(last_at, a->modified)) {
		rjson_put_str(sb, a->value);
		return;
	}
	sb_addc(sb, '[');
	put_strn(sb, a->value);
	sb_addc(sb, ',');
	put_code(sb, STATES, N_STATES, a->state);
	if (!same(last_at, a->modified)) {
		sb_addc(sb, ',');
		put_strn(sb, a->modified);
	}
	sb_addc(sb, ']');
}

static int encode_answers(const record_paths *paths, enc *e, strbuf *sb, char *err)
{
	const record_rows *r = e->r;
	long long top = 0;
	for (size_t k = 0; k < r->n_answers; k++) {
		const record_answer *a = &r->answers[e->by_path[k]];
		if (!a->path || !a->state || !a->modified)
			return record_path_err(err, "answer '%.60s': a NULL path, state or time",
					       a->path);
		if (k > 0 && strcmp(r->answers[e->by_path[k - 1]].path, a->path) == 0)
			return record_path_err(err, "answer '%.60s': twice", a->path);
		e->akey[k] = key_given(paths, e->given_akey ? &e->given_akey[e->by_path[k]] : NULL,
				       a->path);
		if (e->akey[k].kind && e->akey[k].id > top)
			top = e->akey[k].id;
	}
	/* slot by slot; within a slot (the texts at 0, a repeat's instances) in path order */
	size_t *order = xcalloc(r->n_answers ? r->n_answers : 1, sizeof *order);
	size_t *start = xcalloc((size_t)top + 2, sizeof *start);
	for (size_t k = 0; k < r->n_answers; k++)
		start[e->akey[k].kind ? e->akey[k].id + 1 : 1]++;
	for (long long s = 1; s <= top + 1; s++)
		start[s] += start[s - 1];
	size_t *fill = xcalloc((size_t)top + 1, sizeof *fill);
	for (size_t k = 0; k < r->n_answers; k++) {
		long long s = e->akey[k].kind ? e->akey[k].id : 0;
		order[start[s] + fill[s]++] = k;
	}
	sb_addc(sb, '[');
	for (long long s = 0; s <= top; s++) {
		if (s)
			sb_addc(sb, ',');
		size_t from = start[s], to = start[s + 1];
		if (from == to) {
			sb_addc(sb, '0');
			continue;
		}
		int obj = s == 0 || e->akey[order[from]].kind == 2;
		if (obj)
			sb_addc(sb, '{');
		for (size_t j = from; j < to; j++) {
			size_t k = order[j];
			const record_answer *a = &r->answers[e->by_path[k]];
			if (j > from)
				sb_addc(sb, ',');
			if (s == 0) {
				rjson_put_str(sb, a->path);
				sb_addc(sb, ':');
			} else if (obj) {
				sb_addc(sb, '"');
				put_int(sb, e->akey[k].inst);
				sb_add(sb, "\":", 2);
			}
			put_entry(sb, e, a);
		}
		if (obj)
			sb_addc(sb, '}');
	}
	sb_addc(sb, ']');
	free(order);
	free(start);
	free(fill);
	return 0;
}

/* The tail of an event (path, new, old), left out where it is the default. */
typedef struct item {
	int type;           /* RJ_NULL, RJ_TRUE, RJ_STR (s), RJ_INT (a state code in i), or -1:
			     * the path key */
	const char *s;
	long long i;
} item;

static item it_str(const char *s)
{
	item t = { s ? RJ_STR : RJ_NULL, s, 0 };
	return t;
}

static item it_state(const char *w)
{
	int c = code(STATES, N_STATES, w);
	item t = { c >= 0 ? RJ_INT : w ? RJ_STR : RJ_NULL, w, c };
	return t;
}

static int encode_events(const record_paths *paths, enc *e, const char *created,
			 const char *content_hash, strbuf *sb, char *err)
{
	const record_rows *r = e->r;
	long long c0 = 0, prev_at, prev_off = 0;
	int literal = record_time_ms(created, &c0) != 0;
	for (size_t k = 0; k < r->n_events && !literal && !e->ev_ms; k++) {
		long long t;
		literal = record_time_ms(r->events[k].at, &t) != 0;
	}
	prev_at = c0;
	const size_t *prev = e->prev;
	int rc = 0;
	sb_addc(sb, '[');
	for (size_t k = 0; k < r->n_events; k++) {
		const record_event *ev = &r->events[k];
		long long at = 0, d_at, d_off, step = 0;
		if (!ev->at) {
			rc = errf(err, "event %zu: no time", k + 1);
			break;
		}
		if (__builtin_sub_overflow(ev->offset_ms, prev_off, &d_off) ||
		    (!literal && ((e->ev_ms ? (at = e->ev_ms[k], 0) :
				   record_time_ms(ev->at, &at)) ||
				  __builtin_sub_overflow(at, prev_at, &d_at) ||
				  __builtin_sub_overflow(d_at, d_off, &step)))) {
			rc = errf(err, "event %zu: its time or offset is out of range", k + 1);
			break;
		}
		if (k)
			sb_addc(sb, ',');
		sb_addc(sb, '[');
		if (literal)
			rjson_put_str(sb, ev->at);
		else
			put_int(sb, step);
		sb_addc(sb, ',');
		put_int(sb, d_off);
		sb_addc(sb, ',');
		put_code(sb, KINDS, N_KINDS, ev->kind);
		prev_at = at;
		prev_off = ev->offset_ms;

		item tail[6];
		size_t n = 0, floor = 0;
		int has_path = ev->path != NULL;
		if (has_path) {
			tail[n++] = (item){ -1, NULL, 0 };
			const record_answer *a =
				!e->e_answer ? record_answer_on(r, e->by_path, ev->path) :
				e->e_answer[k] == SIZE_MAX ? NULL : &r->answers[e->e_answer[k]];
			if (a && same(a->value, ev->new_value) && same(a->state, ev->new_state)) {
				tail[n++] = (item){ RJ_TRUE, NULL, 0 };
			} else {
				tail[n++] = it_str(ev->new_value);
				tail[n++] = it_state(ev->new_state);
			}
			size_t pk = prev[k];
			const char *dv = pk == SIZE_MAX ? NULL : r->events[pk].new_value;
			const char *ds = pk == SIZE_MAX ? NULL : r->events[pk].new_state;
			if (!same(dv, ev->old_value) || !same(ds, ev->old_state)) {
				while (n < 3)
					tail[n++] = (item){ RJ_NULL, NULL, 0 };
				tail[n++] = it_str(ev->old_value);
				tail[n++] = it_str(ev->old_state);
				floor = 5;   /* explicit old values come as a pair */
			}
		} else if (ev->new_value || ev->old_value || ev->new_state || ev->old_state) {
			tail[n++] = (item){ RJ_NULL, NULL, 0 };
			if (ev->new_value && same(ev->new_value, content_hash))
				tail[n++] = (item){ RJ_TRUE, NULL, 0 };
			else
				tail[n++] = it_str(ev->new_value);
			tail[n++] = it_str(ev->new_state);
			tail[n++] = it_str(ev->old_value);
			tail[n++] = it_str(ev->old_state);
		}
		while (n > floor && ((tail[n - 1].type == RJ_TRUE && has_path) ||
				     (tail[n - 1].type == RJ_NULL && n > 2)))
			n--;
		for (size_t j = 0; j < n; j++) {
			sb_addc(sb, ',');
			switch (tail[j].type) {
			case -1: {
				pkey pk = key_given(paths, e->given_ekey ? &e->given_ekey[k] : NULL,
						    ev->path);
				put_key(sb, &pk, ev->path);
				break;
			}
			case RJ_TRUE: sb_adds(sb, "true"); break;
			case RJ_NULL: sb_adds(sb, "null"); break;
			case RJ_INT: put_int(sb, tail[j].i); break;
			default: rjson_put_str(sb, tail[j].s);
			}
		}
		sb_addc(sb, ']');
	}
	sb_addc(sb, ']');
	return rc;
}

void record_index_free(record_index *ix)
{
	free(ix->by_path);
	free(ix->ev_path);
	free(ix->prev);
	free(ix->akey);
	free(ix->ekey);
	free(ix->a_last);
	free(ix->e_answer);
	free(ix->ev_ms);
	memset(ix, 0, sizeof *ix);
}

int record_encode_indexed(const record_paths *paths, const char *created,
			  const char *content_hash, const record_rows *rows,
			  const record_index *ix, strbuf *a, strbuf *v, char *err)
{
	enc e = { rows, ix->by_path, ix->ev_path, ix->n_ev_path, ix->prev, ix->akey, ix->ekey,
		  ix->a_last, ix->e_answer, ix->ev_ms, NULL };
	e.akey = xcalloc(rows->n_answers + 1, sizeof *e.akey);
	int rc = encode_answers(paths, &e, a, err);
	if (rc == 0)
		rc = encode_events(paths, &e, created, content_hash, v, err);
	free(e.akey);
	if (rc == 0 && (a->len > RECORD_MAX_TEXT || v->len > RECORD_MAX_TEXT))
		rc = errf(err, "the record is longer than a record may be");
	return rc;
}

int record_encode(const record_paths *paths, const char *created, const char *content_hash,
		  const record_rows *rows, char **answers, char **events, char *err)
{
	*answers = *events = NULL;
	for (size_t k = 0; k < rows->n_events; k++)
		if (rows->events[k].seq != (long long)k + 1)
			return errf(err, "event %zu: numbered %lld", k + 1, rows->events[k].seq);
	for (size_t k = 0; k < rows->n_answers; k++)
		if (!rows->answers[k].path)
			return errf(err, "answer %zu: no path", k + 1);
	record_index ix = { 0 };
	ix.by_path = xcalloc(rows->n_answers + 1, sizeof *ix.by_path);
	ix.ev_path = xcalloc(rows->n_events + 1, sizeof *ix.ev_path);
	ix.prev = xcalloc(rows->n_events + 1, sizeof *ix.prev);
	record_sort_answers(rows, ix.by_path);
	ix.n_ev_path = record_events_by_path(rows, ix.ev_path, ix.prev);
	strbuf a = STRBUF_INIT, v = STRBUF_INIT;
	int rc = record_encode_indexed(paths, created, content_hash, rows, &ix, &a, &v, err);
	record_index_free(&ix);
	if (rc) {
		sb_release(&a);
		sb_release(&v);
		return -1;
	}
	*answers = sb_detach(&a);
	*events = sb_detach(&v);
	return 0;
}
