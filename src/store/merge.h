/* merge.h: the coordinator's operations on laptop databases — `survey pack` (a consistent
 * single-file copy with its content hash recorded) and `survey merge` (many laptop files into
 * one, with conflicts kept whole and provenance recorded). Rules: DESIGN.md, Merge rules. */
#ifndef SURVEY_MERGE_H
#define SURVEY_MERGE_H

/* --- pack ---------------------------------------------------------------------------------- */

/* Copy the database at db_path to out_path: a consistent snapshot (SQLite's backup API from a
 * read-only connection, so a WAL database open in `survey run` gives its latest committed
 * answers), in rollback-journal mode (one file), with meta 'packed_at' and 'content_sha256'
 * (store_content_sha256 of the copy). Written to a temporary file beside out_path, fsync'd,
 * renamed over out_path, and the folder fsync'd. db_path is never changed. On failure returns
 * -1 with one line in err and no out_path (nor temporary file) is left behind. If sha256_out is
 * not NULL it receives the content hash (65 bytes). */
int store_pack(const char *db_path, const char *out_path, char sha256_out[65], char *err);

/* --- merge --------------------------------------------------------------------------------- */

typedef struct merge merge;   /* an output file open for merging */

/* A likely duplicate: two interviews with different UUIDs and the same answers to the form's key
 * questions. Reported, never merged. */
typedef struct merge_dup {
	const char *uuid;    /* the interview this input brought */
	const char *other;   /* the interview already in the output (or in this input) like it */
	const char *keys;    /* the key answers: "municipality=Кара-Суу; oblast=Чүй" */
} merge_dup;

/* What merging one input did. Counts are interviews (versions) of the input. */
typedef struct merge_result {
	char *path;              /* the input as given */
	char sha256[65];         /* its content hash (store_content_sha256); "" if not read */
	char device_id[40];      /* its device id (meta); "" if not read */
	int interviews;          /* interviews in the input */
	int new_;                /* absent from the output before */
	int identical;           /* the output already held this version */
	int updated;             /* replaced the stored version, which it descends from */
	int outdated;            /* an ancestor of a version the output holds: nothing to do */
	int conflicting;         /* neither descends from the other: one kept in conflicts */
	int ndups;               /* likely duplicates found */
	merge_dup *dups;         /* their strings are in dups_text */
	char *dups_text;
	int twice;               /* 1: the same content was given earlier in this run: merged once */
	int already;             /* 1: the same bytes were merged in an earlier run: not read again
	                            (counts as a merge right after that one gives them) */
	char *rejected;          /* why the input was not merged (one line); NULL when merged */
} merge_result;
void merge_result_release(merge_result *r);   /* frees the contents; r may be reused */

/* A cloned laptop: two inputs with the same device id whose interview sets diverge: each has
 * interviews made on that device that the other lacks. */
typedef struct merge_clone {
	char *device_id;
	char *path_a, *path_b;   /* as recorded in provenance (a may come from an earlier run) */
	char *sha_a, *sha_b;     /* their content hashes */
} merge_clone;
void merge_clones_free(merge_clone *c, int n);

/* Open (or create) the output. keys (paths or names of questions, nkeys of them; NULL/0 = take
 * them from the settings column 'key_questions' of each embedded form) define likely duplicates.
 * -1 with err when the output cannot be opened or its folder is not writable, or when another
 * merge into it runs (after waiting a few seconds). The output is locked until merge_close and
 * written only for an input that passed its checks: when none does, an existing output keeps
 * its bytes and a new one is not left behind. create_flags are added to STORE_CREATE when the
 * output is made (STORE_SCHEMA8: a new output of schema 8). */
int merge_open(const char *out_path, const char *const *keys, int nkeys, int create_flags,
	       merge **out, char *err);
/* Let inputs mix simulated interviews (`survey simulate`) with real ones (field, imported) in
 * the output; without it such an input is refused (`survey merge --allow-simulated`). */
void merge_allow_simulated(merge *m, int allow);
/* The largest attachment an input may hold (bytes; 0: STORE_ATTACH_DEFAULT_MAX, and never
 * above STORE_ATTACH_HARD_MAX); an input with a larger one is refused whole. */
void merge_max_attachment(merge *m, long long bytes);
/* Merge one input in one transaction. The input is untrusted data: read-only and immutable
 * (nothing created beside it), its whole schema equal to survey's for its version, every value
 * of the type its column declares, its work bounded. Fills *res (path, counts, duplicates;
 * rejected, one line, when it was refused: its bytes are unchanged and the output is as before
 * this call). Returns 0 when merged (or given twice), -1 when rejected. */
int merge_input(merge *m, const char *in_path, merge_result *res);
/* Start checking an input that will come soon (integrity, content hashes) in a thread, while
 * the current one is merged; merge_input uses the result when given that path. Optional; at
 * most two are kept ahead. */
void merge_prefetch(merge *m, const char *in_path);
/* Cloned-device pairs that involve an input merged through m. *out malloc'd. */
int merge_clones(merge *m, merge_clone **out, int *n, char *err);
/* What the output holds now: interviews and conflict rows (0); 1 (counts 0) when no output
 * file was made because no input could be merged; -1 with err on a read error. */
int merge_counts(merge *m, long long *interviews, long long *conflicts, char *err);
/* Whether key questions were known for likely duplicates (from --key or a form's settings). */
int merge_has_keys(const merge *m);
void merge_close(merge *m);   /* NULL accepted */

/* --- unseal (schema 7; DESIGN.md, Sealed interviews) -------------------------------------- */

typedef struct store_unseal_result {
	int sealed;     /* sealed records in the file */
	int already;    /* of them, opened before: the file held their version */
	int opened;     /* opened now and merged */
} store_unseal_result;
/* Open every sealed record of db_path with the secret key file key_path (sealbox_read_secret)
 * and merge the interview version each holds into db_path by the rules of merge_input. All or
 * nothing: a wrong key, a record altered, cut short, moved to another interview or not sound
 * inside fails with one line in err and db_path unchanged; otherwise the merged copy replaces
 * db_path (renamed over it). Records whose version the file holds are skipped, and when none is
 * left the file is not written. */
int store_unseal(const char *db_path, const char *key_path, store_unseal_result *res, char *err);

#endif
