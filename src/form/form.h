/* form.h: the in-memory questionnaire — an XLSForm read into a flat tree of nodes (questions,
 * groups, repeats) with per-language texts, choice lists, expressions parsed once, and the
 * dependency graph the interview engine uses to recompute only what a change affects. */
#ifndef SURVEY_FORM_H
#define SURVEY_FORM_H

#include <stdarg.h>
#include <stddef.h>

#include "form/expr.h"
#include "form/sheets.h"

/* ---- Diagnostics: what `survey check` prints. ---- */

typedef enum form_severity { FORM_ERROR, FORM_WARNING } form_severity;

typedef struct form_diag {
	form_severity severity;
	char *file;      /* the questionnaire's path or name */
	char *sheet;     /* "survey", "choices", "settings" (as the file spells it); NULL if none */
	int row;         /* row as a person sees it (spreadsheet row, text line); 0 if none */
	char *column;    /* the column header as written (e.g. "relevant"); NULL if none */
	int pos;         /* expression errors: 1-based character in the cell; -1 if none */
	char *message;   /* what is wrong, git style: lowercase, no full stop */
} form_diag;

/* At most FORM_DIAGS_MAX errors and as many warnings are kept; the rest are only counted. */
#define FORM_DIAGS_MAX 200

typedef struct form_diags {
	form_diag *items;   /* kept diagnostics, in the order found */
	int n, cap;         /* items used, allocated */
	int nerrors;        /* errors found (kept or not) */
	int nwarnings;      /* warnings found (kept or not) */
	int dropped;        /* diagnostics found beyond the limit and not kept */
} form_diags;

void form_diags_init(form_diags *d);
void form_diags_release(form_diags *d);   /* frees the items; d may be reused after init */
/* Add one. sheet/column may be NULL, row 0, pos -1. Strings are copied. */
void form_diag_add(form_diags *d, form_severity sev, const char *file, const char *sheet,
                   int row, const char *column, int pos, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));
/* The same with the arguments as a va_list (form_err and form_warn pass theirs on). */
void form_diag_vadd(form_diags *d, form_severity sev, const char *file, const char *sheet,
                    int row, const char *column, int pos, const char *fmt, va_list ap)
	__attribute__((format(printf, 8, 0)));
/* Append "FILE:SHEET:ROW: error: COLUMN: MESSAGE at character POS" (the parts that exist)
 * to sb, without a newline. */
struct strbuf;
void form_diag_format(const form_diag *g, struct strbuf *sb);

/* ---- The model. Everything below is owned by the form and read-only to its users. ---- */

typedef enum form_type {
	FORM_ROOT,            /* nodes[0]: the survey itself */
	FORM_GROUP,           /* begin/end group */
	FORM_REPEAT,          /* begin/end repeat */
	FORM_TEXT, FORM_INTEGER, FORM_DECIMAL,
	FORM_SELECT_ONE, FORM_SELECT_MULTIPLE,
	FORM_NOTE, FORM_CALCULATE,
	FORM_DATE, FORM_TIME, FORM_DATETIME,
	FORM_RANGE, FORM_ACKNOWLEDGE, FORM_HIDDEN,
	FORM_GEOPOINT, FORM_GEOTRACE, FORM_GEOSHAPE,   /* locations, typed (form/geo.h) */
	/* a file the interviewer attaches from the laptop (stored with the interview: the
	 * attachments table); barcode is typed text */
	FORM_IMAGE, FORM_AUDIO, FORM_VIDEO, FORM_FILE, FORM_BARCODE,
	/* metadata: filled by the engine, never shown */
	FORM_START, FORM_END, FORM_TODAY, FORM_DEVICEID, FORM_USERNAME,
	/* metadata a laptop records blank (no SIM, no GPS, no e-mail account; audit: the event
	 * log keeps that paradata): present in the data, never shown, never answered */
	FORM_PHONENUMBER, FORM_SIMSERIAL, FORM_SUBSCRIBERID, FORM_EMAIL, FORM_AUDIT,
	FORM_BACKGROUND_AUDIO,
	FORM_BACKGROUND_GEOPOINT,   /* recorded when its trigger question changes: blank here */
	FORM_START_GEOPOINT,
	FORM_RANK,            /* rank LIST: every choice put in order; stored as ODK does, the
	                         choice names in the interviewer's order, space-separated */
	FORM_NTYPES
} form_type;

