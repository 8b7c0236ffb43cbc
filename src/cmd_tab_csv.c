/* cmd_tab_csv.c: `survey tab --format csv` — one line per layer, cell and measure, codes not
 * labels, numbers that read back exactly. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_analysis.h"
#include "cmd_tab.h"
#include "cmd_table.h"
#include "util/cnum.h"
#include "util/termsafe.h"
#include "util/util.h"

/* ---- CSV --------------------------------------------------------------------------------- */

static void csv_line(strbuf *sb, const char *layer, const char *row, const char *col,
		     const char *measure, double x)
{
	char buf[32];
	cmd_csv_field(sb, layer);
	sb_addc(sb, ',');
	cmd_csv_field(sb, row);
	sb_addc(sb, ',');
	cmd_csv_field(sb, col);
	sb_addc(sb, ',');
	cmd_csv_field(sb, measure);
	sb_addf(sb, ",%s\n", cnum_text(buf, x, 17, ""));
}

static void csv_value(strbuf *sb, const char *layer, const char *key, const stats_value *v,
		      unsigned members)
{
	char m[96];
	for (int k = 0; k < ntab_parts; k++) {
		if (!(members & tab_parts[k].bit))
			continue;
		snprintf(m, sizeof m, "%s.%s", key, tab_parts[k].name);
		double x = tab_part_value(v, &tab_parts[k]);
		csv_line(sb, layer, "", "", m, x);
	}
}

void tab_print_csv(const tab_cli *cli, const analysis_tab *t)
{
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "layer,row,col,measure,value\n");
	for (int l = 0; l < t->nlayers; l++) {
		const analysis_layer *L = &t->layers[l];
		const char *layer = L->by_cat >= 0 ? t->by.cats[L->by_cat].value : "";
		for (int i = 0; i < L->nrow; i++)
			for (int j = 0; j < L->ncol; j++)
				for (int k = 0; k < STATS_CELL_NKINDS; k++)
					if (cli->cells & (1u << k))
						csv_line(&sb, layer, t->row.cats[L->rows[i]].value,
							 t->col.cats[L->cols[j]].value,
							 stats_cell_kind_name(k),
							 tab_cell_value(t, L, i, j, k));
		for (int k = 0; k < nstatistics; k++) {
			const statistic *st = &statistics[k];
			const stats_value *v = statistic_value(st, t, L);
			if (cli->want[k] && v && !(st->needs & STAT_NEEDS_LAYERS))
				csv_value(&sb, layer, st->key, v, st->members);
		}
	}
	for (int k = 0; t->has_cmh && cli->want_cmh && k < nstatistics; k++)
		if (statistics[k].needs & STAT_NEEDS_LAYERS)
			csv_value(&sb, "", statistics[k].key, statistic_value(&statistics[k], t, NULL),
				  statistics[k].members);
	fputs(sb_str(&sb), stdout);
	sb_release(&sb);
}
