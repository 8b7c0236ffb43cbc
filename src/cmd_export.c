/* cmd_export.c: `survey export DB --format csv|sav|dta|json -o FILE` — the completed interviews
 * of a database for Excel, R, SPSS, Stata or any JSON reader, with every label. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "export/export.h"
#include "util/outfile.h"
#include "util/util.h"

static int cmd_export(int argc, char **argv);

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.usage = "DB -o FILE [--format csv|sav|dta|json] [--lang CODE] [options]",
	.summary = "write the completed interviews as CSV, SPSS, Stata or JSON",
	.help =
	"Writes the completed interviews of DB to FILE. The questionnaire comes from\n"
	"DB itself; interviews made with several versions of it are written together,\n"
	"as the union of their questions in questionnaire order. FILE appears only\n"
	"when it is complete. FILE may not be DB (or its journal files): that is\n"
	"refused, with exit status 1.\n\n"
	"formats (--format, or the extension of FILE):\n"
	"  csv   a row per interview, a column per question ('grp/q'); select_multiple\n"
	"        as the space-separated names plus a 0/1 column per choice ('q/choice');\n"
	"        then _uuid _device _interviewer _status _start _end _version _origin\n"
	"        (field, imported, simulated; in sav/dta codes 1-3 with labels). Each\n"
	"        repeat goes to FILE-REPEAT.csv beside FILE, a row per instance, its\n"
	"        PARENT_KEY the KEY ('uuid:...') of its interview, as ODK Central does.\n"
	"        Don't know and refused are '.d' and '.r'. UTF-8 without a byte order\n"
	"        mark (--bom adds one for Excel). A cell that begins with =, +, -, @, a\n"
	"        tab or a CR and is not a number (-5 stays -5) gets a leading ', so that\n"
	"        Excel and LibreOffice show it as text instead of running it as a formula\n"
	"        (=HYPERLINK(...), =cmd|...); --raw writes cells exactly as stored.\n"
	"        Files attached to answers (image, audio, video, file) go into the folder\n"
	"        FILE-media beside FILE (FILE without its extension), each under its own\n"
	"        name, which is the cell's value; another file of the same name becomes\n"
	"        NAME-2.EXT (as ODK Briefcase does). Every format writes them.\n"
	"  sav   SPSS and Stata: variable labels from the questions, value labels from\n"
	"  dta   the choices, in --lang; dates as dates (SPSS DATE, DATETIME; Stata %td,\n"
	"        %tc). select_one keeps numeric choice names as its codes, otherwise\n"
	"        codes 1..K with the names listed in the file's notes (SPSS: DISPLAY\n"
	"        DOCUMENTS; Stata: notes). Don't know and refused: SPSS declared missing\n"
	"        values -98 and -99 (-998 and -999 when a real value is -98 or -99),\n"
	"        Stata extended missing values .d and .r, both with value labels; '.d'\n"
	"        and '.r' in text variables. Names: SPSS at most 64 bytes, Stata 32\n"
	"        characters, Cyrillic transliterated, made unique. Repeats go to\n"
	"        FILE-REPEAT.sav or .dta, as for CSV.\n"
	"  json  one document: the form (versions, languages, questions, choices) and\n"
	"        every interview with its metadata and all its answers and their states.\n\n"
	"options:\n"
	"  -o, --output FILE  the file to write\n"
	"  --format FORMAT    csv, sav, dta or json\n"
	"  --lang CODE        language of the labels (ky, ru, en); default: the form's\n"
	"  --labels           CSV: choice labels, and words for don't know and refused\n"
	"  --bom              CSV: start with a UTF-8 byte order mark (Excel on Windows)\n"
	"  --raw              CSV: no ' before formula-like cells (for programs, not\n"
	"                     spreadsheets)\n"
	"  --form ID          which form, when DB holds interviews of several\n\n"
	"examples:\n"
	"  survey export merged.db -o lsg.sav --lang ky\n"
	"  survey export merged.db -o lsg.csv --labels --lang ru --bom\n",
	.exec = cmd_export,
};

/* The format named by FILE's extension, or -1. */
static int format_of_path(const char *path, export_format *out)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return -1;
	return export_format_parse(dot + 1, out);
}

static int cmd_export(int argc, char **argv)
{
	enum { O_FORMAT = 256, O_LANG, O_LABELS, O_BOM, O_FORM, O_RAW };
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "lang", required_argument, NULL, O_LANG },
		{ "labels", no_argument, NULL, O_LABELS },
		{ "bom", no_argument, NULL, O_BOM },
		{ "raw", no_argument, NULL, O_RAW },
		{ "form", required_argument, NULL, O_FORM },
		{ 0 },
	};
	export_opts o = { 0 };
	const char *format = NULL;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
		switch (c) {
		case 'o': o.path = optarg; break;
		case O_FORMAT: format = optarg; break;
		case O_LANG: o.lang = optarg; break;
		case O_LABELS: o.labels = 1; break;
		case O_BOM: o.bom = 1; break;
		case O_RAW: o.raw = 1; break;
		case O_FORM: o.form_id = optarg; break;
		default:
			return cmd_bad_option(&cmd_export_entry, c, argv);
		}
	}
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_export_entry, "expected one database file");
	if (!o.path)
		return cmd_usage_error(&cmd_export_entry, "expected -o FILE");
	char err[ERR_MAX];
	if (outfile_check("-o", o.path, "input database", argv[optind], OUTFILE_DB, err))
		return cmd_fail("%s", err);
	if (format) {
		if (export_format_parse(format, &o.format))
			return cmd_usage_error(&cmd_export_entry,
					       "unknown format '%s' (csv, sav, dta or json)", format);
	} else if (format_of_path(o.path, &o.format)) {
		return cmd_usage_error(&cmd_export_entry, "cannot tell the format of '%s': "
				       "give --format csv|sav|dta|json", o.path);
	}
	if ((o.labels || o.bom || o.raw) && o.format != EXPORT_CSV)
		return cmd_usage_error(&cmd_export_entry, "--labels, --bom and --raw are for CSV only");
	store *st;
	if (store_open(argv[optind], STORE_READONLY, &st, err))
		return cmd_fail("%s", err);
	cmd_note_sealed(argv[optind]);
	export_summary sum;
	int rc = export_run(st, &o, &sum, err);
	store_close(st);
	if (rc)
		return cmd_fail("%s", err);
	strbuf line = STRBUF_INIT;
	sb_addf(&line, "exported %lld interview%s (%d form version%s) to", sum.interviews,
		sum.interviews == 1 ? "" : "s", sum.nversions, sum.nversions == 1 ? "" : "s");
	for (int i = 0; i < sum.nfiles; i++)
		sb_addf(&line, "%s '%s'", i ? "," : "", sum.files[i]);
	cmd_put_line(stdout, "%s", sb_str(&line));
	sb_release(&line);
	if (sum.media_dir)
		cmd_put_line(stdout, "wrote %lld attached file%s into '%s'", sum.media_files,
			     sum.media_files == 1 ? "" : "s", sum.media_dir);
	if (sum.media_missing)
		cmd_put_line(stderr, "survey: warning: %lld answer%s name%s a file the database "
			     "does not hold (imported without its file): the cell keeps the name",
			     sum.media_missing, sum.media_missing == 1 ? "" : "s",
			     sum.media_missing == 1 ? "s" : "");
	export_summary_release(&sum);
	return EXIT_OK;
}
