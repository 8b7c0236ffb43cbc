/* test_report.c: the report's parts that need no database — the spec reader and its checks
 * against a form, number formats per language, sentences, escaping, SVG charts and the three
 * writers on a document made by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis/statistics.h"
#include "report/report.h"
#include "report/spec.h"
#include "report/words.h"
#include "util/util.h"

static char errbuf[ERR_MAX];

static report_spec *spec_from(const char *md, form_diags *d, int *rc)
{
	workbook wb;
	if (workbook_read_mem("spec.md", "md", md, strlen(md), &wb, errbuf))
		return NULL;
	report_spec *s = NULL;
	*rc = report_spec_from_workbook(&wb, &s, d, errbuf);
	workbook_release(&wb);
	return s;
}

/* Is there a diagnostic at row with this text? */
static int has_diag(const form_diags *d, int row, const char *text)
{
	for (int i = 0; i < d->n; i++)
		if (d->items[i].row == row && strstr(d->items[i].message, text))
			return 1;
	return 0;
}

static void test_spec_reads(void **state)
{
	const char *md =
		"| report | | | | | | | | |\n"
		"| | kind | name | row | col | cells | chart | title::English (en) | title::Russian (ru) |\n"
		"| | section | s | | | | | Problems | Проблемы |\n"
		"| | freq | f | q1 | | count ci | bar | First | Первая |\n"
		"| | tab | t | q1 | q2 | col_pct count | grouped | Second | |\n"
		"\n"
		"| settings | | |\n"
		"| | form_id | default_language |\n"
		"| | demo | Russian (ru) |\n";
	form_diags d;
	form_diags_init(&d);
	int rc;
	report_spec *s = spec_from(md, &d, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(s);
	assert_int_equal(s->nitems, 3);
	assert_int_equal(s->nlangs, 2);
	assert_string_equal(s->form_id, "demo");
	assert_int_equal(s->default_lang, report_spec_find_lang(s, "ru"));
	assert_int_equal(s->items[1].kind, REPORT_FREQ);
	assert_int_equal(s->items[1].cells, REPORT_FC_COUNT | REPORT_FC_CI);
	assert_int_equal(s->items[2].chart, REPORT_CHART_GROUPED);
	assert_int_equal(s->items[2].row, 5);
	/* the Russian title is missing: the default (Russian) falls back to the first language */
	int ru = report_spec_find_lang(s, "ru");
	assert_string_equal(report_spec_text(s, &s->items[1].title, ru), "Первая");
	assert_string_equal(report_spec_text(s, &s->items[2].title, ru), "Second");
	report_spec_free(s);
	form_diags_release(&d);
}

static void test_spec_errors(void **state)
{
	const char *md =
		"| report | | | | | | |\n"
		"| | kind | name | row | col | stats | colour |\n"
		"| | tab | a | q1 | | cramers_v bogus | |\n"
		"| | freq | 1x | q1 | q2 | | |\n"
		"| | tab | a | q1 | q2 | none cmh | |\n"
		"| | pie | | | | | |\n"
		"| | section | | | | | |\n";
	form_diags d;
	form_diags_init(&d);
	int rc;
	report_spec *s = spec_from(md, &d, &rc);
	assert_int_equal(rc, -1);
	assert_null(s);
	assert_true(has_diag(&d, 2, "unknown column"));
	assert_true(has_diag(&d, 3, "a tab row needs a question in 'col'"));
	assert_true(has_diag(&d, 3, "unknown statistic 'bogus'"));
	assert_true(has_diag(&d, 4, "'1x' is not a name"));
	assert_true(has_diag(&d, 4, "a frequency table has no column"));
	assert_true(has_diag(&d, 5, "duplicate name 'a' (first on row 3)"));
	assert_true(has_diag(&d, 5, "'none' cannot go with other statistics"));
	assert_true(has_diag(&d, 6, "unknown kind 'pie'"));
	assert_true(has_diag(&d, 7, "a section needs a title"));
	assert_string_equal(errbuf, "'spec.md' has 8 errors");
	form_diags_release(&d);

	/* no report sheet at all */
	form_diags_init(&d);
	s = spec_from("| survey | |\n| | type |\n| | text |\n", &d, &rc);
	assert_int_equal(rc, -1);
	assert_true(has_diag(&d, 0, "no 'report' sheet"));
	form_diags_release(&d);
}

static void test_spec_check(void **state)
{
	const char *fmd =
		"| survey | | | | |\n"
		"| | type | name | label::English (en) | label::Russian (ru) |\n"
		"| | select_one yn | q1 | Q1 | В1 |\n"
		"| | select_multiple yn | q2 | Q2 | В2 |\n"
		"| | text | q3 | Q3 | В3 |\n"
		"| | integer | w | W | В |\n"
		"| | begin repeat | r | R | Р |\n"
		"| | select_one yn | q4 | Q4 | В4 |\n"
		"| | end repeat | | | |\n"
		"\n"
		"| choices | | | | |\n"
		"| | list_name | name | label::English (en) | label::Russian (ru) |\n"
		"| | yn | yes | Yes | Да |\n"
		"| | yn | no | No | Нет |\n";
	form *f;
	assert_int_equal(form_load_mem("f.md", "md", fmd, strlen(fmd), &f, NULL, errbuf), 0);
	const char *md =
		"| report | | | | | | | | |\n"
		"| | kind | name | row | col | weight | where | title::English (en) | title::Russian (ru) |\n"
		"| | tab | a | q1 | q3 | | | A | А |\n"
		"| | tab | b | q1 | q2 | | | B | Б |\n"
		"| | tab | c | q2 | q1 | q3 | | C | |\n"
		"| | freq | d | q4 | | | | D | Г |\n"
		"| | freq | e | nope | | | ${w} > 1 and ${zz} = 2 | E | Е |\n"
		"| | freq | g | q1 | | w | ${q1} = 'yes' | G | Ж |\n";
	form_diags d;
	form_diags_init(&d);
	int rc;
	report_spec *s = spec_from(md, &d, &rc);
	assert_int_equal(rc, 0);
	int errors = report_spec_check(s, f, &d);
	assert_true(has_diag(&d, 3, "cannot cross-tabulate text question 'q3'"));
	assert_true(has_diag(&d, 4, "select_multiple question 'q2' can only be the row"));
	assert_true(has_diag(&d, 5, "weight 'q3' is a text question"));
	assert_true(has_diag(&d, 5, "has no text in Russian (ru)"));
	assert_true(has_diag(&d, 6, "inside the repeat 'r'"));
	assert_true(has_diag(&d, 7, "unknown question 'nope'"));
	assert_true(has_diag(&d, 7, "unknown question 'zz' in ${zz}"));
	assert_false(has_diag(&d, 8, ""));
	assert_int_equal(errors, 6);
	assert_int_equal(d.nwarnings, 2);   /* Russian title of c; no report title */
	report_spec_free(s);
	form_diags_release(&d);
	form_free(f);
}

static void expect_fmt(const char *lang, double v, report_num k, const char *want)
{
	strbuf sb = STRBUF_INIT;
	report_fmt(&sb, lang, v, k);
	assert_string_equal(sb_str(&sb), want);
	sb_release(&sb);
}

static void test_fmt(void **state)
{
	expect_fmt("en", 1234567, REPORT_N_COUNT, "1,234,567");
	expect_fmt("en", 999, REPORT_N_COUNT, "999");
	/* one format per language: groups from 1000 on, a narrow no-break space in ky and ru */
	expect_fmt("ru", 1234, REPORT_N_COUNT, "1\xe2\x80\xaf" "234");
	expect_fmt("ru", 12345, REPORT_N_COUNT, "12\xe2\x80\xaf" "345");
	expect_fmt("en", 12.5, REPORT_N_COUNT, "12.5");
	expect_fmt("en", 45.2381, REPORT_N_PCT, "45.2%");
	expect_fmt("ky", 45.25, REPORT_N_PCT, "45,3\xe2\x80\xaf%");
	expect_fmt("en", 0.0004, REPORT_N_P, "<\xc2\xa0" "0.001");
	expect_fmt("ru", 0.0312, REPORT_N_P, "0,031");
	expect_fmt("en", -1.5, REPORT_N_NUM, "\xe2\x88\x92" "1.50");   /* a real minus sign */
	expect_fmt("en", -0.0001, REPORT_N_STAT, "0.000");
	expect_fmt("en", NAN, REPORT_N_PCT, "");
	strbuf sb = STRBUF_INIT;
	report_fmt_raw(&sb, 0.1);
	assert_string_equal(sb_str(&sb), "0.1");
	sb_reset(&sb);
	report_xml_escape(&sb, "<a href=\"x\">&'\x01");
	assert_string_equal(sb_str(&sb), "&lt;a href=&quot;x&quot;&gt;&amp;&#39; ");
	sb_release(&sb);
}

static void test_words(void **state)
{
	strbuf sb = STRBUF_INIT;
	report_say(&sb, "ky", RS_SIGNIFICANT, 3, "облустардын", "хи-квадрат критерийи",
		   "p = 0,003");
	assert_string_equal(sb_str(&sb), "Облустардын ортосундагы айырма статистикалык жактан "
			    "маанилүү (хи-квадрат критерийи, p = 0,003): ал кокустуктан улам "
			    "болушу күмөн.");
	sb_reset(&sb);
	report_say(&sb, "en", RS_NOT_SIGNIFICANT, 3, "oblasts", "chi-square test", "p = 0.41");
	assert_string_equal(sb_str(&sb), "The difference between oblasts is not statistically "
			    "significant (chi-square test, p = 0.41): it may be due to chance.");
	sb_reset(&sb);
	/* Kyrgyz letters are made capitals too */
	report_say(&sb, "ky", RS_SIGNIFICANT, 3, "үй-бүлөлөрдүн", "x", "y");
	assert_memory_equal(sb_str(&sb), "Үй", strlen("Үй"));
	/* but a statistic's letter is not: "p-значение", never "P-значение" (issue 19) */
	sb_reset(&sb);
	report_say(&sb, "ru", RS_G_P, 0);
	assert_memory_equal(sb_str(&sb), "p-значение", strlen("p-значение"));
	sb_reset(&sb);
	report_say(&sb, "ky", RS_G_P, 0);
	assert_memory_equal(sb_str(&sb), "p-мааниси", strlen("p-мааниси"));
	sb_release(&sb);
	assert_string_equal(report_word("ru", RW_TOTAL), "Всего");
	assert_string_equal(report_word("ky", RW_TOTAL), "Бардыгы");
	assert_string_equal(report_word("de", RW_TOTAL), "Total");
	for (int w = 0; w < RW_NWORDS; w++) {
		assert_true(*report_word("ky", (report_word_id)w));
		assert_true(*report_word("ru", (report_word_id)w));
		assert_true(*report_word("en", (report_word_id)w));
	}
	/* every statistic has its Kyrgyz name (issue 19: four fell back to Russian) */
	static const char *const keys[] = { "pearson_chi2", "likelihood_ratio",
		"continuity_corrected_chi2", "linear_by_linear", "fisher_exact", "cramers_v",
		"contingency_coefficient", "kendall_tau_b", "rao_scott_f", "cmh",
		"mantel_haenszel_odds_ratio", NULL };
	for (int i = 0; keys[i]; i++)
		assert_string_not_equal(statistic_label(statistic_find(keys[i]), "ky"),
					statistic_label(statistic_find(keys[i]), "ru"));
	assert_string_equal(statistic_label(statistic_find("likelihood_ratio"), "ky"),
			    "Чындыкка окшоштуктун катышы");
}

/* A small document: a frequency table with a bar chart, a cross-tab with a stacked chart. */
static report_doc *make_doc(const char *hostile)
{
	report_doc *d = xcalloc(1, sizeof *d);
	report_doc_init(d, "en");
	d->title = xstrdup(hostile);
	d->simulated = 1;
	report_doc_heading(d, 1, "s1", "Section <one>");
	report_doc_para(d, "A paragraph & more.");
	report_table *t = report_table_new("t1", hostile, 1);
	report_grid *g = &t->layers[0].grid;
	report_grid_init(g, 3, 2, 1);
	const char *labels[] = { hostile, "Бишкек шаары", "Total" };
	for (int i = 0; i < 3; i++) {
		g->row_label[i] = xstrdup(labels[i]);
		g->v[report_grid_at(g, i, 0, 0)] = 10 * (i + 1);
		g->v[report_grid_at(g, i, 1, 0)] = 100.0 * (i + 1) / 6;
		g->kind[report_grid_at(g, i, 1, 0)] = REPORT_N_PCT;
	}
	g->total_rows = 1;
	g->col_label[0] = xstrdup("Count");
	g->col_label[1] = xstrdup("%");
	g->val_label[0] = xstrdup("Value");
	report_chart *c = &t->layers[0].chart;
	report_chart_init(c, REPORT_CHART_BARS, 2, 1);
	c->cat[0] = xstrdup(hostile);
	c->cat[1] = xstrdup("Бишкек шаары — a very long label that has to be wrapped on two lines");
	c->v[0] = 16.7;
	c->v[1] = 33.3;
	report_strs_add(&t->layers[0].lines, "The difference is <b>not</b> significant.");
	report_doc_table(d, t);

	report_table *x = report_table_new("t2", "Cross", 1);
	report_chart *s = &x->layers[0].chart;
	report_chart_init(s, REPORT_CHART_STACKED, 2, 3);
	for (int k = 0; k < 3; k++)
		s->ser[k] = xasprintf("Series %d", k);
	s->cat[0] = xstrdup("A");
	s->cat[1] = xstrdup("B");
	for (int k = 0; k < 6; k++)
		s->v[k] = 100.0 / 3;
	report_doc_table(d, x);
	return d;
}

static void test_writers(void **state)
{
	const char *hostile = "<script>alert(1)</script> | *x* https://evil.example/";
	report_doc *d = make_doc(hostile);
	strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	report_html(d, &a);
	report_html(d, &b);
	assert_string_equal(sb_str(&a), sb_str(&b));          /* deterministic */
	assert_null(strstr(sb_str(&a), "<script"));            /* escaped everywhere */
	assert_non_null(strstr(sb_str(&a), "&lt;script&gt;"));
	assert_non_null(strstr(sb_str(&a), "<svg class=\"chart\""));
	assert_non_null(strstr(sb_str(&a), "<tspan"));          /* the long label wrapped */
	assert_non_null(strstr(sb_str(&a), "Table 2. Cross"));
	assert_non_null(strstr(sb_str(&a), "data-v=\"16.6666666666667\""));
	assert_non_null(strstr(sb_str(&a), "SIMULATED DATA"));
	/* the only URL-like text is the escaped label's, as text */
	const char *p = strstr(sb_str(&a), "https://");
	assert_non_null(p);
	sb_reset(&a);
	report_md(d, &a);
	assert_non_null(strstr(sb_str(&a), "\\<script>alert(1)\\</script> \\| \\*x\\*"));
	assert_non_null(strstr(sb_str(&a), "| **Total** | 30 | 50.0% |"));
	sb_release(&a);
	sb_release(&b);

	/* the SVG alone: no NaN, no locale comma in coordinates */
	strbuf svg = STRBUF_INIT;
	report_svg(&d->blocks[3].table->layers[0].chart, "ru", &svg);
	assert_null(strstr(sb_str(&svg), "nan"));
	assert_null(strstr(sb_str(&svg), "x=\"1,"));
	assert_non_null(strstr(sb_str(&svg), "33,3\xe2\x80\xaf%"));   /* the values in Russian */
	sb_release(&svg);

	/* the XLSX through a temporary file, and a missing folder */
	char dir[] = "/tmp/survey-test-report-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = xasprintf("%s/r.xlsx", dir);
	assert_int_equal(report_write(d, path, errbuf), 0);
	assert_int_equal(access(path, R_OK), 0);
	char *bad = xasprintf("%s/missing/r.html", dir);
	assert_int_equal(report_write(d, bad, errbuf), -1);
	assert_non_null(strstr(errbuf, "does not exist"));
	assert_int_equal(report_write(d, "r.pdf", errbuf), -1);
	unlink(path);
	rmdir(dir);
	free(path);
	free(bad);
	report_doc_release(d);
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_reads),
		cmocka_unit_test(test_spec_errors),
		cmocka_unit_test(test_spec_check),
		cmocka_unit_test(test_fmt),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_writers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
