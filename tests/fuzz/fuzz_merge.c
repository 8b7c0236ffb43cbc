/* fuzz_merge.c: libFuzzer harness for `survey merge` inputs: each input is written to a private
 * file and merged into a copy of a base output (one simulated laptop, merged once, so inputs
 * with the same interviews reach merge_version), then the merge contract is checked:
 *   - rejected: one line why; the output byte-identical to before;
 *   - merged: the output passes PRAGMA integrity_check and foreign_key_check, its interview
 *     tables hold values of their columns' types, the counts add up, and the output is itself
 *     accepted as a merge input (it can go on to a national file);
 *   - either way: the input's bytes unchanged, no -wal/-shm/-journal left beside the input or
 *     the output.
 * A broken contract aborts with "fuzz_merge: ..." first. FUZZ_MERGE_SKIP (comma-separated)
 * turns named checks off, to look past a known defect: header (a rejected input may change the
 * output's change counter, header bytes 24-27 and 92-95), oneline (the reason may span lines),
 * sidecar, fkey, types, remerge. FUZZ_MERGE_VERBOSE=1 says what became of each input.
 * FUZZ_MERGE_SCHEMA=8 makes the base laptop and every output of schema 8 (records): a schema-8
 * input is then checked from its records (merge_src_rows.c), an older one gets records built;
 * unset or 7, both are of schema 7, as before.
 * Build and run: see the Makefile (make fuzz) and tests/fuzz/make-merge-corpus.sh (seeds). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "form/form.h"
#include "interview/simulate.h"
#include "merge_form.h"
#include "merge_mutate.h"
#include "interview/form_ops.h"
#include "store/merge.h"
#include "store/store.h"
#include "util/util.h"

static char *dir, *form_path, *in_path, *out_path, *again_path;
static unsigned char *base;   /* the output before each merge */
static size_t base_len;

static void cleanup(void);

/* STORE_SCHEMA8 under FUZZ_MERGE_SCHEMA=8, else 0: the base laptop's and the outputs' layout. */
static int schema_flags(void)
{
	const char *v = getenv("FUZZ_MERGE_SCHEMA");
	return v && strcmp(v, "8") == 0 ? STORE_SCHEMA8 : 0;
}

static void broken(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_merge: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	cleanup();
	abort();
}

