/* form_dump.c: a canonical text dump of a form model, one item per line — used by tests to
 * compare the model read from .xlsx, .csv and .md, and handy when debugging a form. */
#include "form/form_impl.h"

static void text_line(strbuf *sb, const form *f, const char *what, char *const *t)
{
	for (int l = 0; t && l < f->nlangs; l++)
		if (t[l])
			sb_addf(sb, "  %s[%s] %s\n", what, f->langs[l].name, t[l]);
}

static const char *text_name(int k)
{
	static const char *const n[FORM_NTEXTS] = { "label", "hint", "required_message",
						   "constraint_message" };
	return n[k];
}

void form_dump(const form *f, strbuf *sb, int with_rows)
{
	sb_addf(sb, "form id=%s version=%s title=%s style=%s\n", f->id, f->version, f->title,
		f->style);
	if (f->instance_name_src)
		sb_addf(sb, "instance_name %s\n", f->instance_name_src);
	for (int l = 0; l < f->nlangs; l++)
		sb_addf(sb, "lang %d %s code=%s%s\n", l, f->langs[l].name,
			f->langs[l].code ? f->langs[l].code : "-",
			l == f->default_lang ? " default" : "");
	for (int i = 0; i < f->nchoice_columns; i++)
		sb_addf(sb, "choice_column %s\n", f->choice_columns[i]);
	for (int li = 0; li < f->nlists; li++) {
		const form_list *L = &f->lists[li];
		sb_addf(sb, "list %s\n", L->name);
		for (int c = 0; c < L->nchoices; c++) {
			const form_choice *ch = &L->choices[c];
			sb_addf(sb, " choice %s", ch->name);
			if (with_rows)
				sb_addf(sb, " row=%d", ch->row);
			sb_addc(sb, '\n');
			text_line(sb, f, "label", ch->label);
			for (int e = 0; ch->extra && e < f->nchoice_columns; e++)
				if (*ch->extra[e])
					sb_addf(sb, "  %s=%s\n", f->choice_columns[e], ch->extra[e]);
		}
	}
	for (int i = 0; i < f->nnodes; i++) {
		const form_node *n = &f->nodes[i];
		sb_addf(sb, "node %d %s %s path=%s parent=%d end=%d repeat=%d", i,
			form_type_name(n->type), *n->name ? n->name : "-", n->path, n->parent, n->end,
			n->repeat);
		if (with_rows)
			sb_addf(sb, " row=%d", n->row);
		if (n->generated)
			sb_adds(sb, " generated");
		if (n->other >= 0)
			sb_addf(sb, " other=%d", n->other);
		if (n->list >= 0)
			sb_addf(sb, " list=%s", f->lists[n->list].name);
		if (n->required)
			sb_adds(sb, " required");
		if (n->read_only)
			sb_adds(sb, " read_only");
		sb_addc(sb, '\n');
		if (*n->appearance)
			sb_addf(sb, "  appearance %s\n", n->appearance);
		if (*n->parameters)
			sb_addf(sb, "  parameters %s\n", n->parameters);
		if (n->type == FORM_RANGE) {
			char a[32], b[32], c[32];
			sb_addf(sb, "  range %s %s %s\n", cnum_text(a, n->range_start, 15, NULL),
				cnum_text(b, n->range_end, 15, NULL), cnum_text(c, n->range_step, 15, NULL));
		}
		if (n->default_value)
			sb_addf(sb, "  default %s\n", n->default_value);
		for (int k = 0; k < FORM_NTEXTS; k++)
			text_line(sb, f, text_name(k), n->text[k]);
		for (int k = 0; k < FORM_NEXPRS; k++)
			if (n->src[k])
				sb_addf(sb, "  %s %s\n", form_expr_column(k), n->src[k]);
		if (n->ndependents) {
			sb_adds(sb, "  dependents");
			for (int d = 0; d < n->ndependents; d++)
				sb_addf(sb, " %d", n->dependents[d]);
			sb_addc(sb, '\n');
		}
	}
	sb_adds(sb, "calc_order");
	for (int i = 0; i < f->ncalc; i++)
		sb_addf(sb, " %d", f->calc_order[i]);
	sb_adds(sb, "\neval_order");
	for (int i = 0; i < f->neval; i++)
		sb_addf(sb, " %d", f->eval_order[i]);
	sb_addc(sb, '\n');
}
