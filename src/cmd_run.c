/* cmd_run.c: `survey run FORM [--db DB] [--lang CODE] [--interviewer NAME]` — the interview UI
 * on a questionnaire, with the database at --db or in the user's data folder, held by one
 * `survey run` at a time. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "form/form.h"
#include "store/store.h"
#include "ui/i18n.h"
#include "ui/ui.h"
#include "util/outfile.h"
#include "util/util.h"

static int cmd_run(int argc, char **argv);

const struct cmd_entry cmd_run_entry = {
	.name = "run",
	.usage = "[FORM] [--db DB] [--lang CODE] [--interviewer NAME] [--max-attachment SIZE]\n"
		 "       [--kit KIT.db] [--public-key FILE]",
	.summary = "interview: the keyboard-only ncurses UI on a questionnaire",
	.help = "Opens the start screen: the questionnaire's interviews in the database (drafts\n"
		"and completed). n starts a new interview, Enter resumes or reviews the highlighted\n"
		"one, q or F10 quits. In an interview: digits pick choice N, Enter confirms and\n"
		"moves on, PgUp goes back, F2 switches the language, F5 don't know, F6 refused,\n"
		"F9 review, F10 leaves (the interview stays a draft to resume), F1 lists every key.\n"
		"Every answer is on disk when the status line shows it saved.\n\n"
		"options:\n"
		"  --db DB             the database file (created if missing). Default:\n"
		"                      $XDG_DATA_HOME/survey/FORM_ID.db, that is\n"
		"                      ~/.local/share/survey/FORM_ID.db (the folder is created);\n"
		"                      never FORM itself (refused, exit status 1)\n"
		"  --lang CODE         the questionnaire's language to start in (ky, ru, en, ...);\n"
		"                      default: the one kept from the last run on DB, else the\n"
		"                      form's default_language\n"
		"  --interviewer NAME  recorded with each new interview (and as the email\n"
		"                      metadata when it is an e-mail address); default: the\n"
		"                      environment variable SURVEY_INTERVIEWER, else the name\n"
		"                      kept in the database, asked on its first run\n"
		"  --max-attachment SIZE  the largest file the interviewer may attach to an\n"
		"                      image, audio, video or file question: 500K, 20M (the\n"
		"                      default), 64M at most\n"
		"  --kit KIT.db        first apply the coordinator's kit to DB, as 'survey\n"
		"                      receive' does: the start screen then lists the\n"
		"                      assigned units (to do, started, done, returned);\n"
		"                      FORM may be left out: the kit's form is used\n\n"
		"  --public-key FILE   seal completed interviews for this coordinator key (the\n"
		"                      NAME.pub of 'survey keygen'), as the form's settings\n"
		"                      public_key does; it takes the place of the form's key\n\n"
		"A media question (image, audio, video, file) takes the path of a file on the\n"
		"laptop: Tab completes it, F7 (Ctrl-B) browses the folders, Enter attaches it (its\n"
		"bytes are kept in DB with the interview, its name is the answer), Delete on the\n"
		"empty field removes it.\n\n"
		"One `survey run` at a time may hold a database: a second one on the same file is\n"
		"refused (a lock on DB.lock beside it, released when the program ends, even killed).\n"
		"The UI's own words (keys, messages, help) are in Kyrgyz, Russian or English: those\n"
		"of --lang, else of the locale (LANG=ky_KG.UTF-8, ru_RU.UTF-8; English otherwise);\n"
		"in an interview they follow its language (F2) when it is one of the three.\n"
		"The language given with --lang or chosen with F2 on the start screen is kept in\n"
		"the database: the next run (and `survey list`) starts in it.\n"
		"On the start screen / searches by name or id, f filters by status.\n"
		"The terminal must use a UTF-8 locale and be at least 60x20 (80x24 is best).\n\n"
		"example:\n  survey run surveys/covid19-lsg.md --lang ky --interviewer Aibek\n",
	.exec = cmd_run,
	.draws_screen = 1,
};

static int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int fail(const char *fmt, ...)
{
	va_list ap;
	fputs("survey run: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_USER;
}

/* mkdir -p, the folders made private (interview data is confidential). */
static int make_dirs(const char *dir, char *err)
{
	char *p = xstrdup(dir);
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			errf(err, ui_tr(UI_M_RUN_MKDIR), p, ui_strerror(errno));
			free(p);
			return -1;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return 0;
}

/* $XDG_DATA_HOME/survey/<form_id>.db, or ~/.local/share/survey/<form_id>.db; the folder is
 * created. malloc'd, or NULL with err. */
