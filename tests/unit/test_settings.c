/* test_settings.c: the laptop's settings in the meta table (store/settings.c): kept and read
 * back, only known keys, only one printable line; a value the file holds otherwise reads as
 * absent. */
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

#include "store/store.h"
#include "util/util.h"

static char dir[] = "/tmp/survey-test-settings-XXXXXX";
static char errbuf[ERR_MAX];

static store *open_new(const char *name, char **path)
{
	*path = xasprintf("%s/%s", dir, name);
	unlink(*path);
	store *st = NULL;
	if (store_open(*path, STORE_CREATE, &st, errbuf))
		fail_msg("store_open: %s", errbuf);
	return st;
}

static void test_roundtrip(void **state)
{
	char *path, *v;
	store *st = open_new("a.db", &path);
	assert_int_equal(store_setting_get(st, STORE_SET_INTERVIEWER, &v, errbuf), 0);
	assert_null(v);
	assert_int_equal(store_setting_set(st, STORE_SET_INTERVIEWER, "Жылдыз Асанова", errbuf), 0);
	assert_int_equal(store_setting_set(st, STORE_SET_LANG, "ky", errbuf), 0);
	assert_int_equal(store_setting_set(st, STORE_SET_LANG, "ru", errbuf), 0);   /* replaced */
	store_close(st);
	assert_int_equal(store_open(path, STORE_READONLY, &st, errbuf), 0);
	assert_int_equal(store_setting_get(st, STORE_SET_INTERVIEWER, &v, errbuf), 0);
	assert_string_equal(v, "Жылдыз Асанова");
	free(v);
	assert_int_equal(store_setting_get(st, STORE_SET_LANG, &v, errbuf), 0);
	assert_string_equal(v, "ru");
	free(v);
	store_close(st);
	free(path);
}

static void test_refused(void **state)
{
	char *path, *v, big[STORE_SETTING_MAX + 2];
	store *st = open_new("b.db", &path);
	assert_int_equal(store_setting_set(st, "device_id", "x", errbuf), -1);   /* the store's */
	assert_int_equal(store_setting_get(st, "device_id", &v, errbuf), -1);
	assert_int_equal(store_setting_set(st, STORE_SET_INTERVIEWER, "", errbuf), -1);
	assert_int_equal(store_setting_set(st, STORE_SET_INTERVIEWER, "Ай\033[31mбек", errbuf), -1);
	assert_int_equal(store_setting_set(st, STORE_SET_INTERVIEWER, "two\nlines", errbuf), -1);
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(store_setting_set(st, STORE_SET_INTERVIEWER, big, errbuf), -1);
	assert_int_equal(store_setting_get(st, STORE_SET_INTERVIEWER, &v, errbuf), 0);
	assert_null(v);
	store_close(st);
	free(path);
}

/* What a crafted file holds: a blob, control characters, a long text. Each reads as absent. */
static void test_hostile_file(void **state)
{
	static const char *const values[] = {
		"x'4169'", "'Ай' || char(27) || '[2J'", "'line' || char(10) || 'two'",
		"'' || printf('%.300c', 'a')", "''",
	};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		char *path, *v;
		store *st = open_new("c.db", &path);
		store_close(st);
		sqlite3 *db;
		assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
		char *sql = xasprintf("INSERT INTO meta(key, value) VALUES ('interviewer', %s)",
				      values[i]);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
		free(sql);
		sqlite3_close(db);
		assert_int_equal(store_open(path, STORE_READONLY, &st, errbuf), 0);
		assert_int_equal(store_setting_get(st, STORE_SET_INTERVIEWER, &v, errbuf), 0);
		assert_null(v);
		store_close(st);
		free(path);
	}
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
	return rc;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_hostile_file),
	};
	return cmocka_run_group_tests_name("settings", tests, setup, teardown);
}
