/* engine_impl.h: the interview engine's private parts, shared by the files of src/interview/ only:
 * the table of instance values (answers, cached relevance, repeat counts), positions with
 * repeat instance numbers, expression evaluation in a position, and the cursor. */
#ifndef SURVEY_ENGINE_IMPL_H
#define SURVEY_ENGINE_IMPL_H

#include "interview/engine.h"
#include "util/hindex.h"
#include "util/util.h"

/* Deepest nesting of repeats inside repeats that the engine handles. */
#define ENGINE_NEST_MAX 8

/* A node in one instance: inst[l] is the instance (1-based) of the l-th enclosing repeat,
 * outermost first. For a repeat node, ninst == nrep[node] names the repeat as a whole in its
 * parent's instance ("partners"), ninst == nrep[node] + 1 one of its instances ("partners[2]").
 * For any other node ninst == nrep[node]. */
typedef struct iv_pos {
	int node;
	int ninst;
	int inst[ENGINE_NEST_MAX];
} iv_pos;

/* One row of the value table, keyed by its path. */
typedef struct iv_entry {
	char *key;            /* instance path: "partners[2]/partner_name", or "partners" */
	iv_pos pos;           /* the node and instance the key names */
	char *value;          /* stored value, NULL when none */
	store_state state;    /* stored state (meaningful when stored) */
	unsigned char stored; /* an answer row exists in the store */
	signed char rel;      /* cached own relevance: -1 unknown, 0, 1 */
	int count;            /* a repeat as a whole: its instances; -1 unknown */
	int made;             /* a repeat as a whole: instances whose defaults were set */
} iv_entry;

/* Entries by key (a hash index: an entry's index is its id); also listed per node. */
typedef struct iv_table {
	iv_entry *ents;       /* every entry, never removed while the engine lives (reset only) */
	int n, cap;
	hindex ix;            /* hash_str(key) -> entry index */
	int **by_node;        /* by_node[node]: entry indexes of that node */
	int *nby, *capby;
} iv_table;

enum cursor_kind { CUR_QUESTION, CUR_GROUP, CUR_ADD, CUR_END };

struct engine {
	store *st;            /* the database (borrowed) */
	store_iv *iv;         /* the interview handle (owned) */
	const form *f;        /* the questionnaire (borrowed) */
	int lang;             /* current language index, -1 when the form has none */
	double now;           /* fixed clock (seconds), 0 for the real one */
	int complete;         /* the interview is complete (until a change reopens it) */
	int sealed;           /* completed and sealed (form public_key): its rows are gone */
	char uuid[STORE_UUID_LEN + 1];
	char last_saved[STORE_UUID_LEN + 1]; /* ${last-saved#q}: that interview, "" for none */
	int last_saved_known; /* last_saved was looked up */
	form_choice **dyn;    /* select_one ${q}: the choices made of answers (choices.c), kept
	                         until engine_free so their pointers stay valid */
	int *dyn_node;        /* the select each belongs to */
	int ndyn, capdyn;

	/* per node, computed once */
	int *nrep;            /* number of repeats strictly enclosing the node */
	int *prev_sibling;    /* previous node with the same parent, -1 */
	int *fieldlist;       /* the outermost field-list group at or above the node, -1 */
	int *visible;         /* shown to the interviewer: an input or a note */
	int msg_lang;         /* row of the message table for the current language */

	iv_table tab;

	/* the cursor and its screen */
	enum cursor_kind ck;
	iv_pos cur;           /* CUR_QUESTION: the question; CUR_GROUP: the group; CUR_ADD: the
	                         repeat as a whole; CUR_END: unused */
	engine_screen screen;
	engine_item *items;
	char **item_paths;
	int nitems, capitems;
	char *screen_path;

	/* propagation scratch, nnodes each */
	unsigned char *mark;  /* nodes to recompute in the next round */
	unsigned char *pending; /* nodes recomputed in this round */
	int *queue;
	int no_move_log;      /* engine_new.no_move_log */
	int quiet;            /* resuming a completed interview: recompute in memory only */

	/* comment.c: the interviewer's comments, read from the event log at the first use */
	store_answer *comments; /* path, value = the comment */
	int ncomments;
	int comments_loaded;

