/* svg.c: bar charts as inline SVG — horizontal bars for a frequency table, stacked or grouped
 * bars for a cross-tab, value labels and a legend. Text is measured by an average character
 * width (no font metrics offline), wrapped on spaces; coordinates are written with integer
 * arithmetic so that the output is the same bytes under any locale. */
#include "report/report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

/* The viewBox is narrow and its text large so that the smallest text stays at 9 px and more
 * when a phone (370 px of content) scales the chart down. */
#define W 460.0          /* viewBox width; the page scales it */
#define FONT 12          /* label font size: every text of a chart */
#define LH 14.0          /* label line height */
#define CHW 7.6          /* a generous average glyph width at FONT (DejaVu Sans Cyrillic) */
#define LABEL_CHARS 22   /* wrap category labels at this many characters */
#define MAX_LINES 3

static const char *const palette[] = {
	"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
	"#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#86bcb6", "#d37295",
};
#define NPAL ((int)(sizeof palette / sizeof *palette))

/* The colour of series k of n: the categorical palette, or for an ordered scale a sequential
 * one from light to dark (so that "very serious" is the darkest, never a random hue). */
static const char *colour(const report_chart *c, int k, char buf[8])
{
	if (!c->ordinal || c->nser < 2)
		return palette[k % NPAL];
	static const int lo[3] = { 0xc6, 0xdb, 0xef }, hi[3] = { 0x08, 0x30, 0x6b };
	double t = (double)k / (c->nser - 1);
	int rgb[3];
	for (int i = 0; i < 3; i++)
		rgb[i] = (int)lround(lo[i] + (hi[i] - lo[i]) * t);
	snprintf(buf, 8, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
	return buf;
}

/* Is the colour dark enough for white text on it? */
static int dark(const char *hex)
{
	unsigned v = (unsigned)strtoul(hex + 1, NULL, 16);
	double r = (v >> 16) & 255, g = (v >> 8) & 255, b = v & 255;
	return 0.299 * r + 0.587 * g + 0.114 * b < 150;
}

/* A coordinate with at most one decimal, locale-independent. */
static void num(strbuf *sb, double v)
{
	long t = lround(v * 10);
	if (t < 0) {
		sb_addc(sb, '-');
		t = -t;
	}
	if (t % 10)
		sb_addf(sb, "%ld.%ld", t / 10, t % 10);
	else
		sb_addf(sb, "%ld", t / 10);
}

/* Wrap s into at most MAX_LINES lines of about `width` characters, on spaces. The lines are
 * malloc'd into out; returns their number (at least 1). */
static int wrap(const char *s, int width, char **out)
{
	int n = 0;
	strbuf line = STRBUF_INIT;
	const char *p = s ? s : "";
	size_t k;
	for (; (k = util_word(&p)) > 0; p += k) {
		int wl = (int)utf8_count(p, k);
		int ll = (int)utf8_count(line.buf ? line.buf : "", line.len);
		if (ll && ll + 1 + wl > width) {
			if (n == MAX_LINES - 1)
				break;
			out[n++] = sb_detach(&line);
		}
		if (line.len)
			sb_addc(&line, ' ');
		sb_add(&line, p, k);
	}
	while (*p == ' ')
		p++;
	if (*p) {   /* more than fits: cut the last line and end it with an ellipsis */
		size_t keep = utf8_offset(sb_str(&line), line.len, (size_t)width - 1);
		char *t = xstrndup(sb_str(&line), keep);
		sb_reset(&line);
		sb_adds(&line, t);
		sb_adds(&line, "…");
		free(t);
	} else if ((int)utf8_count(sb_str(&line), line.len) > width + 4) {
		size_t keep = utf8_offset(sb_str(&line), line.len, (size_t)width);
		char *t = xstrndup(sb_str(&line), keep);
		sb_reset(&line);
		sb_adds(&line, t);
		sb_adds(&line, "…");
		free(t);
	}
	out[n++] = sb_detach(&line);
	return n;
}

static void free_lines(char **l, int n)
{
	for (int i = 0; i < n; i++)
		free(l[i]);
}

/* Lines of text; y is the first baseline. anchor: "start", "end", "middle". */
static void text_lines(strbuf *sb, double x, double y, char **lines, int n, const char *anchor,
		       const char *extra)
{
	sb_adds(sb, "<text x=\"");
	num(sb, x);
	sb_adds(sb, "\" y=\"");
	num(sb, y);
	sb_addf(sb, "\" text-anchor=\"%s\"%s%s>", anchor, extra ? " " : "", extra ? extra : "");
	for (int i = 0; i < n; i++) {
		if (n == 1) {
			report_xml_escape(sb, lines[i]);
			break;
		}
		sb_adds(sb, "<tspan x=\"");
		num(sb, x);
		sb_adds(sb, "\" dy=\"");
		num(sb, i ? LH : 0);
		sb_adds(sb, "\">");
		report_xml_escape(sb, lines[i]);
		sb_adds(sb, "</tspan>");
	}
	sb_adds(sb, "</text>");
}

static void rect(strbuf *sb, double x, double y, double w, double h, const char *fill)
{
	sb_adds(sb, "<rect x=\"");
	num(sb, x);
	sb_adds(sb, "\" y=\"");
	num(sb, y);
	sb_adds(sb, "\" width=\"");
	num(sb, w < 0 ? 0 : w);
	sb_adds(sb, "\" height=\"");
	num(sb, h);
	sb_addf(sb, "\" fill=\"%s\"/>", fill);
}

static void line(strbuf *sb, double x1, double y1, double x2, double y2, const char *stroke)
{
	sb_adds(sb, "<line x1=\"");
	num(sb, x1);
	sb_adds(sb, "\" y1=\"");
	num(sb, y1);
	sb_adds(sb, "\" x2=\"");
	num(sb, x2);
	sb_adds(sb, "\" y2=\"");
	num(sb, y2);
	sb_addf(sb, "\" stroke=\"%s\" stroke-width=\"1\"/>", stroke);
}

/* A round axis maximum at or above m, and its tick step. */
static double nice_max(double m, double *step)
{
	static const double steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 };
	if (!(m > 0))
		m = 10;
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
		if (m / steps[i] <= 5) {
			*step = steps[i];
			return ceil(m / steps[i] - 1e-9) * steps[i];
		}
	*step = pow(10, floor(log10(m)));
	return ceil(m / *step) * *step;
}

