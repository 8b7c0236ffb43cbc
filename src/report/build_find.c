/* build_find.c: the key findings — sentences collected per section while the tables are built
 * (the top answers of each frequency, each significant difference of a cross-tab) and put at
 * the top of the report; and the small helpers they share (table references, quotes, don't
 * know, short labels). */
#include "report/build_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fsec {
	char *title;
	report_strs items, data;
};

void rb_find_section(struct ctx *c, const char *title)
{
	c->fsec = xreallocarray(c->fsec, (size_t)c->nfsec + 1, sizeof *c->fsec);
	struct fsec *f = &c->fsec[c->nfsec++];
	memset(f, 0, sizeof *f);
	f->title = xstrdup(title ? title : "");
}

void rb_find_add(struct ctx *c, const char *sentence, const char *data)
{
	if (c->in_methods)
		return;   /* who was interviewed is not a finding */
	if (!c->nfsec)
		rb_find_section(c, "");
	struct fsec *f = &c->fsec[c->nfsec - 1];
	report_strs_add(&f->items, sentence);
	report_strs_add(&f->data, data ? data : "");
}

void rb_find_emit(struct ctx *c, int at)
{
	report_doc *d = c->doc;
	int from = d->nblocks, any = 0;
	report_doc_heading(d, 1, "findings", rb_word(c, RW_FINDINGS));
	for (int i = 0; i < c->nfsec; i++) {
		struct fsec *f = &c->fsec[i];
		if (!f->items.n)
			continue;
		if (*f->title)
			report_doc_heading(d, 2, NULL, f->title);
		report_doc_list(d, &f->items, &f->data);
		any = 1;
	}
	if (!any)
		report_doc_para(d, rb_word(c, RW_FINDINGS_NONE));
	report_doc_move(d, from, at);
}

void rb_find_release(struct ctx *c)
{
	for (int i = 0; i < c->nfsec; i++) {
		free(c->fsec[i].title);
		report_strs_release(&c->fsec[i].items);
		report_strs_release(&c->fsec[i].data);
	}
	free(c->fsec);
	c->fsec = NULL;
	c->nfsec = 0;
}

int rb_table_no(const struct ctx *c)
{
	int n = 1;
	for (int i = 0; i < c->doc->nblocks; i++)
		n += c->doc->blocks[i].kind == REPORT_B_TABLE;
	return n;
}

char *rb_table_ref(const struct ctx *c, int no)
{
	if (!strcmp(c->lang, "ky"))
		return xasprintf("%d-таблица", no);
	if (!strcmp(c->lang, "ru"))
		return xasprintf("таблица %d", no);
	return xasprintf("table %d", no);
}

char *rb_quote(const struct ctx *c, const char *s)
{
	strbuf sb = STRBUF_INIT;
	report_quote(&sb, c->lang, s);
	return sb_detach(&sb);
}

char *rb_p_text(const struct ctx *c, double p, int approx)
{
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "p");
	if (p >= 0.001)
		sb_adds(&sb, approx ? "\xc2\xa0\xe2\x89\x88\xc2\xa0" : "\xc2\xa0=\xc2\xa0");
	else
		sb_adds(&sb, "\xc2\xa0");
	report_fmt(&sb, c->lang, p, REPORT_N_P);
	return sb_detach(&sb);
}

const char *const *rb_dk_codes(const struct ctx *c, int *n)
{
	static const char *const def[] = { "dont_know" };
	if (c->s->ndk_codes) {
		*n = c->s->ndk_codes;
		return (const char *const *)c->s->dk_codes;
	}
	*n = 1;
	return def;
}

int rb_is_dk(const struct ctx *c, const char *v)
{
	int n;
	const char *const *codes = rb_dk_codes(c, &n);
	for (int i = 0; v && i < n; i++)
		if (!strcmp(codes[i], v))
			return 1;
	return 0;
}

int rb_dk_excluded(const struct ctx *c, const report_item *it)
{
	if (it->kind != REPORT_FREQ && it->kind != REPORT_TAB)
		return 0;
	report_dk dk = it->dont_know ? it->dont_know : c->s->dont_know;
	return dk == REPORT_DK_EXCLUDE;
}

/* Add to sb the clause leaving out the don't-know choices of question name, if it has any. */
static void dk_clause(struct ctx *c, const char *name, strbuf *sb)
{
	analysis_var v;
	char why[ERR_MAX];
	if (!name || analysis_resolve(c->db, name, -1, &v, why))
		return;
	for (int k = 0; k < v.nvalid; k++) {
		if (!rb_is_dk(c, v.cats[k].value))
			continue;
		/* choice names are XLSForm names: no quote to escape */
		if (sb->len)
			sb_adds(sb, " and ");
		if (v.vtype == ANALYSIS_MULTIPLE)
			sb_addf(sb, "not(selected(${%s}, '%s'))", name, v.cats[k].value);
		else
			sb_addf(sb, "${%s} != '%s'", name, v.cats[k].value);
	}
	analysis_var_release(&v);
}

char *rb_dk_filter(struct ctx *c, const report_item *it)
{
	if (!rb_dk_excluded(c, it))
		return NULL;
	strbuf sb = STRBUF_INIT;
	dk_clause(c, it->var_row, &sb);
	dk_clause(c, it->var_col, &sb);
	if (!sb.len) {
		sb_release(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}

const char *rb_short(const struct ctx *c, const char *name, const char *full)
{
	const char *s = report_spec_label(c->s, name, c->slang);
	return s ? s : full;
}

void rb_dk_line(struct ctx *c, const report_item *it, const char *shown, report_table *t)
{
	char *dkf = rb_dk_filter(c, it);
	if (!dkf)
		return;
	char *w = shown ? xasprintf("(%s) and not(%s)", shown, dkf) : xasprintf("not(%s)", dkf);
	free(dkf);
	analysis_opts o = { .lang = c->lang, .where = w };   /* interviews, unweighted */
	const char *var = it->var_row;
	analysis_freq *f;
	char why[ERR_MAX];
	int rc = analysis_freq_run(c->db, &var, 1, &o, &f, why);
	free(w);
	if (rc)
		return;   /* the table itself was computed: leave the count out */
	double left = f->n_cases;
	analysis_freq_free(f, 1);
	char *dk = rb_quote(c, rb_word(c, RW_DONT_KNOW));
	char *n = rb_num(c, left, REPORT_N_COUNT);
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, t->base ? t->base : "");
	if (sb.len)
		sb_addc(&sb, ' ');
	report_say(&sb, c->lang, RS_DK_LEFT_OUT, 2, dk, n);
	free(t->base);
	t->base = sb_detach(&sb);
	free(dk);
	free(n);
}

int rb_ordinal(const analysis_var *v, const int *idx, int n)
{
	if (n < 3)
		return 0;
	for (int k = 0; k < n; k++) {
		const char *s = v->cats[idx ? idx[k] : k].value;
		char *end;
		if (!s || !*s)
			return 0;
		(void)strtol(s, &end, 10);
		if (*end)
			return 0;
	}
	return 1;
}
