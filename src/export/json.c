/* json.c: the JSON export — one document: the form (id, title, versions, languages, questions
 * with their labels and choices) and every completed interview with its metadata and all its
 * answers, each with its state. Streamed: one interview in memory at a time. */
#include "export/export_impl.h"

#include <string.h>

/* The form: id, title, versions, languages, and every question with its choices. */
static void write_form(json_w *w, const xmodel *m)
{
	const form *newest = m->forms[m->nforms - 1];
	jw_key(w, "form");
	jw_obj(w);
	jw_kstr(w, "id", m->form_id);
	jw_kstr(w, "title", m->title);
	jw_key(w, "versions");
	jw_arr(w);
	for (int i = 0; i < m->nforms; i++)
		jw_str(w, m->forms[i]->version);
	jw_end(w);
	jw_kstr(w, "language", m->lang_code);
	jw_key(w, "languages");
	jw_arr(w);
	for (int i = 0; i < newest->nlangs; i++) {
		jw_obj(w);
		jw_kstr(w, "name", newest->langs[i].name);
		jw_kstr(w, "code", newest->langs[i].code);
		jw_end(w);
	}
	jw_end(w);
	jw_key(w, "questions");
	jw_arr(w);
	for (int i = 0; i < m->nq; i++) {
		const xquestion *q = &m->qs[i];
		jw_break(w, "\n");
		jw_obj(w);
		jw_kstr(w, "path", q->path);
		jw_kstr(w, "name", q->name);
		jw_kstr(w, "type", form_type_name(q->type));
		jw_kstr(w, "label", q->label);
		jw_kstr(w, "repeat", m->tables[q->table].repeat);
		if (q->type == FORM_SELECT_ONE || q->type == FORM_SELECT_MULTIPLE) {
			jw_key(w, "choices");
			jw_arr(w);
			for (int j = 0; j < q->nchoices; j++) {
				jw_obj(w);
				jw_kstr(w, "name", q->choices[j].name);
				jw_kstr(w, "label", q->choices[j].label);
				jw_end(w);
			}
			jw_end(w);
		}
		jw_end(w);
	}
	jw_end(w);
	jw_end(w);
}

typedef struct jsw {
	const xmodel *m;
	store *st;
	json_w w;
	FILE *f;
	long long n;     /* interviews written */
	const char *path;
	char *err;
} jsw;

/* One answer: its path, value and state, a geopoint's parts as numbers, its file. */
static void write_answer(jsw *j, const store_interview *iv, const store_answer *a)
{
	json_w *w = &j->w;
	jw_obj(w);
	jw_kstr(w, "path", a->path);
	jw_kstr(w, "value", a->value);
	jw_kstr(w, "state", store_state_name(a->state));
	/* a geopoint's parts as numbers, as the CSV's columns */
	int geo = a->state == STATE_ANSWERED && a->value && xgeo_part(a->value, 3) &&
		xgeo_is_point(j->m, a->path);
	for (int k = 0; geo && k < XGEO_NPARTS; k++) {
		jw_key(w, xgeo_suffix[k]);
		jw_raw(w, xgeo_part(a->value, k));
	}
	if (a->state == STATE_ANSWERED && xmedia_file(j->m->media, iv->uuid, a->path))
		jw_kstr(w, "file", xmedia_file(j->m->media, iv->uuid, a->path));
	jw_end(w);
}

static int on_interview(void *arg, const store_scan_row *r)
{
	jsw *j = arg;
	json_w *w = &j->w;
	const store_interview *iv = r->iv;
	j->n++;
	jw_break(w, "\n");
	jw_obj(w);
	const char *const k1[] = { "uuid", "form_version", "device", "interviewer", "status",
				   "origin" };
	const char *const v1[] = { iv->uuid, iv->form_version, iv->device_id, iv->interviewer,
				   iv->status, iv->origin };
	jw_kstrs(w, k1, v1, 6);
	jw_kint(w, "revision", iv->revision);
	const char *const k2[] = { "created", "modified", "completed", "instance_name", "lang",
				   "content_hash" };
	const char *const v2[] = { iv->created, iv->modified, iv->completed, iv->instance_name,
				   iv->lang, iv->content_hash };
	jw_kstrs(w, k2, v2, 6);
	jw_key(w, "answers");
	jw_arr(w);
	for (int i = 0; i < r->nanswers; i++)
		write_answer(j, iv, &r->answers[i]);
	jw_end(w);
	/* the interviewer's comments (events of kind comment): [{"path", "text"}] */
	store_answer *c;
	int nc;
	if (store_comments(j->st, iv->uuid, &c, &nc, j->err))
		return -1;
	jw_key(w, "comments");
	jw_arr(w);
	for (int i = 0; i < nc; i++) {
		jw_obj(w);
		jw_kstr(w, "path", c[i].path);
		jw_kstr(w, "text", c[i].value);
		jw_end(w);
	}
	store_answers_free(c, nc);
	jw_end(w);
	jw_end(w);
	return ferror(j->f) ? 1 : 0;
}

int xjson_write(store *st, const xmodel *m, const export_opts *o, FILE *f, char *err)
{
	jsw j = { .m = m, .st = st, .f = f, .path = o->path, .err = err };
	jw_init(&j.w, f, 0);
	jw_obj(&j.w);
	write_form(&j.w, m);
	jw_break(&j.w, "\n");
	jw_key(&j.w, "interviews");
	jw_arr(&j.w);
	store_scan_filter filter = { .form_id = m->form_id, .status = "complete" };
	int rc = store_scan_all(st, &filter, on_interview, &j, err);
	if (rc > 0)
		return errf(err, "cannot write '%s': write error", o->path);
	if (rc)
		return -1;
	jw_break(&j.w, j.n ? "\n" : "\n\n");   /* as before the writer: "[\n\n]" when empty */
	jw_end(&j.w);
	jw_end(&j.w);
	fputc('\n', f);
	return 0;
}
