/* test_schema8.c: the migration of a schema-7 file to the records of schema 8
 * (record_schema.h; store_open's with STORE_SCHEMA8) loses nothing: the views interviews, answers
 * and events give back every row of the file as it was, on simulated interviews of the shipped
 * survey and on rows crafted at the edges of the encoding; a row survey never writes stops the
 * migration with one line and the transaction leaves the file as it was. Needs $SURVEY
 * (tests/run sets it); skipped without it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/stat.h>

#include "interview/form_ops.h"   /* (the Makefile links the layers a test names) */
#include "store/merge_impl.h"
#include "store/record_form.h"
#include "store/record_hash.h"
#include "store/record_schema.h"
#include "store/record_store.h"
#include "store/store_impl.h"

#include "record_sim.h"

static long long count(sqlite3 *db, const char *q)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, q, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", q, sqlite3_errmsg(db));
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* A simulated schema-7 file (*old) and its copy migrated to schema 8 (*new), opened, with
 * the schema-7 file attached as "old". */
static sqlite3 *migrated(const char *name, int crafted, char **old, char **new)
{
	need_survey();
	*old = xasprintf("%s/%s7.db", dir, name);
	*new = xasprintf("%s/%s8.db", dir, name);
	simulated(*old, crafted);
	char *cmd = xasprintf("cp '%s' '%s'", *old, *new);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	sqlite3 *db;
	char err[ERR_MAX] = "";
	assert_int_equal(sqlite3_open(*new, &db), SQLITE_OK);
	sql(db, "BEGIN");
	if (record_migrate_7_to_8(db, err))
		fail_msg("%s", err);
	sql(db, "COMMIT; PRAGMA page_size = 16384; VACUUM");
	char *att = xasprintf("ATTACH 'file:%s?mode=ro' AS old", *old);
	sqlite3_close(db);
	assert_int_equal(sqlite3_open_v2(*new, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL),
			 SQLITE_OK);
	sql(db, att);
	free(att);
	return db;
}

static void lossless(const char *name, int crafted)
{
	char *old, *new;
	sqlite3 *db = migrated(name, crafted, &old, &new);
	static const char *const tables[] = { "interviews", "answers", "events" };
	for (int t = 0; t < 3; t++) {
		char *q = xasprintf("SELECT count(*) FROM (SELECT * FROM old.%s EXCEPT SELECT * FROM "
				    "main.%s)", tables[t], tables[t]);
		char *r = xasprintf("SELECT count(*) FROM (SELECT * FROM main.%s EXCEPT SELECT * FROM "
				    "old.%s)", tables[t], tables[t]);
		char *n = xasprintf("SELECT (SELECT count(*) FROM old.%s) - (SELECT count(*) FROM "
				    "main.%s)", tables[t], tables[t]);
		if (count(db, q) || count(db, r) || count(db, n))
			fail_msg("%s: the view differs from the schema-7 rows (%lld, %lld, %lld)",
				 tables[t], count(db, q), count(db, r), count(db, n));
		free(q);
		free(r);
		free(n);
	}
	assert_true(count(db, "SELECT count(*) FROM old.events") > 12);
	assert_int_equal(count(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND "
			       "name IN ('interviews', 'answers', 'events')"), 3);
	assert_true(count(db, "SELECT count(*) FROM paths") > 10);
	struct stat a, b;
	assert_int_equal(stat(old, &a), 0);
	assert_int_equal(stat(new, &b), 0);
	printf("# %s: %lld bytes per interview in schema 7, %lld in schema 8\n", name,
	       (long long)a.st_size / 12, (long long)b.st_size / 12);
	sqlite3_close(db);
	free(old);
	free(new);
}

static void test_simulated(void **state)
{
	lossless("sim", 0);
}

static void test_crafted(void **state)
{
	lossless("edge", 1);
}

/* The event-log hash and content hash of each record, decoded in C, are those of its
 * schema-7 rows (the event hash as store_iv_events_hash computes it; the content hash the
 * simulated interview was completed with). */
