/* outfile.h: output files that never overwrite an input and appear whole or not at all — the
 * same-file check every writing command makes before it opens anything, and a temporary file
 * beside the output, synced and renamed over it only once complete. */
#ifndef SURVEY_OUTFILE_H
#define SURVEY_OUTFILE_H

/* ---- an output is not an input ---------------------------------------------------------- */

/* 1 when a and b name the same file: the same device and inode when both exist, else the same
 * absolute path once links are resolved (realpath() of the path, or of its folder plus its last
 * name when it does not exist), so "x", "./x", "/abs/x", a symlink to x and a hard link of x
 * are all x. 0 otherwise. */
int outfile_same(const char *a, const char *b);

/* 0 when path does not exist or is a regular file (or a link to one); -1 with err when it is
 * something else, which must not be replaced or written as a file (a device such as /dev/null,
 * a FIFO, a socket, a folder):
 *   cannot write '/dev/null': not a regular file; give a file name */
int outfile_regular(const char *path, char *err);

/* The input is a database: its journal files (IN-wal, IN-shm, IN-journal) are the input too. */
#define OUTFILE_DB 1

/* May out be written while in is read? outfile_regular(out), then -1 with err when out is the
 * same file as in (or, with OUTFILE_DB in flags, as one of in's journal files). opt is how the
 * command line names the output ("-o", "--db"), what names the input ("input database",
 * "report spec"):
 *   the input database 'lsg.db' is the output file (-o './lsg.db'); choose another output file
 * Touches nothing: call it before opening either file. */
int outfile_check(const char *opt, const char *out, const char *what, const char *in, int flags,
		  char *err);

/* ---- written whole or not at all ---------------------------------------------------------- */

/* An output being written under a temporary name in its folder. */
typedef struct outfile {
	char *path;   /* the output, as given */
	char *tmp;    /* the temporary file beside it; NULL once renamed or removed */
	int fd;       /* open for writing on tmp; -1 once closed (a writer may close it and write
	                 tmp by name: SQLite, libxlsxwriter, a FILE from fdopen) */
} outfile;

/* Create the temporary file for path: ".NAME.tmp-XXXXXX" in path's folder, with the mode an
 * ordinary new file gets (0666 less the umask). -1 with err, nothing created: the name ends in
 * '/', the folder does not exist, path is not a regular file, the folder is not writable. */
int outfile_begin(outfile *o, const char *path, char *err);
/* Sync the temporary file to disk (through fd, closed here, or by name when fd is -1), rename
 * it over path and sync the folder. -1 with err on any failure, the temporary file removed and
 * path left as it was (unless only the folder's sync failed, after the rename). */
int outfile_commit(outfile *o, char *err);
/* Close and remove the temporary file if it is still there, and free o's strings. Safe after
 * outfile_commit, after a failed outfile_begin and on a zeroed outfile. */
void outfile_discard(outfile *o);

#endif
