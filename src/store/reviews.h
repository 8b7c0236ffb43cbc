/* reviews.h: a supervisor's decisions and comments on interviews (table reviews, DESIGN.md,
 * Fieldwork). Each row belongs to ONE version of an interview: the SHA-256 of its event log, as
 * merge computes it. The review state of an interview is the latest approved/rejected row of its
 * CURRENT version; a version corrected after a rejection has a new hash, so it is "to review"
 * again. Decisions are never events of the interview's log (only its own device extends it). */
#ifndef SURVEY_STORE_REVIEWS_H
#define SURVEY_STORE_REVIEWS_H

#include "store/store.h"

#define STORE_REVIEW_TEXT_MAX 2000   /* a reason or comment: printable text, at most this many bytes */

typedef enum store_review_state {
	REVIEW_NONE = 0,     /* not complete (a draft, discarded): nothing to review */
	REVIEW_TO_REVIEW,    /* complete, no decision on its current version */
	REVIEW_APPROVED,
	REVIEW_REJECTED,     /* returned to its interviewer for correction */
} store_review_state;
/* "", "to-review", "approved", "rejected" */
const char *store_review_state_name(store_review_state s);

/* The SHA-256 (hex) of an interview's event log as merge computes it. -1 with err when the
 * interview does not exist. */
int store_events_sha256(store *st, const char *uuid, char out[65], char *err);

/* Record a decision on the interview's current version: decision is "approved", "rejected" or
 * "comment"; path "" (or NULL) is the whole interview, else a question path of it; text the
 * reason or comment (one line of printable UTF-8, at most STORE_REVIEW_TEXT_MAX bytes; a
 * rejection and a comment need one). Refused with one line in err, nothing written, when the
 * file has no reviews table (schema before it), the interview does not exist, is not complete
 * (a decision) or is discarded (a comment), or the text or reviewer is not acceptable. */
int store_review_add(store *st, const char *uuid, const char *reviewer, const char *decision,
		     const char *path, const char *text, char *err);

/* The checks of store_review_add alone, writing nothing (a command checks on a read-only
 * handle before it opens the file for writing). */
int store_review_check(store *st, const char *uuid, const char *reviewer, const char *decision,
		       const char *path, const char *text, char *err);

/* The review state of an interview (REVIEW_NONE when it is not complete or the file has no
 * reviews table). -1 with err when the interview does not exist. */
int store_review_get(store *st, const char *uuid, store_review_state *out, char *err);

/* One row of reviews. Strings malloc'd. */
typedef struct store_review {
	char *events_sha256, *at, *reviewer, *decision, *path, *text;
	int current;         /* 1: made on the interview's current version */
} store_review;
/* Every row of an interview, oldest first (at, then the key). Free with store_reviews_free. */
int store_reviews(store *st, const char *uuid, store_review **out, int *n, char *err);
void store_reviews_free(store_review *r, int n);

/* What a returned interview brings back to its laptop: the rows (the rejection with its reason,
 * and the comments on questions, path set) of the version rejected last — none when no
 * rejection, or when an approval came after it. Oldest first; free with store_reviews_free. */
int store_review_notes(store *st, const char *uuid, store_review **out, int *n, char *err);

/* The UUIDs of the complete interviews whose current version is approved, sorted (strcmp), for
 * analyses restricted to them (--status approved). *uuids malloc'd, each string too: free
 * with store_strings_free (scan.h). None when the file has no reviews table. */
int store_approved_uuids(store *st, char ***uuids, int *n, char *err);

/* Does the file have the reviews table? */
int store_has_reviews(const store *st);

#endif
