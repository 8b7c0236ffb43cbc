/* test_merge.c: survey merge and pack on laptop files built with the store API — several
 * devices, drafts and completes, a laptop copied twice, a cloned laptop that diverged, one
 * interview edited differently on three laptops, a copy another device extended, a copy with
 * another answer behind the same log — and the properties: any merge order, merging again and
 * laptops -> oblast files -> national give the same rows; versions in = interviews + conflicts
 * out; bad inputs (and a merged file's damaged conflicts) are refused with their bytes and the
 * output unchanged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "interview/form_ops.h"
#include "store/merge.h"
#include "store/store.h"
#include "util/util.h"

static char dir[] = "/tmp/survey-test-merge-XXXXXX";
static char errbuf[ERR_MAX];
static int ninputs;
static char *inputs[16];      /* the laptop files of the scenario (and earlier outputs) */
static char d1[37], c1[37];   /* a draft edited on three laptops; a complete one */

static char *path_in(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static store *open_new(const char *name)
{
	char *p = path_in(name);
	unlink(p);
	store *st = NULL;
	if (store_open(p, STORE_CREATE, &st, errbuf))
		fail_msg("store_open %s: %s", p, errbuf);
	free(p);
	return st;
}

static store *reopen(const char *name)
{
	char *p = path_in(name);
	store *st = NULL;
	if (store_open(p, 0, &st, errbuf))
		fail_msg("store_open %s: %s", p, errbuf);
	free(p);
	return st;
}

static void copy_file(const char *from, const char *to)
{
	char *a = path_in(from), *b = path_in(to);
	size_t len;
	char *bytes = read_file(a, &len, errbuf);
	assert_non_null(bytes);
	FILE *f = fopen(b, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, len, f), len);
	fclose(f);
	free(bytes);
	free(a);
	free(b);
}

static const char form_md[] =
	"| survey |\n| | type | name | label |\n| | text | municipality | M |\n"
	"| | begin group | grp | G |\n| | integer | q0 | Q |\n| | integer | q1 | Q |\n"
	"| | integer | q2 | Q |\n| | integer | q3 | Q |\n| | integer | q4 | Q |\n"
	"| | end group | | |\n"
	"| settings |\n| | form_id | version | key_questions |\n| | f | 1 | municipality |\n";

/* A new interview with a municipality and n answers; complete or draft. uuid_out may be NULL. */
static void add_iv(store *st, const char *municipality, int n, int complete, char *uuid_out)
{
	store_iv *iv;
	store_start how = { .form_id = "f", .form_version = "1", .interviewer = "Нургүл",
			    .lang = "ky" };
	assert_int_equal(store_iv_start(st, &how, &iv, errbuf), 0);
	assert_int_equal(store_iv_set(iv, "municipality", municipality, STATE_ANSWERED, errbuf),
			 0);
	for (int i = 0; i < n; i++) {
		char path[32], v[32];
		snprintf(path, sizeof path, "grp/q%d", i);
		snprintf(v, sizeof v, "%d", i * 7);
		assert_int_equal(store_iv_set(iv, path, v, i == 2 ? STATE_SKIPPED : STATE_ANSWERED,
					      errbuf), 0);
	}
	if (complete)
		assert_int_equal(store_iv_complete(iv, municipality, errbuf), 0);
	if (uuid_out)
		snprintf(uuid_out, 37, "%s", store_iv_uuid(iv));
	store_iv_close(iv);
}

static void edit(store *st, const char *uuid, const char *path, const char *value, int complete)
{
	store_iv *iv;
	assert_int_equal(store_iv_resume(st, uuid, &iv, errbuf), 0);
	assert_int_equal(store_iv_set(iv, path, value, STATE_ANSWERED, errbuf), 0);
	if (complete)
		assert_int_equal(store_iv_complete(iv, NULL, errbuf), 0);
	store_iv_close(iv);
}

static void add_input(const char *name)
{
	inputs[ninputs++] = path_in(name);
}

/* The scenario. Laptop A: 4 interviews; copied at t1 (a1.db); then d1 edited and completed,
 * c1 reopened... a new interview; copied at t2 (a2.db); then only its resume position moves
 * (a3.db: same events, another row); later d1 is reopened, a draft again (a4.db). clone.db: a disk copy of A at t1 that went on on its own
 * (same device id): d1 edited differently, a new interview. other.db: another copy of A at t1
 * whose d1 was completed a third way (before A's edit). Laptop B: its own interviews, one
 * from the same municipality as A's first (a likely duplicate). */