/* The XLSForm spelling of a type ("select_one", "dateTime", "begin group" for FORM_GROUP). */
const char *form_type_name(form_type t);
int form_type_is_meta(form_type t);       /* start, end, today, deviceid, username, and the
                                             blank ones: phonenumber ... start-geopoint */
int form_type_is_container(form_type t);  /* root, group, repeat */
/* Does the interviewer answer it (not a note, calculate, hidden, metadata or container)? */
int form_type_is_input(form_type t);
/* Is its answer a file attached from the laptop (image, audio, video, file)? */
int form_type_is_media(form_type t);

/* Translatable texts of a question (each also as COLUMN::Language (code)). */
enum form_text_kind {
	FORM_LABEL, FORM_HINT, FORM_REQUIRED_MSG, FORM_CONSTRAINT_MSG,
	FORM_NTEXTS
};

/* Expression columns, parsed once at load. */
enum form_expr_kind {
	FORM_X_RELEVANT, FORM_X_CONSTRAINT, FORM_X_CALCULATION, FORM_X_REQUIRED,
	FORM_X_READ_ONLY, FORM_X_CHOICE_FILTER, FORM_X_REPEAT_COUNT, FORM_X_DEFAULT,
	FORM_X_TRIGGER,       /* trigger: ${q}, see form_node.trigger */
	FORM_X_SEED,          /* parameters seed=: a number or ${q}, see form_node.randomize */
	FORM_NEXPRS
};
/* The canonical column name of an expression kind ("relevant", "choice_filter", ...). */
const char *form_expr_column(enum form_expr_kind k);

/* In a choice_filter, a bare name (XPath relative path) such as `county` or `name` means a
 * column of the choice being tested. The loader rewrites it to ${-county}: when the engine's
 * lookup callback sees a name starting with this character while filtering choices, it
 * answers with form_choice_column() of the choice. No question name can start with it. */
#define FORM_CHOICE_COLUMN_PREFIX '-'

typedef struct form_lang {
	char *name;   /* as written after "::", e.g. "Kyrgyz (ky)"; "default" for plain columns */
	char *code;   /* "ky"; NULL when the name has no "(code)" */
} form_lang;

typedef struct form_choice {
	char *name;      /* the value stored when chosen */
	char **label;    /* label[lang] for each of form->nlangs languages; NULL entries if empty */
	char **extra;    /* extra[i]: the value of form->choice_columns[i] ("" if empty) */
	int row;         /* choices sheet row */
} form_choice;

typedef struct form_list {
	char *name;           /* list_name */
	int nchoices;         /* number of choices */
	form_choice *choices; /* in sheet order; or_other appends "other" if absent */
	int row;              /* row of its first choice */
	char *file;           /* the media file ("villages.csv") or "external_choices" its choices
	                         were read from; NULL for the choices sheet */
	char *from;           /* select_one ${q}: q, a question in a repeat whose answers are the
	                         choices (the engine makes them; nchoices is 0); else NULL */
} form_list;

/* A secondary instance that expressions reach with instance('name')/root/item[...]/column and
 * pulldata(): the rows of a media file (CSV, XML, GeoJSON) or of a choice list. It is the
 * expression layer's table (expr.h). */
typedef expr_table form_table;

/* A media file the questionnaire uses (select_one_from_file, csv-external, pulldata): its bytes
 * travel with the form into the database (form_bundle.c), so nothing needs the file again. */
typedef struct form_media {
	char *name;      /* the file name as the form writes it ("villages.csv") */
	char *data;      /* its bytes (NUL-terminated) */
	size_t len;
} form_media;

/* Most questions one trigger cell names ("${a},${b}"). */
#define FORM_MAX_TRIGGERS 16

