/* merge_validate.c: the content of a merge input (ATTACHed as src) checked against its
 * questionnaires before anything is copied: each questionnaire the output lacks must load and be
 * the version its row says; each interview (and each conflicting version it carries) must be of
 * a questionnaire version the input or the output holds; each answer must be at a path of that
 * version, with a value the engine could have stored for its question in its state. Each
 * questionnaire is loaded once per input. */
#include "store/merge_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/form_ops.h"
#include "util/termsafe.h"
#include "util/util.h"

#define SHOWN_MAX 40   /* bytes of a value quoted in a message */

#define CRAFTED "the file was damaged or crafted"

struct vform {
	char *id, *version;
	store_form *f;        /* NULL when it does not load: why says so */
	char *why;
	int *node_of;         /* the node of each slot of its records' paths seen (-2: not yet) */
	size_t nslots;
};

#define SLOTS_KEPT 65536   /* path ids above are looked up each time (a crafted table's) */

struct vcache {
	struct vform *v;
	int n;
};

static void vcache_release(struct vcache *c)
{
	for (int i = 0; i < c->n; i++) {
		free(c->v[i].id);
		free(c->v[i].version);
		store_form_ops_get()->release(c->v[i].f);
		free(c->v[i].why);
		free(c->v[i].node_of);
	}
	free(c->v);
}

static const char *col(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	return t ? t : "";
}

/* "'...'" of a value for a message (freed by the caller). */
static char *shown(const char *v)
{
	return termsafe_quoted(v, SHOWN_MAX);
}

/* 1234abcd... of an interview uuid, for a message (unquoted). */
static char *shown_uuid(const char *uuid)
{
	char *s = termsafe_quoted(uuid, 8);
	size_t n = strlen(s);
	memmove(s, s + 1, n - 2);
	s[n - 2] = 0;
	return s;
}

static struct vform *vcache_add(struct vcache *c, const char *id, const char *version)
{
	c->v = xreallocarray(c->v, (size_t)c->n + 1, sizeof *c->v);
	struct vform *v = &c->v[c->n++];
	memset(v, 0, sizeof *v);
	v->id = xstrdup(id);
	v->version = xstrdup(version);
	return v;
}

static struct vform *vcache_find(struct vcache *c, const char *id, const char *version)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->v[i].id, id) == 0 && strcmp(c->v[i].version, version) == 0)
			return &c->v[i];
	return NULL;
}

/* Load a questionnaire from its bytes; it must say it is (id, version). */
static void vform_load(struct vform *v, const char *name, const char *kind, const void *bytes,
		       size_t len)
{
	const store_form_ops *ops = store_form_ops_get();
	char why[ERR_MAX];
	if (!(v->f = ops->load(name, kind, bytes, len, why))) {
		v->why = xasprintf("does not load: %s", why);
		return;
	}
	if (strcmp(ops->id(v->f), v->id) != 0 || strcmp(ops->version(v->f), v->version) != 0) {
		char *a = shown(ops->id(v->f)), *b = shown(ops->version(v->f));
		v->why = xasprintf("says it is %s version %s", a, b);
		free(a);
		free(b);
		ops->release(v->f);
		v->f = NULL;
	}
}

/* Every questionnaire of the input that the output lacks must load; -1 with err if not. */
static int check_new_forms(merge *m, struct vcache *c, char *err)
{
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, "SELECT form_id, version, source_name, source_kind, source, "
			  "sha256 FROM src.forms s WHERE NOT EXISTS (SELECT 1 FROM main.forms o "
			  "WHERE o.form_id = s.form_id AND o.version = s.version) ORDER BY 1, 2",
			  &s, err))
		return -1;
	int rc = 0, step;
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
		struct vform *v = vcache_add(c, col(s, 0), col(s, 1));
		const void *bytes = sqlite3_column_blob(s, 4);
		size_t len = (size_t)sqlite3_column_bytes(s, 4);
		char hash[65];
		store_sha256_hex(bytes ? bytes : "", len, hash);
		if (strcmp(hash, col(s, 5)) != 0)
			v->why = xstrdup("does not match its recorded hash");
		else
			vform_load(v, col(s, 2), col(s, 3), bytes ? bytes : "", len);
		if (v->why) {
			char *a = shown(v->id), *b = shown(v->version);
			rc = errf(err, "its questionnaire %s version %s %s; %s", a, b, v->why, CRAFTED);
			free(a);
			free(b);
		}
	}
	sqlite3_finalize(s);
	if (!rc && step != SQLITE_DONE)
		return store_sqlerr(m->st, "cannot read its questionnaires", err);
	return rc;
}

/* The questionnaire (id, version): from the cache, else the output's; NULL with why set when
 * neither holds it or it does not load. */
