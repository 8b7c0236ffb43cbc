/* test_analysis.c: the analysis pipeline on a database made here through the store API —
 * names to questions, coding in choice-list order, missing values, weights, --where, versions,
 * select_multiple, layers, the store's fast read and the report's one-pass read (the same rows
 * as the lookups, hostile rows included), analyses served from a preload, text widths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "analysis/analysis.h"
#include "store/analysis_read.h"
#include "store/report_read.h"
#include "store/store.h"
#include "util/util.h"

static char dir[] = "/tmp/survey-test-analysis-XXXXXX";
static char *db_path;
static char err[ERR_MAX];

/* Version 1 has q at the top; version 2 moved it into group g, added choice 'c', 'w' and
 * the repeat. Both have the select_multiple 'fruit'. */
static const char form_v1[] =
	"| survey |\n"
	"| | type | name | label::English (en) | label::Russian (ru) |\n"
	"| | select_one abc | q | Question | Вопрос |\n"
	"| | select_multiple fruit | fruit | Fruit | Фрукты |\n"
	"| | integer | n | Number | Число |\n"
	"| | text | t | Text | Текст |\n"
	"| choices |\n"
	"| | list_name | name | label::English (en) | label::Russian (ru) |\n"
	"| | abc | a | Ay | А |\n"
	"| | abc | b | Bee | Бэ |\n"
	"| | abc | old | Old choice | Старый |\n"
	"| | fruit | apple | Apple | Яблоко |\n"
	"| | fruit | pear | Pear | Груша |\n"
	"| settings |\n"
	"| | form_id | version |\n"
	"| | f | 1 |\n";
static const char form_v2[] =
	"| survey |\n"
	"| | type | name | label::English (en) | label::Russian (ru) |\n"
	"| | begin group | g | Group | Группа |\n"
	"| | select_one abc | q | Question two | Вопрос два |\n"
	"| | end group | | | |\n"
	"| | select_multiple fruit | fruit | Fruit | Фрукты |\n"
	"| | integer | n | Number | Число |\n"
	"| | text | t | Text | Текст |\n"
	"| | decimal | w | Weight | Вес |\n"
	"| | note | nt | A note | Заметка |\n"
	"| | begin repeat | rep | Repeat | Повтор |\n"
	"| | select_one abc | rq | In the repeat | В повторе |\n"
	"| | end repeat | | | |\n"
	"| choices |\n"
	"| | list_name | name | label::English (en) | label::Russian (ru) |\n"
	"| | abc | c | Sea | Си |\n"
	"| | abc | a | Ay | А |\n"
	"| | abc | b | Bee | Бэ |\n"
	"| | fruit | apple | Apple | Яблоко |\n"
	"| | fruit | pear | Pear | Груша |\n"
	"| settings |\n"
	"| | form_id | version |\n"
	"| | f | 2 |\n";

/* One interview: version, status, then (path, value, state) triples ending with NULL. */
static int add_iv(store *st, const char *version, int complete, ...)
{
	store_iv *iv;
	static int serial;
	char created[64];
	snprintf(created, sizeof created, "2021-01-01T10:%02d:%02d.000Z", serial / 60, serial % 60);
	serial++;
	store_start how = { .form_id = "f", .form_version = version, .created = created };
	if (store_iv_start(st, &how, &iv, err))
		return -1;
	va_list ap;
	va_start(ap, complete);
	const char *path;
	while ((path = va_arg(ap, const char *))) {
		const char *value = va_arg(ap, const char *);
		int state = va_arg(ap, int);
		if (store_iv_set(iv, path, value, state, err)) {
			va_end(ap);
			return -1;
		}
	}
	va_end(ap);
	if (complete && store_iv_complete(iv, NULL, err))
		return -1;
	store_iv_close(iv);
	return 0;
}

#define A STATE_ANSWERED