static void build_laptops(void)
{
	store *a = open_new("a.db");
	assert_int_equal(store_form_put(a, "f", "1", "F", "f.md", "md", form_md,
					sizeof form_md - 1, errbuf), 0);
	add_iv(a, "Кара-Суу", 5, 1, c1);
	add_iv(a, "Ноокат", 4, 0, d1);
	add_iv(a, "Өзгөн", 3, 1, NULL);
	add_iv(a, "Араван", 2, 0, NULL);
	store_close(a);
	copy_file("a.db", "a1.db");
	copy_file("a.db", "clone.db");
	copy_file("a.db", "other.db");

	store *o = reopen("other.db");   /* before A's own edit: A's is the later one */
	edit(o, d1, "grp/q0", "300", 1);
	store_close(o);

	a = reopen("a.db");
	edit(a, d1, "grp/q1", "100", 1);
	add_iv(a, "Жаңы-Жол", 3, 1, NULL);
	store_close(a);
	copy_file("a.db", "a2.db");
	copy_file("a2.db", "a3.db");   /* a3: a2 with only the position moved: no event */
	sqlite3 *db;
	char *p3 = path_in("a3.db");
	assert_int_equal(sqlite3_open(p3, &db), SQLITE_OK);
	char *sql = sqlite3_mprintf("UPDATE interviews SET position='grp/q3' WHERE uuid=%Q", d1);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(db);
	free(p3);

	store *c = reopen("clone.db");
	edit(c, d1, "grp/q1", "200", 0);
	add_iv(c, "Кочкор", 2, 1, NULL);
	store_close(c);

	a = reopen("a.db");   /* a4: later still, d1 reopened to correct it: a draft again */
	store_iv *iv;
	assert_int_equal(store_iv_resume(a, d1, &iv, errbuf), 0);
	assert_int_equal(store_iv_reopen(iv, NULL, errbuf), 0);
	assert_int_equal(store_iv_set(iv, "grp/q3", "400", STATE_ANSWERED, errbuf), 0);
	store_iv_close(iv);
	store_close(a);
	copy_file("a.db", "a4.db");

	store *b = open_new("b.db");
	assert_int_equal(store_form_put(b, "f", "1", "F", "f.md", "md", form_md,
					sizeof form_md - 1, errbuf), 0);
	add_iv(b, "Кара-Суу", 3, 1, NULL);   /* same municipality as A's first */
	add_iv(b, "Баткен", 3, 0, NULL);
	store_close(b);

	/* foreign.db: a2 copied to another device, which appended one event to c1: it cannot
	 * replace c1. samelog.db: a1 with another answer of d1 behind the same event log. */
	copy_file("a2.db", "foreign.db");
	copy_file("a1.db", "samelog.db");
	char *pf = path_in("foreign.db"), *ps = path_in("samelog.db");
	assert_int_equal(sqlite3_open(pf, &db), SQLITE_OK);
	sql = sqlite3_mprintf("UPDATE meta SET value='0badc0de-0000-4000-8000-000000000000' WHERE "
			      "key='device_id'; INSERT INTO events(uuid, seq, at, offset_ms, kind, path, "
			      "new_value) SELECT uuid, max(seq) + 1, '2027-01-01T00:00:00.000Z', "
			      "max(offset_ms) + 1, 'moved', 'grp/q0', 'back' FROM events WHERE uuid=%Q", c1);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(db);
	assert_int_equal(sqlite3_open(ps, &db), SQLITE_OK);
	sql = sqlite3_mprintf("UPDATE answers SET value='77' WHERE uuid=%Q AND path='grp/q0'", d1);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_changes(db), 1);
	sqlite3_free(sql);
	sqlite3_close(db);
	free(pf);
	free(ps);

	add_input("a1.db");
	add_input("a2.db");
	add_input("a3.db");
	add_input("clone.db");
	add_input("other.db");
	add_input("b.db");
	add_input("a4.db");
	add_input("foreign.db");
	add_input("samelog.db");
}

