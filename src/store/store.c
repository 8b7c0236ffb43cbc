/* store.c: opening, validating, creating and closing the laptop database; transactions. */
#include "store/store_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/fw_why.h"
#include "store/record_schema.h"
#include "util/util.h"

/* Before SQLite is first used (a constructor: no command can open a file earlier): no global
 * memory statistics, which take a process-wide mutex on every allocation SQLite makes — merge
 * and analysis allocate for millions of values, and nothing reads the statistics. */
__attribute__((constructor)) static void store_sqlite_config(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The refusal of a file a newer survey wrote (schema version), with its code; returns -1. */
static int newer(const char *path, int version, char *err)
{
	errf(err, "cannot open '%s': it was written by a newer survey (schema %d; this one reads up "
	     "to %d): update survey", path, version, STORE_SCHEMA_VERSION);
	char v[16], max[16];
	snprintf(v, sizeof v, "%d", version);
	snprintf(max, sizeof max, "%d", STORE_SCHEMA_VERSION);
	return store_fw_why_set(err, FW_WHY_NEWER_DB, 3, path, v, max);
}

/* Look at the file's first 100 bytes (the SQLite header) before SQLite touches it, so that a
 * foreign, truncated or newer file is refused without being changed. *fresh is set for a file
 * that does not exist or is empty. */
int store_check_header(const char *path, int flags, int *fresh, char *err)
{
	struct stat sb;
	*fresh = 0;
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT && (flags & STORE_CREATE)) {
			*fresh = 1;
			return 0;
		}
		return errf(err, "cannot open '%s': %s", path, strerror(errno));
	}
	if (S_ISDIR(sb.st_mode))
		return errf(err, "cannot open '%s': it is a folder, not a database file", path);
	if (sb.st_size == 0) {
		if (flags & STORE_CREATE) {
			*fresh = 1;
			return 0;
		}
		return errf(err, "cannot open '%s': the file is empty, not a survey database", path);
	}
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errf(err, "cannot open '%s': %s", path, strerror(errno));
	unsigned char h[100];
	ssize_t got = read(fd, h, sizeof h);
	close(fd);
	if (got < 16 || memcmp(h, "SQLite format 3", 16) != 0)
		return errf(err, "cannot open '%s': file is not a database", path);
	if (got < 100)
		return errf(err, "cannot open '%s': file is truncated (%lld bytes); copy it again "
			    "or make a new copy with 'survey pack'", path, (long long)sb.st_size);
	uint32_t page_size = (uint32_t)h[16] << 8 | h[17];
	if (page_size == 1)
		page_size = 65536;
	uint32_t pages = be32(h + 28);
	if (be32(h + 24) == be32(h + 92) && pages &&
	    (uint64_t)pages * page_size > (uint64_t)sb.st_size)
		return errf(err, "cannot open '%s': file is truncated (%lld of %llu bytes); copy it "
			    "again or make a new copy with 'survey pack'", path,
			    (long long)sb.st_size, (unsigned long long)pages * page_size);
	uint32_t app = be32(h + 68);
	if (app != 0 && app != STORE_APPLICATION_ID) {
		errf(err, "cannot open '%s': it is a database of another program, not a survey "
		     "database", path);
		return store_fw_why_set(err, FW_WHY_OTHER_DB, 1, path);
	}
	uint32_t version = be32(h + 60);
	if (app == STORE_APPLICATION_ID && version > STORE_SCHEMA_VERSION &&
	    version != STORE_SCHEMA_RECORDS)
		return newer(path, (int)version, err);
	return 0;
}

/* A write of the store failed on a full disk since store_disk_full_clear (store.h). */
static int disk_full;

int store_disk_full(void)
{
	return disk_full;
}

void store_disk_full_clear(void)
{
	disk_full = 0;
}

int store_note_full(sqlite3 *db)
{
	int code = db ? sqlite3_errcode(db) : SQLITE_OK, sys = db ? sqlite3_system_errno(db) : 0;
	if (code == SQLITE_FULL || ((code == SQLITE_IOERR || code == SQLITE_CANTOPEN) &&
				    (sys == ENOSPC || sys == EDQUOT)))
		disk_full = 1;
	return code == SQLITE_FULL;
}

