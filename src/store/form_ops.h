/* form_ops.h: what the store needs to know of the questionnaires it holds, given to it by a
 * layer above (the store never reads an XLSForm: DESIGN.md, Flow and layers). Merge checks the
 * answers of an input against them and takes the settings key_questions from them; list --by
 * and merge --key look questions up in them. interview/form_ops.c gives survey's own reader;
 * the program (main) and each test that merges register it once with store_set_form_ops. */
#ifndef SURVEY_STORE_FORM_OPS_H
#define SURVEY_STORE_FORM_OPS_H

#include <stddef.h>

typedef struct store_form store_form;   /* a questionnaire as the reader loaded it (opaque) */

/* Called for each question of a form (not a group or repeat): its name, its path ("grp/q") and
 * the path of the repeat it is in (NULL outside repeats). Nonzero stops the walk. */
typedef int (*store_question_fn)(void *arg, const char *name, const char *path,
				 const char *repeat);

typedef struct store_form_ops {
	/* Load a questionnaire from its stored source (forms.source_name, source_kind and the
	 * source bytes): NULL with one line in why (ERR_MAX) when it does not load. */
	store_form *(*load)(const char *name, const char *kind, const void *bytes, size_t len,
			    char *why);
	void (*release)(store_form *f);                 /* NULL accepted */
	const char *(*id)(const store_form *f);         /* the form id its settings give */
	const char *(*version)(const store_form *f);    /* its version ("" when none) */
	const char *(*key_questions)(const store_form *f);   /* settings key_questions, or "" */
	/* The question an answer path ("grp[2]/q") names, as a number for value_check; -1 when it
	 * names none (form_paths_node). */
	int (*node)(const store_form *f, const char *path);
	/* Is value (not NULL) one survey stores for that question (form_value_check): 0, or -1
	 * with msg (ERR_MAX) saying what it is not. */
	int (*value_check)(const store_form *f, int node, const char *value, char *msg);
	/* Walk the questions in form order; returns what fn stopped with, or 0. */
	int (*questions)(const store_form *f, store_question_fn fn, void *arg);
} store_form_ops;

/* Register the reader for the whole process (not copied: ops must outlive its use). Until it is
 * registered, merge refuses every input and store_question_known fails, each with one line. */
void store_set_form_ops(const store_form_ops *ops);
/* The reader registered, or NULL. */
const store_form_ops *store_form_ops_get(void);

#endif
