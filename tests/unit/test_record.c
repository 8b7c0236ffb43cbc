/* test_record.c: the record codec of issue 18 (store/record.h) — the bytes
 * bench/storage_layout.py writes for the same rows (record_golden.h), exact round trips of
 * crafted and random rows, canonical times, the path table, and hostile records: every
 * mutation of a record either decodes or fails with one line, never a crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record.h"
#include "util/util.h"

#include "record_golden.h"

static record_paths *golden_paths(void)
{
	char err[ERR_MAX] = "";
	record_paths *p = record_paths_new(golden_ids, golden_templates,
					   sizeof golden_ids / sizeof *golden_ids, err);
	assert_non_null(p);
	return p;
}

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* The rows are the same: the answers in any order, the events in order. */
static void expect_rows(const record_rows *want, const record_rows *got)
{
	assert_int_equal(want->n_answers, got->n_answers);
	assert_int_equal(want->n_events, got->n_events);
	for (size_t k = 0; k < want->n_answers; k++) {
		const record_answer *a = &want->answers[k], *b = NULL;
		for (size_t j = 0; j < got->n_answers && !b; j++)
			if (strcmp(got->answers[j].path, a->path) == 0)
				b = &got->answers[j];
		if (!b)
			fail_msg("answer '%s' missing", a->path);
		if (!same(a->value, b->value) || !same(a->state, b->state) ||
		    !same(a->modified, b->modified))
			fail_msg("answer '%s' differs", a->path);
	}
	for (size_t k = 0; k < want->n_events; k++) {
		const record_event *a = &want->events[k], *b = &got->events[k];
		if (a->seq != b->seq || a->offset_ms != b->offset_ms || !same(a->at, b->at) ||
		    !same(a->kind, b->kind) || !same(a->path, b->path) ||
		    !same(a->old_value, b->old_value) || !same(a->new_value, b->new_value) ||
		    !same(a->old_state, b->old_state) || !same(a->new_state, b->new_state))
			fail_msg("event %zu differs", k + 1);
	}
}

static void test_golden_bytes(void **state)
{
	record_paths *p = golden_paths();
	for (size_t g = 0; g < sizeof goldens / sizeof *goldens; g++) {
		char err[ERR_MAX] = "", *a, *e;
		assert_int_equal(record_encode(p, goldens[g].created, goldens[g].hash,
					       &goldens[g].rows, &a, &e, err), 0);
		assert_string_equal(a, goldens[g].answers);
		assert_string_equal(e, goldens[g].events);
		free(a);
		free(e);
		record_rows back;
		assert_int_equal(record_check(p, goldens[g].created, goldens[g].hash,
					      goldens[g].answers, strlen(goldens[g].answers),
					      goldens[g].events, strlen(goldens[g].events), &back,
					      err), 0);
		expect_rows(&goldens[g].rows, &back);
		record_rows_free(&back);
	}
	record_paths_free(p);
}

/* ---- random rows ---- */

static unsigned long long rng = 88172645463325252ULL;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *const R_PATHS[] = { "g/a", "g/b", "rep[1]/name", "rep[2]/name",
				       "rep[3]/age", "h/c", "no/such", "rep[0]/name", "g/a[1]",
				       "x[1]/y[2]", "" };
static const char *const R_STATES[] = { "answered", "skipped", "dont_know", "refused",
					"odd", NULL };
static const char *const R_KINDS[] = { "opened", "answer", "left", "completed", "removed",
				       "made-up" };
static const char *const R_VALUES[] = { "yes", "", "0", "Бишкек", "a\"b\\c", "\n\t\x01",
					"true", "null", "[1]", "\x7f\xc3", NULL };

static char *rtime(long long ms)
{
	char t[25];
	assert_int_equal(record_time_text(ms, t), 0);
	return xstrdup(t);
}

