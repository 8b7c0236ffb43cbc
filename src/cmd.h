/* cmd.h: the subcommand table's entry shape, and helpers shared by the cmd_*.c files.
 * To add a command: write src/cmd_NAME.c defining `const struct cmd_entry cmd_NAME_entry`
 * with designated initialisers, declare it below, and list it in commands[] in main.c. */
#ifndef SURVEY_CMD_H
#define SURVEY_CMD_H

#include <stdio.h>

#include "util/json.h"

/* Exit statuses of the command-line contract (DESIGN.md). */
enum { EXIT_OK = 0, EXIT_USER = 1, EXIT_USAGE = 2 };

struct cmd_entry {
	const char *name;      /* the subcommand, as typed */
	const char *usage;     /* arguments after the name, one line: "FORM [--db DB]" */
	const char *summary;   /* one line for `survey --help` */
	const char *help;      /* the full help text for `survey help NAME` (options, examples) */
	/* Runs the command. argv[0] is the command name; returns an exit status (EXIT_*).
	 * main() has already answered --help; the command parses the rest. */
	int (*exec)(int argc, char **argv);
	int draws_screen;      /* 1: the command draws on the terminal itself (curses), so main()
	                        * leaves its stdout unfiltered */
	void (*help_tail)(void);   /* NULL, or prints the end of the help that is generated (tab:
	                            * its statistics, from the registry) after `help` */
};

/* Print "survey: MESSAGE" to stderr (printf-style); returns EXIT_USER. The message is always
 * one line: its controls (newlines too) and invalid UTF-8 are escaped ("\x1b"), so text from
 * a file or an argument can neither forge a line nor drive the terminal. */
int cmd_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The value of option `name` ("--lang") in argv, as "--lang X" or "--lang=X", before any "--";
 * NULL when absent. For a command that must know it before parsing the rest (the language of
 * its own refusals). */
const char *cmd_find_option(int argc, char **argv, const char *name);
/* The word before the usage line ("usage"); a command that speaks the interviewer's language
 * (run) sets its own. */
extern const char *cmd_usage_word;
/* Flags every command adds to STORE_CREATE when it may create a database: STORE_SCHEMA8 by
 * default (SURVEY_STORE_SCHEMA unset, empty or 8, read in main.c: a new file gets schema 8, an
 * existing one of schema 1..7 is migrated to it), 0 with SURVEY_STORE_SCHEMA=7 (the old
 * layout: schema 7; main.c refuses any other value in one line). */
extern int cmd_create_flags;
/* Speak the language of --lang (ky, ru or en; looked for first with cmd_find_option, so that a
 * wrong option before it is refused in that language too), else the locale's: every message,
 * and the usage word. For the commands that speak the user's language (run, list, and the
 * fieldwork commands frame, assign, kit, receive, review). */
void cmd_lang_from_args(int argc, char **argv);
/* Print "survey NAME: MESSAGE" (escaped as cmd_fail's) and "usage: survey NAME USAGE" to
 * stderr; returns EXIT_USAGE. */