/* Vertical grid lines and tick labels under the plot. */
static void axis(strbuf *sb, const char *lang, double x0, double pw, double top, double bottom,
		 double max, double step, const char *label)
{
	for (double t = 0; t <= max + 1e-9; t += step) {
		double x = x0 + pw * t / max;
		line(sb, x, top, x, bottom, t == 0 ? "#888" : "#e3e3e3");
		strbuf v = STRBUF_INIT;
		report_fmt(&v, lang, t, REPORT_N_COUNT);
		sb_adds(&v, "%");
		char *l[1] = { v.buf ? v.buf : (char *)"" };
		text_lines(sb, x, bottom + 14, l, 1, "middle", "fill=\"#555\"");
		sb_release(&v);
	}
	if (label) {
		char *l[1] = { (char *)label };
		text_lines(sb, x0 + pw / 2, bottom + 30, l, 1, "middle",
			   "fill=\"#333\"");
	}
}

/* A value label at the end of a bar, or inside it when asked and it fits. */
static void value_label(strbuf *sb, const char *lang, double v, double x, double y,
			int inside, double room, const char *fill)
{
	strbuf t = STRBUF_INIT;
	report_fmt(&t, lang, v, REPORT_N_PCT);
	double w = (int)utf8_count(sb_str(&t), t.len) * CHW * 0.85;
	if (inside && w + 4 > room) {   /* one decimal does not fit: a whole number may */
		sb_reset(&t);
		report_fmt(&t, lang, round(v), REPORT_N_COUNT);
		sb_adds(&t, "%");
		w = (int)utf8_count(sb_str(&t), t.len) * CHW * 0.85;
		if (w + 4 > room) {
			sb_release(&t);
			return;
		}
	}
	char *l[1] = { t.buf };
	char extra[80];
	snprintf(extra, sizeof extra, "fill=\"%s\"", fill);
	text_lines(sb, x, y, l, 1, inside ? "middle" : "start", extra);
	sb_release(&t);
}

