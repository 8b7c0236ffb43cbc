/* form_impl.h: internals shared by the form loader files (form*.c, xlsform*.c): the string
 * hash map, the loader's state, and small helpers. Not for other modules. */
#ifndef SURVEY_FORM_IMPL_H
#define SURVEY_FORM_IMPL_H

#include "form/form.h"
#include "util/util.h"
#include "util/cnum.h"
#include "util/hindex.h"

/* ---- form_map.c: a hash map (util/hindex) from (scope, string) to int. ---- */
struct form_map_ent {
	const char *key;   /* borrowed: must outlive the map */
	int scope;         /* a namespace, e.g. the parent node of a name */
	int value;
};
typedef struct form_map {
	hindex ix;                   /* hash of (scope, key) -> index in ents */
	struct form_map_ent *ents;   /* ix.n entries in the order put */
	int cap;                     /* ents allocated */
	int nocase;                  /* 1: keys compare ASCII case-insensitively */
} form_map;
void form_map_init(form_map *m, int nocase);
void form_map_release(form_map *m);
/* The value stored for (scope, key), or NULL. The pointer is valid until the next put. */
int *form_map_find(const form_map *m, int scope, const char *key);
/* Insert (scope, key) -> value unless present; returns the stored value's slot and sets
 * *existed (1 when the key was already there: the value is left unchanged). */
int *form_map_put(form_map *m, int scope, const char *key, int value, int *existed);

/* ---- form_types.c: the type column. ---- */
enum form_row_kind {
	ROW_QUESTION,       /* tp.type is set */
	ROW_BEGIN_GROUP, ROW_BEGIN_REPEAT, ROW_BEGIN_LOOP,
	ROW_END_GROUP, ROW_END_REPEAT, ROW_END_LOOP,
	ROW_UNSUPPORTED,    /* a known XLSForm type that survey cannot interview */
	ROW_UNKNOWN,        /* not an XLSForm type */
	ROW_INSTANCE,       /* csv-external, xml-external: a media file for instance() */
};
typedef struct form_type_parse {
	enum form_row_kind kind;
	form_type type;     /* ROW_QUESTION */
	int list_at, list_len;  /* selects: the list name's place in the type string; len 0 if none */
	int or_other;       /* "or_other" (or "or other", "or specify other") follows the list */
	const char *modern; /* an old spelling pyxform still accepts: the modern one to name in a
	                       warning ("select_one" for "select one from LIST"); else NULL */
	int digits_only;    /* "phone number": a text question that takes digits only */
	const char *platform; /* another platform's extension ("SurveyCTO", ...): refused */
	int from;           /* selects: FROM_FILE (select_one_from_file FILE), FROM_EXTERNAL
	                       (select_one_external LIST); csv-external, xml-external: ROW_INSTANCE
	                       with from = 'c' or 'x' */
} form_type_parse;
enum { FROM_LIST, FROM_FILE, FROM_EXTERNAL };
/* Classify a type cell (already trimmed). Never fails: unknown text gives ROW_UNKNOWN. */
void form_parse_type(const char *s, form_type_parse *tp);

/* ---- form_util.c ---- */
/* Is s a valid XML name without ':' (what XLSForm requires of question names)? */
int form_is_xml_name(const char *s);
/* The 1-based character (UTF-8) position of byte offset `off` in s. */
int form_char_pos(const char *s, int off);
/* yes/true/true() -> 1, no/false/false() -> 0, anything else -> -1. */
int form_yes_no(const char *s);
/* Copy s with "smart" quotes (U+2018, U+2019, U+201C, U+201D) made ASCII. Caller frees. */
char *form_unsmart_quotes(const char *s);
/* Copy s with runs of blanks made one space and the ends trimmed. Caller frees. */
char *form_collapse_space(const char *s);

/* ---- The loader (xlsform.c builds the tree, form_check.c checks and links it). ---- */

/* How a header of the survey or choices sheet is understood. */
enum form_col_kind {
	COL_IGNORE, COL_TYPE, COL_NAME, COL_TEXT, COL_EXPR, COL_APPEARANCE, COL_PARAMETERS,
	COL_LIST_NAME, COL_EXTRA,
};
typedef struct form_col {
	enum form_col_kind kind;
	int sub;              /* COL_TEXT: enum form_text_kind; COL_EXPR: enum form_expr_kind;
	                         COL_EXTRA: index into form->choice_columns */
	int lang;             /* COL_TEXT: language index; plain columns map to the default */
	int plain;            /* COL_TEXT: written without "::language" */
	const char *header;   /* as written (borrowed from the workbook) */
} form_col;

typedef struct form_loader {
	const workbook *wb;
	const char *file;      /* for diagnostics */
	form_diags *diags;     /* never NULL here */
	form *f;
	const sheet *survey, *choices, *settings;
	form_col *scols;       /* survey columns */
	int nscols;
	form_col *ccols;       /* choices columns */
	int nccols;
	int settings_row;      /* row of the settings sheet's values; 0 if none */
	const char *xcol[FORM_NEXPRS];   /* header of each expression column (for messages) */
	int plain_lang;        /* language index that plain text columns map to; -1 if none yet */
	char *default_language;   /* settings default_language, NULL if none */
	int default_lang_row;  /* its row on the settings sheet */
	int allow_choice_duplicates;
	int too_many_langs;    /* columns whose language was refused (reported once) */
	int cap_nodes;
	form_map node_names;   /* (parent, name) for duplicate checks */
	form_map node_names_lc;   /* the same, case-insensitive, for warnings */
	form_map repeat_names; /* repeat names anywhere */
	char *instance_name_col;  /* header of instance_name on the settings sheet */
	const char *root_name; /* settings 'name' (the instance root), borrowed; NULL if none */
	const struct form_media_src *media;   /* where media files come from; NULL: nowhere */
	size_t media_bytes;    /* media read so far */
	form_table *ext;       /* the external_choices sheet as a table, once read */
	char **media_failed;   /* instance names of media files that could not be read */
	int nmedia_failed;
} form_loader;

