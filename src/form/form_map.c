/* form_map.c: a hash map from (scope, string) to int on util's hindex, for the names of a form
 * (so that a 50,000-row questionnaire loads in linear time). */
#include "form/form_impl.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash_key(int scope, const char *key, int nocase)
{
	uint64_t h = hash_bytes(HASH_SEED, (const char *)&scope, sizeof scope, 0);
	return hash_bytes(h, key, strlen(key), nocase);
}

void form_map_init(form_map *m, int nocase)
{
	memset(m, 0, sizeof *m);
	m->nocase = nocase;
}

void form_map_release(form_map *m)
{
	hindex_release(&m->ix);
	free(m->ents);
	m->ents = NULL;
	m->cap = 0;
}

static int lookup(const form_map *m, uint64_t h, int scope, const char *key)
{
	int id;
	for (size_t pos = 0; (id = hindex_next(&m->ix, h, &pos)) >= 0;) {
		const struct form_map_ent *e = &m->ents[id];
		if (e->scope == scope &&
		    (m->nocase ? ascii_casecmp(e->key, key) : strcmp(e->key, key)) == 0)
			return id;
	}
	return -1;
}

int *form_map_find(const form_map *m, int scope, const char *key)
{
	int id = lookup(m, hash_key(scope, key, m->nocase), scope, key);
	return id < 0 ? NULL : &m->ents[id].value;
}

int *form_map_put(form_map *m, int scope, const char *key, int value, int *existed)
{
	uint64_t h = hash_key(scope, key, m->nocase);
	int id = lookup(m, h, scope, key);
	*existed = id >= 0;
	if (id < 0) {
		if (m->ix.n == m->cap) {
			m->cap = m->cap ? 2 * m->cap : 64;
			m->ents = xreallocarray(m->ents, (size_t)m->cap, sizeof *m->ents);
		}
		id = hindex_add(&m->ix, h);
		m->ents[id] = (struct form_map_ent){ key, scope, value };
	}
	return &m->ents[id].value;
}
