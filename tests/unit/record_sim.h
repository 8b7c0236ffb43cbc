/* record_sim.h: the fixture of the record tests (test_record_build.c, test_schema8.c): a
 * private folder, and a schema-7 file of 12 interviews simulated by $SURVEY from the shipped
 * survey, optionally with rows crafted at every edge of the record encoding (those of
 * tests/cli/t1200). Included once per test program. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interview/form_ops.h"
#include "util/util.h"

static char dir[] = "/tmp/test_record.XXXXXX";

static void sql(sqlite3 *db, const char *q)
{
	char *msg = NULL;
	if (sqlite3_exec(db, q, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%.200s: %s", q, msg);
}

/* t1200's edge cases, written as a schema-7 file could hold them. */
static const char edges[] =
	"CREATE TEMP TABLE u AS SELECT uuid, row_number() OVER (ORDER BY uuid) AS n "
	"FROM interviews;"
	/* created with a zone: every time of the interview kept as its text */
	"UPDATE interviews SET created = '2021-10-03T19:43:21+06:00' "
	"WHERE uuid = (SELECT uuid FROM u WHERE n = 1);"
	/* one event's time without ms; an unknown kind with path-less values */
	"UPDATE events SET at = '2021-10-03T19:43:21Z' WHERE seq = 2 AND "
	"uuid = (SELECT uuid FROM u WHERE n = 2);"
	"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),"
	" '2021-10-03T19:50:00.123Z', 999999, 'custom', NULL, 'was', 'is', NULL, NULL FROM u "
	"WHERE n = 2;"
	/* an old value that is not the previous new one, an unknown state; an answer saved at
	 * another time than its last event; a NULL don't-know answer */
	"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),"
	" '2021-10-03T19:51:00.000Z', 1000000, 'answer', (SELECT min(path) FROM answers a WHERE "
	"a.uuid = u.uuid), 'not the last one', NULL, 'weird', 'dont_know' FROM u WHERE n = 3;"
	"UPDATE answers SET value = NULL, state = 'dont_know', modified = "
	"'2021-10-03T19:52:00.000Z' WHERE uuid = (SELECT uuid FROM u WHERE n = 3) AND path = "
	"(SELECT min(path) FROM answers a WHERE a.uuid = answers.uuid);"
	/* an event on a path with no answer, with quotes, controls and JSON in its value */
	"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),"
	" '2021-10-03T19:53:00.000Z', 1000001, 'answer', 'gone[3]/q', NULL, "
	"'say \"hi\"' || char(10, 1) || '[1,true]', NULL, 'answered' FROM u WHERE n = 4;"
	/* answers on paths the form does not have as such */
	"INSERT INTO answers SELECT uuid, p.column1, 'x', 'answered', '2021-10-03T19:56:00.000Z' "
	"FROM u, (VALUES('no/such'), ('respondent/oblast[2]'), "
	"('social/partners[0]/partner_name'), ('social/partners[01]/partner_name'), "
	"('social/partners[12]/partner_name')) p WHERE n = 7;"
	/* content hashes not lowercase hex; interview times that are not canonical */
	"UPDATE interviews SET content_hash = upper(content_hash) "
	"WHERE uuid = (SELECT uuid FROM u WHERE n = 5);"
	"UPDATE interviews SET content_hash = 'not hex', modified = '12', "
	"completed = '2021-10-03T19:56:00Z' WHERE uuid = (SELECT uuid FROM u WHERE n = 6);"
	/* explicit old values: both NULL, and a value with a NULL state */
	"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),"
	" '2021-10-03T19:57:00.000Z', 1000003, 'answer', 'extra/q', NULL, 'a', NULL, 'answered' "
	"FROM u WHERE n = 8;"
	"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),"
	" '2021-10-03T19:57:00.000Z', 1000004, 'answer', 'extra/q', NULL, 'b', NULL, 'answered' "
	"FROM u WHERE n = 8;"
	"INSERT INTO events SELECT uuid, (SELECT max(seq) + 1 FROM events e WHERE e.uuid = u.uuid),"
	" '2021-10-03T19:57:00.000Z', 1000005, 'answer', 'extra/q', 'b', 'c', NULL, 'answered' "
	"FROM u WHERE n = 8;";

/* Skip the test without $SURVEY and $TOP (tests/run sets them): called before a test
 * allocates anything, so that a skipped test leaks nothing. */
static void need_survey(void)
{
	if (!getenv("SURVEY") || !getenv("TOP"))
		skip();
}

/* The schema-7 file at path (skips the test without $SURVEY and $TOP). */
static void simulated(const char *path, int crafted)
{
	need_survey();
	const char *survey = getenv("SURVEY"), *top = getenv("TOP");
	char *cmd = xasprintf("env SURVEY_STORE_SCHEMA=7 '%s' simulate '%s/surveys/covid19-lsg.md' "
			      "-n 12 --db '%s' --seed 3 --quiet", survey, top, path);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sql(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE");
	if (crafted)
		sql(db, edges);
	sqlite3_close(db);
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