static void random_rows(record_rows *r, const char **created, int literal)
{
	size_t np = sizeof R_PATHS / sizeof *R_PATHS;
	long long c0 = 1633287600000LL, at = c0, off = 0;
	*created = "2021-10-03T19:00:00.000Z";
	r->n_events = rnd(30);
	r->events = xcalloc(r->n_events + 1, sizeof *r->events);
	for (size_t k = 0; k < r->n_events; k++) {
		record_event *e = &r->events[k];
		e->seq = (long long)k + 1;
		at += rnd(100000) - 2000;
		off += rnd(3) ? (long long)rnd(90000) : -(long long)rnd(5);
		e->offset_ms = off;
		e->at = literal && k == r->n_events / 2 ? xstrdup("2021-10-03T19:00:00Z") : rtime(at);
		e->kind = xstrdup(R_KINDS[rnd(6)]);
		if (rnd(5)) {
			e->path = xstrdup(R_PATHS[rnd((unsigned)np)]);
			e->new_value = xstrdup(R_VALUES[rnd(11)]);
			e->new_state = xstrdup(R_STATES[rnd(6)]);
			/* mostly the previous new values on the path, sometimes not */
			const record_event *prev = NULL;
			for (size_t j = k; j-- > 0 && !prev;)
				if (same(r->events[j].path, e->path))
					prev = &r->events[j];
			if (prev && rnd(4)) {
				e->old_value = xstrdup(prev->new_value);
				e->old_state = xstrdup(prev->new_state);
			} else if (rnd(2)) {
				e->old_value = xstrdup(R_VALUES[rnd(11)]);
				e->old_state = xstrdup(R_STATES[rnd(6)]);
			}
		} else if (rnd(2)) {
			e->new_value = xstrdup(R_VALUES[rnd(11)]);
			e->old_value = xstrdup(R_VALUES[rnd(11)]);
			e->new_state = xstrdup(R_STATES[rnd(6)]);
		}
	}
	/* answers: each path at most once; mostly the last event's value and time */
	r->answers = xcalloc(np, sizeof *r->answers);
	for (size_t j = 0; j < np; j++) {
		if (rnd(3) == 0)
			continue;
		record_answer *a = &r->answers[r->n_answers++];
		a->path = xstrdup(R_PATHS[j]);
		const record_event *last = NULL;
		for (size_t k = r->n_events; k-- > 0 && !last;)
			if (same(r->events[k].path, a->path))
				last = &r->events[k];
		if (last && rnd(4)) {
			a->value = xstrdup(last->new_value);
			a->state = xstrdup(last->new_state ? last->new_state : "answered");
			a->modified = xstrdup(rnd(5) ? last->at : "2021-10-03T19:00:00.5Z");
		} else {
			a->value = xstrdup(R_VALUES[rnd(11)]);
			a->state = xstrdup(R_STATES[rnd(5)]);
			a->modified = rtime(c0 + rnd(1000000));
		}
	}
}

/* The golden table's ids, and one whose ids do not follow their templates' text order (the
 * decoder orders paths of ids by their templates' order). */
static record_paths *shuffled_paths(void)
{
	static const long long ids[] = { 1, 2, 3, 4, 5, 6 };
	static const char *const ts[] = { "z/q", "h/c", "rep[%]/name", "a/b", "g/b", "g/a" };
	char err[ERR_MAX] = "";
	record_paths *p = record_paths_new(ids, ts, sizeof ids / sizeof *ids, err);
	assert_non_null(p);
	return p;
}

