/* geo_cols.c: a geopoint's four columns in exports, as KoboToolbox splits them (NAME_latitude,
 * NAME_longitude, NAME_altitude, NAME_precision) beside the combined ODK text; each part is
 * a plain number or nothing. */
#include "export/export_impl.h"

#include <string.h>

const char *const xgeo_suffix[XGEO_NPARTS] = { "latitude", "longitude", "altitude", "precision" };

const char *xgeo_part(const char *v, int k)
{
	static char buf[128];
	if (!v || !*v || strchr(v, ';') || k < 0 || k >= XGEO_NPARTS)
		return NULL;
	const char *p = v;
	for (int i = 0; i < k; i++) {
		p += strcspn(p, " ");
		if (!*p)
			return NULL;
		p++;
	}
	size_t n = strcspn(p, " ");
	if (!n || n >= sizeof buf)
		return NULL;
	memcpy(buf, p, n);
	buf[n] = 0;
	/* -?D+(.D+)? : a number JSON, CSV readers and .sav all read the same way */
	const char *q = buf + (*buf == '-');
	size_t d = strspn(q, "0123456789");
	if (!d || (q[d] && (q[d] != '.' || !q[d + 1] || q[d + 1 + strspn(q + d + 1, "0123456789")])))
		return NULL;
	return buf;
}

int xgeo_is_point(const xmodel *m, const char *path)
{
	strbuf sb = STRBUF_INIT;
	for (const char *p = path; *p; p++) {
		if (*p == '[')
			p += strcspn(p, "]");
		else
			sb_addc(&sb, *p);
	}
	int q = xmodel_find(m, sb_str(&sb), sb.len);
	sb_release(&sb);
	return q >= 0 && m->qs[q].type == FORM_GEOPOINT && !m->qs[q].mixed;
}
