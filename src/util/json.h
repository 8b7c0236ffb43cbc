/* json.h: the small JSON writer every JSON output uses (the commands' --format json and the
 * JSON export) — one escaping rule for strings, one way to write numbers and keys. */
#ifndef SURVEY_JSON_H
#define SURVEY_JSON_H

#include <stdio.h>

/* s as a JSON string literal, quotes included; NULL writes null. '"' and '\\' escaped, \b \f
 * \n \r \t by name, any other control character and DEL as \u00XX; valid UTF-8 copied as it
 * is, and each byte that is not part of valid UTF-8 written as \ufffd, so that the output is
 * always valid JSON whatever a file held. */
void json_put_string(FILE *f, const char *s);

/* x as a JSON number: 17 significant digits with '.' whatever the locale (the same double
 * reads back); null when x is NaN or infinite. */
void json_put_number(FILE *f, double x);

/* The key of an object member: ',' unless *first (which is then cleared), the key as a string,
 * ':'. Start each object with int first = 1. */
void json_put_key(FILE *f, const char *key, int *first);

#endif
