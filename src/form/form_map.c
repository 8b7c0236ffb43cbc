/* form_map.c: a small open-addressing hash map from (scope, string) to int, for the names of a
 * form (so that a 50,000-row questionnaire loads in linear time). */
#include "form/form_impl.h"

#include <stdlib.h>
#include <string.h>

static unsigned lower(unsigned c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static unsigned hash_key(int scope, const char *key, int nocase)
{
	unsigned h = 2166136261u ^ (unsigned)scope * 16777619u;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
		h ^= nocase ? lower(*p) : *p;
		h *= 16777619u;
	}
	return h ^ (h >> 15);
}

static int same(const form_map *m, const struct form_map_slot *s, unsigned h, int scope,
		const char *key)
{
	if (s->hash != h || s->scope != scope)
		return 0;
	return m->nocase ? ascii_casecmp(s->key, key) == 0 : strcmp(s->key, key) == 0;
}

void form_map_init(form_map *m, int nocase)
{
	memset(m, 0, sizeof *m);
	m->nocase = nocase;
}

void form_map_release(form_map *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->n = 0;
}

static struct form_map_slot *lookup(const form_map *m, unsigned h, int scope, const char *key)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct form_map_slot *s = &m->slots[i];
		if (!s->key || same(m, s, h, scope, key))
			return s;
	}
}

int *form_map_find(const form_map *m, int scope, const char *key)
{
	if (!m->cap)
		return NULL;
	struct form_map_slot *s = lookup(m, hash_key(scope, key, m->nocase), scope, key);
	return s->key ? &s->value : NULL;
}

static void grow(form_map *m)
{
	size_t oldcap = m->cap;
	struct form_map_slot *old = m->slots;
	m->cap = oldcap ? oldcap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < oldcap; i++) {
		if (!old[i].key)
			continue;
		struct form_map_slot *s = lookup(m, old[i].hash, old[i].scope, old[i].key);
		*s = old[i];
	}
	free(old);
}

int *form_map_put(form_map *m, int scope, const char *key, int value, int *existed)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	unsigned h = hash_key(scope, key, m->nocase);
	struct form_map_slot *s = lookup(m, h, scope, key);
	*existed = s->key != NULL;
	if (!s->key) {
		s->key = key;
		s->scope = scope;
		s->hash = h;
		s->value = value;
		m->n++;
	}
	return &s->value;
}
