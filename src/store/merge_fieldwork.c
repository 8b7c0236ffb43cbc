/* merge_fieldwork.c: the fieldwork tables of a merge input (schema STORE_SCHEMA_FIELDWORK:
 * frame, assignments, reviews) — checked as untrusted data before anything is copied, then
 * copied as a union, so that any merge order gives the same rows (DESIGN.md, Fieldwork). */
#include "store/merge_impl.h"

#include <stdio.h>
#include <string.h>

#include "util/termsafe.h"
#include "util/util.h"

/* Bounds on what a fieldwork row may hold (bytes). */
#define FW_NAME_MAX 200       /* form id, unit id, interviewer, reviewer, a time */
#define FW_PATH_MAX 1000      /* a question path */
#define FW_DATA_MAX 65536     /* a frame row's JSON */
#define FW_TEXT_MAX 10000     /* a review's text */

/* A one-line printable name of at most max bytes (empty only when empty_ok). */
static int name_ok(const char *s, size_t max, int empty_ok)
{
	return s && (empty_ok || *s) && strlen(s) <= max && termsafe_text_ok(s, 0);
}

static int hex64_ok(const char *s)
{
	if (!s || strlen(s) != 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return 0;
	return 1;
}

/* Step through sql (on main and src); fn sees each row and returns non-zero (with err set) to
 * stop. */
typedef int (*row_fn)(sqlite3_stmt *s, char *err);
static int each_row(merge *m, const char *sql, row_fn fn, const char *what, char *err)
{
	sqlite3_stmt *s;
	if (store_prepare(m->st->db, sql, &s, err))
		return -1;
	int rc, bad = 0;
	while (!bad && (rc = sqlite3_step(s)) == SQLITE_ROW)
		bad = fn(s, err);
	sqlite3_finalize(s);
	if (bad)
		return -1;
	return rc == SQLITE_DONE ? 0 : store_sqlerr(m->st, what, err);
}

static const char *col(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* The refusal of a damaged row: fmt with the row's unit_id (column 1) and column other (made
 * printable in a buffer of size bytes) as its two %s. */
static int damaged(sqlite3_stmt *s, int other, size_t size, const char *fmt, char *err)
{
	char u[96], o[96];
	store_printable(col(s, 1), u, sizeof u);
	store_printable(col(s, other), o, size < sizeof o ? size : sizeof o);
	return errf(err, fmt, u, o);
}

/* frame: form_id, unit_id, data, data is a JSON object of text, length of data */
static int frame_row(sqlite3_stmt *s, char *err)
{
	char f[64], u[96];
	store_printable(col(s, 0), f, sizeof f);
	store_printable(col(s, 1), u, sizeof u);
	if (!name_ok(col(s, 0), FW_NAME_MAX, 0) || !name_ok(col(s, 1), FW_NAME_MAX, 0) ||
	    sqlite3_column_int64(s, 4) > FW_DATA_MAX || !sqlite3_column_int(s, 3))
		return errf(err, "it is damaged: the frame row of unit %s (form %s) is not as survey "
			    "writes them", u, f);
	return 0;
}

/* a frame row's columns: form_id, unit_id, key, value */
static int frame_cell(sqlite3_stmt *s, char *err)
{
	if (!name_ok(col(s, 2), FW_NAME_MAX, 0) || !name_ok(col(s, 3), FW_DATA_MAX, 1))
		return damaged(s, 0, 64, "it is damaged: the frame row of unit %s (form %s) holds "
			       "a column that is not printable text", err);
	return 0;
}

/* assignments: form_id, unit_id, interviewer, uuid, assigned */
static int assignment_row(sqlite3_stmt *s, char *err)
{
	if (!name_ok(col(s, 0), FW_NAME_MAX, 0) || !name_ok(col(s, 1), FW_NAME_MAX, 0) ||
	    !name_ok(col(s, 2), FW_NAME_MAX, 0) || !store_is_uuid(col(s, 3)) ||
	    !name_ok(col(s, 4), FW_NAME_MAX, 0))
		return damaged(s, 2, 96, "it is damaged: the assignment of unit %s to %s is not as "
			       "survey writes them", err);
	return 0;
}

/* reviews: uuid, events_sha256, at, reviewer, decision, path, text */
static int review_row(sqlite3_stmt *s, char *err)
{
	const char *d = col(s, 4);
	if (!store_is_uuid(col(s, 0)) || !hex64_ok(col(s, 1)) ||
	    !name_ok(col(s, 2), FW_NAME_MAX, 0) || !name_ok(col(s, 3), FW_NAME_MAX, 0) || !d ||
	    (strcmp(d, "approved") && strcmp(d, "rejected") && strcmp(d, "comment")) ||
	    !name_ok(col(s, 5), FW_PATH_MAX, 1) || !col(s, 6) || strlen(col(s, 6)) > FW_TEXT_MAX ||
	    !termsafe_text_ok(col(s, 6), 1)) {
		char u[64];
		store_printable(col(s, 0), u, sizeof u);
		return errf(err, "it is damaged: a review of interview %s is not as survey writes "
			    "them", u);
	}
	return 0;
}

/* A row that contradicts another (two rows for one unit that cannot both hold): unit, form and
 * what differs. */
static int contradiction(sqlite3_stmt *s, char *err)
{
	char u[96], f[64];
	store_printable(col(s, 0), u, sizeof u);
	store_printable(col(s, 1), f, sizeof f);
	return errf(err, "%s (unit %s of form %s); %s", col(s, 2), u, f, col(s, 3));
}

int merge_fieldwork_check(merge *m, char *err)
{
	if (m->src_version < STORE_SCHEMA_FIELDWORK)
		return 0;
	static const char why[] = "cannot read the fieldwork tables";
	if (each_row(m, "SELECT form_id, unit_id, data, typeof(form_id) = 'text' AND "
		     "typeof(unit_id) = 'text' AND typeof(data) = 'text' AND length(CAST(data AS "
		     "BLOB)) <= 65536 AND CASE WHEN json_valid(data) THEN json_type(data) = "
		     "'object' AND NOT EXISTS (SELECT 1 FROM json_each(data) j WHERE j.type <> "
		     "'text') ELSE 0 END, "
		     "length(CAST(data AS BLOB)) FROM src.frame ORDER BY form_id, unit_id",
		     frame_row, why, err) ||
	    each_row(m, "SELECT f.form_id, f.unit_id, j.key, j.value FROM src.frame f, "
		     "json_each(f.data) j WHERE json_valid(f.data) ORDER BY f.form_id, f.unit_id, j.id", frame_cell, why,
		     err) ||
	    each_row(m, "SELECT form_id, unit_id, interviewer, uuid, assigned FROM "
		     "src.assignments ORDER BY form_id, unit_id, interviewer", assignment_row,
		     why, err) ||
	    each_row(m, "SELECT uuid, events_sha256, at, reviewer, decision, path, text FROM "
		     "src.reviews ORDER BY uuid, events_sha256, at, reviewer, decision, path",
		     review_row, why, err))
		return -1;
	/* Contradictions, in the input or against the output: nothing is copied, no winner. */
	return each_row(m,
		"SELECT s.unit_id, s.form_id, 'its frame row differs from the one in the output', "
		"'the frame of a unit never changes: load a frame with new unit ids instead' "
		"FROM src.frame s JOIN main.frame o USING (form_id, unit_id) WHERE s.data <> o.data "
		"UNION ALL "
		"SELECT a.unit_id, a.form_id, 'it gives the unit two interviews', 'a unit has one "
		"interview UUID, made when it is first assigned: the file was assigned by "
		"another coordinator' FROM (SELECT form_id, unit_id, uuid FROM src.assignments "
		"UNION SELECT form_id, unit_id, uuid FROM main.assignments) a GROUP BY a.form_id, "
		"a.unit_id HAVING count(DISTINCT a.uuid) > 1 "
		"UNION ALL "
		"SELECT min(a.unit_id), min(a.form_id), 'its interview UUID is given to two units', "
		"'each unit has its own interview UUID: the file is damaged' FROM (SELECT form_id, "
		"unit_id, uuid FROM src.assignments UNION SELECT form_id, unit_id, uuid FROM "
		"main.assignments) a GROUP BY a.uuid HAVING count(DISTINCT a.form_id || "
		"char(31) || a.unit_id) > 1 "
		"UNION ALL "
		"SELECT a.unit_id, a.form_id, 'it assigns a unit that is not in the frame', "
		"'the file is damaged' FROM src.assignments a WHERE NOT EXISTS (SELECT 1 FROM "
		"src.frame f WHERE f.form_id = a.form_id AND f.unit_id = a.unit_id) AND NOT EXISTS "
		"(SELECT 1 FROM main.frame f WHERE f.form_id = a.form_id AND f.unit_id = a.unit_id) "
		"LIMIT 1", contradiction, why, err);
}

int merge_fieldwork_copy(merge *m, char *err)
{
	if (m->src_version < STORE_SCHEMA_FIELDWORK)
		return 0;
	static const char why[] = "cannot copy the fieldwork tables";
	/* the same assignment made at two times (a unit given back to someone): the later one,
	 * whatever the order */
	return store_run(m->st, why, err, "INSERT OR IGNORE INTO main.frame(form_id, unit_id, data) "
			  "SELECT form_id, unit_id, data FROM src.frame", 0) ||
	       store_run(m->st, why, err, "INSERT INTO main.assignments(form_id, unit_id, "
			  "interviewer, uuid, assigned) SELECT form_id, unit_id, interviewer, uuid, "
			  "assigned FROM src.assignments WHERE true ON CONFLICT(form_id, unit_id, "
			  "interviewer) DO UPDATE SET assigned = max(assigned, excluded.assigned)",
			  0) ||
	       store_run(m->st, why, err, "INSERT OR IGNORE INTO main.reviews(uuid, events_sha256, "
			  "at, reviewer, decision, path, text) SELECT uuid, events_sha256, at, "
			  "reviewer, decision, path, text FROM src.reviews", 0) ? -1 : 0;
}
