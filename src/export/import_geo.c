/* import_geo.c: a geopoint read from split columns — "NAME_latitude", "NAME_longitude",
 * "NAME_altitude", "NAME_precision" (KoboToolbox writes them with a leading '_', survey's export
 * without), ODK Central's "NAME-Latitude" ... "NAME-Accuracy" — joined back into ODK's
 * "lat lon alt acc" when the combined column is absent or empty. */
#include "export/import_impl.h"

#include <stdlib.h>
#include <string.h>

/* The ends a part's column has: KoboToolbox's and survey's, then ODK Central's. */
static const char *const ends[XGEO_NPARTS][3] = {
	{ "_latitude", "-Latitude", NULL }, { "_longitude", "-Longitude", NULL },
	{ "_altitude", "-Altitude", NULL }, { "_precision", "-Accuracy", "_accuracy" },
};

int import_geo_column(import_job *job, ifile *F, const char *h, int c,
		      int (*node_by_header)(const form *, const char *, size_t))
{
	const form *f = job->f;
	size_t n = strlen(h);
	for (int k = 0; k < XGEO_NPARTS; k++) {
		for (int e = 0; e < 3 && ends[k][e]; e++) {
			size_t sl = strlen(ends[k][e]);
			if (n <= sl || strcmp(h + n - sl, ends[k][e]) != 0)
				continue;
			size_t bl = n - sl;
			int node = node_by_header(f, h, bl);
			if ((node < 0 || f->nodes[node].type != FORM_GEOPOINT) && h[0] == '_' && bl > 1)
				node = node_by_header(f, h + 1, bl - 1);
			if (node < 0 || f->nodes[node].type != FORM_GEOPOINT)
				continue;
			int r = f->nodes[node].repeat;
			if ((r >= 0 ? r : 0) != F->repeat)
				return -1;
			if (!F->geo_cols) {
				F->geo_cols = xcalloc((size_t)f->nnodes * XGEO_NPARTS, sizeof(int));
				for (int i = 0; i < f->nnodes * XGEO_NPARTS; i++)
					F->geo_cols[i] = -1;
			}
			if (F->geo_cols[node * XGEO_NPARTS + k] < 0)
				F->geo_cols[node * XGEO_NPARTS + k] = c;
			F->cols[c].kind = C_GEO;
			F->cols[c].node = node;
			F->cols[c].choice = k;
			return 0;
		}
	}
	return -1;
}

char *import_geo_join(const ifile *F, int row, int node, int *col)
{
	if (!F->geo_cols)
		return NULL;
	const int *gc = &F->geo_cols[node * XGEO_NPARTS];
	const char *part[XGEO_NPARTS];
	int any = 0;
	for (int k = 0; k < XGEO_NPARTS; k++) {
		part[k] = gc[k] >= 0 ? F->doc.rows[row][gc[k]] : "";
		any |= part[k][0] != 0;
	}
	if (!any)
		return NULL;
	*col = gc[0] >= 0 ? gc[0] : gc[1];
	strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "%s %s %s %s", part[0], part[1], *part[2] ? part[2] : "0",
		*part[3] ? part[3] : "0");
	return sb_detach(&sb);
}
