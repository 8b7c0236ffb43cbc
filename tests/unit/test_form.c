/* test_form.c: the form model — the tree, texts and languages, or_other, choice lists and
 * filters, expressions and the dependency graph built from tests/fixtures/forms/, the same model
 * from .md, .csv and .xlsx, one test per `check` error and warning, and hostile sizes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "form/form.h"
#include "form/form_impl.h"
#include "util/util.h"

static char *fixture(const char *name)
{
	const char *top = getenv("TOP");
	return xasprintf("%s/tests/fixtures/forms/%s", top ? top : ".", name);
}

/* Load a fixture that must be valid. */
static form *load_ok(const char *name)
{
	char *path = fixture(name);
	form_diags d;
	form_diags_init(&d);
	form *f = NULL;
	char err[ERR_MAX] = "";
	int rc = form_load(path, &f, &d, err);
	if (rc != 0 || d.nwarnings) {
		strbuf sb = STRBUF_INIT;
		for (int i = 0; i < d.n; i++) {
			form_diag_format(&d.items[i], &sb);
			sb_addc(&sb, '\n');
		}
		fail_msg("%s: rc %d, %s\n%s", name, rc, err, sb_str(&sb));
	}
	form_diags_release(&d);
	free(path);
	return f;
}

static int node(const form *f, const char *name)
{
	int i = form_find(f, name);
	if (i < 0)
		fail_msg("no node '%s'", name);
	return i;
}

/* ---- the model of basic.md ---- */

static void test_tree(void **state)
{
	form *f = load_ok("basic.md");
	assert_string_equal(f->id, "household");
	assert_string_equal(f->title, "Household test");
	assert_string_equal(f->version, "2024030101");
	assert_int_equal(f->nodes[0].type, FORM_ROOT);
	assert_int_equal(f->nodes[0].parent, -1);
	assert_int_equal(f->nodes[0].end, f->nnodes);

	int about = node(f, "about"), age = node(f, "age"), married = node(f, "married");
	assert_int_equal(f->nodes[about].type, FORM_GROUP);
	assert_string_equal(f->nodes[about].appearance, "field-list");
	assert_int_equal(f->nodes[about].first_child, age);
	assert_int_equal(f->nodes[age].next_sibling, married);
	assert_int_equal(f->nodes[married].next_sibling, -1);
	assert_int_equal(f->nodes[about].end, married + 1);
	assert_int_equal(f->nodes[age].parent, about);
	assert_int_equal(f->nodes[age].depth, 2);
	assert_string_equal(f->nodes[age].path, "about/age");
	assert_int_equal(f->nodes[about].next_sibling, node(f, "n_members"));

	int member = node(f, "member"), mname = node(f, "member_name");
	assert_int_equal(f->nodes[member].type, FORM_REPEAT);
	assert_int_equal(f->nodes[mname].repeat, member);
	assert_int_equal(f->nodes[member].repeat, -1);
	assert_string_equal(f->nodes[mname].path, "member/member_name");
	assert_non_null(f->nodes[member].x[FORM_X_REPEAT_COUNT]);
	assert_string_equal(f->nodes[member].src[FORM_X_REPEAT_COUNT], "${n_members}");

	int mage = node(f, "member_age");
	assert_int_equal(f->nodes[mage].type, FORM_RANGE);
	assert_true(f->nodes[mage].range_start == 0 && f->nodes[mage].range_end == 100 &&
		    f->nodes[mage].range_step == 1);

	assert_int_equal(f->nodes[node(f, "start")].type, FORM_START);
	assert_int_equal(f->nodes[node(f, "today")].type, FORM_TODAY);
	assert_int_equal(f->nodes[node(f, "end")].type, FORM_END);
	assert_int_equal(f->nodes[node(f, "consent")].type, FORM_ACKNOWLEDGE);
	assert_int_equal(f->nodes[node(f, "visit_date")].type, FORM_DATE);
	/* 15 written questions: 22 nodes less the root, 2 containers, 3 metadata, 1 generated */
	assert_int_equal(f->nquestions, 15);
	/* every subtree is contiguous */
	for (int i = 1; i < f->nnodes; i++) {
		int p = f->nodes[i].parent;
		assert_true(p < i && f->nodes[p].end >= f->nodes[i].end);
	}
	form_free(f);
}

static void test_texts_and_languages(void **state)
{
	form *f = load_ok("basic.md");
	assert_int_equal(f->nlangs, 2);
	assert_string_equal(f->langs[0].name, "English (en)");
	assert_string_equal(f->langs[0].code, "en");
	assert_string_equal(f->langs[1].code, "ru");
	assert_int_equal(f->default_lang, 0);
	assert_int_equal(form_find_lang(f, "ru"), 1);
	assert_int_equal(form_find_lang(f, "Russian (RU)"), 1);
	assert_int_equal(form_find_lang(f, "ky"), -1);

	int q = node(f, "hh_name");
	assert_string_equal(form_text(f, q, FORM_LABEL, 1), "Название домохозяйства");
	assert_string_equal(form_text(f, q, FORM_LABEL, -1), "Household name");
	assert_string_equal(form_text(f, q, FORM_HINT, 1), "Фамилия главы");
	assert_string_equal(form_text(f, q, FORM_REQUIRED_MSG, 1), "Пожалуйста, ответьте");
	assert_string_equal(form_text(f, q, FORM_CONSTRAINT_MSG, 0), "Too short");
	assert_int_equal(f->nodes[q].required, 1);
	assert_null(f->nodes[q].src[FORM_X_REQUIRED]);
	/* no hint: NULL in every language */
	assert_null(form_text(f, node(f, "age"), FORM_HINT, 1));
	assert_null(f->nodes[node(f, "age")].text[FORM_HINT]);
	/* required "true" is yes too */
	assert_int_equal(f->nodes[node(f, "district")].required, 1);

	/* the instance name is parsed */
	assert_non_null(f->instance_name);
	form_free(f);
}

