/* form_media_json.c: a GeoJSON media file (select_one_from_file FILE.geojson) read with jansson
 * into a table, as ODK Collect reads it: one row per feature of a FeatureCollection, with the
 * feature's `id`, its properties as columns and its geometry as ODK's text ("lat lon alt acc",
 * points joined by ';'). */
#include "form/form_impl.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* A scalar as text (numbers as XLSForm writes them); 0, or -1 for objects and arrays. */
static int scalar_text(const json_t *v, strbuf *out)
{
	char buf[32];
	switch (json_typeof(v)) {
	case JSON_STRING:
		sb_add(out, json_string_value(v), json_string_length(v));
		return 0;
	case JSON_INTEGER:
		sb_addf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return 0;
	case JSON_REAL:
		sb_adds(out, cnum_text(buf, json_real_value(v), 15, NULL));
		return 0;
	case JSON_TRUE: sb_adds(out, "true"); return 0;
	case JSON_FALSE: sb_adds(out, "false"); return 0;
	case JSON_NULL: return 0;
	default: return -1;
	}
}

/* One position [lon, lat, alt?] as "lat lon alt 0"; -1 when it is not one. */
static int position(const json_t *p, strbuf *out)
{
	if (!json_is_array(p) || json_array_size(p) < 2)
		return -1;
	double c[3] = { 0, 0, 0 };
	for (size_t i = 0; i < 3 && i < json_array_size(p); i++) {
		const json_t *x = json_array_get(p, i);
		if (!json_is_number(x))
			return -1;
		c[i] = json_number_value(x);
	}
	if (fabs(c[1]) > 90 || fabs(c[0]) > 180)
		return -1;
	char a[32], b[32], d[32];
	sb_addf(out, "%s %s %s 0", cnum_text(a, c[1], 15, NULL), cnum_text(b, c[0], 15, NULL),
		cnum_text(d, c[2], 15, NULL));
	return 0;
}

/* Point, LineString or Polygon (its outer ring) as ODK's geo text; -1 for anything else. */
static int geometry(const json_t *g, strbuf *out)
{
	const char *type = json_string_value(json_object_get(g, "type"));
	const json_t *co = json_object_get(g, "coordinates");
	if (!type || !co)
		return -1;
	if (!strcmp(type, "Point"))
		return position(co, out);
	if (!strcmp(type, "Polygon"))
		co = json_array_get(co, 0);
	else if (strcmp(type, "LineString") != 0)
		return -1;
	if (!json_is_array(co) || !json_array_size(co))
		return -1;
	for (size_t i = 0; i < json_array_size(co); i++) {
		if (i)
			sb_addc(out, ';');
		if (position(json_array_get(co, i), out) < 0)
			return -1;
	}
	return 0;
}

static int feature(form_tbuild *b, const json_t *ft, size_t k, char *err)
{
	strbuf sb = STRBUF_INIT;
	int rc = -1;
	if (!json_is_object(ft) || !json_is_object(json_object_get(ft, "geometry"))) {
		errf(err, "feature %zu is not a Feature with a geometry", k + 1);
		goto done;
	}
	if (form_tb_row(b, (int)k + 1, err) < 0)
		goto done;
	if (geometry(json_object_get(ft, "geometry"), &sb) < 0) {
		errf(err, "feature %zu: the geometry is not a Point, LineString or Polygon of "
		     "[longitude, latitude] positions", k + 1);
		goto done;
	}
	if (form_tb_set(b, "geometry", sb_str(&sb), sb.len, err) < 0)
		goto done;
	const json_t *id = json_object_get(ft, "id");
	sb_reset(&sb);
	if (id && scalar_text(id, &sb) == 0 && form_tb_set(b, "id", sb_str(&sb), sb.len, err) < 0)
		goto done;
	const json_t *props = json_object_get(ft, "properties");
	const char *key;
	json_t *v;
	if (json_is_object(props))
		json_object_foreach((json_t *)props, key, v) {
			sb_reset(&sb);
			if (strcmp(key, "geometry") != 0 && scalar_text(v, &sb) == 0 &&
			    form_tb_set(b, key, sb_str(&sb), sb.len, err) < 0)
				goto done;
		}
	rc = 0;
done:
	sb_release(&sb);
	return rc;
}

int form_media_geojson(const char *data, size_t len, form_table *t, char *err)
{
	json_error_t je;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		return errf(err, "line %d: %s", je.line, je.text);
	form_tbuild b;
	form_tb_init(&b, t);
	const json_t *fs = json_object_get(root, "features");
	const char *type = json_string_value(json_object_get(root, "type"));
	int rc = 0;
	if (!type || strcmp(type, "FeatureCollection") != 0 || !json_is_array(fs))
		rc = errf(err, "it is not a GeoJSON FeatureCollection with a 'features' list");
	for (size_t k = 0; !rc && k < json_array_size(fs); k++)
		rc = feature(&b, json_array_get(fs, k), k, err);
	json_decref(root);
	if (rc) {
		form_tb_release(&b);
		form_table_release(t);
		return -1;
	}
	if (form_tb_finish(&b, err) < 0) {
		form_table_release(t);
		return -1;
	}
	return 0;
}
