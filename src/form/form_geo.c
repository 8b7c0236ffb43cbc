/* form_geo.c: locations — typed coordinates (decimal degrees, or degrees-minutes-seconds with
 * marks or hemisphere letters) to ODK's text, and the check of a stored location. Reading
 * points and measuring them is in expr_geo.c. */
#include "form/geo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/form_impl.h"
#include "form/value.h"

int form_type_is_geo(form_type t)
{
	return t == FORM_GEOPOINT || t == FORM_GEOTRACE || t == FORM_GEOSHAPE;
}

/* ---- typed coordinates ---- */

enum mark { MK_NONE, MK_DEG, MK_MIN, MK_SEC, MK_COLON, MK_METRES };

typedef struct tok {
	char hemi;          /* 'N', 'S', 'E', 'W' for a hemisphere letter; 0 for a number */
	enum mark mark;     /* what follows the number */
	double v;
	char *norm;         /* the number as form_parse_decimal writes it */
	int integral;       /* written without a fraction */
	int sign;           /* written with '-' or '+' */
} tok;

#define TOKS_MAX 16

/* Does s start with one of the UTF-8 marks in list (NULL-terminated)? Returns its length. */
static size_t starts(const char *s, const char *const *list)
{
	for (int i = 0; list[i]; i++) {
		size_t n = strlen(list[i]);
		if (strncmp(s, list[i], n) == 0)
			return n;
	}
	return 0;
}

static const char *const deg_marks[] = { "\xc2\xb0", "\xc2\xba", "\xcb\x9a", NULL };
static const char *const sec_marks[] = { "\"", "''", "\xe2\x80\xb3", "\xe2\x80\x9d", NULL };
static const char *const min_marks[] = { "'", "\xe2\x80\xb2", "\xe2\x80\x99", NULL };

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* v with at most `decimals` decimals (no trailing zeros), written without the locale (a
 * Russian LC_NUMERIC would print a comma): |v| must be at most 1e6. */
static void fixed(double v, int decimals, char *buf, size_t n)
{
	long long scale = 1;
	for (int i = 0; i < decimals; i++)
		scale *= 10;
	long long m = llround(fabs(v) * (double)scale);
	long long ip = m / scale, fp = m % scale;
	int len = snprintf(buf, n, "%s%lld", v < 0 && m ? "-" : "", ip);
	if (fp && len > 0 && (size_t)len < n) {
		int d = decimals;
		while (fp % 10 == 0)
			fp /= 10, d--;
		snprintf(buf + len, n - (size_t)len, ".%0*lld", d, fp);
	}
}

/* A number written with an exponent (Java's Double.toString in ODK Collect's values:
 * "1.0E-4") as a plain decimal of at most 12 decimals. -1 when it is not within 1e6. */
static int exponent_norm(double mantissa, int exp10, char **norm, double *out)
{
	char buf[64];
	double v = mantissa * pow(10, exp10);
	if (!isfinite(v) || fabs(v) > 1e6)
		return -1;
	fixed(v, 12, buf, sizeof buf);
	return form_parse_decimal(buf, norm, out);
}

static void toks_free(tok *t, int n)
{
	for (int i = 0; i < n; i++)
		free(t[i].norm);
}

/* Cut one point's text (n bytes) into numbers and hemisphere letters. -1 on anything else. */
/* The number at *pp into k: its sign, its digits with one decimal point (or a decimal comma
 * when the text has blanks elsewhere), an exponent. 0 with *pp past it, else -1. */
static int number_token(const char **pp, int has_blank, tok *k)
{
	const char *p = *pp;
	strbuf sb = STRBUF_INIT;
	k->sign = *p == '-' || *p == '+';
	if (k->sign)
		sb_addc(&sb, *p++);
	int dot = 0;
	while (is_digit(*p) || *p == '.' ||
	       (*p == ',' && has_blank && !dot && is_digit(p[1]) && sb.len)) {
		if (*p == '.' || *p == ',') {
			dot = 1;
			sb_addc(&sb, '.');
		} else {
			sb_addc(&sb, *p);
		}
		p++;
	}
	k->integral = !dot;
	int r = form_parse_decimal(sb_str(&sb), &k->norm, &k->v);
	if (r == 0 && (*p == 'e' || *p == 'E') &&
	    (is_digit(p[1]) || ((p[1] == '-' || p[1] == '+') && is_digit(p[2])))) {
		int neg = *++p == '-', e = 0;
		if (*p == '-' || *p == '+')
			p++;
		for (int nd = 0; is_digit(*p); p++)
			if (nd++ < 4)
				e = e * 10 + (*p - '0');
		free(k->norm);
		k->norm = NULL;
		r = exponent_norm(k->v, neg ? -e : e, &k->norm, &k->v);
		k->integral = 0;
	}
	sb_release(&sb);
	*pp = p;
	return r ? -1 : 0;
}

