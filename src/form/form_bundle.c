/* form_bundle.c: a questionnaire stored with its media files as one source (source_kind
 * "bundle"): a zip made with libzip whose first entry is the form file under its own name and
 * whose other entries are "media/FILE". Entries are stored uncompressed with a fixed date, so
 * the same form and media always give the same bytes (and the same sha256 in `forms`). */
#include "form/form_impl.h"
#include "form/sheets_impl.h"
#include "util/readall.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define MEDIA_PREFIX "media/"

static int zip_fail(zip_t *za, const char *what, char *err)
{
	errf(err, "cannot %s the questionnaire's bundle: %s", what, zip_strerror(za));
	return -1;
}

/* readall_fn for an open zip entry and for a zip source. */
static long long zip_file_read(void *src, char *buf, size_t n)
{
	return zip_fread(src, buf, n);
}

static long long zip_source_read_fn(void *src, char *buf, size_t n)
{
	return zip_source_read(src, buf, n);
}

/* Add bytes as entry `name`, stored, dated 1980-01-01. */
static int add_entry(zip_t *za, const char *name, const void *data, size_t len, char *err)
{
	zip_source_t *s = zip_source_buffer(za, len ? data : "", len, 0);
	if (!s)
		return zip_fail(za, "make", err);
	zip_int64_t i = zip_file_add(za, name, s, ZIP_FL_ENC_UTF_8);
	if (i < 0) {
		zip_source_free(s);
		return zip_fail(za, "make", err);
	}
	if (zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0) < 0 ||
	    zip_file_set_dostime(za, (zip_uint64_t)i, 0, (1 << 5) | 1, 0) < 0)
		return zip_fail(za, "make", err);
	return 0;
}

/* A zip archive over the buffer data..len (NULL, 0: an empty one) opened with flags, and in
 * *src the buffer's source; NULL with err ("what: libzip's reason") when it cannot be. */
static zip_t *zip_over(const void *data, size_t len, int flags, zip_source_t **src,
		       const char *what, char *err)
{
	zip_error_t ze;
	zip_error_init(&ze);
	*src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *za = *src ? zip_open_from_source(*src, flags, &ze) : NULL;
	if (!za) {
		errf(err, "%s: %s", what, zip_error_strerror(&ze));
		zip_source_free(*src);
	}
	zip_error_fini(&ze);
	return za;
}

int form_bundle_make(const char *name, const void *src, size_t len, const form *f,
		void **out, size_t *outlen, char *err)
{
	zip_source_t *buf;
	zip_t *za = zip_over(NULL, 0, ZIP_CREATE | ZIP_TRUNCATE, &buf,
			     "cannot make the questionnaire's bundle", err);
	if (!za)
		return -1;
	zip_source_keep(buf);
	int rc = add_entry(za, name, src, len, err);
	for (int i = 0; !rc && i < f->nmedia; i++) {
		char *entry = xasprintf(MEDIA_PREFIX "%s", f->media[i].name);
		rc = add_entry(za, entry, f->media[i].data, f->media[i].len, err);
		free(entry);
	}
	if (rc) {
		zip_discard(za);
		zip_source_free(buf);
		return -1;
	}
	if (zip_close(za) < 0) {
		rc = zip_fail(za, "make", err);
		zip_discard(za);
		zip_source_free(buf);
		return rc;
	}
	zip_stat_t st;
	strbuf sb = STRBUF_INIT;
	if (zip_source_stat(buf, &st) < 0 || zip_source_open(buf) < 0) {
		zip_source_free(buf);
		return errf(err, "cannot read the questionnaire's bundle back");
	}
	rc = readall(&sb, zip_source_read_fn, buf, (size_t)-1);
	zip_source_close(buf);
	zip_source_free(buf);
	if (rc)
		return errf(err, "cannot read the questionnaire's bundle back");
	*outlen = sb.len;
	*out = sb_detach(&sb);
	return 0;
}

