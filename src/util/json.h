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

/* ---- the writer: objects, arrays and values, with the commas and colons put for the caller ----
 *
 *	json_w w;
 *	jw_init(&w, stdout, 1);
 *	jw_obj(&w);
 *	jw_key(&w, "n"); jw_int(&w, 3);
 *	jw_key(&w, "xs"); jw_arr(&w); jw_num(&w, 0.5); jw_null(&w); jw_end(&w);
 *	jw_end(&w);                      -> {"n": 3, "xs": [0.5, null]}
 *
 * A value inside an object must follow its json_key; nesting deeper than JSON_MAX_DEPTH is a
 * programming error (abort). Nothing is buffered: the writer only adds punctuation to f. */
#define JSON_MAX_DEPTH 32

typedef struct json_w {
	FILE *f;
	int spaced;                   /* ", " and ": " (1) or "," and ":" (0) */
	int depth;                    /* open objects and arrays */
	char close[JSON_MAX_DEPTH];   /* '}' or ']' per open level */
	char any[JSON_MAX_DEPTH];     /* an item was written at this level */
	int after_key;                /* the next value is the value of the key just written */
	const char *brk;              /* written before the next item, after its comma, or before
	                               * a closing bracket (a line break and indentation); NULL */
} json_w;

void jw_init(json_w *w, FILE *f, int spaced);
/* Put text (e.g. "\n  ") before the next key or array item, after its comma, or before the
 * closing bracket when jw_end comes first. */
void jw_break(json_w *w, const char *text);
void jw_key(json_w *w, const char *key);
void jw_obj(json_w *w);                     /* '{' as the next value */
void jw_arr(json_w *w);                     /* '[' as the next value */
void jw_end(json_w *w);                     /* closes the innermost object or array */
void jw_str(json_w *w, const char *s);      /* json_put_string: NULL writes null */
void jw_num(json_w *w, double x);           /* json_put_number: 17 digits, NaN null */
void jw_num_digits(json_w *w, double x, int digits);   /* %.*g, NaN null */
void jw_int(json_w *w, long long x);
void jw_bool(json_w *w, int b);
void jw_null(json_w *w);
void jw_raw(json_w *w, const char *text);   /* text already JSON (a number's digits) */

/* One member of an object: jw_key(w, key) then the value, in one call. */
void jw_kstr(json_w *w, const char *key, const char *s);
void jw_kint(json_w *w, const char *key, long long x);
void jw_knum(json_w *w, const char *key, double x);
void jw_kbool(json_w *w, const char *key, int b);
/* n members of one type in a row, keys[i] with vals[i] (a table instead of n calls). */
void jw_kstrs(json_w *w, const char *const *keys, const char *const *vals, int n);
void jw_kints(json_w *w, const char *const *keys, const long long *vals, int n);
void jw_knums(json_w *w, const char *const *keys, const double *vals, int n);

#endif