/* The legend under a chart, from y; returns the y below it. */
static double legend(strbuf *sb, const report_chart *c, double y)
{
	int maxlen = 0;
	for (int s = 0; s < c->nser; s++)
		maxlen = fmax(maxlen, (int)utf8_count(c->ser[s] ? c->ser[s] : "",
					       strlen(c->ser[s] ? c->ser[s] : "")));
	int cols = maxlen <= 14 ? 3 : maxlen <= 26 ? 2 : 1;
	double cw = (W - 8) / cols;
	int chars = (int)((cw - 22) / CHW);
	for (int s = 0; s < c->nser; s += cols) {
		double rowh = LH;
		for (int k = 0; k < cols && s + k < c->nser; k++) {
			char *l[MAX_LINES];
			int n = wrap(c->ser[s + k], chars, l);
			char buf[8];
			rect(sb, 4 + k * cw, y + 2, 11, 11, colour(c, s + k, buf));
			text_lines(sb, 4 + k * cw + 17, y + 11.5, l, n, "start", NULL);
			rowh = fmax(rowh, n * LH);
			free_lines(l, n);
		}
		y += rowh + 5;
	}
	return y;
}

static void svg_open(strbuf *sb, const report_chart *c, double h, const char *title)
{
	sb_adds(sb, "<svg class=\"chart\" viewBox=\"0 0 ");
	num(sb, W);
	sb_addc(sb, ' ');
	num(sb, h);
	sb_adds(sb, "\" width=\"");
	num(sb, W);
	sb_adds(sb, "\" height=\"");
	num(sb, h);
	sb_addf(sb, "\" role=\"img\" font-family=\"DejaVu Sans, Noto Sans, Liberation Sans, Arial, "
		"sans-serif\" font-size=\"%d\">", FONT);
	if (title) {
		sb_adds(sb, "<title>");
		report_xml_escape(sb, title);
		sb_adds(sb, "</title>");
	}
}

/* Label column width for the categories. */
static double label_width(const report_chart *c)
{
	int longest = 0;
	for (int i = 0; i < c->ncat; i++) {
		char *l[MAX_LINES];
		int n = wrap(c->cat[i], LABEL_CHARS, l);
		for (int k = 0; k < n; k++)
			longest = fmax(longest, (int)utf8_count(l[k], strlen(l[k])));
		free_lines(l, n);
	}
	return fmin(W * 0.42, longest * CHW + 10);
}

static void bars(const report_chart *c, const char *lang, strbuf *sb)
{
	double labw = label_width(c), x0 = labw + 6, pw = W - x0 - 56;
	double m = 0;
	for (int i = 0; i < c->ncat; i++)
		m = fmax(m, c->v[i]);
	double step, max = nice_max(m, &step);
	strbuf body = STRBUF_INIT;
	double y = 6;
	for (int i = 0; i < c->ncat; i++) {
		char *l[MAX_LINES];
		int n = wrap(c->cat[i], LABEL_CHARS, l);
		double rh = fmax(24, n * LH + 8), mid = y + rh / 2;
		text_lines(&body, labw, mid - (n - 1) * LH / 2 + 4, l, n, "end", NULL);
		free_lines(l, n);
		double w = isnan(c->v[i]) ? 0 : pw * c->v[i] / max;
		rect(&body, x0, mid - 8, w, 16, palette[0]);
		value_label(&body, lang, c->v[i], x0 + w + 4, mid + 4, 0, 0, "#222");
		y += rh;
	}
	double bottom = y + 2;
	svg_open(sb, c, bottom + 36, c->axis);
	axis(sb, lang, x0, pw, 2, bottom, max, step, c->axis);
	sb_add(sb, body.buf ? body.buf : "", body.len);
	sb_adds(sb, "</svg>");
	sb_release(&body);
}

/* The end of a chart of horizontal bars: the svg element, the value axis below the bars
 * (bottom), the bars and labels drawn in body (released), then the legend. */
