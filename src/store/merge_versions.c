/* merge_versions.c: merging one interview whose incoming version differs from the stored ones.
 *
 * A version of an interview is its interview row, answers and event log. Two versions are the
 * same version when they differ at most in what is saved without an event (resume position,
 * language, instance name); of such a pair the greater row (order 6 below) is kept. Any other
 * difference — other answers behind the same event log, another revision — makes two versions.
 *
 * "The same device" (DESIGN.md: a version replaces another only when its log extends the
 * other's and it comes from the same device). The store only appends events, so a version
 * extends another when it was made later from it — and only the device that made the interview
 * (interviews.device_id, which every copy keeps) goes on with it. A version is *from its own
 * device* when it was seen coming from the device its row names: a laptop file's versions all
 * come from that file's device (meta device_id); a merged file's versions come from the devices
 * its provenance_interviews records for them (uuid, events hash), and one it has no record of
 * from that file's own device when it is in its interviews table (made on it), from no known
 * device when it is in its conflicts table. merge.c records the same in the output's
 * provenance_interviews (device_id: the device the version came from, not the device its row
 * names) and copies a merged input's provenance, so the output knows where each version came
 * from whichever way it came (a laptop's file directly, or through merged files).
 * Limits: device ids are not signed — a file that copies a laptop's device id into its meta (or
 * a merged file whose provenance lies) is believed; the rule stops versions made elsewhere (a
 * copied file edited on another laptop, a crafted file with its own device id), not a forger
 * who copies the id too, whose version is kept besides the genuine one, never instead of it
 * unless it extends it. An interview imported with another device's id (import keeps the id
 * of the CSV) and later edited on the laptop that imported it is not from its own device
 * either, nor is an interview made in the output file itself (merging into a laptop's file):
 * both versions are kept, as a conflict.
 *
 * X supersedes Y when X's log strictly extends Y's, both rows name the same device and X is
 * from that device. That is a strict partial order which only grows as more is seen (a version
 * seen again, now from its own device), so the versions nobody supersedes — the ones kept — do
 * not depend on the order inputs come in; each incoming version (or news that a stored one is
 * from its own device) recomputes the interview's kept set from the stored versions and it.
 * Of the kept versions the greatest under this total order is the winner, in
 * interviews/answers/events, and every other is stored whole in conflicts:
 *   1. from its own device before not (a file from elsewhere cannot displace the genuine one);
 *   2. complete before draft, draft before discarded (a discard is an event its own device
 *      appends to the log, so a discarded version normally supersedes the draft it extends by
 *      rule above; when two versions both stay, the one with answers someone may still use is
 *      the one in interviews, and the discarded one waits in conflicts);
 *   3. the longer event log;
 *   4. the larger events hash (SHA-256 of the log: no number anyone sets);
 *   5. for versions with the same log (a damaged or crafted file), the larger version hash
 *      (SHA-256 of the log, the row but for position, language and instance name, and answers);
 *   6. for the same version, the larger interview row as JSON (position, language, name).
 * The revision and modified time never decide: they are only part of what 5 hashes.
 * A conflicts row is keyed by its events hash; when several kept versions share one log, the
 * greatest keeps that key and each other one is keyed "events hash:version hash" (the key stays
 * unique and every version is kept). A conflicts row of a merged input is checked (JSON as
 * written here, events hash and number as its key says, content hash of a complete one) and
 * then merged as one more version of its interview. */
#include "store/merge_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/termsafe.h"
#include "util/util.h"

enum where { IN_SRC, IN_MAIN, IN_SRC_CONFLICTS, IN_CONFLICTS };

struct ver {
	enum where where;     /* where its rows are */
	char *key;            /* its conflicts row (IN_SRC_CONFLICTS, IN_CONFLICTS) */
	char hash[65];        /* events hash */
	long long count;      /* events */
	int complete;         /* status rank: 2 complete, 1 draft, 0 discarded (STATUS_RANK) */
	char *dev;            /* the device of its interview row */
	char *ivjson;         /* the interview row as JSON */
	char *core;           /* the row without position, language, instance name, as JSON */
	char *anjson;         /* answers as JSON */
	char vhash[65];       /* version hash: log, core, answers */
	int own;              /* from its own device */
	int gone;             /* superseded, or the same version as a greater one: not kept */
	char *evjson;         /* events as JSON, when written */
};

static void ver_release(struct ver *v)
{
	free(v->key);
	free(v->dev);
	free(v->ivjson);
	free(v->core);
	free(v->anjson);
	free(v->evjson);
}

static int in_conflicts(const struct ver *v)
{
	return v->where == IN_SRC_CONFLICTS || v->where == IN_CONFLICTS;
}

static const char *schema_of(const struct ver *v)
{
	return v->where == IN_SRC || v->where == IN_SRC_CONFLICTS ? "src" : "main";
}

/* Where the interview, answer and event rows of a version that is not in a conflicts table
 * are: src, or the output's tables — on an output of schema 8 the copy of them in stage
 * (merge_rec_stage). */
static const char *rows_of(const merge *m, const struct ver *v)
{
	if (v->where == IN_SRC)
		return merge_src_schema(m);   /* filled by merge_version */
	return v->where == IN_MAIN && m->out8 ? "stage" : schema_of(v);
}

