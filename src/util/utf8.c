/* utf8.c: strict UTF-8 decoding and encoding, character counts, offsets and boundaries. */
#include "util/utf8.h"

int utf8_sequence(const char *str, size_t n, unsigned long *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];
	size_t k;
	unsigned long v;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		k = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		k = 3;
		v = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		k = 4;
		v = c & 0x07;
	} else {
		return 0;
	}
	for (size_t i = 1; i < k; i++) {
		if (i >= n)
			return -1;
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		/* the second byte rules out overlong forms, surrogates and > U+10FFFF */
		if (i == 1 && ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] >= 0xa0) ||
			       (c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] >= 0x90)))
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	*cp = v;
	return (int)k;
}

int utf8_encode(unsigned long cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static int continues(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

size_t utf8_count(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += !continues(s[i]);
	return c;
}

size_t utf8_offset(const char *s, size_t n, size_t ci)
{
	for (size_t i = 0, c = 0; i < n; i++)
		if (!continues(s[i]) && c++ == ci)
			return i;
	return n;
}

size_t utf8_cut(const char *s, size_t n)
{
	while (n > 0 && continues(s[n]))
		n--;
	return n;
}

int utf8_text_check(const char *s, size_t n, int *line, int *nul)
{
	*line = 1;
	for (size_t i = 0; i < n;) {
		if (s[i] == '\n')
			++*line;
		*nul = s[i] == '\0';
		unsigned long cp;
		int k = *nul ? 0 : utf8_sequence(s + i, n - i, &cp);
		if (k <= 0)
			return -1;
		i += (size_t)k;
	}
	return 0;
}
