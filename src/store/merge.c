/* merge.c: `survey merge` — laptop files into one coordinator file. Each input is checked whole
 * (merge_check.c: header, integrity, schema, content hashes; the next one in a thread), then
 * ATTACHed read-only and applied in one transaction: interviews the output lacks are copied
 * set-wise (INSERT ... SELECT), those whose interview row, answers and events equal the stored
 * ones are identical in bulk (compared row by row through the primary keys), and only the few
 * left — with the versions a merged input keeps in its conflicts table — go through
 * merge_version (merge_versions.c: which version wins, and why). Provenance records each input,
 * the device each of its versions came from, and a merged input's own provenance. */
#include "store/merge_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/record_schema.h"
#include "util/util.h"

/* Can we create files in the folder of path (the journal, or the output itself)? */
static int check_folder(const char *path, char *err)
{
	char *copy = xstrdup(path);
	const char *dir = dirname(copy);
	int rc = 0;
	if (access(dir, W_OK) != 0)
		rc = errf(err, "cannot write '%s': its folder '%s' is not writable (%s)", path, dir,
			  strerror(errno));
	free(copy);
	return rc;
}

/* Lock the output for the whole run: flock on the file, created empty when absent so that two
 * merges creating it meet on one file. A second merge waits a few seconds, then gives up. */
static int lock_output(merge *m, const char *path, char *err)
{
	for (int tries = 0;; tries++) {
		int created = 0, fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0 && errno == ENOENT) {
			fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
			created = fd >= 0;
		}
		struct stat l;
		if (fd < 0 && errno == EEXIST && lstat(path, &l) == 0 && S_ISLNK(l.st_mode) &&
		    stat(path, &l) != 0)
			return errf(err, "cannot open '%s': it is a link to a missing file", path);
		if (fd < 0 && errno != EEXIST && errno != ENOENT)
			return errf(err, "cannot open '%s': %s", path, strerror(errno));
		if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0) {
			struct stat a, b;
			if (fstat(fd, &a) == 0 && stat(path, &b) == 0 && a.st_dev == b.st_dev &&
			    a.st_ino == b.st_ino) {
				m->lock_fd = fd;
				m->created = created;
				m->dev = a.st_dev;
				m->ino = a.st_ino;
				return 0;
			}
		} else if (fd >= 0 && errno != EWOULDBLOCK && errno != EINTR) {
			errf(err, "cannot lock '%s': %s", path, strerror(errno));
			close(fd);
			return -1;
		}
		if (fd >= 0)
			close(fd);
		if (tries >= 50)
			return errf(err, "'%s' is being merged by another survey process; try again "
				    "when it ends", path);
		nanosleep(&(struct timespec){ .tv_nsec = 100000000 }, NULL);
	}
}

/* Open the output for writing, before the first input that passed its checks is merged into
 * it: created then if it was absent (with 16 KiB pages: STORE_BIG_PAGES); its journal set to
 * DELETE only then (each change of mode rewrites the header, and a merge that merges nothing
 * must leave the file as it was). */
