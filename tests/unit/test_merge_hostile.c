/* test_merge_hostile.c: the parts of merge that treat an input as untrusted data — the expected
 * schema of each version (made by the code that makes real files), its comparison with a file's,
 * the work budget, the text made safe for a message, UUIDs as survey writes them. The crafted files themselves
 * are in tests/cli/t0521-merge-hostile.sh. */
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
#include <unistd.h>

#include "store/merge_impl.h"
#include "util/util.h"

static char dir[] = "/tmp/survey-test-hostile-XXXXXX";
static char errbuf[ERR_MAX];

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc;
}

/* A file made by store_open has exactly the schema expected for the current version. */
static void test_fresh_file_matches(void **state)
{
	(void)state;
	char *p = xasprintf("%s/fresh.db", dir);
	store *st;
	assert_int_equal(store_open(p, STORE_CREATE, &st, errbuf), 0);
	store_close(st);
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(p, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	int version = 0;
	if (merge_schema_check(db, "main", &version, errbuf))
		fail_msg("a fresh file: %s", errbuf);
	assert_int_equal(version, STORE_SCHEMA_VERSION);
	/* one change anywhere in the schema is found */
	sqlite3_close(db);
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE INDEX extra ON answers(value)", NULL, NULL,
				      NULL), SQLITE_OK);
	assert_int_equal(merge_schema_check(db, "main", &version, errbuf), -1);
	assert_non_null(strstr(errbuf, "its schema differs: it has an index 'extra'"));
	sqlite3_close(db);
	free(p);
}

/* Every version's expected schema: version 1 lacks the merge tables, each later one holds
 * the one before it (version 4 rebuilds interviews: as many objects, 'discarded' allowed). */
static void test_expected_versions(void **state)
{
	(void)state;
	sqlite3 *db;
	assert_int_equal(store_schema_expected(0, &db, errbuf), -1);
	assert_int_equal(store_schema_expected(STORE_SCHEMA_RECORDS + 1, &db, errbuf), -1);
	/* schema 8: schema 7 whose interviews, answers and events are records and views */
	assert_int_equal(store_schema_expected(STORE_SCHEMA_RECORDS, &db, errbuf), 0);
	sqlite3_stmt *v8;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT type FROM sqlite_schema WHERE "
					    "name = 'records'), (SELECT type FROM sqlite_schema "
					    "WHERE name = 'answers'), (SELECT count(*) FROM "
					    "sqlite_schema WHERE name = 'sealed')", -1, &v8, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(v8), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(v8, 0), "table");
	assert_string_equal((const char *)sqlite3_column_text(v8, 1), "view");
	assert_int_equal(sqlite3_column_int(v8, 2), 1);
	sqlite3_finalize(v8);
	sqlite3_close(db);
	int prev = 0;
	for (int v = 1; v <= STORE_SCHEMA_VERSION; v++) {
		assert_int_equal(store_schema_expected(v, &db, errbuf), 0);
		sqlite3_stmt *s;
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*), (SELECT count(*) FROM "
						    "sqlite_schema WHERE name = 'conflicts'), (SELECT "
						    "instr(sql, '''discarded''') > 0 FROM sqlite_schema "
						    "WHERE name = 'interviews') FROM sqlite_schema", -1, &s,
						    NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		int n = sqlite3_column_int(s, 0);
		assert_true(v == 4 ? n == prev : n > prev);
		assert_int_equal(sqlite3_column_int(s, 1), v >= 2);
		assert_int_equal(sqlite3_column_int(s, 2), v >= 4);
		prev = n;
		sqlite3_finalize(s);
		sqlite3_close(db);
	}
}

/* The work budget of an input's connection stops a statement that would run for ever. */
static void test_budget(void **state)
{
	(void)state;
	struct merge_check c = { 0 };
	c.path = xasprintf("%s/fresh.db", dir);
	assert_int_equal(stat(c.path, &c.sb), 0);
	sqlite3 *db;
	assert_int_equal(merge_untrusted_open(&c, &db, errbuf), 0);
	assert_non_null(strstr(c.uri, "immutable=1"));
	assert_true(c.budget > 0);
	assert_int_equal(c.too_long, 0);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT "
					    "i + 1 FROM r) SELECT count(*) FROM r", -1, &s, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_INTERRUPT);
	sqlite3_finalize(s);
	assert_int_equal(c.too_long, 1);
	sqlite3_close(db);
	merge_untrusted_remove(&c);
	free(c.path);
}

static void test_printable(void **state)
{
	(void)state;
	char out[24];
	store_printable("ab\x1b[2J\ncd", out, sizeof out);
	assert_string_equal(out, "ab\\x1b[2J\\x0acd");
	store_printable(NULL, out, sizeof out);
	assert_string_equal(out, "NULL");
	store_printable("0123456789012345678901234567890123456789", out, sizeof out);
	assert_string_equal(out, "01234567890123456789...");
	store_printable("\x9b\x9b\x9b\x9b\x9b\x9b\x9b", out, sizeof out);
	assert_true(strlen(out) < sizeof out);
	assert_null(strchr(out, '\x9b'));
	assert_non_null(strstr(out, "..."));
}

static void test_uuid(void **state)
{
	(void)state;
	assert_true(store_is_uuid("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"));
	assert_false(store_is_uuid("0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0"));
	assert_false(store_is_uuid("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f"));
	assert_false(store_is_uuid("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f00"));
	assert_false(store_is_uuid("0f1e2d3c04b5a-4968-8776-a5b4c3d2e1f0"));
	assert_false(store_is_uuid("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1g0"));
	assert_false(store_is_uuid(""));
	assert_false(store_is_uuid(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fresh_file_matches),
		cmocka_unit_test(test_expected_versions),
		cmocka_unit_test(test_budget),
		cmocka_unit_test(test_printable),
		cmocka_unit_test(test_uuid),
	};
	return cmocka_run_group_tests_name("merge_hostile", tests, setup, teardown);
}