static void test_fallback(void **state)
{
	/* a text missing in one language falls back to the default language */
	workbook wb = { 0 };
	char *r0[] = { "type", "name", "label::English (en)", "label::Kyrgyz (ky)" };
	char *r1[] = { "text", "q", "Name", "" };
	char *r2[] = { "text", "p", "", "Аты" };
	sheet_row rows[] = { { 1, 4, r0 }, { 2, 4, r1 }, { 3, 4, r2 } };
	sheet sh = { "survey", 3, rows };
	wb.path = "fallback.xlsx";
	wb.nsheets = 1;
	wb.sheets = &sh;
	form_diags d;
	form_diags_init(&d);
	form *f;
	char err[ERR_MAX];
	assert_int_equal(form_from_workbook(&wb, &f, &d, err), 0);
	assert_int_equal(d.nwarnings, 2);   /* the two missing translations */
	assert_string_equal(form_text(f, 1, FORM_LABEL, 1), "Name");
	assert_string_equal(form_text(f, 2, FORM_LABEL, 0), "Аты");   /* the only one */
	assert_string_equal(f->id, "fallback");
	form_free(f);
	form_diags_release(&d);
}

static void test_or_other(void **state)
{
	form *f = load_ok("basic.md");
	int p = node(f, "problems"), o = node(f, "problems_other");
	assert_int_equal(f->nodes[p].other, o);
	assert_int_equal(o, p + 1);
	assert_true(f->nodes[o].generated);
	assert_int_equal(f->nodes[o].type, FORM_TEXT);
	assert_int_equal(f->nodes[o].parent, f->nodes[p].parent);
	assert_string_equal(f->nodes[o].src[FORM_X_RELEVANT], "selected(${problems}, 'other')");
	assert_non_null(f->nodes[o].x[FORM_X_RELEVANT]);
	assert_string_equal(form_text(f, o, FORM_LABEL, 1), "Укажите другое.");
	const form_list *l = form_node_list(f, p);
	assert_non_null(l);
	assert_string_equal(l->name, "problem");
	assert_int_equal(l->nchoices, 4);
	const form_choice *c = form_list_choice(f, f->nodes[p].list, "other");
	assert_non_null(c);
	assert_string_equal(form_choice_label(f, c, 0), "Other");
	assert_string_equal(form_choice_label(f, c, 1), "Другое");
	/* the generated question depends on its select */
	int found = 0;
	for (int i = 0; i < f->nodes[p].ndependents; i++)
		found |= f->nodes[p].dependents[i] == o;
	assert_true(found);
	form_free(f);
}

static void test_choices(void **state)
{
	form *f = load_ok("basic.md");
	assert_int_equal(f->nlists, 4);
	int region = form_find_list(f, "region");
	assert_true(region >= 0);
	assert_int_equal(form_find_list(f, "nope"), -1);
	assert_int_equal(f->nchoice_columns, 1);
	assert_string_equal(f->choice_columns[0], "region");
	int district = form_find_list(f, "district");
	const form_choice *s1 = form_list_choice(f, district, "s1");
	assert_non_null(s1);
	assert_string_equal(form_choice_column(f, s1, "region", 0), "south");
	assert_string_equal(form_choice_column(f, s1, "name", 0), "s1");
	assert_string_equal(form_choice_column(f, s1, "label", 1), "Юг-1");
	assert_null(form_choice_column(f, s1, "nope", 0));
	assert_string_equal(form_choice_label(f, s1, -1), "South-1");
	form_free(f);
}

/* ${name} lookups for choice_filter evaluation: a question, or a column of the choice. */
struct filter_env {
	const form *f;
	const form_choice *choice;
	const char *region;
};

static int filter_lookup(void *user, const char *name, expr_nodes *out)
{
	struct filter_env *fe = user;
	if (name[0] == FORM_CHOICE_COLUMN_PREFIX) {
		expr_nodes_push(out, form_choice_column(fe->f, fe->choice, name + 1, 0));
		return 0;
	}
	if (strcmp(name, "region") == 0) {
		expr_nodes_push(out, fe->region);
		return 0;
	}
	return -1;
}

static void test_choice_filter(void **state)
{
	form *f = load_ok("basic.md");
	int d = node(f, "district");
	assert_string_equal(f->nodes[d].src[FORM_X_CHOICE_FILTER], "region=${region}");
	const expr *x = f->nodes[d].x[FORM_X_CHOICE_FILTER];
	assert_non_null(x);
	struct filter_env fe = { f, NULL, "south" };
	expr_env env = { .user = &fe, .lookup = filter_lookup };
	const form_list *l = form_node_list(f, d);
	int kept = 0;
	for (int i = 0; i < l->nchoices; i++) {
		fe.choice = &l->choices[i];
		int ok;
		char err[ERR_MAX];
		assert_int_equal(expr_eval_bool(x, &env, &ok, err), 0);
		if (ok) {
			kept++;
			assert_string_equal(l->choices[i].name, "s1");
		}
	}
	assert_int_equal(kept, 1);
	form_free(f);
}

static void test_filter_rewrite(void **state)
{
	int *map;
	char *s = form_filter_rewrite("selected(${problems}, name) and county != 'a b' or x-y=1",
				      &map);
	assert_string_equal(s, "selected(${problems}, ${-name}) and ${-county} != 'a b' or "
			    "${-x-y}=1");
	/* the byte of "county" maps back to its place in the source */
	const char *at = strstr(s, "county");
	assert_int_equal(map[at - s], 32);
	free(s);
	free(map);
	s = form_filter_rewrite("jr:choice-name(name, '${q}') = \"x\"", &map);
	assert_string_equal(s, "jr:choice-name(${-name}, '${q}') = \"x\"");
	free(s);
	free(map);
}

static int position_in(const int *order, int n, int v)
{
	for (int i = 0; i < n; i++)
		if (order[i] == v)
			return i;
	return -1;
}

