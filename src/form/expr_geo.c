/* expr_geo.c: ODK's area() and distance() — a geoshape or geotrace value, a node-set of
 * geopoints (a geopoint in a repeat), or for distance() several geopoint arguments; measured
 * on ODK's sphere (form/geo.h). Text that is not points gives NaN (an empty answer). */
#include "form/expr_impl.h"

#include <math.h>
#include <stdlib.h>

#include "form/geo.h"
#include "util/util.h"

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
