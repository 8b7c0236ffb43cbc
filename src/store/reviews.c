/* reviews.c: a supervisor's decisions and comments on one version of an interview, and the
 * review state that follows from them (reviews.h). */
#include "store/reviews.h"

#include <stdlib.h>
#include <string.h>

#include "store/fw_why.h"
#include "store/scan.h"
#include "store/store_impl.h"
#include "util/termsafe.h"
#include "util/util.h"

const char *store_review_state_name(store_review_state s)
{
	switch (s) {
	case REVIEW_TO_REVIEW: return "to-review";
	case REVIEW_APPROVED: return "approved";
	case REVIEW_REJECTED: return "rejected";
	default: return "";
	}
}

int store_has_reviews(const store *st)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND "
			       "name = 'reviews'", -1, &s, NULL) != SQLITE_OK) {
		sqlite3_finalize(s);
		return 0;
	}
	int yes = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return yes;
}

/* The interview's status into status (a NULL status: absent). */
static int iv_status(store *st, const char *uuid, char status[16], char *err)
{
	sqlite3_stmt *s;
	status[0] = 0;
	if (store_query(st->db, &s, err, "SELECT status FROM interviews WHERE uuid = ?1", 1, uuid))
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(status, 16, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the interview", err);
	if (rc == SQLITE_DONE) {
		char p[80];
		store_printable(uuid, p, sizeof p);
		errf(err, "no interview '%s' in '%s'", p, st->path);
		return store_fw_why_set(err, FW_WHY_NO_INTERVIEW, 2, p, st->path);
	}
	return 0;
}

int store_events_sha256(store *st, const char *uuid, char out[65], char *err)
{
	char status[16];
	if (iv_status(st, uuid, status, err))
		return -1;
	long long count;
	return store_iv_events_hash(st, uuid, out, &count, err);
}

int store_review_check(store *st, const char *uuid, const char *reviewer, const char *decision,
		       const char *path, const char *text, char *err)
{
	/* a file of an older schema read-only: the table comes with the migration on writing */
	if (!store_has_reviews(st) && !(st->readonly && st->schema_version < STORE_SCHEMA_VERSION)) {
		errf(err, "'%s' has no reviews table", st->path);
		return store_fw_why_set(err, FW_WHY_NO_REVIEWS, 1, st->path);
	}
	int is_comment = strcmp(decision, "comment") == 0;
	if (!is_comment && strcmp(decision, "approved") && strcmp(decision, "rejected"))
		return errf(err, "no decision '%s' (approved, rejected or comment)", decision);
	path = path ? path : "";
	text = text ? text : "";
	if (!reviewer || !*reviewer || strlen(reviewer) > STORE_SETTING_MAX ||
	    !termsafe_text_ok(reviewer, 0)) {
		char max[16];
		snprintf(max, sizeof max, "%d", STORE_SETTING_MAX);
		errf(err, "the reviewer's name must be one printable line of at most %s bytes", max);
		return store_fw_why_set(err, FW_WHY_REVIEWER, 1, max);
	}
	if (strlen(text) > STORE_REVIEW_TEXT_MAX || !termsafe_text_ok(text, 0) ||
	    strlen(path) > 1000 || !termsafe_text_ok(path, 0)) {
		char max[16];
		snprintf(max, sizeof max, "%d", STORE_REVIEW_TEXT_MAX);
		errf(err, "the text must be one printable line of at most %s bytes", max);
		return store_fw_why_set(err, FW_WHY_TEXT, 1, max);
	}
	if (!*text && (is_comment || strcmp(decision, "rejected") == 0)) {
		errf(err, "a %s needs a text: say what to correct",
		     is_comment ? "comment" : "rejection");
		return store_fw_why_set(err, is_comment ? FW_WHY_NEEDS_COMMENT : FW_WHY_NEEDS_REASON,
					0);
	}
	char status[16];
	if (iv_status(st, uuid, status, err))
		return -1;
	if (strcmp(status, "discarded") == 0 || (!is_comment && strcmp(status, "complete"))) {
		char p[80];
		store_printable(uuid, p, sizeof p);
		errf(err, "interview '%s' is %s: only a complete interview is approved or rejected",
		     p, strcmp(status, "discarded") ? "a draft" : "discarded");
		return store_fw_why_set(err, strcmp(status, "discarded") ? FW_WHY_DRAFT :
					FW_WHY_DISCARDED, 1, p);
	}
	if (*path) {
		sqlite3_stmt *s;
		if (store_prepare(st->db, "SELECT 1 FROM answers WHERE uuid = ?1 AND path = ?2",
				  &s, err))
			return -1;
		sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, path, -1, SQLITE_STATIC);
		int rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_ROW) {
			char p[80];
			store_printable(path, p, sizeof p);
			errf(err, "interview '%s' has no answer at '%s'", uuid, p);
			return store_fw_why_set(err, FW_WHY_NO_ANSWER, 2, uuid, p);
		}
	}
	return 0;
}

