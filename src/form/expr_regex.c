/* expr_regex.c: regex() patterns — the Java-style escapes form authors write (\d, \s, \w)
 * translated to POSIX extended regular expressions, with a guard against patterns whose
 * compiled form would explode in glibc (nested or stacked repetition), then regcomp. */
#include "form/expr_impl.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

#define REGEX_MAX_LEN 1000     /* bytes of pattern */
#define REGEX_MAX_SIZE 2000    /* estimated nodes after expanding {m,n}: glibc's closures
                                  grow with its square */
#define REGEX_MAX_NEST 20      /* nested groups */

/* Copy the bracket expression at p[0] == '[' into sb, translating class escapes; returns the
 * byte after its closing ']' (or the end of the pattern). */
static const char *bracket(const char *p, strbuf *sb)
{
	sb_addc(sb, *p++);
	if (*p == '^')
		sb_addc(sb, *p++);
	if (*p == ']')
		sb_addc(sb, *p++);
	while (*p && *p != ']') {
		if (p[0] == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
			const char *end = strstr(p + 2, (char[]){ p[1], ']', 0 });
			if (end) {
				sb_add(sb, p, (size_t)(end + 2 - p));
				p = end + 2;
				continue;
			}
		}
		if (p[0] == '\\' && p[1]) {
			switch (p[1]) {
			case 'd': sb_adds(sb, "0-9"); break;
			case 's': sb_adds(sb, "[:space:]"); break;
			case 'w': sb_adds(sb, "[:alnum:]_"); break;
			case '\\': sb_adds(sb, "\\"); break;
			default: sb_addc(sb, p[1]);   /* \. \- \+ ...: the character itself */
			}
			p += 2;
			continue;
		}
		sb_addc(sb, *p++);
	}
	if (*p == ']')
		sb_addc(sb, *p++);
	return p;
}

/* Length of the bound "{m}", "{m,}" or "{m,n}" at p, 0 if there is none. */
static size_t brace_len(const char *p)
{
	const char *q = p + 1;
	if (*p != '{' || *q < '0' || *q > '9')
		return 0;
	while (*q >= '0' && *q <= '9')
		q++;
	if (*q == ',')
		for (q++; *q >= '0' && *q <= '9'; q++)
			;
	return *q == '}' ? (size_t)(q + 1 - p) : 0;
}

/* Translate; -1 with err for what POSIX cannot do safely: backreferences, and a bound on a
 * quantifier. Java's lazy and possessive suffixes (a+? a*+ a??) are dropped: they seldom
 * change whether a match exists, and glibc would nest the quantifiers instead. */
static int translate(const char *pat, strbuf *sb, char *err)
{
	for (const char *p = pat; *p;) {
		size_t bl = brace_len(p);
		if (*p == '*' || *p == '+' || *p == '?' || bl) {
			sb_add(sb, p, bl ? bl : 1);
			p += bl ? bl : 1;
			while (*p == '*' || *p == '+' || *p == '?')
				p++;
			if (brace_len(p))
				return errf(err, "regex has a bound on a quantifier");
			continue;
		}
		if (*p == '[') {
			p = bracket(p, sb);
			continue;
		}
		if (*p == '\\' && p[1]) {
			const char *rep = NULL;
			switch (p[1]) {
			case 'd': rep = "[0-9]"; break;
			case 'D': rep = "[^0-9]"; break;
			case 's': rep = "[[:space:]]"; break;
			case 'S': rep = "[^[:space:]]"; break;
			case 'w': rep = "[[:alnum:]_]"; break;
			case 'W': rep = "[^[:alnum:]_]"; break;
			}
			if (p[1] >= '1' && p[1] <= '9')
				return errf(err, "regex backreferences are not supported");
			if (rep)
				sb_adds(sb, rep);
			else
				sb_add(sb, p, 2);
			p += 2;
			continue;
		}
		sb_addc(sb, *p++);
	}
	return 0;
}

static long long cap(long long v)
{
	return v > 1000000000LL ? 1000000000LL : v;
}