static char *default_db(const char *form_id, char *err)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *base;
	if (xdg && xdg[0] == '/')
		base = xstrdup(xdg);
	else if (home && *home)
		base = xasprintf("%s/.local/share", home);
	else {
		errf(err, "%s", ui_tr(UI_M_RUN_NO_HOME));
		return NULL;
	}
	char *dir = xasprintf("%s/survey", base);
	free(base);
	if (make_dirs(dir, err)) {
		free(dir);
		return NULL;
	}
	/* the form id as a file name: letters, digits, '-', '_' and '.' */
	char *id = xstrdup(*form_id ? form_id : "survey");
	for (char *c = id; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		      (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || (*c == '.' && c != id)))
			*c = '_';
	char *path = xasprintf("%s/%s.db", dir, id);
	free(id);
	free(dir);
	return path;
}

/* Lock the database, check the terminal, open (or create) the database. -1 with err; *lock
 * and *lock_path are set either way (for cmd_unlock_db). */
static int open_db(const char *path, int *lock, char **lock_path, store **st, char *err)
{
	*st = NULL;
	*lock = cmd_lock_db(path, ui_tr(UI_M_RUN_LOCKED), lock_path, err);
	if (*lock < 0)
		return -1;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return errf(err, "%s", ui_tr(UI_M_RUN_NOT_TTY));
	/* a file that is there but is no SQLite database (the questionnaire given as --db, say):
	 * said in the session's language, before SQLite's own words */
	FILE *fp = fopen(path, "rb");
	int sqlite = 0;
	if (fp) {
		char head[16];
		size_t n = fread(head, 1, sizeof head, fp);
		fclose(fp);
		if (n > 0 && (n < sizeof head || memcmp(head, "SQLite format 3", 16) != 0))
			return errf(err, ui_tr(UI_M_RUN_NOT_SQLITE), path);
		sqlite = n > 0;
	} else if (errno != ENOENT) {
		return errf(err, ui_tr(UI_M_RUN_DB_UNREADABLE), path, ui_strerror(errno));
	}
	char why[ERR_MAX];
	if (store_open(path, STORE_CREATE | cmd_create_flags, st, why)) {
		/* a database that SQLite or the store cannot use: damaged, cut short, from another
		 * program; the interviewer can act on this sentence, `survey list` gives the detail */
		if (sqlite && (strstr(why, "truncated") || strstr(why, "malformed") ||
			       strstr(why, "not a database") || strstr(why, "damaged")))
			return errf(err, ui_tr(UI_M_RUN_DB_DAMAGED), path, path);
		return errf(err, ui_tr(UI_M_RUN_BAD_DB), why);
	}
	return 0;
}

/* What the command line (and SURVEY_INTERVIEWER) asked for. */
struct run_args {
	const char *db, *lang, *interviewer, *kit, *public_key, *form_path;
	long long max_attach;
};

/* The command line into *a: EXIT_OK, else EXIT_USAGE after one line. */
static int parse_run_args(int argc, char **argv, struct run_args *a)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "lang", required_argument, NULL, 'l' },
		{ "interviewer", required_argument, NULL, 'i' },
		{ "max-attachment", required_argument, NULL, 'M' },
		{ "kit", required_argument, NULL, 'k' },
		{ "public-key", required_argument, NULL, 'K' },
		{ 0 },
	};
	int c;
	/* every message in the UI's language: --lang's when it is ky, ru or en, else the
	 * locale's (--lang looked for first: a wrong option may come before it) */
	cmd_lang_from_args(argc, argv);
	optind = 0;
	opterr = 0;
	/* options may come after FORM (GNU permutation); ':' reports a missing value */
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': a->db = optarg; break;
		case 'l': a->lang = optarg; break;
		case 'i': a->interviewer = optarg; break;
		case 'k': a->kit = optarg; break;
		case 'K': a->public_key = optarg; break;
		case 'M':
			if (cmd_max_attachment(&cmd_run_entry, optarg, &a->max_attach) != EXIT_OK)
				return EXIT_USAGE;
			break;
		case ':':
			return cmd_usage_error(&cmd_run_entry, ui_tr(UI_M_RUN_OPT_VALUE),
					       argv[optind - 1]);
		default:
			return cmd_usage_error(&cmd_run_entry, ui_tr(UI_M_RUN_OPT_UNKNOWN),
					       argv[optind - 1]);
		}
	}
	if (argc - optind != 1 && !(a->kit && argc == optind))   /* --kit alone: the kit's form */
		return cmd_usage_error(&cmd_run_entry, "%s", ui_tr(UI_M_RUN_ONE_FORM));
	if (a->interviewer && cmd_check_name(&cmd_run_entry, "--interviewer", a->interviewer))
		return EXIT_USAGE;
	const char *env_name = getenv("SURVEY_INTERVIEWER");
	if (!a->interviewer && env_name && *env_name) {
		if (cmd_check_name(&cmd_run_entry, "SURVEY_INTERVIEWER", env_name))
			return EXIT_USAGE;
		a->interviewer = env_name;
	}
	a->form_path = argc > optind ? argv[optind] : NULL;
	return EXIT_OK;
}

