/* values.c: values as the writers need them — numbers, dates and times parsed from the stored
 * text, one-line labels cut at a character boundary, and the few words export writes itself
 * (don't know, refused, yes, no, metadata labels) in Kyrgyz, Russian and English. */
#include "export/export_impl.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"

enum { W_EN, W_KY, W_RU };

static int wlang(const char *code)
{
	if (code && ascii_casecmp(code, "ky") == 0)
		return W_KY;
	if (code && ascii_casecmp(code, "ru") == 0)
		return W_RU;
	return W_EN;
}

/* The same words as the interviewing screens use (src/ui/i18n.h). */
const char *xword_dont_know(const char *code)
{
	static const char *const w[] = { "Don't know", "Билбейт", "Не знает" };
	return w[wlang(code)];
}

const char *xword_refused(const char *code)
{
	static const char *const w[] = { "Refused", "Баш тартты", "Отказ от ответа" };
	return w[wlang(code)];
}

const char *xword_yes(const char *code)
{
	static const char *const w[] = { "Yes", "Ооба", "Да" };
	return w[wlang(code)];
}

const char *xword_no(const char *code)
{
	static const char *const w[] = { "No", "Жок", "Нет" };
	return w[wlang(code)];
}

const char *xword_meta(enum xmeta m, const char *code)
{
	static const char *const w[XM_N][3] = {
		[XM_UUID] = { "Interview UUID", "Интервьюнун UUID", "UUID интервью" },
		[XM_DEVICE] = { "Device", "Түзмөк", "Устройство" },
		[XM_INTERVIEWER] = { "Interviewer", "Интервьюер", "Интервьюер" },
		[XM_STATUS] = { "Status", "Абалы", "Статус" },
		[XM_START] = { "Started (UTC)", "Башталды (UTC)", "Начато (UTC)" },
		[XM_END] = { "Completed (UTC)", "Бүттү (UTC)", "Завершено (UTC)" },
		[XM_VERSION] = { "Form version", "Анкетанын версиясы", "Версия анкеты" },
		[XM_ORIGIN] = { "Origin of the data", "Маалыматтын булагы", "Источник данных" },
	};
	return w[m][wlang(code)];
}

const char *xword_origin(int origin, const char *code)
{
	static const char *const w[ORIGIN_N][3] = {
		[ORIGIN_FIELD] = { "Field interview", "Талаадагы интервью", "Полевое интервью" },
		[ORIGIN_IMPORTED] = { "Imported", "Импорттолгон", "Импортировано" },
		[ORIGIN_SIMULATED] = { "Simulated (not real)", "Моделдештирилген (чыныгы эмес)",
				       "Смоделировано (не реальное)" },
	};
	return w[origin >= 0 && origin < ORIGIN_N ? origin : ORIGIN_FIELD][wlang(code)];
}

const char *xmeta_csv_name(enum xmeta m)
{
	static const char *const n[XM_N] = { "_uuid", "_device", "_interviewer", "_status",
		"_start", "_end", "_version", "_origin" };
	return n[m];
}

const char *xmeta_text(const store_interview *iv, enum xmeta m)
{
	switch (m) {
	case XM_UUID: return iv->uuid;
	case XM_DEVICE: return iv->device_id;
	case XM_INTERVIEWER: return iv->interviewer;
	case XM_STATUS: return iv->status;
	case XM_START: return iv->created;
	case XM_END: return iv->completed;
	case XM_VERSION: return iv->form_version;
	case XM_ORIGIN: return iv->origin;
	default: return NULL;
	}
}

int xvalue_has(const char *value, const char *name)
{
	size_t n = strlen(name);
	if (!value || !n)
		return 0;
	for (const char *p = value; *p;) {
		p += strspn(p, " ");
		size_t len = strcspn(p, " ");
		if (len == n && memcmp(p, name, n) == 0)
			return 1;
		p += len;
	}
	return 0;
}

