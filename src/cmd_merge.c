/* cmd_merge.c: `survey merge -o OUT IN... [--json] [--key Q,...]` — laptop files into one
 * coordinator file, with a report per input (text or one JSON document). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store/merge.h"
#include "store/store.h"
#include "util/json.h"
#include "util/outfile.h"
#include "util/sealbox.h"
#include "util/util.h"

static int cmd_merge(int argc, char **argv);

const struct cmd_entry cmd_merge_entry = {
	.name = "merge",
	.usage = "-o OUT IN... [--json] [--key QUESTION,...]... [--allow-simulated]\n"
		 "       [--max-attachment SIZE] [--secret-key SECRET]",
	.summary = "merge laptop files into one coordinator file, keeping conflicts",
	.help = "Merges each IN (a laptop's database, best made with 'survey pack') into OUT,\n"
		"which is created or, when it exists, updated. Each input is read-only, checked\n"
		"whole (integrity, schema, content hashes) and applied in one transaction: a bad\n"
		"input is refused with one line and the others are merged. The same interview\n"
		"from two files: a version that continues the stored one replaces it; when\n"
		"neither continues the other one wins by a fixed rule and the other is kept\n"
		"whole in the table 'conflicts'. Merging files again, or in another order, gives\n"
		"the same interviews. Different interviews with the same answers to the key\n"
		"questions are reported as likely duplicates (never merged); two files from one\n"
		"device whose interviews diverge are reported as a cloned laptop.\n\n"
		"options:\n"
		"  -o OUT           the coordinator's file (created if absent); not one of the\n"
		"                   inputs (refused before anything is opened, exit status 1)\n"
		"  --key Q1,Q2      key questions for likely duplicates, also as --key Q1\n"
		"                   --key Q2 (default: the column key_questions of the\n"
		"                   form's settings sheet)\n"
		"  --json           one JSON document on stdout\n"
		"  --allow-simulated  let simulated interviews ('survey simulate') and real ones\n"
		"                   (field, imported) be merged into one file; without it an\n"
		"                   input that would mix them is refused\n"
		"  --max-attachment SIZE  the largest attached file (photo, sound, video) an\n"
		"                   input may hold, as 500K, 20M (default) or 64M at most; an\n"
		"                   input with a larger one is refused\n"
		"  --secret-key SECRET  then open the sealed interviews of OUT with the\n"
		"                   coordinator's secret key, as 'survey unseal OUT --key SECRET'\n"
		"                   (sealed interviews travel through merge as they are; without\n"
		"                   the key they are counted, on stderr, and left sealed)\n\n"
		"exit status: 0 all merged, 1 an input was refused (the others are merged),\n"
		"2 bad arguments.\n\n"
		"example:\n  survey merge -o all.db stick1/laptop3.db stick2/*.db --key municipality\n",
	.exec = cmd_merge,
};

struct totals {
	int inputs, merged, rejected, twice;
	long long new_, identical, updated, outdated, conflicting, dups;
};

static void add_totals(struct totals *t, const merge_result *r)
{
	t->inputs++;
	if (r->rejected) {
		t->rejected++;
		return;
	}
	t->merged++;
	t->twice += r->twice;
	t->new_ += r->new_;
	t->identical += r->identical;
	t->updated += r->updated;
	t->outdated += r->outdated;
	t->conflicting += r->conflicting;
	t->dups += r->ndups;
}

static void print_text_input(const merge_result *r)
{
	if (r->rejected)
		return;   /* its one line is on stderr */
	if (r->twice) {
		cmd_put_line(stdout, "'%s': given twice, merged once", r->path);
		return;
	}
	cmd_put_line(stdout, "'%s' (device %.8s, sha256 %.12s): %s%d interviews: %d new, "
		     "%d identical, %d updated, %d outdated, %d conflicting", r->path, r->device_id,
		     r->sha256, r->already ? "already merged, not read again: " : "",
		     r->interviews, r->new_, r->identical, r->updated, r->outdated, r->conflicting);
	for (int i = 0; i < r->ndups; i++)
		cmd_put_line(stdout, "  likely duplicate: %s and %s (%s)", r->dups[i].uuid,
			     r->dups[i].other, r->dups[i].keys);
}

