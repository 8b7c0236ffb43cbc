/* engine.c: the interview engine's life and actions — start (metadata, defaults, embedding
 * the form) and resume, answering, special answers, moving, adding and removing repeat
 * instances, language; each change committed before it is reported. */
#include "interview/engine_impl.h"
#include "form/sheets.h"
#include "form/value.h"
#include "store/attach.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

static double clock_seconds(const engine *e)
{
	if (e->now != 0)
		return e->now;
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (double)tv.tv_sec + tv.tv_usec / 1e6;
}

/* Local wall time of the engine's clock: "2021-03-09T14:05:00.000+06:00" or "2021-03-09". */
char *iv_clock_text(const engine *e, int date_only)
{
	double t = clock_seconds(e);
	time_t s = (time_t)floor(t);
	struct tm tm;
	localtime_r(&s, &tm);
	if (date_only)
		return xasprintf("%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	long off = tm.tm_gmtoff, a = off < 0 ? -off : off;
	int ms = (int)((t - floor(t)) * 1000);
	return xasprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03d%c%02ld:%02ld", tm.tm_year + 1900,
			 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms,
			 off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
}

static int has_token(const char *s, const char *tok)
{
	size_t n = strlen(tok);
	for (const char *p = s; (p = strstr(p, tok)); p += n)
		if ((p == s || p[-1] == ' ') && (p[n] == 0 || p[n] == ' '))
			return 1;
	return 0;
}

static engine *engine_alloc(store *st, const form *f, double now)
{
	engine *e = xcalloc(1, sizeof *e);
	int n = f->nnodes;
	e->st = st;
	e->f = f;
	e->now = now;
	e->nrep = xcalloc((size_t)n, sizeof(int));
	e->prev_sibling = xcalloc((size_t)n, sizeof(int));
	e->fieldlist = xcalloc((size_t)n, sizeof(int));
	e->visible = xcalloc((size_t)n, sizeof(int));
	e->mark = xcalloc((size_t)n, 1);
	e->pending = xcalloc((size_t)n, 1);
	e->queue = xcalloc((size_t)n, sizeof(int));
	for (int i = 0; i < n; i++)
		e->prev_sibling[i] = -1;
	/* a field-list group holding a repeat is shown question by question */
	unsigned char *has_repeat = xcalloc((size_t)n, 1);
	for (int i = n - 1; i > 0; i--)
		if (f->nodes[i].type == FORM_REPEAT || has_repeat[i])
			has_repeat[f->nodes[i].parent] = 1;
	for (int i = 0; i < n; i++) {
		const form_node *nd = &f->nodes[i];
		e->visible[i] = form_type_is_input(nd->type) || nd->type == FORM_NOTE;
		if (nd->next_sibling >= 0)
			e->prev_sibling[nd->next_sibling] = i;
		int p = nd->parent;
		e->nrep[i] = p < 0 ? 0 : e->nrep[p] + (f->nodes[p].type == FORM_REPEAT);
		e->fieldlist[i] = p < 0 ? -1 : e->fieldlist[p];
		if (e->fieldlist[i] < 0 && nd->type == FORM_GROUP && !has_repeat[i] &&
		    has_token(nd->appearance ? nd->appearance : "", "field-list"))
			e->fieldlist[i] = i;
	}
	free(has_repeat);
	iv_table_init(&e->tab, n);
	e->lang = f->default_lang;
	return e;
}

void engine_free(engine *e)
{
	if (!e)
		return;
	store_iv_close(e->iv);
	iv_repeat_choices_free(e);
	iv_comments_free(e);
	iv_table_release(&e->tab, e->f->nnodes);
	for (int i = 0; i < e->nitems; i++)
		free(e->item_paths[i]);
	free(e->items);
	free(e->item_paths);
	free(e->screen_path);
	free(e->nrep);
	free(e->prev_sibling);
	free(e->fieldlist);
	free(e->visible);
	free(e->mark);
	free(e->pending);
	free(e->queue);
	free(e->locked);
	free(e);
}

static int check_depth(const form *f, char *err)
{
	for (int i = 0; i < f->nnodes; i++) {
		int d = 0;
		for (int a = i; a > 0; a = f->nodes[a].parent)
			d += f->nodes[a].type == FORM_REPEAT;
		if (d > ENGINE_NEST_MAX)
			return errf(err, "'%s' is nested in more than %d repeats", f->nodes[i].name,
				    ENGINE_NEST_MAX);
	}
	return 0;
}

static int embed_form(store *st, const form *f, const engine_new *how, char *err)
{
	if (how->source_path) {
		const char *kind;
		size_t len;
		void *bytes;
		if (form_source(f, how->source_path, &bytes, &len, &kind, err))
			return -1;   /* the file, or a bundle of it and its media files */
		const char *base = strrchr(how->source_path, '/');
		int rc = store_form_put(st, f->id, f->version, f->title,
					base ? base + 1 : how->source_path, kind, bytes, len, err);
		free(bytes);
		return rc;
	}
	if (how->source)
		return store_form_put(st, f->id, f->version, f->title,
				      how->source_name ? how->source_name : f->source,
				      how->source_kind ? how->source_kind : "md", how->source,
				      how->source_len, err);
	return 0;
}

/* Is the interviewer's identity an e-mail address ("name@host.domain", one line)? */
static int email_like(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@') || strcspn(s, " \t\r\n") != strlen(s))
		return 0;
	const char *dot = strrchr(at + 1, '.');
	return dot && dot > at + 1 && dot[1];
}

/* start, today, deviceid, username, email; end is set at completion. */
static int fill_metadata(engine *e, const char *device, const char *user, char *err)
{
	const form *f = e->f;
	for (int i = 1; i < f->nnodes; i++) {
		form_type t = f->nodes[i].type;
		if (!form_type_is_meta(t) || t == FORM_END || e->nrep[i])
			continue;
		char *v = NULL;
		if (t == FORM_START)
			v = iv_clock_text(e, 0);
		else if (t == FORM_TODAY)
			v = iv_clock_text(e, 1);
		else if (t == FORM_DEVICEID)
			v = xstrdup(device);
		else if (t == FORM_USERNAME)
			v = xstrdup(user && *user ? user : NULL);
		else if (t == FORM_EMAIL)
			v = xstrdup(user && email_like(user) ? user : NULL);
		iv_pos p = { .node = i };
		int rc = v ? iv_store(e, &p, v, STATE_ANSWERED, err) : 0;
		free(v);
		if (rc)
			return -1;
	}
	return 0;
}

int engine_start(store *st, const form *f, const engine_new *how, engine **out, char *err)
{
	static const engine_new none;
	if (!how)
		how = &none;
	*out = NULL;
	if (check_depth(f, err))
		return -1;
	engine *e = engine_alloc(st, f, how->now);
	e->no_move_log = how->no_move_log;
	if (how->lang) {
		e->lang = form_find_lang(f, how->lang);
		if (e->lang < 0) {
			engine_free(e);
			return errf(err, "the questionnaire has no language '%s'", how->lang);
		}
	}
	iv_msg_lang(e);
	if ((f->public_key && *f->public_key && store_secure_delete(st, err)) ||
	    embed_form(st, f, how, err))
		goto fail;
	store_start s = {
		.form_id = f->id, .form_version = f->version, .interviewer = how->interviewer,
		.lang = iv_lang_code(e), .device_id = how->device_id, .uuid = how->uuid,
		.created = how->created, .origin = how->origin,
	};
	if (store_iv_start(st, &s, &e->iv, err))
		goto fail;
	snprintf(e->uuid, sizeof e->uuid, "%s", store_iv_uuid(e->iv));
	iv_pos root = { .node = 0 };
	if (fill_metadata(e, how->device_id ? how->device_id : store_device_id(st),
			  how->interviewer, err) ||
	    iv_apply_defaults(e, &root, err) || iv_recompute_all(e, err))
		goto fail;
	nav_first(e, err);
	nav_build(e);
	if (nav_moved(e, err))
		goto fail;
	*out = e;
	return 0;
fail:
	engine_free(e);
	return -1;
}

/* Open repeats along a position path have at least the instances it names (an instance
 * added and left before any answer). */
static void count_from_path(engine *e, const char *path)
{
	iv_pos p;
	size_t len = strlen(path), sl = strlen(ENGINE_ADD_SUFFIX);
	char *r = len > sl && strcmp(path + len - sl, ENGINE_ADD_SUFFIX) == 0 ?
		xstrndup(path, len - sl) : xstrdup(path);
	int bad = iv_parse(e, r, &p);
	free(r);
	if (!bad)
		iv_cover(e, &p);
}

int engine_resume(store *st, const form *f, const char *uuid, double now, engine **out,
		  char *err)
{
	*out = NULL;
	if (check_depth(f, err))
		return -1;
	store_interview info;
	if (store_interview_get(st, uuid, &info, err))
		return -1;
	if (strcmp(info.form_id, f->id) != 0 || strcmp(info.form_version, f->version) != 0) {
		errf(err, "interview '%s' was made with form '%s' version '%s', not '%s' version '%s'",
		     uuid, info.form_id, info.form_version, f->id, f->version);
		store_interview_release(&info);
		return -1;
	}
	if (strcmp(info.status, "discarded") == 0) {
		errf(err, "interview '%s' was discarded: it is kept but cannot be changed", uuid);
		store_interview_release(&info);
		return -1;
	}
	engine *e = engine_alloc(st, f, now);
	snprintf(e->uuid, sizeof e->uuid, "%s", uuid);
	if (info.lang && form_find_lang(f, info.lang) >= 0)
		e->lang = form_find_lang(f, info.lang);
	iv_msg_lang(e);
	e->complete = strcmp(info.status, "complete") == 0;
	if ((f->public_key && *f->public_key && store_secure_delete(st, err)) ||
	    store_iv_resume(st, uuid, &e->iv, err) || iv_load(e, err))
		goto fail;
	/* instances already there keep their answers: no defaults for them */
	for (int i = 0; i < e->tab.n; i++) {
		iv_entry *en = iv_ent(e, i);
		if (en->count >= 0)
			en->made = en->count;
	}
	if (info.position)
		count_from_path(e, info.position);
	e->quiet = e->complete;
	int rc = iv_recompute_all(e, err);
	e->quiet = 0;
	if (rc)
		goto fail;
	char msg[ERR_MAX];
	if (!info.position || nav_set(e, info.position, msg) != 0)
		nav_first(e, err);
	nav_build(e);
	store_interview_release(&info);
	*out = e;
	return 0;
fail:
	store_interview_release(&info);
	engine_free(e);
	return -1;
}

int engine_leave(engine *e, char *err)
{
	if (e->sealed)   /* its rows are sealed for the coordinator: nothing more is written */
		return 0;
	/* also the instance name: the start screen shows it as it is when the interview is left */
	if (iv_save_position(e, err))
		return -1;
	return store_iv_event(e->iv, "left", e->screen_path, NULL, err);
}

int engine_sealed(const engine *e)
{
	return e->sealed;
}

const form *engine_form(const engine *e)
{
	return e->f;
}

const char *engine_uuid(const engine *e)
{
	return e->uuid;
}

int engine_reopen(engine *e, const char *reason, char *err)
{
	if (!e->complete)
		return 0;
	if (store_iv_reopen(e->iv, reason, err))
		return -1;
	e->complete = 0;
	return 0;
}

int engine_is_complete(const engine *e)
{
	return e->complete;
}

const engine_screen *engine_current(engine *e)
{
	return &e->screen;
}

/* After a change: keep the cursor if its screen still exists, else go on from it (and save
 * where the interviewer now is). */
static int settle(engine *e, char *err)
{
	if (nav_valid(e)) {
		nav_build(e);
		return 0;
	}
	nav_step_fwd(e);
	nav_build(e);
	return nav_moved(e, err);
}

/* ---- moving ---- */

int engine_next(engine *e, char *err)
{
	if (e->ck == CUR_END) {
		snprintf(err, ERR_MAX, "%s", engine_msg(e, ENGINE_MSG_LAST));
		return ENGINE_REJECTED;
	}
	for (int i = 0; i < e->screen.nitems; i++) {
		iv_pos p;
		if (iv_parse(e, e->screen.items[i].path, &p))
			continue;
		if (iv_problem(e, &p, err))
			return ENGINE_REJECTED;
	}
	nav_step_fwd(e);
	nav_build(e);
	return nav_moved(e, err);
}

int engine_prev(engine *e, char *err)
{
	if (!nav_step_bwd(e)) {
		snprintf(err, ERR_MAX, "%s", engine_msg(e, ENGINE_MSG_FIRST));
		return ENGINE_REJECTED;
	}
	nav_build(e);
	return nav_moved(e, err);
}

int engine_jump(engine *e, const char *path, char *err)
{
	int rc = nav_set(e, path, err);
	if (rc)
		return rc;
	nav_build(e);
	return nav_moved(e, err);
}

/* ---- answers ---- */

/* The question at path, answerable now; ENGINE_REJECTED with the reason otherwise. */
static int answerable(engine *e, const char *path, iv_pos *p, char *err)
{
	enum engine_msg m;
	if (iv_parse(e, path, p) || p->ninst != e->nrep[p->node] ||
	    form_type_is_container(e->f->nodes[p->node].type))
		m = ENGINE_MSG_NO_QUESTION;
	else if (!iv_relevant(e, p))
		m = ENGINE_MSG_NOT_RELEVANT;
	else if (iv_read_only(e, p))
		m = ENGINE_MSG_READ_ONLY;
	else
		return 0;
	snprintf(err, ERR_MAX, "%s", engine_msg(e, m));
	return ENGINE_REJECTED;
}

static int save(engine *e, const iv_pos *p, const char *value, store_state state, char *err)
{
	iv_entry *en = iv_find(e, p);
	if (en && en->stored && en->state == state &&
	    ((!en->value && !value) || (en->value && value && strcmp(en->value, value) == 0)))
		return 0;
	if (!en && !value && state == STATE_ANSWERED)
		return 0;   /* clearing what was never answered */
	if (iv_store(e, p, value, state, err) || iv_changed(e, p->node, err) ||
	    iv_triggered(e, p, err))
		return -1;
	return settle(e, err);
}

int engine_answer(engine *e, const char *path, const char *text, char *err)
{
	iv_pos p;
	int rc = answerable(e, path, &p, err);
	if (rc)
		return rc;
	char *norm;
	rc = iv_validate(e, &p, text, &norm, err);
	if (rc)
		return rc;
	rc = save(e, &p, norm, STATE_ANSWERED, err);
	free(norm);
	return rc;
}

int engine_attach(engine *e, const char *path, const char *name, const void *bytes,
		  size_t len, char *err)
{
	iv_pos p;
	int rc = answerable(e, path, &p, err);
	if (rc)
		return rc;
	if (!form_type_is_media(e->f->nodes[p.node].type)) {
		snprintf(err, ERR_MAX, "%s", engine_msg(e, ENGINE_MSG_NO_QUESTION));
		return ENGINE_REJECTED;
	}
	if ((long long)len > STORE_ATTACH_HARD_MAX) {
		char got[32], most[32];
		util_human_size((long long)len, got, sizeof got);
		util_human_size(STORE_ATTACH_HARD_MAX, most, sizeof most);
		snprintf(err, ERR_MAX, engine_msg(e, ENGINE_MSG_FILE_TOO_BIG), got, most);
		return ENGINE_REJECTED;
	}
	char *norm;
	rc = iv_validate(e, &p, name, &norm, err);
	if (rc)
		return rc;
	if (!norm) {   /* a blank name */
		snprintf(err, ERR_MAX, "%s", engine_msg(e, ENGINE_MSG_FILE_NAME));
		return ENGINE_REJECTED;
	}
	int batch = !store_in_batch(e->st);
	if (batch && store_batch_begin(e->st, err)) {
		free(norm);
		return -1;
	}
	rc = engine_reopen(e, NULL, err) || store_iv_attach(e->iv, path, norm, bytes, len, err) ||
	     save(e, &p, norm, STATE_ANSWERED, err) ? -1 : 0;
	free(norm);
	if (batch) {
		char ignore[ERR_MAX];
		if (rc)
			store_batch_end(e->st, 0, ignore);
		else if (store_batch_end(e->st, 1, err))
			rc = -1;
	}
	return rc;
}

int engine_special(engine *e, const char *path, store_state state, char *err)
{
	if (state != STATE_DONT_KNOW && state != STATE_REFUSED)
		return errf(err, "a special answer is don't know or refused");
	iv_pos p;
	int rc = answerable(e, path, &p, err);
	if (rc)
		return rc;
	return save(e, &p, NULL, state, err);
}

/* The stored entry at an answer path, or NULL (no such path, or nothing stored there). */
static iv_entry *stored_at(engine *e, const char *path)
{
	iv_pos p;
	if (iv_parse(e, path, &p))
		return NULL;
	iv_entry *en = iv_find(e, &p);
	return en && en->stored ? en : NULL;
}

const char *engine_value(engine *e, const char *path)
{
	iv_entry *en = stored_at(e, path);
	return en ? en->value : NULL;
}

store_state engine_state(engine *e, const char *path)
{
	iv_entry *en = stored_at(e, path);
	return en ? en->state : STATE_ANSWERED;
}

int engine_has_answer(engine *e, const char *path)
{
	iv_entry *en = stored_at(e, path);
	return en && (en->value || en->state != STATE_ANSWERED);
}

/* randomize=true: ODK's order for the seed (parameters seed=, a number or ${q}); without
 * one, or when ${q} is not a number, a seed fixed for this interview and question. */
static void shuffle_choices(engine *e, const iv_pos *p, const form_choice **v, int n)
{
	const expr *sx = e->f->nodes[p->node].x[FORM_X_SEED];
	double d = NAN;
	char err[ERR_MAX];
	if (sx && iv_eval_number(e, p, sx, &d, err))
		d = NAN;
	long long seed;
	if (isnan(d) || fabs(d) > 9e15)
		seed = (long long)(iv_position_seed(e, p) % 2147483646ULL) + 1;
	else
		seed = (long long)trunc(d);
	expr_shuffle((void **)v, n, seed);
}

int engine_choices(engine *e, const char *path, const form_choice ***out, int *n, char *err)
{
	*out = NULL;
	*n = 0;
	iv_pos p;
	if (iv_parse(e, path, &p))
		return errf(err, "no question at '%s'", path);
	if (!form_node_list(e->f, p.node))
		return errf(err, "'%s' is not a select question", path);
	return iv_choices(e, &p, out, n, err);
}

int iv_choices(engine *e, const iv_pos *pp, const form_choice ***out, int *n, char *err)
{
	iv_pos p = *pp;
	*out = NULL;
	*n = 0;
	const form_list *l = form_node_list(e->f, p.node);
	if (!l)
		return errf(err, "not a select question");
	if (l->from)   /* select_one ${q}: the answers to q */
		return iv_repeat_choices(e, &p, l, out, n, err);
	const form_choice **v = xcalloc((size_t)l->nchoices + 1, sizeof *v);
	for (int i = 0; i < l->nchoices; i++) {
		int keep = iv_choice_kept(e, &p, &l->choices[i], err);
		if (keep < 0) {
			free(v);
			return -1;
		}
		if (keep)
			v[(*n)++] = &l->choices[i];
	}
	if (e->f->nodes[p.node].randomize)
		shuffle_choices(e, &p, v, *n);
	*out = v;
	return 0;
}

char *engine_text(engine *e, const char *path, enum form_text_kind kind)
{
	iv_pos p;
	if (iv_parse(e, path, &p))
		return NULL;
	const char *t = form_text(e->f, p.node, kind, e->lang);
	return t ? iv_interpolate(e, &p, t) : NULL;
}

int engine_check(engine *e, const char *path, char *msg)
{
	iv_pos p;
	msg[0] = 0;
	if (iv_parse(e, path, &p))
		return ENGINE_PROBLEM_NONE;
	return iv_problem(e, &p, msg);
}

/* ---- repeats ---- */

int engine_instances(engine *e, const char *repeat_path)
{
	iv_pos p;
	if (iv_parse(e, repeat_path, &p) || e->f->nodes[p.node].type != FORM_REPEAT ||
	    p.ninst != e->nrep[p.node])
		return 0;
	return iv_count(e, &p);
}

int engine_add_repeat(engine *e, char *err)
{
	if (e->ck != CUR_ADD) {
		snprintf(err, ERR_MAX, "%s", engine_msg(e, ENGINE_MSG_REPEAT_FIXED));
		return ENGINE_REJECTED;
	}
	iv_pos whole = e->cur;
	int idx = iv_get(e, &whole);
	int n = iv_count(e, &whole);
	if (n >= ENGINE_REPEAT_MAX) {
		snprintf(err, ERR_MAX, "%s", engine_msg(e, ENGINE_MSG_REPEAT_MAX));
		return ENGINE_REJECTED;
	}
	iv_ent(e, idx)->count = n + 1;
	iv_ent(e, idx)->made = n + 1;
	iv_pos inst = whole;
	inst.inst[inst.ninst++] = n + 1;
	char *ipath = iv_path(e, &inst);
	int rc = store_iv_event(e->iv, "added", ipath, NULL, err);
	free(ipath);
	if (rc || iv_instance_added(e, &inst, err))
		return -1;
	/* its first screen; the add screen again when none of it is relevant */
	char msg[ERR_MAX];
	char *p = iv_path(e, &inst);
	if (nav_set(e, p, msg) != 0) {
		e->ck = CUR_ADD;
		e->cur = whole;
	}
	free(p);
	nav_build(e);
	return nav_moved(e, err);
}

static int rename_instance(engine *e, const iv_pos *whole, int from, int to, char *err)
{
	int level = whole->ninst, end = e->f->nodes[whole->node].end;
	for (int x = whole->node + 1; x < end; x++) {
		for (int j = 0; j < e->tab.nby[x]; j++) {
			iv_entry *en = iv_ent(e, e->tab.by_node[x][j]);
			if (!en->stored || en->pos.ninst <= level || en->pos.inst[level] != from ||
			    memcmp(en->pos.inst, whole->inst, sizeof(int) * (size_t)level) != 0)
				continue;
			iv_pos np = en->pos;
			np.inst[level] = to;
			char *path = iv_path(e, &np);
			int rc = store_iv_set(e->iv, path, en->value, en->state, err);
			free(path);
			if (rc)
				return -1;
		}
	}
	return 0;
}

/* Forget everything in memory and read the interview again from the store. */
static int reload(engine *e, char *err)
{
	iv_table_release(&e->tab, e->f->nnodes);
	iv_table_init(&e->tab, e->f->nnodes);
	if (iv_load(e, err))
		return -1;
	for (int i = 0; i < e->tab.n; i++) {
		iv_entry *en = iv_ent(e, i);
		if (en->count >= 0)
			en->made = en->count;
	}
	return iv_recompute_all(e, err);
}

int engine_remove_instance(engine *e, const char *instance_path, char *err)
{
	iv_pos p;
	if (iv_parse(e, instance_path, &p) || e->f->nodes[p.node].type != FORM_REPEAT ||
	    p.ninst != e->nrep[p.node] + 1) {
		snprintf(err, ERR_MAX, "%s", engine_msg(e, ENGINE_MSG_NO_QUESTION));
		return ENGINE_REJECTED;
	}
	if (e->f->nodes[p.node].x[FORM_X_REPEAT_COUNT]) {
		snprintf(err, ERR_MAX, "%s", engine_msg(e, ENGINE_MSG_REPEAT_FIXED));
		return ENGINE_REJECTED;
	}
	iv_pos whole = p;
	whole.ninst--;
	int k = p.inst[whole.ninst], n = iv_count(e, &whole);
	if (k > n || !iv_relevant(e, &whole)) {
		snprintf(err, ERR_MAX, "%s", engine_msg(e, ENGINE_MSG_NO_QUESTION));
		return ENGINE_REJECTED;
	}
	if (engine_reopen(e, NULL, err))
		return -1;
	/* inside simulate's or import's batch the removal is part of it; else its own */
	int batch = !store_in_batch(e->st);
	if (batch && store_batch_begin(e->st, err))
		return -1;
	int bad = store_iv_remove(e->iv, instance_path, err);
	for (int j = k + 1; j <= n && !bad; j++) {
		iv_pos ij = whole;
		ij.inst[ij.ninst++] = j;
		char *path = iv_path(e, &ij);
		bad = rename_instance(e, &whole, j, j - 1, err) || store_iv_remove(e->iv, path, err);
		free(path);
	}
	if (bad) {
		char ignore[ERR_MAX];
		if (batch)
			store_batch_end(e->st, 0, ignore);
		return -1;
	}
	if (batch && store_batch_end(e->st, 1, err))
		return -1;
	/* was the cursor in this repeat (any instance) or on its add screen? */
	int in_repeat = e->ck != CUR_END && e->cur.ninst >= whole.ninst &&
			e->cur.node >= whole.node && e->cur.node < e->f->nodes[whole.node].end &&
			memcmp(e->cur.inst, whole.inst, sizeof(int) * (size_t)whole.ninst) == 0;
	char *pos = xstrdup(e->screen_path);
	if (reload(e, err)) {
		free(pos);
		return -1;
	}
	iv_entry *we = iv_ent(e, iv_get(e, &whole));
	if (we->count > n - 1 || we->count < 0)
		we->count = n - 1;
	we->made = we->count;
	char msg[ERR_MAX];
	if (in_repeat) {
		e->ck = CUR_ADD;
		e->cur = whole;
	} else if (nav_set(e, pos, msg) != 0) {
		nav_first(e, err);
	}
	free(pos);
	nav_build(e);
	return nav_moved(e, err);
}

/* ---- language ---- */

int engine_lang(const engine *e)
{
	return e->lang;
}

int engine_set_lang(engine *e, const char *lang, char *err)
{
	int l = form_find_lang(e->f, lang);
	if (l < 0) {
		snprintf(err, ERR_MAX, engine_msg(e, ENGINE_MSG_NO_LANG), lang);
		return ENGINE_REJECTED;
	}
	if (l == e->lang)
		return 0;
	e->lang = l;
	iv_msg_lang(e);
	if (store_iv_event(e->iv, "language", NULL, iv_lang_code(e), err) ||
	    iv_save_position(e, err))
		return -1;
	nav_build(e);
	return 0;
}