/* JSON of the interview row, answers and events of uuid: deterministic (ordered rows, fixed
 * keys) so that the same version gives the same text wherever it is built. IV_JSON and CORE_JSON
 * read the columns of STORE_INTERVIEW_COLUMNS (of a table, or of IV_OF_JSON's subquery); IV_JSON
 * takes the origin as its format argument (origin_of: an input older than schema 3 has no
 * origin column), 'origin' last, where the migration to schema 3 added it to conflict rows. */
#define IV_JSON "json_object('uuid',uuid,'form_id',form_id,'form_version',form_version," \
	"'device_id',device_id,'interviewer',interviewer,'status',status,'revision',revision," \
	"'created',created,'modified',modified,'completed',completed,'content_hash'," \
	"content_hash,'lang',lang,'position',position,'instance_name',instance_name," \
	"'origin',%s)"
#define CORE_JSON "json_object('uuid',uuid,'form_id',form_id,'form_version',form_version," \
	"'device_id',device_id,'interviewer',interviewer,'status',status,'revision',revision," \
	"'created',created,'modified',modified,'completed',completed,'content_hash'," \
	"content_hash)"
#define AN_JSON "(SELECT json_group_array(json_object('path',path,'value',value,'state',state," \
	"'modified',modified)) FROM (SELECT * FROM \"%w\".answers WHERE uuid=?1 ORDER BY path))"
#define EV_JSON "(SELECT json_group_array(json_object('seq',seq,'at',at,'offset_ms',offset_ms," \
	"'kind',kind,'path',path,'old_value',old_value,'new_value',new_value,'old_state'," \
	"old_state,'new_state',new_state)) FROM (SELECT * FROM \"%w\".events WHERE uuid=?1 " \
	"ORDER BY seq))"
/* The same from a conflicts row (uuid ?1, key ?2): its JSON read back, rebuilt canonically. */
#define JX(col, k) "json_extract(" col ",'$." k "') AS " k
#define IV_OF_JSON "(SELECT " JX("interview", "uuid") ", " JX("interview", "form_id") ", " \
	JX("interview", "form_version") ", " JX("interview", "device_id") ", " \
	JX("interview", "interviewer") ", " JX("interview", "status") ", " \
	JX("interview", "revision") ", " JX("interview", "created") ", " \
	JX("interview", "modified") ", " JX("interview", "completed") ", " \
	JX("interview", "content_hash") ", " JX("interview", "lang") ", " \
	JX("interview", "position") ", " JX("interview", "instance_name") ", " \
	"json_extract(%s,'$.origin') AS origin, events_count " \
	"FROM \"%w\".conflicts WHERE uuid=?1 AND events_sha256=?2)"
#define AN_OF_JSON "(SELECT json_group_array(json_object('path',path,'value',value,'state'," \
	"state,'modified',modified)) FROM (SELECT " JX("j.value", "path") ", " \
	JX("j.value", "value") ", " JX("j.value", "state") ", " JX("j.value", "modified") \
	" FROM \"%w\".conflicts c, json_each(c.answers) j WHERE c.uuid=?1 AND " \
	"c.events_sha256=?2 ORDER BY 1))"
#define EV_OF_JSON_COLS "json_extract(j.value,'$.seq'), json_extract(j.value,'$.at'), " \
	"json_extract(j.value,'$.offset_ms'), json_extract(j.value,'$.kind'), " \
	"json_extract(j.value,'$.path'), json_extract(j.value,'$.old_value'), " \
	"json_extract(j.value,'$.new_value'), json_extract(j.value,'$.old_state'), " \
	"json_extract(j.value,'$.new_state')"
#define EV_OF_JSON "(SELECT json_group_array(json_object('seq',seq,'at',at,'offset_ms'," \
	"offset_ms,'kind',kind,'path',path,'old_value',old_value,'new_value',new_value," \
	"'old_state',old_state,'new_state',new_state)) FROM (SELECT " JX("j.value", "seq") ", " \
	JX("j.value", "at") ", " JX("j.value", "offset_ms") ", " JX("j.value", "kind") ", " \
	JX("j.value", "path") ", " JX("j.value", "old_value") ", " JX("j.value", "new_value") \
	", " JX("j.value", "old_state") ", " JX("j.value", "new_state") " FROM \"%w\".conflicts " \
	"c, json_each(c.events) j WHERE c.uuid=?1 AND c.events_sha256=?2 ORDER BY j.key))"

/* The origin of v's interview row for IV_JSON: the input's (whatever its schema version), the
 * output's column, or the column IV_OF_JSON gives a conflicts row. sqlite3_free it. */
static char *origin_of(const merge *m, const struct ver *v)
{
	return v->where == IN_SRC ? merge_src_origin(m, "interviews") : sqlite3_mprintf("origin");
}

