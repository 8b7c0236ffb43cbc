/* expr_date.c: dates in expressions. A date is a string "YYYY-MM-DD" (a dateTime
 * "YYYY-MM-DDTHH:MM:SS.sss+HH:MM") whose number is local wall-clock days since 1970-01-01,
 * as in JavaRosa; today(), now(), date(), format-date(), decimal-date-time(). */
#include "form/expr_impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "util/util.h"
#include "util/date.h"

/* Days of 0000-01-01 and 10000-01-01: the dates we read and write. */
#define DAY_MIN (-719528.0)
#define DAY_END (2932897.0)

/* n decimal digits at *p (advanced); -1 if they are not there. */
static int digits(const char **p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return -1;
		v = v * 10 + (c - '0');
	}
	*p += n;
	return v;
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Local UTC offset, in seconds, at the instant t. */
static long local_offset(time_t t)
{
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return 0;
	return tm.tm_gmtoff;
}

int expr_date_parse(const char *s, double *days)
{
	const char *p = s;
	while (blank(*p))
		p++;
	int y = digits(&p, 4), m, d;
	if (y < 0 || *p++ != '-' || (m = digits(&p, 2)) < 1 || m > 12 || *p++ != '-' ||
			(d = digits(&p, 2)) < 1 || d > date_days_in_month(y, m))
		return -1;
	double day = (double)date_days_from_civil(y, m, d), secs = 0;
	int zoned = 0;
	long zone = 0;
	if (*p == 'T' || (*p == ' ' && p[1] >= '0' && p[1] <= '9')) {
		p++;
		int hh = digits(&p, 2), mm, ss = 0;
		if (hh < 0 || hh > 23 || *p++ != ':' || (mm = digits(&p, 2)) < 0 || mm > 59)
			return -1;
		if (*p == ':') {
			p++;
			if ((ss = digits(&p, 2)) < 0 || ss > 60)
				return -1;
			if (*p == '.') {
				double scale = 0.1, frac = 0;
				for (p++; *p >= '0' && *p <= '9'; p++, scale /= 10)
					frac += (*p - '0') * scale;
				secs += frac;
			}
		}
		secs += hh * 3600 + mm * 60 + ss;
		if (*p == 'Z') {
			p++;
			zoned = 1;
		} else if (*p == '+' || *p == '-') {
			int sign = *p++ == '-' ? -1 : 1, zh = digits(&p, 2), zm = 0;
			if (zh < 0 || zh > 23)
				return -1;
			if (*p == ':')
				p++;
			if (*p >= '0' && *p <= '9' && (zm = digits(&p, 2)) < 0)
				return -1;
			zoned = 1;
			zone = sign * (zh * 3600L + zm * 60L);
		}
	}
	while (blank(*p))
		p++;
	if (*p)
		return -1;
	if (zoned) {
		/* the instant, seen on this computer's wall clock */
		double instant = day * 86400 + secs - zone;
		secs += local_offset((time_t)floor(instant)) - zone;
	}
	*days = day + secs / 86400;
	return 0;
}

static double clock_now(const expr_env *env)
{
	if (env && env->now != 0)
		return env->now;
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (double)tv.tv_sec + tv.tv_usec / 1e6;
}

void expr_date_now_days(const expr_env *env, double *days, int *gmtoff)
{
	double t = clock_now(env);
	long off = local_offset((time_t)floor(t));
	*gmtoff = (int)off;
	*days = (t + (double)off) / 86400;
}

/* Broken-down wall time of `days`; -1 if it is NaN or outside years 0..9999. */
struct wall {
	int y, m, d, hh, mm, ss, ms, wday;
};

static int wall_of(double days, struct wall *w)
{
	if (!(days >= DAY_MIN && days < DAY_END))
		return -1;
	double z = floor(days);
	long long ms = llround((days - z) * 86400000.0);
	long long day = (long long)z;
	if (ms >= 86400000) {
		ms -= 86400000;
		day++;
	}
	date_civil_from_days(day, &w->y, &w->m, &w->d);
	w->hh = (int)(ms / 3600000);
	w->mm = (int)(ms / 60000 % 60);
	w->ss = (int)(ms / 1000 % 60);
	w->ms = (int)(ms % 1000);
	w->wday = (int)(((day + 4) % 7 + 7) % 7);
	return 0;
}

