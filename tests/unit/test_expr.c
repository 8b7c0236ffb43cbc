/* test_expr.c: the expression language — data-driven cases from tests/fixtures/expr/NAME.test
 * (one cmocka test per file) and unit tests of expr_refs, conversions and robustness. */
#include <glob.h>
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "form/expr.h"
#include "util/util.h"

/* 2020-03-01T10:30:45.250 in the tests' time zone, UTC+06 (Bishkek) */
#define TEST_NOW 1583037045.25
#define TEST_TZ "<+06>-6"

/* ---- a fake environment over an answers line ---- */

struct answer {
	char *name;
	expr_nodes values;
};

struct fake {
	struct answer *a;    /* answers */
	int n;               /* answers used */
	char *current;       /* ".", NULL when not set */
	int position;        /* position(..) */
	char label[256];     /* last choice label returned */
};

static int fake_lookup(void *user, const char *name, expr_nodes *out)
{
	struct fake *f = user;
	for (int i = 0; i < f->n; i++)
		if (!strcmp(f->a[i].name, name)) {
			for (int j = 0; j < f->a[i].values.n; j++)
				expr_nodes_push(out, f->a[i].values.items[j]);
			return 0;
		}
	return -1;
}

/* indexed-repeat: the fake's repeats have one level; item idx[0] of name's list */
static int fake_indexed(void *user, const char *name, int nrep, const char *const *reps,
			const int *idx, expr_nodes *out)
{
	struct fake *f = user;
	expr_nodes all = { 0 };
	if (nrep != 1 || fake_lookup(f, reps[0], &all) < 0 || fake_lookup(f, name, &all) < 0) {
		expr_nodes_release(&all);
		return -1;
	}
	expr_nodes_release(&all);
	fake_lookup(f, name, &all);
	if (idx[0] >= 1 && idx[0] <= all.n)
		expr_nodes_push(out, all.items[idx[0] - 1]);
	expr_nodes_release(&all);
	return 0;
}

/* ${last-saved#name}: the answer called "saved.name", else "" */
static int fake_last_saved(void *user, const char *name, expr_nodes *out)
{
	struct fake *f = user;
	char *key = xasprintf("saved.%s", name);
	int found = fake_lookup(f, key, out);
	free(key);
	if (found < 0) {
		if (!strcmp(name, "nope"))
			return -1;
		expr_nodes_push(out, "");
	}
	return 0;
}

static const char *fake_current(void *user)
{
	struct fake *f = user;
	return f->current ? f->current : "";
}

static int fake_position(void *user)
{
	return ((struct fake *)user)->position;
}

static const char *fake_choice_label(void *user, const char *qname, const char *value)
{
	struct fake *f = user;
	if (!strcmp(value, "nolabel"))
		return NULL;
	snprintf(f->label, sizeof f->label, "Label(%s:%s)", qname, value);
	return f->label;
}

static void fake_release(struct fake *f)
{
	for (int i = 0; i < f->n; i++) {
		free(f->a[i].name);
		expr_nodes_release(&f->a[i].values);
	}
	free(f->a);
	free(f->current);
	memset(f, 0, sizeof *f);
}

/* One value at *p: 'quoted', "quoted" or bare up to a space, ',' or ']' (in a list). */
static char *read_value(const char **p, int in_list)
{
	const char *s = *p;
	if (*s == '\'' || *s == '"') {
		const char *end = strchr(s + 1, *s);
		if (!end)
			end = s + strlen(s);
		*p = *end ? end + 1 : end;
		return xstrndup(s + 1, (size_t)(end - s - 1));
	}
	const char *e = s;
	while (*e && *e != ' ' && !(in_list && (*e == ',' || *e == ']')))
		e++;
	*p = e;
	return xstrndup(s, (size_t)(e - s));
}

