/* record_scan.c: a record read without decoding it whole (record.h): its answers without its
 * events (record_answers_each: one parse, no allocation per answer — the reader for analysis,
 * which needs values and states but not times), and whether its log holds an event of a kind
 * (record_events_have_kind). */
#include <stdlib.h>
#include <string.h>

#include "store/record_impl.h"

/* Where an entry stands: its slot (path id; 0 for the paths given as text) and whether it is
 * one instance of a repeat's slot. */
struct at {
	long long slot;
	int instance;
};

/* One answer entry: a string (answered) or [value, state, time?]. */
static int entry(const rjson *doc, const rjnode *v, struct at at, const char *path,
		 record_slot_answer_fn fn, void *arg, char *err)
{
	if (v->type == RJ_STR)
		return fn(arg, at.slot, at.instance, path, v->s, record_states[0]);
	const rjnode *val = rjson_at(doc, v, 0), *st = rjson_at(doc, v, 1);
	if (v->type != RJ_ARR || v->len < 2 || v->len > 3 ||
	    (val->type != RJ_STR && val->type != RJ_NULL) ||
	    (st->type == RJ_INT && (st->i < 0 || (size_t)st->i >= record_n_states)) ||
	    (st->type != RJ_INT && st->type != RJ_STR) ||
	    (v->len == 3 && rjson_at(doc, v, 2)->type != RJ_STR))
		return record_path_err(err, "the record's answer '%.60s': not a value", path);
	return fn(arg, at.slot, at.instance, path, val->type == RJ_STR ? val->s : NULL,
		  st->type == RJ_INT ? record_states[st->i] : st->s);
}

/* path := template t with its "[%]" (at rep) made "[key]" (kl bytes); -1 when it does not fit. */
static int instance_path(char *path, size_t size, const char *t, const char *rep, const char *key,
			 size_t kl)
{
	size_t head = (size_t)(rep - t), tail = strlen(rep + 3);
	if (head + kl + tail + 3 > size)
		return -1;
	memcpy(path, t, head);
	path[head] = '[';
	memcpy(path + head + 1, key, kl);
	path[head + 1 + kl] = ']';
	memcpy(path + head + 2 + kl, rep + 3, tail + 1);
	return 0;
}

int record_answers_each_slot(const record_paths *paths, const char *answers, size_t alen,
			     record_slot_answer_fn fn, void *arg, char *err)
{
	rjson doc;
	int rc = rjson_parse(&doc, answers, alen, 3, "the record's answers", err);
	const rjnode *top = rc ? NULL : &doc.v[1];
	if (!rc && (top->type != RJ_ARR || top->len < 1))
		rc = errf(err, "the record's answers: not an array");
	long long slot = 0;
	char path[4096];
	for (size_t i = rc ? 0 : top->kid; i && !rc; i = doc.v[i].next, slot++) {
		const rjnode *v = &doc.v[i];
		if (v->type == RJ_INT && v->i == 0)
			continue;
		const char *t = slot ? record_paths_template(paths, slot) : NULL;
		const char *rep = t ? strstr(t, "[%]") : NULL;
		if (slot > 0 && !t) {
			rc = errf(err, "the record's answers: slot %lld is no path of the form", slot);
		} else if (slot > 0 && !rep) {
			rc = entry(&doc, v, (struct at){ slot, 0 }, t, fn, arg, err);
		} else if (v->type != RJ_OBJ || v->len == 0) {
			rc = errf(err, "the record's answers: slot %lld is not an object", slot);
		} else {
			for (size_t j = v->kid; j && !rc; j = doc.v[j].next) {
				const rjnode *m = &doc.v[j];
				const char *key = m->key;
				size_t kl = strlen(key);
				int ok = !slot || (kl >= 1 && kl <= 9 && key[0] >= '1' && key[0] <= '9' &&
						   strspn(key, "0123456789") == kl);
				if (ok && slot && instance_path(path, sizeof path, t, rep, key, kl))
					ok = 0;
				rc = ok ? entry(&doc, m, (struct at){ slot, slot > 0 },
						slot ? path : key, fn, arg, err) :
					  errf(err, "the record's answers: slot %lld has a bad instance",
					       slot);
			}
		}
	}
	rjson_free(&doc);
	return rc;
}

struct plain {
	record_answer_fn fn;
	void *arg;
};