static void round_trips(record_paths *p)
{
	for (int round = 0; round < 400; round++) {
		record_rows r = { 0 }, back;
		const char *created;
		char err[ERR_MAX] = "", *a, *e, *a2, *e2;
		random_rows(&r, &created, round % 7 == 0);
		const char *hash = round % 3 ? "0f" : NULL;
		if (record_encode(round % 5 ? p : NULL, created, hash, &r, &a, &e, err))
			fail_msg("round %d: %s", round, err);
		if (record_check(round % 5 ? p : NULL, created, hash, a, strlen(a), e, strlen(e),
				 &back, err))
			fail_msg("round %d: %s\n%s\n%s", round, err, a, e);
		expect_rows(&r, &back);
		for (size_t k = 1; k < back.n_answers; k++)   /* record_check's: in path order */
			assert_true(strcmp(back.answers[k - 1].path, back.answers[k].path) < 0);
		/* record_events_have_kind finds an event of a kind iff the rows have one */
		static const char *const kinds[] = { "comment", "attached", "answer", "opened" };
		for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
			int has = 0;
			for (size_t j = 0; j < r.n_events; j++)
				has |= r.events[j].kind && strcmp(r.events[j].kind, kinds[k]) == 0;
			assert_int_equal(record_events_have_kind(e, strlen(e), kinds[k], err), has);
		}
		/* decoded rows encode to the same bytes */
		assert_int_equal(record_encode(round % 5 ? p : NULL, created, hash, &back, &a2, &e2,
					       err), 0);
		assert_string_equal(a, a2);
		assert_string_equal(e, e2);
		free(a);
		free(e);
		free(a2);
		free(e2);
		record_rows_free(&back);
		record_rows_free(&r);
	}
	record_paths_free(p);
}

static void test_random_round_trip(void **state)
{
	round_trips(golden_paths());
	round_trips(shuffled_paths());
	/* every path an id (the decoder's packed sort): record_check's answers in path order */
	record_paths *p = shuffled_paths();
	static const char *const paths[] = { "z/q", "rep[2]/name", "h/c", "a/b", "rep[10]/name",
					     "g/b", "g/a", "rep[1]/name" };
	size_t n = sizeof paths / sizeof *paths;
	record_rows r = { .answers = xcalloc(n, sizeof *r.answers), .n_answers = n }, back;
	for (size_t k = 0; k < n; k++)
		r.answers[k] = (record_answer){ xstrdup(paths[k]), xstrdup("v"),
						xstrdup("answered"), rtime(1633287600000LL) };
	char err[ERR_MAX] = "", *a, *e;
	assert_int_equal(record_encode(p, "2021-10-03T19:00:00.000Z", NULL, &r, &a, &e, err), 0);
	assert_int_equal(record_check(p, "2021-10-03T19:00:00.000Z", NULL, a, strlen(a), e,
				      strlen(e), &back, err), 0);
	expect_rows(&r, &back);
	for (size_t k = 1; k < n; k++)
		assert_true(strcmp(back.answers[k - 1].path, back.answers[k].path) < 0);
	free(a);
	free(e);
	record_rows_free(&back);
	record_rows_free(&r);
	record_paths_free(p);
}

static void expect_refused(const record_paths *p, const char *answers, const char *events,
			   const char *why)
{
	record_rows r;
	char err[ERR_MAX] = "";
	if (record_decode(p, "2021-10-03T19:00:00.000Z", "0f", answers, strlen(answers), events,
			  strlen(events), &r, err) == 0)
		fail_msg("accepted: %s / %s (%s)", answers, events, why);
	if (!strstr(err, why))
		fail_msg("%s / %s: '%s', not '%s'", answers, events, err, why);
	assert_null(strchr(err, '\n'));
	assert_int_equal(r.n_answers + r.n_events, 0);
}

