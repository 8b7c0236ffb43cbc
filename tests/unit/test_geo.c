/* test_geo.c: locations — what an interviewer may type for a geopoint, geotrace or geoshape
 * (decimal degrees, degrees-minutes-seconds, hemisphere letters) and what it is stored as, the
 * check of stored values (form_value_check), and area() / distance() against reference numbers
 * computed apart from this code (python3, below). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/expr.h"
#include "form/geo.h"
#include "form/value.h"
#include "export/export_impl.h"
#include "util/util.h"

/* ---- typing ---- */

static void parsed(form_type t, const char *in, const char *want)
{
	char *norm = NULL;
	int rc = form_geo_parse(t, in, &norm);
	if (rc != FORM_GEO_OK || strcmp(norm, want) != 0)
		fail_msg("'%s': got %d '%s', want '%s'", in, rc, norm ? norm : "", want);
	free(norm);
}

static void refused(form_type t, const char *in, int want)
{
	char *norm = NULL;
	int rc = form_geo_parse(t, in, &norm);
	if (rc != want)
		fail_msg("'%s': got %d '%s', want error %d", in, rc, norm ? norm : "", want);
	assert_null(norm);
}

static void test_parse_decimal(void **state)
{
	parsed(FORM_GEOPOINT, "42.8746 74.5698", "42.8746 74.5698 0 0");
	parsed(FORM_GEOPOINT, "  42.8746   74.5698  ", "42.8746 74.5698 0 0");
	parsed(FORM_GEOPOINT, "42.8746 74.5698 760 5", "42.8746 74.5698 760 5");
	parsed(FORM_GEOPOINT, "42.8746 74.5698 760.5m 4.9 m", "42.8746 74.5698 760.5 4.9");
	parsed(FORM_GEOPOINT, "42.8746, 74.5698", "42.8746 74.5698 0 0");   /* a map's copy */
	parsed(FORM_GEOPOINT, "42.8746,74.5698", "42.8746 74.5698 0 0");
	parsed(FORM_GEOPOINT, "42,8746 74,5698", "42.8746 74.5698 0 0");   /* decimal commas */
	parsed(FORM_GEOPOINT, "+042.50 -074.50", "42.50 -74.50 0 0");
	parsed(FORM_GEOPOINT, "-0.0 0", "0.0 0 0 0");
	parsed(FORM_GEOPOINT, "-90 -180 -400 0", "-90 -180 -400 0");
	parsed(FORM_GEOPOINT, "90 180", "90 180 0 0");
	parsed(FORM_GEOPOINT, "42.8746 74.5698;", "42.8746 74.5698 0 0");
	/* Java's Double.toString in ODK Collect's values */
	parsed(FORM_GEOPOINT, "1.0E-4 36.8 1.5E3 4.9", "0.0001 36.8 1500 4.9");
	parsed(FORM_GEOPOINT, "4.28746E1 7.45698e+1", "42.8746 74.5698 0 0");
}

static void test_parse_dms(void **state)
{
	parsed(FORM_GEOPOINT, "42°52'30\"N 74°36'E", "42.875 74.6 0 0");
	parsed(FORM_GEOPOINT, "42°52′30″N 74°36′E 800", "42.875 74.6 800 0");
	parsed(FORM_GEOPOINT, "42º52'30''N, 74º36'E", "42.875 74.6 0 0");
	parsed(FORM_GEOPOINT, "42 52 30 N 74 36 E", "42.875 74.6 0 0");
	parsed(FORM_GEOPOINT, "42:52:30N 74:36E", "42.875 74.6 0 0");
	parsed(FORM_GEOPOINT, "N42.875 E74.6", "42.875 74.6 0 0");
	parsed(FORM_GEOPOINT, "n 42.875 e 74.6", "42.875 74.6 0 0");
	parsed(FORM_GEOPOINT, "74°36'E 42°52'30\"N", "42.875 74.6 0 0");   /* letters decide */
	parsed(FORM_GEOPOINT, "33°52'S 151°12'E", "-33.8666667 151.2 0 0");
	parsed(FORM_GEOPOINT, "40°26'46\"N 79°58'56\"W 300 10", "40.4461111 -79.9822222 300 10");
	parsed(FORM_GEOPOINT, "42°N 74°E", "42 74 0 0");
	parsed(FORM_GEOPOINT, "42°52.5'N 74°36'E", "42.875 74.6 0 0");
	parsed(FORM_GEOPOINT, "-42°52'30\" 74°36'", "-42.875 74.6 0 0");
}

