/* merge_check.c: checking a merge input whole — SQLite header, its whole schema against survey's
 * (merge_untrusted.c), PRAGMA integrity_check, the type of every value and our content hashes
 * (store_scan_content), the hash `survey pack` recorded — on its own read-only connection, so
 * that the next input can be checked in a thread while the current one is copied. */
#include "store/merge_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record_schema.h"
#include "util/util.h"

int merge_integrity(sqlite3 *db, const char *schema, char *err)
{
	sqlite3_stmt *s;
	if (store_preparef(db, &s, err, "PRAGMA \"%w\".integrity_check(1)", schema))
		return -1;
	int rc = sqlite3_step(s);
	const char *v = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
	int ok = v && strcmp(v, "ok") == 0;
	if (!ok)
		errf(err, "it is damaged (%s)", v ? v : sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return ok ? 0 : -1;
}

int merge_packed_hash(sqlite3 *db, const char *schema, const char *sha, char *err)
{
	sqlite3_stmt *s;
	if (store_preparef(db, &s, err, "SELECT value FROM \"%w\".meta WHERE key='content_sha256'",
			   schema))
		return -1;
	int rc = 0;
	const char *v = sqlite3_step(s) == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) :
		NULL;
	if (v && strcmp(v, sha))
		rc = errf(err, "its content differs from the hash 'survey pack' recorded: it was "
			  "damaged or changed after packing (pack the laptop's file again)");
	sqlite3_finalize(s);
	return rc;
}

void merge_one_line(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = ' ';
}

/* fn(db, err) in one transaction on the private copy. */
static int in_tx(sqlite3 *db, int (*fn)(sqlite3 *, char *), char *err)
{
	if (store_exec(db, "BEGIN", "cannot read it", err))
		return -1;
	if (fn(db, err)) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return store_exec(db, "COMMIT", "cannot make its private copy", err);
}

/* An input of schema 1-7 for an output of schema 8: its private copy brought to schema 7 and
 * given the records of its interviews (record_records_build), after its own checks. */
static int build_records(sqlite3 *db, char *err)
{
	int v = 0;
	sqlite3_stmt *s;
	if (store_prepare(db, "PRAGMA user_version", &s, err))
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return (v < STORE_SCHEMA_VERSION && store_schema_migrate(db, v, err)) ||
	       record_records_build(db, err) ? -1 : 0;
}

/* In this order, and nothing before the schema is known to be survey's: the header, the
 * schema, SQLite's integrity check, every row read once (types, UUIDs, states, events, content
 * hashes), the device id, the hash pack recorded. A schema-8 input is read through its private
 * copy, where its records are unpacked into the tables of schema 7 first: for an output of
 * schema 7 whole (merge_unpack_8_to_7), for one of schema 8 only its interviews
 * (merge_unpack_8_to_7_interviews: the scan checks the records, and merge reads the answers and
 * events of the few interviews it needs through merge_src_rows). For an output of schema 8 an
 * older input's copy gets records after its checks (build_records). The rest of merge reads
 * the copy as schema 7. */
static int check_input(struct merge_check *c, char *err)
{
	int fresh;
	sqlite3 *db;
	char why[ERR_MAX];
	if (store_check_header(c->path, 0, &fresh, err))
		return -1;
	int rc = merge_untrusted_open(c, &db, why) ||
		 merge_schema_check(db, "main", &c->version, why) ||
		 merge_integrity(db, "main", why) ? -1 : 0;
	int v8 = !rc && c->version == STORE_SCHEMA_RECORDS;
	if (!rc && (v8 || c->want_records)) {
		sqlite3_close(db);
		rc = merge_untrusted_private(c, v8, &db, why);
	}
	if (!rc && v8) {
		c->lazy = c->want_records;
		rc = in_tx(db, c->lazy ? merge_unpack_8_to_7_interviews : merge_unpack_8_to_7, why);
		c->version = STORE_SCHEMA_VERSION;
		c->records = 1;
	}
	rc = rc || store_scan_content(db, "main", c->version, STORE_SCAN_CHECK |
				      (c->lazy ? STORE_SCAN_RECORDS : 0), &c->sc, why) ||
	     merge_device_id(db, "main", c->device_id, why) ||
	     merge_packed_hash(db, "main", c->sc.content_sha256, why) ? -1 : 0;
	if (!rc && c->want_records && !c->records) {
		/* c->version stays the file's: what an older file cannot hold is checked as such
		 * (its migrated copy has the later tables, empty) */
		rc = in_tx(db, build_records, why);
		c->records = 1;
	}
	sqlite3_close(db);
	if (rc) {
		store_scan_release(&c->sc);
		if (c->too_long)
			snprintf(why, sizeof why, "it takes too long to read: damaged or crafted");
		errf(err, "cannot merge '%s': %s", c->path, why);
	}
	return rc;
}

