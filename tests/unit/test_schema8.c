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

#include <sys/stat.h>

#include "interview/form_ops.h"   /* (the Makefile links the layers a test names) */
#include "store/record_schema.h"

#include "record_sim.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simulated),
		cmocka_unit_test(test_crafted),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
