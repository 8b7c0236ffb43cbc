/* test_record_edit.c: the writers' changes to decoded rows (record_rows_set_answer, _remove_
 * answer, _add_event) give the record of the same rows written at once: an interview saved
 * answer by answer, re-encoded after each save, ends with the same bytes as its final rows
 * encoded once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "store/record.h"
#include "util/util.h"

static const long long ids[] = { 1, 2, 3 };
static const char *const tmpl[] = { "g/a", "g/b", "rep[%]/q" };
static const char created[] = "2021-10-03T19:00:00.000Z";

/* Save (path, value) at second s: decode, change, encode, as a writer will. */
static void save(const record_paths *p, char **a, char **e, const char *path, const char *value,
		 int s)
{
	record_rows r;
	char err[ERR_MAX], at[25];
	assert_int_equal(record_decode(p, created, NULL, *a, strlen(*a), *e, strlen(*e), &r, err),
			 0);
	assert_int_equal(record_time_text(1633287600000LL + s * 1000LL, at), 0);
	const char *old = NULL, *old_state = NULL;
	for (size_t k = 0; k < r.n_answers; k++)
		if (strcmp(r.answers[k].path, path) == 0) {
			old = r.answers[k].value;
			old_state = r.answers[k].state;
		}
	record_event ev = { 0, s * 1000LL, at, (char *)"answer", (char *)path, (char *)old,
			    (char *)value, (char *)old_state, (char *)(value ? "answered" : NULL) };
	record_rows_add_event(&r, &ev);
	if (value)
		record_rows_set_answer(&r, path, value, "answered", at);
	else
		assert_int_equal(record_rows_remove_answer(&r, path), 1);
	free(*a);
	free(*e);
	assert_int_equal(record_encode(p, created, NULL, &r, a, e, err), 0);
	record_rows_free(&r);
}

static void test_saved_one_by_one(void **state)
{
	char err[ERR_MAX];
	record_paths *p = record_paths_new(ids, tmpl, 3, err);
	record_rows empty = { 0 };
	char *a, *e;
	assert_int_equal(record_encode(p, created, NULL, &empty, &a, &e, err), 0);
	assert_string_equal(a, "[0]");
	save(p, &a, &e, "g/a", "1", 2);
	save(p, &a, &e, "rep[1]/q", "x", 3);
	save(p, &a, &e, "g/a", "2", 4);
	save(p, &a, &e, "rep[2]/q", "y", 5);
	save(p, &a, &e, "rep[2]/q", NULL, 6);
	save(p, &a, &e, "other", "z", 7);
	assert_string_equal(a, "[{\"other\":\"z\"},\"2\",0,{\"1\":\"x\"}]");
	assert_string_equal(e, "[[0,2000,1,1,\"1\",0],[0,1000,1,[3,1]],[0,1000,1,1],"
			       "[0,1000,1,[3,2],\"y\",0],[0,1000,1,[3,2],null],[0,1000,1,\"other\"]]");
	/* the same rows written at once */
	record_rows r;
	assert_int_equal(record_decode(p, created, NULL, a, strlen(a), e, strlen(e), &r, err), 0);
	char *a2, *e2;
	assert_int_equal(record_encode(p, created, NULL, &r, &a2, &e2, err), 0);
	assert_string_equal(a, a2);
	assert_string_equal(e, e2);
	assert_int_equal(record_rows_remove_answer(&r, "no/such"), 0);
	record_rows_free(&r);
	free(a);
	free(e);
	free(a2);
	free(e2);
	record_paths_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_saved_one_by_one),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
