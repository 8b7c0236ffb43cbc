/* util.h: allocation that cannot fail, growable strings, error buffers, small helpers.
 * Allocation failure is fatal here, in one place, so call sites stay clean (tmux xmalloc.c). */
#ifndef SURVEY_UTIL_H
#define SURVEY_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Size of the error buffers that lower layers fill: char err[ERR_MAX]. */
#define ERR_MAX 512

/* Allocation: never returns NULL; on exhaustion the process aborts with a message. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);               /* xstrdup(NULL) returns NULL */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* v as "%lld" writes it, without printf's cost, NUL-terminated at the end of buf: returns
 * where it begins (the hashes and records write an integer per row). */
const char *util_lld(long long v, char buf[24]);
/* Free the n strings of v (NULL ones are skipped) and then v itself; v may be NULL. */
void strv_free(char **v, size_t n);

/* Fill an ERR_MAX error buffer (err may be NULL); returns -1 so callers can
 * write `return errf(err, "cannot open '%s': %s", path, why);`. */
int errf(char *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Growable NUL-terminated string. Initialise with STRBUF_INIT or zeroed memory. */
typedef struct strbuf {
	char *buf;   /* contents, NUL-terminated once anything was added; may be NULL when empty */
	size_t len;  /* bytes used, not counting the NUL */
	size_t cap;  /* bytes allocated */
} strbuf;
#define STRBUF_INIT { NULL, 0, 0 }
void sb_add(strbuf *sb, const char *s, size_t n);
void sb_adds(strbuf *sb, const char *s);
/* One byte: inline while there is room (the record codec adds most of its JSON so). */
static inline void sb_addc(strbuf *sb, char c)
{
	if (sb->len + 2 <= sb->cap) {
		sb->buf[sb->len++] = c;
		sb->buf[sb->len] = '\0';
	} else {
		sb_add(sb, &c, 1);
	}
}
void sb_addf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(strbuf *sb, const char *fmt, va_list ap);
const char *sb_str(const strbuf *sb);       /* "" when empty; never NULL */
char *sb_detach(strbuf *sb);                /* caller frees; leaves sb empty; never NULL */
void sb_reset(strbuf *sb);                  /* len = 0, keeps the allocation */
void sb_release(strbuf *sb);                /* frees the buffer */

/* Case-insensitive ASCII comparison (Cyrillic compared as bytes). */
int ascii_casecmp(const char *a, const char *b);

/* A size for people: "812 bytes", "20 KB", "20 MB", "1.5 GB" (units of 1024), into out. */
void util_human_size(long long bytes, char *out, size_t n);
/* A size as typed: digits with an optional K, M or G (units of 1024, any case, an optional
 * B after it: "20M", "500kb", "1048576"): 0 and *out, or -1. */
int util_parse_size(const char *s, long long *out);

/* The words of a space-separated list (a select_multiple value, a label to wrap): skips the
 * spaces at *p and returns the length of the word that then starts at *p, 0 at the end:
 *   size_t k;
 *   for (const char *p = s; (k = util_word(&p)) > 0; p += k)   ... the word p[0..k) ...   */
size_t util_word(const char **p);

/* Read a whole file into memory (NUL-terminated, length in *len). NULL with err on failure. */
char *read_file(const char *path, size_t *len, char *err);

#endif
