/* simulate_geo.c: random locations for simulated interviews — points inside Kyrgyzstan's
 * bounding box with a plausible altitude and accuracy; traces as a short walk; shapes as a
 * small closed polygon around a centre (never self-crossing: its corners go round in angle). */
#include "interview/simulate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

/* Kyrgyzstan's bounding box, degrees. */
#define KG_LAT_MIN 39.2
#define KG_LAT_MAX 43.2
#define KG_LON_MIN 69.3
#define KG_LON_MAX 80.2

static double uniform(sim_rng *r, double lo, double hi)
{
	return lo + (hi - lo) * sim_rng_unit(r);
}

static void add_point(strbuf *sb, sim_rng *r, double lat, double lon)
{
	if (sb->len)
		sb_addc(sb, ';');
	/* 6 decimals (about 10 cm), as form_parse_decimal keeps them */
	sb_addf(sb, "%.6f %.6f %ld %.1f", lat, lon, sim_rng_range(r, 600, 3500),
		uniform(r, 3, 25));
}

char *sim_geo_value(sim_rng *r, form_type t)
{
	strbuf sb = STRBUF_INIT;
	/* a centre far enough inside the box for the walk or polygon around it */
	double lat = uniform(r, KG_LAT_MIN + 0.05, KG_LAT_MAX - 0.05);
	double lon = uniform(r, KG_LON_MIN + 0.05, KG_LON_MAX - 0.05);
	if (t == FORM_GEOPOINT) {
		add_point(&sb, r, lat, lon);
	} else if (t == FORM_GEOTRACE) {
		long n = sim_rng_range(r, 2, 6);
		for (long i = 0; i < n; i++) {
			add_point(&sb, r, lat, lon);
			lat += uniform(r, -0.004, 0.004);
			lon += uniform(r, -0.004, 0.004);
		}
	} else {
		long n = sim_rng_range(r, 3, 6);
		for (long i = 0; i < n; i++) {
			double a = 2 * M_PI * ((double)i + uniform(r, 0.1, 0.9)) / (double)n;
			double d = uniform(r, 0.001, 0.005);
			add_point(&sb, r, lat + d * sin(a), lon + d * cos(a));
		}
		/* closed as ODK closes it: the first point's text again */
		char *first = xstrndup(sb_str(&sb), strcspn(sb_str(&sb), ";"));
		sb_addc(&sb, ';');
		sb_adds(&sb, first);
		free(first);
	}
	return sb_detach(&sb);
}
