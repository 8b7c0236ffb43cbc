/* cmd_table.h: the text tables and fields the commands that print analyses (tab, freq) write
 * for a terminal or a CSV file — display widths, padding, CSV fields and a grid of cells. */
#ifndef SURVEY_CMD_TABLE_H
#define SURVEY_CMD_TABLE_H

/* ---- cmd_text.c: widths, padding and CSV fields ---- */

/* Append s as one CSV field (quoted when it holds a comma, quote or line break). */
struct strbuf;
void cmd_csv_field(struct strbuf *sb, const char *s);

/* Display width of a UTF-8 string in terminal columns (wcswidth; Cyrillic is one column per
 * letter, CJK two). Falls back to counting characters when the locale cannot convert it. */
int cmd_text_width(const char *s);
/* Append s to sb cut to at most width columns (ending with "…" when cut), padded with spaces
 * to exactly width on the right (right = 0) or on the left (right = 1). */
void cmd_pad(struct strbuf *sb, const char *s, int width, int right);

/* ---- cmd_grid.c ---- */

/* A text table for a terminal: fill cells, then render. Rows 0..nheader-1 are headers, wrapped
 * on words into up to three lines; a column is as wide as its widest body cell, at least as
 * its header up to maxw (the first column: up to maxw_first, cutting longer labels); a column
 * with no body text is left out. A cell is kept escaped for the terminal (termsafe: controls,
 * newlines included, as "\x1b"), so one row stays one line whatever a label holds. */
typedef struct cmd_grid {
	int ncols, nrows;
	char **cells;          /* nrows * ncols malloc'd strings or NULL */
	unsigned char *rule;   /* per row: 1 draws a line of '-' under it */
	int *right;            /* per column: 1 right-aligned (numbers) */
	int nheader;           /* header rows */
	int maxw;              /* widest header of columns 1.. (default 14) */
	int maxw_first;        /* widest first column (default 40) */
} cmd_grid;
void cmd_grid_init(cmd_grid *g, int ncols);
/* The usual table: ncols columns, the first a label and the others right-aligned numbers, a
 * header row of head[0..ncols-1] ruled under, headers up to maxw wide (0: the default). */
void cmd_grid_init_head(cmd_grid *g, int ncols, int maxw, const char *const *head);
void cmd_grid_release(cmd_grid *g);
void cmd_grid_set(cmd_grid *g, int row, int col, const char *s);
void cmd_grid_setf(cmd_grid *g, int row, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void cmd_grid_rule(cmd_grid *g, int row);
void cmd_grid_render(const cmd_grid *g, struct strbuf *sb);

#endif
