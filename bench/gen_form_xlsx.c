/* gen_form_xlsx.c: writes a large XLSForm questionnaire as .xlsx for bench/form-load.sh —
 * N questions in three languages, in groups of 20 (every third a field-list), with selects,
 * relevance, constraints, calculations, a repeat and a choice_filter, as a real survey has.
 *   gen_form_xlsx OUT.xlsx [N]   (N: 2000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static void put(lxw_worksheet *ws, int r, int c, const char *s)
{
	if (s && *s)
		worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, s, NULL);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: gen_form_xlsx OUT.xlsx [N]\n");
		return 2;
	}
	int n = argc > 2 ? atoi(argv[2]) : 2000;
	lxw_workbook *wb = workbook_new(argv[1]);
	if (!wb) {
		fprintf(stderr, "gen_form_xlsx: cannot create %s\n", argv[1]);
		return 1;
	}
	lxw_worksheet *s = workbook_add_worksheet(wb, "survey");
	static const char *const head[] = { "type", "name", "label::Kyrgyz (ky)",
		"label::Russian (ru)", "label::English (en)", "hint::Kyrgyz (ky)", "hint::Russian (ru)",
		"hint::English (en)", "required", "relevant", "constraint",
		"constraint_message::Kyrgyz (ky)", "constraint_message::Russian (ru)",
		"constraint_message::English (en)", "calculation", "appearance", "choice_filter",
		"repeat_count" };
	for (int c = 0; c < (int)(sizeof head / sizeof head[0]); c++)
		put(s, 0, c, head[c]);
	char name[64], ky[160], ru[160], en[160], rel[160], calc[160], grp[64];
	int r = 1, q = 0;
	put(s, r, 0, "start"), put(s, r++, 1, "start");
	put(s, r, 0, "integer"), put(s, r, 1, "n_members");
	put(s, r, 2, "Үй-бүлө мүчөлөрүнүн саны"), put(s, r, 3, "Число членов семьи");
	put(s, r, 4, "Household members"), put(s, r, 8, "yes"), put(s, r++, 10, ". >= 1 and . <= 20");
	put(s, r, 0, "select_one region"), put(s, r, 1, "region");
	put(s, r, 2, "Аймак"), put(s, r, 3, "Регион"), put(s, r++, 4, "Region");
	q += 2;
	for (int g = 0; q < n; g++) {
		snprintf(grp, sizeof grp, "section_%d", g);
		put(s, r, 0, g == 1 ? "begin repeat" : "begin group"), put(s, r, 1, grp);
		snprintf(ky, sizeof ky, "Бөлүм %d", g), snprintf(ru, sizeof ru, "Раздел %d", g);
		snprintf(en, sizeof en, "Section %d", g);
		put(s, r, 2, ky), put(s, r, 3, ru), put(s, r, 4, en);
		if (g % 3 == 2)
			put(s, r, 15, "field-list");
		if (g == 1)
			put(s, r, 17, "${n_members}");
		r++;
		for (int i = 0; i < 20 && q < n; i++, q++) {
			snprintf(name, sizeof name, "q%d", q);
			snprintf(ky, sizeof ky, "Суроо %d: көйгөйдүн деңгээли кандай?", q);
			snprintf(ru, sizeof ru, "Вопрос %d: каков уровень проблемы?", q);
			snprintf(en, sizeof en, "Question %d: how severe is the problem?", q);
			const char *type = i % 4 == 0 ? "select_one scale" : i % 4 == 1 ? "integer"
				: i % 4 == 2 ? "select_multiple problem" : "text";
			if (i == 19 && g != 1) {
				type = "calculate";
				snprintf(calc, sizeof calc, "${q%d} + ${q%d}", q - 18, q - 14);
				put(s, r, 14, calc);
			} else if (i == 18) {
				type = "select_one district";
				put(s, r, 16, "region = ${region}");
			}
			put(s, r, 0, type), put(s, r, 1, name);
			if (strcmp(type, "calculate") != 0) {
				put(s, r, 2, ky), put(s, r, 3, ru), put(s, r, 4, en);
				put(s, r, 5, "Бирөөнү тандаңыз"), put(s, r, 6, "Выберите один ответ");
				put(s, r, 7, "Choose one answer");
			}
			if (i % 4 == 1) {
				put(s, r, 10, ". >= 0 and . <= 1000");
				put(s, r, 11, "0дөн 1000гө чейин"), put(s, r, 12, "От 0 до 1000");
				put(s, r, 13, "From 0 to 1000");
			}
			if (i > 0 && i % 5 == 0) {
				snprintf(rel, sizeof rel, "${q%d} != '' and ${q%d} != '1'", q - 5, q - 5);
				put(s, r, 9, rel);
			}
			if (i % 2 == 0)
				put(s, r, 8, "yes");
			r++;
		}
		put(s, r++, 0, g == 1 ? "end repeat" : "end group");
	}
	lxw_worksheet *c = workbook_add_worksheet(wb, "choices");
	static const char *const chead[] = { "list_name", "name", "label::Kyrgyz (ky)",
		"label::Russian (ru)", "label::English (en)", "region" };
	for (int k = 0; k < 6; k++)
		put(c, 0, k, chead[k]);
	r = 1;
	for (int k = 1; k <= 5; k++) {
		snprintf(name, sizeof name, "%d", k);
		put(c, r, 0, "scale"), put(c, r, 1, name);
		put(c, r, 2, name), put(c, r, 3, name), put(c, r++, 4, name);
	}
	for (int k = 0; k < 12; k++) {
		snprintf(name, sizeof name, "p%d", k);
		snprintf(ky, sizeof ky, "Көйгөй %d", k), snprintf(ru, sizeof ru, "Проблема %d", k);
		snprintf(en, sizeof en, "Problem %d", k);
		put(c, r, 0, "problem"), put(c, r, 1, name);
		put(c, r, 2, ky), put(c, r, 3, ru), put(c, r++, 4, en);
	}
	for (int k = 0; k < 9; k++) {
		snprintf(name, sizeof name, "r%d", k);
		put(c, r, 0, "region"), put(c, r, 1, name);
		put(c, r, 2, name), put(c, r, 3, name), put(c, r++, 4, name);
		for (int d = 0; d < 6; d++) {
			char dn[32];
			snprintf(dn, sizeof dn, "d%d_%d", k, d);
			put(c, r, 0, "district"), put(c, r, 1, dn);
			put(c, r, 2, dn), put(c, r, 3, dn), put(c, r, 4, dn), put(c, r++, 5, name);
		}
	}
	lxw_worksheet *st = workbook_add_worksheet(wb, "settings");
	put(st, 0, 0, "form_id"), put(st, 0, 1, "version"), put(st, 0, 2, "default_language");
	put(st, 1, 0, "bench_form"), put(st, 1, 1, "1"), put(st, 1, 2, "Kyrgyz (ky)");
	if (workbook_close(wb) != LXW_NO_ERROR) {
		fprintf(stderr, "gen_form_xlsx: cannot write %s\n", argv[1]);
		return 1;
	}
	return 0;
}
