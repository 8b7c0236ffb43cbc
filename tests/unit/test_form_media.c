/* test_form_media.c: secondary instances in expressions (instance('x')/root/item[filter]/col,
 * pulldata()), their parse errors, and the form bundle (deterministic bytes, unpacked whole,
 * and a form loaded from it without any file). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "form/expr.h"
#include "form/form.h"
#include "util/util.h"

static char *cols[] = { "name", "label", "region", "population" };
static char *cells[] = {
	"a", "Ak-Suu", "chui", "1200",
	"b", "Bel", "chui", "300",
	"c", "Kara", "osh", "950",
};
static expr_table villages = { "villages", "villages.csv", 4, cols, 3, cells, NULL };

static const expr_table *instance(void *user, const char *name)
{
	(void)user;
	return strcmp(name, "villages") == 0 ? &villages : NULL;
}

static int lookup(void *user, const char *name, expr_nodes *out)
{
	(void)user;
	if (strcmp(name, "region") == 0)
		expr_nodes_push(out, "chui");
	else if (strcmp(name, "v") == 0)
		expr_nodes_push(out, "c");
	else
		return -1;
	return 0;
}

static char *eval(const char *src)
{
	char err[ERR_MAX];
	int pos;
	expr *e = expr_parse(src, err, &pos);
	if (!e)
		return xasprintf("parse: %s", err);
	expr_env env = { .instance = instance, .lookup = lookup };
	char *s = NULL;
	if (expr_eval_string(e, &env, &s, err) < 0)
		s = xasprintf("eval: %s", err);
	expr_free(e);
	return s;
}

static void expect(const char *src, const char *want)
{
	char *got = eval(src);
	assert_string_equal(got, want);
	free(got);
}

static void test_instance(void **state)
{
	(void)state;
	expect("instance('villages')/root/item[name='b']/label", "Bel");
	expect("instance('villages')/root/item[name=${v}]/population", "950");
	expect("count(instance('villages')/root/item[region=${region}])", "2");
	expect("count(instance('villages')/root/item[region='chui' and population > 500])", "1");
	expect("sum(instance('villages')/root/item/population)", "2450");
	expect("instance('villages')/root/item[2]/name", "b");
	expect("instance('villages')/root/item[name='zzz']/label", "");
	expect("join(' ', instance('villages')/root/item[region = current()/../region]/name)", "a b");
	expect("pulldata('villages', 'label', 'population', '950')", "Kara");
	expect("pulldata('villages', 'label', 'name', 'none')", "");
	expect("instance('nothing')/root/item/name",
	       "eval: no choice list or media file 'nothing' for instance()");
	expect("instance('villages')/root/item/zzz", "eval: instance('villages') has no column 'zzz'");
	expect("pulldata('villages', 'zzz', 'name', 'a')", "eval: pulldata(): 'villages' has no column 'zzz'");
}

static void test_instance_parse_errors(void **state)
{
	(void)state;
	expect("instance(villages)/root/item/name",
	       "parse: instance() takes the name of a choice list or media file in quotes");
	expect("instance('villages')", "parse: write instance('villages')/root/item[...]/column");
	expect("instance('villages')/root/item[name='a'/label", "parse: unexpected '/'");
	expect("name = 'a'", "parse: unexpected 'name'");   /* bare names only inside a filter */
}

static void test_bundle(void **state)
{
	(void)state;
	const char *md = "| survey |\n| | type | name | label |\n"
			 "| | select_one_from_file l.csv | q | Q |\n";
	form f = { 0 };
	form_media m[2] = { { "l.csv", "name,label\na,A\nb,B\n", 18 }, { "z.xml", "<r/>", 4 } };
	f.media = m;
	f.nmedia = 1;
	void *b1, *b2;
	size_t n1, n2;
	char err[ERR_MAX];
	assert_int_equal(form_bundle_make("f.md", md, strlen(md), &f, &b1, &n1, err), 0);
	assert_int_equal(form_bundle_make("f.md", md, strlen(md), &f, &b2, &n2, err), 0);
	assert_int_equal(n1, n2);
	assert_memory_equal(b1, b2, n1);   /* the same form and files: the same bytes */
	form_bundle b;
	assert_int_equal(form_bundle_open(b1, n1, &b, err), 0);
	assert_string_equal(b.name, "f.md");
	assert_int_equal(b.len, strlen(md));
	assert_int_equal(b.nmedia, 1);
	assert_string_equal(b.media[0].name, "l.csv");
	assert_memory_equal(b.media[0].data, m[0].data, 18);
	form_bundle_release(&b);
	form *g;
	assert_int_equal(form_load_mem("f.md", "bundle", b1, n1, &g, NULL, err), 0);
	assert_int_equal(form_node_list(g, 1)->nchoices, 2);
	assert_int_equal(g->nmedia, 1);
	form_free(g);
	f.nmedia = 2;   /* a file the form does not use is carried but harmless */
	free(b2);
	assert_int_equal(form_bundle_make("f.md", md, strlen(md), &f, &b2, &n2, err), 0);
	assert_int_equal(form_load_mem("f.md", "bundle", b2, n2, &g, NULL, err), 0);
	form_free(g);
	assert_int_equal(form_load_mem("f.md", "bundle", "PK", 2, &g, NULL, err), -1);
	assert_non_null(strstr(err, "damaged bundle"));
	free(b1);
	free(b2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_instance),
		cmocka_unit_test(test_instance_parse_errors),
		cmocka_unit_test(test_bundle),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