/* Parse "a=3 b='x y' r=[1,2,'a b'] .=5 @pos=2 @now=0 @seed=7" into f and env. */
static void fake_parse(struct fake *f, expr_env *env, const char *line)
{
	const char *p = line;
	for (;;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *eq = strchr(p, '=');
		assert_non_null(eq);
		char *name = xstrndup(p, (size_t)(eq - p));
		p = eq + 1;
		expr_nodes vals = { 0 };
		if (*p == '[') {
			p++;
			while (*p && *p != ']') {
				char *v = read_value(&p, 1);
				expr_nodes_push(&vals, v);
				free(v);
				if (*p == ',')
					p++;
			}
			if (*p == ']')
				p++;
		} else {
			char *v = read_value(&p, 0);
			expr_nodes_push(&vals, v);
			free(v);
		}
		if (!strcmp(name, ".")) {
			free(f->current);
			f->current = xstrdup(vals.items[0]);
			expr_nodes_release(&vals);
			free(name);
		} else if (!strcmp(name, "@pos")) {
			f->position = atoi(vals.items[0]);
			expr_nodes_release(&vals);
			free(name);
		} else if (!strcmp(name, "@seed")) {
			env->seed = strtoull(vals.items[0], NULL, 10);
			expr_nodes_release(&vals);
			free(name);
		} else if (!strcmp(name, "@now")) {
			env->now = atof(vals.items[0]);
			expr_nodes_release(&vals);
			free(name);
		} else {
			f->a = xreallocarray(f->a, (size_t)f->n + 1, sizeof *f->a);
			f->a[f->n].name = name;
			f->a[f->n].values = vals;
			f->n++;
		}
	}
}

static void fake_env(struct fake *f, expr_env *env)
{
	memset(f, 0, sizeof *f);
	f->position = 1;
	memset(env, 0, sizeof *env);
	env->user = f;
	env->lookup = fake_lookup;
	env->current = fake_current;
	env->position = fake_position;
	env->choice_label = fake_choice_label;
	env->indexed = fake_indexed;
	env->last_saved = fake_last_saved;
	env->now = TEST_NOW;
}

/* ---- rendering a result for comparison ---- */