/* Sorted rows of the interview data of a file, as one text. */
static char *dump(const char *file)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(file, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	strbuf sb = STRBUF_INIT;
	const char *tables[] = { "interviews", "answers", "events", "conflicts" };
	for (int t = 0; t < 4; t++) {
		sqlite3_stmt *s;
		char *sql = xasprintf("SELECT * FROM %s", tables[t]);
		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
		int n = sqlite3_column_count(s);
		sqlite3_finalize(s);
		free(sql);
		strbuf q = STRBUF_INIT;
		sb_addf(&q, "SELECT * FROM %s ORDER BY 1", tables[t]);
		for (int i = 2; i <= n; i++)
			sb_addf(&q, ", %d", i);
		assert_int_equal(sqlite3_prepare_v2(db, sb_str(&q), -1, &s, NULL), SQLITE_OK);
		sb_release(&q);
		sb_addf(&sb, "== %s\n", tables[t]);
		while (sqlite3_step(s) == SQLITE_ROW) {
			for (int i = 0; i < n; i++) {
				const char *v = (const char *)sqlite3_column_text(s, i);
				sb_addf(&sb, "%s%s", i ? "|" : "", v ? v : "<null>");
			}
			sb_addc(&sb, '\n');
		}
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return sb_detach(&sb);
}

static long long count(const char *file, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(file, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

/* Merge inputs in the order given by idx into a new output; results optional. */
static char *merge_order(const char *name, const int *idx, int n, merge_result *keep)
{
	char *out = path_in(name);
	unlink(out);
	merge *m;
	if (merge_open(out, NULL, 0, 0, &m, errbuf))
		fail_msg("merge_open: %s", errbuf);
	for (int i = 0; i < n; i++) {
		merge_result r;
		if (i + 1 < n && (i & 1))   /* half the inputs checked ahead in a thread */
			merge_prefetch(m, inputs[idx[i + 1]]);
		if (merge_input(m, inputs[idx[i]], &r))
			fail_msg("merge_input %s: %s", inputs[idx[i]], r.rejected);
		if (keep)
			keep[i] = r;
		else
			merge_result_release(&r);
	}
	merge_close(m);
	return out;
}

static int find_input(const char *name)
{
	for (int i = 0; i < ninputs; i++)
		if (strstr(inputs[i], name) && strlen(strstr(inputs[i], name)) == strlen(name))
			return i;
	fail_msg("no input %s", name);
	return -1;
}

/* Versions in (inputs idx[0..n-1], or all when idx is NULL): distinct versions per interview
 * (log, answers, row but for position, language and instance name), less those another version
 * from the interview's own device extends — the device its row names is the file's (meta).
 * Computed here by brute force, independently of merge. */
static long long maximal_versions(const int *idx, int n_idx)
{
	struct v { char *uuid, *log, *rest, *dev; int own; } *vs = NULL;
	int n = 0;
	for (int k = 0; k < (idx ? n_idx : ninputs); k++) {
		sqlite3 *db;
		sqlite3_stmt *s;
		assert_int_equal(sqlite3_open_v2(inputs[idx ? idx[k] : k], &db,
						 SQLITE_OPEN_READONLY, NULL), 0);
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT i.uuid, (SELECT group_concat(line, '') "
			"FROM (SELECT seq || '|' || at || '|' || offset_ms || '|' || kind || '|' || "
			"ifnull(path,'~') || '|' || ifnull(old_value,'~') || '|' || "
			"ifnull(new_value,'~') || char(10) AS line FROM events e WHERE e.uuid = i.uuid "
			"ORDER BY seq)), (SELECT group_concat(a, '') FROM (SELECT path || '=' || "
			"ifnull(value,'~') || '/' || state || '/' || modified || ';' AS a FROM answers "
			"a WHERE a.uuid = i.uuid ORDER BY path)) || json_array(form_id, form_version, "
			"interviewer, status, revision, created, modified, completed, content_hash), "
			"i.device_id, i.device_id = (SELECT value FROM meta WHERE key = 'device_id') "
			"FROM interviews i", -1, &s, NULL), 0);
		while (sqlite3_step(s) == SQLITE_ROW) {
			char *f[4];
			for (int c = 0; c < 4; c++)
				f[c] = xstrdup((const char *)sqlite3_column_text(s, c));
			int own = sqlite3_column_int(s, 4), j;
			for (j = 0; j < n; j++)
				if (!strcmp(vs[j].uuid, f[0]) && !strcmp(vs[j].log, f[1]) &&
				    !strcmp(vs[j].rest, f[2]) && !strcmp(vs[j].dev, f[3]))
					break;
			if (j < n) {   /* the same version seen again */
				vs[j].own |= own;
				for (int c = 0; c < 4; c++)
					free(f[c]);
				continue;
			}
			vs = xreallocarray(vs, (size_t)n + 1, sizeof *vs);
			vs[n++] = (struct v){ f[0], f[1], f[2], f[3], own };
		}
		sqlite3_finalize(s);
		sqlite3_close(db);
	}
	long long maximal = 0;
	for (int i = 0; i < n; i++) {
		int dominated = 0;
		for (int j = 0; j < n && !dominated; j++) {
			size_t li = strlen(vs[i].log), lj = strlen(vs[j].log);
			dominated = !strcmp(vs[i].uuid, vs[j].uuid) && vs[j].own &&
				    !strcmp(vs[i].dev, vs[j].dev) && li < lj &&
				    strncmp(vs[i].log, vs[j].log, li) == 0;
		}
		maximal += !dominated;
	}
	for (int i = 0; i < n; i++) {
		free(vs[i].uuid);
		free(vs[i].log);
		free(vs[i].rest);
		free(vs[i].dev);
	}
	free(vs);
	return maximal;
}

static void test_scenario_counts(void **state)
{
	int order[] = { find_input("a1.db"), find_input("a2.db"), find_input("clone.db"),
			find_input("other.db"), find_input("b.db"), find_input("a3.db"),
			find_input("a4.db") };
	merge_result r[7];
	char *out = merge_order("scenario.db", order, 7, r);
	/* a1: 4 new */
	assert_int_equal(r[0].new_, 4);
	/* a2: d1 continues a1's: updated; one new */
	assert_int_equal(r[1].updated, 1);
	assert_int_equal(r[1].new_, 1);
	assert_int_equal(r[1].identical, 3);
	/* clone: d1 edited another way: conflicting; one new */
	assert_int_equal(r[2].conflicting, 1);
	assert_int_equal(r[2].new_, 1);
	/* other: a third d1 */
	assert_int_equal(r[3].conflicting, 1);
	/* b: the first interview is from A's first municipality */
	assert_int_equal(r[4].new_, 2);
	assert_int_equal(r[4].ndups, 1);
	assert_non_null(strstr(r[4].dups[0].keys, "municipality=Кара-Суу"));
	assert_string_equal(r[4].dups[0].other, c1);
	/* a3: only d1's position differs: its row is kept or not, never a conflict */
	assert_int_equal(r[5].conflicting, 0);
	/* a4: d1 continues the stored winner (a2's), but as a draft it ranks below other's
	 * complete version, which comes back from conflicts */
	assert_int_equal(r[6].updated, 1);
	char *q = sqlite3_mprintf("SELECT count(*) FROM answers a JOIN interviews i USING(uuid) "
				  "WHERE uuid=%Q AND path='grp/q0' AND value='300' AND "
				  "i.status='complete'", d1);
	assert_int_equal(count(out, q), 1);
	sqlite3_free(q);
	for (int i = 0; i < 7; i++)
		merge_result_release(&r[i]);
	assert_int_equal(count(out, "SELECT count(*) FROM interviews"), 4 + 1 + 1 + 2);
	char *sql = sqlite3_mprintf("SELECT count(*) FROM conflicts WHERE uuid=%Q", d1);
	assert_int_equal(count(out, sql), 2);   /* three versions of d1: one wins, two kept */
	sqlite3_free(sql);
	assert_int_equal(count(out, "SELECT count(*) FROM interviews") +
			 count(out, "SELECT count(*) FROM conflicts"), maximal_versions(order, 7));
	/* provenance: one row per input */
	assert_int_equal(count(out, "SELECT count(DISTINCT input_sha256) FROM provenance"), 7);
	free(out);
}

static void test_order_independence(void **state)
{
	int base[12] = { 0 };
	for (int i = 0; i < ninputs; i++)
		base[i] = i;
	char *ref_path = merge_order("ref.db", base, ninputs, NULL);
	char *ref = dump(ref_path);
	unsigned seed = 12345;
	for (int round = 0; round < 12; round++) {
		int idx[12];
		memcpy(idx, base, sizeof idx);
		if (round == 0) {   /* reversed */
			for (int i = 0; i < ninputs; i++)
				idx[i] = ninputs - 1 - i;
		} else {
			for (int i = ninputs - 1; i > 0; i--) {
				seed = seed * 1103515245 + 12345;
				int j = (int)((seed >> 16) % (unsigned)(i + 1));
				int t = idx[i];
				idx[i] = idx[j];
				idx[j] = t;
			}
		}
		char *p = merge_order("perm.db", idx, ninputs, NULL);
		char *d = dump(p);
		if (strcmp(d, ref) != 0)
			fail_msg("merge order %d gives other rows:\n%s\n-- vs --\n%s", round, d, ref);
		free(d);
		free(p);
	}
	/* merging every file again changes nothing */
	merge *m;
	assert_int_equal(merge_open(ref_path, NULL, 0, 0, &m, errbuf), 0);
	for (int i = 0; i < ninputs; i++) {
		merge_result r;
		assert_int_equal(merge_input(m, inputs[i], &r), 0);
		assert_int_equal(r.new_ + r.updated + r.conflicting, 0);
		merge_result_release(&r);
	}
	merge_close(m);
	char *again = dump(ref_path);
	assert_string_equal(again, ref);
	free(again);
	free(ref);
	free(ref_path);
}

static void test_cloned_device(void **state)
{
	int order[] = { find_input("a2.db"), find_input("clone.db"), find_input("b.db"),
			find_input("a1.db") };
	char *out = path_in("clones.db");
	unlink(out);
	merge *m;
	assert_int_equal(merge_open(out, NULL, 0, 0, &m, errbuf), 0);
	for (int i = 0; i < 4; i++) {
		merge_result r;
		assert_int_equal(merge_input(m, inputs[order[i]], &r), 0);
		merge_result_release(&r);
	}
	merge_clone *cl;
	int n;
	assert_int_equal(merge_clones(m, &cl, &n, errbuf), 0);
	/* a2 and clone diverge; a1 and a2 (a copy twice) do not; a1 and clone do not either
	 * (the clone only added to what a1 had) */
	assert_int_equal(n, 1);
	const char *pa = cl[0].path_a, *pb = cl[0].path_b;
	assert_true((strstr(pa, "a2.db") && strstr(pb, "clone.db")) ||
		    (strstr(pb, "a2.db") && strstr(pa, "clone.db")));
	merge_clones_free(cl, n);
	merge_close(m);
	free(out);
}

static void test_pack_then_merge(void **state)
{
	char *a2 = path_in("a2.db"), *packed = path_in("a2-packed.db");
	size_t before_len;
	char *before = read_file(a2, &before_len, errbuf);
	char sha[65];
	assert_int_equal(store_pack(a2, packed, sha, errbuf), 0);
	size_t after_len;
	char *after = read_file(a2, &after_len, errbuf);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);   /* the laptop's file is not changed */
	free(before);
	free(after);
	char *jm = count(packed, "SELECT 1 FROM pragma_journal_mode WHERE journal_mode='delete'")
		? xstrdup("delete") : NULL;
	assert_non_null(jm);
	free(jm);
	/* the pack and the raw file hold the same content: given twice, merged once */
	char *out = path_in("packed-out.db");
	unlink(out);
	merge *m;
	assert_int_equal(merge_open(out, NULL, 0, 0, &m, errbuf), 0);
	merge_result r;
	assert_int_equal(merge_input(m, packed, &r), 0);
	assert_string_equal(r.sha256, sha);
	assert_int_equal(r.new_, 5);
	merge_result_release(&r);
	assert_int_equal(merge_input(m, a2, &r), 0);
	assert_int_equal(r.twice, 1);
	merge_result_release(&r);
	merge_close(m);

	/* a packed file changed afterwards no longer matches its recorded hash */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(packed, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE events SET at = 'x' WHERE seq = 1", NULL, NULL,
				      NULL), SQLITE_OK);
	sqlite3_close(db);
	char *out2 = path_in("packed-out2.db");
	unlink(out2);
	assert_int_equal(merge_open(out2, NULL, 0, 0, &m, errbuf), 0);
	assert_int_equal(merge_input(m, packed, &r), -1);
	assert_non_null(strstr(r.rejected, "survey pack"));
	merge_result_release(&r);
	merge_close(m);
	free(out);
	free(out2);
	free(a2);
	free(packed);
}