int form_source(const form *f, const char *path, void **bytes, size_t *len, const char **kind,
		char *err)
{
	*kind = workbook_kind(path);
	if (!*kind)
		return errf(err, "cannot tell the format of '%s' (.xlsx, .xls, .csv or .md)", path);
	size_t n;
	char *data = read_file(path, &n, err);
	if (!data)
		return -1;
	if (!f->nmedia) {
		*bytes = data;
		*len = n;
		return 0;
	}
	const char *base = strrchr(path, '/');
	int rc = form_bundle_make(base ? base + 1 : path, data, n, f, bytes, len, err);
	free(data);
	*kind = "bundle";
	return rc;
}

/* Read entry i whole, at most max bytes; NULL with err. */
static char *read_entry(zip_t *za, zip_uint64_t i, const char *name, size_t max, size_t *len,
		char *err)
{
	zip_file_t *zf = zip_fopen_index(za, i, 0);
	if (!zf) {
		errf(err, "damaged bundle: %s", zip_strerror(za));
		return NULL;
	}
	strbuf sb = STRBUF_INIT;
	int rc = readall(&sb, zip_file_read, zf, max);
	if (rc == READALL_TOO_LARGE)
		errf(err, "bundle entry '%s' is too large", name);
	else if (rc)
		errf(err, "damaged bundle: %s", zip_file_strerror(zf));
	zip_fclose(zf);
	if (rc)
		return NULL;
	*len = sb.len;
	return sb_detach(&sb);
}

void form_bundle_release(form_bundle *b)
{
	free(b->name);
	free(b->data);
	for (int i = 0; i < b->nmedia; i++) {
		free(b->media[i].name);
		free(b->media[i].data);
	}
	free(b->media);
	memset(b, 0, sizeof *b);
}

int form_bundle_open(const void *data, size_t len, form_bundle *b, char *err)
{
	memset(b, 0, sizeof *b);
	zip_source_t *src;
	zip_t *za = zip_over(data, len, ZIP_RDONLY, &src, "damaged bundle", err);
	if (!za)
		return -1;
	zip_int64_t n = zip_get_num_entries(za, 0);
	size_t total = 0;
	int rc = 0;
	if (n < 1 || n > FORM_MEDIA_MAX_FILES + 1)
		rc = errf(err, "damaged bundle: %lld entries", (long long)n);
	for (zip_int64_t i = 0; !rc && i < n; i++) {
		const char *name = zip_get_name(za, (zip_uint64_t)i, 0);
		if (!name) {
			rc = errf(err, "damaged bundle: %s", zip_strerror(za));
			break;
		}
		int media = !strncmp(name, MEDIA_PREFIX, strlen(MEDIA_PREFIX));
		if ((i == 0) == media || strchr(media ? name + strlen(MEDIA_PREFIX) : name, '/')) {
			rc = errf(err, "damaged bundle: unexpected entry at %lld", (long long)i);
			break;
		}
		size_t max = media ? FORM_MEDIA_MAX_FILE : SHEETS_MAX_FILE, got;
		if (media && max > FORM_MEDIA_MAX_TOTAL - total)
			max = FORM_MEDIA_MAX_TOTAL - total;
		char *bytes = read_entry(za, (zip_uint64_t)i, name, max, &got, err);
		if (!bytes) {
			rc = -1;
			break;
		}
		if (!media) {
			b->name = xstrdup(name);
			b->data = bytes;
			b->len = got;
			continue;
		}
		total += got;
		b->media = xreallocarray(b->media, (size_t)b->nmedia + 1, sizeof *b->media);
		b->media[b->nmedia].name = xstrdup(name + strlen(MEDIA_PREFIX));
		b->media[b->nmedia].data = bytes;
		b->media[b->nmedia].len = got;
		b->nmedia++;
	}
	zip_discard(za);
	if (!rc && !workbook_kind(b->name))
		rc = errf(err, "damaged bundle: '%s' is not a questionnaire file", b->name);
	if (rc)
		form_bundle_release(b);
	return rc;
}
