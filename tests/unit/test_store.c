/* test_store.c: the laptop database on real SQLite files in a temporary folder. */
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

#include "store/store.h"
#include "util/util.h"

static char dir[] = "/tmp/survey-test-store-XXXXXX";
static char errbuf[ERR_MAX];

static char *path_in(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static store *open_new(const char *name)
{
	char *p = path_in(name);
	unlink(p);
	store *st = NULL;
	int rc = store_open(p, STORE_CREATE, &st, errbuf);
	free(p);
	if (rc)
		fail_msg("store_open: %s", errbuf);
	return st;
}

/* Run one SQL query on a file with the sqlite3 library directly; returns the first column of the
 * first row as a malloc'd string. */
static char *query1(const char *file, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(file, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	char *out = NULL;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		out = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return out;
}

static int is_uuid4(const char *u)
{
	if (strlen(u) != 36 || u[14] != '4' || !strchr("89ab", u[19]))
		return 0;
	for (int i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (u[i] != '-')
				return 0;
		} else if (!strchr("0123456789abcdef", u[i])) {
			return 0;
		}
	}
	return 1;
}

static void test_uuid4(void **state)
{
	char a[37], b[37];
	assert_int_equal(store_uuid4(a, errbuf), 0);
	assert_int_equal(store_uuid4(b, errbuf), 0);
	assert_true(is_uuid4(a));
	assert_true(is_uuid4(b));
	assert_string_not_equal(a, b);
}

static void test_create_and_reopen(void **state)
{
	store *st = open_new("new.db");
	char dev[37];
	snprintf(dev, sizeof dev, "%s", store_device_id(st));
	assert_true(is_uuid4(dev));
	assert_int_equal(store_schema_version(st), STORE_SCHEMA_VERSION);
	store_close(st);
	char *p = path_in("new.db");
	assert_int_equal(store_open(p, 0, &st, errbuf), 0);
	assert_string_equal(store_device_id(st), dev);   /* kept, not made again */
	store_close(st);
	char *sync = query1(p, "PRAGMA journal_mode");
	assert_string_equal(sync, "wal");
	free(sync);
	free(p);
}

static void test_readonly_missing_is_not_created(void **state)
{
	char *p = path_in("missing.db");
	store *st;
	assert_int_equal(store_open(p, STORE_READONLY, &st, errbuf), -1);
	assert_non_null(strstr(errbuf, "missing.db"));
	assert_int_equal(access(p, F_OK), -1);
	free(p);
}

/* The comments of an interview: the last one per question, one cleared ("") is none. */
static void test_comments(void **state)
{
	store *st = open_new("comments.db");
	store_iv *iv;
	store_start how = { .form_id = "f", .form_version = "1" };
	assert_int_equal(store_iv_start(st, &how, &iv, errbuf), 0);
	assert_int_equal(store_iv_event(iv, "comment", "b", "first", errbuf), 0);
	assert_int_equal(store_iv_event(iv, "comment", "a", "gone", errbuf), 0);
	assert_int_equal(store_iv_event(iv, "comment", "b", "second", errbuf), 0);
	assert_int_equal(store_iv_event(iv, "comment", "a", "", errbuf), 0);
	assert_int_equal(store_iv_event(iv, "comment", "c", "third", errbuf), 0);
	store_answer *c;
	int n;
	assert_int_equal(store_comments(st, store_iv_uuid(iv), &c, &n, errbuf), 0);
	assert_int_equal(n, 2);
	assert_string_equal(c[0].path, "b");
	assert_string_equal(c[0].value, "second");
	assert_string_equal(c[1].path, "c");
	assert_string_equal(c[1].value, "third");
	store_answers_free(c, n);
	store_iv_close(iv);
	store_close(st);
}

static void test_answers_events_revision(void **state)
{
	store *st = open_new("answers.db");
	store_iv *iv;
	store_start how = { .form_id = "f", .form_version = "1", .interviewer = "Айгүл",
			    .lang = "ky" };
	assert_int_equal(store_iv_start(st, &how, &iv, errbuf), 0);
	char uuid[37];
	snprintf(uuid, sizeof uuid, "%s", store_iv_uuid(iv));
	assert_true(is_uuid4(uuid));
	assert_int_equal(store_iv_set(iv, "name", "Өмүр", STATE_ANSWERED, errbuf), 0);
	assert_int_equal(store_iv_set(iv, "name", "Өмүрбек", STATE_ANSWERED, errbuf), 0);
	assert_int_equal(store_iv_set(iv, "name", "Өмүрбек", STATE_ANSWERED, errbuf), 0); /* no-op */
	assert_int_equal(store_iv_set(iv, "age", NULL, STATE_REFUSED, errbuf), 0);
	assert_int_equal(store_iv_set(iv, "grp[2]/x", "1", STATE_ANSWERED, errbuf), 0);
	assert_int_equal(store_iv_set(iv, "grp[2]/y", "2", STATE_SKIPPED, errbuf), 0);

	store_answer *a;
	int n;
	assert_int_equal(store_answers(st, uuid, &a, &n, errbuf), 0);
	assert_int_equal(n, 4);
	assert_string_equal(a[0].path, "age");
	assert_null(a[0].value);
	assert_int_equal(a[0].state, STATE_REFUSED);
	assert_string_equal(a[3].path, "name");
	assert_string_equal(a[3].value, "Өмүрбек");
	store_answers_free(a, n);

	store_interview info;
	assert_int_equal(store_interview_get(st, uuid, &info, errbuf), 0);
	assert_int_equal(info.revision, 1 + 5);          /* start + 5 real changes */
	assert_string_equal(info.status, "draft");
	assert_string_equal(info.interviewer, "Айгүл");
	assert_string_equal(info.device_id, store_device_id(st));
	assert_int_equal(info.answered, 2);
	store_interview_release(&info);

	/* the change of name is logged with its old and new value */
	char *p = path_in("answers.db");
	char *ev = query1(p, "SELECT old_value || '>' || new_value FROM events "
			     "WHERE kind='answer' AND path='name' AND old_value IS NOT NULL");
	assert_string_equal(ev, "Өмүр>Өмүрбек");
	free(ev);
	char *nev = query1(p, "SELECT count(*) || ' ' || max(seq) FROM events");
	assert_string_equal(nev, "6 6");   /* opened + 5 answers; seq has no gaps */
	free(nev);

	/* removing a repeat instance removes its answers only */
	assert_int_equal(store_iv_remove(iv, "grp[2]", errbuf), 0);
	assert_int_equal(store_answers(st, uuid, &a, &n, errbuf), 0);
	assert_int_equal(n, 2);
	store_answers_free(a, n);
	store_iv_close(iv);
	store_close(st);
	free(p);
}

static void test_complete_hash(void **state)
{
	store *st = open_new("complete.db");
	store_iv *iv;
	store_start how = { .form_id = "f", .form_version = "1" };
	assert_int_equal(store_iv_start(st, &how, &iv, errbuf), 0);
	assert_int_equal(store_iv_set(iv, "q", "1", STATE_ANSWERED, errbuf), 0);
	assert_int_equal(store_iv_complete(iv, "Кара-Суу", errbuf), 0);
	store_interview info;
	assert_int_equal(store_interview_get(st, store_iv_uuid(iv), &info, errbuf), 0);
	assert_string_equal(info.status, "complete");
	assert_non_null(info.completed);
	assert_int_equal(strlen(info.content_hash), 64);
	assert_string_equal(info.instance_name, "Кара-Суу");
	char first[65];
	snprintf(first, sizeof first, "%s", info.content_hash);
	store_interview_release(&info);

	/* reopen, change, complete again: a different hash; change back: the first one */
	assert_int_equal(store_iv_reopen(iv, NULL, errbuf), 0);
	assert_int_equal(store_iv_set(iv, "q", "2", STATE_ANSWERED, errbuf), 0);
	assert_int_equal(store_iv_complete(iv, NULL, errbuf), 0);
	assert_int_equal(store_interview_get(st, store_iv_uuid(iv), &info, errbuf), 0);
	assert_string_not_equal(info.content_hash, first);
	store_interview_release(&info);
	assert_int_equal(store_iv_set(iv, "q", "1", STATE_ANSWERED, errbuf), 0);
	assert_int_equal(store_iv_complete(iv, NULL, errbuf), 0);
	assert_int_equal(store_interview_get(st, store_iv_uuid(iv), &info, errbuf), 0);
	assert_string_equal(info.content_hash, first);
	store_interview_release(&info);
	store_iv_close(iv);
	store_close(st);
}

/* A draft is discarded (kept, with an event), never a completed one; a discarded interview is
 * left out of progress counts; the reopen reason is in the event log. */
static void test_discard(void **state)
{
	store *st = open_new("discard.db");
	store_iv *iv, *done;
	store_start how = { .form_id = "f", .form_version = "1" };
	assert_int_equal(store_iv_start(st, &how, &iv, errbuf), 0);
	assert_int_equal(store_iv_set(iv, "q", "1", STATE_ANSWERED, errbuf), 0);
	assert_int_equal(store_iv_start(st, &how, &done, errbuf), 0);
	assert_int_equal(store_iv_set(done, "q", "1", STATE_ANSWERED, errbuf), 0);
	assert_int_equal(store_iv_complete(done, NULL, errbuf), 0);
	assert_int_equal(store_iv_discard(done, "x", errbuf), -1);
	assert_non_null(strstr(errbuf, "only a draft can be discarded"));
	assert_int_equal(store_iv_discard(iv, "started by mistake", errbuf), 0);
	store_interview info;
	assert_int_equal(store_interview_get(st, store_iv_uuid(iv), &info, errbuf), 0);
	assert_string_equal(info.status, "discarded");
	assert_int_equal(info.answered, 1);   /* its answers are kept */
	store_interview_release(&info);
	assert_int_equal(store_iv_discard(iv, NULL, errbuf), -1);   /* not twice */
	store_progress_row *rows;
	int n;
	assert_int_equal(store_progress(st, "q", &rows, &n, errbuf), 0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].complete, 1);
	assert_int_equal(rows[0].draft, 0);
	store_progress_free(rows, n);
	assert_int_equal(store_iv_reopen(done, "supervisor", errbuf), 0);
	assert_int_equal(store_interview_get(st, store_iv_uuid(done), &info, errbuf), 0);
	assert_string_equal(info.status, "draft");
	assert_null(info.content_hash);
	store_interview_release(&info);
	char *got = query1(store_path(st), "SELECT group_concat(e, ' ') FROM (SELECT kind || '=' || new_value "
			   "AS e FROM events WHERE kind IN ('discarded', 'reopened') ORDER BY kind)");
	assert_string_equal(got, "discarded=started by mistake reopened=supervisor");
	free(got);
	store_iv_close(iv);
	store_iv_close(done);
	store_close(st);
}