static void test_hostile_cases(void **state)
{
	record_paths *p = golden_paths();
	const char *ok_e = "[[0,1,0]]";
	expect_refused(p, "", ok_e, "empty");
	expect_refused(p, "[0] ", ok_e, "bytes after");
	expect_refused(p, "[ 0]", ok_e, "unexpected byte");
	expect_refused(p, "{}", ok_e, "not an array");
	expect_refused(p, "[]", ok_e, "not an array");
	expect_refused(p, "[0,0,0,0,0,0,0,0,0,0,0,\"x\"]", ok_e, "slot 11 is no path");
	expect_refused(p, "[0,{\"1\":\"x\"}]", ok_e, "not a value");
	expect_refused(p, "[0,0,0,\"x\"]", ok_e, "not an object");
	expect_refused(p, "[0,0,0,{\"01\":\"x\"}]", ok_e, "bad instance");
	expect_refused(p, "[0,0,0,{\"1000000000\":\"x\"}]", ok_e, "bad instance");
	expect_refused(p, "[0,[\"x\",4]]", ok_e, "bad value or state");
	expect_refused(p, "[0,[\"x\",-1]]", ok_e, "bad value or state");
	expect_refused(p, "[0,[\"x\",null]]", ok_e, "bad value or state");
	expect_refused(p, "[0,[\"x\",0,5]]", ok_e, "bad time");
	expect_refused(p, "[0,[\"x\",0,\"t\",1]]", ok_e, "not a value");
	expect_refused(p, "[0,\"x\"]", ok_e, "no time and no event");
	expect_refused(p, "[{\"a\":\"x\",\"a\":[\"y\",0,\"t\"]}]", "[[0,1,0,\"a\"]]", "twice");
	expect_refused(p, "[0,[[[0]]]]", ok_e, "nested too deep");
	expect_refused(p, "[0]", "[[0,1]]", "3 to 8 values");
	expect_refused(p, "[0]", "[[0,1,0,null,null,null,null,null,null]]", "3 to 8 values");
	expect_refused(p, "[0]", "[[0,1,11]]", "bad kind");
	expect_refused(p, "[0]", "[[0,1,null]]", "bad kind");
	expect_refused(p, "[0]", "[[0,\"1\",0]]", "bad offset");
	expect_refused(p, "[0]", "[[\"t\",9223372036854775807,0],[\"t\",1,0]]", "bad offset");
	expect_refused(p, "[0]", "[[9223372036854775807,0,0]]", "bad time");
	expect_refused(p, "[0]", "[[-99999999999999999,0,0]]", "bad time");
	expect_refused(p, "[0]", "[[null,0,0]]", "bad time");
	expect_refused(p, "[0]", "[[0,1,0,4]]", "bad path");
	expect_refused(p, "[0]", "[[0,1,0,3,\"v\"]]", "bad path");
	expect_refused(p, "[0]", "[[0,1,0,[1,1],\"v\"]]", "bad path");
	expect_refused(p, "[0]", "[[0,1,0,[3,0],\"v\"]]", "bad path");
	expect_refused(p, "[0]", "[[0,1,0,[3],\"v\"]]", "bad path");
	expect_refused(p, "[0]", "[[0,1,0,1,5]]", "bad path or value");
	expect_refused(p, "[0]", "[[0,1,0,1,\"v\",9]]", "bad path or value");
	expect_refused(p, "[0]", "[[0,1,0,1,\"v\",0,1]]", "bad path or value");
	expect_refused(p, "[0]", "[[0,1,0,1]]", "its path has no answer");
	expect_refused(p, "[0]", "[[0,1,0,null,true,0]]", "bad path or value");
	expect_refused(p, "[0]", "[[0,1,0]", "not closed");
	expect_refused(p, "[0]", "[[0,1,0,\"a]]", "not closed");
	expect_refused(p, "[0]", "[[0,1,0,\"a\\x\"]]", "bad escape");
	expect_refused(p, "[0]", "[[0,1,0,\"a\\u0000\"]]", "NUL");
	expect_refused(p, "[0]", "[[0,1,0,\"a\\ud800\"]]", "lone surrogate");
	expect_refused(p, "[0]", "[[0,1,0,\"a\\udc00\"]]", "lone surrogate");
	expect_refused(p, "[0]", "[[0,1,0,\"a\\u12\"]]", "bad \\u");
	expect_refused(p, "[0]", "[[0,1,0,\"a\x01\"]]", "control byte");
	expect_refused(p, "[0]", "[[01,1,0]]", "leading zero");
	expect_refused(p, "[0]", "[[-0,1,0]]", "-0");
	expect_refused(p, "[0]", "[[-,1,0]]", "without digits");
	expect_refused(p, "[0]", "[[1.5,1,0]]", "not an integer");
	expect_refused(p, "[0]", "[[1e3,1,0]]", "not an integer");
	expect_refused(p, "[0]", "[[99999999999999999999,1,0]]", "beyond 64 bits");
	expect_refused(p, "[0]", "[[nul,1,0]]", "unexpected word");
	expect_refused(p, "[0]", "[{\"a\"0}]", "without ':'");
	expect_refused(p, "[0]", "{\"a\":0}", "not an array");
	expect_refused(p, "[{1:0}]", "[]", "key is not a string");
	/* a time beyond year 9999 */
	expect_refused(p, "[0]", "[[253402300799999,0,0]]", "bad time");
	/* decodes, but is not the one way survey writes it */
	record_rows r;
	char err[ERR_MAX] = "";
	const char *a = "[0,[\"yes\",0]]", *e = "[[0,1,1,1]]";
	assert_int_equal(record_decode(p, "2021-10-03T19:00:00.000Z", NULL, a, strlen(a), e,
				       strlen(e), &r, err), 0);
	assert_string_equal(r.answers[0].value, "yes");
	assert_string_equal(r.events[0].new_value, "yes");
	record_rows_free(&r);
	assert_int_equal(record_check(p, "2021-10-03T19:00:00.000Z", NULL, a, strlen(a), e,
				      strlen(e), &r, err), -1);
	assert_non_null(strstr(err, "not written the one way"));
	/* a refusal names a path escaped: a newline or escape in it neither breaks the one line
	 * nor reaches a terminal raw (fuzz_record found the newline) */
	const char *nl = "[{\"a\\nb\\u001b[2J\":\"x\"}]";
	assert_int_equal(record_decode(p, "2021-10-03T19:00:00.000Z", NULL, nl, strlen(nl), ok_e,
				       strlen(ok_e), &r, err), -1);
	assert_null(strchr(err, '\n'));
	assert_null(strchr(err, '\x1b'));
	assert_non_null(strstr(err, "'a\\nb\\x1b[2J': no time and no event"));
	assert_int_equal(record_check(p, "2021-10-03T19:00:00.000Z", NULL, nl, strlen(nl), ok_e,
				      strlen(ok_e), &r, err), -1);
	assert_null(strchr(err, '\n'));
	record_paths_free(p);
}

