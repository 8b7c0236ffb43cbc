/* geo.h: locations — ODK's geopoint, geotrace and geoshape values ("lat lon alt acc", points
 * joined by ';'): reading what an interviewer types (decimal degrees or degrees, minutes and
 * seconds), the check of a stored value, and distance and area on ODK's sphere. */
#ifndef SURVEY_FORM_GEO_H
#define SURVEY_FORM_GEO_H

#include "form/form.h"

/* The sphere ODK's area() and distance() measure on: radius in metres. */
#define FORM_GEO_RADIUS 6378137.0
/* Most points a trace or shape may have. */
#define FORM_GEO_POINTS_MAX 500

typedef struct form_geo_point {
	double lat, lon, alt, acc;   /* degrees, degrees, metres, metres */
} form_geo_point;

/* Why a typed location was refused. */
enum form_geo_err {
	FORM_GEO_OK,
	FORM_GEO_SYNTAX,       /* not coordinates */
	FORM_GEO_LAT,          /* latitude outside -90..90 */
	FORM_GEO_LON,          /* longitude outside -180..180 */
	FORM_GEO_ACC,          /* negative accuracy */
	FORM_GEO_ONE,          /* a geopoint given more than one point */
	FORM_GEO_TRACE,        /* a geotrace with fewer than 2 points */
	FORM_GEO_SHAPE,        /* a geoshape with fewer than 3 points */
	FORM_GEO_MANY,         /* more than FORM_GEO_POINTS_MAX points */
	FORM_GEO_NERRS
};

/* Is t geopoint, geotrace or geoshape (start-geopoint is metadata, recorded blank)? */
int form_type_is_geo(form_type t);

/* What an interviewer typed for a question of type t (geopoint, geotrace or geoshape): points
 * separated by ';', each "LAT LON [ALT [ACC]]" in decimal degrees ("42.8746 74.5698",
 * "42,8746 74,5698", "42.8746, 74.5698") or in degrees, minutes and seconds with marks or
 * hemisphere letters ("42°52'30\"N 74°36'E", "42 52 30 N 74 36 E", "42:52:30N 74:36E",
 * "N42.875 E74.6"; hemisphere letters may put longitude first). Altitude and accuracy are
 * metres (an 'm' after them is allowed); missing ones are 0. A shape whose last point is not
 * its first is closed. Returns FORM_GEO_OK and *norm (malloc'd ODK text: "lat lon alt acc"
 * joined by ';', numbers as form_parse_decimal writes them, degrees from minutes and seconds
 * with at most 7 decimals), or an error code and *norm NULL. */
int form_geo_parse(form_type t, const char *text, char **norm);

/* Is v exactly what form_geo_parse writes for type t? 0, or -1 with msg (ERR_MAX) saying
 * what it is not ("is not a location (lat lon alt acc)"). */
int form_geo_check(form_type t, const char *v, char *msg);

/* The points of a stored or computed location (ODK's text: each point 2 to 4 numbers
 * separated by blanks, points by ';'; blank points skipped). Returns the number of points
 * (at most max, written to pts) or -1 when the text is not such points or has more. */
int form_geo_read(const char *v, form_geo_point *pts, int max);

/* Sum of the great-circle distances between consecutive points, in metres (0 below 2). */
double form_geo_distance(const form_geo_point *p, int n);
/* Area of the polygon the points enclose (closed or not) on the sphere, in square metres
 * (0 below 3 points). */
double form_geo_area(const form_geo_point *p, int n);

#endif