static int setup(void **state)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (!mkdtemp(dir))
		return -1;
	db_path = xasprintf("%s/a.db", dir);
	store *st;
	if (store_open(db_path, STORE_CREATE, &st, err))
		return -1;
	if (store_form_put(st, "f", "1", "F", "f1.md", "md", form_v1, strlen(form_v1), err) ||
	    store_form_put(st, "f", "2", "F", "f2.md", "md", form_v2, strlen(form_v2), err))
		return -1;
	int rc = 0;
	/* version 1: q at the top */
	rc |= add_iv(st, "1", 1, "q", "b", A, "fruit", "pear apple", A, "n", "3", A, "t", "x", A,
		     NULL);
	rc |= add_iv(st, "1", 1, "q", "old", A, "fruit", "apple apple", A, "n", "10", A, NULL);
	rc |= add_iv(st, "1", 1, "q", NULL, STATE_DONT_KNOW, "fruit", NULL, STATE_REFUSED, NULL);
	/* version 2: q in g, weights */
	rc |= add_iv(st, "2", 1, "g/q", "a", A, "fruit", "pear", A, "n", "3.0", A, "w", "2", A,
		     "rep[1]/rq", "c", A, NULL);
	rc |= add_iv(st, "2", 1, "g/q", "c", A, "fruit", "", A, "n", "7", A, "w", "0.5", A,
		     "rep[1]/rq", "a", A, "rep[2]/rq", "b", A, NULL);
	rc |= add_iv(st, "2", 1, "g/q", "a", A, "w", "-1", A, NULL);             /* bad weight */
	rc |= add_iv(st, "2", 1, "g/q", "zzz", A, "n", "5", A, NULL);            /* no weight */
	rc |= add_iv(st, "2", 1, "g/q", NULL, STATE_SKIPPED, "w", "1", A, NULL);
	rc |= add_iv(st, "2", 0, "g/q", "b", A, "w", "1", A, NULL);              /* a draft */
	store_close(st);
	return rc;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	free(db_path);
	return rc;
}

static analysis_db *open_db(void)
{
	analysis_db *db = NULL;
	if (analysis_open(db_path, NULL, &db, err))
		fail_msg("open: %s", err);
	return db;
}

/* Index of the category with this value, or -1. */
static int cat(const analysis_var *v, const char *value)
{
	for (int c = 0; c < v->ncat; c++)
		if (strcmp(v->cats[c].value, value) == 0)
			return c;
	return -1;
}

static double count_of(const analysis_freq *f, const char *value)
{
	int c = cat(&f->var, value);
	for (int r = 0; r < f->nrows; r++)
		if (f->rows[r].cat == c)
			return f->rows[r].count;
	return -1;
}

static void test_resolve(void **state)
{
	analysis_db *db = open_db();
	analysis_var v;
	assert_int_equal(analysis_resolve(db, "q", -1, &v, err), 0);
	assert_string_equal(v.path, "g/q");
	assert_string_equal(v.label, "Question two");
	assert_int_equal(v.vtype, ANALYSIS_CATEGORICAL);
	assert_int_equal(v.ncat, 3);
	assert_string_equal(v.cats[0].value, "c");          /* the newest list's order */
	analysis_var_release(&v);
	assert_int_equal(analysis_resolve(db, "g/q", -1, &v, err), 0);
	analysis_var_release(&v);
	assert_int_equal(analysis_resolve(db, "rep[2]/rq", -1, &v, err), 0);
	assert_string_equal(v.path, "rep[2]/rq");
	analysis_var_release(&v);
	assert_int_equal(analysis_resolve(db, "nope", -1, &v, err), -1);
	assert_string_equal(err, "no question 'nope' in form 'f'; see 'survey check --dump'");
	assert_int_equal(analysis_resolve(db, "g", -1, &v, err), -1);
	assert_non_null(strstr(err, "is a group"));
	assert_int_equal(analysis_resolve(db, "nt", -1, &v, err), -1);
	assert_non_null(strstr(err, "is a note"));
	assert_int_equal(analysis_resolve(db, "rq", -1, &v, err), -1);
	assert_non_null(strstr(err, "inside repeat 'rep'"));
	assert_int_equal(analysis_resolve(db, "rep[x]/rq", -1, &v, err), -1);
	int lang;
	assert_int_equal(analysis_find_lang(db, "ru", &lang, err), 0);
	assert_int_equal(analysis_find_lang(db, "de", &lang, err), -1);
	assert_non_null(strstr(err, "it has en, ru"));
	analysis_close(db);
}

