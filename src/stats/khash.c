/* khash.c: a hash (util/hindex) from fixed-length int64 keys to dense indices 0, 1, 2, ...
 * (used by the exact Fisher search and by the survey design's strata and PSUs). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stats/stats_impl.h"
#include "util/util.h"

void stats_kh_init(khash *h, int klen)
{
	memset(h, 0, sizeof *h);
	h->klen = klen;
}

void stats_kh_free(khash *h)
{
	free(h->keys);
	hindex_release(&h->ix);
}

static uint64_t kh_hash(const int64_t *k, int klen)
{
	uint64_t x = 0x9e3779b97f4a7c15ULL;
	for (int i = 0; i < klen; i++) {
		x ^= (uint64_t)k[i];
		x *= 0xff51afd7ed558ccdULL;
		x ^= x >> 33;
	}
	return x;
}

int stats_kh_put(khash *h, const int64_t *key, int *added)
{
	uint64_t hv = kh_hash(key, h->klen);
	int id;
	for (size_t pos = 0; (id = hindex_next(&h->ix, hv, &pos)) >= 0;)
		if (!memcmp(h->keys + (size_t)id * h->klen, key, sizeof(int64_t) * h->klen)) {
			*added = 0;
			return id;
		}
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 256;
		h->keys = xreallocarray(h->keys, h->cap * h->klen, sizeof(int64_t));
	}
	memcpy(h->keys + h->n * h->klen, key, sizeof(int64_t) * h->klen);
	hindex_add(&h->ix, hv);
	*added = 1;
	return (int)h->n++;
}
