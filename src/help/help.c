/* help.c: finds a command's help in Kyrgyz or Russian (help_ky.c, help_ru.c). */
#include "help/help.h"

#include <string.h>

const struct help_text *help_find(const char *lang, const char *name)
{
	const struct help_text *t = strcmp(lang, "ky") == 0 ? help_ky
				  : strcmp(lang, "ru") == 0 ? help_ru : NULL;
	for (; t && t->name; t++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}
