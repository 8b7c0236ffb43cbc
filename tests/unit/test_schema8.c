/* test_schema8.c: the migration of a schema-7 file to the records of schema 8
 * (record_schema.h; not yet the store's schema) loses nothing: the views interviews, answers
 * and events give back every row of the file as it was, on simulated interviews of the shipped
 * survey and on rows crafted at the edges of the encoding; a row survey never writes stops the
 * migration with one line and the transaction leaves the file as it was. Needs $SURVEY
 * (tests/run sets it); skipped without it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "interview/form_ops.h"
#include "store/record_schema.h"
#include "util/util.h"

static char dir[] = "/tmp/test_schema8.XXXXXX";

static void sql(sqlite3 *db, const char *q)
{
	char *msg = NULL;
	if (sqlite3_exec(db, q, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%.200s: %s", q, msg);
}

static long long count(sqlite3 *db, const char *q)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, q, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", q, sqlite3_errmsg(db));
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* A schema-7 file of 12 simulated interviews (crafted: with t1200's edge cases) at path. */
static void simulated(const char *path, int crafted)
{
	const char *survey = getenv("SURVEY"), *top = getenv("TOP");
	if (!survey || !top)
		skip();
	char *cmd = xasprintf("'%s' simulate '%s/surveys/covid19-lsg.md' -n 12 --db '%s' --seed 5 "
			      "--quiet", survey, top, path);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sql(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE");
	if (crafted)
		sql(db, "CREATE TEMP TABLE u AS SELECT uuid, row_number() OVER (ORDER BY uuid) AS n "
			"FROM interviews;"
			"UPDATE interviews SET created = '2021-10-03T19:43:21+06:00' "
			"WHERE uuid = (SELECT uuid FROM u WHERE n = 1);"
			"UPDATE events SET at = '2021-10-03T19:43:21Z' WHERE seq = 2 AND "
			"uuid = (SELECT uuid FROM u WHERE n = 2);"
			"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE "
			"e.uuid = u.uuid), '2021-10-03T19:50:00.123Z', 999999, 'custom', NULL, 'was', "
			"'is', NULL, NULL FROM u WHERE n = 2;"
			"UPDATE answers SET value = NULL, state = 'dont_know', modified = "
			"'2021-10-03T19:52:00.000Z' WHERE uuid = (SELECT uuid FROM u WHERE n = 3) AND "
			"path = (SELECT min(path) FROM answers a WHERE a.uuid = answers.uuid);"
			"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE "
			"e.uuid = u.uuid), '2021-10-03T19:53:00.000Z', 1000001, 'answer', 'gone[3]/q', "
			"NULL, 'say \"hi\"' || char(10, 1) || '[1,true]', NULL, 'answered' FROM u "
			"WHERE n = 4;"
			"INSERT INTO answers SELECT uuid, p.column1, 'x', 'answered', "
			"'2021-10-03T19:56:00.000Z' FROM u, (VALUES('no/such'), "
			"('respondent/oblast[2]'), ('social/partners[0]/partner_name'), "
			"('social/partners[12]/partner_name')) p WHERE n = 7;"
			"UPDATE interviews SET content_hash = upper(content_hash) "
			"WHERE uuid = (SELECT uuid FROM u WHERE n = 5);"
			"UPDATE interviews SET content_hash = 'not hex', modified = '12', "
			"completed = '2021-10-03T19:56:00Z' WHERE uuid = (SELECT uuid FROM u WHERE n = 6);"
			"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE "
			"e.uuid = u.uuid), '2021-10-03T19:57:00.000Z', 1000003, 'answer', 'extra/q', "
			"'b', 'c', NULL, 'answered' FROM u WHERE n = 8;");
	sqlite3_close(db);
}

static void lossless(const char *name, int crafted)
{
	char *old = xasprintf("%s/%s7.db", dir, name), *new = xasprintf("%s/%s8.db", dir, name);
	simulated(old, crafted);
	char *cmd = xasprintf("cp '%s' '%s'", old, new);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	sqlite3 *db;
	char err[ERR_MAX] = "";
	assert_int_equal(sqlite3_open(new, &db), SQLITE_OK);
	sql(db, "BEGIN");
	if (record_migrate_7_to_8(db, err))
		fail_msg("%s", err);
	sql(db, "COMMIT; PRAGMA page_size = 16384; VACUUM");
	char *att = xasprintf("ATTACH 'file:%s?mode=ro' AS old", old);
	sqlite3_close(db);
	assert_int_equal(sqlite3_open_v2(new, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL),
			 SQLITE_OK);
	sql(db, att);
	free(att);
	static const char *const tables[] = { "interviews", "answers", "events" };
	for (int t = 0; t < 3; t++) {
		char *q = xasprintf("SELECT count(*) FROM (SELECT * FROM old.%s EXCEPT SELECT * FROM "
				    "main.%s)", tables[t], tables[t]);
		char *r = xasprintf("SELECT count(*) FROM (SELECT * FROM main.%s EXCEPT SELECT * FROM "
				    "old.%s)", tables[t], tables[t]);
		char *n = xasprintf("SELECT (SELECT count(*) FROM old.%s) - (SELECT count(*) FROM "
				    "main.%s)", tables[t], tables[t]);
		if (count(db, q) || count(db, r) || count(db, n))
			fail_msg("%s: the view differs from the schema-7 rows (%lld, %lld, %lld)",
				 tables[t], count(db, q), count(db, r), count(db, n));
		free(q);
		free(r);
		free(n);
	}
	assert_true(count(db, "SELECT count(*) FROM old.events") > 12);
	assert_int_equal(count(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND "
			       "name IN ('interviews', 'answers', 'events')"), 3);
	assert_true(count(db, "SELECT count(*) FROM paths") > 10);
	struct stat a, b;
	assert_int_equal(stat(old, &a), 0);
	assert_int_equal(stat(new, &b), 0);
	printf("# %s: %lld bytes per interview in schema 7, %lld in schema 8\n", name,
	       (long long)a.st_size / 12, (long long)b.st_size / 12);
	sqlite3_close(db);
	free(old);
	free(new);
}

static void test_simulated(void **state)
{
	lossless("sim", 0);
}

static void test_crafted(void **state)
{
	lossless("edge", 1);
}

/* A status survey never writes: one line, and the transaction leaves the file as it was. */
static void test_refused(void **state)
{
	char *path = xasprintf("%s/bad.db", dir);
	simulated(path, 0);
	sqlite3 *db;
	char err[ERR_MAX] = "";
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sql(db, "PRAGMA ignore_check_constraints = ON; UPDATE interviews SET status = 'odd' "
		"WHERE uuid = (SELECT max(uuid) FROM interviews)");
	sql(db, "BEGIN");
	assert_int_equal(record_migrate_7_to_8(db, err), -1);
	assert_non_null(strstr(err, "a status, origin or revision survey does not write"));
	assert_null(strchr(err, '\n'));
	sql(db, "ROLLBACK");
	assert_int_equal(count(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('records', "
			       "'paths')"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM interviews"), 12);
	sqlite3_close(db);
	free(path);
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
		cmocka_unit_test(test_simulated),
		cmocka_unit_test(test_crafted),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
