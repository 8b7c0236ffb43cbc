/* merge_scan.c: one pass over every row of a survey file — its content hash (recorded by pack,
 * checked by merge), each interview's events hash, and merge's checks of an input: the type of
 * every value as the schema declares it, UUIDs, states, event numbers and content hashes. */
#include "store/store_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/termsafe.h"
#include "util/util.h"

void store_printable(const char *s, char *out, size_t outsz)
{
	size_t o = 0;
	for (s = s ? s : "NULL"; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		int plain = ch >= 0x20 && ch < 0x7f;
		if (o + (plain ? 1 : 4) + 4 > outsz) {   /* room for "..." and the NUL */
			snprintf(out + o, outsz - o, "...");
			return;
		}
		if (plain)
			out[o++] = (char)ch;
		else
			o += (size_t)snprintf(out + o, outsz - o, "\\x%02x", ch);
	}
	out[o] = '\0';
}

int store_is_uuid(const char *s)
{
	if (!s)
		return 0;
	for (int i = 0; i < STORE_UUID_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return 0;
		} else if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) {
			return 0;
		}
	}
	return s[STORE_UUID_LEN] == '\0';
}

/* What the schema allows in each result column of a statement over one table: the SQLite type
 * its declared type means, and whether NULL is allowed. */
#define MAX_COLS 24
struct types {
	const char *table;
	int uuid;             /* the column named uuid (an interview's UUID), or -1 */
	int n;
	int type[MAX_COLS];
	int notnull[MAX_COLS];
	char uuid_ok[STORE_UUID_LEN + 1];   /* the last value of the uuid column found a UUID (the
	                                       rows of one interview repeat it) */
};

/* A column declared with no type (schema 8's times and content hash: an integer or text, a
 * blob or text) may hold any; records are checked whole elsewhere (merge_unpack_8_to_7). */
#define TYPE_ANY 0

static int declared(const char *decl)
{
	if (!decl || !*decl)
		return TYPE_ANY;
	if (decl && ascii_casecmp(decl, "INTEGER") == 0)
		return SQLITE_INTEGER;
	if (decl && ascii_casecmp(decl, "BLOB") == 0)
		return SQLITE_BLOB;
	if (decl && ascii_casecmp(decl, "REAL") == 0)
		return SQLITE_FLOAT;
	return SQLITE_TEXT;
}

/* From PRAGMA table_info of the table (the schema is already known to be survey's). */
static int types_load(sqlite3 *db, const char *schema, const char *table, sqlite3_stmt *q,
		      struct types *t, char *err)
{
	t->table = table;
	t->uuid = -1;
	t->uuid_ok[0] = '\0';
	t->n = sqlite3_column_count(q);
	if (t->n > MAX_COLS)
		return errf(err, "too many columns in table '%s'", table);
	for (int i = 0; i < t->n; i++) {
		t->type[i] = -1;
		if (strcmp(sqlite3_column_name(q, i), "uuid") == 0)
			t->uuid = i;
	}
	sqlite3_stmt *s;
	char *sql = sqlite3_mprintf("PRAGMA \"%w\".table_info(\"%w\")", schema, table);
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return errf(err, "cannot read the columns of table '%s': %s", table,
			    sqlite3_errmsg(db));
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 1);
		for (int i = 0; name && i < t->n; i++)
			if (strcmp(sqlite3_column_name(q, i), name) == 0) {
				t->type[i] = declared((const char *)sqlite3_column_text(s, 2));
				t->notnull[i] = sqlite3_column_int(s, 3) || sqlite3_column_int(s, 5);
			}
	}
	sqlite3_finalize(s);
	for (int i = 0; i < t->n; i++)
		if (t->type[i] < 0)
			return errf(err, "it lacks the column '%s' of table '%s'",
				    sqlite3_column_name(q, i), table);
	return 0;
}

static const char *type_name(int type)
{
	switch (type) {
	case SQLITE_INTEGER: return "an integer";
	case SQLITE_FLOAT: return "a real number";
	case SQLITE_BLOB: return "a blob";
	case SQLITE_NULL: return "NULL";
	default: return "text";
	}
}

