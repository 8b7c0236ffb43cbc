/* merge_untrusted.c: a merge input is data, not a database to run — opened read-only and
 * immutable (a WAL-mode file, or one with a hot journal, through a private copy: nothing is
 * created beside it, read-only media work), with SQLite's defensive settings and a bound on the
 * work it may cost, and its whole schema compared with the one survey writes for its version
 * before a row is read. */
#include "store/merge_impl.h"
#include "store/record_schema.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/util.h"

/* SQLite's progress callback runs every this many virtual machine steps. */
#define STEPS_PER_CALL 1000
/* Budget: steps allowed per byte of the input, and a floor for small files. An honest file
 * costs about 0.25 steps a byte to check whole (74 million for a laptop file of 20,000
 * interviews, 306 MB; PRAGMA integrity_check is one step however large the file): 80 times
 * that, and never less than a fraction of a second, leaves room for any honest file. */
#define STEPS_PER_BYTE 20LL
#define STEPS_FLOOR 50000000LL
/* The private copy of a compact input (schema 8) counts as this many times its bytes. */
#define UNPACK_BYTES_FACTOR 8
/* The longest text or blob a survey file holds (an embedded questionnaire). */
#define MAX_VALUE_BYTES (64 * 1024 * 1024)

char *merge_uri(const char *path, int immutable)
{
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, path[0] == '/' ? "file://" : "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			sb_addf(&sb, "%%%02X", (unsigned char)*p);
		else
			sb_addc(&sb, *p);
	}
	sb_adds(&sb, immutable ? "?mode=ro&immutable=1" : "?mode=ro");
	return sb_detach(&sb);
}

static int budget_spent(void *arg)
{
	struct merge_check *c = arg;
	if (c->budget-- > 0)
		return 0;
	c->too_long = 1;
	return 1;
}

void merge_harden(sqlite3 *db)
{
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
	sqlite3_limit(db, SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES);
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 1);
}

static int copy_file(const char *from, const char *to, int must, char *err)
{
	int in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0) {
		if (!must && errno == ENOENT)
			return 0;
		return errf(err, "cannot read '%s': %s", from, strerror(errno));
	}
	int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out < 0) {
		errf(err, "cannot make a private copy of it: %s", strerror(errno));
		close(in);
		return -1;
	}
	char buf[65536];
	ssize_t got;
	int rc = 0;
	while ((got = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)got) != got) {
			rc = errf(err, "cannot make a private copy of it: %s", strerror(errno));
			break;
		}
	if (got < 0)
		rc = errf(err, "cannot read '%s': %s", from, strerror(errno));
	close(in);
	if (close(out) != 0 && !rc)
		rc = errf(err, "cannot make a private copy of it: %s", strerror(errno));
	return rc;
}

/* A WAL-mode input: its last commits may be in PATH-wal, which an immutable reader ignores and
 * a plain reader would read through a PATH-shm it creates beside it. An input copied while it
 * was being written has a hot PATH-journal, which an immutable reader ignores too (and would
 * read a half-written transaction). Copy the file and its -wal or -journal into a private
 * folder and let SQLite finish there: PRAGMA journal_mode=DELETE checkpoints the log or rolls
 * the journal back. */
