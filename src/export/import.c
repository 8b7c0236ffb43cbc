/* import.c: `survey import FORM DATA.csv` — the job: the questionnaire, the main CSV and one CSV
 * per repeat (DATA-REPEAT.csv, rows joined by PARENT_KEY) read and their columns mapped, each
 * row's interview UUID and join key, the messages; import_row.c replays the rows. */
#include "export/import_impl.h"

#include <ctype.h>
#include <nettle/sha2.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void import_report(import_job *job, import_severity sev, const char *file, int line,
		   const char *column, const char *fmt, ...)
{
	if (sev == IMPORT_ERROR)
		job->errors++;
	if (sev == IMPORT_WARNING)
		job->warnings++;
	if (++job->messages > IMPORT_SHOW_MESSAGES)
		return;
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, file);
	if (line > 0)
		sb_addf(&sb, ":%d", line);
	if (column)
		sb_addf(&sb, ":%s", column);
	sb_adds(&sb, sev == IMPORT_ERROR ? ": error: " : sev == IMPORT_WARNING ? ": warning: " :
		": ");
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	if (job->fn)
		job->fn(job->arg, sev, sb_str(&sb));
	sb_release(&sb);
}

/* The one line that counts the messages not shown. */
void import_report_hidden(import_job *job)
{
	if (job->messages <= IMPORT_SHOW_MESSAGES || !job->fn)
		return;
	int more = job->messages - IMPORT_SHOW_MESSAGES;
	char *msg = xasprintf("%s: and %d more message%s not shown (%d error%s, %d warning%s in "
			      "all)", job->data_path, more, more == 1 ? "" : "s", job->errors,
			      job->errors == 1 ? "" : "s", job->warnings,
			      job->warnings == 1 ? "" : "s");
	job->fn(job->arg, IMPORT_NOTE, msg);
	free(msg);
	job->messages = IMPORT_SHOW_MESSAGES;   /* said once */
}

/* ---- preparing ---- */

/* "DATA-REPEAT.csv" beside "DATA.csv" (the extension kept). */
static char *repeat_file_path(const char *data, const char *suffix)
{
	const char *slash = strrchr(data, '/');
	const char *dot = strrchr(data, '.');
	if (!dot || (slash && dot < slash))
		return xasprintf("%s%s", data, suffix);
	return xasprintf("%.*s%s%s", (int)(dot - data), data, suffix, dot);
}

const char *import_cell(const ifile *F, int row, int col)
{
	return col >= 0 ? F->doc.rows[row][col] : "";
}

static const char *parent_key(const ifile *F, int row)
{
	return import_cell(F, row, F->meta[IM_PARENT_KEY]);
}

static const ifile *sort_file;
static int by_parent_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	int c = strcmp(parent_key(sort_file, x), parent_key(sort_file, y));
	return c ? c : (x > y) - (x < y);
}

/* Rows of F whose PARENT_KEY is key: *first and the count. */
int import_rows_of_parent(const ifile *F, const char *key, int *first)
{
	int lo = 0, hi = F->doc.nrows;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (strcmp(parent_key(F, F->by_parent[mid]), key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	int n = 0;
	while (lo + n < F->doc.nrows && strcmp(parent_key(F, F->by_parent[lo + n]), key) == 0)
		n++;
	*first = lo;
	return n;
}

static int is_uuid(const char *s)
{
	if (strlen(s) != STORE_UUID_LEN)
		return 0;
	for (int i = 0; i < STORE_UUID_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return 0;
		} else if (!isxdigit((unsigned char)s[i])) {
			return 0;
		}
	}
	return 1;
}

/* The interview UUID a main-file row names (meta/instanceID, _uuid, KEY), lowercase, in out;
 * 1 when the row names none, -1 (reported) when it is not a UUID. */
int import_row_uuid(import_job *job, int row, char out[STORE_UUID_LEN + 1])
{
	const ifile *F = &job->files[0];
	static const int order[] = { IM_INSTANCE_ID, IM_UUID, IM_KEY };
	for (int i = 0; i < 3; i++) {
		int c = F->meta[order[i]];
		const char *v = import_cell(F, row, c);
		if (!*v)
			continue;
		const char *u = strncmp(v, "uuid:", 5) == 0 ? v + 5 : v;
		if (!is_uuid(u)) {
			import_report(job, IMPORT_ERROR, F->name, F->doc.lines[row],
				      F->doc.header[c], "'%s' is not an interview UUID", v);
			return -1;
		}
		for (int k = 0; k <= STORE_UUID_LEN; k++)
			out[k] = (char)tolower((unsigned char)u[k]);
		return 0;
	}
	return 1;
}

/* A UUID made from the form, the row's number and its fields: importing the same file again
 * gives the same UUIDs. Version 8 (made by the application). */
void import_derived_uuid(const import_job *job, int row, char out[STORE_UUID_LEN + 1])
{
	struct sha256_ctx h;
	uint8_t d[SHA256_DIGEST_SIZE];
	char num[32];
	sha256_init(&h);
	sha256_update(&h, 14, (const uint8_t *)"survey import");
	sha256_update(&h, strlen(job->f->id) + 1, (const uint8_t *)job->f->id);
	snprintf(num, sizeof num, "%d", row + 1);
	sha256_update(&h, strlen(num) + 1, (const uint8_t *)num);
	const ifile *F = &job->files[0];
	for (int c = 0; c < F->doc.ncols; c++)
		sha256_update(&h, strlen(F->doc.rows[row][c]) + 1,
			      (const uint8_t *)F->doc.rows[row][c]);
	sha256_digest(&h, SHA256_DIGEST_SIZE, d);
	d[6] = (uint8_t)((d[6] & 0x0f) | 0x80);
	d[8] = (uint8_t)((d[8] & 0x3f) | 0x80);
	snprintf(out, STORE_UUID_LEN + 1,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12],
		 d[13], d[14], d[15]);
}

