/* test_iv_rows.c: an interview written and read through the store on both layouts (issue 18):
 * the same calls on a schema-7 file and on a schema-8 file (STORE_SCHEMA8) read back the same
 * answers, comments, events and hashes (store_iv_rows and its readers), and the schema-8 file's
 * records are byte for byte those record_migrate_7_to_8 makes of the schema-7 file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interview/form_ops.h"   /* (the Makefile links the layers a test names) */
#include "store/merge.h"
#include "store/paradata.h"
#include "store/record_schema.h"
#include "store/store_impl.h"
#include "util/util.h"

static char dir[] = "/tmp/survey-test-iv-rows-XXXXXX";
static char err[ERR_MAX];

static long long tick(void *arg)
{
	long long *t = arg;
	return *t += 1234;
}

static const char *const UUIDS[] = {
	"0b5e3f7a-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "1b5e3f7a-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
	"2b5e3f7a-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
};

/* The same interviews, by the same calls, into a new file (schema 8 with flags). */
static char *written(const char *name, int flags, long long *clock)
{
	char *path = xasprintf("%s/%s", dir, name);
	store *st;
	if (store_open(path, STORE_CREATE | flags, &st, err))
		fail_msg("%s", err);
	store_set_clock(st, tick, clock);
	size_t len;
	char *form = xasprintf("%s/surveys/covid19-lsg.md", getenv("TOP") ? getenv("TOP") : ".");
	char *bytes = read_file(form, &len, err);
	assert_non_null(bytes);
	free(form);
	assert_int_equal(store_form_put(st, "covid19_lsg", "2026120302", "t", "covid19-lsg.md", "md",
					bytes, len, err), 0);
	free(bytes);
	store_start how = { "covid19_lsg", "2026120302", "Айгүл", "ky",
			    "9a8b7c6d-1c2d-4e5f-8a9b-0c1d2e3f4a5b", UUIDS[0], NULL, ORIGIN_FIELD };
	store_iv *iv;
	assert_int_equal(store_iv_start(st, &how, &iv, err), 0);
	assert_int_equal(store_iv_set(iv, "username", "Өмүр", STATE_ANSWERED, err), 0);
	assert_int_equal(store_iv_set(iv, "respondent/oblast", "chuy", STATE_ANSWERED, err), 0);
	assert_int_equal(store_iv_set(iv, "respondent/oblast", NULL, STATE_SKIPPED, err), 0);
	assert_int_equal(store_iv_set(iv, "respondent/oblast", "osh", STATE_ANSWERED, err), 0);
	assert_int_equal(store_iv_set(iv, "social/partners[1]/partner_name", "A", STATE_ANSWERED,
				      err), 0);
	assert_int_equal(store_iv_set(iv, "social/partners[2]/partner_name", "B", STATE_ANSWERED,
				      err), 0);
	assert_int_equal(store_iv_set(iv, "not/in/the/form", "x", STATE_REFUSED, err), 0);
	assert_int_equal(store_iv_event(iv, "comment", "username", "a note", err), 0);
	assert_int_equal(store_iv_event(iv, "comment", "username", "", err), 0);
	assert_int_equal(store_iv_event(iv, "comment", "today", "first", err), 0);
	assert_int_equal(store_iv_event(iv, "comment", "today", "second", err), 0);
	assert_int_equal(store_iv_remove(iv, "social/partners[2]", err), 0);
	assert_int_equal(store_iv_set_position(iv, "today", "ru", "Өмүр", err), 0);
	assert_int_equal(store_iv_complete(iv, "Өмүр", err), 0);
	assert_int_equal(store_iv_reopen(iv, "fix", err), 0);
	assert_int_equal(store_iv_set(iv, "today", "2026-12-04", STATE_ANSWERED, err), 0);
	assert_int_equal(store_iv_complete(iv, "Өмүр", err), 0);
	store_iv_close(iv);
	how.uuid = UUIDS[1];
	how.created = "2026-12-04T10:00:00Z";   /* not canonical: kept as text */
	assert_int_equal(store_iv_start(st, &how, &iv, err), 0);
	assert_int_equal(store_iv_set(iv, "username", "B", STATE_DONT_KNOW, err), 0);
	assert_int_equal(store_iv_discard(iv, "test", err), 0);
	store_iv_close(iv);
	how.uuid = UUIDS[2];
	how.created = NULL;
	how.origin = ORIGIN_SIMULATED;
	assert_int_equal(store_iv_start(st, &how, &iv, err), 0);
	assert_int_equal(store_iv_set(iv, "username", "C", STATE_ANSWERED, err), 0);
	store_iv_close(iv);
	/* resumed: the event numbers and offsets go on from the record */
	assert_int_equal(store_iv_resume(st, UUIDS[2], &iv, err), 0);
	assert_int_equal(store_iv_set(iv, "username", NULL, STATE_SKIPPED, err), 0);
	store_state before;
	assert_int_equal(store_iv_state_before_skip(iv, "username", &before, err), 0);
	assert_int_equal(before, STATE_ANSWERED);
	store_iv_close(iv);
	store_close(st);
	return path;
}

