/* khash.c: open-addressing hash from fixed-length int64 keys to dense indices 0, 1, 2, ...
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
	h->nslot = 1024;
	h->slot = xmalloc(sizeof(int) * h->nslot);
	memset(h->slot, -1, sizeof(int) * h->nslot);
}

void stats_kh_free(khash *h)
{
	free(h->keys);
	free(h->slot);
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

static void kh_grow(khash *h)
{
	free(h->slot);
	h->nslot *= 2;
	h->slot = xmalloc(sizeof(int) * h->nslot);
	memset(h->slot, -1, sizeof(int) * h->nslot);
	for (size_t e = 0; e < h->n; e++) {
		size_t s = kh_hash(h->keys + e * h->klen, h->klen) & (h->nslot - 1);
		while (h->slot[s] >= 0)
			s = (s + 1) & (h->nslot - 1);
		h->slot[s] = (int)e;
	}
}

int stats_kh_put(khash *h, const int64_t *key, int *added)
{
	if (2 * (h->n + 1) > h->nslot)
		kh_grow(h);
	size_t s = kh_hash(key, h->klen) & (h->nslot - 1);
	for (; h->slot[s] >= 0; s = (s + 1) & (h->nslot - 1))
		if (!memcmp(h->keys + (size_t)h->slot[s] * h->klen, key, sizeof(int64_t) * h->klen)) {
			*added = 0;
			return h->slot[s];
		}
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 256;
		h->keys = xreallocarray(h->keys, h->cap * h->klen, sizeof(int64_t));
	}
	memcpy(h->keys + h->n * h->klen, key, sizeof(int64_t) * h->klen);
	h->slot[s] = (int)h->n;
	*added = 1;
	return (int)h->n++;
}
