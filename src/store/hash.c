/* hash.c: SHA-256 (nettle) for embedded forms, interview content hashes and the row hashes
 * that merge and pack use to compare versions and whole files. */
#include "store/store_impl.h"
#include "util/util.h"
#include "store/record_hash.h"

#include <stdint.h>
#include <string.h>

void store_digest_hex(const unsigned char d[32], char out[65])
{
	static const char hex[] = "0123456789abcdef";
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[2 * SHA256_DIGEST_SIZE] = '\0';
}

void store_sha256_hex(const void *data, size_t len, char out[65])
{
	struct sha256_ctx ctx;
	unsigned char d[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof d, d);
	store_digest_hex(d, out);
}

void store_hash_field(struct sha256_ctx *h, const char *text)
{
	if (text)
		sha256_update(h, strlen(text) + 1, (const uint8_t *)text);
	else
		sha256_update(h, 2, (const uint8_t *)"\x01");
}

void store_cells_load(sqlite3_stmt *s, int first, int n, store_cell *out)
{
	/* One call for the type and one or two for the value: an integer written here as SQLite
	 * writes it (SQLite allocates for that), a text or real number as SQLite gives it (a UTF-8
	 * text as stored, NUL-terminated). The type first: converting a value may change it. */
	for (int k = 0; k < n; k++) {
		store_cell *c = &out[k];
		int col = first + k;
		c->type = sqlite3_column_type(s, col);
		c->i = 0;
		if (c->type == SQLITE_NULL) {
			c->t = NULL;
			c->len = c->bytes = 0;
			continue;
		}
		if (c->type == SQLITE_INTEGER) {
			c->i = sqlite3_column_int64(s, col);
			c->t = util_lld(c->i, c->num);   /* as SQLite writes it as text */
			c->len = c->bytes = (size_t)(c->num + 23 - c->t);
			continue;
		}
		/* a blob as stored (as text it could be converted: it is hashed up to its first NUL
		 * as SQLite's text of it gives it in a UTF-8 file, and its bytes stay unchanged) */
		c->t = c->type == SQLITE_BLOB ? sqlite3_column_blob(s, col) :
		       (const char *)sqlite3_column_text(s, col);
		c->bytes = (size_t)sqlite3_column_bytes(s, col);
		const char *nul = c->t ? memchr(c->t, '\0', c->bytes) : NULL;
		c->len = nul ? (size_t)(nul - c->t) : c->t ? c->bytes : 0;
	}
}

void store_hash_cells(struct sha256_ctx *h, const store_cell *cells, int n)
{
	/* The same bytes as store_hash_field of each value's text, gathered into one update. */
	uint8_t buf[1024];
	size_t used = 0;
	for (int k = 0; k < n; k++) {
		const char *bytes = cells[k].t ? cells[k].t : "\x01\0";
		size_t len = cells[k].t ? cells[k].len + 1 : 2;
		if (used + len > sizeof buf) {
			sha256_update(h, used, buf);
			used = 0;
		}
		if (len > sizeof buf) {   /* the text, then its terminating NUL */
			sha256_update(h, len - 1, (const uint8_t *)bytes);
			sha256_update(h, 1, (const uint8_t *)"");
			continue;
		}
		memcpy(buf + used, bytes, len - 1);
		buf[used + len - 1] = '\0';
		used += len;
	}
	if (used)
		sha256_update(h, used, buf);
}

void store_hash_columns(struct sha256_ctx *h, sqlite3_stmt *s, int first, int n)
{
	store_cell cells[STORE_CELLS_MAX];
	for (int done = 0; done < n; done += STORE_CELLS_MAX) {
		int k = n - done < STORE_CELLS_MAX ? n - done : STORE_CELLS_MAX;
		store_cells_load(s, first + done, k, cells);
		store_hash_cells(h, cells, k);
	}
}

void store_hash_hex(struct sha256_ctx *h, char out[65])
{
	unsigned char d[SHA256_DIGEST_SIZE];
	sha256_digest(h, sizeof d, d);
	store_digest_hex(d, out);
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

int store_iv_events_hash(store *st, const char *uuid, char out[65], long long *count, char *err)
{
	record_rows r;
	if (store_iv_rows(st, uuid, STORE_ROWS_EVENTS, &r, err))
		return -1;
	record_events_hash(&r, out);
	*count = (long long)r.n_events;
	record_rows_free(&r);
	return 0;
}
