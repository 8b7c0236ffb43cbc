/* help_ru.c: survey's help in Russian — the overview and each command's summary and help
 * (surveys/GLOSSARY.md's terms; options, file names and command lines stay as typed). */
#include "help/help.h"

#include <stddef.h>

const struct help_text help_ru[] = {
{ "",
	"использование: survey COMMAND [ARGS]\n"
	"               survey help COMMAND | survey COMMAND --help | survey --version\n\n"
	"Работа с опросами без интернета: анкеты XLSForm, интервью на ноутбуках,\n"
	"объединение, частоты и таблицы сопряжённости.\n\nкоманды:\n",
	"\nДостаточно начала имени команды, если оно однозначно (survey ch = survey check).\n"
	"Язык выбирает --lang ky|ru|en, иначе локаль.\n"
	"Код выхода: 0 успех, 1 ошибка пользователя (одна строка в stderr),\n"
	"2 неверные аргументы.\n" },
{ NULL, NULL, NULL },
};
