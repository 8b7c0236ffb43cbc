/* statistics.c: the registry of a cross-table's statistics (statistics.h) — keys, names, report
 * labels in English, Russian and Kyrgyz (surveys/GLOSSARY.md holds the terms), needs. */
#include "analysis/statistics.h"

#include <stdio.h>
#include <string.h>

#define VDP (STATS_F_VALUE | STATS_F_DF | STATS_F_P)
#define VATP (STATS_F_VALUE | STATS_F_ASE | STATS_F_T | STATS_F_P)
#define VAP (STATS_F_VALUE | STATS_F_ASE | STATS_F_P)
#define VP (STATS_F_VALUE | STATS_F_P)
#define VCI (STATS_F_VALUE | STATS_F_CI)
/* a statistic of stats_crosstab (its key is the member's name): name, needs, members, then its
 * report labels in English, Russian and Kyrgyz */
#define CT(m, name, needs, members, en, ru, ky) \
	{ #m, name, { en, ru, ky }, needs, members, STAT_IN_CROSSTAB, offsetof(stats_crosstab, m) }
#define SRS STAT_SRS
#define ORD STAT_NEEDS_ORDINAL
#define SAME STAT_NEEDS_SAME
#define TWO STAT_NEEDS_2X2

const statistic statistics[] = {
	CT(pearson_chi2, "Pearson chi-square", SRS, VDP,
	   "Pearson chi-square", "Хи-квадрат Пирсона", "Пирсондун хи-квадраты"),
	CT(likelihood_ratio, "Likelihood ratio", SRS, VDP,
	   "Likelihood ratio", "Отношение правдоподобия", "Чындыкка окшоштуктун катышы"),
	CT(continuity_corrected_chi2, "Continuity correction", SRS | TWO, VDP,
	   "Chi-square with continuity correction", "Хи-квадрат с поправкой на непрерывность",
	   "Үзгүлтүксүздүккө түзөтүлгөн хи-квадрат"),
	CT(linear_by_linear, "Linear-by-linear association", SRS | ORD, VDP,
	   "Linear-by-linear association", "Линейно-линейная связь",
	   "Сызыктуу-сызыктуу байланыш"),
	CT(fisher_exact, "Fisher's exact test",
	   SRS | STAT_ASKED | STAT_EXACT | STAT_P_ONLY, STATS_F_P,
	   "Fisher's exact test", "Точный критерий Фишера", "Фишердин так критерийи"),
	CT(phi, "Phi", 0, VP,
	   "Phi", "Фи", "Фи"),
	CT(cramers_v, "Cramer's V", 0, VP,
	   "Cramér's V (strength of association: 0 none, 1 complete)",
	   "V Крамера (сила связи: 0 — нет связи, 1 — полная связь)",
	   "Крамердин V коэффициенти (байланыштын күчү: 0 — байланыш жок, "
	   "1 — толук байланыш)"),
	CT(contingency_coefficient, "Contingency coefficient", 0, VP,
	   "Contingency coefficient", "Коэффициент сопряжённости",
	   "Байланыштуулук коэффициенти"),
	CT(lambda_symmetric, "Lambda, symmetric", 0, VATP, NULL, NULL, NULL),
	CT(lambda_row_dependent, "Lambda, row dependent", 0, VATP, NULL, NULL, NULL),
	CT(lambda_col_dependent, "Lambda, column dependent", 0, VATP, NULL, NULL, NULL),
	CT(goodman_kruskal_tau_row_dependent, "Goodman and Kruskal tau, row dependent", 0, VAP,
	   NULL, NULL, NULL),
	CT(goodman_kruskal_tau_col_dependent, "Goodman and Kruskal tau, column dependent", 0, VAP,
	   NULL, NULL, NULL),
	CT(uncertainty_symmetric, "Uncertainty coefficient, symmetric", 0, VAP, NULL, NULL, NULL),
	CT(uncertainty_row_dependent, "Uncertainty coefficient, row dependent", 0, VATP,
	   NULL, NULL, NULL),
	CT(uncertainty_col_dependent, "Uncertainty coefficient, column dependent", 0, VATP,
	   NULL, NULL, NULL),
	CT(gamma, "Gamma", ORD, VATP,
	   "Gamma", "Гамма", "Гамма"),
	CT(somers_d_symmetric, "Somers' d, symmetric", ORD, VATP, NULL, NULL, NULL),
	CT(somers_d_row_dependent, "Somers' d, row dependent", ORD, VATP, NULL, NULL, NULL),
	CT(somers_d_col_dependent, "Somers' d, column dependent", ORD, VATP, NULL, NULL, NULL),
	CT(kendall_tau_b, "Kendall's tau-b", ORD, VATP,
	   "Kendall's tau-b", "Тау-b Кендалла", "Кендаллдын тау-b"),
	CT(kendall_tau_c, "Kendall's tau-c", ORD, VATP,
	   "Kendall's tau-c", "Тау-c Кендалла", "Кендаллдын тау-c"),
	CT(pearson_r, "Pearson's r", ORD, VATP,
	   "Pearson's r", "r Пирсона", "Пирсондун r"),
	CT(spearman, "Spearman correlation", ORD, VATP,
	   "Spearman's correlation", "Корреляция Спирмена", "Спирмендин корреляциясы"),
	CT(kappa, "Kappa", SAME, VATP,
	   "Cohen's kappa", "Каппа Коэна", "Коэндин каппасы"),
	CT(symmetry_bowker, "Bowker's test of symmetry", SAME, VDP, NULL, NULL, NULL),
	CT(mcnemar, "McNemar's test (continuity corrected)", SAME | TWO, VDP, NULL, NULL, NULL),
	CT(mcnemar_exact, "McNemar's test, exact binomial", SAME | TWO | STAT_EXACT, STATS_F_P,
	   NULL, NULL, NULL),
	CT(odds_ratio, "Odds ratio", TWO, VCI,
	   "Odds ratio", "Отношение шансов", "Шанстардын катышы"),
	CT(relative_risk_col1, "Relative risk, first column", TWO, VCI, NULL, NULL, NULL),
	CT(relative_risk_col2, "Relative risk, second column", TWO, VCI, NULL, NULL, NULL),
	{ "rao_scott_f", "Rao-Scott F (design-based)",
	  { "Rao–Scott F test", "F-критерий Рао — Скотта", "Рао–Скотттун F критерийи" },
	  STAT_NEEDS_DESIGN, VDP | STATS_F_DF2, STAT_IN_RAO_SCOTT_F, 0 },
	{ "rao_scott_chi2", "Rao-Scott chi-square (design-based)",
	  { "Rao–Scott chi-square", "Хи-квадрат Рао — Скотта", "Рао–Скотттун хи-квадраты" },
	  STAT_NEEDS_DESIGN, VDP, STAT_IN_RAO_SCOTT_CHI2, 0 },
	{ "cmh", "Cochran-Mantel-Haenszel",
	  { "Cochran–Mantel–Haenszel test", "Критерий Кохрена — Мантеля — Хензеля",
	    "Кохрен–Мантель–Хензел критерийи" },
	  STAT_NEEDS_LAYERS, VDP, STAT_IN_CMH, 0 },
	{ "mantel_haenszel_odds_ratio", "Mantel-Haenszel common odds ratio",
	  { "Mantel–Haenszel common odds ratio", "Общее отношение шансов Мантеля — Хензеля",
	    "Мантель–Хензелдин жалпы шанстар катышы" },
	  STAT_NEEDS_LAYERS | TWO, VCI, STAT_IN_MH_ODDS_RATIO, 0 },
};
const int nstatistics = (int)(sizeof statistics / sizeof *statistics);

int statistic_index(const char *key)
{
	for (int i = 0; key && i < nstatistics; i++)
		if (!strcmp(statistics[i].key, key))
			return i;
	return -1;
}

const statistic *statistic_find(const char *key)
{
	int i = statistic_index(key);
	return i < 0 ? NULL : &statistics[i];
}

const stats_value *statistic_value(const statistic *s, const analysis_tab *t,
				   const analysis_layer *L)
{
	switch (s->where) {
	case STAT_IN_CROSSTAB:
		return L && L->stats_ok ? (const stats_value *)((const char *)&L->stats + s->offset)
					: NULL;
	case STAT_IN_RAO_SCOTT_F:
		return L && L->has_rao_scott ? &L->rao_scott.f : NULL;
	case STAT_IN_RAO_SCOTT_CHI2:
		return L && L->has_rao_scott ? &L->rao_scott.chisq : NULL;
	case STAT_IN_CMH:
		return t->has_cmh ? &t->cmh.cmh : NULL;
	case STAT_IN_MH_ODDS_RATIO:
		return t->has_cmh ? &t->cmh.odds_ratio : NULL;
	}
	return NULL;
}

const char *statistic_label(const statistic *s, const char *lang)
{
	int l = lang && !strcmp(lang, "ru") ? STAT_RU : lang && !strcmp(lang, "ky") ? STAT_KY
										 : STAT_EN;
	if (s->label[l])
		return s->label[l];
	if (l == STAT_KY && s->label[STAT_RU])
		return s->label[STAT_RU];
	return s->label[STAT_EN] ? s->label[STAT_EN] : s->name;
}

const char *statistic_needs_text(const statistic *s, char *buf, size_t size)
{
	static const struct {
		unsigned bit;
		const char *text;
	} words[] = {
		{ STAT_NEEDS_2X2, "2x2 table" }, { STAT_NEEDS_SAME, "same categories" },
		{ STAT_NEEDS_ORDINAL, "ordered categories" }, { STAT_NEEDS_DESIGN, "--weight, --strata or --cluster" },
		{ STAT_NEEDS_LAYERS, "--by" }, { STAT_ASKED, "above 2x2 only when named" },
	};
	size_t len = 0;
	buf[0] = 0;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (s->needs & words[k].bit) {
			int n = snprintf(buf + len, size - len, "%s%s", len ? ", " : "", words[k].text);
			if (n < 0 || (size_t)n >= size - len)
				break;
			len += (size_t)n;
		}
	return buf;
}
