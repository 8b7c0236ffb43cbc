/* cmd_fw.c: the language of the fieldwork commands (frame, assign, kit, receive, review) and
 * the store's fieldwork refusals (store/fw_why.h) said in it. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "store/fw_why.h"
#include "ui/i18n.h"
#include "util/util.h"

void cmd_lang_from_args(int argc, char **argv)
{
	/* --lang's, else the locale's; looked for first, so that a wrong option before it is
	 * refused in that language too */
	enum ui_lang ml = ui_lang_from_env();
	const char *lang_arg = cmd_find_option(argc, argv, "--lang");
	if (lang_arg)
		ui_lang_parse(lang_arg, &ml);
	ui_lang_set(ml);
	cmd_usage_word = ui_tr(UI_M_USAGE);
}

int cmd_fw_bad_lang(const struct cmd_entry *e, const char *lang)
{
	enum ui_lang l;
	if (ui_lang_parse(lang, &l))
		return cmd_usage_error(e, ui_tr(UI_M_LIST_BAD_LANG), lang);
	return EXIT_OK;
}

int cmd_fw_bad_option(const struct cmd_entry *e, int c, char **argv)
{
	return cmd_usage_error(e, ui_tr(c == ':' ? UI_M_RUN_OPT_VALUE : UI_M_RUN_OPT_UNKNOWN),
			       argv[optind - 1]);
}

int cmd_open_fail(const char *path, const char *err)
{
	/* in Kyrgyz or Russian the usual causes in that language; in English, and for any other
	 * cause, the store's own (more detailed) words */
	if (ui_lang_get() == UI_LANG_EN)
		return cmd_fw_fail(err);
	struct stat sb;
	char head[16];
	FILE *fp = fopen(path, "rb");
	size_t n = fp ? fread(head, 1, sizeof head, fp) : 0;
	int e = errno;
	if (fp)
		fclose(fp);
	if (!fp && stat(path, &sb) != 0)
		return cmd_fail(ui_tr(UI_M_RUN_DB_UNREADABLE), path, ui_strerror(e));
	if (fp && (n < sizeof head || memcmp(head, "SQLite format 3", 16) != 0))
		return cmd_fail(ui_tr(UI_M_LIST_NOT_SQLITE), path);
	if (strstr(err, "truncated") || strstr(err, "malformed") ||
	    strstr(err, "not a database") || strstr(err, "damaged"))
		return cmd_fail(ui_tr(UI_M_LIST_DAMAGED), path);
	return cmd_fw_fail(err);
}

/* The message of each refusal code (the codes' values in fw_why.h's order). */
static const enum ui_msg why_msg[FW_WHY_N] = {
	[FW_WHY_FRAME_CONFLICT] = UI_M_FWK_FRAME_CONFLICT, [FW_WHY_NO_COLUMN] = UI_M_FWK_NO_COLUMN,
	[FW_WHY_NOT_IN_FRAME] = UI_M_FWK_NOT_IN_FRAME, [FW_WHY_NO_FRAME] = UI_M_FWK_NO_FRAME,
	[FW_WHY_NO_FORM] = UI_M_FWK_NO_FORM, [FW_WHY_NO_UNITS] = UI_M_FWK_NO_UNITS,
	[FW_WHY_NOT_KIT] = UI_M_FWK_NOT_KIT, [FW_WHY_KIT_FORM] = UI_M_FWK_KIT_FORM,
	[FW_WHY_KIT_WHO] = UI_M_FWK_KIT_WHO, [FW_WHY_KIT_IVS] = UI_M_FWK_KIT_IVS,
	[FW_WHY_KIT_MERGE] = UI_M_FWK_KIT_MERGE,
	[FW_WHY_NO_INTERVIEW] = UI_M_FWK_NO_INTERVIEW, [FW_WHY_DRAFT] = UI_M_FWK_DRAFT,
	[FW_WHY_DISCARDED] = UI_M_FWK_DISCARDED, [FW_WHY_NO_ANSWER] = UI_M_FWK_NO_ANSWER,
	[FW_WHY_NO_REVIEWS] = UI_M_FWK_NO_REVIEWS, [FW_WHY_REVIEWER] = UI_M_FWK_REVIEWER,
	[FW_WHY_TEXT] = UI_M_FWK_TEXT, [FW_WHY_NEEDS_REASON] = UI_M_FWK_NEEDS_REASON,
	[FW_WHY_NEEDS_COMMENT] = UI_M_FWK_NEEDS_COMMENT,
};

const char *cmd_fw_why(const char *err, char *buf, size_t size)
{
	const store_fw_why *w = store_fw_why_of(err);
	/* in English the store's own line, which may say more (the cause under "not a kit") */
	if (w->code == FW_WHY_NONE || ui_lang_get() == UI_LANG_EN)
		return err;
	snprintf(buf, size, ui_tr(why_msg[w->code]), w->arg[0], w->arg[1], w->arg[2], w->arg[3],
		 w->arg[4], w->arg[5]);
	return buf;
}

int cmd_fw_fail(const char *err)
{
	char buf[2 * ERR_MAX];
	return cmd_fail("%s", cmd_fw_why(err, buf, sizeof buf));
}