/* Every mutation of the golden records: decoded or refused with one line. */
static void test_hostile_mutations(void **state)
{
	record_paths *p = golden_paths();
	static const char junk[] = "[]{}\",:0-19nt\\u\x01\xff";
	for (size_t g = 0; g < sizeof goldens / sizeof *goldens; g++) {
		for (int round = 0; round < 3000; round++) {
			int which = round & 1;
			const char *src = which ? goldens[g].events : goldens[g].answers;
			size_t len = strlen(src);
			char *m = xmalloc(len + 8);
			memcpy(m, src, len + 1);
			size_t at = rnd((unsigned)len + 1);
			switch (rnd(4)) {
			case 0:
				if (at < len)
					m[at] = junk[rnd(sizeof junk - 1)];
				break;
			case 1:
				memmove(m + at + 1, m + at, len - at + 1);
				m[at] = junk[rnd(sizeof junk - 1)];
				len++;
				break;
			case 2:
				if (at < len) {
					memmove(m + at, m + at + 1, len - at);
					len--;
				}
				break;
			default:
				len = at;
			}
			record_rows r;
			char err[ERR_MAX] = "";
			const char *a = which ? goldens[g].answers : m;
			const char *e = which ? m : goldens[g].events;
			size_t alen = which ? strlen(a) : len, elen = which ? len : strlen(e);
			if (record_check(p, goldens[g].created, goldens[g].hash, a, alen, e, elen, &r,
					 err) == 0)
				record_rows_free(&r);
			else
				assert_true(err[0] && !strchr(err, '\n'));
			free(m);
		}
	}
	record_paths_free(p);
}