/* The questionnaire (FORM, else the kit's) into *fp, with --public-key applied and --lang
 * checked against its languages: EXIT_OK, else EXIT_USER after one line (nothing kept). */
static int load_run_form(const struct run_args *a, form **fp, char *err)
{
	form *f;
	if (!a->form_path && cmd_kit_form(a->kit, &f, err))   /* issue 15 */
		return fail("%s", err);
	if (a->form_path && access(a->form_path, R_OK) != 0)
		return fail(ui_tr(UI_M_RUN_FORM_MISSING), a->form_path, ui_strerror(errno));
	if (a->form_path && form_load(a->form_path, &f, NULL, err))
		return fail(ui_tr(UI_M_RUN_BAD_FORM), err, a->form_path);
	if (a->public_key && cmd_public_key_option(a->public_key, f, err)) {
		form_free(f);
		return fail(ui_tr(UI_M_RUN_BAD_PUBKEY), err);
	}
	if (a->lang && form_find_lang(f, a->lang) < 0 && f->nlangs > 0) {
		strbuf have = STRBUF_INIT;
		for (int i = 0; i < f->nlangs; i++)
			sb_addf(&have, "%s%s", i ? ", " : "",
				f->langs[i].code ? f->langs[i].code : f->langs[i].name);
		fail(ui_tr(UI_M_RUN_NO_LANG), a->lang, sb_str(&have));
		sb_release(&have);
		form_free(f);
		return EXIT_USER;
	}
	*fp = f;
	return EXIT_OK;
}

/* The database's path (--db, else the default for F) into *out, checked not to be the
 * questionnaire, and the kit received into it: EXIT_OK, else EXIT_USER after one line. */
static int run_db_path(const struct run_args *a, const form *f, char **out, char *err)
{
	char *db_path = a->db ? xstrdup(a->db) : default_db(f->id, err);
	if (!db_path)
		return fail("%s", err);
	if (a->form_path && outfile_check("--db", db_path, "questionnaire", a->form_path, 0, err)) {
		struct stat sa, sb;   /* the usual slip, said in the session's language */
		if (stat(db_path, &sa) == 0 && stat(a->form_path, &sb) == 0 &&
		    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino)
			errf(err, ui_tr(UI_M_RUN_DB_IS_FORM), db_path);
		free(db_path);
		return fail("%s", err);
	}
	if (a->kit && cmd_receive_kit(a->kit, db_path, 1) != EXIT_OK) {   /* issue 15 */
		free(db_path);
		return EXIT_USER;
	}
	*out = db_path;
	return EXIT_OK;
}

static int cmd_run(int argc, char **argv)
{
	struct run_args a = { 0 };
	int rc = parse_run_args(argc, argv, &a);
	if (rc != EXIT_OK)
		return rc;

	char err[ERR_MAX];
	if (ui_locale_check(err))
		return fail("%s", err);

	form *f = NULL;
	if ((rc = load_run_form(&a, &f, err)) != EXIT_OK)
		return rc;
	char *db_path = NULL;
	if ((rc = run_db_path(&a, f, &db_path, err)) != EXIT_OK) {
		form_free(f);
		return rc;
	}
	char *lock_path;
	int lock;
	store *st;
	if (open_db(db_path, &lock, &lock_path, &st, err)) {
		cmd_unlock_db(lock, lock_path);
		free(db_path);
		form_free(f);
		return fail("%s", err);
	}
	ui_options o = { .st = st, .f = f, .form_path = a.form_path, .interviewer = a.interviewer,
			 .lang = a.lang, .max_attachment = a.max_attach };
	rc = ui_run(&o, err);
	store_close(st);
	cmd_unlock_db(lock, lock_path);
	if (rc == 0) {
		printf(ui_tr(UI_M_RUN_DONE), db_path);
		putchar('\n');
	}
	free(db_path);
	form_free(f);
	return rc ? fail("%s", err) : EXIT_OK;
}
