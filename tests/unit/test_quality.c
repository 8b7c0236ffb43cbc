/* test_quality.c: each quality flag on crafted paradata (analysis/quality.c), and the review
 * state of an interview's versions (store/reviews.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "analysis/quality.h"
#include "store/reviews.h"
#include "util/util.h"

#define T0 1700000000000LL  /* 2023-11-14T22:13:20Z */
#define NOON (T0 - 8 * 3600000LL) /* 14:13 UTC */

/* n interviews of one form on their own devices, each an "opened" event at start[i] and a
 * "completed" one dur[i] ms later (offsets alike). */
typedef struct fixture {
	quality_iv iv[16];
	quality_event ev[16][40];
	quality_answer an[16][20];
	char uuid[16][16], dev[16][16];
	quality_result r[16];
	int n;
} fixture;

static void make(fixture *f, int n, long long start, long long dur)
{
	memset(f, 0, sizeof *f);
	f->n = n;
	for (int i = 0; i < n; i++) {
		snprintf(f->uuid[i], sizeof f->uuid[i], "u%d", i);
		snprintf(f->dev[i], sizeof f->dev[i], "d%d", i);
		f->ev[i][0] = (quality_event){ start + i * 1200000LL, 2000, "opened", NULL, NULL, NULL };
		f->ev[i][1] = (quality_event){ start + i * 1200000LL + dur, dur, "completed", NULL,
					       NULL, NULL };
		f->iv[i] = (quality_iv){ f->uuid[i], "form", f->dev[i], "Aida", f->ev[i], 2,
					 f->an[i], 0 };
	}
}

static void run(fixture *f)
{
	quality_opts o;
	quality_defaults(&o);
	quality_compute(f->iv, f->n, &o, f->r);
}

static void run_keys(fixture *f, const char *key)
{
	quality_opts o;
	quality_defaults(&o);
	o.keys = &key;
	o.nkeys = 1;
	quality_compute(f->iv, f->n, &o, f->r);
}

static void test_clean(void **state)
{
	fixture f;
	make(&f, 6, NOON, 600000);
	run(&f);
	for (int i = 0; i < f.n; i++)
		assert_int_equal(f.r[i].flags, 0);
}

static void test_too_fast(void **state)
{
	fixture f;
	make(&f, 6, NOON, 600000);
	f.ev[2][1].offset_ms = 200000;   /* a third of the median */
	f.ev[4][1].offset_ms = 400000;   /* two thirds: not flagged */
	run(&f);
	assert_int_equal(f.r[2].flags, QF_TOO_FAST);
	assert_int_equal(f.r[2].duration_ms, 200000);
	assert_int_equal(f.r[2].median_ms, 600000);
	assert_int_equal(f.r[4].flags, 0);
	/* too few interviews to judge */
	make(&f, 4, NOON, 600000);
	f.ev[2][1].offset_ms = 100000;
	run(&f);
	assert_int_equal(f.r[2].flags, 0);
}

static void test_dont_know(void **state)
{
	fixture f;
	make(&f, 2, NOON, 600000);
	const char *paths[] = { "a", "b", "c", "d", "e", "f", "g", "h" };
	for (int i = 0; i < 2; i++) {
		for (int k = 0; k < 8; k++)
			f.an[i][k] = (quality_answer){ paths[k], "1", STATE_ANSWERED, NULL };
		f.iv[i].nanswers = 8;
	}
	f.an[0][1].state = STATE_DONT_KNOW;
	f.an[0][3].state = STATE_REFUSED;
	f.an[0][5].state = STATE_DONT_KNOW;   /* 3 of 8 */
	f.an[1][1].state = STATE_DONT_KNOW;
	f.an[1][2].state = STATE_DONT_KNOW;   /* 2 of 8: below */
	f.an[1][3].state = STATE_SKIPPED;
	run(&f);
	assert_int_equal(f.r[0].flags, QF_DONT_KNOW);
	assert_true(f.r[0].dont_know_share > 0.37 && f.r[0].dont_know_share < 0.38);
	assert_int_equal(f.r[1].flags, 0);
}

