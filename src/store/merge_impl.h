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

/* An input merged into the output in an earlier run (merge_skip.c): the SHA-256 of its file's
 * bytes, its content hash, and the device and counts its latest provenance row records (new,
 * identical, updated, outdated, conflicting). */
struct merge_known {
	char file_sha256[65];
	char sha256[65];
	char device_id[40];
	int counts[5];
	long long max_attach; /* its largest attachment (bytes) */
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
	const struct merge_known *known; /* the output's known inputs (read-only in the thread) */
	int nknown;
	char file_sha256[65]; /* SHA-256 of its bytes, "" when not a plain file alone or it changed */
	const struct merge_known *already; /* its bytes were merged before: nothing else is read */
	int want_records;     /* give the private copy records beside its schema-7 tables */
	int records;          /* it has them (src.records, checked or built) */
	int lazy;             /* a file of schema 8 whose answers and events are only in its
	                         records: the copy's tables answers and events are empty
	                         (merge_unpack_8_to_7_interviews; merge_src_rows fills them) */
	pthread_t thread;     /* checking ahead */
	int running;          /* thread not joined yet */
};
/* A check of in_path to run, knowing m's known inputs. */
struct merge_check *merge_check_new(const merge *m, const char *in_path);
/* Check c->path whole on a read-only connection of its own; fills c (and returns c->rc) — or,
 * when its bytes are those of a known input, sets c->already and reads nothing else. */
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
/* A writable private copy of c->path, whatever its journal (made now unless c has one), opened
 * on *db with the same defences and a budget for its size (8 times it when compact: a file of
 * schema 8, to be unpacked); c->uri names it read-only for the ATTACH. */
int merge_untrusted_private(struct merge_check *c, int compact, sqlite3 **db, char *err);
/* The reverse, in a private writable copy of a schema-8 file (a merge input): its views
 * dropped and the schema-7 tables interviews, answers and events created beside the records
 * and filled from them, each record checked to be the canonical encoding of its rows
 * (record_check) against `paths` rows that are exactly those its forms give
 * (record_paths_verify). In the caller's transaction; 0, or -1 with one line naming the
 * interview. */
int merge_unpack_8_to_7(sqlite3 *db, char *err);
/* The same for an output of schema 8, which reads the input's answers and events from its
 * records: only interviews (and provenance) made, the tables answers and events left empty;
 * the records are checked by store_scan_content with STORE_SCAN_RECORDS. */
int merge_unpack_8_to_7_interviews(sqlite3 *db, char *err);
/* The schema-7 tables named in `tables` (an SQL list of quoted names, e.g. "'interviews',
 * 'answers', 'events'") and their indexes, as survey declares them, created in `schema` of db.
 * 0, or -1 with one line in err. */
int merge_tables_v7(sqlite3 *db, const char *schema, const char *tables, char *err);
/* The same, only the tables (MERGE_V7_TABLES) or only their indexes (MERGE_V7_INDEXES, made
 * once the tables are filled), or both. */
enum { MERGE_V7_TABLES = 1, MERGE_V7_INDEXES = 2 };
int merge_tables_v7_part(sqlite3 *db, const char *schema, const char *tables, int what,
			 char *err);
/* The answer and event rows r of interview uuid written with an ("INSERT ... answers VALUES
 * (?1..?5)", STORE_ANSWER_COLUMNS) and ev ("INSERT ... events VALUES (?1..?10)", uuid then
 * STORE_EVENT_COLUMNS). 0, or -1 with one line naming the interview. */
int merge_rows_put(sqlite3 *db, sqlite3_stmt *an, sqlite3_stmt *ev, const char *uuid,
		   const record_rows *r, char *err);
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

/* merge_dups.c: the keys of likely duplicates of the output's interviews, in memory for a
 * run: each interview's form and joined key answers (kv, and its label "name=v; ..."). */
