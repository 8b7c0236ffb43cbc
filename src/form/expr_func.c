/* expr_func.c: the function library of the expression language (ODK semantics) and its
 * table, with the UTF-8 helpers the string functions use. Dates are in expr_date.c, choice
 * functions in expr_select.c, regex() in expr_regex.c. */
#include "form/expr_impl.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

#define FN(name) static int name(struct ectx *cx, const struct expr_node *n, val *out)

/* ---- helpers ---- */

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A double as a clamped integer: NaN is 0, truncated toward zero. */
long long expr_to_ll(double d)
{
	if (isnan(d))
		return 0;
	if (d > 1e15)
		return (long long)1e15;
	if (d < -1e15)
		return (long long)-1e15;
	return (long long)d;
}

int expr_args_dup(struct ectx *cx, const struct expr_node *n, int k, char **s)
{
	for (int i = 0; i < k; i++) {
		s[i] = NULL;
		if (i < n->nkids && expr_arg_dup(cx, n, i, &s[i]) < 0) {
			while (i--)
				free(s[i]);
			return -1;
		}
	}
	return 0;
}

void expr_args_free(char **s, int k)
{
	for (int i = 0; i < k; i++)
		free(s[i]);
}

static char *current_dup(struct ectx *cx)
{
	const expr_env *env = cx->env;
	const char *c = env && env->current ? env->current(env->user) : NULL;
	return xstrdup(c ? c : "");
}

/* String argument 0 as a malloc'd copy, or the current answer's value when there is none. */
static int arg_or_current(struct ectx *cx, const struct expr_node *n, char **s)
{
	if (n->nkids == 0) {
		*s = current_dup(cx);
		return 0;
	}
	return expr_arg_dup(cx, n, 0, s);
}

/* ---- logic ---- */

FN(fn_if)
{
	int c;
	if (expr_arg_bool(cx, n, 0, &c) < 0)
		return -1;
	return expr_ev_kid(cx, n, c ? 1 : 2, out);
}

FN(fn_not)
{
	int b;
	if (expr_arg_bool(cx, n, 0, &b) < 0)
		return -1;
	val_bool_set(out, !b);
	return 0;
}

FN(fn_true)
{
	val_bool_set(out, 1);
	return 0;
}

FN(fn_false)
{
	val_bool_set(out, 0);
	return 0;
}

FN(fn_boolean)
{
	int b;
	if (expr_arg_bool(cx, n, 0, &b) < 0)
		return -1;
	val_bool_set(out, b);
	return 0;
}

FN(fn_boolean_from_string)
{
	char *s;
	if (expr_arg_dup(cx, n, 0, &s) < 0)
		return -1;
	val_bool_set(out, !strcmp(s, "true") || !strcmp(s, "1"));
	free(s);
	return 0;
}

/* coalesce(a, b): a unless its string value is empty, else b */
FN(fn_coalesce)
{
	char buf[EXPR_NUMBUF];
	if (expr_ev_kid(cx, n, 0, out) < 0)
		return -1;
	const char *s = val_str(out, buf);
	if (*s) {
		if (out->type == EXPR_NODES) {
			char *c = xstrdup(s);
			val_release(out);
			val_str_own(out, c);
		}
		return 0;
	}
	val_release(out);
	return expr_ev_kid(cx, n, 1, out);
}

/* once(x): the current value if there is one, else x */
FN(fn_once)
{
	char *cur = current_dup(cx);
	if (*cur) {
		val_str_own(out, cur);
		return 0;
	}
	free(cur);
	return expr_ev_kid(cx, n, 0, out);
}

/* ---- numbers ---- */

/* A function of one number: the argument as a number, then op applied to it. */
#define NUM1(name, op) FN(name) EXPR_NUM1_BODY(op)
#define IDENTITY(x) (x)

NUM1(fn_number, IDENTITY)
NUM1(fn_int, trunc)      /* toward zero */
NUM1(fn_floor, floor)
NUM1(fn_ceiling, ceil)
NUM1(fn_abs, fabs)

