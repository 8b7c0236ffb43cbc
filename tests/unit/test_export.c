/* test_export.c: data exchange — variable names (transliteration, limits, reserved words,
 * uniqueness), the column model over several form versions, the strict CSV reader, and .sav
 * and .dta files written from a real database and read back by ReadStat: variable and value
 * labels in Kyrgyz and Russian, declared and extended missing values, dates, repeats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <readstat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export/export_impl.h"
#include "interview/engine.h"
#include "util/date.h"
#include "util/util.h"

static char dir[] = "/tmp/survey-test-export-XXXXXX";

static char *fixture(const char *name)
{
	const char *top = getenv("TOP") ? getenv("TOP") : ".";
	return xasprintf("%s/tests/fixtures/export/%s", top, name);
}

static form *load_md(const char *text)
{
	form *f = NULL;
	char err[ERR_MAX];
	int rc = form_load_mem("t.md", "md", text, strlen(text), &f, NULL, err);
	if (rc)
		fail_msg("form: %s", err);
	return f;
}

/* ---- names ---- */

static void test_names_clean(void **state)
{
	struct { const char *in, *sav, *dta; } cases[] = {
		{ "age", "age", "age" },
		{ "возраст", "vozrast", "vozrast" },
		{ "Жашы_ңөү", "Zhashy_ngou", "Zhashy_ngou" },
		{ "1st", "v1st", "v1st" },
		{ "_uuid", "v_uuid", "_uuid" },
		{ "a.b-c", "a_b_c", "a_b_c" },
		{ "ALL", "ALL_", "ALL" },
		{ "with", "with_", "with_" },
		{ "str12", "str12", "str12_" },
		{ "_n", "v_n", "_n_" },
		{ "", "v", "v" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = xname_clean(cases[i].in, XN_SAV), *d = xname_clean(cases[i].in, XN_DTA);
		assert_string_equal(s, cases[i].sav);
		assert_string_equal(d, cases[i].dta);
		free(s);
		free(d);
	}
	char *long_name = xasprintf("%0100d", 7);
	long_name[0] = 'q';
	char *s = xname_clean(long_name, XN_SAV), *d = xname_clean(long_name, XN_DTA);
	assert_int_equal(strlen(s), XN_SAV_MAX);
	assert_int_equal(strlen(d), XN_DTA_MAX);
	free(s);
	free(d);
	free(long_name);
}

static void test_names_unique(void **state)
{
	xname_set set = { 0 };
	char *a = xname_unique(&set, "district_name_of_the_respondent_x", XN_DTA_MAX);
	char *b = xname_unique(&set, "district_name_of_the_respondent_y", XN_DTA_MAX);
	char *c = xname_unique(&set, "DISTRICT_name_of_the_respondent_z", XN_DTA_MAX);
	char *d = xname_unique(&set, "age", XN_DTA_MAX);
	char *e = xname_unique(&set, "AGE", XN_DTA_MAX);
	assert_string_equal(a, "district_name_of_the_respondent_");
	assert_string_equal(b, "district_name_of_the_responden_2");
	assert_string_equal(c, "DISTRICT_name_of_the_responden_3");
	assert_string_equal(d, "age");
	assert_string_equal(e, "AGE_2");
	assert_true(strlen(b) <= XN_DTA_MAX);
	free(a);
	free(b);
	free(c);
	free(d);
	free(e);
	/* many names: the set grows */
	for (int i = 0; i < 500; i++) {
		char *n = xname_unique(&set, "q", 8);
		assert_true(strlen(n) <= 8);
		free(n);
	}
	char *last = xname_unique(&set, "q", 8);
	assert_string_equal(last, "q_501");
	free(last);
	xname_set_release(&set);
}

/* ---- the column model ---- */

static const char v1[] =
	"| survey |\n"
	"| | type | name | label::Kyrgyz (ky) | label::Russian (ru) |\n"
	"| | text | a | А | А-ру |\n"
	"| | integer | old | Эски | Старый |\n"
	"| | select_one yn | b | Б | Б-ру |\n"
	"| | integer | t | Т | Т-ру |\n"
	"| choices |\n"
	"| | list_name | name | label::Kyrgyz (ky) | label::Russian (ru) |\n"
	"| | yn | yes | Ооба | Да |\n"
	"| | yn | no | Жок | Нет |\n"
	"| settings |\n"
	"| | form_id | version |\n"
	"| | f | 1 |\n";

static const char v2[] =
	"| survey |\n"
	"| | type | name | label::Kyrgyz (ky) | label::Russian (ru) |\n"
	"| | text | a | А2 | А2-ру |\n"
	"| | select_one yn | b | Б2 | Б2-ру |\n"
	"| | text | t | Т2 | Т2-ру |\n"
	"| | begin group | g | Г | Г |\n"
	"| | select_multiple yn | a_yes | М | М |\n"
	"| | end group | | | |\n"
	"| | begin repeat | r | Р | Р |\n"
	"| | integer | a | Ичинде | Внутри |\n"
	"| | end repeat | | | |\n"
	"| choices |\n"
	"| | list_name | name | label::Kyrgyz (ky) | label::Russian (ru) |\n"
	"| | yn | yes | Ооба | Да |\n"
	"| | yn | dk | Билбейм | Не знаю |\n"
	"| settings |\n"
	"| | form_id | version |\n"
	"| | f | 2 |\n";

static const xcol *col_named(const xtable *t, enum xname s, const char *name)
{
	for (int i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name[s], name) == 0)
			return &t->cols[i];
	return NULL;
}