/* Versions counted together, coded in the newest list's order, data-only values after. */
static void test_coding_versions(void **state)
{
	analysis_db *db = open_db();
	analysis_opts o = { .lang = "ru" };
	const char *vars[] = { "q" };
	analysis_freq *f;
	assert_int_equal(analysis_freq_run(db, vars, 1, &o, &f, err), 0);
	const analysis_var *v = &f->var;
	/* c a b from the list, then old (an older version's choice) and zzz, sorted */
	assert_int_equal(v->nvalid, 5);
	assert_string_equal(v->cats[0].value, "c");
	assert_string_equal(v->cats[1].value, "a");
	assert_string_equal(v->cats[2].value, "b");
	assert_string_equal(v->cats[3].value, "old");
	assert_string_equal(v->cats[4].value, "zzz");
	assert_string_equal(v->cats[0].label, "Си");
	assert_string_equal(v->cats[3].label, "Старый");   /* from version 1 */
	assert_string_equal(v->cats[4].label, "zzz");
	assert_int_equal(v->cats[3].in_form, 0);
	assert_true(v->cats[2].score < v->cats[3].score);
	/* 8 complete interviews; the draft is not counted */
	assert_true(f->n_cases == 8);
	assert_true(count_of(f, "a") == 2);
	assert_true(count_of(f, "b") == 1);
	assert_true(count_of(f, "old") == 1);
	assert_true(f->valid == 6 && f->missing == 2);
	assert_true(fabs(f->rows[1].valid_percent - 100.0 * 2 / 6) < 1e-12);
	assert_true(fabs(f->rows[4].cum_percent - 100) < 1e-12);
	analysis_freq_free(f, 1);
	o.status = "all";
	assert_int_equal(analysis_freq_run(db, vars, 1, &o, &f, err), 0);
	assert_true(f->n_cases == 9 && count_of(f, "b") == 2);
	analysis_freq_free(f, 1);
	o.status = "draft";
	assert_int_equal(analysis_freq_run(db, vars, 1, &o, &f, err), 0);
	assert_true(f->n_cases == 1);
	analysis_freq_free(f, 1);
	analysis_close(db);
}

static void test_missing(void **state)
{
	analysis_db *db = open_db();
	analysis_opts o = { .include_missing = 1 };
	const char *vars[] = { "q", "n" };
	analysis_freq *f;
	assert_int_equal(analysis_freq_run(db, vars, 2, &o, &f, err), 0);
	const analysis_var *v = &f[0].var;
	assert_int_equal(v->ncat, v->nvalid + 2);              /* don't know, skipped */
	assert_string_equal(v->cats[v->nvalid].value, ".d");
	assert_int_equal(v->cats[v->nvalid].missing, ANALYSIS_DONT_KNOW);
	assert_string_equal(v->cats[v->nvalid + 1].value, ".s");
	assert_true(count_of(&f[0], ".d") == 1 && count_of(&f[0], ".s") == 1);
	assert_true(isnan(f[0].rows[v->nvalid].valid_percent));
	assert_true(fabs(f[0].rows[v->nvalid].percent - 100.0 / 8) < 1e-12);
	/* n: numbers sorted by value, "3" and "3.0" one category; empty answers as "." */
	const analysis_var *n = &f[1].var;
	assert_int_equal(n->vtype, ANALYSIS_NUMERIC);
	assert_string_equal(n->cats[0].value, "3");
	assert_true(count_of(&f[1], "3") == 2);
	assert_string_equal(n->cats[n->nvalid - 1].value, "10");
	assert_true(n->cats[n->nvalid - 1].score == 10);
	assert_string_equal(n->cats[n->nvalid].value, ".");
	assert_true(f[1].has_summary && f[1].summary.n == 5);
	assert_true(fabs(f[1].summary.mean - (3 + 10 + 3 + 7 + 5) / 5.0) < 1e-12);
	analysis_freq_free(f, 2);
	analysis_close(db);
}

