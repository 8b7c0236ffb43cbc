/* expr_geo.c: locations measured — the points of ODK's text, great-circle distance and
 * spherical area on ODK's sphere (form/geo.h), and the functions area() and distance() over a
 * geoshape or geotrace value, a node-set of geopoints (a geopoint in a repeat), or for
 * distance() several geopoint arguments. Text that is not points gives NaN (an empty answer). */
#include "form/expr_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "form/form_impl.h"
#include "form/geo.h"
#include "util/util.h"

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int form_geo_read(const char *v, form_geo_point *pts, int max)
{
	int n = 0;
	for (const char *p = v;;) {
		size_t len = strcspn(p, ";");
		double x[4] = { 0, 0, 0, 0 };
		int k = 0;
		const char *q = p, *end = p + len;
		while (q < end) {
			while (q < end && is_blank(*q))
				q++;
			if (q == end)
				break;
			size_t m = 0;
			while (q + m < end && !is_blank(q[m]))
				m++;
			char *s = xstrndup(q, m), *e;
			double d = cnum_strtod(s, &e);
			int bad = *e || !m || !isfinite(d) || k == 4;
			free(s);
			if (bad)
				return -1;
			x[k++] = d;
			q += m;
		}
		if (k == 1 || k > 4)
			return -1;
		if (k) {
			if (n == max || x[0] < -90 || x[0] > 90 || x[1] < -180 || x[1] > 180)
				return -1;
			pts[n++] = (form_geo_point){ x[0], x[1], x[2], x[3] };
		}
		if (!p[len])
			break;
		p += len + 1;
	}
	return n;
}

/* ---- measures ---- */

static double rad(double deg)
{
	return deg * M_PI / 180;
}

double form_geo_distance(const form_geo_point *p, int n)
{
	double sum = 0;
	for (int i = 1; i < n; i++) {
		/* haversine: stable for short distances */
		double f1 = rad(p[i - 1].lat), f2 = rad(p[i].lat);
		double df = f2 - f1, dl = rad(p[i].lon - p[i - 1].lon);
		double h = sin(df / 2) * sin(df / 2) + cos(f1) * cos(f2) * sin(dl / 2) * sin(dl / 2);
		if (h > 1)
			h = 1;
		sum += 2 * FORM_GEO_RADIUS * asin(sqrt(h));
	}
	return sum;
}

double form_geo_area(const form_geo_point *p, int n)
{
	if (n > 1 && p[0].lat == p[n - 1].lat && p[0].lon == p[n - 1].lon)
		n--;   /* the closing point */
	if (n < 3)
		return 0;
	/* the spherical excess of each edge against the pole (Chamberlain and Duquette, "Some
	 * algorithms for polygons on a sphere", JPL 2007) */
	double sum = 0;
	for (int i = 0; i < n; i++) {
		const form_geo_point *a = &p[i], *b = &p[(i + 1) % n];
		double dl = rad(b->lon - a->lon);
		if (dl > M_PI)
			dl -= 2 * M_PI;
		else if (dl < -M_PI)
			dl += 2 * M_PI;
		sum += dl * (2 + sin(rad(a->lat)) + sin(rad(b->lat)));
	}
	return fabs(sum * FORM_GEO_RADIUS * FORM_GEO_RADIUS / 2);
}

/* ---- the functions ---- */

/* The points of arguments first..n->nkids-1 into *pts (malloc'd); their number, or -1 when
 * one is not a location (then *pts is NULL). -2 on an evaluation error (cx->err set). */
static int points_of(struct ectx *cx, const struct expr_node *n, form_geo_point **pts)
{
	int np = 0, cap = FORM_GEO_POINTS_MAX;
	form_geo_point *p = xcalloc((size_t)cap, sizeof *p);
	int bad = 0;
	for (int i = 0; i < n->nkids && !bad; i++) {
		val v;
		char buf[EXPR_NUMBUF];
		if (expr_ev_kid(cx, n, i, &v) < 0) {
			free(p);
			return -2;
		}
		int cnt = v.type == EXPR_NODES ? v.nodes.n : 1;
		for (int j = 0; j < cnt && !bad; j++) {
			const char *s = v.type == EXPR_NODES ? v.nodes.items[j] : val_str(&v, buf);
			int k = form_geo_read(s, p + np, cap - np);
			if (k < 0)
				bad = 1;
			else
				np += k;
		}
		val_release(&v);
	}
	if (bad) {
		free(p);
		*pts = NULL;
		return -1;
	}
	*pts = p;
	return np;
}

/* A measure of the arguments' points: NaN when one is not a location. */
static int measure(struct ectx *cx, const struct expr_node *n, val *out,
		   double (*m)(const form_geo_point *, int))
{
	form_geo_point *p;
	int np = points_of(cx, n, &p);
	if (np == -2)
		return -1;
	val_num_set(out, np < 0 ? NAN : m(p, np));
	free(p);
	return 0;
}

EXPR_FN(expr_fn_area)
{
	return measure(cx, n, out, form_geo_area);
}

EXPR_FN(expr_fn_distance)
{
	return measure(cx, n, out, form_geo_distance);
}
