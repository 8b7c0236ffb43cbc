/* fuzz_media.c: libFuzzer harness for a questionnaire's media files and its stored bundle
 * (form_bundle.c, form_media*.c: CSV, expat XML, jansson GeoJSON). An input that starts with
 * "PK" is loaded as a bundle as it is; any other input is split at NUL bytes into the form
 * (pyxform .md), a.csv, b.xml and c.geojson (defaults for the parts left out), which are
 * bundled first, so that mutations reach the media readers. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form/form.h"
#include "util/util.h"

static const char *const names[] = { "f.md", "a.csv", "b.xml", "c.geojson" };
static const char *const defaults[] = {
	"| survey |\n| | type | name | label | calculation |\n"
	"| | select_one_from_file a.csv | a | A | |\n"
	"| | select_multiple_from_file b.xml | b | B | |\n"
	"| | select_one_from_file c.geojson | c | C | |\n"
	"| | calculate | d | | pulldata('a', 'label', 'name', ${a}) |\n"
	"| | calculate | e | | instance('b')/root/item[name=${a}]/label |\n",
	"name,label\nx,X\n",
	"<root><item><name>x</name><label>X</label></item></root>",
	"{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"x\","
	"\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},\"properties\":{\"title\":\"X\"}}]}",
};

static void load(const void *data, size_t len)
{
	form *f = NULL;
	form_diags d;
	char err[ERR_MAX];
	err[0] = '\0';
	form_diags_init(&d);
	if (form_load_mem("fuzz.md", "bundle", data, len, &f, &d, err) == 0) {
		struct strbuf sb = STRBUF_INIT;
		form_dump(f, &sb, 1);
		sb_release(&sb);
		for (int i = 0; i < f->ntables; i++)   /* every table is whole */
			for (size_t c = 0; c < (size_t)f->tables[i].nrows * f->tables[i].ncols; c++)
				if (!f->tables[i].cells[c])
					abort();
		form_free(f);
	} else if (!err[0]) {
		abort();   /* a failure says why */
	}
	form_diags_release(&d);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t len)
{
	if (len >= 2 && data[0] == 'P' && data[1] == 'K') {
		load(data, len);
		return 0;
	}
	const unsigned char *p = data, *end = data + len;
	const char *part[4];
	size_t plen[4];
	for (int i = 0; i < 4; i++) {
		const unsigned char *z = p < end ? memchr(p, 0, (size_t)(end - p)) : NULL;
		const unsigned char *e = z ? z : end;
		if (p < end) {
			part[i] = (const char *)p;
			plen[i] = (size_t)(e - p);
		} else {
			part[i] = defaults[i];
			plen[i] = strlen(defaults[i]);
		}
		p = z ? z + 1 : end;
	}
	form_media m[3];
	for (int i = 0; i < 3; i++) {
		m[i].name = (char *)names[i + 1];
		m[i].data = (char *)part[i + 1];
		m[i].len = plen[i + 1];
	}
	form f;
	memset(&f, 0, sizeof f);
	f.media = m;
	f.nmedia = 3;
	void *bundle;
	size_t n;
	char err[ERR_MAX];
	if (form_bundle_make(names[0], part[0], plen[0], &f, &bundle, &n, err))
		abort();
	load(bundle, n);
	free(bundle);
	return 0;
}