/* The interview JSON of v's conflicts row as schema 3 has it (with its origin). */
static const char *conflict_interview(const merge *m, const struct ver *v)
{
	return v->where == IN_SRC_CONFLICTS ? store_conflict_interview_sql(m->src_version) :
	       "interview";
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

/* Bind uuid (and the conflicts key of v) to ?1 (?2). */
static void bind_ver(sqlite3_stmt *s, const struct ver *v, const char *uuid)
{
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	if (in_conflicts(v))
		sqlite3_bind_text(s, 2, v->key, -1, SQLITE_STATIC);
}

/* The events of a version, in seq order, as STORE_EVENT_COLUMNS. */
static int events_stmt(merge *m, const struct ver *v, const char *uuid, sqlite3_stmt **s,
		       char *err)
{
	int rc;
	if (in_conflicts(v))
		rc = prepare_fmt(m, s, err, "SELECT " EV_OF_JSON_COLS " FROM \"%w\".conflicts c, "
				 "json_each(c.events) j WHERE c.uuid=?1 AND c.events_sha256=?2 "
				 "ORDER BY j.key", schema_of(v));
	else
		rc = prepare_fmt(m, s, err, "SELECT " STORE_EVENT_COLUMNS " FROM \"%w\".events "
				 "WHERE uuid=?1 ORDER BY seq", rows_of(m, v));
	if (rc)
		return -1;
	bind_ver(*s, v, uuid);
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

#define STATUS_RANK "CASE status WHEN 'complete' THEN 2 WHEN 'draft' THEN 1 ELSE 0 END"

/* Load the row of v (its JSON, status, device) and its version hash; v->hash must be set. */
static int load_row(merge *m, struct ver *v, const char *uuid, char *err)
{
	sqlite3_stmt *s;
	char *origin = origin_of(m, v);
	int bad = in_conflicts(v) ?
		prepare_fmt(m, &s, err, "SELECT " STATUS_RANK ", device_id, " IV_JSON ", "
			    CORE_JSON ", " AN_OF_JSON ", events_count FROM " IV_OF_JSON, origin,
			    schema_of(v), conflict_interview(m, v), schema_of(v)) :
		prepare_fmt(m, &s, err, "SELECT " STATUS_RANK ", device_id, " IV_JSON ", "
			    CORE_JSON ", " AN_JSON ", 0 FROM \"%w\".interviews WHERE uuid=?1",
			    origin, rows_of(m, v), rows_of(m, v));
	sqlite3_free(origin);
	if (bad)
		return -1;
	bind_ver(s, v, uuid);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		v->complete = sqlite3_column_int(s, 0);
		v->dev = store_col_text(s, 1);
		v->ivjson = store_col_text(s, 2);
		v->core = store_col_text(s, 3);
		v->anjson = store_col_text(s, 4);
		if (v->where == IN_CONFLICTS)
			v->count = sqlite3_column_int64(s, 5);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW || !v->dev || !v->ivjson || !v->core || !v->anjson)
		return rc == SQLITE_ROW || rc == SQLITE_DONE ?
			errf(err, "interview '%s' has a version that cannot be read", uuid) :
			store_sqlerr(m->st, "cannot read an interview", err);
	struct sha256_ctx h;
	sha256_init(&h);
	store_hash_field(&h, "version-1");
	store_hash_field(&h, v->hash);
	store_hash_field(&h, v->core);
	store_hash_field(&h, v->anjson);
	store_hash_hex(&h, v->vhash);
	return 0;
}

/* Is the text of a conflicts row of the input printable, as the scan requires of the input's own
 * rows: the interviewer one line, event kinds and paths one line, values text? 1 yes, 0 no,
 * -1 with err. (A version kept in conflicts may become the one in interviews.) */
static int printable_carried(merge *m, struct ver *v, const char *uuid, char *err)
{
#define OF_CONFLICT " FROM src.conflicts c WHERE c.uuid=?1 AND c.events_sha256=?2"
#define EACH(col) " FROM src.conflicts c, json_each(c." col ") j WHERE c.uuid=?1 AND " \
	"c.events_sha256=?2"
	static const char sql[] =
		"SELECT json_extract(c.interview,'$.interviewer'), 0" OF_CONFLICT
		" UNION ALL SELECT json_extract(j.value,'$.kind'), 0" EACH("events")
		" UNION ALL SELECT json_extract(j.value,'$.path'), 0" EACH("events")
		" UNION ALL SELECT json_extract(j.value,'$.old_value'), 1" EACH("events")
		" UNION ALL SELECT json_extract(j.value,'$.new_value'), 1" EACH("events")
		" UNION ALL SELECT json_extract(j.value,'$.path'), 0" EACH("answers")
		" UNION ALL SELECT json_extract(j.value,'$.value'), 1" EACH("answers");
#undef OF_CONFLICT
#undef EACH
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, sql, &s, err))
		return -1;
	bind_ver(s, v, uuid);
	int ok = 1, rc;
	while (ok && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		if (t && !termsafe_text_ok(t, sqlite3_column_int(s, 1)))
			ok = 0;
	}
	sqlite3_finalize(s);
	if (ok && rc != SQLITE_DONE)
		return store_sqlerr(m->st, "cannot read the conflicts", err);
	return ok;
}

/* Is a conflicts row of the input well formed? Its JSON as the store writes it (every field of
 * the right type, events numbered 1..n, answers one per path), its events hash and number as
 * its key and events_count say, and a complete version's answers its content hash. */
