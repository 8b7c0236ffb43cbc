/* cmd.c: helpers shared by the cmd_*.c files — error and usage messages, lines safe for a
 * terminal, JSON strings. */
#include "cmd.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "form/form.h"
#include "store/attach.h"
#include "store/store.h"
#include "ui/i18n.h"
#include "util/sealbox.h"
#include "util/termsafe.h"
#include "util/util.h"

FILE *cmd_progress_stream;
int cmd_create_flags;

/* prefix, then the message escaped as one line */
static void put_vline(FILE *f, const char *prefix, const char *fmt, va_list ap)
{
	strbuf sb = STRBUF_INIT;
	sb_adds(&sb, prefix);
	termsafe_vline(&sb, fmt, ap);
	fputs(sb_str(&sb), f);
	sb_release(&sb);
}

int cmd_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	put_vline(stderr, "survey: ", fmt, ap);
	va_end(ap);
	return EXIT_USER;
}

const char *cmd_usage_word = "usage";

const char *cmd_find_option(int argc, char **argv, const char *name)
{
	size_t n = strlen(name);
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], name) == 0 && i + 1 < argc)
			return argv[i + 1];
		if (strncmp(argv[i], name, n) == 0 && argv[i][n] == '=')
			return argv[i] + n + 1;
	}
	return NULL;
}

void cmd_lang_from_args(int argc, char **argv)
{
	enum ui_lang ml = ui_lang_from_env();
	const char *lang_arg = cmd_find_option(argc, argv, "--lang");
	if (lang_arg)
		ui_lang_parse(lang_arg, &ml);
	ui_lang_set(ml);
	cmd_usage_word = ui_tr(UI_M_USAGE);
}

int cmd_usage_error(const struct cmd_entry *e, const char *fmt, ...)
{
	va_list ap;
	char *prefix = xasprintf("survey %s: ", e->name);
	va_start(ap, fmt);
	put_vline(stderr, prefix, fmt, ap);
	va_end(ap);
	free(prefix);
	fprintf(stderr, "%s: survey %s %s\n", cmd_usage_word, e->name, e->usage);
	return EXIT_USAGE;
}

void cmd_put_line(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	put_vline(f, "", fmt, ap);
	va_end(ap);
}

int cmd_check_name(const struct cmd_entry *e, const char *option, const char *value)
{
	if (termsafe_text_ok(value, 0))
		return 0;
	strbuf v = STRBUF_INIT, sb = STRBUF_INIT;
	termsafe_adds(&v, value, TERMSAFE_ONE_LINE);
	sb_addf(&sb, "survey %s: ", e->name);
	sb_addf(&sb, ui_tr(UI_M_FWK_BAD_NAME), option, sb_str(&v));   /* in the chosen language */
	sb_adds(&sb, "\n");
	fputs(sb_str(&sb), stderr);
	sb_release(&sb);
	sb_release(&v);
	return EXIT_USAGE;
}

int cmd_public_key_option(const char *path, struct form *f, char *err)
{
	sealbox_key k;
	if (sealbox_read_public(path, &k, err))
		return -1;
	char line[SEALBOX_PK_B64_LEN + 1];
	sealbox_pk_line(&k, line);
	free(f->public_key);
	f->public_key = xstrdup(line);
	return 0;
}

void cmd_note_sealed(const char *path)
{
	store *st;
	char err[ERR_MAX];
	long long n = 0;
	if (store_open(path, STORE_READONLY, &st, err))
		return;
	if (store_sealed_count(st, NULL, &n, err) == 0 && n > 0)
		cmd_fail(ui_tr(UI_M_SEALED_NOTE), n, path, path);
	store_close(st);
}

int cmd_max_attachment(const struct cmd_entry *e, const char *value, long long *out)
{
	long long v;
	if (util_parse_size(value, &v) || v < 1 || v > STORE_ATTACH_HARD_MAX)
		return cmd_usage_error(e, "--max-attachment '%s' is not a size from 1 byte to 64M "
				       "(write it as 500K or 20M)", value);
	*out = v;
	return EXIT_OK;
}

int cmd_bad_option(const struct cmd_entry *e, int c, char **argv)
{
	if (c == ':')
		return cmd_usage_error(e, "option '%s' needs a value", argv[optind - 1]);
	return cmd_usage_error(e, "unknown option '%s'", argv[optind - 1]);
}

int cmd_only_output(const struct cmd_entry *e, int argc, char **argv, const char *what,
		    const char **value)
{
	static const struct option opts[] = { { "output", required_argument, NULL, 'o' }, { 0 } };
	int c;
	*value = NULL;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		if (c == 'o')
			*value = optarg;
		else if (c == ':' || (c == '?' && optopt == 'o'))
			return cmd_usage_error(e, "option '-o' needs %s", what);
		else
			return cmd_usage_error(e, "unknown option '%s'", argv[optind - 1]);
	}
	return EXIT_OK;
}

void cmd_remove_db(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	for (int i = 0; i < 4; i++) {
		char *p = xasprintf("%s%s", path, ext[i]);
		unlink(p);
		free(p);
	}
}
