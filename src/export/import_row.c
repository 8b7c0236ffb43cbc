/* import_row.c: `survey import` — each CSV row replayed through the interview engine (answers in
 * questionnaire order, repeat instances added from the repeat files' rows, the form's checks
 * applied), each in a savepoint of one transaction, so that a bad row leaves nothing and a bad
 * file changes nothing. An interview whose UUID is already in the database is compared, not
 * added again. import.c prepares the job. */
#include "export/import_impl.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "interview/engine.h"
#include "store/exchange.h"
#include "util/termsafe.h"

/* ---- importing one row ---- */

/* Where an instance's answers come from, for locating the engine's problems. */
typedef struct iplace {
	char *inst;        /* instance path, "" for the interview */
	int file, row;
} iplace;

typedef struct irow {
	import_job *job;
	store *st;
	engine *e;
	int bad;           /* errors in this row */
	char *ferr;        /* a failure's message (ERR_MAX) */
	iplace *places;
	int nplaces, capplaces;
	strbuf sb;
} irow;

static void place_add(irow *ir, const char *inst, int file, int row)
{
	if (ir->nplaces == ir->capplaces) {
		ir->capplaces = ir->capplaces ? ir->capplaces * 2 : 8;
		ir->places = xreallocarray(ir->places, (size_t)ir->capplaces, sizeof *ir->places);
	}
	ir->places[ir->nplaces].inst = xstrdup(inst);
	ir->places[ir->nplaces].file = file;
	ir->places[ir->nplaces++].row = row;
}