static int plain(void *arg, long long slot, int instance, const char *path, const char *value,
		 const char *state)
{
	const struct plain *p = arg;
	return p->fn(p->arg, path, value, state);
}

int record_answers_each(const record_paths *paths, const char *answers, size_t alen,
			record_answer_fn fn, void *arg, char *err)
{
	struct plain p = { fn, arg };
	return record_answers_each_slot(paths, answers, alen, plain, &p, err);
}

/* The end of the JSON value at p (before end) of a record's text, skipped without being
 * parsed: past its closing quote or bracket, or at the comma or bracket after a bare word;
 * NULL when it does not end there (the full parse then says why). */
static const char *skip_value(const char *p, const char *end)
{
	int depth = 0;
	for (; p < end; p++) {
		char c = *p;
		if (c == '"') {   /* a string, to its closing quote */
			for (p++; p < end && *p != '"'; p++)
				if (*p == '\\' && ++p >= end)
					return NULL;
			if (p >= end)
				return NULL;
		} else if (c == '[' || c == '{') {
			depth++;
			continue;
		} else if (c == ']' || c == '}') {
			if (depth-- == 0)
				return p;   /* the end of the array this value is in */
		} else if (c == ',' && depth == 0) {
			return p;
		} else {
			continue;
		}
		if (depth == 0)
			return p + 1;
	}
	return NULL;
}

/* The calls of record_answers_each for the slots a reader keeps (record_answers_each_until). */
struct kept {
	long long last;
	const unsigned char *keep;
	record_answer_fn fn;
	void *arg;
};

static int kept_answer(void *arg, long long slot, int instance, const char *path,
		       const char *value, const char *state)
{
	const struct kept *k = arg;
	if (slot > k->last || (slot > 0 && k->keep && !k->keep[slot]))
		return 0;
	return k->fn(k->arg, path, value, state);
}

int record_answers_each_until(const record_paths *paths, const char *answers, size_t alen,
			      long long last, const unsigned char *keep, record_answer_fn fn,
			      void *arg, char *err)
{
	/* the bytes of slots 0..last, found by skipping, those not kept as 0 (no answer); then
	 * parsed as an array of their own */
	struct kept k = { last, keep, fn, arg };
	const char *p = answers, *end = answers + alen;
	if (last < 0)
		return 0;
	if (alen > 2 && *p == '[') {
		strbuf sb = STRBUF_INIT;
		sb_addc(&sb, '[');
		p++;
		for (long long slot = 0;; slot++, p++) {   /* p: past each value's comma */
			const char *value = p;
			p = skip_value(p, end);
			/* the end of the array (all of it is read), or not as survey writes it (the
			 * full parse says why) */
			if (!p || p >= end || *p != ',')
				break;
			if (slot)
				sb_addc(&sb, ',');
			if (!slot || !keep || keep[slot])
				sb_add(&sb, value, (size_t)(p - value));
			else
				sb_addc(&sb, '0');
			if (slot == last) {
				sb_addc(&sb, ']');
				int rc = record_answers_each_slot(paths, sb.buf, sb.len, kept_answer, &k,
								  err);
				sb_release(&sb);
				return rc;
			}
		}
		sb_release(&sb);
	}
	return record_answers_each_slot(paths, answers, alen, kept_answer, &k, err);
}

int record_events_have_kind(const char *events, size_t elen, const char *kind, char *err)
{
	long long code = -1;
	for (size_t k = 0; k < record_n_kinds; k++)
		if (strcmp(record_kinds[k], kind) == 0)
			code = (long long)k;
	rjson doc;
	int rc = rjson_parse(&doc, events, elen, 3, "the record's events", err);
	const rjnode *top = rc ? NULL : &doc.v[1];
	if (!rc && top->type != RJ_ARR)
		rc = errf(err, "the record's events: not an array");
	int found = 0;
	for (size_t i = rc ? 0 : top->kid; i && !found; i = doc.v[i].next) {
		const rjnode *k = doc.v[i].type == RJ_ARR ? rjson_at(&doc, &doc.v[i], 2) : NULL;
		found = k && ((k->type == RJ_INT && k->i == code) ||
			      (k->type == RJ_STR && strcmp(k->s, kind) == 0));
	}
	rjson_free(&doc);
	return rc ? -1 : found;
}