static int check_carried(merge *m, struct ver *v, const char *uuid, char *err)
{
	static const char shape[] =
		"SELECT json_valid(interview) AND json_valid(answers) AND json_valid(events) AND "
		"json_type(interview)='object' AND json_type(answers)='array' AND "
		"json_type(events)='array' FROM src.conflicts WHERE uuid=?1 AND events_sha256=?2";
#define T(doc, k, types) "coalesce(json_type(" doc ",'$." k "'),'-') IN (" types ") AND "
	static const char fields[] =
		"SELECT json_extract(interview,'$.uuid') IS uuid AND "
		T("interview", "form_id", "'text'") T("interview", "form_version", "'text'")
		T("interview", "device_id", "'text'") T("interview", "interviewer", "'text'")
		"json_extract(interview,'$.status') IN ('draft','complete','discarded') AND "
		T("interview", "revision", "'integer'") T("interview", "created", "'text'")
		T("interview", "modified", "'text'") T("interview", "completed", "'text','null'")
		T("interview", "content_hash", "'text','null'") T("interview", "lang", "'text','null'")
		T("interview", "position", "'text','null'")
		T("interview", "instance_name", "'text','null'")
		"coalesce(json_extract(interview,'$.origin'),'field') IN ('field','imported',"
		"'simulated') AND "
		"NOT EXISTS (SELECT 1 FROM json_each(answers) j WHERE j.type <> 'object' OR NOT ("
		T("j.value", "path", "'text'") T("j.value", "value", "'text','null'")
		T("j.value", "modified", "'text'") "json_extract(j.value,'$.state') IN "
		"('answered','skipped','dont_know','refused'))) AND (SELECT count(*) = "
		"count(DISTINCT json_extract(j.value,'$.path')) FROM json_each(answers) j) AND "
		"NOT EXISTS (SELECT 1 FROM json_each(events) j WHERE j.type <> 'object' OR NOT ("
		T("j.value", "seq", "'integer'") T("j.value", "at", "'text'")
		T("j.value", "offset_ms", "'integer'") T("j.value", "kind", "'text'")
		T("j.value", "path", "'text','null'") T("j.value", "old_value", "'text','null'")
		T("j.value", "new_value", "'text','null'") T("j.value", "old_state", "'text','null'")
		T("j.value", "new_state", "'text','null'")
		"json_extract(j.value,'$.seq') = j.key + 1)) AND "
		"json_array_length(events) = events_count, events_count, "
		"json_extract(interview,'$.form_id'), json_extract(interview,'$.form_version'), "
		"json_extract(interview,'$.status'), json_extract(interview,'$.content_hash') "
		"FROM src.conflicts WHERE uuid=?1 AND events_sha256=?2";
#undef T
	const char *why = NULL;
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, shape, &s, err))
		return -1;
	bind_ver(s, v, uuid);
	if (sqlite3_step(s) != SQLITE_ROW || !sqlite3_column_int(s, 0))
		why = "its JSON is not as survey writes it";
	sqlite3_finalize(s);
	char chash[65] = "";
	if (!why) {
		if (store_prepare(m->st->db, fields, &s, err))
			return -1;
		bind_ver(s, v, uuid);
		if (sqlite3_step(s) != SQLITE_ROW || !sqlite3_column_int(s, 0)) {
			why = "a field is missing or of the wrong type";
		} else if (m->src_version < 4 &&
			   !strcmp((const char *)sqlite3_column_text(s, 4), "discarded")) {
			why = "its status is not one its schema version allows";
		} else {
			v->count = sqlite3_column_int64(s, 1);
			if (!strcmp((const char *)sqlite3_column_text(s, 4), "complete")) {
				store_chash ch;
				store_chash_begin(&ch, uuid, (const char *)sqlite3_column_text(s, 2),
						  (const char *)sqlite3_column_text(s, 3));
				const char *stored = (const char *)sqlite3_column_text(s, 5);
				snprintf(chash, sizeof chash, "%s", stored ? stored : "-");
				sqlite3_stmt *a;
				if (prepare_fmt(m, &a, err, "SELECT path, state, value FROM "
						"(SELECT " JX("j.value", "path") ", " JX("j.value", "state")
						", " JX("j.value", "value") " FROM src.conflicts c, "
						"json_each(c.answers) j WHERE c.uuid=?1 AND "
						"c.events_sha256=?2) ORDER BY path")) {
					sqlite3_finalize(s);
					return -1;
				}
				bind_ver(a, v, uuid);
				while (sqlite3_step(a) == SQLITE_ROW)
					store_chash_answer(&ch, (const char *)sqlite3_column_text(a, 0),
							   (const char *)sqlite3_column_text(a, 1),
							   (const char *)sqlite3_column_text(a, 2));
				sqlite3_finalize(a);
				char hex[65];
				store_chash_end(&ch, hex);
				if (strcmp(hex, chash) != 0)
					why = "its answers do not match its content hash";
			}
		}
		sqlite3_finalize(s);
	}
	if (!why) {
		int printable = printable_carried(m, v, uuid, err);
		if (printable < 0)
			return -1;
		if (!printable)
			why = "a name, path or value in it is not printable text";
	}
	if (!why) {
		long long n;
		if (hash_events(m, v, uuid, -1, NULL, v->hash, &n, err))
			return -1;
		if (n != v->count || strncmp(v->key, v->hash, 64) != 0 ||
		    (v->key[64] && v->key[64] != ':'))
			why = "its events do not match its key";
	}
	if (why)
		return errf(err, "it is damaged: its conflicting version of interview '%s' (%.12s) "
			    "is not sound (%s)", uuid, v->key, why);
	return 0;
}