static void test_multiple(void **state)
{
	analysis_db *db = open_db();
	const char *vars[] = { "fruit" };
	analysis_freq *f;
	assert_int_equal(analysis_freq_run(db, vars, 1, NULL, &f, err), 0);
	assert_int_equal(f->var.vtype, ANALYSIS_MULTIPLE);
	/* answered: pear apple; apple apple (once); pear. An empty answer is missing */
	assert_true(f->valid == 3);
	assert_true(count_of(f, "apple") == 2 && count_of(f, "pear") == 2);
	assert_true(f->responses == 4);
	assert_true(fabs(f->rows[0].cases_percent - 200.0 / 3) < 1e-12);
	assert_true(fabs(f->rows[0].percent - 50) < 1e-12);
	analysis_freq_free(f, 1);
	/* crossed with q: each choice a row, column bases are interviews */
	analysis_tab *t;
	assert_int_equal(analysis_tab_run(db, "fruit", "q", NULL, NULL, &t, err), 0);
	assert_true(t->multiple);
	assert_int_equal(t->layers[0].stats_ok, 0);
	const analysis_layer *L = &t->layers[0];
	assert_true(L->base == 3);
	double sum = 0;
	for (int j = 0; j < L->ncol; j++)
		sum += L->col_base[j];
	assert_true(sum == 3);
	analysis_tab_free(t);
	analysis_close(db);
}

static void test_weights(void **state)
{
	analysis_db *db = open_db();
	analysis_opts o = { .weight = "w" };
	const char *vars[] = { "q" };
	analysis_freq *f;
	assert_int_equal(analysis_freq_run(db, vars, 1, &o, &f, err), 0);
	/* weighted: a 2, c 0.5, skipped 1 (missing); -1, none and version 1 are left out */
	assert_true(f->n_cases == 3);
	assert_true(count_of(f, "a") == 2 && count_of(f, "c") == 0.5);
	assert_true(f->total == 3.5 && f->missing == 1);
	assert_true(f->design);
	int noted = 0;
	for (int k = 0; k < f->notes.n; k++)
		noted |= strstr(f->notes.items[k].text, "5 interviews with a missing or non-positive "
				"weight ('w') left out") != NULL;
	assert_true(noted);
	analysis_freq_free(f, 1);
	o.weight = "q";
	assert_int_equal(analysis_freq_run(db, vars, 1, &o, &f, err), -1);
	assert_non_null(strstr(err, "--weight: 'q' is a select_one question, not a number"));
	analysis_close(db);
}

static void test_where(void **state)
{
	analysis_db *db = open_db();
	analysis_opts o = { .where = "${n} > 4" };
	const char *vars[] = { "q" };
	analysis_freq *f;
	assert_int_equal(analysis_freq_run(db, vars, 1, &o, &f, err), 0);
	assert_true(f->n_cases == 3);                 /* n = 10, 7, 5 */
	assert_true(count_of(f, "old") == 1 && count_of(f, "c") == 1 && count_of(f, "zzz") == 1);
	analysis_freq_free(f, 1);
	o.where = "selected(${fruit}, 'pear')";
	assert_int_equal(analysis_freq_run(db, vars, 1, &o, &f, err), 0);
	assert_true(f->n_cases == 2);
	analysis_freq_free(f, 1);
	o.where = "${n} > ";
	assert_int_equal(analysis_freq_run(db, vars, 1, &o, &f, err), -1);
	assert_non_null(strstr(err, "--where: "));
	assert_non_null(strstr(err, "at character"));
	o.where = "${n} > 1 and ${nosuch} = 2";
	assert_int_equal(analysis_freq_run(db, vars, 1, &o, &f, err), -1);
	assert_string_equal(err, "--where: no question 'nosuch' in form 'f'; see 'survey check "
			    "--dump', at character 14 of '${n} > 1 and ${nosuch} = 2'");
	/* nothing kept: an empty table and a note, not an error */
	o.where = "${n} > 100";
	analysis_tab *t;
	assert_int_equal(analysis_tab_run(db, "q", "fruit", NULL, &o, &t, err), 0);
	assert_int_equal(t->nlayers, 1);
	assert_true(t->n_cases == 0);
	assert_int_equal(t->layers[0].nrow, 0);
	assert_true(t->notes.n > 0 && t->notes.items[t->notes.n - 1].warning);
	analysis_tab_free(t);
	analysis_close(db);
}