int store_review_add(store *st, const char *uuid, const char *reviewer, const char *decision,
		     const char *path, const char *text, char *err)
{
	char sha[65], now[32];
	if (store_review_check(st, uuid, reviewer, decision, path, text, err) ||
	    store_events_sha256(st, uuid, sha, err))
		return -1;
	path = path ? path : "";
	text = text ? text : "";
	store_now(now);
	sqlite3_stmt *s;
	if (store_prepare(st->db, "INSERT OR IGNORE INTO reviews(uuid, events_sha256, at, reviewer, "
			  "decision, path, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &s, err))
		return -1;
	const char *v[] = { uuid, sha, now, reviewer, decision, path, text };
	for (int i = 0; i < 7; i++)
		sqlite3_bind_text(s, i + 1, v[i], -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot record the review", err);
	return 0;
}

int store_review_get(store *st, const char *uuid, store_review_state *out, char *err)
{
	char status[16], sha[65];
	*out = REVIEW_NONE;
	if (iv_status(st, uuid, status, err))
		return -1;
	if (strcmp(status, "complete") != 0 || !store_has_reviews(st))
		return 0;
	if (store_events_sha256(st, uuid, sha, err))
		return -1;
	sqlite3_stmt *s;
	/* the latest decision; two at the same time: rejected before approved (the cautious one) */
	if (store_query(st->db, &s, err, "SELECT decision FROM reviews WHERE uuid = ?1 AND "
			"events_sha256 = ?2 AND decision <> 'comment' ORDER BY at DESC, decision "
			"DESC LIMIT 1", 2, uuid, sha))
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = strcmp((const char *)sqlite3_column_text(s, 0), "rejected") == 0 ?
			REVIEW_REJECTED : REVIEW_APPROVED;
	else
		*out = REVIEW_TO_REVIEW;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(st, "cannot read the reviews", err);
	return 0;
}

#define REVIEW(member) STORE_COL(STORE_TEXT, store_review, member)
static const store_col review_cols[] = {
	REVIEW(events_sha256), REVIEW(at), REVIEW(reviewer), REVIEW(decision), REVIEW(path),
	REVIEW(text),
};
#undef REVIEW

static int review_current(sqlite3_stmt *s, void *elem, void *arg)
{
	const char *sha = arg;   /* the interview's current version */
	store_review *r = elem;
	r->current = r->events_sha256 && strcmp(r->events_sha256, sha) == 0;
	return 0;
}

static const store_row_type review_rows = STORE_ROW_TYPE(store_review, review_cols,
							  review_current);

int store_reviews(store *st, const char *uuid, store_review **out, int *n, char *err)
{
	char sha[65];
	*out = NULL;
	*n = 0;
	if (store_events_sha256(st, uuid, sha, err))
		return -1;
	if (!store_has_reviews(st))
		return 0;
	return store_rows(st, &review_rows, sha, out, n, "cannot read the reviews", err,
			  "SELECT events_sha256, at, reviewer, decision, path, text FROM reviews "
			  "WHERE uuid = ?1 ORDER BY at, events_sha256, reviewer, decision, path", 1,
			  uuid);
}

void store_reviews_free(store_review *r, int n)
{
	store_rows_free(r, n, &review_rows);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int store_approved_uuids(store *st, char ***uuids, int *n, char *err)
{
	*uuids = NULL;
	*n = 0;
	if (!store_has_reviews(st))
		return 0;
	/* candidates: complete interviews with an approval on some version */
	char **cand;
	int nc;
	if (store_rows(st, &store_text_rows, NULL, &cand, &nc, "cannot read the reviews", err,
		       "SELECT DISTINCT i.uuid FROM interviews i JOIN reviews r ON r.uuid = "
		       "i.uuid WHERE i.status = 'complete' AND r.decision = 'approved' ORDER BY "
		       "i.uuid", 0))
		return -1;
	int bad = 0;
	for (int i = 0; i < nc; i++) {
		store_review_state rs = REVIEW_NONE;
		if (!bad && store_review_get(st, cand[i], &rs, err))
			bad = 1;
		if (!bad && rs == REVIEW_APPROVED)
			cand[(*n)++] = cand[i];
		else
			free(cand[i]);
	}
	if (bad) {
		store_strings_free(cand, *n);
		*n = 0;
		return -1;
	}
	if (*n > 1)   /* cand is NULL when no interview is complete */
		qsort(cand, (size_t)*n, sizeof *cand, cmp_str);
	*uuids = cand;
	return 0;
}

int store_review_notes(store *st, const char *uuid, store_review **out, int *n, char *err)
{
	store_review *all;
	int nall;
	*out = NULL;
	*n = 0;
	if (store_reviews(st, uuid, &all, &nall, err))
		return -1;
	/* the latest rejection (rows are oldest first), unless an approval came after it */
	int last = -1;
	for (int i = 0; i < nall; i++)
		if (strcmp(all[i].decision, "rejected") == 0)
			last = i;
		else if (strcmp(all[i].decision, "approved") == 0)
			last = -1;
	int k = 0;
	for (int i = 0; i < nall; i++) {
		if (last >= 0 && strcmp(all[i].events_sha256, all[last].events_sha256) == 0 &&
		    strcmp(all[i].decision, "approved") != 0)
			all[k++] = all[i];
		else
			store_row_release(&review_rows, &all[i]);
	}
	if (!k) {
		free(all);
		return 0;
	}
	*out = all;
	*n = k;
	return 0;
}
