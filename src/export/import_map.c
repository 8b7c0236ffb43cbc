/* import_map.c: what each column of an ODK Central or KoboToolbox CSV means — a question
 * (by its path with '/' or '-' between groups, or by its bare name), one choice of a
 * select_multiple as a 0/1 column ("q/choice", "q-choice", "q_choice"), the platforms'
 * metadata (meta/instanceID, _uuid, KEY, PARENT_KEY, start, end, _submission_time, ...),
 * or nothing we keep. */
#include "export/import_impl.h"

#include <stdlib.h>
#include <string.h>

/* Columns the platforms add that carry nothing a survey database keeps. */
static const char *const ignored[] = {
	"_id", "_index", "_parent_index", "_parent_table_name", "_status", "_validation_status",
	"_notes", "_tags", "_attachments", "_geolocation", "__version__", "_version_",
	"_xform_id_string", "_edited", "_bamboo_dataset_id", "_media_all_received",
	"_total_media", "_media_count", "_submission__id", "_submission__uuid",
	"_submission__submission_time", "_submission__validation_status", "_submission__notes",
	"_submission__status", "_submission__submitted_by", "_submission___version__",
	"_submission__tags", "meta/instanceName", "meta-instanceName", "instanceName",
	"meta/rootUuid", "meta-rootUuid", "meta/deprecatedID", "meta-deprecatedID",
	"formhub/uuid", "formhub-uuid", "meta/audit", "meta-audit", "SubmitterID",
	"AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState", "Edits",
	"FormVersion", "isValidated", "_version", "_comments", NULL,
};

static int meta_of(const char *h)
{
	static const struct { const char *name; int meta; } names[] = {
		{ "meta/instanceID", IM_INSTANCE_ID }, { "meta-instanceID", IM_INSTANCE_ID },
		{ "instanceID", IM_INSTANCE_ID }, { "_uuid", IM_UUID }, { "KEY", IM_KEY },
		{ "PARENT_KEY", IM_PARENT_KEY }, { "_start", IM_START }, { "_end", IM_END },
		{ "_submission_time", IM_SUBMISSION }, { "SubmissionDate", IM_SUBMISSION },
		{ "_device", IM_DEVICE }, { "DeviceID", IM_DEVICE },
		{ "_interviewer", IM_INTERVIEWER }, { "_submitted_by", IM_INTERVIEWER },
		{ "SubmitterName", IM_INTERVIEWER }, { "_origin", IM_ORIGIN },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(h, names[i].name) == 0)
			return names[i].meta;
	return IM_NONE;
}

static int is_ignored(const char *h)
{
	for (int i = 0; ignored[i]; i++)
		if (strcmp(h, ignored[i]) == 0)
			return 1;
	return 0;
}

/* The node whose path is p (n bytes), with '-' read as '/' when dash; -1 if none. */
static int node_by_path(const form *f, const char *p, size_t n, int dash)
{
	for (int i = 1; i < f->nnodes; i++) {
		const char *q = f->nodes[i].path;
		if (strlen(q) != n)
			continue;
		size_t k = 0;
		for (; k < n; k++)
			if (q[k] != p[k] && !(dash && p[k] == '-' && q[k] == '/'))
				break;
		if (k == n)
			return i;
	}
	return -1;
}

/* The node a header names: its path ('/' or '-' between groups), a unique path ending, or
 * its bare name. -1 if none, -2 if ambiguous. */