/* Round x half away from zero to `places` decimals, on its decimal digits (as a person reads
 * them: round(1.005, 2) is 1.01), not on its binary value. */
static double round_places(double x, long long places)
{
	if (isnan(x) || isinf(x) || (places >= 0 && x == trunc(x)))
		return x;
	if (places == 0)
		return round(x);
	char buf[EXPR_NUMBUF], dig[EXPR_NUMBUF + 2];
	expr_num_format(fabs(x), buf);
	/* digits without the point; nint of them before it */
	int nd = 0, nint = -1;
	for (const char *p = buf; *p; p++) {
		if (*p == '.')
			nint = nd;
		else
			dig[nd++] = *p;
	}
	if (nint < 0)
		nint = nd;
	long long keep = nint + places;   /* digits kept */
	if (keep >= nd)
		return x;
	if (keep < 0)
		return 0;
	int k = (int)keep, carry = k < nd && dig[k] >= '5';
	for (int i = k - 1; i >= 0 && carry; i--) {
		if (dig[i] == '9')
			dig[i] = '0';
		else {
			dig[i]++;
			carry = 0;
		}
	}
	/* the kept digits, then zeros up to the point; a leading carry adds a digit */
	char num[EXPR_NUMBUF + 4];
	int o = 0;
	if (carry)
		num[o++] = '1';
	for (int i = 0; i < nint; i++)
		num[o++] = i < k ? dig[i] : '0';
	if (k > nint) {
		num[o++] = '.';
		for (int i = nint; i < k; i++)
			num[o++] = dig[i];
	}
	if (o == 0)
		num[o++] = '0';
	double r = expr_decimal(num, (size_t)o);
	return x < 0 ? -r : r;
}

FN(fn_round)
{
	double x, places = 0;
	if (expr_arg_num(cx, n, 0, &x) < 0)
		return -1;
	if (n->nkids > 1 && expr_arg_num(cx, n, 1, &places) < 0)
		return -1;
	if (isnan(places)) {
		val_num_set(out, NAN);
		return 0;
	}
	long long p = expr_to_ll(places);
	val_num_set(out, round_places(x, p < -400 ? -400 : p > 400 ? 400 : p));
	return 0;
}

/* count(nodes): the number of nodes; a single value counts as one */
FN(fn_count)
{
	val v;
	if (expr_ev_kid(cx, n, 0, &v) < 0)
		return -1;
	val_num_set(out, v.type == EXPR_NODES ? v.nodes.n : 1);
	val_release(&v);
	return 0;
}

/* sum(nodes): NaN when any node is empty or not a number (as XPath and JavaRosa) */
FN(fn_sum)
{
	val v;
	double s = 0;
	if (expr_ev_kid(cx, n, 0, &v) < 0)
		return -1;
	if (v.type == EXPR_NODES)
		for (int i = 0; i < v.nodes.n; i++)
			s += expr_str_num(v.nodes.items[i]);
	else
		s = val_num(&v);
	val_release(&v);
	val_num_set(out, s);
	return 0;
}

/* min/max over every argument's nodes or value: NaN if any is not a number or none is there */
static int minmax(struct ectx *cx, const struct expr_node *n, val *out, int want_max)
{
	double best = NAN;
	int any = 0, bad = 0;
	for (int i = 0; i < n->nkids; i++) {
		val v;
		if (expr_ev_kid(cx, n, i, &v) < 0)
			return -1;
		int cnt = v.type == EXPR_NODES ? v.nodes.n : 1;
		for (int j = 0; j < cnt; j++) {
			double d = v.type == EXPR_NODES ? expr_str_num(v.nodes.items[j]) : val_num(&v);
			if (isnan(d))
				bad = 1;
			else if (!any || (want_max ? d > best : d < best))
				best = d;
			any = 1;
		}
		val_release(&v);
	}
	val_num_set(out, bad || !any ? NAN : best);
	return 0;
}