/* The join key of a main-file row: its KEY, else "uuid:U". malloc'd. */
char *import_main_key(import_job *job, int row)
{
	const ifile *F = &job->files[0];
	const char *k = import_cell(F, row, F->meta[IM_KEY]);
	if (*k)
		return xstrdup(k);
	char u[STORE_UUID_LEN + 1];
	int rc = import_row_uuid(job, row, u);
	if (rc > 0)
		import_derived_uuid(job, row, u);
	return rc < 0 ? NULL : xasprintf("uuid:%s", u);
}

/* Every repeat row must belong to a row of its parent's file. */
static void check_parents(import_job *job, int fi)
{
	ifile *F = &job->files[fi];
	const form *f = job->f;
	int up = f->nodes[F->repeat].repeat;
	int pfi = up >= 0 ? job->file_of_repeat[up] : 0;
	if (pfi < 0) {
		import_report(job, IMPORT_ERROR, F->name, 0, NULL, "its repeat is inside repeat '%s', "
			      "which has no file", f->nodes[up].name);
		job->prep_errors++;
		return;
	}
	const ifile *P = &job->files[pfi];
	char **keys = xcalloc((size_t)P->doc.nrows + 1, sizeof *keys);
	for (int r = 0; r < P->doc.nrows; r++)
		keys[r] = pfi == 0 ? import_main_key(job, r) : xstrdup(import_cell(P, r, P->meta[IM_KEY]));
	int reported = 0;
	for (int r = 0; r < F->doc.nrows; r++) {
		const char *pk = parent_key(F, r);
		int found = 0;
		for (int k = 0; k < P->doc.nrows && !found; k++)
			found = keys[k] && strcmp(keys[k], pk) == 0;
		if (found)
			continue;
		if (reported++ < 20)
			import_report(job, IMPORT_ERROR, F->name, F->doc.lines[r], "PARENT_KEY",
				      "'%s' is the key of no row of '%s'", pk, P->name);
		job->prep_errors++;
	}
	strv_free(keys, P->doc.nrows);
}