static int node_by_header(const form *f, const char *h, size_t n)
{
	int i = node_by_path(f, h, n, 0);
	if (i >= 0)
		return i;
	if (memchr(h, '-', n) && (i = node_by_path(f, h, n, 1)) >= 0)
		return i;
	if (!memchr(h, '/', n) && !memchr(h, '-', n)) {
		char *name = xstrndup(h, n);
		i = form_find(f, name);
		free(name);
		return i;
	}
	/* the export left out some groups: a unique node whose path ends with h */
	int found = -1;
	for (int k = 1; k < f->nnodes; k++) {
		const char *q = f->nodes[k].path;
		size_t ql = strlen(q);
		if (ql <= n || q[ql - n - 1] != '/')
			continue;
		size_t j = 0;
		for (; j < n; j++)
			if (q[ql - n + j] != h[j] && !(h[j] == '-' && q[ql - n + j] == '/'))
				break;
		if (j < n)
			continue;
		if (found >= 0)
			return -2;
		found = k;
	}
	return found;
}

/* The node's nearest enclosing repeat, 0 when there is none (the main file). */
static int repeat_of(const form *f, int node)
{
	int r = f->nodes[node].repeat;
	return r >= 0 ? r : 0;
}

static int choice_index(const form *f, int node, const char *name, size_t n)
{
	const form_list *l = form_node_list(f, node);
	for (int j = 0; l && j < l->nchoices; j++)
		if (strlen(l->choices[j].name) == n && memcmp(l->choices[j].name, name, n) == 0)
			return j;
	return -1;
}

/* "q/opt", "q-opt" or "q_opt" where q is a select_multiple and opt one of its choices. */
static int option_column(const form *f, const char *h, int *node, int *choice)
{
	size_t n = strlen(h);
	for (size_t i = n; i-- > 1;) {
		if (h[i] != '/' && h[i] != '-' && h[i] != '_')
			continue;
		int q = node_by_header(f, h, i);
		if (q < 0 || f->nodes[q].type != FORM_SELECT_MULTIPLE)
			continue;
		int c = choice_index(f, q, h + i + 1, n - i - 1);
		if (c >= 0) {
			*node = q;
			*choice = c;
			return 0;
		}
	}
	return -1;
}

/* A question that belongs to another file (another repeat, or the main table): warned and
 * ignored here. */
static void elsewhere(import_job *job, const ifile *F, const char *h, int node)
{
	const form *f = job->f;
	if (repeat_of(f, node))
		import_report(job, IMPORT_WARNING, F->name, 1, h,
			      "'%s' is in repeat '%s', read from its own file: ignored here",
			      f->nodes[node].path, f->nodes[repeat_of(f, node)].name);
	else
		import_report(job, IMPORT_WARNING, F->name, 1, h,
			      "'%s' is not in repeat '%s': ignored here",
			      f->nodes[node].path, f->nodes[F->repeat].name);
}

/* Column c as metadata im: the first such column counts. */
static void set_meta(ifile *F, int c, int im)
{
	if (F->meta[im] < 0)
		F->meta[im] = c;
	F->cols[c].kind = C_META;
	F->cols[c].meta = im;
}

/* The ODK metadata a form without those questions still gets exported with (main file only):
 * 1 when h is one of them (the column is then metadata or ignored), else 0. */
static int odk_meta(ifile *F, int c, const char *h)
{
	static const struct { const char *name; int meta; } odk[] = {
		{ "start", IM_START }, { "end", IM_END }, { "deviceid", IM_DEVICE },
		{ "username", IM_INTERVIEWER }, { "today", IM_NONE },
	};
	for (size_t k = 0; k < sizeof odk / sizeof odk[0]; k++)
		if (strcmp(h, odk[k].name) == 0) {
			if (odk[k].meta != IM_NONE && F->meta[odk[k].meta] < 0)
				set_meta(F, c, odk[k].meta);
			return 1;
		}
	return 0;
}

/* Column c of a select_multiple's choice ("q/choice"): recorded in F->opt_cols. */
static void option_col(ifile *F, int c, int node, int choice, const form *f)
{
	if (!F->opt_cols[node]) {
		const form_list *l = form_node_list(f, node);
		F->opt_cols[node] = xcalloc((size_t)l->nchoices, sizeof(int));
		for (int j = 0; j < l->nchoices; j++)
			F->opt_cols[node][j] = -1;
	}
	F->opt_cols[node][choice] = c;
	F->cols[c].kind = C_OPTION;
	F->cols[c].node = node;
	F->cols[c].choice = choice;
}