FN(fn_min)
{
	return minmax(cx, n, out, 0);
}

FN(fn_max)
{
	return minmax(cx, n, out, 1);
}

FN(fn_position)
{
	const expr_env *env = cx->env;
	if (!env || !env->position)
		return errf(cx->err, "position(..) is not available here");
	val_num_set(out, env->position(env->user));
	return 0;
}

/* ---- strings ---- */

FN(fn_string)
{
	char buf[EXPR_NUMBUF];
	if (n->nkids == 0) {
		val_str_own(out, current_dup(cx));
		return 0;
	}
	if (expr_ev_kid(cx, n, 0, out) < 0)
		return -1;
	if (out->type == EXPR_STR)
		return 0;
	char *s = xstrdup(val_str(out, buf));
	val_release(out);
	val_str_own(out, s);
	return 0;
}

/* concat(...): every argument's string value; a node-set gives all its nodes */
FN(fn_concat)
{
	strbuf sb = STRBUF_INIT;
	char buf[EXPR_NUMBUF];
	for (int i = 0; i < n->nkids; i++) {
		val v;
		if (expr_ev_kid(cx, n, i, &v) < 0) {
			sb_release(&sb);
			return -1;
		}
		if (v.type == EXPR_NODES)
			for (int j = 0; j < v.nodes.n; j++)
				sb_adds(&sb, v.nodes.items[j]);
		else
			sb_adds(&sb, val_str(&v, buf));
		val_release(&v);
	}
	val_str_own(out, sb_detach(&sb));
	return 0;
}

/* join(sep, ...): the nodes of every other argument, separated by sep */
FN(fn_join)
{
	strbuf sb = STRBUF_INIT;
	char buf[EXPR_NUMBUF], *sep;
	int count = 0;
	if (expr_arg_dup(cx, n, 0, &sep) < 0)
		return -1;
	for (int i = 1; i < n->nkids; i++) {
		val v;
		if (expr_ev_kid(cx, n, i, &v) < 0) {
			sb_release(&sb);
			free(sep);
			return -1;
		}
		int cnt = v.type == EXPR_NODES ? v.nodes.n : 1;
		for (int j = 0; j < cnt; j++) {
			if (count++)
				sb_adds(&sb, sep);
			sb_adds(&sb, v.type == EXPR_NODES ? v.nodes.items[j] : val_str(&v, buf));
		}
		val_release(&v);
	}
	free(sep);
	val_str_own(out, sb_detach(&sb));
	return 0;
}

enum { T_CONTAINS, T_STARTS, T_ENDS };

static int test2(struct ectx *cx, const struct expr_node *n, val *out, int what)
{
	char *s[2];
	if (expr_args_dup(cx, n, 2, s) < 0)
		return -1;
	size_t la = strlen(s[0]), lb = strlen(s[1]);
	int r;
	if (what == T_CONTAINS)
		r = strstr(s[0], s[1]) != NULL;
	else if (what == T_STARTS)
		r = la >= lb && !memcmp(s[0], s[1], lb);
	else
		r = la >= lb && !memcmp(s[0] + la - lb, s[1], lb);
	expr_args_free(s, 2);
	val_bool_set(out, r);
	return 0;
}

FN(fn_contains)
{
	return test2(cx, n, out, T_CONTAINS);
}

FN(fn_starts_with)
{
	return test2(cx, n, out, T_STARTS);
}

FN(fn_ends_with)
{
	return test2(cx, n, out, T_ENDS);
}

/* substring-before / substring-after (XPath) */
static int split2(struct ectx *cx, const struct expr_node *n, val *out, int after)
{
	char *s[2];
	if (expr_args_dup(cx, n, 2, s) < 0)
		return -1;
	const char *hit = strstr(s[0], s[1]);
	char *r;
	if (!hit)
		r = xstrdup("");
	else if (after)
		r = xstrdup(hit + strlen(s[1]));
	else
		r = xstrndup(s[0], (size_t)(hit - s[0]));
	expr_args_free(s, 2);
	val_str_own(out, r);
	return 0;
}

