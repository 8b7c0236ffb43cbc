/* hindex.c: the hash index (dense ids by hash, linear probing) and the string hashes. */
#include "util/hindex.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

void hindex_release(hindex *h)
{
	free(h->slot);
	free(h->hashes);
	memset(h, 0, sizeof *h);
}

int hindex_next(const hindex *h, uint64_t hash, size_t *pos)
{
	if (!h->nslot)
		return -1;
	size_t mask = h->nslot - 1;
	for (size_t i = *pos ? *pos - 1 : hash & mask; h->slot[i] >= 0; i = (i + 1) & mask) {
		int id = h->slot[i];
		if (h->hashes[id] == hash) {
			*pos = ((i + 1) & mask) + 1;
			return id;
		}
	}
	return -1;
}

static void place(hindex *h, int id)
{
	size_t mask = h->nslot - 1, i = h->hashes[id] & mask;
	while (h->slot[i] >= 0)
		i = (i + 1) & mask;
	h->slot[i] = id;
}

int hindex_add(hindex *h, uint64_t hash)
{
	if (2 * ((size_t)h->n + 1) >= h->nslot) {
		free(h->slot);
		h->nslot = h->nslot ? 2 * h->nslot : 64;
		h->slot = xreallocarray(NULL, h->nslot, sizeof *h->slot);
		memset(h->slot, -1, h->nslot * sizeof *h->slot);
		for (int id = 0; id < h->n; id++)
			place(h, id);
	}
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 64;
		h->hashes = xreallocarray(h->hashes, (size_t)h->cap, sizeof *h->hashes);
	}
	h->hashes[h->n] = hash;
	place(h, h->n);
	return h->n++;
}

uint64_t hash_bytes(uint64_t h, const char *s, size_t n, int nocase)
{
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i];
		if (nocase && c >= 'A' && c <= 'Z')
			c += 32;
		h = (h ^ c) * 1099511628211ULL;
	}
	return h;
}

uint64_t hash_str(const char *s)
{
	return hash_bytes(HASH_SEED, s, strlen(s), 0);
}

void strmap_release(strmap *m)
{
	strv_free(m->keys, m->ix.n);
	hindex_release(&m->ix);
	m->keys = NULL;
	m->cap = 0;
}

/* k (NUL-terminated) is the n bytes of key, ASCII case aside when nocase. */
static int same(const char *k, const char *key, size_t n, int nocase)
{
	for (size_t i = 0; i < n; i++) {
		unsigned a = (unsigned char)k[i], b = (unsigned char)key[i];
		if (nocase && a >= 'A' && a <= 'Z')
			a += 32;
		if (nocase && b >= 'A' && b <= 'Z')
			b += 32;
		if (a != b || !a)
			return 0;
	}
	return !k[n];
}

int strmap_findn(const strmap *m, const char *key, size_t n)
{
	uint64_t h = hash_bytes(HASH_SEED, key, n, m->nocase);
	int id;
	for (size_t pos = 0; (id = hindex_next(&m->ix, h, &pos)) >= 0;) {
		if (same(m->keys[id], key, n, m->nocase))
			return id;
	}
	return -1;
}

int strmap_find(const strmap *m, const char *key)
{
	return strmap_findn(m, key, strlen(key));
}

int strmap_put(strmap *m, const char *key)
{
	int id = strmap_find(m, key);
	if (id >= 0)
		return id;
	size_t n = strlen(key);
	if (m->ix.n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->keys = xreallocarray(m->keys, (size_t)m->cap, sizeof *m->keys);
	}
	id = hindex_add(&m->ix, hash_bytes(HASH_SEED, key, n, m->nocase));
	m->keys[id] = xstrndup(key, n);
	return id;
}