/* The days of a value: numbers are days, strings dates (or numbers); NaN if neither. */
static double value_days(const val *v)
{
	char buf[EXPR_NUMBUF];
	if (v->type == EXPR_NUM || v->type == EXPR_BOOL)
		return val_num(v);
	return expr_str_num(val_str(v, buf));
}

static int arg_days(struct ectx *cx, const struct expr_node *n, int i, double *days)
{
	val v;
	if (expr_ev_kid(cx, n, i, &v) < 0)
		return -1;
	*days = value_days(&v);
	val_release(&v);
	return 0;
}

/* The wall clock now (local time) and its offset from UTC in seconds: 0, or -1 with cx->err. */
static int wall_now(struct ectx *cx, struct wall *w, int *off)
{
	double days;
	expr_date_now_days(cx->env, &days, off);
	if (wall_of(days, w) < 0)
		return errf(cx->err, "the clock is out of range");
	return 0;
}

EXPR_FN(expr_fn_today)
{
	int off;
	struct wall w;
	if (wall_now(cx, &w, &off) < 0)
		return -1;
	val_str_own(out, xasprintf("%04d-%02d-%02d", w.y, w.m, w.d));
	return 0;
}

EXPR_FN(expr_fn_now)
{
	int off;
	struct wall w;
	if (wall_now(cx, &w, &off) < 0)
		return -1;
	int a = off < 0 ? -off : off;
	val_str_own(out, xasprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03d%c%02d:%02d", w.y, w.m,
		w.d, w.hh, w.mm, w.ss, w.ms, off < 0 ? '-' : '+', a / 3600 % 100, a / 60 % 60));
	return 0;
}

/* date(x): the date x falls on, "" when x is empty or no date */
EXPR_FN(expr_fn_date)
{
	double days;
	struct wall w;
	if (arg_days(cx, n, 0, &days) < 0)
		return -1;
	if (wall_of(floor(days), &w) < 0)
		val_str_borrow(out, "");
	else
		val_str_own(out, xasprintf("%04d-%02d-%02d", w.y, w.m, w.d));
	return 0;
}

EXPR_FN(expr_fn_decimal_date_time)
{
	double days;
	if (arg_days(cx, n, 0, &days) < 0)
		return -1;
	val_num_set(out, days);
	return 0;
}

static const char *const month_abbr[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
	"Aug", "Sep", "Oct", "Nov", "Dec" };
static const char *const day_abbr[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };

/* format-date(x, fmt): %Y %y %m %n %b %d %e %a %H %h %M %S %3 %%; "" when x is no date */
EXPR_FN(expr_fn_format_date)
{
	double days;
	struct wall w;
	val f;
	char buf[EXPR_NUMBUF];
	const char *fmt;
	if (arg_days(cx, n, 0, &days) < 0)
		return -1;
	if (expr_arg_str(cx, n, 1, &f, buf, &fmt) < 0)
		return -1;
	if (wall_of(days, &w) < 0) {
		val_release(&f);
		val_str_borrow(out, "");
		return 0;
	}
	strbuf sb = STRBUF_INIT;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%' || !p[1]) {
			sb_addc(&sb, *p);
			continue;
		}
		switch (*++p) {
		case 'Y': sb_addf(&sb, "%04d", w.y); break;
		case 'y': sb_addf(&sb, "%02d", w.y % 100); break;
		case 'm': sb_addf(&sb, "%02d", w.m); break;
		case 'n': sb_addf(&sb, "%d", w.m); break;
		case 'b': sb_adds(&sb, month_abbr[w.m - 1]); break;
		case 'd': sb_addf(&sb, "%02d", w.d); break;
		case 'e': sb_addf(&sb, "%d", w.d); break;
		case 'a': sb_adds(&sb, day_abbr[w.wday]); break;
		case 'H': sb_addf(&sb, "%02d", w.hh); break;
		case 'h': sb_addf(&sb, "%d", w.hh); break;
		case 'M': sb_addf(&sb, "%02d", w.mm); break;
		case 'S': sb_addf(&sb, "%02d", w.ss); break;
		case '3': sb_addf(&sb, "%03d", w.ms); break;
		case '%': sb_addc(&sb, '%'); break;
		default:
			sb_addc(&sb, '%');
			sb_addc(&sb, *p);
		}
	}
	val_release(&f);
	val_str_own(out, sb_detach(&sb));
	return 0;
}