static void test_tab_layers(void **state)
{
	analysis_db *db = open_db();
	analysis_tab *t;
	assert_int_equal(analysis_tab_run(db, "q", "rep[1]/rq", NULL, NULL, &t, err), 0);
	/* only two interviews have rep[1]/rq: a x c and c x a */
	assert_true(t->n_cases == 2);
	assert_int_equal(t->layers[0].nrow, 2);
	assert_true(t->layers[0].stats_ok);
	analysis_tab_free(t);
	assert_int_equal(analysis_tab_run(db, "n", "q", "fruit", NULL, &t, err), -1);
	assert_non_null(strstr(err, "select_multiple"));
	assert_int_equal(analysis_tab_run(db, "t", "q", NULL, NULL, &t, err), -1);
	assert_non_null(strstr(err, "'t' is a text question"));
	analysis_opts o = { .include_missing = 1 };
	assert_int_equal(analysis_tab_run(db, "q", "n", "q", &o, &t, err), 0);
	assert_true(t->has_by);
	for (int l = 0; l < t->nlayers; l++)
		assert_int_equal(t->layers[l].nrow, 1);   /* q by q: one row per layer */
	analysis_tab_free(t);
	analysis_close(db);
}

/* Two cross-tables: the same layers, cells and notes. */
static void same_tab(const analysis_tab *a, const analysis_tab *b)
{
	assert_true(a->n_cases == b->n_cases);
	assert_int_equal(a->nlayers, b->nlayers);
	assert_int_equal(a->notes.n, b->notes.n);
	for (int k = 0; k < a->notes.n; k++)
		assert_string_equal(a->notes.items[k].text, b->notes.items[k].text);
	for (int l = 0; l < a->nlayers; l++) {
		const analysis_layer *x = &a->layers[l], *y = &b->layers[l];
		assert_int_equal(x->nrow, y->nrow);
		assert_int_equal(x->ncol, y->ncol);
		assert_true(x->n_cases == y->n_cases);
		assert_true(x->base == y->base);
		for (int i = 0; i < x->nrow; i++)
			for (int j = 0; j < x->ncol; j++)
				assert_true(stats_table_get(&x->table, i, j) ==
					    stats_table_get(&y->table, i, j));
		assert_int_equal(x->stats_ok, y->stats_ok);
		if (x->stats_ok)
			assert_true(x->stats.pearson_chi2.value == y->stats.pearson_chi2.value ||
				    (isnan(x->stats.pearson_chi2.value) &&
				     isnan(y->stats.pearson_chi2.value)));
	}
}

/* The report's one pass: a batch of cross-tables gives each as analysis_tab_run does, NULL
 * for the one it refuses; a split frequency gives each group as the filter would. */
