/* unseal.c: `survey unseal DB --key SECRET` — every sealed record of a file opened with the
 * coordinator's secret key and the interview version it holds merged through the normal merge
 * rules (merge.c), so the rows after unsealing are the same whatever order the files were
 * merged in. All or nothing: every record is opened and checked before anything is written,
 * the merge goes into a copy of the file that is renamed over it only when every record went
 * in. A record whose version the file already holds is left as it is (a second unseal changes
 * nothing). Rules: DESIGN.md, Sealed interviews. */
#include "store/merge_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/sealbox.h"
#include "util/util.h"

struct opened {
	char uuid[STORE_UUID_LEN + 1];
	unsigned char *bytes;   /* the record's payload: a database of one interview */
	size_t len;
	char *path;             /* where it is written for merging */
};

/* The payload of a record is untrusted (anyone with the public key can seal): a survey
 * database of exactly the one interview version its label outside the seal names. */
static int check_payload(struct opened *o, sqlite3_stmt *row, char *err)
{
	sqlite3 *db;
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return errf(err, "out of memory");
	}
	merge_harden(db);
	unsigned char *copy = sqlite3_malloc64(o->len ? o->len : 1);
	if (!copy) {
		sqlite3_close(db);
		return errf(err, "out of memory");
	}
	memcpy(copy, o->bytes, o->len);
	int rc = sqlite3_deserialize(db, "main", copy, (sqlite3_int64)o->len, (sqlite3_int64)o->len,
				     SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
	store_scan sc = { 0 };
	int version = 0;
	char dev[40], why[ERR_MAX];
	if (rc != SQLITE_OK)
		rc = errf(why, "it is not a database");
	else
		rc = merge_schema_check(db, "main", &version, why) ||
		     merge_integrity(db, "main", why) ||
		     store_scan_content(db, "main", version, 1, &sc, why) ||
		     merge_device_id(db, "main", dev, why) ? -1 : 0;
	if (!rc && (sc.n != 1 || strcmp(sc.ivs[0].uuid, o->uuid) ||
		    strcmp(sc.ivs[0].events_sha256, (const char *)sqlite3_column_text(row, 1)) ||
		    sc.ivs[0].events_count != sqlite3_column_int64(row, 8) ||
		    strcmp(dev, (const char *)sqlite3_column_text(row, 5))))
		rc = errf(why, "it holds another interview than its label says");
	sqlite3_stmt *s;
	if (!rc && store_prepare(db, "SELECT form_id = ?1 AND form_version = ?2 AND device_id = ?3 "
				 "AND status = ?4 AND revision = ?5 AND (SELECT count(*) FROM "
				 "conflicts) + (SELECT count(*) FROM provenance) + (SELECT count(*) "
				 "FROM sealed) = 0 FROM interviews", &s, why) == 0) {
		for (int i = 0; i < 4; i++)
			sqlite3_bind_value(s, i + 1, sqlite3_column_value(row, i + 3));
		sqlite3_bind_int64(s, 5, sqlite3_column_int64(row, 7));
		if (sqlite3_step(s) != SQLITE_ROW || !sqlite3_column_int(s, 0))
			rc = errf(why, "it holds another interview than its label says");
		sqlite3_finalize(s);
	} else if (!rc)
		rc = -1;
	store_scan_release(&sc);
	sqlite3_close(db);
	if (rc)
		return errf(err, "the sealed record of interview %s opens but is not sound (%s): it "
			    "was made by another program or altered before sealing", o->uuid, why);
	return 0;
}