static void test_hashes(void **state)
{
	char *old, *new, err[ERR_MAX] = "";
	sqlite3 *db = migrated("hash", 0, &old, &new);
	sqlite3_stmt *r, *ev;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT i.uuid, i.form_id, i.form_version, "
					    "i.created, i.content_hash, r.answers, r.events, i.status "
					    "FROM interviews i JOIN records r ON r.uuid = i.uuid", -1, &r, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT " STORE_EVENT_COLUMNS " FROM old.events "
					    "WHERE uuid = ?1 ORDER BY seq", -1, &ev, NULL),
			 SQLITE_OK);
	int n = 0, complete = 0;
	while (sqlite3_step(r) == SQLITE_ROW) {
		record_paths *paths = record_paths_load(db, "main",
							(const char *)sqlite3_column_text(r, 1),
							(const char *)sqlite3_column_text(r, 2), err);
		assert_non_null(paths);
		const char *a = (const char *)sqlite3_column_text(r, 5);
		const char *e = (const char *)sqlite3_column_text(r, 6);
		record_rows rows;
		if (record_check(paths, (const char *)sqlite3_column_text(r, 3),
				 (const char *)sqlite3_column_text(r, 4), a, strlen(a), e, strlen(e),
				 &rows, err))
			fail_msg("%s", err);
		char got[65], want[65];
		record_events_hash(&rows, got);
		struct sha256_ctx h;
		sha256_init(&h);
		sqlite3_reset(ev);
		sqlite3_bind_value(ev, 1, sqlite3_column_value(r, 0));
		while (sqlite3_step(ev) == SQLITE_ROW)
			store_hash_columns(&h, ev, 0, STORE_EVENT_NCOLUMNS);
		store_hash_hex(&h, want);
		assert_string_equal(got, want);
		if (strcmp((const char *)sqlite3_column_text(r, 7), "complete") == 0) {
			record_content_hash(&rows, (const char *)sqlite3_column_text(r, 0),
					    (const char *)sqlite3_column_text(r, 1),
					    (const char *)sqlite3_column_text(r, 2), got);
			assert_string_equal(got, (const char *)sqlite3_column_text(r, 4));
			complete++;
		}
		record_rows_free(&rows);
		record_paths_free(paths);
		n++;
	}
	assert_int_equal(n, 12);
	assert_true(complete > 0);
	sqlite3_finalize(r);
	sqlite3_finalize(ev);
	sqlite3_close(db);
	free(old);
	free(new);
}

static char *text1(sqlite3 *db, const char *q)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, q, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", q, sqlite3_errmsg(db));
	char *t = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) ?
		xstrdup((const char *)sqlite3_column_text(s, 0)) : NULL;
	sqlite3_finalize(s);
	return t;
}

/* A writer's save on records (load, change, save) shows through the views as the schema-7
 * rows it stands for, and changes nothing else. */