/* --- bad inputs ------------------------------------------------------------------------- */

static char *write_file(const char *name, const void *data, size_t len)
{
	char *p = path_in(name);
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	fwrite(data, 1, len, f);
	fclose(f);
	return p;
}

static void expect_rejected(merge *m, const char *out, const char *in, const char *reason)
{
	size_t blen, alen;
	char *before = read_file(in, &blen, errbuf);
	assert_non_null(before);
	char *dump_before = dump(out);
	merge_result r;
	assert_int_equal(merge_input(m, in, &r), -1);
	if (!r.rejected || !strstr(r.rejected, reason) || strchr(r.rejected, '\n'))
		fail_msg("rejection of %s: '%s' lacks '%s'", in, r.rejected, reason);
	merge_result_release(&r);
	char *after = read_file(in, &alen, errbuf);
	assert_int_equal(blen, alen);
	assert_memory_equal(before, after, blen);
	char *dump_after = dump(out);
	assert_string_equal(dump_before, dump_after);
	free(before);
	free(after);
	free(dump_before);
	free(dump_after);
}

/* A new output name with the scenario's input first merged into it; *m open on it. */
static char *output_with(const char *name, const char *first, merge **m)
{
	char *out = path_in(name);
	unlink(out);
	assert_int_equal(merge_open(out, NULL, 0, 0, m, errbuf), 0);
	merge_result r;
	assert_int_equal(merge_input(*m, inputs[find_input(first)], &r), 0);
	merge_result_release(&r);
	return out;
}