static void test_model_versions(void **state)
{
	form **forms = xcalloc(2, sizeof *forms);
	forms[0] = load_md(v1);
	forms[1] = load_md(v2);
	xmodel *m;
	char err[ERR_MAX];
	assert_int_equal(xmodel_build(forms, 2, "ru", &m, err), 0);
	assert_string_equal(m->lang_code, "ru");
	/* newest order, with v1's "old" after the question it followed there */
	const char *order[] = { "a", "old", "b", "t", "g/a_yes", "r/a" };
	assert_int_equal(m->nq, 6);
	for (int i = 0; i < 6; i++)
		assert_string_equal(m->qs[i].path, order[i]);
	assert_string_equal(m->qs[0].label, "А2-ру");   /* the newest label */
	assert_string_equal(m->qs[1].label, "Старый");
	/* choices: newest first, then the older ones */
	const xquestion *b = &m->qs[2];
	assert_int_equal(b->nchoices, 3);
	assert_string_equal(b->choices[0].name, "yes");
	assert_string_equal(b->choices[1].name, "dk");
	assert_string_equal(b->choices[2].name, "no");
	assert_string_equal(b->choices[2].label, "Нет");
	assert_false(b->numeric);
	assert_int_equal(b->choices[2].code, 3);
	/* integer then text: mixed, written as text */
	assert_true(m->qs[3].mixed);
	assert_int_equal(m->qs[3].kind, XK_STRING);
	/* tables: the main one and the repeat */
	assert_int_equal(m->ntables, 2);
	assert_string_equal(m->tables[1].repeat, "r");
	assert_string_equal(m->tables[1].suffix, "-r");
	assert_int_equal(m->qs[5].table, 1);
	const xtable *t0 = &m->tables[0];
	/* columns: CSV paths, select_multiple options, metadata, KEY */
	assert_non_null(col_named(t0, XN_CSV, "g/a_yes/yes"));
	assert_non_null(col_named(t0, XN_CSV, "_uuid"));
	assert_non_null(col_named(t0, XN_CSV, "KEY"));
	assert_null(col_named(t0, XN_CSV, "PARENT_KEY"));
	assert_non_null(col_named(t0, XN_SAV, "iv_uuid"));
	/* "a_yes" the question and "a" + "_yes" the option of nothing clash: unique names */
	const xcol *q = col_named(t0, XN_CSV, "g/a_yes");
	const xcol *o = col_named(t0, XN_CSV, "g/a_yes/yes");
	assert_string_equal(q->name[XN_SAV], "a_yes");
	assert_string_equal(o->name[XN_SAV], "a_yes_yes");
	assert_string_equal(o->label, "М: Да");
	assert_int_equal(t0->cols[0].kind, XC_VALUE);
	assert_int_equal(t0->cols[t0->ncols - 1].kind, XC_KEY);
	const xtable *t1 = &m->tables[1];
	assert_non_null(col_named(t1, XN_CSV, "PARENT_KEY"));
	assert_non_null(col_named(t1, XN_CSV, "r/a"));
	assert_int_equal(xmodel_find(m, "r/a", 3), 5);
	assert_int_equal(xmodel_find(m, "zz", 2), -1);
	xmodel_free(m);

	forms = xcalloc(1, sizeof *forms);
	forms[0] = load_md(v1);
	assert_int_equal(xmodel_build(forms, 1, "de", &m, err), -1);
	assert_non_null(strstr(err, "no language 'de'"));
}