static void test_resume_continues_events(void **state)
{
	store *st = open_new("resume.db");
	store_iv *iv;
	store_start how = { .form_id = "f", .form_version = "1" };
	assert_int_equal(store_iv_start(st, &how, &iv, errbuf), 0);
	char uuid[37];
	snprintf(uuid, sizeof uuid, "%s", store_iv_uuid(iv));
	assert_int_equal(store_iv_set(iv, "q", "1", STATE_ANSWERED, errbuf), 0);
	assert_int_equal(store_iv_set_position(iv, "q", "ru", "Ноокат", errbuf), 0);
	store_iv_close(iv);
	store_close(st);

	char *p = path_in("resume.db");
	assert_int_equal(store_open(p, 0, &st, errbuf), 0);
	assert_int_equal(store_iv_resume(st, uuid, &iv, errbuf), 0);
	assert_int_equal(store_iv_set(iv, "r", "2", STATE_ANSWERED, errbuf), 0);
	store_interview info;
	assert_int_equal(store_interview_get(st, uuid, &info, errbuf), 0);
	assert_string_equal(info.position, "q");
	assert_string_equal(info.lang, "ru");
	assert_string_equal(info.instance_name, "Ноокат");   /* a draft is named too */
	store_interview_release(&info);
	store_iv_close(iv);
	assert_int_equal(store_iv_resume(st, "00000000-0000-4000-8000-000000000000", &iv, errbuf),
			 -1);
	assert_non_null(strstr(errbuf, "no interview"));
	store_close(st);
	char *seqs = query1(p, "SELECT group_concat(seq || kind, ',') FROM "
			       "(SELECT seq, kind FROM events ORDER BY seq)");
	assert_string_equal(seqs, "1opened,2answer,3resumed,4answer");
	free(seqs);
	char *mono = query1(p, "SELECT count(*) FROM events e1 JOIN events e2 "
			       "ON e2.seq = e1.seq + 1 WHERE e2.offset_ms < e1.offset_ms");
	assert_string_equal(mono, "0");   /* offsets never go back */
	free(mono);
	free(p);
}

