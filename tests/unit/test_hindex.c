/* test_hindex.c: the hash map primitive — dense ids in order, many keys through several
 * growths, colliding hashes told apart by the caller's keys, and strmap (case-sensitive and
 * not, by length). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "util/hindex.h"

static void test_index(void **state)
{
	(void)state;
	hindex ix = HINDEX_INIT;
	size_t pos = 0;
	assert_int_equal(hindex_next(&ix, 7, &pos), -1);
	for (int i = 0; i < 5000; i++)
		assert_int_equal(hindex_add(&ix, (uint64_t)i * 2654435761u), i);
	for (int i = 0; i < 5000; i++) {
		pos = 0;
		assert_int_equal(hindex_next(&ix, (uint64_t)i * 2654435761u, &pos), i);
		assert_int_equal(hindex_next(&ix, (uint64_t)i * 2654435761u, &pos), -1);
	}
	/* the same hash three times: every id comes back, the first first */
	int a = hindex_add(&ix, 42), b = hindex_add(&ix, 42), c = hindex_add(&ix, 42);
	pos = 0;
	assert_int_equal(hindex_next(&ix, 42, &pos), a);
	assert_int_equal(hindex_next(&ix, 42, &pos), b);
	assert_int_equal(hindex_next(&ix, 42, &pos), c);
	assert_int_equal(hindex_next(&ix, 42, &pos), -1);
	assert_true(ix.nslot > 2 * (size_t)ix.n);
	hindex_release(&ix);
	assert_int_equal(ix.n, 0);
}

static void test_strmap(void **state)
{
	(void)state;
	strmap m = STRMAP_INIT;
	assert_int_equal(strmap_find(&m, "x"), -1);
	assert_int_equal(strmap_put(&m, "Ысык-Көл"), 0);
	assert_int_equal(strmap_put(&m, "Чүй"), 1);
	assert_int_equal(strmap_put(&m, "Ысык-Көл"), 0);
	assert_int_equal(strmap_find(&m, "Чүй"), 1);
	assert_int_equal(strmap_findn(&m, "Чүй/x", strlen("Чүй")), 1);
	assert_int_equal(strmap_findn(&m, "Чү", strlen("Чү")), -1);
	assert_int_equal(strmap_put(&m, "a"), 2);
	assert_int_equal(strmap_find(&m, "A"), -1);
	char k[32];
	for (int i = 0; i < 3000; i++) {
		snprintf(k, sizeof k, "key%d", i);
		assert_int_equal(strmap_put(&m, k), 3 + i);
	}
	for (int i = 0; i < 3000; i++) {
		snprintf(k, sizeof k, "key%d", i);
		assert_int_equal(strmap_find(&m, k), 3 + i);
		assert_string_equal(m.keys[3 + i], k);
	}
	strmap_release(&m);

	strmap n = STRMAP_INIT;
	n.nocase = 1;
	assert_int_equal(strmap_put(&n, "Region"), 0);
	assert_int_equal(strmap_put(&n, "REGION"), 0);
	assert_int_equal(strmap_find(&n, "region"), 0);
	assert_int_equal(strmap_findn(&n, "regionX", 6), 0);
	assert_int_equal(strmap_put(&n, "Аймак"), 1);
	assert_int_equal(strmap_find(&n, "аймак"), -1);   /* ASCII letters only */
	strmap_release(&n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_strmap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
