/* record_hash.c: the hashes the store keeps of an interview, computed from its decoded rows
 * (record.h) — the same bytes as from the schema-7 rows (hash.c's store_iv_events_hash and
 * the content hash of interview.c), so that events_sha256, content hashes, reviews, conflicts
 * and seals keep their definitions on records. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/record_hash.h"
#include "store/store_impl.h"
#include "util/util.h"

/* Bytes for a hash, gathered into few updates (an event has nine short fields). */
typedef struct gather {
	struct sha256_ctx *h;
	size_t used;
	uint8_t buf[4096];
} gather;

static void gather_add(gather *g, const void *bytes, size_t len)
{
	if (g->used + len > sizeof g->buf) {
		sha256_update(g->h, g->used, g->buf);
		g->used = 0;
	}
	if (len > sizeof g->buf) {
		sha256_update(g->h, len, bytes);
		return;
	}
	memcpy(g->buf + g->used, bytes, len);
	g->used += len;
}

/* As store_hash_field: the text and its NUL, or "\x01\0" for NULL. */
static void gather_field(gather *g, const char *text)
{
	if (text)
		gather_add(g, text, strlen(text) + 1);
	else
		gather_add(g, "\x01", 2);
}

/* As store_hash_field of the integer's text ("%lld"). */
static void gather_int(gather *g, long long v)
{
	char buf[24];
	const char *p = util_lld(v, buf);
	gather_add(g, p, (size_t)(buf + sizeof buf - p));
}

void record_events_hash(const record_rows *r, char out[65])
{
	struct sha256_ctx h;
	sha256_init(&h);
	gather g = { .h = &h };
	for (size_t k = 0; k < r->n_events; k++) {
		const record_event *e = &r->events[k];
		gather_int(&g, e->seq);
		gather_field(&g, e->at);
		gather_int(&g, e->offset_ms);
		const char *f[] = { e->kind, e->path, e->old_value, e->new_value, e->old_state,
				    e->new_state };
		for (size_t c = 0; c < sizeof f / sizeof *f; c++)
			gather_field(&g, f[c]);
	}
	if (g.used)
		sha256_update(&h, g.used, g.buf);
	store_hash_hex(&h, out);
}

static int by_path(const void *a, const void *b)
{
	return strcmp((*(const record_answer *const *)a)->path,
		      (*(const record_answer *const *)b)->path);
}

void record_content_hash(const record_rows *r, const char *uuid, const char *form_id,
			 const char *form_version, char out[65])
{
	const record_answer **a = xcalloc(r->n_answers + 1, sizeof *a);
	for (size_t k = 0; k < r->n_answers; k++)
		a[k] = &r->answers[k];
	qsort(a, r->n_answers, sizeof *a, by_path);
	store_chash h;
	store_chash_begin(&h, uuid, form_id, form_version);
	for (size_t k = 0; k < r->n_answers; k++)
		store_chash_answer(&h, a[k]->path, a[k]->state, a[k]->value);
	store_chash_end(&h, out);
	free(a);
}
