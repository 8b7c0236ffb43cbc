/* merge_skip.c: re-merging an input already merged, decided from the SHA-256 of its bytes
 * without reading its rows. Each input merged whole is remembered in the output's meta as
 * 'merged_file_sha256:' || the SHA-256 of its file -> its content hash (provenance.input_sha256);
 * an input with the same bytes later is recorded and reported as already merged, nothing of it
 * read but its bytes.
 *
 * Why skipping gives the rows a full merge gives (DESIGN.md, Merge rules): merging is
 * idempotent and order-independent — the rows of interviews, answers, events, conflicts and
 * attachments after merging a set of inputs depend only on the set, not on the order nor on how
 * many times an input comes. The output holds the merge of a set that contains X (provenance
 * records X's content hash, which this run's snapshot requires); merging X again merges the same
 * set, so its rows do not change, and reading X could only confirm it. Identical bytes are
 * identical content only for the main file alone: an input with a -wal or a -journal beside it
 * is never remembered nor skipped; the file is stat'ed before and after hashing and after its
 * checks (a WAL-mode file is read through a private copy, made from the same bytes), and it is
 * remembered only when it did not change (inode, size, times) until it was merged.
 * The precondition is that the output changes only by merging (as `survey merge` writes it).
 * This run's options still hold: an input whose largest attachment is above --max-attachment
 * is read and checked whole (and refused as before). The origin check (--allow-simulated)
 * refuses only an input that brings a new mix, never one whose interviews are all there. */
#include "store/merge_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/attach.h"
#include "util/util.h"

#define KEY_PREFIX "merged_file_sha256:"
#define HASH_CHUNK (1 << 20)

/* Has path a -wal or a -journal beside it (its content may not be its bytes alone)? */
static int has_side_file(const char *path)
{
	static const char *const suffix[] = { "-wal", "-journal" };
	for (int i = 0; i < 2; i++) {
		char *p = xasprintf("%s%s", path, suffix[i]);
		struct stat sb;
		int has = lstat(p, &sb) == 0 || errno != ENOENT;
		free(p);
		if (has)
			return 1;
	}
	return 0;
}

static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	       a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

int merge_file_unchanged(const char *path, const struct stat *sb)
{
	struct stat now;
	return stat(path, &now) == 0 && same_file(&now, sb) && !has_side_file(path);
}

int merge_file_sha256(const char *path, const struct stat *sb, char out[65])
{
	out[0] = '\0';
	if (!S_ISREG(sb->st_mode) || has_side_file(path))
		return -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	struct stat before, after;
	unsigned char *buf = xmalloc(HASH_CHUNK);
	struct sha256_ctx h;
	sha256_init(&h);
	long long total = 0;
	ssize_t got = 0;
	int ok = fstat(fd, &before) == 0 && same_file(&before, sb);
	while (ok && (got = read(fd, buf, HASH_CHUNK)) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			ok = 0;
			break;
		}
		sha256_update(&h, (size_t)got, buf);
		total += got;
	}
	ok = ok && total == (long long)sb->st_size && fstat(fd, &after) == 0 &&
	     same_file(&after, sb) && !has_side_file(path);
	close(fd);
	free(buf);
	if (!ok)
		return -1;
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_digest(&h, sizeof d, d);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
	return 0;
}

void merge_known_load(merge *m)
{
	/* Only inputs whose content provenance records: the latest record of each gives the device
	 * and the counts. An output without these tables (older schema) knows none. */
	static const char sql[] =
		"SELECT substr(k.key, length('" KEY_PREFIX "') + 1), substr(k.value, 1, 64), "
		"p.device_id, p.new, p.identical, p.updated, p.outdated, p.conflicting, "
		"CAST(substr(k.value, 66) AS INTEGER) FROM main.meta k JOIN main.provenance p ON "
		"p.input_sha256 = substr(k.value, 1, 64) WHERE k.key GLOB '" KEY_PREFIX "*' AND "
		"p.merged_at = (SELECT max(merged_at) FROM main.provenance q WHERE q.input_sha256 = "
		"p.input_sha256) GROUP BY k.key";
	sqlite3_stmt *s;
	if (!m->st || sqlite3_prepare_v2(m->st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *f = (const char *)sqlite3_column_text(s, 0);
		const char *c = (const char *)sqlite3_column_text(s, 1);
		const char *d = (const char *)sqlite3_column_text(s, 2);
		if (!f || !c || strlen(f) != 64 || strlen(c) != 64)
			continue;
		m->known = xreallocarray(m->known, (size_t)m->nknown + 1, sizeof *m->known);
		struct merge_known *k = &m->known[m->nknown++];
		memcpy(k->file_sha256, f, 65);
		memcpy(k->sha256, c, 65);
		snprintf(k->device_id, sizeof k->device_id, "%s", d && store_is_uuid(d) ? d : "");
		for (int i = 0; i < 5; i++)
			k->counts[i] = sqlite3_column_int(s, 3 + i);
		k->max_attach = sqlite3_column_int64(s, 8);
	}
	sqlite3_finalize(s);
}

const struct merge_known *merge_known_find(const struct merge_known *known, int n,
					   const char *file_sha256)
{
	for (int i = 0; file_sha256[0] && i < n; i++)
		if (strcmp(known[i].file_sha256, file_sha256) == 0)
			return &known[i];
	return NULL;
}

int merge_known_remember(merge *m, const char *file_sha256, const char *sha256, char *err)
{
	if (!file_sha256[0])
		return 0;
	char key[sizeof KEY_PREFIX + 64];
	snprintf(key, sizeof key, KEY_PREFIX "%s", file_sha256);
	/* "CONTENT_SHA256 LARGEST_ATTACHMENT": a later run with a lower --max-attachment reads
	 * the input again, to refuse it as this one would have */
	return store_run(m->st, "cannot record the merge", err, m->src_version >= 5 ?
			  "INSERT OR REPLACE INTO main.meta(key, value) VALUES (?1, ?2 || ' ' || "
			  "(SELECT coalesce(max(size), 0) FROM src.attachments))" :
			  "INSERT OR REPLACE INTO main.meta(key, value) VALUES (?1, ?2 || ' 0')", 2,
			  key, sha256);
}

int merge_known_usable(merge *m, const struct merge_known *k)
{
	long long max = m->max_attach > 0 ? m->max_attach : STORE_ATTACH_DEFAULT_MAX;
	return k->max_attach <= max;
}

int merge_known_record(merge *m, const struct merge_known *k, merge_result *res, char *err)
{
	/* The counts a full merge right after the earlier one gives: the versions it stored
	 * (new, updated, identical, and conflicting ones, kept in interviews or conflicts) are
	 * identical now; the outdated ones stay outdated. */
	int identical = k->counts[0] + k->counts[1] + k->counts[2] + k->counts[4];
	res->interviews = identical + k->counts[3];
	res->identical = identical;
	res->outdated = k->counts[3];
	res->already = 1;
	char now[32], counts[2][16];
	store_now(now);
	snprintf(counts[0], sizeof counts[0], "%d", res->identical);
	snprintf(counts[1], sizeof counts[1], "%d", res->outdated);
	return store_run(m->st, "cannot record the provenance", err,
			  "INSERT OR REPLACE INTO main.provenance(input_sha256, merged_at, path, "
			  "device_id, new, identical, updated, outdated, conflicting, duplicates) "
			  "VALUES (?1, ?2, ?3, ?4, 0, ?5, 0, ?6, 0, 0)", 6, res->sha256, now,
			  res->path, res->device_id[0] ? res->device_id : NULL, counts[0], counts[1]);
}
