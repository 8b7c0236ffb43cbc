/* sheets_xlsx_value.c: .xlsx cell contents as the text a questionnaire author sees: numbers as
 * Excel shows them, date serials as ISO dates, number formats that make a number a date,
 * and the _xHHHH_ escapes of OOXML strings. Independent of the process locale. */
#include "form/sheets_impl.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "util/cnum.h"
#include "util/date.h"

int xlsx_builtin_is_date(int id)
{
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

int xlsx_format_is_date(const char *f)
{
	for (; *f; f++) {
		switch (*f) {
		case '"': case '[': {   /* a quoted text or a [colour], [h] ...: up to its end */
			char close = *f == '[' ? ']' : '"';
			while (f[1] && f[1] != close)
				f++;
			if (f[1])
				f++;
			break;
		}
		case '\\': case '_': case '*':
			if (f[1])
				f++;
			break;
		case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
		case 'h': case 'H': case 's': case 'S':
			return 1;
		}
	}
	return 0;
}

/* A date serial: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS", or "HH:MM:SS" below 1. Days count from
 * 1899-12-31 = 0 with Lotus's 1900-02-29 = 60 (or 1904-01-01 = 0 when date1904). */
static void add_date(strbuf *out, double v, int date1904)
{
	long days = (long)floor(v);
	long secs = lround((v - (double)days) * 86400.0);
	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	int hh = (int)(secs / 3600), mi = (int)(secs / 60 % 60), ss = (int)(secs % 60);
	if (days == 0) {
		sb_addf(out, "%02d:%02d:%02d", hh, mi, ss);
		return;
	}
	int y, m, d;
	if (date1904) {
		date_civil_from_days(-24107 + days, &y, &m, &d);
	} else if (days == 60) {
		y = 1900, m = 2, d = 29;
	} else {
		date_civil_from_days((days < 60 ? -25568 : -25569) + days, &y, &m, &d);
	}
	sb_addf(out, "%04d-%02d-%02d", y, m, d);
	if (secs)
		sb_addf(out, "T%02d:%02d:%02d", hh, mi, ss);
}

void xlsx_add_number(strbuf *out, const char *s, int is_date, int date1904)
{
	while (*s == ' ')
		s++;
	char *end;
	double v = cnum_strtod(s, &end);
	while (*end == ' ')
		end++;
	if (end == s || *end || !isfinite(v)) {
		sb_adds(out, s);
		return;
	}
	if (is_date && v >= 0 && v < 2958466)
		add_date(out, v, date1904);
	else
		xlsx_add_double(out, v);
}

void xlsx_add_double(strbuf *out, double v)
{
	if (!isfinite(v)) {
		sb_adds(out, v != v ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
	} else if (v == floor(v) && fabs(v) < 1e21) {
		sb_addf(out, "%.0f", v == 0 ? 0.0 : v);
	} else {
		cnum_addf(out, "%.15g", v);
	}
}

int xlsx_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The UTF-16 unit of an _xHHHH_ escape at s (n bytes left), or -1. */
static long escape_at(const char *s, size_t n)
{
	if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return -1;
	long u = 0;
	for (int i = 2; i < 6; i++) {
		int h = xlsx_hexval(s[i]);
		if (h < 0)
			return -1;
		u = u << 4 | h;
	}
	return u;
}

static void add_utf8(strbuf *out, unsigned long cp)
{
	char b[4];
	sb_add(out, b, (size_t)utf8_encode(cp, b));
}

void xlsx_add_text(strbuf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		const char *u = memchr(s + i, '_', n - i);
		if (!u) {
			sb_add(out, s + i, n - i);
			return;
		}
		size_t j = (size_t)(u - s);
		sb_add(out, s + i, j - i);
		long cp = escape_at(s + j, n - j);
		if (cp < 0) {
			sb_addc(out, '_');
			i = j + 1;
			continue;
		}
		i = j + 7;
		if (cp >= 0xd800 && cp <= 0xdbff) {
			long lo = escape_at(s + i, n - i);
			if (lo >= 0xdc00 && lo <= 0xdfff) {
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				i += 7;
			} else {
				cp = 0xfffd;
			}
		} else if (cp >= 0xdc00 && cp <= 0xdfff) {
			cp = 0xfffd;
		}
		if (cp)
			add_utf8(out, (unsigned long)cp);
	}
}
