/* expr_math.c: the XPath math functions of ODK (pow, sqrt, exp, exp10, log, log10, the
 * trigonometric functions, pi) with Java's Math semantics, and random() and uuid() drawn from
 * the evaluation's seeded generator. */
#include "form/expr_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

/* A function of one number: the argument as a number, then op applied to it. */
#define MATH1(name, op) EXPR_FN(name) EXPR_NUM1_BODY(op)

/* Java's Math.pow, which ODK uses: unlike C's pow, pow(1, NaN) and pow(+-1, +-Infinity) are
 * NaN. */
static double java_pow(double a, double b)
{
	if (isnan(b) || (fabs(a) == 1 && isinf(b)))
		return NAN;
	return pow(a, b);
}

static double exp10_of(double x)
{
	return java_pow(10, x);
}

MATH1(expr_fn_sqrt, sqrt)
MATH1(expr_fn_exp, exp)
MATH1(expr_fn_exp10, exp10_of)
MATH1(expr_fn_log, log)
MATH1(expr_fn_log10, log10)
MATH1(expr_fn_sin, sin)
MATH1(expr_fn_cos, cos)
MATH1(expr_fn_tan, tan)
MATH1(expr_fn_asin, asin)
MATH1(expr_fn_acos, acos)
MATH1(expr_fn_atan, atan)

/* A function of two numbers: the arguments as numbers, then op applied to them. */
#define MATH2(name, op) \
	EXPR_FN(name) \
	{ \
		double a, b; \
		if (expr_arg_num(cx, n, 0, &a) < 0 || expr_arg_num(cx, n, 1, &b) < 0) \
			return -1; \
		val_num_set(out, op(a, b)); \
		return 0; \
	}

MATH2(expr_fn_pow, java_pow)
MATH2(expr_fn_atan2, atan2)   /* atan2(y, x) */

EXPR_FN(expr_fn_pi)
{
	val_num_set(out, M_PI);
	return 0;
}

/* The next 64 random bits of the evaluation (splitmix64 over the seeded state). */
static unsigned long long next_bits(struct ectx *cx)
{
	unsigned long long z = (cx->rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* random(): a number in [0, 1) */
EXPR_FN(expr_fn_random)
{
	val_num_set(out, (double)(next_bits(cx) >> 11) / 9007199254740992.0);
	return 0;
}

/* uuid(): a version 4 UUID, lowercase; uuid(n): n random letters and digits (as ODK) */
EXPR_FN(expr_fn_uuid)
{
	static const char alnum[] =
		"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	if (n->nkids == 1) {
		double d;
		if (expr_arg_num(cx, n, 0, &d) < 0)
			return -1;
		if (isnan(d) || d < 0 || d > 1000)
			return errf(cx->err, "uuid(n) needs a length from 0 to 1000");
		int len = (int)d;
		char *s = xmalloc((size_t)len + 1);
		for (int i = 0; i < len; i++)
			s[i] = alnum[next_bits(cx) % 62];
		s[len] = '\0';
		val_str_own(out, s);
		return 0;
	}
	unsigned char b[16];
	unsigned long long hi = next_bits(cx), lo = next_bits(cx);
	for (int i = 0; i < 8; i++) {
		b[i] = (unsigned char)(hi >> (56 - 8 * i));
		b[8 + i] = (unsigned char)(lo >> (56 - 8 * i));
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	char *s = xmalloc(37), *o = s;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*o++ = '-';
		*o++ = "0123456789abcdef"[b[i] >> 4];
		*o++ = "0123456789abcdef"[b[i] & 15];
	}
	*o = '\0';
	val_str_own(out, s);
	return 0;
}
