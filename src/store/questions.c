/* questions.c: whether a question named on the command line (list --by, merge --key) is one of
 * the questionnaires embedded in some databases, with close names when it is not. */
#include "store/store_impl.h"

#include <stdlib.h>
#include <string.h>

#include "store/form_ops.h"
#include "util/termsafe.h"
#include "util/util.h"

#define NEAR_MAX 3   /* close names listed */

struct qsearch {
	const char *q;
	int found;            /* 1: a question; 2: only inside a repeat */
	char *repeat;         /* found == 2: the repeat's path */
	strbuf forms;         /* the form ids seen: "'a', 'b'" */
	char *near[NEAR_MAX]; /* the closest names, by distance */
	int dist[NEAR_MAX];
	char **seen;          /* sha256 of each questionnaire loaded */
	int nseen;
};

/* Edit distance of two short strings (bytes), capped at 9. */
static int distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return 9;
	int row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j], best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb] > 9 ? 9 : row[lb];
}

static void add_near(struct qsearch *qs, const char *name)
{
	int d = distance(qs->q, name), limit = (int)strlen(qs->q) / 3;
	if (d > (limit > 2 ? limit : 2))
		return;
	for (int i = 0; i < NEAR_MAX; i++)
		if (qs->near[i] && strcmp(qs->near[i], name) == 0)
			return;
	int at = NEAR_MAX;
	while (at > 0 && (!qs->near[at - 1] || qs->dist[at - 1] > d))
		at--;
	if (at == NEAR_MAX)
		return;
	free(qs->near[NEAR_MAX - 1]);
	memmove(&qs->near[at + 1], &qs->near[at], sizeof *qs->near * (NEAR_MAX - 1 - at));
	memmove(&qs->dist[at + 1], &qs->dist[at], sizeof *qs->dist * (NEAR_MAX - 1 - at));
	qs->near[at] = xstrdup(name);
	qs->dist[at] = d;
}

/* One question of a questionnaire searched (store_question_fn): stops the walk once found. */
static int search_question(void *arg, const char *name, const char *path, const char *repeat)
{
	struct qsearch *qs = arg;
	int by_path = strchr(qs->q, '/') || strchr(qs->q, '[');
	if (!by_path && strcmp(name, qs->q) == 0) {
		if (!repeat) {
			qs->found = 1;
		} else if (!qs->found) {
			qs->found = 2;
			qs->repeat = xstrdup(repeat);
		}
	}
	add_near(qs, by_path ? path : name);
	return qs->found == 1;
}

static void search_form(struct qsearch *qs, const store_form_ops *ops, const store_form *f)
{
	if ((strchr(qs->q, '/') || strchr(qs->q, '[')) && ops->node(f, qs->q) >= 0)
		qs->found = 1;
	if (qs->found != 1)
		ops->questions(f, search_question, qs);
	char *id = termsafe_quoted(ops->id(f), 60);
	if (!strstr(sb_str(&qs->forms), id))
		sb_addf(&qs->forms, "%s%s", qs->forms.len ? ", " : "", id);
	free(id);
}

/* Search the questionnaires of one database (each distinct one loaded once). */
static void search_db(struct qsearch *qs, const char *path)
{
	store *st;
	char err[ERR_MAX];
	if (store_open(path, STORE_READONLY, &st, err))
		return;   /* the command says why when it reads it */
	sqlite3_stmt *s;
	if (store_prepare(st->db, "SELECT sha256, source_name, source_kind, source FROM forms",
			  &s, err) == 0) {
		while (qs->found != 1 && sqlite3_step(s) == SQLITE_ROW) {
			const char *sha = (const char *)sqlite3_column_text(s, 0);
			int seen = 0;
			for (int i = 0; i < qs->nseen && !seen; i++)
				seen = sha && strcmp(qs->seen[i], sha) == 0;
			if (seen || !sha)
				continue;
			qs->seen = xreallocarray(qs->seen, (size_t)qs->nseen + 1, sizeof *qs->seen);
			qs->seen[qs->nseen++] = xstrdup(sha);
			const char *name = (const char *)sqlite3_column_text(s, 1);
			const char *kind = (const char *)sqlite3_column_text(s, 2);
			const void *bytes = sqlite3_column_blob(s, 3);
			const store_form_ops *ops = store_form_ops_get();
			store_form *f = name && kind && ops ? ops->load(name, kind, bytes ? bytes : "",
					(size_t)sqlite3_column_bytes(s, 3), err) : NULL;
			if (f) {
				search_form(qs, ops, f);
				ops->release(f);
			}
		}
		sqlite3_finalize(s);
	}
	store_close(st);
}

int store_question_known(const char *const *paths, int npaths, const char *question,
			 store_qknown *how, char *err)
{
	struct qsearch qs = { .q = question, .forms = STRBUF_INIT };
	store_qknown none;
	if (!how)
		how = &none;
	memset(how, 0, sizeof *how);
	for (int i = 0; i < npaths && qs.found != 1; i++)
		search_db(&qs, paths[i]);
	int rc = 0;
	char *q = termsafe_quoted(question, 60);
	if (qs.found == 2) {
		char *r = termsafe_quoted(qs.repeat, 60);
		rc = errf(err, "question %s is inside the repeat %s: name one instance's answer, "
			  "as %.*s[1]/...'", q, r, (int)strlen(r) - 1, r);
		free(r);
		how->why = STORE_Q_IN_REPEAT;
		snprintf(how->repeat, sizeof how->repeat, "%s", qs.repeat);
	} else if (!qs.found) {
		how->why = STORE_Q_NONE;
		strbuf near = STRBUF_INIT;
		for (int i = 0; i < NEAR_MAX && qs.near[i]; i++) {
			char *n = termsafe_quoted(qs.near[i], 60);
			sb_addf(&near, "%s%s", i ? ", " : "", n);
			free(n);
		}
		if (!qs.forms.len)
			rc = errf(err, "no question %s: no questionnaire could be read", q);
		else
			rc = errf(err, "no question %s in the questionnaire%s %s%s%s%s", q,
				  strchr(sb_str(&qs.forms), ',') ? "s" : "", sb_str(&qs.forms),
				  near.len ? " (close: " : "", sb_str(&near), near.len ? ")" : "");
		sb_release(&near);
	}
	free(q);
	free(qs.repeat);
	for (int i = 0; i < NEAR_MAX; i++)
		free(qs.near[i]);
	for (int i = 0; i < qs.nseen; i++)
		free(qs.seen[i]);
	free(qs.seen);
	sb_release(&qs.forms);
	return rc;
}