static int read_repeat_files(import_job *job, char *err)
{
	const form *f = job->f;
	job->file_of_repeat = xcalloc((size_t)f->nnodes, sizeof(int));
	for (int i = 0; i < f->nnodes; i++)
		job->file_of_repeat[i] = -1;
	for (int i = 1; i < f->nnodes; i++) {
		if (f->nodes[i].type != FORM_REPEAT)
			continue;
		/* named as export and ODK Briefcase name them: "-NAME", "-NAME~K" for a shared name */
		int same = 0, nth = 0;
		for (int j = 1; j < f->nnodes; j++) {
			if (f->nodes[j].type == FORM_REPEAT &&
			    strcmp(f->nodes[j].name, f->nodes[i].name) == 0) {
				same++;
				nth += j <= i;
			}
		}
		char *suffix = same > 1 ? xasprintf("-%s~%d", f->nodes[i].name, nth) :
			xasprintf("-%s", f->nodes[i].name);
		char *path = repeat_file_path(job->data_path, suffix);
		free(suffix);
		struct stat sb;
		if (stat(path, &sb) != 0) {
			free(path);
			continue;
		}
		job->files = xreallocarray(job->files, (size_t)job->nfiles + 1, sizeof *job->files);
		ifile *F = &job->files[job->nfiles];
		memset(F, 0, sizeof *F);
		F->name = path;
		F->repeat = i;
		if (csv_read(path, &job->limits, &F->doc, err))
			return -1;
		if (import_map_file(job, F))
			job->prep_errors++;
		if (F->meta[IM_PARENT_KEY] < 0)
			return errf(err, "'%s' has no PARENT_KEY column to join its rows to their "
				    "interviews", path);
		F->by_parent = xcalloc((size_t)F->doc.nrows + 1, sizeof(int));
		for (int r = 0; r < F->doc.nrows; r++)
			F->by_parent[r] = r;
		sort_file = F;
		qsort(F->by_parent, (size_t)F->doc.nrows, sizeof(int), by_parent_cmp);
		sort_file = NULL;
		job->file_of_repeat[i] = job->nfiles++;
	}
	for (int fi = 1; fi < job->nfiles; fi++) {
		int up = f->nodes[job->files[fi].repeat].repeat;
		if (up >= 0 && job->file_of_repeat[up] >= 0 &&
		    job->files[job->file_of_repeat[up]].meta[IM_KEY] < 0)
			return errf(err, "'%s' has no KEY column to join the rows of '%s' to",
				    job->files[job->file_of_repeat[up]].name, job->files[fi].name);
		check_parents(job, fi);
	}
	return 0;
}

int import_prepare(const import_opts *o, import_report_fn fn, void *arg, import_job **out,
		   char *err)
{
	*out = NULL;
	import_job *job = xcalloc(1, sizeof *job);
	job->fn = fn;
	job->arg = arg;
	job->force = o->force;
	job->limits = o->limits;
	job->form_path = xstrdup(o->form_path);
	job->data_path = xstrdup(o->data_path);
	const char *kind = workbook_kind(o->form_path);
	if (!kind) {
		errf(err, "cannot tell the format of '%s' (.xlsx, .xls, .csv or .md)",
		     o->form_path);
		goto fail;
	}
	if (import_regular_file(o->form_path, err) || form_load(o->form_path, &job->f, NULL, err))
		goto fail;
	if (form_source(job->f, o->form_path, &job->source, &job->source_len, &kind,
			err))
		goto fail;
	job->source_kind = xstrdup(kind);
	const char *slash = strrchr(o->form_path, '/');
	job->source_name = slash ? slash + 1 : o->form_path;
	if (o->lang) {
		if (form_find_lang(job->f, o->lang) < 0) {
			errf(err, "the questionnaire has no language '%s'", o->lang);
			goto fail;
		}
		job->msg_lang = xstrdup(o->lang);
	} else if (form_find_lang(job->f, "en") >= 0) {
		job->msg_lang = xstrdup("en");
	}
	job->files = xcalloc(1, sizeof *job->files);
	job->nfiles = 1;
	ifile *F = &job->files[0];
	F->name = xstrdup(o->data_path);
	if (csv_read(o->data_path, &job->limits, &F->doc, err))
		goto fail;
	if (F->doc.nrows == 0) {
		errf(err, "%s: the file has a header but no rows: nothing to import", o->data_path);
		goto fail;
	}
	if (F->doc.mixed_eol)
		import_report(job, IMPORT_WARNING, F->name, 0, NULL,
			      "lines end in more than one way (CR LF, LF, CR): all read as line ends");
	if (import_map_file(job, F))
		job->prep_errors++;
	if (read_repeat_files(job, err))
		goto fail;
	if (job->prep_errors && !job->force) {
		errf(err, "'%s' cannot be imported as it is (%d error%s above)", o->data_path,
		     job->errors, job->errors == 1 ? "" : "s");
		goto fail;
	}
	*out = job;
	return 0;
fail:
	import_report_hidden(job);
	import_job_free(job);
	return -1;
}

void import_job_free(import_job *job)
{
	if (!job)
		return;
	free(job->media_column);
	for (int i = 0; i < job->nfiles; i++) {
		ifile *F = &job->files[i];
		free(F->name);
		if (F->opt_cols)
			for (int n = 0; n < job->f->nnodes; n++)
				free(F->opt_cols[n]);
		free(F->opt_cols);
		free(F->geo_cols);
		free(F->value_col);
		free(F->cols);
		free(F->by_parent);
		csv_doc_release(&F->doc);
	}
	free(job->files);
	free(job->file_of_repeat);
	form_free(job->f);
	free(job->source);
	free(job->source_kind);
	free(job->msg_lang);
	free(job->form_path);
	free(job->data_path);
	free(job);
}
