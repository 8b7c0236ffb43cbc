/* test_fieldwork.c: fieldwork in the store and the engine (issue 15) — the frame and
 * assignments (a unit's interview UUID made once, kept when it moves, the holder the latest
 * row), the units' states, and an assigned unit's interview: started with the assignment's
 * UUID, the frame's values answered and locked, a value the form refuses leaving nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "form/form.h"
#include "interview/engine.h"
#include "store/fieldwork.h"
#include "store/scan.h"
#include "util/util.h"

static char dir[] = "/tmp/survey-test-fieldwork-XXXXXX";
static char errbuf[ERR_MAX];

static store *open_new(const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	unlink(path);
	store *st = NULL;
	if (store_open(path, STORE_CREATE, &st, errbuf))
		fail_msg("store_open: %s", errbuf);
	free(path);
	return st;
}

static const char *const ids[] = { "M-01", "M-02", "M-03" };
static const char *const data[] = {
	"{\"oblast\":\"chuy\",\"municipality_name\":\"Кемин айыл өкмөтү\"}",
	"{\"oblast\":\"chuy\",\"municipality_name\":\"Бурана айыл өкмөтү\"}",
	"{\"oblast\":\"osh\",\"municipality_name\":\"Папан айыл өкмөтү\"}",
};

static void test_frame_assign(void **state)
{
	store *st = open_new("hq.db");
	int added, same, bad;
	assert_int_equal(store_frame_add(st, "fw_mini", 3, ids, data, &added, &same, &bad,
					 errbuf), 0);
	assert_int_equal(added, 3);
	assert_int_equal(store_frame_add(st, "fw_mini", 3, ids, data, &added, &same, &bad,
					 errbuf), 0);
	assert_int_equal(added + 10 * same, 30);   /* again: nothing added */
	const char *other[] = { "{\"oblast\":\"osh\"}" };
	assert_int_equal(store_frame_add(st, "fw_mini", 1, ids, other, &added, &same, &bad,
					 errbuf), -1);
	assert_int_equal(bad, 0);   /* a unit's frame never changes */

	store_assign_result r;
	assert_int_equal(store_assign(st, "fw_mini", "Айгүл", 2, ids, &r, errbuf), 0);
	assert_int_equal(r.assigned, 2);
	store_unit *u;
	int n;
	assert_int_equal(store_units(st, "fw_mini", "Айгүл", &u, &n, errbuf), 0);
	assert_int_equal(n, 2);
	char uuid[STORE_UUID_LEN + 1];
	snprintf(uuid, sizeof uuid, "%s", u[1].uuid);
	assert_int_equal(u[1].state, UNIT_TODO);
	store_units_free(u, n);
	/* M-02 moves to Марат: the same UUID, Айгүл holds one unit now */
	assert_int_equal(store_assign(st, "fw_mini", "Марат", 1, ids + 1, &r, errbuf), 0);
	assert_int_equal(r.moved, 1);
	assert_int_equal(store_units(st, "fw_mini", "Марат", &u, &n, errbuf), 0);
	assert_int_equal(n, 1);
	assert_string_equal(u[0].uuid, uuid);
	store_units_free(u, n);
	assert_int_equal(store_units(st, "fw_mini", "Айгүл", &u, &n, errbuf), 0);
	assert_int_equal(n, 1);
	store_units_free(u, n);
	const char *nope[] = { "M-99" };
	assert_int_equal(store_assign(st, "fw_mini", "Марат", 1, nope, &r, errbuf), -1);
	char **sel;
	const char *col[] = { "oblast" }, *val[] = { "chuy" };
	assert_int_equal(store_frame_select(st, "fw_mini", col, val, 1, &sel, &n, errbuf), 0);
	assert_int_equal(n, 2);
	store_strings_free(sel, n);
	store_close(st);
}

/* A file whose assignments table is damaged is refused with a read error, never shown as a
 * file without fieldwork (no units, nothing assigned). */
