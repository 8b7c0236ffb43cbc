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

/* errf(err, fmt, path) with the path escaped for one line (a record's paths are a file's
 * text: a control byte in one must not break or forge the message). -1. */
int record_path_err(char *err, const char *fmt, const char *path)
	__attribute__((format(printf, 2, 0)));

/* The path table's lookups. */
/* A path's key in a record: 0 and *id (inst 0) for a question outside repeats, *id and *inst
 * for an instance of a question in a repeat, or -1 when it is kept as its text. */
int record_path_key(const record_paths *p, const char *path, long long *id, long long *inst);
/* The place of id's template among the table's templates in strcmp order (0 .. count - 1;
 * distinct ids have distinct templates, so distinct places), or SIZE_MAX when id has none or
 * p is NULL. */
size_t record_paths_order(const record_paths *p, long long id);

/* A path's key in a record: its text (kind 0), an id (1), or an id and an instance (2). */
typedef struct record_key {
	int kind;
	long long id, inst;
} record_key;

/* What the encoder needs of rows beyond them (record_check has the decoder leave it, so that
 * the encoding again sorts and looks up nothing). */
typedef struct record_index {
	size_t *by_path;    /* n_answers: the answers in path order (record_sort_answers) */
	size_t *ev_path;    /* n_events: the events with a path in (path, seq) order */
	size_t n_ev_path;
	size_t *prev;       /* n_events: each event's previous one on its path, or SIZE_MAX */
	record_key *akey;   /* n_answers (by answer): each answer's key; kind 0 is looked up */
	record_key *ekey;   /* n_events: each event's path key; kind 0 is looked up */
	size_t *a_last;     /* n_answers (by answer): the last event on its path, or SIZE_MAX */
	size_t *e_answer;   /* n_events: the answer on the event's path, or SIZE_MAX */
	long long *ev_ms;   /* n_events: each event's time in ms when all were decoded from
			     * steps (their texts canonical), else NULL: the texts are read */
} record_index;
void record_index_free(record_index *ix);   /* frees the arrays, zeroes ix */

/* The paths of decoded rows ranked (record_rank.c): arank (n_answers) and erank (n_events;
 * SIZE_MAX for an event without a path) := each row's path's place in strcmp order among the
 * distinct paths, equal texts equal ranks. akey and ekey are the decoder's keys of the rows
 * (rows of one key have one path; a kind-1 row's path is its id's template in paths, which
 * orders those rows without comparing texts). Returns the number of ranks. */
size_t record_rank_paths(const record_paths *paths, const record_rows *r,
			 const record_key *akey, const record_key *ekey, size_t *arank,
			 size_t *erank);

/* record_encode with ix made for rows (its keys may be NULL), into a and v (appended). */
int record_encode_indexed(const record_paths *paths, const char *created,
			  const char *content_hash, const record_rows *rows,
			  const record_index *ix, strbuf *a, strbuf *v, char *err);

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
/* The pool of checked rows (record_pool.c; record.h). The pool is made on first use. */
/* n bytes that live as long as r's pool. */
char *record_pool_alloc(record_rows *r, size_t n);
/* A copy of s (NULL for NULL) in r's pool. */
char *record_pool_dup(record_rows *r, const char *s);
/* block (malloc'd; NULL ignored) is freed with r's pool. */
void record_pool_adopt(record_rows *r, void *block);
void record_pool_free(record_pool *p);   /* NULL accepted */
/* A copy of s for r: in its pool when it has one, else its own (xstrdup). */
char *record_rows_dup(record_rows *r, const char *s);
/* Let go of a string of r: freed unless it lives in r's pool. */
void record_rows_drop(const record_rows *r, char *s);

/* The words records hold as small integers. */
extern const char *const record_states[], *const record_kinds[];
extern const size_t record_n_states, record_n_kinds;

#endif