/* The mark after a number at p (degrees, minutes, seconds, ':' before digits, metres) into k:
 * how many bytes it takes (0: none). */
static size_t number_mark(const char *p, tok *k)
{
	size_t m;
	if ((m = starts(p, deg_marks)))
		k->mark = MK_DEG;
	else if ((m = starts(p, sec_marks)))
		k->mark = MK_SEC;
	else if ((m = starts(p, min_marks)))
		k->mark = MK_MIN;
	else if (*p == ':' && is_digit(p[1]))
		k->mark = MK_COLON, m = 1;
	else if ((*p == 'm' || *p == 'M') && !((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z'))
		k->mark = MK_METRES, m = 1;
	return m;
}

static int tokenize(const char *s, size_t n, tok *t, int *nt)
{
	char *p0 = xstrndup(s, n), *p = p0;
	int has_blank = 0;
	for (size_t i = 0; i < n; i++)
		has_blank |= is_blank(p0[i]) && i > 0 && i + 1 < n;
	*nt = 0;
	while (*p) {
		if (is_blank(*p) || *p == ',') {
			p++;
			continue;
		}
		if (*nt == TOKS_MAX)
			goto bad;
		tok *k = &t[*nt];
		memset(k, 0, sizeof *k);
		char c = (char)(*p & ~0x20);
		int word = (p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z';
		if (c == 'M' && !word && *nt && !t[*nt - 1].hemi && t[*nt - 1].mark == MK_NONE) {
			t[*nt - 1].mark = MK_METRES;   /* "760 m" */
			p++;
			continue;
		}
		if (c == 'N' || c == 'S' || c == 'E' || c == 'W') {
			if (word || (p > p0 && is_digit(p[-1]) && is_digit(p[1])))
				goto bad;   /* a word, or "1e3": not a hemisphere */
			k->hemi = c;
			p++;
			(*nt)++;
			continue;
		}
		if (!is_digit(*p) && *p != '.' && *p != '-' && *p != '+')
			goto bad;
		const char *q = p;
		if (number_token(&q, has_blank, k))
			goto bad;
		p += q - p;
		(*nt)++;
		p += number_mark(p, k);
	}
	free(p0);
	return 0;
bad:
	free(p0);
	toks_free(t, *nt);
	*nt = 0;
	return -1;
}

typedef struct coord {
	char hemi;          /* 0 when none was written */
	double v;           /* signed degrees */
	const char *plain;  /* a lone decimal without a hemisphere: its text, kept as written */
} coord;

static int is_num(const tok *t, int i, int n)
{
	return i < n && !t[i].hemi;
}

/* One coordinate from token *i. 0 or -1. */
static int read_coord(const tok *t, int n, int *i, coord *c)
{
	memset(c, 0, sizeof *c);
	int k = *i;
	const tok *part[3] = { NULL, NULL, NULL };
	int np = 0;
	if (k < n && t[k].hemi)
		c->hemi = t[k++].hemi;
	if (!is_num(t, k, n))
		return -1;
	switch (t[k].mark) {
	case MK_NONE:
		if (!c->hemi) {
			/* "42 52 30 N": unmarked numbers up to a hemisphere letter */
			int j = k;
			while (j - k < 3 && is_num(t, j, n) && t[j].mark == MK_NONE)
				j++;
			if (j < n && t[j].hemi && j - k > 1) {
				while (k < j)
					part[np++] = &t[k++];
				break;
			}
		}
		part[np++] = &t[k++];
		break;
	case MK_DEG:
		part[np++] = &t[k++];
		if (is_num(t, k, n) && t[k].mark == MK_MIN) {
			part[np++] = &t[k++];
			if (is_num(t, k, n) && t[k].mark == MK_SEC)
				part[np++] = &t[k++];
		}
		break;
	case MK_COLON:
		part[np++] = &t[k++];
		if (!is_num(t, k, n) || (t[k].mark != MK_NONE && t[k].mark != MK_COLON))
			return -1;
		part[np++] = &t[k++];
		if (part[1]->mark == MK_COLON) {
			if (!is_num(t, k, n) || t[k].mark != MK_NONE)
				return -1;
			part[np++] = &t[k++];
		}
		break;
	default:
		return -1;
	}
	if (!c->hemi && k < n && t[k].hemi)
		c->hemi = t[k++].hemi;
	/* minutes and seconds: whole degrees (minutes) before them, each below 60 */
	for (int j = 1; j < np; j++)
		if (part[j]->sign || part[j]->v >= 60 || !part[j - 1]->integral)
			return -1;
	if (c->hemi && part[0]->sign)
		return -1;
	double v = fabs(part[0]->v);
	if (np > 1)
		v += part[1]->v / 60;
	if (np > 2)
		v += part[2]->v / 3600;
	if (part[0]->v < 0 || (part[0]->sign && part[0]->norm[0] == '-'))
		v = -v;
	if (c->hemi == 'S' || c->hemi == 'W')
		v = -v;
	c->v = v;
	if (np == 1 && !c->hemi && part[0]->mark == MK_NONE)
		c->plain = part[0]->norm;
	*i = k;
	return 0;
}

/* Degrees computed from minutes and seconds: at most 7 decimals, no trailing zeros. */
static void add_degrees(strbuf *sb, const coord *c)
{
	if (c->plain) {
		sb_adds(sb, c->plain);
		return;
	}
	char buf[64];
	fixed(c->v, 7, buf, sizeof buf);
	sb_adds(sb, buf);
}

/* One point (n bytes at s) appended to sb as "lat lon alt acc". */
static int parse_point(const char *s, size_t n, strbuf *sb)
{
	tok t[TOKS_MAX];
	int nt, i = 0, rc = FORM_GEO_SYNTAX;
	if (tokenize(s, n, t, &nt))
		return FORM_GEO_SYNTAX;
	int marked = 0;
	for (int k = 0; k < nt; k++)
		marked |= t[k].hemi || (t[k].mark != MK_NONE && t[k].mark != MK_METRES);
	coord c[2];
	if (!marked) {
		if (nt < 2)
			goto done;
		for (int k = 0; k < 2; k++) {
			if (t[k].mark != MK_NONE)
				goto done;
			c[k] = (coord){ .v = t[k].v, .plain = t[k].norm };
		}
		i = 2;
	} else {
		if (read_coord(t, nt, &i, &c[0]) || read_coord(t, nt, &i, &c[1]))
			goto done;
		int lon0 = c[0].hemi == 'E' || c[0].hemi == 'W';
		int lat1 = c[1].hemi == 'N' || c[1].hemi == 'S';
		int lat0 = c[0].hemi == 'N' || c[0].hemi == 'S';
		int lon1 = c[1].hemi == 'E' || c[1].hemi == 'W';
		if ((lat0 && lat1) || (lon0 && lon1))
			goto done;
		if (lon0 || lat1) {
			coord x = c[0];
			c[0] = c[1];
			c[1] = x;
		}
	}
	const tok *alt = NULL, *acc = NULL;
	if (i < nt)
		alt = &t[i++];
	if (i < nt)
		acc = &t[i++];
	if (i < nt || (alt && (alt->hemi || (alt->mark != MK_NONE && alt->mark != MK_METRES))) ||
	    (acc && (acc->hemi || (acc->mark != MK_NONE && acc->mark != MK_METRES))))
		goto done;
	if (c[0].v < -90 || c[0].v > 90) {
		rc = FORM_GEO_LAT;
		goto done;
	}
	if (c[1].v < -180 || c[1].v > 180) {
		rc = FORM_GEO_LON;
		goto done;
	}
	if (acc && acc->v < 0) {
		rc = FORM_GEO_ACC;
		goto done;
	}
	add_degrees(sb, &c[0]);
	sb_addc(sb, ' ');
	add_degrees(sb, &c[1]);
	sb_addf(sb, " %s %s", alt ? alt->norm : "0", acc ? acc->norm : "0");
	rc = FORM_GEO_OK;
done:
	toks_free(t, nt);
	return rc;
}

/* The length of "lat lon" at the start of a point as parse_point writes it ("lat lon alt acc"). */
static size_t latlon_len(const char *point)
{
	size_t n = strcspn(point, " ");
	return point[n] ? n + 1 + strcspn(point + n + 1, " ") : n;
}

int form_geo_parse(form_type t, const char *text, char **norm)
{
	*norm = NULL;
	strbuf sb = STRBUF_INIT;
	int npoints = 0;
	size_t first_len = 0;
	for (const char *p = text;;) {
		size_t n = strcspn(p, ";");
		size_t k = 0;
		while (k < n && is_blank(p[k]))
			k++;
		if (k < n) {
			if (npoints == FORM_GEO_POINTS_MAX) {
				sb_release(&sb);
				return FORM_GEO_MANY;
			}
			size_t at = sb.len;
			if (npoints)
				sb_addc(&sb, ';');
			int rc = parse_point(p, n, &sb);
			if (rc) {
				sb_release(&sb);
				return rc;
			}
			if (!npoints++)
				first_len = sb.len - at;
		}
		if (!p[n])
			break;
		p += n + 1;
	}
	if (npoints == 0) {
		sb_release(&sb);
		return FORM_GEO_SYNTAX;
	}
	if (t == FORM_GEOPOINT && npoints > 1) {
		sb_release(&sb);
		return FORM_GEO_ONE;
	}
	if (t == FORM_GEOTRACE && npoints < 2) {
		sb_release(&sb);
		return FORM_GEO_TRACE;
	}
	if (t == FORM_GEOSHAPE) {
		/* closed as ODK closes it: the first point again at the end. The points at the end
		 * at the first's latitude and longitude (the closing point, with another altitude
		 * or accuracy, or given twice) are dropped and the first's text is added once, so
		 * that what this gives parses to itself. */
		const char *s = sb_str(&sb);
		size_t fl = latlon_len(s);
		for (const char *last; (last = strrchr(s, ';')) != NULL &&
		     latlon_len(last + 1) == fl && strncmp(last + 1, s, fl) == 0;) {
			sb.len = (size_t)(last - s);
			sb.buf[sb.len] = 0;
			npoints--;
		}
		if (npoints == FORM_GEO_POINTS_MAX) {
			sb_release(&sb);
			return FORM_GEO_MANY;
		}
		char *first = xstrndup(s, first_len);
		sb_addc(&sb, ';');
		sb_adds(&sb, first);
		free(first);
		if (++npoints < 4) {
			sb_release(&sb);
			return FORM_GEO_SHAPE;
		}
	}
	*norm = sb_detach(&sb);
	return FORM_GEO_OK;
}

/* ---- stored values ---- */

/* One number of a stored point: n bytes, exactly as form_parse_decimal writes it. */
static int stored_number(const char *s, size_t n, double *v)
{
	char *t = xstrndup(s, n), *norm = NULL;
	int ok = n > 0 && form_parse_decimal(t, &norm, v) == 0 && strcmp(norm, t) == 0;
	free(t);
	free(norm);
	return ok;
}

int form_geo_check(form_type t, const char *v, char *msg)
{
	static const char *const what[] = { "a location (lat lon alt acc)",
		"a line (at least 2 points 'lat lon alt acc' joined by ';')",
		"an area (at least 3 points 'lat lon alt acc' joined by ';', the first repeated last)" };
	const char *w = what[t == FORM_GEOTRACE ? 1 : t == FORM_GEOSHAPE ? 2 : 0];
	int npoints = 0;
	size_t first_len = 0;
	const char *last = v;
	if (strlen(v) > FORM_TEXT_MAX)
		return errf(msg, "is longer than %d bytes", FORM_TEXT_MAX);
	for (const char *p = v;;) {
		size_t n = strcspn(p, ";");
		const char *q = p;
		double x[4];
		for (int k = 0; k < 4; k++) {
			size_t m = strcspn(q, " ;");
			if (q + m > p + n || !stored_number(q, m, &x[k]) || (k < 3 && q[m] != ' '))
				return errf(msg, "is not %s", w);
			q += m + (k < 3);
		}
		if (q != p + n)
			return errf(msg, "is not %s", w);
		if (x[0] < -90 || x[0] > 90)
			return errf(msg, "has a latitude outside -90..90");
		if (x[1] < -180 || x[1] > 180)
			return errf(msg, "has a longitude outside -180..180");
		if (x[3] < 0)
			return errf(msg, "has a negative accuracy");
		if (!npoints++)
			first_len = n;
		last = p;
		if (!p[n])
			break;
		p += n + 1;
	}
	if ((t == FORM_GEOPOINT && npoints != 1) || (t == FORM_GEOTRACE && npoints < 2) ||
	    (t == FORM_GEOSHAPE && (npoints < 4 || strlen(last) != first_len ||
				    strncmp(last, v, first_len) != 0)) ||
	    npoints > FORM_GEO_POINTS_MAX)
		return errf(msg, "is not %s", w);
	return 0;
}
