/* geo_input.c: the location field of the question screen (geopoint, geotrace, geoshape) — a
 * typed field that takes only what coordinates are written with, the format line under it,
 * and what the saved answer means (the point in degrees, or the line's length, the area). */
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/geo.h"

int ui_geo_char_ok(wint_t c)
{
	static const wchar_t ok[] = L"0123456789 .,;:-+'\"NSEWnsewm\u00b0\u00ba\u2032\u2033\u2019\u201d";
	return c && wcschr(ok, (wchar_t)c) != NULL;
}

/* "42.87500° N, 74.60000° E, 1200 m, ±5 m" (altitude and accuracy only when not 0). */
static char *point_text(const form_geo_point *p)
{
	strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "%.5f° %c, %.5f° %c", p->lat < 0 ? -p->lat : p->lat, p->lat < 0 ? 'S' : 'N',
		p->lon < 0 ? -p->lon : p->lon, p->lon < 0 ? 'W' : 'E');
	if (p->alt != 0)
		sb_addf(&sb, ", %g m", p->alt);
	if (p->acc != 0)
		sb_addf(&sb, ", ±%g m", p->acc);
	return sb_detach(&sb);
}

void ui_geo_draw(struct ui *u, struct ui_body *b, const struct ui_field *fl, int i, int width)
{
	enum ui_msg fmt = fl->type == FORM_GEOPOINT ? UI_M_GEO_POINT_FORMAT
		: fl->type == FORM_GEOTRACE ? UI_M_GEO_TRACE_FORMAT : UI_M_GEO_SHAPE_FORMAT;
	ui_body_add(b, ui_tr(fmt), width, 2, A_DIM, i, -1);
	const char *v = engine_value(u->e, fl->path);
	if (!v || !*v || engine_state(u->e, fl->path) != STATE_ANSWERED || fl->te.dirty)
		return;
	form_geo_point *p = xcalloc(FORM_GEO_POINTS_MAX, sizeof *p);
	int n = form_geo_read(v, p, FORM_GEO_POINTS_MAX);
	char *line = NULL;
	if (n == 1 && fl->type == FORM_GEOPOINT) {
		char *pt = point_text(p);
		line = xasprintf(ui_tr(UI_M_GEO_POINT_SAVED), pt);
		free(pt);
	} else if (n >= 2 && fl->type == FORM_GEOTRACE) {
		line = xasprintf(ui_tr(UI_M_GEO_TRACE_SAVED), n, form_geo_distance(p, n));
	} else if (n >= 4 && fl->type == FORM_GEOSHAPE) {
		line = xasprintf(ui_tr(UI_M_GEO_SHAPE_SAVED), n - 1, form_geo_area(p, n));
	}
	if (line)
		ui_body_add(b, line, width, 2, A_DIM, i, -1);
	free(line);
	free(p);
}