/* Column c of a question node: the form's own metadata questions, a value, or nothing (a
 * calculation); 1 when another column already holds the question (an error), else 0. */
static int question_col(import_job *job, ifile *F, int c, int node)
{
	const form *f = job->f;
	const char *h = F->doc.header[c];
	form_type t = f->nodes[node].type;
	if (!F->repeat && (t == FORM_START || t == FORM_END || t == FORM_DEVICEID ||
			   t == FORM_USERNAME)) {
		set_meta(F, c, t == FORM_START ? IM_FORM_START : t == FORM_END ? IM_FORM_END :
			 t == FORM_DEVICEID ? IM_FORM_DEVICE : IM_FORM_USER);
		return 0;
	}
	if (!form_type_is_input(t))
		return 0;   /* calculations, notes, groups: the engine makes them */
	if (repeat_of(f, node) != F->repeat) {
		elsewhere(job, F, h, node);
		return 0;
	}
	if (F->value_col[node] >= 0) {
		import_report(job, IMPORT_ERROR, F->name, 1, h, "column '%s' holds question '%s' too",
			      F->doc.header[F->value_col[node]], f->nodes[node].path);
		return 1;
	}
	F->value_col[node] = c;
	F->cols[c].kind = C_VALUE;
	F->cols[c].node = node;
	return 0;
}

/* What column c of F holds, in F->cols[c] (C_IGNORE unless found): 1 on an error, else 0. */
static int map_column(import_job *job, ifile *F, int c)
{
	const form *f = job->f;
	const csv_doc *d = &F->doc;
	const char *h = d->header[c];
	F->cols[c].kind = C_IGNORE;
	if (!*h) {
		int empty = 1;
		for (int r = 0; r < d->nrows && empty; r++)
			empty = !d->rows[r][c][0];
		if (!empty)
			import_report(job, IMPORT_WARNING, F->name, 1, NULL,
				      "column %d has no name: ignored", c + 1);
		return 0;
	}
	int m = meta_of(h);
	if (m != IM_NONE) {
		if (!((F->repeat && m != IM_KEY && m != IM_PARENT_KEY) ||
		      (!F->repeat && m == IM_PARENT_KEY)))
			set_meta(F, c, m);
		return 0;
	}
	int node = node_by_header(f, h, strlen(h)), choice = -1;
	if (node == -2) {
		import_report(job, IMPORT_WARNING, F->name, 1, h,
			      "more than one question ends with this path: ignored");
		return 0;
	}
	if (node >= 0)
		return question_col(job, F, c, node);
	if (option_column(f, h, &node, &choice) == 0) {
		if (repeat_of(f, node) != F->repeat)
			elsewhere(job, F, h, node);
		else
			option_col(F, c, node, choice, f);
		return 0;
	}
	if (import_geo_column(job, F, h, c, node_by_header) == 0 || (!F->repeat && odk_meta(F, c, h)))
		return 0;
	if (!is_ignored(h))
		import_report(job, IMPORT_WARNING, F->name, 1, h, "not a question of '%s': ignored",
			      f->id);
	return 0;
}

int import_map_file(import_job *job, ifile *F)
{
	const form *f = job->f;
	int bad = 0;
	F->cols = xcalloc((size_t)F->doc.ncols, sizeof *F->cols);
	for (int m = 0; m < IM_N; m++)
		F->meta[m] = -1;
	F->value_col = xcalloc((size_t)f->nnodes, sizeof *F->value_col);
	F->opt_cols = xcalloc((size_t)f->nnodes, sizeof *F->opt_cols);
	for (int i = 0; i < f->nnodes; i++)
		F->value_col[i] = -1;
	for (int c = 0; c < F->doc.ncols; c++)
		bad |= map_column(job, F, c);
	return bad ? -1 : 0;
}