/* Estimate how many atoms regcomp will make once every {m,n} and + is expanded. */
static long long regex_size(const char *p)
{
	long long acc[REGEX_MAX_NEST + 1] = { 0 }, last[REGEX_MAX_NEST + 1] = { 0 };
	int depth = 0;
	while (*p) {
		if (*p == '(' && depth < REGEX_MAX_NEST) {
			depth++;
			acc[depth] = last[depth] = 0;
			p++;
		} else if (*p == '(') {
			return -1;
		} else if (*p == ')' && depth > 0) {
			long long g = acc[depth] > 0 ? acc[depth] : 1;
			depth--;
			acc[depth] = cap(acc[depth] + g);
			last[depth] = g;
			p++;
		} else if (*p == '{') {
			const char *q = p + 1;
			long long lo = 0, hi = -1;
			while (*q >= '0' && *q <= '9')
				lo = cap(lo * 10 + (*q++ - '0'));
			if (*q == ',') {
				q++;
				if (*q >= '0' && *q <= '9')
					for (hi = 0; *q >= '0' && *q <= '9';)
						hi = cap(hi * 10 + (*q++ - '0'));
			}
			if (*q == '}' && q > p + 1) {
				long long times = hi > lo ? hi : lo;
				if (times < 1)
					times = 1;
				acc[depth] = cap(acc[depth] + cap(last[depth] * (times - 1)));
				last[depth] = cap(last[depth] * times);
				p = q + 1;
			} else {
				acc[depth] = cap(acc[depth] + 1);
				last[depth] = 1;
				p++;
			}
		} else {
			if (*p == '[') {
				strbuf skip = STRBUF_INIT;
				p = bracket(p, &skip);
				sb_release(&skip);
			} else if (*p == '\\' && p[1]) {
				p += 2;
			} else if (*p == '+') {
				/* glibc compiles X+ as XX*: the atom is copied */
				acc[depth] = cap(acc[depth] + last[depth]);
				last[depth] = cap(last[depth] * 2);
				p++;
				continue;
			} else if (*p == '*' || *p == '?') {
				/* one more node around the atom */
				acc[depth] = cap(acc[depth] + 1);
				last[depth] = cap(last[depth] + 1);
				p++;
				continue;
			} else if (*p == '|') {
				p++;
				continue;
			} else {
				p++;
			}
			acc[depth] = cap(acc[depth] + 1);
			last[depth] = 1;
		}
	}
	long long total = 0;
	for (int i = 0; i <= depth; i++)
		total = cap(total + acc[i]);
	return total;
}

int expr_regex_compile(regex_t *re, const char *pat, char *err)
{
	if (strlen(pat) > REGEX_MAX_LEN)
		return errf(err, "regex is too long (more than %d bytes)", REGEX_MAX_LEN);
	strbuf sb = STRBUF_INIT;
	if (translate(pat, &sb, err) < 0) {
		sb_release(&sb);
		return -1;
	}
	const char *ere = sb_str(&sb);
	long long size = regex_size(ere);
	if (size < 0 || size > REGEX_MAX_SIZE) {
		sb_release(&sb);
		return errf(err, "regex '%.*s' is too complex", (int)utf8_cut(pat, strnlen(pat, 60)), pat);
	}
	int rc = regcomp(re, ere, REG_EXTENDED | REG_NOSUB);
	sb_release(&sb);
	if (rc != 0) {
		char why[128];
		regerror(rc, re, why, sizeof why);
		return errf(err, "invalid regex '%.*s': %s", (int)utf8_cut(pat, strnlen(pat, 60)), pat, why);
	}
	return 0;
}

/* regex(value, pattern): does the pattern match anywhere in the value (Java's find())? */
EXPR_FN(expr_fn_regex)
{
	char *s, *pat = NULL;
	regex_t local, *re = n->re;
	if (expr_arg_dup(cx, n, 0, &s) < 0)
		return -1;
	if (!re) {
		if (expr_arg_dup(cx, n, 1, &pat) < 0) {
			free(s);
			return -1;
		}
		if (expr_regex_compile(&local, pat, cx->err) < 0) {
			free(s);
			free(pat);
			return -1;
		}
		re = &local;
	}
	int r = regexec(re, s, 0, NULL, 0) == 0;
	if (re == &local) {
		regfree(&local);
		free(pat);
	}
	free(s);
	val_bool_set(out, r);
	return 0;
}