static struct vform *form_of(merge *m, struct vcache *c, const char *id, const char *version)
{
	struct vform *v = vcache_find(c, id, version);
	if (v)
		return v;
	v = vcache_add(c, id, version);
	void *bytes;
	size_t len;
	char *name, *kind, why[ERR_MAX];
	if (store_form_get(m->st, id, version, &bytes, &len, &name, &kind, why)) {
		v->why = xstrdup("which neither it nor the output holds");
		return v;
	}
	vform_load(v, name, kind, bytes, len);
	free(bytes);
	free(name);
	free(kind);
	return v;
}

/* What is wrong with one answer of an interview of v, or 0; node: its question's (-2: looked
 * up from path). */
static int check_answer_at(const struct vform *v, int node, const char *path, const char *value,
			   const char *state, char *msg)
{
	store_state st;
	if (store_state_parse(state, &st)) {
		char *a = shown(state);
		errf(msg, "has the state %s", a);
		free(a);
		return -1;
	}
	if (node == -2)
		node = store_form_ops_get()->node(v->f, path);
	if (node < 0)
		return errf(msg, "is not a question of that version");
	if (st == STATE_DONT_KNOW || st == STATE_REFUSED) {
		if (value && *value)
			return errf(msg, "is %s but has a value", state);
		return 0;
	}
	return value ? store_form_ops_get()->value_check(v->f, node, value, msg) : 0;
}

static int check_answer(const struct vform *v, const char *path, const char *value,
			const char *state, char *msg)
{
	return check_answer_at(v, -2, path, value, state, msg);
}

/* The node of the question of slot (no instance) of v's records, looked up once. */
static int slot_node(struct vform *v, long long slot, const char *path)
{
	if (slot <= 0 || slot >= SLOTS_KEPT)
		return store_form_ops_get()->node(v->f, path);
	if ((size_t)slot >= v->nslots) {
		size_t n = (size_t)slot * 2 < SLOTS_KEPT ? (size_t)slot * 2 : SLOTS_KEPT;
		v->node_of = xreallocarray(v->node_of, n, sizeof *v->node_of);
		for (size_t k = v->nslots; k < n; k++)
			v->node_of[k] = -2;
		v->nslots = n;
	}
	if (v->node_of[slot] == -2)
		v->node_of[slot] = store_form_ops_get()->node(v->f, path);
	return v->node_of[slot];
}

/* The one-line refusal for answer `path` of interview `uuid` (what: "interview" or "conflicting
 * version of interview"). */
static int refuse_answer(char *err, const char *what, const char *uuid, const char *path,
			 const char *value, const char *msg)
{
	char *u = shown_uuid(uuid), *p = shown(path), *v = value ? shown(value) : NULL;
	errf(err, "%s %s answer %s%s%s %s; %s", what, u, p, v ? " = " : "", v ? v : "", msg,
	     CRAFTED);
	free(u);
	free(p);
	free(v);
	return -1;
}

static int refuse_form(char *err, const char *what, const char *uuid, const struct vform *v)
{
	char *u = shown_uuid(uuid), *a = shown(v->id), *b = shown(v->version);
	errf(err, "%s %s is of questionnaire %s version %s, %s; %s", what, u, a, b, v->why,
	     CRAFTED);
	free(u);
	free(a);
	free(b);
	return -1;
}

/* Interviews and their answers, both in primary-key order, walked side by side. */
static int check_interviews(merge *m, struct vcache *c, char *err)
{
	sqlite3_stmt *iv, *an;
	if (store_prepare(m->st->db, "SELECT uuid, form_id, form_version FROM src.interviews "
			  "ORDER BY uuid", &iv, err))
		return -1;
	if (store_prepare(m->st->db, "SELECT uuid, path, value, state FROM src.answers "
			  "ORDER BY uuid, path", &an, err)) {
		sqlite3_finalize(iv);
		return -1;
	}
	int rc = 0, irc = sqlite3_step(iv), arc = SQLITE_DONE;
	struct vform *v = NULL;
	if (irc == SQLITE_ROW) {
		v = form_of(m, c, col(iv, 1), col(iv, 2));
		if (v->why)
			rc = refuse_form(err, "interview", col(iv, 0), v);
	}
	while (!rc && (arc = sqlite3_step(an)) == SQLITE_ROW) {
		const char *uuid = col(an, 0);
		int cmp = -1;
		while (irc == SQLITE_ROW && (cmp = strcmp(col(iv, 0), uuid)) < 0) {
			irc = sqlite3_step(iv);
			if (irc != SQLITE_ROW)
				break;
			v = form_of(m, c, col(iv, 1), col(iv, 2));
			if (v->why) {
				rc = refuse_form(err, "interview", col(iv, 0), v);
				break;
			}
		}
		if (rc)
			break;
		if (irc != SQLITE_ROW || cmp != 0) {
			char *u = shown_uuid(uuid), *p = shown(col(an, 1));
			rc = errf(err, "answer %s of interview %s belongs to no interview in it; %s",
				  p, u, CRAFTED);
			free(u);
			free(p);
			break;
		}
		char msg[ERR_MAX];
		const char *value = (const char *)sqlite3_column_text(an, 2);
		if (check_answer(v, col(an, 1), value, col(an, 3), msg))
			rc = refuse_answer(err, "interview", uuid, col(an, 1), value, msg);
	}
	/* the interviews after the last answer */
	while (!rc && irc == SQLITE_ROW && (irc = sqlite3_step(iv)) == SQLITE_ROW) {
		v = form_of(m, c, col(iv, 1), col(iv, 2));
		if (v->why)
			rc = refuse_form(err, "interview", col(iv, 0), v);
	}
	if (!rc && ((irc != SQLITE_ROW && irc != SQLITE_DONE) ||
		    (arc != SQLITE_ROW && arc != SQLITE_DONE)))
		rc = store_sqlerr(m->st, "cannot read its interviews", err);
	sqlite3_finalize(iv);
	sqlite3_finalize(an);
	return rc;
}

