/* cmd_grid.c: a text table laid out for a terminal — column widths measured in display columns,
 * header cells wrapped on words, long labels cut with "…", controls in cells escaped — rendered
 * into a string buffer for the commands to print. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_table.h"
#include "util/termsafe.h"
#include "util/util.h"

void cmd_grid_init(cmd_grid *g, int ncols)
{
	memset(g, 0, sizeof *g);
	g->ncols = ncols;
	g->right = xcalloc((size_t)ncols, sizeof *g->right);
	g->maxw = 14;
	g->maxw_first = 40;
}

void cmd_grid_init_head(cmd_grid *g, int ncols, int maxw, const char *const *head)
{
	cmd_grid_init(g, ncols);
	for (int c = 1; c < ncols; c++)
		g->right[c] = 1;
	if (maxw > 0)
		g->maxw = maxw;
	g->nheader = 1;
	for (int c = 0; c < ncols; c++)
		cmd_grid_set(g, 0, c, head[c]);
	cmd_grid_rule(g, 0);
}

void cmd_grid_release(cmd_grid *g)
{
	strv_free(g->cells, g->nrows * g->ncols);
	free(g->rule);
	free(g->right);
	memset(g, 0, sizeof *g);
}

static void ensure_row(cmd_grid *g, int row)
{
	if (row < g->nrows)
		return;
	g->cells = xreallocarray(g->cells, (size_t)(row + 1) * g->ncols, sizeof *g->cells);
	g->rule = xreallocarray(g->rule, (size_t)row + 1, sizeof *g->rule);
	for (int r = g->nrows; r <= row; r++) {
		g->rule[r] = 0;
		for (int c = 0; c < g->ncols; c++)
			g->cells[r * g->ncols + c] = NULL;
	}
	g->nrows = row + 1;
}

void cmd_grid_set(cmd_grid *g, int row, int col, const char *s)
{
	ensure_row(g, row);
	free(g->cells[row * g->ncols + col]);
	g->cells[row * g->ncols + col] = termsafe_dup(s, TERMSAFE_ONE_LINE);
}

void cmd_grid_setf(cmd_grid *g, int row, int col, const char *fmt, ...)
{
	va_list ap;
	strbuf sb = STRBUF_INIT;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	cmd_grid_set(g, row, col, sb_str(&sb));
	sb_release(&sb);
}

void cmd_grid_rule(cmd_grid *g, int row)
{
	ensure_row(g, row);
	g->rule[row] = 1;
}

/* Split s into at most 3 lines of width w on spaces; returns the number of lines; lines[k]
 * are malloc'd. */
static int wrap(const char *s, int w, char *lines[3])
{
	int n = 0;
	strbuf cur = STRBUF_INIT;
	const char *p = s;
	size_t k;
	while (n < 3 && (k = util_word(&p)) > 0) {
		char *word = xstrndup(p, k);
		strbuf trial = STRBUF_INIT;
		sb_adds(&trial, sb_str(&cur));
		if (cur.len)
			sb_addc(&trial, ' ');
		sb_adds(&trial, word);
		if (cmd_text_width(sb_str(&trial)) <= w || !cur.len) {
			sb_reset(&cur);
			sb_adds(&cur, sb_str(&trial));
			p += k;
		} else {
			lines[n++] = sb_detach(&cur);
			if (n == 3) {
				/* the rest goes on the last line and is cut there */
				strbuf last = STRBUF_INIT;
				sb_adds(&last, lines[2]);
				sb_addc(&last, ' ');
				sb_adds(&last, p);
				free(lines[2]);
				lines[2] = sb_detach(&last);
			}
		}
		sb_release(&trial);
		free(word);
	}
	if (n < 3 && cur.len)
		lines[n++] = sb_detach(&cur);
	sb_release(&cur);
	if (n == 0)
		lines[n++] = xstrdup("");
	return n;
}

