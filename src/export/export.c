/* export.c: `survey export` from start to end — which form, its versions' questionnaires read
 * from the database, the column model, the output files under temporary names, the writer of
 * the chosen format, and the renames once everything is written. */
#include "export/export_impl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int export_format_parse(const char *name, export_format *out)
{
	static const char *const names[] = { "csv", "sav", "dta", "json" };
	for (int i = 0; i < 4; i++) {
		if (ascii_casecmp(name, names[i]) == 0) {
			*out = (export_format)i;
			return 0;
		}
	}
	return -1;
}

void export_summary_release(export_summary *s)
{
	if (!s)
		return;
	strv_free(s->files, s->nfiles);
	free(s->media_dir);
	memset(s, 0, sizeof *s);
}

/* ---- output files ---- */

int xout_open(xout *o, const char *path, char *err)
{
	memset(o, 0, sizeof *o);
	if (outfile_begin(&o->out, path, err))
		return -1;
	o->f = fdopen(o->out.fd, "wb");
	if (!o->f) {
		errf(err, "cannot write '%s': %s", path, strerror(errno));
		outfile_discard(&o->out);
		return -1;
	}
	o->out.fd = -1;   /* o->f owns it */
	o->path = o->out.path;
	return 0;
}

int xout_close(xout *o, char *err)
{
	if (!o->f)
		return 0;
	int bad = fflush(o->f) != 0 || ferror(o->f);
	int e = errno;
	if (fclose(o->f) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	o->f = NULL;
	if (bad)
		return errf(err, "cannot write '%s': %s", o->path, e ? strerror(e) : "write error");
	return 0;
}

void xout_discard(xout *o)
{
	if (o->f)
		fclose(o->f);
	outfile_discard(&o->out);
	memset(o, 0, sizeof *o);
}

char *xtable_path(const xmodel *m, int t, const char *main_path)
{
	const char *suffix = m->tables[t].suffix;
	const char *slash = strrchr(main_path, '/');
	const char *dot = strrchr(main_path, '.');
	if (!dot || (slash && dot < slash) || dot == (slash ? slash + 1 : main_path))
		return xasprintf("%s%s", main_path, suffix);
	return xasprintf("%.*s%s%s", (int)(dot - main_path), main_path, suffix, dot);
}

/* ---- which form, and its versions ---- */

static int choose_form(store *st, const char *want, char **form_id, char ***versions, int *nv,
		       char *err)
{
	char **ids, **vers;
	int n;
	if (store_form_versions(st, &ids, &vers, &n, err))
		return -1;
	strbuf all = STRBUF_INIT;
	int distinct = 0;
	const char *only = NULL;
	for (int i = 0; i < n; i++) {
		int seen = 0;
		for (int j = 0; j < i && !seen; j++)
			seen = strcmp(ids[j], ids[i]) == 0;
		if (seen)
			continue;
		sb_addf(&all, "%s'%s'", distinct ? ", " : "", ids[i]);
		distinct++;
		only = ids[i];
	}
	int rc = 0;
	if (!n) {
		rc = errf(err, "'%s' has no interviews", store_path(st));
	} else if (!want && distinct > 1) {
		rc = errf(err, "'%s' holds interviews of %d forms (%s): choose one with --form ID",
			  store_path(st), distinct, sb_str(&all));
	} else {
		const char *id = want ? want : only;
		*versions = xcalloc((size_t)n, sizeof **versions);
		*nv = 0;
		for (int i = 0; i < n; i++)
			if (strcmp(ids[i], id) == 0)
				(*versions)[(*nv)++] = xstrdup(vers[i]);
		if (!*nv) {
			free(*versions);
			*versions = NULL;
			rc = errf(err, "'%s' has no interviews of form '%s' (it has %s)",
				  store_path(st), id, sb_str(&all));
		} else {
			*form_id = xstrdup(id);
		}
	}
	sb_release(&all);
	store_strings_free(ids, n);
	store_strings_free(vers, n);
	return rc;
}

static int load_versions(store *st, const char *id, char **versions, int nv, form ***out,
			 char *err)
{
	form **forms = xcalloc((size_t)nv, sizeof *forms);
	for (int i = 0; i < nv; i++) {
		void *bytes;
		size_t len;
		char *name, *kind, e2[ERR_MAX];
		if (store_form_get(st, id, versions[i], &bytes, &len, &name, &kind, e2)) {
			errf(err, "'%s' lacks the questionnaire of form '%s' version '%s': %s",
			     store_path(st), id, versions[i], e2);
			goto fail;
		}
		int rc = form_load_mem(name, kind, bytes, len, &forms[i], NULL, e2);
		free(bytes);
		free(kind);
		if (rc) {
			errf(err, "the questionnaire '%s' (form '%s' version '%s') in '%s' does not "
			     "load: %s", name, id, versions[i], store_path(st), e2);
			free(name);
			goto fail;
		}
		free(name);
	}
	*out = forms;
	return 0;
fail:
	for (int i = 0; i < nv; i++)
		form_free(forms[i]);
	free(forms);
	return -1;
}

/* ---- the run ---- */

int export_run(store *st, const export_opts *o, export_summary *out, char *err)
{
	memset(out, 0, sizeof *out);
	char *id = NULL, **versions = NULL;
	int nv = 0;
	if (choose_form(st, o->form_id, &id, &versions, &nv, err))
		return -1;
	int rc = -1;
	xmodel *m = NULL;
	form **forms = NULL;
	xout *outs = NULL;
	int nouts = 0;
	long long count = 0;
	store_scan_filter filter = { .form_id = id, .status = "complete" };
	if (store_scan_count(st, &filter, &count, err))
		goto done;
	if (!count) {
		errf(err, "'%s' has no completed interview of form '%s': nothing to export",
		     store_path(st), id);
		goto done;
	}
	if (load_versions(st, id, versions, nv, &forms, err))
		goto done;
	if (xmodel_build(forms, nv, o->lang, &m, err))
		goto done;   /* the model freed the forms */
	nouts = o->format == EXPORT_JSON ? 1 : m->ntables;
	outs = xcalloc((size_t)nouts, sizeof *outs);
	for (int t = 0; t < nouts; t++) {
		char *p = xtable_path(m, t, o->path);
		/* a repeat's file beside FILE must not be the database either */
		int bad = outfile_check("output", p, "input database", store_path(st), OUTFILE_DB,
					err) || xout_open(&outs[t], p, err);
		free(p);
		if (bad)
			goto done;
	}
	if (xmedia_write(st, m, o->path, &m->media, err))
		goto done;
	switch (o->format) {
	case EXPORT_CSV:
		rc = xcsv_write(st, m, o, outs, err);
		break;
	case EXPORT_SAV:
	case EXPORT_DTA:
		rc = xstat_write(st, m, o, outs, err);
		break;
	case EXPORT_JSON:
		rc = xjson_write(st, m, o, outs[0].f, err);
		break;
	}
	for (int t = 0; t < nouts && !rc; t++)
		rc = xout_close(&outs[t], err);
	for (int t = 0; t < nouts && !rc; t++)
		rc = outfile_commit(&outs[t].out, err);
	if (!rc) {
		out->interviews = count;
		out->nversions = nv;
		out->nfiles = nouts;
		out->files = xcalloc((size_t)nouts, sizeof *out->files);
		for (int t = 0; t < nouts; t++)
			out->files[t] = xstrdup(outs[t].path);
		const char *dir;
		xmedia_counts(m->media, &out->media_files, &out->media_missing, &dir);
		out->media_dir = dir ? xstrdup(dir) : NULL;
	}
done:
	for (int t = 0; t < nouts; t++)
		xout_discard(&outs[t]);
	free(outs);
	if (m)
		xmedia_free(m->media);
	xmodel_free(m);
	free(id);
	store_strings_free(versions, nv);
	return rc ? -1 : 0;
}