static void test_save(void **state)
{
	char *old, *new, err[ERR_MAX] = "";
	sqlite3 *db = migrated("save", 0, &old, &new);
	char *uuid = text1(db, "SELECT min(uuid) FROM interviews");
	char *q = sqlite3_mprintf("SELECT min(path) FROM answers WHERE uuid = '%q'", uuid);
	char *path = text1(db, q);
	sqlite3_free(q);
	q = sqlite3_mprintf("SELECT value || '|' || state FROM answers WHERE uuid = '%q' AND "
			    "path = '%q'", uuid, path);
	char *before = text1(db, q);
	sqlite3_free(q);
	q = sqlite3_mprintf("SELECT form_id || '|' || form_version FROM interviews WHERE "
			    "uuid = '%q'", uuid);
	char *form = text1(db, q);
	sqlite3_free(q);
	assert_non_null(before);
	*strchr(form, '|') = '\0';
	record_paths *paths = record_paths_load(db, "main", form, form + strlen(form) + 1, err);
	assert_non_null(paths);
	record_rows r;
	assert_int_equal(record_load(db, "main", uuid, paths, &r, err), 0);
	size_t n_events = r.n_events;
	long long off = r.events[n_events - 1].offset_ms + 1500;
	char *old_value = NULL, *old_state = NULL;
	for (size_t k = 0; k < r.n_answers; k++)
		if (strcmp(r.answers[k].path, path) == 0) {
			old_value = xstrdup(r.answers[k].value);
			old_state = xstrdup(r.answers[k].state);
		}
	record_event ev = { 0, off, (char *)"2030-01-02T03:04:05.678Z", (char *)"answer", path,
			    old_value, (char *)"changed \"now\"", old_state, (char *)"answered" };
	record_rows_add_event(&r, &ev);
	record_rows_set_answer(&r, path, "changed \"now\"", "answered", "2030-01-02T03:04:05.678Z");
	sql(db, "BEGIN");
	assert_int_equal(record_save(db, uuid, paths, &r, err), 0);
	sql(db, "COMMIT");
	record_rows_free(&r);

	q = sqlite3_mprintf("SELECT value || '|' || state || '|' || modified FROM answers "
			    "WHERE uuid = '%q' AND path = '%q'", uuid, path);
	char *after = text1(db, q);
	sqlite3_free(q);
	assert_string_equal(after, "changed \"now\"|answered|2030-01-02T03:04:05.678Z");
	q = sqlite3_mprintf("SELECT seq || '|' || at || '|' || offset_ms || '|' || kind || '|' || "
			    "path || '|' || old_value || '|' || new_value || '|' || old_state || '|' "
			    "|| new_state FROM events WHERE uuid = '%q' ORDER BY seq DESC LIMIT 1",
			    uuid);
	char *last = text1(db, q);
	sqlite3_free(q);
	char *want = xasprintf("%zu|2030-01-02T03:04:05.678Z|%lld|answer|%s|%s|changed \"now\"|%s|"
			       "answered", n_events + 1, off, path, old_value, old_state);
	assert_string_equal(last, want);
	/* every other row as it was */
	q = sqlite3_mprintf("SELECT (SELECT count(*) FROM (SELECT * FROM old.answers EXCEPT "
			    "SELECT * FROM main.answers)) || ' ' || (SELECT count(*) FROM (SELECT * "
			    "FROM main.events EXCEPT SELECT * FROM old.events)) || ' ' || (SELECT "
			    "count(*) FROM (SELECT * FROM old.events EXCEPT SELECT * FROM main.events))");
	char *diff = text1(db, q);
	sqlite3_free(q);
	assert_string_equal(diff, "1 1 0");
	free(diff);
	free(want);
	free(last);
	free(after);
	free(old_value);
	free(old_state);
	free(before);
	free(form);
	free(path);
	free(uuid);
	record_paths_free(paths);
	sqlite3_close(db);
	free(old);
	free(new);
}

/* A file's paths rows are those its forms give; a row changed, added or removed is refused
 * with one line (what merge asks of an input). */
static void test_paths_verify(void **state)
{
	char *old, *new, err[ERR_MAX] = "";
	sqlite3 *db = migrated("paths", 0, &old, &new);
	assert_int_equal(record_paths_verify(db, "main", err), 0);
	static const char *const bad[] = {
		"UPDATE paths SET path = 'x' WHERE id = (SELECT min(id) FROM paths)",
		"UPDATE paths SET id = id + 100000 WHERE id = (SELECT max(id) FROM paths)",
		"UPDATE paths SET id = id || 'x' WHERE id = (SELECT min(id) FROM paths)",
		"DELETE FROM paths WHERE id = (SELECT max(id) FROM paths)",
		"INSERT INTO paths SELECT form_id, form_version, 99999, 'more' FROM paths LIMIT 1",
		"INSERT INTO paths VALUES('other', '1', 1, 'a')",
	};
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		sql(db, "BEGIN");
		sql(db, bad[k]);
		if (record_paths_verify(db, "main", err) == 0)
			fail_msg("accepted: %s", bad[k]);
		assert_null(strchr(err, '\n'));
		assert_non_null(strstr(err, "path ids"));
		sql(db, "ROLLBACK");
	}
	assert_int_equal(record_paths_verify(db, "main", err), 0);
	sqlite3_close(db);
	free(old);
	free(new);
}