static void test_straight_line(void **state)
{
	fixture f;
	make(&f, 2, NOON, 600000);
	const char *paths[] = { "g1", "g2", "g3", "g4", "g5", "g6", "x" };
	for (int i = 0; i < 2; i++) {
		for (int k = 0; k < 6; k++)
			f.an[i][k] = (quality_answer){ paths[k], "agree", STATE_ANSWERED, "likert" };
		f.an[i][6] = (quality_answer){ "x", "agree", STATE_ANSWERED, "other" };
		f.iv[i].nanswers = 7;
	}
	f.an[1][2].value = "disagree";   /* runs of 2 and 3 only */
	f.an[0][3].state = STATE_SKIPPED; /* not asked: passed over, the run goes on (5) */
	f.an[0][3].value = "disagree";
	run(&f);
	assert_int_equal(f.r[0].flags, QF_STRAIGHT_LINE);
	assert_int_equal(f.r[0].straight_run, 5);
	assert_string_equal(f.r[0].straight_path, "g1");
	assert_int_equal(f.r[1].flags, 0);
	assert_int_equal(f.r[1].straight_run, 3);
}

static void test_changes(void **state)
{
	fixture f;
	make(&f, 2, NOON, 600000);
	for (int i = 0; i < 2; i++) {
		quality_event *e = f.ev[i];
		e[1] = (quality_event){ NOON, 3000, "answer", "age", NULL, "30" };
		e[2] = (quality_event){ NOON, 4000, "answer", "age", "30", "31" };
		e[3] = (quality_event){ NOON, 5000, "answer", "age", "31", "32" };
		e[4] = (quality_event){ NOON, 6000, "answer", "size", NULL, "3" };
		e[5] = (quality_event){ NOON, 7000, "answer", "age", "32", "33" };
		e[6] = (quality_event){ NOON + 600000, 600000, "completed", NULL, NULL, NULL };
		f.iv[i].nevents = 7;
	}
	f.ev[1][5].path = "size";   /* age changed twice, size once */
	f.ev[1][5].old_value = "3";
	run(&f);
	assert_int_equal(f.r[0].flags, QF_CHANGES);
	assert_int_equal(f.r[0].changes, 3);
	assert_string_equal(f.r[0].changes_path, "age");
	assert_int_equal(f.r[1].flags, 0);
	assert_int_equal(f.r[1].changes, 2);
}

static void test_night(void **state)
{
	fixture f;
	make(&f, 3, NOON, 600000);
	/* T0 is 22:13 UTC: interview 0 starts at night; 1 starts at 13:00 and ends at 01:00 */
	f.ev[0][0].at_ms = T0;
	f.ev[0][1].at_ms = T0 + 600000;
	f.ev[1][0].at_ms = T0 - 9 * 3600000LL;
	f.ev[1][1].at_ms = T0 + 3 * 3600000LL;
	f.ev[2][0].at_ms = T0 - 9 * 3600000LL;  /* 13:13 to 13:23 */
	f.ev[2][1].at_ms = T0 - 9 * 3600000LL + 600000;
	run(&f);
	assert_int_equal(f.r[0].flags, QF_NIGHT);
	assert_int_equal(f.r[0].night_hour, 22);
	assert_int_equal(f.r[1].flags, QF_NIGHT);
	assert_int_equal(f.r[1].night_hour, 1);
	assert_int_equal(f.r[2].flags, 0);
	assert_int_equal(f.r[2].night_hour, -1);
}

static void test_overlap(void **state)
{
	fixture f;
	make(&f, 4, NOON, 600000);   /* twenty minutes apart each */
	f.iv[1].device_id = "d0";
	f.ev[1][0].at_ms = f.ev[0][0].at_ms + 300000;   /* starts before 0 ends */
	f.ev[1][1].at_ms = f.ev[1][0].at_ms + 600000;
	f.ev[3][0].at_ms = f.ev[2][0].at_ms + 300000;   /* same time, other device */
	f.ev[3][1].at_ms = f.ev[3][0].at_ms + 600000;
	run(&f);
	assert_int_equal(f.r[0].flags, QF_OVERLAP);
	assert_string_equal(f.r[0].overlap_uuid, "u1");
	assert_int_equal(f.r[1].flags, QF_OVERLAP);
	assert_string_equal(f.r[1].overlap_uuid, "u0");
	assert_int_equal(f.r[2].flags, 0);
	assert_int_equal(f.r[3].flags, 0);
}

