/* form_util.c: small text helpers of the form loader: XML names, character positions,
 * yes/no cells, smart quotes, blank runs. */
#include "form/form_impl.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

/* XML 1.0 (fifth edition) NameStartChar, without ':'. */
static int name_start(long c)
{
	return (c >= 'A' && c <= 'Z') || c == '_' || (c >= 'a' && c <= 'z') ||
	       (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) ||
	       (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
	       (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
	       (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
	       (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) ||
	       (c >= 0x10000 && c <= 0xEFFFF);
}

static int name_char(long c)
{
	return name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
	       (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

int form_is_xml_name(const char *s)
{
	size_t n = strlen(s);
	if (!n)
		return 0;
	for (size_t i = 0; i < n;) {
		unsigned long c;
		int k = utf8_sequence(s + i, n - i, &c);
		if (k <= 0 || !(i ? name_char((long)c) : name_start((long)c)))
			return 0;
		i += (size_t)k;
	}
	return 1;
}

int form_char_pos(const char *s, int off)
{
	int n = 1;
	for (int i = 0; i < off && s[i]; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	/* off pointing inside a character counts that character */
	return n;
}

int form_yes_no(const char *s)
{
	static const char *yes[] = { "yes", "true", "true()" };
	static const char *no[] = { "no", "false", "false()" };
	for (size_t i = 0; i < 3; i++) {
		if (ascii_casecmp(s, yes[i]) == 0)
			return 1;
		if (ascii_casecmp(s, no[i]) == 0)
			return 0;
	}
	return -1;
}

char *form_unsmart_quotes(const char *s)
{
	if (!strchr(s, '\xe2'))
		return xstrdup(s);
	strbuf sb = STRBUF_INIT;
	for (const char *p = s; *p; p++) {
		/* U+2018..U+201D are E2 80 98..9D */
		if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80) {
			unsigned char c = (unsigned char)p[2];
			if (c == 0x98 || c == 0x99) {
				sb_addc(&sb, '\'');
				p += 2;
				continue;
			}
			if (c == 0x9c || c == 0x9d) {
				sb_addc(&sb, '"');
				p += 2;
				continue;
			}
		}
		sb_addc(&sb, *p);
	}
	return sb_detach(&sb);
}

char *form_collapse_space(const char *s)
{
	size_t n = strlen(s);
	if (!strpbrk(s, "\t\n\r") && !strstr(s, "  ") && (!n || (s[0] != ' ' && s[n - 1] != ' ')))
		return xstrndup(s, n);
	strbuf sb = STRBUF_INIT;
	int blank = 0;
	for (const char *p = s; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			blank = 1;
			continue;
		}
		if (blank && sb.len)
			sb_addc(&sb, ' ');
		blank = 0;
		sb_addc(&sb, *p);
	}
	return sb_detach(&sb);
}
