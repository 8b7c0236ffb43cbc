/* expr.h: the XLSForm expression language (the XPath 1.0 subset of ODK), parsed once into a
 * tree and evaluated many times against an environment that the form engine supplies. */
#ifndef SURVEY_EXPR_H
#define SURVEY_EXPR_H

typedef struct expr expr;   /* an opaque parsed expression */

/* A list of node values: what ${name} yields when the question repeats. */
typedef struct expr_nodes {
	char **items;   /* malloc'd strings, "" for an unanswered question */
	int n;          /* items used */
	int cap;        /* items allocated */
} expr_nodes;
void expr_nodes_push(expr_nodes *ns, const char *value);
void expr_nodes_release(expr_nodes *ns);
/* Put items[0..n-1] in ODK's order for `seed` (randomize(nodes, seed): Park-Miller generator,
 * inside-out Fisher-Yates), the order a phone shows for the same seed. */
void expr_shuffle(void **items, int n, long long seed);

/* A secondary instance: rows of named columns (a media file, a choice list). */
typedef struct expr_table {
	char *name;     /* instance name: file name without extension, or the list name */
	char *file;     /* the media file it was read from; NULL for a choice list */
	int ncols;
	char **cols;    /* column names */
	int nrows;
	char **cells;   /* cells[r * ncols + c], "" when empty; never NULL */
	int *lines;     /* lines[r]: where row r is in its file (for messages); may be NULL */
} expr_table;
/* The index of column `col` of t, -1 if none. */
int expr_table_col(const expr_table *t, const char *col);

typedef enum expr_type { EXPR_NUM, EXPR_STR, EXPR_BOOL, EXPR_NODES } expr_type;

/* The result of an evaluation. Release with expr_value_release. */
typedef struct expr_value {
	expr_type type;
	double num;         /* EXPR_NUM (NaN for an empty or non-numeric value) */
	int boolean;        /* EXPR_BOOL */
	char *str;          /* EXPR_STR, malloc'd */
	expr_nodes nodes;   /* EXPR_NODES */
} expr_value;
void expr_value_release(expr_value *v);

/* What evaluation asks of its caller. Callbacks may be NULL where a form never needs them. */
typedef struct expr_env {
	void *user;   /* passed back to every callback */
	/* ${name}: append the question's value(s) to *out, one item for a question outside any
	 * repeat or in the current repeat instance, one per instance for a question inside a
	 * repeat that the current position is outside of (none when there are no instances).
	 * Returns 0, or -1 when there is no such question. */
	int (*lookup)(void *user, const char *name, expr_nodes *out);
	/* ".": the value of the question being validated or computed ("" when empty). */
	const char *(*current)(void *user);
	/* position(..): the 1-based index of the current repeat instance. */
	int (*position)(void *user);
	/* jr:choice-name(value, '${q}'): the label, in the current language, of choice `value`
	 * of question `qname`; NULL when there is none. */
	const char *(*choice_label)(void *user, const char *qname, const char *value);
	/* indexed-repeat(${name}, ${rep1}, i1, ...): append the value of question `name` in
	 * instance idx[k] (1-based) of repeat reps[k], for k < nrep; levels not given are the
	 * current position's where it shares them, else every instance (one item each). An
	 * instance that does not exist gives no item. Returns 0, or -1 when a name is unknown
	 * or reps[k] is not a repeat around `name`. NULL: indexed-repeat() is an error. */
	int (*indexed)(void *user, const char *name, int nrep, const char *const *reps,
		       const int *idx, expr_nodes *out);
	/* ${last-saved#name}: append the value name had in the interview of this form saved
	 * last (one item, "" when there is none). Returns 0, or -1 when there is no such
	 * question. NULL: the value is "". */
	int (*last_saved)(void *user, const char *name, expr_nodes *out);
	/* instance('name'), pulldata('name', ...): the secondary instance, or NULL when there
	 * is none (then the expression is an error). NULL callback: none exists. */
	const expr_table *(*instance)(void *user, const char *name);
	/* today() and now(): seconds since the epoch; 0 means "read the clock". Tests fix it. */
	double now;
	/* random() and uuid(): every evaluation draws from a generator seeded with this, so the
	 * same seed gives the same values (the engine seeds it from the interview's UUID and
	 * the position evaluated, which keeps `simulate --seed` reproducible). */
	unsigned long long seed;
} expr_env;

/* Parse `src`. Returns the tree, or NULL with a message in err (ERR_MAX bytes) and the 0-based
 * byte offset of the problem in *errpos. Unknown functions and wrong argument counts are parse
 * errors. The caller frees the tree with expr_free (NULL is accepted).
 * Paths as ODK forms write them — "../q", "./q", "../../grp/q", "/data/grp/q",
 * "current()/../q" — mean question q (names are unique in a form), resolved by lookup like
 * ${q}: in the current repeat instance when it shares it. "." and "current()" are the node
 * evaluated; a path ending in ".." is a group (value ""; position(..) is its instance).
 * instance('x')/root/item[filter]/column reads a secondary instance (env->instance); in its
 * filter a bare name is a column of the item. Other predicates and axes are refused. random() and uuid() draw from env->seed, so
 * for the engine they are fixed per interview and position (as once(random()) would be). */
expr *expr_parse(const char *src, char *err, int *errpos);
void expr_free(expr *e);

/* Evaluate. Returns 0 and fills *out, or -1 with a message in err (e.g. an unknown ${name},
 * a regex that does not compile). */
int expr_eval(const expr *e, const expr_env *env, expr_value *out, char *err);

/* Conversions with XPath/ODK semantics: "" and non-numbers are NaN; an ISO date string
 * converts to days since 1970-01-01 (dateTime: fractional days), as in JavaRosa. Dates and
 * dateTimes are local wall-clock time; a dateTime with a zone is moved to the local zone.
 * Node-sets convert through their first node (number, string) or, for booleans, as JavaRosa
 * unpacks them: no node is false, one node is true when its value is not empty, several true.
 * Strings: NaN prints as "" (as ODK shows it, not XPath's "NaN"); infinities as "Infinity"
 * and "-Infinity"; other numbers with at most 15 significant digits, never in exponent
 * notation, without trailing zeros (2.5, 3, 0.0000001, 100000000000000000000); booleans as
 * "true"/"false". The decimal point is always '.', whatever the locale. */
double expr_value_number(const expr_value *v);
int expr_value_bool(const expr_value *v);
char *expr_value_string(const expr_value *v);   /* malloc'd; integers print without ".0" */

/* Shorthands: evaluate and convert. Return 0, or -1 with err. *str is malloc'd. */
int expr_eval_bool(const expr *e, const expr_env *env, int *out, char *err);
int expr_eval_string(const expr *e, const expr_env *env, char **str, char *err);

/* Call fn for every ${name} reference in e, in source order, with its byte offset in the
 * source text. Used for dependency graphs and to check that every name exists. Paths
 * (../name, current()/../name, /data/grp/name) give their last name; ${last-saved#name}
 * gives name, at the offset of its "${last-saved#" (not a dependency: its value is fixed). */
void expr_refs(const expr *e, void (*fn)(void *arg, const char *name, int pos), void *arg);

/* Call fn for each secondary instance e reads: instance('x')/root/item[..]/col gives ("x",
 * "col" or NULL, 0), each column named in its predicate ("x", column, 0); pulldata('x', 'col',
 * 'key', ...) with literal names gives ("x", "col", 1) and ("x", "key", 1). */
void expr_instances(const expr *e, void (*fn)(void *arg, const char *inst, const char *col,
		int pulldata, int pos), void *arg);

#endif