int store_exec(sqlite3 *db, const char *sql, const char *what, char *err)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		store_note_full(db);
		errf(err, "%s: %s", what, msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int store_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, char *err)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return errf(err, "cannot prepare a query: %s", sqlite3_errmsg(db));
	return 0;
}

int store_sqlerr(store *st, const char *what, char *err)
{
	int code = sqlite3_errcode(st->db);
	store_note_full(st->db);
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
		errf(err, "%s in '%s': the database is in use by another survey program (close it "
		     "and try again)", what, st->path);
		return store_fw_why_set(err, FW_WHY_BUSY, 1, st->path);
	}
	if (code == SQLITE_FULL)
		return errf(err, "%s in '%s': the disk is full", what, st->path);
	if (code == SQLITE_READONLY)
		return errf(err, "%s in '%s': the file is read-only", what, st->path);
	return errf(err, "%s in '%s': %s", what, st->path, sqlite3_errmsg(st->db));
}

sqlite3_stmt *store_stmt(store *st, enum store_stmt_id id, const char *sql, char *err)
{
	sqlite3_stmt *s = st->cache[id];
	if (s) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		errf(err, "cannot prepare a query: %s", sqlite3_errmsg(st->db));
		return NULL;
	}
	st->cache[id] = s;
	return s;
}

char *store_col_text(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return t ? xstrdup((const char *)t) : NULL;
}

int store_tx_begin(store *st, char *err)
{
	if (st->batch)
		return 0;
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlerr(st, "cannot start a transaction", err);
	return 0;
}

int store_tx_commit(store *st, char *err)
{
	if (st->batch)
		return 0;
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		store_sqlerr(st, "cannot commit", err);
		store_tx_rollback(st);
		return -1;
	}
	return 0;
}

void store_tx_rollback(store *st)
{
	if (!st->batch && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_tx_end(store *st, int failed, char *err)
{
	if (failed) {
		store_tx_rollback(st);
		return -1;
	}
	return store_tx_commit(st, err);
}

char *store_tmpdir(const char *name, const char *what, char *err)
{
	const char *t = getenv("TMPDIR"), *base = t && *t ? t : "/tmp";
	char *dir = xasprintf("%s/survey-%s-XXXXXX", base, name);
	if (!mkdtemp(dir)) {
		errf(err, "%s: cannot make a folder in '%s'%s: %s", what, base,
		     base == t ? " (TMPDIR)" : "", strerror(errno));
		free(dir);
		return NULL;
	}
	return dir;
}

int store_in_batch(const store *st)
{
	return st->batch;
}

int store_batch_begin(store *st, char *err)
{
	if (st->batch)
		return errf(err, "a batch is already open");
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlerr(st, "cannot start a transaction", err);
	st->batch = 1;
	return 0;
}

int store_batch_end(store *st, int commit, char *err)
{
	if (!st->batch)
		return errf(err, "no batch is open");
	st->batch = 0;
	if (commit) {
		if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
			return 0;
		store_sqlerr(st, "cannot commit", err);
	}
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return commit ? -1 : 0;
}

int store_has_table(sqlite3 *db, const char *schema, const char *name, char *err)
{
	sqlite3_stmt *s;
	if (store_preparef(db, &s, err, "SELECT 1 FROM \"%w\".sqlite_schema WHERE type = 'table' "
			   "AND name = ?1", schema))
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return errf(err, "%s", sqlite3_errmsg(db));
}

static int count_tables(store *st, int *n, char *err)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sqlite_schema", -1, &s, NULL) !=
	    SQLITE_OK)
		return errf(err, "%s", sqlite3_errmsg(st->db));
	int rc = sqlite3_step(s);
	*n = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : errf(err, "%s", sqlite3_errmsg(st->db));
}

static int meta_get(store *st, const char *key, char *out, size_t outsz, char *err)
{
	sqlite3_stmt *s;
	if (store_query(st->db, &s, err, "SELECT value FROM meta WHERE key=?", 1, key))
		return -1;
	int rc = sqlite3_step(s);
	const char *v = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
	if (v)
		snprintf(out, outsz, "%s", v);
	sqlite3_finalize(s);
	if (!v)
		return errf(err, "no '%s' in its metadata", key);
	return 0;
}

