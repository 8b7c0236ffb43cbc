/* hash.c: SHA-256 (nettle) for embedded forms, interview content hashes and the row hashes
 * that merge and pack use to compare versions and whole files. */
#include "store/store_impl.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

void store_sha256_hex(const void *data, size_t len, char out[65])
{
	struct sha256_ctx ctx;
	unsigned char d[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof d, d);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

void store_hash_field(struct sha256_ctx *h, const char *text)
{
	if (text)
		sha256_update(h, strlen(text) + 1, (const uint8_t *)text);
	else
		sha256_update(h, 2, (const uint8_t *)"\x01");
}

void store_hash_columns(struct sha256_ctx *h, sqlite3_stmt *s, int first, int n)
{
	for (int c = first; c < first + n; c++)
		store_hash_field(h, (const char *)sqlite3_column_text(s, c));
}

void store_hash_hex(struct sha256_ctx *h, char out[65])
{
	unsigned char d[SHA256_DIGEST_SIZE];
	sha256_digest(h, sizeof d, d);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

void store_chash_begin(store_chash *h, const char *uuid, const char *form_id,
		       const char *form_version)
{
	sha256_init(&h->ctx);
	h->answers = 0;
	store_hash_field(&h->ctx, uuid);
	store_hash_field(&h->ctx, form_id);
	store_hash_field(&h->ctx, form_version);
}

void store_chash_answer(store_chash *h, const char *path, const char *state, const char *value)
{
	store_hash_field(&h->ctx, path);
	store_hash_field(&h->ctx, state);
	store_hash_field(&h->ctx, value);
	h->answers++;
}

void store_chash_end(store_chash *h, char out[65])
{
	if (!h->answers)   /* an interview without answers: one row of NULLs, as a LEFT JOIN gives */
		store_chash_answer(h, NULL, NULL, NULL);
	store_hash_hex(&h->ctx, out);
}
