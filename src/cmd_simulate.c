/* cmd_simulate.c: `survey simulate FORM -n N --db DB [--seed S] [--devices K]` — fill a
 * database with random valid interviews made through the interview engine. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "form/form.h"
#include "interview/simulate.h"
#include "store/store.h"
#include "util/outfile.h"
#include "util/util.h"

static int cmd_simulate(int argc, char **argv);

const struct cmd_entry cmd_simulate_entry = {
	.name = "simulate",
	.usage = "FORM -n N --db DB [--seed S] [--devices K] [--interviewer NAME]\n"
		 "       [--public-key FILE] [--batch B]",
	.summary = "fill a database with random valid interviews (demonstrations, tests, benchmarks)",
	.help = "Runs N interviews of FORM through the same engine as `survey run`, answering\n"
		"at random but validly: relevance, constraints (values are drawn again until\n"
		"they hold), choice filters and repeats are respected; about 2% of answers are\n"
		"don't know or refused and about 5% of interviews are left as drafts. Texts are\n"
		"Kyrgyz or Russian words, dates fall in 2020-2021. The same seed gives the same\n"
		"interviews, UUIDs and times. Every interview is marked simulated (its origin):\n"
		"list and export show it, freq, tab and report say it, merge keeps such\n"
		"interviews out of files of real ones (unless --allow-simulated).\n\n"
		"options:\n"
		"  -n N              interviews to make\n"
		"  --db DB           the database (created if absent); with \"%d\" in it, one file\n"
		"                    per device: --db laptop%d.db --devices 3. It may not be\n"
		"                    FORM (refused, exit status 1)\n"
		"  --seed S          the random seed (default 1)\n"
		"  --devices K       spread the interviews over K device ids (default 1); each\n"
		"                    file's device (with one file, the first) is the file's own,\n"
		"                    so interviews corrected on it later merge as updates\n"
		"  --interviewer NAME  every interview by NAME (default: a name per device)\n"
		"  --drafts P        the share left as drafts, 0..1 (default 0.05)\n"
		"  --specials P      the share of don't know/refused answers, 0..1 (default 0.02)\n"
		"  --flag NAME       make some interviews that 'survey review' flags, for\n"
		"                    demonstrations (repeatable): too-fast, straight-line (the\n"
		"                    first choice everywhere), night (23:00 in Kyrgyzstan),\n"
		"                    dont-know (40% don't know/refused)\n"
		"  --flagged P       the share of interviews so made, 0..1 (default 0.2)\n"
		"  --quiet           no progress on stderr\n"
		"  --public-key FILE  seal each completed interview for this coordinator key, as\n"
		"                    a form with public_key does (survey keygen)\n"
		"  --batch B         interviews per transaction (default 1000; 1: each on its own,\n"
		"                    as on a laptop)\n\n"
		"example:\n  survey simulate surveys/covid19-lsg.md -n 1000 --db demo.db --seed 7\n",
	.exec = cmd_simulate,
};

struct progress {
	struct timespec t0;
	int tty;
};

static double elapsed(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void show_progress(void *arg, long done, long total)
{
	struct progress *p = arg;
	if (!p->tty)
		return;
	double s = elapsed(&p->t0);
	fprintf(cmd_progress_stream, "\rsurvey simulate: %ld/%ld interviews, %.0f per second ", done, total,
		s > 0 ? (double)done / s : 0.0);
}

static int parse_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

static int parse_share(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);
	if (!*s || *end || !(v >= 0 && v <= 1))
		return -1;
	*out = v;
	return 0;
}

/* Does the path hold exactly one "%d" and no other conversion? */
static int one_percent_d(const char *s)
{
	int n = 0;
	for (const char *p = s; (p = strchr(p, '%')); p += 2) {
		if (p[1] != 'd')
			return -1;
		n++;
	}
	return n;
}

/* What the command line asked for. */
struct sim_args {
	simulate_opts o;
	const char *db, *public_key, *formpath;
	int quiet, per_device;
};