int xparse_number(const char *s, double *out)
{
	if (!s)
		return -1;
	const char *p = s;
	if (*p == '-' || *p == '+')
		p++;
	int digits = 0, dot = 0;
	for (; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (*p == '.' && !dot)
			dot = 1;
		else if ((*p == 'e' || *p == 'E') && digits)
			break;
		else
			return -1;
	}
	if (!digits)
		return -1;
	char *end;
	double v = strtod(s, &end);
	if (*end || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

/* Exactly n digits at *p; advances. */
static int num(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

static int date_at(const char **p, long *days)
{
	int y, m, d;
	if (num(p, 4, &y) || *(*p)++ != '-' || num(p, 2, &m) || *(*p)++ != '-' || num(p, 2, &d))
		return -1;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return -1;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return -1;
	*days = date_days_from_civil(y, m, d);
	return 0;
}

/* HH:MM[:SS[.fff]]; advances. */
static int time_at(const char **p, double *secs)
{
	int h, mi, s = 0;
	if (num(p, 2, &h) || *(*p)++ != ':' || num(p, 2, &mi))
		return -1;
	double frac = 0;
	if (**p == ':') {
		(*p)++;
		if (num(p, 2, &s))
			return -1;
		if (**p == '.') {
			double scale = 0.1;
			(*p)++;
			if (!isdigit((unsigned char)**p))
				return -1;
			for (; isdigit((unsigned char)**p); (*p)++, scale /= 10)
				frac += (**p - '0') * scale;
		}
	}
	if (h > 23 || mi > 59 || s > 60)
		return -1;
	*secs = h * 3600.0 + mi * 60.0 + s + frac;
	return 0;
}

int xparse_date(const char *s, long *days)
{
	const char *p = s;
	if (!s || date_at(&p, days) || *p)
		return -1;
	return 0;
}

int xparse_datetime(const char *s, int utc, long *days, double *secs)
{
	const char *p = s;
	if (!s || date_at(&p, days) || (*p != 'T' && *p != ' '))
		return -1;
	p++;
	if (time_at(&p, secs))
		return -1;
	int off = 0;
	if (*p == 'Z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		int sign = *p++ == '-' ? -1 : 1, oh, om = 0;
		if (num(&p, 2, &oh))
			return -1;
		if (*p == ':')
			p++;
		if (isdigit((unsigned char)*p) && num(&p, 2, &om))
			return -1;
		off = sign * (oh * 3600 + om * 60);
	}
	if (*p)
		return -1;
	if (utc && off) {
		double t = *days * 86400.0 + *secs - off;
		*days = (long)floor(t / 86400);
		*secs = t - *days * 86400.0;
	}
	return 0;
}

int xparse_time(const char *s, double *secs)
{
	const char *p = s;
	if (!s || time_at(&p, secs))
		return -1;
	/* a time question may carry an offset: ignore it */
	if (*p == 'Z')
		p++;
	else if (*p == '+' || *p == '-')
		p += strspn(p + 1, "0123456789:") + 1;
	return *p ? -1 : 0;
}

char *xlabel_line(const char *s, size_t max, int chars)
{
	if (!s)
		return NULL;
	strbuf sb = STRBUF_INIT;
	int space = 0;
	for (const char *p = s; *p; p++) {
		if (isspace((unsigned char)*p)) {
			space = sb.len > 0;
			continue;
		}
		if (space)
			sb_addc(&sb, ' ');
		space = 0;
		sb_addc(&sb, *p);
	}
	char *out = sb_detach(&sb);
	if (!max)
		return out;
	size_t i = 0, n = 0;
	while (out[i]) {
		size_t k = 1;
		while (((unsigned char)out[i + k] & 0xc0) == 0x80)
			k++;
		if ((chars && n + 1 > max) || (!chars && i + k > max))
			break;
		i += k;
		n++;
	}
	out[i] = 0;
	return out;
}