int merge_check_run(struct merge_check *c)
{
	c->rc = -1;
	if (stat(c->path, &c->sb) != 0) {
		errf(c->err, "cannot open '%s': %s", c->path, strerror(errno));
	} else if (merge_file_sha256(c->path, &c->sb, c->file_sha256) == 0 &&
		   (c->already = merge_known_find(c->known, c->nknown, c->file_sha256))) {
		c->rc = 0;   /* merged before: its rows are not read (merge_skip.c) */
		memcpy(c->sc.content_sha256, c->already->sha256, 65);
		memcpy(c->device_id, c->already->device_id, sizeof c->device_id);
	} else {
		c->rc = check_input(c, c->err);
		if (!merge_file_unchanged(c->path, &c->sb))   /* what was read may not be those bytes */
			c->file_sha256[0] = '\0';
	}
	merge_one_line(c->err);
	return c->rc;
}

void merge_check_free(struct merge_check *c)
{
	if (!c)
		return;
	if (c->running)
		pthread_join(c->thread, NULL);
	store_scan_release(&c->sc);
	merge_untrusted_remove(c);
	free(c->path);
	free(c);
}

struct merge_check *merge_check_new(const merge *m, const char *in_path)
{
	struct merge_check *c = xcalloc(1, sizeof *c);
	c->path = xstrdup(in_path);
	c->known = m->known;
	c->nknown = m->nknown;
	c->want_records = m->want_records;
	return c;
}

static void *check_thread(void *arg)
{
	merge_check_run(arg);
	return NULL;
}

void merge_prefetch(merge *m, const char *in_path)
{
	struct stat sb;
	if (stat(in_path, &sb) != 0 || (sb.st_dev == m->dev && sb.st_ino == m->ino))
		return;   /* merge_input says why */
	struct merge_check *c = merge_check_new(m, in_path);
	if (pthread_create(&c->thread, NULL, check_thread, c) != 0) {
		merge_check_free(c);   /* checked in line instead */
		return;
	}
	c->running = 1;
	if (m->ahead[0] && m->ahead[1]) {   /* at most two ahead: forget the older */
		merge_check_free(m->ahead[0]);
		m->ahead[0] = NULL;
	}
	m->ahead[m->ahead[0] ? 1 : 0] = c;
}

struct merge_check *merge_check_take(merge *m, const char *in_path)
{
	struct merge_check *c = NULL;
	for (int i = 0; i < 2 && !c; i++)
		if (m->ahead[i] && strcmp(m->ahead[i]->path, in_path) == 0) {
			c = m->ahead[i];
			m->ahead[i] = NULL;
		}
	if (!c)
		return NULL;
	if (c->running)
		pthread_join(c->thread, NULL);
	c->running = 0;
	return c;
}

int merge_check_changed(const struct merge_check *c)
{
	struct stat now;
	if (c->tmpdir)   /* the private copy is what was checked and what is read */
		return 0;
	if (stat(c->path, &now) != 0)
		return 1;
	return now.st_ino != c->sb.st_ino || now.st_dev != c->sb.st_dev ||
	       now.st_size != c->sb.st_size || now.st_mtim.tv_sec != c->sb.st_mtim.tv_sec ||
	       now.st_mtim.tv_nsec != c->sb.st_mtim.tv_nsec ||
	       now.st_ctim.tv_sec != c->sb.st_ctim.tv_sec ||
	       now.st_ctim.tv_nsec != c->sb.st_ctim.tv_nsec;
}
