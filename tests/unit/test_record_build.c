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

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "interview/form_ops.h"
#include "store/record_build.h"
#include "util/util.h"

static char dir[] = "/tmp/test_record_build.XXXXXX";

static void sql(sqlite3 *db, const char *q)
{
	char *msg = NULL;
	if (sqlite3_exec(db, q, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", q, msg);
}

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

/* The edge cases of t1200, written into the file as a schema-7 file could hold them. */
static const char edges[] =
	"CREATE TEMP TABLE u AS SELECT uuid, row_number() OVER (ORDER BY uuid) AS n "
	"FROM interviews;"
	"UPDATE interviews SET created = '2021-10-03T19:43:21+06:00' "
	"WHERE uuid = (SELECT uuid FROM u WHERE n = 1);"
	"UPDATE events SET at = '2021-10-03T19:43:21Z' WHERE seq = 2 AND "
	"uuid = (SELECT uuid FROM u WHERE n = 2);"
	"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),"
	" '2021-10-03T19:50:00.123Z', 999999, 'custom', NULL, 'was', 'is', NULL, NULL FROM u "
	"WHERE n = 2;"
	"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),"
	" '2021-10-03T19:51:00.000Z', 1000000, 'answer', (SELECT min(path) FROM answers a WHERE "
	"a.uuid = u.uuid), 'not the last one', NULL, 'weird', 'dont_know' FROM u WHERE n = 3;"
	"UPDATE answers SET value = NULL, state = 'dont_know', modified = "
	"'2021-10-03T19:52:00.000Z' WHERE uuid = (SELECT uuid FROM u WHERE n = 3) AND path = "
	"(SELECT min(path) FROM answers a WHERE a.uuid = answers.uuid);"
	"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),"
	" '2021-10-03T19:53:00.000Z', 1000001, 'answer', 'gone[3]/q', NULL, "
	"'say \"hi\"' || char(10, 1) || '[1,true]', NULL, 'answered' FROM u WHERE n = 4;"
	"INSERT INTO answers SELECT uuid, p.column1, 'x', 'answered', '2021-10-03T19:56:00.000Z' "
	"FROM u, (VALUES('no/such'), ('respondent/oblast[2]'), "
	"('social/partners[0]/partner_name'), ('social/partners[01]/partner_name'), "
	"('social/partners[12]/partner_name')) p WHERE n = 7;"
	"UPDATE interviews SET content_hash = upper(content_hash) "
	"WHERE uuid = (SELECT uuid FROM u WHERE n = 5);"
	"UPDATE interviews SET content_hash = 'not hex' WHERE uuid = (SELECT uuid FROM u WHERE n = 6);"
	"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),"
	" '2021-10-03T19:57:00.000Z', 1000003, 'answer', 'extra/q', NULL, 'a', NULL, 'answered' "
	"FROM u WHERE n = 8;"
	"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),"
	" '2021-10-03T19:57:00.000Z', 1000004, 'answer', 'extra/q', NULL, 'b', NULL, 'answered' "
	"FROM u WHERE n = 8;"
	"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),"
	" '2021-10-03T19:57:00.000Z', 1000005, 'answer', 'extra/q', 'b', 'c', NULL, 'answered' "
	"FROM u WHERE n = 8;";

static void same_as_python(const char *name, int crafted)
{
	const char *survey = getenv("SURVEY"), *top = getenv("TOP");
	if (!survey || !top || system("python3 -c '' 2>/dev/null") != 0)
		skip();
	char *db_path = xasprintf("%s/%s.db", dir, name);
	char *cmd = xasprintf("'%s' simulate '%s/surveys/covid19-lsg.md' -n 12 --db '%s' --seed 3 "
			      "--quiet", survey, top, db_path);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	sql(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE");
	if (crafted)
		sql(db, edges);
	sqlite3_close(db);
	cmd = xasprintf("python3 '%s/bench/storage_layout.py' '%s' '%s/%s' 1000 --check >/dev/null",
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
		cmocka_unit_test(test_hostile),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