static void test_list_and_batch(void **state)
{
	store *st = open_new("list.db");
	store_start how = { .form_id = "f", .form_version = "2", .device_id = "dev-b" };
	assert_int_equal(store_batch_begin(st, errbuf), 0);
	for (int i = 0; i < 50; i++) {
		store_iv *iv;
		assert_int_equal(store_iv_start(st, &how, &iv, errbuf), 0);
		assert_int_equal(store_iv_set(iv, "q", "x", STATE_ANSWERED, errbuf), 0);
		store_iv_close(iv);
	}
	assert_int_equal(store_batch_end(st, 0, errbuf), 0);   /* rolled back */
	store_interview *ivs;
	int n;
	assert_int_equal(store_interviews(st, &ivs, &n, errbuf), 0);
	assert_int_equal(n, 0);
	store_interviews_free(ivs, n);
	assert_int_equal(store_batch_begin(st, errbuf), 0);
	for (int i = 0; i < 50; i++) {
		store_iv *iv;
		assert_int_equal(store_iv_start(st, &how, &iv, errbuf), 0);
		store_iv_close(iv);
	}
	assert_int_equal(store_batch_end(st, 1, errbuf), 0);
	assert_int_equal(store_interviews(st, &ivs, &n, errbuf), 0);
	assert_int_equal(n, 50);
	assert_string_equal(ivs[7].device_id, "dev-b");
	assert_string_equal(ivs[7].form_version, "2");
	store_interviews_free(ivs, n);
	store_close(st);
}

