/* fuzz_record.c: libFuzzer harness for the record codec of issue 18 (store/record.h) — any
 * bytes as a record's two texts (answers, then events after the first newline) from a hostile
 * file: decoded (whole, and answers only) or refused with one line, never a crash; what decodes
 * encodes to a canonical record that decodes to the same rows and encodes to the same bytes
 * again (record_check). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record.h"
#include "util/util.h"

static const long long ids[] = { 1, 2, 3, 5, 7 };
static const char *const templates[] = { "g/a", "g/b", "rep[%]/name", "rep[%]/age", "h/c" };

static int count(void *arg, const char *path, const char *value, const char *state)
{
	if (!path || !state)
		abort();
	++*(long long *)arg;
	return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t len)
{
	static record_paths *paths;
	char err[ERR_MAX];
	if (!paths)
		paths = record_paths_new(ids, templates, 5, err);
	const char *text = (const char *)data, *nl = memchr(text, '\n', len);
	if (!nl)
		return 0;
	const char *created = len % 2 ? "2021-10-03T19:00:00.000Z" : "2021-10-03T19:00:00+06:00";
	record_rows r, back;
	long long n = 0;
	if (record_answers_each(paths, text, (size_t)(nl - text), count, &n, err) < 0 &&
	    (!err[0] || strchr(err, '\n')))
		fprintf(stderr, "a refusal that is not one line: '%s'\n", err), abort();
	if (record_decode(paths, created, "0f", text, (size_t)(nl - text), nl + 1,
			  len - (size_t)(nl - text) - 1, &r, err)) {
		if (!err[0] || strchr(err, '\n'))
			fprintf(stderr, "a refusal that is not one line: '%s'\n", err), abort();
		return 0;
	}
	char *a = NULL, *e = NULL;
	if (record_encode(paths, created, "0f", &r, &a, &e, err) == 0) {
		if (record_check(paths, created, "0f", a, strlen(a), e, strlen(e), &back, err))
			fprintf(stderr, "its own encoding refused: %s\n%s\n%s\n", err, a, e),
				abort();
		record_rows_free(&back);
	}
	free(a);
	free(e);
	record_rows_free(&r);
	return 0;
}
