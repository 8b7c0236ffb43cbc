/* merge_versions.c: merging one interview whose incoming version differs from the stored ones.
 *
 * The versions of an interview are ordered by their event logs: X descends from Y when Y's
 * events are the first Y.count events of X (events are append-only and every change logs one).
 * The output keeps the maximal versions seen — none is an ancestor of another — which does not
 * depend on the order inputs come in: adding X drops X if it is an ancestor of (or equal to) a
 * kept version, else drops the kept versions that are X's ancestors and keeps X. Of the kept
 * versions the greatest under a total order (complete before draft, then higher revision, later
 * modified, larger events hash, then the interview row and answers as JSON) is the winner, in
 * interviews/answers/events; every other is stored whole in conflicts. Two versions with equal
 * event logs (they differ only in what is saved without an event: resume position, language)
 * count as one, the greater kept. */
#include "store/merge_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

enum where { IN_SRC, IN_MAIN, IN_CONFLICTS };

struct ver {
	enum where where;     /* where its rows are */
	char hash[65];        /* events hash */
	long long count;      /* events */
	int complete;         /* status complete */
	long long revision;
	char *modified;
	char *ivjson, *anjson;  /* interview row and answers as JSON (the tie-break) */
	int dropped;          /* an ancestor of X, or replaced by X: to be removed */
};

static void ver_release(struct ver *v)
{
	free(v->modified);
	free(v->ivjson);
	free(v->anjson);
}

/* JSON of the interview row, answers and events of uuid in schema s: deterministic (ordered
 * rows, fixed keys) so that the same version gives the same text wherever it is built. IV_JSON
 * takes the origin (origin_of) as its format argument: 'origin' is last, where the migration
 * to schema 3 added it to older conflict rows. */
#define IV_JSON "json_object('uuid',uuid,'form_id',form_id,'form_version',form_version," \
	"'device_id',device_id,'interviewer',interviewer,'status',status,'revision',revision," \
	"'created',created,'modified',modified,'completed',completed,'content_hash'," \
	"content_hash,'lang',lang,'position',position,'instance_name',instance_name," \
	"'origin',%s)"
#define AN_JSON "(SELECT json_group_array(json_object('path',path,'value',value,'state',state," \
	"'modified',modified)) FROM (SELECT * FROM \"%w\".answers WHERE uuid=?1 ORDER BY path))"
#define EV_JSON "(SELECT json_group_array(json_object('seq',seq,'at',at,'offset_ms',offset_ms," \
	"'kind',kind,'path',path,'old_value',old_value,'new_value',new_value,'old_state'," \
	"old_state,'new_state',new_state)) FROM (SELECT * FROM \"%w\".events WHERE uuid=?1 " \
	"ORDER BY seq))"

/* The origin of a version's interview row in src or main, for IV_JSON. sqlite3_free it. */
static char *origin_of(const merge *m, const struct ver *v)
{
	return v->where == IN_SRC ? merge_src_origin(m, "interviews") : sqlite3_mprintf("origin");
}

static int prepare_fmt(merge *m, sqlite3_stmt **s, char *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	int rc = store_prepare(m->st->db, sql, s, err);
	sqlite3_free(sql);
	return rc;
}

/* Load the ordering fields of a version in src or main (with JSON). */
static int load_row(merge *m, struct ver *v, const char *uuid, char *err)
{
	const char *schema = v->where == IN_SRC ? "src" : "main";
	sqlite3_stmt *s;
	char *origin = origin_of(m, v);
	int bad = prepare_fmt(m, &s, err, "SELECT status = 'complete', revision, modified, "
			      IV_JSON ", " AN_JSON " FROM \"%w\".interviews WHERE uuid=?1", origin,
			      schema, schema);
	sqlite3_free(origin);
	if (bad)
		return -1;
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		v->complete = sqlite3_column_int(s, 0);
		v->revision = sqlite3_column_int64(s, 1);
		v->modified = store_col_text(s, 2);
		v->ivjson = store_col_text(s, 3);
		v->anjson = store_col_text(s, 4);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_sqlerr(m->st, "cannot read an interview", err);
	return 0;
}

