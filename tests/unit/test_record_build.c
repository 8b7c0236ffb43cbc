/* test_record_build.c: the records the store builds from a schema-7 file (record_build.h,
 * record_form.h) are byte for byte those bench/storage_layout.py builds from it — on simulated
 * interviews of the shipped survey (path ids from the form through the registered reader) and
 * on rows crafted at the edges of the encoding — and a file with rows of the wrong type or of
 * no interview is refused with one line. Needs $SURVEY (tests/run sets it) and python3; skipped
 * without them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "interview/form_ops.h"   /* (the Makefile links the layers a test names) */
#include "store/record_build.h"

#include "record_sim.h"

typedef struct cmp {
	sqlite3_stmt *want;
	int n;
} cmp;

static int compare(void *arg, const char *uuid, const char *answers, const char *events,
		   char *err)
{
	cmp *c = arg;
	sqlite3_reset(c->want);
	sqlite3_bind_text(c->want, 1, uuid, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(c->want) != SQLITE_ROW)
		fail_msg("%s: not in storage_layout.py's file", uuid);
	if (strcmp(answers, (const char *)sqlite3_column_text(c->want, 0)))
		fail_msg("%s: answers\n C  %s\n py %s", uuid, answers,
			 sqlite3_column_text(c->want, 0));
	if (strcmp(events, (const char *)sqlite3_column_text(c->want, 1)))
		fail_msg("%s: events\n C  %s\n py %s", uuid, events,
			 sqlite3_column_text(c->want, 1));
	c->n++;
	return 0;
}

static void same_as_python(const char *name, int crafted)
{
	if (system("python3 -c '' 2>/dev/null") != 0)
		skip();
	need_survey();
	const char *top = getenv("TOP");
	char *db_path = xasprintf("%s/%s.db", dir, name);
	simulated(db_path, crafted);
	sqlite3 *db;
	char *cmd = xasprintf("python3 '%s/bench/storage_layout.py' '%s' '%s/%s' 1000 --check >/dev/null",
			top, db_path, dir, name);
	assert_int_equal(system(cmd), 0);
	free(cmd);

	assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	char *rec = xasprintf("ATTACH '%s/%s/record.db' AS py", dir, name);
	sql(db, rec);
	free(rec);
	cmp c = { NULL, 0 };
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT answers, events FROM py.interviews "
					    "WHERE uuid = ?1", -1, &c.want, NULL), SQLITE_OK);
	char err[ERR_MAX] = "";
	if (record_build_each(db, "main", compare, &c, err))
		fail_msg("%s", err);
	assert_int_equal(c.n, 12);
	sqlite3_finalize(c.want);
	sqlite3_close(db);
	free(db_path);
}

static void test_simulated(void **state)
{
	same_as_python("sim", 0);
}

static void test_crafted(void **state)
{
	same_as_python("edge", 1);
}

static int never(void *arg, const char *uuid, const char *answers, const char *events,
		 char *err)
{
	(*(int *)arg)++;
	return 0;
}

/* A schema-7 file's hostile rows: refused with one line (the caller's transaction undoes
 * what it was given before). */
static void test_hostile(void **state)
{
	static const char *const cases[][2] = {
		{ "UPDATE answers SET value = 5 WHERE rowid IN (SELECT rowid FROM answers LIMIT 1)",
		  "an answer of the wrong type" },
		{ "UPDATE answers SET value = x'00' WHERE path = 'p'", "an answer of the wrong type" },
		{ "UPDATE events SET offset_ms = '5' WHERE seq = 1", "an event of the wrong type" },
		{ "UPDATE events SET seq = 7 WHERE seq = 2", "numbered 7" },
		{ "INSERT INTO answers VALUES('zz', 'p', 'v', 'answered', 't')",
		  "an answer or event of an interview the file does not hold" },
		{ "INSERT INTO events VALUES('a0', 1, 't', 0, 'opened', NULL, NULL, NULL, NULL, NULL)",
		  "an event of interview 'a0', which the file does not hold" },
		{ "UPDATE interviews SET created = 1", "a column of the wrong type" },
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		sqlite3 *db;
		assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
		sql(db, "CREATE TABLE forms(form_id, version, source_name, source_kind, source);"
			"CREATE TABLE interviews(uuid TEXT PRIMARY KEY, form_id, form_version, "
			"created, content_hash) WITHOUT ROWID;"
			"CREATE TABLE answers(uuid, path, value, state, modified, "
			"PRIMARY KEY(uuid, path));"
			"CREATE TABLE events(uuid, seq, at, offset_ms, kind, path, old_value, "
			"new_value, old_state, new_state, PRIMARY KEY(uuid, seq));"
			"INSERT INTO interviews VALUES('a1', 'f', '1', '2021-10-03T19:00:00.000Z', "
			"NULL);"
			"INSERT INTO answers VALUES('a1', 'p', 'v', 'answered', "
			"'2021-10-03T19:00:01.000Z');"
			"INSERT INTO events VALUES('a1', 1, '2021-10-03T19:00:00.500Z', 500, 'opened', "
			"NULL, NULL, NULL, NULL, NULL);"
			"INSERT INTO events VALUES('a1', 2, '2021-10-03T19:00:01.000Z', 1000, 'answer', "
			"'p', NULL, 'v', NULL, 'answered');");
		sql(db, cases[k][0]);
		char err[ERR_MAX] = "";
		int n = 0;
		assert_int_equal(record_build_each(db, "main", never, &n, err), -1);
		if (!strstr(err, cases[k][1]))
			fail_msg("%s: '%s', not '%s'", cases[k][0], err, cases[k][1]);
		assert_null(strchr(err, '\n'));
		sqlite3_close(db);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simulated),
		cmocka_unit_test(test_crafted),
		cmocka_unit_test(test_hostile),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