static void test_parse_lines(void **state)
{
	parsed(FORM_GEOTRACE, "42.1 74.1; 42.2 74.2", "42.1 74.1 0 0;42.2 74.2 0 0");
	parsed(FORM_GEOTRACE, "42.1 74.1 700 3;42°12'N 74°12'E;",
	       "42.1 74.1 700 3;42.2 74.2 0 0");
	/* a shape is closed for the interviewer; an already closed one is kept as it is */
	parsed(FORM_GEOSHAPE, "42.1 74.1;42.2 74.2;42.1 74.3",
	       "42.1 74.1 0 0;42.2 74.2 0 0;42.1 74.3 0 0;42.1 74.1 0 0");
	parsed(FORM_GEOSHAPE, "42.1 74.1;42.2 74.2;42.1 74.3;42.1 74.1",
	       "42.1 74.1 0 0;42.2 74.2 0 0;42.1 74.3 0 0;42.1 74.1 0 0");
	/* the first point again with another altitude: closed, with the first's text */
	parsed(FORM_GEOSHAPE, "42.1 74.1 800 5;42.2 74.2;42.1 74.3;42.1 74.1 790 9",
	       "42.1 74.1 800 5;42.2 74.2 0 0;42.1 74.3 0 0;42.1 74.1 800 5");
	/* the closing point given three times (taps on the first point): closed once, so that
	 * what is stored parses to itself (it kept a closing point too many, which the next
	 * parse dropped: a CSV export imported back changed the answer) */
	parsed(FORM_GEOSHAPE, "42.1 74.1;42.2 74.2;42.1 74.3;42.1 74.1;42.1 74.1 5 5;42.1 74.1",
	       "42.1 74.1 0 0;42.2 74.2 0 0;42.1 74.3 0 0;42.1 74.1 0 0");
	parsed(FORM_GEOSHAPE, "42.1 74.1 0 0;42.2 74.2 0 0;42.1 74.3 0 0;42.1 74.1 0 0",
	       "42.1 74.1 0 0;42.2 74.2 0 0;42.1 74.3 0 0;42.1 74.1 0 0");
}

