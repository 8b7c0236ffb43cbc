/* test_validate_value.c: stored values checked against their question (form_value_check), answer
 * paths to nodes (form_paths_node), values quoted for messages, and the order of form versions
 * (store_version_cmp) — what merge uses on files from elsewhere. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/value.h"
#include "util/termsafe.h"
#include "store/store_impl.h"
#include "util/util.h"

static const char form_md[] =
	"| survey |\n"
	"| | type | name | label | parameters | default | calculation |\n"
	"| | integer | age | Age | | | |\n"
	"| | decimal | budget | Budget | | | |\n"
	"| | select_one yn | member | Member | | | |\n"
	"| | select_multiple yn | both | Both | | | |\n"
	"| | date | visit | Visit | | | |\n"
	"| | time | at | At | | | |\n"
	"| | dateTime | when | When | | | |\n"
	"| | text | town | Town | | | |\n"
	"| | range | score | Score | start=0 end=10 step=2 | | |\n"
	"| | acknowledge | ok | OK | | | |\n"
	"| | integer | dflt | D | | 05 | |\n"
	"| | calculate | calc | | | | ${age} div 2 |\n"
	"| | start | start | | | | |\n"
	"| | phonenumber | phone | | | | |\n"
	"| | email | mail | | | | |\n"
	"| | start-geopoint | where | | | | |\n"
	"| | begin group | g | G | | | |\n"
	"| | begin repeat | rep | R | | | |\n"
	"| | integer | n | N | | | |\n"
	"| | begin repeat | inner | I | | | |\n"
	"| | text | m | M | | | |\n"
	"| | end repeat | | | | | |\n"
	"| | end repeat | | | | | |\n"
	"| | end group | | | | | |\n"
	"| choices |\n"
	"| | list_name | name | label |\n"
	"| | yn | yes | Yes |\n"
	"| | yn | no | No |\n";

static form *f;

static int setup(void **state)
{
	char err[ERR_MAX];
	if (form_load_mem("t.md", "md", form_md, strlen(form_md), &f, NULL, err)) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	form_free(f);
	return 0;
}

static int check(const char *name, const char *value)
{
	char msg[ERR_MAX];
	int node = form_find(f, name);
	assert_true(node > 0);
	return form_value_check(f, node, value, msg);
}

static void test_values(void **state)
{
	static const struct { const char *q, *v; int ok; } cases[] = {
		{ "age", "12", 1 }, { "age", "-3", 1 }, { "age", "0", 1 }, { "age", "abc", 0 },
		{ "age", "007", 0 }, { "age", "+1", 0 }, { "age", " 1", 0 }, { "age", "1.5", 0 },
		{ "age", "99999999999", 0 }, { "age", "", 1 },
		{ "budget", "12.5", 1 }, { "budget", "0.5", 1 }, { "budget", "NaN", 0 },
		{ "budget", "inf", 0 }, { "budget", "1e5", 0 }, { "budget", "12,5", 0 },
		{ "budget", ".5", 0 },
		{ "member", "yes", 1 }, { "member", "maybe", 0 }, { "member", "yes no", 0 },
		{ "member", " yes", 0 },
		{ "both", "yes no", 1 }, { "both", "no", 1 }, { "both", "yes  no", 0 },
		{ "both", "yes yes", 0 }, { "both", "yes ", 0 }, { "both", "yes maybe", 0 },
		{ "both", "no yes", 1 }, { "both", "yes no yes", 0 }, { "both", " yes", 0 },
		{ "visit", "2021-03-09", 1 }, { "visit", "2020-13-45", 0 }, { "visit", "2021-02-29", 0 },
		{ "visit", "9.3.2021", 0 }, { "visit", "2021-3-9", 0 },
		{ "at", "14:05:00", 1 }, { "at", "14:05", 0 }, { "at", "25:00:00", 0 },
		{ "when", "2021-03-09T14:05:00", 1 }, { "when", "2021-03-09 14:05:00", 0 },
		{ "when", "2021-03-09T14:05:00Z", 0 },
		{ "town", "Ош", 1 }, { "town", "two\nlines", 1 }, { "town", "a\x1b[2Jb", 0 },
		{ "town", "\xff", 0 }, { "town", "del\x7f", 0 },
		{ "score", "4", 1 }, { "score", "5", 0 }, { "score", "12", 0 },
		{ "ok", "OK", 1 }, { "ok", "yes", 0 },
		{ "dflt", "05", 1 }, { "dflt", "5", 1 }, { "dflt", "x", 0 },
		{ "calc", "2.5", 1 }, { "calc", "any text", 1 }, { "calc", "\x01", 0 },
		{ "start", "2021-03-09T14:05:00.123+06:00", 1 }, { "start", "yesterday", 0 },
		/* metadata a laptop records blank; a phone's value (from ODK, merged) is any text */
		{ "phone", "", 1 }, { "phone", "+996555123456", 1 }, { "phone", "\x1b[2J", 0 },
		{ "mail", "a@example.org", 1 }, { "where", "42.87 74.59 800 5", 1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int got = check(cases[i].q, cases[i].v) == 0;
		if (got != cases[i].ok)
			fail_msg("%s = '%s': %s, expected %s", cases[i].q, cases[i].v,
				 got ? "accepted" : "refused", cases[i].ok ? "accepted" : "refused");
	}
	char msg[ERR_MAX];
	assert_int_equal(form_value_check(f, form_find(f, "age"), "abc", msg), -1);
	assert_string_equal(msg, "is not a whole number");
	assert_int_equal(form_value_check(f, form_find(f, "member"), "maybe", msg), -1);
	assert_string_equal(msg, "is not a choice of the list 'yn'");
	assert_int_equal(form_value_check(f, form_find(f, "both"), "yes no yes", msg), -1);
	assert_string_equal(msg, "names a choice twice");
	assert_int_equal(form_value_check(f, form_find(f, "member"), "yes no", msg), -1);
	assert_string_equal(msg, "is more than one choice of a select_one");
}

