/* laptops.c: makes laptop database files for the merge benchmark and the merge CLI tests,
 * through the store API, until `survey simulate` exists: each file its own device, interviews
 * of ~60 answers and ~70 events, 80% complete, the rest drafts.
 *   laptops DIR NFILES NINTERVIEWS [SEED] [FIRST]  -> DIR/laptopFIRST.db ... (FIRST: 1) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/util.h"

static const char *const oblasts[] = { "chui", "osh", "jalal-abad", "batken", "naryn",
				       "issyk-kul", "talas" };

/* The questionnaire of the answers below: q01..q50, then q51..q58 in the repeat hh; every 7th
 * is text, the others integers; comment is never answered. */
static char *form_md(void)
{
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "| survey |\n| | type | name | label |\n"
		"| | select_one oblast | oblast | Oblast |\n"
		"| | text | municipality | Municipality |\n");
	for (int q = 1; q <= 58; q++) {
		if (q == 51)
			sb_adds(&sb, "| | begin repeat | hh | Household |\n");
		sb_addf(&sb, "| | %s | q%02d | Q%d |\n", q % 7 == 0 ? "text" : "integer", q, q);
	}
	sb_adds(&sb, "| | end repeat | | |\n| | text | comment | Never answered |\n| choices |\n| | list_name | name | label |\n");
	for (int i = 0; i < 7; i++)
		sb_addf(&sb, "| | oblast | %s | %s |\n", oblasts[i], oblasts[i]);
	sb_adds(&sb, "| settings |\n| | form_id | version | key_questions |\n"
		"| | lsg | 1 | municipality |\n");
	return sb_detach(&sb);
}

static unsigned long long rng;
static unsigned rnd(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((rng >> 33) % n);
}

static void die(const char *what, const char *err)
{
	fprintf(stderr, "laptops: %s: %s\n", what, err);
	exit(1);
}

/* Municipalities are unique per file and interview, so the benchmark has no duplicates. */
static void interview(store *st, int f, int k)
{
	char err[ERR_MAX], created[32], v[64], path[32];
	snprintf(created, sizeof created, "2026-0%d-%02dT%02d:%02d:00.000Z", 4 + rnd(3),
		 1 + rnd(28), 8 + rnd(10), rnd(60));
	char who[32];
	snprintf(who, sizeof who, "interviewer-%d", 1 + rnd(3));
	store_start how = { .form_id = "lsg", .form_version = "1", .interviewer = who,
			    .lang = "ky", .created = created };
	store_iv *iv;
	if (store_iv_start(st, &how, &iv, err))
		die("start", err);
	if (store_iv_set(iv, "oblast", oblasts[rnd(7)], STATE_ANSWERED, err))
		die("set", err);
	snprintf(v, sizeof v, "ayil-okmotu-%d-%d", f, k);
	if (store_iv_set(iv, "municipality", v, STATE_ANSWERED, err))
		die("set", err);
	for (int q = 1; q <= 58; q++) {
		if (q > 50)
			snprintf(path, sizeof path, "hh[%d]/q%02d", q % 3 + 1, q);
		else
			snprintf(path, sizeof path, "q%02d", q);
		unsigned r = rnd(20);
		store_state s = r == 0 ? STATE_DONT_KNOW : r == 1 ? STATE_REFUSED :
				r == 2 ? STATE_SKIPPED : STATE_ANSWERED;
		if (q % 7 == 0)
			snprintf(v, sizeof v, "a longer free-text answer number %u", rnd(100000));
		else
			snprintf(v, sizeof v, "%u", rnd(1000));
		if (store_iv_set(iv, path, s == STATE_ANSWERED || s == STATE_SKIPPED ? v : NULL, s,
				 err))
			die("set", err);
		if (q % 6 == 0 && store_iv_event(iv, "moved", path, "back", err))
			die("event", err);
	}
	if (k % 5 != 4 && store_iv_complete(iv, NULL, err))
		die("complete", err);
	store_iv_close(iv);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: laptops DIR NFILES NINTERVIEWS [SEED] [FIRST]\n");
		return 2;
	}
	int nfiles = atoi(argv[2]), n = atoi(argv[3]);
	rng = argc > 4 ? strtoull(argv[4], NULL, 10) : 1;
	rng += argc > 5 ? strtoull(argv[5], NULL, 10) * 7919 : 0;
	int first = argc > 5 ? atoi(argv[5]) : 1;
	for (int f = first; f < first + nfiles; f++) {
		char err[ERR_MAX];
		char *path = xasprintf("%s/laptop%02d.db", argv[1], f);
		remove(path);
		store *st;
		if (store_open(path, STORE_CREATE, &st, err))
			die("open", err);
		char *md = form_md();
		int bad = store_form_put(st, "lsg", "1", "LSG", "lsg.md", "md", md, strlen(md), err);
		free(md);
		if (bad ||
		    store_batch_begin(st, err))
			die("form", err);
		for (int k = 0; k < n; k++)
			interview(st, f, k);
		if (store_batch_end(st, 1, err))
			die("commit", err);
		store_close(st);
		free(path);
	}
	return 0;
}