/* Every interview has an origin: field unless the starter says otherwise; names round-trip. */
static void test_origin(void **state)
{
	store *st = open_new("origin.db");
	store_start how = { .form_id = "f", .form_version = "1" };
	store_iv *iv;
	assert_int_equal(store_iv_start(st, &how, &iv, errbuf), 0);
	char *field = xstrdup(store_iv_uuid(iv));
	store_iv_close(iv);
	how.origin = ORIGIN_SIMULATED;
	assert_int_equal(store_iv_start(st, &how, &iv, errbuf), 0);
	char *sim = xstrdup(store_iv_uuid(iv));
	store_iv_close(iv);
	store_interview a, b;
	assert_int_equal(store_interview_get(st, field, &a, errbuf), 0);
	assert_int_equal(store_interview_get(st, sim, &b, errbuf), 0);
	assert_string_equal(a.origin, "field");
	assert_string_equal(b.origin, "simulated");
	store_interview_release(&a);
	store_interview_release(&b);
	store_close(st);
	for (int o = 0; o < ORIGIN_N; o++) {
		store_origin back;
		assert_int_equal(store_origin_parse(store_origin_name((store_origin)o), &back), 0);
		assert_int_equal(back, o);
	}
	store_origin x;
	assert_int_equal(store_origin_parse("real", &x), -1);
	assert_int_equal(store_origin_parse(NULL, &x), -1);
	free(field);
	free(sim);
}

static void test_forms_embedded(void **state)
{
	store *st = open_new("forms.db");
	const char src[] = "| survey |\n| | type | name |\n";
	assert_int_equal(store_form_put(st, "f", "1", "T", "f.md", "md", src, sizeof src - 1,
					errbuf), 0);
	assert_int_equal(store_form_put(st, "f", "1", "T", "f.md", "md", src, sizeof src - 1,
					errbuf), 0);
	assert_int_equal(store_form_put(st, "f", "1", "T", "f.md", "md", "other", 5, errbuf),
			 -1);
	assert_non_null(strstr(errbuf, "new version"));
	void *bytes;
	size_t len;
	char *name, *kind;
	assert_int_equal(store_form_get(st, "f", "1", &bytes, &len, &name, &kind, errbuf), 0);
	assert_int_equal(len, sizeof src - 1);
	assert_memory_equal(bytes, src, len);
	assert_string_equal(kind, "md");
	free(bytes);
	free(name);
	free(kind);
	assert_int_equal(store_form_get(st, "g", NULL, &bytes, &len, &name, &kind, errbuf), -1);
	store_close(st);
}