/* record_answers_each gives the answers record_decode gives (values and states, no times). */
typedef struct seen {
	const record_rows *want;
	size_t n;
} seen;

static int one_answer(void *arg, const char *path, const char *value, const char *state)
{
	seen *s = arg;
	const record_answer *a = NULL;
	for (size_t k = 0; k < s->want->n_answers && !a; k++)
		if (strcmp(s->want->answers[k].path, path) == 0)
			a = &s->want->answers[k];
	if (!a || !same(a->value, value) || !same(a->state, state))
		fail_msg("answer '%s' differs", path);
	s->n++;
	return 0;
}

static int stop_at_first(void *arg, const char *path, const char *value, const char *state)
{
	return 7;
}

/* The answers a reader of slots up to last, keeping those of keep (NULL: all), should get. */
struct upto {
	long long last;
	const unsigned char *keep;
	size_t n;
};

static int count_upto(void *arg, long long slot, int instance, const char *path,
		      const char *value, const char *state)
{
	struct upto *u = arg;
	u->n += slot <= u->last && (slot == 0 || !u->keep || u->keep[slot]);
	return 0;
}

/* record_answers_each_until gives, for every last slot and with every other slot or none
 * skipped, the answers of the slots up to it it keeps as the whole walk gives them, and no
 * other. */
static void answers_until(const record_paths *p, const char *a, const record_rows *want)
{
	char err[ERR_MAX];
	unsigned char keep[3][13];
	for (int s = 0; s < 13; s++) {
		keep[0][s] = 1;
		keep[1][s] = s % 2 == 0;
		keep[2][s] = s % 3 == 1;
	}
	for (long long last = -1; last < 12; last++)
		for (int k = 0; k < 4; k++) {
			struct upto u = { last, k < 3 ? keep[k] : NULL, 0 };
			assert_int_equal(record_answers_each_slot(p, a, strlen(a), count_upto, &u, err),
					 0);
			seen s = { want, 0 };
			if (record_answers_each_until(p, a, strlen(a), last, u.keep, one_answer, &s,
						      err))
				fail_msg("record_answers_each_until %lld: %s", last, err);
			assert_int_equal(s.n, u.n);
		}
}

static void test_answers_each(void **state)
{
	record_paths *p = golden_paths();
	char err[ERR_MAX];
	for (size_t g = 0; g < sizeof goldens / sizeof *goldens; g++) {
		seen s = { &goldens[g].rows, 0 };
		assert_int_equal(record_answers_each(p, goldens[g].answers,
						     strlen(goldens[g].answers), one_answer, &s, err),
				 0);
		assert_int_equal(s.n, goldens[g].rows.n_answers);
		answers_until(p, goldens[g].answers, &goldens[g].rows);
	}
	for (int round = 0; round < 200; round++) {
		record_rows r = { 0 };
		const char *created;
		char *a, *e;
		random_rows(&r, &created, 0);
		assert_int_equal(record_encode(p, created, NULL, &r, &a, &e, err), 0);
		seen s = { &r, 0 };
		assert_int_equal(record_answers_each(p, a, strlen(a), one_answer, &s, err), 0);
		assert_int_equal(s.n, r.n_answers);
		answers_until(p, a, &r);
		free(a);
		free(e);
		record_rows_free(&r);
	}
	assert_int_equal(record_answers_each(p, "[0,\"x\"]", 7, stop_at_first, NULL, err), 7);
	static const char *const bad[] = { "[0,[\"x\",4]]", "[0,[\"x\"]]", "[0,[\"x\",0,1]]",
					   "[0,0,0,{\"01\":\"x\"}]", "[0,0,0,\"x\"]",
					   "[0,0,0,0,0,0,0,0,0,0,0,\"x\"]", "{}", "[]", "[0" };
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		err[0] = '\0';
		assert_int_equal(record_answers_each(p, bad[k], strlen(bad[k]), stop_at_first, NULL,
						     err), -1);
		assert_true(err[0] && !strchr(err, '\n'));
	}
	record_paths_free(p);
}

