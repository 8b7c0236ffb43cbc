/* interview.c: writing interviews — start, resume, answers with their states, events,
 * completion — each change one transaction, logged in the event table (paradata). */
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/record_hash.h"
#include "util/util.h"

static long long offset_now(const store_iv *iv)
{
	return iv->base_ms + (store_clock_mono(iv->st) - iv->mono_start);
}

static void bind_opt(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

/* Append one event inside the caller's transaction. */
static int put_event(store_iv *iv, const char *at, const char *kind, const char *path,
		     const char *old_value, const char *new_value, const char *old_state,
		     const char *new_state, char *err)
{
	if (STORE_IS_RECORDS(iv->st)) {
		/* schema 8: every change ends with its event, which writes the record */
		record_event e = { 0, offset_now(iv), (char *)at, (char *)kind, (char *)path,
				   (char *)old_value, (char *)new_value, (char *)old_state,
				   (char *)new_state };
		if (store_ivr_load(iv, err))
			return -1;
		record_rows_add_event(&iv->rows, &e);
		if (store_ivr_save(iv, err))
			return -1;
		iv->seq++;
		return 0;
	}
	sqlite3_stmt *s = store_stmt(iv->st, SQ_EVENT_PUT,
		"INSERT INTO events(uuid, seq, at, offset_ms, kind, path, old_value, new_value, "
		"old_state, new_state) VALUES (?,?,?,?,?,?,?,?,?,?)", err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, iv->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, iv->seq + 1);
	sqlite3_bind_text(s, 3, at, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, offset_now(iv));
	sqlite3_bind_text(s, 5, kind, -1, SQLITE_STATIC);
	bind_opt(s, 6, path);
	bind_opt(s, 7, old_value);
	bind_opt(s, 8, new_value);
	bind_opt(s, 9, old_state);
	bind_opt(s, 10, new_state);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(iv->st, "cannot log an event", err);
	iv->seq++;
	return 0;
}

/* Bump the revision and modified time inside the caller's transaction. */
static int touch(store_iv *iv, const char *now, char *err)
{
	if (STORE_IS_RECORDS(iv->st))
		return store_ivr_touch(iv, now, err);
	sqlite3_stmt *s = store_stmt(iv->st, SQ_IV_TOUCH,
		"UPDATE interviews SET revision = revision + 1, modified = ?2 WHERE uuid = ?1", err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, iv->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, now, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(iv->st, "cannot update the interview", err);
	return 0;
}

int store_iv_start(store *st, const store_start *how, store_iv **out, char *err)
{
	char uuid[STORE_UUID_LEN + 1], now[32];
	*out = NULL;
	if (!how->form_id || !how->form_version)
		return errf(err, "an interview needs a form id and version");
	if (how->uuid)
		snprintf(uuid, sizeof uuid, "%s", how->uuid);
	else if (store_uuid4(uuid, err))
		return -1;
	store_clock_now(st, now);
	const char *created = how->created ? how->created : now;
	store_iv *iv = xcalloc(1, sizeof *iv);
	iv->st = st;
	memcpy(iv->uuid, uuid, sizeof uuid);
	iv->mono_start = store_clock_mono(st);
	if (store_tx_begin(st, err))
		goto fail;
	if (STORE_IS_RECORDS(st)) {
		if (store_ivr_insert(iv, how, how->device_id ? how->device_id : st->device_id,
				     created, err) ||
		    put_event(iv, created, "opened", NULL, NULL, how->lang, NULL, NULL, err) ||
		    store_tx_commit(st, err))
			goto fail;
		*out = iv;
		return 0;
	}
	if (store_run(st, "cannot start the interview", err, "INSERT INTO interviews(uuid, "
		      "form_id, form_version, device_id, interviewer, status, revision, created, "
		      "modified, lang, origin) VALUES (?1, ?2, ?3, ?4, ?5, 'draft', 1, ?6, ?6, ?7, "
		      "?8)", 8, uuid, how->form_id, how->form_version,
		      how->device_id ? how->device_id : st->device_id,
		      how->interviewer ? how->interviewer : "", created, how->lang,
		      store_origin_name(how->origin)) ||
	    put_event(iv, created, "opened", NULL, NULL, how->lang, NULL, NULL, err) ||
	    store_tx_commit(st, err))
		goto fail;
	*out = iv;
	return 0;
fail:
	store_tx_rollback(st);
	store_iv_close(iv);
	return -1;
}

/* (schema 7: seal.c) kept here, beside its one caller */
int store_sealed_has(store *st, const char *uuid)
{
	if (st->schema_version < STORE_SCHEMA_SEALED)
		return 0;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM sealed WHERE uuid = ?1", -1, &s, NULL))
		return -1;
	sqlite3_bind_text(s, 1, uuid, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static int resumed(store_iv *iv, store_iv **out, char *err);

/* Schema 8: the last event's number and offset from the record's rows. */
static int resume_record(store *st, const char *uuid, store_iv **out, char *err)
{
	store_iv *iv = xcalloc(1, sizeof *iv);
	iv->st = st;
	snprintf(iv->uuid, sizeof iv->uuid, "%s", uuid);
	iv->mono_start = store_clock_mono(st);
	char why[ERR_MAX];
	if (store_ivr_load(iv, why)) {
		store_iv_close(iv);
		if (store_sealed_has(st, uuid) == 1)
			return errf(err, "interview '%s' in '%s' is sealed for the coordinator: it "
				    "cannot be opened or changed on this laptop", uuid, st->path);
		return errf(err, "%s", why);
	}
	iv->seq = (long long)iv->rows.n_events;
	for (size_t k = 0; k < iv->rows.n_events; k++)
		if (iv->rows.events[k].offset_ms > iv->base_ms)
			iv->base_ms = iv->rows.events[k].offset_ms;
	return resumed(iv, out, err);
}

int store_iv_resume(store *st, const char *uuid, store_iv **out, char *err)
{
	*out = NULL;
	if (STORE_IS_RECORDS(st))
		return resume_record(st, uuid, out, err);
	sqlite3_stmt *s;
	if (store_query(st->db, &s, err, "SELECT (SELECT count(*) FROM interviews WHERE uuid=?1), "
			"coalesce(max(seq), 0), coalesce(max(offset_ms), 0) FROM events WHERE "
			"uuid=?1", 1, uuid))
		return -1;
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		return store_sqlerr(st, "cannot read the interview", err);
	}
	int exists = sqlite3_column_int(s, 0);
	store_iv *iv = xcalloc(1, sizeof *iv);
	iv->st = st;
	snprintf(iv->uuid, sizeof iv->uuid, "%s", uuid);
	iv->seq = sqlite3_column_int64(s, 1);
	iv->base_ms = sqlite3_column_int64(s, 2);
	iv->mono_start = store_clock_mono(st);
	sqlite3_finalize(s);
	if (!exists) {
		free(iv);
		if (store_sealed_has(st, uuid) == 1)
			return errf(err, "interview '%s' in '%s' is sealed for the coordinator: it "
				    "cannot be opened or changed on this laptop", uuid, st->path);
		return errf(err, "'%s' holds no interview '%s'", st->path, uuid);
	}
	return resumed(iv, out, err);
}

/* The "resumed" event of a handle just opened: *out, or -1 (the handle freed). */
static int resumed(store_iv *iv, store_iv **out, char *err)
{
	char now[32];
	store *st = iv->st;
	store_clock_now(st, now);
	if (store_tx_begin(st, err) ||
	    put_event(iv, now, "resumed", NULL, NULL, NULL, NULL, NULL, err) ||
	    store_tx_commit(st, err)) {
		store_tx_rollback(st);
		store_iv_close(iv);
		return -1;
	}
	*out = iv;
	return 0;
}

void store_iv_close(store_iv *iv)
{
	if (!iv)
		return;
	record_rows_free(&iv->rows);
	free(iv->form_id);
	free(iv->form_version);
	free(iv);
}

const char *store_iv_uuid(const store_iv *iv)
{
	return iv->uuid;
}

static int same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* A change of a schema-8 interview ended: committed, or rolled back with its rows forgotten
 * (they are read again from the record). */
static int record_end(store_iv *iv, int failed, char *err)
{
	if (!failed && store_tx_commit(iv->st, err) == 0)
		return 0;
	store_ivr_forget(iv);
	store_tx_rollback(iv->st);
	return -1;
}

static record_answer *answer_at(record_rows *r, const char *path)
{
	for (size_t k = 0; k < r->n_answers; k++)
		if (strcmp(r->answers[k].path, path) == 0)
			return &r->answers[k];
	return NULL;
}

/* store_iv_set on a schema-8 file. */
static int set_in_record(store_iv *iv, const char *path, const char *value,
			 const char *new_state, const char *now, char *err)
{
	if (store_tx_begin(iv->st, err))
		return -1;
	if (store_ivr_load(iv, err))
		return record_end(iv, 1, err);
	record_answer *a = answer_at(&iv->rows, path);
	if (a && same_text(a->value, value) && same_text(a->state, new_state))
		return record_end(iv, 0, err);
	char *old_value = a && a->value ? xstrdup(a->value) : NULL;
	char *old_state = a ? xstrdup(a->state) : NULL;
	record_rows_set_answer(&iv->rows, path, value, new_state, now);
	int bad = touch(iv, now, err) ||
		  put_event(iv, now, "answer", path, old_value, value, old_state, new_state, err);
	free(old_value);
	free(old_state);
	return record_end(iv, bad, err);
}

int store_iv_set(store_iv *iv, const char *path, const char *value, store_state state,
		 char *err)
{
	store *st = iv->st;
	char now[32];
	store_clock_now(st, now);
	if (STORE_IS_RECORDS(st))
		return set_in_record(iv, path, value, store_state_name(state), now, err);
	if (store_tx_begin(st, err))
		return -1;
	sqlite3_stmt *g = store_stmt(st, SQ_ANSWER_GET,
		"SELECT value, state FROM answers WHERE uuid=? AND path=?", err);
	if (!g)
		goto fail;
	sqlite3_bind_text(g, 1, iv->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(g, 2, path, -1, SQLITE_STATIC);
	int rc = sqlite3_step(g);
	char *old_value = NULL, *old_state = NULL;
	if (rc == SQLITE_ROW) {
		old_value = store_col_text(g, 0);
		old_state = store_col_text(g, 1);
	}
	sqlite3_reset(g);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_sqlerr(st, "cannot read the answer", err);
		goto fail;
	}
	const char *new_state = store_state_name(state);
	if (rc == SQLITE_ROW && same_text(old_value, value) && same_text(old_state, new_state)) {
		free(old_value);
		free(old_state);
		return store_tx_commit(st, err);
	}
	sqlite3_stmt *p = store_stmt(st, SQ_ANSWER_PUT,
		"INSERT INTO answers(uuid, path, value, state, modified) VALUES (?1,?2,?3,?4,?5) "
		"ON CONFLICT(uuid, path) DO UPDATE SET value=?3, state=?4, modified=?5", err);
	int bad = !p;
	if (p) {
		sqlite3_bind_text(p, 1, iv->uuid, -1, SQLITE_STATIC);
		sqlite3_bind_text(p, 2, path, -1, SQLITE_STATIC);
		bind_opt(p, 3, value);
		sqlite3_bind_text(p, 4, new_state, -1, SQLITE_STATIC);
		sqlite3_bind_text(p, 5, now, -1, SQLITE_STATIC);
		bad = sqlite3_step(p) != SQLITE_DONE;
		sqlite3_reset(p);
		if (bad)
			store_sqlerr(st, "cannot save the answer", err);
	}
	bad = bad || touch(iv, now, err) ||
	      put_event(iv, now, "answer", path, old_value, value, old_state, new_state, err);
	free(old_value);
	free(old_state);
	if (bad)
		goto fail;
	return store_tx_commit(st, err);
fail:
	store_tx_rollback(st);
	return -1;
}

int store_iv_state_before_skip(store_iv *iv, const char *path, store_state *out, char *err)
{
	sqlite3_stmt *s;
	*out = STATE_ANSWERED;
	if (STORE_IS_RECORDS(iv->st)) {
		if (store_ivr_load(iv, err))
			return -1;
		for (size_t k = iv->rows.n_events; k-- > 0;) {
			const record_event *e = &iv->rows.events[k];
			if (strcmp(e->kind, "answer") || !e->path || strcmp(e->path, path) ||
			    !e->new_state || strcmp(e->new_state, "skipped"))
				continue;
			if (e->old_state && (store_state_parse(e->old_state, out) ||
					     *out == STATE_SKIPPED))
				*out = STATE_ANSWERED;
			break;
		}
		return 0;
	}
	if (store_query(iv->st->db, &s, err, "SELECT old_state FROM events WHERE uuid=? AND path=? "
			"AND kind='answer' AND new_state='skipped' ORDER BY seq DESC LIMIT 1",
			2, iv->uuid, path))
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_text(s, 0) &&
	    (store_state_parse((const char *)sqlite3_column_text(s, 0), out) ||
	     *out == STATE_SKIPPED))
		*out = STATE_ANSWERED;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_sqlerr(iv->st, "cannot read the events", err);
	return 0;
}

int store_iv_remove(store_iv *iv, const char *path_prefix, char *err)
{
	store *st = iv->st;
	char now[32];
	store_clock_now(st, now);
	char *under = xasprintf("%s/", path_prefix);
	if (STORE_IS_RECORDS(st)) {
		int bad = store_tx_begin(st, err);
		if (bad)
			goto out;
		bad = store_ivr_load(iv, err);
		for (size_t k = iv->rows.n_answers; !bad && k-- > 0;) {
			const char *p = iv->rows.answers[k].path;
			if (strcmp(p, path_prefix) == 0 || strncmp(p, under, strlen(under)) == 0) {
				char *gone = xstrdup(p);
				record_rows_remove_answer(&iv->rows, gone);
				free(gone);
			}
		}
		bad = bad || touch(iv, now, err) ||
		      put_event(iv, now, "removed", path_prefix, NULL, NULL, NULL, NULL, err);
		bad = record_end(iv, bad, err);
out:
		free(under);
		return bad ? -1 : 0;
	}
	/* substr, not GLOB or LIKE: paths hold '[' and '_', which those treat as patterns */
	int bad = store_tx_begin(st, err) ||
		  store_run(st, "cannot remove the answers", err, "DELETE FROM answers WHERE uuid=?1 "
			    "AND (path=?2 OR substr(path, 1, length(?3)) = ?3)", 3, iv->uuid,
			    path_prefix, under) ||
		  touch(iv, now, err) ||
		  put_event(iv, now, "removed", path_prefix, NULL, NULL, NULL, NULL, err);
	free(under);
	return store_tx_end(st, bad, err);
}

int store_iv_event(store_iv *iv, const char *kind, const char *path, const char *detail,
		   char *err)
{
	char now[32];
	store_clock_now(iv->st, now);
	if (STORE_IS_RECORDS(iv->st))
		return store_tx_begin(iv->st, err) ? -1 :
		       record_end(iv, put_event(iv, now, kind, path, NULL, detail, NULL, NULL, err),
				  err);
	return store_tx_end(iv->st, store_tx_begin(iv->st, err) ||
			    put_event(iv, now, kind, path, NULL, detail, NULL, NULL, err), err);
}

int store_iv_set_position(store_iv *iv, const char *path, const char *lang,
			  const char *instance_name, char *err)
{
	store *st = iv->st;
	if (STORE_IS_RECORDS(st))   /* the same columns in records */
		return store_tx_end(st, store_tx_begin(st, err) ||
				    store_run(st, "cannot save the position", err, "UPDATE records "
					      "SET position=?2, lang=coalesce(?3, lang), instance_name="
					      "coalesce(?4, instance_name) WHERE uuid=?1", 4, iv->uuid,
					      path, lang, instance_name), err);
	return store_tx_end(st, store_tx_begin(st, err) ||
			    store_run(st, "cannot save the position", err, "UPDATE interviews SET "
				      "position=?2, lang=coalesce(?3, lang), instance_name="
				      "coalesce(?4, instance_name) WHERE uuid=?1", 4, iv->uuid, path,
				      lang, instance_name), err);
}

/* The content hash (store_chash) of the interview as it is now (inside a transaction). */
static int content_hash(store_iv *iv, char out[65], char *err)
{
	sqlite3_stmt *s;
	if (STORE_IS_RECORDS(iv->st)) {
		if (store_ivr_load(iv, err))
			return -1;
		record_content_hash(&iv->rows, iv->uuid, iv->form_id, iv->form_version, out);
		return 0;
	}
	if (store_prepare(iv->st->db,
			  "SELECT i.form_id, i.form_version, a.path, a.state, a.value "
			  "FROM interviews i LEFT JOIN answers a ON a.uuid = i.uuid "
			  "WHERE i.uuid = ? ORDER BY a.path", &s, err))
		return -1;
	sqlite3_bind_text(s, 1, iv->uuid, -1, SQLITE_STATIC);
	store_chash h;
	int rc, first = 1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (first)
			store_chash_begin(&h, iv->uuid, (const char *)sqlite3_column_text(s, 0),
					  (const char *)sqlite3_column_text(s, 1));
		first = 0;
		if (sqlite3_column_type(s, 2) != SQLITE_NULL)
			store_chash_answer(&h, (const char *)sqlite3_column_text(s, 2),
					   (const char *)sqlite3_column_text(s, 3),
					   (const char *)sqlite3_column_text(s, 4));
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE || first)
		return store_sqlerr(iv->st, "cannot read the answers", err);
	store_chash_end(&h, out);
	return 0;
}

int store_iv_complete_rows(store_iv *iv, const char *instance_name, char *err)
{
	store *st = iv->st;
	char now[32], hash[65];
	store_clock_now(st, now);
	if (STORE_IS_RECORDS(st))
		return content_hash(iv, hash, err) ||
		       store_ivr_status(iv, 1, now, hash, instance_name,
					"cannot complete the interview", err) ||
		       put_event(iv, now, "completed", NULL, NULL, hash, NULL, NULL, err) ? -1 : 0;
	return content_hash(iv, hash, err) ||
	       store_run(st, "cannot complete the interview", err, "UPDATE interviews SET "
			 "status='complete', completed=?2, modified=?2, revision=revision+1, "
			 "content_hash=?3, instance_name=?4 WHERE uuid=?1", 4, iv->uuid, now, hash,
			 instance_name) ||
	       put_event(iv, now, "completed", NULL, NULL, hash, NULL, NULL, err) ? -1 : 0;
}

int store_iv_complete(store_iv *iv, const char *instance_name, char *err)
{
	store *st = iv->st;
	int bad = store_tx_begin(st, err) || store_iv_complete_rows(iv, instance_name, err);
	if (bad && STORE_IS_RECORDS(st))
		store_ivr_forget(iv);
	return store_tx_end(st, bad, err);
}

/* A change of the interview's status, inside the caller's transaction: sql (?1 its uuid, ?2
 * now) and the event `kind` giving the reason. */
static int status_change(store_iv *iv, const char *sql, const char *what, const char *kind,
			 const char *reason, char *err)
{
	char now[32];
	store_clock_now(iv->st, now);
	if (STORE_IS_RECORDS(iv->st)) {
		int bad = store_ivr_status(iv, strcmp(kind, "reopened") ? 2 : 0, now, NULL, NULL,
					   what, err) ||
			  put_event(iv, now, kind, NULL, NULL, reason, NULL, NULL, err);
		if (bad)
			store_ivr_forget(iv);
		return bad ? -1 : 0;
	}
	return store_run(iv->st, what, err, sql, 2, iv->uuid, now) ||
	       put_event(iv, now, kind, NULL, NULL, reason, NULL, NULL, err) ? -1 : 0;
}

int store_iv_reopen(store_iv *iv, const char *reason, char *err)
{
	store *st = iv->st;
	return store_tx_end(st, store_tx_begin(st, err) ||
			    status_change(iv, "UPDATE interviews SET status='draft', "
					  "completed=NULL, content_hash=NULL, modified=?2, "
					  "revision=revision+1 WHERE uuid=?1",
					  "cannot reopen the interview", "reopened", reason, err),
			    err);
}

int store_iv_discard(store_iv *iv, const char *reason, char *err)
{
	store *st = iv->st;
	if (store_tx_begin(st, err))
		return -1;
	sqlite3_stmt *s;
	if (store_query(st->db, &s, err, "SELECT status FROM interviews WHERE uuid=?", 1,
			iv->uuid))
		return store_tx_end(st, 1, err);
	int draft = sqlite3_step(s) == SQLITE_ROW &&
		    strcmp((const char *)sqlite3_column_text(s, 0), "draft") == 0;
	sqlite3_finalize(s);
	if (!draft) {
		errf(err, "interview '%s' in '%s' is not a draft: only a draft can be discarded",
		     iv->uuid, st->path);
		return store_tx_end(st, 1, err);
	}
	return store_tx_end(st, status_change(iv, "UPDATE interviews SET status='discarded', "
					      "modified=?2, revision=revision+1 WHERE uuid=?1",
					      "cannot discard the interview", "discarded", reason,
					      err), err);
}
