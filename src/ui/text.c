/* text.c: UTF-8 decoding and encoding, display width, and wrapping by display width. */
#include "ui/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"
#include "util/utf8.h"

/* One character from s (at most n bytes); returns the bytes used (1 for an invalid byte). */
static size_t decode1(const unsigned char *s, size_t n, wchar_t *out)
{
	unsigned long cp;
	int k = utf8_sequence((const char *)s, n, &cp);
	if (k <= 0) {
		*out = 0xfffd;
		return 1;
	}
	*out = (wchar_t)cp;
	return (size_t)k;
}

wchar_t *ui_wcs_from_utf8(const char *s, size_t *len)
{
	if (!s)
		s = "";
	size_t n = strlen(s), k = 0;
	wchar_t *w = xmalloc((n + 1) * sizeof *w);
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;)
		i += decode1(p + i, n - i, &w[k++]);
	w[k] = 0;
	if (len)
		*len = k;
	return w;
}

char *ui_utf8_from_wcs(const wchar_t *w, size_t n)
{
	char *s = xmalloc(n * 4 + 1), *o = s;
	for (size_t i = 0; i < n; i++) {
		int k = utf8_encode((unsigned long)(uint32_t)w[i], o);
		o += k ? k : utf8_encode(0xfffd, o);
	}
	*o = '\0';
	return s;
}

int ui_wcwidth(wchar_t c)
{
	int w = wcwidth(c);
	return w < 0 ? 1 : w;
}

int ui_wcswidth(const wchar_t *w, size_t n)
{
	int sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += ui_wcwidth(w[i]);
	return sum;
}

int ui_width(const char *utf8)
{
	size_t n;
	wchar_t *w = ui_wcs_from_utf8(utf8, &n);
	int width = ui_wcswidth(w, n);
	free(w);
	return width;
}

size_t ui_fit(const wchar_t *w, size_t n, int width)
{
	size_t i = 0;
	int used = 0;
	for (; i < n; i++) {
		int cw = ui_wcwidth(w[i]);
		if (used + cw > width)
			break;
		used += cw;
	}
	return i;
}

void ui_lines_add(ui_lines *out, const wchar_t *w, size_t n)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 8;
		out->line = xreallocarray(out->line, out->cap, sizeof *out->line);
	}
	wchar_t *l = xmalloc((n + 1) * sizeof *l);
	memcpy(l, w, n * sizeof *l);
	l[n] = 0;
	out->line[out->n++] = l;
}

/* Wrap one paragraph (no '\n') of n characters. */
static void wrap_para(const wchar_t *w, size_t n, int width, ui_lines *out)
{
	if (width < 1)
		width = 1;
	size_t i = 0;
	if (n == 0) {
		ui_lines_add(out, w, 0);
		return;
	}
	while (i < n) {
		size_t fit = ui_fit(w + i, n - i, width);
		if (fit == 0)
			fit = 1;   /* a character wider than the line: show it anyway */
		size_t end = i + fit;
		if (end < n) {
			/* break at the last space that fits, if any, else inside the word */
			size_t brk = end;
			if (w[end] != L' ') {
				while (brk > i && w[brk - 1] != L' ')
					brk--;
				if (brk > i)
					end = brk;
			}
		}
		size_t stop = end;
		while (stop > i && w[stop - 1] == L' ')
			stop--;
		ui_lines_add(out, w + i, stop - i);
		i = end;
		while (i < n && w[i] == L' ')
			i++;
	}
}

void ui_wrap(const char *utf8, int width, ui_lines *out)
{
	size_t n;
	wchar_t *w = ui_wcs_from_utf8(utf8, &n);
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || w[i] == L'\n') {
			size_t len = i - start;
			if (len && w[start + len - 1] == L'\r')
				len--;
			wrap_para(w + start, len, width, out);
			start = i + 1;
		} else if (w[i] == L'\t') {
			w[i] = L' ';
		}
	}
	free(w);
}

void ui_lines_release(ui_lines *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->line[i]);
	free(l->line);
	l->line = NULL;
	l->n = l->cap = 0;
}
