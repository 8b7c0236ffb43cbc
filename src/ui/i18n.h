/* i18n.h: the interview UI's own words (buttons, status line, messages, start and review
 * screens) in Kyrgyz, Russian and English, and the choice of the UI language from --lang or
 * the locale. The questionnaire's texts come from the form, not from here. */
#ifndef SURVEY_UI_I18N_H
#define SURVEY_UI_I18N_H

#include <stddef.h>

enum ui_lang { UI_LANG_KY, UI_LANG_RU, UI_LANG_EN, UI_NLANGS };

/* X(id, ky, ru, en). Strings with printf conversions say so in the id's comment. */
#define UI_MSG_TABLE(X) \
	X(UI_M_SAVED, "✓ сакталды", "✓ сохранено", "✓ saved") \
	X(UI_M_NEXT, "Кийинки", "Далее", "Next") \
	X(UI_M_BACK, "Артка", "Назад", "Back") \
	X(UI_M_DONT_KNOW, "Билбейт", "Не знает", "Don't know") \
	X(UI_M_REFUSED, "Жооп берүүдөн баш тартты", "Отказ от ответа", "Refused") \
	X(UI_M_HELP, "Жардам", "Справка", "Help") \
	X(UI_M_LEAVE, "Чыгуу", "Выход", "Leave") \
	X(UI_M_REVIEW, "Карап чыгуу", "Просмотр", "Review") \
	X(UI_M_TOO_SMALL, /* %d %d %d %d: have cols, rows; need cols, rows */ \
	  "Терминал өтө кичинекей (%dx%d). Терезени кеминде %dx%d кылып чоңойтуңуз.", \
	  "Терминал слишком мал (%dx%d). Увеличьте окно хотя бы до %dx%d.", \
	  "The terminal is too small (%dx%d). Enlarge the window to at least %dx%d.") \
	X(UI_M_START_TITLE, "Интервьюлар", "Интервью", "Interviews") \
	X(UI_M_START_EMPTY, "Азырынча интервью жок. Жаңысын баштоо үчүн n басыңыз.", \
	  "Интервью пока нет. Чтобы начать новое, нажмите n.", \
	  "No interviews yet. Press n to start one.") \
	X(UI_M_START_KEYS, "n жаңы  Enter ачуу  / издөө  f чыпка  d таштоо  F2 тил  q чыгуу  " \
	  "F1 жардам", \
	  "n новое  Enter открыть  / поиск  f фильтр  d отбросить  F2 язык  q выход  F1 справка", \
	  "n new  Enter open  / search  f filter  d discard  F2 language  q quit  F1 help") \
	X(UI_M_COL_NAME, "Аталышы", "Название", "Name") \
	X(UI_M_COL_CREATED, "Түзүлгөн", "Создано", "Created") \
	X(UI_M_COL_STATUS, "Абалы", "Статус", "Status") \
	X(UI_M_COL_ANSWERS, "Жооптор", "Ответы", "Answers") \
	X(UI_M_DRAFT, "аяктай элек", "черновик", "draft") \
	X(UI_M_COMPLETE, "аяктады", "завершено", "complete") \
	/* case management (start.c, ask.c) */ \
	X(UI_M_DISCARDED, "ташталды", "отброшено", "discarded") \
	X(UI_M_COL_SAVED, "Сакталды", "Сохранено", "Saved") \
	X(UI_M_COL_ID, "ID", "ID", "ID") \
	X(UI_M_FILTER_ALL, "баары", "все", "all") \
	X(UI_M_FILTER_DRAFTS, "аяктай электер", "черновики", "drafts") \
	X(UI_M_FILTER_COMPLETE, "аяктагандар", "завершённые", "complete") \
	X(UI_M_FILTER_DISCARDED, "ташталгандар", "отброшенные", "discarded") \
	X(UI_M_FILTER_EMPTY, "Бул чыпка боюнча интервью жок (f: башка чыпка).", \
	  "Нет интервью, подходящих под этот фильтр (f: другой фильтр).", \
	  "No interviews under this filter (f: another filter).") \
	X(UI_M_ASK_REOPEN, /* %s: the interview's name */ \
	  "«%s» интервьюсу аяктаган. Жоопторду өзгөртүү үчүн кайра ачасызбы? Кайра " \
	  "аяктамайынча ал аяктай элек болуп, талдоого кирбейт.", \
	  "Интервью «%s» завершено. Открыть его снова, чтобы изменить ответы? Пока его не " \
	  "завершат снова, это черновик, и в анализ он не входит.", \
	  "\"%s\" is complete. Reopen it to change answers? Until it is completed again it is " \
	  "a draft and is left out of the analysis.") \
	X(UI_M_ASK_REOPEN_KEYS, "1 кайра ачуу  Esc жокко чыгаруу", "1 открыть снова  Esc отмена", \
	  "1 reopen  Esc cancel") \
	X(UI_M_ASK_WHY, "Эмне үчүн кайра ачылууда?", "Почему интервью открывается снова?", \
	  "Why is it reopened?") \
	X(UI_M_WHY_WRONG, "1 жооп туура эмес киргизилген", "1 ответ введён неверно", \
	  "1 an answer was entered wrong") \
	X(UI_M_WHY_RESPONDENT, "2 респондент бир нерсени кошту же оңдоду", \
	  "2 респондент что-то добавил или исправил", \
	  "2 the respondent added or corrected something") \
	X(UI_M_WHY_SUPERVISOR, "3 супервайзер сурады", "3 попросил супервайзер", \
	  "3 the supervisor asked") \
	X(UI_M_ASK_WHY_KEYS, "1 2 3 себеп  Esc жокко чыгаруу", "1 2 3 причина  Esc отмена", \
	  "1 2 3 reason  Esc cancel") \
	X(UI_M_REOPENED, "Кайра ачылды: кайра аяктамайынча бул аяктай элек.", \
	  "Открыто снова: до нового завершения это черновик.", \
	  "Reopened: a draft until it is completed again.") \
	X(UI_M_ASK_FINISH, "Бул интервью кайра ачылган. Азыр кайра аяктайсызбы?", \
	  "Это интервью было открыто снова. Завершить его сейчас?", \
	  "This interview was reopened. Complete it again now?") \
	X(UI_M_FINISH_NOW, "1 азыр кайра аяктоо (жооптор текшерилет)", \
	  "1 завершить сейчас (ответы будут проверены)", \
	  "1 complete it again now (the answers are checked)") \
	X(UI_M_FINISH_LATER, "2 аяктай элек бойдон калтыруу", "2 оставить черновиком", \
	  "2 leave it as a draft") \
	X(UI_M_ASK_FINISH_KEYS, "1 аяктоо  2 аяктай элек  Esc артка", \
	  "1 завершить  2 черновик  Esc назад", "1 complete  2 draft  Esc back") \
	X(UI_M_ASK_DISCARD, /* %s: the draft's name */ \
	  "«%s» интервьюсун таштайсызбы? Ал файлда калат, бирок эсептерге жана талдоого кирбейт, " \
	  "аны улантууга болбойт.", \
	  "Отбросить интервью «%s»? Оно останется в файле, но не войдёт в подсчёты и анализ, и " \
	  "продолжить его будет нельзя.", \
	  "Discard \"%s\"? It stays in the file, but it is left out of the counts and the " \
	  "analysis, and it cannot be resumed.") \
	X(UI_M_ASK_DISCARD_KEYS, "1 таштоо  Esc калтыруу", "1 отбросить  Esc оставить", \
	  "1 discard  Esc keep") \
	X(UI_M_ASK_DISCARD_AGAIN, /* %s */ "«%s» интервьюсун чын эле биротоло таштайсызбы?", \
	  "Точно отбросить интервью «%s» навсегда?", "Really discard \"%s\" for good?") \
	X(UI_M_ASK_DISCARD_AGAIN_KEYS, "Enter ооба, таштоо  Esc жок, калтыруу", \
	  "Enter да, отбросить  Esc нет, оставить", "Enter yes, discard  Esc no, keep") \
	X(UI_M_DISCARD_DONE, /* %s */ "«%s» интервьюсу ташталды.", "Интервью «%s» отброшено.", \
	  "\"%s\" was discarded.") \
	X(UI_M_DISCARD_ONLY_DRAFT, "Аяктай элек интервьюну гана таштоого болот.", \
	  "Отбросить можно только черновик.", "Only a draft can be discarded.") \
	X(UI_M_DISCARDED_CLOSED, "Ташталган интервью ачылбайт.", \
	  "Отброшенное интервью не открывается.", "A discarded interview cannot be opened.") \
	X(UI_M_REVIEW_TITLE, "Жоопторду карап чыгуу", "Просмотр ответов", "Review of answers") \
	X(UI_M_REVIEW_KEYS, "Enter суроого өтүү  Esc/F9 артка  F10 чыгуу", \
	  "Enter к вопросу  Esc/F9 назад  F10 выход", \
	  "Enter go to question  Esc/F9 back  F10 leave") \
	X(UI_M_NO_ANSWER, "(жооп жок)", "(нет ответа)", "(no answer)") \
	X(UI_M_SKIPPED, "(өткөрүлүп жиберилди)", "(пропущено)", "(skipped)") \
	X(UI_M_PROBLEMS, /* %d */ "Көйгөйлөр: %d", "Проблем: %d", "Problems: %d") \
	X(UI_M_NO_PROBLEMS, "Көйгөй жок", "Проблем нет", "No problems") \
	X(UI_M_FINISH, "Интервьюну аяктоо", "Завершить интервью", "Complete the interview") \
	X(UI_M_COMPLETED, "Интервью аяктады жана сакталды.", "Интервью завершено и сохранено.", \
	  "The interview is complete and saved.") \
	X(UI_M_END_OF_FORM, "Суроолор бүттү. Жоопторду текшерип, интервьюну аяктаңыз.", \
	  "Вопросы закончились. Проверьте ответы и завершите интервью.", \
	  "No more questions. Check the answers and complete the interview.") \
	X(UI_M_ANY_KEY, "Улантуу үчүн каалаган баскычты басыңыз.", \
	  "Нажмите любую клавишу, чтобы продолжить.", \
	  "Press any key to continue.") \
	X(UI_M_HELP_TITLE, "Жардам: баскычтар", "Справка: клавиши", "Help: keys") \
	X(UI_M_HELP_START, "Баштапкы экран", "Начальный экран", "Start screen") \
	X(UI_M_HELP_QUESTION, "Суроо", "Вопрос", "Question") \
	X(UI_M_HELP_TEXT, "Текстти түзөтүү", "Редактирование текста", "Editing text") \
	X(UI_M_HELP_REVIEW, "Карап чыгуу", "Просмотр", "Review") \
	X(UI_M_SEVERAL, "(бир нечени тандоого болот)", "(можно выбрать несколько)", \
	  "(several may be chosen)") \
	X(UI_M_ACK, "Макул", "Принято", "OK") \
	X(UI_M_NOT_SAVED, /* %s: why */ "Сакталган жок: %s", "Не сохранено: %s", \
	  "Not saved: %s") \
	X(UI_M_TOO_LONG, "Текст өтө узун.", "Слишком длинный текст.", "The text is too long.") \
	X(UI_M_DATE_FORMAT, "Күнү: ЖЖЖЖ-АА-КК", "Дата: ГГГГ-ММ-ДД", "Date: YYYY-MM-DD") \
	X(UI_M_TIME_FORMAT, "Убакыт: СС:ММ", "Время: ЧЧ:ММ", "Time: HH:MM") \
	X(UI_M_DATETIME_FORMAT, "Күнү жана убакыт: ЖЖЖЖ-АА-КК СС:ММ", \
	  "Дата и время: ГГГГ-ММ-ДД ЧЧ:ММ", "Date and time: YYYY-MM-DD HH:MM") \
	X(UI_M_ERROR, /* %s */ "Ката: %s", "Ошибка: %s", "Error: %s") \
	X(UI_M_REFUSED_SHORT, "Баш тартты", "Отказ", "Refused") \
	X(UI_M_ADD_YES, "Ооба, дагы кошуу", "Да, добавить ещё", "Yes, add another") \
	X(UI_M_ADD_NO, "Жок, улантуу", "Нет, продолжить", "No, go on") \
	X(UI_M_ADDED_SO_FAR, /* %d */ "Азыр: %d", "Сейчас: %d", "So far: %d") \
	X(UI_M_REVIEW_ANSWERS, "Жоопторду карап чыгуу (F9)", "Просмотреть ответы (F9)", \
	  "Review the answers (F9)") \
	X(UI_M_REMOVE_CONFIRM, /* %s: the entry, "Family member [2]" */ \
	  "«%s» жазуусу өчүрүлөт: ырастоо үчүн F8ди дагы бир жолу басыңыз.", \
	  "Запись «%s» будет удалена: нажмите F8 ещё раз для подтверждения.", \
	  "\"%s\" will be deleted: press F8 again to confirm.") \
	X(UI_M_REMOVED, /* %s */ "«%s» жазуусу өчүрүлдү.", "Запись «%s» удалена.", \
	  "\"%s\" was deleted.") \
	X(UI_M_NOT_IN_REPEAT, "Бул суроо кайталануучу топто эмес.", \
	  "Этот вопрос не входит в повторяющуюся группу.", "This question is not in a repeat.") \
	X(UI_M_NO_CHOICES, "(тандоо жок)", "(нет вариантов)", "(no choices)") \
	X(UI_M_RANGE, /* %g %g */ "Аралык: %g – %g", "Диапазон: %g – %g", "Range: %g – %g") \
	X(UI_M_DROP_HINT, /* %s %s: the engine's reason, the key */ \
	  "%s. Бул жоопту сактабай кетүү үчүн %s дагы бир жолу басыңыз.", \
	  "%s. Чтобы уйти, не сохраняя этот ответ, нажмите %s ещё раз.", \
	  "%s. Press %s again to go without saving this answer.") \
	X(UI_M_PASTE_IGNORED, "Текстти текст талаасына гана коюуга болот.", \
	  "Вставить текст можно только в поле для текста.", \
	  "Text can be pasted only into a text field.") \
	X(UI_M_CLEARED, "Жооп өчүрүлдү.", "Ответ удалён.", "The answer was cleared.") \
	X(UI_M_LEAVE_DRAFT, "Чыгуу, кийин улантуу (F10)", "Выйти и продолжить позже (F10)", \
	  "Leave and resume later (F10)") \
	/* xpath: the rank widget */ \
	X(UI_M_RANK_HOW, "(Боштук: жоопту алуу же коюу; ↑↓: алып жылдыруу; Enter: ушул иретти сактоо)", \
	  "(Пробел: взять или положить вариант; ↑↓: перенести его; Enter: сохранить этот порядок)", \
	  "(Space: take or put down a choice; Up/Down: carry it; Enter: keep this order)") \
	/* uistart: the start screen's search and sections, the interviewer's name, key names, \
	 * and the messages of `survey run` and `survey list` */ \
	X(UI_M_COL_SECTION, "Бөлүм", "Раздел", "Section") \
	X(UI_M_FILTER_RETURNED, "кайтарылгандар", "возвращённые", "returned") \
	X(UI_M_RETURNED, "кайтарылды", "возвращено", "returned") \
	X(UI_M_SEARCH, "Издөө", "Поиск", "Search") \
	X(UI_M_SEARCH_KEYS, "Enter ачуу  Esc издөөнү тазалоо  ↑ ↓ тандоо", \
	  "Enter открыть  Esc сбросить поиск  ↑ ↓ выбор", "Enter open  Esc clear the search  ↑ ↓ choose") \
	X(UI_M_SEARCH_EMPTY, "Издөөгө туура келген интервью жок (Esc: издөөнү тазалоо).", \
	  "Нет интервью, подходящих под поиск (Esc: сбросить поиск).", \
	  "No interview matches the search (Esc: clear the search).") \
	X(UI_M_START_DETAIL, /* %.8s %d %d %d %s: id, answers, section k of n, its title */ \
	  "ID %.8s · жооптор: %d · бөлүм %d/%d: %s", "ID %.8s · ответов: %d · раздел %d/%d: %s", \
	  "ID %.8s · answers: %d · section %d/%d: %s") \
	X(UI_M_NAME_TITLE, "Интервьюер", "Интервьюер", "Interviewer") \
	X(UI_M_NAME_ASK, "Программа бул ноутбукта биринчи жолу ачылды. Интервьюердин аты-жөнүн " \
	  "жазып, Enter басыңыз: ал ар бир жаңы интервью менен жазылат жана кайра суралбайт.", \
	  "Программа впервые открыта на этом ноутбуке. Введите имя и фамилию интервьюера и " \
	  "нажмите Enter: они записываются с каждым новым интервью, и больше их не спросят.", \
	  "This is the first run on this laptop. Type the interviewer's first and last name and " \
	  "press Enter: it is recorded with each new interview and not asked again.") \
	X(UI_M_NAME_KEYS, "Enter сактоо  F2 тил  F10 чыгуу", "Enter сохранить  F2 язык  F10 выход", \
	  "Enter save  F2 language  F10 quit") \
	X(UI_M_NAME_EMPTY, "Аты-жөнү бош болбошу керек.", "Имя не может быть пустым.", \
	  "The name cannot be empty.") \
	X(UI_M_NAME_SAVED, /* %s */ "Интервьюер: %s. Жаңы интервью үчүн n басыңыз.", \
	  "Интервьюер: %s. Чтобы начать интервью, нажмите n.", \
	  "Interviewer: %s. Press n to start an interview.") \
	X(UI_M_KEY_SPACE, "Боштук", "Пробел", "Space") \
	X(UI_M_RUN_OPT_VALUE, /* %s */ "'%s' параметрине маани керек", \
	  "параметру '%s' нужно значение", "option '%s' needs a value") \
	X(UI_M_RUN_OPT_UNKNOWN, /* %s */ "белгисиз параметр '%s'", "неизвестный параметр '%s'", \
	  "unknown option '%s'") \
	X(UI_M_RUN_ONE_FORM, "бир суроолор файлы керек", "нужен один файл анкеты", \
	  "expected one questionnaire file") \
	X(UI_M_HELP_SEARCH, "Издөө: аты же ID боюнча, жазган сайын тизме чыпкаланат", \
	  "Поиск по названию или ID: список сужается по мере ввода", \
	  "Search by name or ID: the list narrows as you type") \
	X(UI_M_HELP_SEARCH_END, "Издөөнү тазалоо", "Сбросить поиск", "Clear the search") \
	X(UI_M_HELP_FILTER, "Чыпка: баары, аяктай электер, аяктагандар, ташталгандар", \
	  "Фильтр: все, черновики, завершённые, отброшенные", \
	  "Filter: all, drafts, complete, discarded") \
	X(UI_M_HELP_DISCARD, "Аяктай элек интервьюну таштоо (эки жолу суралат)", \
	  "Отбросить черновик (спросит дважды)", "Discard a draft (asked twice)") \
	X(UI_M_RUN_DONE, /* %s: the database */ "интервьюлар '%s' файлында", \
	  "интервью сохранены в '%s'", "interviews are in '%s'") \
	X(UI_M_RUN_LOCKED, /* %s: the database */ \
	  "'%s' файлын башка программа ачып турат (дагы бир 'survey run'): аны жаап, кайра " \
	  "аракет кылыңыз", \
	  "'%s' открыт другой программой survey (ещё одним 'survey run'): закройте её и " \
	  "попробуйте снова", \
	  "'%s' is in use by another survey program (another 'survey run' has it open): close " \
	  "it and try again") \
	X(UI_M_RUN_LOCK_FAIL, /* %s %s: the lock file, why */ \
	  "'%s' кулпу файлын түзүү же кулпулоо мүмкүн болбоду: %s", \
	  "не удалось создать или заблокировать файл блокировки '%s': %s", \
	  "cannot create or lock the lock file '%s': %s") \
	X(UI_M_RUN_NOT_TTY, "терминал керек: стандарттык кирүү жана чыгуу терминал болушу керек", \
	  "нужен терминал: стандартные ввод и вывод должны быть терминалом", \
	  "needs a terminal: standard input and output must be a terminal") \
	X(UI_M_RUN_LOCALE, /* %s %s: the variable, its value */ \
	  "терминалдын локали UTF-8 эмес (%s=%s); LANG=C.UTF-8 же ky_KG.UTF-8/ru_RU.UTF-8 " \
	  "локали менен иштетиңиз", \
	  "локаль терминала не UTF-8 (%s=%s); запустите с LANG=C.UTF-8 или с локалью " \
	  "ky_KG.UTF-8/ru_RU.UTF-8", \
	  "the terminal's locale is not UTF-8 (%s=%s); run it with LANG=C.UTF-8 or a " \
	  "ky_KG.UTF-8/ru_RU.UTF-8 locale") \
	X(UI_M_RUN_BAD_FORM, /* %s %s: why, the questionnaire file */ \
	  "суроолор файлы окулбады: %s; толугураак: 'survey check %s'", \
	  "анкета не прочитана: %s; подробнее: 'survey check %s'", \
	  "%s; run 'survey check %s' for details") \
	X(UI_M_RUN_NO_LANG, /* %s %s: the language asked, those the form has */ \
	  "суроолор файлында '%s' тили жок (бар тилдер: %s)", "в анкете нет языка '%s' (есть: %s)", \
	  "the questionnaire has no language '%s' (it has: %s)") \
	X(UI_M_RUN_BAD_DB, /* %s: why */ "маалымат базасы ачылбады: %s", \
	  "база данных не открыта: %s", "%s") \
	X(UI_M_RUN_NO_HOME, "маалымат базасы берилген жок жана HOME коюлган эмес: --db DB " \
	  "колдонуңуз", "база данных не указана, и HOME не задан: укажите --db DB", \
	  "no database given and HOME is not set: use --db DB") \
	X(UI_M_RUN_MKDIR, /* %s %s: the folder, why */ "'%s' папкасын түзүү мүмкүн болбоду: %s", \
	  "не удалось создать папку '%s': %s", "cannot create the folder '%s': %s") \
	X(UI_M_RUN_NO_TERM, /* %s: TERM */ "терминалды колдонуу мүмкүн эмес (TERM=%s)", \
	  "не удаётся использовать терминал (TERM=%s)", "cannot use the terminal (TERM=%s)") \
	X(UI_M_LIST_UUID, "UUID", "UUID", "uuid") \
	X(UI_M_LIST_STATUS, "абалы", "статус", "status") \
	X(UI_M_LIST_ORIGIN, "булагы", "источник", "origin") \
	X(UI_M_LIST_FORM, "анкета", "анкета", "form") \
	X(UI_M_LIST_DEVICE, "түзмөк", "устройство", "device") \
	X(UI_M_LIST_INTERVIEWER, "интервьюер", "интервьюер", "interviewer") \
	X(UI_M_LIST_ANSWERS, "жооптор", "ответы", "answers") \
	X(UI_M_LIST_CREATED, /* %s: the zone */ "түзүлгөн (%s)", "создано (%s)", "created (%s)") \
	X(UI_M_LIST_MODIFIED, /* %s: the zone */ "өзгөртүлгөн (%s)", "изменено (%s)", \
	  "modified (%s)") \
	X(UI_M_ORIGIN_FIELD, "талаада", "в поле", "field") \
	X(UI_M_ORIGIN_IMPORTED, "импорттолгон", "импорт", "imported") \
	X(UI_M_ORIGIN_SIMULATED, "моделдештирилген", "смоделировано", "simulated") \
	X(UI_M_LIST_SUMMARY, /* %d %s %d %d: interviews, the noun, complete, draft */ \
	  "%d %s: %d аяктаган, %d аяктай элек", "%d %s: завершено — %d, черновики — %d", \
	  "%d %s: %d complete, %d draft") \
	X(UI_M_LIST_ONE, "интервью", "интервью", "interview") \
	X(UI_M_LIST_MANY, "интервью", "интервью", "interviews") \
	X(UI_M_LIST_DISCARDED, /* %d */ ", %d ташталган (төмөнкү эсептерге кирбейт)", \
	  ", отброшено — %d (не входят в подсчёты ниже)", ", %d discarded (in no count below)") \
	X(UI_M_LIST_SIMULATED, /* %d */ " (%d моделдештирилген: чыныгы маалымат эмес)", \
	  " (смоделировано — %d: не настоящие данные)", " (%d simulated: not real data)") \
	X(UI_M_LIST_BY_ORIGIN, "булагы боюнча:", "по источнику:", "by origin:") \
	X(UI_M_LIST_BY_DEVICE, "түзмөк боюнча:", "по устройствам:", "by device:") \
	X(UI_M_LIST_BY_INTERVIEWER, "интервьюер боюнча:", "по интервьюерам:", "by interviewer:") \
	X(UI_M_LIST_BY_FORM, "анкетанын версиясы боюнча:", "по версиям анкеты:", \
	  "by form version:") \
	X(UI_M_LIST_BY_DAY, /* %s: the zone */ "түзүлгөн күнү боюнча (%s):", \
	  "по дням создания (%s):", "by day created (%s):") \
	X(UI_M_LIST_BY_QUESTION, /* %s: the question */ "%s суроосу боюнча:", "по вопросу %s:", \
	  "by %s:") \
	X(UI_M_LIST_COMPLETE, "аяктаган", "завершено", "complete") \
	X(UI_M_LIST_DRAFT, "аяктай элек", "черновики", "draft") \
	X(UI_M_LIST_TOTAL_COL, "бардыгы", "всего", "total") \
	/* geo: locations (src/ui/geo_input.c) */ \
	X(UI_M_GEO_POINT_FORMAT, "Кеңдик узундук [бийиктик [тактык]]: 42.8746 74.5698 же " \
	  "42°52'30\"N 74°36'E", "Широта долгота [высота [точность]]: 42.8746 74.5698 или " \
	  "42°52'30\"N 74°36'E", "Latitude longitude [altitude [accuracy]]: 42.8746 74.5698 or " \
	  "42°52'30\"N 74°36'E") \
	X(UI_M_GEO_TRACE_FORMAT, "Чекиттер «кеңдик узундук», ; менен бөлүнгөн (жок дегенде 2)", \
	  "Точки «широта долгота» через ; (не меньше 2)", \
	  "Points \"latitude longitude\" separated by ; (at least 2)") \
	X(UI_M_GEO_SHAPE_FORMAT, "Чекиттер «кеңдик узундук», ; менен бөлүнгөн (жок дегенде 3; " \
	  "аянт өзү жабылат)", "Точки «широта долгота» через ; (не меньше 3; контур замкнётся " \
	  "сам)", "Points \"latitude longitude\" separated by ; (at least 3; the area is closed " \
	  "for you)") \
	X(UI_M_GEO_CHAR, "Координаттарда сандар, . , ; ° ' \" жана N S E W тамгалары гана болот", \
	  "В координатах только цифры, . , ; ° ' \" и буквы N S E W", \
	  "Coordinates take only digits, . , ; ° ' \" and the letters N S E W") \
	X(UI_M_GEO_POINT_SAVED, /* %s: "42.87500° N, 74.60000° E, 1200 m, ±5 m" */ \
	  "Сакталды: %s", "Сохранено: %s", "Saved: %s") \
	X(UI_M_GEO_TRACE_SAVED, /* %d points, %.0f metres */ \
	  "Сакталды: сызык, %d чекит, узундугу %.0f м", "Сохранено: линия, точек — %d, длина " \
	  "%.0f м", "Saved: a line of %d points, %.0f m long") \
	X(UI_M_GEO_SHAPE_SAVED, /* %d points, %.0f square metres */ \
	  "Сакталды: аянт, %d чекит, %.0f м²", "Сохранено: площадь, точек — %d, %.0f м²", \
	  "Saved: an area of %d points, %.0f m²") \
	/* media: attaching a file (attach_input.c) */ \
	X(UI_M_ATTACH_HINT, \
	  "Бул компьютердеги файлдын жолун жазыңыз (Tab толуктайт, F7 папкаларды көрсөтөт), " \
	  "тиркөө үчүн Enter басыңыз; Delete тиркелген файлды алып салат.", \
	  "Введите путь к файлу на этом компьютере (Tab дополняет, F7 показывает папки) и " \
	  "нажмите Enter, чтобы прикрепить его; Delete убирает прикреплённый файл.", \
	  "Type the path of a file on this computer (Tab completes it, F7 browses the folders) " \
	  "and press Enter to attach it; Delete removes the attached file.") \
	X(UI_M_ATTACHED, /* %s */ "Тиркелген файл: %s", "Прикреплённый файл: %s", \
	  "Attached file: %s") \
	X(UI_M_ATTACH_NONE, "Файл тиркелген эмес.", "Файл не прикреплён.", "No file attached.") \
	X(UI_M_ATTACH_DONE, /* %s */ "«%s» файлы тиркелди.", "Файл «%s» прикреплён.", \
	  "Attached \"%s\".") \
	X(UI_M_ATTACH_CANNOT_READ, /* %s %s: the path, why */ "«%s» окулбай жатат: %s", \
	  "Не удаётся прочитать «%s»: %s", "Cannot read \"%s\": %s") \
	X(UI_M_ATTACH_NOT_FILE, /* %s */ "«%s» файл эмес.", "«%s» — не файл.", \
	  "\"%s\" is not a file.") \
	X(UI_M_ATTACH_TOO_BIG, /* %s %s %s: the path, its size, the limit */ \
	  "«%s» өтө чоң: %s (эң көп %s; --max-attachment караңыз).", \
	  "Файл «%s» слишком большой: %s (не более %s; см. --max-attachment).", \
	  "\"%s\" is too large: %s (at most %s; see --max-attachment).") \
	X(UI_M_ATTACH_MATCHES, /* %s */ "Дал келгендер: %s", "Совпадения: %s", "Matches: %s") \
	X(UI_M_ATTACH_NO_MATCH, "Дал келген файл жок.", "Подходящих файлов нет.", \
	  "No file matches.") \
	X(UI_M_BROWSE_DIR, /* %s */ "Папка: %s", "Папка: %s", "Folder: %s") \
	X(UI_M_BROWSE_KEYS, "Enter ачат же тиркейт · Backspace жогору · F7 жабат", \
	  "Enter открывает или прикрепляет · Backspace вверх · F7 закрывает", \
	  "Enter opens or attaches · Backspace goes up · F7 closes") \
	X(UI_M_BROWSE_EMPTY, "(бош)", "(пусто)", "(empty)") \
	/* extfiles: searching a long choice list (choice_find.c) */ \
	X(UI_M_FIND, /* %s %d %d: the search, choices shown, all choices */ \
	  "Издөө: %s  (%d / %d)  Backspace, Esc", "Поиск: %s  (%d из %d)  Backspace, Esc", \
	  "Search: %s  (%d of %d)  Backspace, Esc") \
	X(UI_M_FIND_HINT, "Издөө үчүн тамгаларды териңиз", "Наберите буквы для поиска", \
	  "Type letters to search") \
	/* uiquestion */ \
	X(UI_M_DATE_TODAY, "Бүгүнкү күн: Enter менен бекитиңиз же оңдоңуз.", \
	  "Сегодняшняя дата: подтвердите клавишей Enter или исправьте.", \
	  "Today's date: confirm it with Enter or correct it.") \
	X(UI_M_ASK_HIDE, /* %d %s: entries, the repeat's label */ \
	  "«%2$s»: жооптору бар %1$d жазуу жашырылат. Жооптор өчүрүлбөйт, сан кайра " \
	  "көбөйсө кайтып келет. Санды азайтасызбы?", \
	  "«%2$s»: записей с ответами, которые будут скрыты: %1$d. Ответы не удаляются и " \
	  "вернутся, если число снова увеличить. Уменьшить число?", \
	  "\"%2$s\": %1$d entries with answers will be hidden. The answers are kept and come " \
	  "back if the number is raised again. Lower the number?") \
	X(UI_M_ASK_HIDE_KEYS, "1 азайтуу  Esc өзгөртпөө", "1 уменьшить  Esc не менять", \
	  "1 lower it  Esc keep it") \
	X(UI_M_COMMENT_NONE, "Бул жерде пикир жазыла турган суроо жок.", \
	  "Здесь нет вопроса, к которому можно написать комментарий.", \
	  "There is no question here to comment on.") \
	X(UI_M_COMMENT_HEAD, /* %s: the question's label */ \
	  "Супервайзер үчүн пикир: %s", "Комментарий для супервайзера: %s", \
	  "A comment for the supervisor: %s") \
	X(UI_M_COMMENT_KEYS, "Enter сактоо  Esc жокко чыгаруу  Ctrl-U тазалоо", \
	  "Enter сохранить  Esc отмена  Ctrl-U очистить", \
	  "Enter save  Esc cancel  Ctrl-U clear") \
	X(UI_M_COMMENT_SAVED, "Пикир сакталды.", "Комментарий сохранён.", \
	  "The comment was saved.") \
	X(UI_M_COMMENT_CLEARED, "Пикир өчүрүлдү.", "Комментарий удалён.", \
	  "The comment was removed.") \
	X(UI_M_COMMENT_SHOW, /* %s */ "Пикир: %s", "Комментарий: %s", "Comment: %s") \
	X(UI_M_COMMENT_SHORT, "Пикир", "Комментарий", "Comment") \
	X(UI_M_TOC_SHORT, "Мазмуну", "Содержание", "Contents") \
	X(UI_M_TOC_TITLE, "Мазмуну: бөлүмдөр жана суроолор", "Содержание: разделы и вопросы", \
	  "Contents: sections and questions") \
	X(UI_M_TOC_KEYS, "Enter өтүү  ↑↓ тандоо  Tab көйгөй  1 өзү өтүү  2 номерлер  Esc артка", \
	  "Enter перейти  ↑↓ выбор  Tab проблема  1 автопереход  2 номера  Esc назад", \
	  "Enter go  ↑↓ choose  Tab problem  1 auto-advance  2 numbers  Esc back") \
	X(UI_M_SET_AUTO, /* %s: on/off */ "1: тандоодон кийин өзү өтүү (ушул ноутбукта) — %s", \
	  "1: автопереход после выбора (на этом ноутбуке) — %s", \
	  "1: go on after a choice (on this laptop) — %s") \
	X(UI_M_SET_NUMBERS, /* %s */ "2: суроолордун номерлери — %s", \
	  "2: номера вопросов — %s", "2: question numbers — %s") \
	X(UI_M_ON, "күйүк", "вкл.", "on") \
	X(UI_M_OFF, "өчүк", "выкл.", "off") \
	X(UI_M_SECTION_COUNT, /* %d %d: answered, questions */ "%d/%d жооп", "%d/%d отв.", \
	  "%d/%d answered") \
	X(UI_M_NO_MORE_PROBLEMS, "Көйгөй жок.", "Проблем нет.", "No problems.") \
	X(UI_M_REVIEW_KEYS2, "Enter толук  Tab көйгөй  F3 мазмуну  Esc артка  F10 чыгуу", \
	  "Enter подробно  Tab проблема  F3 содержание  Esc назад  F10 выход", \
	  "Enter details  Tab problem  F3 contents  Esc back  F10 leave") \
	X(UI_M_DETAIL_KEYS, "Enter суроого өтүү  Esc тизмеге", "Enter к вопросу  Esc к списку", \
	  "Enter go to the question  Esc back to the list") \
	X(UI_M_ANSWER, /* %s */ "Жооп: %s", "Ответ: %s", "Answer: %s") \
	/* coordinator: the reasons the system gives, and run's checks before opening files */ \
	X(UI_M_OS_ENOENT, "мындай файл же папка жок", "нет такого файла или папки", \
	  "no such file or folder") \
	X(UI_M_OS_EACCES, "уруксат жок", "нет прав доступа", "permission denied") \
	X(UI_M_OS_EROFS, "диск окуу үчүн гана", "диск только для чтения", "the disk is read-only") \
	X(UI_M_OS_ENOSPC, "дискте орун калган жок", "на диске нет места", \
	  "no space left on the disk") \
	X(UI_M_OS_ENOTDIR, "жолдун бир бөлүгү папка эмес", "часть пути не является папкой", \
	  "a part of the path is not a folder") \
	X(UI_M_OS_EISDIR, "бул папка, файл эмес", "это папка, а не файл", \
	  "it is a folder, not a file") \
	X(UI_M_RUN_FORM_MISSING, /* %s %s: the questionnaire file, why */ \
	  "суроолор файлы ачылбады: %s: %s", "не удалось открыть файл анкеты: %s: %s", \
	  "cannot open the questionnaire file: %s: %s") \
	X(UI_M_USAGE, "колдонулушу", "использование", "usage") \
	X(UI_M_RUN_DB_IS_FORM, /* %s: the --db file */ \
	  "«%s» — суроолор файлы: --db интервьюлар сакталчу башка файлды көрсөтүшү керек", \
	  "«%s» — это файл анкеты: --db должен указывать другой файл, где хранятся интервью", \
	  "'%s' is the questionnaire file: --db must name another file, for the interviews") \
	X(UI_M_RUN_DB_UNREADABLE, /* %s %s: the --db file, the system's reason */ \
	  "«%s» ачылбады: %s", "не удалось открыть «%s»: %s", "cannot open '%s': %s") \
	X(UI_M_RUN_DB_DAMAGED, /* %s %s: the --db file twice */ \
	  "«%s» бузулган, толук көчүрүлбөгөн же башка программанын маалымат базасы: аны кайра " \
	  "көчүрүңүз же координаторго көрсөтүңүз (толугураак: survey list «%s»)", \
	  "«%s» повреждена, скопирована не полностью или принадлежит другой программе: скопируйте " \
	  "её заново или покажите координатору (подробнее: survey list «%s»)", \
	  "'%s' is damaged, copied only in part, or another program's database: copy it again or " \
	  "show it to the coordinator (details: survey list '%s')") \
	X(UI_M_LIST_OPT_VALUE, /* %s */ "'%s' параметрине суроонун аты керек", \
	  "параметру '%s' нужно имя вопроса", "option '%s' needs a question") \
	X(UI_M_LIST_ONE_DB, "бир маалымат базасынын файлы керек", "нужен один файл базы данных", \
	  "expected one database file") \
	X(UI_M_LIST_BAD_LANG, /* %s */ "--lang: '%s' ky, ru же en эмес", \
	  "--lang: '%s' — не ky, ru и не en", "--lang: '%s' is none of ky, ru, en") \
	X(UI_M_LIST_DAMAGED, /* %s: the file */ \
	  "«%s» бузулган, толук көчүрүлбөгөн же башка программанын маалымат базасы: аны кайра " \
	  "көчүрүңүз (ноутбуктан 'survey pack' менен)", \
	  "«%s» повреждена, скопирована не полностью или принадлежит другой программе: скопируйте " \
	  "её заново (на ноутбуке — через 'survey pack')", \
	  "'%s' is damaged, copied only in part, or another program's database: copy it again " \
	  "(on the laptop, with 'survey pack')") \
	X(UI_M_LIST_NOT_SQLITE, /* %s: the file */ "«%s» маалымат базасы эмес", \
	  "«%s» — не база данных", "'%s' is not a database") \
	X(UI_M_RUN_NOT_SQLITE, /* %s: the --db file */ \
	  "«%s» маалымат базасы эмес (--db интервьюлар сакталган файлды көрсөтүшү керек)", \
	  "«%s» — не база данных (--db должен указывать файл, где хранятся интервью)", \
	  "'%s' is not a database (--db must name the file that holds the interviews)") \
	/* frame15: fieldwork on the laptop (issue 15) */ \
	X(UI_M_TODO, "баштала элек", "не начато", "to do") \
	X(UI_M_NO_EXTRA, "Бул ноутбукта дайындалган интервьюлар гана: тизмеден бирин тандаңыз.", \
	  "На этом ноутбуке только назначенные интервью: выберите одно из списка.", \
	  "Only assigned interviews on this laptop: choose one in the list.") \
	X(UI_M_FW_TITLE, /* %s: the frame column */ \
	  "Тандалма негизине карата иштин жүрүшү, «%s» боюнча", \
	  "Ход работ по основе выборки в разрезе «%s»", \
	  "Progress against the sample frame, by %s") \
	X(UI_M_FW_UNITS, "бирдиктер", "единиц", "units") \
	X(UI_M_FW_ASSIGNED, "дайындалган", "назначено", "assigned") \
	X(UI_M_FW_STARTED, "башталган", "начато", "started") \
	X(UI_M_FW_COMPLETE, "аяктаган", "завершено", "complete") \
	X(UI_M_FW_APPROVED, "бекитилген", "утверждено", "approved") \
	X(UI_M_FW_PCT, "негизден %", "% основы", "frame, %") \
	X(UI_M_FW_TOTAL, "бардыгы", "всего", "total") \
	X(UI_M_FW_INTERVIEWER, "интервьюер", "интервьюер", "interviewer") \
	X(UI_M_FW_NEVER, /* %d: units */ \
	  "Интервьюсу башталбаган бирдиктер: %d", "Единицы без начатого интервью: %d", \
	  "Units never reached (no interview started): %d") \
	/* review15: the supervisor's review screen (supervise.c) */ \
	X(UI_M_SV_TITLE, "Супервайзердин текшерүүсү", "Проверка супервайзером", \
	  "Supervisor review") \
	X(UI_M_SV_COUNT, /* %d: interviews to review */ "Текшерүүгө: %d", "На проверку: %d", \
	  "To review: %d") \
	X(UI_M_SV_TO_REVIEW, "текшерүүгө", "на проверку", "to review") \
	X(UI_M_SV_APPROVED, "бекитилди", "утверждено", "approved") \
	X(UI_M_SV_REJECTED, "четке кагылды", "отклонено", "rejected") \
	X(UI_M_SV_COL_STATE, "Абалы", "Статус", "State") \
	X(UI_M_SV_COL_INTERVIEWER, "Интервьюер", "Интервьюер", "Interviewer") \
	X(UI_M_SV_COL_FLAGS, "Белгилер", "Отметки", "Flags") \
	X(UI_M_SV_EMPTY, "Текшере турган аяктаган интервью жок.", \
	  "Завершённых интервью для проверки нет.", "No complete interviews to review.") \
	X(UI_M_SV_KEYS, "Enter ачуу  a бекитүү  r четке кагуу  q чыгуу", \
	  "Enter открыть  a утвердить  r отклонить  q выход", \
	  "Enter open  a approve  r reject  q quit") \
	X(UI_M_SV_IV_KEYS, "↑↓ суроо  c пикир  a бекитүү  r четке кагуу  Esc тизме", \
	  "↑↓ вопрос  c комментарий  a утвердить  r отклонить  Esc список", \
	  "↑↓ question  c comment  a approve  r reject  Esc list") \
	X(UI_M_SV_FLAG_TOO_FAST, "өтө тез", "слишком быстро", "too fast") \
	X(UI_M_SV_FLAG_DONT_KNOW, "көп «билбейт»", "много «не знает»", "many don't know") \
	X(UI_M_SV_FLAG_STRAIGHT, "бирдей жооптор", "одинаковые ответы", "straight-lining") \
	X(UI_M_SV_FLAG_CHANGES, "көп өзгөртүлгөн", "много исправлений", "changed often") \
	X(UI_M_SV_FLAG_NIGHT, "түнкүсүн", "ночью", "at night") \
	X(UI_M_SV_FLAG_OVERLAP, "убактысы кесилишет", "пересекается по времени", "overlapping") \
	X(UI_M_SV_FLAG_OUTLIER, "интервьюер айырмаланат", "интервьюер выделяется", \
	  "interviewer outlier") \
	X(UI_M_SV_ASK_REASON, "Четке кагуунун себеби — эмнени оңдоо керек:", \
	  "Причина отклонения — что нужно исправить:", "Why is it rejected? What to correct:") \
	X(UI_M_SV_ASK_COMMENT, /* %s: the question */ "«%s» суроосуна пикир:", \
	  "Комментарий к вопросу «%s»:", "Comment on \"%s\":") \
	X(UI_M_SV_ASK_KEYS, "Enter сактоо  Esc жокко чыгаруу", "Enter сохранить  Esc отмена", \
	  "Enter save  Esc cancel") \
	X(UI_M_SV_DONE_APPROVED, "Бекитилди.", "Утверждено.", "Approved.") \
	X(UI_M_SV_DONE_REJECTED, "Четке кагылды: кийинки топтом менен өз ноутбугуна кайтат.", \
	  "Отклонено: вернётся на свой ноутбук со следующим комплектом.", \
	  "Rejected: it goes back to its laptop with the next kit.") \
	X(UI_M_SV_DONE_COMMENT, "Пикир сакталды.", "Комментарий сохранён.", \
	  "Comment saved.") \
	X(UI_M_SV_IV_COMMENT, "Интервьюердин пикири: ", "Комментарий интервьюера: ", \
	  "Interviewer's comment: ") \
	X(UI_M_SV_SUP_COMMENT, /* %s: the reviewer */ "Супервайзер %s: ", "Супервайзер %s: ", \
	  "Supervisor %s: ") \
	X(UI_M_SV_RETURNED, /* %s: the supervisor's reason */ \
	  "Супервайзер оңдоого кайтарды: %s. Оңдоп, кайра аяктаңыз.", \
	  "Возвращено супервайзером на исправление: %s. Исправьте и завершите снова.", \
	  "Returned by the supervisor: %s. Correct it and complete it again.") \
	/* seal17: interviews sealed for the coordinator (issue 17) */ \
	X(UI_M_SEALED, "мөөрлөнгөн", "запечатано", "sealed") \
	X(UI_M_SEALED_CLOSED, "Интервью координатор үчүн мөөрлөнгөн: бул ноутбукта ачылбайт.", \
	  "Интервью запечатано для координатора: на ноутбуке оно не открывается.", \
	  "The interview is sealed for the coordinator: it cannot be opened on this laptop.") \
	X(UI_M_COMPLETED_SEALED, "Интервью аяктады жана координатор үчүн мөөрлөндү.", \
	  "Интервью завершено и запечатано для координатора.", \
	  "Interview completed and sealed for the coordinator.") \
	X(UI_M_RUN_BAD_PUBKEY, /* %s: why */ "--public-key ачык ачкычын колдонууга болбойт: %s", \
	  "открытый ключ --public-key не подходит: %s", "--public-key: %s") \
	X(UI_M_SEALED_NOTE, /* %lld %s %s: how many, the file twice */ \
	  "'%2$s' файлындагы %1$lld интервью координатор үчүн мөөрлөнгөн жана эсептерге кирген " \
	  "жок; ачкыч керек: survey unseal '%3$s' --key NAME.key", \
	  "в '%2$s' интервью, запечатанных для координатора и не вошедших в подсчёт: %1$lld; " \
	  "нужен ключ: survey unseal '%3$s' --key NAME.key", \
	  "%1$lld interview(s) in '%2$s' sealed for the coordinator and left out; the key is " \
	  "needed: survey unseal '%3$s' --key NAME.key") \
	/* field15: the fieldwork commands' refusals and summaries (frame, assign, kit, receive, \
	 * review; cmd_fw.c maps the store's refusals, store/fw_why.h, to these) */ \
	X(UI_M_FWK_FRAME_ARGS, "суроолор файлы жана CSV файлы керек", \
	  "нужны файл анкеты и файл CSV", "expected a questionnaire and a CSV file") \
	X(UI_M_FWK_NEED_DB, "--db HQ.db керек", "нужен параметр --db HQ.db", "expected --db " \
	  "HQ.db") \
	X(UI_M_FWK_FRAME_ERRORS, /* %s: the CSV */ \
	  "'%s': тандалма негизинде каталар бар: эч нерсе кошулган жок", \
	  "'%s': в основе выборки есть ошибки: ничего не добавлено", \
	  "'%s': the frame has errors: nothing was added") \
	X(UI_M_FWK_NOTHING_ADDED, "эч нерсе кошулган жок", "ничего не добавлено", \
	  "nothing was added") \
	X(UI_M_FWK_FRAME_SAME, /* %s %s %d: the form, the database, units */ \
	  "'%2$s' файлындагы '%1$s' анкетасынын тандалма негизинде бул %3$d бирдик мурунтан эле " \
	  "бар: эч нерсе өзгөргөн жок", \
	  "основа выборки анкеты '%1$s' в '%2$s' уже содержит эти единицы — %3$d: ничего не " \
	  "изменилось", \
	  "the frame of '%1$s' in '%2$s' already holds these %3$d units: nothing changed") \
	X(UI_M_FWK_FRAME_ADDED, /* %d %s %s %s: units, UNIT_ONE/MANY, the form, the database */ \
	  "'%4$s' файлындагы '%3$s' анкетасынын тандалма негизине %1$d %2$s кошулду", \
	  "в основу выборки анкеты '%3$s' в '%4$s' добавлено %2$s: %1$d", \
	  "added %1$d %2$s to the frame of '%3$s' in '%4$s'") \
	X(UI_M_FWK_FRAME_OTHERS, " (калгандары мурунтан бар эле)", " (остальные уже были)", \
	  " (the others were there)") \
	X(UI_M_FWK_UNIT_ONE, "бирдик", "единиц", "unit") \
	X(UI_M_FWK_UNIT_MANY, "бирдик", "единиц", "units") \
	X(UI_M_FWK_ERROR, "ката", "ошибка", "error") \
	X(UI_M_FWK_P_COLUMN, /* %s: the column */ \
	  "анкетада кайталануучу топтордон тышкары '%s' деген суроо жок: тилкенин атын суроонун " \
	  "атына өзгөртүңүз же тилкени өчүрүңүз", \
	  "в анкете нет вопроса '%s' вне повторяющихся групп: переименуйте столбец по имени " \
	  "вопроса или удалите его", \
	  "no question '%s' outside repeats in the form: rename the column to a question's name, " \
	  "or remove it") \
	X(UI_M_FWK_P_ID_EMPTY, "бирдиктин ID'си бош", "ID единицы пуст", "the unit id is empty") \
	X(UI_M_FWK_P_ID_BAD, /* %d: bytes */ \
	  "бирдиктин ID'си %d байттан ашпаган бир сап текст эмес", \
	  "ID единицы — не одна строка текста или длиннее предела (байт: %d)", \
	  "the unit id is not one line of text of at most %d bytes") \
	X(UI_M_FWK_P_VALUE, /* %s %s: the value, why */ "'%s': %s", "'%s': %s", "'%s' %s") \
	X(UI_M_FWK_P_ROW_LONG, /* %d: bytes */ "сап %d байттан узун", \
	  "строка длиннее предела (байт: %d)", "the row is longer than %d bytes") \
	X(UI_M_FWK_P_ID_AGAIN, /* %s %d: the id, the line it is first on */ \
	  "'%s' ID'си кайталанды (биринчи жолу %d-сапта): ар бир бирдиктин өз ID'си болушу керек", \
	  "ID единицы '%s' повторяется (впервые в строке %d): у каждой единицы должен быть свой " \
	  "ID", \
	  "unit id '%s' again (first on line %d): each unit needs its own id") \
	X(UI_M_FWK_P_MORE, /* %s %d: the CSV, problems */ "%s: дагы %d ката", \
	  "%s: и ещё ошибок: %d", "%s: and %d more problems") \
	X(UI_M_FWK_P_NO_ID_COLUMN, /* %s %s: the CSV, the column */ \
	  "%s: бирдиктин ID'си турган '%s' тилкеси жок: аны кошуңуз (ар бир бирдикке туруктуу " \
	  "ID) же атын --id COLUMN менен көрсөтүңүз", \
	  "%s: нет столбца ID единицы '%s': добавьте его (постоянный ID каждой единицы) или " \
	  "укажите его имя в --id COLUMN", \
	  "%s: no unit id column '%s': add one (a stable id per unit), or name it with --id " \
	  "COLUMN") \
	X(UI_M_FWK_P_NO_ROWS, /* %s: the CSV */ \
	  "%s: файлда баш сап гана бар, саптар жок: бирдиктер жок", \
	  "%s: в файле есть заголовок, но нет строк: нет единиц", \
	  "%s: the file has a header but no rows: no units") \
	X(UI_M_FWK_FRAME_CONFLICT, /* %s: the unit */ \
	  "'%s' бирдиги тандалма негизинде башка маанилер менен мурунтан эле бар", \
	  "единица '%s' уже есть в основе выборки с другими значениями", \
	  "unit '%s' is already in the frame with other values") \
	X(UI_M_FWK_NO_COLUMN, /* %s %s: the form, the column */ \
	  "'%s' анкетасынын тандалма негизинде '%s' тилкеси жок", \
	  "в основе выборки анкеты '%s' нет столбца '%s'", \
	  "the frame of form '%s' has no column '%s'") \
	X(UI_M_FWK_NOT_IN_FRAME, /* %s %s: the unit, the form */ \
	  "'%s' бирдиги '%s' анкетасынын тандалма негизинде жок", \
	  "единицы '%s' нет в основе выборки анкеты '%s'", \
	  "unit '%s' is not in the frame of form '%s'") \
	X(UI_M_FWK_NO_FRAME, /* %s: the database */ \
	  "'%s' файлында тандалма негизи жок: аны 'survey frame' менен жүктөңүз", \
	  "в '%s' нет основы выборки: загрузите её командой 'survey frame'", \
	  "'%s' has no frame: load one with 'survey frame'") \
	X(UI_M_FWK_NO_FORM, /* %s %s: the database, the form */ \
	  "'%1$s' файлында '%2$s' анкетасы жок: анын тандалма негизин 'survey frame FORM " \
	  "FRAME.csv --db %1$s' менен жүктөңүз", \
	  "в '%1$s' нет анкеты '%2$s': загрузите её основу выборки: 'survey frame FORM FRAME.csv " \
	  "--db %1$s'", \
	  "'%1$s' does not hold the form '%2$s': load its frame with 'survey frame FORM " \
	  "FRAME.csv --db %1$s'") \
	X(UI_M_FWK_NO_UNITS, /* %s %s %s: the interviewer, the form, the database */ \
	  "'%3$s' файлында %1$s '%2$s' анкетасынын бир да бирдигин алган эмес: 'survey assign' " \
	  "менен дайындаңыз", \
	  "у %1$s нет ни одной единицы анкеты '%2$s' в '%3$s': назначьте их командой 'survey " \
	  "assign'", \
	  "%1$s holds no unit of form '%2$s' in '%3$s': assign some with 'survey assign'") \
	X(UI_M_FWK_NOT_KIT, /* %s: the file */ \
	  "'%s' топтом эмес ('survey kit' түзгөн файл эмес): координатор бул ноутбук үчүн " \
	  "даярдаган файлды бериңиз", \
	  "'%s' — не комплект (не файл, созданный 'survey kit'): укажите файл, который " \
	  "координатор сделал для этого ноутбука", \
	  "'%s' is not a kit (a survey file made by 'survey kit'): give the file the coordinator " \
	  "made for this laptop") \
	X(UI_M_FWK_KIT_FORM, /* %s x6: the kit, its form and version, the laptop file, its form \
			      * and version */ \
	  "'%s' — '%s' анкетасынын %s-версиясы үчүн топтом, ал эми '%s' '%s' анкетасынын " \
	  "%s-версиясы менен иштейт: эч нерсе өзгөргөн жок; ноутбуктун башка файлын колдонуңуз " \
	  "(--db)", \
	  "'%s' — комплект для анкеты '%s' версии %s, а '%s' работает с анкетой '%s' версии %s: " \
	  "ничего не изменилось; укажите другой файл ноутбука (--db)", \
	  "'%s' is a kit for form '%s' version %s, and '%s' works with form '%s' version %s: " \
	  "nothing changed; use another laptop file (--db)") \
	X(UI_M_FWK_KIT_WHO, /* %s x4: the kit, its interviewer, the laptop file, its own */ \
	  "'%s' — %s үчүн топтом, ал эми '%s' файлы %s интервьюерге таандык: эч нерсе " \
	  "өзгөргөн жок; ноутбуктун башка файлын колдонуңуз (--db)", \
	  "'%s' — комплект для интервьюера %s, а '%s' принадлежит интервьюеру %s: ничего не " \
	  "изменилось; укажите другой файл ноутбука (--db)", \
	  "'%s' is a kit for %s, and '%s' is %s's: nothing changed; use another laptop file " \
	  "(--db)") \
	X(UI_M_FWK_KIT_IVS, /* %s x4: the kit, its form, the laptop file, the other form */ \
	  "'%s' — '%s' анкетасы үчүн топтом, ал эми '%s' файлында '%s' анкетасынын " \
	  "интервьюлары бар: эч нерсе өзгөргөн жок; ноутбуктун башка файлын колдонуңуз (--db)", \
	  "'%s' — комплект для анкеты '%s', а в '%s' есть интервью анкеты '%s': ничего не " \
	  "изменилось; укажите другой файл ноутбука (--db)", \
	  "'%s' is a kit for form '%s', and '%s' holds interviews of form '%s': nothing changed; " \
	  "use another laptop file (--db)") \
	X(UI_M_FWK_KIT_MERGE, /* %s %s: the kit, the merge's reason (in English) */ \
	  "'%s' топтому кабыл алынган жок (%s): эч нерсе өзгөргөн жок", \
	  "комплект '%s' не принят (%s): ничего не изменилось", \
	  "the kit '%s' was refused (%s): nothing changed") \
	X(UI_M_FWK_NO_INTERVIEW, /* %s %s: the uuid, the database */ \
	  "'%2$s' файлында '%1$s' интервьюсу жок: эч нерсе өзгөргөн жок", \
	  "в '%2$s' нет интервью '%1$s': ничего не изменилось", \
	  "no interview '%1$s' in '%2$s': nothing changed") \
	X(UI_M_FWK_DRAFT, /* %s: the uuid */ \
	  "'%s' интервьюсу аяктай элек: аяктаган интервью гана бекитилет же четке кагылат", \
	  "интервью '%s' — черновик: утвердить или отклонить можно только завершённое интервью", \
	  "interview '%s' is a draft: only a complete interview is approved or rejected") \
	X(UI_M_FWK_DISCARDED, /* %s: the uuid */ \
	  "'%s' интервьюсу ташталган: аяктаган интервью гана бекитилет же четке кагылат", \
	  "интервью '%s' отброшено: утвердить или отклонить можно только завершённое интервью", \
	  "interview '%s' is discarded: only a complete interview is approved or rejected") \
	X(UI_M_FWK_NO_ANSWER, /* %s %s: the uuid, the question path */ \
	  "'%s' интервьюсунда '%s' суроосуна жооп жок", "в интервью '%s' нет ответа на '%s'", \
	  "interview '%s' has no answer at '%s'") \
	X(UI_M_FWK_NO_REVIEWS, /* %s: the database */ \
	  "'%s' файлында текшерүүлөр таблицасы жок", "в '%s' нет таблицы проверок", \
	  "'%s' has no reviews table") \
	X(UI_M_FWK_REVIEWER, /* %s: bytes */ \
	  "текшерүүчүнүн аты %s байттан ашпаган бир сап болушу керек", \
	  "имя проверяющего должно быть одной строкой (байт не больше: %s)", \
	  "the reviewer's name must be one printable line of at most %s bytes") \
	X(UI_M_FWK_TEXT, /* %s: bytes */ "текст %s байттан ашпаган бир сап болушу керек", \
	  "текст должен быть одной строкой (байт не больше: %s)", \
	  "the text must be one printable line of at most %s bytes") \
	X(UI_M_FWK_NEEDS_REASON, "четке кагуу үчүн себеп керек: эмнени оңдоо керектигин жазыңыз", \
	  "для отклонения нужен текст: напишите, что исправить", \
	  "a rejection needs a text: say what to correct") \
	X(UI_M_FWK_NEEDS_COMMENT, "пикирге текст керек: эмнени оңдоо керектигин жазыңыз", \
	  "комментарию нужен текст: напишите, что исправить", \
	  "a comment needs a text: say what to correct") \
	X(UI_M_FWK_WHERE_BAD, /* %s */ "--where COLUMN=VALUE түрүндө болушу керек, '%s' эмес", \
	  "--where ожидает COLUMN=VALUE, а не '%s'", "--where wants COLUMN=VALUE, not '%s'") \
	X(UI_M_FWK_NEED_DB_ARG, "маалымат базасы керек", "нужна база данных", \
	  "expected the database") \
	X(UI_M_FWK_NEED_WHO, "--interviewer NAME керек", "нужен --interviewer NAME", \
	  "expected --interviewer NAME") \
	X(UI_M_FWK_WHO_LEN, /* %d: bytes */ "--interviewer: аты 1ден %d байтка чейин болушу " \
	  "керек", \
	  "--interviewer: имя длиной от 1 байта (байт не больше: %d)", \
	  "--interviewer wants a name of 1 to %d bytes") \
	X(UI_M_FWK_UNITS_OR_WHERE, "бирдиктердин ID'лери же --where COLUMN=VALUE керек (экөөнүн " \
	  "бири)", "нужны ID единиц или --where COLUMN=VALUE (одно из двух)", \
	  "expected unit ids or --where COLUMN=VALUE (one of the two)") \
	X(UI_M_FWK_FORM_NO_FRAME, /* %s %s: the database, the form */ \
	  "'%s' файлында '%s' анкетасынын тандалма негизи жок: аны 'survey frame' менен жүктөңүз", \
	  "в '%s' нет основы выборки анкеты '%s': загрузите её командой 'survey frame'", \
	  "'%s' has no frame of form '%s': load one with 'survey frame'") \
	X(UI_M_FWK_FORMS_MANY, /* %s %d: the database, forms */ \
	  "'%s' файлында %d анкетанын тандалма негизи бар: бирин --form ID менен тандаңыз", \
	  "в '%s' основы выборки нескольких анкет — %d: выберите одну через --form ID", \
	  "'%s' has frames of %d forms: choose one with --form ID") \
	X(UI_M_FWK_FRAME_NONE, /* %s: the database */ \
	  "'%s' файлында тандалма негизи жок: аны 'survey frame FORM FRAME.csv --db DB' менен " \
	  "жүктөңүз", \
	  "в '%s' нет основы выборки: загрузите её: 'survey frame FORM FRAME.csv --db DB'", \
	  "'%s' has no frame: load one with 'survey frame FORM FRAME.csv --db DB'") \
	X(UI_M_FWK_NO_MATCH, /* %s: the form */ \
	  "'%s' анкетасынын тандалма негизинде мындай маанилери бар бирдик жок: эч нерсе " \
	  "дайындалган жок", \
	  "ни у одной единицы основы выборки '%s' нет таких значений: ничего не назначено", \
	  "no unit of the frame of '%s' has those values: nothing assigned") \
	X(UI_M_FWK_NOTHING_ASSIGNED, "эч нерсе дайындалган жок", "ничего не назначено", \
	  "nothing assigned") \
	X(UI_M_FWK_ASSIGNED, /* %d %s %s %s: units, UNIT_ONE/MANY, the form, the interviewer */ \
	  "%4$s интервьюерге '%3$s' анкетасынын %1$d %2$s дайындалды", \
	  "интервьюеру %4$s назначено %2$s анкеты '%3$s': %1$d", \
	  "assigned %1$d %2$s of '%3$s' to %4$s") \
	X(UI_M_FWK_MOVED, /* %d: units */ " (%d бирдик башка интервьюерден)", \
	  " (от другого интервьюера — %d)", " (%d from another interviewer)") \
	X(UI_M_FWK_ALREADY, /* %d %s: units, the interviewer */ \
	  "; %1$d бирдик мурунтан эле %2$s интервьюерде", "; уже у интервьюера %2$s — %1$d", \
	  "; %1$d already held by %2$s") \
	X(UI_M_FWK_NEED_OUT, "-o KIT.db керек", "нужен -o KIT.db", "expected -o KIT.db") \
	X(UI_M_FWK_KIT_WROTE, /* %s %s %s %s %d %s %d %s: the interviewer, the kit, the form, its \
			       * version, units, UNIT_ONE/MANY, returned, LIST_ONE/MANY */ \
	  "%1$s үчүн топтом '%2$s' файлына жазылды: '%3$s' анкетасы, %4$s-версия, %5$d %6$s " \
	  "дайындалган, %7$d %8$s кайтарылды", \
	  "комплект интервьюера %1$s записан в '%2$s': анкета '%3$s' версии %4$s, назначено " \
	  "%6$s: %5$d, возвращено %8$s: %7$d", \
	  "wrote the kit of %1$s to '%2$s': form '%3$s' version %4$s, %5$d %6$s assigned, " \
	  "%7$d %8$s sent back") \
	X(UI_M_FWK_ONLY_ASSIGNED, "; дайындалган интервьюлар гана", \
	  "; только назначенные интервью", "; only assigned interviews") \
	X(UI_M_FWK_ONE_KIT, "бир топтом файлы керек", "нужен один файл комплекта", \
	  "expected one kit file") \
	X(UI_M_FWK_RECEIVED_ALREADY, /* %s %s: the laptop file, the kit */ \
	  "'%s' файлында '%s' топтому мурунтан эле бар: эч нерсе өзгөргөн жок", \
	  "в '%s' уже есть комплект '%s': ничего не изменилось", \
	  "'%s' already holds the kit '%s': nothing changed") \
	X(UI_M_FWK_RECEIVED, /* %s %s %s %s %d %s %d %s: the interviewer, the laptop file, the \
			      * form, its version, assignments, ASSIGNMENT_ONE/MANY, returned, \
			      * LIST_ONE/MANY */ \
	  "%1$s үчүн топтом '%2$s' файлына колдонулду: '%3$s' анкетасы, %4$s-версия, %5$d " \
	  "%6$s, %7$d %8$s кайтарылды", \
	  "комплект интервьюера %1$s применён к '%2$s': анкета '%3$s' версии %4$s, %6$s: %5$d, " \
	  "возвращено %8$s: %7$d", \
	  "applied the kit of %1$s to '%2$s': form '%3$s' version %4$s, %5$d %6$s, %7$d %8$s " \
	  "sent back") \
	X(UI_M_FWK_ASSIGNMENT_ONE, "тапшырма", "заданий", "assignment") \
	X(UI_M_FWK_ASSIGNMENT_MANY, "тапшырма", "заданий", "assignments") \
	X(UI_M_FWK_LOCKED, /* %s: the laptop file */ \
	  "'%s' файлын башка survey буйругу (run же receive) колдонуп жатат: ал бүткөнчө күтүңүз " \
	  "же аны жаап, кайра аракет кылыңыз", \
	  "'%s' занят другой командой survey (run или receive): дождитесь её завершения или " \
	  "закройте её и повторите", \
	  "'%s' is in use by another survey command (run or receive): wait for it to end or " \
	  "close it, and try again") \
	X(UI_M_FWK_KEYS_MAX, "--key суроолору 32ден ашпашы керек", \
	  "вопросов --key не больше 32", "at most 32 --key questions") \
	X(UI_M_FWK_ONE_ACTION, "--approve, --reject же --comment: бир убакта бирөө гана", \
	  "только одно из --approve, --reject, --comment за раз", \
	  "one of --approve, --reject, --comment at a time") \
	X(UI_M_FWK_JSON_ACTION, "--json тизмени чыгарат; чечим менен бирге колдонулбайт", \
	  "--json выводит список; с решением он не используется", \
	  "--json lists; it does not go with a decision") \
	X(UI_M_FWK_REJECT_REASON, "--reject үчүн --reason TEXT керек: эмнени оңдоо керек", \
	  "для --reject нужен --reason TEXT: что исправить", \
	  "--reject needs --reason TEXT: what to correct") \
	X(UI_M_FWK_COMMENT_ARGS, "--comment үчүн --path Q жана --text TEXT керек", \
	  "для --comment нужны --path Q и --text TEXT", "--comment needs --path Q and --text " \
	  "TEXT") \
	X(UI_M_FWK_OPTS_GO, "--reason --reject менен, --path жана --text --comment менен " \
	  "колдонулат", "--reason используется с --reject, --path и --text — с --comment", \
	  "--reason goes with --reject, --path and --text with --comment") \
	X(UI_M_FWK_BAD_NAME, /* %s %s: the option, the name given (escaped) */ \
	  "%s '%s' башкаруучу белгини же UTF-8 эмес байттарды камтыйт: жөнөкөй ат бериңиз", \
	  "%s '%s' содержит управляющий символ или байты не в UTF-8: укажите простое имя", \
	  "%s '%s' holds a control character or bytes that are not UTF-8: give a plain name") \
	X(UI_M_FWK_WHO_REVIEWS, /* %s: the database */ \
	  "'%s' файлында ким текшерери белгисиз: аны --reviewer NAME менен көрсөтүңүз", \
	  "в '%s' не указано, кто проверяет: укажите --reviewer NAME", \
	  "who reviews is not known in '%s': say it with --reviewer NAME") \
	/* field15b: the fieldwork commands' output-file refusals, the reason inside a refused \
	 * kit, and the reasons a frame value is refused, in the glossary's words */ \
	X(UI_M_F15B_OUT_FOLDER, /* %s: the output */ \
	  "«%s» жазылбады: бул папка; файлдын атын бериңиз", \
	  "не удалось записать «%s»: это папка; укажите имя файла", \
	  "cannot write '%s': it is a folder; give a file name") \
	X(UI_M_F15B_OUT_NOT_FILE, /* %s: the output */ \
	  "«%s» жазылбады: бул кадимки файл эмес; файлдын атын бериңиз", \
	  "не удалось записать «%s»: это не обычный файл; укажите имя файла", \
	  "cannot write '%s': not a regular file; give a file name") \
	X(UI_M_F15B_OUT_IS_INPUT, /* %s %s %s %s: what the input is, it, the option, the output */ \
	  "%s «%s» жазыла турган файл менен бир эле файл (%s «%s»): башка файлды тандаңыз", \
	  "%s «%s» совпадает с файлом для записи (%s «%s»): выберите другой файл", \
	  "the %s '%s' is the output file (%s '%s'); choose another output file") \
	X(UI_M_F15B_OUT_IS_JOURNAL, /* %s %s %s %s: what the input is, it, the option, the output */ \
	  "%s «%s»: жазыла турган файл (%s «%s») — ушул файлдын журналы: башка файлды тандаңыз", \
	  "%s «%s»: файл для записи (%s «%s») — журнал этого файла: выберите другой файл", \
	  "the %s '%s' has its journal as the output file (%s '%s'); choose another output file") \
	X(UI_M_F15B_NO_FOLDER, /* %s %s: the output, its folder */ \
	  "«%s» жазылбады: «%s» папкасы жок", \
	  "не удалось записать «%s»: нет папки «%s»", \
	  "cannot write '%s': there is no folder '%s'") \
	X(UI_M_F15B_CANNOT_WRITE, /* %s %s: the output, the system's reason */ \
	  "«%s» жазылбады: %s", "не удалось записать «%s»: %s", "cannot write '%s': %s") \
	X(UI_M_F15B_WHAT_DB, "окула турган маалымат базасы", "входная база данных", \
	  "input database") \
	X(UI_M_F15B_WHAT_FORM, "анкета", "анкета", "questionnaire") \
	X(UI_M_F15B_WHAT_FRAME, "тандалма негизинин файлы", "файл основы выборки", "frame file") \
	X(UI_M_F15B_WHAT_KIT, "топтом", "комплект", "kit") \
	X(UI_M_F15B_MERGE_DAMAGED, \
	  "файл бузулган же колдон өзгөртүлгөн; толук себебин --lang en менен көрүңүз", \
	  "файл повреждён или изменён вручную; подробная причина — с --lang en", \
	  "the file is damaged or was changed by hand; the full reason with --lang en") \
	X(UI_M_F15B_MERGE_OTHER, \
	  "аны ноутбуктун файлына кошууга болбойт; толук себебин --lang en менен көрүңүз", \
	  "его нельзя добавить в файл ноутбука; подробная причина — с --lang en", \
	  "it cannot be added to the laptop's file; the full reason with --lang en") \
	X(UI_M_F15B_V_NO_LIST, "тандоо эмес (суроонун тизмеси жок)", \
	  "не вариант ответа (у вопроса нет списка)", "is not a choice (the question has no list)") \
	X(UI_M_F15B_V_CHOICE, "тандоо эмес", "не вариант ответа", "is not a choice") \
	X(UI_M_F15B_V_CHOICES, "бир боштук менен бөлүнгөн тандоолордун аттары эмес", \
	  "не список имён вариантов через один пробел", \
	  "is not a list of choice names separated by one space") \
	X(UI_M_F15B_V_NOT_IN_LIST, /* %s: the list */ "«%s» тизмесинде мындай тандоо жок", \
	  "такого варианта нет в списке «%s»", "is not a choice of the list '%s'") \
	X(UI_M_F15B_V_TWICE, "бир тандоо эки жолу аталган", "вариант назван дважды", \
	  "names a choice twice") \
	X(UI_M_F15B_V_ONE, "бир гана тандоо керек, бирөөдөн көп берилген", \
	  "нужен один вариант, а дано больше", "is more than one choice of a select_one") \
	X(UI_M_F15B_V_CONTROL, "башкаруучу белгилер бар же UTF-8 текст эмес", \
	  "есть управляющие символы или это не текст UTF-8", \
	  "has control characters or is not UTF-8 text") \
	X(UI_M_F15B_V_FILE_NAME, "жөнөкөй файл аты эмес", "не простое имя файла", \
	  "is not a plain file name") \
	X(UI_M_F15B_V_LONG, /* %d: bytes */ "%d байттан узун", "длиннее предела (байт: %d)", \
	  "is longer than %d bytes") \
	X(UI_M_F15B_V_INT_RANGE, "бүтүн сан чектен чыгат", "целое число вне допустимых пределов", \
	  "is a whole number out of range") \
	X(UI_M_F15B_V_INT, "бүтүн сан эмес", "не целое число", "is not a whole number") \
	X(UI_M_F15B_V_NUMBER, "сан эмес", "не число", "is not a number") \
	X(UI_M_F15B_V_RANGE, "суроонун чегинен чыгат", "вне пределов вопроса", \
	  "is out of the question's range") \
	X(UI_M_F15B_V_DATE, "күн эмес (ЖЖЖЖ-АА-КК)", "не дата (ГГГГ-ММ-ДД)", \
	  "is not a date (YYYY-MM-DD)") \
	X(UI_M_F15B_V_TIME, "убакыт эмес (СС:ММ:СС)", "не время (ЧЧ:ММ:СС)", \
	  "is not a time (HH:MM:SS)") \
	X(UI_M_F15B_V_DATETIME_FMT, "күн жана убакыт эмес (ЖЖЖЖ-АА-КК жана СС:ММ:СС)", \
	  "не дата и время (ГГГГ-ММ-ДД и ЧЧ:ММ:СС)", \
	  "is not a date and time (YYYY-MM-DDTHH:MM:SS)") \
	X(UI_M_F15B_V_DATETIME, "күн жана убакыт эмес", "не дата и время", \
	  "is not a date and time") \
	X(UI_M_F15B_V_OK, "ырастоонун мааниси эмес", "не значение подтверждения", "is not OK (acknowledge)") \
	X(UI_M_F15B_V_ANSWER, "суроонун жообу эмес", "не ответ на вопрос", \
	  "is not a question's answer") \
	X(UI_M_F15B_BY_NONE, /* %s %s: the database, the --by name */ \
	  "'%s': --by: '%s' деген суроо да, тандалма негизинин тилкеси да жок", \
	  "'%s': --by: нет ни вопроса, ни столбца основы выборки '%s'", \
	  "'%s': --by: no question or frame column '%s'") \
	/* field15b: the metadata a questionnaire leaves unlabelled, named on the review screen */ \
	X(UI_M_F15B_META_START, "интервью башталды", "начало интервью", "start") \
	X(UI_M_F15B_META_END, "интервью бүттү", "конец интервью", "end") \
	X(UI_M_F15B_META_TODAY, "ноутбуктагы күн", "дата на ноутбуке", "today") \
	X(UI_M_F15B_META_DEVICEID, "ноутбуктун ID'си", "ID ноутбука", "deviceid") \
	X(UI_M_F15B_META_USERNAME, "колдонуучунун аты", "имя пользователя", "username") \
	/* field15c: the last English words of the fieldwork commands */ \
	X(UI_M_F15C_BY_REPEAT, /* %s %s %s: the database, the --by name, the repeat's path */ \
	  "'%1$s': --by: «%2$s» суроосу «%3$s» кайталануучу тобунун ичинде: бир жазуусунун " \
	  "жообун жолу менен атаңыз, мисалы '%3$s[1]/%2$s'", \
	  "'%1$s': --by: вопрос «%2$s» находится в повторяющейся группе «%3$s»: укажите путь к " \
	  "ответу одной её записи, например '%3$s[1]/%2$s'", \
	  "'%1$s': --by: question '%2$s' is inside the repeat '%3$s': name one entry's answer by " \
	  "its path, e.g. '%3$s[1]/%2$s'") \
	X(UI_M_F15C_OTHER_DB, /* %s: the file */ \
	  "«%s» — башка программанын маалымат базасы, 'survey' базасы эмес", \
	  "«%s» — база данных другой программы, а не 'survey'", \
	  "'%s' is a database of another program, not a survey database") \
	X(UI_M_F15C_NEWER_DB, /* %s %s %s: the file, its schema, the newest this one reads */ \
	  "«%1$s» жаңыраак 'survey' менен жазылган (схемасы %2$s, бул версия %3$s-схемага чейин " \
	  "гана окуйт): 'survey' программасын жаңыртыңыз", \
	  "«%1$s» записана более новой версией 'survey' (схема %2$s, эта версия читает только до " \
	  "схемы %3$s): обновите 'survey'", \
	  "'%1$s' was written by a newer survey (schema %2$s; this one reads up to %3$s): update " \
	  "survey") \
	X(UI_M_F15C_BUSY, /* %s: the file */ \
	  "«%s» файлын башка 'survey' программасы колдонуп жатат: эч нерсе өзгөргөн жок; аны " \
	  "жаап, кайра аракет кылыңыз", \
	  "«%s» занят другой программой 'survey': ничего не изменилось; закройте её и повторите", \
	  "'%s' is in use by another survey program: nothing changed; close it and try again") \
	X(UI_M_F15C_FORM_CHANGED, /* %s %s %s %s: the form, its version, the database, the file */ \
	  "'%3$s' файлындагы '%1$s' анкетасынын %2$s-версиясы '%4$s' файлынан айырмаланат: " \
	  "өзгөртүлгөн анкетага «settings» баракчасында жаңы версия бериңиз; эч нерсе өзгөргөн " \
	  "жок", \
	  "анкета '%1$s' версии %2$s в '%3$s' отличается от '%4$s': дайте изменённой анкете новую " \
	  "версию на листе «settings»; ничего не изменилось", \
	  "form '%1$s' version '%2$s' in '%3$s' differs from '%4$s': give the changed " \
	  "questionnaire a new version in its settings sheet; nothing changed") \
	X(UI_M_F15C_DISK_FULL, /* %s: the file written */ \
	  "диск толуп калган: «%s» файлына жазылган жок, эч нерсе өзгөргөн жок; орун бошотуп, " \
	  "кайра аракет кылыңыз", \
	  "диск заполнен: запись в «%s» не выполнена, ничего не изменилось; освободите место и " \
	  "повторите", \
	  "the disk is full: '%s' was not written, nothing changed; free some space and try again") \
	/* field15c: why the CSV reader refused a frame file (export.h, import_csv_why) */ \
	X(UI_M_F15C_CSV_NOT_FILE, "файл эмес: CSV файлын бериңиз", "не файл: укажите файл CSV", \
	  "not a file: give a CSV file") \
	X(UI_M_F15C_CSV_EMPTY, "файл бош", "файл пуст", "the file is empty") \
	X(UI_M_F15C_CSV_UTF16, "файл UTF-16 коддоосунда: аны UTF-8 коддоосунда сактаңыз", \
	  "файл в кодировке UTF-16: сохраните его в UTF-8", \
	  "the file is UTF-16 text: save it as UTF-8") \
	X(UI_M_F15C_CSV_NOT_UTF8, "UTF-8 коддоосунда эмес (Windows-1251 болушу мүмкүн): файлды " \
	  "UTF-8 коддоосунда сактаңыз", \
	  "не в кодировке UTF-8 (возможно, Windows-1251): сохраните файл в UTF-8", \
	  "not UTF-8 (Windows-1251?): save it as UTF-8") \
	X(UI_M_F15C_CSV_NUL, "файлда нөлдүк байт бар: бул текст файлыбы?", \
	  "в файле есть нулевой байт: это текстовый файл?", \
	  "the file contains a NUL byte: is it a text file?") \
	X(UI_M_F15C_CSV_UNCLOSED, "тырмакчага алынган уяча жабылган жок (артык тырмакча болушу " \
	  "мүмкүн)", "ячейка в кавычках не закрыта (возможно, лишняя кавычка)", \
	  "a quoted field is never closed (a stray quote?)") \
	X(UI_M_F15C_CSV_AFTER_QUOTE, "жабуучу тырмакчадан кийин текст бар (артык тырмакча болушу " \
	  "мүмкүн)", "текст после закрывающей кавычки (возможно, лишняя кавычка)", \
	  "text after a closing quote (a stray quote?)") \
	X(UI_M_F15C_CSV_QUOTE_INSIDE, "тырмакчасыз уячанын ичинде тырмакча бар (артык тырмакча " \
	  "болушу мүмкүн)", "кавычка внутри ячейки без кавычек (возможно, лишняя кавычка)", \
	  "a quote inside an unquoted field (a stray quote?)") \
	X(UI_M_F15C_CSV_FIELDS, /* %lld %lld: the row's cells, the header's */ \
	  "бул сапта %lld уяча бар, ал эми баш сапта %lld (артык бөлгүч же тырмакча болушу " \
	  "мүмкүн)", \
	  "ячеек в строке: %lld, а в заголовке: %lld (возможно, лишний разделитель или кавычка)", \
	  "%lld fields, but the header has %lld (a stray separator or quote?)") \
	X(UI_M_F15C_CSV_DUP_COLUMN, /* %s %lld %lld: the column, its two places */ \
	  "'%s' тилкеси эки жолу бар (%lld- жана %lld-тилкелер)", \
	  "столбец '%s' встречается дважды (номера столбцов: %lld, %lld)", \
	  "column '%s' appears twice (columns %lld and %lld)") \
	X(UI_M_F15C_CSV_MAX_ROWS, /* %lld */ "%lld саптан ашык", \
	  "строк больше предела (%lld)", "more than %lld rows") \
	X(UI_M_F15C_CSV_MAX_COLUMNS, /* %lld */ "%lld тилкеден ашык", \
	  "столбцов больше предела (%lld)", "more than %lld columns") \
	X(UI_M_F15C_CSV_MAX_CELL, /* %lld: bytes */ "уяча %lld байттан узун", \
	  "ячейка длиннее предела (байт: %lld)", "a cell of more than %lld bytes") \
	X(UI_M_F15C_CSV_MAX_SIZE, /* %lld: bytes */ "файл %lld байттан чоң", \
	  "файл больше предела (байт: %lld)", "the file is larger than %lld bytes")