/* The total order on versions of one interview (see the top); > 0 when a is greater. */
static int ver_cmp(const struct ver *a, const struct ver *b)
{
	if (a->own != b->own)
		return a->own - b->own;
	if (a->complete != b->complete)
		return a->complete - b->complete;
	if (a->count != b->count)
		return a->count < b->count ? -1 : 1;
	int c = strcmp(a->hash, b->hash);
	if (!c)
		c = strcmp(a->vhash, b->vhash);
	if (!c)
		c = strcmp(a->ivjson, b->ivjson);
	return c;
}

/* Is v from its own device? (temp.merge_seen_from, filled by merge_versions_begin) */
static int own_device(merge *m, struct ver *v, const char *uuid, char *err)
{
	sqlite3_stmt *s;
	if (store_query(m->st->db, &s, err, "SELECT EXISTS (SELECT 1 FROM temp.merge_seen_from "
			"WHERE uuid=?1 AND events_sha256=?2 AND device_id=?3)",
			3, uuid, v->hash, v->dev))
		return -1;
	int rc = sqlite3_step(s);
	v->own = rc == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(m->st, "cannot read the provenance", err);
}

/* A version kept in the output's conflicts table, by its key (events_sha256). */
static int conflict_ver(sqlite3_stmt *s, void *elem, void *arg)
{
	struct ver *c = elem;
	c->where = IN_CONFLICTS;
	snprintf(c->hash, sizeof c->hash, "%.64s", c->key);
	return 0;
}

static const store_col conflict_cols[] = { STORE_COL(STORE_TEXT, struct ver, key) };
static const store_row_type conflict_rows = STORE_ROW_TYPE(struct ver, conflict_cols,
							    conflict_ver);

/* The stored versions: the winner in main, then the conflict rows. */
static int load_stored(merge *m, const char *uuid, struct ver **out, int *n, char *err)
{
	*n = 1;
	*out = xcalloc(1, sizeof **out);
	struct ver *w = &(*out)[0];
	w->where = IN_MAIN;
	if (hash_events(m, w, uuid, -1, NULL, w->hash, &w->count, err) ||
	    load_row(m, w, uuid, err))
		return -1;
	struct ver *c;
	int nc;
	if (store_rows(m->st, &conflict_rows, NULL, &c, &nc, "cannot read the conflicts", err,
		       "SELECT events_sha256 FROM main.conflicts WHERE uuid=?1 ORDER BY "
		       "events_sha256", 1, uuid))
		return -1;
	*out = xreallocarray(*out, (size_t)nc + 1, sizeof **out);
	if (nc)
		memcpy(*out + 1, c, (size_t)nc * sizeof *c);
	free(c);
	*n = nc + 1;
	for (int i = 1; i < *n; i++)
		if (load_row(m, &(*out)[i], uuid, err))
			return -1;
	return 0;
}

/* Does a supersede b? (a's log strictly extends b's, same device, a from it) */
static int supersedes(merge *m, const struct ver *a, const struct ver *b, const char *uuid,
		      int *yes, char *err)
{
	*yes = 0;
	if (!a->own || a->count <= b->count || strcmp(a->dev, b->dev) != 0)
		return 0;
	char prefix[65];
	if (hash_events(m, a, uuid, b->count, prefix, NULL, NULL, err))
		return -1;
	*yes = strcmp(prefix, b->hash) == 0;
	return 0;
}

static int drop_main(merge *m, const char *uuid, char *err)
{
	if (m->out8)
		return merge_rec_drop(m, uuid, err);
	return store_run(m->st, "cannot replace an interview", err,
			  "DELETE FROM main.events WHERE uuid=?1", 1, uuid) ||
	       store_run(m->st, "cannot replace an interview", err,
			  "DELETE FROM main.answers WHERE uuid=?1", 1, uuid) ||
	       store_run(m->st, "cannot replace an interview", err,
			  "DELETE FROM main.interviews WHERE uuid=?1", 1, uuid) ? -1 : 0;
}

static int copy_from_src(merge *m, const char *uuid, char *err)
{
	if (m->out8)
		return merge_rec_copy(m, uuid, err);
	char *origin = merge_src_origin(m, "s");
	char *iv = sqlite3_mprintf("INSERT INTO main.interviews(" STORE_INTERVIEW_COLUMNS ") "
				   "SELECT " STORE_INTERVIEW_COLUMNS_V2 ", %s FROM src.interviews s "
				   "WHERE uuid=?1", origin);
	int bad = store_run(m->st, "cannot copy an interview", err, iv, 1, uuid);
	sqlite3_free(iv);
	sqlite3_free(origin);
	return bad ||
	       store_run(m->st, "cannot copy an interview", err,
			  "INSERT INTO main.answers(" STORE_ANSWER_COLUMNS ") SELECT "
			  STORE_ANSWER_COLUMNS " FROM src.answers WHERE uuid=?1", 1, uuid) ||
	       store_run(m->st, "cannot copy an interview", err,
			  "INSERT INTO main.events(uuid, " STORE_EVENT_COLUMNS ") SELECT uuid, "
			  STORE_EVENT_COLUMNS " FROM src.events WHERE uuid=?1", 1, uuid) ? -1 : 0;
}

