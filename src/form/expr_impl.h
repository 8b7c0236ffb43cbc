/* expr_impl.h: internals shared by the expression parser (expr.c), evaluator (expr_eval.c),
 * function library (expr_func.c) and date functions (expr_date.c). Not for other modules. */
#ifndef SURVEY_EXPR_IMPL_H
#define SURVEY_EXPR_IMPL_H

#include <stddef.h>
#include <regex.h>

#include "form/expr.h"
#include "util/cnum.h"
#include "util/utf8.h"

/* Deepest nesting of parentheses, calls and unary minus that expr_parse accepts. */
#define EXPR_MAX_DEPTH 200

/* Room for any number printed by expr_num_format, with its NUL. */
#define EXPR_NUMBUF 400

enum expr_node_kind {
	N_NUM,      /* number literal: num */
	N_STR,      /* string literal: str, len */
	N_REF,      /* ${name}: str is the name */
	N_CUR,      /* "." */
	N_NEG,      /* unary minus of kid 0 */
	N_CHAIN,    /* kid 0 op[1] kid 1 op[2] kid 2 ...: operators of one precedence level */
	N_CALL,     /* function fn applied to its kids */
	N_PARENT,   /* a path ending in "..", e.g. position(..): a group, whose value is "" */
};

enum expr_op { OP_OR, OP_AND, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
	OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD };

struct expr_node {
	unsigned char kind;   /* enum expr_node_kind */
	unsigned char fn;     /* N_CALL: index into expr_fns */
	unsigned char ref_in_str; /* N_STR: the literal is '${name}' naming a question (choice-name) */
	unsigned char last_saved; /* N_REF: ${last-saved#name} */
	int pos;              /* byte offset in the source */
	int nkids;            /* number of children */
	int first;            /* index of the first child in expr.kid (and its operator in expr.op) */
	double num;           /* N_NUM */
	char *str;            /* N_STR text, N_REF name; malloc'd */
	size_t len;           /* bytes in str */
	char *name;           /* N_STR with ref_in_str: the question name inside '${...}'; malloc'd */
	regex_t *re;          /* N_CALL regex() with a literal pattern: compiled once; malloc'd */
};

struct expr {
	struct expr_node *nodes;  /* every node; children come before their parents */
	int nnodes, capnodes;     /* nodes used, allocated */
	int *kid;                 /* child node indexes, each node's children contiguous */
	unsigned char *op;        /* op[i]: operator before kid[i] in an N_CHAIN */
	int nkid, capkid;         /* kid/op entries used, allocated */
	int root;                 /* index of the root node */
};

static inline const struct expr_node *expr_kid(const struct expr *e, const struct expr_node *n,
		int i)
{
	return &e->nodes[e->kid[n->first + i]];
}

/* An intermediate value. Unlike expr_value, a string may be borrowed (from the tree or a
 * caller), so literals and numbers cost no allocation. */
typedef struct val {
	expr_type type;      /* EXPR_NUM, EXPR_STR, EXPR_BOOL or EXPR_NODES */
	int boolean;         /* EXPR_BOOL */
	double num;          /* EXPR_NUM */
	const char *s;       /* EXPR_STR: the text (borrowed, or == own) */
	char *own;           /* EXPR_STR: malloc'd buffer that s points to, or NULL if borrowed */
	expr_nodes nodes;    /* EXPR_NODES: owned */
} val;

/* Evaluation context. */
struct ectx {
	const struct expr *e;     /* the tree */
	const expr_env *env;      /* the caller's callbacks */
	char *err;                /* ERR_MAX error buffer */
	unsigned long long rng;   /* random() and uuid(): generator state, from env->seed */
	const expr_table *item_tab;  /* instance(...)[filter]: the item being tested */
	int item_row;
};

/* expr_eval.c */
int expr_ev(struct ectx *cx, const struct expr_node *n, val *out);
int expr_ev_kid(struct ectx *cx, const struct expr_node *n, int i, val *out);
void val_release(val *v);
void val_num_set(val *v, double d);
void val_bool_set(val *v, int b);
void val_str_borrow(val *v, const char *s);
void val_str_own(val *v, char *s);
double val_num(const val *v);
int val_bool(const val *v);
/* The string value of v: a pointer into v, into buf, or to a literal; valid while both live. */
const char *val_str(const val *v, char buf[EXPR_NUMBUF]);
/* Evaluate argument i of call n to a number / boolean / string. The string form fills *tmp
 * (release it with val_release) and returns a view valid while tmp and buf live. */
int expr_arg_num(struct ectx *cx, const struct expr_node *n, int i, double *out);
int expr_arg_bool(struct ectx *cx, const struct expr_node *n, int i, int *out);
int expr_arg_str(struct ectx *cx, const struct expr_node *n, int i, val *tmp,
		char buf[EXPR_NUMBUF], const char **out);
/* Argument i's string value as a malloc'd copy in *out (the caller frees it). */
int expr_arg_dup(struct ectx *cx, const struct expr_node *n, int i, char **out);
/* Arguments 0..k-1 as malloc'd copies in s[0..k) (NULL for those the call does not give);
 * on failure frees them all and returns -1. expr_args_free frees s[0..k). */