static void test_parse_refused(void **state)
{
	refused(FORM_GEOPOINT, "", FORM_GEO_SYNTAX);
	refused(FORM_GEOPOINT, "42.87", FORM_GEO_SYNTAX);
	refused(FORM_GEOPOINT, "Bishkek", FORM_GEO_SYNTAX);
	refused(FORM_GEOPOINT, "42.8 74.5 1 2 3", FORM_GEO_SYNTAX);
	refused(FORM_GEOPOINT, "42..8 74.5", FORM_GEO_SYNTAX);
	refused(FORM_GEOPOINT, "1e3 74.5", FORM_GEO_LAT);            /* an exponent: 1000 */
	refused(FORM_GEOPOINT, "1e99 74.5", FORM_GEO_SYNTAX);
	refused(FORM_GEOPOINT, "nan 74.5", FORM_GEO_SYNTAX);
	refused(FORM_GEOPOINT, "42°61'N 74°E", FORM_GEO_SYNTAX);      /* minutes below 60 */
	refused(FORM_GEOPOINT, "42°52'75\"N 74°E", FORM_GEO_SYNTAX);  /* seconds below 60 */
	refused(FORM_GEOPOINT, "42.5°30'N 74°E", FORM_GEO_SYNTAX);    /* whole degrees first */
	refused(FORM_GEOPOINT, "42°N 43°S", FORM_GEO_SYNTAX);         /* two latitudes */
	refused(FORM_GEOPOINT, "-42°N 74°E", FORM_GEO_SYNTAX);        /* a sign and a letter */
	refused(FORM_GEOPOINT, "42 N 74 E 5 N", FORM_GEO_SYNTAX);
	refused(FORM_GEOPOINT, "90.5 74.5", FORM_GEO_LAT);
	refused(FORM_GEOPOINT, "-91 74.5", FORM_GEO_LAT);
	refused(FORM_GEOPOINT, "95°N 74°E", FORM_GEO_LAT);
	refused(FORM_GEOPOINT, "42.5 180.01", FORM_GEO_LON);
	refused(FORM_GEOPOINT, "42.5 -181", FORM_GEO_LON);
	refused(FORM_GEOPOINT, "42.5 74.5 800 -1", FORM_GEO_ACC);
	refused(FORM_GEOPOINT, "42.1 74.1;42.2 74.2", FORM_GEO_ONE);
	refused(FORM_GEOTRACE, "42.1 74.1", FORM_GEO_TRACE);
	refused(FORM_GEOTRACE, "42.1 74.1; ;", FORM_GEO_TRACE);
	refused(FORM_GEOSHAPE, "42.1 74.1;42.2 74.2", FORM_GEO_SHAPE);
	refused(FORM_GEOSHAPE, "42.1 74.1;42.2 74.2;42.1 74.1", FORM_GEO_SHAPE);
	refused(FORM_GEOSHAPE, "42.1 74.1 1 1;42.2 74.2;42.1 74.1 2 2", FORM_GEO_SHAPE);
	/* one place tapped five times is no area (it was stored as four points that did not
	 * parse again) */
	refused(FORM_GEOSHAPE, "42 0;42 0;42 0;42 0;42 0", FORM_GEO_SHAPE);
	refused(FORM_GEOSHAPE, "42.1 74.1;42.2 74.2;42.1 74.1;42.1 74.1", FORM_GEO_SHAPE);
	strbuf sb = STRBUF_INIT;
	for (int i = 0; i <= FORM_GEO_POINTS_MAX; i++)
		sb_addf(&sb, "42.%d 74.1;", i);
	refused(FORM_GEOTRACE, sb_str(&sb), FORM_GEO_MANY);
	sb_release(&sb);
}

/* ---- stored values ---- */

static const char form_md[] =
	"| survey |\n"
	"| | type | name | label |\n"
	"| | geopoint | home | Home |\n"
	"| | geotrace | road | Road |\n"
	"| | geoshape | field | Field |\n"
	"| | start-geopoint | where | |\n";