static int private_copy(struct merge_check *c, off_t *size, char *err)
{
	char *dir = store_tmpdir("merge", "cannot make a private copy of it", err);
	if (!dir)
		return -1;
	c->tmpdir = dir;
	char *db = xasprintf("%s/input.db", dir);
	int rc = copy_file(c->path, db, 1, err);
	for (int i = 0; i < 2 && !rc; i++) {
		const char *suffix = i ? "-journal" : "-wal";
		char *from = xasprintf("%s%s", c->path, suffix), *to = xasprintf("%s%s", db, suffix);
		rc = copy_file(from, to, 0, err);
		free(from);
		free(to);
	}
	sqlite3 *s = NULL;
	if (!rc) {
		if (sqlite3_open_v2(db, &s, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
		    SQLITE_OK) {
			rc = errf(err, "cannot read it: %s", s ? sqlite3_errmsg(s) : "out of memory");
		} else {
			merge_harden(s);
			/* a scratch copy: nothing to make durable */
			rc = store_exec(s, "PRAGMA synchronous=OFF; PRAGMA journal_mode=DELETE",
					"it is damaged", err);
		}
		sqlite3_close(s);
	}
	struct stat sb;
	if (!rc && stat(db, &sb) != 0)
		rc = errf(err, "cannot read its private copy: %s", strerror(errno));
	if (!rc) {
		*size = sb.st_size;   /* with the log folded in */
		c->uri = merge_uri(db, 1);
	}
	free(db);
	return rc;
}

/* Has path a non-empty PATH-journal beside it (a copy taken while it was being written), or
 * with suffix "-wal" a log holding commits? */
static int has_beside(const char *path, const char *suffix)
{
	char *j = xasprintf("%s%s", path, suffix);
	struct stat sb;
	int has = stat(j, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0;
	free(j);
	return has;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

void merge_untrusted_remove(struct merge_check *c)
{
	if (c->tmpdir)
		nftw(c->tmpdir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
	free(c->tmpdir);
	free(c->uri);
	c->tmpdir = c->uri = NULL;
}

/* Open uri with the defences and c's budget for size bytes. */
static int open_hardened(struct merge_check *c, const char *uri, int flags, off_t size,
			 sqlite3 **db, char *err)
{
	if (sqlite3_open_v2(uri, db, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		errf(err, "cannot read it: %s", *db ? sqlite3_errmsg(*db) : "out of memory");
		sqlite3_close(*db);
		*db = NULL;
		return -1;
	}
	merge_harden(*db);
	sqlite3_extended_result_codes(*db, 0);
	long long steps = (long long)size * STEPS_PER_BYTE;
	c->budget = (steps < STEPS_FLOOR ? STEPS_FLOOR : steps) / STEPS_PER_CALL;
	sqlite3_progress_handler(*db, STEPS_PER_CALL, budget_spent, c);
	return 0;
}

int merge_untrusted_private(struct merge_check *c, int compact, sqlite3 **db, char *err)
{
	*db = NULL;
	off_t size = c->sb.st_size;
	if (!c->tmpdir) {
		free(c->uri);
		c->uri = NULL;
		if (private_copy(c, &size, err))
			return -1;
	}
	char *file = xasprintf("%s/input.db", c->tmpdir);   /* a name, not a URI */
	/* its work is proportional to its rows: a file of schema 8 holds ~7 times as many per byte
	 * as one of schema 7, and they are all written again here (merge_unpack_8_to_7) */
	int rc = open_hardened(c, file, SQLITE_OPEN_READWRITE,
			       compact ? size * UNPACK_BYTES_FACTOR : size, db, err);
	free(file);
	/* a scratch copy, thrown away on any failure: nothing to make durable or to roll back;
	 * ours alone in a private folder (nothing truncates it under a mapping), so read through
	 * a memory map rather than a copy of every page it reads */
	return rc || store_exec(*db, "PRAGMA synchronous=OFF; PRAGMA journal_mode=OFF; "
				"PRAGMA cache_size=-65536; PRAGMA mmap_size=4294967296",
				"cannot read it", err) ? -1 : 0;
}

int merge_untrusted_open(struct merge_check *c, sqlite3 **db, char *err)
{
	*db = NULL;
	unsigned char h[20];
	int fd = open(c->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errf(err, "cannot read it: %s", strerror(errno));
	ssize_t got = read(fd, h, sizeof h);
	close(fd);
	if (got != (ssize_t)sizeof h)
		return errf(err, "cannot read it: file is truncated");
	off_t size = c->sb.st_size;
	/* A WAL-mode file without a log (or with an empty one) holds all its commits: read in
	 * place, as SQLite reads it immutable in rollback mode; copying it cost as much as the
	 * merge's copy of its rows. */
	if (((h[18] == 2 || h[19] == 2) && has_beside(c->path, "-wal")) ||
	    has_beside(c->path, "-journal")) {
		if (private_copy(c, &size, err))
			return -1;
	} else {
		c->uri = merge_uri(c->path, 1);
	}
	return open_hardened(c, c->uri, SQLITE_OPEN_READONLY, size, db, err);
}

/* "a table", "an index". */
static const char *article(const char *type)
{
	return type && type[0] && strchr("aeiou", type[0]) ? "an" : "a";
}

/* The first row of sqlite_schema that differs, for the message ("" when none). */
static void describe(sqlite3_stmt *got, int got_row, sqlite3_stmt *want, int want_row,
		     char *out, size_t outsz)
{
	char name[80], type[24];
	if (got_row) {
		store_printable((const char *)sqlite3_column_text(got, 1), name, sizeof name);
		store_printable((const char *)sqlite3_column_text(got, 0), type, sizeof type);
	}
	if (got_row && want_row) {
		const char *gt = (const char *)sqlite3_column_text(got, 0);
		const char *gn = (const char *)sqlite3_column_text(got, 1);
		const char *wt = (const char *)sqlite3_column_text(want, 0);
		const char *wn = (const char *)sqlite3_column_text(want, 1);
		int c = gt && wt ? strcmp(gt, wt) : 0;
		if (!c && gn && wn)
			c = strcmp(gn, wn);
		if (c < 0) {
			snprintf(out, outsz, "it has %s %s '%s' survey does not make", article(type),
				 type, name);
			return;
		}
		if (c > 0) {
			store_printable(wn, name, sizeof name);
			snprintf(out, outsz, "it lacks the %s '%s'", wt, name);
			return;
		}
		snprintf(out, outsz, "its %s '%s' is not declared as survey declares it", type, name);
	} else if (got_row) {
		snprintf(out, outsz, "it has %s %s '%s' survey does not make", article(type), type,
			 name);
	} else {
		store_printable((const char *)sqlite3_column_text(want, 1), name, sizeof name);
		snprintf(out, outsz, "it lacks the %s '%s'",
			 (const char *)sqlite3_column_text(want, 0), name);
	}
}

static int same_column(sqlite3_stmt *a, sqlite3_stmt *b, int col)
{
	int ta = sqlite3_column_type(a, col), tb = sqlite3_column_type(b, col);
	if (ta != tb)
		return 0;
	if (ta == SQLITE_NULL)
		return 1;
	if (ta != SQLITE_TEXT)
		return 0;
	int na = sqlite3_column_bytes(a, col), nb = sqlite3_column_bytes(b, col);
	return na == nb && memcmp(sqlite3_column_text(a, col), sqlite3_column_text(b, col),
				  (size_t)na) == 0;
}

static int pragma_int(sqlite3 *db, const char *schema, const char *name, long long *v,
		      char *err)
{
	sqlite3_stmt *s;
	char *sql = sqlite3_mprintf("PRAGMA \"%w\".%s", schema, name);
	int bad = sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK;
	sqlite3_free(sql);
	if (bad)
		return errf(err, "it is damaged (%s)", sqlite3_errmsg(db));
	int rc = sqlite3_step(s);
	*v = sqlite3_column_int64(s, 0);
	if (rc != SQLITE_ROW)
		errf(err, "it is damaged (%s)", sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

static int compare_rows(sqlite3 *db, const char *schema, sqlite3 *want_db, char *err)
{
	static const char q[] = "SELECT type, name, tbl_name, sql FROM \"%w\".sqlite_schema "
				"ORDER BY type, name";
	sqlite3_stmt *got = NULL, *want = NULL;
	char *sql = sqlite3_mprintf(q, schema);
	int rc = sqlite3_prepare_v2(db, sql, -1, &got, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return errf(err, "it is damaged (%s)", sqlite3_errmsg(db));
	sql = sqlite3_mprintf(q, "main");
	if (store_prepare(want_db, sql, &want, err)) {
		sqlite3_free(sql);
		sqlite3_finalize(got);
		return -1;
	}
	sqlite3_free(sql);
	char diff[256] = "";
	rc = 0;
	for (;;) {
		int g = sqlite3_step(got), w = sqlite3_step(want);
		if (g != SQLITE_ROW && g != SQLITE_DONE) {
			rc = errf(err, "it is damaged (%s)", sqlite3_errmsg(db));
			break;
		}
		if (g == SQLITE_DONE && w == SQLITE_DONE)
			break;
		int same = g == SQLITE_ROW && w == SQLITE_ROW;
		for (int col = 0; same && col < 4; col++)
			same = same_column(got, want, col);
		if (!same) {
			describe(got, g == SQLITE_ROW, want, w == SQLITE_ROW, diff, sizeof diff);
			rc = errf(err, "it is not a survey file written by survey (its schema differs: "
				  "%s)", diff);
			break;
		}
	}
	sqlite3_finalize(got);
	sqlite3_finalize(want);
	return rc;
}

int merge_schema_check(sqlite3 *db, const char *schema, int *version, char *err)
{
	long long v, app, page, pages, freelist;
	if (pragma_int(db, schema, "application_id", &app, err) ||
	    pragma_int(db, schema, "user_version", &v, err) ||
	    pragma_int(db, schema, "page_size", &page, err) ||
	    pragma_int(db, schema, "page_count", &pages, err) ||
	    pragma_int(db, schema, "freelist_count", &freelist, err))
		return -1;
	char why[ERR_MAX];   /* a schema that cannot be read is another program's database */
	if (store_has_table(db, schema, "meta", why) != 1 ||
	    store_has_table(db, schema, v == STORE_SCHEMA_RECORDS ? "records" : "interviews",
			    why) != 1)
		return errf(err, "it is a database of another program, not a survey database");
	if (app != STORE_APPLICATION_ID)
		return errf(err, "it is not a survey file written by survey (its application id "
			    "is %lld)", app);
	if (v < 1 || (v > STORE_SCHEMA_VERSION && v != STORE_SCHEMA_RECORDS))
		return errf(err, "it is not a survey file written by survey (its schema version is "
			    "%lld)", v);
	if (page < 512 || page > 65536 || (page & (page - 1)) || freelist < 0 || freelist >= pages)
		return errf(err, "it is damaged (page size %lld, %lld free pages of %lld)", page,
			    freelist, pages);
	sqlite3 *want;
	if (store_schema_expected((int)v, &want, err))
		return -1;
	int rc = compare_rows(db, schema, want, err);
	sqlite3_close(want);
	/* schema 8 made while it was opt-in: the first text of three of its views, with
	 * provenance_interviews still schema 7's table (sessions 6-9) or already compact */
	for (int early = 1; rc && v == STORE_SCHEMA_RECORDS && early >= 0; early--)
		if (record_schema_expected_first(early, &want, why) == 0) {
			if (compare_rows(db, schema, want, why) == 0)
				rc = 0;
			sqlite3_close(want);
		}
	*version = (int)v;
	return rc;
}

int merge_device_id(sqlite3 *db, const char *schema, char out[40], char *err)
{
	sqlite3_stmt *s;
	if (store_preparef(db, &s, err, "SELECT value FROM \"%w\".meta WHERE key = 'device_id'",
			   schema))
		return -1;
	int rc = sqlite3_step(s);
	const char *v = rc == SQLITE_ROW && sqlite3_column_type(s, 0) == SQLITE_TEXT ?
		(const char *)sqlite3_column_text(s, 0) : NULL;
	int ok = v && store_is_uuid(v);
	if (ok)
		snprintf(out, 40, "%s", v);
	else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		errf(err, "it is damaged: table 'meta', column 'value': its device id is %s",
		     rc == SQLITE_DONE ? "missing" : "not a UUID");
	else
		errf(err, "cannot read it: %s", sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return ok ? 0 : -1;
}