/* The events of a version, in seq order, as STORE_EVENT_COLUMNS. */
static int events_stmt(merge *m, const struct ver *v, const char *uuid, sqlite3_stmt **s,
		       char *err)
{
	int rc;
	if (v->where == IN_CONFLICTS)
		rc = prepare_fmt(m, s, err, "SELECT json_extract(j.value,'$.seq'), "
			"json_extract(j.value,'$.at'), json_extract(j.value,'$.offset_ms'), "
			"json_extract(j.value,'$.kind'), json_extract(j.value,'$.path'), "
			"json_extract(j.value,'$.old_value'), json_extract(j.value,'$.new_value'), "
			"json_extract(j.value,'$.old_state'), json_extract(j.value,'$.new_state') "
			"FROM main.conflicts c, json_each(c.events) j WHERE c.uuid=?1 AND "
			"c.events_sha256=?2 ORDER BY j.key");
	else
		rc = prepare_fmt(m, s, err, "SELECT " STORE_EVENT_COLUMNS " FROM \"%w\".events "
				 "WHERE uuid=?1 ORDER BY seq", v->where == IN_SRC ? "src" : "main");
	if (rc)
		return -1;
	sqlite3_bind_text(*s, 1, uuid, -1, SQLITE_STATIC);
	if (v->where == IN_CONFLICTS)
		sqlite3_bind_text(*s, 2, v->hash, -1, SQLITE_STATIC);
	return 0;
}

/* Hash the events of v: the hash of its first `upto` events into prefix (when upto >= 0), and
 * of them all into full with their number in *count (when full is not NULL). */
static int hash_events(merge *m, const struct ver *v, const char *uuid, long long upto,
		       char prefix[65], char full[65], long long *count, char *err)
{
	sqlite3_stmt *s;
	if (events_stmt(m, v, uuid, &s, err))
		return -1;
	struct sha256_ctx h;
	sha256_init(&h);
	long long n = 0;
	int rc;
	if (upto == 0) {
		struct sha256_ctx c = h;
		store_hash_hex(&c, prefix);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		store_hash_columns(&h, s, 0, STORE_EVENT_NCOLUMNS);
		if (++n == upto) {
			struct sha256_ctx c = h;
			store_hash_hex(&c, prefix);
			if (!full)
				break;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_sqlerr(m->st, "cannot read the events", err);
	if (upto > n)
		prefix[0] = '\0';
	if (full) {
		store_hash_hex(&h, full);
		*count = n;
	}
	return 0;
}

/* The total order on versions of one interview; > 0 when a is greater. */
static int ver_cmp(const struct ver *a, const struct ver *b)
{
	if (a->complete != b->complete)
		return a->complete - b->complete;
	if (a->revision != b->revision)
		return a->revision < b->revision ? -1 : 1;
	int c = strcmp(a->modified, b->modified);
	if (!c)
		c = strcmp(a->hash, b->hash);
	if (!c)
		c = strcmp(a->ivjson, b->ivjson);
	if (!c)
		c = strcmp(a->anjson, b->anjson);
	return c;
}

/* The stored versions: the winner in main, then the conflict rows. */
static int load_stored(merge *m, const char *uuid, struct ver **out, int *n, char *err)
{
	*n = 1;
	*out = xcalloc(1, sizeof **out);
	struct ver *w = &(*out)[0];
	w->where = IN_MAIN;
	if (load_row(m, w, uuid, err) ||
	    hash_events(m, w, uuid, -1, NULL, w->hash, &w->count, err))
		return -1;
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, "SELECT events_sha256, events_count, status = 'complete', "
			  "revision, modified, interview, answers FROM main.conflicts WHERE uuid=?1 "
			  "ORDER BY events_sha256", &s, err))
		return -1;
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xreallocarray(*out, (size_t)*n + 1, sizeof **out);
		struct ver *c = &(*out)[(*n)++];
		memset(c, 0, sizeof *c);
		c->where = IN_CONFLICTS;
		snprintf(c->hash, sizeof c->hash, "%s", (const char *)sqlite3_column_text(s, 0));
		c->count = sqlite3_column_int64(s, 1);
		c->complete = sqlite3_column_int(s, 2);
		c->revision = sqlite3_column_int64(s, 3);
		c->modified = store_col_text(s, 4);
		c->ivjson = store_col_text(s, 5);
		c->anjson = store_col_text(s, 6);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(m->st, "cannot read the conflicts", err);
	return 0;
}

