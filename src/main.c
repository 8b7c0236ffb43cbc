/* main.c: survey's entry point — the command table, --help and --version, prefix lookup,
 * terminal output filtered of control characters, and the final check that everything
 * written to stdout reached it. */
#include "cmd.h"
#include "cmd_help.h"

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "help/help.h"
#include "interview/form_ops.h"
#include "store/store.h"
#include "ui/i18n.h"
#include "util/termsafe.h"
#include "version.h" /* SURVEY_VERSION: written by the Makefile from VERSION and the commit */

static const struct cmd_entry *const commands[] = {
	&cmd_check_entry,
	&cmd_export_entry,
	&cmd_freq_entry,
	&cmd_import_entry,
	&cmd_list_entry,
	&cmd_merge_entry,
	&cmd_pack_entry,
	&cmd_report_entry,
	&cmd_run_entry,
	&cmd_simulate_entry,
	&cmd_tab_entry,
	&cmd_frame_entry,    /* fieldwork (issue 15) */
	&cmd_assign_entry,
	&cmd_kit_entry,
	&cmd_receive_entry,
	&cmd_review_entry,
	&cmd_keygen_entry,
	&cmd_unseal_entry,
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* The help's language (help_lang): "ky", "ru" or "en", as cmd_lang_from_args chose it. */
static const char *help_lang = "en";

/* --lang anywhere on the line (before "--"), else the locale's language, for the help. */
static void choose_help_lang(int argc, char **argv)
{
	cmd_lang_from_args(argc, argv);
	help_lang = ui_lang_code(ui_lang_get());
}

static void print_overview(FILE *f)
{
	const struct help_text *o = help_find(help_lang, "");
	if (o)
		fputs(o->summary, f);
	else
		fprintf(f, "usage: survey COMMAND [ARGS]\n"
			   "       survey help COMMAND | survey COMMAND --help | survey --version\n\n"
			   "Offline survey work: XLSForm questionnaires, interviews on laptops, merging,\n"
			   "frequencies and cross-tabulations.\n\ncommands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++) {
		const struct help_text *t = help_find(help_lang, commands[i]->name);
		fprintf(f, "  %-10s %s\n", commands[i]->name, t ? t->summary : commands[i]->summary);
	}
	if (o)
		fputs(o->help, f);
	else
		fprintf(f, "\nA unique prefix of a command is enough (survey ch = survey check).\n"
			   "Exit status: 0 success, 1 a user error (one line on stderr), 2 bad arguments.\n");
}

/* "WORD: survey NAME USAGE", a usage's second line ("\n       [...]", under English "usage: ")
 * indented under the translated word (its letters: one column each). */
static void print_usage_in(const char *word, const struct cmd_entry *e)
{
	int cols = 2;
	for (const char *p = word; *p; p++)
		cols += ((unsigned char)*p & 0xC0) != 0x80;
	printf("%s: survey %s ", word, e->name);
	for (const char *p = e->usage; *p; p++) {
		if (*p == '\n' && strncmp(p + 1, "       ", 7) == 0) {
			printf("\n%*s", cols, "");
			p += 7;
		} else {
			putchar(*p);
		}
	}
	putchar('\n');
}

/* In the help's language when it has this command's help, else in English. */
static void print_command_help(const struct cmd_entry *e)
{
	const struct help_text *t = help_find(help_lang, e->name);
	if (t) {
		print_usage_in(cmd_usage_word, e);
		printf("\n%s\n\n%s", t->summary, t->help);
		cmd_help_tail(e, help_lang);
		return;
	}
	printf("usage: survey %s %s\n\n%s\n", e->name, e->usage, e->summary);
	if (e->help && *e->help)
		printf("\n%s", e->help);
	if (e->help_tail)
		e->help_tail();
}

/* Exact name, else a unique prefix. NULL when unknown or ambiguous (the message is printed). */
static const struct cmd_entry *find_command(const char *name)
{
	const struct cmd_entry *found = NULL;
	size_t len = strlen(name), matches = 0;
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
		if (len && strncmp(commands[i]->name, name, len) == 0) {
			found = commands[i];
			matches++;
		}
	}
	if (matches == 1)
		return found;
	if (matches == 0) {
		cmd_fail("unknown command '%s'; see 'survey --help'", name);
		return NULL;
	}
	strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strncmp(commands[i]->name, name, len) == 0)
			sb_addf(&sb, " %s", commands[i]->name);
	cmd_fail("ambiguous command '%s', could be:%s", name, sb_str(&sb));
	sb_release(&sb);
	return NULL;
}

static int is_help_flag(const char *s)
{
	return strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0;
}

