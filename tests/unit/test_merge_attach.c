/* test_merge_attach.c: attachments (schema 5) through pack and merge, on laptop files built
 * with the store API: a photo attached on a laptop, the same interview given another photo on
 * a copy of it (a conflict) and a third one later on the laptop itself (an update) — every
 * order of the inputs gives the same rows in attachments (and the other tables), the files of
 * every kept version are there, a replaced file too; a pack merges like its laptop; and a
 * file whose attachments lie is refused whole with the output unchanged. */
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
#include "store/attach.h"
#include "store/merge.h"
#include "store/store.h"
#include "util/util.h"

static char dir[] = "/tmp/survey-test-attach-XXXXXX";
static char errbuf[ERR_MAX];
static char u1[37], u2[37];   /* an interview whose photo differs between versions; another */

static const char form_md[] =
	"| survey |\n| | type | name | label |\n| | text | who | Who |\n"
	"| | image | photo | Photo |\n| | file | doc | Document |\n"
	"| settings |\n| | form_id | version |\n| | att | 1 |\n";

static char *path_in(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static store *open_file(const char *name, int flags)
{
	char *p = path_in(name);
	store *st = NULL;
	if (store_open(p, flags, &st, errbuf))
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

/* Attach `content` as `name` at path and set the answer, as engine_attach does. */
static void attach(store_iv *iv, const char *path, const char *name, const char *content)
{
	assert_int_equal(store_iv_attach(iv, path, name, content, strlen(content), errbuf), 0);
	assert_int_equal(store_iv_set(iv, path, name, STATE_ANSWERED, errbuf), 0);
}

static void resume_attach(const char *file, const char *uuid, const char *name,
			  const char *content, int complete)
{
	store *st = open_file(file, 0);
	store_iv *iv;
	assert_int_equal(store_iv_resume(st, uuid, &iv, errbuf), 0);
	attach(iv, "photo", name, content);
	if (complete)
		assert_int_equal(store_iv_complete(iv, NULL, errbuf), 0);
	store_iv_close(iv);
	store_close(st);
}

/* laptop.db: u1 (draft, photo a.jpg), u2 (complete, photo and document); copied to copy.db
 * and first.db; copy.db gives u1 another photo of the same name (b bytes); laptop.db then gives
 * u1 a third photo (c.jpg) and completes it. */
static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	store *st = open_file("laptop.db", STORE_CREATE);
	if (store_form_put(st, "att", "1", "A", "att.md", "md", form_md, sizeof form_md - 1,
			   errbuf))
		return -1;
	store_start how = { .form_id = "att", .form_version = "1", .interviewer = "Бакыт" };
	store_iv *iv;
	if (store_iv_start(st, &how, &iv, errbuf))
		return -1;
	snprintf(u1, sizeof u1, "%s", store_iv_uuid(iv));
	store_iv_set(iv, "who", "Айгүл", STATE_ANSWERED, errbuf);
	attach(iv, "photo", "a.jpg", "first photo");
	store_iv_close(iv);
	if (store_iv_start(st, &how, &iv, errbuf))
		return -1;
	snprintf(u2, sizeof u2, "%s", store_iv_uuid(iv));
	attach(iv, "photo", "house.jpg", "a house");
	attach(iv, "doc", "consent.pdf", "%PDF-1.4 signed");
	store_iv_complete(iv, NULL, errbuf);
	store_iv_close(iv);
	store_close(st);
	copy_file("laptop.db", "first.db");
	copy_file("laptop.db", "copy.db");
	resume_attach("copy.db", u1, "a.jpg", "another photo, same name", 0);
	resume_attach("laptop.db", u1, "c.jpg", "third photo", 1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	const char *names[] = { "laptop.db", "first.db", "copy.db", "o1.db", "o2.db", "o3.db",
				"pack.db", "o4.db", "bad.db", "o5.db" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *p = path_in(names[i]);
		unlink(p);
		free(p);
	}
	rmdir(dir);
	return 0;
}

/* Sorted rows of the tables merge promises to make order-independent, as one text. */
static char *dump(const char *name)
{
	char *file = path_in(name);
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(file, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	strbuf sb = STRBUF_INIT;
	const char *q[] = {
		"SELECT uuid, path, sha256, name, media_type, size, hex(bytes) FROM attachments "
		"ORDER BY 1, 2, 3, 4",
		"SELECT * FROM interviews ORDER BY uuid",
		"SELECT * FROM answers ORDER BY uuid, path",
		"SELECT * FROM events ORDER BY uuid, seq",
		"SELECT * FROM conflicts ORDER BY uuid, events_sha256",
	};
	for (size_t t = 0; t < sizeof q / sizeof q[0]; t++) {
		sqlite3_stmt *s;
		assert_int_equal(sqlite3_prepare_v2(db, q[t], -1, &s, NULL), SQLITE_OK);
		int n = sqlite3_column_count(s);
		while (sqlite3_step(s) == SQLITE_ROW) {
			for (int i = 0; i < n; i++) {
				const char *v = (const char *)sqlite3_column_text(s, i);
				sb_addf(&sb, "%s%s", i ? "|" : "", v ? v : "<null>");
			}
			sb_addc(&sb, '\n');
		}
		sqlite3_finalize(s);
		sb_adds(&sb, "==\n");
	}
	sqlite3_close(db);
	free(file);
	return sb_detach(&sb);
}

static long long count(const char *name, const char *sql)
{
	char *file = path_in(name);
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(file, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	free(file);
	return n;
}

/* Merge the inputs in order into a new output; the number refused. */
static long long max_attach;   /* merge_max_attachment of the next merges; 0: the default */

static int merge_into(const char *out, const char *const *ins, int n, char *why)
{
	char *o = path_in(out);
	merge *m;
	if (merge_open(o, NULL, 0, 0, &m, errbuf))
		fail_msg("merge_open: %s", errbuf);
	merge_max_attachment(m, max_attach);
	int refused = 0;
	for (int i = 0; i < n; i++) {
		char *p = path_in(ins[i]);
		merge_result r;
		if (merge_input(m, p, &r)) {
			refused++;
			if (why)
				snprintf(why, ERR_MAX, "%s", r.rejected);
		}
		merge_result_release(&r);
		free(p);
	}
	merge_close(m);
	free(o);
	return refused;
}

static void test_order_independence(void **state)
{
	(void)state;
	const char *a[] = { "first.db", "copy.db", "laptop.db" };
	const char *b[] = { "laptop.db", "copy.db", "first.db" };
	const char *c[] = { "copy.db", "laptop.db", "first.db", "copy.db" };
	assert_int_equal(merge_into("o1.db", a, 3, NULL), 0);
	assert_int_equal(merge_into("o2.db", b, 3, NULL), 0);
	assert_int_equal(merge_into("o3.db", c, 4, NULL), 0);
	char *d1 = dump("o1.db"), *d2 = dump("o2.db"), *d3 = dump("o3.db");
	assert_string_equal(d1, d2);
	assert_string_equal(d1, d3);
	free(d1);
	free(d2);
	free(d3);
	/* u1: the laptop's version (c.jpg, which extends a.jpg) wins; the copy's (a.jpg with
	 * other bytes) is kept in conflicts; every file either of them attached is there */
	assert_int_equal(count("o1.db", "SELECT count(*) FROM conflicts"), 1);
	assert_int_equal(count("o1.db", "SELECT count(*) FROM attachments"), 5);
	assert_int_equal(count("o1.db", "SELECT count(*) FROM attachments WHERE name = 'a.jpg'"),
			 2);
	assert_int_equal(count("o1.db", "SELECT count(*) FROM answers WHERE path = 'photo' AND "
			       "value = 'c.jpg'"), 1);
	/* a merged file merges again into another one: nothing new */
	const char *again[] = { "o1.db", "o2.db" };
	assert_int_equal(merge_into("o4.db", again, 2, NULL), 0);
	char *d4 = dump("o4.db"), *d0 = dump("o1.db");
	assert_string_equal(d4, d0);
	free(d4);
	free(d0);
}

struct seen {
	int n;
	char names[8][64];
};

static int on_attachment(void *arg, const store_attachment *a)
{
	struct seen *s = arg;
	const char *want = strcmp(a->name, "c.jpg") == 0 ? "third photo" :
			   strcmp(a->name, "house.jpg") == 0 ? "a house" : "%PDF-1.4 signed";
	assert_int_equal(a->size, strlen(want));
	assert_memory_equal(a->bytes, want, a->size);
	snprintf(s->names[s->n++], 64, "%s", a->name);
	return 0;
}

static void test_export_picks_the_winner(void **state)
{
	(void)state;
	store *st = open_file("o1.db", STORE_READONLY);
	struct seen seen = { 0 };
	assert_int_equal(store_attachments_scan(st, "att", on_attachment, &seen, errbuf), 0);
	store_close(st);
	/* complete interviews only: u1 (c.jpg) and u2 (house.jpg, consent.pdf) */
	assert_int_equal(seen.n, 3);
	int c = 0;
	for (int i = 0; i < seen.n; i++)
		c += strcmp(seen.names[i], "c.jpg") == 0;
	assert_int_equal(c, 1);
}

static void test_pack_then_merge(void **state)
{
	(void)state;
	char *in = path_in("laptop.db"), *out = path_in("pack.db"), sha[65];
	assert_int_equal(store_pack(in, out, sha, errbuf), 0);
	free(in);
	free(out);
	const char *a[] = { "pack.db" };
	assert_int_equal(merge_into("o5.db", a, 1, NULL), 0);
	assert_int_equal(count("o5.db", "SELECT count(*) FROM attachments"), 4);
}

/* A copy of the laptop changed by sql must be refused, the output left as it was. */
static void refused(const char *sql, const char *why_part)
{
	copy_file("laptop.db", "bad.db");
	char *p = path_in("bad.db");
	sqlite3 *db;
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	char *e = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &e) != SQLITE_OK)
		fail_msg("%s: %s", sql, e);
	sqlite3_close(db);
	free(p);
	char *before = dump("o1.db"), why[ERR_MAX] = "";
	const char *in[] = { "bad.db" };
	assert_int_equal(merge_into("o1.db", in, 1, why), 1);
	if (!strstr(why, why_part))
		fail_msg("refused for '%s', expected '%s'", why, why_part);
	char *after = dump("o1.db");
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static void test_hostile(void **state)
{
	(void)state;
	refused("UPDATE attachments SET bytes = CAST('other bytes' AS BLOB) WHERE name = 'c.jpg'",
		"does not match its SHA-256");
	refused("UPDATE attachments SET size = 3 WHERE name = 'c.jpg'", "does not match its size");
	refused("UPDATE attachments SET media_type = 'text/html' WHERE name = 'c.jpg'",
		"does not match its media type");
	refused("UPDATE attachments SET name = '../../x.jpg' WHERE name = 'c.jpg'",
		"not a plain file name");
	refused("DELETE FROM attachments WHERE name = 'c.jpg'", "names an attached file the file "
		"lacks");
	refused("INSERT INTO attachments SELECT uuid, 'doc', sha256, name, media_type, size, bytes "
		"FROM attachments WHERE name = 'c.jpg'", "no version of the interview attached");
	max_attach = 10;   /* "third photo" is 11 bytes, the document 15 */
	refused("SELECT 1", "bytes, above the limit of 10 bytes; give merge --max-attachment");
	max_attach = 0;
}

int main(void)
{
	store_set_form_ops(interview_form_ops());   /* merge checks answers with it */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_independence),
		cmocka_unit_test(test_export_picks_the_winner),
		cmocka_unit_test(test_pack_then_merge),
		cmocka_unit_test(test_hostile),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