typedef struct dupset {
	struct dup_entry **by_uuid;   /* n, by uuid */
	struct dup_entry **by_group;  /* the same n, by form, kv, uuid */
	struct dup_entry **staged;    /* nstaged, added by the next dupset_commit */
	size_t n, nstaged, staged_cap;
} dupset;
void dupset_release(dupset *d);   /* frees everything, leaves it empty */
/* Note the keys of one interview (copied), for the next commit. */
void dupset_stage(dupset *d, const char *uuid, const char *form_id, const char *kv,
		  const char *label);
/* The interviews touched (t: nt uuids, strcmp-sorted; all: every one) have the keys staged
 * now, or none when not staged. */
void dupset_commit(dupset *d, int all, const char *const *t, size_t nt);
/* The likely duplicates of the touched interviews t (sorted, the t of the last commit): for
 * each, every other interview of its form with the same keys, a pair of two touched ones once
 * (from the smaller uuid), ordered by the touched uuid, then the other. *out (malloc'd, or NULL
 * when none) points into *text, one malloc'd block holding every string of the pairs. */
void dupset_pairs(const dupset *d, const char *const *t, size_t nt, merge_dup **out, int *n,
		  char **text);

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
	int keys_loaded;      /* dups holds the keys of the output's interviews */
	dupset dups;
	int origins_known;    /* origins_held says which origins the output holds (merge_origin.c) */
	int origins_held[ORIGIN_N];
	int origins_brought[ORIGIN_N];   /* those the input being merged brings */
	struct merge_seen *seen;   /* inputs merged in this run */
	int nseen;
	struct merge_check *ahead[2]; /* next inputs, being checked in threads (merge_prefetch) */
	struct merge_known *known;    /* inputs merged in earlier runs (merge_known_load at open;
	                                 never changed after, as check threads read it) */
	int nknown;
	int src_version;      /* schema version of the input attached as src */
	int allow_simulated;  /* merge_allow_simulated */
	long long max_attach; /* merge_max_attachment; 0: STORE_ATTACH_DEFAULT_MAX */
	char src_device[40];  /* the input being merged: its device id (meta) */
	int src_merged;       /* it may hold conflicts and provenance (schema 2 and later) */
	int src_attached;     /* its scan saw an 'attached' event or a conflicts row (which may
	                         hold one): merge_attach_check reads its events */
	int create_flags;     /* added to STORE_CREATE when the output is made (STORE_SCHEMA8) */
	int want_records;     /* the output is or will be of schema 8: every input's private
	                         copy gets records (merge_check) */
	int out8;             /* the output is of schema 8 (merge_records.c) */
	int src_lazy;         /* the input's answers and events are in its records only
	                         (merge_check's lazy): read through srcrows (merge_src_rows.c) */
	store_paths_cache src_paths;   /* the input's path tables (srcrows, merge_validate) */
};

/* merge_src_rows.c: the rows of a schema-8 input's interviews for an output of schema 8, read
 * only where merge needs rows (a version merge_version decides, the attachments check, a
 * record encoded again): decoded from src.records into the temporary schema srcrows (the
 * tables interviews, answers and events of schema 7) when first asked for. */
/* Attach and create srcrows (at output_ready, with stage). */
int merge_src_rows_init(merge *m, char *err);
/* A new input: srcrows emptied; lazy says its rows are in its records only. */
int merge_src_rows_begin(merge *m, int lazy, char *err);
/* Where the input's interview, answer and event rows are read: "srcrows" or "src". */
const char *merge_src_schema(const merge *m);
/* srcrows holds interview uuid of the input with its rows (nothing for an input whose rows
 * are in src, or a uuid it lacks). 0, or -1 with err. */
int merge_src_rows(merge *m, const char *uuid, char *err);
/* The same for every interview whose scan counted an "attached" event. */
int merge_src_rows_attached(merge *m, const store_scan *sc, char *err);

