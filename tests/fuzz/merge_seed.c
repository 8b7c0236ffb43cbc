/* merge_seed.c: the helper of tests/fuzz/make-merge-corpus.sh (built by
 * `make build/rel/tests/fuzz/merge_seed`):
 *   merge_seed form FILE                  writes the fuzzer's questionnaire (merge_form.h)
 *   merge_seed edit DB UUID PATH VALUE    revises interview UUID of DB: PATH set to VALUE,
 *                                         completed again (a later version of it, on a clock
 *                                         fixed in 2022, so the seeds come out the same) */
#include <stdio.h>
#include <string.h>

#include "merge_form.h"
#include "store/store.h"
#include "util/util.h"

static long long fixed_clock(void *arg)
{
	long long *t = arg;
	return *t += 1000;
}

static int edit(char **argv)
{
	char err[ERR_MAX];
	long long t = 1640995200000LL;   /* 2022-01-01 */
	store *st;
	store_iv *iv;
	if (store_open(argv[0], 0, &st, err)) {
		fprintf(stderr, "merge_seed: %s\n", err);
		return 1;
	}
	store_set_clock(st, fixed_clock, &t);
	int rc = store_iv_resume(st, argv[1], &iv, err) ||
		 store_iv_set(iv, argv[2], argv[3], STATE_ANSWERED, err) ||
		 store_iv_complete(iv, NULL, err);
	if (rc)
		fprintf(stderr, "merge_seed: %s\n", err);
	store_iv_close(iv);
	store_close(st);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "form") == 0) {
		FILE *f = fopen(argv[2], "w");
		if (!f || fputs(merge_form_md, f) < 0 || fclose(f) != 0) {
			perror(argv[2]);
			return 1;
		}
		return 0;
	}
	if (argc == 6 && strcmp(argv[1], "edit") == 0)
		return edit(argv + 2);
	fprintf(stderr, "usage: merge_seed form FILE | merge_seed edit DB UUID PATH VALUE\n");
	return 2;
}