/* record_events_have_kind on crafted texts: by code or text, anywhere, never on a value. */
static void test_events_have_kind(void **state)
{
	char err[ERR_MAX] = "";
	const char *with = "[[0,0,1,1],[5,5,10,2,\"why\"]]", *text = "[[0,0,\"comment\"]]",
		   *value = "[[0,0,1,1,\"comment\"],[0,0,0,null,10]]";
	assert_int_equal(record_events_have_kind(with, strlen(with), "comment", err), 1);
	assert_int_equal(record_events_have_kind(with, strlen(with), "attached", err), 0);
	assert_int_equal(record_events_have_kind(text, strlen(text), "comment", err), 1);
	assert_int_equal(record_events_have_kind(value, strlen(value), "comment", err), 0);
	assert_int_equal(record_events_have_kind("[]", 2, "comment", err), 0);
	assert_int_equal(record_events_have_kind("[[0,0,1", 7, "comment", err), -1);
	assert_non_null(strstr(err, "events"));
	assert_int_equal(record_events_have_kind("{}", 2, "comment", err), -1);
}

static void test_times(void **state)
{
	long long ms;
	char t[25];
	struct { const char *text; long long ms; } good[] = {
		{ "1970-01-01T00:00:00.000Z", 0 },
		{ "1969-12-31T23:59:59.999Z", -1 },
		{ "2021-10-03T19:00:00.000Z", 1633287600000LL },
		{ "2024-02-29T12:00:00.001Z", 1709208000001LL },
		{ "2000-02-29T00:00:00.000Z", 951782400000LL },
		{ "1000-01-01T00:00:00.000Z", -30610224000000LL },
		{ "9999-12-31T23:59:59.999Z", 253402300799999LL },
	};
	for (size_t k = 0; k < sizeof good / sizeof *good; k++) {
		assert_int_equal(record_time_ms(good[k].text, &ms), 0);
		assert_int_equal(ms, good[k].ms);
		assert_int_equal(record_time_text(ms, t), 0);
		assert_string_equal(t, good[k].text);
	}
	const char *bad[] = { "2021-02-29T00:00:00.000Z", "1900-02-29T00:00:00.000Z",
			      "2021-10-03T24:00:00.000Z", "2021-10-03T19:60:00.000Z",
			      "2021-10-03T19:00:60.000Z", "2021-13-03T19:00:00.000Z",
			      "2021-00-03T19:00:00.000Z", "2021-10-00T19:00:00.000Z",
			      "2021-04-31T19:00:00.000Z", "0999-10-03T19:00:00.000Z",
			      "2021-10-03T19:00:00.000z", "2021-10-03T19:00:00Z",
			      "2021-10-03T19:00:00.00Z", "2021-10-03T19:00:00.000+00:00",
			      "2021-10-03 19:00:00.000Z", "2021-1a-03T19:00:00.000Z", "", NULL };
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++)
		assert_int_equal(record_time_ms(bad[k], &ms), -1);
	assert_int_equal(record_time_text(253402300800000LL, t), -1);
	assert_int_equal(record_time_text(-30610224000001LL, t), -1);
}

/* A path given as text that is an id's template is that id's path: the answer of the id and
 * the events naming the text are on one path, and the text and the id answer it twice. */