/* Open every record of st not yet opened; *out the payloads, *n of them. */
static int open_all(store *st, const sealbox_key *key, const char *key_path,
		    store_unseal_result *res, struct opened **out, int *n, char *err)
{
	sqlite3_stmt *s;
	*out = NULL;
	*n = 0;
	if (store_prepare(st->db, "SELECT uuid, events_sha256, record_sha256, form_id, "
			  "form_version, device_id, status, revision, events_count, sealed_at, "
			  "key_id, size, record, EXISTS (SELECT 1 FROM provenance_interviews p WHERE "
			  "p.uuid = s.uuid AND p.events_sha256 = s.events_sha256) FROM sealed s "
			  "ORDER BY uuid, events_sha256, record_sha256", &s, err))
		return -1;
	int rc = 0, step;
	char mine[SEALBOX_KEY_ID_HEX];
	sealbox_key_id(key, mine);
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
		res->sealed++;
		if (sqlite3_column_int(s, 13)) {
			res->already++;
			continue;
		}
		struct opened o = { .bytes = NULL };
		snprintf(o.uuid, sizeof o.uuid, "%s", (const char *)sqlite3_column_text(s, 0));
		size_t adlen;
		unsigned char *ad = store_sealed_ad(o.uuid, (const char *)sqlite3_column_text(s, 3),
			(const char *)sqlite3_column_text(s, 4),
			(const char *)sqlite3_column_text(s, 5),
			(const char *)sqlite3_column_text(s, 6), sqlite3_column_int64(s, 7),
			sqlite3_column_int64(s, 8), (const char *)sqlite3_column_text(s, 1),
			(const char *)sqlite3_column_text(s, 9), &adlen);
		char theirs[SEALBOX_KEY_ID_HEX];
		sealbox_status st_ = sealbox_open(key, ad, adlen, sqlite3_column_blob(s, 12),
						  (size_t)sqlite3_column_bytes(s, 12), &o.bytes,
						  &o.len, theirs);
		free(ad);
		if (st_ == SEALBOX_NOT_A_RECORD)
			rc = errf(err, "the sealed record of interview %s is cut short or damaged",
				  o.uuid);
		else if (st_ == SEALBOX_OTHER_KEY)
			rc = errf(err, "interview %s was sealed for another key (key id %s; '%s' is "
				  "key %s): give the secret key whose .pub line is in the form", o.uuid,
				  theirs, key_path, mine);
		else if (st_ == SEALBOX_ALTERED)
			rc = errf(err, "the sealed record of interview %s does not open with '%s': it "
				  "was altered, cut short or moved from another interview", o.uuid,
				  key_path);
		else if (check_payload(&o, s, err))
			rc = -1;
		if (rc) {
			free(o.bytes);
			break;
		}
		*out = xreallocarray(*out, (size_t)*n + 1, sizeof **out);
		(*out)[(*n)++] = o;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_sqlerr(st, "cannot read the sealed records", err);
	sqlite3_finalize(s);
	return rc;
}

static void opened_free(struct opened *o, int n)
{
	for (int i = 0; i < n; i++) {
		if (o[i].path)
			unlink(o[i].path);
		if (o[i].bytes)
			memset(o[i].bytes, 0, o[i].len);
		free(o[i].bytes);
		free(o[i].path);
	}
	free(o);
}

static int write_private(const char *path, const unsigned char *b, size_t len, char *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return errf(err, "cannot write '%s': %s", path, strerror(errno));
	ssize_t w = write(fd, b, len);
	int bad = w < 0 || (size_t)w != len;
	if (close(fd) != 0 || bad)
		return errf(err, "cannot write '%s': %s", path, strerror(errno ? errno : EIO));
	return 0;
}

/* The questionnaire version of the payload's interview, from the file being unsealed (file,
 * the merge's connection on its copy), added to the payload written at path. A payload holds
 * no `forms` row (seal.c), and for an output of schema 8 merge encodes an older input's
 * records with the path ids of the input's own questionnaires: without the row every answer
 * would be kept as its path text — not the one encoding of those rows that the file's other
 * records have and that a later merge of the file checks (it refused the file as damaged). */