int expr_args_dup(struct ectx *cx, const struct expr_node *n, int k, char **s);
void expr_args_free(char **s, int k);
/* A part of a string by characters (substr, substring): the string of argument 0, the numbers
 * of argument 1 and, when given (has_b), argument 2 turned by range into the characters
 * [*from, *to) of the nc the string has (range clamps them to 0 <= from <= to <= nc). */
typedef void (*expr_char_range)(double a, double b, int has_b, double nc, double *from,
				double *to);
int expr_substring_by(struct ectx *cx, const struct expr_node *n, val *out,
		      expr_char_range range);
/* A double as an integer clamped to +-1e15, truncated toward zero; NaN gives 0. */
long long expr_to_ll(double d);

/* Numbers: XPath number() of a string ("" and junk give NaN; an ISO date gives days since
 * 1970-01-01, a dateTime fractional days), and the canonical text of a number (NaN -> "",
 * no exponent, at most 15 significant digits, no trailing zeros). */
double expr_str_num(const char *s);
void expr_num_format(double d, char buf[EXPR_NUMBUF]);
/* The value of the n bytes at s, which are XPath Number syntax (digits, one optional '.'),
 * read in the C locale whatever the process locale is. */
double expr_decimal(const char *s, size_t n);

/* expr_date.c: parse an ISO date or dateTime to local wall-clock days since the epoch.
 * Returns 0 and sets *days, or -1 when s is not a date. */
int expr_date_parse(const char *s, double *days);
void expr_date_now_days(const expr_env *env, double *days, int *gmtoff);

/* expr_func.c: the function table, and helpers. */
typedef int (*expr_fn_call)(struct ectx *cx, const struct expr_node *n, val *out);
struct expr_fn {
	const char *name;     /* as written, e.g. "count-selected", "jr:choice-name" */
	signed char min, max; /* argument counts; max -1 for any number */
	expr_fn_call call;    /* evaluates its own arguments */
};
extern const struct expr_fn expr_fns[];
const struct expr_fn *expr_fn_find(const char *name, size_t len, int *index);
int expr_fn_is(int index, const char *name);   /* is expr_fns[index] called `name`? */

/* Regular expressions: translate Java-style escapes (\d) to POSIX ERE and compile; refuses
 * patterns whose compiled size could explode. Returns 0, or -1 with err. */
int expr_regex_compile(regex_t *re, const char *pat, char *err);

/* Functions defined outside expr_func.c, for its table. */
#define EXPR_FN(name) int name(struct ectx *cx, const struct expr_node *n, val *out)
/* The body of a function of one number: the argument as a number, then op applied to it. */
#define EXPR_NUM1_BODY(op) \
	{ \
		double d; \
		if (expr_arg_num(cx, n, 0, &d) < 0) \
			return -1; \
		val_num_set(out, op(d)); \
		return 0; \
	}
EXPR_FN(expr_fn_today);              /* expr_date.c */
EXPR_FN(expr_fn_now);
EXPR_FN(expr_fn_date);
EXPR_FN(expr_fn_format_date);
EXPR_FN(expr_fn_decimal_date_time);
EXPR_FN(expr_fn_selected);           /* expr_select.c */
EXPR_FN(expr_fn_count_selected);
EXPR_FN(expr_fn_selected_at);
EXPR_FN(expr_fn_choice_name);
EXPR_FN(expr_fn_regex);              /* expr_regex.c */
EXPR_FN(expr_fn_date_time);          /* expr_date.c */
EXPR_FN(expr_fn_decimal_time);
EXPR_FN(expr_fn_pow);                /* expr_math.c */
EXPR_FN(expr_fn_sqrt);
EXPR_FN(expr_fn_exp);
EXPR_FN(expr_fn_exp10);
EXPR_FN(expr_fn_log);
EXPR_FN(expr_fn_log10);
EXPR_FN(expr_fn_sin);
EXPR_FN(expr_fn_cos);
EXPR_FN(expr_fn_tan);
EXPR_FN(expr_fn_asin);
EXPR_FN(expr_fn_acos);
EXPR_FN(expr_fn_atan);
EXPR_FN(expr_fn_atan2);
EXPR_FN(expr_fn_pi);
EXPR_FN(expr_fn_random);
EXPR_FN(expr_fn_uuid);
EXPR_FN(expr_fn_indexed_repeat);     /* expr_nodeset.c */
EXPR_FN(expr_fn_count_non_empty);
EXPR_FN(expr_fn_checklist);
EXPR_FN(expr_fn_weighted_checklist);
EXPR_FN(expr_fn_instance);           /* expr_instance.c */
EXPR_FN(expr_fn_column);
EXPR_FN(expr_fn_pulldata);
EXPR_FN(expr_fn_digest);             /* expr_digest.c */
EXPR_FN(expr_fn_base64_decode);
EXPR_FN(expr_fn_randomize);          /* expr_shuffle.c */
EXPR_FN(expr_fn_substring);
EXPR_FN(expr_fn_area);               /* expr_geo.c */
EXPR_FN(expr_fn_distance);


#endif