/* "it is damaged: table T, interview U, column C: ..." for the current row of s (the row named
 * by its interview, else by its first column). */
static int damaged_at(const char *table, const char *what_row, const char *row,
		      const char *column, const char *what, char *err)
{
	char who[64];
	store_printable(row, who, sizeof who);
	return errf(err, "it is damaged: table '%s', %s '%s', column '%s': %s", table, what_row,
		    who, column, what);
}

static int damaged(sqlite3_stmt *s, const struct types *t, int c, const char *what, char *err)
{
	int by = t->uuid >= 0 ? t->uuid : 0;
	return damaged_at(t->table, t->uuid >= 0 ? "interview" : strcmp(t->table, "forms") ?
			  "row" : "questionnaire", (const char *)sqlite3_column_text(s, by),
			  sqlite3_column_name(s, c), what, err);
}

/* Each value of the current row of s (read into cells) of the type its column declares, text
 * without NUL characters; NULL only where allowed; the uuid column a UUID. */
static int check_row(sqlite3_stmt *s, const store_cell *cells, struct types *t, char *err)
{
	for (int c = 0; c < t->n; c++) {
		int got = cells[c].type;
		if (got == SQLITE_NULL ? !t->notnull[c] : got == t->type[c] || t->type[c] == TYPE_ANY)
			continue;
		char what[96];
		snprintf(what, sizeof what, "it holds %s where survey writes %s", type_name(got),
			 type_name(t->type[c]));
		return damaged(s, t, c, what, err);
	}
	for (int c = 0; c < t->n; c++)   /* every type is right: a TEXT column holds text */
		if (t->type[c] == SQLITE_TEXT && cells[c].t && cells[c].len != cells[c].bytes)
			return damaged(s, t, c, "its text holds a NUL character", err);
	if (t->uuid < 0 || (cells[t->uuid].len == STORE_UUID_LEN &&
			    memcmp(cells[t->uuid].t, t->uuid_ok, STORE_UUID_LEN + 1) == 0))
		return 0;
	if (!store_is_uuid(cells[t->uuid].t))
		return damaged(s, t, t->uuid, "not a UUID", err);
	memcpy(t->uuid_ok, cells[t->uuid].t, STORE_UUID_LEN + 1);
	return 0;
}

/* Is column c of the current row (cells) NULL (when allowed) or one of the states? */
static int check_state(sqlite3_stmt *s, const store_cell *cells, const struct types *t, int c,
		       char *err)
{
	store_state st;
	const char *v = cells[c].t;
	if ((!v && !t->notnull[c]) || (v && store_state_parse(v, &st) == 0))
		return 0;
	return damaged(s, t, c, "not a state survey writes", err);
}

static int prepare_in(sqlite3 *db, const char *schema, const char *fmt, sqlite3_stmt **s,
		      char *err)
{
	char *sql = sqlite3_mprintf(fmt, schema);
	int rc = sqlite3_prepare_v2(db, sql, -1, s, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return errf(err, "it lacks a survey table or column (%s)", sqlite3_errmsg(db));
	return 0;
}

/* Text of column c, "" for NULL (the checks refuse NULLs where they matter; without them a
 * NULL must still never be dereferenced). */
static const char *col(sqlite3_stmt *s, int c)
{
	const char *t = (const char *)sqlite3_column_text(s, c);
	return t ? t : "";
}

/* The same of a cell ("" for a blob too: not text, and not NUL-terminated). */
static const char *cell(const store_cell *cells, int c)
{
	return cells[c].t && cells[c].type != SQLITE_BLOB ? cells[c].t : "";
}

/* Step s and read its row into cells (its n columns); 1 for a row, 0 at the end, -1 with err
 * on a read error or, with types, a value of the wrong type. */
static int next(sqlite3 *db, sqlite3_stmt *s, store_cell *cells, int n, struct types *t,
		char *err)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		store_cells_load(s, 0, n, cells);
		return t && check_row(s, cells, t, err) ? -1 : 1;
	}
	if (rc == SQLITE_DONE)
		return 0;
	return errf(err, "cannot read it: %s", sqlite3_errmsg(db));
}

