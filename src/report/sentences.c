/* sentences.c: the report's sentences (findings, tests in words, methods, notes) in English,
 * Russian and Kyrgyz, with numbered string blanks (%1$s ...) filled by report_say; the terms
 * follow surveys/GLOSSARY.md. */
#include "report/words.h"

#include <stdarg.h>
#include <string.h>

static const char *const sentences[RS_NSENTENCES][REPORT_NLANGS] = {
	[RS_SIGNIFICANT] = {
		"The difference between %1$s is statistically significant (%2$s, %3$s): it is "
		"unlikely to be due to chance.",
		"Различие между %1$s статистически значимо (%2$s, %3$s): маловероятно, что оно "
		"случайно.",
		"%1$s ортосундагы айырма статистикалык жактан маанилүү (%2$s, %3$s): ал "
		"кокустуктан улам болушу күмөн." },
	[RS_NOT_SIGNIFICANT] = {
		"The difference between %1$s is not statistically significant (%2$s, %3$s): it "
		"may be due to chance.",
		"Различие между %1$s статистически не значимо (%2$s, %3$s): оно может быть "
		"случайным.",
		"%1$s ортосундагы айырма статистикалык жактан маанилүү эмес (%2$s, %3$s): ал "
		"кокустуктан улам болушу мүмкүн." },
	[RS_SIGNIFICANT_CMH] = {
		"Taking all layers together, the association is statistically significant (%1$s, "
		"%2$s): it is unlikely to be due to chance.",
		"С учётом всех слоёв связь статистически значима (%1$s, %2$s): маловероятно, что "
		"она случайна.",
		"Бардык катмарларды эске алганда, байланыш статистикалык жактан маанилүү (%1$s, "
		"%2$s): ал кокустуктан улам болушу күмөн." },
	[RS_NOT_SIGNIFICANT_CMH] = {
		"Taking all layers together, the association is not statistically significant "
		"(%1$s, %2$s): it may be due to chance.",
		"С учётом всех слоёв связь статистически не значима (%1$s, %2$s): она может быть "
		"случайной.",
		"Бардык катмарларды эске алганда, байланыш статистикалык жактан маанилүү эмес "
		"(%1$s, %2$s): ал кокустуктан улам болушу мүмкүн." },
	[RS_NO_TEST] = { "No test could be computed: %1$s.", "Критерий не вычислен: %1$s.",
			 "Критерий эсептелген жок: %1$s." },
	[RS_SMALL_EXPECTED_FISHER] = {
		"In %1$s of %2$s cells (%3$s) the expected count is below 5 (the smallest is "
		"%4$s): the chi-square test may be inaccurate, so Fisher's exact test is given "
		"instead.",
		"Ячеек с ожидаемой частотой меньше 5: %1$s из %2$s (%3$s; наименьшая — %4$s): "
		"критерий хи-квадрат может быть неточным, поэтому приведён точный критерий "
		"Фишера.",
		"%2$s уячанын %1$s уячасында (%3$s) күтүлгөн жыштык 5тен аз (эң азы — %4$s): "
		"хи-квадрат критерийи так эмес болушу мүмкүн, ошондуктан анын ордуна Фишердин "
		"так критерийи берилди." },
	[RS_SMALL_EXPECTED] = {
		"In %1$s of %2$s cells (%3$s) the expected count is below 5 (the smallest is "
		"%4$s): the test may be inaccurate, so read it with caution.",
		"Ячеек с ожидаемой частотой меньше 5: %1$s из %2$s (%3$s; наименьшая — %4$s): "
		"критерий может быть неточным, к его результату следует относиться с "
		"осторожностью.",
		"%2$s уячанын %1$s уячасында (%3$s) күтүлгөн жыштык 5тен аз (эң азы — %4$s): "
		"критерий так эмес болушу мүмкүн, анын жыйынтыгын этияттык менен кабыл алыңыз." },
	[RS_MONTE_CARLO] = {
		"The table is too large for Fisher's exact test to be computed exactly: its "
		"p-value is a Monte Carlo estimate from %1$s random tables and may differ slightly "
		"in its last digit.",
		"Таблица слишком велика для точного расчёта критерия Фишера: p-значение оценено "
		"методом Монте-Карло (случайных таблиц: %1$s) и может немного отличаться в "
		"последнем знаке.",
		"Фишердин так критерийин так эсептөө үчүн таблица өтө чоң: p-мааниси %1$s кокус "
		"таблица боюнча Монте-Карло ыкмасы менен бааланды жана акыркы цифрасында бир аз "
		"айырмаланышы мүмкүн." },
	[RS_ONE_CATEGORY] = {
		"All answers to “%1$s” fall in one category: there is nothing to compare, so no "
		"test is given.",
		"Все ответы на вопрос «%1$s» относятся к одной категории: сравнивать нечего, "
		"поэтому критерий не приводится.",
		"«%1$s» суроосуна берилген бардык жооптор бир категорияга кирет: салыштыра турган "
		"эч нерсе жок, ошондуктан критерий берилген жок." },
	[RS_ONE_CATEGORY_FREQ] = {
		"Every answer falls in one category: “%1$s”.",
		"Все ответы относятся к одной категории: «%1$s».",
		"Бардык жооптор бир категорияга кирет: «%1$s»." },
	[RS_NO_DATA] = {
		"No interview has an answer counted in this table, so it is empty.",
		"Ни в одном интервью нет ответа, учитываемого в этой таблице, поэтому она пуста.",
		"Бир да интервьюда бул таблицада эсепке алына турган жооп жок, ошондуктан ал бош." },
	[RS_NO_DATA_WHERE] = {
		"No interview meets this table's condition (%1$s), so it is empty.",
		"Ни одно интервью не удовлетворяет условию этой таблицы (%1$s), поэтому она пуста.",
		"Бир да интервью бул таблицанын шартына (%1$s) туура келбейт, ошондуктан ал бош." },
	[RS_MULTIPLE] = {
		"Several answers could be chosen, so the percentages add up to more than 100%.",
		"Можно было выбрать несколько ответов, поэтому сумма процентов больше 100 %.",
		"Бир нече жоопту тандоо мүмкүн болгондуктан, пайыздардын суммасы 100 %дан ашат." },
	[RS_WEIGHTED] = { "Weighted by “%1$s”.", "Данные взвешены по «%1$s».",
			  "Маалыматтар «%1$s» боюнча салмакталган." },
	[RS_DROPPED] = { "Categories without a single interview are not shown (%1$s).",
			 "Категории, в которые не попало ни одно интервью, не показаны (%1$s).",
			 "Бир да интервью кирбеген категориялар көрсөтүлгөн жок (%1$s)." },
	[RS_BASE] = { "Interviews counted: %1$s.", "Учтено интервью: %1$s.",
		      "Эсепке алынган интервьюлар: %1$s." },
	[RS_BASE_WHERE] = { "Interviews counted: %1$s (condition: %2$s).",
			    "Учтено интервью: %1$s (условие: %2$s).",
			    "Эсепке алынган интервьюлар: %1$s (шарты: %2$s)." },
	[RS_MISSING] = { "Without an answer (don't know, refused, not asked): %1$s.",
			 "Без ответа (не знает, отказ от ответа, вопрос не задавался): %1$s.",
			 "Жообу жоктор (билбейт, жооп берүүдөн баш тартты, суроо берилген жок): "
			 "%1$s." },
	[RS_MEASURE] = { "%1$s: %2$s.", "%1$s: %2$s.", "%1$s: %2$s." },
	[RS_M_FORM] = {
		"The data were collected with the questionnaire “%1$s” (form %2$s, version %3$s).",
		"Данные собраны по анкете «%1$s» (форма %2$s, версия %3$s).",
		"Маалыматтар «%1$s» анкетасы боюнча чогултулду (форма %2$s, версиясы %3$s)." },
	[RS_M_DATES] = { "Interviews were conducted from %1$s to %2$s.",
			 "Интервью проводились с %1$s по %2$s.",
			 "Интервьюлар %1$s – %2$s аралыгында жүргүзүлдү." },
	[RS_M_INCLUDED] = { "Complete interviews in this report: %1$s.",
			    "Завершённых интервью в отчёте: %1$s.",
			    "Баяндамага кирген аяктаган интервьюлар: %1$s." },
	[RS_M_EXCLUDED_DRAFTS] = { "Unfinished interviews (drafts) left out: %1$s.",
				   "Не учтены незавершённые интервью (черновики): %1$s.",
				   "Аяктай элек интервьюлар эсепке алынган жок: %1$s." },
	[RS_M_EXCLUDED_OTHER] = { "Interviews of other questionnaires left out: %1$s.",
				  "Не учтены интервью по другим анкетам: %1$s.",
				  "Башка анкеталардын интервьюлары эсепке алынган жок: %1$s." },
	[RS_M_EXCLUDED_WHERE] = {
		"Interviews left out because they do not meet the report's condition (%2$s): %1$s.",
		"Не учтены интервью, не удовлетворяющие условию отчёта (%2$s): %1$s.",
		"Баяндаманын шартына (%2$s) туура келбегендиктен эсепке алынбаган интервьюлар: "
		"%1$s." },
	[RS_M_WEIGHTS_NONE] = {
		"The tables are not weighted: every interview counts once.",
		"Таблицы не взвешены: каждое интервью учитывается один раз.",
		"Таблицалар салмакталган эмес: ар бир интервью бир жолу эсептелет." },
	[RS_M_WEIGHTS] = {
		"The tables are weighted by “%1$s”; their tests are the Rao–Scott tests for "
		"weighted data.",
		"Таблицы взвешены по «%1$s»; для них применяется критерий Рао — Скотта для "
		"взвешенных данных.",
		"Таблицалар «%1$s» боюнча салмакталган; алар үчүн салмакталган маалыматтарга "
		"арналган Рао–Скотт критерийи колдонулат." },
	[RS_M_TESTS] = {
		"Differences between groups are tested with Pearson's chi-square test, or with "
		"Fisher's exact test when expected counts are small. A difference is called "
		"statistically significant when p < 0.05: if there were no real difference, a "
		"difference this large would arise by chance less than 5 times in 100.",
		"Различия между группами проверяются критерием хи-квадрат Пирсона, а при малых "
		"ожидаемых частотах — точным критерием Фишера. Различие называется статистически "
		"значимым, если p < 0,05: если бы реального различия не было, такое большое "
		"расхождение возникало бы случайно реже 5 раз из 100.",
		"Топтордун ортосундагы айырмалар Пирсондун хи-квадрат критерийи менен, ал эми "
		"күтүлгөн жыштыктар аз болгондо Фишердин так критерийи менен текшерилет. Эгерде "
		"p < 0,05 болсо, айырма статистикалык жактан маанилүү деп эсептелет: чыныгы айырма "
		"жок болсо, мындай чоң айырма кокустуктан 100 учурдун 5инен азында гана пайда "
		"болмок." },
	[RS_M_MISSING] = {
		"Answers “don't know” and “refused”, and questions not asked because of the "
		"questionnaire's logic, are left out of the percentages.",
		"Отметки «не знает» и «отказ от ответа», а также вопросы, не заданные по логике "
		"анкеты, в процентах не учитываются.",
		"«Билбейт» жана «жооп берүүдөн баш тартты» деген белгилер, ошондой эле анкетанын "
		"логикасы боюнча берилбеген суроолор пайыздарды эсептөөдө эске алынган жок." },
	[RS_M_INTERVIEWERS] = { "Interviewers: %1$s; laptops: %2$s.",
				"Интервьюеров: %1$s; ноутбуков: %2$s.",
				"Интервьюерлер: %1$s; ноутбуктар: %2$s." },
	[RS_M_VERSIONS] = { "Versions of the questionnaire used: %1$s.",
			    "Использованные версии анкеты: %1$s.",
			    "Колдонулган анкета версиялары: %1$s." },
	[RS_DATE_RANGE] = { "%1$s – %2$s", "%1$s – %2$s", "%1$s – %2$s" },
	[RS_SIMULATED_COUNT] = {
		"Complete interviews analysed: %2$s; of them made by a computer simulation "
		"(survey simulate), not by interviewers: %1$s. The numbers in this report say "
		"nothing about real respondents.",
		"Завершённых интервью в анализе: %2$s; из них созданы компьютерным "
		"моделированием (survey simulate), а не интервьюерами: %1$s. Числа в этом отчёте "
		"ничего не говорят о реальных респондентах.",
		"Талдоого алынган аяктаган интервьюлар: %2$s; алардын ичинен интервьюерлер эмес, "
		"компьютердик моделдештирүү (survey simulate) түзгөн интервьюлар: %1$s. Бул "
		"баяндамадагы сандар чыныгы респонденттер жөнүндө эч нерсе билдирбейт." },
	/* helper `report` (issue 14) */
	[RS_F_TOP] = { "%1$s: most often %2$s (%3$s).", "%1$s: чаще всего %2$s (%3$s).",
		       "%1$s: көбүнчө %2$s (%3$s)." },
	[RS_F_MORE_THAN] = {
		"%1$s chose %2$s more often than %3$s: %4$s vs %5$s (%6$s; %7$s).",
		"В группе %1$s ответ %2$s встречается чаще, чем в группе %3$s: %4$s против %5$s "
		"(%6$s; %7$s).",
		"%1$s тобунда %2$s деген жооп %3$s тобуна караганда көбүрөөк кездешет: %4$s, ал "
		"эми %3$s тобунда — %5$s (%6$s; %7$s)." },
	[RS_F_LESS_THAN] = {
		"%1$s chose %2$s less often than %3$s: %4$s vs %5$s (%6$s; %7$s).",
		"В группе %1$s ответ %2$s встречается реже, чем в группе %3$s: %4$s против %5$s "
		"(%6$s; %7$s).",
		"%1$s тобунда %2$s деген жооп %3$s тобуна караганда азыраак кездешет: %4$s, ал "
		"эми %3$s тобунда — %5$s (%6$s; %7$s)." },
	[RS_F_MORE_REST] = {
		"%1$s chose %2$s more often than the other groups together: %4$s vs %5$s (%6$s; "
		"%7$s).",
		"В группе %1$s ответ %2$s встречается чаще, чем в остальных группах вместе: %4$s "
		"против %5$s (%6$s; %7$s).",
		"%1$s тобунда %2$s деген жооп калган топторго караганда көбүрөөк кездешет: %4$s, "
		"ал эми калган топтордо — %5$s (%6$s; %7$s)." },
	[RS_F_LESS_REST] = {
		"%1$s chose %2$s less often than the other groups together: %4$s vs %5$s (%6$s; "
		"%7$s).",
		"В группе %1$s ответ %2$s встречается реже, чем в остальных группах вместе: %4$s "
		"против %5$s (%6$s; %7$s).",
		"%1$s тобунда %2$s деген жооп калган топторго караганда азыраак кездешет: %4$s, "
		"ал эми калган топтордо — %5$s (%6$s; %7$s)." },
	[RS_F_MORE_FLAGS] = { "%1$s more differences are marked ▲▼ in %2$s.",
			      "Остальные различия (ещё %1$s) отмечены знаками ▲▼: %2$s.",
			      "Дагы %1$s айырма ▲▼ белгилери менен белгиленген: %2$s." },
	[RS_F_NO_CELL] = {
		"%1$s: the groups differ as a whole (%2$s), but no single answer differs enough "
		"once corrected for multiple comparisons (%3$s).",
		"%1$s: группы различаются в целом (%2$s), но ни один ответ не различается "
		"достаточно с учётом поправки на множественные сравнения (%3$s).",
		"%1$s: топтор жалпысынан айырмаланат (%2$s), бирок көп салыштыруу үчүн түзөтүүнү "
		"эске алганда бир да жооп жетишээрлик айырмаланбайт (%3$s)." },
	[RS_F_MR_HOOK] = {
		"Several answers could be chosen: no test per answer can be given for this table.",
		"Можно было выбрать несколько ответов: критерий для каждого ответа в этой таблице "
		"привести нельзя.",
		"Бир нече жооп тандоо мүмкүн болгон: бул таблицада ар бир жооп үчүн критерий "
		"берүүгө болбойт." },
	[RS_F_MR_DIFFERS] = {
		"%1$s: the share choosing this answer differs between the groups (%2$s, tested answer "
		"by answer with Holm's correction).",
		"%1$s: доля выбравших этот ответ различается между группами (%2$s; проверка по каждому "
		"ответу с поправкой Холма).",
		"%1$s: бул жоопту тандагандардын үлүшү топтордо ар башка (%2$s; ар бир жооп өзүнчө "
		"текшерилди, Холмдун түзөтүүсү менен)." },
	[RS_F_MR_SAME] = {
		"Several answers could be chosen: tested answer by answer (Holm's correction), no "
		"answer differs significantly between the groups.",
		"Можно было выбрать несколько ответов: проверка по каждому ответу (с поправкой Холма) "
		"не выявила значимых различий между группами.",
		"Бир нече жооп тандоо мүмкүн болгон: ар бир жооп өзүнчө текшерилди (Холмдун "
		"түзөтүүсү менен), топтордун ортосунда маанилүү айырма табылган жок." },
	[RS_LEGEND] = {
		"▲ ▼: the share is significantly higher (▲) or lower (▼) than in the other groups "
		"together (adjusted standardized residual, with the Bonferroni correction for the "
		"%1$s cells: |z| > %2$s).",
		"▲ ▼: доля значимо выше (▲) или ниже (▼), чем в остальных группах вместе "
		"(скорректированный стандартизованный остаток с поправкой Бонферрони на число ячеек, "
		"%1$s: |z| > %2$s).",
		"▲ ▼: үлүш калган топторго караганда олуттуу жогору (▲) же төмөн (▼) "
		"(тууралган стандартташтырылган калдык, уячалардын саны (%1$s) боюнча Бонферрони "
		"түзөтүүсү менен: |z| > %2$s)." },
	[RS_M_FLAGS] = {
		"When a cross-tab's test is significant, each cell's adjusted standardized residual "
		"says whether that answer is more (▲) or less (▼) frequent in the group than in the "
		"other groups together. So that a table of many cells does not produce differences "
		"by chance, the Bonferroni correction is applied: a cell is marked when its p-value "
		"times the number of cells is below 0.05; the p-values in the key findings are these "
		"corrected ones. Weighted tables are not marked.",
		"Если критерий таблицы сопряжённости значим, скорректированный стандартизованный "
		"остаток каждой ячейки показывает, встречается ли этот ответ в группе чаще (▲) или "
		"реже (▼), чем в остальных группах вместе. Чтобы таблица со многими ячейками не "
		"давала различий случайно, применяется поправка Бонферрони: ячейка отмечается, если "
		"её p-значение, умноженное на число ячеек, меньше 0,05; в основных выводах приведены "
		"эти скорректированные p-значения. Взвешенные таблицы не отмечаются.",
		"Эгерде кайчылаш таблицанын критерийи маанилүү болсо, ар бир уячанын тууралган "
		"стандартташтырылган калдыгы ошол жооп топто калган топторго караганда көбүрөөк (▲) "
		"же азыраак (▼) кездешерин көрсөтөт. Уячалары көп таблица айырмаларды кокустан "
		"бербеши үчүн Бонферрони түзөтүүсү колдонулат: уячанын p-мааниси уячалардын санына "
		"көбөйтүлгөндө 0,05тен аз болсо, ал белгиленет; негизги жыйынтыктарда ушул "
		"түзөтүлгөн p-маанилер берилет. Салмакталган таблицалар белгиленбейт." },
	[RS_M_DK_CATEGORY] = {
		"Answers %1$s are shown as a category of their own: they are counted in the "
		"percentages and in the tests.",
		"Ответы %1$s показаны отдельной категорией: они учитываются в процентах и в "
		"критериях.",
		"%1$s деген жооптор өзүнчө категория катары көрсөтүлөт: алар пайыздарда жана "
		"критерийлерде эсепке алынат." },
	[RS_M_DK_EXCLUDED] = {
		"Answers %1$s are left out of the percentages and tests of every table; their "
		"number is given under each table.",
		"Ответы %1$s не учитываются в процентах и критериях ни одной таблицы; их число "
		"указано под каждой таблицей.",
		"%1$s деген жооптор эч бир таблицанын пайыздарында жана критерийлеринде эсепке "
		"алынбайт; алардын саны ар бир таблицанын астында көрсөтүлгөн." },
	[RS_M_DK_MIXED] = {
		"Answers %1$s are left out of the percentages and tests of tables %2$s (their number "
		"is given under each of them); in the other tables they are a category of their own.",
		"Ответы %1$s не учитываются в процентах и критериях таблиц %2$s (их число указано под "
		"каждой из них); в остальных таблицах они показаны отдельной категорией.",
		"%1$s деген жооптор %2$s таблицаларынын пайыздарында жана критерийлеринде эсепке "
		"алынбайт (алардын саны ар биринин астында көрсөтүлгөн); калган таблицаларда алар "
		"өзүнчө категория." },
	[RS_M_MISSING_REST] = {
		"Questions not asked because of the questionnaire's logic and answers left empty or "
		"refused are not counted in the percentages; the number of interviews without an "
		"answer is given under each table.",
		"Вопросы, не заданные по логике анкеты, и незаполненные ответы или отказы от ответа "
		"в процентах не учитываются; число интервью без ответа указано под каждой таблицей.",
		"Анкетанын логикасы боюнча берилбеген суроолор, толтурулбаган жооптор жана жооп "
		"берүүдөн баш тартуулар пайыздарда эсепке алынбайт; жообу жок интервьюлардын саны ар "
		"бир таблицанын астында көрсөтүлгөн." },
	[RS_DK_LEFT_OUT] = { "Answers %1$s, left out of this table: %2$s.",
			     "Ответы %1$s, не учтённые в этой таблице: %2$s.",
			     "Бул таблицада эсепке алынбаган %1$s деген жооптор: %2$s." },
	[RS_ANSWERS_COUNT] = {
		"Answers given: %1$s; different answers: %2$s. Identical answers are listed once, "
		"with their number.",
		"Всего ответов: %1$s; разных ответов: %2$s. Одинаковые ответы приведены один раз, с "
		"их числом.",
		"Берилген жооптор: %1$s; ар башка жооптор: %2$s. Бирдей жооптор бир жолу, алардын "
		"саны менен берилет." },
	[RS_ANSWERS_ANNEX] = {
		"Only the %1$s most frequent answers of each group are shown here; the full list is "
		"in the annex, %2$s",
		"Здесь для каждой группы показаны только самые частые ответы (не более %1$s); полный "
		"список — в приложении, %2$s",
		"Бул жерде ар бир топтун эң көп кездешкен %1$s жообу гана көрсөтүлгөн; толук тизме "
		"тиркемеде: %2$s" },
	[RS_ANSWERS_NONE] = { "Nobody gave an answer to this question.",
			      "На этот вопрос никто не ответил.",
			      "Бул суроого эч ким жооп берген жок." },
	[RS_M_RESPONSE] = {
		"The sample frame lists %2$s units; complete interviews: %1$s, a response rate of "
		"%3$s.",
		"Единиц в основе выборки: %2$s; завершённых интервью: %1$s, доля ответивших — "
		"%3$s.",
		"Тандалма негизинде %2$s бирдик бар; аяктаган интервьюлар: %1$s, жооп берүү "
		"деңгээли — %3$s." },
	[RS_M_UNITS] = {
		"Distinct units surveyed (different answers to “%2$s”): %1$s.",
		"Различных опрошенных единиц (разных ответов на вопрос «%2$s»): %1$s.",
		"Сурамжыланган ар башка бирдиктер («%2$s» суроосуна берилген ар башка жооптор): "
		"%1$s." },
	[RS_M_LIMITS_SIM] = {
		"Limitation: the data are simulated; no conclusion may be drawn from them.",
		"Ограничение: данные смоделированы; никаких выводов из них делать нельзя.",
		"Чектөө: маалыматтар моделдештирилген; алардан эч кандай жыйынтык чыгарууга болбойт." },
	[RS_M_LIMITS_SELF] = {
		"Limitation: the answers are what the respondents report about their own body; they "
		"were not checked against documents.",
		"Ограничение: ответы — это сведения самих респондентов о своём органе; с документами "
		"они не сверялись.",
		"Чектөө: жооптор — респонденттердин өз органы жөнүндө берген маалыматы; алар "
		"документтер менен салыштырылган эмес." },
	[RS_M_LIMITS_SEALED] = {
		"Limitation: %1$s interviews are sealed for the coordinator (encrypted) and are not "
		"in this report; open them with 'survey unseal' and the coordinator's key.",
		"Ограничение: интервью, запечатанных для координатора (зашифрованных) и не "
		"вошедших в этот отчёт: %1$s; вскройте их командой 'survey unseal' с ключом "
		"координатора.",
		"Чектөө: %1$s интервью координатор үчүн мөөрлөнгөн (шифрленген) жана бул "
		"баяндамага кирген жок; алардын мөөрүн координатордун ачкычы менен 'survey unseal' "
		"буйругу аркылуу ачыңыз." },
	[RS_M_LIMITS_SMALL] = {
		"Limitation: in %1$s tables expected counts are small; their tests are to be read "
		"with caution (see the notes under them).",
		"Ограничение: таблиц с малыми ожидаемыми частотами — %1$s; к их критериям следует "
		"относиться с осторожностью (см. примечания под ними).",
		"Чектөө: %1$s таблицада күтүлгөн жыштыктар аз; алардын критерийлерин этияттык менен "
		"кабыл алуу керек (алардын астындагы эскертүүлөрдү караңыз)." },
	[RS_M_LIMITS_UNWEIGHTED] = {
		"Limitation: the tables are not weighted, so a group interviewed more often than its "
		"share of all units weighs more in the totals.",
		"Ограничение: таблицы не взвешены, поэтому группа, опрошенная чаще её доли среди всех "
		"единиц, сильнее влияет на итоги.",
		"Чектөө: таблицалар салмакталган эмес, ошондуктан бардык бирдиктердин ичиндеги "
		"үлүшүнөн көбүрөөк сурамжыланган топ жыйынтыкка көбүрөөк таасир этет." },
	[RS_M_LIMITS_NOFRAME] = {
		"The report's spec names no sample frame size, so no response rate is given.",
		"В описании отчёта не указан объём основы выборки, поэтому доля ответивших не "
		"приводится.",
		"Баяндаманын сыпаттамасында тандалма негизинин көлөмү көрсөтүлгөн эмес, ошондуктан "
		"жооп берүү деңгээли берилбейт." },
	[RS_G_PCT] = {
		"% of those answering: the share among the interviews that answered the question "
		"(those not asked or without an answer are not counted).",
		"% от ответивших: доля среди интервью, в которых есть ответ на вопрос (не заданные "
		"и оставшиеся без ответа не учитываются).",
		"Жооп бергендерден %: суроого жооп берилген интервьюлардын ичиндеги үлүш (берилбеген "
		"жана жообу жок суроолор эсепке алынбайт)." },
	[RS_G_CI] = {
		"95% confidence interval (CI): the range that would contain the true share in 95 of "
		"100 samples like this one (Wilson's interval).",
		"95%-й доверительный интервал (ДИ): диапазон, который в 95 из 100 таких же выборок "
		"содержал бы истинную долю (интервал Уилсона).",
		"95% ишеним аралыгы: ушундай 100 тандоонун 95инде чыныгы үлүштү камтый турган "
		"аралык (Уилсондун аралыгы)." },
	[RS_G_P] = {
		"p-value: how likely a difference at least this large would be if there were no real "
		"difference; below 0.05 it is called statistically significant.",
		"p-значение: насколько вероятно различие не меньше наблюдаемого, если реального "
		"различия нет; меньше 0,05 — различие называется статистически значимым.",
		"p-мааниси: чыныгы айырма жок болгондо ушундай же андан чоң айырманын пайда болуу "
		"ыктымалдыгы; 0,05тен аз болсо, айырма статистикалык жактан маанилүү деп аталат." },
	[RS_G_CHI2] = {
		"Chi-square test (Pearson): compares the counts of a cross-tab with those expected if "
		"the groups did not differ.",
		"Критерий хи-квадрат (Пирсона): сравнивает частоты таблицы сопряжённости с "
		"ожидаемыми при отсутствии различий между группами.",
		"Хи-квадрат критерийи (Пирсон): кайчылаш таблицанын жыштыктарын топтор "
		"айырмаланбаганда күтүлгөн жыштыктар менен салыштырат." },
	[RS_G_FISHER] = {
		"Fisher's exact test: the same question as the chi-square test, computed exactly; "
		"used when expected counts are small.",
		"Точный критерий Фишера: тот же вопрос, что и у хи-квадрат, но с точным расчётом; "
		"применяется при малых ожидаемых частотах.",
		"Фишердин так критерийи: хи-квадрат критерийиндей эле суроо, бирок так эсептелет; "
		"күтүлгөн жыштыктар аз болгондо колдонулат." },
	[RS_G_CRAMER] = {
		"Cramér's V: the strength of an association, from 0 (none) to 1 (complete).",
		"V Крамера: сила связи, от 0 (нет связи) до 1 (полная связь).",
		"Крамердин V коэффициенти: байланыштын күчү, 0дөн (байланыш жок) 1ге (толук "
		"байланыш) чейин." },
	[RS_G_ADJ] = {
		"Adjusted standardized residual (z): how far a cell's count is from the expected one, "
		"in standard errors; with the Bonferroni correction it marks ▲▼ the cells that differ.",
		"Скорректированный стандартизованный остаток (z): насколько частота ячейки отличается "
		"от ожидаемой, в стандартных ошибках; с поправкой Бонферрони им отмечены ▲▼ "
		"различающиеся ячейки.",
		"Тууралган стандартташтырылган калдык (z): уячанын жыштыгы күтүлгөндөн канча "
		"стандарттык катага айырмаланат; Бонферрони түзөтүүсү менен айырмаланган уячалар ▲▼ "
		"белгиленет." },
	[RS_G_DF] = {
		"Degrees of freedom (df): a number the test's p-value depends on, (rows − 1) × "
		"(columns − 1) for a cross-tab.",
		"Число степеней свободы (df): величина, от которой зависит p-значение критерия; для "
		"таблицы сопряжённости — (строки − 1) × (столбцы − 1).",
		"Эркиндик даражаларынын саны (df): критерийдин p-мааниси көз каранды болгон сан; "
		"кайчылаш таблица үчүн (саптар − 1) × (мамычалар − 1)." },
	[RS_G_GAMMA] = {
		"Gamma: for ordered answers, whether higher groups tend to give higher answers, from "
		"−1 to 1.",
		"Гамма: для упорядоченных ответов — склонны ли старшие группы давать более высокие "
		"ответы, от −1 до 1.",
		"Гамма: иреттелген жооптор үчүн — жогорку топтор жогору жооп берүүгө ыктайбы, −1ден "
		"1ге чейин." },
	[RS_G_RAO_SCOTT] = {
		"Rao–Scott test: the chi-square test corrected for weights.",
		"Критерий Рао — Скотта: критерий хи-квадрат с поправкой на веса.",
		"Рао–Скотт критерийи: салмактар үчүн түзөтүлгөн хи-квадрат критерийи." },
	[RS_G_CMH] = {
		"Cochran–Mantel–Haenszel test: the association of two yes/no questions across layers.",
		"Критерий Кохрена — Мантеля — Хензеля: связь двух вопросов «да/нет» по всем слоям.",
		"Кохрен–Мантель–Хензел критерийи: бардык катмарлар боюнча эки «ооба/жок» "
		"суроосунун байланышы." },
	[RS_G_MULTIPLE] = {
		"Several answers: the percentages are of the interviews (the base), so they add up "
		"to more than 100% and no total is given.",
		"Несколько ответов: проценты — от числа интервью (базы), поэтому их сумма больше 100 % "
		"и итог не приводится.",
		"Бир нече жооп: пайыздар интервьюлардын санынан (негизден) эсептелет, ошондуктан "
		"алардын суммасы 100 %дан ашат жана жыйынтыгы берилбейт." },
	/* helper field15b (issue 15): report --status approved */
	[RS_M_APPROVED] = {
		"Complete interviews: %2$s; of them approved by a supervisor and counted: %1$s "
		"('survey review').",
		"Завершённых интервью: %2$s, из них утверждено супервайзером и учтено: %1$s.",
		"Аяктаган интервьюлар: %2$s, алардын ичинен супервайзер бекиткени жана эсепке "
		"алынганы: %1$s." },
};

