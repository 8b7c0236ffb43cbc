/* output.c: writing a report file safely — into a temporary file in the output's folder,
 * renamed over the output only when complete, so a reader never sees half a report. */
#include "report/report.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/outfile.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !ascii_casecmp(s + n - m, suffix);
}

int report_format_of(const char *path)
{
	if (ends_with(path, ".html") || ends_with(path, ".htm"))
		return REPORT_HTML;
	if (ends_with(path, ".md") || ends_with(path, ".markdown"))
		return REPORT_MD;
	if (ends_with(path, ".xlsx"))
		return REPORT_XLSX;
	return -1;
}

/* The folder of path (malloc'd); -1 with err when it is not an existing folder. */
static char *folder_of(const char *path, char *err)
{
	char *copy = xstrdup(path);
	char *dir = xstrdup(dirname(copy));
	free(copy);
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		errf(err, "cannot write '%s': folder '%s' does not exist", path, dir);
		free(dir);
		return NULL;
	}
	return dir;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int report_check_output(const char *path, char *err)
{
	if (report_format_of(path) < 0)
		return errf(err, "cannot tell the format of '%s': name it .html, .md or .xlsx", path);
	char *dir = folder_of(path, err);
	int ok = dir != NULL;
	free(dir);
	return ok ? 0 : -1;
}

int report_write(const report_doc *d, const char *path, char *err)
{
	int fmt = report_format_of(path);
	if (fmt < 0)
		return errf(err, "cannot tell the format of '%s': name it .html, .md or .xlsx", path);
	char *dir = folder_of(path, err);
	if (!dir)
		return -1;
	outfile o;
	if (outfile_begin(&o, path, err)) {
		free(dir);
		return -1;
	}
	int rc = 0;
	if (fmt == REPORT_XLSX) {
		close(o.fd);
		o.fd = -1;   /* libxlsxwriter writes the file by name */
		rc = report_xlsx(d, o.tmp, dir, err);
	} else {
		strbuf sb = STRBUF_INIT;
		if (fmt == REPORT_HTML)
			report_html(d, &sb);
		else
			report_md(d, &sb);
		if (write_all(o.fd, sb.buf ? sb.buf : "", sb.len))
			rc = errf(err, "cannot write '%s': %s", path, strerror(errno));
		sb_release(&sb);
	}
	if (!rc)
		rc = outfile_commit(&o, err);
	outfile_discard(&o);
	free(dir);
	return rc;
}