static int restore_rows(merge *m, const char *to, const char *uuid, const struct ver *v,
			char *err);

/* Make the version whose JSON is given (interview ?2, answers ?3, events ?4) the stored one:
 * its rows written into the output's tables, or on an output of schema 8 into stage and
 * encoded from there. */
static int restore_json(merge *m, const char *uuid, const struct ver *v, char *err)
{
	if (!m->out8)
		return restore_rows(m, "main", uuid, v, err);
	return merge_rec_stage_clear(m, err) || restore_rows(m, "stage", uuid, v, err) ||
	       merge_rec_encode(m, "stage", uuid, err) ? -1 : 0;
}

static int restore_rows(merge *m, const char *to, const char *uuid, const struct ver *v,
			char *err)
{
	char *iv = sqlite3_mprintf("INSERT INTO \"%w\".interviews(" STORE_INTERVIEW_COLUMNS ") SELECT "
		"json_extract(?2,'$.uuid'), json_extract(?2,'$.form_id'), "
		"json_extract(?2,'$.form_version'), json_extract(?2,'$.device_id'), "
		"json_extract(?2,'$.interviewer'), json_extract(?2,'$.status'), "
		"json_extract(?2,'$.revision'), json_extract(?2,'$.created'), "
		"json_extract(?2,'$.modified'), json_extract(?2,'$.completed'), "
		"json_extract(?2,'$.content_hash'), json_extract(?2,'$.lang'), "
		"json_extract(?2,'$.position'), json_extract(?2,'$.instance_name'), "
		"coalesce(json_extract(?2,'$.origin'), 'field')", to);
	char *an = sqlite3_mprintf("INSERT INTO \"%w\".answers(" STORE_ANSWER_COLUMNS ") SELECT ?1, "
		"json_extract(j.value,'$.path'), json_extract(j.value,'$.value'), "
		"json_extract(j.value,'$.state'), json_extract(j.value,'$.modified') "
		"FROM json_each(?2) j ORDER BY j.key", to);
	char *ev = sqlite3_mprintf("INSERT INTO \"%w\".events(uuid, " STORE_EVENT_COLUMNS ") SELECT ?1, "
		EV_OF_JSON_COLS " FROM json_each(?2) j ORDER BY j.key", to);
	int rc = store_run(m->st, "cannot restore a version", err, iv, 2, uuid, v->ivjson) ||
		 store_run(m->st, "cannot restore a version", err, an, 2, uuid, v->anjson) ||
		 store_run(m->st, "cannot restore a version", err, ev, 2, uuid, v->evjson) ? -1 : 0;
	sqlite3_free(iv);
	sqlite3_free(an);
	sqlite3_free(ev);
	return rc;
}

static int load_evjson(merge *m, struct ver *v, const char *uuid, char *err)
{
	sqlite3_stmt *s;
	if (in_conflicts(v) ? prepare_fmt(m, &s, err, "SELECT " EV_OF_JSON, schema_of(v)) :
	    prepare_fmt(m, &s, err, "SELECT " EV_JSON, rows_of(m, v)))
		return -1;
	bind_ver(s, v, uuid);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		v->evjson = store_col_text(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW && v->evjson ? 0 :
	       store_sqlerr(m->st, "cannot read the events", err);
}

/* The conflicts key of kept version vs[i] (see the top): into key (130 bytes). */
static void conflict_key(const struct ver *vs, int n, int i, char key[130])
{
	int greatest = 1;
	for (int j = 0; j < n && greatest; j++)
		if (j != i && !vs[j].gone && !strcmp(vs[j].hash, vs[i].hash) &&
		    ver_cmp(&vs[j], &vs[i]) > 0)
			greatest = 0;
	if (greatest)
		snprintf(key, 130, "%s", vs[i].hash);
	else
		snprintf(key, 130, "%s:%s", vs[i].hash, vs[i].vhash);
}

/* Write the decision: main holds vs[win], conflicts every other kept version. Nothing is
 * written when that is what is stored already. */
static int apply(merge *m, struct ver *vs, int n, int win, const char *uuid, char *err)
{
	int changed = vs[win].where != IN_MAIN;
	for (int i = 0; i < n && !changed; i++) {
		char key[130];
		if (vs[i].where == IN_CONFLICTS && vs[i].gone)
			changed = 1;
		else if (i != win && !vs[i].gone) {
			conflict_key(vs, n, i, key);
			changed = vs[i].where != IN_CONFLICTS || strcmp(key, vs[i].key) != 0;
		}
	}
	if (!changed)
		return 0;
	for (int i = 0; i < n; i++)
		if (!vs[i].gone && (i != win || in_conflicts(&vs[i])) &&
		    load_evjson(m, &vs[i], uuid, err))
			return -1;
	if (vs[win].where != IN_MAIN &&
	    (drop_main(m, uuid, err) || (vs[win].where == IN_SRC ? copy_from_src(m, uuid, err) :
					 restore_json(m, uuid, &vs[win], err))))
		return -1;
	if (store_run(m->st, "cannot keep a conflicting version", err,
		       "DELETE FROM main.conflicts WHERE uuid=?1", 1, uuid))
		return -1;
	for (int i = 0; i < n; i++) {
		if (i == win || vs[i].gone)
			continue;
		char key[130], count[24];
		conflict_key(vs, n, i, key);
		snprintf(count, sizeof count, "%lld", vs[i].count);
		if (store_run(m->st, "cannot keep a conflicting version", err,
			       "INSERT INTO main.conflicts(" STORE_CONFLICT_COLUMNS ") VALUES (?1, ?2, "
			       "?3, json_extract(?4,'$.revision'), json_extract(?4,'$.status'), "
			       "json_extract(?4,'$.modified'), ?4, ?5, ?6)", 6, uuid, key, count,
			       vs[i].ivjson, vs[i].anjson, vs[i].evjson))
			return -1;
	}
	return 0;
}

/* The kept versions of vs (n, the incoming one last): the same version counted once, the
 * superseded ones gone. *replaced: the incoming one superseded a stored one; *same: it is
 * (or replaced) the same version as a stored one. */
static int decide(merge *m, struct ver *vs, int n, const char *uuid, int *replaced, int *same,
		  char *err)
{
	struct ver *x = &vs[n - 1];
	*replaced = *same = 0;
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (!strcmp(vs[i].vhash, vs[j].vhash)) {
				int c = ver_cmp(&vs[i], &vs[j]);
				(c >= 0 ? &vs[j] : &vs[i])->gone = 1;
				if (j == n - 1)
					*same = 1;
			}
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++) {
			if (i == j || vs[i].gone || vs[j].gone)
				continue;
			int yes;
			if (supersedes(m, &vs[i], &vs[j], uuid, &yes, err))
				return -1;
			if (yes) {
				vs[j].gone = 1;
				if (&vs[i] == x)
					*replaced = 1;
			}
		}
	return 0;
}