/* --- bad files: refused with a one-line reason, bytes unchanged ---------------------------- */

static char *write_file(const char *name, const void *data, size_t len)
{
	char *p = path_in(name);
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	fwrite(data, 1, len, f);
	fclose(f);
	return p;
}

static void expect_refused(const char *p, int flags, const char *reason)
{
	size_t before_len, after_len;
	char *before = read_file(p, &before_len, errbuf);
	assert_non_null(before);
	store *st = NULL;
	assert_int_equal(store_open(p, flags, &st, errbuf), -1);
	assert_null(st);
	if (!strstr(errbuf, reason) || !strstr(errbuf, p) || strchr(errbuf, '\n'))
		fail_msg("message '%s' lacks '%s' or the file name", errbuf, reason);
	char *after = read_file(p, &after_len, errbuf);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	free(before);
	free(after);
}

static void test_bad_files(void **state)
{
	/* not a database at all */
	char *p = write_file("text.db", "hello, this is not sqlite\n", 26);
	expect_refused(p, 0, "not a database");
	expect_refused(p, STORE_CREATE, "not a database");
	free(p);

	/* a database of another program */
	p = path_in("other.db");
	unlink(p);
	sqlite3 *db;
	sqlite3_open(p, &db);
	sqlite3_exec(db, "CREATE TABLE customers(id, name); INSERT INTO customers VALUES (1,'x')",
		     NULL, NULL, NULL);
	sqlite3_close(db);
	expect_refused(p, 0, "another program");
	sqlite3_open(p, &db);
	sqlite3_exec(db, "PRAGMA application_id = 1234", NULL, NULL, NULL);
	sqlite3_close(db);
	expect_refused(p, STORE_READONLY, "another program");
	free(p);

	/* a truncated copy of a real survey database */
	store *st = open_new("full.db");
	store_start how = { .form_id = "f", .form_version = "1" };
	assert_int_equal(store_batch_begin(st, errbuf), 0);
	for (int i = 0; i < 200; i++) {
		store_iv *iv;
		assert_int_equal(store_iv_start(st, &how, &iv, errbuf), 0);
		assert_int_equal(store_iv_set(iv, "q", "a fairly long answer to fill pages",
					      STATE_ANSWERED, errbuf), 0);
		store_iv_close(iv);
	}
	assert_int_equal(store_batch_end(st, 1, errbuf), 0);
	store_close(st);
	char *full = path_in("full.db");
	size_t len;
	char *bytes = read_file(full, &len, errbuf);
	assert_true(len > 8192);
	p = write_file("truncated.db", bytes, len / 2);
	expect_refused(p, 0, "truncated");
	free(p);
	p = write_file("short.db", bytes, 50);
	expect_refused(p, 0, "truncated");
	free(p);

	/* a file from a newer survey */
	p = write_file("newer.db", bytes, len);
	sqlite3_open(p, &db);
	sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(db);
	expect_refused(p, 0, "newer survey");
	expect_refused(p, STORE_READONLY, "newer survey");
	free(p);
	free(bytes);
	free(full);
}

static int setup(void **state)
{
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uuid4),
		cmocka_unit_test(test_create_and_reopen),
		cmocka_unit_test(test_readonly_missing_is_not_created),
		cmocka_unit_test(test_answers_events_revision),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_complete_hash),
		cmocka_unit_test(test_discard),
		cmocka_unit_test(test_resume_continues_events),
		cmocka_unit_test(test_list_and_batch),
		cmocka_unit_test(test_origin),
		cmocka_unit_test(test_forms_embedded),
		cmocka_unit_test(test_bad_files),
	};
	return cmocka_run_group_tests_name("store", tests, setup, teardown);
}