static void test_stored(void **state)
{
	form *f;
	char err[ERR_MAX], msg[ERR_MAX];
	assert_int_equal(form_load_mem("t.md", "md", form_md, strlen(form_md), &f, NULL, err), 0);
	static const struct { const char *q, *v; int ok; } cases[] = {
		{ "home", "", 1 }, { "home", "42.8746 74.5698 760 4.9", 1 },
		{ "home", "42.8746 74.5698 0 0", 1 }, { "home", "-90 180 0 0", 1 },
		{ "home", "42.8746 74.5698", 0 },          /* always four numbers */
		{ "home", "42.8746  74.5698 0 0", 0 }, { "home", " 42.8746 74.5698 0 0", 0 },
		{ "home", "42.8746 74.5698 0 0 ", 0 }, { "home", "042.8 74.5 0 0", 0 },
		{ "home", "42,8 74.5 0 0", 0 }, { "home", "+42.8 74.5 0 0", 0 },
		{ "home", "42.8 74.5 0 0;42.9 74.5 0 0", 0 }, { "home", "91 74.5 0 0", 0 },
		{ "home", "42 181 0 0", 0 }, { "home", "42 74 0 -1", 0 }, { "home", "42 74 0 x", 0 },
		{ "home", "42°52'N 74°E 0 0", 0 },
		{ "road", "42.1 74.1 0 0;42.2 74.2 0 0", 1 }, { "road", "42.1 74.1 0 0", 0 },
		{ "road", "42.1 74.1 0 0; 42.2 74.2 0 0", 0 }, { "road", "42.1 74.1 0 0;", 0 },
		{ "field", "42.1 74.1 0 0;42.2 74.2 0 0;42.1 74.3 0 0;42.1 74.1 0 0", 1 },
		{ "field", "42.1 74.1 0 0;42.2 74.2 0 0;42.1 74.3 0 0", 0 },   /* not closed */
		{ "field", "42.1 74.1 0 0;42.2 74.2 0 0;42.1 74.1 0 0", 0 },
		{ "where", "", 1 }, { "where", "42.87 74.59 800 5", 1 }, { "where", "here", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int node = form_find(f, cases[i].q);
		assert_true(node > 0);
		int rc = form_value_check(f, node, cases[i].v, msg);
		if ((rc == 0) != cases[i].ok)
			fail_msg("%s = '%s': got %d (%s)", cases[i].q, cases[i].v, rc, rc ? msg : "");
	}
	/* whatever the parser writes, the check accepts */
	static const char *const typed[] = { "42°52'31\"N 74°36'E 800 5", "-33.5 151.25",
		"40°26'46\"S 79°58'56\"W" };
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
		char *norm;
		assert_int_equal(form_geo_parse(FORM_GEOPOINT, typed[i], &norm), FORM_GEO_OK);
		assert_int_equal(form_value_check(f, form_find(f, "home"), norm, msg), 0);
		free(norm);
	}
	form_free(f);
}

/* ---- area() and distance() ----
 * Reference numbers, computed without this code (vector cross/dot product for great-circle
 * distances, the exact area of a band between two parallels for rectangles):
 *   python3 -c "
 *   import math
 *   R=6378137.0
 *   def vec(lat,lon):
 *       la,lo=math.radians(lat),math.radians(lon)
 *       return (math.cos(la)*math.cos(lo),math.cos(la)*math.sin(lo),math.sin(la))
 *   def d(a,b):
 *       u,v=vec(*a),vec(*b); c=(u[1]*v[2]-u[2]*v[1],u[2]*v[0]-u[0]*v[2],u[0]*v[1]-u[1]*v[0])
 *       return R*math.atan2(math.sqrt(sum(x*x for x in c)),sum(x*y for x,y in zip(u,v)))
 *   print('%.6f'%d((0,0),(0,1)))
 *   print('%.6f'%(d((42.8746,74.5698),(42.8746,74.6698))+d((42.8746,74.6698),(42.9,74.6698))))
 *   print('%.6f'%d((42.875,74.6),(40.5283,72.7985)))
 *   print('%.4f'%(R*R*math.radians(1)*math.sin(math.radians(1))))
 *   print('%.4f'%(R*R*math.radians(0.01)*(math.sin(math.radians(42.88))
 *                                         -math.sin(math.radians(42.87)))))"
 * printed 111319.490793, 10985.503353, 301081.596062, 12391399902.0711, 908137.2679. */

static int lookup(void *user, const char *name, expr_nodes *out)
{
	if (strcmp(name, "pts") == 0) {   /* a geopoint in a repeat: one node per instance */
		expr_nodes_push(out, "42.87 74.59 0 0");
		expr_nodes_push(out, "42.87 74.60 0 0");
		expr_nodes_push(out, "42.88 74.60 0 0");
		expr_nodes_push(out, "42.88 74.59 0 0");
		return 0;
	}
	if (strcmp(name, "empty") == 0) {
		expr_nodes_push(out, "");
		return 0;
	}
	return -1;
}