static int output_ready(merge *m, char *err)
{
	char why[ERR_MAX];
	if (m->ready)
		return 0;
	store_close(m->st);   /* opened read-only by merge_open, or not at all */
	m->st = NULL;
	if (store_open(m->out_path, STORE_CREATE | STORE_KEEP_JOURNAL | STORE_BIG_PAGES |
		       m->create_flags, &m->st, err))
		return -1;
	merge_harden(m->st->db);
	m->out8 = m->st->schema_version == STORE_SCHEMA_RECORDS;
	/* A rollback journal, not WAL: a merge appends far more pages than it changes, and WAL
	 * would write each of them twice (log, then checkpoint). Still atomic per input.
	 * Foreign keys off: merge writes an interview before its answers and events and removes
	 * them after; checking millions of rows against their parent slows the copy, and SQLite
	 * transfers raw records (INSERT ... SELECT *) only without them. */
	if (store_exec(m->st->db, "PRAGMA journal_mode = DELETE", "cannot set the journal", why) ||
	    store_exec(m->st->db, "PRAGMA foreign_keys = OFF", "cannot set foreign keys", why) ||
	    /* the output's: 16 MB, the pages its writes touch (its uuid index at ~300,000
	     * interviews); a run's whole reads of it (the origins, the keys) go through the cache
	     * page by page, and every page of a larger cache is memory touched for the first time
	     * (a coordinator's merge of a laptop into 100,000 interviews: 0.85x the CPU of 64 MB).
	     * The temporary tables' (merge_in, at schema 7 the duplicates' keys: a cache of ~2 MB
	     * by default, which 100,000 interviews' keys overflow into a file): 64 MB */
	    store_exec(m->st->db, "PRAGMA cache_size = -16384; PRAGMA temp.cache_size = -65536",
		       "cannot set the cache", why) ||
	    store_exec(m->st->db,
		       "CREATE TEMP TABLE merge_in(uuid TEXT PRIMARY KEY, events_sha256 TEXT, "
		       "events_count INTEGER, action TEXT) WITHOUT ROWID",
		       "cannot prepare the merge", why) ||
	    merge_keys_init(m, why) ||
	    (m->out8 && (merge_rec_stage_init(m, why) || merge_src_rows_init(m, why))))
		return errf(err, "cannot open '%s': %s", m->out_path, why);
	m->ready = 1;
	return 0;
}

int merge_open(const char *out_path, const char *const *keys, int nkeys, int create_flags,
	       merge **out, char *err)
{
	*out = NULL;
	struct stat sb;
	if (stat(out_path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode))
		return errf(err, "cannot open '%s': it is not a regular file (a device or a pipe); "
			    "give a file name after -o", out_path);
	if (check_folder(out_path, err))
		return -1;
	merge *m = xcalloc(1, sizeof *m);
	m->out_path = xstrdup(out_path);
	m->lock_fd = -1;
	m->create_flags = create_flags & STORE_SCHEMA8;
	m->want_records = m->create_flags != 0;
	if (nkeys > 0) {
		m->keys = xcalloc((size_t)nkeys, sizeof *m->keys);
		for (int i = 0; i < nkeys; i++)
			m->keys[i] = xstrdup(keys[i]);
		m->nkeys = nkeys;
	}
	if (lock_output(m, out_path, err) || fstat(m->lock_fd, &sb) != 0) {
		merge_close(m);
		return -1;
	}
	/* An existing output is checked now, read-only (an older schema is migrated only when an
	 * input is merged); a new one is made when needed. */
	if (sb.st_size > 0 || !S_ISREG(sb.st_mode)) {
		if (store_open(out_path, STORE_READONLY, &m->st, err)) {
			merge_close(m);
			return -1;
		}
		if (m->st->schema_version == STORE_SCHEMA_RECORDS)
			m->want_records = 1;
		merge_harden(m->st->db);
		merge_known_load(m);
	}
	*out = m;
	return 0;
}

void merge_close(merge *m)
{
	if (!m)
		return;
	merge_check_free(m->ahead[0]);
	merge_check_free(m->ahead[1]);
	store_close(m->st);
	if (m->created && m->nseen == 0) {   /* nothing merged: no new file left behind */
		char *journal = xasprintf("%s-journal", m->out_path);
		unlink(m->out_path);
		unlink(journal);
		free(journal);
	}
	if (m->lock_fd >= 0)
		close(m->lock_fd);
	free(m->out_path);
	for (int i = 0; i < m->nkeys; i++)
		free(m->keys[i]);
	free(m->keys);
	dupset_release(&m->dups);
	free(m->seen);
	free(m->known);
	store_paths_cache_release(&m->src_paths);
	free(m);
}

void merge_result_release(merge_result *r)
{
	free(r->path);
	free(r->rejected);
	free(r->dups);
	free(r->dups_text);
	memset(r, 0, sizeof *r);
}

