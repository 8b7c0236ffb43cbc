/* outfile.c: output files that never overwrite an input (the same-file check) and appear whole
 * or not at all (a temporary file beside the output, synced, renamed over it, folder synced). */
#include "util/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/util.h"

/* The folder of path (malloc'd: "." when path has no '/'); *base points at its last name. */
static char *folder_of(const char *path, const char **base)
{
	const char *slash = strrchr(path, '/');
	*base = slash ? slash + 1 : path;
	if (!slash)
		return xstrdup(".");
	return xstrndup(path, (size_t)(slash - path) + (slash == path));
}

/* The absolute path of p with its links resolved: realpath(p), or when p does not exist the
 * realpath of its folder and p's last name. malloc'd; NULL when the folder does not resolve. */
static char *canonical(const char *p)
{
	char *r = realpath(p, NULL);
	if (r)
		return r;
	const char *base;
	char *dir = folder_of(p, &base);
	char *rdir = realpath(dir, NULL);
	free(dir);
	if (!rdir)
		return NULL;
	size_t n = strlen(rdir);
	char *out = xasprintf("%s%s%s", rdir, n && rdir[n - 1] == '/' ? "" : "/", base);
	free(rdir);
	return out;
}

int outfile_same(const char *a, const char *b)
{
	struct stat sa, sb;
	int ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
	if (ea && eb)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	if (ea != eb)
		return 0;   /* one exists, the other does not: two files */
	char *ca = canonical(a), *cb = canonical(b);
	int same = ca && cb ? strcmp(ca, cb) == 0 : strcmp(a, b) == 0;
	free(ca);
	free(cb);
	return same;
}

int outfile_regular(const char *path, char *err)
{
	struct stat st;
	if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
		return 0;
	if (S_ISDIR(st.st_mode))
		return errf(err, "cannot write '%s': it is a folder; give a file name", path);
	return errf(err, "cannot write '%s': not a regular file; give a file name", path);
}

int outfile_check(const char *opt, const char *out, const char *what, const char *in, int flags,
		  char *err)
{
	if (outfile_regular(out, err))
		return -1;
	if (outfile_same(out, in))
		return errf(err, "the %s '%s' is the output file (%s '%s'); choose another output "
			    "file", what, in, opt, out);
	if (!(flags & OUTFILE_DB))
		return 0;
	static const char *const journals[] = { "-wal", "-shm", "-journal" };
	for (int i = 0; i < 3; i++) {
		char *j = xasprintf("%s%s", in, journals[i]);
		int same = outfile_same(out, j);
		if (same)
			errf(err, "the %s '%s' has its journal '%s' as the output file (%s '%s'); "
			     "choose another output file", what, in, j, opt, out);
		free(j);
		if (same)
			return -1;
	}
	return 0;
}

int outfile_begin(outfile *o, const char *path, char *err)
{
	memset(o, 0, sizeof *o);
	o->fd = -1;
	const char *base;
	char *dir = folder_of(path, &base);
	struct stat st;
	int rc = 0;
	if (!*base)
		rc = errf(err, "cannot write '%s': it names a folder, not a file", path);
	else if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		rc = errf(err, "cannot write '%s': there is no folder '%s'", path, dir);
	else
		rc = outfile_regular(path, err);
	if (rc) {
		free(dir);
		return -1;
	}
	size_t n = strlen(dir);
	char *tmp = xasprintf("%s%s.%s.tmp-XXXXXX", dir, dir[n - 1] == '/' ? "" : "/", base);
	free(dir);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		errf(err, "cannot write '%s': %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	/* the mode an ordinary new file gets, not mkstemp's 0600 */
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		errf(err, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	o->path = xstrdup(path);
	o->tmp = tmp;
	o->fd = fd;
	return 0;
}

/* fsync a folder. */
static int sync_folder(const char *path, char *err)
{
	const char *base;
	char *dir = folder_of(path, &base);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int e = fd < 0 || fsync(fd) != 0 ? errno : 0;
	if (fd >= 0)
		close(fd);
	free(dir);
	if (e)
		return errf(err, "cannot write '%s' to disk: %s", path, strerror(e));
	return 0;
}

int outfile_commit(outfile *o, char *err)
{
	if (!o->tmp)
		return errf(err, "cannot write '%s': nothing was written", o->path ? o->path : "");
	int e = 0;
	if (o->fd >= 0) {
		if (fsync(o->fd) != 0)
			e = errno;
		if (close(o->fd) != 0 && !e)
			e = errno;
		o->fd = -1;
	} else {
		int fd = open(o->tmp, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || fsync(fd) != 0)
			e = errno;
		if (fd >= 0)
			close(fd);
	}
	if (!e && rename(o->tmp, o->path) != 0)
		e = errno;
	if (e) {
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
		return errf(err, "cannot write '%s': %s", o->path, strerror(e));
	}
	free(o->tmp);
	o->tmp = NULL;
	return sync_folder(o->path, err);
}

void outfile_discard(outfile *o)
{
	if (o->tmp) {
		if (o->fd >= 0)
			close(o->fd);
		unlink(o->tmp);
	}
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
	o->fd = -1;
}
