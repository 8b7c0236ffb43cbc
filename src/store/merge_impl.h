/* merge_impl.h: the parts shared by merge.c (inputs, bulk copy, report), merge_versions.c (one
 * interview whose versions differ) and merge_keys.c (likely duplicates). Private to src/store. */
#ifndef SURVEY_MERGE_IMPL_H
#define SURVEY_MERGE_IMPL_H

#include <pthread.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "store/merge.h"
#include "store/store_impl.h"
#include "util/util.h"

/* A file seen in this run, to catch an input given twice. */
struct merge_seen {
	dev_t dev;
	ino_t ino;
	char sha256[65];      /* its content hash */
};

/* The checks of one input (merge_check.c), made in line or ahead in a thread. */
struct merge_check {
	char *path;           /* the input */
	struct stat sb;       /* the file when checked */
	int version;          /* its schema version */
	char device_id[40];   /* its device id */
	store_scan sc;        /* content hash and the events hash of each interview */
	char *uri;            /* what is opened and ATTACHed: the input read-only and immutable, or
	                         the private copy of a WAL-mode input or of one with a hot journal
	                         (merge_untrusted_open) */
	char *tmpdir;         /* the folder of that private copy, or NULL */
	long long budget;     /* progress callbacks left before reading it is given up */
	int too_long;         /* the budget ran out */
	int rc;               /* 0: good; -1: refused, err says why */
	char err[ERR_MAX];
	pthread_t thread;     /* checking ahead */
	int running;          /* thread not joined yet */
};
/* Check c->path whole on a read-only connection of its own; fills c (and returns c->rc). */
int merge_check_run(struct merge_check *c);
/* The check merge_prefetch started for in_path, finished, or NULL. The caller frees it. */
struct merge_check *merge_check_take(merge *m, const char *in_path);
void merge_check_free(struct merge_check *c);   /* joins a running thread; NULL accepted */
/* Has the file changed since it was checked? (Never for a private copy.) */
int merge_check_changed(const struct merge_check *c);
/* Open c->path (stat'ed in c->sb) as untrusted data (merge_untrusted.c): read-only and
 * immutable; a WAL-mode file, or one with a -journal beside it, through a private copy
 * (c->tmpdir) where SQLite folds the log in or rolls the journal back; nothing created beside it;
 * merge_harden'ed, with a budget of work proportional to its size. Sets c->uri. -1 with err. */
int merge_untrusted_open(struct merge_check *c, sqlite3 **db, char *err);
/* Remove the private copy and forget c->uri. */
void merge_untrusted_remove(struct merge_check *c);
/* SQLite's defences on a connection that reads an input: defensive, untrusted schema, no
 * extensions, triggers or views, bounded value length. */
void merge_harden(sqlite3 *db);
/* "file:PATH?mode=ro" (with &immutable=1 when set), URI characters escaped. malloc'd. */
char *merge_uri(const char *path, int immutable);
/* The input's header fields (application id, schema version 1..STORE_SCHEMA_VERSION, page
 * size) and its whole sqlite_schema equal to store_schema_expected(version), row by row.
 * Reads nothing else. -1 with a one-line reason in err. */
int merge_schema_check(sqlite3 *db, const char *schema, int *version, char *err);
/* The input's device id from its meta (a UUID). */
int merge_device_id(sqlite3 *db, const char *schema, char out[40], char *err);
/* SQLite's messages may span lines (an integrity report): make s one line, controls as
 * spaces. */
void merge_one_line(char *s);
/* PRAGMA integrity_check of database `schema`; -1 with "it is damaged (...)" in err. */
int merge_integrity(sqlite3 *db, const char *schema, char *err);
/* The content hash `survey pack` recorded in schema's meta, if any, must equal sha. */
int merge_packed_hash(sqlite3 *db, const char *schema, const char *sha, char *err);

struct merge {
	store *st;            /* the output, NULL until the first input that passed its checks */
	char *out_path;       /* the output as given */
	int lock_fd;          /* the output file, flock'ed for the whole run; -1 when none */
	int created;          /* this run created the output (removed again if nothing merged) */
	int ready;            /* the output's journal and temporary tables are set (output_ready) */
	dev_t dev;            /* the output file, refused as an input */
	ino_t ino;
	char **keys;          /* --key questions, or NULL: each form's settings key_questions */
	int nkeys;
	int keys_loaded;      /* temp.merge_keys holds the output's interviews */
	struct merge_seen *seen;   /* inputs merged in this run */
	int nseen;
	struct merge_check *ahead[2]; /* next inputs, being checked in threads (merge_prefetch) */
};

/* Merge the incoming version (schema src) of interview uuid, which differs from what the output
 * holds, by the rules of DESIGN.md (descent by event-log prefix, else a deterministic winner and
 * the others kept whole in conflicts). *action is set to "identical", "outdated", "updated" or
 * "conflicting". Inside the caller's transaction; -1 with err on a database error. */
int merge_version(merge *m, const char *uuid, const char *events_sha256, long long events_count,
		  const char **action, char *err);

/* Fill temp.merge_keypaths for every form in the output that has key questions (from m->keys
 * or the form's settings), make temp.merge_keys current for the interviews of temp.merge_in
 * whose action is new, updated or conflicting, and report their likely duplicates in res. */
int merge_duplicates(merge *m, merge_result *res, char *err);
/* Create the temporary tables of the duplicate check (at merge_open). */
int merge_keys_init(merge *m, char *err);
/* Forget what the duplicate check computed (after a rolled-back input). */
void merge_keys_forget(merge *m);
/* Are there key questions for any form? (after merge_duplicates ran once) */
int merge_keys_known(merge *m);

/* Run sql (one statement, text parameters ?1.., NULL binds NULL); -1 with store_sqlerr. */
int merge_exec(merge *m, const char *what, char *err, const char *sql, int n, ...);

#endif