/* ATTACH the input as it was checked: c->uri, read-only and immutable or a private copy. */
static int attach_ro(merge *m, const char *uri, char *err)
{
	sqlite3_stmt *s;
	int rc = store_prepare(m->st->db, "ATTACH ?1 AS src", &s, err);
	if (!rc) {
		sqlite3_bind_text(s, 1, uri, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = errf(err, "cannot open it: %s", sqlite3_errmsg(m->st->db));
		sqlite3_finalize(s);
	}
	if (!rc && sqlite3_db_readonly(m->st->db, "src") != 1) {
		sqlite3_exec(m->st->db, "DETACH src", NULL, NULL, NULL);
		rc = errf(err, "cannot open it read-only (this SQLite lacks URI file names)");
	}
	return rc;
}

static int check_forms(merge *m, char *err)
{
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, "SELECT s.form_id, s.version FROM src.forms s JOIN "
			  "main.forms o ON o.form_id = s.form_id AND o.version = s.version "
			  "WHERE o.sha256 <> s.sha256", &s, err))
		return -1;
	int rc = 0;
	if (sqlite3_step(s) == SQLITE_ROW)
		rc = errf(err, "its questionnaire '%s' version '%s' differs from the one of that "
			  "version already merged (a changed form needs a new version)",
			  (const char *)sqlite3_column_text(s, 0),
			  (const char *)sqlite3_column_text(s, 1));
	sqlite3_finalize(s);
	return rc;
}

static int fill_merge_in(merge *m, const store_scan *sc, char *err)
{
	sqlite3_stmt *s;
	if (store_exec(m->st->db, "DELETE FROM temp.merge_in", "cannot prepare the merge", err) ||
	    store_prepare(m->st->db, "INSERT INTO temp.merge_in(uuid, events_sha256, events_count)"
			  " VALUES (?1, ?2, ?3)", &s, err))
		return -1;
	for (int i = 0; i < sc->n; i++) {
		sqlite3_bind_text(s, 1, sc->ivs[i].uuid, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, sc->ivs[i].events_sha256, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, sc->ivs[i].events_count);
		if (sqlite3_step(s) != SQLITE_DONE) {
			sqlite3_finalize(s);
			return store_sqlerr(m->st, "cannot prepare the merge", err);
		}
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return 0;
}

/* Interviews the output lacks: copied set-wise. When the input brings only new interviews (the
 * usual case: many laptops, each its own) the copy is a plain INSERT ... SELECT * of each table,
 * which SQLite performs as a transfer of raw records (as fast as a copy can be). */
static int copy_new(merge *m, char *err)
{
	static const char *const first[] = {
		/* a seek per interview of the input, not the output's uuids listed for each input */
		"UPDATE temp.merge_in SET action = 'new' WHERE NOT EXISTS (SELECT 1 FROM "
		"interviews i WHERE i.uuid = merge_in.uuid)",
		"INSERT INTO main.forms SELECT * FROM src.forms s WHERE NOT EXISTS (SELECT 1 FROM "
		"main.forms o WHERE o.form_id = s.form_id AND o.version = s.version)",
	};
	static const char *const all[] = {
		"INSERT INTO main.interviews SELECT * FROM src.interviews",
		"INSERT INTO main.answers SELECT * FROM src.answers",
		"INSERT INTO main.events SELECT * FROM src.events",
	};
	static const char *const some[] = {
		"INSERT INTO main.interviews(" STORE_INTERVIEW_COLUMNS ") SELECT "
		STORE_INTERVIEW_COLUMNS_V2 ", %s FROM src.interviews s WHERE uuid IN "
		"(SELECT uuid FROM temp.merge_in WHERE action = 'new')",
		"INSERT INTO main.answers(" STORE_ANSWER_COLUMNS ") SELECT " STORE_ANSWER_COLUMNS
		" FROM src.answers WHERE uuid IN (SELECT uuid FROM temp.merge_in WHERE action = 'new')",
		"INSERT INTO main.events(uuid, " STORE_EVENT_COLUMNS ") SELECT uuid, "
		STORE_EVENT_COLUMNS " FROM src.events WHERE uuid IN "
		"(SELECT uuid FROM temp.merge_in WHERE action = 'new')",
	};
	for (int i = 0; i < 2; i++)
		if (store_run(m->st, "cannot copy the interviews", err, first[i], 0))
			return -1;
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, "SELECT count(*) = (SELECT count(*) FROM temp.merge_in) "
			  "FROM temp.merge_in WHERE action = 'new'", &s, err))
		return -1;
	int every = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) &&
		    m->src_version >= 3;   /* older inputs have no origin column */
	sqlite3_finalize(s);
	if (m->out8)
		return merge_rec_copy_new(m, every, err);
	char *origin = merge_src_origin(m, "s");
	int rc = 0;
	for (int i = 0; i < 3 && !rc; i++) {
		char *sql = sqlite3_mprintf(every ? all[i] : some[i], origin);
		rc = store_run(m->st, "cannot copy the interviews", err, sql, 0);
		sqlite3_free(sql);
	}
	sqlite3_free(origin);
	return rc;
}