/* Defence in depth for what the commands print: on stderr, and on stdout when it is a terminal,
 * every control character but newline and tab (and invalid UTF-8) is written as an escape
 * ("\x1b"), whatever printed it. Output to a pipe or file (JSON, CSV) is left byte for byte. */
static void filter_stderr(void)
{
	FILE *f = termsafe_stream(stderr, TERMSAFE_KEEP_TAB | TERMSAFE_KEEP_NEWLINE, _IONBF);
	cmd_progress_stream = stderr;
	if (f)
		stderr = f;
}

static void filter_stdout_on_terminal(void)
{
	if (!isatty(STDOUT_FILENO))
		return;
	FILE *f = termsafe_stream(stdout, TERMSAFE_KEEP_TAB | TERMSAFE_KEEP_NEWLINE, _IOLBF);
	if (f)
		stdout = f;
}

/* Everything a command printed must have reached stdout (a full disk is an error). */
static int finish_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		int e = errno;
		fprintf(stderr, "survey: cannot write the output: %s\n", e ? strerror(e) : "write error");
		return EXIT_USER;
	}
	if (fclose(stdout) != 0 && errno != EBADF) {
		fprintf(stderr, "survey: cannot write the output: %s\n", strerror(errno));
		return EXIT_USER;
	}
	return status;
}

/* `survey --lang ky COMMAND …` means `survey COMMAND --lang ky …`: the language given before
 * the command moves to just after it (argv is permuted in place; nothing else changes). */
static void move_leading_lang(int argc, char **argv)
{
	int n = 0;   /* how many arguments the leading --lang takes */
	if (argc >= 3 && strcmp(argv[1], "--lang") == 0)
		n = 2;
	else if (argc >= 2 && strncmp(argv[1], "--lang=", 7) == 0)
		n = 1;
	if (n == 0 || argc < 1 + n + 1)
		return;
	char *lang[2] = { argv[1], n == 2 ? argv[2] : NULL };
	argv[1] = argv[1 + n];   /* the command, help or --help */
	for (int i = 0; i < n; i++)
		argv[2 + i] = lang[i];
}

static int dispatch(int argc, char **argv)
{
	move_leading_lang(argc, argv);
	if (argc < 2) {
		choose_help_lang(argc, argv);
		print_overview(stderr);
		return EXIT_USAGE;
	}
	const char *first = argv[1];
	if (is_help_flag(first)) {
		choose_help_lang(argc, argv);
		print_overview(stdout);
		return EXIT_OK;
	}
	if (strcmp(first, "--version") == 0 || strcmp(first, "-V") == 0) {
		printf("survey %s\n", SURVEY_VERSION);
		return EXIT_OK;
	}
	if (strcmp(first, "help") == 0) {
		choose_help_lang(argc, argv);
		int k = 2;   /* the command named after "help", past a --lang */
		while (k < argc && (strcmp(argv[k], "--lang") == 0
				    || strncmp(argv[k], "--lang=", 7) == 0))
			k += argv[k][6] == '=' ? 1 : 2;
		if (k >= argc) {
			print_overview(stdout);
			return EXIT_OK;
		}
		const struct cmd_entry *e = find_command(argv[k]);
		if (!e)
			return EXIT_USAGE;
		print_command_help(e);
		return EXIT_OK;
	}
	if (first[0] == '-') {
		cmd_fail("unknown option '%s'; see 'survey --help'", first);
		return EXIT_USAGE;
	}
	const struct cmd_entry *e = find_command(first);
	if (!e)
		return EXIT_USAGE;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (is_help_flag(argv[i])) {
			choose_help_lang(argc, argv);
			print_command_help(e);
			return EXIT_OK;
		}
	}
	if (!e->draws_screen)
		filter_stdout_on_terminal();
	return e->exec(argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");   /* numbers are written the C way in every output (DESIGN.md) */
	filter_stderr();
	store_set_form_ops(interview_form_ops());   /* the store reads no XLSForm itself */
	/* the layout of the files the commands make (issue 18): unset, empty or 8 = the default,
	 * the compact layout, schema 8 (new files, and writable files of schema 1..7 migrated to
	 * it); 7 = the old layout, schema 7 (new files of schema 7, older ones migrated to 7 only;
	 * a file of schema 8 stays so); any other value is refused rather than read as the default */
	const char *schema = getenv("SURVEY_STORE_SCHEMA");
	if (!schema || !*schema || strcmp(schema, "8") == 0)
		cmd_create_flags = STORE_SCHEMA8;
	else if (strcmp(schema, "7") != 0)
		return cmd_fail("SURVEY_STORE_SCHEMA=%s: the store writes schema 7 or 8; "
				"unset it for the default (8)", schema);
	return finish_stdout(dispatch(argc, argv));
}
