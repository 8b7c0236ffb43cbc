/* expr_eval.c: evaluation of parsed expressions — values and their XPath/ODK conversions,
 * operators and comparisons, and the public expr_eval* entry points. */
#include "form/expr_impl.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

void expr_nodes_push(expr_nodes *ns, const char *value)
{
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? 2 * ns->cap : 4;
		ns->items = xreallocarray(ns->items, (size_t)ns->cap, sizeof *ns->items);
	}
	ns->items[ns->n++] = xstrdup(value ? value : "");
}

void expr_nodes_release(expr_nodes *ns)
{
	strv_free(ns->items, ns->n);
	ns->items = NULL;
	ns->n = ns->cap = 0;
}

void expr_value_release(expr_value *v)
{
	if (!v)
		return;
	free(v->str);
	v->str = NULL;
	expr_nodes_release(&v->nodes);
}

/* ---- numbers ---- */

double expr_decimal(const char *s, size_t n)
{
	static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
		1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	if (n <= 16) {
		/* at most 15 digits: mantissa and power of ten are exact, one rounding */
		uint64_t m = 0;
		int frac = -1;
		for (size_t i = 0; i < n; i++) {
			if (s[i] == '.')
				frac = 0;
			else {
				m = m * 10 + (uint64_t)(s[i] - '0');
				if (frac >= 0)
					frac++;
			}
		}
		return frac > 0 ? (double)m / pow10[frac] : (double)m;
	}
	char *copy = xstrndup(s, n);
	double d = cnum_strtod(copy, NULL);
	free(copy);
	return d;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

double expr_str_num(const char *s)
{
	const char *p = s;
	while (is_blank(*p))
		p++;
	if (!*p)
		return NAN;
	int neg = *p == '-';
	const char *d = p + neg, *q = d;
	while (*q >= '0' && *q <= '9')
		q++;
	if (*q == '.')
		for (q++; *q >= '0' && *q <= '9'; q++)
			;
	size_t n = (size_t)(q - d);
	if (n > 0 && !(n == 1 && *d == '.')) {
		const char *r = q;
		while (is_blank(*r))
			r++;
		if (!*r) {
			double v = expr_decimal(d, n);
			return neg ? -v : v;
		}
		if (*r != '-' && *r != 'T' && *r != ':')
			return NAN;   /* neither a number nor a date */
	}
	if (!strncmp(d, "Infinity", 8)) {
		const char *r = d + 8;
		while (is_blank(*r))
			r++;
		if (!*r)
			return neg ? -INFINITY : INFINITY;
	}
	double days;
	return expr_date_parse(s, &days) == 0 ? days : NAN;
}

/* Lay out the digits D (ndig of them, significant, no dot) times 10^(exp10 - ndig + 1). */
static void place_digits(char *out, int neg, const char *dig, int ndig, int exp10)
{
	char *o = out;
	if (neg)
		*o++ = '-';
	if (exp10 < 0) {
		*o++ = '0';
		*o++ = '.';
		for (int i = 0; i < -exp10 - 1; i++)
			*o++ = '0';
		memcpy(o, dig, (size_t)ndig);
		o += ndig;
	} else {
		for (int i = 0; i <= exp10; i++)
			*o++ = i < ndig ? dig[i] : '0';
		if (ndig > exp10 + 1) {
			*o++ = '.';
			memcpy(o, dig + exp10 + 1, (size_t)(ndig - exp10 - 1));
			o += ndig - exp10 - 1;
		}
	}
	*o = '\0';
}

void expr_num_format(double d, char buf[EXPR_NUMBUF])
{
	if (isnan(d)) {
		buf[0] = '\0';
		return;
	}
	if (isinf(d)) {
		strcpy(buf, d < 0 ? "-Infinity" : "Infinity");
		return;
	}
	if (d == 0) {
		strcpy(buf, "0");
		return;
	}
	if (fabs(d) < 1e15 && d == trunc(d)) {
		snprintf(buf, EXPR_NUMBUF, "%.0f", d);
		return;
	}
	/* 15 significant digits, then written out in full: no exponent, whatever the locale's
	 * decimal point is */
	char tmp[64], dig[20];
	snprintf(tmp, sizeof tmp, "%.14e", fabs(d));
	int ndig = 0;
	const char *p = tmp;
	for (; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9' && ndig < 15)
			dig[ndig++] = *p;
	int exp10 = *p == 'e' ? atoi(p + 1) : 0;
	while (ndig > 1 && dig[ndig - 1] == '0')
		ndig--;
	place_digits(buf, d < 0, dig, ndig, exp10);
}

/* ---- values ---- */

void val_release(val *v)
{
	free(v->own);
	v->own = NULL;
	v->s = NULL;
	if (v->type == EXPR_NODES)
		expr_nodes_release(&v->nodes);
}

void val_num_set(val *v, double d)
{
	v->type = EXPR_NUM;
	v->num = d;
}

void val_bool_set(val *v, int b)
{
	v->type = EXPR_BOOL;
	v->boolean = b != 0;
}

void val_str_borrow(val *v, const char *s)
{
	v->type = EXPR_STR;
	v->s = s;
	v->own = NULL;
}

void val_str_own(val *v, char *s)
{
	v->type = EXPR_STR;
	v->s = v->own = s;
}

double val_num(const val *v)
{
	switch (v->type) {
	case EXPR_NUM:
		return v->num;
	case EXPR_BOOL:
		return v->boolean;
	case EXPR_STR:
		return expr_str_num(v->s);
	default:
		return v->nodes.n ? expr_str_num(v->nodes.items[0]) : NAN;
	}
}

/* A node-set of one node counts by its value, as JavaRosa unpacks it: an unanswered
 * question is false. No nodes is false, several are true (XPath). */
int val_bool(const val *v)
{
	switch (v->type) {
	case EXPR_NUM:
		return !(v->num == 0 || isnan(v->num));
	case EXPR_BOOL:
		return v->boolean;
	case EXPR_STR:
		return v->s[0] != '\0';
	default:
		return v->nodes.n == 1 ? v->nodes.items[0][0] != '\0' : v->nodes.n > 1;
	}
}

const char *val_str(const val *v, char buf[EXPR_NUMBUF])
{
	switch (v->type) {
	case EXPR_NUM:
		expr_num_format(v->num, buf);
		return buf;
	case EXPR_BOOL:
		return v->boolean ? "true" : "false";
	case EXPR_STR:
		return v->s;
	default:
		return v->nodes.n ? v->nodes.items[0] : "";
	}
}

/* ---- comparisons (XPath 1.0 section 3.4) ---- */

static int cmp_num(double a, double b, int op)
{
	switch (op) {
	case OP_EQ: return a == b;
	case OP_NE: return a != b;
	case OP_LT: return a < b;
	case OP_LE: return a <= b;
	case OP_GT: return a > b;
	default: return a >= b;
	}
}

static int is_relational(int op)
{
	return op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE;
}

static int cmp_str(const char *a, const char *b, int op)
{
	if (is_relational(op))
		return cmp_num(expr_str_num(a), expr_str_num(b), op);
	return (strcmp(a, b) == 0) == (op == OP_EQ);
}

static int strp_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Smallest and largest number among the nodes, NaN ignored; 0 if there is none. */
static int nodes_range(const expr_nodes *ns, double *lo, double *hi)
{
	int any = 0;
	for (int i = 0; i < ns->n; i++) {
		double d = expr_str_num(ns->items[i]);
		if (isnan(d))
			continue;
		if (!any || d < *lo)
			*lo = d;
		if (!any || d > *hi)
			*hi = d;
		any = 1;
	}
	return any;
}

/* Is some pair (x in a, y in b) such that x op y? In O((n+m) log(n+m)), not O(n*m). */
static int cmp_nodes_nodes(const expr_nodes *a, const expr_nodes *b, int op)
{
	if (!a->n || !b->n)
		return 0;
	if (is_relational(op)) {
		double alo, ahi, blo, bhi;
		if (!nodes_range(a, &alo, &ahi) || !nodes_range(b, &blo, &bhi))
			return 0;
		return op == OP_LT || op == OP_LE ? cmp_num(alo, bhi, op) : cmp_num(ahi, blo, op);
	}
	if (op == OP_NE) {
		/* some pair differs unless every item of both is the same string */
		const char *first = a->items[0];
		for (int i = 0; i < a->n; i++)
			if (strcmp(a->items[i], first))
				return 1;
		for (int i = 0; i < b->n; i++)
			if (strcmp(b->items[i], first))
				return 1;
		return 0;
	}
	if (a->n == 1 || b->n == 1) {
		const expr_nodes *one = a->n == 1 ? a : b, *many = a->n == 1 ? b : a;
		for (int i = 0; i < many->n; i++)
			if (!strcmp(many->items[i], one->items[0]))
				return 1;
		return 0;
	}
	char **sa = xreallocarray(NULL, (size_t)a->n, sizeof *sa);
	char **sb = xreallocarray(NULL, (size_t)b->n, sizeof *sb);
	memcpy(sa, a->items, (size_t)a->n * sizeof *sa);
	memcpy(sb, b->items, (size_t)b->n * sizeof *sb);
	qsort(sa, (size_t)a->n, sizeof *sa, strp_cmp);
	qsort(sb, (size_t)b->n, sizeof *sb, strp_cmp);
	int found = 0;
	for (int i = 0, j = 0; i < a->n && j < b->n && !found;) {
		int c = strcmp(sa[i], sb[j]);
		found = c == 0;
		if (c < 0)
			i++;
		else
			j++;
	}
	free(sa);
	free(sb);
	return found;
}

/* Mirror a relational operator, for "scalar op nodes" written as "nodes op' scalar". */
static int flip(int op)
{
	switch (op) {
	case OP_LT: return OP_GT;
	case OP_LE: return OP_GE;
	case OP_GT: return OP_LT;
	case OP_GE: return OP_LE;
	default: return op;
	}
}

/* Two scalars compared as strings; kept out of line so that its buffers do not weigh on
 * the frames of the recursive evaluator. */
static __attribute__((noinline)) int cmp_scalar_str(const val *a, const val *b, int op)
{
	char abuf[EXPR_NUMBUF], bbuf[EXPR_NUMBUF];
	return cmp_str(val_str(a, abuf), val_str(b, bbuf), op);
}

static int compare(const val *a, const val *b, int op)
{
	if (a->type == EXPR_NODES && b->type == EXPR_NODES)
		return cmp_nodes_nodes(&a->nodes, &b->nodes, op);
	if (a->type == EXPR_NODES || b->type == EXPR_NODES) {
		const val *ns = a->type == EXPR_NODES ? a : b, *o = a->type == EXPR_NODES ? b : a;
		if (ns == b)
			op = flip(op);
		if (o->type == EXPR_BOOL)
			return cmp_num(val_bool(ns), o->boolean, op);
		if (o->type == EXPR_NUM) {
			for (int i = 0; i < ns->nodes.n; i++)
				if (cmp_num(expr_str_num(ns->nodes.items[i]), o->num, op))
					return 1;
			return 0;
		}
		for (int i = 0; i < ns->nodes.n; i++)
			if (cmp_str(ns->nodes.items[i], o->s, op))
				return 1;
		return 0;
	}
	if (!is_relational(op)) {
		if (a->type == EXPR_BOOL || b->type == EXPR_BOOL)
			return (val_bool(a) == val_bool(b)) == (op == OP_EQ);
		if (a->type == EXPR_NUM || b->type == EXPR_NUM)
			return cmp_num(val_num(a), val_num(b), op);
		return cmp_scalar_str(a, b, op);
	}
	return cmp_num(val_num(a), val_num(b), op);
}

/* ---- evaluation ---- */

static double arith(double a, double b, int op)
{
	switch (op) {
	case OP_ADD: return a + b;
	case OP_SUB: return a - b;
	case OP_MUL: return a * b;
	case OP_DIV: return a / b;
	default: return fmod(a, b);
	}
}

static int ev_bool(struct ectx *cx, const struct expr_node *n, int *out);

static int ev_chain(struct ectx *cx, const struct expr_node *n, val *out)
{
	const struct expr *e = cx->e;
	int op1 = e->op[n->first + 1];
	if (op1 == OP_OR || op1 == OP_AND) {
		int b = op1 == OP_AND;
		for (int i = 0; i < n->nkids && b == (op1 == OP_AND); i++)
			if (ev_bool(cx, expr_kid(e, n, i), &b) < 0)
				return -1;
		val_bool_set(out, b);
		return 0;
	}
	if (expr_ev(cx, expr_kid(e, n, 0), out) < 0)
		return -1;
	for (int i = 1; i < n->nkids; i++) {
		val b;
		int op = e->op[n->first + i];
		if (expr_ev(cx, expr_kid(e, n, i), &b) < 0) {
			val_release(out);
			return -1;
		}
		if (op >= OP_ADD) {
			double r = arith(val_num(out), val_num(&b), op);
			val_release(out);
			val_num_set(out, r);
		} else {
			int r = compare(out, &b, op);
			val_release(out);
			val_bool_set(out, r);
		}
		val_release(&b);
	}
	return 0;
}

static int ev_ref(struct ectx *cx, const struct expr_node *n, val *out)
{
	const expr_env *env = cx->env;
	out->type = EXPR_NODES;
	memset(&out->nodes, 0, sizeof out->nodes);
	if (n->last_saved) {
		if (!env || !env->last_saved) {
			expr_nodes_push(&out->nodes, "");
			return 0;
		}
		if (env->last_saved(env->user, n->str, &out->nodes) < 0) {
			expr_nodes_release(&out->nodes);
			return errf(cx->err, "unknown question '%s'", n->str);
		}
		return 0;
	}
	if (!env || !env->lookup)
		return errf(cx->err, "cannot evaluate '${%s}' here", n->str);
	if (env->lookup(env->user, n->str, &out->nodes) < 0) {
		expr_nodes_release(&out->nodes);
		return errf(cx->err, "unknown question '%s'", n->str);
	}
	return 0;
}

int expr_ev(struct ectx *cx, const struct expr_node *n, val *out)
{
	memset(out, 0, sizeof *out);
	switch (n->kind) {
	case N_NUM:
		val_num_set(out, n->num);
		return 0;
	case N_STR:
		val_str_borrow(out, n->str);
		return 0;
	case N_REF:
		return ev_ref(cx, n, out);
	case N_CUR: {
		const char *cur = cx->env && cx->env->current ? cx->env->current(cx->env->user) : NULL;
		val_str_borrow(out, cur ? cur : "");
		return 0;
	}
	case N_PARENT:
		val_str_borrow(out, "");
		return 0;
	case N_NEG: {
		val k;
		if (expr_ev(cx, expr_kid(cx->e, n, 0), &k) < 0)
			return -1;
		double d = val_num(&k);
		val_release(&k);
		val_num_set(out, -d);
		return 0;
	}
	case N_CHAIN:
		return ev_chain(cx, n, out);
	default:
		return expr_fns[n->fn].call(cx, n, out);
	}
}

int expr_ev_kid(struct ectx *cx, const struct expr_node *n, int i, val *out)
{
	return expr_ev(cx, expr_kid(cx->e, n, i), out);
}

static int ev_bool(struct ectx *cx, const struct expr_node *n, int *out)
{
	val v;
	if (expr_ev(cx, n, &v) < 0)
		return -1;
	*out = val_bool(&v);
	val_release(&v);
	return 0;
}

int expr_arg_num(struct ectx *cx, const struct expr_node *n, int i, double *out)
{
	val v;
	if (expr_ev_kid(cx, n, i, &v) < 0)
		return -1;
	*out = val_num(&v);
	val_release(&v);
	return 0;
}

int expr_arg_bool(struct ectx *cx, const struct expr_node *n, int i, int *out)
{
	return ev_bool(cx, expr_kid(cx->e, n, i), out);
}

int expr_arg_str(struct ectx *cx, const struct expr_node *n, int i, val *tmp,
		char buf[EXPR_NUMBUF], const char **out)
{
	if (expr_ev_kid(cx, n, i, tmp) < 0)
		return -1;
	*out = val_str(tmp, buf);
	return 0;
}

/* String argument i as a malloc'd copy. */
int expr_arg_dup(struct ectx *cx, const struct expr_node *n, int i, char **out)
{
	val t;
	char buf[EXPR_NUMBUF];
	const char *s;
	if (expr_arg_str(cx, n, i, &t, buf, &s) < 0)
		return -1;
	*out = t.own && t.s == s ? t.own : xstrdup(s);
	if (t.own == *out)
		t.own = NULL;
	val_release(&t);
	return 0;
}

int expr_substring_by(struct ectx *cx, const struct expr_node *n, val *out,
		      expr_char_range range)
{
	char *s;
	double a, b = INFINITY, from, to;
	if (expr_arg_dup(cx, n, 0, &s) < 0)
		return -1;
	if (expr_arg_num(cx, n, 1, &a) < 0 || (n->nkids > 2 && expr_arg_num(cx, n, 2, &b) < 0)) {
		free(s);
		return -1;
	}
	size_t len = strlen(s);
	range(a, b, n->nkids > 2, (double)utf8_count(s, len), &from, &to);
	size_t o1 = utf8_offset(s, len, (size_t)from), o2 = utf8_offset(s, len, (size_t)to);
	char *r = xstrndup(s + o1, o2 - o1);
	free(s);
	val_str_own(out, r);
	return 0;
}

/* ---- public API ---- */

static int run(const expr *e, const expr_env *env, val *v, char *err)
{
	char dummy[ERR_MAX];
	struct ectx cx = { .e = e, .env = env, .err = err ? err : dummy, .rng = env ? env->seed : 0 };
	if (!e) {
		memset(v, 0, sizeof *v);
		return errf(err, "no expression");
	}
	return expr_ev(&cx, &e->nodes[e->root], v);
}

int expr_eval(const expr *e, const expr_env *env, expr_value *out, char *err)
{
	val v;
	memset(out, 0, sizeof *out);
	if (run(e, env, &v, err) < 0)
		return -1;
	out->type = v.type;
	out->num = v.num;
	out->boolean = v.boolean;
	if (v.type == EXPR_STR)
		out->str = v.own ? v.own : xstrdup(v.s);
	else if (v.type == EXPR_NODES)
		out->nodes = v.nodes;
	return 0;
}

int expr_eval_bool(const expr *e, const expr_env *env, int *out, char *err)
{
	val v;
	if (run(e, env, &v, err) < 0)
		return -1;
	*out = val_bool(&v);
	val_release(&v);
	return 0;
}

int expr_eval_string(const expr *e, const expr_env *env, char **str, char *err)
{
	val v;
	char buf[EXPR_NUMBUF];
	*str = NULL;
	if (run(e, env, &v, err) < 0)
		return -1;
	if (v.type == EXPR_STR && v.own) {
		*str = v.own;
		return 0;
	}
	*str = xstrdup(val_str(&v, buf));
	val_release(&v);
	return 0;
}

/* A borrowed val view of a public value (nothing is copied; do not release it). */
static val view(const expr_value *v)
{
	val w = { .type = v->type, .boolean = v->boolean, .num = v->num,
		.s = v->str ? v->str : "", .nodes = v->nodes };
	return w;
}

double expr_value_number(const expr_value *v)
{
	val w = view(v);
	return val_num(&w);
}

int expr_value_bool(const expr_value *v)
{
	val w = view(v);
	return val_bool(&w);
}

char *expr_value_string(const expr_value *v)
{
	char buf[EXPR_NUMBUF];
	val w = view(v);
	return xstrdup(val_str(&w, buf));
}