/* Interviews whose row, answers and events are the same as the stored ones: identical, in bulk
 * (every answer and event compared through the primary keys: a crafted file may repeat the
 * row and the last event over other earlier events or other answers). The rest, few, go
 * through merge_version, and so do the identical ones that have conflicting versions stored
 * (the input may tell that one of them is from its own device, which can settle them). */
static int mark_identical(merge *m, char *err)
{
	static const char sql[] =
		"UPDATE temp.merge_in SET action = 'identical' WHERE action IS NULL AND EXISTS ("
		"SELECT 1 FROM src.interviews s, main.interviews o WHERE s.uuid = merge_in.uuid "
		"AND o.uuid = merge_in.uuid AND s.form_id IS o.form_id AND s.form_version IS "
		"o.form_version AND s.device_id IS o.device_id AND s.interviewer IS o.interviewer "
		"AND s.status IS o.status AND s.revision IS o.revision AND s.created IS o.created "
		"AND s.modified IS o.modified AND s.completed IS o.completed AND s.content_hash IS "
		"o.content_hash AND s.lang IS o.lang AND s.position IS o.position AND "
		"s.instance_name IS o.instance_name AND %s IS o.origin) AND events_count = (SELECT max(seq) FROM "
		"main.events e WHERE e.uuid = merge_in.uuid) AND events_count = (SELECT count(*) "
		"FROM src.events a JOIN main.events b ON b.uuid = a.uuid AND b.seq = a.seq WHERE "
		"a.uuid = merge_in.uuid AND a.at IS b.at AND a.offset_ms IS b.offset_ms AND a.kind "
		"IS b.kind AND a.path IS b.path AND a.old_value IS b.old_value AND a.new_value IS "
		"b.new_value AND a.old_state IS b.old_state AND a.new_state IS b.new_state) AND "
		"(SELECT count(*), count(b.path) FROM src.answers a LEFT JOIN main.answers b ON "
		"b.uuid = a.uuid AND b.path = a.path AND a.value IS b.value AND a.state IS b.state "
		"AND a.modified IS b.modified WHERE a.uuid = merge_in.uuid) = (SELECT count(*), "
		"count(*) FROM main.answers b WHERE b.uuid = merge_in.uuid)";
	if (m->out8)
		return merge_rec_mark_identical(m, err);
	char *origin = merge_src_origin(m, "s"), *q = sqlite3_mprintf(sql, origin);
	int rc = store_run(m->st, "cannot compare the interviews", err, q, 0);
	sqlite3_free(q);
	sqlite3_free(origin);
	return rc;
}

/* An interview to merge as merge_each reads it: (uuid, key, hash, count). */
struct pending {
	char uuid[STORE_UUID_LEN + 1];
	char *key;
	char hash[65];
	long long count;
};

static const store_col pending_cols[] = {
	STORE_COL(STORE_CHARS, struct pending, uuid), STORE_COL(STORE_TEXT, struct pending, key),
	STORE_COL(STORE_CHARS, struct pending, hash), STORE_COL(STORE_INT64, struct pending, count),
};
static const store_row_type pending_rows = STORE_ROW_TYPE(struct pending, pending_cols, NULL);

/* Run merge_version on each (uuid, key, hash, count) row of sql; the action it gives goes to
 * ?1 ?2 of record (uuid, action, key). */