static void finish_hbars(const report_chart *c, const char *lang, strbuf *sb, strbuf *body,
			 double bottom, double x0, double pw, double max, double step)
{
	strbuf leg = STRBUF_INIT;
	double end = legend(&leg, c, bottom + 40);
	svg_open(sb, c, end + 4, c->axis);
	axis(sb, lang, x0, pw, 2, bottom, max, step, c->axis);
	sb_add(sb, body->buf ? body->buf : "", body->len);
	sb_add(sb, leg.buf ? leg.buf : "", leg.len);
	sb_adds(sb, "</svg>");
	sb_release(body);
	sb_release(&leg);
}

static void stacked(const report_chart *c, const char *lang, strbuf *sb)
{
	double labw = label_width(c), x0 = labw + 6, pw = W - x0 - 14;
	double m = 0;
	for (int i = 0; i < c->ncat; i++) {
		double s = 0;
		for (int k = 0; k < c->nser; k++)
			s += isnan(c->v[i * c->nser + k]) ? 0 : c->v[i * c->nser + k];
		m = fmax(m, s);
	}
	double step, max = nice_max(fmax(m, 100), &step);
	strbuf body = STRBUF_INIT;
	double y = 6;
	for (int i = 0; i < c->ncat; i++) {
		char *l[MAX_LINES];
		int n = wrap(c->cat[i], LABEL_CHARS, l);
		double rh = fmax(28, n * LH + 10), mid = y + rh / 2, x = x0;
		text_lines(&body, labw, mid - (n - 1) * LH / 2 + 4, l, n, "end", NULL);
		free_lines(l, n);
		for (int k = 0; k < c->nser; k++) {
			double v = c->v[i * c->nser + k];
			if (isnan(v) || v <= 0)
				continue;
			double w = pw * v / max;
			char buf[8];
			const char *col = colour(c, k, buf);
			rect(&body, x, mid - 10, w, 20, col);
			value_label(&body, lang, v, x + w / 2, mid + 4, 1, w,
				    dark(col) ? "#fff" : "#111");
			x += w;
		}
		y += rh;
	}
	finish_hbars(c, lang, sb, &body, y + 2, x0, pw, max, step);
}

static void grouped(const report_chart *c, const char *lang, strbuf *sb)
{
	double labw = label_width(c), x0 = labw + 6, pw = W - x0 - 56;
	double m = 0;
	for (int i = 0; i < c->ncat * c->nser; i++)
		m = isnan(c->v[i]) ? m : fmax(m, c->v[i]);
	double step, max = nice_max(m, &step);
	double bh = 13;
	strbuf body = STRBUF_INIT;
	double y = 6;
	for (int i = 0; i < c->ncat; i++) {
		char *l[MAX_LINES];
		int n = wrap(c->cat[i], LABEL_CHARS, l);
		double gh = fmax(n * LH, c->nser * (bh + 2)) + 10;
		text_lines(&body, labw, y + gh / 2 - (n - 1) * LH / 2 + 4, l, n, "end", NULL);
		free_lines(l, n);
		double by = y + (gh - c->nser * (bh + 2)) / 2;
		for (int k = 0; k < c->nser; k++) {
			double v = c->v[i * c->nser + k];
			double w = isnan(v) ? 0 : pw * v / max;
			char buf[8];
			rect(&body, x0, by, w, bh, colour(c, k, buf));
			if (!isnan(v))
				value_label(&body, lang, v, x0 + w + 3, by + bh - 2, 0, 0, "#222");
			by += bh + 2;
		}
		if (i + 1 < c->ncat)
			line(&body, x0 - 4, y + gh, W - 4, y + gh, "#f0f0f0");
		y += gh;
	}
	finish_hbars(c, lang, sb, &body, y + 2, x0, pw, max, step);
}

void report_svg(const report_chart *c, const char *lang, strbuf *sb)
{
	if (c->ncat <= 0 || c->nser <= 0)
		return;
	switch (c->kind) {
	case REPORT_CHART_BARS:
		bars(c, lang, sb);
		break;
	case REPORT_CHART_STACKED:
		stacked(c, lang, sb);
		break;
	case REPORT_CHART_GROUPED:
		grouped(c, lang, sb);
		break;
	default:
		break;
	}
}
