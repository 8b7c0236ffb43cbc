/* fuzz_xlsx.c: libFuzzer harness for the .xlsx reader (workbook_read_mem). An input that starts
 * with "PK" is read as it is; any other input is split at NUL bytes into the XML of a worksheet,
 * shared strings, styles and workbook (defaults for the parts left out), which are packed into
 * an uncompressed zip first, so that mutations reach the XML handlers. */
#include <zip.h>

#include "fuzz_sheets.h"

#define MAIN_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static const char *const names[] = {
	"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml",
};
static const char *const defaults[] = {
	"<worksheet " MAIN_NS "><sheetData/></worksheet>",
	"<sst " MAIN_NS "/>",
	"<styleSheet " MAIN_NS "/>",
	"<workbook " MAIN_NS "><sheets><sheet name=\"survey\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
	"</workbook>",
};
static const char rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" REL "sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL "styles\" Target=\"styles.xml\"/></Relationships>";

static void add(zip_t *za, const char *name, const void *data, size_t len)
{
	zip_source_t *s = zip_source_buffer(za, data, len, 0);
	zip_int64_t i = s ? zip_file_add(za, name, s, 0) : -1;
	if (i < 0 || zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0))
		abort();
}

static void read_parts(const unsigned char *data, size_t len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (!za)
		abort();
	const unsigned char *p = data, *end = data + len;
	for (int i = 0; i < 4; i++) {
		const unsigned char *z = p < end ? memchr(p, 0, (size_t)(end - p)) : NULL;
		const unsigned char *e = z ? z : end;
		if (p < end)
			add(za, names[i], p, (size_t)(e - p));
		else
			add(za, names[i], defaults[i], strlen(defaults[i]));
		p = z ? z + 1 : end;
	}
	add(za, "xl/_rels/workbook.xml.rels", rels, sizeof rels - 1);
	if (zip_close(za) || zip_source_open(src) || zip_source_seek(src, 0, SEEK_END))
		abort();
	zip_int64_t n = zip_source_tell(src);
	char *buf = xmalloc((size_t)n);
	if (zip_source_seek(src, 0, SEEK_SET) || zip_source_read(src, buf, (zip_uint64_t)n) != n)
		abort();
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	fuzz_sheets_read("xlsx", buf, (size_t)n);
	free(buf);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t len)
{
	if (len >= 2 && data[0] == 'P' && data[1] == 'K')
		fuzz_sheets_read("xlsx", data, len);
	else
		read_parts(data, len);
	return 0;
}