/* merge_records.c: merging into an output of schema 8, whose interviews are records. The
 * input's private copy holds records beside its schema-7 tables (merge_check), checked or
 * built there, so interviews are copied and compared as records, bytes for bytes; the few
 * that merge_version decides are read through the attached in-memory schema `stage` (the
 * output's rows of one interview, in the tables of schema 7) and written back encoded. */
/* Attach and create `stage` (at output_ready). */
int merge_rec_stage_init(merge *m, char *err);
/* stage := the output's rows of uuid (none when it has no such interview). */
int merge_rec_stage(merge *m, const char *uuid, char *err);
/* Empty stage. */
int merge_rec_stage_clear(merge *m, char *err);
/* The output's record of uuid removed; src's record of uuid copied into the output (encoded
 * again when the two files' path ids of its form version differ: merge_rec_copy_new); the rows
 * of uuid in `schema` (stage, src: the tables of schema 7) encoded into the output's record. */
int merge_rec_drop(merge *m, const char *uuid, char *err);
int merge_rec_copy(merge *m, const char *uuid, char *err);
int merge_rec_encode(merge *m, const char *schema, const char *uuid, char *err);
/* The output's provenance_interviews rows as a table name or subquery with schema 7's six
 * columns (its compact tables on an output of schema 8, read without views). A new string. */
char *merge_provenance_rows(merge *m);

/* The bulk steps of merge.c on records: the new interviews copied (with the path ids of the
 * form versions the output lacks); the identical ones marked. */
int merge_rec_copy_new(merge *m, int every, char *err);
int merge_rec_mark_identical(merge *m, char *err);
/* merge_keys_records.c: the keys of the interviews selected by `which` (an SQL condition on
 * i.uuid, i the output's records) on an output of schema 8, staged in m->dups: each one's
 * record decoded once and the answers to its form's keys (temp.merge_keypaths) picked by
 * KEY_ANSWER's rule (merge_keys.c); those with every key answered, none empty. */
int merge_keys_records(merge *m, const char *which, char *err);

/* merge_origin.c: simulated interviews and real ones (field, imported) are not mixed in one
 * output unless m->allow_simulated: -1 with err (one line, naming the output) when the input
 * attached as src would mix them. Reads src and main only. */
int merge_origin_check(merge *m, char *err);
/* The input merge_origin_check passed is merged (committed): its origins are held now. */
void merge_origins_merged(merge *m);
/* SQL expression: the origin of src's interview row `table` (its name or alias in the query),
 * whatever the input's schema version (store_origin_sql). sqlite3_free it. */
char *merge_src_origin(const merge *m, const char *table);


/* Before merge_version, once per input (attached as src, temp.merge_in filled and the bulk
 * steps done): reads the input's device and schema into m, fills temp.merge_src_seen (uuid,
 * events_sha256, device_id: the versions a merged input's provenance records), lists in
 * temp.merge_settle the interviews merge_version is to see (those with no action yet, the
 * identical ones with conflicts stored, those of the input's conflicts), fills
 * temp.merge_seen_from (the same columns: which devices each of their versions was seen coming
 * from) and empties temp.merge_carried (uuid, key, action: the input's conflicts rows as
 * merged). -1 with err on a database error, or when the input has conflicts of an interview it
 * lacks. */
int merge_versions_begin(merge *m, char *err);
/* Merge one incoming version of interview uuid by the rules of DESIGN.md (merge_versions.c: a
 * version replaces those it extends when it is from the interview's own device; every other
 * one is kept, the greatest by a total order in interviews/answers/events and the rest whole
 * in conflicts). The version is the input's interview (src_key NULL; events_sha256 and
 * events_count from the input's scan) or the input's conflicts row (uuid, src_key), checked
 * first (-1 with "it is damaged: ..." when it is not sound). *action is set to "identical",
 * "outdated", "updated" or "conflicting". Inside the caller's transaction; -1 with err on a
 * database error. */
int merge_version(merge *m, const char *uuid, const char *src_key, const char *events_sha256,
		  long long events_count, const char **action, char *err);