static void test_dependencies(void **state)
{
	form *f = load_ok("basic.md");
	int n_members = node(f, "n_members"), member = node(f, "member");
	int income = node(f, "income"), problems = node(f, "problems");
	int calc = node(f, "n_problems"), main = node(f, "main_problem");
	/* n_members is used by the repeat's count and income's read_only */
	assert_int_equal(f->nodes[n_members].ndependents, 2);
	assert_int_equal(f->nodes[n_members].dependents[0], member);
	assert_int_equal(f->nodes[n_members].dependents[1], income);
	/* problems: problems_other (relevant), main_problem (relevant and filter, once),
	 * n_problems (calculation) */
	assert_int_equal(f->nodes[problems].ndependents, 3);
	assert_int_equal(f->ncalc, 1);
	assert_int_equal(f->calc_order[0], calc);
	assert_true(position_in(f->eval_order, f->neval, main) >= 0);
	assert_true(position_in(f->eval_order, f->neval, node(f, "married")) >= 0);
	/* dynamic defaults are parsed, literal ones are not */
	assert_non_null(f->nodes[node(f, "visit_date")].x[FORM_X_DEFAULT]);
	assert_null(f->nodes[income].x[FORM_X_DEFAULT]);
	assert_string_equal(f->nodes[income].default_value, "0");
	assert_non_null(f->nodes[income].x[FORM_X_READ_ONLY]);
	assert_int_equal(f->nodes[income].read_only, 0);
	form_free(f);
}

static void test_eval_order_chain(void **state)
{
	/* calculations written in reverse order of their dependencies */
	workbook wb = { 0 };
	char *h[] = { "Type", "NAME", "Calculation", "Relevant", "Label" };
	char *r1[] = { "calculate", "c", "${b} + 1", "" };
	char *r2[] = { "calculate", "b", "${a} * 2", "" };
	char *r3[] = { "calculate", "a", "${y} - 1", "" };
	char *r4[] = { "integer", "x", "", "${a} > 0", "X" };
	char *r5[] = { "integer", "y", "", "", "Y" };
	sheet_row rows[] = { { 1, 5, h }, { 2, 4, r1 }, { 3, 4, r2 }, { 4, 4, r3 }, { 5, 5, r4 },
			     { 6, 5, r5 } };
	sheet sh = { "survey", 6, rows };
	wb.path = "chain.md";
	wb.nsheets = 1;
	wb.sheets = &sh;
	form *f;
	char err[ERR_MAX];
	if (form_from_workbook(&wb, &f, NULL, err) != 0)
		fail_msg("%s", err);
	assert_int_equal(f->ncalc, 3);
	int a = form_find(f, "a"), b = form_find(f, "b"), c = form_find(f, "c");
	assert_true(position_in(f->calc_order, 3, a) < position_in(f->calc_order, 3, b));
	assert_true(position_in(f->calc_order, 3, b) < position_in(f->calc_order, 3, c));
	/* x's relevance uses a: a comes before x in the evaluation order */
	int x = form_find(f, "x");
	assert_true(position_in(f->eval_order, f->neval, a) <
		    position_in(f->eval_order, f->neval, x));
	form_free(f);
}

/* ---- formats ---- */

static char *dump_of(const char *name)
{
	form *f = load_ok(name);
	strbuf sb = STRBUF_INIT;
	form_dump(f, &sb, 0);
	form_free(f);
	return sb_detach(&sb);
}

static void test_three_formats(void **state)
{
	char *md = dump_of("basic.md"), *csv = dump_of("basic.csv"), *xlsx = dump_of("basic.xlsx");
	assert_string_equal(md, csv);
	assert_string_equal(md, xlsx);
	assert_non_null(strstr(md, "node 13 select_multiple problems"));
	free(md);
	free(csv);
	free(xlsx);
}

static void test_load_mem(void **state)
{
	char *path = fixture("basic.md"), err[ERR_MAX];
	size_t len;
	char *data = read_file(path, &len, err);
	assert_non_null(data);
	form *f;
	assert_int_equal(form_load_mem("embedded.md", "md", data, len, &f, NULL, err), 0);
	assert_string_equal(f->source, "embedded.md");
	strbuf sb = STRBUF_INIT;
	form_dump(f, &sb, 0);
	char *want = dump_of("basic.md");
	assert_string_equal(sb_str(&sb), want);
	free(want);
	sb_release(&sb);
	form_free(f);
	/* broken bytes: a located error, no form */
	assert_int_equal(form_load_mem("x.xlsx", "xlsx", "PK\3\4junk", 9, &f, NULL, err), -1);
	assert_null(f);
	assert_non_null(strstr(err, "x.xlsx"));
	free(data);
	free(path);
}

