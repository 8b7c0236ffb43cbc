/* hindex.h: the hash map every table of the program is built on — an index from a 64-bit hash
 * to dense ids 0, 1, 2, ... in the order they were added (open addressing, linear probing, at
 * most half full). The keys stay in the caller's own array at their ids; the caller compares
 * them. And the string hashes its users share. */
#ifndef SURVEY_HINDEX_H
#define SURVEY_HINDEX_H

#include <stddef.h>
#include <stdint.h>

typedef struct hindex {
	int *slot;          /* nslot entries: an id, or -1 */
	uint64_t *hashes;   /* each id's hash, to grow without the keys */
	size_t nslot;       /* a power of two, more than twice n; 0 before the first add */
	int n, cap;         /* ids added; hashes allocated */
} hindex;
#define HINDEX_INIT { NULL, NULL, 0, 0, 0 }

/* Free the index and leave it empty (as HINDEX_INIT). */
void hindex_release(hindex *h);

/* The ids added under hash, one per call, the first first: *pos is a cursor, 0 to start. -1
 * when there is none left. The usual lookup:
 *   for (size_t pos = 0; (id = hindex_next(&ix, hv, &pos)) >= 0;)
 *           if (same(keys[id], key)) return id;                                        */
int hindex_next(const hindex *h, uint64_t hash, size_t *pos);

/* Add the next id (h->n) under hash and return it (the caller stores its key at that id). */
int hindex_add(hindex *h, uint64_t hash);

/* FNV-1a of the n bytes of s, with ASCII letters lowercased when nocase (for keys compared by
 * ascii_casecmp); seed is HASH_SEED, or the hash of what comes before (a scope, say). */
#define HASH_SEED 1469598103934665603ULL
uint64_t hash_bytes(uint64_t seed, const char *s, size_t n, int nocase);
uint64_t hash_str(const char *s);   /* hash_bytes(HASH_SEED, s, strlen(s), 0) */

/* ---- strmap: strings to dense ids 0, 1, 2, ... in the order first put ---------------------- */

typedef struct strmap {
	hindex ix;     /* ix.n ids given */
	char **keys;   /* keys[id], malloc'd copies */
	int cap;       /* keys allocated */
	int nocase;    /* 1: keys compare as ascii_casecmp does */
} strmap;
#define STRMAP_INIT { HINDEX_INIT, NULL, 0, 0 }   /* zeroed memory is an empty case-sensitive map */
void strmap_release(strmap *m);
/* The id of key (its first n bytes for strmap_findn), or -1. */
int strmap_find(const strmap *m, const char *key);
int strmap_findn(const strmap *m, const char *key, size_t n);
/* The id of key, added (copied) when new. */
int strmap_put(strmap *m, const char *key);

#endif