static void test_units_damaged(void **state)
{
	store *st = open_new("damaged.db");
	int added, same, bad;
	assert_int_equal(store_frame_add(st, "fw_mini", 3, ids, data, &added, &same, &bad,
					 errbuf), 0);
	store_assign_result r;
	assert_int_equal(store_assign(st, "fw_mini", "Айгүл", 2, ids, &r, errbuf), 0);
	store_close(st);
	char *path = xasprintf("%s/damaged.db", dir);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	/* every b-tree of the table (its rows and its indexes) gets a page type that is none */
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT rootpage, (SELECT page_size FROM "
					    "pragma_page_size) FROM sqlite_schema WHERE tbl_name = "
					    "'assignments' AND rootpage > 0", -1, &s, NULL), SQLITE_OK);
	long roots[8], size = 0;
	int nroots = 0;
	while (nroots < 8 && sqlite3_step(s) == SQLITE_ROW) {
		roots[nroots++] = sqlite3_column_int(s, 0);
		size = sqlite3_column_int(s, 1);
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	assert_true(nroots > 0);
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	for (int i = 0; i < nroots; i++) {
		long at = (roots[i] - 1) * size + (roots[i] == 1 ? 100 : 0);
		assert_int_equal(fseek(f, at, SEEK_SET), 0);
		fputc(0x42, f);
	}
	fclose(f);
	st = NULL;
	assert_int_equal(store_open(path, 0, &st, errbuf), 0);
	store_unit *u = NULL;
	int n = -1;
	assert_int_equal(store_units(st, "fw_mini", "Айгүл", &u, &n, errbuf), -1);
	assert_null(u);
	assert_int_equal(n, 0);
	assert_non_null(strstr(errbuf, "cannot read the assignments"));
	store_close(st);
	free(path);
}

static void test_start_unit(void **state)
{
	form *f;
	if (form_load("tests/fixtures/fieldwork/mini.md", &f, NULL, errbuf))
		fail_msg("form_load: %s", errbuf);
	store *st = open_new("laptop.db");
	const char *names[] = { "oblast", "municipality_name" };
	const char *values[] = { "chuy", "Кемин айыл өкмөтү" };
	const char *uuid = "0b6c2a4e-6a0e-4b8e-9c34-1f2d3e4a5b6c";
	engine_new how = { .interviewer = "Айгүл", .source_path = "tests/fixtures/fieldwork/mini.md",
			   .uuid = uuid };
	engine *e;
	assert_int_equal(engine_start_unit(st, f, &how, names, values, 2, &e, errbuf), 0);
	assert_string_equal(engine_uuid(e), uuid);
	assert_true(engine_has_answer(e, "oblast"));
	assert_true(engine_has_answer(e, "municipality_name"));   /* read_only in the form */
	assert_int_equal(engine_answer(e, "oblast", "osh", errbuf), ENGINE_REJECTED);
	assert_int_equal(engine_answer(e, "municipality_name", "x", errbuf), ENGINE_REJECTED);
	assert_int_equal(engine_answer(e, "staff", "12", errbuf), 0);
	engine_free(e);
	/* resumed, nothing is locked until the caller says which */
	assert_int_equal(engine_resume(st, f, uuid, 0, &e, errbuf), 0);
	engine_lock_names(e, names, 2);
	assert_int_equal(engine_answer(e, "oblast", "osh", errbuf), ENGINE_REJECTED);
	engine_free(e);

	/* a value the form refuses: no interview is left behind */
	store *st2 = open_new("laptop2.db");
	const char *bad[] = { "atlantis", "Кемин" };
	assert_int_equal(engine_start_unit(st2, f, &how, names, bad, 2, &e, errbuf),
			 ENGINE_REJECTED);
	assert_non_null(strstr(errbuf, "oblast"));
	store_interview *ivs;
	int n;
	assert_int_equal(store_interviews(st2, &ivs, &n, errbuf), 0);
	assert_int_equal(n, 0);
	store_interviews_free(ivs, n);
	store_close(st2);
	store_close(st);
	form_free(f);
}

static int setup(void **state)
{
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_frame_assign),
		cmocka_unit_test(test_start_unit),
		cmocka_unit_test(test_units_damaged),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