static int merge_each(merge *m, const char *sql, const char *record, char *err)
{
	/* Collect first: merge_version writes to the tables this reads. */
	struct pending *p;
	int n;
	int rc = store_rows(m->st, &pending_rows, NULL, &p, &n, "cannot compare the interviews",
			    err, sql, 0);
	for (int i = 0; i < n && !rc; i++) {
		const char *action;
		rc = merge_version(m, p[i].uuid, p[i].key, p[i].hash, p[i].count, &action, err) ||
		     store_run(m->st, "cannot record the merge", err, record, 3, p[i].uuid, action,
				p[i].key) ? -1 : 0;
	}
	store_rows_free(p, n, &pending_rows);
	return rc;
}

/* The versions bulk copying did not settle: the input's interviews that differ from the stored
 * ones (and the identical ones with conflicting versions stored), then, from a merged file,
 * every version it keeps in its conflicts table, each merged as one more version of its
 * interview (so that rows in = rows out + conflict rows through any number of merges). */
static int merge_differing(merge *m, char *err)
{
	if (merge_versions_begin(m, err) ||
	    merge_each(m, "SELECT t.uuid, NULL, t.events_sha256, t.events_count FROM "
		       "temp.merge_in t JOIN temp.merge_settle USING (uuid) WHERE t.action IS NULL "
		       "OR t.action = 'identical' ORDER BY t.uuid",
		       "UPDATE temp.merge_in SET action = ?2 WHERE uuid = ?1", err))
		return -1;
	if (!m->src_merged)
		return 0;
	return merge_each(m, "SELECT uuid, events_sha256, '', 0 FROM src.conflicts ORDER BY "
			  "uuid, events_sha256", "INSERT INTO temp.merge_carried(uuid, key, action) "
			  "VALUES (?1, ?3, ?2)", err);
}

/* The counts of the report: the input's interviews, and the versions it kept in conflicts. */
static int count_actions(merge *m, merge_result *res, char *err)
{
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, "SELECT action, count(*) FROM (SELECT action FROM "
			  "temp.merge_in UNION ALL SELECT action FROM temp.merge_carried) GROUP BY "
			  "action", &s, err))
		return -1;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *a = (const char *)sqlite3_column_text(s, 0);
		int c = sqlite3_column_int(s, 1);
		res->interviews += c;
		if (!a)
			continue;
		if (!strcmp(a, "new"))
			res->new_ = c;
		else if (!strcmp(a, "identical"))
			res->identical = c;
		else if (!strcmp(a, "updated"))
			res->updated = c;
		else if (!strcmp(a, "outdated"))
			res->outdated = c;
		else if (!strcmp(a, "conflicting"))
			res->conflicting = c;
	}
	sqlite3_finalize(s);
	return 0;
}

/* Provenance: the input, and each of its interviews with the device its version came from —
 * the input's own device (a laptop's file), or for a version a merged file got from elsewhere
 * the device its provenance records (the interview's own one when it is among them). A merged
 * input's provenance comes along, so the output knows where every version it holds came from
 * (merge_versions.c). */
