/* termsafe.c: escaping of control characters and invalid UTF-8 for the terminal, in one piece
 * or as a stream, and the check that text is printable. */
#include "util/termsafe.h"

#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

static void add_byte_escape(strbuf *sb, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char e[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };
	sb_add(sb, e, 4);
}

/* Escape s[0..n); stop before an incomplete sequence at the end unless final. Returns the bytes
 * consumed. */
static size_t scan(strbuf *sb, const char *s, size_t n, unsigned keep, int final)
{
	size_t i = 0;
	while (i < n) {
		unsigned long cp;
		int k = utf8_sequence(s + i, n - i, &cp);
		if (k < 0 && !final)
			break;
		if (k <= 0) {
			add_byte_escape(sb, (unsigned char)s[i++]);
			continue;
		}
		if (k == 1 && (cp < 0x20 || cp == 0x7f)) {
			if ((cp == '\t' && (keep & TERMSAFE_KEEP_TAB)) ||
			    (cp == '\n' && (keep & TERMSAFE_KEEP_NEWLINE)))
				sb_addc(sb, (char)cp);
			else if (cp == '\n')
				sb_adds(sb, "\\n");
			else if (cp == '\r')
				sb_adds(sb, "\\r");
			else if (cp == '\t')
				sb_adds(sb, "\\t");
			else
				add_byte_escape(sb, (unsigned char)cp);
		} else if (cp >= 0x80 && cp <= 0x9f) {
			for (int j = 0; j < k; j++)
				add_byte_escape(sb, (unsigned char)s[i + (size_t)j]);
		} else {
			/* copy the run of plain text at once */
			size_t j = i + (size_t)k;
			while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7f)
				j++;
			sb_add(sb, s + i, j - i);
			k = (int)(j - i);
		}
		i += (size_t)k;
	}
	return i;
}

void termsafe_add(strbuf *sb, const char *s, size_t n, unsigned keep)
{
	sb_add(sb, "", 0);   /* sb holds a string even when s is empty */
	scan(sb, s, n, keep, 1);
}

void termsafe_adds(strbuf *sb, const char *s, unsigned keep)
{
	if (s)
		termsafe_add(sb, s, strlen(s), keep);
}

char *termsafe_dup(const char *s, unsigned keep)
{
	if (!s)
		return NULL;
	strbuf sb = STRBUF_INIT;
	termsafe_adds(&sb, s, keep);
	return sb_detach(&sb);
}

void termsafe_vline(strbuf *sb, const char *fmt, va_list ap)
{
	strbuf msg = STRBUF_INIT;
	sb_vaddf(&msg, fmt, ap);
	termsafe_add(sb, sb_str(&msg), msg.len, TERMSAFE_ONE_LINE);
	sb_addc(sb, '\n');
	sb_release(&msg);
}

void termsafe_line(strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	termsafe_vline(sb, fmt, ap);
	va_end(ap);
}

void termsafe_filter_add(termsafe_filter *f, strbuf *out, const char *s, size_t n)
{
	sb_add(out, "", 0);
	while (f->npend && n) {
		/* complete the held sequence a byte at a time */
		f->pend[f->npend++] = *s++;
		n--;
		size_t used = scan(out, f->pend, f->npend, f->keep, 0);
		memmove(f->pend, f->pend + used, f->npend - used);
		f->npend -= used;
	}
	if (f->npend)
		return;   /* n is 0: still incomplete */
	size_t used = scan(out, s, n, f->keep, 0);
	memcpy(f->pend, s + used, n - used);   /* at most 3 bytes: an incomplete sequence */
	f->npend = n - used;
}

void termsafe_filter_end(termsafe_filter *f, strbuf *out)
{
	sb_add(out, "", 0);
	scan(out, f->pend, f->npend, f->keep, 1);
	f->npend = 0;
}

/* ---- the stream ---- */

typedef struct tstream {
	FILE *under;
	termsafe_filter f;
	strbuf buf;
	struct tstream *next;    /* in `streams` */
} tstream;