/* The same for an input whose answers are only in its records (merge_src_schema "srcrows"):
 * each record's answers decoded, in the order of the records. */
struct rec_answers {
	struct vform *v;
	const char *uuid;
	char *err;
	int refused;          /* an answer was refused: err says why */
};

static int check_record_answer(void *arg, long long slot, int instance, const char *path,
			       const char *value, const char *state)
{
	struct rec_answers *a = arg;
	char msg[ERR_MAX];
	int node = instance ? -2 : slot_node(a->v, slot, path);
	if (!check_answer_at(a->v, node, path, value, state, msg))
		return 0;
	a->refused = 1;
	return refuse_answer(a->err, "interview", a->uuid, path, value, msg);
}

static int check_records(merge *m, struct vcache *c, char *err)
{
	sqlite3_stmt *s;
	/* in the order of the file (its uuid order would seek each record from the index) */
	if (store_prepare(m->st->db, "SELECT uuid, form_id, form_version, answers FROM src.records",
			  &s, err))
		return -1;
	int rc = 0, step = SQLITE_DONE;
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
		struct rec_answers a = { .v = form_of(m, c, col(s, 1), col(s, 2)),
					 .uuid = col(s, 0), .err = err };
		if (a.v->why) {
			rc = refuse_form(err, "interview", a.uuid, a.v);
			break;
		}
		char why[ERR_MAX];
		const record_paths *p = store_paths_cache_get(&m->src_paths, m->st->db, "src",
							      col(s, 1), col(s, 2), why);
		const char *text = (const char *)sqlite3_column_text(s, 3);
		if (!p)
			rc = errf(err, "interview '%.40s': %s", a.uuid, why);
		else if ((rc = record_answers_each_slot(p, text ? text : "",
							(size_t)sqlite3_column_bytes(s, 3),
							check_record_answer, &a, why)) != 0 &&
			 !a.refused)
			rc = errf(err, "interview '%.40s': its record cannot be read (%s)", a.uuid,
				  why);
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_sqlerr(m->st, "cannot read its interviews", err);
	sqlite3_finalize(s);
	return rc ? -1 : 0;
}

/* The answers of the conflicting versions it carries (schema 2 on). */
static int check_conflicts(merge *m, struct vcache *c, char *err)
{
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, "SELECT count(*) FROM src.sqlite_schema WHERE type = 'table' "
			  "AND name = 'conflicts'", &s, err))
		return -1;
	int has = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) > 0;
	sqlite3_finalize(s);
	if (!has)
		return 0;
	if (store_prepare(m->st->db, "SELECT c.uuid, json_extract(c.interview, '$.form_id'), "
			  "json_extract(c.interview, '$.form_version'), json_extract(j.value, "
			  "'$.path'), json_extract(j.value, '$.value'), json_extract(j.value, "
			  "'$.state') FROM src.conflicts c, json_each(c.answers) j", &s, err))
		return -1;
	int rc = 0, step = SQLITE_DONE;
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
		struct vform *v = form_of(m, c, col(s, 1), col(s, 2));
		char msg[ERR_MAX];
		const char *value = (const char *)sqlite3_column_text(s, 4);
		if (v->why)
			rc = refuse_form(err, "a conflicting version of interview", col(s, 0), v);
		else if (check_answer(v, col(s, 3), value, col(s, 5), msg))
			rc = refuse_answer(err, "a conflicting version of interview", col(s, 0),
					   col(s, 3), value, msg);
	}
	if (!rc && step != SQLITE_DONE)
		rc = errf(err, "its conflicts cannot be read (%s); %s", sqlite3_errmsg(m->st->db),
			  CRAFTED);
	sqlite3_finalize(s);
	return rc;
}

int merge_validate(merge *m, char *err)
{
	if (!store_form_ops_get())
		return errf(err, "internal error: the store was given no questionnaire reader "
			    "(store_set_form_ops)");
	struct vcache c = { 0 };
	int rc = check_new_forms(m, &c, err) ||
		 (m->src_lazy ? check_records(m, &c, err) : check_interviews(m, &c, err)) ||
		 check_conflicts(m, &c, err) ? -1 : 0;
	vcache_release(&c);
	return rc;
}
