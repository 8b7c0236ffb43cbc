/* fw_why.c: the refusal of a fieldwork step recorded as a code and its values (fw_why.h). */
#include "store/fw_why.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static store_fw_why last;

int store_fw_why_set(const char *err, store_fw_why_code code, int nargs, ...)
{
	memset(&last, 0, sizeof last);
	last.code = code;
	snprintf(last.line, sizeof last.line, "%s", err ? err : "");
	va_list ap;
	va_start(ap, nargs);
	for (int i = 0; i < nargs && i < STORE_FW_WHY_ARGS; i++) {
		const char *v = va_arg(ap, const char *);
		snprintf(last.arg[i], sizeof last.arg[i], "%s", v ? v : "");
	}
	va_end(ap);
	return -1;
}

const store_fw_why *store_fw_why_of(const char *err)
{
	static const store_fw_why none;
	if (last.code == FW_WHY_NONE || !err || strcmp(err, last.line) != 0)
		return &none;
	return &last;
}