static void test_batch(void **state)
{
	analysis_db *db = open_db();
	analysis_tab_spec specs[] = { { "q", "fruit", NULL }, { "n", "q", NULL },
				      { "t", "q", NULL }, { "q", "n", "q" },
				      { "q", "rep[1]/rq", NULL } };
	int n = (int)(sizeof specs / sizeof *specs);
	analysis_opts o = { .include_missing = 1, .where = "${n} > 1" };
	analysis_tab *got[5], *want;
	assert_int_equal(analysis_tab_batch(db, specs, n, &o, got, err), 0);
	for (int i = 0; i < n; i++) {
		int rc = analysis_tab_run(db, specs[i].row, specs[i].col, specs[i].by, &o, &want,
					  err);
		if (rc) {   /* the text question: refused alone, NULL in the batch */
			assert_null(got[i]);
			continue;
		}
		assert_non_null(got[i]);
		same_tab(got[i], want);
		analysis_tab_free(want);
		analysis_tab_free(got[i]);
	}
	const char *values[] = { "a", "b", "c", "nosuch" };
	analysis_freq *split, *one;
	assert_int_equal(analysis_freq_split(db, "fruit", "q", values, 4, &o, &split, err), 0);
	for (int k = 0; k < 4; k++) {
		char *w = xasprintf("(%s) and ${q} = '%s'", o.where, values[k]);
		analysis_opts og = o;
		og.where = w;
		const char *var = "fruit";
		assert_int_equal(analysis_freq_run(db, &var, 1, &og, &one, err), 0);
		assert_true(split[1 + k].valid == one->valid);
		assert_true(split[1 + k].n_cases == one->n_cases);
		for (int r = 0; r < one->nrows; r++)
			assert_true(count_of(&split[1 + k], one->var.cats[one->rows[r].cat].value) ==
				    one->rows[r].count);
		analysis_freq_free(one, 1);
		free(w);
	}
	assert_int_equal(analysis_freq_split(db, "q", "fruit", values, 1, &o, &one, err), -1);
	assert_non_null(strstr(err, "select_multiple"));
	analysis_freq_free(split, 5);
	analysis_close(db);
}

struct got {
	int n;
	char log[256];
};

static int collect(void *arg, const store_scan_row *row)
{
	struct got *g = arg;
	g->n++;
	size_t len = strlen(g->log);
	snprintf(g->log + len, sizeof g->log - len, "%s:%s,%d;", row->iv->form_version,
		 row->present[0] && row->values[0] ? row->values[0] : "-", row->present[1]);
	return 0;
}

