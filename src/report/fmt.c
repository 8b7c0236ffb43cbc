/* fmt.c: numbers and text as the report's writers print them — locale-independent digits with
 * the conventions of the report's language, and XML/HTML escaping. */
#include "report/report.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/cnum.h"

#define NBSP "\xc2\xa0"
#define THIN "\xe2\x80\xaf"     /* U+202F narrow no-break space: digit groups */
#define MINUS "\xe2\x88\x92"    /* U+2212 minus sign */

static int comma_lang(const char *lang)
{
	return lang && (!strcmp(lang, "ru") || !strcmp(lang, "ky"));
}

/* |v| with `dec` decimals, digits grouped by threes; computed with integers so that the
 * process locale (a Russian LC_NUMERIC) cannot change it. */
static void fixed(strbuf *sb, const char *lang, double v, int dec)
{
	double scale = pow(10, dec);
	double a = fabs(v) * scale;
	if (!isfinite(v) || a >= 9e18) {
		sb_addf(sb, "%g", v);
		return;
	}
	unsigned long long m = (unsigned long long)llround(a);
	unsigned long long ip = m / (unsigned long long)scale;
	unsigned long long fp = m % (unsigned long long)scale;
	if (v < 0 && m)
		sb_adds(sb, MINUS);
	char digits[32];
	int n = snprintf(digits, sizeof digits, "%llu", ip);
	/* one format per language, from 1000 on: 1 910 and 17 929 in ky and ru (a narrow
	 * no-break space), 1,910 in English */
	const char *group = comma_lang(lang) ? THIN : ",";
	int from = 4;
	for (int i = 0; i < n; i++) {
		if (i && n >= from && (n - i) % 3 == 0)
			sb_adds(sb, group);
		sb_addc(sb, digits[i]);
	}
	if (dec > 0) {
		sb_addc(sb, comma_lang(lang) ? ',' : '.');
		sb_addf(sb, "%0*llu", dec, fp);
	}
}

void report_fmt(strbuf *sb, const char *lang, double v, report_num kind)
{
	if (isnan(v))
		return;
	switch (kind) {
	case REPORT_N_COUNT:
		fixed(sb, lang, v, fabs(v - round(v)) < 1e-9 ? 0 : 1);
		break;
	case REPORT_N_PCT:
		fixed(sb, lang, v, 1);
		sb_adds(sb, comma_lang(lang) ? THIN "%" : "%");
		break;
	case REPORT_N_NUM:
		fixed(sb, lang, v, 2);
		break;
	case REPORT_N_STAT:
		fixed(sb, lang, v, 3);
		break;
	case REPORT_N_P:
		if (v < 0.001) {
			sb_adds(sb, "<" NBSP);
			fixed(sb, lang, 0.001, 3);
		} else {
			fixed(sb, lang, v, 3);
		}
		break;
	}
}

void report_fmt_raw(strbuf *sb, double v)
{
	if (!isnan(v))
		cnum_addf(sb, "%.15g", v);
}

void report_xml_escape(strbuf *sb, const char *s)
{
	if (!s)
		return;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '&':
			sb_adds(sb, "&amp;");
			break;
		case '<':
			sb_adds(sb, "&lt;");
			break;
		case '>':
			sb_adds(sb, "&gt;");
			break;
		case '"':
			sb_adds(sb, "&quot;");
			break;
		case '\'':
			sb_adds(sb, "&#39;");
			break;
		default:
			/* control characters are not allowed in XML 1.0 */
			if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
				sb_addc(sb, ' ');
			else
				sb_addc(sb, (char)*p);
		}
	}
}