int merge_version(merge *m, const char *uuid, const char *src_key, const char *events_sha256,
		  long long events_count, const char **action, char *err)
{
	struct ver *vs = NULL;
	int n = 0, rc = -1;
	if ((m->out8 && merge_rec_stage(m, uuid, err)) || merge_src_rows(m, uuid, err) ||
	    load_stored(m, uuid, &vs, &n, err))
		goto done;
	vs = xreallocarray(vs, (size_t)n + 1, sizeof *vs);
	struct ver *x = &vs[n++];
	memset(x, 0, sizeof *x);
	if (src_key) {
		x->where = IN_SRC_CONFLICTS;
		x->key = xstrdup(src_key);
		if (check_carried(m, x, uuid, err))
			goto done;
	} else {
		x->where = IN_SRC;
		x->count = events_count;
		snprintf(x->hash, sizeof x->hash, "%s", events_sha256);
	}
	if (load_row(m, x, uuid, err))
		goto done;
	for (int i = 0; i < n; i++)
		if (own_device(m, &vs[i], uuid, err))
			goto done;
	int replaced, same;
	if (decide(m, vs, n, uuid, &replaced, &same, err))
		goto done;
	int win = -1;
	for (int i = 0; i < n; i++)
		if (!vs[i].gone && (win < 0 || ver_cmp(&vs[i], &vs[win]) > 0))
			win = i;
	if (x->gone)
		*action = same ? "identical" : "outdated";
	else
		*action = replaced ? "updated" : same ? "identical" : "conflicting";
	rc = apply(m, vs, n, win, uuid, err);
done:
	for (int i = 0; i < n; i++)
		ver_release(&vs[i]);
	free(vs);
	return rc;
}

/* The input's device, and whether it has conflicts and provenance tables (schema 2 on). */
static int read_input(merge *m, char *err)
{
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, "SELECT (SELECT value FROM src.meta WHERE key='device_id'),"
			  " (SELECT count(*) = 3 FROM src.sqlite_master WHERE type = 'table' AND name IN "
			  "('conflicts', 'provenance', 'provenance_interviews'))", &s, err))
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(s, 0);
		snprintf(m->src_device, sizeof m->src_device, "%s", d ? d : "");
		m->src_merged = sqlite3_column_int(s, 1);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(m->st, "cannot read the input's device", err);
}

/* One number from sql (no parameters) into *n. */
static int count_of(merge *m, const char *sql, long long *n, char *err)
{
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, sql, &s, err))
		return -1;
	int rc = sqlite3_step(s);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : store_sqlerr(m->st, "cannot prepare the merge", err);
}

/* temp.merge_settle: the interviews to compare — those bulk copying did not settle, those with
 * conflicting versions stored (the input may settle them), those the input has conflicts of. */