/* The counts of one input, or of all: after "interviews" or "inputs" ... "given_twice". */
static const char *const count_keys[] = { "new", "identical", "updated", "outdated",
					  "conflicting" };

static void print_json_input(json_w *w, const merge_result *r)
{
	jw_break(w, "\n  ");
	jw_obj(w);
	const char *const sk[] = { "path", "sha256", "device" };
	const char *const sv[] = { r->path, r->sha256[0] ? r->sha256 : NULL,
				   r->device_id[0] ? r->device_id : NULL };
	jw_kstrs(w, sk, sv, 3);
	jw_kint(w, "interviews", r->interviews);
	const long long n[] = { r->new_, r->identical, r->updated, r->outdated, r->conflicting };
	jw_kints(w, count_keys, n, 5);
	jw_kbool(w, "given_twice", r->twice);
	jw_kbool(w, "already_merged", r->already);
	jw_kstr(w, "rejected", r->rejected);
	jw_key(w, "duplicates");
	jw_arr(w);
	for (int i = 0; i < r->ndups; i++) {
		const char *const dk[] = { "uuid", "other", "keys" };
		const char *const dv[] = { r->dups[i].uuid, r->dups[i].other, r->dups[i].keys };
		jw_obj(w);
		jw_kstrs(w, dk, dv, 3);
		jw_end(w);
	}
	jw_end(w);
	jw_end(w);
}

/* The end of the JSON document: the totals, whether the output was made, the cloned laptops. */
static void print_json_summary(json_w *w, const struct totals *t, long long ivs,
			       long long conflicts, int none, int keys, const merge_clone *cl,
			       int ncl)
{
	jw_end(w);   /* the inputs */
	jw_break(w, "\n ");
	jw_key(w, "totals");
	jw_obj(w);
	const char *const ik[] = { "inputs", "merged", "rejected", "given_twice" };
	const long long iv[] = { t->inputs, t->merged, t->rejected, t->twice };
	jw_kints(w, ik, iv, 4);
	const long long n[] = { t->new_, t->identical, t->updated, t->outdated, t->conflicting };
	jw_kints(w, count_keys, n, 5);
	jw_kint(w, "duplicates", t->dups);
	jw_kint(w, "output_interviews", ivs);
	jw_kint(w, "output_conflicts", conflicts);
	jw_end(w);
	jw_break(w, "\n ");
	jw_kbool(w, "output_created", !none);
	jw_break(w, "\n ");
	jw_kbool(w, "key_questions", keys);
	jw_break(w, "\n ");
	jw_key(w, "cloned_devices");
	jw_arr(w);
	for (int i = 0; i < ncl; i++) {
		const char *k[] = { "device", "a", "b", "sha256_a", "sha256_b" };
		const char *v[] = { cl[i].device_id, cl[i].path_a, cl[i].path_b, cl[i].sha_a,
				    cl[i].sha_b };
		jw_break(w, "\n  ");
		jw_obj(w);
		jw_kstrs(w, k, v, 5);
		jw_end(w);
	}
	if (ncl)
		jw_break(w, "\n ");
	jw_end(w);
	jw_end(w);
	fputc('\n', stdout);
}

static void free_keys(char **keys, int n)
{
	strv_free(keys, n);
}

/* The questions of one --key ("a,b") added to *keys: every --key counts, in order. */
static void add_keys(const char *list, char ***keys, int *n)
{
	char *copy = xstrdup(list), *save = NULL;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ')
			t++;
		size_t len = strlen(t);
		while (len && t[len - 1] == ' ')
			t[--len] = 0;
		if (!*t)
			continue;
		*keys = xreallocarray(*keys, (size_t)*n + 1, sizeof **keys);
		(*keys)[(*n)++] = xstrdup(t);
	}
	free(copy);
}

