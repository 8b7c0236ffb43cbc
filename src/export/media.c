/* media.c: the files attached to the exported interviews (photos, sounds, videos, documents),
 * written into a folder beside the data file — OUT without its extension, then "-media"
 * ("lsg.csv": "lsg-media/"), as ODK Briefcase writes its media folder — each under its own
 * file name, which is what the data's cell holds. Two different files of one name get
 * "NAME-2.EXT", "NAME-3.EXT" (Briefcase does the same); the same bytes are written once. */
#include "export/export_impl.h"

#include <errno.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "form/value.h"
#include "util/termsafe.h"
#include "store/attach.h"

/* A name written into the folder, and the bytes it holds. */
struct mname {
	char *name;
	char sha256[65];
};

/* The file an answer's cell names. */
struct mcell {
	char *uuid, *path;
	char *name;           /* the name in the folder */
};

struct xmedia {
	char *dir;            /* the folder */
	void *names;          /* tsearch tree of struct mname, by name */
	struct mcell *cells;  /* sorted by uuid, path once written */
	size_t ncells, cap;
	const char *db_path;  /* the input database: never written over */
	long long written;    /* files written */
	void *missed;         /* tsearch tree of "uuid/path" strings: media cells naming a file
	                         the database lacks (imported), each counted once */
	long long missing;    /* their number */
	char *err;            /* the caller's, while writing */
};

static int name_cmp(const void *a, const void *b)
{
	return strcmp(((const struct mname *)a)->name, ((const struct mname *)b)->name);
}

static int cell_cmp(const void *a, const void *b)
{
	const struct mcell *x = a, *y = b;
	int c = strcmp(x->uuid, y->uuid);
	return c ? c : strcmp(x->path, y->path);
}

/* The folder beside out_path: its name without the extension, then "-media". */
static char *media_dir(const char *out_path)
{
	const char *slash = strrchr(out_path, '/');
	const char *dot = strrchr(out_path, '.');
	if (!dot || (slash && dot < slash) || dot == (slash ? slash + 1 : out_path))
		return xasprintf("%s-media", out_path);
	return xasprintf("%.*s-media", (int)(dot - out_path), out_path);
}

/* name, or "STEM-K.EXT" for the K-th different file of that name. malloc'd. */
static char *numbered(const char *name, int k)
{
	if (k < 2)
		return xstrdup(name);
	const char *dot = strrchr(name, '.');
	if (!dot || dot == name)
		return xasprintf("%s-%d", name, k);
	return xasprintf("%.*s-%d%s", (int)(dot - name), name, k, dot);
}

