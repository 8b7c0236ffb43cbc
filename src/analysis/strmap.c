/* strmap.c: strings to dense ids 0, 1, 2, ... in order of first appearance (the distinct values
 * of a variable while it is read). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis_impl.h"
#include "util/util.h"

void an_strmap_init(an_strmap *m)
{
	memset(m, 0, sizeof *m);
}

void an_strmap_release(an_strmap *m)
{
	for (int i = 0; i < m->n; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->slot);
	memset(m, 0, sizeof *m);
}

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void grow(an_strmap *m)
{
	size_t nslot = m->nslot ? 2 * m->nslot : 64;
	int *slot = xmalloc(sizeof(int) * nslot);
	memset(slot, -1, sizeof(int) * nslot);
	for (int e = 0; e < m->n; e++) {
		size_t s = hash(m->keys[e]) & (nslot - 1);
		while (slot[s] >= 0)
			s = (s + 1) & (nslot - 1);
		slot[s] = e;
	}
	free(m->slot);
	m->slot = slot;
	m->nslot = nslot;
}

int an_strmap_find(const an_strmap *m, const char *key)
{
	if (!m->nslot)
		return -1;
	for (size_t s = hash(key) & (m->nslot - 1); m->slot[s] >= 0; s = (s + 1) & (m->nslot - 1))
		if (strcmp(m->keys[m->slot[s]], key) == 0)
			return m->slot[s];
	return -1;
}

int an_strmap_put(an_strmap *m, const char *key)
{
	if (m->nslot) {
		int id = an_strmap_find(m, key);
		if (id >= 0)
			return id;
	}
	if (2 * ((size_t)m->n + 1) > m->nslot)
		grow(m);
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->keys = xreallocarray(m->keys, (size_t)m->cap, sizeof *m->keys);
	}
	size_t s = hash(key) & (m->nslot - 1);
	while (m->slot[s] >= 0)
		s = (s + 1) & (m->nslot - 1);
	m->slot[s] = m->n;
	m->keys[m->n] = xstrdup(key);
	return m->n++;
}
