/* cmd_help.h: the generated end of a command's help in the help's language (cmd_help_tail.c). */
#ifndef SURVEY_CMD_HELP_H
#define SURVEY_CMD_HELP_H

struct cmd_entry;
/* Print e's generated help tail after its translated help, in lang ("ky", "ru"): tab's
 * statistics by JSON key, named by the registry's report labels (help_words.c's names where the
 * registry has none) with what each needs, words wrapped within 80 columns. Any other lang, or
 * a command whose tail has no translation: e->help_tail as it is. Nothing when it has none. */
void cmd_help_tail(const struct cmd_entry *e, const char *lang);

#endif