FN(fn_substring_before)
{
	return split2(cx, n, out, 0);
}

FN(fn_substring_after)
{
	return split2(cx, n, out, 1);
}

/* substr(s, start[, end]): characters start..end-1, 0-based; negative counts from the end */
static void substr_range(double a, double b, int has_b, double nc, double *from, double *to)
{
	long long n = (long long)nc, start = expr_to_ll(a), end = has_b ? expr_to_ll(b) : n;
	if (start < 0)
		start += n;
	if (end < 0)
		end += n;
	start = start < 0 ? 0 : start > n ? n : start;
	end = end < start ? start : end > n ? n : end;
	*from = (double)start;
	*to = (double)end;
}

FN(fn_substr)
{
	return expr_substring_by(cx, n, out, substr_range);
}

FN(fn_string_length)
{
	char *s;
	if (arg_or_current(cx, n, &s) < 0)
		return -1;
	val_num_set(out, (double)utf8_count(s, strlen(s)));
	free(s);
	return 0;
}

FN(fn_normalize_space)
{
	char *s;
	if (arg_or_current(cx, n, &s) < 0)
		return -1;
	char *o = s;
	for (const char *p = s; *p;) {
		if (is_space(*p)) {
			while (is_space(*p))
				p++;
			if (o != s && *p)
				*o++ = ' ';
		} else
			*o++ = *p++;
	}
	*o = '\0';
	val_str_own(out, s);
	return 0;
}

/* Byte length of the UTF-8 character at s (1 for a stray byte). */
static size_t char_len(const char *s)
{
	size_t n = 1;
	while (s[n] && ((unsigned char)s[n] & 0xc0) == 0x80 && n < 4)
		n++;
	return n;
}

/* translate(s, from, to): characters of `from` replaced by those at the same place in `to`,
 * or dropped when `to` is shorter (XPath; characters are UTF-8 sequences) */
FN(fn_translate)
{
	char *s[3];
	if (expr_args_dup(cx, n, 3, s) < 0)
		return -1;
	strbuf sb = STRBUF_INIT;
	for (const char *p = s[0]; *p;) {
		size_t cl = char_len(p);
		const char *f = s[1], *t = s[2];
		int found = 0;
		while (*f) {
			size_t fl = char_len(f), tl = *t ? char_len(t) : 0;
			if (fl == cl && !memcmp(f, p, cl)) {
				sb_add(&sb, t, tl);
				found = 1;
				break;
			}
			f += fl;
			t += tl;
		}
		if (!found)
			sb_add(&sb, p, cl);
		p += cl;
	}
	expr_args_free(s, 3);
	val_str_own(out, sb_detach(&sb));
	return 0;
}

/* ---- the table ---- */