static void test_bad_inputs(void **state)
{
	merge *m;
	merge_result r;
	char *out = output_with("bad-out.db", "b.db", &m);

	char *a2 = path_in("a2.db");
	size_t len;
	char *bytes = read_file(a2, &len, errbuf);
	char *p = write_file("trunc.db", bytes, len / 2);
	expect_rejected(m, out, p, "truncated");
	free(p);
	char junk[4096];
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 131 + 7);
	p = write_file("junk.db", junk, sizeof junk);
	expect_rejected(m, out, p, "not a database");
	free(p);
	p = path_in("shop.db");
	sqlite3 *db;
	sqlite3_open(p, &db);
	sqlite3_exec(db, "CREATE TABLE customers(id, name); INSERT INTO customers VALUES (1,'a')",
		     NULL, NULL, NULL);
	sqlite3_close(db);
	expect_rejected(m, out, p, "another program");
	free(p);
	p = write_file("newer.db", bytes, len);
	sqlite3_open(p, &db);
	sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(db);
	expect_rejected(m, out, p, "newer survey");
	free(p);
	/* a complete interview whose answer changed behind survey's back */
	p = write_file("tampered.db", bytes, len);
	sqlite3_open(p, &db);
	char *sql = sqlite3_mprintf("UPDATE answers SET value='999' WHERE uuid=%Q AND "
				    "path='grp/q0'", c1);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(db);
	expect_rejected(m, out, p, "content hash");
	free(p);
	/* answers of an interview the file lacks */
	p = write_file("orphan.db", bytes, len);
	sqlite3_open(p, &db);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO answers VALUES ('ffffffff-ffff-4fff-"
				      "bfff-ffffffffffff', 'q', '1', 'answered', 'now')", NULL, NULL,
				      NULL), SQLITE_OK);
	sqlite3_close(db);
	expect_rejected(m, out, p, "interview it lacks");
	free(p);
	/* the output given as an input */
	expect_rejected(m, out, out, "output file");
	/* missing */
	p = path_in("absent.db");
	assert_int_equal(merge_input(m, p, &r), -1);
	assert_non_null(strstr(r.rejected, "absent.db"));
	merge_result_release(&r);
	free(p);
	/* the same file twice */
	assert_int_equal(merge_input(m, a2, &r), 0);
	assert_int_equal(r.twice, 0);
	merge_result_release(&r);
	assert_int_equal(merge_input(m, a2, &r), 0);
	assert_int_equal(r.twice, 1);
	merge_result_release(&r);
	merge_close(m);
	free(bytes);
	free(a2);
	free(out);
}