/* Store version v (in src or main) whole in conflicts. */
static int put_conflict(merge *m, const struct ver *v, const char *uuid, char *err)
{
	const char *schema = v->where == IN_SRC ? "src" : "main";
	sqlite3_stmt *s;
	char *origin = origin_of(m, v);
	int bad = prepare_fmt(m, &s, err, "INSERT INTO main.conflicts(" STORE_CONFLICT_COLUMNS
			      ") SELECT uuid, ?2, ?3, revision, status, modified, " IV_JSON ", "
			      AN_JSON ", " EV_JSON " FROM \"%w\".interviews WHERE uuid=?1", origin,
			      schema, schema, schema);
	sqlite3_free(origin);
	if (bad)
		return -1;
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, v->hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, v->count);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(m->st, "cannot keep a conflicting version", err);
	return 0;
}

static int drop_main(merge *m, const char *uuid, char *err)
{
	return merge_exec(m, "cannot replace an interview", err,
			  "DELETE FROM main.events WHERE uuid=?1", 1, uuid) ||
	       merge_exec(m, "cannot replace an interview", err,
			  "DELETE FROM main.answers WHERE uuid=?1", 1, uuid) ||
	       merge_exec(m, "cannot replace an interview", err,
			  "DELETE FROM main.interviews WHERE uuid=?1", 1, uuid) ? -1 : 0;
}

static int copy_from_src(merge *m, const char *uuid, char *err)
{
	char *origin = merge_src_origin(m, "s");
	char *iv = sqlite3_mprintf("INSERT INTO main.interviews(" STORE_INTERVIEW_COLUMNS ") "
				   "SELECT " STORE_INTERVIEW_COLUMNS_V2 ", %s FROM src.interviews s "
				   "WHERE uuid=?1", origin);
	int bad = merge_exec(m, "cannot copy an interview", err, iv, 1, uuid);
	sqlite3_free(iv);
	sqlite3_free(origin);
	return bad ||
	       merge_exec(m, "cannot copy an interview", err,
			  "INSERT INTO main.answers(" STORE_ANSWER_COLUMNS ") SELECT "
			  STORE_ANSWER_COLUMNS " FROM src.answers WHERE uuid=?1", 1, uuid) ||
	       merge_exec(m, "cannot copy an interview", err,
			  "INSERT INTO main.events(uuid, " STORE_EVENT_COLUMNS ") SELECT uuid, "
			  STORE_EVENT_COLUMNS " FROM src.events WHERE uuid=?1", 1, uuid) ? -1 : 0;
}

/* Make conflict row (uuid, hash) the stored winner again, and remove the row. */
static int restore_conflict(merge *m, const char *uuid, const char *hash, char *err)
{
	return merge_exec(m, "cannot restore a version", err,
		"INSERT INTO main.interviews(" STORE_INTERVIEW_COLUMNS ") SELECT "
		"json_extract(interview,'$.uuid'), json_extract(interview,'$.form_id'), "
		"json_extract(interview,'$.form_version'), json_extract(interview,'$.device_id'), "
		"json_extract(interview,'$.interviewer'), json_extract(interview,'$.status'), "
		"json_extract(interview,'$.revision'), json_extract(interview,'$.created'), "
		"json_extract(interview,'$.modified'), json_extract(interview,'$.completed'), "
		"json_extract(interview,'$.content_hash'), json_extract(interview,'$.lang'), "
		"json_extract(interview,'$.position'), json_extract(interview,'$.instance_name'), "
		"coalesce(json_extract(interview,'$.origin'), 'field') "
		"FROM main.conflicts WHERE uuid=?1 AND events_sha256=?2", 2, uuid, hash) ||
	       merge_exec(m, "cannot restore a version", err,
		"INSERT INTO main.answers(" STORE_ANSWER_COLUMNS ") SELECT ?1, "
		"json_extract(j.value,'$.path'), json_extract(j.value,'$.value'), "
		"json_extract(j.value,'$.state'), json_extract(j.value,'$.modified') "
		"FROM main.conflicts c, json_each(c.answers) j WHERE c.uuid=?1 AND "
		"c.events_sha256=?2 ORDER BY j.key", 2, uuid, hash) ||
	       merge_exec(m, "cannot restore a version", err,
		"INSERT INTO main.events(uuid, " STORE_EVENT_COLUMNS ") SELECT ?1, "
		"json_extract(j.value,'$.seq'), json_extract(j.value,'$.at'), "
		"json_extract(j.value,'$.offset_ms'), json_extract(j.value,'$.kind'), "
		"json_extract(j.value,'$.path'), json_extract(j.value,'$.old_value'), "
		"json_extract(j.value,'$.new_value'), json_extract(j.value,'$.old_state'), "
		"json_extract(j.value,'$.new_state') FROM main.conflicts c, json_each(c.events) j "
		"WHERE c.uuid=?1 AND c.events_sha256=?2 ORDER BY j.key", 2, uuid, hash) ||
	       merge_exec(m, "cannot restore a version", err,
		"DELETE FROM main.conflicts WHERE uuid=?1 AND events_sha256=?2", 2, uuid, hash)
		? -1 : 0;
}