	/* preload.c: answers from the sample frame (issue 15) */
	unsigned char *locked; /* per node: preloaded, read-only to the interviewer; or NULL */
	int preloading;       /* engine_start_unit is setting them: read-only does not hold */
};

/* ---- comment.c ---- */
void iv_comments_free(engine *e);

/* ---- instance.c: paths and the value table ---- */
void iv_table_init(iv_table *t, int nnodes);
void iv_table_release(iv_table *t, int nnodes);
/* The entry for pos, made (unknown, not stored) when absent. Pointers are invalidated by the
 * next iv_get that adds; keep indexes across calls. */
int iv_get(engine *e, const iv_pos *pos);
iv_entry *iv_ent(engine *e, int idx);
/* The entry at pos if it exists, else NULL. */
iv_entry *iv_find(engine *e, const iv_pos *pos);
/* The path of pos, malloc'd. */
char *iv_path(const engine *e, const iv_pos *pos);
/* The form's instance_name evaluated on the answers so far, a select_one outside repeats
 * read as its choice label in the current language (malloc'd), NULL when none. */
char *iv_instance_name(engine *e);
/* The label naming a question in a message to the interviewer (review.c). malloc'd. */
char *iv_problem_label(engine *e, const char *path, int node);
/* Save the screen path, language and instance name so far (store_iv_set_position). */
int iv_save_position(engine *e, char *err);
void iv_path_sb(const engine *e, const iv_pos *pos, strbuf *sb);
/* Parse a path ("a/b[2]/c", "partners", "partners[2]") into pos. -1 when it names no node
 * (instance numbers are not checked against counts). */
int iv_parse(const engine *e, const char *path, iv_pos *pos);
/* The enclosing-or-self repeats of a node, outermost first; returns how many. */
int iv_repeats(const engine *e, int node, int out[ENGINE_NEST_MAX + 1]);
/* The open repeats around pos (those without repeat_count) count at least the instances pos
 * names: an answer, or an instance added and left before any answer, keeps them. */
void iv_cover(engine *e, const iv_pos *pos);
/* The ancestor `anc` of pos.node in pos's instance (a repeat ancestor as a whole). */
void iv_ancestor(const engine *e, const iv_pos *pos, int anc, iv_pos *out);
/* Store value/state at pos (no-op when equal); updates the table. Marks the interview draft
 * when it was complete. -1 with err. */
int iv_store(engine *e, const iv_pos *pos, const char *value, store_state state, char *err);
/* Load the stored answers (resume). */
int iv_load(engine *e, char *err);
/* Instances of repeat pos.node (pos names it as a whole). Computes repeat_count when unknown. */
int iv_count(engine *e, const iv_pos *pos);
/* Call fn for every instance of node (over the counts of its enclosing repeats); stops and
 * returns fn's non-zero result. */
int iv_each_instance(engine *e, int node, int (*fn)(engine *e, const iv_pos *pos, void *arg),
		     void *arg);

/* ---- eval.c: expressions in a position ---- */
typedef struct iv_ctx {
	engine *e;
	iv_pos pos;                /* where the expression is evaluated */
	const char *dot;           /* the value of '.', NULL: the stored value at pos */
	const form_choice *choice; /* while filtering choices: the choice tested */
	int labels;                /* a select_one outside repeats reads as its choice's label in
	                              the current language (the instance name people read) */
	expr_env env;
} iv_ctx;
void iv_ctx_init(iv_ctx *c, engine *e, const iv_pos *pos);
int iv_eval_bool(engine *e, const iv_pos *pos, const expr *x, const char *dot, int *out,
		 char *err);
int iv_eval_string(engine *e, const iv_pos *pos, const expr *x, char **out, char *err);
/* The seed of random() at pos: from the interview's UUID and the position. */
unsigned long long iv_position_seed(const engine *e, const iv_pos *pos);
int iv_eval_number(engine *e, const iv_pos *pos, const expr *x, double *out, char *err);
/* The node's own relevant expression at pos (cached; 1 when it has none). */
int iv_own_relevant(engine *e, const iv_pos *pos);
/* Evaluate it again and cache it; 1 when it changed. */
int iv_refresh_relevant(engine *e, const iv_pos *pos);
/* Relevant with every ancestor group/repeat, and instances within their counts. */
int iv_relevant(engine *e, const iv_pos *pos);
/* required now at pos. */
int iv_required(engine *e, const iv_pos *pos);
int iv_read_only(engine *e, const iv_pos *pos);
/* Text with ${name} replaced by values seen from pos; malloc'd. */
char *iv_interpolate(engine *e, const iv_pos *pos, const char *text);
/* Is choice c kept by the node's choice_filter at pos? 1/0, -1 with err. */
int iv_choice_kept(engine *e, const iv_pos *pos, const form_choice *c, char *err);
/* choices.c: select_one ${q} — the distinct answers to q (a question in a repeat), seen from
 * pos, as choices (value and label the answer); a malloc'd array in *out. */
