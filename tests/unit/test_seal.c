/* test_seal.c: sealed interviews (issue 17) — sealed boxes open only with their secret key and
 * their context; completing with a public key turns the rows into one record in the same
 * transaction (a rolled-back batch leaves the plain draft); a sealed interview cannot be
 * resumed; unseal opens every record once, and refuses a record that opens but holds another
 * interview than its label (sealed by someone with the public key), leaving the file as it was. */
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
#include "store/store_impl.h"
#include "util/sealbox.h"
#include "util/util.h"

static char dir[] = "/tmp/survey-test-seal-XXXXXX";
static char errbuf[ERR_MAX];
static sealbox_key key;          /* the coordinator's pair */
static char pk_line[SEALBOX_PK_B64_LEN + 1];
static char *key_path;           /* its secret key file */

static const char form_md[] =
	"| survey |\n| | type | name | label |\n| | text | secret | S |\n| | integer | n | N |\n"
	"| settings |\n| | form_id | version |\n| | s | 1 |\n";

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	char *name = xasprintf("%s/coord", dir);
	key_path = xasprintf("%s.key", name);
	int rc = sealbox_keygen(&key, errbuf) || sealbox_write_files(&key, name, errbuf) ? -1 : 0;
	sealbox_pk_line(&key, pk_line);
	free(name);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	free(key_path);
	return rc == 0 ? 0 : -1;
}

static store *open_new(const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);
	unlink(p);
	store *st = NULL;
	if (store_open(p, STORE_CREATE, &st, errbuf))
		fail_msg("store_open %s: %s", p, errbuf);
	free(p);
	assert_int_equal(store_form_put(st, "s", "1", "S", "s.md", "md", form_md, strlen(form_md),
					errbuf), 0);
	return st;
}

/* A new interview answered "secret" = text, n = 3; sealed when complete and pk given. */
static void add_iv(store *st, const char *text, int complete, const char *pk, char uuid[37])
{
	store_iv *iv;
	store_start how = { .form_id = "s", .form_version = "1", .interviewer = "Айгүл" };
	assert_int_equal(store_iv_start(st, &how, &iv, errbuf), 0);
	assert_int_equal(store_iv_set(iv, "secret", text, STATE_ANSWERED, errbuf), 0);
	assert_int_equal(store_iv_set(iv, "n", "3", STATE_ANSWERED, errbuf), 0);
	if (complete && pk)
		assert_int_equal(store_iv_complete_sealed(iv, NULL, pk, errbuf), 0);
	else if (complete)
		assert_int_equal(store_iv_complete(iv, NULL, errbuf), 0);
	snprintf(uuid, 37, "%s", store_iv_uuid(iv));
	store_iv_close(iv);
}