/* The most columns a query of scan_table reads (conflicts: 9). */
#define SCAN_TABLE_MAX_COLS 9

/* Feed every row of fmt (a query with "%w" for the schema) to the content hash `all`: tag, then
 * its first nhash columns; count (when set) counts the rows. With check, each row's types are
 * checked first (types_load of table), then row_ok (when set: nonzero with err refuses the
 * row) after it is hashed. 0, or -1 with err. */
static int scan_table(sqlite3 *db, const char *schema, int check, struct sha256_ctx *all,
		      const char *table, const char *tag, int nhash, const char *fmt,
		      int (*row_ok)(sqlite3_stmt *s, char *err), long long *count, char *err)
{
	sqlite3_stmt *s;
	struct types t;
	if (prepare_in(db, schema, fmt, &s, err))
		return -1;
	if (check && types_load(db, schema, table, s, &t, err)) {
		sqlite3_finalize(s);
		return -1;
	}
	int rc;
	store_cell cells[SCAN_TABLE_MAX_COLS];
	int ncols = sqlite3_column_count(s) < SCAN_TABLE_MAX_COLS ? sqlite3_column_count(s)
								 : SCAN_TABLE_MAX_COLS;
	while ((rc = next(db, s, cells, ncols, check ? &t : NULL, err)) == 1) {
		store_hash_field(all, tag);
		store_hash_cells(all, cells, nhash);
		if (count)
			++*count;
		if (check && row_ok && row_ok(s, err)) {
			rc = -1;
			break;
		}
	}
	sqlite3_finalize(s);
	return rc;
}

/* 0 for a forms row whose bytes (column 3) match their hash (column 2), else -1 with err. */
static int form_bytes_ok(sqlite3_stmt *s, char *err)
{
	char hex[65];
	store_sha256_hex(sqlite3_column_blob(s, 3), (size_t)sqlite3_column_bytes(s, 3), hex);
	if (strcmp(hex, col(s, 2)) == 0)
		return 0;
	char id[64], version[64];
	store_printable(col(s, 0), id, sizeof id);
	store_printable(col(s, 1), version, sizeof version);
	return errf(err, "the questionnaire '%s' version '%s' it holds is damaged (its bytes do "
		    "not match their hash)", id, version);
}

static int scan_forms(sqlite3 *db, const char *schema, int check, struct sha256_ctx *all,
		      char *err)
{
	return scan_table(db, schema, check, all, "forms", "form", 3, "SELECT form_id, version, "
			  "sha256, source, title, source_name, source_kind, added FROM \"%w\".forms "
			  "ORDER BY form_id, version", form_bytes_ok, NULL, err);
}

static int scan_conflicts(sqlite3 *db, const char *schema, int check, struct sha256_ctx *all,
			  long long *count, char *err)
{
	return scan_table(db, schema, check, all, "conflicts", "conflict", 9, "SELECT "
			  STORE_CONFLICT_COLUMNS " FROM \"%w\".conflicts ORDER BY uuid, "
			  "events_sha256", NULL, count, err);
}

/* The meta rows: only their types matter (merge reads the device id and the packed hash). */
static int scan_meta(sqlite3 *db, const char *schema, char *err)
{
	sqlite3_stmt *s;
	if (prepare_in(db, schema, "SELECT key, value FROM \"%w\".meta", &s, err))
		return -1;
	int rc = 0, step;
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW)
		for (int c = 0; c < 2 && !rc; c++)
			if (sqlite3_column_type(s, c) != SQLITE_TEXT) {
				char key[64];
				store_printable(col(s, 0), key, sizeof key);
				rc = errf(err, "it is damaged: table 'meta', key '%s', column '%s': it "
					  "holds %s where survey writes text", key,
					  sqlite3_column_name(s, c),
					  type_name(sqlite3_column_type(s, c)));
			}
	if (!rc && step != SQLITE_DONE)
		rc = errf(err, "cannot read it: %s", sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return rc;
}