int cmd_usage_error(const struct cmd_entry *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* getopt_long's answer c as the usage error it is: ':' an option without its value, anything
 * else an unknown option (argv[optind - 1] names it). Returns EXIT_USAGE. */
int cmd_bad_option(const struct cmd_entry *e, int c, char **argv);
/* The options of a command whose one option is -o/--output VALUE (keygen, pack): *value set
 * (NULL when absent); EXIT_OK, else EXIT_USAGE after the usage error ("option '-o' needs WHAT",
 * or an unknown option). optind is then the first operand. */
int cmd_only_output(const struct cmd_entry *e, int argc, char **argv, const char *what,
		    const char **value);
/* Print one line to f: fmt (without its '\n') formatted, every control in the result escaped
 * as cmd_fail's, then '\n'. For the text output of records whose fields come from files. */
void cmd_put_line(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A name given to an option (--interviewer NAME) must be one line of printable UTF-8, as the
 * engine wants text answers: 0 when it is, else EXIT_USAGE after one line on stderr. */
int cmd_check_name(const struct cmd_entry *e, const char *option, const char *value);

/* --public-key FILE (run; kit): the coordinator's public key file (NAME.pub of survey keygen)
 * read and put in f->public_key in place of the form's, so completed interviews are sealed
 * for it. 0, or -1 with one line in err (a missing file, a secret key, not a survey key). */
struct form;
int cmd_public_key_option(const char *path, struct form *f, char *err);

/* When the database at path holds sealed interviews not yet opened (schema 7), say on stderr
 * in one line how many and that the coordinator's key opens them (list, freq, tab, export,
 * report: they leave them out). Says nothing when there are none or the file cannot be read. */
void cmd_note_sealed(const char *path);

/* --max-attachment SIZE (run, merge): a size as util_parse_size reads it, from 1 byte to
 * STORE_ATTACH_HARD_MAX, into *out: EXIT_OK, else EXIT_USAGE after one line on stderr. */
int cmd_max_attachment(const struct cmd_entry *e, const char *value, long long *out);

/* The terminal's stderr unfiltered, for a progress line that rewrites itself with '\r' (its
 * text is the command's own, never data). Set by main(); NULL before. */
extern FILE *cmd_progress_stream;

/* Remove a database file a command created and must not leave behind, with its journal
 * files (-wal, -shm, -journal). */
void cmd_remove_db(const char *path);

/* The form whose sample frame a fieldwork command means (cmd_assign.c): `given` (--form) when
 * st has its frame, else the only form with a frame. *out malloc'd; -1 with err. */
struct store;
int cmd_frame_form(struct store *st, const char *given, char **out, char *err);

/* Apply the kit at kit to the laptop file db (cmd_receive.c; `survey run --kit` too): one line
 * on stdout says what it did (unless quiet); EXIT_USER after one line on
 * stderr when refused. */
int cmd_receive_kit(const char *kit, const char *db, int quiet);

/* The form a kit is for (cmd_receive.c; `survey run --kit KIT.db` without FORM), loaded from
 * the kit: 0, or -1 with one line in err (in the chosen language). */
int cmd_kit_form(const char *kit, struct form **out, char *err);

/* `survey list DB --by COLUMN` when COLUMN is a column of DB's sample frame (cmd_list_frame.c):
 * progress against the frame, text or json; -1 when no frame has the column (list goes on as
 * without a frame), else an exit status. */
int cmd_list_frame(struct store *st, const char *by, int json);

/* The advisory lock of the database db (cmd_lock.c): an flock on "DB.lock", which the kernel
 * drops when the process ends however it ends. Returns the open descriptor, or -1 with err:
 * locked_fmt (with %s, the database) when another process holds it. *lock_path is set either
 * way (for cmd_unlock_db, which also takes -1). A lock file unlinked by the previous holder
 * between our open and our flock is retried. */
int cmd_lock_db(const char *db, const char *locked_fmt, char **lock_path, char *err);
void cmd_unlock_db(int fd, char *lock_path);

/* --lang's value checked: EXIT_OK, else EXIT_USAGE after one line. */
int cmd_fw_bad_lang(const struct cmd_entry *e, const char *lang);
/* cmd_bad_option in the chosen language. */
int cmd_fw_bad_option(const struct cmd_entry *e, int c, char **argv);
/* The store's fieldwork refusal in err (store/fw_why.h) in the chosen language, in buf (or err
 * itself: English, or no refusal recorded for it). */
const char *cmd_fw_why(const char *err, char *buf, size_t size);
/* cmd_fail of cmd_fw_why's line: EXIT_USER. */
int cmd_fw_fail(const char *err);
/* The disk that holds path (a file a fieldwork command writes) is full: one line in the chosen
 * language, saying nothing was changed. EXIT_USER. */
int cmd_fw_disk_full(const char *path);
/* A fieldwork command's writes to path failed with err: cmd_fw_disk_full when the store noted
 * a full disk (store_disk_full; clear it before the writes), else cmd_fw_fail. EXIT_USER. */
int cmd_fw_write_fail(const char *path, const char *err);
/* store_open of path failed with err: a full disk, the usual causes (missing, not a database,
 * damaged) in the chosen language, else err (cmd_fw_fail). EXIT_USER. */
int cmd_open_fail(const char *path, const char *err);
/* outfile_check(opt, out, ..., in, ...) refused out with err (English): the same refusal in the
 * chosen language, what (an enum ui_msg: UI_M_F15B_WHAT_*) naming the input. EXIT_USER. */
int cmd_fw_out_fail(const char *opt, const char *out, int what, const char *in, const char *err);

/* The CSV reader's refusal p of the frame file csv (frame_rows.csv; err its English line) in
 * the chosen language, located, with "nothing was added" (cmd_frame_csv.c); err itself in
 * English. EXIT_USER. */
struct import_csv_problem;
int cmd_frame_csv_fail(const char *csv, const struct import_csv_problem *p, const char *err);

extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_freq_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_run_entry;
extern const struct cmd_entry cmd_merge_entry;
extern const struct cmd_entry cmd_pack_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_simulate_entry;
extern const struct cmd_entry cmd_tab_entry;
/* fieldwork (issue 15) */
extern const struct cmd_entry cmd_frame_entry;
extern const struct cmd_entry cmd_assign_entry;
extern const struct cmd_entry cmd_kit_entry;
extern const struct cmd_entry cmd_receive_entry;
extern const struct cmd_entry cmd_review_entry;
extern const struct cmd_entry cmd_keygen_entry;
extern const struct cmd_entry cmd_unseal_entry;

#endif