static long long count(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

static void test_box(void **state)
{
	(void)state;
	const char msg[] = "answers of one interview", ad[] = "uuid form 1", other_ad[] = "uuid form 2";
	unsigned char *rec, *out;
	size_t reclen, outlen;
	assert_int_equal(sealbox_seal(&key, ad, sizeof ad, msg, sizeof msg, &rec, &reclen, errbuf),
			 0);
	assert_int_equal(reclen, sizeof msg + SEALBOX_OVERHEAD);
	assert_null(memmem(rec, reclen, "answers", 7));
	char id[SEALBOX_KEY_ID_HEX], mine[SEALBOX_KEY_ID_HEX];
	assert_int_equal(sealbox_open(&key, ad, sizeof ad, rec, reclen, &out, &outlen, id),
			 SEALBOX_OK);
	assert_int_equal(outlen, sizeof msg);
	assert_memory_equal(out, msg, sizeof msg);
	sealbox_key_id(&key, mine);
	assert_string_equal(id, mine);
	free(out);
	/* another context: refused */
	assert_int_equal(sealbox_open(&key, other_ad, sizeof other_ad, rec, reclen, &out, &outlen,
				      NULL), SEALBOX_ALTERED);
	assert_null(out);
	/* another key */
	sealbox_key other;
	assert_int_equal(sealbox_keygen(&other, errbuf), 0);
	assert_int_equal(sealbox_open(&other, ad, sizeof ad, rec, reclen, &out, &outlen, NULL),
			 SEALBOX_OTHER_KEY);
	/* the public key alone cannot open */
	sealbox_key pub;
	assert_int_equal(sealbox_pk_parse(pk_line, &pub, errbuf), 0);
	assert_int_equal(sealbox_open(&pub, ad, sizeof ad, rec, reclen, &out, &outlen, NULL),
			 SEALBOX_ALTERED);
	/* every single bit flipped, and every length cut short: refused */
	for (size_t i = 0; i < reclen; i++)
		for (int b = 0; b < 8; b += 7) {
			rec[i] ^= (unsigned char)(1u << b);
			assert_int_not_equal(sealbox_open(&key, ad, sizeof ad, rec, reclen, &out,
							  &outlen, NULL), SEALBOX_OK);
			rec[i] ^= (unsigned char)(1u << b);
		}
	for (size_t n = 0; n < reclen; n++)
		assert_int_not_equal(sealbox_open(&key, ad, sizeof ad, rec, n, &out, &outlen, NULL),
				     SEALBOX_OK);
	assert_int_equal(sealbox_open(&key, ad, sizeof ad, rec, 10, &out, &outlen, NULL),
			 SEALBOX_NOT_A_RECORD);
	free(rec);
	/* the public line: ours, an RSA key, anything else */
	assert_int_equal(sealbox_pk_parse("  AAAA \n", &pub, errbuf), -1);
	assert_non_null(strstr(errbuf, "survey keygen"));
	assert_int_equal(sealbox_pk_parse("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvgs", &pub,
					  errbuf), -1);
	assert_non_null(strstr(errbuf, "RSA key"));
}

static void test_seal_and_unseal(void **state)
{
	(void)state;
	store *st = open_new("lap.db");
	assert_int_equal(store_schema_version(st), STORE_SCHEMA_VERSION);
	char a[37], b[37], d[37];
	add_iv(st, "ZEBRA-ONE", 1, pk_line, a);
	add_iv(st, "ZEBRA-TWO", 1, pk_line, b);
	add_iv(st, "DRAFT-TEXT", 0, pk_line, d);
	long long n;
	assert_int_equal(store_sealed_count(st, NULL, &n, errbuf), 0);
	assert_int_equal(n, 2);
	assert_int_equal(store_sealed_count(st, "other", &n, errbuf), 0);
	assert_int_equal(n, 0);
	store_iv *iv;
	assert_int_equal(store_iv_resume(st, a, &iv, errbuf), -1);
	assert_non_null(strstr(errbuf, "is sealed for the coordinator"));
	store_interview *ivs = NULL;
	int k = 0;
	assert_int_equal(store_interviews(st, &ivs, &k, errbuf), 0);
	assert_int_equal(k, 1);   /* the draft */
	assert_int_equal(store_sealed_interviews(st, &ivs, &k, errbuf), 0);
	assert_int_equal(k, 3);
	assert_string_equal(ivs[1].status, "sealed");
	assert_string_equal(ivs[2].status, "sealed");
	assert_null(ivs[1].instance_name);
	store_interviews_free(ivs, k);
	/* a batch rolled back: the draft stays, plain, and nothing is sealed */
	assert_int_equal(store_iv_resume(st, d, &iv, errbuf), 0);
	assert_int_equal(store_batch_begin(st, errbuf), 0);
	assert_int_equal(store_iv_complete_sealed(iv, NULL, pk_line, errbuf), 0);
	assert_int_equal(store_batch_end(st, 0, errbuf), 0);
	store_iv_close(iv);
	store_close(st);
	char *lap = xasprintf("%s/lap.db", dir);
	assert_int_equal(count(lap, "SELECT count(*) FROM sealed"), 2);
	assert_int_equal(count(lap, "SELECT count(*) FROM interviews WHERE status = 'draft'"), 1);
	assert_int_equal(count(lap, "SELECT count(*) FROM answers"), 2);
	/* unseal: both open, once */
	store_unseal_result r;
	assert_int_equal(store_unseal(lap, key_path, &r, errbuf), 0);
	assert_int_equal(r.sealed, 2);
	assert_int_equal(r.opened, 2);
	assert_int_equal(count(lap, "SELECT count(*) FROM answers WHERE value LIKE 'ZEBRA-%'"), 2);
	assert_int_equal(count(lap, "SELECT count(*) FROM interviews WHERE status = 'complete'"), 2);
	assert_int_equal(store_unseal(lap, key_path, &r, errbuf), 0);
	assert_int_equal(r.opened, 0);
	assert_int_equal(r.already, 2);
	free(lap);
}

/* A record that opens but holds another interview than its label: refused, nothing changed. */
static void test_swapped_payload(void **state)
{
	(void)state;
	store *st = open_new("swap.db");
	char a[37], b[37];
	add_iv(st, "ZEBRA-A", 1, pk_line, a);
	add_iv(st, "ZEBRA-B", 1, pk_line, b);
	store_close(st);
	char *path = xasprintf("%s/swap.db", dir);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	/* B's payload, opened with B's label, sealed again under A's label, into A's row */
	sqlite3_stmt *s;
	const char *sel = "SELECT uuid, form_id, form_version, device_id, status, revision, "
		"events_count, events_sha256, sealed_at, record FROM sealed WHERE uuid = ?1";
	unsigned char *ad[2], *plain = NULL, *rec = NULL;
	size_t adlen[2], plen = 0, reclen = 0;
	for (int i = 0; i < 2; i++) {
		assert_int_equal(sqlite3_prepare_v2(db, sel, -1, &s, NULL), SQLITE_OK);
		sqlite3_bind_text(s, 1, i ? b : a, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		const char *c[10];
		for (int k = 0; k < 9; k++)
			c[k] = (const char *)sqlite3_column_text(s, k);
		ad[i] = store_sealed_ad(c[0], c[1], c[2], c[3], c[4], sqlite3_column_int64(s, 5),
					sqlite3_column_int64(s, 6), c[7], c[8], &adlen[i]);
		if (i)
			assert_int_equal(sealbox_open(&key, ad[1], adlen[1], sqlite3_column_blob(s, 9),
						      (size_t)sqlite3_column_bytes(s, 9), &plain,
						      &plen, NULL), SEALBOX_OK);
		sqlite3_finalize(s);
	}
	assert_int_equal(sealbox_seal(&key, ad[0], adlen[0], plain, plen, &rec, &reclen, errbuf),
			 0);
	char sha[65];
	store_sha256_hex(rec, reclen, sha);
	assert_int_equal(sqlite3_prepare_v2(db, "UPDATE sealed SET record = ?2, record_sha256 = ?3, "
					    "size = ?4 WHERE uuid = ?1", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_blob(s, 2, rec, (int)reclen, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, sha, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)reclen);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	sqlite3_close(db);
	size_t len0, len1;
	char *before = read_file(path, &len0, errbuf);
	store_unseal_result r;
	assert_int_equal(store_unseal(path, key_path, &r, errbuf), -1);
	assert_non_null(strstr(errbuf, "holds another interview than its label says"));
	assert_non_null(strstr(errbuf, "nothing was changed"));
	assert_null(strchr(errbuf, '\n'));
	char *after = read_file(path, &len1, errbuf);
	assert_int_equal(len0, len1);
	assert_memory_equal(before, after, len0);
	free(before);
	free(after);
	free(ad[0]);
	free(ad[1]);
	free(plain);
	free(rec);
	free(path);
}

int main(void)
{
	store_set_form_ops(interview_form_ops());   /* merge checks answers with it */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_box),
		cmocka_unit_test(test_seal_and_unseal),
		cmocka_unit_test(test_swapped_payload),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
