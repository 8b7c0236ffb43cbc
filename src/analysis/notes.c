/* notes.c: the notes and warnings an analysis hands back with its results. */
#include <stdarg.h>
#include <stdlib.h>

#include "analysis/analysis_impl.h"
#include "util/util.h"

void an_note(analysis_notes *n, int warning, const char *fmt, ...)
{
	va_list ap;
	strbuf sb = STRBUF_INIT;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	if (n->n == n->cap) {
		n->cap = n->cap ? 2 * n->cap : 8;
		n->items = xreallocarray(n->items, (size_t)n->cap, sizeof *n->items);
	}
	n->items[n->n].warning = warning;
	n->items[n->n].text = sb_detach(&sb);
	n->n++;
}

void an_notes_release(analysis_notes *n)
{
	for (int i = 0; i < n->n; i++)
		free(n->items[i].text);
	free(n->items);
	n->items = NULL;
	n->n = n->cap = 0;
}
