/* db.c: opening a database for analysis — the store read-only, the questionnaire chosen, and
 * every version of it loaded (the newest gives the labels). */
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis_impl.h"
#include "store/analysis_read.h"
#include "store/reviews.h"
#include "store/scan.h"
#include "util/util.h"

/* Add s to a list of distinct strings (NULL, from a damaged file, is left out). */
static int add_distinct(char ***list, int *n, const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < *n; i++)
		if (strcmp((*list)[i], s) == 0)
			return i;
	*list = xreallocarray(*list, (size_t)*n + 1, sizeof **list);
	(*list)[*n] = xstrdup(s);
	return (*n)++;
}

static form *load_version(store *st, const char *id, const char *version, char *err)
{
	void *bytes;
	size_t len;
	char *name, *kind;
	if (store_form_get(st, id, version, &bytes, &len, &name, &kind, err))
		return NULL;
	form *f = NULL;
	char why[ERR_MAX];
	if (form_load_mem(name, kind, bytes, len, &f, NULL, why))
		errf(err, "cannot load the questionnaire '%s' stored in the database: %s", id, why);
	free(bytes);
	free(name);
	free(kind);
	return f;
}

/* Choose the questionnaire: form_id, or the only one. */
static int choose_form(analysis_db *db, const char *path, const char *form_id, char **fids,
		       int nf, char *err)
{
	if (form_id) {
		for (int i = 0; i < nf; i++)
			if (strcmp(fids[i], form_id) == 0) {
				db->form_id = xstrdup(form_id);
				return 0;
			}
		return errf(err, "no questionnaire '%s' in '%s'", form_id, path);
	}
	if (nf == 0)
		return errf(err, "'%s' holds no questionnaire", path);
	if (nf > 1) {
		strbuf sb = STRBUF_INIT;
		for (int i = 0; i < nf; i++)
			sb_addf(&sb, "%s%s", i ? ", " : "", fids[i]);
		errf(err, "'%s' holds several questionnaires (%s); choose one with --form", path,
		     sb_str(&sb));
		sb_release(&sb);
		return -1;
	}
	db->form_id = xstrdup(fids[0]);
	return 0;
}

int analysis_open(const char *path, const char *form_id, analysis_db **out, char *err)
{
	*out = NULL;
	analysis_db *db = xcalloc(1, sizeof *db);
	char **eids = NULL, **evers = NULL, **iids = NULL, **ivers = NULL, **fids = NULL;
	int ne = 0, ni = 0, nf = 0, rc = -1;
	if (store_open(path, STORE_READONLY, &db->st, err))
		goto done;
	if (store_forms_list(db->st, &eids, &evers, &ne, err) ||
	    store_form_versions(db->st, &iids, &ivers, &ni, err))
		goto done;
	for (int i = 0; i < ne; i++)
		add_distinct(&fids, &nf, eids[i]);
	for (int i = 0; i < ni; i++)
		add_distinct(&fids, &nf, iids[i]);
	if (choose_form(db, path, form_id, fids, nf, err))
		goto done;
	for (int i = 0; i < ne; i++)
		if (eids[i] && strcmp(eids[i], db->form_id) == 0)
			add_distinct(&db->versions, &db->nversions, evers[i]);
	int nembedded = db->nversions;
	for (int i = 0; i < ni; i++)
		if (iids[i] && strcmp(iids[i], db->form_id) == 0)
			add_distinct(&db->versions, &db->nversions, ivers[i]);
	if (nembedded == 0) {
		errf(err, "'%s' does not hold the questionnaire '%s' its interviews were made with",
		     path, db->form_id);
		goto done;
	}
	db->newest = load_version(db->st, db->form_id, NULL, err);
	if (!db->newest)
		goto done;
	db->forms = xcalloc((size_t)db->nversions, sizeof *db->forms);
	db->has_interviews = xcalloc((size_t)db->nversions, sizeof *db->has_interviews);
	for (int k = 0; k < db->nversions; k++) {
		char why[ERR_MAX];
		/* the newest version is loaded once: forms[k] NULL stands for it */
		if (k < nembedded && strcmp(db->versions[k], db->newest->version) != 0)
			db->forms[k] = load_version(db->st, db->form_id, db->versions[k], why);
		for (int i = 0; i < ni; i++)
			if (iids[i] && ivers[i] && strcmp(iids[i], db->form_id) == 0 &&
			    strcmp(ivers[i], db->versions[k]) == 0)
				db->has_interviews[k] = 1;
	}
	rc = 0;
done:
	store_strings_free(eids, ne);
	store_strings_free(evers, ne);
	store_strings_free(iids, ni);
	store_strings_free(ivers, ni);
	store_strings_free(fids, nf);
	if (rc)
		analysis_close(db);
	else
		*out = db;
	return rc;
}

void analysis_close(analysis_db *db)
{
	if (!db)
		return;
	an_pre_release(db);
	for (int k = 0; k < db->nversions; k++)
		form_free(db->forms ? db->forms[k] : NULL);
	free(db->forms);
	free(db->has_interviews);
	store_strings_free(db->approved, db->napproved);
	store_strings_free(db->versions, db->nversions);
	form_free(db->newest);
	free(db->form_id);
	store_close(db->st);
	free(db);
}

int analysis_only_approved(analysis_db *db, char *err)
{
	if (db->only_approved)
		return 0;
	if (store_approved_uuids(db->st, &db->approved, &db->napproved, err))
		return -1;
	db->only_approved = 1;
	return 0;
}

static int cmp_uuid(const void *key, const void *elem)
{
	return strcmp(key, *(char *const *)elem);
}

int analysis_keeps(const analysis_db *db, const char *uuid)
{
	return !db->only_approved || (uuid && db->napproved > 0 &&
				      bsearch(uuid, db->approved, (size_t)db->napproved,
					      sizeof *db->approved, cmp_uuid));
}

const form *analysis_form(const analysis_db *db)
{
	return db->newest;
}

const char *analysis_form_id(const analysis_db *db)
{
	return db->form_id;
}

int analysis_find_lang(const analysis_db *db, const char *code, int *lang, char *err)
{
	*lang = -1;
	if (!code)
		return 0;
	const form *f = db->newest;
	int k = form_find_lang(f, code);
	if (k >= 0) {
		*lang = k;
		return 0;
	}
	strbuf sb = STRBUF_INIT;
	for (int i = 0; i < f->nlangs; i++)
		if (f->langs[i].code || strcmp(f->langs[i].name, "default") != 0)
			sb_addf(&sb, "%s%s", sb.len ? ", " : "",
				f->langs[i].code ? f->langs[i].code : f->langs[i].name);
	if (sb.len)
		errf(err, "no language '%s' in form '%s'; it has %s", code, db->form_id,
		     sb_str(&sb));
	else
		errf(err, "no language '%s' in form '%s'; it has no translations", code,
		     db->form_id);
	sb_release(&sb);
	return -1;
}