/* Every stream open, so that one never closed (stderr) is still referenced at exit. */
static tstream *streams;

static int put(tstream *t)
{
	if (t->buf.len && fwrite(t->buf.buf, 1, t->buf.len, t->under) != t->buf.len)
		return -1;
	sb_reset(&t->buf);
	return fflush(t->under) == 0 ? 0 : -1;
}

static ssize_t stream_write(void *cookie, const char *s, size_t n)
{
	tstream *t = cookie;
	termsafe_filter_add(&t->f, &t->buf, s, n);
	return put(t) ? 0 : (ssize_t)n;
}

static int stream_close(void *cookie)
{
	tstream *t = cookie;
	termsafe_filter_end(&t->f, &t->buf);
	int rc = put(t);
	for (tstream **p = &streams; *p; p = &(*p)->next)
		if (*p == t) {
			*p = t->next;
			break;
		}
	if (fclose(t->under) != 0)
		rc = -1;
	sb_release(&t->buf);
	free(t);
	return rc ? EOF : 0;
}

FILE *termsafe_stream(FILE *under, unsigned keep, int mode)
{
	tstream *t = xcalloc(1, sizeof *t);
	t->under = under;
	t->f.keep = keep;
	cookie_io_functions_t io = { .write = stream_write, .close = stream_close };
	FILE *f = fopencookie(t, "w", io);
	if (!f) {
		free(t);
		return NULL;
	}
	setvbuf(f, NULL, mode, BUFSIZ);
	t->next = streams;
	streams = t;
	return f;
}

int termsafe_text_ok(const char *s, int lines)
{
	const unsigned char *p = (const unsigned char *)s;
	for (;;) {
		unsigned char c = *p;
		if (c >= 0x20 && c < 0x7f) {   /* printable ASCII, most of any text here */
			p++;
			continue;
		}
		if (!c)
			return 1;
		/* two bytes (Cyrillic, most of the rest), C1 controls (U+0080-U+009F) refused */
		if (c >= 0xc2 && c <= 0xdf && (p[1] & 0xc0) == 0x80) {
			if (c == 0xc2 && p[1] < 0xa0)
				return 0;
			p += 2;
			continue;
		}
		/* at most 4 bytes read: each after one that is not the terminating NUL */
		unsigned long cp;
		int k = utf8_sequence((const char *)p, 4, &cp);
		if (k <= 0)
			return 0;
		if (cp < 0x20 && !(lines && (cp == '\t' || cp == '\n' || cp == '\r')))
			return 0;
		if (cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))
			return 0;
		p += k;
	}
}

int termsafe_file_name_ok(const char *name)
{
	size_t n = strlen(name);
	if (!n || n > TERMSAFE_FILE_NAME_MAX || name[0] == '.' || strstr(name, "..") ||
	    strpbrk(name, "/\\\t\r\n") || !termsafe_text_ok(name, 1))
		return 0;
	return 1;
}

char *termsafe_quoted(const char *v, size_t max)
{
	if (!v)
		return xstrdup("NULL");
	strbuf sb = STRBUF_INIT;
	sb_addc(&sb, '\'');
	const unsigned char *p = (const unsigned char *)v;
	size_t used = 0;
	while (*p) {
		size_t n = 1;
		if (*p >= 0xc2 && *p <= 0xf4) {   /* a whole UTF-8 character, or its bytes escaped */
			size_t want = *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;
			while (n < want && (p[n] & 0xc0) == 0x80)
				n++;
			if (n < want || (*p == 0xc2 && p[1] < 0xa0))   /* C1 controls too */
				n = 1;
		}
		int esc = n == 1 && (*p < 0x20 || *p >= 0x7f);
		if (used + (esc ? 4 : n) > max) {
			sb_adds(&sb, "...");
			break;
		}
		if (esc)
			sb_addf(&sb, "\\x%02x", *p);
		else
			sb_add(&sb, (const char *)p, n);
		used += esc ? 4 : n;
		p += n;
	}
	sb_addc(&sb, '\'');
	return sb_detach(&sb);
}
