/* attach.h: files attached to answers (image, audio, video and file questions) — kept inside
 * the database with their interview (table attachments, schema 5), read back for export. */
#ifndef SURVEY_STORE_ATTACH_H
#define SURVEY_STORE_ATTACH_H

#include <stddef.h>

#include "store/store.h"

/* No attachment is larger than this, whatever --max-attachment says: merge refuses a file
 * that holds one (SQLite's value limit on an input is 64 MiB). */
#define STORE_ATTACH_HARD_MAX (64LL * 1024 * 1024)
/* The default of --max-attachment (run, merge). */
#define STORE_ATTACH_DEFAULT_MAX (20LL * 1024 * 1024)

/* The media type of a file name, from its extension ("photo.JPG": "image/jpeg");
 * "application/octet-stream" when unknown. A static string. */
const char *store_media_type(const char *name);

/* Attach len bytes as the file `name` to the answer at `path` of the interview: the
 * attachments row (its SHA-256, size, media type) and an "attached" event whose new_value is
 * "SHA256 NAME". The caller then sets the answer's value to name (store_iv_set): inside one
 * store batch the three are one transaction. name must be a plain file name
 * (termsafe_file_name_ok); len at most STORE_ATTACH_HARD_MAX. 0, or -1 with err. */
int store_iv_attach(store_iv *iv, const char *path, const char *name, const void *bytes,
		    size_t len, char *err);

/* One attachment as export reads it. Borrowed: valid during the callback only. */
typedef struct store_attachment {
	const char *uuid;       /* the interview */
	const char *path;       /* the answer's path, "grp[2]/photo" */
	const char *name;       /* the file name, as the answer's value */
	const char *media_type;
	const char *sha256;     /* hex */
	const void *bytes;
	size_t size;
} store_attachment;
typedef int (*store_attachment_fn)(void *arg, const store_attachment *a);
/* Visit the attachment each answered media answer of the completed interviews of form_id
 * names — the bytes its interview's last "attached" event at that path gave that name —
 * oldest interview first, then by path. An answer whose file is not in the database (an
 * import from a CSV) is passed over. Returns 0, fn's non-zero value, or -1 with err. */
int store_attachments_scan(store *st, const char *form_id, store_attachment_fn fn, void *arg,
			   char *err);

#endif
