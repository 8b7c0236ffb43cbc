/* build_util.c: the report builder's small helpers — numbers, dates and sentences in the
 * report's language, grid cells, a table's filter and options. */
#include "report/build_impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

char *rb_num(const struct ctx *c, double v, report_num kind)
{
	strbuf sb = STRBUF_INIT;
	report_fmt(&sb, c->lang, v, kind);
	return sb_detach(&sb);
}

/* A sentence with up to four string blanks, added to l. */
void rb_say(const struct ctx *c, report_strs *l, report_sentence s, const char *a,
		const char *b, const char *d, const char *e)
{
	strbuf sb = STRBUF_INIT;
	report_say(&sb, c->lang, s, 4, a, b, d, e);
	report_strs_add(l, sb_str(&sb));
	sb_release(&sb);
}

char *rb_say_str(const struct ctx *c, report_sentence s, const char *a, const char *b,
		     const char *d)
{
	strbuf sb = STRBUF_INIT;
	report_say(&sb, c->lang, s, 3, a, b, d);
	return sb_detach(&sb);
}

const char *rb_word(const struct ctx *c, report_word_id w)
{
	return report_word(c->lang, w);
}

const char *rb_text(const struct ctx *c, const report_text *t)
{
	return report_spec_text(c->s, t, c->slang);
}

/* A day "YYYY-MM-DD" as the language writes it: 01.10.2021 in ky and ru, ISO otherwise.
 * malloc'd. */
char *rb_day(const struct ctx *c, const char *iso)
{
	int y, m, d;
	if ((!strcmp(c->lang, "ky") || !strcmp(c->lang, "ru")) &&
	    sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
		return xasprintf("%02d.%02d.%04d", d, m, y);
	return xstrdup(iso);
}

/* The filter of a table: the settings' and the row's, both kept. malloc'd or NULL. */
char *rb_where(const struct ctx *c, const report_item *it)
{
	if (c->s->where && it->where)
		return xasprintf("(%s) and (%s)", c->s->where, it->where);
	return xstrdup(it->where ? it->where : c->s->where);
}

void rb_label(char **slot, const char *s)
{
	free(*slot);
	*slot = xstrdup(s ? s : "");
}

void rb_set(report_grid *g, int i, int j, int k, double v, report_num kind)
{
	size_t at = report_grid_at(g, i, j, k);
	g->v[at] = v;
	g->kind[at] = (unsigned char)kind;
}

/* The "Interviews counted" line of a table. */
void rb_base_line(const struct ctx *c, report_table *t, double n, const char *where,
		  double missing)
{
	char *ns = rb_num(c, n, REPORT_N_COUNT);
	strbuf sb = STRBUF_INIT;
	if (where)
		report_say(&sb, c->lang, RS_BASE_WHERE, 2, ns, where);
	else
		report_say(&sb, c->lang, RS_BASE, 1, ns);
	free(ns);
	if (missing > 0) {
		char *ms = rb_num(c, missing, REPORT_N_COUNT);
		sb_addc(&sb, ' ');
		report_say(&sb, c->lang, RS_MISSING, 1, ms);
		free(ms);
	}
	free(t->base);
	t->base = sb_detach(&sb);
}

void rb_opts(struct ctx *c, const report_item *it, analysis_opts *o, char **where)
{
	/* survey tab's defaults (Fisher's Monte Carlo seed 1), so that our numbers are its */
	*o = (analysis_opts){ .lang = c->lang, .fisher = { .seed = 1 } };
	*where = rb_where(c, it);
	/* don't know left out: the same filter `survey tab --where` would take */
	char *dk = rb_dk_filter(c, it);
	if (dk) {
		char *w = *where ? xasprintf("(%s) and (%s)", *where, dk) : xstrdup(dk);
		free(*where);
		free(dk);
		*where = w;
	}
	o->where = *where;
	o->weight = it->weight ? it->weight : c->s->weight;
	/* Fisher's test above 2x2 only where the table shows it: small expected counts (see
	 * tab_tests), unless the author asked for it */
	o->fisher_rxc_small = !rb_lists_stat(it, "fisher_exact");
}

int rb_lists_stat(const report_item *it, const char *key)
{
	for (int i = 0; i < it->nstats; i++)
		if (!strcmp(it->stats[i], key))
			return 1;
	return 0;
}

double rb_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