static void test_schema_v1(void **state)
{
	const char *top = getenv("TOP") ? getenv("TOP") : ".";
	char *fixture = xasprintf("%s/tests/fixtures/merge/schema-v1.sql", top);
	char *sql = read_file(fixture, &(size_t){ 0 }, errbuf);
	free(fixture);
	assert_non_null(sql);
	char *p = path_in("v1.db");
	unlink(p);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	free(sql);
	/* merged as an input: read as it is (no conflicts table), not changed */
	size_t blen, alen;
	char *before = read_file(p, &blen, errbuf);
	char *out = path_in("v1-out.db");
	unlink(out);
	merge *m;
	assert_int_equal(merge_open(out, NULL, 0, 0, &m, errbuf), 0);
	merge_result r;
	if (merge_input(m, p, &r))
		fail_msg("v1 input: %s", r.rejected);
	assert_int_equal(r.new_, 1);
	merge_result_release(&r);
	merge_close(m);
	char *after = read_file(p, &alen, errbuf);
	assert_int_equal(blen, alen);
	assert_memory_equal(before, after, blen);
	free(before);
	free(after);
	/* opened for writing: migrated to the current version */
	store *st;
	assert_int_equal(store_open(p, 0, &st, errbuf), 0);
	assert_int_equal(store_schema_version(st), STORE_SCHEMA_VERSION);
	store_close(st);
	assert_int_equal(count(p, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	/* no trace of simulate in its events (a "moved"-less log, but its first event at 0 ms) */
	assert_int_equal(count(p, "SELECT count(*) FROM interviews WHERE origin = 'field'"), 1);
	assert_int_equal(count(p, "SELECT count(*) FROM conflicts"), 0);
	assert_int_equal(count(p, "SELECT count(*) FROM provenance"), 0);
	free(out);
	free(p);
}

/* Merge the inputs named (NULL-terminated) into a new output name; the output's path. */
static char *merge_named(const char *name, ...)
{
	int idx[12], n = 0;
	char *extra[4];
	int nextra = 0;
	va_list ap;
	va_start(ap, name);
	for (const char *in; (in = va_arg(ap, const char *));) {
		if (in[0] == '/') {   /* an earlier output, not one of the scenario's inputs */
			extra[nextra] = xstrdup(in);
			inputs[ninputs + nextra] = extra[nextra];
			idx[n++] = ninputs + nextra++;
		} else {
			idx[n++] = find_input(in);
		}
	}
	va_end(ap);
	char *out = merge_order(name, idx, n, NULL);
	for (int i = 0; i < nextra; i++) {
		free(extra[i]);
		inputs[ninputs + i] = NULL;
	}
	return out;
}

/* Laptops -> two oblast files -> national gives the rows of all laptops merged directly, in
 * any order and nesting; the oblasts' conflicts and provenance come along; nothing is lost. */
static void test_hierarchy(void **state)
{
	char *direct = merge_named("h-direct.db", "a1.db", "a2.db", "clone.db", "other.db", "b.db",
				   "a3.db", "a4.db", "foreign.db", "samelog.db", NULL);
	char *want = dump(direct);
	char *o1 = merge_named("h-o1.db", "a1.db", "a2.db", "clone.db", "foreign.db", NULL);
	char *o2 = merge_named("h-o2.db", "other.db", "b.db", "a3.db", "a4.db", "samelog.db", NULL);
	assert_true(count(o1, "SELECT count(*) FROM conflicts") > 0);
	char *n1 = merge_named("h-n1.db", o1, o2, NULL);
	char *n2 = merge_named("h-n2.db", o2, o1, NULL);
	char *n3 = merge_named("h-n3.db", "b.db", o2, "a2.db", o1, "other.db", NULL);
	char *n4 = merge_named("h-n4.db", n1, o1, direct, NULL);   /* a national file again */
	const char *outs[] = { n1, n2, n3, n4 };
	for (int i = 0; i < 4; i++) {
		char *got = dump(outs[i]);
		if (strcmp(got, want) != 0)
			fail_msg("hierarchy %d gives other rows:\n%s\n-- vs --\n%s", i, got, want);
		free(got);
		assert_int_equal(count(outs[i], "SELECT count(*) FROM interviews") +
				 count(outs[i], "SELECT count(*) FROM conflicts"),
				 maximal_versions(NULL, 0));
	}
	/* provenance: the national file knows every laptop file through the oblast ones */
	assert_int_equal(count(n1, "SELECT count(DISTINCT input_sha256) FROM provenance"), 9 + 2);
	assert_int_equal(count(n1, "SELECT count(*) FROM (SELECT input_sha256, uuid FROM "
			       "provenance_interviews EXCEPT SELECT input_sha256, uuid FROM "
			       "provenance_interviews WHERE input_sha256 IN (SELECT input_sha256 "
			       "FROM provenance WHERE path LIKE '%h-o_.db'))"),
			 count(direct, "SELECT count(*) FROM provenance_interviews"));
	free(want);
	free(direct);
	free(o1);
	free(o2);
	free(n1);
	free(n2);
	free(n3);
	free(n4);
}

/* Merge two scenario inputs into name, in this order; the second must be reported with that
 * many conflicting versions and nothing updated. */
static char *merge_pair(const char *name, const char *first, const char *second, int conflicting)
{
	merge_result r[2];
	int idx[2] = { find_input(first), find_input(second) };
	char *out = merge_order(name, idx, 2, r);
	assert_int_equal(r[1].conflicting, conflicting);
	assert_int_equal(r[1].updated, 0);
	merge_result_release(&r[0]);
	merge_result_release(&r[1]);
	return out;
}

/* Another device's copy with one more event does not replace the interview: both are kept,
 * the genuine one (from its own device) the winner, in either order. */
static void test_foreign_device(void **state)
{
	char *out = merge_pair("fd1.db", "a2.db", "foreign.db", 1);
	char *q = sqlite3_mprintf("SELECT count(*) FROM conflicts WHERE uuid=%Q", c1);
	assert_int_equal(count(out, q), 1);
	char *in = path_in("a2.db");
	char *n = sqlite3_mprintf("SELECT count(*) FROM events WHERE uuid=%Q", c1);
	assert_int_equal(count(out, n), count(in, n));   /* a2's c1 stays the winner */
	char *other = merge_pair("fd2.db", "foreign.db", "a2.db", 1);
	char *d1 = dump(out), *d2 = dump(other);
	assert_string_equal(d1, d2);
	free(d1);
	free(d2);
	sqlite3_free(q);
	sqlite3_free(n);
	free(in);
	free(other);
	free(out);
}

/* The same event log with another answer is another version: kept in conflicts. */
static void test_same_log(void **state)
{
	char *out = merge_pair("sl.db", "a1.db", "samelog.db", 1);
	char *q = sqlite3_mprintf("SELECT count(*) FROM conflicts WHERE uuid=%Q AND answers LIKE "
				  "'%%\"value\":\"77\"%%' OR %Q IN (SELECT uuid FROM answers WHERE "
				  "value = '77')", d1, d1);
	assert_int_equal(count(out, q), 1);
	assert_int_equal(count(out, "SELECT count(*) FROM conflicts"), 1);
	sqlite3_free(q);
	free(out);
}

/* A merged file whose conflicts row was changed behind survey's back is refused whole. */
static void test_damaged_conflicts(void **state)
{
	char *o = merge_named("dc-o.db", "a2.db", "clone.db", NULL);
	assert_int_equal(count(o, "SELECT count(*) FROM conflicts"), 1);
	const char *tamper[] = {
		"UPDATE conflicts SET events = json_set(events, '$[1].new_value', 'x')",
		"UPDATE conflicts SET events = json_remove(events, '$[1]')",
		"UPDATE conflicts SET answers = json_set(answers, '$[0].state', 'maybe')",
		"UPDATE conflicts SET interview = json_set(interview, '$.uuid', 'other')",
		"UPDATE conflicts SET interview = '{'",
		"UPDATE conflicts SET uuid = 'an-interview-it-lacks'",
	};
	merge *m;
	merge_result r;
	char *out = output_with("dc-out.db", "a1.db", &m);
	size_t len;
	char *bytes = read_file(o, &len, errbuf);
	for (size_t i = 0; i < sizeof tamper / sizeof *tamper; i++) {
		char *p = write_file("dc-bad.db", bytes, len);
		sqlite3 *db;
		assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, tamper[i], NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
		expect_rejected(m, out, p, "damaged");
		free(p);
	}
	assert_int_equal(merge_input(m, o, &r), 0);   /* the file as merge wrote it merges */
	assert_int_equal(r.conflicting, 1);
	merge_result_release(&r);
	merge_close(m);
	free(bytes);
	free(out);
	free(o);
}

static int setup(void **state)
{
	if (!mkdtemp(dir))
		return -1;
	build_laptops();
	return 0;
}

static int teardown(void **state)
{
	for (int i = 0; i < ninputs; i++)
		free(inputs[i]);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc;
}

int main(void)
{
	store_set_form_ops(interview_form_ops());   /* merge checks answers with it */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scenario_counts),
		cmocka_unit_test(test_order_independence),
		cmocka_unit_test(test_cloned_device),
		cmocka_unit_test(test_pack_then_merge),
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_schema_v1),
		cmocka_unit_test(test_hierarchy),
		cmocka_unit_test(test_foreign_device),
		cmocka_unit_test(test_same_log),
		cmocka_unit_test(test_damaged_conflicts),
	};
	return cmocka_run_group_tests_name("merge", tests, setup, teardown);
}