/* Most languages in a form: each text is an array with one entry per language. */
#define FORM_MAX_LANGS 64

/* xlsform_headers.c: the survey and choices sheets' header rows into ld->scols / ld->ccols; a
 * row's cell c ("" past its end); the first column of a kind (-1: none); a header's first part
 * lowercased with blanks as '_' (malloc'd). */
void xlsform_read_headers(form_loader *ld);
const char *xlsform_cell(const sheet_row *r, int c);
int xlsform_find_col(const form_col *cols, int n, enum form_col_kind kind);
char *xlsform_snake(const char *s, size_t n);

/* xlsform_params.c: check node's parameters cell (header pcol) against its type's accepted
 * keys and values, reporting each problem; keeps what the engine uses (range bounds, seed). */
void xlsform_question_params(form_loader *ld, int node, const char *pcol);

/* Report a problem (file is the loader's). */
void form_err(form_loader *ld, const char *sheet, int row, const char *column, int pos,
              const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void form_warn(form_loader *ld, const char *sheet, int row, const char *column, int pos,
               const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* xlsform.c: sheets -> settings, languages, lists and the node tree. */
void xlsform_build(form_loader *ld);
/* form_check.c: parse expressions, check ${name} references, build the dependency graph and
 * the evaluation orders, find cycles, warn about missing translations. */
void form_check(form_loader *ld);
/* form_filter.c: rewrite a choice_filter's bare names (choice columns) to ${-name}. Returns a
 * malloc'd string; map[i] (malloc'd, len+1 entries) is the offset in src of byte i of the
 * result, so error positions can be given in the cell as written. */
char *form_filter_rewrite(const char *src, int **map);

/* form.c: the sheet name as the file spells it (for diagnostics). */
const char *form_sheet_name(const sheet *sh, const char *fallback);

/* ---- form_media.c: media files (select_one_from_file, csv-external, pulldata, ...). ---- */

#define FORM_MEDIA_MAX_FILE  ((size_t)32 << 20)   /* bytes of one media file */
#define FORM_MEDIA_MAX_TOTAL ((size_t)64 << 20)   /* bytes of all a form's media files */
#define FORM_MEDIA_MAX_FILES 100                  /* media files of one form */
#define FORM_MEDIA_MAX_ROWS  200000               /* rows of one media file */
#define FORM_MEDIA_MAX_COLS  1000                 /* columns of one media file */
#define FORM_MEDIA_MAX_CELLS 5000000              /* rows x columns of one media file */

/* Where a loading form finds its media files: a folder (the form's own), or a bundle. */
typedef struct form_media_src {
	char *dir;               /* the form's folder ("." when it has none); NULL: no folder */
	char *stem;              /* the form's file name without extension: DIR/STEM-media/ */
	const form_media *files; /* a bundle's files (borrowed) */
	int nfiles;
} form_media_src;

/* The index in f->tables of media file `file`, read (once) through ld->media; -1 after
 * reporting why at (sheet, row, col). */
int form_media_table(form_loader *ld, const char *file, const char *sheet, int row,
                     const char *col);
/* select_one_from_file FILE (from FROM_FILE) or select_one_external LIST (FROM_EXTERNAL):
 * the index in f->lists of the choices, built from the file or the external_choices sheet
 * with the `parameters` value= and label= columns; -1 after reporting. */
int form_media_select(form_loader *ld, const char *what, int from, const char *params,
                      int multiple, const char *sheet, int row, const char *col);
/* Check the instances an expression reads (instance('x'), pulldata) exist and have the
 * columns it names; reads pulldata's CSV files and makes tables of choice lists it names. */
void form_media_check_expr(form_loader *ld, const expr *e, const char *sheet, int row,
                           const char *col, const char *src, const int *map);
void form_table_release(form_table *t);
/* Table builders for form_media_xml.c and form_media_json.c: rows of named cells. */
typedef struct form_tbuild {
	form_table *t;
	form_map cols;           /* column name -> index (keys are t->cols[i]) */
	int capcols;
	int *trow, *tcol;        /* cells set: row, column, text */
	char **tval;
	size_t n, cap;
} form_tbuild;
void form_tb_init(form_tbuild *b, form_table *t);
int form_tb_row(form_tbuild *b, int line, char *err);     /* start a row */
/* Set a cell of the current row (the first value given for a column is kept). */
int form_tb_set(form_tbuild *b, const char *col, const char *s, size_t n, char *err);
int form_tb_finish(form_tbuild *b, char *err);   /* fills t->cells; releases the builder */
void form_tb_release(form_tbuild *b);
int form_media_xml(const char *data, size_t len, form_table *t, char *err);
int form_media_geojson(const char *data, size_t len, form_table *t, char *err);

#endif