/* ---- values ---- */

static void test_values(void **state)
{
	long days;
	double secs;
	assert_int_equal(xparse_date("1970-01-02", &days), 0);
	assert_int_equal(days, 1);
	assert_int_equal(xparse_date("2021-02-29", &days), -1);
	assert_int_equal(xparse_date("2020-02-29", &days), 0);
	assert_int_equal(xparse_datetime("2021-03-09T14:05:00.500+06:00", 0, &days, &secs), 0);
	assert_int_equal(days, date_days_from_civil(2021, 3, 9));
	assert_true(fabs(secs - (14 * 3600 + 5 * 60 + 0.5)) < 1e-9);
	assert_int_equal(xparse_datetime("2021-03-09T04:05:00+06:00", 1, &days, &secs), 0);
	assert_int_equal(days, date_days_from_civil(2021, 3, 8));
	assert_true(fabs(secs - 22 * 3600 - 5 * 60) < 1e-9);
	assert_int_equal(xparse_time("14:05:00", &secs), 0);
	assert_int_equal(xparse_time("25:00", &secs), -1);
	double v;
	assert_int_equal(xparse_number("-12.5", &v), 0);
	assert_true(v == -12.5);
	assert_int_equal(xparse_number("1,5", &v), -1);
	assert_int_equal(xparse_number("", &v), -1);
	assert_true(xvalue_has("a bb c", "bb"));
	assert_false(xvalue_has("a bb c", "b"));
	char *l = xlabel_line("  Салам\n  дүйнө  ", 0, 0);
	assert_string_equal(l, "Салам дүйнө");
	free(l);
	l = xlabel_line("Салам", 3, 0);   /* never half a letter */
	assert_string_equal(l, "С");
	free(l);
	l = xlabel_line("Салам", 3, 1);
	assert_string_equal(l, "Сал");
	free(l);
	assert_string_equal(xword_dont_know("ky"), "Билбейт");
	assert_string_equal(xword_refused("ky"), "Баш тартты");
}

/* ---- the CSV reader ---- */

static int parse(const char *text, csv_doc *d, char *err)
{
	return csv_parse(text, strlen(text), d, err);
}

static void test_csv_good(void **state)
{
	csv_doc d;
	char err[ERR_MAX];
	const char *text = "\xef\xbb\xbf" "a, b ,c\r\n1,\"x, \"\"y\"\"\n z\",\r\n\n4,5,6\n";
	assert_int_equal(parse(text, &d, err), 0);
	assert_int_equal(d.ncols, 3);
	assert_string_equal(d.header[0], "a");   /* no BOM in the name */
	assert_string_equal(d.header[1], "b");
	assert_int_equal(d.nrows, 2);
	assert_string_equal(d.rows[0][1], "x, \"y\"\n z");
	assert_string_equal(d.rows[0][2], "");
	assert_int_equal(d.lines[0], 2);
	assert_int_equal(d.lines[1], 5);
	assert_true(d.mixed_eol);
	csv_doc_release(&d);
	assert_int_equal(parse("a;b\n1,5;2\n", &d, err), 0);
	assert_int_equal(d.sep, ';');
	assert_string_equal(d.rows[0][0], "1,5");
	assert_false(d.mixed_eol);
	csv_doc_release(&d);
	assert_int_equal(parse("a\n\n1\n", &d, err), 0);   /* one column: a blank line is a value */
	assert_int_equal(d.nrows, 2);
	csv_doc_release(&d);
}