static int skipped(const char *check)
{
	const char *s = getenv("FUZZ_MERGE_SKIP");
	size_t n = strlen(check);
	for (const char *p = s; p && (p = strstr(p, check)); p += n)
		if ((p == s || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
			return 1;
	return 0;
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		broken("cannot write the harness's files", strerror(errno));
}

static int sidecar_exists(const char *path)
{
	static const char *const ext[] = { "-journal", "-wal", "-shm" };
	for (int i = 0; i < 3; i++) {
		char *p = xasprintf("%s%s", path, ext[i]);
		int there = access(p, F_OK) == 0;
		free(p);
		if (there)
			return 1;
	}
	return 0;
}

static void remove_db(const char *path)
{
	static const char *const ext[] = { "", "-journal", "-wal", "-shm" };
	for (int i = 0; i < 4; i++) {
		char *p = xasprintf("%s%s", path, ext[i]);
		unlink(p);
		free(p);
	}
}

static void cleanup(void)
{
	if (!dir || !again_path)   /* not made yet, or cleaned already */
		return;
	remove_db(in_path);
	remove_db(out_path);
	remove_db(again_path);
	unlink(form_path);
	rmdir(dir);
	free(dir);
	free(form_path);
	free(in_path);
	free(out_path);
	free(again_path);
	free(base);
	dir = NULL;
}

/* One simulated laptop (the seed corpus's base laptop), merged into a new output. */
static void make_base(void)
{
	char err[ERR_MAX];
	char *laptop = xasprintf("%s/laptop.db", dir);
	write_file(form_path, merge_form_md, sizeof merge_form_md - 1);
	form *f;
	store *st;
	if (form_load(form_path, &f, NULL, err) || store_open(laptop, STORE_CREATE | schema_flags(), &st, err))
		broken("cannot make the base laptop", err);
	simulate_opts o = { .n = MERGE_BASE_N, .seed = MERGE_BASE_SEED, .ndevices = 1,
			    .draft_rate = 0.05, .special_rate = 0.02, .source_path = form_path };
	if (simulate_run(&st, 1, f, &o, NULL, err))
		broken("cannot simulate the base laptop", err);
	store_close(st);
	form_free(f);
	merge *m;
	merge_result res;
	if (merge_open(out_path, NULL, 0, schema_flags(), &m, err))
		broken("cannot open the base output", err);
	if (merge_input(m, laptop, &res))
		broken("cannot merge the base laptop", res.rejected);
	merge_result_release(&res);
	merge_close(m);
	base = (unsigned char *)read_file(out_path, &base_len, err);
	if (!base)
		broken("cannot read the base output", err);
	remove_db(laptop);
	free(laptop);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	store_set_form_ops(interview_form_ops());   /* merge checks answers with it */
	const char *tmp = getenv("TMPDIR");
	dir = xasprintf("%s/fuzz_merge.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		broken("cannot make a temporary folder", strerror(errno));
	form_path = xasprintf("%s/form.md", dir);
	in_path = xasprintf("%s/in.db", dir);
	out_path = xasprintf("%s/out.db", dir);
	again_path = xasprintf("%s/again.db", dir);
	make_base();
	atexit(cleanup);
	return 0;
}

/* Every value of the interview tables of the output has its column's type. */
static void check_types(sqlite3 *db)
{
#define TXT(c) "typeof(" c ") = 'text'"
#define TXT_OR_NULL(c) "typeof(" c ") IN ('text', 'null')"
	static const char *const tables[] = { "interviews", "answers", "events" };
	static const char *const typed[] = {
		TXT("uuid") " AND length(uuid) = 36 AND " TXT("form_id") " AND "
		TXT("form_version") " AND " TXT("device_id") " AND " TXT("interviewer") " AND "
		"status IN ('draft', 'complete') AND typeof(revision) = 'integer' AND "
		TXT("created") " AND " TXT("modified") " AND " TXT_OR_NULL("completed") " AND "
		TXT_OR_NULL("content_hash") " AND " TXT_OR_NULL("lang") " AND "
		TXT_OR_NULL("position") " AND " TXT_OR_NULL("instance_name"),
		TXT("uuid") " AND " TXT("path") " AND " TXT_OR_NULL("value") " AND state IN "
		"('answered', 'skipped', 'dont_know', 'refused') AND " TXT("modified"),
		TXT("uuid") " AND typeof(seq) = 'integer' AND " TXT("at") " AND "
		"typeof(offset_ms) = 'integer' AND " TXT("kind") " AND " TXT_OR_NULL("path") " AND "
		TXT_OR_NULL("old_value") " AND " TXT_OR_NULL("new_value") " AND "
		TXT_OR_NULL("old_state") " AND " TXT_OR_NULL("new_state"),
	};
#undef TXT
#undef TXT_OR_NULL
	for (int i = 0; i < 3; i++) {
		char *sql = xasprintf("SELECT quote(uuid) FROM %s WHERE NOT (%s)", tables[i],
				      typed[i]);
		sqlite3_stmt *s;
		if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
			broken("merged, but the output's tables cannot be read", sqlite3_errmsg(db));
		if (sqlite3_step(s) == SQLITE_ROW) {
			char *where = xasprintf("table %s, interview %s", tables[i],
						(const char *)sqlite3_column_text(s, 0));
			broken("merged, but the output holds a value of the wrong type", where);
		}
		sqlite3_finalize(s);
		free(sql);
	}
}

/* The output of an accepted merge: sound, no orphan rows, well-typed. */
static void check_output(void)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	if (sqlite3_open_v2(out_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL) != SQLITE_OK)
		broken("merged, but the output cannot be read", sqlite3_errmsg(db));
	while (sqlite3_step(s) == SQLITE_ROW)
		if (strcmp((const char *)sqlite3_column_text(s, 0), "ok") != 0)
			broken("merged, but the output fails integrity_check",
			       (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (!skipped("fkey")) {
		if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &s, NULL) != SQLITE_OK)
			broken("merged, but foreign_key_check fails", sqlite3_errmsg(db));
		if (sqlite3_step(s) == SQLITE_ROW)
			broken("merged, but the output has rows without their interview",
			       (const char *)sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
	}
	if (!skipped("types"))
		check_types(db);
	sqlite3_close(db);
}

/* The output of an accepted merge must itself be accepted as an input. */
static void check_remerge(void)
{
	char err[ERR_MAX];
	merge *m;
	merge_result res;
	remove_db(again_path);
	if (merge_open(again_path, NULL, 0, schema_flags(), &m, err))
		broken("cannot open a second output", err);
	if (merge_input(m, out_path, &res))
		broken("merged, but the output is refused as a merge input", res.rejected);
	merge_result_release(&res);
	merge_close(m);
	remove_db(again_path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char err[ERR_MAX];
	remove_db(in_path);
	remove_db(out_path);
	write_file(in_path, data, len);
	write_file(out_path, base, base_len);
	merge *m;
	if (merge_open(out_path, NULL, 0, schema_flags(), &m, err))
		broken("cannot open the output", err);
	merge_result res;
	int rc = merge_input(m, in_path, &res);
	merge_close(m);
	if (getenv("FUZZ_MERGE_VERBOSE") && rc)
		fprintf(stderr, "fuzz_merge: rejected: %s\n", res.rejected);
	else if (getenv("FUZZ_MERGE_VERBOSE"))
		fprintf(stderr, "fuzz_merge: merged: %d new, %d identical, %d updated, %d outdated, "
			"%d conflicting\n", res.new_, res.identical, res.updated, res.outdated,
			res.conflicting);

	size_t n;
	char *now = read_file(in_path, &n, err);
	if (!now || n != len || memcmp(now, data, len) != 0)
		broken("the input's bytes changed", NULL);
	free(now);
	if (!skipped("sidecar") && (sidecar_exists(in_path) || sidecar_exists(out_path)))
		broken("a -journal, -wal or -shm file is left beside the input or the output", NULL);
	if (rc != 0) {
		if (!res.rejected || !res.rejected[0] ||
		    (strchr(res.rejected, '\n') && !skipped("oneline")))
			broken("a rejected input needs one line saying why", res.rejected);
		now = read_file(out_path, &n, err);
		if (now && n == base_len && n >= 100 && skipped("header"))
			memcpy(now + 24, base + 24, 4), memcpy(now + 92, base + 92, 4);
		if (!now || n != base_len || memcmp(now, base, n) != 0)
			broken("rejected, but the output changed", res.rejected);
		free(now);
	} else {
		if (res.rejected)
			broken("merged, yet a reason for rejecting it", res.rejected);
		if (res.interviews != res.new_ + res.identical + res.updated + res.outdated +
		    res.conflicting)
			broken("merged, but the counts do not add up to the interviews", NULL);
		check_output();
		if (!skipped("remerge"))
			check_remerge();
	}
	merge_result_release(&res);
	return 0;
}