/* The dateTime text of `days` on the local wall clock, with the local offset of that
 * instant; NULL when days is NaN or out of range. */
static char *datetime_text(double days)
{
	struct wall w;
	if (wall_of(days, &w) < 0)
		return NULL;
	/* the instant that wall time is, to know the offset that applies then */
	double t = days * 86400;
	long off = local_offset((time_t)floor(t));
	off = local_offset((time_t)floor(t - (double)off));
	long a = off < 0 ? -off : off;
	return xasprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03d%c%02ld:%02ld", w.y, w.m, w.d, w.hh,
		w.mm, w.ss, w.ms, off < 0 ? '-' : '+', a / 3600 % 100, a / 60 % 60);
}

/* date-time(x): the dateTime x (days since 1970-01-01, or a date) is, "" when none */
EXPR_FN(expr_fn_date_time)
{
	double days;
	if (arg_days(cx, n, 0, &days) < 0)
		return -1;
	char *s = datetime_text(days);
	if (s)
		val_str_own(out, s);
	else
		val_str_borrow(out, "");
	return 0;
}

/* The fraction of a day that the time "HH:MM[:SS[.sss]][Z|+-HH[:MM]]" is on the local
 * clock (a zone moves it to the local zone, at the offset in force now); -1 if no time. */
static double time_fraction(const char *s, const expr_env *env)
{
	const char *p = s;
	while (blank(*p))
		p++;
	int hh = digits(&p, 2), mm, ss = 0;
	double secs = 0;
	if (hh < 0 || hh > 23 || *p++ != ':' || (mm = digits(&p, 2)) < 0 || mm > 59)
		return -1;
	if (*p == ':') {
		p++;
		if ((ss = digits(&p, 2)) < 0 || ss > 59)
			return -1;
		if (*p == '.') {
			double scale = 0.1;
			for (p++; *p >= '0' && *p <= '9'; p++, scale /= 10)
				secs += (*p - '0') * scale;
		}
	}
	secs += hh * 3600 + mm * 60 + ss;
	if (*p == 'Z' || *p == '+' || *p == '-') {
		long zone = 0;
		if (*p++ != 'Z') {
			int sign = p[-1] == '-' ? -1 : 1, zh = digits(&p, 2), zm = 0;
			if (zh < 0 || zh > 23)
				return -1;
			if (*p == ':')
				p++;
			if (*p >= '0' && *p <= '9' && ((zm = digits(&p, 2)) < 0 || zm > 59))
				return -1;
			zone = sign * (zh * 3600L + zm * 60L);
		}
		double now;
		int off;
		expr_date_now_days(env, &now, &off);
		secs += (double)off - (double)zone;
	}
	while (blank(*p))
		p++;
	if (*p)
		return -1;
	secs = fmod(secs, 86400);
	if (secs < 0)
		secs += 86400;
	return secs / 86400;
}

/* decimal-time(t): the fraction of a day of the time t (a dateTime: its time of day); NaN
 * when t is no time */
EXPR_FN(expr_fn_decimal_time)
{
	val v;
	char buf[EXPR_NUMBUF];
	if (expr_ev_kid(cx, n, 0, &v) < 0)
		return -1;
	const char *s = val_str(&v, buf);
	double f = time_fraction(s, cx->env), days;
	if (f < 0 && strchr(s, 'T') && expr_date_parse(s, &days) == 0)
		f = days - floor(days);
	val_release(&v);
	val_num_set(out, f < 0 ? NAN : f);
	return 0;
}