int iv_repeat_choices(engine *e, const iv_pos *pos, const form_list *l,
		      const form_choice ***out, int *n, char *err);
/* The one of them named name (len bytes), or NULL (*failed set when a filter failed). */
const form_choice *iv_repeat_choice(engine *e, const iv_pos *pos, const char *name, size_t len,
				    char *err, int *failed);
void iv_repeat_choices_free(engine *e);
/* The value lookups see: stored and answered, else "". */
const char *iv_lookup_value(engine *e, const iv_pos *pos);

/* ---- validate.c: types, constraints, messages ---- */
/* Check and normalise `text` for the question at pos. 0 with *norm (malloc'd; NULL for an
 * empty answer), ENGINE_REJECTED with the message in msg, or -1 with err. */
int iv_validate(engine *e, const iv_pos *pos, const char *text, char **norm, char *msg);
/* The current problem of the answer at pos (enum engine_problem) with its message. */
int iv_problem(engine *e, const iv_pos *pos, char *msg);
/* Choose the message table row for the current language. */
void iv_msg_lang(engine *e);
/* validate_geo.c: a typed location (form_geo_parse) for type t: 0 and *norm, or
 * ENGINE_REJECTED with why in the engine's language. */
int iv_geo_parse(engine *e, form_type t, const char *text, char **norm, char *msg);
/* A form text (FORM_CONSTRAINT_MSG, FORM_REQUIRED_MSG) at pos interpolated, or the generic
 * message, into msg. */
void iv_form_msg(engine *e, const iv_pos *pos, enum form_text_kind kind, enum engine_msg m,
		 char *msg);

/* ---- recompute.c: what an answer changes ---- */
/* Recompute everything (start, resume). */
int iv_recompute_all(engine *e, char *err);
/* The answer of `node` changed (value or state): recompute its dependents, counts, and the
 * skipped states that follow. */
int iv_changed(engine *e, int node, char *err);
/* engine_choices at a position: the list after its filter, shuffled when randomize=true. */
int iv_choices(engine *e, const iv_pos *pos, const form_choice ***out, int *n, char *err);
/* The nodes whose trigger is the question just changed at `changed`: set from their
 * calculation (in the same repeat instances), then what depends on them. */
int iv_triggered(engine *e, const iv_pos *changed, char *err);
/* A new instance of an open repeat (inst names it): defaults, then everything in it. */
int iv_instance_added(engine *e, const iv_pos *inst, char *err);
/* Defaults of the questions directly in the instance or scope at pos (root: ninst 0). */
int iv_apply_defaults(engine *e, const iv_pos *scope, char *err);

/* ---- nav.c: the cursor ---- */
/* Rebuild engine->screen from the cursor. */
void nav_build(engine *e);
/* Put the cursor on the first screen at or after pos when entering forward. */
int nav_first(engine *e, char *err);
/* Record the move: position and "moved" event. */
int nav_moved(engine *e, char *err);
/* Set the cursor from a position path; ENGINE_REJECTED/0 (no logging). */
int nav_set(engine *e, const char *path, char *msg);
/* Is the cursor still valid (relevant, existing instance)? */
int nav_valid(engine *e);
/* Move to the first valid screen after the current node's subtree (used after removals). */
void nav_forward_from(engine *e, const iv_pos *pos);

/* Move forward / backward without checks (backward: 0 when nothing is before). */
void nav_step_fwd(engine *e);
int nav_step_bwd(engine *e);
/* The engine's clock as local wall time: "2021-03-09T14:05:00.000+06:00", or the date only.
 * malloc'd. */
char *iv_clock_text(const engine *e, int date_only);
/* The current language as stored: its code, else its name; NULL when none. */
const char *iv_lang_code(const engine *e);

#endif
