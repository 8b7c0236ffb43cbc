/* record_impl.h: the pieces of the record codec (record.h) shared by its files: the strict
 * JSON scanner of record texts, the canonical JSON writer, the path table. Internal to
 * src/store. */
#ifndef SURVEY_STORE_RECORD_IMPL_H
#define SURVEY_STORE_RECORD_IMPL_H

#include <stddef.h>

#include "store/record.h"
#include "util/util.h"

/* A JSON value of a record text, in a tree of nodes held by a rjson document. */
enum { RJ_NULL, RJ_TRUE, RJ_INT, RJ_STR, RJ_ARR, RJ_OBJ };
typedef struct rjnode {
	int type;
	long long i;        /* RJ_INT */
	const char *s;      /* RJ_STR: NUL-terminated (no NUL inside); an object member: its key */
	size_t kid;         /* RJ_ARR/RJ_OBJ: the first element's index, 0 when empty */
	size_t next;        /* the next element of the same array or object, 0 at the end */
	size_t len;         /* RJ_ARR/RJ_OBJ: the number of elements; RJ_STR: its length */
	const char *key;    /* a member of an object: its key, else NULL */
} rjnode;

typedef struct rjson {
	rjnode *v;          /* v[0] is unused (index 0 means "none"); v[1] the top value */
	size_t n, cap;
	char *strs;         /* the decoded strings, each NUL-terminated */
	size_t slen;
} rjson;

/* Parse text (len bytes) as the strict JSON of a record: no whitespace, integers only (no
 * fraction, exponent, leading zero or -0; within 64 bits), strings without raw control bytes
 * or \u0000, nesting at most depth levels. 0, or -1 with one line in err naming `what`. The
 * document is freed with rjson_free (also after a failure). */
int rjson_parse(rjson *doc, const char *text, size_t len, int depth, const char *what,
		char *err);
void rjson_free(rjson *doc);
/* The element i of array node a, or NULL. */
const rjnode *rjson_at(const rjson *doc, const rjnode *a, size_t i);

/* The canonical JSON of a string: Python's json.dumps(s, ensure_ascii=False) — ", \ and the
 * controls escaped (\b \f \n \r \t short, others \u00xx), every other byte as it is. */
void rjson_put_str(strbuf *sb, const char *s);

/* The path table's lookups. */
/* A path's key in a record: 0 and *id (inst 0) for a question outside repeats, *id and *inst
 * for an instance of a question in a repeat, or -1 when it is kept as its text. */
int record_path_key(const record_paths *p, const char *path, long long *id, long long *inst);

/* Row indices shared by the encoder and the decoder. */
/* idx (n_answers) := the answers in path order. */
void record_sort_answers(const record_rows *r, size_t *idx);
/* idx (n_events) := the events with a path in (path, seq) order, returning how many; prev
 * (n_events) := each event's previous event on the same path, or SIZE_MAX. */
size_t record_events_by_path(const record_rows *r, size_t *idx, size_t *prev);
/* The last event on path (an index into r->events), from idx (n entries) of
 * record_events_by_path; SIZE_MAX when none. */
size_t record_last_event_on(const record_rows *r, const size_t *idx, size_t n, const char *path);
/* The answer on path, from by_path of record_sort_answers; NULL when none. */
const record_answer *record_answer_on(const record_rows *r, const size_t *by_path,
				      const char *path);
/* The words records hold as small integers. */
extern const char *const record_states[], *const record_kinds[];
extern const size_t record_n_states, record_n_kinds;

#endif
