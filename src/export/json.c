/* json.c: the JSON export — one document: the form (id, title, versions, languages, questions
 * with their labels and choices) and every completed interview with its metadata and all its
 * answers, each with its state. Streamed: one interview in memory at a time. */
#include "export/export_impl.h"

#include <string.h>

static void kv(FILE *f, const char *k, const char *v, int *first)
{
	json_put_key(f, k, first);
	json_put_string(f, v);
}

static void write_form(FILE *f, const xmodel *m)
{
	const form *newest = m->forms[m->nforms - 1];
	int first = 1;
	fputs("{\"form\":{", f);
	kv(f, "id", m->form_id, &first);
	kv(f, "title", m->title, &first);
	json_put_key(f, "versions", &first);
	fputc('[', f);
	for (int i = 0; i < m->nforms; i++) {
		if (i)
			fputc(',', f);
		json_put_string(f, m->forms[i]->version);
	}
	fputc(']', f);
	kv(f, "language", m->lang_code, &first);
	json_put_key(f, "languages", &first);
	fputc('[', f);
	for (int i = 0; i < newest->nlangs; i++) {
		int f2 = 1;
		fputs(i ? ",{" : "{", f);
		kv(f, "name", newest->langs[i].name, &f2);
		kv(f, "code", newest->langs[i].code, &f2);
		fputc('}', f);
	}
	fputc(']', f);
	json_put_key(f, "questions", &first);
	fputs("[\n", f);
	for (int i = 0; i < m->nq; i++) {
		const xquestion *q = &m->qs[i];
		int f2 = 1;
		fputs(i ? ",\n{" : "{", f);
		kv(f, "path", q->path, &f2);
		kv(f, "name", q->name, &f2);
		kv(f, "type", form_type_name(q->type), &f2);
		kv(f, "label", q->label, &f2);
		kv(f, "repeat", m->tables[q->table].repeat, &f2);
		if (q->type == FORM_SELECT_ONE || q->type == FORM_SELECT_MULTIPLE) {
			json_put_key(f, "choices", &f2);
			fputc('[', f);
			for (int j = 0; j < q->nchoices; j++) {
				int f3 = 1;
				fputs(j ? ",{" : "{", f);
				kv(f, "name", q->choices[j].name, &f3);
				kv(f, "label", q->choices[j].label, &f3);
				fputc('}', f);
			}
			fputc(']', f);
		}
		fputc('}', f);
	}
	fputs("]},\n\"interviews\":[\n", f);
}

typedef struct jsw {
	const xmodel *m;
	store *st;
	FILE *f;
	long long n;
	const char *path;
	char *err;
} jsw;

static int on_interview(void *arg, const store_scan_row *r)
{
	jsw *w = arg;
	FILE *f = w->f;
	const store_interview *iv = r->iv;
	int first = 1;
	fputs(w->n++ ? ",\n{" : "{", f);
	kv(f, "uuid", iv->uuid, &first);
	kv(f, "form_version", iv->form_version, &first);
	kv(f, "device", iv->device_id, &first);
	kv(f, "interviewer", iv->interviewer, &first);
	kv(f, "status", iv->status, &first);
	kv(f, "origin", iv->origin, &first);
	json_put_key(f, "revision", &first);
	fprintf(f, "%d", iv->revision);
	kv(f, "created", iv->created, &first);
	kv(f, "modified", iv->modified, &first);
	kv(f, "completed", iv->completed, &first);
	kv(f, "instance_name", iv->instance_name, &first);
	kv(f, "lang", iv->lang, &first);
	kv(f, "content_hash", iv->content_hash, &first);
	json_put_key(f, "answers", &first);
	fputc('[', f);
	for (int i = 0; i < r->nanswers; i++) {
		const store_answer *a = &r->answers[i];
		int f2 = 1;
		fputs(i ? ",{" : "{", f);
		kv(f, "path", a->path, &f2);
		kv(f, "value", a->value, &f2);
		kv(f, "state", store_state_name(a->state), &f2);
		/* a geopoint's parts as numbers, as the CSV's columns */
		int geo = a->state == STATE_ANSWERED && a->value && xgeo_part(a->value, 3) &&
			xgeo_is_point(w->m, a->path);
		for (int k = 0; geo && k < XGEO_NPARTS; k++) {
			json_put_key(f, xgeo_suffix[k], &f2);
			fputs(xgeo_part(a->value, k), f);
		}
		if (a->state == STATE_ANSWERED && xmedia_file(w->m->media, iv->uuid, a->path))
			kv(f, "file", xmedia_file(w->m->media, iv->uuid, a->path), &f2);
		fputc('}', f);
	}
	fputc(']', f);
	/* the interviewer's comments (events of kind comment): [{"path", "text"}] */
	store_answer *c;
	int nc;
	if (store_comments(w->st, iv->uuid, &c, &nc, w->err))
		return -1;
	json_put_key(f, "comments", &first);
	fputc('[', f);
	for (int i = 0; i < nc; i++) {
		int f2 = 1;
		fputs(i ? ",{" : "{", f);
		kv(f, "path", c[i].path, &f2);
		kv(f, "text", c[i].value, &f2);
		fputc('}', f);
	}
	store_answers_free(c, nc);
	fputs("]}", f);
	return ferror(f) ? 1 : 0;
}

int xjson_write(store *st, const xmodel *m, const export_opts *o, FILE *f, char *err)
{
	write_form(f, m);
	jsw w = { .m = m, .st = st, .f = f, .path = o->path, .err = err };
	store_scan_filter filter = { .form_id = m->form_id, .status = "complete" };
	int rc = store_scan_all(st, &filter, on_interview, &w, err);
	if (rc > 0)
		return errf(err, "cannot write '%s': write error", o->path);
	if (rc)
		return -1;
	fputs("\n]}\n", f);
	return 0;
}
