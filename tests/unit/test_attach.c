/* test_attach.c: attaching files through the engine (engine_attach) and the store: a plain
 * file name or a refusal that changes nothing, only on media questions, the bytes, SHA-256,
 * media type and "attached" event kept, a second file under the same name read back as the
 * current one; and the helpers around it (termsafe_file_name_ok, store_media_type, the size
 * parser and printer of --max-attachment). */
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

#include "form/value.h"
#include "util/termsafe.h"
#include "interview/engine.h"
#include "store/attach.h"
#include "util/util.h"

static const char form_md[] =
	"| survey |\n| | type | name | label | required |\n| | text | who | Who | |\n"
	"| | image | photo | Photo | yes |\n| | barcode | code | Code | |\n"
	"| settings |\n| | form_id | version |\n| | att | 1 |\n";

static char path[] = "/tmp/survey-test-attach-engine-XXXXXX";
static char errbuf[ERR_MAX];

static long long one(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

static int on_file(void *arg, const store_attachment *a)
{
	char *got = arg;
	snprintf(got, 128, "%s:%.*s", a->name, (int)a->size, (const char *)a->bytes);
	return 0;
}

static void test_engine_attach(void **state)
{
	(void)state;
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	form *f;
	assert_int_equal(form_load_mem("att.md", "md", form_md, sizeof form_md - 1, &f, NULL,
				       errbuf), 0);
	store *st;
	assert_int_equal(store_open(path, STORE_CREATE, &st, errbuf), 0);
	engine_new how = { .interviewer = "Бакыт", .source = form_md,
			   .source_len = sizeof form_md - 1, .source_name = "att.md",
			   .source_kind = "md" };
	engine *e;
	assert_int_equal(engine_start(st, f, &how, &e, errbuf), 0);

	/* refused, nothing stored: a name with a folder, a hidden name, a non-media question */
	assert_int_equal(engine_attach(e, "photo", "../x.jpg", "abc", 3, errbuf), ENGINE_REJECTED);
	assert_string_equal(errbuf, "Not a plain file name");
	assert_int_equal(engine_attach(e, "photo", ".hidden", "abc", 3, errbuf), ENGINE_REJECTED);
	assert_int_equal(engine_attach(e, "photo", "", "abc", 3, errbuf), ENGINE_REJECTED);
	assert_int_equal(engine_attach(e, "who", "a.jpg", "abc", 3, errbuf), ENGINE_REJECTED);
	assert_int_equal(engine_answer(e, "photo", "a/b.jpg", errbuf), ENGINE_REJECTED);
	assert_int_equal(one("SELECT count(*) FROM attachments"), 0);
	assert_null(engine_value(e, "photo"));

	/* attached: the answer is the name; the bytes, hash, type and event are stored */
	assert_int_equal(engine_attach(e, "photo", "Дом.JPG", "first", 5, errbuf), 0);
	assert_string_equal(engine_value(e, "photo"), "Дом.JPG");
	assert_int_equal(one("SELECT count(*) FROM attachments WHERE media_type = 'image/jpeg' "
			     "AND size = 5 AND sha256 = "
			     "'a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e'"), 1);
	assert_int_equal(one("SELECT count(*) FROM events WHERE kind = 'attached' AND path = "
			     "'photo' AND new_value = 'a7937b64b8caa58f03721bb6bacf5c78cb235febe0e7"
			     "0b1b84cd99541461a08e Дом.JPG'"), 1);
	/* another file under the same name: both kept, the later one is current */
	assert_int_equal(engine_attach(e, "photo", "Дом.JPG", "second", 6, errbuf), 0);
	assert_int_equal(one("SELECT count(*) FROM attachments"), 2);
	assert_int_equal(engine_answer(e, "code", "4006381333931", errbuf), 0);
	assert_int_equal(engine_complete(e, errbuf), 0);
	char got[128] = "";
	assert_int_equal(store_attachments_scan(st, "att", on_file, got, errbuf), 0);
	assert_string_equal(got, "Дом.JPG:second");
	/* a required photo cannot be cleared away silently: clearing leaves a problem */
	assert_int_equal(engine_answer(e, "photo", "", errbuf), 0);
	assert_int_equal(engine_complete(e, errbuf), ENGINE_REJECTED);
	engine_free(e);
	store_close(st);
	form_free(f);
	unlink(path);
}

static void test_names_and_sizes(void **state)
{
	(void)state;
	const char *good[] = { "a.jpg", "IMG_0001.JPG", "Сүрөт 1.png", "x", "a.b.c" };
	const char *bad[] = { "", ".", "..", "../a", "a/b", "a\\b", ".hidden", "a..b",
			      "a\tb", "a\nb", "a\x1b[2J", "\xff\xfe" };
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_true(termsafe_file_name_ok(good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(termsafe_file_name_ok(bad[i]));
	char longname[300];
	memset(longname, 'a', 256);
	longname[256] = '\0';
	assert_false(termsafe_file_name_ok(longname));
	longname[255] = '\0';
	assert_true(termsafe_file_name_ok(longname));

	assert_string_equal(store_media_type("a.JPG"), "image/jpeg");
	assert_string_equal(store_media_type("a.m4a"), "audio/mp4");
	assert_string_equal(store_media_type("a.tar.mp4"), "video/mp4");
	assert_string_equal(store_media_type("README"), "application/octet-stream");
	assert_string_equal(store_media_type(".jpg"), "application/octet-stream");

	long long v;
	assert_int_equal(util_parse_size("20M", &v), 0);
	assert_int_equal(v, 20LL << 20);
	assert_int_equal(util_parse_size("500kb", &v), 0);
	assert_int_equal(v, 500LL << 10);
	assert_int_equal(util_parse_size("1048576", &v), 0);
	assert_int_equal(v, 1048576);
	assert_int_equal(util_parse_size("1G", &v), 0);
	assert_int_equal(v, 1LL << 30);
	const char *nots[] = { "", "M", "-1", "1.5M", "12X", "1MM", "99999999999999999999" };
	for (size_t i = 0; i < sizeof nots / sizeof nots[0]; i++)
		assert_int_equal(util_parse_size(nots[i], &v), -1);
	char out[32];
	util_human_size(812, out, sizeof out);
	assert_string_equal(out, "812 bytes");
	util_human_size(20LL << 20, out, sizeof out);
	assert_string_equal(out, "20 MB");
	util_human_size(3000, out, sizeof out);
	assert_string_equal(out, "2.9 KB");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_engine_attach),
		cmocka_unit_test(test_names_and_sizes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