static int record_provenance(merge *m, merge_result *res, char *err)
{
	char now[32], counts[6][16];
	store_now(now);
	int v[6] = { res->new_, res->identical, res->updated, res->outdated, res->conflicting,
		     res->ndups };
	for (int i = 0; i < 6; i++)
		snprintf(counts[i], sizeof counts[i], "%d", v[i]);
	/* a schema-8 output keeps these rows compact (record_provenance_compact): staged first */
	const char *into = m->out8 ? "temp.merge_prov" : "main.provenance_interviews";
	char *laptop = xasprintf(
		"INSERT OR IGNORE INTO %s(input_sha256, uuid, device_id, "
		"events_sha256, events_count, action) SELECT ?1, t.uuid, ?2, t.events_sha256, "
		"t.events_count, t.action FROM temp.merge_in t", into);
	char *merged = xasprintf(
		"INSERT OR IGNORE INTO %s(input_sha256, uuid, device_id, "
		"events_sha256, events_count, action) SELECT ?1, t.uuid, CASE WHEN NOT EXISTS "
		"(SELECT 1 FROM temp.merge_src_seen p WHERE p.uuid = t.uuid AND p.events_sha256 = "
		"t.events_sha256) THEN ?2 WHEN EXISTS (SELECT 1 FROM temp.merge_src_seen p WHERE "
		"p.uuid = t.uuid AND p.events_sha256 = t.events_sha256 AND p.device_id = "
		"s.device_id) THEN s.device_id ELSE (SELECT min(p.device_id) FROM "
		"temp.merge_src_seen p WHERE p.uuid = t.uuid AND p.events_sha256 = t.events_sha256)"
		" END, t.events_sha256, t.events_count, t.action FROM temp.merge_in t JOIN "
		"src.interviews s ON s.uuid = t.uuid", into);
	char *carried = xasprintf(
		"INSERT OR IGNORE INTO main.provenance(input_sha256, merged_at, path, device_id, "
		"new, identical, updated, outdated, conflicting, duplicates) SELECT input_sha256, "
		"merged_at, path, device_id, new, identical, updated, outdated, conflicting, "
		"duplicates FROM src.provenance; "
		"INSERT OR IGNORE INTO %s(input_sha256, uuid, device_id, "
		"events_sha256, events_count, action) SELECT input_sha256, uuid, device_id, "
		"events_sha256, events_count, action FROM src.provenance_interviews WHERE "
		"input_sha256 IN (SELECT input_sha256 FROM src.provenance)", into);
	int rc = (m->out8 && store_exec(m->st->db, "CREATE TEMP TABLE IF NOT EXISTS merge_prov("
					"input_sha256, uuid, device_id, events_sha256, events_count, "
					"action, PRIMARY KEY(input_sha256, uuid)) WITHOUT ROWID; "
					"DELETE FROM temp.merge_prov", "cannot record the provenance",
					err)) ||
		 store_run(m->st, "cannot record the provenance", err, m->src_merged ? merged : laptop,
			   2, res->sha256, res->device_id) ||
		 store_run(m->st, "cannot record the provenance", err,
			   "INSERT OR REPLACE INTO main.provenance(input_sha256, merged_at, path, "
			   "device_id, new, identical, updated, outdated, conflicting, duplicates) "
			   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", 10, res->sha256, now,
			   res->path, res->device_id, counts[0], counts[1], counts[2], counts[3],
			   counts[4], counts[5]) ||
		 (m->src_merged && store_exec(m->st->db, carried, "cannot record the provenance",
					      err)) ||
		 (m->out8 && record_provenance_compact(m->st->db, "temp.merge_prov", err)) ? -1 : 0;
	free(laptop);
	free(merged);
	free(carried);
	return rc;
}

/* Everything after the checks, inside one transaction on the output. */
static int merge_attached(merge *m, struct merge_check *c, merge_result *res, char *err)
{
	if (!merge_file_unchanged(c->path, &c->sb))   /* its bytes may not be what is merged */
		c->file_sha256[0] = '\0';
	if (merge_check_changed(c)) {   /* check again what is about to be copied */
		store_scan_release(&c->sc);
		int version;
		if (merge_schema_check(m->st->db, "src", &version, err))
			return -1;
		if (version != c->version)
			return errf(err, "it changed while it was being merged; try again");
		if (merge_integrity(m->st->db, "src", err) ||
		    store_scan_content(m->st->db, "src", c->version, STORE_SCAN_CHECK |
				       (c->lazy ? STORE_SCAN_RECORDS : 0), &c->sc, err) ||
		    merge_packed_hash(m->st->db, "src", c->sc.content_sha256, err))
			return -1;
		if (strcmp(c->sc.content_sha256, res->sha256) != 0)
			return errf(err, "it changed while it was being merged; try again");
	}
	m->src_version = c->version;
	m->src_attached = c->sc.attached > 0 || c->sc.conflicts > 0;
	if (merge_src_rows_begin(m, c->lazy, err) ||
	    (c->sc.attached > 0 && merge_src_rows_attached(m, &c->sc, err)) ||
	    merge_validate(m, err) || merge_attach_check(m, err) ||   /* before anything is copied */
	    merge_fieldwork_check(m, err) || merge_seal_check(m, err))
		return -1;
	return merge_origin_check(m, err) || check_forms(m, err) ||
	       fill_merge_in(m, &c->sc, err) || copy_new(m, err) || merge_attach_copy(m, err) ||
	       merge_fieldwork_copy(m, err) || merge_seal_copy(m, err) ||
	       mark_identical(m, err) || merge_differing(m, err) ||
	       count_actions(m, res, err) || merge_duplicates(m, res, err) ||
	       record_provenance(m, res, err) ||
	       merge_known_remember(m, c->file_sha256, res->sha256, err) ? -1 : 0;
}