static int initialise(store *st, int schema8, char *err)
{
	char now[32], sql[256];
	if (store_uuid4(st->device_id, err))
		return -1;
	store_now(now);
	if (store_exec(st->db, "BEGIN IMMEDIATE", "cannot start a transaction", err))
		return -1;
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d", STORE_APPLICATION_ID);
	if (store_exec(st->db, sql, "cannot mark the file", err) ||
	    store_schema_create(st->db, err))
		goto fail;
	/* schema 8 (opt-in): the schema-7 tables, still empty, turned into records and views */
	if (schema8 && (record_migrate_7_to_8(st->db, err) ||
			store_exec(st->db, "PRAGMA user_version = 8", "cannot mark the file", err)))
		goto fail;
	sqlite3_stmt *s;
	if (store_query(st->db, &s, err, "INSERT INTO meta(key, value) VALUES ('device_id', ?1), "
			"('created', ?2)", 2, st->device_id, now))
		goto fail;
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		errf(err, "cannot write the metadata: %s", sqlite3_errmsg(st->db));
		goto fail;
	}
	if (store_exec(st->db, "COMMIT", "cannot commit", err))
		goto fail;
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* Schema 8: the views interviews, answers and events (and their helpers) as TEMP views of this
 * connection, made from the store's own SQL: they shadow the file's views of the same names,
 * which the store never runs (a file's views are data, and with trusted_schema off SQLite
 * refuses the JSON functions in them). */
static int temp_views(store *st, char *err)
{
	const char *views = strstr(record_schema_v8, "CREATE VIEW");
	strbuf sql = STRBUF_INIT;
	/* a file whose provenance is still schema 7's table (made while schema 8 was opt-in, and
	 * not yet opened writable) is read through that table */
	int early = record_provenance_early(st->db);
	for (const char *p = views, *q; p; p = q) {
		q = strstr(p + 1, "CREATE VIEW");
		static const char prov[] = "CREATE VIEW provenance_interviews ";
		if (early && strncmp(p, prov, sizeof prov - 1) == 0)
			continue;
		sb_adds(&sql, "CREATE TEMP VIEW");
		p += strlen("CREATE VIEW");
		sb_add(&sql, p, q ? (size_t)(q - p) : strlen(p));
	}
	int rc = store_exec(st->db, sb_str(&sql), "cannot read the layout of schema 8", err);
	sb_release(&sql);
	return rc;
}

/* Schema 8, opened writable: views other than the store's (an older text of them, made while
 * schema 8 was opt-in, or views another program altered) made again. Views hold no data and
 * the store reads through its own (temp_views): the file's are for other sqlite3 clients, so
 * a file that cannot be changed now (busy, disk full) keeps them until the next open. */