/* A categorical key question (a single choice): 16 interviews of A, B, C and D, 4 each; A, B
 * and C answer "yes" half of the time, D never. */
static void choice_fixture(fixture *f, char val[16][8], int d_yes)
{
	make(f, 16, NOON, 600000);
	const char *who[] = { "A", "B", "C", "D" };
	for (int i = 0; i < 16; i++) {
		int w = i % 4, k = i / 4;   /* the interviewer, and their k-th interview */
		f->iv[i].interviewer = who[w];
		snprintf(val[i], 8, "%s", (w < 3 ? k % 2 == 0 : k < d_yes) ? "yes" : "no");
		f->an[i][0] = (quality_answer){ "got_help", val[i], STATE_ANSWERED, "yes_no" };
		f->iv[i].nanswers = 1;
	}
}

static void test_outlier_choice(void **state)
{
	fixture f;
	char val[16][8];
	choice_fixture(&f, val, 0);
	run_keys(&f, "got_help");
	for (int i = 0; i < 16; i++) {
		assert_int_equal(f.r[i].flags, i % 4 == 3 ? QF_OUTLIER : 0);
		if (i % 4 == 3)
			assert_string_equal(f.r[i].outlier_path, "got_help");
	}
	/* one "yes" of four (25 points from the others' half): not far enough */
	choice_fixture(&f, val, 1);
	run_keys(&f, "got_help");
	for (int i = 0; i < 16; i++)
		assert_int_equal(f.r[i].flags, 0);
	/* answers as words without a list are categorical too */
	choice_fixture(&f, val, 0);
	for (int i = 0; i < 16; i++)
		f.an[i][0].list = NULL;
	run_keys(&f, "got_help");
	assert_int_equal(f.r[3].flags, QF_OUTLIER);
	assert_int_equal(f.r[0].flags, 0);
}

static void test_outlier(void **state)
{
	fixture f;
	make(&f, 12, NOON, 600000);
	const char *who[] = { "A", "B", "C", "D" };
	static char val[12][16];
	for (int i = 0; i < 12; i++) {
		f.iv[i].interviewer = who[i % 4];
		/* A, B, C about 5; D about 20 */
		snprintf(val[i], sizeof val[i], "%d", i % 4 == 3 ? 20 + i % 2 : 4 + i % 3);
		f.an[i][0] = (quality_answer){ "hh_size", val[i], STATE_ANSWERED, NULL };
		f.iv[i].nanswers = 1;
	}
	run_keys(&f, "hh_size");
	for (int i = 0; i < 12; i++) {
		assert_int_equal(f.r[i].flags, i % 4 == 3 ? QF_OUTLIER : 0);
		if (i % 4 == 3)
			assert_string_equal(f.r[i].outlier_path, "hh_size");
	}
	/* without the key, or with 2 interviewers only, nothing */
	run(&f);
	for (int i = 0; i < 12; i++)
		assert_int_equal(f.r[i].flags, 0);
	for (int i = 0; i < 12; i++)
		f.iv[i].interviewer = who[i % 2 ? 3 : 0];
	run_keys(&f, "hh_size");
	for (int i = 0; i < 12; i++)
		assert_int_equal(f.r[i].flags, 0);
}

static void test_flag_names(void **state)
{
	for (int i = 0; i < QUALITY_NFLAGS; i++)
		assert_int_equal(quality_flag_parse(quality_flag_name(i)), 1 << i);
	assert_int_equal(quality_flag_parse("fast"), 0);
	assert_int_equal(quality_flag_parse(NULL), 0);
}

/* --- reviews: the state follows the interview's current version ---------------------------- */

