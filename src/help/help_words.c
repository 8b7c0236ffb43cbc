/* help_words.c: the words of tab's generated help tail in Russian and Kyrgyz — its heading,
 * what a statistic needs (statistic_needs_text's phrases) and the names of the statistics the
 * registry has no report label for (src/analysis/statistics.c), keyed by their English. */
#include "help/help.h"

#include <stddef.h>
#include <string.h>

static const struct help_word {
	const char *en, *ru, *ky;
} words[] = {
	{ "statistics, by JSON key (--stats; a report's stats column) [what each needs]:",
	  "статистики по ключу JSON (--stats; столбец stats отчёта) [что нужно каждой]:",
	  "статистикалар JSON ачкычы боюнча (--stats; баяндаманын stats тилкеси)\n"
	  "[ар бирине эмне керек]:" },
	/* what a statistic needs */
	{ "2x2 table", "таблица 2x2", "2x2 таблица" },
	{ "same categories", "одинаковые категории", "бирдей категориялар" },
	{ "ordered categories", "упорядоченные категории", "иреттелген категориялар" },
	{ "--weight, --strata or --cluster", "--weight, --strata или --cluster",
	  "--weight, --strata же --cluster" },
	{ "above 2x2 only when named", "больше 2x2 только по имени",
	  "2x2ден чоңунда аты аталганда гана" },
	/* the statistics without a report label */
	{ "Lambda, symmetric", "Лямбда, симметричная", "Лямбда, симметриялуу" },
	{ "Lambda, row dependent", "Лямбда, зависимые строки", "Лямбда, саптар көз каранды" },
	{ "Lambda, column dependent", "Лямбда, зависимые столбцы",
	  "Лямбда, тилкелер көз каранды" },
	{ "Goodman and Kruskal tau, row dependent", "Тау Гудмана — Краскела, зависимые строки",
	  "Гудман–Краскелдин тау, саптар көз каранды" },
	{ "Goodman and Kruskal tau, column dependent",
	  "Тау Гудмана — Краскела, зависимые столбцы",
	  "Гудман–Краскелдин тау, тилкелер көз каранды" },
	{ "Uncertainty coefficient, symmetric", "Коэффициент неопределённости, симметричный",
	  "Аныксыздык коэффициенти, симметриялуу" },
	{ "Uncertainty coefficient, row dependent",
	  "Коэффициент неопределённости, зависимые строки",
	  "Аныксыздык коэффициенти, саптар көз каранды" },
	{ "Uncertainty coefficient, column dependent",
	  "Коэффициент неопределённости, зависимые столбцы",
	  "Аныксыздык коэффициенти, тилкелер көз каранды" },
	{ "Somers' d, symmetric", "d Сомерса, симметричный", "Сомерстин d, симметриялуу" },
	{ "Somers' d, row dependent", "d Сомерса, зависимые строки",
	  "Сомерстин d, саптар көз каранды" },
	{ "Somers' d, column dependent", "d Сомерса, зависимые столбцы",
	  "Сомерстин d, тилкелер көз каранды" },
	{ "Bowker's test of symmetry", "Критерий симметрии Боукера",
	  "Боукердин симметрия критерийи" },
	{ "McNemar's test (continuity corrected)",
	  "Критерий Мак-Немара (с поправкой на непрерывность)",
	  "Мак-Немардын критерийи (үзгүлтүксүздүккө түзөтүлгөн)" },
	{ "McNemar's test, exact binomial", "Критерий Мак-Немара, точный биномиальный",
	  "Мак-Немардын критерийи, так биномдук" },
	{ "Relative risk, first column", "Относительный риск, первый столбец",
	  "Салыштырмалуу тобокел, биринчи тилке" },
	{ "Relative risk, second column", "Относительный риск, второй столбец",
	  "Салыштырмалуу тобокел, экинчи тилке" },
};

const char *help_word(const char *lang, const char *en)
{
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(words[i].en, en) == 0)
			return strcmp(lang, "ky") == 0 ? words[i].ky
			     : strcmp(lang, "ru") == 0 ? words[i].ru : en;
	return en;
}

char *help_phrases(const char *lang, const char *en, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	while (*en && len + 1 < size) {
		size_t best = 0;
		const char *to = NULL;
		for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
			size_t n = strlen(words[i].en);
			if (n > best && strncmp(en, words[i].en, n) == 0) {
				best = n;
				to = help_word(lang, words[i].en);
			}
		}
		if (!to) {   /* a character of no phrase: as it is */
			buf[len++] = *en++;
			buf[len] = '\0';
			continue;
		}
		size_t n = strlen(to);
		if (len + n >= size)
			break;
		memcpy(buf + len, to, n + 1);
		len += n;
		en += best;
	}
	return buf;
}
