/* cmd_list_frame.c: `survey list DB --by COLUMN` on a file with a sample frame (issue 15) —
 * progress against the frame: units, assigned, started, complete, approved and % of the frame
 * complete per value of COLUMN (its choice label in the listing's language, and the code) and
 * per interviewer, then the units never reached. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_list_labels.h"
#include "store/fieldwork.h"
#include "ui/i18n.h"
#include "ui/text.h"
#include "util/termsafe.h"
#include "util/util.h"

/* The counts of one group of units. */
struct fw_group {
	const char *name;     /* the value or the interviewer (borrowed from the units) */
	const char *label;    /* a value's choice label (borrowed), else name */
	int rank;             /* a value's place in its choice list (cmd_labels_rank) */
	int units, assigned, started, complete, approved;
};

static void tally(struct fw_group *g, const store_unit *u)
{
	g->units++;
	g->assigned += u->interviewer != NULL;
	g->started += u->state != UNIT_TODO;
	g->complete += u->state == UNIT_DONE || u->state == UNIT_RETURNED ||
		       u->state == UNIT_APPROVED;
	g->approved += u->state == UNIT_APPROVED;
}

/* The group named name in g (n of them), added when absent. */
static struct fw_group *group(struct fw_group **g, int *n, const char *name)
{
	for (int i = 0; i < *n; i++)
		if (strcmp((*g)[i].name, name) == 0)
			return &(*g)[i];
	*g = xreallocarray(*g, (size_t)*n + 1, sizeof **g);
	memset(&(*g)[*n], 0, sizeof **g);
	(*g)[*n].name = (*g)[*n].label = name;
	return &(*g)[(*n)++];
}

/* Strata in the order of their choice list (the questionnaire's order: oblasts as the form
 * lists them), values that are no choice after them by their text. */