/* --flag NAME: add its bit to *flags; EXIT_OK, else EXIT_USAGE after one line. */
static int parse_flag_name(const struct cmd_entry *me, const char *name, unsigned *flags)
{
	static const struct { const char *name; unsigned bit; } flag_names[] = {
		{ "too-fast", SIM_FLAG_TOO_FAST }, { "straight-line", SIM_FLAG_STRAIGHT_LINE },
		{ "night", SIM_FLAG_NIGHT }, { "dont-know", SIM_FLAG_DONT_KNOW },
	};
	size_t k = 0, nf = sizeof flag_names / sizeof flag_names[0];
	while (k < nf && strcmp(flag_names[k].name, name))
		k++;
	if (k == nf)
		return cmd_usage_error(me, "unknown --flag '%s' (too-fast, straight-line, "
				       "night or dont-know)", name);
	*flags |= flag_names[k].bit;
	return EXIT_OK;
}

/* OPT's argument, a share 0..1, into *out: EXIT_OK, else EXIT_USAGE after one line. */
static int share_arg(const struct cmd_entry *me, const char *opt, double *out)
{
	if (parse_share(optarg, out))
		return cmd_usage_error(me, "%s wants a share 0..1, not '%s'", opt, optarg);
	return EXIT_OK;
}

/* OPT's argument, a whole number lo..hi, into *out: EXIT_OK, else EXIT_USAGE after one line. */
static int range_arg(const struct cmd_entry *me, const char *opt, long lo, long hi, int *out)
{
	long v;
	if (parse_long(optarg, lo, hi, &v))
		return cmd_usage_error(me, "%s wants %ld..%ld, not '%s'", opt, lo, hi, optarg);
	*out = (int)v;
	return EXIT_OK;
}

/* The options that take a number (-n, --seed, --devices, --batch and the shares) into *o:
 * EXIT_OK, EXIT_USAGE after one line, or -1 when C is not one of them. */
static int parse_sim_number(const struct cmd_entry *me, int c, simulate_opts *o)
{
	long v;
	char *end;
	switch (c) {
	case 'n':
		if (parse_long(optarg, 0, 100000000, &v))
			return cmd_usage_error(me, "-n wants a number of interviews, not '%s'",
					       optarg);
		o->n = v;
		return EXIT_OK;
	case 's':
		o->seed = strtoull(optarg, &end, 10);
		if (!*optarg || *end || optarg[0] == '-')
			return cmd_usage_error(me, "--seed wants a number, not '%s'", optarg);
		return EXIT_OK;
	case 'k':
		return range_arg(me, "--devices", 1, 10000, &o->ndevices);
	case 'B':
		return range_arg(me, "--batch", 1, 1000000, &o->batch);
	case 'D':
		return share_arg(me, "--drafts", &o->draft_rate);
	case 'S':
		return share_arg(me, "--specials", &o->special_rate);
	case 'P':
		return share_arg(me, "--flagged", &o->flag_rate);
	default:
		return -1;
	}
}

/* One option C with its optarg into *a: EXIT_OK, else EXIT_USAGE after one line. */
static int parse_sim_option(const struct cmd_entry *me, int c, char **argv, struct sim_args *a)
{
	int rc = parse_sim_number(me, c, &a->o);
	if (rc != -1)
		return rc;
	switch (c) {
	case 'd':
		a->db = optarg;
		return EXIT_OK;
	case 'i':
		if (cmd_check_name(me, "--interviewer", optarg))
			return EXIT_USAGE;
		a->o.interviewer = optarg;
		return EXIT_OK;
	case 'F':
		return parse_flag_name(me, optarg, &a->o.flags);
	case 'q':
		a->quiet = 1;
		return EXIT_OK;
	case 'K':
		a->public_key = optarg;
		return EXIT_OK;
	default:
		return cmd_bad_option(me, c, argv);
	}
}

