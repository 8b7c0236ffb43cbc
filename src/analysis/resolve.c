/* resolve.c: names of questions to nodes of the questionnaire and to answer paths in each of
 * its versions ("oblast" -> "respondent/oblast", "partners[2]/partner_type"). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis_impl.h"
#include "util/util.h"

/* Split "a[2]/b/c[10]" into the path without instance numbers ("a/b/c") and the numbers.
 * -1 when a bracket is malformed or there are too many. */
static int split_path(const char *name, strbuf *base, int *inst, int *ninst)
{
	*ninst = 0;
	for (const char *p = name; *p; p++) {
		if (*p != '[') {
			sb_addc(base, *p);
			continue;
		}
		char *end;
		long k = strtol(p + 1, &end, 10);
		if (end == p + 1 || *end != ']' || k < 1 || k > 1000000 || *ninst == 8 ||
		    (end[1] && end[1] != '/'))
			return -1;
		inst[(*ninst)++] = (int)k;
		p = end;
	}
	return 0;
}

static int find_path(const form *f, const char *path)
{
	for (int i = 1; i < f->nnodes; i++)
		if (strcmp(f->nodes[i].path, path) == 0)
			return i;
	return -1;
}

/* Repeats enclosing node i, outermost first, into rep[] (at most 8); returns their number. */
static int enclosing_repeats(const form *f, int i, int *rep)
{
	int n = 0, tmp[64];
	for (int r = f->nodes[i].repeat; r >= 0 && n < 64; r = f->nodes[r].repeat)
		tmp[n++] = r;
	for (int k = 0; k < n && k < 8; k++)
		rep[k] = tmp[n - 1 - k];
	return n;
}

static const char *kind_word(form_type t)
{
	switch (t) {
	case FORM_ROOT:
	case FORM_GROUP: return "a group";
	case FORM_REPEAT: return "a repeat";
	case FORM_NOTE: return "a note";
	default: return NULL;
	}
}

int an_find(analysis_db *db, const char *name, const char *what, an_ref *out, char *err)
{
	const form *f = db->newest;
	char pre[80] = "";
	if (what)
		snprintf(pre, sizeof pre, "%s: ", what);
	memset(out, 0, sizeof *out);
	strbuf base = STRBUF_INIT;
	int node = -1;
	if (!*name) {
		sb_release(&base);
		return errf(err, "%sthe question name is empty", pre);
	}
	if (split_path(name, &base, out->inst, &out->ninst)) {
		sb_release(&base);
		return errf(err, "%sbad instance number in '%s' (write 'repeat[2]/question')", pre,
			    name);
	}
	if (strchr(sb_str(&base), '/') || out->ninst) {
		node = find_path(f, sb_str(&base));
	} else {
		node = form_find(f, name);
		if (node < 0) {
			strbuf many = STRBUF_INIT;
			int count = 0;
			for (int i = 1; i < f->nnodes; i++)
				if (strcmp(f->nodes[i].name, name) == 0)
					sb_addf(&many, "%s'%s'", count++ ? ", " : "",
						f->nodes[i].path);
			if (count > 1) {
				errf(err, "%s'%s' names several questions (%s); name one by its path",
				     pre, name, sb_str(&many));
				sb_release(&many);
				sb_release(&base);
				return -1;
			}
			sb_release(&many);
		}
	}
	sb_release(&base);
	if (node <= 0)
		return errf(err, "%sno question '%s' in form '%s'; see 'survey check --dump'", pre,
			    name, db->form_id);
	const form_node *nd = &f->nodes[node];
	if (kind_word(nd->type))
		return errf(err, "%s'%s' is %s, not a question", pre, name, kind_word(nd->type));
	int rep[8];
	int nrep = enclosing_repeats(f, node, rep);
	if (nrep > 8)
		return errf(err, "%s'%s' is nested in too many repeats", pre, name);
	if (out->ninst == 0 && nrep > 0)
		return errf(err, "%s'%s' is inside repeat '%s': name one instance, as '%s[1]/...'",
			    pre, name, f->nodes[rep[0]].name, f->nodes[rep[0]].path);
	if (out->ninst != nrep)
		return errf(err, "%s'%s' has %d instance number%s but the question is in %d "
			    "repeat%s", pre, name, out->ninst, out->ninst == 1 ? "" : "s", nrep,
			    nrep == 1 ? "" : "s");
	out->node = node;
	return 0;
}

/* The answer path of node i of f with instance numbers inst[]; NULL if the repeat count
 * differs. */