typedef struct form_node {
	form_type type;
	char *name;           /* the name column ("" only for the root) */
	char *path;           /* names from the root joined by '/': "hh/member/age"; "" for root */
	int parent;           /* index of the enclosing group, repeat or root; -1 for the root */
	int first_child;      /* index of the first child, -1 if none */
	int next_sibling;     /* index of the next node with the same parent, -1 if none */
	int end;              /* one past the last node of this node's subtree */
	int depth;            /* 0 for the root, 1 for its children, ... */
	int repeat;           /* nearest enclosing repeat (not the node itself), -1 if none */
	int row;              /* survey sheet row (the select's row for a generated node) */
	int generated;        /* 1 for the "NAME_other" question that or_other adds */
	int other;            /* select with or_other: index of its NAME_other node; else -1 */
	int list;             /* select: index into form->lists; else -1 */
	char *appearance;     /* appearance column, "" when empty (e.g. "field-list", "minimal") */
	char *parameters;     /* parameters column as written, "" when empty */
	double range_start, range_end, range_step;  /* range: parameters (defaults 1, 10, 1);
	                         step > 0, and end may be less than start (a descending scale) */
	int required;         /* 1: required=yes/true; 0: no or an expression (see x[]) */
	int read_only;        /* 1: read_only=yes/true; 0: no or an expression */
	char *default_value;  /* default as written, NULL if none; x[FORM_X_DEFAULT] is set when
	                         it is an expression (it uses ${..}, '.' or a function) */
	char **text[FORM_NTEXTS]; /* text[kind][lang], NULL entries if empty; text[kind] itself is
	                             NULL when the node has no such text in any language */
	char *src[FORM_NEXPRS];   /* expression sources as written; NULL when the cell is empty
	                             (and for yes/no values of required and read_only) */
	expr *x[FORM_NEXPRS];     /* parsed expressions; NULL where src is NULL */
	int triggers[FORM_MAX_TRIGGERS];   /* trigger column (ODK): the questions whose every
	                         change sets this node's value from its calculation (blank
	                         without one); the calculation is not recomputed otherwise */
	int ntriggers;        /* how many (${a},${b}: pyxform's list); 0 if none */
	int randomize;        /* select with parameters randomize=true: its choices are offered in
	                         ODK's shuffled order for the seed (x[FORM_X_SEED], else one drawn
	                         per interview) */
	int *dependents;      /* nodes having an expression that references this node by ${name} */
	int ndependents;
} form_node;

typedef struct form {
	char *source;         /* path or name it was loaded from */
	char *title;          /* settings form_title; defaults to the id */
	char *id;             /* settings form_id; defaults to the file name without extension */
	char *version;        /* settings version; "" if none */
	char *instance_name_src;   /* settings instance_name, NULL if none */
	expr *instance_name;  /* parsed instance_name, NULL if none */
	char *style;          /* settings style, "" if none */
	char *public_key;     /* settings public_key: the coordinator's public key line (survey
	                         keygen), "" if none; completed interviews are sealed for it */
	char *key_questions;  /* settings key_questions as written ("oblast municipality"), "" if
	                         none: the questions whose answers mark likely duplicates */
	int nlangs;           /* languages, in the order their columns first appear */
	form_lang *langs;
	int default_lang;     /* index of the default language (settings default_language, else
	                         "default" if plain columns exist, else 0); -1 when nlangs == 0 */
	int nnodes;
	form_node *nodes;     /* document order; nodes[0] is the root */
	int nlists;
	form_list *lists;
	int nchoice_columns;  /* extra columns of the choices sheet (for choice_filter) */
	char **choice_columns;
	int ncalc;            /* nodes with a calculation, dependencies first */
	int *calc_order;
	int neval;            /* nodes with a relevant or calculation, dependencies first: one pass
	                         over it recomputes every relevance and calculation */
	int *eval_order;
	int nquestions;       /* questions, notes and calculations written in the survey sheet
	                         (not groups, repeats, metadata or generated nodes) */
	int ntables;          /* secondary instances: media files and choice lists */
	form_table *tables;
	int nmedia;           /* media files read, sorted by name */
	form_media *media;
	struct form_map *names;   /* private: name -> node index */
	struct form_map *list_names; /* private: list name -> list index */
	struct form_map *choice_names; /* private: (list index, choice name) -> choice index */
} form;

