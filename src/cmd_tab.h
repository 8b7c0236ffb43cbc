/* cmd_tab.h: what the files of `survey tab` share — the parsed output options, a cell's value
 * as the chosen cell kind, the test of independence to read, and the three writers. */
#ifndef SURVEY_CMD_TAB_H
#define SURVEY_CMD_TAB_H

#include "analysis/analysis.h"
#include "analysis/statistics.h"

typedef struct tab_cli {
	int format;
	unsigned cells;        /* bit per stats_cell_kind */
	unsigned char *want;   /* per statistics[] entry (analysis/statistics.h): asked for */
	int want_cmh;          /* the statistics across layers (either of them asked for) */
} tab_cli;

/* Cell (i, j) of layer L as kind (a count, a percentage, a residual); NAN where undefined. */
double tab_cell_value(const analysis_tab *t, const analysis_layer *L, int i, int j,
		      stats_cell_kind kind);
/* The test of independence to read (its JSON key in *key), or NULL (multiple response). */
const stats_value *tab_independence(const analysis_tab *t, const analysis_layer *L,
				    const char **key);

/* The members a statistic may report (stats_value's fields, STATS_F_* bit and name), in the
 * order the writers put them; tab_part_value reads one (NAN when v was not computed). */
typedef struct tab_part {
	unsigned bit;
	const char *name;
	size_t off;
} tab_part;
extern const tab_part tab_parts[];
extern const int ntab_parts;
double tab_part_value(const stats_value *v, const tab_part *p);

/* Write t to stdout: as JSON (o and form_id for the selection), CSV or text. */
void tab_print_json(const tab_cli *cli, const analysis_tab *t, const analysis_opts *o,
		    const char *form_id);
void tab_print_csv(const tab_cli *cli, const analysis_tab *t);
void tab_print_text(const tab_cli *cli, const analysis_tab *t);

#endif