static int by_rank(const void *a, const void *b)
{
	const struct fw_group *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int pct(const struct fw_group *g)
{
	return g->units ? (int)((200LL * g->complete + g->units) / (2LL * g->units)) : 0;
}

/* Lines are kept to this width when the names allow it: a longer name goes on a line of its
 * own, its counts on the next (as df does). */
#define LINE_COLS 80

/* A group's name as shown (not yet escaped): a value's label with its code in brackets
 * ("Чүй облусу (chuy)"), or the name alone (an interviewer, a value without a label); no value
 * at all in words. */
static void shown_name(strbuf *sb, const struct fw_group *g)
{
	sb_adds(sb, *g->label ? g->label : ui_tr(UI_M_NO_ANSWER));
	if (strcmp(g->label, g->name) != 0)
		sb_addf(sb, " (%s)", g->name);
}

static void pad(int from, int to)
{
	for (; from < to; from++)
		putchar(' ');
}

static const enum ui_msg heads[] = { UI_M_FW_UNITS, UI_M_FW_ASSIGNED, UI_M_FW_STARTED,
				     UI_M_FW_COMPLETE, UI_M_FW_APPROVED, UI_M_FW_PCT };
#define NHEADS (int)(sizeof heads / sizeof *heads)

static void print_table(const char *title, const struct fw_group *g, int n,
			const struct fw_group *total)
{
	int cw[NHEADS], counts = 0;
	for (int h = 0; h < NHEADS; h++) {
		cw[h] = ui_width(ui_tr(heads[h])) > 6 ? ui_width(ui_tr(heads[h])) : 6;
		counts += 2 + cw[h];
	}
	int nrows = n + (total != NULL);
	strbuf *names = xcalloc((size_t)nrows + 1, sizeof *names);
	termsafe_adds(&names[nrows], title, TERMSAFE_ONE_LINE);
	int widest = 0, w = ui_width(sb_str(&names[nrows]));
	for (int i = 0; i < nrows; i++) {   /* each escaped for the terminal */
		strbuf raw = STRBUF_INIT;
		shown_name(&raw, i < n ? &g[i] : total);
		termsafe_adds(&names[i], sb_str(&raw), TERMSAFE_ONE_LINE);
		sb_release(&raw);
		if (ui_width(sb_str(&names[i])) > widest)
			widest = ui_width(sb_str(&names[i]));
	}
	/* the names' column: as wide as the widest name, but no line wider than LINE_COLS */
	int room = LINE_COLS - counts;   /* the most the names may take */
	if (widest > w)
		w = widest < room ? widest : room > w ? room : w;
	fputs(sb_str(&names[nrows]), stdout);
	pad(ui_width(sb_str(&names[nrows])), w);
	for (int h = 0; h < NHEADS; h++) {
		pad(ui_width(ui_tr(heads[h])), cw[h] + 2);
		fputs(ui_tr(heads[h]), stdout);
	}
	putchar('\n');
	for (int i = 0; i < nrows; i++) {
		const struct fw_group *r = i < n ? &g[i] : total;
		int nw = ui_width(sb_str(&names[i]));
		fputs(sb_str(&names[i]), stdout);
		if (nw > w) {
			putchar('\n');
			nw = 0;
		}
		pad(nw, w);
		int v[NHEADS] = { r->units, r->assigned, r->started, r->complete, r->approved,
				  pct(r) };
		for (int h = 0; h < NHEADS; h++)
			printf(h == NHEADS - 1 ? "  %*d%%" : "  %*d", h == NHEADS - 1 ? cw[h] - 1 :
			       cw[h], v[h]);
		putchar('\n');
	}
	for (int i = 0; i <= nrows; i++)
		sb_release(&names[i]);
	free(names);
}

/* A group as a JSON object: key (value or interviewer), a stratum's label (with_label), its
 * counts. */
static void json_group(json_w *w, const struct fw_group *g, const char *key, int with_label)
{
	static const char *const keys[] = { "units", "assigned", "started", "complete",
					    "approved", "percent_complete" };
	const long long v[] = { g->units, g->assigned, g->started, g->complete, g->approved,
				pct(g) };
	jw_obj(w);
	jw_kstr(w, key, g->name);
	if (with_label)
		jw_kstr(w, "label", g->label);
	jw_kints(w, keys, v, 6);
	jw_end(w);
}

/* The progress as one JSON document on stdout. */
static void print_json(const char *by, const struct fw_group *strata, int ns,
		       const struct fw_group *people, int np, const struct fw_group *total,
		       const store_unit *u, int n, const cmd_labels *labels)
{
	json_w w;
	jw_init(&w, stdout, 1);
	jw_obj(&w);
	jw_kstr(&w, "by", by);
	jw_key(&w, "strata");
	jw_arr(&w);
	for (int i = 0; i < ns; i++)
		json_group(&w, &strata[i], "value", 1);
	jw_end(&w);
	jw_key(&w, "interviewers");
	jw_arr(&w);
	for (int i = 0; i < np; i++)
		json_group(&w, &people[i], "interviewer", 0);
	jw_end(&w);
	jw_key(&w, "total");
	json_group(&w, total, "value", 0);
	jw_key(&w, "never_reached");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		if (u[i].state == UNIT_TODO) {
			static const char *const keys[] = { "unit_id", "value", "label",
							    "interviewer" };
			const char *const vals[] = { u[i].unit_id, u[i].label,
						     cmd_labels_of(labels, u[i].label),
						     u[i].interviewer };
			jw_obj(&w);
			jw_kstrs(&w, keys, vals, 4);
			jw_end(&w);
		}
	jw_end(&w);
	jw_end(&w);
	putchar('\n');
}

int cmd_list_frame(store *st, const char *by, int json)
{
	char err[ERR_MAX];
	store_unit *u;
	int n, has;
	if (store_frame_progress(st, by, &u, &n, &has, err))
		return cmd_fail("%s", err);
	if (!has)
		return -1;
	cmd_labels *labels = cmd_labels_load(st, by);
	struct fw_group *strata = NULL, *people = NULL,
			total = { .name = ui_tr(UI_M_FW_TOTAL), .label = ui_tr(UI_M_FW_TOTAL) };
	int ns = 0, np = 0, never = 0;
	for (int i = 0; i < n; i++) {
		struct fw_group *s = group(&strata, &ns, u[i].label);
		s->label = cmd_labels_of(labels, s->name);
		s->rank = cmd_labels_rank(labels, s->name);
		tally(s, &u[i]);
		if (u[i].interviewer)
			tally(group(&people, &np, u[i].interviewer), &u[i]);
		tally(&total, &u[i]);
		never += u[i].state == UNIT_TODO;
	}
	if (ns > 1)
		qsort(strata, (size_t)ns, sizeof *strata, by_rank);
	if (json) {
		total.name = total.label = "";
		print_json(by, strata, ns, people, np, &total, u, n, labels);
	} else {
		cmd_put_line(stdout, ui_tr(UI_M_FW_TITLE), by);
		print_table(by, strata, ns, &total);
		if (np) {
			putchar('\n');
			print_table(ui_tr(UI_M_FW_INTERVIEWER), people, np, NULL);
		}
		putchar('\n');
		cmd_put_line(stdout, ui_tr(UI_M_FW_NEVER), never);
		for (int i = 0; i < n; i++)
			if (u[i].state == UNIT_TODO) {
				struct fw_group g = { .name = u[i].label,
						      .label = cmd_labels_of(labels, u[i].label) };
				strbuf name = STRBUF_INIT;
				shown_name(&name, &g);
				cmd_put_line(stdout, "  %s  %s%s%s", u[i].unit_id, sb_str(&name),
					     u[i].interviewer ? "  " : "",
					     u[i].interviewer ? u[i].interviewer : "");
				sb_release(&name);
			}
	}
	cmd_labels_free(labels);
	free(strata);
	free(people);
	store_units_free(u, n);
	return EXIT_OK;
}