static void test_text_is_template(void **state)
{
	record_paths *p = shuffled_paths();
	const char *c0 = "2021-10-03T19:00:00.000Z", *t = "\"2021-10-03T19:00:09.000Z\"";
	record_rows r;
	char err[ERR_MAX] = "";
	/* g/a is id 6, h/c id 2, z/q id 1 */
	const char *answers = "[0,[\"q\",0,\"2021-10-03T19:00:07.000Z\"],\"c\",0,0,0,\"yes\"]";
	const char *events = "[[0,1000,1,\"g/a\"],[0,2000,1,1],[0,3000,1,\"h/c\",\"x\",0],"
			     "[0,4000,1,\"g/a\",\"no\",0],[0,5000,1,6],[0,6000,1,\"h/c\"]]";
	if (record_decode(p, c0, NULL, answers, strlen(answers), events, strlen(events), &r, err))
		fail_msg("%s", err);
	assert_int_equal(r.n_answers, 3);
	assert_int_equal(r.n_events, 6);
	for (size_t k = 0; k < r.n_answers; k++) {
		const record_answer *a = &r.answers[k];
		if (strcmp(a->path, "g/a") == 0)   /* its time is its path's last event's */
			assert_string_equal(a->modified, r.events[4].at);
		else if (strcmp(a->path, "h/c") == 0)
			assert_string_equal(a->modified, r.events[5].at);
		else
			assert_string_equal(a->path, "z/q");
	}
	assert_string_equal(r.events[0].new_value, "yes");
	assert_null(r.events[0].old_value);
	assert_string_equal(r.events[1].new_value, "q");
	assert_string_equal(r.events[2].new_value, "x");
	assert_string_equal(r.events[3].old_value, "yes");
	assert_string_equal(r.events[4].old_value, "no");
	assert_string_equal(r.events[4].new_value, "yes");
	assert_string_equal(r.events[5].old_value, "x");
	assert_string_equal(r.events[5].new_value, "c");
	record_rows_free(&r);
	char *twice = xasprintf("[{\"g/a\":[\"x\",0,%s]},0,0,0,0,0,[\"yes\",0,%s]]", t, t);
	expect_refused(p, twice, "[]", "'g/a' twice");
	free(twice);
	record_paths_free(p);
}

static void test_paths(void **state)
{
	char err[ERR_MAX];
	struct { long long id; const char *t; const char *why; } bad[] = {
		{ 0, "a", "not a path" }, { RECORD_MAX_PATH_ID + 1, "a", "not a path" },
		{ 1, "", "not a path" }, { 1, "a[%]/b[%]/c", "not a path" },
		{ 1, "a[1]/b", "not a path" }, { 1, "a]", "not a path" },
	};
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		const char *t = bad[k].t;
		assert_null(record_paths_new(&bad[k].id, &t, 1, err));
		assert_non_null(strstr(err, bad[k].why));
	}
	long long ids[] = { 2, 2 };
	const char *ts[] = { "a", "b" };
	assert_null(record_paths_new(ids, ts, 2, err));
	assert_non_null(strstr(err, "another id"));
	long long ids2[] = { 2, 3 };
	const char *ts2[] = { "r[%]/a", "r/a" };
	assert_null(record_paths_new(ids2, ts2, 2, err));
	assert_non_null(strstr(err, "another id"));
	record_paths *p = record_paths_new(ids2, ts2, 1, err);
	assert_non_null(p);
	assert_string_equal(record_paths_template(p, 2), "r[%]/a");
	assert_null(record_paths_template(p, 3));
	assert_null(record_paths_template(p, 0));
	assert_null(record_paths_template(p, -2));
	record_paths_free(p);
	record_paths_free(NULL);
	/* sparse ids (looked up by a search, not by index) */
	long long ids3[] = { RECORD_MAX_PATH_ID, 5, 70 };
	const char *ts3[] = { "z", "r[%]/a", "b" };
	assert_non_null(p = record_paths_new(ids3, ts3, 3, err));
	assert_string_equal(record_paths_template(p, RECORD_MAX_PATH_ID), "z");
	assert_string_equal(record_paths_template(p, 5), "r[%]/a");
	assert_string_equal(record_paths_template(p, 70), "b");
	assert_null(record_paths_template(p, 6));
	assert_null(record_paths_template(p, RECORD_MAX_PATH_ID + 1));
	record_paths_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_bytes),
		cmocka_unit_test(test_random_round_trip),
		cmocka_unit_test(test_text_is_template),
		cmocka_unit_test(test_hostile_cases),
		cmocka_unit_test(test_hostile_mutations),
		cmocka_unit_test(test_answers_each),
		cmocka_unit_test(test_events_have_kind),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_paths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
