/* help.h: the help of survey in Kyrgyz and Russian — the overview's words and each command's
 * summary and help text, by command name (English stays in the cmd_*.c entries). */
#ifndef SURVEY_HELP_H
#define SURVEY_HELP_H

#include <stddef.h>

/* One command's help in one language: as cmd_entry's summary and help (the usage line, its
 * option names and placeholders stay English). The overview is the entry named "": summary
 * holds its lines before the list of commands ("commands:" included), help those after it. */
struct help_text {
	const char *name;
	const char *summary;
	const char *help;
};

/* The tables, each ended by an entry whose name is NULL (help_ky.c, help_ru.c). */
extern const struct help_text help_ky[];
extern const struct help_text help_ru[];

/* The help of command name ("" for the overview) in lang ("ky", "ru"), or NULL when it has
 * none there (English, or not translated yet): the caller then prints the English one. */
const struct help_text *help_find(const char *lang, const char *name);

/* The Russian or Kyrgyz of an English phrase of tab's generated help tail (help_words.c: its
 * heading, what a statistic needs, the names of statistics without a report label); en itself
 * when there is none or lang is "en". */
const char *help_word(const char *lang, const char *en);
/* en with every phrase help_word knows put in lang (the longest first; the rest kept), in buf of
 * size bytes (cut short at a phrase when it does not fit). Returns buf. */
char *help_phrases(const char *lang, const char *en, char *buf, size_t size);

#endif