/* A status survey never writes: one line, and the transaction leaves the file as it was. */
static void test_refused(void **state)
{
	need_survey();
	char *path = xasprintf("%s/bad.db", dir);
	simulated(path, 0);
	sqlite3 *db;
	char err[ERR_MAX] = "";
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sql(db, "PRAGMA ignore_check_constraints = ON; UPDATE interviews SET status = 'odd' "
		"WHERE uuid = (SELECT max(uuid) FROM interviews)");
	sql(db, "BEGIN");
	assert_int_equal(record_migrate_7_to_8(db, err), -1);
	assert_non_null(strstr(err, "a status, origin or revision survey does not write"));
	assert_null(strchr(err, '\n'));
	sql(db, "ROLLBACK");
	assert_int_equal(count(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('records', "
			       "'paths')"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM interviews"), 12);
	sqlite3_close(db);
	free(path);
}

/* record_interview_texts (merge's interview row of a record, made in C) against the view it
 * replaces: for records crafted one or two columns at a time (any type in any column, as a
 * crafted file may hold), it accepts exactly the records the view's row, written as schema 7
 * and made a record again by record_row_cells, gives back unchanged, and then its texts are
 * the view's. */
static void test_interview_texts(void **state)
{
	sqlite3 *db;
	char err[ERR_MAX] = "";
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	/* records without declared types or constraints: every cell stays as crafted */
	sql(db, "CREATE TABLE records(uuid, form_id, form_version, device_id, interviewer, "
		"status, revision, created, modified, completed, content_hash, lang, position, "
		"instance_name, origin, answers, events); ATTACH ':memory:' AS s7");
	char *sel = record_interviews_select();
	char *view = xasprintf("CREATE VIEW interviews AS SELECT %s FROM records", sel);
	sql(db, view);
	free(view);
	free(sel);
	if (merge_tables_v7(db, "s7", "'interviews'", err))
		fail_msg("%s", err);
	static const char *const base[15] = {
		"'u1'", "'f'", "'1'", "'d'", "''", "1", "3", "1700000000123", "456", "NULL",
		"x'00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'", "'ky'",
		"NULL", "NULL", "0" };
	static const char *const odd[] = {
		"NULL", "0", "1", "2", "3", "-1", "5.0", "0.5", "''", "'x'", "'draft'", "'field'",
		"'5'", "x'00'", "1700000000123", "1700000000123.5", "9223372036854775807",
		"-40000000000000", "253402300799999", "'2023-11-14T22:13:20.123Z'",
		"'2023-11-14 22:13:20'", "'0999-01-01T00:00:00.000Z'",
		"'00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'",
		"'00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF'",
		"x'00112233445566778899aabbccddeeff00112233445566778899aabbccddee'",
		"x'00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'",
		"'a' || char(0) || 'b'", "'Айгүл'" };
	size_t nodd = sizeof odd / sizeof *odd;
	/* one column changed, then created with modified and completed changed too */
	int tried = 0, accepted = 0;
	for (size_t col = 0; col < 17; col++)
		for (size_t v = 0; v < nodd; v++)
			for (size_t w = 0; w < (col >= 15 ? nodd : 1); w++) {
				const char *c[15];
				for (int k = 0; k < 15; k++)
					c[k] = base[k];
				if (col < 15) {
					c[col] = odd[v];
				} else {   /* 15: created and modified; 16: created, completed */
					c[7] = odd[v];
					c[col == 15 ? 8 : 9] = odd[w];
				}
				strbuf q = STRBUF_INIT;
				sb_adds(&q, "DELETE FROM records; DELETE FROM s7.interviews; "
					"INSERT INTO records VALUES(");
				for (int k = 0; k < 15; k++)
					sb_addf(&q, "%s, ", c[k]);
				sb_adds(&q, "'[]', '[]')");
				sql(db, sb_str(&q));
				sb_release(&q);
				/* the view's way: its row as schema 7, read back, made a record again */
				int old_ok = sqlite3_exec(db, "INSERT INTO s7.interviews SELECT * FROM "
							  "main.interviews", NULL, NULL, NULL) ==
					     SQLITE_OK;
				sqlite3_stmt *g = NULL, *r = NULL;
				assert_int_equal(sqlite3_prepare_v2(db, "SELECT " STORE_INTERVIEW_COLUMNS
								    " FROM s7.interviews", -1, &g,
								    NULL), SQLITE_OK);
				assert_int_equal(sqlite3_prepare_v2(db, "SELECT " STORE_INTERVIEW_COLUMNS
								    " FROM records", -1, &r, NULL),
						 SQLITE_OK);
				assert_int_equal(sqlite3_step(r), SQLITE_ROW);
				record_cells cells;
				if (old_ok)
					old_ok = sqlite3_step(g) == SQLITE_ROW &&
						 record_row_cells(g, &cells, err) == 0 &&
						 record_cells_same(&cells, g, r, 0);
				record_iv_texts t;
				int new_ok = record_interview_texts(r, 0, &t);
				if (new_ok != old_ok)
					fail_msg("column %zu = %s (%s): the view %s, record_interview_"
						 "texts %s", col, odd[v], col >= 15 ? odd[w] : "",
						 old_ok ? "accepts" : "refuses",
						 new_ok ? "accepts" : "refuses");
				for (int k = 0; new_ok && k < 15; k++) {
					if (k == 6) {
						assert_int_equal(t.revision, sqlite3_column_int64(g, 6));
						continue;
					}
					assert_int_equal(t.blob[k], sqlite3_column_type(g, k) ==
							 SQLITE_BLOB);
					const char *want = (const char *)sqlite3_column_text(g, k);
					if (!want != !t.text[k] || (want && (t.len[k] !=
					    sqlite3_column_bytes(g, k) || memcmp(want, t.text[k],
					    (size_t)t.len[k]) != 0)))
						fail_msg("column %zu = %s: column %d is '%s', the view "
							 "gives '%s'", col, odd[v], k,
							 t.text[k] ? t.text[k] : "NULL",
							 want ? want : "NULL");
				}
				tried++;
				accepted += new_ok;
				sqlite3_finalize(g);
				sqlite3_finalize(r);
			}
	assert_true(accepted > 20 && accepted < tried - 100);
	sqlite3_close(db);
}

/* The SHA-256 of a file's bytes (hex). */
static void file_sha(const char *path, char out[65])
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_add(&sb, buf, n);
	fclose(f);
	store_sha256_hex(sb_str(&sb), sb.len, out);
	sb_release(&sb);
}

/* store_open with STORE_SCHEMA8 migrates a schema-7 file in place: the handle is that of a
 * schema-8 file (its version, its TEMP views, the path ids of every form version), and each
 * interview reads through the store as it did at schema 7 (its rows, its event-log hash). */
static void test_store_open(void **state)
{
	need_survey();
	char *old = xasprintf("%s/open7.db", dir), *new = xasprintf("%s/open8.db", dir);
	simulated(old, 1);
	char *cmd = xasprintf("cp '%s' '%s'", old, new);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	store *s7, *s8;
	char err[ERR_MAX] = "";
	if (store_open(new, STORE_SCHEMA8, &s8, err))
		fail_msg("%s", err);
	assert_int_equal(store_open(old, STORE_READONLY, &s7, err), 0);
	assert_int_equal(store_schema_version(s7), 7);
	assert_int_equal(store_schema_version(s8), STORE_SCHEMA_RECORDS);
	if (record_paths_verify(s8->db, "main", err))
		fail_msg("%s", err);
	assert_int_equal(count(s8->db, "SELECT count(*) FROM forms"), 1);
	assert_true(count(s8->db, "SELECT count(*) FROM paths") > 10);
	assert_int_equal(count(s8->db, "SELECT count(*) FROM temp.sqlite_schema WHERE type = "
			       "'view' AND name IN ('interviews', 'answers', 'events')"), 3);
	assert_int_equal(count(s8->db, "PRAGMA page_size"), 16384);
	assert_int_equal(count(s8->db, "SELECT count(*) FROM records"), 12);
	/* the store's own connection reads the views (its TEMP ones: trusted_schema is off) */
	assert_int_equal(count(s8->db, "SELECT count(*) FROM events"),
			 count(s7->db, "SELECT count(*) FROM events"));
	sqlite3_stmt *u;
	assert_int_equal(sqlite3_prepare_v2(s7->db, "SELECT uuid FROM interviews ORDER BY uuid",
					    -1, &u, NULL), SQLITE_OK);
	int n = 0;
	while (sqlite3_step(u) == SQLITE_ROW) {
		const char *uuid = (const char *)sqlite3_column_text(u, 0);
		char h7[65], h8[65];
		long long c7, c8;
		record_rows r7, r8;
		assert_int_equal(store_iv_events_hash(s7, uuid, h7, &c7, err), 0);
		if (store_iv_events_hash(s8, uuid, h8, &c8, err))
			fail_msg("%s", err);
		assert_string_equal(h8, h7);
		assert_int_equal(c8, c7);
		assert_int_equal(store_iv_rows(s7, uuid, STORE_ROWS_ANSWERS, &r7, err), 0);
		assert_int_equal(store_iv_rows(s8, uuid, STORE_ROWS_ANSWERS, &r8, err), 0);
		assert_int_equal(r8.n_answers, r7.n_answers);
		for (size_t k = 0; k < r7.n_answers; k++) {
			assert_string_equal(r8.answers[k].path, r7.answers[k].path);
			assert_string_equal(r8.answers[k].state, r7.answers[k].state);
			assert_true((!r8.answers[k].value && !r7.answers[k].value) ||
				    (r8.answers[k].value && r7.answers[k].value &&
				     strcmp(r8.answers[k].value, r7.answers[k].value) == 0));
		}
		record_rows_free(&r7);
		record_rows_free(&r8);
		n++;
	}
	assert_int_equal(n, 12);
	sqlite3_finalize(u);
	store_close(s7);
	store_close(s8);
	/* opened again, with or without the switch: schema 8 as it is */
	assert_int_equal(store_open(new, 0, &s8, err), 0);
	assert_int_equal(store_schema_version(s8), STORE_SCHEMA_RECORDS);
	store_close(s8);
	free(old);
	free(new);
}

/* A record that cannot be built (a value of the wrong type) refuses the open in one line naming
 * the file and the interview, and leaves the file's bytes as they were; without the switch the
 * file opens, still schema 7. */
static void test_store_open_refused(void **state)
{
	need_survey();
	char *path = xasprintf("%s/refused.db", dir);
	simulated(path, 0);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sql(db, "UPDATE events SET new_value = X'00ff' WHERE (uuid, seq) = (SELECT uuid, max(seq) "
		"FROM events WHERE uuid = (SELECT max(uuid) FROM interviews))");
	char *uuid = text1(db, "SELECT max(uuid) FROM interviews");
	sqlite3_close(db);
	char before[65], after[65], err[ERR_MAX] = "";
	file_sha(path, before);
	store *st;
	assert_int_equal(store_open(path, STORE_SCHEMA8, &st, err), -1);
	assert_null(st);
	assert_null(strchr(err, '\n'));
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err, uuid));
	assert_non_null(strstr(err, "an event of the wrong type"));
	assert_non_null(strstr(err, "nothing was changed"));
	file_sha(path, after);
	assert_string_equal(after, before);
	assert_int_equal(store_open(path, 0, &st, err), 0);
	assert_int_equal(store_schema_version(st), 7);
	store_close(st);
	free(uuid);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simulated),
		cmocka_unit_test(test_crafted),
		cmocka_unit_test(test_hashes),
		cmocka_unit_test(test_save),
		cmocka_unit_test(test_paths_verify),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_interview_texts),
		cmocka_unit_test(test_store_open),
		cmocka_unit_test(test_store_open_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
