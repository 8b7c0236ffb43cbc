/* merge_check.c: checking a merge input whole — SQLite header and schema (store_open read-only),
 * PRAGMA integrity_check, our content hashes (store_scan_content), the hash `survey pack`
 * recorded — on its own read-only connection, so that the next input can be checked in a
 * thread while the current one is copied. */
#include "store/merge_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

int merge_integrity(sqlite3 *db, const char *schema, char *err)
{
	sqlite3_stmt *s;
	char *sql = sqlite3_mprintf("PRAGMA \"%w\".integrity_check(1)", schema);
	int bad = store_prepare(db, sql, &s, err);
	sqlite3_free(sql);
	if (bad)
		return -1;
	int rc = sqlite3_step(s);
	int ok = rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0;
	if (!ok)
		errf(err, "it is damaged (%s)", rc == SQLITE_ROW ?
		     (const char *)sqlite3_column_text(s, 0) : sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return ok ? 0 : -1;
}

int merge_packed_hash(sqlite3 *db, const char *schema, const char *sha, char *err)
{
	sqlite3_stmt *s;
	char *sql = sqlite3_mprintf("SELECT value FROM \"%w\".meta WHERE key='content_sha256'",
				    schema);
	int bad = store_prepare(db, sql, &s, err);
	sqlite3_free(sql);
	if (bad)
		return -1;
	int rc = 0;
	if (sqlite3_step(s) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(s, 0), sha))
		rc = errf(err, "its content differs from the hash 'survey pack' recorded: it was "
			  "damaged or changed after packing (pack the laptop's file again)");
	sqlite3_finalize(s);
	return rc;
}

int merge_check_run(struct merge_check *c)
{
	char why[ERR_MAX];
	store *st;
	c->rc = -1;
	if (stat(c->path, &c->sb) != 0)
		return errf(c->err, "cannot open '%s': %s", c->path, strerror(errno));
	if (store_open(c->path, STORE_READONLY, &st, c->err))
		return -1;
	c->version = store_schema_version(st);
	snprintf(c->device_id, sizeof c->device_id, "%s", store_device_id(st));
	if (merge_integrity(st->db, "main", why) ||
	    store_scan_content(st->db, "main", c->version, 1, &c->sc, why) ||
	    merge_packed_hash(st->db, "main", c->sc.content_sha256, why)) {
		store_close(st);
		store_scan_release(&c->sc);
		return errf(c->err, "cannot merge '%s': %s", c->path, why);
	}
	store_close(st);
	c->rc = 0;
	return 0;
}

void merge_check_free(struct merge_check *c)
{
	if (!c)
		return;
	if (c->running)
		pthread_join(c->thread, NULL);
	store_scan_release(&c->sc);
	free(c->path);
	free(c);
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
	struct merge_check *c = xcalloc(1, sizeof *c);
	c->path = xstrdup(in_path);
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
	char *wal = xasprintf("%s-wal", c->path);
	int has_wal = stat(wal, &now) == 0 && now.st_size > 0;
	free(wal);
	if (has_wal || stat(c->path, &now) != 0)
		return 1;
	return now.st_ino != c->sb.st_ino || now.st_dev != c->sb.st_dev ||
	       now.st_size != c->sb.st_size || now.st_mtim.tv_sec != c->sb.st_mtim.tv_sec ||
	       now.st_mtim.tv_nsec != c->sb.st_mtim.tv_nsec ||
	       now.st_ctim.tv_sec != c->sb.st_ctim.tv_sec ||
	       now.st_ctim.tv_nsec != c->sb.st_ctim.tv_nsec;
}