/* The whole command line into *a: EXIT_OK, else EXIT_USAGE after one line. */
static int parse_sim_args(const struct cmd_entry *me, int argc, char **argv, struct sim_args *a)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "seed", required_argument, NULL, 's' },
		{ "devices", required_argument, NULL, 'k' },
		{ "interviewer", required_argument, NULL, 'i' },
		{ "drafts", required_argument, NULL, 'D' },
		{ "specials", required_argument, NULL, 'S' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "flag", required_argument, NULL, 'F' },
		{ "flagged", required_argument, NULL, 'P' },
		{ "public-key", required_argument, NULL, 'K' },
		{ "batch", required_argument, NULL, 'B' },
		{ 0 },
	};
	int c, rc;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "n:", opts, NULL)) != -1)
		if ((rc = parse_sim_option(me, c, argv, a)) != EXIT_OK)
			return rc;
	if (argc - optind != 1)
		return cmd_usage_error(me, "expected one questionnaire file");
	if (a->o.n < 0)
		return cmd_usage_error(me, "-n N is required");
	if (!a->db)
		return cmd_usage_error(me, "--db DB is required");
	a->per_device = one_percent_d(a->db);
	if (a->per_device < 0 || a->per_device > 1)
		return cmd_usage_error(me, "--db may hold one \"%%d\" (the device number) and no other '%%'");
	a->formpath = argv[optind];
	a->o.source_path = a->formpath;
	return EXIT_OK;
}

/* Every output database path checked before anything is written: EXIT_OK, else EXIT_USER. */
static int check_sim_outputs(const struct sim_args *a, int nstores, char *err)
{
	for (int i = 0; i < nstores; i++) {
		char *path = a->per_device ? xasprintf(a->db, i + 1) : xstrdup(a->db);
		int bad = outfile_check("--db", path, "questionnaire", a->formpath, 0, err);
		free(path);
		if (bad)
			return cmd_fail("%s", err);
	}
	return EXIT_OK;
}

/* Opens (creating) the NSTORES databases into STORES: EXIT_OK, else EXIT_USER (the ones
 * opened before the failure stay in STORES for the caller to close). */
static int open_sim_stores(const struct sim_args *a, store **stores, int nstores, char *err)
{
	int rc = EXIT_OK;
	for (int i = 0; i < nstores; i++) {
		char *path = a->per_device ? xasprintf(a->db, i + 1) : xstrdup(a->db);
		if (store_open(path, STORE_CREATE | cmd_create_flags, &stores[i], err))
			rc = cmd_fail("%s", err);
		free(path);
		if (rc)
			break;
	}
	return rc;
}

static void report_sim(const simulate_stats *stats, double secs)
{
	fprintf(stderr, "survey simulate: %ld interviews (%ld complete, %ld drafts), %ld answers "
		"in %.1f s, %.0f interviews per second\n", stats->interviews, stats->completed,
		stats->interviews - stats->completed, stats->answers, secs,
		secs > 0 ? (double)stats->interviews / secs : 0.0);
}

static int cmd_simulate(int argc, char **argv)
{
	struct sim_args a = { .o = { .n = -1, .seed = 1, .ndevices = 1, .draft_rate = 0.05,
				     .special_rate = 0.02, .flag_rate = 0.2 } };
	int rc = parse_sim_args(&cmd_simulate_entry, argc, argv, &a);
	if (rc != EXIT_OK)
		return rc;
	simulate_opts *o = &a.o;
	const char *formpath = a.formpath;

	char err[ERR_MAX];
	int nstores = a.per_device ? o->ndevices : 1;
	if ((rc = check_sim_outputs(&a, nstores, err)) != EXIT_OK)
		return rc;
	form *f;
	if (form_load(formpath, &f, NULL, err))
		return cmd_fail("%s; run 'survey check %s' for details", err, formpath);
	if (a.public_key && cmd_public_key_option(a.public_key, f, err)) {
		form_free(f);
		return cmd_fail("--public-key: %s", err);
	}
	store **stores = xcalloc((size_t)nstores, sizeof *stores);
	rc = open_sim_stores(&a, stores, nstores, err);
	struct progress pr = { .tty = !a.quiet && isatty(2) };
	clock_gettime(CLOCK_MONOTONIC, &pr.t0);
	o->progress = show_progress;
	o->progress_arg = &pr;
	simulate_stats stats;
	if (rc == EXIT_OK && simulate_run(stores, nstores, f, o, &stats, err))
		rc = cmd_fail("simulate: %s", err);
	double secs = elapsed(&pr.t0);
	if (pr.tty)
		fputc('\n', cmd_progress_stream);
	if (rc == EXIT_OK && !a.quiet)
		report_sim(&stats, secs);
	for (int i = 0; i < nstores; i++)
		store_close(stores[i]);
	free(stores);
	form_free(f);
	return rc;
}
