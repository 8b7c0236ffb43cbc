/* record_hash.c: the hashes the store keeps of an interview, computed from its decoded rows
 * (record.h) — the same bytes as from the schema-7 rows (hash.c's store_iv_events_hash and
 * the content hash of interview.c), so that events_sha256, content hashes, reviews, conflicts
 * and seals keep their definitions on records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record_hash.h"
#include "store/store_impl.h"
#include "util/util.h"

void record_events_hash(const record_rows *r, char out[65])
{
	struct sha256_ctx h;
	sha256_init(&h);
	for (size_t k = 0; k < r->n_events; k++) {
		const record_event *e = &r->events[k];
		char seq[24], off[24];
		snprintf(seq, sizeof seq, "%lld", e->seq);
		snprintf(off, sizeof off, "%lld", e->offset_ms);
		const char *f[] = { seq, e->at, off, e->kind, e->path, e->old_value, e->new_value,
				    e->old_state, e->new_state };
		for (size_t c = 0; c < sizeof f / sizeof *f; c++)
			store_hash_field(&h, f[c]);
	}
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