static int list_settle(merge *m, long long *n, char *err)
{
	if (store_run(m->st, "cannot prepare the merge", err, "INSERT INTO temp.merge_settle SELECT "
		       "uuid FROM temp.merge_in WHERE action IS NULL OR (action = 'identical' AND "
		       "uuid IN (SELECT uuid FROM main.conflicts))", 0))
		return -1;
	if (m->src_merged) {
		sqlite3_stmt *s;
		if (store_prepare(m->st->db, "SELECT quote(uuid) FROM src.conflicts WHERE uuid IS "
				  "NULL OR uuid NOT IN (SELECT uuid FROM src.interviews) LIMIT 1", &s,
				  err))
			return -1;
		int rc = sqlite3_step(s);
		if (rc == SQLITE_ROW)
			errf(err, "it is damaged: it holds conflicting versions of interview %s, "
			     "which it lacks", (const char *)sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return rc == SQLITE_ROW ? -1 :
			       store_sqlerr(m->st, "cannot read the conflicts", err);
		if (store_run(m->st, "cannot prepare the merge", err, "INSERT OR IGNORE INTO "
			       "temp.merge_settle SELECT uuid FROM src.conflicts", 0))
			return -1;
	}
	return count_of(m, "SELECT count(*) FROM temp.merge_settle", n, err);
}

/* temp.merge_seen_from for the interviews of temp.merge_settle: where each of their versions
 * was seen coming from — what the output recorded, what the input recorded, and the input
 * itself for the versions in its interviews table it has no record of (made on it). The
 * output's provenance_interviews has no index by interview: with few interviews to compare,
 * they are looked up input by input; with many, it is read once. */
static int seen_from(merge *m, long long nsettle, char *err)
{
	static const char from_src[] =
		"INSERT OR IGNORE INTO temp.merge_seen_from SELECT r.uuid, r.events_sha256, "
		"r.device_id FROM temp.merge_settle t JOIN temp.merge_src_seen r ON r.uuid = t.uuid";
	static const char from_self[] =
		"INSERT OR IGNORE INTO temp.merge_seen_from SELECT t.uuid, t.events_sha256, ?1 "
		"FROM temp.merge_in t WHERE t.uuid IN (SELECT uuid FROM temp.merge_settle) AND "
		"NOT EXISTS (SELECT 1 FROM temp.merge_src_seen r WHERE r.uuid = t.uuid AND "
		"r.events_sha256 = t.events_sha256)";
	long long ninputs;
	if (count_of(m, "SELECT count(DISTINCT input_sha256) FROM main.provenance", &ninputs,
		     err))
		return -1;
	char *pi = merge_provenance_rows(m);
	char *out = nsettle * ninputs <= 50000 ? xasprintf(
		"INSERT OR IGNORE INTO temp.merge_seen_from SELECT x.uuid, x.events_sha256, "
		"x.device_id FROM temp.merge_settle t CROSS JOIN (SELECT DISTINCT input_sha256 AS "
		"sha FROM main.provenance) p CROSS JOIN %s x WHERE "
		"x.input_sha256 = p.sha AND x.uuid = t.uuid", pi) : xasprintf(
		"INSERT OR IGNORE INTO temp.merge_seen_from SELECT x.uuid, x.events_sha256, "
		"x.device_id FROM %s x WHERE x.uuid IN (SELECT uuid FROM "
		"temp.merge_settle) AND x.input_sha256 IN (SELECT input_sha256 FROM "
		"main.provenance)", pi);
	int rc = store_run(m->st, "cannot read the provenance", err, out, 0) ||
		 store_run(m->st, "cannot read the provenance", err, from_src, 0) ||
		 store_run(m->st, "cannot read the provenance", err, from_self, 1, m->src_device) ?
		 -1 : 0;
	free(pi);
	free(out);
	return rc;
}

int merge_versions_begin(merge *m, char *err)
{
	static const char setup[] =
		"CREATE TEMP TABLE IF NOT EXISTS merge_seen_from(uuid TEXT, events_sha256 TEXT, "
		"device_id TEXT, PRIMARY KEY(uuid, events_sha256, device_id)) WITHOUT ROWID; "
		"CREATE TEMP TABLE IF NOT EXISTS merge_src_seen(uuid TEXT, events_sha256 TEXT, "
		"device_id TEXT, PRIMARY KEY(uuid, events_sha256, device_id)) WITHOUT ROWID; "
		"CREATE TEMP TABLE IF NOT EXISTS merge_settle(uuid TEXT PRIMARY KEY) WITHOUT ROWID; "
		"CREATE TEMP TABLE IF NOT EXISTS merge_carried(uuid TEXT, key TEXT, action TEXT, "
		"PRIMARY KEY(uuid, key)) WITHOUT ROWID; DELETE FROM temp.merge_seen_from; "
		"DELETE FROM temp.merge_src_seen; DELETE FROM temp.merge_settle; "
		"DELETE FROM temp.merge_carried";
	/* A merged file's provenance: the versions its inputs brought, with their devices. */
	static const char src_seen[] =
		"INSERT OR IGNORE INTO temp.merge_src_seen SELECT uuid, events_sha256, device_id "
		"FROM src.provenance_interviews WHERE input_sha256 IN (SELECT input_sha256 FROM "
		"src.provenance) AND uuid IS NOT NULL AND events_sha256 IS NOT NULL AND device_id "
		"IS NOT NULL";
	long long n;
	if (store_exec(m->st->db, setup, "cannot prepare the merge", err) || read_input(m, err) ||
	    (m->src_merged && store_run(m->st, "cannot read the input's provenance", err, src_seen,
					 0)) ||
	    list_settle(m, &n, err))
		return -1;
	return n ? seen_from(m, n, err) : 0;
}
