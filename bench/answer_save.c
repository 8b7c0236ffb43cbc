/* answer_save.c: the time to save one answer through the interview engine (validation,
 * recomputation, the store's transaction with its event, committed with synchronous=FULL),
 * next to a bare SQLite INSERT + COMMIT with the same durability (WAL, synchronous=FULL) in
 * the same directory: the floor. Prints medians and their ratio. Built by answer-save.sh.
 * usage: answer_save FORM DIR N */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "interview/engine.h"
#include "util/util.h"

static double now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void die(const char *what, const char *err)
{
	fprintf(stderr, "answer_save: %s: %s\n", what, err);
	exit(1);
}

/* The engine: answer the same text question again and again with a new value each time. */
static double engine_median(const char *formpath, const char *dir, int n, double *t)
{
	char err[ERR_MAX];
	form *f;
	if (form_load(formpath, &f, NULL, err))
		die("form", err);
	char *path = xasprintf("%s/engine.db", dir);
	store *st;
	if (store_open(path, STORE_CREATE, &st, err))
		die("store", err);
	engine *e;
	engine_new how = { .interviewer = "bench", .source_path = formpath };
	if (engine_start(st, f, &how, &e, err))
		die("engine", err);
	/* the first text question that is relevant now */
	const char *q = NULL;
	engine_review_item *items;
	int ni;
	if (engine_review(e, &items, &ni, err))
		die("review", err);
	for (int i = 0; i < ni && !q; i++)
		if (f->nodes[items[i].node].type == FORM_TEXT)
			q = xstrdup(items[i].path);
	engine_review_free(items, ni);
	if (!q)
		die("form", "no text question");
	for (int i = 0; i < n; i++) {
		char v[64];
		snprintf(v, sizeof v, "Бишкек шаарынын мэриясы %d", i);
		double t0 = now_us();
		int rc = engine_answer(e, q, v, err);
		t[i] = now_us() - t0;
		if (rc)
			die("answer", err);
	}
	engine_free(e);
	store_close(st);
	form_free(f);
	free((char *)q);
	free(path);
	return median(t, n);
}

static void exec(sqlite3 *db, const char *sql)
{
	char *msg;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		die(sql, msg);
}

/* The floor: one row inserted and committed per call, same durability settings. */
static double sqlite_median(const char *dir, int n, double *t)
{
	char *path = xasprintf("%s/floor.db", dir);
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		die("sqlite", path);
	exec(db, "PRAGMA journal_mode=WAL");
	exec(db, "PRAGMA synchronous=FULL");
	exec(db, "CREATE TABLE IF NOT EXISTS answers(uuid TEXT, path TEXT, value TEXT, PRIMARY KEY(uuid, path))"
		 " WITHOUT ROWID");
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO answers VALUES "
			       "('6a1f0c2e-0b7d-4f7e-9a51-3c1d2e4f5a6b', ?, ?)", -1, &s, NULL))
		die("prepare", sqlite3_errmsg(db));
	for (int i = 0; i < n; i++) {
		char p[32], v[64];
		snprintf(p, sizeof p, "q%d", i % 50);
		snprintf(v, sizeof v, "Бишкек шаарынын мэриясы %d", i);
		double t0 = now_us();
		sqlite3_bind_text(s, 1, p, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, v, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) != SQLITE_DONE)   /* autocommit: one transaction, one fsync */
			die("insert", sqlite3_errmsg(db));
		sqlite3_reset(s);
		t[i] = now_us() - t0;
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	free(path);
	return median(t, n);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: answer_save FORM DIR N\n");
		return 2;
	}
	int n = atoi(argv[3]);
	if (n < 1)
		n = 1;
	double *t = xcalloc((size_t)n, sizeof *t);
	double floor_us = sqlite_median(argv[2], n, t);
	double eng_us = engine_median(argv[1], argv[2], n, t);
	double floor2 = sqlite_median(argv[2], n, t);   /* again, after: the disk may vary */
	if (floor2 < floor_us)
		floor_us = floor2;
	printf("answer save, median of %d: engine %.0f us, bare SQLite insert+commit %.0f us, "
	       "ratio %.2f\n", n, eng_us, floor_us, eng_us / floor_us);
	free(t);
	return 0;
}