const struct expr_fn expr_fns[] = {
	{ "if", 3, 3, fn_if },
	{ "not", 1, 1, fn_not },
	{ "true", 0, 0, fn_true },
	{ "false", 0, 0, fn_false },
	{ "boolean", 1, 1, fn_boolean },
	{ "boolean-from-string", 1, 1, fn_boolean_from_string },
	{ "coalesce", 2, 2, fn_coalesce },
	{ "once", 1, 1, fn_once },
	{ "number", 1, 1, fn_number },
	{ "int", 1, 1, fn_int },
	{ "floor", 1, 1, fn_floor },
	{ "ceiling", 1, 1, fn_ceiling },
	{ "abs", 1, 1, fn_abs },
	{ "pow", 2, 2, expr_fn_pow },
	{ "sqrt", 1, 1, expr_fn_sqrt },
	{ "exp", 1, 1, expr_fn_exp },
	{ "exp10", 1, 1, expr_fn_exp10 },
	{ "log", 1, 1, expr_fn_log },
	{ "log10", 1, 1, expr_fn_log10 },
	{ "sin", 1, 1, expr_fn_sin },
	{ "cos", 1, 1, expr_fn_cos },
	{ "tan", 1, 1, expr_fn_tan },
	{ "asin", 1, 1, expr_fn_asin },
	{ "acos", 1, 1, expr_fn_acos },
	{ "atan", 1, 1, expr_fn_atan },
	{ "atan2", 2, 2, expr_fn_atan2 },
	{ "pi", 0, 0, expr_fn_pi },
	{ "random", 0, 0, expr_fn_random },
	{ "uuid", 0, 1, expr_fn_uuid },
	{ "indexed-repeat", 3, 7, expr_fn_indexed_repeat },
	{ "count-non-empty", 1, 1, expr_fn_count_non_empty },
	{ "checklist", 2, -1, expr_fn_checklist },
	{ "weighted-checklist", 2, -1, expr_fn_weighted_checklist },
	{ "digest", 2, 3, expr_fn_digest },
	{ "base64-decode", 1, 1, expr_fn_base64_decode },
	{ "area", 1, 1, expr_fn_area }, { "distance", 1, -1, expr_fn_distance },
	{ "round", 1, 2, fn_round },
	{ "count", 1, 1, fn_count },
	{ "sum", 1, 1, fn_sum },
	{ "min", 1, -1, fn_min },
	{ "max", 1, -1, fn_max },
	{ "position", 0, 0, fn_position },
	{ "string", 0, 1, fn_string },
	{ "concat", 0, -1, fn_concat },
	{ "join", 1, -1, fn_join },
	{ "contains", 2, 2, fn_contains },
	{ "starts-with", 2, 2, fn_starts_with },
	{ "ends-with", 2, 2, fn_ends_with },
	{ "substring-before", 2, 2, fn_substring_before },
	{ "substring-after", 2, 2, fn_substring_after },
	{ "substr", 2, 3, fn_substr },
	{ "string-length", 0, 1, fn_string_length },
	{ "normalize-space", 0, 1, fn_normalize_space },
	{ "translate", 3, 3, fn_translate },
	{ "substring", 2, 3, expr_fn_substring },
	{ "randomize", 1, 2, expr_fn_randomize },
	{ "selected", 2, 2, expr_fn_selected },
	{ "count-selected", 1, 1, expr_fn_count_selected },
	{ "selected-at", 2, 2, expr_fn_selected_at },
	{ "jr:choice-name", 2, 2, expr_fn_choice_name },
	{ "choice-name", 2, 2, expr_fn_choice_name },
	{ "regex", 2, 2, expr_fn_regex },
	{ "today", 0, 0, expr_fn_today },
	{ "now", 0, 0, expr_fn_now },
	{ "date", 1, 1, expr_fn_date },
	{ "format-date", 2, 2, expr_fn_format_date },
	{ "format-date-time", 2, 2, expr_fn_format_date },
	{ "decimal-date-time", 1, 1, expr_fn_decimal_date_time },
	{ "date-time", 1, 1, expr_fn_date_time },
	{ "decimal-time", 1, 1, expr_fn_decimal_time },
	{ "pulldata", 4, 4, expr_fn_pulldata },
	{ "#instance", 0, 1, expr_fn_instance },   /* internal: instance('x')/root/item[..] */
	{ "#column", 0, 0, expr_fn_column },       /* internal: a column in its filter */
	{ NULL, 0, 0, NULL },
};

const struct expr_fn *expr_fn_find(const char *name, size_t len, int *index)
{
	for (int i = 0; expr_fns[i].name; i++)
		if (strlen(expr_fns[i].name) == len && !memcmp(expr_fns[i].name, name, len)) {
			*index = i;
			return &expr_fns[i];
		}
	return NULL;
}

int expr_fn_is(int index, const char *name)
{
	return !strcmp(expr_fns[index].name, name);
}