/* An input merged in this run: given again (the same file or content), it is merged once. */
static void merge_seen_add(merge *m, const struct stat *sb, const char *sha256)
{
	m->seen = xreallocarray(m->seen, (size_t)m->nseen + 1, sizeof *m->seen);
	m->seen[m->nseen].dev = sb->st_dev;
	m->seen[m->nseen].ino = sb->st_ino;
	memcpy(m->seen[m->nseen].sha256, sha256, 65);
	m->nseen++;
}

static int reject(merge_result *res, const char *why)
{
	free(res->rejected);
	res->rejected = xstrdup(why);
	merge_one_line(res->rejected);
	return -1;
}

/* The checks of an input done: its device id and content hash in res; or -1, the input
 * rejected with their reason and c freed. */
static int check_taken(merge_result *res, struct merge_check *c)
{
	if (c->rc) {
		reject(res, c->err);
		merge_check_free(c);
		return -1;
	}
	snprintf(res->device_id, sizeof res->device_id, "%s", c->device_id);
	snprintf(res->sha256, sizeof res->sha256, "%s", c->sc.content_sha256);
	return 0;
}

int merge_input(merge *m, const char *in_path, merge_result *res)
{
	char err[ERR_MAX], why[ERR_MAX];
	memset(res, 0, sizeof *res);
	res->path = xstrdup(in_path);
	struct stat sb;
	if (stat(in_path, &sb) != 0) {
		errf(err, "cannot open '%s': %s", in_path, strerror(errno));
		return reject(res, err);
	}
	if (sb.st_dev == m->dev && sb.st_ino == m->ino) {
		errf(err, "'%s' is the output file: give it only after -o", in_path);
		return reject(res, err);
	}
	for (int i = 0; i < m->nseen; i++)
		if (m->seen[i].dev == sb.st_dev && m->seen[i].ino == sb.st_ino) {
			snprintf(res->sha256, sizeof res->sha256, "%s", m->seen[i].sha256);
			res->twice = 1;
			return 0;
		}
	struct merge_check *c = merge_check_take(m, in_path);
	if (!c) {
		c = merge_check_new(m, in_path);
		merge_check_run(c);
	}
	if (check_taken(res, c))
		return -1;
	for (int i = 0; i < m->nseen; i++)
		if (strcmp(m->seen[i].sha256, res->sha256) == 0) {
			res->twice = 1;
			merge_check_free(c);
			return 0;
		}
	if (output_ready(m, err)) {
		merge_check_free(c);
		return reject(res, err);
	}
	if (c->already && !merge_known_usable(m, c->already)) {   /* checked whole after all */
		c->already = NULL;
		c->nknown = 0;
		memset(&c->sc, 0, sizeof c->sc);
		merge_check_run(c);
		if (check_taken(res, c))
			return -1;
	}
	if (c->already) {   /* merged in an earlier run: recorded, nothing read (merge_skip.c) */
		int rc = store_tx_begin(m->st, why) || merge_load_keypaths(m, why) ||
			 merge_known_record(m, c->already, res, why);
		if (rc)
			store_tx_rollback(m->st);
		else
			rc = store_tx_commit(m->st, why);
		merge_check_free(c);
		if (rc) {
			errf(err, "cannot merge '%s': %s", in_path, why);
			res->interviews = res->identical = res->outdated = res->already = 0;
			return reject(res, err);
		}
		merge_seen_add(m, &sb, res->sha256);
		return 0;
	}
	if (attach_ro(m, c->uri, why)) {
		merge_check_free(c);
		errf(err, "cannot merge '%s': %s", in_path, why);
		return reject(res, err);
	}
	int rc = store_tx_begin(m->st, why) || merge_attached(m, c, res, why);
	if (rc) {
		store_tx_rollback(m->st);
		merge_keys_forget(m);
	} else if (store_tx_commit(m->st, why)) {
		merge_keys_forget(m);
		rc = -1;
	} else {
		merge_origins_merged(m);
	}
	sqlite3_exec(m->st->db, "DETACH src", NULL, NULL, NULL);
	merge_check_free(c);
	if (rc) {
		errf(err, "cannot merge '%s': %s", in_path, why);
		res->interviews = res->new_ = res->identical = res->updated = res->outdated = 0;
		res->conflicting = 0;
		return reject(res, err);
	}
	merge_seen_add(m, &sb, res->sha256);
	return 0;
}