static void same_text(const char *a, const char *b)
{
	if (a || b) {
		assert_non_null(a);
		assert_non_null(b);
		assert_string_equal(a, b);
	}
}

/* Every reader of one interview gives the same on both files. */
static void same_reads(store *a, store *b, const char *uuid)
{
	store_answer *x, *y;
	int nx, ny;
	assert_int_equal(store_answers(a, uuid, &x, &nx, err), 0);
	assert_int_equal(store_answers(b, uuid, &y, &ny, err), 0);
	assert_int_equal(nx, ny);
	for (int k = 0; k < nx; k++) {
		same_text(x[k].path, y[k].path);
		same_text(x[k].value, y[k].value);
		assert_int_equal(x[k].state, y[k].state);
	}
	store_answers_free(x, nx);
	store_answers_free(y, ny);
	assert_int_equal(store_comments(a, uuid, &x, &nx, err), 0);
	assert_int_equal(store_comments(b, uuid, &y, &ny, err), 0);
	assert_int_equal(nx, ny);
	for (int k = 0; k < nx; k++) {
		same_text(x[k].path, y[k].path);
		same_text(x[k].value, y[k].value);
	}
	store_answers_free(x, nx);
	store_answers_free(y, ny);
	store_event *ex, *ey;
	assert_int_equal(store_events(a, uuid, &ex, &nx, err), 0);
	assert_int_equal(store_events(b, uuid, &ey, &ny, err), 0);
	assert_int_equal(nx, ny);
	assert_true(nx > 0);
	for (int k = 0; k < nx; k++) {
		assert_int_equal(ex[k].seq, ey[k].seq);
		assert_int_equal(ex[k].at_ms, ey[k].at_ms);
		assert_int_equal(ex[k].offset_ms, ey[k].offset_ms);
		same_text(ex[k].kind, ey[k].kind);
		same_text(ex[k].path, ey[k].path);
		same_text(ex[k].old_value, ey[k].old_value);
		same_text(ex[k].new_value, ey[k].new_value);
	}
	store_events_free(ex, nx);
	store_events_free(ey, ny);
	char hx[65], hy[65];
	long long cx, cy;
	assert_int_equal(store_iv_events_hash(a, uuid, hx, &cx, err), 0);
	assert_int_equal(store_iv_events_hash(b, uuid, hy, &cy, err), 0);
	assert_string_equal(hx, hy);
	assert_int_equal(cx, cy);
	store_interview ix, iy;
	assert_int_equal(store_interview_get(a, uuid, &ix, err), 0);
	assert_int_equal(store_interview_get(b, uuid, &iy, err), 0);
	same_text(ix.status, iy.status);
	same_text(ix.modified, iy.modified);
	same_text(ix.completed, iy.completed);
	same_text(ix.content_hash, iy.content_hash);
	same_text(ix.instance_name, iy.instance_name);
	same_text(ix.position, iy.position);
	same_text(ix.lang, iy.lang);
	same_text(ix.origin, iy.origin);
	assert_int_equal(ix.revision, iy.revision);
	assert_int_equal(ix.answered, iy.answered);
	store_interview_release(&ix);
	store_interview_release(&iy);
}

