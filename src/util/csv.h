/* csv.h: the RFC 4180 scanner both CSV readers share — the lenient questionnaire reader
 * (form/sheets_csv.c, as pyxform and Python's csv module read) and the strict data reader of
 * `survey import` (export/import_csv.c, which refuses what could shift data between columns).
 * A quote opens a quoted field only as its first character; "" inside is a quote; line breaks
 * may be quoted; records end with LF, CR LF or CR. */
#ifndef SURVEY_UTIL_CSV_H
#define SURVEY_UTIL_CSV_H

#include <stddef.h>

#include "util/util.h"

typedef struct csv_scan {
	const char *p, *end;   /* what is left to read */
	char sep;              /* ',' or ';' */
	int line;              /* the line p is on, from 1 */
	int eol_kinds;         /* the record ends seen (bits: 1 LF, 2 CR LF, 4 CR) */
} csv_scan;

/* ',' or ';': whichever is more frequent outside quotes on the first line — with skip_bare,
 * the first line that has either (a line with neither is passed over). */
char csv_sniff(const char *p, const char *end, int skip_bare);

/* What is wrong with a field (csv_scan_field). */
enum {
	CSV_OK = 0,
	CSV_UNCLOSED,       /* a quoted field never closed */
	CSV_TOO_BIG,        /* more than max bytes */
	CSV_AFTER_QUOTE,    /* strict: text after a closing quote */
	CSV_QUOTE_INSIDE,   /* strict: a quote inside an unquoted field */
};

/* Read the field at s->p into field (reset first), leaving s->p at the separator, line end or
 * end that follows it. Lenient (strict 0): text after a closing quote is kept, a quote inside
 * an unquoted field is literal. Returns CSV_OK, or a CSV_* code with *at the line where the
 * trouble is (the quoted field's first line for CSV_UNCLOSED and a quoted CSV_TOO_BIG). */
int csv_scan_field(csv_scan *s, strbuf *field, int strict, size_t max, int *at);

/* After a field: 1 when a separator follows (passed over: another field comes); 0 at the end
 * of the record (its line end passed over, s->line advanced, s->eol_kinds noted). */
int csv_scan_next(csv_scan *s);

#endif
