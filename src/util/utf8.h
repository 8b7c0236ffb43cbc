/* utf8.h: the UTF-8 helpers every layer uses — decode one sequence strictly, encode a code
 * point, count characters, find a character's byte offset, and cut at a character boundary. */
#ifndef SURVEY_UTF8_H
#define SURVEY_UTF8_H

#include <stddef.h>

/* The UTF-8 sequence at s (n bytes available): its length (1-4) with its code point in *cp,
 * 0 when the bytes are not valid UTF-8 (overlong forms, surrogates and code points above
 * U+10FFFF are invalid), -1 when the n bytes are the valid beginning of a longer sequence. */
int utf8_sequence(const char *s, size_t n, unsigned long *cp);

/* Write cp as UTF-8 into out: its length (1-4), or 0 (nothing written) when cp is a surrogate
 * or above U+10FFFF. */
int utf8_encode(unsigned long cp, char out[4]);

/* The number of characters in s[0..n): the bytes that are not continuation bytes (10xxxxxx). */
size_t utf8_count(const char *s, size_t n);

/* The byte offset in s[0..n) of character number ci (from 0), n when s has fewer characters. */
size_t utf8_offset(const char *s, size_t n, size_t ci);

/* The largest m <= n at which s[m] does not continue a character, so that s[0..m) never ends
 * inside one (s[n] must be readable: a NUL, or more of the string). */
size_t utf8_cut(const char *s, size_t n);

/* Is s[0..n) text: valid UTF-8 with no NUL byte? 0 when it is; otherwise -1 with *line the line
 * (from 1, counting '\n') of the first bad byte and *nul 1 when that byte is a NUL (a binary
 * file), 0 when it is not UTF-8 (another encoding). */
int utf8_text_check(const char *s, size_t n, int *line, int *nul);

#endif