static void test_shipped_survey(void **state)
{
	const char *top = getenv("TOP");
	char *path = xasprintf("%s/surveys/covid19-lsg.md", top ? top : ".");
	form_diags d;
	form_diags_init(&d);
	form *f;
	char err[ERR_MAX];
	assert_int_equal(form_load(path, &f, &d, err), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(f->nlangs, 3);
	assert_true(form_find_lang(f, "ky") >= 0 && form_find_lang(f, "ru") >= 0 &&
		    form_find_lang(f, "en") >= 0);
	assert_true(f->nquestions >= 40);
	form_free(f);
	form_diags_release(&d);
	free(path);
}

/* ---- check: one test per error and warning ---- */

/* Load a fixture expected to fail (or warn) and find a diagnostic on `row` containing `what`. */
static void expect_diag(const char *name, form_severity sev, const char *sheet, int row,
		const char *what)
{
	char *path = fixture(name);
	form_diags d;
	form_diags_init(&d);
	form *f = NULL;
	char err[ERR_MAX] = "";
	int rc = form_load(path, &f, &d, err);
	if (sev == FORM_ERROR) {
		assert_int_equal(rc, -1);
		assert_null(f);
	} else {
		assert_int_equal(rc, d.nerrors ? -1 : 0);   /* a warning alone never fails */
	}
	int found = 0;
	strbuf all = STRBUF_INIT;
	for (int i = 0; i < d.n; i++) {
		const form_diag *g = &d.items[i];
		strbuf sb = STRBUF_INIT;
		form_diag_format(g, &sb);
		sb_addf(&all, "%s\n", sb_str(&sb));
		if (g->severity == sev && g->row == row &&
		    ((!sheet && !g->sheet) || (sheet && g->sheet && !strcmp(sheet, g->sheet))) &&
		    strstr(sb_str(&sb), what) && strncmp(sb_str(&sb), path, strlen(path)) == 0)
			found = 1;
		sb_release(&sb);
	}
	if (!found)
		fail_msg("%s: no %s at %s:%d with '%s' in:\n%s", name,
			 sev == FORM_ERROR ? "error" : "warning", sheet ? sheet : "-", row, what,
			 sb_str(&all));
	sb_release(&all);
	form_free(f);
	form_diags_release(&d);
	free(path);
}

#define CHECK_TEST(fn, file, sev, sheet, row, what) \
	static void fn(void **state) { expect_diag(file, sev, sheet, row, what); }

CHECK_TEST(test_dup_name, "dup-name.md", FORM_ERROR, "survey", 4, "duplicate name 'age' (also at row 3)")
CHECK_TEST(test_dup_ref, "dup-ref.md", FORM_ERROR, "survey", 9, "relevant: 'q' names more than one question")
CHECK_TEST(test_end_unmatched, "end-unmatched.md", FORM_ERROR, "survey", 4, "'end group' without a matching 'begin group'")
CHECK_TEST(test_end_crossed, "end-crossed.md", FORM_ERROR, "survey", 6, "'end group' does not match 'begin repeat' of 'r' at row 4")
CHECK_TEST(test_begin_unclosed, "begin-unclosed.md", FORM_ERROR, "survey", 4, "'begin repeat' of 'r' has no matching 'end repeat'")
CHECK_TEST(test_type_unknown, "type-unknown.md", FORM_ERROR, "survey", 4, "unknown type 'txet'")
CHECK_TEST(test_type_missing, "type-missing.md", FORM_ERROR, "survey", 4, "missing type for 'q2'")
CHECK_TEST(test_type_geopoint, "type-unsupported.md", FORM_ERROR, "survey", 4, "unsupported type 'entity'")
CHECK_TEST(test_type_image, "type-unsupported.md", FORM_ERROR, "survey", 5, "unsupported type 'background-video'")
CHECK_TEST(test_list_unknown, "list-unknown.md", FORM_ERROR, "survey", 3, "unknown choice list 'yes_no'")
CHECK_TEST(test_list_no_choices, "list-no-choices.md", FORM_ERROR, "survey", 3, "unknown choice list 'fruits': the form has no choices sheet")
CHECK_TEST(test_choice_dup, "choice-dup.md", FORM_ERROR, "choices", 9, "duplicate choice 'yes' in list 'yes_no' (also at row 7)")
CHECK_TEST(test_choice_space, "choice-space.md", FORM_ERROR, "survey", 3, "choice 'b c' of list 'l' (choices row 8) has a blank")
CHECK_TEST(test_ref_unknown, "ref-unknown.md", FORM_ERROR, "survey", 4, "relevant: no question named 'agee' at character 1")
CHECK_TEST(test_ref_unknown_label, "ref-unknown.md", FORM_ERROR, "survey", 5, "label: no question named 'nmae' at character 7")
CHECK_TEST(test_cycle, "cycle.md", FORM_ERROR, "survey", 4, "cycle in relevance and calculations: 'a' -> 'b' -> 'c' -> 'a'")
CHECK_TEST(test_cycle_self, "cycle-self.md", FORM_ERROR, "survey", 3, "'total' depends on itself")
CHECK_TEST(test_cycle_relevant, "cycle-self.md", FORM_ERROR, "survey", 4, "'q' depends on itself")
CHECK_TEST(test_expr_function, "expr-bad.md", FORM_ERROR, "survey", 3, "constraint: unknown function 'foo' at character 12")
CHECK_TEST(test_expr_paren, "expr-bad.md", FORM_ERROR, "survey", 4, "relevant: missing ')' at character 1")
CHECK_TEST(test_name_invalid, "name-invalid.md", FORM_ERROR, "survey", 3, "invalid name '1st_name'")
CHECK_TEST(test_name_blank, "name-invalid.md", FORM_ERROR, "survey", 4, "invalid name 'last name'")
CHECK_TEST(test_name_meta, "name-meta.md", FORM_ERROR, "survey", 3, "the name 'meta' is reserved")
CHECK_TEST(test_repeat_dup, "repeat-dup.md", FORM_ERROR, "survey", 9, "duplicate repeat name 'r' (also at row 4)")
CHECK_TEST(test_default_language, "default-language.md", FORM_ERROR, "settings", 7, "default_language: 'Kyrgyz (ky)' is not the language of any column")
CHECK_TEST(test_no_survey, "no-survey.md", FORM_ERROR, NULL, 0, "no sheet named 'survey' (the sheets are 'surve')")
CHECK_TEST(test_no_type_column, "no-type-column.md", FORM_ERROR, "survey", 2, "missing column 'type'")
CHECK_TEST(test_no_name_column, "no-name-column.md", FORM_ERROR, "survey", 2, "missing column 'name'")
CHECK_TEST(test_calculate_empty, "calculate-empty.md", FORM_ERROR, "survey", 3, "calculate 'c' has no calculation")
CHECK_TEST(test_or_other_filter, "or-other-filter.md", FORM_ERROR, "survey", 3, "or_other cannot be used with a choice_filter")
CHECK_TEST(test_range_number, "range-bad.md", FORM_ERROR, "survey", 3, "parameter 'end' must be a number, not 'ten'")
CHECK_TEST(test_range_step, "range-bad.md", FORM_ERROR, "survey", 4, "range step must be greater than 0")
CHECK_TEST(test_range_param, "range-bad.md", FORM_ERROR, "survey", 5, "unknown parameter 'from'")
CHECK_TEST(test_filter_column, "filter-column.md", FORM_ERROR, "survey", 4, "choice_filter: no column 'oblast' in the choices sheet")
CHECK_TEST(test_warn_translation, "translation-missing.md", FORM_WARNING, "survey", 4, "label of 'q2' has no 'Russian (ru)' translation")
CHECK_TEST(test_warn_translation_column, "translation-missing.md", FORM_WARNING, "survey", 2, "language 'Russian (ru)' has no hint column")
CHECK_TEST(test_warn_translation_choice, "translation-missing.md", FORM_WARNING, "choices", 10, "label of choice 'b' has no 'Russian (ru)' translation")
CHECK_TEST(test_warn_lang_code, "lang-no-code.md", FORM_WARNING, "survey", 2, "language 'English' has no code")

CHECK_TEST(test_dup_column, "columns-bad.md", FORM_ERROR, "survey", 2, "caption: duplicate column: 'caption' means the same as 'label'")
CHECK_TEST(test_warn_untranslatable, "columns-bad.md", FORM_WARNING, "survey", 2, "column 'relevant' cannot be translated; it is ignored")
CHECK_TEST(test_warn_lang_bad_code, "lang-bad-code.md", FORM_WARNING, "survey", 2, "'english' is not a language code")
CHECK_TEST(test_choice_no_name, "choices-bad.md", FORM_ERROR, "choices", 8, "choice of list 'l' has no name")
CHECK_TEST(test_warn_choice_no_label, "choices-bad.md", FORM_WARNING, "choices", 9, "choice 'c' of list 'l' has no label")
CHECK_TEST(test_warn_choice_no_list, "choices-bad.md", FORM_WARNING, "choices", 10, "choice 'd' has no list_name; it is ignored")
CHECK_TEST(test_choices_no_list_column, "choices-no-list-column.md", FORM_ERROR, "choices", 6, "missing column 'list_name'")
CHECK_TEST(test_loop, "survey-misc.md", FORM_ERROR, "survey", 3, "unknown choice list 'l'")
CHECK_TEST(test_select_no_list, "survey-misc.md", FORM_ERROR, "survey", 6, "type 'select_one' needs a choice list")
CHECK_TEST(test_question_no_name, "survey-misc.md", FORM_ERROR, "survey", 7, "question has no name")
CHECK_TEST(test_group_no_name, "survey-misc.md", FORM_ERROR, "survey", 8, "group has no name")
CHECK_TEST(test_warn_row_ignored, "survey-misc.md", FORM_WARNING, "survey", 10, "row without type, name or label is ignored")
CHECK_TEST(test_param_syntax, "survey-misc.md", FORM_ERROR, "survey", 11, "parameter 'rows' is not written key=value")
CHECK_TEST(test_range_order, "survey-misc.md", FORM_ERROR, "survey", 12, "range step 5 is larger than the range")
CHECK_TEST(test_warn_name_case, "survey-misc.md", FORM_WARNING, "survey", 15, "name 'case' differs only in case from 'Case' (row 14)")
CHECK_TEST(test_warn_group_label, "survey-misc.md", FORM_WARNING, "survey", 16, "group 'g' has no label")
CHECK_TEST(test_text_unclosed_ref, "texts-bad.md", FORM_ERROR, "survey", 3, "label: '${' without a closing '}' at character 7")
CHECK_TEST(test_text_bad_ref, "texts-bad.md", FORM_ERROR, "survey", 4, "hint: '${not a name}' is not a reference to a question name")
CHECK_TEST(test_instance_name_ref, "texts-bad.md", FORM_ERROR, "settings", 8, "instance_name: no question named 'zz' at character 14")
CHECK_TEST(test_warn_or_other_lang, "or-other-untranslated.md", FORM_WARNING, "survey", 3, "or_other: 'Other' and 'Specify other.' are not translated to 'Uzbek (uz)'")
CHECK_TEST(test_select_from_nonrepeat, "select-from-nonrepeat.md", FORM_ERROR, "survey", 4, "type: '${p}': 'p' is not inside a repeat: choices from answers come from a repeat's question")
CHECK_TEST(test_select_from_nothing, "select-from-nonrepeat.md", FORM_ERROR, "survey", 5, "type: '${nothing}': no question of that name")
/* select_one ${p}: the choices are the answers to p, a question in a repeat */
static void test_select_from_repeat(void **state)
{
	(void)state;
	form *f = load_ok("select-from-repeat.md");
	const form_list *l = form_node_list(f, form_find(f, "q"));
	assert_non_null(l);
	assert_string_equal(l->from, "p");
	assert_int_equal(l->nchoices, 0);
	form_free(f);
}
CHECK_TEST(test_survey_empty, "survey-empty.md", FORM_ERROR, "survey", 0, "the survey sheet is empty")

static void test_same_name_in_groups_ok(void **state)
{
	form *f = load_ok("dup-name-groups.md");
	/* found by neither: the name is ambiguous */
	assert_int_equal(form_find(f, "q"), -1);
	assert_true(form_find(f, "a") > 0);
	form_free(f);
}

static void test_diag_format(void **state)
{
	form_diags d;
	form_diags_init(&d);
	form_diag_add(&d, FORM_ERROR, "f.md", "survey", 12, "relevant", 7,
		      "unknown function '%s'", "foo");
	form_diag_add(&d, FORM_WARNING, "f.md", NULL, 0, NULL, -1, "no rows");
	strbuf sb = STRBUF_INIT;
	form_diag_format(&d.items[0], &sb);
	assert_string_equal(sb_str(&sb), "f.md:survey:12: error: relevant: unknown function 'foo' "
			    "at character 7");
	sb_reset(&sb);
	form_diag_format(&d.items[1], &sb);
	assert_string_equal(sb_str(&sb), "f.md: warning: no rows");
	sb_release(&sb);
	form_diags_release(&d);
}

static void test_first_error_without_diags(void **state)
{
	char *path = fixture("expr-bad.md"), err[ERR_MAX];
	form *f;
	assert_int_equal(form_load(path, &f, NULL, err), -1);
	assert_non_null(strstr(err, "expr-bad.md:survey:3: error: constraint: unknown function"));
	free(path);
	path = fixture("nonexistent.md");
	assert_int_equal(form_load(path, &f, NULL, err), -1);
	assert_non_null(strstr(err, "nonexistent.md"));
	free(path);
}

/* ---- pieces ---- */

static void test_xml_names(void **state)
{
	assert_true(form_is_xml_name("q1"));
	assert_true(form_is_xml_name("_a.b-c"));
	assert_true(form_is_xml_name("жооп_1"));
	assert_false(form_is_xml_name(""));
	assert_false(form_is_xml_name("1a"));
	assert_false(form_is_xml_name("-a"));
	assert_false(form_is_xml_name("a b"));
	assert_false(form_is_xml_name("a:b"));
	assert_false(form_is_xml_name("a\xff"));
	assert_int_equal(form_char_pos("жаш >= 1", 7), 5);
}

static void test_type_parse(void **state)
{
	form_type_parse tp;
	form_parse_type("select_one yes_no", &tp);
	assert_int_equal(tp.kind, ROW_QUESTION);
	assert_int_equal(tp.type, FORM_SELECT_ONE);
	assert_int_equal(tp.list_at, 11);
	assert_int_equal(tp.list_len, 6);
	form_parse_type("select all that apply fruits or_other", &tp);
	assert_int_equal(tp.type, FORM_SELECT_MULTIPLE);
	assert_true(tp.or_other);
	form_parse_type("select_one", &tp);
	assert_int_equal(tp.kind, ROW_UNKNOWN);
	form_parse_type("select_one l extra", &tp);
	assert_int_equal(tp.kind, ROW_UNKNOWN);
	form_parse_type("begin_group", &tp);
	assert_int_equal(tp.kind, ROW_BEGIN_GROUP);
	form_parse_type("end repeat", &tp);
	assert_int_equal(tp.kind, ROW_END_REPEAT);
	form_parse_type("begin group x", &tp);
	assert_int_equal(tp.kind, ROW_UNKNOWN);
	form_parse_type("datetime", &tp);
	assert_int_equal(tp.type, FORM_DATETIME);
	form_parse_type("select_one_from_file a.csv", &tp);
	assert_int_equal(tp.kind, ROW_QUESTION);
	assert_int_equal(tp.type, FORM_SELECT_ONE);
	assert_int_equal(tp.from, FROM_FILE);
	form_parse_type("select_one_external rayon", &tp);
	assert_int_equal(tp.from, FROM_EXTERNAL);
	form_parse_type("csv-external prices", &tp);
	assert_int_equal(tp.kind, ROW_UNKNOWN);
	form_parse_type("csv-external", &tp);
	assert_int_equal(tp.kind, ROW_INSTANCE);
	form_parse_type("barcode", &tp);
	assert_int_equal(tp.type, FORM_BARCODE);
	form_parse_type("background-video", &tp);
	assert_int_equal(tp.kind, ROW_UNSUPPORTED);
	form_parse_type("q picture", &tp);
	assert_int_equal(tp.type, FORM_IMAGE);
	assert_string_equal(tp.modern, "image");
	form_parse_type("background-audio", &tp);
	assert_true(form_type_is_meta(tp.type));
	/* old spellings name the modern one; from-file selects are not read as "select one from" */
	form_parse_type("select all that apply from fruits", &tp);
	assert_int_equal(tp.type, FORM_SELECT_MULTIPLE);
	assert_string_equal(tp.modern, "select_multiple");
	assert_int_equal(tp.list_at, 27);
	form_parse_type("select one from file a.csv", &tp);
	assert_int_equal(tp.kind, ROW_QUESTION);
	assert_int_equal(tp.from, FROM_FILE);
	assert_int_equal(tp.list_at, 21);
	assert_null(tp.modern);
	form_parse_type("select_one yes_no", &tp);
	assert_null(tp.modern);
	form_parse_type("get today", &tp);
	assert_int_equal(tp.type, FORM_TODAY);
	assert_string_equal(tp.modern, "today");
	form_parse_type("phone number", &tp);
	assert_int_equal(tp.type, FORM_TEXT);
	assert_true(tp.digits_only);
	form_parse_type("simserial", &tp);
	assert_int_equal(tp.kind, ROW_QUESTION);
	assert_true(form_type_is_meta(tp.type));
	assert_false(form_type_is_input(tp.type));
	form_parse_type("sensor_statistic", &tp);
	assert_string_equal(tp.platform, "SurveyCTO");
	form_parse_type("db:person", &tp);
	assert_string_equal(tp.platform, "CHT");
}

static void test_headers_case_and_aliases(void **state)
{
	workbook wb = { 0 };
	char *s0[] = { "TYPE", "Name", "Label", "Relevance", "Constraint Message" };
	char *s1[] = { "select_one yn", "q", "Q?", "", "" };
	char *s2[] = { "integer", "n", "N", "${q} = 'y'", "too big" };
	sheet_row srows[] = { { 1, 5, s0 }, { 2, 5, s1 }, { 3, 5, s2 } };
	char *c0[] = { "List Name", "NAME", "LABEL" };
	char *c1[] = { "yn", "y", "Yes" };
	char *c2[] = { "yn", "n", "No" };
	sheet_row crows[] = { { 1, 3, c0 }, { 2, 3, c1 }, { 3, 3, c2 } };
	sheet sheets[] = { { "Survey", 3, srows }, { "CHOICES", 3, crows } };
	wb.path = "aliases.xlsx";
	wb.nsheets = 2;
	wb.sheets = sheets;
	form *f;
	char err[ERR_MAX];
	assert_int_equal(form_from_workbook(&wb, &f, NULL, err), 0);
	assert_int_equal(f->nlangs, 1);
	assert_string_equal(f->langs[0].name, "default");
	assert_null(f->langs[0].code);
	int n = form_find(f, "n");
	assert_string_equal(f->nodes[n].src[FORM_X_RELEVANT], "${q} = 'y'");
	assert_string_equal(form_text(f, n, FORM_CONSTRAINT_MSG, 0), "too big");
	assert_int_equal(f->nodes[form_find(f, "q")].list, form_find_list(f, "yn"));
	form_free(f);
}

static void test_range_decimal(void **state)
{
	workbook wb = { 0 };
	char *h[] = { "type", "name", "label", "parameters" };
	char *r1[] = { "range", "r", "R", "start=0.5;end=2.5, step=0.25" };
	char *r2[] = { "range", "down", "D", "start=10 end=0 step=2 tick_interval=4" };
	sheet_row rows[] = { { 1, 4, h }, { 2, 4, r1 }, { 3, 4, r2 } };
	sheet sh = { "survey", 3, rows };
	wb.path = "range.md";
	wb.nsheets = 1;
	wb.sheets = &sh;
	form *f;
	char err[ERR_MAX], buf[32];
	assert_int_equal(form_from_workbook(&wb, &f, NULL, err), 0);
	const form_node *n = &f->nodes[1];
	assert_true(n->range_start == 0.5 && n->range_end == 2.5 && n->range_step == 0.25);
	assert_string_equal(cnum_text(buf, n->range_step, 15, NULL), "0.25");
	n = &f->nodes[2];   /* a descending scale */
	assert_true(n->range_start == 10 && n->range_end == 0 && n->range_step == 2);
	form_free(f);
}

static void test_diag_order(void **state)
{
	/* found in the order choices, survey; printed in sheet order, then by row */
	char *path = fixture("choices-no-list-column.md"), err[ERR_MAX];
	form_diags d;
	form_diags_init(&d);
	form *f;
	assert_int_equal(form_load(path, &f, &d, err), -1);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.items[0].sheet, "survey");
	assert_string_equal(d.items[1].sheet, "choices");
	form_diags_release(&d);
	free(path);
}

