/* fuzz_geo.c: libFuzzer harness for locations — any bytes as what an interviewer typed or a
 * CSV cell held (form_geo_parse, for a geopoint, a geotrace and a geoshape), as a stored value
 * from a file (form_geo_check), and as points to measure (form_geo_read, area, distance).
 * Whatever the parser writes the check accepts, parsing it again gives it back unchanged, and
 * its points are in range. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/geo.h"
#include "util/util.h"

static const form_type types[] = { FORM_GEOPOINT, FORM_GEOTRACE, FORM_GEOSHAPE };

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t len)
{
	if (len > 12000)
		return 0;
	char *s = xstrndup((const char *)data, len);
	char msg[ERR_MAX];
	form_geo_point *p = xcalloc(FORM_GEO_POINTS_MAX, sizeof *p);
	for (int t = 0; t < 3; t++) {
		char *norm = NULL;
		int rc = form_geo_parse(types[t], s, &norm);
		if (rc == FORM_GEO_OK) {
			char *again = NULL;
			if (form_geo_check(types[t], norm, msg) != 0)
				fprintf(stderr, "'%s' -> '%s' refused: %s\n", s, norm, msg), abort();
			if (form_geo_parse(types[t], norm, &again) != FORM_GEO_OK || strcmp(again, norm))
				fprintf(stderr, "'%s' -> '%s' -> '%s'\n", s, norm, again ? again : ""),
					abort();
			int n = form_geo_read(norm, p, FORM_GEO_POINTS_MAX);
			if (n < 1)
				abort();
			for (int i = 0; i < n; i++)
				if (!(fabs(p[i].lat) <= 90 && fabs(p[i].lon) <= 180 && p[i].acc >= 0))
					abort();
			free(again);
		} else if (norm || rc <= 0 || rc >= FORM_GEO_NERRS) {
			abort();
		}
		free(norm);
		form_geo_check(types[t], s, msg);
	}
	int n = form_geo_read(s, p, FORM_GEO_POINTS_MAX);
	if (n > 0 && !(form_geo_area(p, n) >= 0 && form_geo_distance(p, n) >= 0))
		abort();
	free(p);
	free(s);
	return 0;
}