static void render_str(strbuf *sb, const char *s)
{
	sb_addc(sb, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			sb_addf(sb, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			sb_addf(sb, "\\x%02x", c);
		else
			sb_addc(sb, (char)c);
	}
	sb_addc(sb, '"');
}

/* NaN shows as NaN here (expr_value_string would give ""), so the type is visible. */
static char *render(const expr_value *v)
{
	strbuf sb = STRBUF_INIT;
	switch (v->type) {
	case EXPR_NUM:
		if (isnan(v->num))
			sb_adds(&sb, "NaN");
		else {
			char *s = expr_value_string(v);
			sb_adds(&sb, s);
			free(s);
		}
		break;
	case EXPR_BOOL:
		sb_adds(&sb, v->boolean ? "true" : "false");
		break;
	case EXPR_STR:
		render_str(&sb, v->str);
		break;
	case EXPR_NODES:
		sb_addc(&sb, '[');
		for (int i = 0; i < v->nodes.n; i++) {
			if (i)
				sb_addc(&sb, ',');
			render_str(&sb, v->nodes.items[i]);
		}
		sb_addc(&sb, ']');
		break;
	}
	return sb_detach(&sb);
}

/* ---- the data-driven runner ---- */

struct tcase {
	const char *file;
	int line;            /* line of the expression */
	const char *src;     /* expression */
	const char **answers;
	int nanswers;
	const char *want;    /* expected line */
};

/* Run one case; returns NULL when it passes, else a malloc'd description. */
static char *run_case(const struct tcase *c)
{
	char err[ERR_MAX] = "";
	int pos = -1;
	struct fake f;
	expr_env env;
	fake_env(&f, &env);
	for (int i = 0; i < c->nanswers; i++)
		fake_parse(&f, &env, c->answers[i]);
	char *got = NULL, *bad = NULL;
	const char *want = c->want;
	expr *e = expr_parse(c->src, err, &pos);
	if (!e) {
		got = xasprintf("error: %s @%d", err, pos);
	} else if (!strncmp(want, "string: ", 8) || !strcmp(want, "string:")) {
		char *s;
		if (expr_eval_string(e, &env, &s, err) < 0)
			got = xasprintf("error: %s", err);
		else {
			got = xasprintf("string: %s", s);
			free(s);
		}
	} else if (!strncmp(want, "bool: ", 6)) {
		int b;
		if (expr_eval_bool(e, &env, &b, err) < 0)
			got = xasprintf("error: %s", err);
		else
			got = xasprintf("bool: %s", b ? "true" : "false");
	} else {
		expr_value v;
		if (expr_eval(e, &env, &v, err) < 0)
			got = xasprintf("error: %s", err);
		else {
			got = render(&v);
			expr_value_release(&v);
		}
	}
	expr_free(e);
	fake_release(&f);

	int ok;
	if (!strncmp(want, "error: ", 7)) {
		/* "error: SUBSTRING [@POS]" */
		char *w = xstrdup(want + 7);
		char *at = strrchr(w, '@');
		int wpos = -1;
		if (at && at > w && at[-1] == ' ' && at[1] >= '0' && at[1] <= '9') {
			wpos = atoi(at + 1);
			at[-1] = '\0';
		}
		ok = !strncmp(got, "error: ", 7) && strstr(got + 7, w) &&
			(wpos < 0 || wpos == pos);
		free(w);
	} else {
		ok = !strcmp(got, want);
	}
	if (!ok)
		bad = xasprintf("%s:%d: %s\n    want: %s\n    got:  %s", c->file, c->line, c->src,
			want, got);
	free(got);
	return bad;
}

static char *chomp(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

static int cases_run, cases_failed;

/* Blocks separated by blank lines: expression, answers lines (zero or more), expected.
 * Lines starting with '#' between blocks are comments; "<empty>" is the empty expression. */
static void run_file(void **state)
{
	const char *path = *state;
	size_t len;
	char err[ERR_MAX];
	char *text = read_file(path, &len, err);
	if (!text)
		fail_msg("%s", err);
	const char *lines[64];
	int nl = 0, first = 0, lineno = 0, failed = 0, run = 0;
	char *p = text;
	for (;;) {
		char *nlp = strchr(p, '\n');
		char *line = p;
		int end = !nlp && !*p;
		if (nlp) {
			*nlp = '\0';
			p = nlp + 1;
		} else
			p += strlen(p);
		if (!end)
			lineno++;
		chomp(line);
		int blank = end || line[strspn(line, " \t")] == '\0';
		if (!blank && nl == 0 && line[0] == '#')
			continue;
		if (!blank) {
			if (nl == 0)
				first = lineno;
			if (nl < 64)
				lines[nl++] = line;
		} else if (nl > 0) {
			struct tcase c = { .file = path, .line = first };
			if (nl < 2) {
				print_error("%s:%d: case has no expected line\n", path, first);
				failed++;
			} else {
				c.src = strcmp(lines[0], "<empty>") ? lines[0] : "";
				c.answers = lines + 1;
				c.nanswers = nl - 2;
				c.want = lines[nl - 1];
				char *bad = run_case(&c);
				run++;
				if (bad) {
					print_error("%s\n", bad);
					free(bad);
					failed++;
				}
			}
			nl = 0;
		}
		if (end)
			break;
	}
	free(text);
	cases_run += run;
	cases_failed += failed;
	print_message("%s: %d cases, %d failed\n", path, run, failed);
	if (failed)
		fail_msg("%d of %d cases failed in %s", failed, run, path);
}

/* ---- unit tests ---- */

static char *repeat(const char *unit, int times, const char *middle, const char *close)
{
	strbuf sb = STRBUF_INIT;
	for (int i = 0; i < times; i++)
		sb_adds(&sb, unit);
	sb_adds(&sb, middle);
	for (int i = 0; i < times; i++)
		sb_adds(&sb, close);
	return sb_detach(&sb);
}


struct refs {
	char names[16][32];
	int pos[16];
	int n;
};

static void collect(void *arg, const char *name, int pos)
{
	struct refs *r = arg;
	if (r->n < 16) {
		snprintf(r->names[r->n], sizeof r->names[0], "%s", name);
		r->pos[r->n++] = pos;
	}
}

static void test_refs(void **state)
{
	const char *src = "if(${a} > 1, concat(${b}, 'x'), jr:choice-name(${c}, '${c}')) + ${a}";
	char err[ERR_MAX];
	int pos;
	expr *e = expr_parse(src, err, &pos);
	assert_non_null(e);
	struct refs r = { .n = 0 };
	expr_refs(e, collect, &r);
	assert_int_equal(r.n, 5);
	assert_string_equal(r.names[0], "a");
	assert_int_equal(r.pos[0], 3);
	assert_string_equal(r.names[1], "b");
	assert_int_equal(r.pos[1], (int)(strstr(src, "${b}") - src));
	assert_string_equal(r.names[2], "c");
	assert_int_equal(r.pos[2], (int)(strstr(src, "${c}") - src));
	assert_string_equal(r.names[3], "c");
	assert_int_equal(r.pos[3], (int)(strstr(src, "'${c}'") - src) + 1);
	assert_string_equal(r.names[4], "a");
	assert_int_equal(r.pos[4], (int)(strrchr(src, '$') - src));
	expr_free(e);

	/* no references; NULL tree */
	e = expr_parse("1 + 2", err, &pos);
	r.n = 0;
	expr_refs(e, collect, &r);
	assert_int_equal(r.n, 0);
	expr_free(e);
	expr_refs(NULL, collect, &r);
	expr_free(NULL);

	/* a plain string literal holding ${x} is text, not a reference */
	e = expr_parse("concat('${x}', ${кыргыз_q})", err, &pos);
	assert_non_null(e);
	r.n = 0;
	expr_refs(e, collect, &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.names[0], "кыргыз_q");
	expr_free(e);

	/* paths give their last name at their start; last-saved its name at its "${" */
	src = ". > ../min and current()/../max > /data/grp/x + ${last-saved#y} + ./z + ..";
	e = expr_parse(src, err, &pos);
	assert_non_null(e);
	r.n = 0;
	expr_refs(e, collect, &r);
	assert_int_equal(r.n, 5);
	assert_string_equal(r.names[0], "min");
	assert_int_equal(r.pos[0], (int)(strstr(src, "../min") - src));
	assert_string_equal(r.names[1], "max");
	assert_int_equal(r.pos[1], (int)(strstr(src, "current()") - src));
	assert_string_equal(r.names[2], "x");
	assert_int_equal(r.pos[2], (int)(strstr(src, "/data") - src));
	assert_string_equal(r.names[3], "y");
	assert_int_equal(r.pos[3], (int)(strstr(src, "${last") - src));
	assert_string_equal(r.names[4], "z");
	expr_free(e);
}

static expr_value str_value(const char *s)
{
	expr_value v = { .type = EXPR_STR, .str = (char *)s };
	return v;
}

static expr_value num_value(double d)
{
	expr_value v = { .type = EXPR_NUM, .num = d };
	return v;
}

static void test_number_conversions(void **state)
{
	expr_value v;
	v = str_value("2020-03-01");
	assert_true(expr_value_number(&v) == 18322);
	v = str_value("1970-01-01");
	assert_true(expr_value_number(&v) == 0);
	v = str_value("1969-12-31");
	assert_true(expr_value_number(&v) == -1);
	v = str_value("2020-03-01T12:00:00");
	assert_true(expr_value_number(&v) == 18322.5);
	v = str_value("2020-03-01T00:00:00.000Z");   /* 06:00 on a UTC+06 wall clock */
	assert_true(expr_value_number(&v) == 18322.25);
	v = str_value("2020-03-01T06:00:00+06:00");
	assert_true(expr_value_number(&v) == 18322.25);
	v = str_value("2020-02-30");
	assert_true(isnan(expr_value_number(&v)));
	v = str_value(" 12 ");
	assert_true(expr_value_number(&v) == 12);
	v = str_value("-0.5");
	assert_true(expr_value_number(&v) == -0.5);
	v = str_value(".5");
	assert_true(expr_value_number(&v) == 0.5);
	v = str_value("5.");
	assert_true(expr_value_number(&v) == 5);
	v = str_value("0.1");
	assert_true(expr_value_number(&v) == 0.1);
	v = str_value("3.14159265358979323846");
	assert_true(expr_value_number(&v) == 3.14159265358979323846);
	v = str_value("");
	assert_true(isnan(expr_value_number(&v)));
	v = str_value("abc");
	assert_true(isnan(expr_value_number(&v)));
	v = str_value("1e5");
	assert_true(isnan(expr_value_number(&v)));
	v = str_value("+1");
	assert_true(isnan(expr_value_number(&v)));
	v = str_value("1 2");
	assert_true(isnan(expr_value_number(&v)));
	v = str_value("Infinity");
	assert_true(isinf(expr_value_number(&v)));
	v = str_value("-");
	assert_true(isnan(expr_value_number(&v)));

	v.type = EXPR_BOOL;
	v.boolean = 1;
	assert_true(expr_value_number(&v) == 1);

	v = num_value(0);
	v.type = EXPR_NODES;
	assert_true(isnan(expr_value_number(&v)));
	expr_nodes_push(&v.nodes, "7");
	expr_nodes_push(&v.nodes, "8");
	assert_true(expr_value_number(&v) == 7);
	expr_value_release(&v);
}

static void expect_str(expr_value v, const char *want)
{
	char *s = expr_value_string(&v);
	assert_string_equal(s, want);
	free(s);
}

static void test_string_conversions(void **state)
{
	expect_str(num_value(NAN), "");
	expect_str(num_value(INFINITY), "Infinity");
	expect_str(num_value(-INFINITY), "-Infinity");
	expect_str(num_value(-0.0), "0");
	expect_str(num_value(3), "3");
	expect_str(num_value(-3), "-3");
	expect_str(num_value(2.5), "2.5");
	expect_str(num_value(0.1 + 0.2), "0.3");
	expect_str(num_value(1.0 / 3), "0.333333333333333");
	expect_str(num_value(1e20), "100000000000000000000");
	expect_str(num_value(-1.5e20), "-150000000000000000000");
	expect_str(num_value(1e-7), "0.0000001");
	expect_str(num_value(123456789012345.0), "123456789012345");
	expect_str(num_value(1234567.125), "1234567.125");
	char *big = repeat("0", 300, "", "");   /* 15 significant digits, then zeros */
	big[0] = '1';
	strbuf want = STRBUF_INIT;
	sb_adds(&want, big);
	sb_addc(&want, '0');
	expect_str(num_value(1e300), sb_str(&want));
	sb_reset(&want);
	sb_adds(&want, "-0.");
	sb_adds(&want, big + 1);     /* 299 zeros */
	sb_adds(&want, "15");
	expect_str(num_value(-1.5e-300), sb_str(&want));
	sb_release(&want);
	free(big);
	expr_value b = { .type = EXPR_BOOL, .boolean = 1 };
	expect_str(b, "true");
	b.boolean = 0;
	expect_str(b, "false");
	expect_str(str_value("abc"), "abc");
	expr_value ns = { .type = EXPR_NODES };
	expect_str(ns, "");
	expr_nodes_push(&ns.nodes, "first");
	expr_nodes_push(&ns.nodes, "second");
	expect_str(ns, "first");
	expr_value_release(&ns);
}

static void test_bool_conversions(void **state)
{
	expr_value v = num_value(0);
	assert_false(expr_value_bool(&v));
	v = num_value(NAN);
	assert_false(expr_value_bool(&v));
	v = num_value(-2);
	assert_true(expr_value_bool(&v));
	v = str_value("");
	assert_false(expr_value_bool(&v));
	v = str_value("false");   /* a non-empty string is true (XPath) */
	assert_true(expr_value_bool(&v));
	expr_value ns = { .type = EXPR_NODES };
	assert_false(expr_value_bool(&ns));
	expr_nodes_push(&ns.nodes, "");
	assert_false(expr_value_bool(&ns));   /* one unanswered question */
	expr_nodes_push(&ns.nodes, "");
	assert_true(expr_value_bool(&ns));    /* two nodes */
	expr_value_release(&ns);
}

/* The result of expr_eval owns its strings and nodes. */
static void test_eval_ownership(void **state)
{
	struct fake f;
	expr_env env;
	char err[ERR_MAX];
	int pos;
	fake_env(&f, &env);
	fake_parse(&f, &env, "r=[x,y,z] s=hello");
	expr *e = expr_parse("${r}", err, &pos);
	expr_value v;
	assert_int_equal(expr_eval(e, &env, &v, err), 0);
	assert_int_equal(v.type, EXPR_NODES);
	assert_int_equal(v.nodes.n, 3);
	assert_string_equal(v.nodes.items[2], "z");
	expr_value_release(&v);
	expr_free(e);

	e = expr_parse("'literal'", err, &pos);
	assert_int_equal(expr_eval(e, &env, &v, err), 0);
	assert_string_equal(v.str, "literal");
	expr_free(e);   /* the value outlives the tree */
	assert_string_equal(v.str, "literal");
	expr_value_release(&v);

	char *s;
	e = expr_parse("${s}", err, &pos);
	assert_int_equal(expr_eval_string(e, &env, &s, err), 0);
	assert_string_equal(s, "hello");
	free(s);
	expr_free(e);

	/* no callbacks at all */
	expr_env none = { 0 };
	e = expr_parse("${s} = 1", err, &pos);
	assert_int_equal(expr_eval(e, &none, &v, err), -1);
	assert_string_equal(err, "cannot evaluate '${s}' here");
	expr_free(e);
	e = expr_parse("concat(., position(..))", err, &pos);
	assert_int_equal(expr_eval(e, &none, &v, err), -1);
	expr_free(e);
	e = expr_parse("jr:choice-name('a', '${q}')", err, &pos);
	assert_int_equal(expr_eval_string(e, &none, &s, err), 0);
	assert_string_equal(s, "");
	free(s);
	expr_free(e);
	fake_release(&f);
}

static void expect_parse_error(const char *src, const char *msg, int want_pos)
{
	char err[ERR_MAX] = "";
	int pos = -1;
	expr *e = expr_parse(src, err, &pos);
	if (e)
		fail_msg("'%s' parsed, expected error '%s'", src, msg);
	if (!strstr(err, msg))
		fail_msg("'%s': error '%s', expected '%s'", src, err, msg);
	assert_int_equal(pos, want_pos);
}

static void test_bad_bytes(void **state)
{
	expect_parse_error("1 + \x01", "unexpected byte 0x01", 4);
	expect_parse_error("\xff", "unexpected byte 0xff", 0);
	expect_parse_error("1 \xc3", "unexpected byte 0xc3", 2);
	expect_parse_error("1 \xd0\xb0", "unexpected '\xd0\xb0'", 2);
	expect_parse_error("\xe2\x80\x98yes\xe2\x80\x99", "unexpected '\xe2\x80\x98'", 0);
	expect_parse_error("'abc", "unterminated string", 0);
	expect_parse_error("${a", "unterminated reference", 0);
	expect_parse_error("${a b}", "bad character in reference", 3);
	expect_parse_error("", "empty expression", 0);
	expect_parse_error(" \t\n ", "empty expression", 4);
	/* long tokens are quoted cut short, never in the middle of a UTF-8 character */
	strbuf src = STRBUF_INIT, want = STRBUF_INIT;
	sb_adds(&src, "1 ${a");
	sb_adds(&want, "unexpected '${a");
	for (int i = 0; i < 30; i++) {
		sb_adds(&src, "\xd0\xb6");
		if (i < 18)
			sb_adds(&want, "\xd0\xb6");
	}
	sb_adds(&src, "}");
	sb_adds(&want, "...'");
	char err[ERR_MAX];
	int pos;
	assert_null(expr_parse(sb_str(&src), err, &pos));
	assert_string_equal(err, sb_str(&want));
	assert_int_equal(pos, 2);
	sb_release(&src);
	sb_release(&want);
	/* NULL err and errpos are accepted */
	assert_null(expr_parse("(", NULL, NULL));
}

static void test_depth_and_size(void **state)
{
	char err[ERR_MAX];
	int pos;
	expr_value v;
	/* nesting up to the limit works, beyond it is an error */
	char *s = repeat("(", 200, "1", ")");
	expr *e = expr_parse(s, err, &pos);
	assert_non_null(e);
	assert_int_equal(expr_eval(e, NULL, &v, err), 0);
	assert_true(v.num == 1);
	expr_free(e);
	free(s);
	s = repeat("(", 201, "1", ")");
	expect_parse_error(s, "expression nested too deeply", 200);
	free(s);
	s = repeat("not(", 100000, "1", ")");
	expect_parse_error(s, "expression nested too deeply", 803);
	free(s);
	s = repeat("-", 100000, "1", "");
	expect_parse_error(s, "expression nested too deeply", 200);
	free(s);

	/* long flat chains are not deep: 100000 terms parse and evaluate */
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "1");
	for (int i = 0; i < 100000; i++)
		sb_adds(&sb, i % 2 ? " + 1" : " - 1 * 1 div 1");
	e = expr_parse(sb_str(&sb), err, &pos);
	assert_non_null(e);
	assert_int_equal(expr_eval(e, NULL, &v, err), 0);
	assert_true(v.num == 1);
	expr_free(e);
	sb_reset(&sb);
	sb_adds(&sb, "true()");
	for (int i = 0; i < 50000; i++)
		sb_adds(&sb, " and 1 = 1 or 2 < 1");
	e = expr_parse(sb_str(&sb), err, &pos);
	assert_non_null(e);
	int b = 0;
	assert_int_equal(expr_eval_bool(e, NULL, &b, err), 0);
	assert_true(b);
	expr_free(e);
	sb_reset(&sb);
	sb_adds(&sb, "concat(");
	for (int i = 0; i < 20000; i++)
		sb_adds(&sb, i ? ", 'ab'" : "'ab'");
	sb_adds(&sb, ")");
	e = expr_parse(sb_str(&sb), err, &pos);
	assert_non_null(e);
	assert_int_equal(expr_eval(e, NULL, &v, err), 0);
	assert_int_equal(strlen(v.str), 40000);
	expr_value_release(&v);
	expr_free(e);

	/* a number with 5000 digits is just a big number */
	sb_reset(&sb);
	for (int i = 0; i < 5000; i++)
		sb_addc(&sb, '9');
	e = expr_parse(sb_str(&sb), err, &pos);
	assert_non_null(e);
	assert_int_equal(expr_eval(e, NULL, &v, err), 0);
	assert_true(isinf(v.num));
	expr_free(e);
	sb_release(&sb);
}

/* Node-set comparisons are existential, and stay fast on big repeats. */
static void test_big_nodesets(void **state)
{
	struct fake f;
	expr_env env;
	char err[ERR_MAX];
	int pos, b;
	fake_env(&f, &env);
	fake_parse(&f, &env, "x=[] y=[]");
	for (int i = 0; i < 20000; i++) {
		char num[16];
		snprintf(num, sizeof num, "%d", i);
		expr_nodes_push(&f.a[0].values, num);
		snprintf(num, sizeof num, "%d", i + 19999);
		expr_nodes_push(&f.a[1].values, num);
	}
	const char *cases[][2] = {
		{ "${x} = ${y}", "1" }, { "${x} != ${y}", "1" }, { "${x} < ${y}", "1" },
		{ "${x} > ${y}", "0" }, { "${x} >= ${y}", "1" }, { "${x} = 5", "1" },
		{ "${x} = 20001", "0" }, { "count(${x}) = 20000", "1" },
		{ "sum(${x}) = 199990000", "1" }, { "max(${x}, ${y}) = 39998", "1" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		expr *e = expr_parse(cases[i][0], err, &pos);
		assert_non_null(e);
		assert_int_equal(expr_eval_bool(e, &env, &b, err), 0);
		if (b != (cases[i][1][0] == '1'))
			fail_msg("%s: got %d", cases[i][0], b);
		expr_free(e);
	}
	fake_release(&f);
}

/* today()/now() read the clock when env->now is 0. */
static void test_clock(void **state)
{
	char err[ERR_MAX];
	int pos;
	expr_env env = { 0 };
	char *s;
	expr *e = expr_parse("today()", err, &pos);
	assert_int_equal(expr_eval_string(e, &env, &s, err), 0);
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	char want[16];
	strftime(want, sizeof want, "%Y-%m-%d", &tm);
	assert_string_equal(s, want);
	free(s);
	expr_free(e);
	e = expr_parse("decimal-date-time(now()) - today() < 1", err, &pos);
	int b;
	assert_int_equal(expr_eval_bool(e, &env, &b, err), 0);
	assert_true(b);
	expr_free(e);
}

/* Numbers are read and written with '.', whatever the process locale. */
static void test_locale(void **state)
{
	const char *names[] = { "ru_RU.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8", NULL };
	const char *got = NULL;
	for (int i = 0; names[i] && !got; i++)
		got = setlocale(LC_NUMERIC, names[i]);
	if (!got)
		skip();
	char err[ERR_MAX];
	int pos;
	char *s;
	expr *e = expr_parse("1.25 + number('1.5') + 1234567890123456789 * 0", err, &pos);
	assert_int_equal(expr_eval_string(e, NULL, &s, err), 0);
	assert_string_equal(s, "2.75");
	free(s);
	expr_free(e);
	e = expr_parse("1 div 3", err, &pos);
	assert_int_equal(expr_eval_string(e, NULL, &s, err), 0);
	assert_string_equal(s, "0.333333333333333");
	free(s);
	expr_free(e);
	setlocale(LC_NUMERIC, "C");
}

int main(void)
{
	/* whole lines, so that cmocka's summary on stderr never lands inside one of ours */
	setvbuf(stdout, NULL, _IOLBF, 0);
	setenv("TZ", TEST_TZ, 1);
	tzset();
	const char *top = getenv("TOP");
	char *pattern = xasprintf("%s/tests/fixtures/expr/*.test", top ? top : ".");
	glob_t g;
	if (glob(pattern, 0, NULL, &g) != 0 || g.gl_pathc == 0) {
		fprintf(stderr, "test_expr: no fixtures match '%s' (set TOP)\n", pattern);
		free(pattern);
		return 1;
	}
	free(pattern);
	size_t nfiles = g.gl_pathc;
	struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_refs),
		cmocka_unit_test(test_number_conversions),
		cmocka_unit_test(test_string_conversions),
		cmocka_unit_test(test_bool_conversions),
		cmocka_unit_test(test_eval_ownership),
		cmocka_unit_test(test_bad_bytes),
		cmocka_unit_test(test_depth_and_size),
		cmocka_unit_test(test_big_nodesets),
		cmocka_unit_test(test_clock),
		cmocka_unit_test(test_locale),
	};
	size_t nfixed = sizeof fixed / sizeof fixed[0];
	struct CMUnitTest *tests = xcalloc(nfiles + nfixed, sizeof *tests);
	for (size_t i = 0; i < nfiles; i++) {
		const char *base = strrchr(g.gl_pathv[i], '/');
		tests[i].name = base ? base + 1 : g.gl_pathv[i];
		tests[i].test_func = run_file;
		tests[i].initial_state = g.gl_pathv[i];
	}
	memcpy(tests + nfiles, fixed, sizeof fixed);
	int rc = _cmocka_run_group_tests("expr", tests, nfiles + nfixed, NULL, NULL);
	printf("expr fixtures: %d cases, %d failed\n", cases_run, cases_failed);
	free(tests);
	globfree(&g);
	return rc;
}