static void print_summary(merge *m, const struct totals *t, const char *out, json_w *json)
{
	long long ivs = -1, conflicts = -1;
	char err[ERR_MAX];
	int none = merge_counts(m, &ivs, &conflicts, err) == 1;   /* no output was made */
	merge_clone *cl = NULL;
	int ncl = 0;
	if (merge_clones(m, &cl, &ncl, err))
		cmd_fail("%s", err);
	int keys = merge_has_keys(m);
	if (json) {
		print_json_summary(json, t, ivs, conflicts, none, keys, cl, ncl);
	} else {
		for (int i = 0; i < ncl; i++)
			cmd_put_line(stdout, "cloned laptop: device %s: '%s' and '%s' each hold "
				     "interviews the other lacks or conflicting edits", cl[i].device_id,
				     cl[i].path_a, cl[i].path_b);
		if (!keys && t->merged)   /* nothing merged: nothing to check, whatever the keys */
			printf("likely duplicates not checked: no key questions (give --key QUESTION "
			       "or key_questions in the form's settings)\n");
		printf("total: %d input%s merged, %d rejected: %lld new, %lld identical, %lld "
		       "updated, %lld outdated, %lld conflicting, %lld likely duplicate%s\n",
		       t->merged, t->merged == 1 ? "" : "s", t->rejected, t->new_, t->identical,
		       t->updated, t->outdated, t->conflicting, t->dups, t->dups == 1 ? "" : "s");
		if (none)
			cmd_put_line(stdout, "'%s' was not created: no input could be merged", out);
		else
			cmd_put_line(stdout, "'%s' holds %lld interviews and %lld conflicting versions",
				     out, ivs, conflicts);
		if (t->rejected && t->merged)
			cmd_put_line(stdout, "%d input%s rejected; the others are merged into '%s'",
				     t->rejected, t->rejected == 1 ? "" : "s", out);
	}
	merge_clones_free(cl, ncl);
}

/* What the command line asked for. */
struct merge_args {
	const char *secret, *out;
	int json, nkeys, allow_sim;
	long long max_attach;
	char **keys;
};

/* The options into *a, leaving optind at the first input: EXIT_OK, else EXIT_USAGE after one
 * line (a->keys then freed). */
static int parse_merge_args(int argc, char **argv, struct merge_args *a)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "key", required_argument, NULL, 'k' },
		{ "output", required_argument, NULL, 'o' },
		{ "allow-simulated", no_argument, NULL, 'S' },
		{ "max-attachment", required_argument, NULL, 'M' },
		{ "secret-key", required_argument, NULL, 'U' },
		{ 0 }
	};
	int c, rc;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		if (c == 'j') {
			a->json = 1;
		} else if (c == 'o') {
			a->out = optarg;
		} else if (c == 'S') {
			a->allow_sim = 1;
		} else if (c == 'U') {
			a->secret = optarg;
		} else if (c == 'M') {
			if ((rc = cmd_max_attachment(&cmd_merge_entry, optarg, &a->max_attach)) !=
			    EXIT_OK)
				goto refused;
		} else if (c == 'k') {
			add_keys(optarg, &a->keys, &a->nkeys);
		} else {
			if (c == ':' || (c == '?' && optopt))
				rc = cmd_usage_error(&cmd_merge_entry, "option '%s' needs a value",
						     argv[optind - 1]);
			else
				rc = cmd_usage_error(&cmd_merge_entry, "unknown option '%s'",
						     argv[optind - 1]);
			goto refused;
		}
	}
	return EXIT_OK;
refused:
	free_keys(a->keys, a->nkeys);
	a->keys = NULL;
	a->nkeys = 0;
	return rc;
}

/* Everything checked before OUT is opened (so it stays as it was on a refusal): OUT is none of
 * the inputs, each key a question of the output's or an input's questionnaires, the secret key
 * readable. EXIT_OK, else the exit code after one line. */
