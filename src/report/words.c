/* words.c: the report's fixed words (headers, labels) in English, Russian and Kyrgyz, and
 * quotation marks per language; its sentences are in sentences.c, the names of its statistics
 * in the registry of analysis/statistics.c.
 * Kyrgyz uses the terms of the questionnaire (ЖӨБ, айыл өкмөтү, ...) and of Kyrgyz statistical
 * tables (Бардыгы, уяча); surveys/GLOSSARY.md holds the terms. */
#include "report/words.h"

#include <string.h>

int report_lang_ix(const char *lang)
{
	if (lang && !strcmp(lang, "ru"))
		return REPORT_RU;
	if (lang && !strcmp(lang, "ky"))
		return REPORT_KY;
	return REPORT_EN;
}

static const char *const words[RW_NWORDS][REPORT_NLANGS] = {
	[RW_CONTENTS] = { "Contents", "Содержание", "Мазмуну" },
	[RW_METHODS] = { "Methods", "Методология", "Методология" },
	[RW_TABLE] = { "Table", "Таблица", "Таблица" },
	[RW_NOTE] = { "Note", "Примечание", "Эскертүү" },
	[RW_TOTAL] = { "Total", "Всего", "Бардыгы" },
	[RW_COUNT] = { "Count", "Число", "Саны" },
	[RW_PERCENT] = { "% of all", "% от всех", "Бардыгынан %" },
	[RW_VALID_PERCENT] = { "% of those answering", "% от ответивших",
			       "Жооп бергендерден %" },
	[RW_CUM_PERCENT] = { "Cumulative %", "Накопленный %", "Топтолгон %" },
	[RW_CI_LOW] = { "95% CI: from", "95% дов. интервал: от", "95% ишеним аралыгы: төмөнкү" },
	[RW_CI_HIGH] = { "95% CI: to", "95% дов. интервал: до", "95% ишеним аралыгы: жогорку" },
	[RW_ROW_PCT] = { "Row %", "% по строке", "Сап боюнча %" },
	[RW_COL_PCT] = { "Column %", "% по столбцу", "Мамыча боюнча %" },
	[RW_TOTAL_PCT] = { "% of total", "% от общего числа", "Жалпы сандан %" },
	[RW_EXPECTED] = { "Expected count", "Ожидаемая частота", "Күтүлгөн жыштык" },
	[RW_RESIDUAL] = { "Residual", "Остаток", "Калдык" },
	[RW_STD_RESIDUAL] = { "Standardized residual", "Стандартизованный остаток",
			      "Стандартташтырылган калдык" },
	[RW_ADJ_RESIDUAL] = { "Adjusted residual", "Скорректированный остаток",
			      "Тууралган калдык" },
	[RW_NO_ANSWER] = { "No answer", "Нет ответа", "Жооп жок" },
	[RW_DONT_KNOW] = { "Don't know", "Затрудняюсь ответить", "Билбейм" },
	[RW_REFUSED] = { "Refused", "Отказ от ответа", "Жооп берүүдөн баш тартты" },
	[RW_SKIPPED] = { "Not asked", "Вопрос не задавался", "Суроо берилген жок" },
	[RW_SIMULATED] = { "Simulated data: this report is not based on real interviews",
			   "Смоделированные данные: отчёт построен не на реальных интервью",
			   "Моделдештирилген маалыматтар: бул баяндама чыныгы интервьюлардын "
			   "негизинде түзүлгөн эмес" },
	[RW_SIMULATED_NOTE] = {
		"The numbers in this report were produced by a computer simulation (survey "
		"simulate) to show what the report will look like. They say nothing about any "
		"real respondent.",
		"Числа в этом отчёте получены компьютерным моделированием (survey simulate), "
		"чтобы показать, как будет выглядеть отчёт. Они ничего не говорят о реальных "
		"респондентах.",
		"Бул баяндамадагы сандар баяндаманын кандай болорун көрсөтүү үчүн компьютердик "
		"моделдештирүү (survey simulate) аркылуу алынды. Алар чыныгы респонденттер "
		"жөнүндө эч нерсе билдирбейт." },
	[RW_MADE_WITH] = { "Prepared with survey", "Подготовлено программой survey",
			   "survey программасы менен даярдалды" },
	[RW_PCT_OF_INTERVIEWS] = { "% of interviews", "% интервью", "интервьюлардын %" },
	[RW_PCT_WITHIN] = { "% within each group", "% внутри каждой группы",
			    "ар бир топтун ичиндеги %" },
	[RW_STATISTIC] = { "Statistic", "Показатель", "Көрсөткүч" },
	[RW_VALUE] = { "Value", "Значение", "Мааниси" },
	[RW_N] = { "Number of answers", "Число ответов", "Жооптордун саны" },
	[RW_MEAN] = { "Mean", "Среднее", "Орточо" },
	[RW_SD] = { "Standard deviation", "Стандартное отклонение", "Стандарттык четтөө" },
	[RW_MEDIAN] = { "Median", "Медиана", "Медиана" },
	[RW_MIN] = { "Minimum", "Минимум", "Эң азы" },
	[RW_MAX] = { "Maximum", "Максимум", "Эң көбү" },
	[RW_Q1] = { "Lower quartile", "Нижний квартиль", "Төмөнкү квартиль" },
	[RW_Q3] = { "Upper quartile", "Верхний квартиль", "Жогорку квартиль" },
	[RW_INTERVIEWER] = { "Interviewer", "Интервьюер", "Интервьюер" },
	[RW_INTERVIEWS] = { "Interviews", "Интервью", "Интервьюлар" },
	[RW_SHEET] = { "Sheet", "Лист", "Барак" },
	[RW_TITLE] = { "Title", "Название", "Аталышы" },
	[RW_WARNING] = { "Caution", "Внимание", "Көңүл буруңуз" },
	[RW_TEST] = { "Test", "Критерий", "Критерий" },
	[RW_CHI2] = { "chi-square test", "критерий хи-квадрат", "хи-квадрат критерийи" },
	[RW_FISHER] = { "Fisher's exact test", "точный критерий Фишера",
			"Фишердин так критерийи" },
	[RW_RAO_SCOTT] = { "Rao–Scott test for weighted data",
			   "критерий Рао — Скотта для взвешенных данных",
			   "салмакталган маалыматтар үчүн Рао–Скотт критерийи" },
	[RW_CMH] = { "Cochran–Mantel–Haenszel test", "критерий Кохрена — Мантеля — Хензеля",
		     "Кохрен–Мантель–Хензел критерийи" },
	[RW_DEVICE] = { "Laptop", "Ноутбук", "Ноутбук" },
	[RW_BY_INTERVIEWER] = { "Complete interviews by interviewer",
				"Завершённые интервью по интервьюерам",
				"Интервьюерлер боюнча аяктаган интервьюлар" },
	[RW_ROWS] = { "Rows", "Строки", "Саптар" },
	[RW_COLUMNS] = { "Columns", "Столбцы", "Мамычалар" },
	[RW_LAYERS] = { "Layers", "Слои", "Катмарлар" },
	[RW_QUESTIONNAIRE] = { "Questionnaire", "Анкета", "Анкета" },
	[RW_FIELDWORK] = { "Fieldwork", "Сбор данных", "Маалымат чогултуу" },
	[RW_DATE] = { "Date", "Дата", "Күнү" },
	[RW_NOT_ASKED] = { "not asked", "не задавался", "берилген жок" },
	[RW_IN_EACH_CELL] = { "In each cell", "В каждой ячейке", "Ар бир уячада" },
	/* the groups compared, as the test's sentence needs them: "between the groups",
	 * "между группами" (instrumental), "топтордун ортосундагы" (genitive) */
	[RW_GROUPS] = { "the groups", "группами", "топтордун" },
	[RW_SIMULATED_SHORT] = { "SIMULATED DATA", "СМОДЕЛИРОВАННЫЕ ДАННЫЕ",
				 "МОДЕЛДЕШТИРИЛГЕН МААЛЫМАТТАР" },
	[RW_VERSION] = { "version", "версия", "версиясы" },
	[RW_PCT_OF_ANSWERS] = { "% of answers", "% от ответов", "жооптордун %" },
	/* helper `report` (issue 14) */
	[RW_FINDINGS] = { "Key findings", "Основные выводы", "Негизги жыйынтыктар" },
	[RW_CI95] = { "95% CI", "95%-й ДИ", "95% ишеним аралыгы" },
	[RW_ANSWER] = { "Answer", "Ответ", "Жооп" },
	[RW_ANNEX] = { "Annex: open answers", "Приложение: открытые ответы",
		       "Тиркеме: ачык жооптор" },
	[RW_GLOSSARY] = { "Glossary of the statistics used", "Словарь использованных показателей",
			  "Колдонулган көрсөткүчтөрдүн сөздүгү" },
	[RW_BASE_INTERVIEWS] = { "Base: interviews", "База: интервью", "Негиз: интервьюлар" },
	[RW_PAGE] = { "Page", "Страница", "Бет" },
	[RW_QUESTIONNAIRE_ANNEX] = { "Annex: the questionnaire", "Приложение: анкета",
				     "Тиркеме: анкета" },
	[RW_CHOICES] = { "Answers", "Варианты ответа", "Жооп варианттары" },
	[RW_FINDINGS_NONE] = { "No difference between groups is statistically significant.",
			       "Ни одно различие между группами не является статистически значимым.",
			       "Топтордун ортосундагы бир да айырма статистикалык жактан маанилүү эмес." },
	[RW_MORE_THAN_100] = { "(several answers: no total)", "(несколько ответов: без итога)",
			       "(бир нече жооп: жыйынтыгы жок)" },
};

const char *report_word(const char *lang, report_word_id w)
{
	if (w < 0 || w >= RW_NWORDS)
		return "";
	const char *s = words[w][report_lang_ix(lang)];
	return s ? s : words[w][REPORT_EN];
}

void report_quote(strbuf *sb, const char *lang, const char *s)
{
	int en = report_lang_ix(lang) == REPORT_EN;
	sb_adds(sb, en ? "\xe2\x80\x9c" : "\xc2\xab");
	sb_adds(sb, s ? s : "");
	sb_adds(sb, en ? "\xe2\x80\x9d" : "\xc2\xbb");
}