static char dir[] = "/tmp/survey-test-quality-XXXXXX";

static void test_review_versions(void **state)
{
	char err[ERR_MAX];
	assert_non_null(mkdtemp(dir));
	char *p = xasprintf("%s/r.db", dir);
	store *st;
	assert_int_equal(store_open(p, STORE_CREATE, &st, err), 0);
	assert_int_equal(store_has_reviews(st), 1);
	store_start how = { .form_id = "f", .form_version = "1", .interviewer = "Aida" };
	store_iv *iv;
	assert_int_equal(store_iv_start(st, &how, &iv, err), 0);
	char uuid[STORE_UUID_LEN + 1];
	snprintf(uuid, sizeof uuid, "%s", store_iv_uuid(iv));
	assert_int_equal(store_iv_set(iv, "q", "1", STATE_ANSWERED, err), 0);
	store_review_state rs;
	/* a draft: nothing to review, and no decision on it */
	assert_int_equal(store_review_get(st, uuid, &rs, err), 0);
	assert_int_equal(rs, REVIEW_NONE);
	assert_int_equal(store_review_add(st, uuid, "Boss", "approved", NULL, NULL, err), -1);
	assert_non_null(strstr(err, "draft"));
	assert_int_equal(store_iv_complete(iv, NULL, err), 0);
	assert_int_equal(store_review_get(st, uuid, &rs, err), 0);
	assert_int_equal(rs, REVIEW_TO_REVIEW);
	/* a rejection needs its reason; a comment its question */
	assert_int_equal(store_review_add(st, uuid, "Boss", "rejected", NULL, "", err), -1);
	assert_int_equal(store_review_add(st, uuid, "Boss", "comment", "nope", "x", err), -1);
	assert_int_equal(store_review_add(st, uuid, "Boss", "comment", "q", "really 1?", err), 0);
	assert_int_equal(store_review_add(st, uuid, "Boss", "rejected", NULL, "check q", err), 0);
	assert_int_equal(store_review_get(st, uuid, &rs, err), 0);
	assert_int_equal(rs, REVIEW_REJECTED);
	/* corrected on the laptop: a new version, to review again; old rows stay, not current */
	assert_int_equal(store_iv_reopen(iv, "supervisor", err), 0);
	assert_int_equal(store_iv_set(iv, "q", "2", STATE_ANSWERED, err), 0);
	assert_int_equal(store_iv_complete(iv, NULL, err), 0);
	assert_int_equal(store_review_get(st, uuid, &rs, err), 0);
	assert_int_equal(rs, REVIEW_TO_REVIEW);
	store_review *rv;
	int n;
	assert_int_equal(store_reviews(st, uuid, &rv, &n, err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(rv[0].current + rv[1].current, 0);
	store_reviews_free(rv, n);
	assert_int_equal(store_review_add(st, uuid, "Boss", "approved", NULL, NULL, err), 0);
	assert_int_equal(store_review_get(st, uuid, &rs, err), 0);
	assert_int_equal(rs, REVIEW_APPROVED);
	/* an interview that does not exist */
	assert_int_equal(store_review_add(st, "00000000-0000-4000-8000-000000000000", "Boss",
					  "rejected", NULL, "x", err), -1);
	assert_non_null(strstr(err, "no interview"));
	/* a text with a control character */
	assert_int_equal(store_review_add(st, uuid, "Boss", "rejected", NULL, "a\x1b[2J", err), -1);
	store_iv_close(iv);
	store_close(st);
	char *cmd = xasprintf("rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(p);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_too_fast),
		cmocka_unit_test(test_dont_know),
		cmocka_unit_test(test_straight_line),
		cmocka_unit_test(test_changes),
		cmocka_unit_test(test_night),
		cmocka_unit_test(test_overlap),
		cmocka_unit_test(test_outlier),
		cmocka_unit_test(test_outlier_choice),
		cmocka_unit_test(test_flag_names),
		cmocka_unit_test(test_review_versions),
	};
	return cmocka_run_group_tests_name("quality", tests, NULL, NULL);
}
