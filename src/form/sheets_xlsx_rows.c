/* sheets_xlsx_rows.c: drops, while a worksheet's XML streams in, the rows that hold no value
 * (Excel writes a <row> for every formatted row, down to row 1,048,576), so that they never
 * reach the XML parser: a sheet formatted to the bottom costs little more than reading it. */
#include "form/sheets_impl.h"

#include <string.h>

#define ROW_CARRY_MAX ((size_t)1 << 20)   /* a row longer than this is parsed, not skipped */

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A quoted row number at s (n bytes): "1" to "1048576" in ' or " quotes. */
static int row_number_ok(const char *s, size_t n)
{
	if (n < 3 || (s[0] != '"' && s[0] != '\''))
		return 0;
	long v = 0;
	size_t i = 1;
	for (; i < n && s[i] >= '0' && s[i] <= '9' && i <= 8; i++)
		v = v * 10 + (s[i] - '0');
	return i > 1 && i < n && s[i] == s[0] && v >= 1 && v <= SHEETS_MAX_ROWNUM;
}

/* s (n bytes) starts with "<row". Returns the length of the whole row element when it holds
 * nothing but self-closing <c .../> cells and carries its row number (r="..."), 0 when it must
 * be parsed, -1 when more bytes are needed to tell. When unsure, the row is parsed: skipping is
 * only ever an optimisation. */
static long empty_row_len(const char *s, size_t n)
{
	size_t i = 4;
	if (i >= n)
		return -1;
	if (!is_space(s[i]) && s[i] != '/' && s[i] != '>')
		return 0;   /* <rowBreaks> and the like */
	const char *gt = memchr(s + i, '>', n - i);
	if (!gt)
		return -1;
	size_t tag_end = (size_t)(gt - s);
	int numbered = 0;
	for (size_t k = 4; k + 3 < tag_end && !numbered; k++)
		if (is_space(s[k]) && s[k + 1] == 'r' && s[k + 2] == '=')
			numbered = row_number_ok(s + k + 3, tag_end - k - 3);
	if (!numbered)
		return 0;   /* rows without (valid) numbers: the parser counts or refuses them */
	if (s[tag_end - 1] == '/')
		return (long)tag_end + 1;
	i = tag_end + 1;
	for (;;) {
		while (i < n && is_space(s[i]))
			i++;
		if (n - i < 6)
			return -1;
		if (!memcmp(s + i, "</row>", 6))
			return (long)(i + 6);
		if (s[i] != '<' || s[i + 1] != 'c' || (!is_space(s[i + 2]) && s[i + 2] != '/'))
			return 0;
		gt = memchr(s + i, '>', n - i);
		if (!gt)
			return -1;
		if (gt[-1] != '/')
			return 0;   /* a cell with content */
		i = (size_t)(gt - s) + 1;
	}
}

const char *xlsx_rows_filter(xlsx_rowfilter *f, const char *buf, size_t n, int final,
                             size_t *outlen)
{
	sb_add(&f->carry, buf, n);
	sb_reset(&f->out);
	const char *s = f->carry.buf ? f->carry.buf : "";
	size_t len = f->carry.len, out = 0, keep = len, i = 0;
	for (;;) {
		const char *lt = i + 4 <= len ? memmem(s + i, len - i, "<row", 4) : NULL;
		if (!lt) {
			if (!final)   /* "<ro" may end this chunk */
				keep = len >= out + 3 ? len - 3 : out;
			break;
		}
		size_t at = (size_t)(lt - s);
		long end = empty_row_len(s + at, len - at);
		if (end < 0 && !final && len - at <= ROW_CARRY_MAX) {
			keep = at;
			break;
		}
		if (end > 0) {
			sb_add(&f->out, s + out, at - out);
			out = at + (size_t)end;
			i = out;
		} else {
			i = at + 4;
		}
	}
	if (keep < out)
		keep = out;
	sb_add(&f->out, s + out, keep - out);
	if (f->carry.buf) {
		memmove(f->carry.buf, s + keep, len - keep);
		f->carry.len = len - keep;
		f->carry.buf[f->carry.len] = '\0';
	}
	*outlen = f->out.len;
	return f->out.buf ? f->out.buf : "";
}

void xlsx_rows_release(xlsx_rowfilter *f)
{
	sb_release(&f->carry);
	sb_release(&f->out);
}
