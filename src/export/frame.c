/* frame.c: a sample frame CSV read against a questionnaire (frame.h). */
#include "export/frame.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_impl.h"
#include "form/value.h"
#include "store/fieldwork.h"
#include "util/termsafe.h"
#include "util/util.h"

struct rd {
	const char *path;
	frame_report_fn fn;
	void *arg;
	int errors;
};

static void problem(struct rd *r, int line, const char *column, frame_problem p,
		    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void problem(struct rd *r, int line, const char *column, frame_problem p,
		    const char *fmt, ...)
{
	r->errors++;
	if (r->errors > IMPORT_SHOW_MESSAGES)
		return;
	char msg[ERR_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char *head = column ? xasprintf("%s:%d:%s: error: %s", r->path, line, column, msg) :
		xasprintf("%s:%d: error: %s", r->path, line, msg);
	p.line = line;
	p.column = column;
	p.english = head;
	r->fn(r->arg, &p);
	free(head);
}

/* The question a frame column names: an input question outside repeats, by name or path. */
static int column_node(const form *f, const char *name)
{
	int node = form_find(f, name);
	for (int i = 1; node < 0 && i < f->nnodes; i++)
		if (strcmp(f->nodes[i].path, name) == 0)
			node = i;
	if (node <= 0 || !form_type_is_input(f->nodes[node].type) || f->nodes[node].repeat >= 0)
		return -1;
	return node;
}

struct by_id {
	char ***rows;
	int col;
};

static int cmp_id(const void *a, const void *b, void *arg)
{
	const struct by_id *c = arg;
	int i = *(const int *)a, j = *(const int *)b;
	int d = strcmp(c->rows[i][c->col], c->rows[j][c->col]);
	return d ? d : (i > j) - (i < j);
}

/* Row row of doc as a unit of out: its id (column idc) and its answers as one JSON object
 * (node[c]: column c's question, < 0: none), each checked against the form. */
static void read_unit(struct rd *r, const form *f, const csv_doc *doc, int row, int idc,
		      const int *node, const char *id_col, frame_rows *out)
{
	int line = doc->lines[row];
	const char *id = doc->rows[row][idc];
	if (!*id)
		problem(r, line, id_col, (frame_problem){ .code = FRAME_P_ID_EMPTY },
			"the unit id is empty");
	else if (strlen(id) > STORE_FW_NAME_MAX || !termsafe_text_ok(id, 0))
		problem(r, line, id_col, (frame_problem){ .code = FRAME_P_ID_BAD,
			.n = STORE_FW_NAME_MAX }, "the unit id is not one line of text of at most %d "
			"bytes", STORE_FW_NAME_MAX);
	json_t *o = json_object();
	for (int c = 0; c < doc->ncols; c++) {
		if (c == idc || node[c] < 0)
			continue;
		const char *v = doc->rows[row][c];
		char msg[ERR_MAX];
		if (*v && form_value_check(f, node[c], v, msg))
			problem(r, line, doc->header[c], (frame_problem){ .code = FRAME_P_VALUE,
				.a = v, .b = msg }, "'%s' %s", v, msg);
		json_object_set_new(o, doc->header[c], json_string(v));
	}
	char *js = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (!js || strlen(js) > STORE_FW_DATA_MAX)
		problem(r, line, NULL, (frame_problem){ .code = FRAME_P_ROW_LONG,
			.n = STORE_FW_DATA_MAX }, "the row is longer than %d bytes", STORE_FW_DATA_MAX);
	out->unit_ids[out->n] = xstrdup(id);
	out->data[out->n] = js ? xstrdup(js) : xstrdup("{}");
	out->lines[out->n++] = line;
	free(js);
}

/* Repeated ids: sorted by id, then line, each after the first of its run is a problem. */
static void repeated_ids(struct rd *r, const csv_doc *doc, int idc, const char *id_col)
{
	int *order = xcalloc((size_t)doc->nrows, sizeof *order);
	for (int i = 0; i < doc->nrows; i++)
		order[i] = i;
	struct by_id ctx = { doc->rows, idc };
	qsort_r(order, (size_t)doc->nrows, sizeof *order, cmp_id, &ctx);
	for (int i = 1, first = 0; i < doc->nrows; i++) {
		const char *id = doc->rows[order[i]][idc];
		if (strcmp(id, doc->rows[order[first]][idc]) != 0) {
			first = i;
			continue;
		}
		if (*id)
			problem(r, doc->lines[order[i]], id_col, (frame_problem){ .code = FRAME_P_ID_AGAIN,
				.a = id, .n = doc->lines[order[first]] }, "unit id '%s' again (first on line "
				"%d): each unit needs its own id", id, doc->lines[order[first]]);
	}
	free(order);
}

int frame_read(const form *f, const char *csv_path, const char *id_col, const import_limits *lim,
	       frame_report_fn fn, void *arg, frame_rows *out, char *err)
{
	memset(out, 0, sizeof *out);
	if (!id_col)
		id_col = "unit_id";
	csv_doc doc;
	if (csv_read(csv_path, lim, &doc, err)) {
		out->why = FRAME_P_CSV;
		out->csv = doc.problem;
		return -1;
	}
	struct rd r = { .path = csv_path, .fn = fn, .arg = arg };
	int idc = -1, why = 0;
	int *node = xcalloc((size_t)doc.ncols, sizeof *node);
	for (int c = 0; c < doc.ncols; c++)
		if (strcmp(doc.header[c], id_col) == 0)
			idc = c;
	if (idc < 0) {
		errf(err, "%s: no unit id column '%s': add one (a stable id per unit), or name it "
		     "with --id COLUMN", csv_path, id_col);
		why = FRAME_P_NO_ID_COLUMN;
		goto fail;
	}
	if (doc.nrows == 0) {
		errf(err, "%s: the file has a header but no rows: no units", csv_path);
		why = FRAME_P_NO_ROWS;
		goto fail;
	}
	for (int c = 0; c < doc.ncols; c++) {
		node[c] = -1;
		if (c != idc && (node[c] = column_node(f, doc.header[c])) < 0)
			problem(&r, 1, doc.header[c], (frame_problem){ .code = FRAME_P_COLUMN,
				.a = doc.header[c] }, "no question '%s' outside repeats in the form: "
				"rename the column to a question's name, or remove it", doc.header[c]);
	}
	out->unit_ids = xcalloc((size_t)doc.nrows, sizeof *out->unit_ids);
	out->data = xcalloc((size_t)doc.nrows, sizeof *out->data);
	out->lines = xcalloc((size_t)doc.nrows, sizeof *out->lines);
	for (int row = 0; row < doc.nrows; row++)
		read_unit(&r, f, &doc, row, idc, node, id_col, out);
	repeated_ids(&r, &doc, idc, id_col);
	if (r.errors > IMPORT_SHOW_MESSAGES) {
		char more[ERR_MAX];
		snprintf(more, sizeof more, "%s: and %d more problems", csv_path,
			 r.errors - IMPORT_SHOW_MESSAGES);
		fn(arg, &(frame_problem){ .code = FRAME_P_MORE, .n = r.errors - IMPORT_SHOW_MESSAGES,
				       .english = more });
	}
	free(node);
	csv_doc_release(&doc);
	if (r.errors) {
		frame_rows_release(out);
		return 1;
	}
	return 0;
fail:
	free(node);
	csv_doc_release(&doc);
	frame_rows_release(out);
	out->why = why;
	return -1;
}

void frame_rows_release(frame_rows *r)
{
	for (int i = 0; i < r->n; i++) {
		free(r->unit_ids[i]);
		free(r->data[i]);
	}
	free(r->unit_ids);
	free(r->data);
	free(r->lines);
	memset(r, 0, sizeof *r);
}