static char *answer_path(const form *f, int i, const an_ref *ref)
{
	int chain[64], n = 0;
	for (int p = i; p > 0 && n < 64; p = f->nodes[p].parent)
		chain[n++] = p;
	strbuf sb = STRBUF_INIT;
	int k = 0;
	for (int c = n - 1; c >= 0; c--) {
		const form_node *nd = &f->nodes[chain[c]];
		sb_addf(&sb, "%s%s", c == n - 1 ? "" : "/", nd->name);
		if (nd->type == FORM_REPEAT && chain[c] != i) {
			if (k >= ref->ninst) {
				sb_release(&sb);
				return NULL;
			}
			sb_addf(&sb, "[%d]", ref->inst[k++]);
		}
	}
	if (k != ref->ninst) {
		sb_release(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}

char *an_version_path(const analysis_db *db, const an_ref *ref, int k)
{
	const form *nf = db->newest;
	const form *f = k >= 0 && db->forms[k] ? db->forms[k] : nf;
	if (f == nf)
		return answer_path(nf, ref->node, ref);
	int i = form_find(f, nf->nodes[ref->node].name);
	if (i < 0)
		i = find_path(f, nf->nodes[ref->node].path);
	if (i <= 0 || kind_word(f->nodes[i].type))
		return NULL;
	return answer_path(f, i, ref);
}

void an_var_init(analysis_db *db, const an_ref *ref, const char *name, int lang,
		 analysis_var *v)
{
	const form *f = db->newest;
	const form_node *nd = &f->nodes[ref->node];
	memset(v, 0, sizeof *v);
	v->name = xstrdup(name);
	v->path = an_version_path(db, ref, -1);
	const char *label = form_text(f, ref->node, FORM_LABEL, lang);
	v->label = xstrdup(label ? label : nd->name);
	v->type = nd->type;
	switch (nd->type) {
	case FORM_SELECT_MULTIPLE:
		v->vtype = ANALYSIS_MULTIPLE;
		break;
	case FORM_INTEGER:
	case FORM_DECIMAL:
	case FORM_RANGE:
	case FORM_CALCULATE:
	case FORM_HIDDEN:
		v->vtype = ANALYSIS_NUMERIC;   /* calculate and hidden: until a value is not */
		break;
	default:
		v->vtype = ANALYSIS_CATEGORICAL;
	}
}

const char *an_missing_label(const analysis_db *db, analysis_missing m, int lang)
{
	static const char *const w[ANALYSIS_NMISSING][3] = {   /* en, ky, ru */
		[ANALYSIS_DONT_KNOW] = { "Don't know", "Билбейт", "Не знает" },
		[ANALYSIS_REFUSED] = { "Refused", "Баш тартты", "Отказ от ответа" },
		[ANALYSIS_SKIPPED] = { "Skipped", "Өткөрүлүп жиберилди", "Пропущено" },
		[ANALYSIS_EMPTY] = { "No answer", "Жооп жок", "Нет ответа" },
	};
	const form *f = db->newest;
	int l = lang >= 0 ? lang : f->default_lang;
	const char *code = l >= 0 && l < f->nlangs ? f->langs[l].code : NULL;
	int k = 0;
	if (code && ascii_casecmp(code, "ky") == 0)
		k = 1;
	else if (code && ascii_casecmp(code, "ru") == 0)
		k = 2;
	return w[m][k];
}

int an_is_integer(const char *s)
{
	char *end;
	if (!*s || isspace((unsigned char)*s))
		return 0;
	strtol(s, &end, 10);
	return !*end;
}

void an_choice_cats(analysis_db *db, int node, int lang, analysis_var *v)
{
	const form_list *l = form_node_list(db->newest, node);
	if (!l || db->newest->nodes[node].type == FORM_RANK)
		return;   /* a rank's values are whole orders, not its choices */
	int all_int = l->nchoices > 0;
	for (int c = 0; c < l->nchoices && all_int; c++)
		all_int = an_is_integer(l->choices[c].name);
	v->cats = xcalloc((size_t)l->nchoices + 1, sizeof *v->cats);
	for (int c = 0; c < l->nchoices; c++) {
		analysis_cat *a = &v->cats[c];
		const char *label = form_choice_label(db->newest, &l->choices[c], lang);
		a->value = xstrdup(l->choices[c].name);
		a->label = xstrdup(label ? label : l->choices[c].name);
		a->score = all_int ? strtod(l->choices[c].name, NULL) : c + 1;
		a->in_form = 1;
	}
	v->ncat = v->nvalid = l->nchoices;
}

int analysis_resolve(analysis_db *db, const char *name, int lang, analysis_var *out, char *err)
{
	an_ref ref;
	memset(out, 0, sizeof *out);
	if (an_find(db, name, NULL, &ref, err))
		return -1;
	an_var_init(db, &ref, name, lang, out);
	an_choice_cats(db, ref.node, lang, out);
	return 0;
}

void analysis_var_release(analysis_var *v)
{
	if (!v)
		return;
	for (int c = 0; c < v->ncat; c++) {
		free(v->cats[c].value);
		free(v->cats[c].label);
	}
	free(v->cats);
	free(v->name);
	free(v->path);
	free(v->label);
	memset(v, 0, sizeof *v);
}

void an_var_copy(analysis_var *dst, const analysis_var *src)
{
	*dst = *src;
	dst->name = xstrdup(src->name);
	dst->path = xstrdup(src->path);
	dst->label = xstrdup(src->label);
	dst->cats = xcalloc((size_t)src->ncat + 1, sizeof *dst->cats);
	for (int c = 0; c < src->ncat; c++) {
		dst->cats[c] = src->cats[c];
		dst->cats[c].value = xstrdup(src->cats[c].value);
		dst->cats[c].label = xstrdup(src->cats[c].label);
	}
}
