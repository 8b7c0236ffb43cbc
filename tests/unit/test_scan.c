/* test_scan.c: streaming interviews and selected answers out of a database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/scan.h"
#include "util/util.h"

static char dir[] = "/tmp/survey-test-scan-XXXXXX";
static char errbuf[ERR_MAX];
static store *st;

/* Three interviews: two complete (one of form version 2), one draft. */
static int setup(void **state)
{
	if (!mkdtemp(dir))
		return -1;
	char *p = xasprintf("%s/scan.db", dir);
	int rc = store_open(p, STORE_CREATE, &st, errbuf);
	free(p);
	if (rc)
		return -1;
	const char *versions[] = { "1", "2", "1" };
	const char *oblast[] = { "chuy", "osh", NULL };
	for (int i = 0; i < 3; i++) {
		store_iv *iv;
		char created[64];
		snprintf(created, sizeof created, "2021-01-0%dT10:00:00.000Z", i + 1);
		store_start how = { .form_id = "f", .form_version = versions[i], .created = created };
		if (store_iv_start(st, &how, &iv, errbuf))
			return -1;
		if (oblast[i])
			store_iv_set(iv, "oblast", oblast[i], STATE_ANSWERED, errbuf);
		store_iv_set(iv, "age", NULL, i == 1 ? STATE_REFUSED : STATE_DONT_KNOW, errbuf);
		store_iv_set(iv, "rep[1]/x", "a", STATE_ANSWERED, errbuf);
		if (i < 2)
			store_iv_complete(iv, NULL, errbuf);
		store_iv_close(iv);
	}
	return 0;
}

static int teardown(void **state)
{
	store_close(st);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc;
}

struct seen {
	int n;
	char log[512];
};

static int collect_paths(void *arg, const store_scan_row *row)
{
	struct seen *s = arg;
	s->n++;
	size_t len = strlen(s->log);
	snprintf(s->log + len, sizeof s->log - len, "%s:%s/%s=%s,%s=%s;", row->iv->form_version,
		 row->iv->status, row->present[0] ? "oblast" : "-",
		 row->values[0] ? row->values[0] : "NULL", row->present[1] ? "age" : "-",
		 store_state_name(row->states[1]));
	return 0;
}

static void test_paths_complete_only(void **state)
{
	const char *paths[] = { "oblast", "age" };
	store_scan_filter f = { .status = "complete" };
	struct seen s = { 0 };
	assert_int_equal(store_scan_paths(st, &f, paths, 2, collect_paths, &s, errbuf), 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.log, "1:complete/oblast=chuy,age=dont_know;"
				   "2:complete/oblast=osh,age=refused;");
}

static void test_paths_all_with_missing(void **state)
{
	const char *paths[] = { "oblast", "age" };
	struct seen s = { 0 };
	assert_int_equal(store_scan_paths(st, NULL, paths, 2, collect_paths, &s, errbuf), 0);
	assert_int_equal(s.n, 3);
	assert_non_null(strstr(s.log, "1:draft/-=NULL,age=dont_know;"));   /* no oblast row */
	long long n;
	store_scan_filter f = { .form_version = "1" };
	assert_int_equal(store_scan_count(st, &f, &n, errbuf), 0);
	assert_int_equal(n, 2);
}

static int count_answers(void *arg, const store_scan_row *row)
{
	int *total = arg;
	*total += row->nanswers;
	for (int i = 1; i < row->nanswers; i++)
		assert_true(strcmp(row->answers[i - 1].path, row->answers[i].path) < 0);
	return *total >= 5 ? 7 : 0;   /* stop after the second interview */
}

static void test_all_and_stop(void **state)
{
	int total = 0;
	assert_int_equal(store_scan_all(st, NULL, count_answers, &total, errbuf), 7);
	assert_int_equal(total, 6);
}

static void test_form_versions(void **state)
{
	char **ids, **versions;
	int n;
	assert_int_equal(store_form_versions(st, &ids, &versions, &n, errbuf), 0);
	assert_int_equal(n, 2);
	assert_string_equal(versions[0], "1");
	assert_string_equal(versions[1], "2");
	store_strings_free(ids, n);
	store_strings_free(versions, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths_complete_only),
		cmocka_unit_test(test_paths_all_with_missing),
		cmocka_unit_test(test_all_and_stop),
		cmocka_unit_test(test_form_versions),
	};
	return cmocka_run_group_tests_name("scan", tests, setup, teardown);
}