static void row_error(irow *ir, int fi, int row, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void row_error(irow *ir, int fi, int row, int col, const char *fmt, ...)
{
	const ifile *F = &ir->job->files[fi];
	char msg[ERR_MAX * 2];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	import_report(ir->job, IMPORT_ERROR, F->name, F->doc.lines[row],
		      col >= 0 ? F->doc.header[col] : NULL, "%s", msg);
	ir->bad++;
}

/* A value quoted for a message, cut to 40 bytes at a character boundary. */
static char *shown(const char *v)
{
	char *s = xlabel_line(v, 40, 1);
	char *q = xasprintf("'%s%s'", s, strlen(s) < strlen(v) ? "..." : "");
	free(s);
	return q;
}

/* The instance path of node `node` inside the instance `prefix` of repeat path `rpath`. */
static char *inst_path(const char *prefix, const char *rpath, const char *npath)
{
	size_t rl = strlen(rpath);
	if (!rl)
		return xstrdup(npath);
	return xasprintf("%s%s", prefix, npath + rl);
}

/* The text of a select_multiple from its 0/1 columns; NULL when they are all empty. */
static char *from_options(irow *ir, int fi, int row, int node)
{
	const ifile *F = &ir->job->files[fi];
	const form_list *l = form_node_list(ir->job->f, node);
	strbuf sb = STRBUF_INIT;
	int any = 0;
	for (int j = 0; j < l->nchoices; j++) {
		int c = F->opt_cols[node][j];
		if (c < 0)
			continue;
		const char *v = F->doc.rows[row][c];
		while (*v == ' ')
			v++;
		if (!*v)
			continue;
		any = 1;
		if (strcmp(v, "1") == 0 || ascii_casecmp(v, "true") == 0 || strcmp(v, "1.0") == 0) {
			if (sb.len)
				sb_addc(&sb, ' ');
			sb_adds(&sb, l->choices[j].name);
		} else if (strcmp(v, "0") != 0 && ascii_casecmp(v, "false") != 0 &&
			   strcmp(v, "0.0") != 0) {
			char *s = shown(v);
			row_error(ir, fi, row, c, "%s is not 0 or 1", s);
			free(s);
		}
	}
	if (!any) {
		sb_release(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}

/* The special answer a cell names: ".d", ".r", or (not for text questions) the words that
 * `survey export --labels` writes in Kyrgyz, Russian or English. */
static int special_of(const char *text, form_type t, store_state *st)
{
	static const char *const codes[] = { "en", "ky", "ru" };
	*st = STATE_ANSWERED;
	if (strcmp(text, X_MARK_DONT_KNOW) == 0)
		*st = STATE_DONT_KNOW;
	else if (strcmp(text, X_MARK_REFUSED) == 0)
		*st = STATE_REFUSED;
	for (int i = 0; i < 3 && *st == STATE_ANSWERED && t != FORM_TEXT; i++) {
		if (strcmp(text, xword_dont_know(codes[i])) == 0)
			*st = STATE_DONT_KNOW;
		else if (strcmp(text, xword_refused(codes[i])) == 0)
			*st = STATE_REFUSED;
	}
	return *st != STATE_ANSWERED;
}

static const form_choice *choice_by_name_or_label(const form *f, const form_list *l,
						  const char *s, size_t n)
{
	for (int j = 0; j < l->nchoices; j++)
		if (strlen(l->choices[j].name) == n && memcmp(l->choices[j].name, s, n) == 0)
			return &l->choices[j];
	for (int j = 0; j < l->nchoices; j++)
		for (int k = 0; k < f->nlangs; k++) {
			const char *lab = l->choices[j].label[k];
			if (lab && strlen(lab) == n && memcmp(lab, s, n) == 0)
				return &l->choices[j];
		}
	return NULL;
}

/* A select's cell written with choice labels (KoboToolbox "labels" exports, `survey export
 * --labels`: select_multiple labels separated by ';') as choice names; NULL when the cell
 * already holds names or cannot be read as labels. */
static char *names_from_labels(const form *f, int node, const char *text)
{
	const form_list *l = form_node_list(f, node);
	int multiple = f->nodes[node].type == FORM_SELECT_MULTIPLE;
	if (!l)
		return NULL;
	int all_names = 1;
	for (const char *p = text; *p && all_names;) {
		p += strspn(p, " ");
		size_t n = strcspn(p, " ");
		if (!n)
			break;
		all_names = 0;
		for (int j = 0; j < l->nchoices && !all_names; j++)
			all_names = strlen(l->choices[j].name) == n &&
				memcmp(l->choices[j].name, p, n) == 0;
		p += n;
	}
	if (all_names)
		return NULL;
	strbuf sb = STRBUF_INIT;
	for (const char *p = text; *p;) {
		size_t n = multiple ? strcspn(p, ";") : strlen(p);
		const char *q = p;
		size_t m = n;
		while (m && (*q == ' '))
			q++, m--;
		while (m && q[m - 1] == ' ')
			m--;
		const form_choice *c = m ? choice_by_name_or_label(f, l, q, m) : NULL;
		if (!c) {
			sb_release(&sb);
			return NULL;
		}
		if (sb.len)
			sb_addc(&sb, ' ');
		sb_adds(&sb, c->name);
		p += n;
		if (*p == ';')
			p++;
	}
	return sb_detach(&sb);
}

static int answer_cell(irow *ir, int node, const char *path, int fi, int row)
{
	import_job *job = ir->job;
	const ifile *F = &job->files[fi];
	const form_node *nd = &job->f->nodes[node];
	int col = F->value_col[node];
	char *owned = NULL;
	const char *text;
	if (col >= 0)
		text = F->doc.rows[row][col];
	else if (F->opt_cols[node]) {
		for (int j = 0; col < 0 && j < form_node_list(job->f, node)->nchoices; j++)
			col = F->opt_cols[node][j];
		text = owned = from_options(ir, fi, row, node);
	} else if (F->geo_cols && F->geo_cols[node * XGEO_NPARTS] >= 0)
		text = "";
	else
		return 0;   /* no column: the engine's default or nothing */
	if ((!text || !*text) && !owned && (owned = import_geo_join(F, row, node, &col)))
		text = owned;   /* KoboToolbox's split geopoint columns */
	char err[ERR_MAX];
	int rc = 0;
	if (!text || !*text) {
		/* an empty cell: no answer, even where the questionnaire has a default */
		if (engine_value(ir->e, path) && engine_state(ir->e, path) == STATE_ANSWERED)
			rc = engine_answer(ir->e, path, "", err);
		free(owned);
		if (rc < 0)
			return errf(ir->ferr, "%s", err);
		return 0;
	}
	if (nd->type == FORM_TEXT && xcsv_formula_like(text)) {
		char first[8];
		snprintf(first, sizeof first, "'%c'", text[0]);
		import_report(job, IMPORT_WARNING, F->name, F->doc.lines[row], F->doc.header[col],
			      "a text answer beginning with %s is read as a formula by Excel and "
			      "LibreOffice: imported as it is (an export prefixes it with ')",
			      text[0] == '\t' ? "a tab" : text[0] == '\r' ? "a carriage return" :
			      first);
	}
	store_state special;
	if (special_of(text, nd->type, &special)) {
		rc = engine_special(ir->e, path, special, err);
	} else {
		if (form_type_is_media(nd->type) && !job->media_names++)
			job->media_column = xstrdup(F->doc.header[col]);
		char *t = NULL;
		if (nd->type == FORM_SELECT_ONE || nd->type == FORM_SELECT_MULTIPLE)
			t = names_from_labels(job->f, node, text);
		if (!t)
			t = xstrdup(text);
		if (nd->type == FORM_DATETIME) {
			/* ODK writes dateTime with its offset: keep the wall time as recorded */
			size_t n = strlen(t);
			if (n > 6 && (t[n - 6] == '+' || t[n - 6] == '-') && t[n - 3] == ':')
				t[n - 6] = 0;
		}
		rc = engine_answer(ir->e, path, t, err);
		if (rc == ENGINE_REJECTED && engine_value(ir->e, path)) {
			/* a read-only answer (a default) written back as it is */
			const char *v = engine_value(ir->e, path);
			if (strcmp(v, t) == 0)
				rc = 0;
		}
		free(t);
	}
	if (rc == ENGINE_REJECTED) {
		char *s = shown(text);
		row_error(ir, fi, row, col, "%s: %s", s, err);
		free(s);
		rc = 0;
	}
	free(owned);
	if (rc < 0)
		return errf(ir->ferr, "%s", err);
	return 0;
}

static int walk(irow *ir, int container, const char *prefix, const char *rpath, int fi,
		int row, const char *key);

static int add_instances(irow *ir, int rep, const char *prefix, const char *rpath,
			 const char *key)
{
	import_job *job = ir->job;
	const form_node *nd = &job->f->nodes[rep];
	int cfi = job->file_of_repeat[rep];
	if (cfi < 0)
		return 0;
	const ifile *C = &job->files[cfi];
	int first, n = import_rows_of_parent(C, key, &first);
	char *rp = inst_path(prefix, rpath, nd->path);
	char err[ERR_MAX];
	int rc = 0;
	for (int k = 0; k < n && rc >= 0; k++) {
		int cr = C->by_parent[first + k];
		if (nd->x[FORM_X_REPEAT_COUNT]) {
			int have = engine_instances(ir->e, rp);
			if (k + 1 > have) {
				row_error(ir, cfi, cr, -1, "one row more than the %d instance%s of '%s' "
					  "(set by its repeat_count)", have, have == 1 ? "" : "s",
					  nd->name);
				continue;
			}
		} else {
			char *add = xasprintf("%s%s", rp, ENGINE_ADD_SUFFIX);
			rc = engine_jump(ir->e, add, err);
			free(add);
			if (rc == 0)
				rc = engine_add_repeat(ir->e, err);
			if (rc == ENGINE_REJECTED) {
				row_error(ir, cfi, cr, -1, "'%s' cannot have this instance here: %s",
					  nd->name, err);
				rc = 0;
				continue;
			}
			if (rc < 0)
				break;
		}
		char *inst = xasprintf("%s[%d]", rp, k + 1);
		place_add(ir, inst, cfi, cr);
		const char *ckey = import_cell(C, cr, C->meta[IM_KEY]);
		rc = walk(ir, rep, inst, nd->path, cfi, cr, ckey);
		free(inst);
		if (rc < 0)
			rc = -2;   /* ferr is already set */
	}
	free(rp);
	if (rc < 0 && rc != -2)
		return errf(ir->ferr, "%s", err);
	return rc < 0 ? -1 : 0;
}

static int walk(irow *ir, int container, const char *prefix, const char *rpath, int fi,
		int row, const char *key)
{
	const form *f = ir->job->f;
	for (int n = f->nodes[container].first_child; n >= 0; n = f->nodes[n].next_sibling) {
		const form_node *nd = &f->nodes[n];
		int rc = 0;
		if (nd->type == FORM_GROUP) {
			rc = walk(ir, n, prefix, rpath, fi, row, key);
		} else if (nd->type == FORM_REPEAT) {
			rc = add_instances(ir, n, prefix, rpath, key);
		} else if (form_type_is_input(nd->type)) {
			char *path = inst_path(prefix, rpath, nd->path);
			rc = answer_cell(ir, n, path, fi, row);
			free(path);
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* Report the engine's remaining problems (required answers, constraints), each where its
 * value came from. */
static int report_problems(irow *ir, char *err)
{
	engine_review_item *items;
	int n;
	if (engine_review(ir->e, &items, &n, err))
		return -1;
	for (int i = 0; i < n; i++) {
		if (!items[i].problem)
			continue;
		/* the longest instance that holds the path */
		int best = 0;
		size_t bl = 0;
		for (int p = 1; p < ir->nplaces; p++) {
			size_t l = strlen(ir->places[p].inst);
			if (l > bl && strncmp(items[i].path, ir->places[p].inst, l) == 0 &&
			    items[i].path[l] == '/') {
				best = p;
				bl = l;
			}
		}
		const iplace *pl = &ir->places[best];
		const ifile *F = &ir->job->files[pl->file];
		int col = F->value_col[items[i].node];
		if (col < 0 && F->opt_cols[items[i].node])
			for (int j = 0; col < 0 && j < form_node_list(ir->job->f,
								   items[i].node)->nchoices; j++)
				col = F->opt_cols[items[i].node][j];
		if (col >= 0)
			row_error(ir, pl->file, pl->row, col, "%s", items[i].message ?
				  items[i].message : "not valid");
		else
			row_error(ir, pl->file, pl->row, -1, "'%s' (no column): %s",
				  ir->job->f->nodes[items[i].node].name,
				  items[i].message ? items[i].message : "not valid");
	}
	engine_review_free(items, n);
	return 0;
}

/* Seconds since the epoch of an ISO date and time (UTC unless it has an offset). */
static int epoch_of(const char *s, double *out)
{
	long days;
	double secs = 0;
	if (xparse_datetime(s, 1, &days, &secs) && xparse_date(s, &days))
		return -1;
	*out = days * 86400.0 + secs;
	return 0;
}

/* The first of the metadata columns given that has a time; 0 when none. -1 reported. */
static int row_time(irow *ir, int row, const int *metas, int n, double *out)
{
	const ifile *F = &ir->job->files[0];
	*out = 0;
	for (int i = 0; i < n; i++) {
		int c = F->meta[metas[i]];
		const char *v = import_cell(F, row, c);
		if (!*v)
			continue;
		if (epoch_of(v, out)) {
			char *s = shown(v);
			row_error(ir, 0, row, c, "%s is not a date and time", s);
			free(s);
			return -1;
		}
		return 0;
	}
	return 0;
}

static const char *first_of(const ifile *F, int row, int a, int b)
{
	const char *v = import_cell(F, row, F->meta[a]);
	return *v ? v : *import_cell(F, row, F->meta[b]) ? import_cell(F, row, F->meta[b]) : NULL;
}

/* Is path the answer of a metadata question (start, end, today, deviceid, username)? Their
 * values come from the clock when the CSV has no times. */
static int meta_path(const form *f, const char *path)
{
	int n = form_find(f, path);
	return n >= 0 && form_type_is_meta(f->nodes[n].type) && strcmp(f->nodes[n].path, path) == 0;
}

/* Answers worth comparing: with a value or a special state, not skipped, not metadata. */
static int skip_answer(const form *f, const store_answer *a)
{
	return a->state == STATE_SKIPPED || (a->state == STATE_ANSWERED && !a->value) ||
		meta_path(f, a->path);
}

static int same_answers(const form *f, store *st, const char *u1, const char *u2, int *same,
			char *err)
{
	store_answer *a, *b;
	int na, nb;
	if (store_answers(st, u1, &a, &na, err))
		return -1;
	if (store_answers(st, u2, &b, &nb, err)) {
		store_answers_free(a, na);
		return -1;
	}
	int i = 0, j = 0;
	*same = 1;
	for (;;) {
		while (i < na && skip_answer(f, &a[i]))
			i++;
		while (j < nb && skip_answer(f, &b[j]))
			j++;
		if (i == na || j == nb) {
			*same = i == na && j == nb;
			break;
		}
		if (strcmp(a[i].path, b[j].path) != 0 || a[i].state != b[j].state ||
		    !a[i].value != !b[j].value || (a[i].value && strcmp(a[i].value, b[j].value))) {
			*same = 0;
			break;
		}
		i++;
		j++;
	}
	store_answers_free(a, na);
	store_answers_free(b, nb);
	return 0;
}

static void iso_utc(double t, char out[64])
{
	time_t s = (time_t)floor(t);
	struct tm tm;
	gmtime_r(&s, &tm);
	int ms = (int)((t - floor(t)) * 1000 + 0.5);
	if (ms > 999)
		ms = 999;
	snprintf(out, 64, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
}

/* 0 imported or already there, 1 rejected, -1 failure (err). */
/* What a main-file row says of its interview besides the answers. */
struct row_meta {
	char uuid[STORE_UUID_LEN + 1];   /* named by the row, else derived from it */
	char *key;                       /* the join key of its repeat rows (malloc'd) */
	double start, end;               /* seconds; the submission's time when missing */
};

/* Phase 1: the row's interview UUID, join key and times, its interviewer's name and device id
 * checked; 0, or 1 (reported). The caller frees m->key. */
static int read_row_meta(irow *ir, int row, struct row_meta *m)
{
	import_job *job = ir->job;
	const ifile *F = &job->files[0];
	int rc = import_row_uuid(job, row, m->uuid);
	if (rc < 0)
		return 1;
	if (rc > 0)
		import_derived_uuid(job, row, m->uuid);
	m->key = import_main_key(job, row);
	double sub;
	static const int starts[] = { IM_FORM_START, IM_START }, ends[] = { IM_FORM_END, IM_END },
		subs[] = { IM_SUBMISSION };
	if (row_time(ir, row, starts, 2, &m->start) || row_time(ir, row, ends, 2, &m->end) ||
	    row_time(ir, row, subs, 1, &sub))
		return 1;
	static const int who[][2] = { { IM_INTERVIEWER, IM_FORM_USER },
				      { IM_DEVICE, IM_FORM_DEVICE } };
	for (int k = 0; k < 2; k++) {
		const char *name = first_of(F, row, who[k][0], who[k][1]);
		if (name && !termsafe_text_ok(name, 0)) {
			int c = *import_cell(F, row, F->meta[who[k][0]]) ? F->meta[who[k][0]] :
				F->meta[who[k][1]];
			char *q = shown(name);
			row_error(ir, 0, row, c, "%s: the %s holds a control character: a damaged "
				  "or forged file?", q, k ? "device id" : "interviewer's name");
			free(q);
			return 1;
		}
	}
	if (!m->start)
		m->start = sub;
	if (!m->end)
		m->end = sub ? sub : m->start;
	return 0;
}

/* Phase 2: the row replayed through the engine into a new interview (its UUID in made: the
 * row's own unless it is already in the database), then completed at m->end. 0 (row errors
 * counted in ir->bad), or -1 with err on a failure. */
static int replay_row(irow *ir, int row, const struct row_meta *m, int exists,
		      char made[STORE_UUID_LEN + 1], char *err)
{
	import_job *job = ir->job;
	const ifile *F = &job->files[0];
	char created[64];
	if (m->start)
		iso_utc(m->start, created);
	engine_new how = {
		.interviewer = first_of(F, row, IM_INTERVIEWER, IM_FORM_USER),
		.lang = job->msg_lang,
		.source = job->source, .source_len = job->source_len,
		.source_name = job->source_name, .source_kind = job->source_kind,
		.device_id = first_of(F, row, IM_DEVICE, IM_FORM_DEVICE),
		/* imported; but simulated data exported and imported again stays simulated */
		.origin = strcmp(import_cell(F, row, F->meta[IM_ORIGIN]), "simulated") == 0 ?
			ORIGIN_SIMULATED : ORIGIN_IMPORTED,
		.uuid = exists ? NULL : m->uuid,
		.created = m->start ? created : NULL,
		.now = m->start,
	};
	int rc = engine_start(ir->st, job->f, &how, &ir->e, err);
	if (!rc) {
		snprintf(made, STORE_UUID_LEN + 1, "%s", engine_uuid(ir->e));
		place_add(ir, "", 0, row);
		rc = walk(ir, 0, "", "", 0, row, m->key);
		if (!rc && !ir->bad)
			rc = report_problems(ir, err);
	}
	if (!rc && !ir->bad) {
		engine_free(ir->e);
		ir->e = NULL;
		rc = engine_resume(ir->st, job->f, made, m->end, &ir->e, err);
		if (!rc) {
			char msg[ERR_MAX];
			int c = engine_complete(ir->e, msg);
			if (c == ENGINE_REJECTED)
				row_error(ir, 0, row, -1, "%s", msg);
			else if (c < 0)
				rc = errf(err, "%s", msg);
		}
	}
	engine_free(ir->e);
	ir->e = NULL;
	return rc;
}

/* One main-file row: its interview replayed in a savepoint kept only when the row is good and
 * new; an interview already in the database is compared instead. 0, 1 (the row is bad:
 * reported), or -1 with err. */
static int import_row(import_job *job, store *st, int row, import_summary *sum, char *err)
{
	irow ir = { .job = job, .st = st, .ferr = err };
	const ifile *F = &job->files[0];
	int line = F->doc.lines[row];
	struct row_meta m = { .key = NULL };
	if (read_row_meta(&ir, row, &m)) {
		free(m.key);
		return 1;
	}
	store_interview old;
	char e2[ERR_MAX];
	int exists = store_interview_get(st, m.uuid, &old, e2) == 0;
	if (exists)
		store_interview_release(&old);
	if (store_savepoint_begin(st, err)) {
		free(m.key);
		return -1;
	}
	char made[STORE_UUID_LEN + 1] = "";
	int rc = replay_row(&ir, row, &m, exists, made, err);
	int same = 0;
	if (!rc && !ir.bad && exists)
		rc = same_answers(job->f, st, m.uuid, made, &same, err);
	int keep = !rc && !ir.bad && !exists;
	int result = rc < 0 ? -1 : ir.bad ? 1 : 0;
	if (store_savepoint_end(st, keep, rc < 0 ? e2 : err) && rc >= 0)
		result = -1;
	if (result == 0 && exists) {   /* phase 3: the outcome */
		if (same) {
			import_report(job, IMPORT_NOTE, F->name, line, NULL,
				      "interview %s is already in the database: skipped", m.uuid);
			sum->existing++;
		} else {
			import_report(job, IMPORT_ERROR, F->name, line, NULL, "interview %s is already "
				      "in the database with other answers", m.uuid);
			result = 1;
		}
	} else if (result == 0) {
		sum->imported++;
	}
	for (int i = 0; i < ir.nplaces; i++)
		free(ir.places[i].inst);
	free(ir.places);
	free(m.key);
	return result;
}

int import_run(import_job *job, store *st, import_summary *out, char *err)
{
	memset(out, 0, sizeof *out);
	const ifile *F = &job->files[0];
	out->rows = F->doc.nrows;
	if (store_batch_begin(st, err))
		return -1;
	int rc = 0;
	for (int r = 0; r < F->doc.nrows && rc >= 0; r++) {
		rc = import_row(job, st, r, out, err);
		if (rc > 0)
			out->rejected++;
	}
	char e2[ERR_MAX];
	if (job->media_names)
		import_report(job, IMPORT_WARNING, F->name, 0, job->media_column, "%ld answer%s "
			      "name%s an attached file (a photo, sound, video or document) whose bytes "
			      "a CSV does not carry: the answers keep the file names, the files are not "
			      "in the database", job->media_names, job->media_names == 1 ? "" : "s",
			      job->media_names == 1 ? "s" : "");
	import_report_hidden(job);
	if (rc < 0) {
		store_batch_end(st, 0, e2);
		return -1;
	}
	if ((out->rejected || job->prep_errors) && !job->force) {
		store_batch_end(st, 0, e2);
		return 1;
	}
	return store_batch_end(st, 1, err) ? -1 : 0;
}
