/* fuzz_expr.c: libFuzzer harness for the expression language — parses any bytes, checks the
 * error contract, then evaluates with a fake environment through every entry point.
 * Build: clang -std=gnu11 -D_GNU_SOURCE -Isrc -g -O1 -fsanitize=fuzzer,address,undefined
 *        tests/fuzz/fuzz_expr.c src/form/expr*.c src/util/util.c -lm -o /tmp/fuzz_expr
 * Run:   /tmp/fuzz_expr -max_total_time=300 -timeout=5 -rss_limit_mb=2048 WORKDIR
 *        tests/fuzz/corpus/expr
 * FUZZ_EXPR_LOCALE=C.UTF-8 runs it in that locale (the program runs in the user's UTF-8
 * locale, where glibc's regex takes its multibyte paths). */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/expr.h"
#include "util/util.h"

/* ${name} yields a few values chosen by the name: nothing, empty, numbers, a date,
 * a select_multiple value, several repeat instances. */
static int lookup(void *user, const char *name, expr_nodes *out)
{
	static const char *const values[] = { "", "3", "-2.5", "2020-03-01", "a b c",
		"2020-03-01T10:00:00+06:00", "Өмүр", "1e5", "Infinity" };
	size_t h = 0;
	for (const char *p = name; *p; p++)
		h = h * 31 + (unsigned char)*p;
	if (h % 11 == 10)
		return -1;
	int count = (int)(h % 5);   /* 0..4 instances */
	if (count == 4)
		count = 1;
	for (int i = 0; i < count; i++)
		expr_nodes_push(out, values[(h / 5 + (size_t)i) % (sizeof values / sizeof *values)]);
	return 0;
}

/* indexed-repeat(): the lookup's values of name, the item of the first index */
static int indexed(void *user, const char *name, int nrep, const char *const *reps,
		   const int *idx, expr_nodes *out)
{
	expr_nodes all = { 0 };
	if (nrep < 1 || lookup(user, name, &all) < 0) {
		expr_nodes_release(&all);
		return -1;
	}
	if (idx[0] >= 1 && idx[0] <= all.n)
		expr_nodes_push(out, all.items[idx[0] - 1]);
	expr_nodes_release(&all);
	return 0;
}

/* ${last-saved#name}: the first of the lookup's values, or "" */
static int last_saved(void *user, const char *name, expr_nodes *out)
{
	expr_nodes all = { 0 };
	int r = lookup(user, name, &all);
	if (r == 0)
		expr_nodes_push(out, all.n ? all.items[0] : "");
	expr_nodes_release(&all);
	return r;
}

static const char *current(void *user)
{
	return "5";
}

static int position(void *user)
{
	return 2;
}

static const char *choice_label(void *user, const char *qname, const char *value)
{
	return strlen(value) % 2 ? value : NULL;
}

static void ref(void *arg, const char *name, int pos)
{
	size_t len = *(size_t *)arg;
	if (!name || !*name || pos < 0 || (size_t)pos >= len)
		abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *loc = getenv("FUZZ_EXPR_LOCALE");
	if (loc && !setlocale(LC_ALL, loc)) {
		fprintf(stderr, "fuzz_expr: no locale '%s'\n", loc);
		exit(1);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *src = xstrndup((const char *)data, size);   /* stops at an embedded NUL */
	size_t len = strlen(src);
	char err[ERR_MAX];
	int pos = -1;
	err[0] = '\0';
	expr *e = expr_parse(src, err, &pos);
	if (!e) {
		if (!err[0] || pos < 0 || (size_t)pos > len)
			abort();   /* every parse error has a message and a position in the input */
		free(src);
		return 0;
	}
	expr_refs(e, ref, &len);

	expr_env env = { .lookup = lookup, .current = current, .position = position,
		.choice_label = choice_label, .indexed = indexed, .last_saved = last_saved,
		.now = 1583037045.25, .seed = 42 };
	expr_value v;
	if (expr_eval(e, &env, &v, err) == 0) {
		char *s = expr_value_string(&v);
		(void)expr_value_number(&v);
		(void)expr_value_bool(&v);
		free(s);
		expr_value_release(&v);
	} else if (!err[0]) {
		abort();   /* an evaluation error has a message */
	}
	int b;
	char *s;
	if (expr_eval_bool(e, &env, &b, err) == 0 && b != 0 && b != 1)
		abort();
	if (expr_eval_string(e, &env, &s, err) == 0)
		free(s);
	expr_env bare = { 0 };
	bare.now = 1;
	if (expr_eval(e, &bare, &v, err) == 0)
		expr_value_release(&v);
	expr_free(e);
	free(src);
	return 0;
}
