/* test_stats_ref.h: reading the .ref files of tests/fixtures/stats (lines "key v1 v2 ...", made by
 * make-refs.sh from R and PSPP) and comparing numbers with the tolerances, for the
 * test_stats_*.c programs. Header-only: each unit test is its own program. */
#ifndef TEST_STATS_REF_H
#define TEST_STATS_REF_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

typedef struct ref_entry {
	char *key;
	double *v;
	int n;
	char *text;      /* the rest of the line, for messages */
} ref_entry;

typedef struct ref_file {
	ref_entry *e;
	int n;
} ref_file;

static inline char *ref_path(const char *name)
{
	const char *top = getenv("TOP");
	return xasprintf("%s/tests/fixtures/stats/%s", top ? top : ".", name);
}

static inline int ref_load(ref_file *rf, const char *name)
{
	char *path = ref_path(name), err[ERR_MAX];
	size_t len;
	char *buf = read_file(path, &len, err);
	free(path);
	rf->e = NULL;
	rf->n = 0;
	if (!buf)
		return -1;
	char *save = NULL;
	for (char *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *sp = strchr(line, ' ');
		if (!sp)
			continue;
		*sp = 0;
		rf->e = xreallocarray(rf->e, rf->n + 1, sizeof(ref_entry));
		ref_entry *e = &rf->e[rf->n++];
		e->key = xstrdup(line);
		e->text = xstrdup(sp + 1);
		e->v = NULL;
		e->n = 0;
		char *p = sp + 1, *end;
		for (;;) {
			while (*p == ' ')
				p++;
			if (!*p)
				break;
			double d = strtod(p, &end);
			if (end == p) {
				if (!strncmp(p, "nan", 3)) {
					d = NAN;
					end = p + 3;
				} else {
					break;
				}
			}
			e->v = xreallocarray(e->v, e->n + 1, sizeof(double));
			e->v[e->n++] = d;
			p = end;
		}
	}
	free(buf);
	return 0;
}

static inline void ref_free(ref_file *rf)
{
	for (int i = 0; i < rf->n; i++) {
		free(rf->e[i].key);
		free(rf->e[i].v);
		free(rf->e[i].text);
	}
	free(rf->e);
	rf->e = NULL;
	rf->n = 0;
}

static inline const ref_entry *ref_get(const ref_file *rf, const char *key)
{
	for (int i = 0; i < rf->n; i++)
		if (!strcmp(rf->e[i].key, key))
			return &rf->e[i];
	return NULL;
}

/* The first number of key, or NAN when absent. */
static inline double ref_num(const ref_file *rf, const char *key)
{
	const ref_entry *e = ref_get(rf, key);
	return e && e->n > 0 ? e->v[0] : NAN;
}

/* Agreement as the issue asks: relative 1e-6, or absolute `abs_tol` (1e-12 for p-values). */
static inline int ref_close(double got, double want, double rel, double abs_tol)
{
	if (isnan(want))
		return isnan(got);
	if (isinf(want))
		return got == want;
	return fabs(got - want) <= fmax(rel * fabs(want), abs_tol);
}

static int ref_failures;

/* Compare and report (does not abort, so one run lists every disagreement). */
static inline void ref_check(const char *what, const char *key, double got, double want, double rel,
                      double abs_tol)
{
	if (ref_close(got, want, rel, abs_tol))
		return;
	ref_failures++;
	printf("MISMATCH %s %s: got %.17g want %.17g (rel %.3g)\n", what, key, got, want,
	       fabs(got - want) / fmax(fabs(want), 1e-300));
}

#endif