static void views_refresh(store *st)
{
	char why[ERR_MAX];
	if (record_views_current(st->db, why) != 0 ||
	    store_exec(st->db, "BEGIN IMMEDIATE", "cannot start a transaction", why))
		return;
	if (record_provenance_upgrade(st->db, why) || record_views_renew(st->db, why) ||
	    store_exec(st->db, "COMMIT", "cannot commit", why))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* code: set to FW_WHY_OTHER_DB or FW_WHY_NEWER_DB when that is the refusal. */
static int open_checked(store *st, int flags, int fresh, int *code, char *err)
{
	/* one connection used by one thread at a time (DESIGN.md): no SQLite mutex on every call */
	int oflags = ((flags & STORE_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		     SQLITE_OPEN_NOMUTEX;
	if (fresh)
		oflags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(st->path, &st->db, oflags, NULL) != SQLITE_OK)
		return errf(err, "%s", st->db ? sqlite3_errmsg(st->db) : "out of memory");
	sqlite3_extended_result_codes(st->db, 0);
	/* a file is data, never code to run (DESIGN.md, threat model): no schema-level functions
	 * that are not innocuous, no writable_schema or other footguns, no extensions */
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_busy_timeout(st->db, 3000);
	int ntables;
	if (count_tables(st, &ntables, err))
		return -1;
	if (ntables == 0) {
		if (flags & STORE_READONLY)
			return errf(err, "the database is empty, not a survey database");
		if ((flags & (STORE_BIG_PAGES | STORE_SCHEMA8)) && store_exec(st->db, "PRAGMA page_size = 16384",
							    "cannot set the page size", err))
			return -1;
		if (initialise(st, flags & STORE_SCHEMA8, err))
			return -1;
	} else {
		int has = store_has_table(st->db, "main", "meta", err);
		if (has < 0)
			return -1;
		/* schema 8: interviews is a view over records */
		if (!has || (store_has_table(st->db, "main", "interviews", err) != 1 &&
			     store_has_table(st->db, "main", "records", err) != 1)) {
			*code = FW_WHY_OTHER_DB;
			return errf(err, "it is a database of another program, not a survey "
				    "database");
		}
		if (meta_get(st, "device_id", st->device_id, sizeof st->device_id, err))
			return -1;
	}
	sqlite3_stmt *s;
	if (store_prepare(st->db, "PRAGMA user_version", &s, err))
		return -1;
	st->schema_version = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	if (st->schema_version > STORE_SCHEMA_VERSION &&
	    st->schema_version != STORE_SCHEMA_RECORDS) {
		*code = FW_WHY_NEWER_DB;
		return errf(err, "it was written by a newer survey (schema %d; this one reads up "
			    "to %d): update survey", st->schema_version, STORE_SCHEMA_VERSION);
	}
	/* an older file is migrated when written to; with STORE_SCHEMA8 a file of schema 1..7 on
	 * to schema 8, in the same transaction */
	int to8 = (flags & STORE_SCHEMA8) && st->schema_version <= STORE_SCHEMA_VERSION;
	if ((st->schema_version < STORE_SCHEMA_VERSION || to8) && !(flags & STORE_READONLY) &&
	    store_open_migrate(st, to8, err))
		return -1;
	if (st->schema_version == STORE_SCHEMA_RECORDS && (flags & STORE_SCHEMA8) &&
	    !(flags & STORE_READONLY))
		store_pages_16k(st);
	if (st->schema_version == STORE_SCHEMA_RECORDS && !(flags & STORE_READONLY))
		views_refresh(st);
	if (st->schema_version == STORE_SCHEMA_RECORDS && temp_views(st, err))
		return -1;
	if (!(flags & (STORE_READONLY | STORE_KEEP_JOURNAL))) {
		/* WAL keeps readers (survey pack) and the writer apart; FULL syncs every commit. */
		if (store_exec(st->db, "PRAGMA journal_mode=WAL", "cannot use WAL", err) ||
		    store_exec(st->db, "PRAGMA synchronous=FULL", "cannot set synchronous", err))
			return -1;
	}
	return store_exec(st->db, "PRAGMA foreign_keys=ON", "cannot enable foreign keys", err);
}

int store_open(const char *path, int flags, store **out, char *err)
{
	int fresh;
	*out = NULL;
	if (store_check_header(path, flags, &fresh, err))
		return -1;
	store *st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->readonly = !!(flags & STORE_READONLY);
	char why[ERR_MAX];
	int code = FW_WHY_NONE;
	if (open_checked(st, flags, fresh, &code, why)) {
		if (code == FW_WHY_NEWER_DB)
			newer(path, st->schema_version, err);
		else
			errf(err, "cannot open '%s': %s", path, why);
		if (code == FW_WHY_OTHER_DB)
			store_fw_why_set(err, FW_WHY_OTHER_DB, 1, path);
		sqlite3_close(st->db);
		st->db = NULL;
		store_close(st);
		return -1;
	}
	*out = st;
	return 0;
}

void store_close(store *st)
{
	if (!st)
		return;
	for (int i = 0; i < SQ_COUNT; i++)
		sqlite3_finalize(st->cache[i]);
	if (st->db) {
		if (!st->readonly)
			sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL,
						  NULL);
		sqlite3_close(st->db);
	}
	store_paths_forget(st);
	free(st->path);
	free(st);
}

const char *store_path(const store *st)
{
	return st->path;
}

const char *store_device_id(const store *st)
{
	return st->device_id;
}

int store_schema_version(const store *st)
{
	return st->schema_version;
}