/* The tables the scan does not otherwise read (provenance, and any a later schema adds): each
 * row read once through an explicit list of its columns, every value type-checked. */
static int scan_others(sqlite3 *db, const char *schema, char *err)
{
	sqlite3_stmt *names;
	char *sql = sqlite3_mprintf("SELECT name FROM \"%w\".sqlite_schema WHERE type = 'table' "
				    "AND name NOT IN ('meta', 'forms', 'interviews', 'answers', "
				    "'events', 'conflicts') ORDER BY name", schema);
	int rc = sqlite3_prepare_v2(db, sql, -1, &names, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return errf(err, "cannot read it: %s", sqlite3_errmsg(db));
	rc = 0;
	while (!rc && sqlite3_step(names) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(names, 0);
		strbuf q = STRBUF_INIT;
		sqlite3_stmt *info, *s = NULL;
		rc = store_preparef(db, &info, err, "PRAGMA \"%w\".table_info(\"%w\")", schema,
				    table);
		if (rc)
			break;
		sb_adds(&q, "SELECT ");
		for (int i = 0; sqlite3_step(info) == SQLITE_ROW; i++) {
			char *quoted = sqlite3_mprintf("%s\"%w\"", i ? ", " : "",
						       (const char *)sqlite3_column_text(info, 1));
			sb_adds(&q, quoted);
			sqlite3_free(quoted);
		}
		sqlite3_finalize(info);
		sql = sqlite3_mprintf(" FROM \"%w\".\"%w\"", schema, table);
		sb_adds(&q, sql);
		sqlite3_free(sql);
		struct types t;
		store_cell cells[MAX_COLS];
		rc = store_prepare(db, sb_str(&q), &s, err) ||
		     types_load(db, schema, table, s, &t, err) ? -1 : 0;
		while (!rc && (rc = next(db, s, cells, t.n, &t, err)) == 1)
			rc = 0;
		rc = rc < 0 ? -1 : 0;
		sqlite3_finalize(s);
		sb_release(&q);
	}
	sqlite3_finalize(names);
	return rc;
}

/* The three cursors of the interview pass, each in uuid order, and their column types (when
 * checking). */
struct cursors {
	sqlite3_stmt *iv, *an, *ev;
	sqlite3_stmt *rec;    /* STORE_SCAN_RECORDS: the records, in uuid order, instead of an, ev */
	const char *schema;
	store_paths_cache paths;   /* their form versions' path tables */
	store_cell civ[MAX_COLS], can[5], cev[1 + STORE_EVENT_NCOLUMNS];   /* their rows */
	int an_row, ev_row;   /* 1 while the cursor is on a row */
	int ivcols;           /* columns of an interview row at the file's version (hashed) */
	int version;          /* the file's schema version ('discarded' from 4 on) */
	long long attached;   /* events of kind 'attached' seen */
	struct types *tiv, *tan, *tev;
};

/* Compare the uuid under a child cursor (its row in cells) with u: <0 when the child is behind
 * (an orphan). */
static int child_cmp(const store_cell *cells, int on_row, const char *u)
{
	return on_row ? strcmp(cell(cells, 0), u) : 1;
}

/* The interview row under c->iv: a status, an origin survey writes, a printable interviewer. */
static int check_interview_row(struct cursors *c, char *err)
{
	const store_cell *iv = c->civ;
	const char *status = cell(iv, 5);
	if (strcmp(status, "complete") && strcmp(status, "draft") &&
	    (c->version < 4 || strcmp(status, "discarded")))
		return damaged(c->iv, c->tiv, 5, "not a status survey writes", err);
	store_origin origin;
	if (c->ivcols > STORE_INTERVIEW_NCOLUMNS_V2 &&
	    store_origin_parse(cell(iv, STORE_INTERVIEW_NCOLUMNS_V2), &origin))
		return damaged(c->iv, c->tiv, STORE_INTERVIEW_NCOLUMNS_V2,
			       "not an origin survey writes", err);
	if (!termsafe_text_ok(cell(iv, 4), 0))
		return damaged(c->iv, c->tiv, 4, "not a printable one-line name", err);
	return 0;
}

static int scan_interview(sqlite3 *db, struct cursors *c, int check, struct sha256_ctx *all,
			  store_scan_iv *out, char *err)
{
	const store_cell *iv = c->civ, *an = c->can, *ev = c->cev;
	const char *u = cell(iv, 0);
	snprintf(out->uuid, sizeof out->uuid, "%s", u);
	out->attached = 0;
	store_hash_field(all, "interview");
	store_hash_cells(all, iv, c->ivcols);
	if (check && (child_cmp(an, c->an_row, u) < 0 || child_cmp(ev, c->ev_row, u) < 0))
		return errf(err, "it holds answers or events of an interview it lacks (before '%s')",
			    u);
	if (check && check_interview_row(c, err))
		return -1;
	int complete = strcmp(cell(iv, 5), "complete") == 0;
	store_chash ch;
	if (complete)
		store_chash_begin(&ch, u, cell(iv, 1), cell(iv, 2));
	while (c->an_row && strcmp(cell(an, 0), u) == 0) {
		if (check && check_state(c->an, an, c->tan, 3, err))
			return -1;
		store_hash_field(all, "answer");
		store_hash_cells(all, an + 1, 4);
		if (complete)
			store_chash_answer(&ch, cell(an, 1), cell(an, 3),
					   an[2].type == SQLITE_NULL ? NULL : cell(an, 2));
		if ((c->an_row = next(db, c->an, c->can, 5, c->tan, err)) < 0)
			return -1;
	}
	if (complete && check) {
		char hex[65];
		store_chash_end(&ch, hex);
		if (strcmp(cell(iv, 10), hex) != 0)
			return errf(err, "interview '%s' is damaged: its answers do not match the "
				    "content hash recorded when it was completed", u);
	}
	struct sha256_ctx evh;
	sha256_init(&evh);
	long long n = 0;
	while (c->ev_row && strcmp(cell(ev, 0), u) == 0) {
		n++;
		if (check && (ev[1].type == SQLITE_INTEGER ? ev[1].i :
			      sqlite3_column_int64(c->ev, 1)) != n)
			return errf(err, "interview '%s' is damaged: its event %lld is missing", u, n);
		if (check && (check_state(c->ev, ev, c->tev, 8, err) ||
			      check_state(c->ev, ev, c->tev, 9, err)))
			return -1;
		for (int k = 4; check && k <= 7; k++)   /* kind, path: one line; values: text */
			if (!termsafe_text_ok(cell(ev, k), k >= 6))
				return damaged(c->ev, c->tev, k, "not printable text", err);
		store_hash_cells(&evh, ev + 1, STORE_EVENT_NCOLUMNS);
		if (strcmp(cell(ev, 4), "attached") == 0)
			out->attached++;
		if ((c->ev_row = next(db, c->ev, c->cev, 1 + STORE_EVENT_NCOLUMNS, c->tev, err)) < 0)
			return -1;
	}
	store_hash_hex(&evh, out->events_sha256);
	out->events_count = n;
	c->attached += out->attached;
	store_hash_field(all, "events");
	store_hash_field(all, out->events_sha256);
	return 0;
}

/* STORE_SCAN_RECORDS: the decoded rows of interview u (c->civ) checked as scan_interview checks
 * the rows of schema 7: answer states and, when complete, its content hash (the answers sorted
 * by path); events numbered 1..n, their states, kinds and paths one printable line, values
 * printable text. */
static int check_record_rows(const struct cursors *c, const char *u, const record_rows *r,
			     char *err)
{
	const store_cell *iv = c->civ;
	int complete = strcmp(cell(iv, 5), "complete") == 0;
	store_chash ch;
	if (complete)
		store_chash_begin(&ch, u, cell(iv, 1), cell(iv, 2));
	for (size_t k = 0; k < r->n_answers; k++) {
		const record_answer *a = &r->answers[k];
		store_state st;
		if (!a->state || store_state_parse(a->state, &st))
			return damaged_at("answers", "interview", u, "state",
					  "not a state survey writes", err);
		if (complete)
			store_chash_answer(&ch, a->path, a->state, a->value);
	}
	if (complete) {
		char hex[65];
		store_chash_end(&ch, hex);
		if (strcmp(cell(iv, 10), hex) != 0)
			return errf(err, "interview '%s' is damaged: its answers do not match the "
				    "content hash recorded when it was completed", u);
	}
	static const char *const names[] = { "kind", "path", "old_value", "new_value" };
	for (size_t k = 0; k < r->n_events; k++) {
		const record_event *e = &r->events[k];
		if (e->seq != (long long)k + 1)
			return errf(err, "interview '%s' is damaged: its event %lld is missing", u,
				    (long long)k + 1);
		store_state st;
		if ((e->old_state && store_state_parse(e->old_state, &st)) ||
		    (e->new_state && store_state_parse(e->new_state, &st)))
			return damaged_at("events", "interview", u, e->old_state &&
					  store_state_parse(e->old_state, &st) ? "old_state" :
					  "new_state", "not a state survey writes", err);
		const char *text[] = { e->kind, e->path, e->old_value, e->new_value };
		for (int t = 0; t < 4; t++)
			if (!termsafe_text_ok(text[t] ? text[t] : "", t >= 2))
				return damaged_at("events", "interview", u, names[t],
						  "not printable text", err);
	}
	return 0;
}

/* STORE_SCAN_RECORDS: interview c->civ with the answers and events of its record, the next row
 * of c->rec (uuid, form_id, form_version, answers, events): decoded and checked to be their
 * canonical encoding (record_check, as merge_unpack_8_to_7 would), checked and hashed as
 * scan_interview does the rows of schema 7. */
static int scan_interview_record(sqlite3 *db, struct cursors *c, int check,
				 struct sha256_ctx *all, store_scan_iv *out, char *err)
{
	const store_cell *iv = c->civ;
	const char *u = cell(iv, 0);
	int step = sqlite3_step(c->rec);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return errf(err, "cannot read it: %s", sqlite3_errmsg(db));
	if (step == SQLITE_DONE || strcmp(col(c->rec, 0), u) != 0)
		return errf(err, "interview '%.40s' is damaged: it has no record", u);
	if (check && check_interview_row(c, err))
		return -1;
	char why[ERR_MAX];
	const record_paths *p = store_paths_cache_get(&c->paths, db, c->schema, col(c->rec, 1),
						      col(c->rec, 2), why);
	if (!p)
		return errf(err, "interview '%.40s': %s", u, why);
	if (sqlite3_column_type(c->rec, 3) != SQLITE_TEXT ||
	    sqlite3_column_type(c->rec, 4) != SQLITE_TEXT)
		return errf(err, "interview '%.40s' is damaged: its record is not text", u);
	record_rows r;
	if (record_check(p, cell(iv, 7), iv[10].type == SQLITE_NULL ? NULL : cell(iv, 10),
			 (const char *)sqlite3_column_text(c->rec, 3),
			 (size_t)sqlite3_column_bytes(c->rec, 3),
			 (const char *)sqlite3_column_text(c->rec, 4),
			 (size_t)sqlite3_column_bytes(c->rec, 4), &r, why))
		return errf(err, "interview '%.40s' is damaged: %s", u, why);
	store_scan_hash_rows(all, iv, &r, out, &c->attached);   /* sorts the answers by path */
	int rc = check ? check_record_rows(c, u, &r, err) : 0;
	record_rows_free(&r);
	return rc;
}

int store_scan_content(sqlite3 *db, const char *schema, int version, int flags, store_scan *out,
		       char *err)
{
	int check = flags & STORE_SCAN_CHECK, records = flags & STORE_SCAN_RECORDS;
	memset(out, 0, sizeof *out);
	struct sha256_ctx all;
	sha256_init(&all);
	store_hash_field(&all, "survey-content-1");
	/* a file of version 2 hashes as it always did: packs made before version 3 still merge */
	struct cursors c = { .ivcols = version >= 3 ? STORE_INTERVIEW_NCOLUMNS :
			     STORE_INTERVIEW_NCOLUMNS_V2, .version = version, .schema = schema };
	struct types tiv, tan, tev;
	int rc = -1, cap = 0;
	if ((check && scan_meta(db, schema, err)) || scan_forms(db, schema, check, &all, err))
		goto done;
	/* schema 8 unchecked (pack): the records decoded in C, not read through the views */
	if (version == STORE_SCHEMA_RECORDS && !check) {
		if (store_scan_records(db, schema, &all, out, err))
			goto done;
		goto rest;
	}
	if (prepare_in(db, schema, version >= 3 ? "SELECT " STORE_INTERVIEW_COLUMNS " FROM "
		       "\"%w\".interviews ORDER BY uuid" : "SELECT " STORE_INTERVIEW_COLUMNS_V2
		       " FROM \"%w\".interviews ORDER BY uuid", &c.iv, err))
		goto done;
	if (records ? prepare_in(db, schema, "SELECT uuid, form_id, form_version, answers, events "
				 "FROM \"%w\".records ORDER BY uuid", &c.rec, err) :
	    prepare_in(db, schema, "SELECT " STORE_ANSWER_COLUMNS " FROM \"%w\".answers "
		       "ORDER BY uuid, path", &c.an, err) ||
	    prepare_in(db, schema, "SELECT uuid, " STORE_EVENT_COLUMNS " FROM \"%w\".events "
		       "ORDER BY uuid, seq", &c.ev, err))
		goto done;
	if (check) {
		if (types_load(db, schema, "interviews", c.iv, &tiv, err) ||
		    (!records && (types_load(db, schema, "answers", c.an, &tan, err) ||
				  types_load(db, schema, "events", c.ev, &tev, err))))
			goto done;
		c.tiv = &tiv;
		c.tan = &tan;
		c.tev = &tev;
	}
	if (!records && ((c.an_row = next(db, c.an, c.can, 5, c.tan, err)) < 0 ||
			 (c.ev_row = next(db, c.ev, c.cev, 1 + STORE_EVENT_NCOLUMNS, c.tev, err)) <
			 0))
		goto done;
	int more;
	while ((more = next(db, c.iv, c.civ, c.ivcols, c.tiv, err)) == 1) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 256;
			out->ivs = xreallocarray(out->ivs, (size_t)cap, sizeof *out->ivs);
		}
		if (records ? scan_interview_record(db, &c, check, &all, &out->ivs[out->n++], err) :
		    scan_interview(db, &c, check, &all, &out->ivs[out->n++], err))
			goto done;
	}
	if (more < 0)
		goto done;
	if (records && (more = sqlite3_step(c.rec)) != SQLITE_DONE) {
		if (more == SQLITE_ROW)
			errf(err, "interview '%.40s' is damaged: its record has no interview row",
			     col(c.rec, 0));
		else
			errf(err, "cannot read it: %s", sqlite3_errmsg(db));
		goto done;
	}
	if (check && (c.an_row || c.ev_row)) {
		errf(err, "it holds answers or events of an interview it lacks ('%s')",
		     cell(c.an_row ? c.can : c.cev, 0));
		goto done;
	}
	out->attached = c.attached;
rest:
	if (version >= 2 && scan_conflicts(db, schema, check, &all, &out->conflicts, err))
		goto done;
	if (store_fieldwork_hash(db, schema, version, &all, err))
		goto done;
	if (version >= STORE_SCHEMA_SEALED && store_scan_sealed(db, schema, check, &all, err))
		goto done;
	if (check && scan_others(db, schema, err))
		goto done;
	store_hash_hex(&all, out->content_sha256);
	rc = 0;
done:
	sqlite3_finalize(c.iv);
	sqlite3_finalize(c.an);
	sqlite3_finalize(c.ev);
	sqlite3_finalize(c.rec);
	store_paths_cache_release(&c.paths);
	if (rc)
		store_scan_release(out);
	return rc;
}

void store_scan_release(store_scan *s)
{
	free(s->ivs);
	s->ivs = NULL;
	s->n = 0;
}