static int check_merge_inputs(const struct merge_args *a, int argc, char **argv, char *err)
{
	if (!a->out || optind >= argc)
		return cmd_usage_error(&cmd_merge_entry, !a->out ? "expected -o OUT" :
				       "expected at least one input file");
	for (int i = optind; i < argc; i++)
		if (outfile_check("-o", a->out, "input", argv[i], OUTFILE_DB, err))
			return cmd_fail("%s", err);
	int rc = EXIT_OK;
	const char **files = xcalloc((size_t)(argc - optind + 1), sizeof *files);
	files[0] = a->out;
	memcpy(files + 1, argv + optind, sizeof *files * (size_t)(argc - optind));
	for (int i = 0; i < a->nkeys && rc == EXIT_OK; i++)
		if (store_question_known(files, argc - optind + 1, a->keys[i], NULL, err))
			rc = cmd_fail("--key: %s", err);
	free(files);
	sealbox_key sk;
	if (rc == EXIT_OK && a->secret && sealbox_read_secret(a->secret, &sk, err))
		rc = cmd_fail("--secret-key: %s", err);
	if (a->secret)
		sealbox_key_wipe(&sk);
	return rc;
}

/* Each input merged in turn and reported (as text, or into the JSON document W when JSON);
 * their counts added to *t. EXIT_OK, else EXIT_USER when an input was rejected. */
static int merge_inputs(merge *m, const struct merge_args *a, int argc, char **argv,
			json_w *w, struct totals *t)
{
	int rc = EXIT_OK;
	if (a->json) {
		jw_init(w, stdout, 1);
		jw_obj(w);
		jw_key(w, "output");
		jw_str(w, a->out);
		jw_break(w, "\n ");
		jw_key(w, "inputs");
		jw_arr(w);
	}
	merge_prefetch(m, argv[optind]);
	for (int i = optind; i < argc; i++) {
		merge_result r;
		if (i + 1 < argc)   /* check the next input while this one is copied */
			merge_prefetch(m, argv[i + 1]);
		if (merge_input(m, argv[i], &r)) {
			cmd_fail("%s", r.rejected);
			rc = EXIT_USER;
		}
		add_totals(t, &r);
		if (a->json)
			print_json_input(w, &r);
		else
			print_text_input(&r);
		fflush(stdout);
		merge_result_release(&r);
	}
	return rc;
}

/* After a merge that took something: the output unsealed with --secret-key, else a note when
 * it holds sealed interviews. EXIT_OK, else EXIT_USER after one line. */
static int unseal_merged(const struct merge_args *a, const struct totals *t, char *err)
{
	if (t->merged && a->secret) {
		store_unseal_result u;
		if (store_unseal(a->out, a->secret, &u, err))
			return cmd_fail("%s", err);
		if (!a->json)
			cmd_put_line(stdout, "unsealed %d interview%s of '%s' (%d sealed, %d opened "
				     "before)", u.opened, u.opened == 1 ? "" : "s", a->out, u.sealed,
				     u.already);
	} else if (t->merged)
		cmd_note_sealed(a->out);
	return EXIT_OK;
}

static int cmd_merge(int argc, char **argv)
{
	struct merge_args a = { 0 };
	int rc = parse_merge_args(argc, argv, &a);
	if (rc != EXIT_OK)
		return rc;
	merge *m = NULL;
	char err[ERR_MAX];
	if ((rc = check_merge_inputs(&a, argc, argv, err)) != EXIT_OK)
		goto done;
	if (merge_open(a.out, (const char *const *)a.keys, a.nkeys, cmd_create_flags, &m, err)) {
		rc = cmd_fail("%s", err);
		goto done;
	}
	merge_allow_simulated(m, a.allow_sim);
	merge_max_attachment(m, a.max_attach);
	struct totals t = { 0 };
	json_w w;
	rc = merge_inputs(m, &a, argc, argv, &w, &t);
	print_summary(m, &t, a.out, a.json ? &w : NULL);
	merge_close(m);
	m = NULL;
	if (unseal_merged(&a, &t, err) != EXIT_OK)
		rc = EXIT_USER;
done:
	merge_close(m);
	free_keys(a.keys, a.nkeys);
	return rc;
}
