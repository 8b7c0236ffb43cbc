/* record_pool.c: the memory checked rows keep their strings in (record.h): blocks handed out a
 * piece at a time and freed together, so that checking a record costs a few allocations, not
 * one per value and time. */
#include <stdlib.h>
#include <string.h>

#include "store/record_impl.h"

struct record_pool {
	char **blocks;      /* every block the pool frees: its own and those it adopted */
	size_t n, cap;
	char *at;           /* the free end of the current block */
	size_t left, next;  /* bytes left there; the size of the next block */
};

static void keep(record_pool *p, char *block)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->blocks = xreallocarray(p->blocks, p->cap, sizeof *p->blocks);
	}
	p->blocks[p->n++] = block;
}

static record_pool *pool_of(record_rows *r)
{
	if (!r->pool) {
		r->pool = xcalloc(1, sizeof *r->pool);
		r->pool->next = 4096;
	}
	return r->pool;
}

char *record_pool_alloc(record_rows *r, size_t n)
{
	record_pool *p = pool_of(r);
	if (n > p->left) {
		size_t size = n > p->next ? n : p->next;
		if (p->next < 256 * 1024)
			p->next *= 2;
		p->at = xmalloc(size);
		p->left = size;
		keep(p, p->at);
	}
	char *s = p->at;
	p->at += n;
	p->left -= n;
	return s;
}

char *record_pool_dup(record_rows *r, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	return memcpy(record_pool_alloc(r, n), s, n);
}

void record_pool_adopt(record_rows *r, void *block)
{
	if (block)
		keep(pool_of(r), block);
}

void record_pool_free(record_pool *p)
{
	if (!p)
		return;
	for (size_t k = 0; k < p->n; k++)
		free(p->blocks[k]);
	free(p->blocks);
	free(p);
}

char *record_rows_dup(record_rows *r, const char *s)
{
	return r->pool ? record_pool_dup(r, s) : xstrdup(s);
}

void record_rows_drop(const record_rows *r, char *s)
{
	if (!r->pool)
		free(s);
}