/* Fill temp.merge_keypaths for every form in the output that has key questions (from m->keys
 * or the form's settings), make temp.merge_keys current for the interviews of temp.merge_in
 * whose action is new, updated or conflicting, and report their likely duplicates in res. */
int merge_duplicates(merge *m, merge_result *res, char *err);
/* Fill temp.merge_keypaths (the key questions of every form in the output). */
int merge_load_keypaths(merge *m, char *err);
/* Create the temporary tables of the duplicate check (at merge_open). */
int merge_keys_init(merge *m, char *err);
/* Forget what the duplicate check computed (after a rolled-back input). */
void merge_keys_forget(merge *m);
/* Are there key questions for any form? (after merge_duplicates ran once) */
int merge_keys_known(merge *m);

/* Check the content of the input ATTACHed as src against its questionnaires (merge_validate.c):
 * new questionnaires load, interviews are of a version the input or the output holds, answers
 * are at its paths with values valid for their questions and states. -1 with one line in err. */
int merge_validate(merge *m, char *err);

/* The input's attachments (merge_attach.c): every row sound (types, plain file name, size
 * within m->max_attach, SHA-256 and media type matching), named by an "attached" event of one
 * of its interview's versions, every such event with its row, every answer at a question with
 * attached files naming one; an input of schema 1 to 4 names none. Its events are read only
 * when m->src_attached (set from the input's scan) says they may hold an "attached" one. -1
 * with one line in err. */
int merge_attach_check(merge *m, char *err);
/* Copy every attachment of the input the output lacks (the union: order-independent). */
int merge_attach_copy(merge *m, char *err);

/* The input's fieldwork tables (merge_fieldwork.c, schema STORE_SCHEMA_FIELDWORK): every row
 * sound (types, one-line printable names within bounds, a frame row a JSON object of text, a
 * UUID and SHA-256 where they belong, a known decision), and nothing contradicting the input
 * itself or the output: a unit's frame row differing, a unit with two interview UUIDs, one
 * UUID for two units, an assignment of a unit no frame holds. -1 with one line in err. */
int merge_fieldwork_check(merge *m, char *err);
/* Copy the input's frame, assignments and reviews as a union (an assignment made twice keeps
 * the later time): order-independent and idempotent. */
int merge_fieldwork_copy(merge *m, char *err);
/* The input's sealed records (merge_seal.c): each of a questionnaire the input or the output
 * holds (their rows were checked with the file); then copied, the union. -1 with err. */
int merge_seal_check(merge *m, char *err);
int merge_seal_copy(merge *m, char *err);
/* merge_skip.c: re-merging an input already merged. The SHA-256 of the file at path (stat'ed
 * in sb) in out: -1 and "" when it is not a regular file alone (a -wal or -journal beside it) or
 * it changed while it was read. */
int merge_file_sha256(const char *path, const struct stat *sb, char out[65]);
/* Is the file at path still as stat'ed in sb (same inode, size, times), alone? */
int merge_file_unchanged(const char *path, const struct stat *sb);
/* Fill m->known from the output's meta and provenance (none on any error: every input is then
 * merged whole). Before the first merge_prefetch. */
void merge_known_load(merge *m);
/* The known input with those bytes, or NULL. */
const struct merge_known *merge_known_find(const struct merge_known *known, int n,
					   const char *file_sha256);
/* Remember, in the output's meta, that the file with file_sha256 ("" : nothing) holds the
 * content sha256 just merged. Inside the input's transaction. */
int merge_known_remember(merge *m, const char *file_sha256, const char *sha256, char *err);
/* May the known input k be skipped under this run's --max-attachment? 0: read and check it
 * whole. */
int merge_known_usable(merge *m, const struct merge_known *k);
/* Record and report the known input k given again (res->path, sha256 and device_id set): a
 * provenance row, and res's counts as a full merge would give them. */
int merge_known_record(merge *m, const struct merge_known *k, merge_result *res, char *err);


#endif