/* A list of 20,000 choices (a crafted form's may be so): every one of them chosen is a value,
 * one of them twice anywhere is not (the names are checked sorted, not each against every
 * other), nor a name of 300 bytes the list lacks. */
static void test_many_choices(void **state)
{
	enum { N = 20000 };
	strbuf md = STRBUF_INIT, all = STRBUF_INIT;
	sb_adds(&md, "| survey |\n| | type | name | label |\n| | select_multiple big | q | Q |\n"
		"| choices |\n| | list_name | name | label |\n");
	for (int k = 0; k < N; k++) {
		sb_addf(&md, "| | big | c%d | C%d |\n", k, k);
		sb_addf(&all, "%sc%d", k ? " " : "", (k * 7919) % N);
	}
	form *big;
	char err[ERR_MAX], msg[ERR_MAX];
	if (form_load_mem("big.md", "md", sb_str(&md), md.len, &big, NULL, err))
		fail_msg("%s", err);
	int q = form_find(big, "q");
	assert_int_equal(form_value_check(big, q, sb_str(&all), msg), 0);
	strbuf twice = STRBUF_INIT;
	sb_addf(&twice, "%s c%d", sb_str(&all), N / 2);
	assert_int_equal(form_value_check(big, q, sb_str(&twice), msg), -1);
	assert_string_equal(msg, "names a choice twice");
	sb_reset(&twice);
	sb_addf(&twice, "c1 %0300d", 7);
	assert_int_equal(form_value_check(big, q, sb_str(&twice), msg), -1);
	assert_string_equal(msg, "is not a choice of the list 'big'");
	form_free(big);
	sb_release(&md);
	sb_release(&all);
	sb_release(&twice);
}

static void test_paths(void **state)
{
	form_paths *p = form_paths_new(f);
	assert_int_equal(form_paths_node(p, "age"), form_find(f, "age"));
	assert_int_equal(form_paths_node(p, "g/rep[2]/n"), form_find(f, "n"));
	assert_int_equal(form_paths_node(p, "g/rep[1]/inner[1000]/m"), form_find(f, "m"));
	static const char *const bad[] = {
		"", "nosuch", "n", "g/rep/n", "g/rep[0]/n", "g/rep[01]/n", "g/rep[1001]/n",
		"g/rep[2]", "g/rep[2]/inner/m", "g[1]/rep[1]/n", "age[1]", "g", "g/rep[1]/n/",
		"/age", "g/rep[+1]/n", "g/rep[ 1]/n", "g/rep[1]/inner[1][2]/m", "g//age",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (form_paths_node(p, bad[i]) != -1)
			fail_msg("path '%s' accepted", bad[i]);
	form_paths_free(p);
}

static void test_shown(void **state)
{
	char *s = termsafe_quoted("a\x1b[2J\xc2\x85z", 40);
	assert_string_equal(s, "'a\\x1b[2J\\xc2\\x85z'");
	free(s);
	s = termsafe_quoted("абвгдежзий", 7);   /* 2 bytes each: cut after 3 letters */
	assert_string_equal(s, "'абв...'");
	free(s);
	s = termsafe_quoted(NULL, 40);
	assert_string_equal(s, "NULL");
	free(s);
}

static void test_version_order(void **state)
{
	assert_true(store_version_cmp("2026112702", "999") > 0);
	assert_true(store_version_cmp("9", "10") < 0);
	assert_true(store_version_cmp("v9", "v10") < 0);
	assert_true(store_version_cmp("1.2", "1.10") < 0);
	assert_true(store_version_cmp("", "1") < 0);
	assert_true(store_version_cmp("abc", "abd") < 0);
	assert_int_equal(store_version_cmp("5", "5"), 0);
	assert_true(store_version_cmp("01", "1") != 0);
	assert_true(store_version_cmp("01", "1") == -store_version_cmp("1", "01"));
	char *ids[] = { xstrdup("f"), xstrdup("f"), xstrdup("a"), xstrdup("f") };
	char *vs[] = { xstrdup("10"), xstrdup("9"), xstrdup("2"), xstrdup("100") };
	store_sort_versions(ids, vs, 4);
	assert_string_equal(ids[0], "a");
	assert_string_equal(vs[1], "9");
	assert_string_equal(vs[2], "10");
	assert_string_equal(vs[3], "100");
	for (int i = 0; i < 4; i++) {
		free(ids[i]);
		free(vs[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_many_choices),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_shown),
		cmocka_unit_test(test_version_order),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