/* Read a questionnaire (.xlsx/.xlsm, .xls, .csv, .md) and build its model. The media files it
 * names are read from FORM-media/ beside it, else from its folder (ODK's and pyxform's
 * conventions); see form_media.h. Every problem found goes into
 * diags (when not NULL), loading continues past errors to find them all. Returns 0 and sets
 * *out (free with form_free) when there was no error (warnings are allowed); otherwise -1,
 * *out = NULL, and err holds one line: the first error, located, when diags is NULL, or
 * "'FILE' has N errors" otherwise. */
int form_load(const char *path, form **out, form_diags *diags, char *err);
/* The same from memory; kind is "xlsx", "xls", "csv", "md", or "bundle" (a questionnaire
 * stored with its media files, form_bundle.c); name is used in messages. Media files are
 * found only inside a bundle. */
int form_load_mem(const char *name, const char *kind, const void *data, size_t len,
                  form **out, form_diags *diags, char *err);
/* The same from a workbook already read (wb->path names it). wb is not changed. */
int form_from_workbook(const workbook *wb, form **out, form_diags *diags, char *err);

void form_free(form *f);   /* NULL is accepted */

/* The node named `name`; -1 if there is none, or more than one in different groups. */
int form_find(const form *f, const char *name);
/* The same, but a name given to more than one node means the one nearest to node `from`
 * (sharing its deepest group: a relative path such as ../total inside one group of a loop);
 * -1 when two are as near. */
int form_find_near(const form *f, const char *name, int from);
/* The secondary instance called `name` (a media file's name without extension, or a choice
 * list), or NULL. */
const form_table *form_find_table(const form *f, const char *name);
/* The choice list called `name`; -1 if none. */
int form_find_list(const form *f, const char *name);
/* The language whose name ("Kyrgyz (ky)") or code ("ky") is `lang` (ASCII case-insensitive);
 * -1 if none. */
int form_find_lang(const form *f, const char *lang);

/* A node's text in language `lang` (an index; -1 means the default language), falling back to
 * the default language, then to the first language that has one. NULL when none has it. */
const char *form_text(const form *f, int node, enum form_text_kind kind, int lang);
/* A choice's label with the same fallback; NULL when no language has one. */
const char *form_choice_label(const form *f, const form_choice *c, int lang);
/* The choice list of a select node, or NULL. */
const form_list *form_node_list(const form *f, int node);
/* The choice in list `list` with this name, or NULL. */
const form_choice *form_list_choice(const form *f, int list, const char *name);
/* A column of a choice for choice_filter: "name", "label" (in language lang, with fallback),
 * or an extra column of the choices sheet. NULL when there is no such column. */
const char *form_choice_column(const form *f, const form_choice *c, const char *column, int lang);

/* ---- form_bundle.c: a questionnaire stored with its media files (source_kind "bundle"). ---- */

/* The bytes to embed for the questionnaire f read from `path`: the file itself (*kind its
 * workbook_kind), or, when f reads media files, a bundle of the file and them (*kind
 * "bundle"). *bytes is malloc'd. */
int form_source(const form *f, const char *path, void **bytes, size_t *len, const char **kind,
                char *err);
/* A bundle of the form file `name` (its bytes src) and f's media files; deterministic. */
int form_bundle_make(const char *name, const void *src, size_t len, const form *f,
                     void **out, size_t *outlen, char *err);
typedef struct form_bundle {
	char *name;          /* the form file's name */
	char *data;          /* its bytes */
	size_t len;
	form_media *media;   /* the media files */
	int nmedia;
} form_bundle;
/* Unpack a bundle (bounded: entries, sizes). -1 with err when it is damaged. */
int form_bundle_open(const void *data, size_t len, form_bundle *b, char *err);
void form_bundle_release(form_bundle *b);

/* A canonical text dump of the model (types, names, paths, texts, expressions, lists,
 * settings), one item per line; rows are included when with_rows. Used to compare formats. */
void form_dump(const form *f, struct strbuf *sb, int with_rows);

#endif
