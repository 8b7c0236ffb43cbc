/* cmd_list_frame.c: `survey list DB --by COLUMN` on a file with a sample frame (issue 15) —
 * progress against the frame: units, assigned, started, complete, approved and % of the frame
 * complete per value of COLUMN and per interviewer, then the units never reached. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store/fieldwork.h"
#include "ui/i18n.h"
#include "ui/text.h"
#include "util/termsafe.h"
#include "util/util.h"

/* The counts of one group of units. */
struct fw_group {
	const char *name;     /* borrowed from the units */
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
	(*g)[*n].name = name;
	return &(*g)[(*n)++];
}

static int pct(const struct fw_group *g)
{
	return g->units ? (int)((200LL * g->complete + g->units) / (2LL * g->units)) : 0;
}

/* A name cell: escaped, padded to width columns (cut to it). */
static void name_cell(const char *s, int width)
{
	strbuf esc = STRBUF_INIT;
	termsafe_adds(&esc, s, TERMSAFE_ONE_LINE);
	int w = ui_width(sb_str(&esc));
	fputs(sb_str(&esc), stdout);
	for (; w < width; w++)
		putchar(' ');
	sb_release(&esc);
}

static const enum ui_msg heads[] = { UI_M_FW_UNITS, UI_M_FW_ASSIGNED, UI_M_FW_STARTED,
				     UI_M_FW_COMPLETE, UI_M_FW_APPROVED, UI_M_FW_PCT };
#define NHEADS (int)(sizeof heads / sizeof *heads)

static void print_table(const char *title, const struct fw_group *g, int n,
			const struct fw_group *total)
{
	int w = ui_width(title);
	for (int i = 0; i < n; i++)
		if (ui_width(g[i].name) > w)
			w = ui_width(g[i].name);
	int cw[NHEADS];
	name_cell(title, w);
	for (int h = 0; h < NHEADS; h++) {
		cw[h] = ui_width(ui_tr(heads[h])) > 6 ? ui_width(ui_tr(heads[h])) : 6;
		printf("  %*s%s", cw[h] - ui_width(ui_tr(heads[h])), "", ui_tr(heads[h]));
	}
	putchar('\n');
	for (int i = 0; i <= n; i++) {
		const struct fw_group *r = i < n ? &g[i] : total;
		if (!r)
			break;
		name_cell(r->name, w);
		int v[NHEADS] = { r->units, r->assigned, r->started, r->complete, r->approved,
				  pct(r) };
		for (int h = 0; h < NHEADS; h++)
			printf(h == NHEADS - 1 ? "  %*d%%" : "  %*d", h == NHEADS - 1 ? cw[h] - 1 :
			       cw[h], v[h]);
		putchar('\n');
	}
}

static void json_group(json_w *w, const struct fw_group *g, const char *key)
{
	static const char *const keys[] = { "units", "assigned", "started", "complete",
					    "approved", "percent_complete" };
	const long long v[] = { g->units, g->assigned, g->started, g->complete, g->approved,
				pct(g) };
	jw_obj(w);
	jw_kstr(w, key, g->name);
	jw_kints(w, keys, v, 6);
	jw_end(w);
}

/* The progress as one JSON document on stdout. */
static void print_json(const char *by, const struct fw_group *strata, int ns,
		       const struct fw_group *people, int np, const struct fw_group *total,
		       const store_unit *u, int n)
{
	json_w w;
	jw_init(&w, stdout, 1);
	jw_obj(&w);
	jw_kstr(&w, "by", by);
	jw_key(&w, "strata");
	jw_arr(&w);
	for (int i = 0; i < ns; i++)
		json_group(&w, &strata[i], "value");
	jw_end(&w);
	jw_key(&w, "interviewers");
	jw_arr(&w);
	for (int i = 0; i < np; i++)
		json_group(&w, &people[i], "interviewer");
	jw_end(&w);
	jw_key(&w, "total");
	json_group(&w, total, "value");
	jw_key(&w, "never_reached");
	jw_arr(&w);
	for (int i = 0; i < n; i++)
		if (u[i].state == UNIT_TODO) {
			static const char *const keys[] = { "unit_id", "value", "interviewer" };
			const char *const vals[] = { u[i].unit_id, u[i].label, u[i].interviewer };
			jw_obj(&w);
			jw_kstrs(&w, keys, vals, 3);
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
	struct fw_group *strata = NULL, *people = NULL, total = { .name = ui_tr(UI_M_FW_TOTAL) };
	int ns = 0, np = 0, never = 0;
	for (int i = 0; i < n; i++) {
		tally(group(&strata, &ns, u[i].label), &u[i]);
		if (u[i].interviewer)
			tally(group(&people, &np, u[i].interviewer), &u[i]);
		tally(&total, &u[i]);
		never += u[i].state == UNIT_TODO;
	}
	if (json) {
		total.name = "";
		print_json(by, strata, ns, people, np, &total, u, n);
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
			if (u[i].state == UNIT_TODO)
				cmd_put_line(stdout, "  %s  %s%s%s", u[i].unit_id, u[i].label,
					     u[i].interviewer ? "  " : "",
					     u[i].interviewer ? u[i].interviewer : "");
	}
	free(strata);
	free(people);
	store_units_free(u, n);
	return EXIT_OK;
}