static long long count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

static void test_both_layouts(void **state)
{
	long long c7 = 1764800000000, c8 = 1764800000000;
	char *p7 = written("seven.db", 0, &c7), *p8 = written("eight.db", STORE_SCHEMA8, &c8);
	store *a, *b;
	assert_int_equal(store_open(p7, STORE_READONLY, &a, err), 0);
	assert_int_equal(store_open(p8, STORE_READONLY, &b, err), 0);
	assert_int_equal(store_schema_version(a), 7);
	assert_int_equal(store_schema_version(b), 8);
	for (size_t k = 0; k < sizeof UUIDS / sizeof *UUIDS; k++)
		same_reads(a, b, UUIDS[k]);
	store_answer *c;
	int n;
	assert_int_equal(store_comments(b, UUIDS[0], &c, &n, err), 0);
	assert_int_equal(n, 1);   /* the cleared one is no comment */
	assert_string_equal(c[0].path, "today");
	assert_string_equal(c[0].value, "second");
	store_answers_free(c, n);
	store_close(a);
	store_close(b);

	/* the records written at schema 8 are those the migration makes of the schema-7 file */
	char *cmd = xasprintf("cp '%s' '%s.m'", p7, p7);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	char *pm = xasprintf("%s.m", p7);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(pm, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	if (record_migrate_7_to_8(db, err))
		fail_msg("%s", err);
	assert_int_equal(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	char *att = sqlite3_mprintf("ATTACH %Q AS eight", p8);
	assert_int_equal(sqlite3_exec(db, att, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(att);
	assert_int_equal(count(db, "SELECT count(*) FROM records"), 3);
	assert_int_equal(count(db, "SELECT count(*) FROM eight.records"), 3);
	assert_int_equal(count(db, "SELECT count(*) FROM (SELECT * FROM main.records EXCEPT "
			       "SELECT * FROM eight.records)"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM (SELECT * FROM eight.records EXCEPT "
			       "SELECT * FROM main.records)"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM (SELECT * FROM main.paths EXCEPT "
			       "SELECT * FROM eight.paths)"), 0);
	assert_true(count(db, "SELECT count(*) FROM eight.paths") > 10);
	sqlite3_close(db);
	free(pm);
	free(p7);
	free(p8);
}

/* What is not ported refuses a schema-8 file in one line. */
/* pack reads a schema-8 file's content as that of the schema-7 file of the same calls: the
 * same content hash (the one merge checks), and the pack is of schema 8. */
static void test_pack(void **state)
{
	long long c7 = 1764800000000, c8 = 1764800000000;
	char *p7 = written("pack7.db", 0, &c7), *p8 = written("pack8.db", STORE_SCHEMA8, &c8);
	char *o7 = xasprintf("%s/p7.db", dir), *o8 = xasprintf("%s/p8.db", dir), s7[65], s8[65];
	assert_int_equal(store_pack(p7, o7, s7, err), 0);
	if (store_pack(p8, o8, s8, err))
		fail_msg("%s", err);
	assert_string_equal(s8, s7);
	store *st;
	assert_int_equal(store_open(o8, STORE_READONLY, &st, err), 0);
	assert_int_equal(store_schema_version(st), 8);
	store_close(st);
	free(o7);
	free(o8);
	free(p7);
	free(p8);
}

static int setup(void **state)
{
	store_set_form_ops(interview_form_ops());
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_both_layouts),
		cmocka_unit_test(test_pack),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