enum ui_msg {
#define UI_MSG_ENUM(id, ky, ru, en) id,
	UI_MSG_TABLE(UI_MSG_ENUM)
#undef UI_MSG_ENUM
	UI_NMSGS
};

/* The UI language of "ky", "ru", "en" (or a form language name ending in "(ky)" etc.,
 * ASCII case-insensitive). 0, or -1 when it is none of the three. */
int ui_lang_parse(const char *code, enum ui_lang *out);
/* From the locale: LC_ALL, else LC_MESSAGES, else LANG; ky* -> ky, ru* -> ru, else en. */
enum ui_lang ui_lang_from_env(void);
const char *ui_lang_code(enum ui_lang l);   /* "ky", "ru", "en" */

/* The current UI language (en until set). */
void ui_lang_set(enum ui_lang l);
enum ui_lang ui_lang_get(void);

/* The system's reason for errno e in the current language (the common ones; else the C
 * library's own words). A static string. */
const char *ui_strerror(int e);

/* A fieldwork refusal of the store (store/fw_why.h) whose English line is err, in the current
 * language, in buf (fw_why_text.c); err itself in English, or when none was recorded for it. */
const char *ui_fw_why(const char *err, char *buf, size_t size);
/* Why a value is refused (form_value_check's English msg, "is not a whole number") in the
 * current language, in buf (fw_why_text.c); msg itself in English or when it is not known. */
const char *ui_value_why(const char *msg, char *buf, size_t size);

/* A message in the current language; a static string, never NULL. */
const char *ui_tr(enum ui_msg m);
const char *ui_tr_in(enum ui_lang l, enum ui_msg m);

#endif
