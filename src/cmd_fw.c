/* cmd_fw.c: the fieldwork commands' (frame, assign, kit, receive, review) language checks and
 * the store's fieldwork refusals (store/fw_why.h) said in the chosen language. */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "store/store.h"
#include "ui/i18n.h"
#include "util/outfile.h"
#include "util/util.h"

/* cmd_fail of err's fieldwork refusal in the chosen language (or err), no file looked at. */
static int fw_fail_line(const char *err)
{
	char buf[2 * ERR_MAX];
	return cmd_fail("%s", cmd_fw_why(err, buf, sizeof buf));
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

int cmd_fw_disk_full(const char *path)
{
	return cmd_fail(ui_tr(UI_M_F15C_DISK_FULL), path);
}

int cmd_fw_write_fail(const char *path, const char *err)
{
	return store_disk_full() ? cmd_fw_disk_full(path) : cmd_fw_fail(err);
}

int cmd_open_fail(const char *path, const char *err)
{
	if (store_disk_full())   /* opening for writing may write (a migration, the WAL) */
		return cmd_fw_disk_full(path);
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
	return fw_fail_line(err);
}

/* The path between prefix and "': " at the start of err ("cannot write 'PATH': why"), in buf;
 * NULL when err does not start so. */
static const char *quoted_path(const char *err, const char *prefix, char *buf, size_t size)
{
	size_t n = strlen(prefix);
	const char *end = strncmp(err, prefix, n) ? NULL : strstr(err + n, "': ");
	if (!end)
		return NULL;
	snprintf(buf, size, "%.*s", (int)(end - err - n), err + n);
	return buf;
}

/* path could not be written (err, English): why, from the file system as it is now, in the
 * chosen language; err itself when none of the usual causes is found. */
static int write_fail(const char *path, const char *err)
{
	struct stat sb;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return cmd_fail(ui_tr(UI_M_F15B_OUT_FOLDER), path);
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return cmd_fail(ui_tr(UI_M_F15B_OUT_NOT_FILE), path);
	char *copy = xstrdup(path);
	const char *dir = dirname(copy);
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		int rc = cmd_fail(ui_tr(UI_M_F15B_NO_FOLDER), path, dir);
		free(copy);
		return rc;
	}
	free(copy);
	if (strstr(err, strerror(ENOSPC)) || strstr(err, strerror(EDQUOT)))
		return cmd_fw_disk_full(path);
	static const int errs[] = { EACCES, EPERM, EROFS, ENOTDIR, EISDIR };
	for (size_t i = 0; i < sizeof errs / sizeof *errs; i++)
		if (strstr(err, strerror(errs[i])))
			return cmd_fail(ui_tr(UI_M_F15B_CANNOT_WRITE), path, ui_strerror(errs[i]));
	return fw_fail_line(err);
}

int cmd_fw_out_fail(const char *opt, const char *out, int what, const char *in, const char *err)
{
	if (ui_lang_get() == UI_LANG_EN)
		return cmd_fail("%s", err);
	struct stat sb;
	if (stat(out, &sb) == 0 && !S_ISREG(sb.st_mode))
		return write_fail(out, err);
	/* outfile_check's other refusals: out is in, or one of its journal files */
	return cmd_fail(ui_tr(outfile_same(out, in) ? UI_M_F15B_OUT_IS_INPUT
						   : UI_M_F15B_OUT_IS_JOURNAL),
			ui_tr((enum ui_msg)what), in, opt, out);
}

const char *cmd_fw_why(const char *err, char *buf, size_t size)
{
	return ui_fw_why(err, buf, size);
}

int cmd_fw_fail(const char *err)
{
	char buf[2 * ERR_MAX], path[ERR_MAX];
	if (ui_lang_get() == UI_LANG_EN || cmd_fw_why(err, buf, sizeof buf) != err)
		return fw_fail_line(err);
	/* not a fieldwork refusal: a file that could not be written or opened, said from the
	 * file system as it is now */
	if (quoted_path(err, "cannot write '", path, sizeof path))
		return write_fail(path, err);
	if (quoted_path(err, "cannot open '", path, sizeof path)) {
		struct stat sb;
		FILE *fp = fopen(path, "rb");
		int e = errno;
		if (!fp)
			return cmd_fail(ui_tr(UI_M_RUN_DB_UNREADABLE), path, ui_strerror(e));
		fclose(fp);
		if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
			return cmd_fail(ui_tr(UI_M_RUN_DB_UNREADABLE), path, ui_strerror(EISDIR));
		return cmd_open_fail(path, err);
	}
	return fw_fail_line(err);
}