int merge_counts(merge *m, long long *interviews, long long *conflicts, char *err)
{
	*interviews = *conflicts = 0;
	if (!m->st)
		return 1;
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, "SELECT (SELECT count(*) FROM interviews), "
			  "(SELECT count(*) FROM main.conflicts)", &s, err))
		return -1;
	int rc = sqlite3_step(s);
	*interviews = sqlite3_column_int64(s, 0);
	*conflicts = sqlite3_column_int64(s, 1);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(m->st, "cannot count the interviews", err);
}

int merge_has_keys(const merge *m)
{
	if (!m->st)
		return m->nkeys > 0;
	return merge_keys_known((merge *)m);
}

#define CLONE(member) STORE_COL(STORE_TEXT, merge_clone, member)
static const store_col clone_cols[] = {
	CLONE(device_id), CLONE(path_a), CLONE(path_b), CLONE(sha_a), CLONE(sha_b),
};
#undef CLONE
static const store_row_type clone_rows = STORE_ROW_TYPE(merge_clone, clone_cols, NULL);

void merge_clones_free(merge_clone *c, int n)
{
	store_rows_free(c, n, &clone_rows);
}

/* Two inputs of one device diverge when each has interviews made on it that the other lacks
 * (a later copy of a laptop holds everything an earlier one had). Two clones that only edited
 * the same old interviews differently show up as conflicts, not here. */
int merge_clones(merge *m, merge_clone **out, int *n, char *err)
{
	*out = NULL;
	*n = 0;
	if (!m->st)
		return 0;
	char *pi = merge_provenance_rows(m);
	char *sql = xasprintf(
		"WITH ins AS (SELECT input_sha256 AS sha, max(path) AS path, device_id AS dev "
		"FROM main.provenance GROUP BY input_sha256), "
		"pairs AS (SELECT a.dev, a.sha AS sa, b.sha AS sb, a.path AS pa, b.path AS pb "
		"FROM ins a JOIN ins b ON a.dev = b.dev AND a.sha < b.sha) "
		"SELECT dev, pa, pb, sa, sb FROM pairs WHERE (sa IN temp.merge_run OR sb IN "
		"temp.merge_run) AND ((EXISTS (SELECT 1 FROM %1$s x WHERE "
		"x.input_sha256 = sa AND x.device_id = dev AND NOT EXISTS (SELECT 1 FROM "
		"%1$s y WHERE y.input_sha256 = sb AND y.uuid = x.uuid)) AND "
		"EXISTS (SELECT 1 FROM %1$s x WHERE x.input_sha256 = sb AND "
		"x.device_id = dev AND NOT EXISTS (SELECT 1 FROM %1$s y "
		"WHERE y.input_sha256 = sa AND y.uuid = x.uuid)))) "
		"ORDER BY dev, pa, pb", pi);
	free(pi);
	int rc = 0;
	if (store_exec(m->st->db, "CREATE TEMP TABLE IF NOT EXISTS merge_run(sha TEXT PRIMARY "
		       "KEY) WITHOUT ROWID; DELETE FROM temp.merge_run", "cannot list the inputs",
		       err))
		rc = -1;
	for (int i = 0; !rc && i < m->nseen; i++)
		if (store_run(m->st, "cannot list the inputs", err, "INSERT OR IGNORE INTO "
			       "temp.merge_run VALUES (?1)", 1, m->seen[i].sha256))
			rc = -1;
	if (!rc)
		rc = store_rows(m->st, &clone_rows, NULL, out, n, "cannot look for cloned laptops",
				err, sql, 0);
	free(sql);
	return rc;
}
