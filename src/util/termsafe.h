/* termsafe.h: text made safe to show on a terminal — control characters, DEL, C1 controls and
 * bytes that are not UTF-8 written as visible escapes ("\x1b"), so that what a file holds can
 * never move the cursor, clear the screen or forge a line; and the check that a name or an
 * answer is printable text. Valid UTF-8 (Cyrillic, Kyrgyz ң ө ү) passes unchanged. */
#ifndef SURVEY_TERMSAFE_H
#define SURVEY_TERMSAFE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "util/utf8.h"
#include "util/util.h"

/* Controls a caller lets through raw (or-ed); every other control is escaped. */
enum {
	TERMSAFE_ONE_LINE = 0,      /* a message, a field: one line, nothing raw */
	TERMSAFE_KEEP_TAB = 1,      /* '\t' */
	TERMSAFE_KEEP_NEWLINE = 2,  /* '\n' (text of several lines) */
};


/* Append the n bytes of s to sb, escaped: newline, CR and tab as "\n", "\r", "\t" (unless
 * kept), any other C0 control (0x00-0x1F), DEL (0x7F), a C1 control (U+0080-U+009F, UTF-8
 * C2 80..C2 9F) and every byte that is not part of valid UTF-8 as "\xNN", one per byte. */
void termsafe_add(strbuf *sb, const char *s, size_t n, unsigned keep);
/* The same for a NUL-terminated string (NULL adds nothing). */
void termsafe_adds(strbuf *sb, const char *s, unsigned keep);
/* An escaped copy of s (malloc'd; the caller frees); NULL for NULL. */
char *termsafe_dup(const char *s, unsigned keep);
/* Format a message, then append it escaped as one line (its newlines as "\n") and a '\n'. */
void termsafe_line(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void termsafe_vline(strbuf *sb, const char *fmt, va_list ap);

/* Escaping of text that arrives in pieces (a stream): a UTF-8 sequence cut between two pieces
 * is held back until the next one completes it. Initialise as { .keep = ... }. */
typedef struct termsafe_filter {
	unsigned keep;           /* TERMSAFE_KEEP_* */
	char pend[4];            /* the beginning of a sequence cut at the end of a piece */
	size_t npend;            /* bytes in pend */
} termsafe_filter;
void termsafe_filter_add(termsafe_filter *f, strbuf *out, const char *s, size_t n);
/* The end of the text: held bytes (an incomplete sequence) are escaped. */
void termsafe_filter_end(termsafe_filter *f, strbuf *out);

/* A stream that writes to `under` what it is given, escaped through a termsafe_filter (glibc
 * fopencookie). mode: _IONBF, _IOLBF or _IOFBF, its buffering. Writing fails when writing to
 * `under` fails; closing it ends the filter and closes `under`. NULL if it cannot be made. */
FILE *termsafe_stream(FILE *under, unsigned keep, int mode);

/* Is s printable text: valid UTF-8 with no C0 control, DEL or C1 control? With lines, tab,
 * newline and CR are allowed (an answer of several lines); without, s is one line (a name). */
int termsafe_text_ok(const char *s, int lines);

/* Is name a plain file name, as an attachment is stored and exported under: 1 to
 * TERMSAFE_FILE_NAME_MAX bytes of UTF-8 text, no control characters, no '/' or '\\', no "..",
 * not starting with '.' (nothing hidden, nothing outside the folder it is written to)? */
#define TERMSAFE_FILE_NAME_MAX 255
int termsafe_file_name_ok(const char *name);

/* A value quoted for a one-line message: at most max bytes (cut at a character boundary, then
 * "..."), control characters and invalid UTF-8 bytes written as \xNN, in single quotes.
 * malloc'd; NULL gives "NULL". */
char *termsafe_quoted(const char *value, size_t max);

#endif