/* ---- hostile sizes ---- */

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void test_50000_rows(void **state)
{
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "| survey |\n| | type | name | label | relevant | calculation |\n");
	int rows = 0;
	for (int g = 0; rows < 50000; g++) {
		sb_addf(&sb, "| | begin group | g%d | G%d | | |\n", g, g);
		rows++;
		for (int i = 0; i < 98; i++, rows++) {
			int k = g * 98 + i;
			if (i % 3 == 2)
				sb_addf(&sb, "| | calculate | c%d | | | ${q%d} + 1 |\n", k, k - 1);
			else if (i % 3 == 1)
				sb_addf(&sb, "| | select_one yn | q%d | Q%d | ${q%d} > 1 | |\n", k, k,
					k - 1);
			else
				sb_addf(&sb, "| | integer | q%d | Q%d | | |\n", k, k);
		}
		sb_adds(&sb, "| | end group | | | | |\n");
		rows++;
	}
	sb_adds(&sb, "| choices |\n| | list_name | name | label |\n| | yn | 1 | Yes |\n"
		"| | yn | 2 | No |\n");
	double t0 = seconds();
	form *f;
	form_diags d;
	form_diags_init(&d);
	char err[ERR_MAX];
	int rc = form_load_mem("big.md", "md", sb.buf, sb.len, &f, &d, err);
	double t = seconds() - t0;
	if (rc != 0)
		fail_msg("%s", d.n ? d.items[0].message : err);
	assert_true(f->nnodes > 49000);
	assert_int_equal(f->ncalc, 16000);
	/* linear work: well under the limit even with sanitizers */
	assert_true(t < 10.0);
	form_free(f);
	form_diags_release(&d);
	sb_release(&sb);
}

