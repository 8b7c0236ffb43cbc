/* cmd_text.c: formatting helpers for the commands that print analyses: display widths of UTF-8
 * labels and padding (Cyrillic and Kyrgyz letters are one column wide), CSV fields. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "cmd_table.h"
#include "util/util.h"

/* Width of the first n bytes of s (a whole number of characters). */
static int width_n(const char *s, size_t n)
{
	wchar_t buf[256];
	wchar_t *w = n < 256 ? buf : xmalloc(sizeof(wchar_t) * (n + 1));
	char *tmp = xstrndup(s, n);
	size_t k = mbstowcs(w, tmp, n + 1);
	int width = -1;
	if (k != (size_t)-1)
		width = wcswidth(w, k);
	if (width < 0) {   /* not convertible here: count characters */
		width = 0;
		for (size_t i = 0; i < n; i++)
			width += ((unsigned char)s[i] & 0xC0) != 0x80;
	}
	free(tmp);
	if (w != buf)
		free(w);
	return width;
}

int cmd_text_width(const char *s)
{
	return s ? width_n(s, strlen(s)) : 0;
}

void cmd_pad(struct strbuf *sb, const char *s, int width, int right)
{
	if (!s)
		s = "";
	size_t len = strlen(s);
	int w = width_n(s, len);
	if (w > width) {
		/* cut at a character boundary so that the text and "…" fit */
		size_t end = len;
		while (end > 0 && w > width - 1) {
			do
				end--;
			while (end > 0 && ((unsigned char)s[end] & 0xC0) == 0x80);
			w = width_n(s, end);
		}
		if (right)
			for (int k = w + 1; k < width; k++)
				sb_addc(sb, ' ');
		sb_add(sb, s, end);
		sb_adds(sb, "…");
		if (!right)
			for (int k = w + 1; k < width; k++)
				sb_addc(sb, ' ');
		return;
	}
	if (right)
		for (int k = w; k < width; k++)
			sb_addc(sb, ' ');
	sb_add(sb, s, len);
	if (!right)
		for (int k = w; k < width; k++)
			sb_addc(sb, ' ');
}

void cmd_csv_field(struct strbuf *sb, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		sb_adds(sb, s);
		return;
	}
	sb_addc(sb, '"');
	for (; *s; s++) {
		if (*s == '"')
			sb_addc(sb, '"');
		sb_addc(sb, *s);
	}
	sb_addc(sb, '"');
}