static int payload_form(sqlite3 *file, const char *path, char *err)
{
	sqlite3 *db;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		errf(err, "cannot open '%s': %s", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return -1;
	}
	merge_harden(db);
	sqlite3_stmt *iv = NULL, *f = NULL, *put = NULL;
	int rc = store_prepare(db, "SELECT form_id, form_version FROM interviews", &iv, err);
	if (!rc && sqlite3_step(iv) == SQLITE_ROW)
		rc = store_query(file, &f, err, "SELECT form_id, version, title, source_name, "
				 "source_kind, source, sha256, added FROM main.forms WHERE form_id = "
				 "?1 AND version = ?2", 2, (const char *)sqlite3_column_text(iv, 0),
				 (const char *)sqlite3_column_text(iv, 1));
	if (!rc && f && sqlite3_step(f) == SQLITE_ROW &&
	    !(rc = store_prepare(db, "INSERT OR IGNORE INTO forms(form_id, version, title, "
				 "source_name, source_kind, source, sha256, added) VALUES (?1, ?2, "
				 "?3, ?4, ?5, ?6, ?7, ?8)", &put, err))) {
		for (int i = 0; i < 8; i++)
			sqlite3_bind_value(put, i + 1, sqlite3_column_value(f, i));
		if (sqlite3_step(put) != SQLITE_DONE)
			rc = errf(err, "cannot write '%s': %s", path, sqlite3_errmsg(db));
	}
	sqlite3_finalize(iv);
	sqlite3_finalize(f);
	sqlite3_finalize(put);
	if (sqlite3_close(db) != SQLITE_OK && !rc)
		rc = errf(err, "cannot write '%s'", path);
	return rc;
}

/* Copy db (consistent: VACUUM INTO on its read-only connection) to copy_path. */
static int copy_db(store *st, const char *copy_path, char *err)
{
	sqlite3_stmt *s;
	if (store_query(st->db, &s, err, "VACUUM INTO ?1", 1, copy_path))
		return -1;
	int rc = sqlite3_step(s) == SQLITE_DONE ? 0 : (store_note_full(st->db),
		errf(err, "cannot copy it: %s", sqlite3_errmsg(st->db)));
	sqlite3_finalize(s);
	return rc;
}