static void test_too_many_errors(void **state)
{
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "| survey |\n| | type | name | label |\n");
	for (int i = 0; i < 5000; i++)
		sb_addf(&sb, "| | entity | p%d | P |\n", i);
	form *f;
	form_diags d;
	form_diags_init(&d);
	char err[ERR_MAX];
	assert_int_equal(form_load_mem("errors.md", "md", sb.buf, sb.len, &f, &d, err), -1);
	assert_int_equal(d.nerrors, 5000);
	assert_int_equal(d.n, FORM_DIAGS_MAX);
	assert_int_equal(d.dropped, 5000 - FORM_DIAGS_MAX);
	assert_string_equal(err, "'errors.md' has 5000 errors");
	form_diags_release(&d);
	sb_release(&sb);
}

static void test_deep_nesting(void **state)
{
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "| survey |\n| | type | name | label |\n");
	for (int i = 0; i < 20000; i++)
		sb_addf(&sb, "| | begin group | g%d | G |\n", i);
	form *f;
	form_diags d;
	form_diags_init(&d);
	char err[ERR_MAX];
	assert_int_equal(form_load_mem("deep.md", "md", sb.buf, sb.len, &f, &d, err), -1);
	assert_int_equal(d.nerrors, 1);
	assert_non_null(strstr(d.items[0].message, "nested deeper than"));
	form_diags_release(&d);
	sb_release(&sb);
}

