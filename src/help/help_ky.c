/* help_ky.c: survey's help in Kyrgyz — the overview and each command's summary and help
 * (surveys/GLOSSARY.md's terms; options, file names and command lines stay as typed). */
#include "help/help.h"

#include <stddef.h>

const struct help_text help_ky[] = {
{ "",
	"колдонулушу: survey COMMAND [ARGS]\n"
	"             survey help COMMAND | survey COMMAND --help | survey --version\n\n"
	"Интернетсиз сурамжылоо иши: XLSForm анкеталары, ноутбуктардагы интервьюлар,\n"
	"бириктирүү, жыштыктар жана кайчылаш таблицалар.\n\nбуйруктар:\n",
	"\nБуйруктун башталышы жетиштүү, эгер ал бир гана буйрукка туура келсе\n"
	"(survey ch = survey check). Тилди --lang ky|ru|en тандайт, болбосо локаль.\n"
	"Чыгуу абалы: 0 ийгилик, 1 колдонуучунун катасы (stderr'де бир сап),\n"
	"2 туура эмес аргументтер.\n" },
{ NULL, NULL, NULL },
};