/* The width of each column: its widest body cell, or its header up to the cap (the first
 * column: the wider of both, capped); -1 for a column without any body text, left out. */
static int *grid_widths(const cmd_grid *g)
{
	int *w = xcalloc((size_t)g->ncols, sizeof *w);
	for (int c = 0; c < g->ncols; c++) {
		int cap = c == 0 ? g->maxw_first : g->maxw, body = 0, head = 0;
		for (int r = 0; r < g->nrows; r++) {
			const char *s = g->cells[r * g->ncols + c];
			int k = s ? cmd_text_width(s) : 0;
			if (r < g->nheader)
				head = k > head ? k : head;
			else
				body = k > body ? k : body;
		}
		if (c == 0) {
			w[c] = body > head ? body : head;
			if (w[c] > cap)
				w[c] = cap;
		} else {
			w[c] = body;
			if (head > w[c])
				w[c] = head < cap ? head : (cap > body ? cap : body);
		}
	}
	for (int c = 1; c < g->ncols; c++) {
		int used = 0;
		for (int r = g->nheader; r < g->nrows && !used; r++) {
			const char *s = g->cells[r * g->ncols + c];
			used = s && *s;
		}
		if (!used)
			w[c] = -1;
	}
	return w;
}

/* line, without its trailing blanks, as a line of sb; line is released. */
static void put_grid_line(struct strbuf *sb, strbuf *line)
{
	while (line->len && line->buf[line->len - 1] == ' ')
		line->buf[--line->len] = 0;
	sb_adds(sb, sb_str(line));
	sb_addc(sb, '\n');
	sb_release(line);
}

/* Header row r, each cell wrapped to its column on up to three lines, at the bottom. */
static void header_row(const cmd_grid *g, int r, const int *w, struct strbuf *sb)
{
	char *(*lines)[3] = xcalloc((size_t)g->ncols, sizeof *lines);
	int *nl = xcalloc((size_t)g->ncols, sizeof *nl), most = 1, nc = g->ncols;
	for (int c = 0; c < nc; c++) {
		const char *s = g->cells[r * g->ncols + c];
		if (w[c] < 0)
			continue;   /* hidden: no lines */
		nl[c] = wrap(s ? s : "", w[c] < 1 ? 1 : w[c], lines[c]);
		most = nl[c] > most ? nl[c] : most;
	}
	for (int l = 0; l < most; l++) {
		strbuf line = STRBUF_INIT;
		for (int c = 0; c < nc; c++) {
			/* headers sit on the bottom line, aligned as their column */
			int k = l - (most - nl[c]);
			if (w[c] < 0)
				continue;
			if (c)
				sb_adds(&line, "  ");
			cmd_pad(&line, k >= 0 ? lines[c][k] : "", w[c], g->right[c]);
		}
		put_grid_line(sb, &line);
	}
	for (int c = 0; c < nc; c++)
		for (int k = 0; k < nl[c]; k++)
			free(lines[c][k]);
	free(lines);
	free(nl);
}

void cmd_grid_render(const cmd_grid *g, struct strbuf *sb)
{
	int *w = grid_widths(g);
	int total = 0;
	for (int c = 0; c < g->ncols; c++)
		total += w[c] < 0 ? 0 : w[c] + (c ? 2 : 0);
	for (int r = 0; r < g->nrows; r++) {
		if (r < g->nheader) {
			header_row(g, r, w, sb);
		} else {
			strbuf line = STRBUF_INIT;
			for (int c = 0; c < g->ncols; c++) {
				const char *s = g->cells[r * g->ncols + c];
				if (w[c] < 0)
					continue;
				if (c)
					sb_adds(&line, "  ");
				cmd_pad(&line, s ? s : "", w[c], g->right[c]);
			}
			put_grid_line(sb, &line);
		}
		if (g->rule[r]) {
			for (int k = 0; k < total; k++)
				sb_addc(sb, '-');
			sb_addc(sb, '\n');
		}
	}
	free(w);
}
