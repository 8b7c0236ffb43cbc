/* cnum.c: C-locale number parsing and printing through one lazily made C locale object. */
#include "util/cnum.h"

#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* The C locale, made once (merge's check thread formats numbers too: pthread_once);
 * (locale_t)0 if newlocale failed (then the process locale is used). */
static locale_t loc;
static pthread_once_t loc_once = PTHREAD_ONCE_INIT;

static void make_c_locale(void)
{
	loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

static locale_t c_locale(void)
{
	pthread_once(&loc_once, make_c_locale);
	return loc;
}

double cnum_strtod(const char *s, char **end)
{
	locale_t loc = c_locale();
	return loc ? strtod_l(s, end, loc) : strtod(s, end);
}

static void vaddf(strbuf *sb, const char *fmt, va_list ap)
{
	locale_t loc = c_locale();
	locale_t old = loc ? uselocale(loc) : (locale_t)0;
	sb_vaddf(sb, fmt, ap);
	if (loc)
		uselocale(old);
}

void cnum_addf(strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vaddf(sb, fmt, ap);
	va_end(ap);
}

char *cnum_text(char buf[32], double x, int digits, const char *nan_text)
{
	if (!isfinite(x) && nan_text) {
		snprintf(buf, 32, "%s", nan_text);
		return buf;
	}
	locale_t loc = c_locale();
	locale_t old = loc ? uselocale(loc) : (locale_t)0;
	snprintf(buf, 32, "%.*g", digits, x);
	if (loc)
		uselocale(old);
	return buf;
}