static double eval(const char *src)
{
	char err[ERR_MAX];
	int pos;
	expr *e = expr_parse(src, err, &pos);
	if (!e)
		fail_msg("%s: %s", src, err);
	expr_env env = { .lookup = lookup };
	expr_value v;
	if (expr_eval(e, &env, &v, err) < 0)
		fail_msg("%s: %s", src, err);
	double d = expr_value_number(&v);
	expr_value_release(&v);
	expr_free(e);
	return d;
}

static void near(double got, double want, double tol, const char *what)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("%s: got %.6f, want %.6f", what, got, want);
}

static void test_distance_area(void **state)
{
	near(eval("distance('0 0 0 0;0 1 0 0')"), 111319.490793, 1e-5, "1 degree on the equator");
	near(eval("distance('42.8746 74.5698;42.8746 74.6698 800 5;42.9 74.6698')"),
	     10985.503353, 1e-5, "a trace of three points");
	near(eval("distance('42.875 74.6 0 0', '40.5283 72.7985 0 0')"), 301081.596062, 1e-4,
	     "Bishkek to Osh, two geopoint arguments");
	near(eval("area('0 0 0 0;0 1 0 0;1 1 0 0;1 0 0 0;0 0 0 0')"), 12391399902.0711, 1e-3,
	     "a one-degree square at the equator");
	near(eval("area('0 0;1 0;1 1;0 1')"), 12391399902.0711, 1e-3,
	     "the same square, other way round and not closed");
	near(eval("area(${pts})"), 908137.2679, 1e-3, "a field from a repeat's geopoints");
	near(eval("distance(${pts})"), 1113.19 * 2 + 815.6, 300, "distance over a node-set");
	near(eval("area('42.1 74.1;42.2 74.2')"), 0, 0, "two points have no area");
	near(eval("distance('42.1 74.1 0 0')"), 0, 0, "one point has no length");
	near(eval("area(${empty})"), 0, 0, "an unanswered shape");
	assert_true(isnan(eval("area('Bishkek')")));
	assert_true(isnan(eval("distance('42.1 74.1;95 74.1')")));
}

/* ---- the export's split columns ---- */

static void test_export_parts(void **state)
{
	assert_string_equal(xgeo_part("42.8746 74.5698 760.5 4.9", 0), "42.8746");
	assert_string_equal(xgeo_part("42.8746 74.5698 760.5 4.9", 1), "74.5698");
	assert_string_equal(xgeo_part("42.8746 74.5698 760.5 4.9", 2), "760.5");
	assert_string_equal(xgeo_part("42.8746 74.5698 -12 0", 2), "-12");
	assert_string_equal(xgeo_part("42.8746 74.5698 760.5 4.9", 3), "4.9");
	assert_null(xgeo_part("42.8746 74.5698 760.5 4.9", 4));
	assert_null(xgeo_part("42.8746 74.5698", 2));               /* no altitude */
	assert_null(xgeo_part("42.1 74.1 0 0;42.2 74.2 0 0", 0));   /* a trace is not split */
	assert_null(xgeo_part("", 0));
	assert_null(xgeo_part(NULL, 0));
	/* what a hostile file might hold never reaches a JSON number */
	static const char *const bad[] = { "1e5 1 0 0", "+1 1 0 0", ".5 1 0 0", "5. 1 0 0",
		"nan 1 0 0", "0x1 1 0 0", "- 1 0 0", "1.2.3 1 0 0", "\"1\" 1 0 0" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (xgeo_part(bad[i], 0))
			fail_msg("'%s' gave a part", bad[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_decimal),
		cmocka_unit_test(test_parse_dms),
		cmocka_unit_test(test_parse_lines),
		cmocka_unit_test(test_parse_refused),
		cmocka_unit_test(test_stored),
		cmocka_unit_test(test_distance_area),
		cmocka_unit_test(test_export_parts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
