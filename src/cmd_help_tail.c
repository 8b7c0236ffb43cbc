/* cmd_help_tail.c: tab's generated help tail (its statistics) in Kyrgyz or Russian, for
 * `survey help tab --lang ky|ru`; the English one stays cmd_tab.c's. */
#include "cmd_help.h"

#include <stdio.h>
#include <string.h>

#include "analysis/statistics.h"
#include "cmd.h"
#include "cmd_table.h"
#include "help/help.h"

#define HEADING "statistics, by JSON key (--stats; a report's stats column) [what each needs]:"

/* The statistic's name in lang: the registry's report label, else help_words.c's. */
static const char *stat_name(const statistic *s, const char *lang)
{
	int l = strcmp(lang, "ky") == 0 ? STAT_KY : STAT_RU;
	if (s->label[l] || (l == STAT_KY && s->label[STAT_RU]))
		return statistic_label(s, lang);
	return help_word(lang, s->name);
}

/* Print " w" at column col, or on a new line indented as the names when it would pass column
 * 80; the column after it. */
static int put_word(const char *w, int col)
{
	int ww = cmd_text_width(w);
	if (col > 37 && col + 1 + ww > 80) {
		printf("\n%36s", "");
		col = 36;
	}
	printf(" %s", w);
	return col + 1 + ww;
}

void cmd_help_tail(const struct cmd_entry *e, const char *lang)
{
	if (!e->help_tail)
		return;
	if (strcmp(e->name, "tab") != 0 || (strcmp(lang, "ky") != 0 && strcmp(lang, "ru") != 0)) {
		e->help_tail();
		return;
	}
	printf("\n%s\n", help_word(lang, HEADING));
	for (int k = 0; k < nstatistics; k++) {
		char needs[128], tr[256], name[256];
		statistic_needs_text(&statistics[k], needs, sizeof needs);
		help_phrases(lang, needs, tr, sizeof tr);
		snprintf(name, sizeof name, "%s", stat_name(&statistics[k], lang));
		int col = printf("  %-34s", statistics[k].key);
		char *save = NULL;
		for (char *w = strtok_r(name, " ", &save); w; w = strtok_r(NULL, " ", &save))
			col = put_word(w, col);
		if (*tr) {   /* [what it needs] kept on one line */
			char br[260];
			snprintf(br, sizeof br, "[%s]", tr);
			put_word(br, col);
		}
		printf("\n");
	}
}