static void test_many_languages(void **state)
{
	/* 10,000 label columns, each a language: refused past the limit, quickly */
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "| survey |\n| | type | name");
	for (int i = 0; i < 10000; i++)
		sb_addf(&sb, " | label::L%d (l%d)", i, i);
	sb_adds(&sb, " |\n| | text | q");
	for (int i = 0; i < 10000; i++)
		sb_adds(&sb, " | x");
	sb_adds(&sb, " |\n");
	form *f;
	form_diags d;
	form_diags_init(&d);
	char err[ERR_MAX];
	double t0 = seconds();
	assert_int_equal(form_load_mem("langs.md", "md", sb.buf, sb.len, &f, &d, err), -1);
	assert_true(seconds() - t0 < 5.0);
	int found = 0;
	for (int i = 0; i < d.n; i++)
		found += d.items[i].severity == FORM_ERROR &&
			 strstr(d.items[i].message, "more than 64 languages") != NULL;
	assert_int_equal(found, 1);
	form_diags_release(&d);
	sb_release(&sb);
}

static void test_long_cycle(void **state)
{
	/* a 30,000-long cycle of calculations: found without recursion */
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "| survey |\n| | type | name | calculation |\n");
	int n = 30000;
	for (int i = 0; i < n; i++)
		sb_addf(&sb, "| | calculate | c%d | ${c%d} |\n", i, (i + 1) % n);
	form *f;
	form_diags d;
	form_diags_init(&d);
	char err[ERR_MAX];
	assert_int_equal(form_load_mem("ring.md", "md", sb.buf, sb.len, &f, &d, err), -1);
	assert_int_equal(d.nerrors, 1);
	assert_non_null(strstr(d.items[0].message, "'c0' -> 'c1' -> 'c2'"));
	assert_non_null(strstr(d.items[0].message, "..."));
	form_diags_release(&d);
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_texts_and_languages),
		cmocka_unit_test(test_fallback),
		cmocka_unit_test(test_or_other),
		cmocka_unit_test(test_choices),
		cmocka_unit_test(test_choice_filter),
		cmocka_unit_test(test_filter_rewrite),
		cmocka_unit_test(test_dependencies),
		cmocka_unit_test(test_eval_order_chain),
		cmocka_unit_test(test_three_formats),
		cmocka_unit_test(test_load_mem),
		cmocka_unit_test(test_shipped_survey),
		cmocka_unit_test(test_dup_name),
		cmocka_unit_test(test_dup_ref),
		cmocka_unit_test(test_end_unmatched),
		cmocka_unit_test(test_end_crossed),
		cmocka_unit_test(test_begin_unclosed),
		cmocka_unit_test(test_type_unknown),
		cmocka_unit_test(test_type_missing),
		cmocka_unit_test(test_type_geopoint),
		cmocka_unit_test(test_type_image),
		cmocka_unit_test(test_list_unknown),
		cmocka_unit_test(test_list_no_choices),
		cmocka_unit_test(test_choice_dup),
		cmocka_unit_test(test_choice_space),
		cmocka_unit_test(test_ref_unknown),
		cmocka_unit_test(test_ref_unknown_label),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_cycle_self),
		cmocka_unit_test(test_cycle_relevant),
		cmocka_unit_test(test_expr_function),
		cmocka_unit_test(test_expr_paren),
		cmocka_unit_test(test_name_invalid),
		cmocka_unit_test(test_name_blank),
		cmocka_unit_test(test_name_meta),
		cmocka_unit_test(test_repeat_dup),
		cmocka_unit_test(test_default_language),
		cmocka_unit_test(test_no_survey),
		cmocka_unit_test(test_no_type_column),
		cmocka_unit_test(test_no_name_column),
		cmocka_unit_test(test_calculate_empty),
		cmocka_unit_test(test_or_other_filter),
		cmocka_unit_test(test_range_number),
		cmocka_unit_test(test_range_step),
		cmocka_unit_test(test_range_param),
		cmocka_unit_test(test_filter_column),
		cmocka_unit_test(test_warn_translation),
		cmocka_unit_test(test_warn_translation_column),
		cmocka_unit_test(test_warn_translation_choice),
		cmocka_unit_test(test_warn_lang_code),
		cmocka_unit_test(test_dup_column),
		cmocka_unit_test(test_warn_untranslatable),
		cmocka_unit_test(test_warn_lang_bad_code),
		cmocka_unit_test(test_choice_no_name),
		cmocka_unit_test(test_warn_choice_no_label),
		cmocka_unit_test(test_warn_choice_no_list),
		cmocka_unit_test(test_choices_no_list_column),
		cmocka_unit_test(test_loop),
		cmocka_unit_test(test_select_no_list),
		cmocka_unit_test(test_question_no_name),
		cmocka_unit_test(test_group_no_name),
		cmocka_unit_test(test_warn_row_ignored),
		cmocka_unit_test(test_param_syntax),
		cmocka_unit_test(test_range_order),
		cmocka_unit_test(test_warn_name_case),
		cmocka_unit_test(test_warn_group_label),
		cmocka_unit_test(test_text_unclosed_ref),
		cmocka_unit_test(test_text_bad_ref),
		cmocka_unit_test(test_instance_name_ref),
		cmocka_unit_test(test_warn_or_other_lang),
		cmocka_unit_test(test_select_from_repeat),
		cmocka_unit_test(test_select_from_nonrepeat),
		cmocka_unit_test(test_select_from_nothing),
		cmocka_unit_test(test_survey_empty),
		cmocka_unit_test(test_same_name_in_groups_ok),
		cmocka_unit_test(test_diag_format),
		cmocka_unit_test(test_first_error_without_diags),
		cmocka_unit_test(test_xml_names),
		cmocka_unit_test(test_type_parse),
		cmocka_unit_test(test_headers_case_and_aliases),
		cmocka_unit_test(test_range_decimal),
		cmocka_unit_test(test_diag_order),
		cmocka_unit_test(test_50000_rows),
		cmocka_unit_test(test_too_many_errors),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_many_languages),
		cmocka_unit_test(test_long_cycle),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