static int sync_path(const char *path, int dir)
{
	int fd = open(path, (dir ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* Merge the payloads into a copy of db_path, then rename it over db_path. */
static int merge_into_copy(store **stp, const char *db_path, struct opened *o, int n,
			   const char *tmpdir, store_unseal_result *res, char *err)
{
	char *dup = xstrdup(db_path), *copy = xasprintf("%s/all.db", tmpdir);
	const char *dir = dirname(dup);
	char *target = xasprintf("%s/.%s.unseal", dir, strrchr(db_path, '/') ?
				 strrchr(db_path, '/') + 1 : db_path);
	int rc = copy_db(*stp, copy, err);
	store_close(*stp);
	*stp = NULL;
	merge *m = NULL;
	if (!rc)
		rc = merge_open(copy, NULL, 0, 0, &m, err);
	if (!rc)
		merge_allow_simulated(m, 1);   /* the file already mixes them or not: its merges said */
	for (int i = 0; i < n && !rc; i++) {
		merge_result r = { .path = NULL };   /* released below also when nothing was merged */
		o[i].path = xasprintf("%s/sealed-%s-%d.db", tmpdir, o[i].uuid, i);
		rc = write_private(o[i].path, o[i].bytes, o[i].len, err) ||
		     payload_form(m->st->db, o[i].path, err);
		if (!rc && merge_input(m, o[i].path, &r))
			rc = errf(err, "interview %s: %s", o[i].uuid, r.rejected);
		/* the record is no laptop's file: named as what it is, and with no device, so that
		 * a later pack of the laptop that sealed it never passes for a cloned laptop (its
		 * versions keep their device in provenance_interviews, which marks them opened) */
		char *label = xasprintf("sealed record of interview %s", o[i].uuid);
		if (!rc && store_run(m->st, "cannot record the provenance", err, "UPDATE main.provenance "
				      "SET device_id = NULL, path = ?2 WHERE input_sha256 = ?1", 2,
				      r.sha256, label))
			rc = -1;
		free(label);
		if (!rc)
			res->opened++;
		merge_result_release(&r);
	}
	merge_close(m);
	/* the copy goes beside the file (a rename does not cross file systems), then over it */
	if (!rc) {
		FILE *in = fopen(copy, "rb"), *out = NULL;
		int fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd >= 0)
			out = fdopen(fd, "wb");
		char buf[65536];
		size_t k;
		if (!in || !out)
			rc = errf(err, "cannot write '%s': %s", target, strerror(errno));
		while (!rc && (k = fread(buf, 1, sizeof buf, in)) > 0)
			if (fwrite(buf, 1, k, out) != k)
				rc = errf(err, "cannot write '%s': %s", target, strerror(errno));
		if (!rc && (ferror(in) || fflush(out) || fsync(fileno(out))))
			rc = errf(err, "cannot write '%s': %s", target, strerror(errno));
		if (in)
			fclose(in);
		if (out)
			fclose(out);
		else if (fd >= 0)
			close(fd);
		if (!rc && rename(target, db_path) != 0)
			rc = errf(err, "cannot replace '%s': %s", db_path, strerror(errno));
		if (rc)
			unlink(target);
		else
			sync_path(dir, 1);
	}
	char *journal = xasprintf("%s-journal", copy);
	unlink(journal);
	unlink(copy);
	free(journal);
	free(copy);
	free(target);
	free(dup);
	return rc;
}

int store_unseal(const char *db_path, const char *key_path, store_unseal_result *res, char *err)
{
	memset(res, 0, sizeof *res);
	sealbox_key key;
	char why[ERR_MAX];
	if (sealbox_read_secret(key_path, &key, err))
		return -1;
	char *wal = xasprintf("%s-wal", db_path);
	struct stat sb;
	int busy = stat(wal, &sb) == 0 && sb.st_size > 0;
	free(wal);
	if (busy) {
		sealbox_key_wipe(&key);
		return errf(err, "cannot unseal '%s': it is open in another survey (its -wal file is "
			    "there); close it, or pack it and unseal the pack", db_path);
	}
	/* the lock `survey merge` takes on its output: no merge into db_path meanwhile (one that
	 * waits finds the renamed file and locks that one) */
	int lock = open(db_path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) != 0) {
		close(lock);
		sealbox_key_wipe(&key);
		return errf(err, "cannot unseal '%s': it is being merged by another survey process; "
			    "try again when it ends", db_path);
	}
	store *st;
	if (store_open(db_path, STORE_READONLY, &st, err)) {
		store_close(st);
		if (lock >= 0)
			close(lock);
		sealbox_key_wipe(&key);
		return -1;
	}
	struct opened *o = NULL;
	int n = 0, rc = 0;
	struct sha256_ctx all;
	sha256_init(&all);
	if (st->schema_version >= STORE_SCHEMA_SEALED &&
	    (store_scan_sealed(st->db, "main", 1, &all, why) ||
	     open_all(st, &key, key_path, res, &o, &n, why)))
		rc = -1;
	sealbox_key_wipe(&key);
	if (!rc && n > 0) {
		char *tpl = store_tmpdir("unseal", "cannot make a private folder", why);
		if (!tpl)
			rc = -1;
		else {
			rc = merge_into_copy(&st, db_path, o, n, tpl, res, why);
			opened_free(o, n);
			o = NULL;
			n = 0;
			rmdir(tpl);
		}
		free(tpl);
	}
	opened_free(o, n);
	store_close(st);
	if (lock >= 0)
		close(lock);
	if (rc) {
		res->opened = 0;
		return errf(err, "cannot unseal '%s': %s; nothing was changed", db_path, why);
	}
	return 0;
}