/* Make the letter at s (UTF-8) a capital: Latin, Cyrillic, and Kyrgyz ң ө ү. */
static void capitalise(char *s)
{
	unsigned char *p = (unsigned char *)s;
	if (p[0] >= 'a' && p[0] <= 'z' && p[1] == '-')
		return;   /* a statistic's letter stays as it is: "p-значение", not "P-значение" */
	if (p[0] >= 'a' && p[0] <= 'z') {
		p[0] = (unsigned char)(p[0] - 'a' + 'A');
		return;
	}
	if ((p[0] & 0xe0) != 0xc0 || (p[1] & 0xc0) != 0x80)
		return;
	unsigned c = ((p[0] & 0x1fu) << 6) | (p[1] & 0x3fu), u = c;
	if (c >= 0x430 && c <= 0x44f)
		u = c - 0x20;
	else if (c >= 0x450 && c <= 0x45f)
		u = c - 0x50;
	else if (c == 0x4a3 || c == 0x4af || c == 0x4e9)   /* ң ү ө */
		u = c - 1;
	p[0] = (unsigned char)(0xc0 | (u >> 6));
	p[1] = (unsigned char)(0x80 | (u & 0x3f));
}

void report_say(strbuf *sb, const char *lang, report_sentence s, int nargs, ...)
{
	size_t start = sb->len;
	if (s < 0 || s >= RS_NSENTENCES)
		return;
	const char *t = sentences[s][report_lang_ix(lang)];
	if (!t)
		t = sentences[s][REPORT_EN];
	if (!t)
		return;
	const char *args[8] = { 0 };
	va_list ap;
	va_start(ap, nargs);
	for (int i = 0; i < nargs && i < 8; i++)
		args[i] = va_arg(ap, const char *);
	va_end(ap);
	/* fill %N$s blanks by hand: the arguments are all strings, the order varies */
	for (const char *p = t; *p; p++) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '8' && p[2] == '$' && p[3] == 's') {
			const char *a = args[p[1] - '1'];
			sb_adds(sb, a ? a : "");
			p += 3;
		} else {
			sb_addc(sb, *p);
		}
	}
	/* a sentence that starts with a blank (Kyrgyz puts the groups first) */
	if (sb->len > start)
		capitalise(sb->buf + start);
}