/* Compare X with stored version v: 1 when v is an ancestor of X, -1 when X is an ancestor of
 * v, 2 when their events are equal, 0 when neither descends from the other. */
static int relate(merge *m, const struct ver *x, const struct ver *v, const char *uuid,
		  int *rel, char *err)
{
	char prefix[65];
	*rel = 0;
	if (v->count == x->count) {
		*rel = strcmp(v->hash, x->hash) == 0 ? 2 : 0;
		return 0;
	}
	if (v->count < x->count) {
		if (hash_events(m, x, uuid, v->count, prefix, NULL, NULL, err))
			return -1;
		*rel = strcmp(prefix, v->hash) == 0 ? 1 : 0;
		return 0;
	}
	if (hash_events(m, v, uuid, x->count, prefix, NULL, NULL, err))
		return -1;
	*rel = strcmp(prefix, x->hash) == 0 ? -1 : 0;
	return 0;
}

/* Apply the decision: X is kept, the dropped stored versions go, the winner goes to main. */
static int apply(merge *m, struct ver *x, struct ver *vs, int n, const char *uuid, char *err)
{
	struct ver *w = &vs[0];   /* the stored winner, in main */
	struct ver *best = x;
	for (int i = 0; i < n; i++)
		if (!vs[i].dropped && ver_cmp(&vs[i], best) > 0)
			best = &vs[i];
	for (int i = 1; i < n; i++)
		if (vs[i].dropped &&
		    merge_exec(m, "cannot remove a version", err, "DELETE FROM main.conflicts "
			       "WHERE uuid=?1 AND events_sha256=?2", 2, uuid, vs[i].hash))
			return -1;
	if (best == w)
		return put_conflict(m, x, uuid, err);
	if (!w->dropped && put_conflict(m, w, uuid, err))
		return -1;
	if (drop_main(m, uuid, err))
		return -1;
	if (best == x)
		return copy_from_src(m, uuid, err);
	return put_conflict(m, x, uuid, err) || restore_conflict(m, uuid, best->hash, err) ? -1 : 0;
}

int merge_version(merge *m, const char *uuid, const char *events_sha256, long long events_count,
		  const char **action, char *err)
{
	struct ver x = { .where = IN_SRC, .count = events_count };
	snprintf(x.hash, sizeof x.hash, "%s", events_sha256);
	struct ver *vs = NULL;
	int n = 0, rc = -1;
	if (load_row(m, &x, uuid, err) || load_stored(m, uuid, &vs, &n, err))
		goto done;
	*action = NULL;
	for (int i = 0; i < n && !*action; i++) {
		int rel;
		if (relate(m, &x, &vs[i], uuid, &rel, err))
			goto done;
		if (rel == -1) {
			*action = "outdated";
		} else if (rel == 2) {
			int c = ver_cmp(&x, &vs[i]);
			if (c == 0)
				*action = "identical";
			else if (c < 0)
				*action = "outdated";
			else
				vs[i].dropped = 1;
		} else if (rel == 1) {
			vs[i].dropped = 1;
		}
	}
	if (!*action) {
		*action = vs[0].dropped ? "updated" : "conflicting";
		if (apply(m, &x, vs, n, uuid, err))
			goto done;
	}
	rc = 0;
done:
	ver_release(&x);
	for (int i = 0; i < n; i++)
		ver_release(&vs[i]);
	free(vs);
	return rc;
}
