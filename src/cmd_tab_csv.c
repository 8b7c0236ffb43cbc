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
	static const struct { unsigned bit; const char *name; size_t off; } parts[] = {
		{ STATS_F_VALUE, "value", offsetof(stats_value, value) },
		{ STATS_F_ASE, "ase", offsetof(stats_value, ase) },
		{ STATS_F_T, "t", offsetof(stats_value, t) },
		{ STATS_F_DF, "df", offsetof(stats_value, df) },
		{ STATS_F_P, "p", offsetof(stats_value, p) },
		{ STATS_F_CI, "ci_low", offsetof(stats_value, ci_low) },
		{ STATS_F_CI, "ci_high", offsetof(stats_value, ci_high) },
	};
	for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
		if (!(members & parts[k].bit))
			continue;
		snprintf(m, sizeof m, "%s.%s", key, parts[k].name);
		double x = v->ok ? *(const double *)((const char *)v + parts[k].off) : NAN;
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
		for (int k = 0; L->stats_ok && k < stats_crosstab_nfields; k++) {
			const stats_crosstab_field *f = &stats_crosstab_fields[k];
			if (cli->want[k])
				csv_value(&sb, layer, f->key, stats_crosstab_value(&L->stats, f),
					  f->members);
		}
		if (L->has_rao_scott) {
			const stats_rao_scott *rs = &L->rao_scott;
			if (cli->want[stats_crosstab_nfields + RS_F]) {
				csv_value(&sb, layer, "rao_scott_f", &rs->f,
					  STATS_F_VALUE | STATS_F_DF | STATS_F_P);
				csv_line(&sb, layer, "", "", "rao_scott_f.df2",
					 rs->f.ok ? rs->f.df2 : NAN);
			}
			if (cli->want[stats_crosstab_nfields + RS_CHI2])
				csv_value(&sb, layer, "rao_scott_chi2", &rs->chisq,
					  STATS_F_VALUE | STATS_F_DF | STATS_F_P);
		}
	}
	if (t->has_cmh && cli->want_cmh) {
		csv_value(&sb, "", "cmh", &t->cmh.cmh, STATS_F_VALUE | STATS_F_DF | STATS_F_P);
		csv_value(&sb, "", "mantel_haenszel_odds_ratio", &t->cmh.odds_ratio,
			  STATS_F_VALUE | STATS_F_CI);
	}
	fputs(sb_str(&sb), stdout);
	sb_release(&sb);
}
