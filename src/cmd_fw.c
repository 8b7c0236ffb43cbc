/* cmd_fw.c: the fieldwork commands' (frame, assign, kit, receive, review) language checks and
 * the store's fieldwork refusals (store/fw_why.h) said in the chosen language. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "ui/i18n.h"
#include "util/util.h"

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

const char *cmd_fw_why(const char *err, char *buf, size_t size)
{
	return ui_fw_why(err, buf, size);
}

int cmd_fw_fail(const char *err)
{
	char buf[2 * ERR_MAX];
	return cmd_fail("%s", cmd_fw_why(err, buf, sizeof buf));
}
