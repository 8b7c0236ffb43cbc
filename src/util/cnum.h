/* cnum.h: numbers read and written the C way ('.' as the decimal point, no grouping) whatever
 * the process locale says — a Russian or Kyrgyz LC_NUMERIC writes "0,5". Every parse and print
 * of a number in a file, an expression or an output goes through here. */
#ifndef SURVEY_CNUM_H
#define SURVEY_CNUM_H

#include <stddef.h>

#include "util/util.h"

/* strtod in the C locale. */
double cnum_strtod(const char *s, char **end);

/* x with `digits` significant digits (%.*g) in the C locale into buf (32 bytes); when x is NaN
 * or infinite, nan_text instead (NULL: printf's own "nan", "inf", "-inf"). Returns buf. */
char *cnum_text(char buf[32], double x, int digits, const char *nan_text);

/* sb_addf in the C locale (for formats with floating-point conversions). */
void cnum_addf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
