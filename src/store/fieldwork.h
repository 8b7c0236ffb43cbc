/* fieldwork.h: fieldwork in a survey file (schema STORE_SCHEMA_FIELDWORK, issue 15) — the sample
 * frame of a form (the units to interview), assignments of units to interviewers, kits for one
 * laptop and their receipt, and progress against the frame. Rules: DESIGN.md, Fieldwork. */
#ifndef SURVEY_STORE_FIELDWORK_H
#define SURVEY_STORE_FIELDWORK_H

#include "store/store.h"

/* Bounds of a fieldwork name (unit id, interviewer) and of a frame row's JSON, in bytes. */
#define STORE_FW_NAME_MAX 200
#define STORE_FW_DATA_MAX 65536

/* --- frame --------------------------------------------------------------------------------- */

/* Add n units to the frame of form_id in one transaction: unit_ids[i] with data[i] (a JSON
 * object of the frame's columns, text values). A unit already there with the same data is
 * counted in *same; with other data nothing is added, *bad is its index and -1 returned with
 * err ("unit 'X' is already in the frame with other values"). *added counts the new ones. */
int store_frame_add(store *st, const char *form_id, int n, const char *const *unit_ids,
		    const char *const *data, int *added, int *same, int *bad, char *err);
/* The form ids that have a frame in st, sorted; malloc'd (store_strings_free, scan.h). */
int store_frame_forms(store *st, char ***ids, int *n, char *err);
/* The unit ids of form_id's frame whose column cols[k] equals vals[k] for every k (nw of them;
 * none: every unit), sorted. malloc'd (store_strings_free). A column no unit has is -1 with
 * err ("no frame column 'X'"). */
int store_frame_select(store *st, const char *form_id, const char *const *cols,
		       const char *const *vals, int nw, char ***units, int *n, char *err);

/* --- assignments --------------------------------------------------------------------------- */

typedef struct store_assign_result {
	int assigned;     /* units given to the interviewer for the first time */
	int moved;        /* units taken from another interviewer */
	int already;      /* units the interviewer holds already: nothing changed */
} store_assign_result;
/* Give n units of form_id's frame to interviewer, in one transaction: a unit's interview UUID
 * is made when it is first assigned and kept when it moves to another interviewer (a new row;
 * the holder is the latest row). A unit not in the frame fails (-1, err naming it, nothing
 * changed). */
int store_assign(store *st, const char *form_id, const char *interviewer, int n,
		 const char *const *units, store_assign_result *res, char *err);

/* --- kits ---------------------------------------------------------------------------------- */

/* The meta keys of a kit (read by store_receive and the start screen). */
#define STORE_KIT_FORM "kit_form_id"
#define STORE_KIT_VERSION "kit_form_version"
#define STORE_KIT_INTERVIEWER "kit_interviewer"
#define STORE_KIT_NO_EXTRA "kit_no_extra"        /* "1": only assigned interviews */

typedef struct store_kit_summary {
	char form_id[STORE_FW_NAME_MAX + 1];
	char version[STORE_FW_NAME_MAX + 1];
	int units;        /* assignments in the kit */
	int returned;     /* interviews sent back: rejected on their current version */
} store_kit_summary;
/* Write out_path (temp + rename; never an input): a survey file with form_id's newest version
 * (and the versions of the interviews it carries), the frame rows and assignments of the units
 * interviewer holds, the reviews of their interviews, and the interviews (answers, events,
 * attachments) whose latest decision on their current version is 'rejected'; meta STORE_KIT_*.
 * hq is read only. form_id NULL: the one form with a frame. -1 with one line in err. */
int store_kit_write(store *hq, const char *form_id, const char *interviewer, int no_extra,
		    const char *out_path, store_kit_summary *sum, char *err);

typedef struct store_receive_summary {
	char form_id[STORE_FW_NAME_MAX + 1];
	char version[STORE_FW_NAME_MAX + 1];
	char interviewer[STORE_FW_NAME_MAX + 1];
	int already;      /* 1: the laptop held everything the kit brings: nothing was changed */
	int units;        /* the kit's assignments */
	int returned;     /* interviews it brought back */
} store_receive_summary;
/* Apply the kit at kit_path to the laptop file laptop_path (created when absent): a merge of
 * the kit (merge.h rules: union, idempotent; the kit is untrusted data) and the kit's settings
 * in meta (interviewer, STORE_KIT_*). Refused (-1, one line, nothing changed): not a kit, a
 * kit for another form or version than the laptop's interviews, or for another interviewer
 * than the laptop's. A kit applied again changes nothing (sum->already). create_flags: as
 * merge_open's (STORE_SCHEMA8: a new laptop file of schema 8, an older one moved to it). */
int store_receive(const char *kit_path, const char *laptop_path, int create_flags,
		  store_receive_summary *sum, char *err);

/* The source of the form a kit is for (its STORE_KIT_FORM and STORE_KIT_VERSION), for `survey
 * run --kit KIT.db` without FORM: the kit checked as store_receive checks it first. *bytes,
 * *name and *kind malloc'd (store_form_get); -1 with one line in err. */
int store_kit_form(const char *kit_path, void **bytes, size_t *len, char **name, char **kind,
		   char *err);

/* --- on the laptop ------------------------------------------------------------------------- */

typedef enum store_unit_state {
	UNIT_TODO = 0,    /* no interview yet */
	UNIT_STARTED,     /* a draft */
	UNIT_DONE,        /* complete */
	UNIT_RETURNED,    /* complete, and its latest decision on this version is 'rejected' */
	UNIT_APPROVED,    /* complete, and its latest decision on this version is 'approved' */
	UNIT_N
} store_unit_state;
const char *store_unit_state_name(store_unit_state s);   /* "todo", "started", ... */

typedef struct store_unit {
	char *unit_id;
	char *uuid;        /* its interview */
	char *interviewer; /* who holds it */
	char *data;        /* the frame row (JSON) */
	char *label;       /* the frame's values joined by ", " (for a list line) */
	store_unit_state state;
} store_unit;
/* The units assigned (latest row) to interviewer (NULL: the kit's interviewer on a laptop that
 * received a kit, else anyone) for form_id (NULL: any),
 * sorted by unit id, with their state in this file. *out malloc'd (store_units_free). */
int store_units(store *st, const char *form_id, const char *interviewer, store_unit **out,
		int *n, char *err);
void store_units_free(store_unit *u, int n);
/* Progress against the frame (`survey list --by COLUMN`): every unit of every frame in st, with
 * label = its value of frame column by_col ("" when it has none), interviewer its holder (NULL:
 * not assigned), uuid NULL when not assigned, and its state; sorted by that value, then unit
 * id. *has_col: some unit has the column. malloc'd (store_units_free). */
int store_frame_progress(store *st, const char *by_col, store_unit **out, int *n, int *has_col,
			 char *err);
/* The frame values of the unit whose interview is uuid (any assignment row of it): names[k]
 * (a frame column: a question's name) and values[k], in the frame's order; *n 0 when uuid is
 * no unit's interview. malloc'd (store_strings_free each). */
int store_unit_values(store *st, const char *uuid, char ***names, char ***values, int *n,
		      char *err);
/* The kit setting of st's meta: only assigned interviews may be started ("1"). */
int store_kit_no_extra(store *st);

#endif
