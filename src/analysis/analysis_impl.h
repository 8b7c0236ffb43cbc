/* analysis_impl.h: the parts of src/analysis/ shared between its files — the open database,
 * the string map, and the data set read for one analysis (per-case codes). */
#ifndef SURVEY_ANALYSIS_IMPL_H
#define SURVEY_ANALYSIS_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/analysis.h"
#include "store/scan.h"
#include "store/store.h"
#include "util/hindex.h"

struct analysis_db {
	store *st;             /* opened read-only */
	char *form_id;         /* the questionnaire analysed */
	form *newest;          /* its newest version: labels and choice lists */
	int nversions;         /* versions of form_id embedded or with interviews */
	char **versions;       /* their names */
	form **forms;          /* forms[k] of versions[k]; NULL when it cannot be loaded */
	int *has_interviews;   /* 1 when versions[k] has interviews */
	int only_approved;     /* analysis_only_approved: reads keep only approved[] */
	char **approved;       /* sorted UUIDs of approved interviews */
	int napproved;
	struct an_pre *pre;    /* answers read in advance (analysis_preload), or NULL */
};

/* ---- notes.c ---- */
void an_note(analysis_notes *n, int warning, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void an_notes_release(analysis_notes *n);

/* ---- resolve.c: names to questions ---- */

/* A question found in the newest questionnaire, with the instance indices of a path such as
 * "rep[2]/q" (one per enclosing repeat, outermost first). */
typedef struct an_ref {
	int node;              /* index in db->newest */
	int ninst;             /* enclosing repeats */
	int inst[8];           /* their 1-based instance numbers */
} an_ref;

/* Find name (a name or a path) in db->newest; -1 with err as analysis_resolve describes.
 * what names the option in messages ("--weight") or is NULL for a variable. */
int an_find(analysis_db *db, const char *name, const char *what, an_ref *out, char *err);
/* A location question (geopoint, geotrace, geoshape, start-geopoint) cannot be counted:
 * -1 with err saying so in one line; 0 for any other node. */
int an_refuse_location(const analysis_db *db, int node, const char *name, char *err);
/* The answer path of ref in version k (malloc'd), or NULL when that version has no such
 * question. */
char *an_version_path(const analysis_db *db, const an_ref *ref, int k);
/* Fill v's name, path, label, type and vtype (no categories yet). */
void an_var_init(analysis_db *db, const an_ref *ref, const char *name, int lang,
		 analysis_var *v);
/* The choices of node's list in the newest questionnaire as v's categories (valid, in list
 * order; scores the names when all are integers, else 1, 2, 3, ...). Nothing for a node
 * without a list. */
void an_choice_cats(analysis_db *db, int node, int lang, analysis_var *v);
int an_is_integer(const char *s);   /* an optional sign and decimal digits only */
/* A number in the C locale, the whole string ("" and "1x" are not); 0 or -1. */
int an_number(const char *s, double *out);
/* The label of a missing category in language lang of db->newest. */
const char *an_missing_label(const analysis_db *db, analysis_missing m, int lang);

/* ---- preload.c: answers read in advance ---- */

typedef struct an_pre an_pre;
/* If db's preload holds version k's interviews of status `status` with every one of paths[0..
 * npaths-1] (NULL: no such question), visit them as store_read_paths would (the same
 * interviews, order and values; *result is its return value) and return 1; else return 0 and
 * the caller reads the store. Before each call of fn, ids[c] (an array of npaths) is set to the
 * preload's id of values[c] (-1: none), equal ids meaning equal values; nids[c] receives, once,
 * the number of such ids of path c (ids are below it). */
int an_pre_read(const analysis_db *db, int k, const char *status, const char *const *paths,
		int npaths, store_scan_fn fn, void *arg, int *ids, int *nids, int *result);
void an_pre_release(analysis_db *db);

/* ---- data.c: reading and coding ---- */

/* What a column of the data set is for. */
typedef enum an_role { AN_VAR, AN_WEIGHT, AN_STRATA, AN_CLUSTER, AN_WHERE } an_role;

/* Codes of a missing value while reading (negative, so they never clash with value ids). */
#define AN_CODE(m) (-(int)(m))        /* m an analysis_missing other than VALID */
#define AN_OUT (-100)                 /* after coding: a missing value not shown */
#define AN_SEL (-1)                   /* after coding, select_multiple: the choices are in sel */

typedef struct an_col {
	an_role role;
	an_ref ref;
	char *name;            /* as asked */
	char **vpath;          /* per version: answer path or NULL */
	analysis_var var;      /* AN_VAR: the variable, categories filled by an_data_finish */
	strmap values;         /* distinct valid values -> read id */
	int numeric;           /* 1 while every valid value read is a number */
	int *code;             /* per case: while reading a read id >= 0 or AN_CODE(missing);
	                        * select_multiple: the number of choices selected or a missing
	                        * code. After coding: a category index, AN_OUT (a missing value
	                        * not shown) or, select_multiple, AN_SEL (choices in sel) */
	size_t *start;         /* select_multiple: case i's choices are sel[start[i]..start[i+1]) */
	int *sel;
	size_t nsel, selcap;
	double *num;           /* numeric questions: the value per case (NAN when missing) */
	int *pre_map;          /* read from a preload: its value id -> read id (-1: not yet) */
} an_col;

typedef struct an_data {
	size_t n, cap;         /* cases kept, allocated */
	int ncols;
	an_col *cols;          /* AN_VAR columns first (in the order asked), then the others */
	int nvars;             /* AN_VAR columns */
	int wcol, scol, ccol;  /* columns of the weight, strata, cluster; -1 if none */
	double *w;             /* per case weight; NULL when unweighted */
	int *stratum;          /* per case stratum id; NULL when none */
	int *cluster;          /* per case PSU id; NULL when none */
	unsigned char *in;     /* per case: 1 passes --where, 0 outside the subpopulation */
	long long read;        /* interviews read */
	long long unapproved;  /* complete, left out as not approved (--status approved) */
	long long bad_weight;  /* left out: a missing or non-positive weight */
	long long bad_strata;  /* left out: no stratum */
	long long bad_cluster; /* left out: no cluster */
	long long where_out;   /* outside --where */
	long long simulated;   /* cases kept (inside --where) made by survey simulate (origin) */
	int design;            /* weight, strata or cluster given */
	int nversions;         /* entries of each column's vpath */
	int lang;
	analysis_notes notes;  /* notes on the reading (filled by an_data_read) */
} an_data;

/* Resolve vars[0..nvars-1] and the options' weight, strata, cluster and where, read every
 * interview of every version, and code the variables (an_data_finish). -1 with err. */
int an_data_read(analysis_db *db, const char *const *vars, int nvars, const analysis_opts *o,
		 an_data *d, char *err);
void an_data_release(an_data *d);

/* The design of the data set's cases, prepared (NULL without one). -1 with err. */
int an_data_design(const an_data *d, const analysis_opts *o, stats_design_prep **out,
		   char *err);

/* an_data_read, then (max_cats > 0: a cross-table) the refusal of a variable with more than
 * max_cats categories, then an_data_design: the data set and its design ready (release both),
 * or -1 with err and nothing to release. */
int an_data_open(analysis_db *db, const char *const *vars, int nvars, const analysis_opts *o,
		 int max_cats, an_data *d, stats_design_prep **dp, char *err);

/* The categories of case i in column c (variables only): *codes points at them (one for a
 * single value, into sel for select_multiple, *one is the storage for a single one). */
static inline int an_case_codes(const an_col *c, size_t i, const int **codes, int *one)
{
	int k = c->code[i];
	if (k == AN_SEL) {
		*codes = c->sel + c->start[i];
		return (int)(c->start[i + 1] - c->start[i]);
	}
	if (k < 0)
		return 0;
	*one = k;
	*codes = one;
	return 1;
}

/* celltests.c: layer L's per-cell tests and, with one select_multiple variable, its
 * per-choice tests (analysis.h), from its table or, with a design dp, from the cases of d in
 * the layer (`layer`: the --by category; ignored without --by). Freed by
 * an_layer_tests_release. */
void an_layer_tests(const analysis_tab *t, analysis_layer *L, const an_data *d,
		    const stats_design_prep *dp, int layer);
void an_layer_tests_release(analysis_layer *L);

/* Copy of a variable's description and categories (for results that outlive the data). */
void an_var_copy(analysis_var *dst, const analysis_var *src);

#endif