static void test_store_read(void **state)
{
	store *st;
	assert_int_equal(store_open(db_path, STORE_READONLY, &st, err), 0);
	const char *paths[] = { "g/q", NULL };
	store_scan_filter f = { .form_version = "2", .status = "draft" };
	struct got g = { 0 };
	assert_int_equal(store_read_paths(st, &f, paths, 2, collect, &g, err), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.log, "2:b,0;");
	char **ids, **versions;
	int n;
	assert_int_equal(store_forms_list(st, &ids, &versions, &n, err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(versions[1], "2");
	store_strings_free(ids, n);
	store_strings_free(versions, n);
	store_close(st);
}

/* Fisher's test above 2x2 only where expected counts are small: this file's tables all have
 * small ones, so the test is there, and the same as always computing it. */
static void test_fisher_small(void **state)
{
	analysis_db *db = open_db();
	analysis_opts all = { .fisher = { .seed = 1 } }, small = all;
	small.fisher_rxc_small = 1;
	analysis_tab *a, *b;
	assert_int_equal(analysis_tab_run(db, "q", "n", NULL, &all, &a, err), 0);
	assert_int_equal(analysis_tab_run(db, "q", "n", NULL, &small, &b, err), 0);
	assert_true(a->layers[0].stats.small_expected * 5 > a->layers[0].stats.cells);
	assert_true(a->layers[0].stats.fisher_exact.ok && b->layers[0].stats.fisher_exact.ok);
	assert_true(a->layers[0].stats.fisher_exact.p == b->layers[0].stats.fisher_exact.p);
	same_tab(a, b);
	analysis_tab_free(a);
	analysis_tab_free(b);
	analysis_close(db);
}

/* Every interview of a filter as a line: uuid, version, status, origin, and per path
 * present/state/value. */
static int log_rows(void *arg, const store_scan_row *row)
{
	strbuf *sb = arg;
	sb_addf(sb, "%s %s %s %s:", row->iv->uuid, row->iv->form_version, row->iv->status,
		row->iv->origin ? row->iv->origin : "-");
	for (int k = 0; k < 6; k++)
		sb_addf(sb, " %d/%d/%s", row->present[k], (int)row->states[k],
			row->values[k] ? row->values[k] : "(null)");
	sb_addc(sb, '\n');
	return 0;
}

static int stop_at_two(void *arg, const store_scan_row *row)
{
	(void)row;
	return ++*(int *)arg == 2 ? 7 : 0;
}

/* store_report_read gives the rows store_read_paths gives — with repeated and NULL paths,
 * paths nobody answered, every filter — also on a file with hostile answer rows (a path with a
 * NUL inside, a state no release writes, a NULL value). */
static void test_report_read(void **state)
{
	char *copy = xasprintf("%s/hostile.db", dir);
	char *cmd = xasprintf("cp '%s' '%s'", db_path, copy);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	sqlite3 *raw;
	assert_int_equal(sqlite3_open(copy, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw,
		"PRAGMA ignore_check_constraints = 1;"
		"INSERT INTO answers SELECT uuid, CAST(X'672F710078' AS TEXT), 'nul', 'answered', "
		"'2021' FROM interviews WHERE form_version = '2';"
		"INSERT INTO answers SELECT uuid, 'fruit', NULL, 'weird', '2021' FROM interviews "
		"WHERE form_version = '2' AND uuid NOT IN (SELECT uuid FROM answers WHERE "
		"path = 'fruit');"
		"UPDATE answers SET state = 'odd' WHERE path = 'w' AND value = '2';",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	const char *files[] = { db_path, copy };
	for (int fi = 0; fi < 2; fi++) {
		store *st;
		assert_int_equal(store_open(files[fi], STORE_READONLY, &st, err), 0);
		const char *paths[6] = { "g/q", "fruit", NULL, "w", "g/q", "nosuch" };
		store_scan_filter filters[] = { { .form_id = "f", .form_version = "2",
						  .status = "complete" },
						{ .form_id = "f", .status = "draft" },
						{ .form_id = "f" }, { 0 } };
		for (size_t k = 0; k < sizeof filters / sizeof *filters; k++) {
			strbuf a = STRBUF_INIT, b = STRBUF_INIT;
			assert_int_equal(store_read_paths(st, &filters[k], paths, 6, log_rows, &a,
							  err), 0);
			assert_int_equal(store_report_read(st, &filters[k], paths, 6, log_rows, &b,
							   err), 0);
			assert_true(a.len > 0 || k == 1);
			assert_string_equal(sb_str(&a), sb_str(&b));
			sb_release(&a);
			sb_release(&b);
		}
		int seen = 0;
		assert_int_equal(store_report_read(st, &filters[3], paths, 6, stop_at_two, &seen,
						   err), 7);
		assert_int_equal(seen, 2);
		store_close(st);
	}
	free(copy);
}

/* Analyses served from a preload give what the store gives: frequencies and cross-tables of
 * both versions (q moved into g/q), with a filter, a weight, the approved restriction, and a
 * question the preload does not hold (read from the file). */
static void test_preload(void **state)
{
	analysis_db *plain = open_db(), *pre = open_db();
	const char *names[] = { "q", "fruit", "n", "w", "rep[1]/rq", "nosuch" };
	const char *wheres[] = { "${n} > 1", NULL, "${" };   /* t: not held, read from the file */
	assert_int_equal(analysis_preload(pre, names, 6, wheres, 3, err), 0);
	analysis_opts opts[] = { { 0 }, { .where = "${n} > 1" }, { .weight = "w" },
				 { .include_missing = 1, .where = "${t} = 'x' or ${n} = 3" },
				 { .status = "all" } };
	const char *vars[] = { "q", "fruit", "n", "rep[1]/rq", "t" };
	for (size_t k = 0; k < sizeof opts / sizeof *opts; k++) {
		analysis_freq *a, *b;
		assert_int_equal(analysis_freq_run(plain, vars, 5, &opts[k], &a, err), 0);
		assert_int_equal(analysis_freq_run(pre, vars, 5, &opts[k], &b, err), 0);
		for (int v = 0; v < 5; v++) {
			assert_true(a[v].n_cases == b[v].n_cases);
			assert_true(a[v].valid == b[v].valid);
			assert_int_equal(a[v].nrows, b[v].nrows);
			for (int r = 0; r < a[v].nrows; r++) {
				assert_string_equal(a[v].var.cats[a[v].rows[r].cat].value,
						    b[v].var.cats[b[v].rows[r].cat].value);
				assert_true(a[v].rows[r].count == b[v].rows[r].count);
			}
		}
		analysis_freq_free(a, 5);
		analysis_freq_free(b, 5);
		analysis_tab *x, *y;
		assert_int_equal(analysis_tab_run(plain, "q", "fruit", "n", &opts[k], &x, err), 0);
		assert_int_equal(analysis_tab_run(pre, "q", "fruit", "n", &opts[k], &y, err), 0);
		same_tab(x, y);
		analysis_tab_free(x);
		analysis_tab_free(y);
	}
	/* read once: after the preload the file's answers can go, the numbers stay */
	char *copy = xasprintf("%s/preload.db", dir);
	char *cmd = xasprintf("cp '%s' '%s'", db_path, copy);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	analysis_db *gone;
	assert_int_equal(analysis_open(copy, NULL, &gone, err), 0);
	assert_int_equal(analysis_preload(gone, names, 6, wheres, 3, err), 0);
	sqlite3 *raw;
	assert_int_equal(sqlite3_open(copy, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "DELETE FROM answers", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	analysis_freq *p1, *g;
	/* held: q, fruit, n, rep[1]/rq with n from memory; t is not: the whole read goes to the
	 * emptied file */
	assert_int_equal(analysis_freq_run(plain, vars, 4, &opts[1], &p1, err), 0);
	assert_int_equal(analysis_freq_run(gone, vars, 4, &opts[1], &g, err), 0);
	for (int v = 0; v < 4; v++)
		assert_true(p1[v].valid == g[v].valid && p1[v].valid > 0);
	analysis_freq_free(p1, 4);
	analysis_freq_free(g, 4);
	assert_int_equal(analysis_freq_run(plain, vars, 5, &opts[1], &p1, err), 0);
	assert_int_equal(analysis_freq_run(gone, vars, 5, &opts[1], &g, err), 0);
	assert_true(g[0].valid == 0 && g[4].valid == 0 && p1[4].valid > 0);
	analysis_freq_free(p1, 5);
	analysis_freq_free(g, 5);
	analysis_close(gone);
	free(copy);
	assert_int_equal(analysis_only_approved(plain, err), 0);
	assert_int_equal(analysis_only_approved(pre, err), 0);
	analysis_freq *a, *b;
	assert_int_equal(analysis_freq_run(plain, vars, 1, NULL, &a, err), 0);
	assert_int_equal(analysis_freq_run(pre, vars, 1, NULL, &b, err), 0);
	assert_true(a->n_cases == 0 && b->n_cases == 0);   /* nothing approved here */
	analysis_freq_free(a, 1);
	analysis_freq_free(b, 1);
	analysis_close(plain);
	analysis_close(pre);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_coding_versions),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_multiple),
		cmocka_unit_test(test_weights),
		cmocka_unit_test(test_where),
		cmocka_unit_test(test_tab_layers),
		cmocka_unit_test(test_batch),
		cmocka_unit_test(test_store_read),
		cmocka_unit_test(test_report_read),
		cmocka_unit_test(test_preload),
		cmocka_unit_test(test_fisher_small),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