/* Make the folder when absent; an existing one must be a folder itself, not a link. */
static int make_dir(struct xmedia *x, char *err)
{
	struct stat sb;
	if (lstat(x->dir, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return 0;
		return errf(err, "cannot write the attached files into '%s': it exists and is not "
			    "a folder; move it away or choose another output file", x->dir);
	}
	if (mkdir(x->dir, 0777) != 0)
		return errf(err, "cannot make the folder '%s' for the attached files: %s", x->dir,
			    strerror(errno));
	return 0;
}

static int write_file(struct xmedia *x, const char *name, const store_attachment *a,
		      char *err)
{
	char *path = xasprintf("%s/%s", x->dir, name);
	outfile o;
	int rc = outfile_check("output", path, "input database", x->db_path, OUTFILE_DB, err) ||
		 outfile_begin(&o, path, err);
	if (!rc) {
		const unsigned char *p = a->bytes;
		size_t left = a->size;
		while (left > 0 && !rc) {
			ssize_t n = write(o.fd, p, left);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				rc = errf(err, "cannot write '%s': %s", path, strerror(errno));
			else
				p += n, left -= (size_t)n;
		}
		if (!rc)
			rc = outfile_commit(&o, err);
		outfile_discard(&o);
	}
	free(path);
	return rc ? -1 : 0;
}

static int on_attachment(void *arg, const store_attachment *a)
{
	struct xmedia *x = arg;
	if (!termsafe_file_name_ok(a->name))
		return 0;   /* never a path outside the folder (merge refuses such names) */
	char *name = NULL;
	for (int k = 1; !name; k++) {
		struct mname key = { .name = numbered(a->name, k) };
		struct mname **found = tfind(&key, &x->names, name_cmp);
		if (!found) {
			if (!termsafe_file_name_ok(key.name) || (!x->written && make_dir(x, x->err)) ||
			    write_file(x, key.name, a, x->err)) {
				free(key.name);
				return -1;
			}
			struct mname *n = xcalloc(1, sizeof *n);
			n->name = key.name;
			snprintf(n->sha256, sizeof n->sha256, "%s", a->sha256);
			if (!tsearch(n, &x->names, name_cmp))
				abort();
			x->written++;
			name = n->name;
		} else if (strcmp((*found)->sha256, a->sha256) == 0) {
			free(key.name);
			name = (*found)->name;   /* the same bytes: written already */
		} else {
			free(key.name);
		}
	}
	if (x->ncells == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 64;
		x->cells = xreallocarray(x->cells, x->cap, sizeof *x->cells);
	}
	struct mcell *c = &x->cells[x->ncells++];
	c->uuid = xstrdup(a->uuid);
	c->path = xstrdup(a->path);
	c->name = xstrdup(name);
	return 0;
}

static void free_name(void *p)
{
	struct mname *n = p;
	free(n->name);
	free(n);
}

void xmedia_free(struct xmedia *x)
{
	if (!x)
		return;
	tdestroy(x->names, free_name);
	tdestroy(x->missed, free);
	for (size_t i = 0; i < x->ncells; i++) {
		free(x->cells[i].uuid);
		free(x->cells[i].path);
		free(x->cells[i].name);
	}
	free(x->cells);
	free(x->dir);
	free(x);
}

int xmedia_write(store *st, const xmodel *m, const char *out_path, struct xmedia **out,
		 char *err)
{
	*out = NULL;
	int any = 0;
	for (int q = 0; q < m->nq && !any; q++)
		any = form_type_is_media(m->qs[q].type);
	if (!any)
		return 0;
	struct xmedia *x = xcalloc(1, sizeof *x);
	x->dir = media_dir(out_path);
	x->db_path = store_path(st);
	x->err = err;
	int rc = store_attachments_scan(st, m->form_id, on_attachment, x, err);
	if (rc) {
		xmedia_free(x);
		return -1;
	}
	if (x->ncells)
		qsort(x->cells, x->ncells, sizeof *x->cells, cell_cmp);
	x->err = NULL;
	*out = x;
	return 0;
}

const char *xmedia_cell(struct xmedia *x, const char *uuid, const char *path,
			const char *value)
{
	if (!x || !value || !*value)
		return value;
	struct mcell key = { .uuid = (char *)uuid, .path = (char *)path };
	const struct mcell *c = x->ncells ? bsearch(&key, x->cells, x->ncells, sizeof *x->cells,
						    cell_cmp) : NULL;
	if (c)
		return c->name;
	char *k = xasprintf("%s/%s", uuid, path);
	char **got = tsearch(k, &x->missed, (int (*)(const void *, const void *))strcmp);
	if (!got)
		abort();
	if (*got != k)
		free(k);
	else
		x->missing++;
	return value;
}

const char *xmedia_file(struct xmedia *x, const char *uuid, const char *path)
{
	if (!x || !x->ncells)
		return NULL;
	struct mcell key = { .uuid = (char *)uuid, .path = (char *)path };
	const struct mcell *c = bsearch(&key, x->cells, x->ncells, sizeof *x->cells, cell_cmp);
	return c ? c->name : NULL;
}

void xmedia_counts(const struct xmedia *x, long long *written, long long *missing,
		   const char **dir)
{
	*written = x ? x->written : 0;
	*missing = x ? x->missing : 0;
	*dir = x && x->written ? x->dir : NULL;
}