static void test_csv_bad(void **state)
{
	struct { const char *text; const char *msg; } cases[] = {
		{ "", "the file is empty" },
		{ "\xef\xbb\xbf\r\n\n", "the file is empty" },
		{ "a,b\n1,2\"3\n", "2:b: a quote inside an unquoted field" },
		{ "a,b\n\"1\"x,2\n", "2:a: text after a closing quote" },
		{ "a,b\n1,\"2\n3\n", "2:b: a quoted field is never closed" },
		{ "a,b\n1,2,3\n", "2: 3 fields, but the header has 2" },
		{ "a,b\n1\n", "2: 1 field, but the header has 2" },
		{ "a,b,a\n1,2,3\n", "1: column 'a' appears twice (columns 1 and 3)" },
		{ "a\n\xcf\xf0\xe8\xe2\xe5\xf2\n", "2: not UTF-8 (Windows-1251?): save it as UTF-8" },
		{ "\xff\xfe" "a\0", "UTF-16" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		csv_doc d;
		char err[ERR_MAX] = "";
		size_t len = i == sizeof cases / sizeof cases[0] - 1 ? 4 : strlen(cases[i].text);
		int rc = csv_parse(cases[i].text, len, &d, err);
		if (rc != -1 || !strstr(err, cases[i].msg))
			fail_msg("case %zu: rc %d, err '%s', expected '%s'", i, rc, err, cases[i].msg);
	}
	csv_doc d;
	char err[ERR_MAX];
	assert_int_equal(csv_parse("a\nx\0y\n", 6, &d, err), -1);
	assert_non_null(strstr(err, "2: the file contains a NUL byte"));
}

/* ---- a database to export ---- */

static char *db_path, *form_path;

static void answer(engine *e, const char *path, const char *text)
{
	char err[ERR_MAX];
	int rc = engine_answer(e, path, text, err);
	if (rc)
		fail_msg("answer %s = %s: %s", path, text, err);
}

static void special(engine *e, const char *path, store_state s)
{
	char err[ERR_MAX];
	if (engine_special(e, path, s, err))
		fail_msg("special %s: %s", path, err);
}

static void complete(engine *e)
{
	char err[ERR_MAX];
	if (engine_complete(e, err))
		fail_msg("complete: %s", err);
	engine_free(e);
}

/* Three interviews of basic.md: two complete, one draft (not exported). */
static void make_db(void)
{
	char err[ERR_MAX];
	form *f;
	store *st;
	if (form_load(form_path, &f, NULL, err) || store_open(db_path, STORE_CREATE, &st, err))
		fail_msg("%s", err);
	engine *e;
	engine_new how = { .interviewer = "Айгүл", .source_path = form_path,
		.device_id = "dev-1", .uuid = "00000000-0000-4000-8000-000000000001",
		.created = "2021-03-09T04:00:00.000Z", .now = 1615262400 };
	if (engine_start(st, f, &how, &e, err))
		fail_msg("%s", err);
	answer(e, "resp/name", "Айгүл \"Айка\", эжеси");
	answer(e, "resp/age", "34");
	answer(e, "resp/sex", "1");
	answer(e, "region", "osh");
	answer(e, "fruit", "apple other");
	answer(e, "fruit_other", "Өрүк");
	answer(e, "weight", "61.5");
	answer(e, "temp", "-98");
	answer(e, "visit", "2021-03-09");
	answer(e, "n_kids", "2");
	answer(e, "kid[1]/kid_name", "Айжан");
	special(e, "kid[1]/kid_age", STATE_DONT_KNOW);
	answer(e, "kid[2]/kid_name", "Бекзат");
	answer(e, "kid[2]/kid_age", "9");
	complete(e);

	how.uuid = "00000000-0000-4000-8000-000000000002";
	how.created = "2021-03-10T04:00:00.000Z";
	how.now = 1615348800;
	how.origin = ORIGIN_IMPORTED;
	if (engine_start(st, f, &how, &e, err))
		fail_msg("%s", err);
	char *longname = xcalloc(3001, 1);   /* 3000 bytes: a Stata strL */
	for (int i = 0; i < 1500; i++)
		memcpy(longname + 2 * i, "ы", 2);
	answer(e, "resp/name", longname);
	free(longname);
	special(e, "resp/age", STATE_DONT_KNOW);
	answer(e, "resp/sex", "2");
	special(e, "region", STATE_REFUSED);
	answer(e, "fruit", "pear");
	answer(e, "n_kids", "0");
	complete(e);

	how.uuid = "00000000-0000-4000-8000-000000000003";
	if (engine_start(st, f, &how, &e, err))
		fail_msg("%s", err);
	answer(e, "resp/name", "Draft");
	engine_free(e);
	store_close(st);
	form_free(f);
}

static int setup(void **state)
{
	if (!mkdtemp(dir))
		return -1;
	setenv("TZ", "Asia/Bishkek", 1);
	db_path = xasprintf("%s/data.db", dir);
	form_path = fixture("basic.md");
	make_db();
	return 0;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return -1;
	free(cmd);
	free(db_path);
	free(form_path);
	return 0;
}

static void run_export(export_format fmt, const char *out, const char *lang)
{
	char err[ERR_MAX];
	store *st;
	if (store_open(db_path, STORE_READONLY, &st, err))
		fail_msg("%s", err);
	export_opts o = { .format = fmt, .path = out, .lang = lang };
	export_summary sum;
	if (export_run(st, &o, &sum, err))
		fail_msg("export: %s", err);
	assert_int_equal(sum.interviews, 2);
	assert_int_equal(sum.nfiles, 2);
	export_summary_release(&sum);
	store_close(st);
}

/* ---- reading a .sav or .dta back ---- */

#define RB_VARS 64
#define RB_OBS 8

typedef struct rb {
	int nvars, nobs;
	char name[RB_VARS][128];
	char label[RB_VARS][512];
	char format[RB_VARS][32];
	char labels_of[RB_VARS][64];
	int nmissing[RB_VARS];
	double missing[RB_VARS][3];
	char value[RB_OBS][RB_VARS][4096];   /* "." system missing, ".d" tagged, "=-98" defined */
	char vl[256][3][128];               /* label set, value, label */
	int nvl;
	char notes[2048];
} rb;

static int rb_var(int index, readstat_variable_t *v, const char *val_labels, void *ctx)
{
	rb *r = ctx;
	if (index >= RB_VARS)
		return READSTAT_HANDLER_OK;
	r->nvars = index + 1;
	snprintf(r->name[index], 128, "%s", readstat_variable_get_name(v));
	snprintf(r->label[index], 512, "%s", readstat_variable_get_label(v) ?
		 readstat_variable_get_label(v) : "");
	snprintf(r->format[index], 32, "%s", readstat_variable_get_format(v) ?
		 readstat_variable_get_format(v) : "");
	snprintf(r->labels_of[index], 64, "%s", val_labels ? val_labels : "");
	int n = readstat_variable_get_missing_ranges_count(v);
	r->nmissing[index] = n;
	for (int i = 0; i < n && i < 3; i++)
		r->missing[index][i] =
			readstat_double_value(readstat_variable_get_missing_range_lo(v, i));
	return READSTAT_HANDLER_OK;
}

static void value_text(readstat_value_t value, readstat_variable_t *v, char *out, size_t n)
{
	if (readstat_value_is_tagged_missing(value))
		snprintf(out, n, ".%c", readstat_value_tag(value));
	else if (readstat_value_is_system_missing(value))
		snprintf(out, n, ".");
	else if (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING)
		snprintf(out, n, "%s", readstat_string_value(value) ? readstat_string_value(value) :
			 "");
	else
		snprintf(out, n, "%s%.15g", v && readstat_value_is_defined_missing(value, v) ? "=" :
			 "", readstat_double_value(value));
}

static int rb_value(int obs, readstat_variable_t *v, readstat_value_t value, void *ctx)
{
	rb *r = ctx;
	int i = readstat_variable_get_index(v);
	if (obs < RB_OBS && i < RB_VARS) {
		value_text(value, v, r->value[obs][i], sizeof r->value[obs][i]);
		if (obs + 1 > r->nobs)
			r->nobs = obs + 1;
	}
	return READSTAT_HANDLER_OK;
}

static int rb_label(const char *set, readstat_value_t value, const char *label, void *ctx)
{
	rb *r = ctx;
	if (r->nvl < 256) {
		snprintf(r->vl[r->nvl][0], 128, "%s", set);
		value_text(value, NULL, r->vl[r->nvl][1], 128);
		snprintf(r->vl[r->nvl][2], 128, "%s", label);
		r->nvl++;
	}
	return READSTAT_HANDLER_OK;
}

static int rb_note(int index, const char *note, void *ctx)
{
	rb *r = ctx;
	size_t n = strlen(r->notes);
	snprintf(r->notes + n, sizeof r->notes - n, "%s\n", note);
	return READSTAT_HANDLER_OK;
}

static rb *read_back(const char *path, int dta)
{
	rb *r = xcalloc(1, sizeof *r);
	readstat_parser_t *p = readstat_parser_init();
	readstat_set_variable_handler(p, rb_var);
	readstat_set_value_handler(p, rb_value);
	readstat_set_value_label_handler(p, rb_label);
	readstat_set_note_handler(p, rb_note);
	readstat_error_t e = dta ? readstat_parse_dta(p, path, r) : readstat_parse_sav(p, path, r);
	readstat_parser_free(p);
	if (e != READSTAT_OK)
		fail_msg("reading %s: %s", path, readstat_error_message(e));
	return r;
}

static int var(const rb *r, const char *name)
{
	for (int i = 0; i < r->nvars; i++)
		if (strcmp(r->name[i], name) == 0)
			return i;
	fail_msg("no variable '%s'", name);
	return -1;
}

/* The label of value in the set of variable `name`, or NULL. */
static const char *vlabel(const rb *r, const char *name, const char *value)
{
	const char *set = r->labels_of[var(r, name)];
	for (int i = 0; i < r->nvl; i++)
		if (strcmp(r->vl[i][0], set) == 0 && strcmp(r->vl[i][1], value) == 0)
			return r->vl[i][2];
	return NULL;
}

static void test_sav(void **state)
{
	char *out = xasprintf("%s/out.sav", dir);
	run_export(EXPORT_SAV, out, "ky");
	rb *r = read_back(out, 0);
	assert_int_equal(r->nobs, 2);   /* the draft is not exported */
	int age = var(r, "age"), sex = var(r, "sex");
	assert_string_equal(r->label[age], "Жашы");
	assert_string_equal(r->label[sex], "Жынысы");
	/* numeric choice names are the codes */
	assert_string_equal(r->value[0][sex], "1");
	assert_string_equal(vlabel(r, "sex", "1"), "Аял");
	assert_string_equal(vlabel(r, "sex", "2"), "Эркек");
	assert_string_equal(vlabel(r, "sex", "-98"), "Билбейт");
	assert_string_equal(vlabel(r, "sex", "-99"), "Баш тартты");
	/* don't know: a declared missing value */
	assert_string_equal(r->value[0][age], "34");
	assert_string_equal(r->value[1][age], "=-98");
	assert_int_equal(r->nmissing[age], 2);
	/* named choices: codes 1..K, the names in the notes */
	int region = var(r, "region");
	assert_string_equal(r->value[0][region], "2");
	assert_string_equal(r->value[1][region], "=-99");
	assert_string_equal(vlabel(r, "region", "2"), "Ош облусу");
	assert_non_null(strstr(r->notes, "region: 1=chuy 2=osh"));
	/* a real -98 moves the codes away */
	int temp = var(r, "temp");
	assert_string_equal(r->value[0][temp], "-98");
	assert_true(r->missing[temp][0] == -998 && r->missing[temp][1] == -999);
	/* select_multiple: the names, and 0/1 per choice */
	assert_string_equal(r->value[0][var(r, "fruit")], "apple other");
	assert_string_equal(r->value[0][var(r, "fruit_apple")], "1");
	assert_string_equal(r->value[0][var(r, "fruit_pear")], "0");
	assert_string_equal(r->label[var(r, "fruit_pear")], "Жемиштер: Алмурут");
	assert_string_equal(vlabel(r, "fruit_pear", "1"), "Ооба");
	/* text with quotes and a comma, Kyrgyz letters intact */
	assert_string_equal(r->value[0][var(r, "name")], "Айгүл \"Айка\", эжеси");
	/* a date: SPSS seconds since 1582-10-14 */
	int visit = var(r, "visit");
	assert_string_equal(r->format[visit], "DATE11");
	double want = (date_days_from_civil(2021, 3, 9) - date_days_from_civil(1582, 10, 14)) * 86400.0;
	assert_true(fabs(atof(r->value[0][visit]) - want) < 0.5);
	assert_string_equal(r->value[1][visit], ".");
	/* metadata */
	assert_string_equal(r->value[0][var(r, "iv_uuid")], "00000000-0000-4000-8000-000000000001");
	assert_string_equal(r->value[0][var(r, "iv_interviewer")], "Айгүл");
	assert_string_equal(r->value[0][var(r, "KEY")], "uuid:00000000-0000-4000-8000-000000000001");
	/* the origin: codes 1-3 with labels */
	int origin = var(r, "iv_origin");
	assert_string_equal(r->label[origin], "Маалыматтын булагы");
	assert_string_equal(r->value[0][origin], "1");
	assert_string_equal(r->value[1][origin], "2");
	assert_string_equal(vlabel(r, "iv_origin", "1"), "Талаадагы интервью");
	assert_string_equal(vlabel(r, "iv_origin", "3"), "Моделдештирилген (чыныгы эмес)");
	free(r);

	/* the repeat's file */
	char *kid = xasprintf("%s/out-kid.sav", dir);
	r = read_back(kid, 0);
	assert_int_equal(r->nobs, 2);
	assert_string_equal(r->value[0][var(r, "kid_name")], "Айжан");
	assert_string_equal(r->value[0][var(r, "kid_age")], "=-98");
	assert_string_equal(r->value[1][var(r, "KEY")],
			    "uuid:00000000-0000-4000-8000-000000000001/kid[2]");
	assert_string_equal(r->value[1][var(r, "PARENT_KEY")],
			    "uuid:00000000-0000-4000-8000-000000000001");
	assert_string_equal(r->label[var(r, "kid_age")], "Баланын жашы");
	free(r);
	free(kid);
	free(out);
}

static void test_dta(void **state)
{
	char *out = xasprintf("%s/out.dta", dir);
	run_export(EXPORT_DTA, out, "ru");
	rb *r = read_back(out, 1);
	assert_int_equal(r->nobs, 2);
	int age = var(r, "age");
	assert_string_equal(r->label[age], "Возраст");
	assert_string_equal(r->value[1][age], ".d");   /* extended missing */
	assert_string_equal(r->value[1][var(r, "region")], ".r");
	assert_string_equal(vlabel(r, "sex", "2"), "Мужчина");
	assert_string_equal(vlabel(r, "sex", ".d"), "Не знает");
	assert_string_equal(vlabel(r, "region", ".r"), "Отказ от ответа");
	assert_string_equal(vlabel(r, "region", "1"), "Чуйская область");
	/* a real -98 stays a value: Stata's missing values are .d and .r */
	assert_string_equal(r->value[0][var(r, "temp")], "-98");
	int visit = var(r, "visit");
	assert_string_equal(r->format[visit], "%td");
	assert_int_equal(atoi(r->value[0][visit]),
			 date_days_from_civil(2021, 3, 9) - date_days_from_civil(1960, 1, 1));
	assert_string_equal(r->format[var(r, "start")], "%tc");
	assert_string_equal(r->value[0][var(r, "name")], "Айгүл \"Айка\", эжеси");
	assert_int_equal(strlen(r->value[1][var(r, "name")]), 3000);
	assert_string_equal(r->value[0][var(r, "iv_uuid")], "00000000-0000-4000-8000-000000000001");
	assert_string_equal(r->value[1][var(r, "iv_origin")], "2");
	assert_string_equal(vlabel(r, "iv_origin", "2"), "Импортировано");
	assert_string_equal(vlabel(r, "iv_origin", "3"), "Смоделировано (не реальное)");
	free(r);
	char *kid = xasprintf("%s/out-kid.dta", dir);
	r = read_back(kid, 1);
	assert_string_equal(r->value[0][var(r, "kid_age")], ".d");
	free(r);
	free(kid);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_clean),
		cmocka_unit_test(test_names_unique),
		cmocka_unit_test(test_model_versions),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_csv_good),
		cmocka_unit_test(test_csv_bad),
		cmocka_unit_test(test_sav),
		cmocka_unit_test(test_dta),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
