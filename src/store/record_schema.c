/* record_schema.c: schema 8 (record_schema.h) — its tables and readable views, and the
 * migration of a schema-7 file's rows into records, encoded in C (record_build.h). The views
 * are bench/storage_layout.py's, checked lossless by tests/cli/t1200 and test_schema8.c. */
#include <stdlib.h>
#include <string.h>

#include "store/record_build.h"
#include "store/record_form.h"
#include "store/record_schema.h"
#include "store/store_impl.h"
#include "util/util.h"

const char record_schema_v8[] =
	"CREATE TABLE paths(form_id TEXT NOT NULL, form_version TEXT NOT NULL, id INTEGER NOT NULL,\n"
	"  path TEXT NOT NULL, PRIMARY KEY(form_id, form_version, id)) WITHOUT ROWID;\n"
	"CREATE TABLE kinds(id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE);\n"
	"INSERT INTO kinds VALUES(0, 'opened'), (1, 'answer'), (2, 'moved'), (3, 'language'),\n"
	"  (4, 'left'), (5, 'completed'), (6, 'reopened'), (7, 'discarded'), (8, 'removed'),\n"
	"  (9, 'attached'), (10, 'comment');\n"
	/* times: ms since 1970 (created) and since created (modified, completed) when their text
	 * is canonical, else the text; the content hash as 32 bytes when it is lowercase hex */
	"CREATE TABLE records(uuid TEXT NOT NULL UNIQUE, form_id TEXT NOT NULL,\n"
	"  form_version TEXT NOT NULL, device_id TEXT NOT NULL, interviewer TEXT NOT NULL DEFAULT '',\n"
	"  status INTEGER NOT NULL CHECK(status IN (0, 1, 2)), revision INTEGER NOT NULL,\n"
	"  created NOT NULL, modified NOT NULL, completed, content_hash, lang TEXT, position TEXT,\n"
	"  instance_name TEXT, origin INTEGER NOT NULL DEFAULT 0 CHECK(origin IN (0, 1, 2)),\n"
	"  answers TEXT NOT NULL, events TEXT NOT NULL);\n"
	"CREATE INDEX records_by_form ON records(form_id, form_version, status);\n"
	/* provenance_interviews of schema 7 without the repetition: each input's content hash
	 * once (with the device most of its versions came from), each version by the input's
	 * number; device_id NULL when it is the input's (record_provenance_from) */
	"CREATE TABLE provenance_inputs(id INTEGER PRIMARY KEY, input_sha256 TEXT NOT NULL UNIQUE,\n"
	"  device_id TEXT);\n"
	"CREATE TABLE provenance_versions(input INTEGER NOT NULL, uuid TEXT NOT NULL, device_id TEXT,\n"
	"  events_sha256 TEXT NOT NULL, events_count INTEGER NOT NULL, action TEXT NOT NULL,\n"
	"  PRIMARY KEY(input, uuid)) WITHOUT ROWID;\n"
	"CREATE VIEW interviews AS SELECT uuid, form_id, form_version, device_id, interviewer,\n"
	"  CAST(CASE status WHEN 0 THEN 'draft' WHEN 1 THEN 'complete' WHEN 2 THEN 'discarded' END\n"
	"    AS TEXT) AS status,\n"
	"  revision,\n"
	"  CAST(CASE WHEN typeof(created) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%fZ',\n"
	"    created / 1000.0, 'unixepoch') ELSE created END AS TEXT) AS created,\n"
	"  CAST(CASE WHEN typeof(modified) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%fZ',\n"
	"    (created + modified) / 1000.0, 'unixepoch') ELSE modified END AS TEXT) AS modified,\n"
	"  CAST(CASE WHEN typeof(completed) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%fZ',\n"
	"    (created + completed) / 1000.0, 'unixepoch') ELSE completed END AS TEXT) AS completed,\n"
	"  CAST(CASE typeof(content_hash) WHEN 'blob' THEN lower(hex(content_hash))\n"
	"    ELSE content_hash END AS TEXT) AS content_hash, lang, position, instance_name,\n"
	"  CAST(CASE origin WHEN 0 THEN 'field' WHEN 1 THEN 'imported' WHEN 2 THEN 'simulated' END\n"
	"    AS TEXT) AS origin\n"
	"  FROM records;\n"
	"CREATE VIEW record_slots AS SELECT i.uuid, i.form_id, i.form_version,\n"
	"  CASE WHEN t.path = '$' THEN t.key ELSE CAST(substr(t.path, 3, length(t.path) - 3) AS INTEGER)\n"
	"    END AS id,\n"
	"  CASE WHEN t.path = '$' THEN NULL ELSE t.key END AS n, t.value AS entry, t.type AS etype\n"
	"  FROM records i, json_tree(i.answers) t\n"
	"  WHERE t.type IN ('text', 'array') AND\n"
	"    (t.path = '$' AND t.key > 0 OR typeof(t.key) = 'text' AND t.path GLOB '$[[0-9]*]');\n"
	"CREATE VIEW record_answers AS SELECT x.uuid,\n"
	"  CASE WHEN x.id = 0 THEN x.n ELSE (SELECT CASE WHEN x.n IS NULL THEN p.path\n"
	"    ELSE replace(p.path, '[%]', '[' || x.n || ']') END FROM paths p\n"
	"    WHERE p.form_id = x.form_id AND p.form_version = x.form_version AND p.id = x.id) END\n"
	"    AS path,\n"
	"  CASE x.etype WHEN 'text' THEN x.entry ELSE json_extract(x.entry, '$[0]') END AS value,\n"
	"  CASE x.etype WHEN 'text' THEN 0 ELSE coalesce(json_extract(x.entry, '$[1]'),\n"
	"    0) END AS state,\n"
	"  CASE x.etype WHEN 'array' THEN json_extract(x.entry, '$[2]') END AS modified\n"
	"  FROM record_slots x;\n"
	"CREATE VIEW record_events_e AS SELECT i.uuid, i.form_id, i.form_version, i.created,\n"
	"  CASE typeof(i.content_hash) WHEN 'blob' THEN lower(hex(i.content_hash))\n"
	"    ELSE i.content_hash END AS content_hash, e.key + 1 AS seq,\n"
	"  e.value AS ev, json_array_length(e.value) AS n,\n"
	"  CASE json_type(e.value, '$[3]')\n"
	"    WHEN 'integer' THEN (SELECT p.path FROM paths p WHERE p.form_id = i.form_id AND\n"
	"      p.form_version = i.form_version AND p.id = json_extract(e.value, '$[3]'))\n"
	"    WHEN 'array' THEN replace((SELECT p.path FROM paths p WHERE p.form_id = i.form_id AND\n"
	"      p.form_version = i.form_version AND p.id = json_extract(e.value, '$[3][0]')), '[%]',\n"
	"      '[' || (json_extract(e.value, '$[3][1]')) || ']')\n"
	"    WHEN 'text' THEN json_extract(e.value, '$[3]') END AS path\n"
	"  FROM records i, json_each(i.events) e;\n"
	"CREATE VIEW record_events_r AS SELECT e.uuid, e.seq,\n"
	"  CASE WHEN json_type(e.ev, '$[0]') = 'text' THEN json_extract(e.ev, '$[0]') ELSE\n"
	"    strftime('%Y-%m-%dT%H:%M:%fZ', (e.created + sum(CASE WHEN json_type(e.ev, '$[0]') = 'text'\n"
	"    THEN 0 ELSE (json_extract(e.ev, '$[0]')) + (json_extract(e.ev, '$[1]')) END) OVER w)\n"
	"    / 1000.0, 'unixepoch') END AS at,\n"
	"  sum(json_extract(e.ev, '$[1]')) OVER w AS offset_ms,\n"
	"  CASE typeof(json_extract(e.ev, '$[2]')) WHEN 'integer' THEN\n"
	"    (SELECT k FROM kinds WHERE id = json_extract(e.ev, '$[2]'))\n"
	"    ELSE json_extract(e.ev, '$[2]') END AS kind,\n"
	"  e.path,\n"
	"  CASE WHEN e.path IS NOT NULL AND (e.n = 4 OR json_type(e.ev, '$[4]') = 'true')\n"
	"    THEN (SELECT a.value FROM record_answers a WHERE a.uuid = e.uuid AND a.path = e.path)\n"
	"    WHEN e.n > 4 AND json_type(e.ev, '$[4]') = 'true' THEN e.content_hash\n"
	"    WHEN e.n > 4 THEN json_extract(e.ev, '$[4]') END AS new_value,\n"
	"  CASE WHEN e.path IS NOT NULL AND (e.n = 4 OR json_type(e.ev, '$[4]') = 'true')\n"
	"    THEN (SELECT a.state FROM record_answers a WHERE a.uuid = e.uuid AND a.path = e.path)\n"
	"    WHEN e.n > 5 THEN json_extract(e.ev, '$[5]') END AS new_state,\n"
	"  e.n, e.ev\n"
	"  FROM record_events_e e WINDOW w AS (PARTITION BY e.uuid ORDER BY e.seq);\n"
	"CREATE VIEW events AS SELECT uuid, CAST(seq AS INTEGER) AS seq, CAST(at AS TEXT) AS at,\n"
	"  CAST(offset_ms AS INTEGER) AS offset_ms, CAST(kind AS TEXT) AS kind,\n"
	"  CAST(path AS TEXT) AS path,\n"
	"  CAST(CASE WHEN n > 6 THEN json_extract(ev, '$[6]') WHEN path IS NULL THEN NULL ELSE\n"
	"    lag(new_value) OVER (PARTITION BY uuid, path ORDER BY seq) END AS TEXT) AS old_value,\n"
	"  CAST(new_value AS TEXT) AS new_value,\n"
	"  CAST(CASE WHEN n > 6 THEN json_extract(ev, '$[7]') WHEN path IS NULL THEN NULL ELSE\n"
	"    lag(CASE new_state WHEN 0 THEN 'answered' WHEN 1 THEN 'skipped' WHEN 2 THEN 'dont_know'\n"
	"    WHEN 3 THEN 'refused' ELSE new_state END) OVER (PARTITION BY uuid, path ORDER BY seq) END\n"
	"    AS TEXT) AS old_state,\n"
	"  CAST(CASE new_state WHEN 0 THEN 'answered' WHEN 1 THEN 'skipped' WHEN 2 THEN 'dont_know'\n"
	"    WHEN 3 THEN 'refused' ELSE new_state END AS TEXT) AS new_state\n"
	"  FROM record_events_r;\n"
	"CREATE VIEW answers AS SELECT a.uuid, CAST(a.path AS TEXT) AS path,\n"
	"  CAST(a.value AS TEXT) AS value,\n"
	"  CAST(CASE a.state WHEN 0 THEN 'answered' WHEN 1 THEN 'skipped' WHEN 2 THEN 'dont_know'\n"
	"    WHEN 3 THEN 'refused' ELSE a.state END AS TEXT) AS state,\n"
	"  CAST(coalesce(a.modified, (SELECT e.at FROM record_events_r e WHERE e.uuid = a.uuid AND\n"
	"    e.path = a.path ORDER BY e.seq DESC LIMIT 1)) AS TEXT) AS modified\n"
	"  FROM record_answers a;\n"
	"CREATE VIEW provenance_interviews AS SELECT i.input_sha256, v.uuid,\n"
	"  coalesce(v.device_id, i.device_id) AS device_id, v.events_sha256, v.events_count, v.action\n"
	"  FROM provenance_versions v JOIN provenance_inputs i ON i.id = v.input;\n";

static const char *const STATUS[] = { "draft", "complete", "discarded" };
static const char *const ORIGIN[] = { "field", "imported", "simulated" };

static int word_index(const char *const *words, int n, const char *w)
{
	for (int k = 0; w && k < n; k++)
		if (strcmp(words[k], w) == 0)
			return k;
	return -1;
}

/* A lowercase hex SHA-256 as its 32 bytes (1), else 0. */
static int hex32(const char *h, unsigned char out[32])
{
	if (!h || strlen(h) != 64)
		return 0;
	for (int k = 0; k < 64; k++) {
		char c = h[k];
		int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (v < 0)
			return 0;
		if (k % 2)
			out[k / 2] |= (unsigned char)v;
		else
			out[k / 2] = (unsigned char)(v << 4);
	}
	return 1;
}

typedef struct mig {
	sqlite3 *db;
	sqlite3_stmt *get, *put;
} mig;

static const char *col(sqlite3_stmt *s, int c)
{
	return (const char *)sqlite3_column_text(s, c);
}

/* A time column: ms (relative to base when base_ok) when canonical, else the value as it is. */
static void time_cell(record_cell *c, sqlite3_stmt *g, int at, int base_ok, long long base)
{
	long long ms;
	if (sqlite3_column_type(g, at) != SQLITE_NULL && base_ok &&
	    record_time_ms(col(g, at), &ms) == 0) {
		*c = (record_cell){ .from = -1, .type = SQLITE_INTEGER, .i = ms - base };
	} else {
		c->from = at;
	}
}

static int one_record(void *arg, const char *uuid, const char *answers, const char *events,
		      char *err)
{
	mig *m = arg;
	sqlite3_reset(m->get);
	sqlite3_bind_text(m->get, 1, uuid, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(m->get) != SQLITE_ROW)
		return errf(err, "interview '%.40s': cannot read it again", uuid);
	return record_put_row(m->db, m->put, m->get, answers, events, err);
}

int record_row_cells(sqlite3_stmt *g, record_cells *out, char *err)
{
	memset(out, 0, sizeof *out);
	record_cell *c = out->c;
	int status = word_index(STATUS, 3, col(g, 5)), origin = word_index(ORIGIN, 3, col(g, 14));
	if (status < 0 || origin < 0 || sqlite3_column_type(g, 6) != SQLITE_INTEGER)
		return errf(err, "interview '%.40s': a status, origin or revision survey does not "
			    "write", col(g, 0));
	for (int k = 0; k < 15; k++)
		c[k].from = k;
	c[5] = (record_cell){ .from = -1, .type = SQLITE_INTEGER, .i = status };
	c[14] = (record_cell){ .from = -1, .type = SQLITE_INTEGER, .i = origin };
	long long c0;
	int c0_ok = sqlite3_column_type(g, 7) == SQLITE_TEXT && record_time_ms(col(g, 7), &c0) == 0;
	time_cell(&c[7], g, 7, c0_ok, 0);
	/* modified and completed relative to created only when all are canonical */
	time_cell(&c[8], g, 8, c0_ok, c0_ok ? c0 : 0);
	time_cell(&c[9], g, 9, c0_ok, c0_ok ? c0 : 0);
	if (sqlite3_column_type(g, 10) == SQLITE_TEXT && hex32(col(g, 10), out->hash))
		c[10] = (record_cell){ .from = -1, .type = SQLITE_BLOB };
	return 0;
}

/* Do column a of g and column b of s hold the same type and value? */
static int same_value(sqlite3_stmt *g, int a, sqlite3_stmt *s, int b)
{
	int t = sqlite3_column_type(g, a);
	if (t != sqlite3_column_type(s, b))
		return 0;
	if (t == SQLITE_INTEGER)
		return sqlite3_column_int64(g, a) == sqlite3_column_int64(s, b);
	if (t == SQLITE_FLOAT)
		return sqlite3_column_double(g, a) == sqlite3_column_double(s, b);
	if (t == SQLITE_NULL)
		return 1;
	const void *x = t == SQLITE_TEXT ? (const void *)sqlite3_column_text(g, a) :
		sqlite3_column_blob(g, a);
	const void *y = t == SQLITE_TEXT ? (const void *)sqlite3_column_text(s, b) :
		sqlite3_column_blob(s, b);
	int n = sqlite3_column_bytes(g, a);
	return n == sqlite3_column_bytes(s, b) && (n == 0 || memcmp(x, y, (size_t)n) == 0);
}

int record_cells_same(const record_cells *cells, sqlite3_stmt *g, sqlite3_stmt *s, int at)
{
	for (int k = 0; k < 15; k++) {
		const record_cell *c = &cells->c[k];
		int t = sqlite3_column_type(s, at + k);
		if (c->from >= 0) {
			if (!same_value(g, c->from, s, at + k))
				return 0;
		} else if (c->type == SQLITE_INTEGER) {
			if (t != SQLITE_INTEGER || sqlite3_column_int64(s, at + k) != c->i)
				return 0;
		} else if (t != SQLITE_BLOB || sqlite3_column_bytes(s, at + k) != 32 ||
			   memcmp(sqlite3_column_blob(s, at + k), cells->hash, 32) != 0) {
			return 0;
		}
	}
	return 1;
}

/* Column k of s as it is into out: a text, a blob (blob: 1, when blob_ok) or NULL (when
 * null_ok). 1, or 0 for another type. */
static int iv_text(sqlite3_stmt *s, int c, int k, int null_ok, int blob_ok,
		   record_iv_texts *out)
{
	int t = sqlite3_column_type(s, c);
	out->text[k] = NULL;
	out->len[k] = out->blob[k] = 0;
	if (t == SQLITE_NULL)
		return null_ok;
	if ((t != SQLITE_TEXT && !(t == SQLITE_BLOB && blob_ok)) ||
	    !(out->text[k] = (const char *)sqlite3_column_text(s, c)))
		return 0;
	out->len[k] = sqlite3_column_bytes(s, c);
	out->blob[k] = t == SQLITE_BLOB;
	return 1;
}

/* A time column k (created: base_ok 0; modified, completed: relative to created when it is a
 * number, base_ok 1): a whole number of ms written as its canonical text, or a text that
 * record_row_cells would keep as it is: one that is not canonical, or any text after a created
 * that is text. 1, or 0. */
static int iv_time(sqlite3_stmt *s, int c, int k, int null_ok, int created_int, long long base,
		   char buf[32], record_iv_texts *out)
{
	if (sqlite3_column_type(s, c) != SQLITE_INTEGER) {
		long long ms;
		return iv_text(s, c, k, null_ok, 0, out) &&
		       (!out->text[k] || (k != 7 && !created_int) ||
			record_time_ms(out->text[k], &ms) != 0);
	}
	long long v = sqlite3_column_int64(s, c), ms;
	if ((k != 7 && !created_int) || __builtin_add_overflow(base, v, &ms) ||
	    record_time_text(ms, buf))
		return 0;
	out->text[k] = buf;
	out->len[k] = (int)strlen(buf);
	out->blob[k] = 0;
	return 1;
}

/* Column k of s, an integer 0..n-1, as words[it] (status, origin). 1, or 0. */
static int iv_word(sqlite3_stmt *s, int c, int k, const char *const *words, int n,
		   record_iv_texts *out)
{
	long long v = sqlite3_column_int64(s, c);
	if (sqlite3_column_type(s, c) != SQLITE_INTEGER || v < 0 || v >= n)
		return 0;
	out->text[k] = words[v];
	out->len[k] = (int)strlen(words[v]);
	out->blob[k] = 0;
	return 1;
}

int record_interview_texts(sqlite3_stmt *s, int at, record_iv_texts *out)
{
	/* as they are, where schema 7's TEXT keeps them: uuid, form_id, form_version, device_id,
	 * interviewer; lang, position, instance_name */
	for (int k = 0; k < 14; k++)
		if ((k < 5 || k > 10) && !iv_text(s, at + k, k, k > 10, 1, out))
			return 0;
	if (!iv_word(s, at + 5, 5, STATUS, 3, out) || !iv_word(s, at + 14, 14, ORIGIN, 3, out) ||
	    sqlite3_column_type(s, at + 6) != SQLITE_INTEGER)
		return 0;
	out->text[6] = NULL;
	out->len[6] = out->blob[6] = 0;
	out->revision = sqlite3_column_int64(s, at + 6);
	int created_int = sqlite3_column_type(s, at + 7) == SQLITE_INTEGER;
	long long c0 = created_int ? sqlite3_column_int64(s, at + 7) : 0;
	if (!iv_time(s, at + 7, 7, 0, created_int, 0, out->created, out) ||
	    !iv_time(s, at + 8, 8, 0, created_int, c0, out->modified, out) ||
	    !iv_time(s, at + 9, 9, 1, created_int, c0, out->completed, out))
		return 0;
	/* the content hash: its 32 bytes as lowercase hex, or a text that is not such hex */
	unsigned char h[32];
	if (sqlite3_column_type(s, at + 10) == SQLITE_BLOB) {
		const unsigned char *b = sqlite3_column_blob(s, at + 10);
		if (sqlite3_column_bytes(s, at + 10) != 32 || !b)
			return 0;
		store_digest_hex(b, out->hash);
		out->text[10] = out->hash;
		out->len[10] = 64;
		out->blob[10] = 0;
		return 1;
	}
	return iv_text(s, at + 10, 10, 1, 0, out) && (!out->text[10] || !hex32(out->text[10], h));
}

int record_put_row(sqlite3 *db, sqlite3_stmt *p, sqlite3_stmt *g, const char *answers,
		   const char *events, char *err)
{
	record_cells cells;
	if (record_row_cells(g, &cells, err))
		return -1;
	sqlite3_reset(p);
	sqlite3_clear_bindings(p);
	for (int k = 0; k < 15; k++) {
		const record_cell *c = &cells.c[k];
		if (c->from >= 0)
			sqlite3_bind_value(p, k + 1, sqlite3_column_value(g, c->from));
		else if (c->type == SQLITE_INTEGER)
			sqlite3_bind_int64(p, k + 1, c->i);
		else
			sqlite3_bind_blob(p, k + 1, cells.hash, 32, SQLITE_TRANSIENT);
	}
	sqlite3_bind_text(p, 16, answers, -1, SQLITE_STATIC);
	sqlite3_bind_text(p, 17, events, -1, SQLITE_STATIC);
	if (sqlite3_step(p) != SQLITE_DONE) {
		store_note_full(db);
		return errf(err, "interview '%.40s': cannot write its record: %s", col(g, 0),
			    sqlite3_errmsg(db));
	}
	return 0;
}

int record_paths_put(sqlite3 *db, const char *form_id, const char *version,
		     const char *source_name, const char *kind, const void *bytes, size_t len,
		     char *err)
{
	sqlite3_stmt *p = NULL;
	if (store_prepare(db, "INSERT INTO paths VALUES(?1, ?2, ?3, ?4)", &p, err))
		return -1;
	record_paths *t = record_paths_of_source(source_name, kind, bytes, len);
	int rc = 0;
	for (size_t k = 0; k < record_paths_count(t) && rc == 0; k++) {
		long long id;
		const char *tmpl;
		record_paths_entry(t, k, &id, &tmpl);
		sqlite3_reset(p);
		sqlite3_bind_text(p, 1, form_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(p, 2, version, -1, SQLITE_STATIC);
		sqlite3_bind_int64(p, 3, id);
		sqlite3_bind_text(p, 4, tmpl, -1, SQLITE_STATIC);
		if (sqlite3_step(p) != SQLITE_DONE) {
			store_note_full(db);
			rc = errf(err, "cannot write the path ids: %s", sqlite3_errmsg(db));
		}
	}
	record_paths_free(t);
	sqlite3_finalize(p);
	return rc;
}

/* The paths rows of every form version the file holds (none for a form that does not load). */
static int put_paths(sqlite3 *db, char *err)
{
	sqlite3_stmt *f = NULL;
	if (store_prepare(db, "SELECT form_id, version, source_name, source_kind, source "
			  "FROM forms ORDER BY form_id, version", &f, err))
		return -1;
	int step, rc = 0;
	while (rc == 0 && (step = sqlite3_step(f)) == SQLITE_ROW)
		rc = record_paths_put(db, col(f, 0), col(f, 1), col(f, 2), col(f, 3),
				      sqlite3_column_blob(f, 4), (size_t)sqlite3_column_bytes(f, 4),
				      err);
	if (rc == 0 && step != SQLITE_DONE)
		rc = errf(err, "cannot read the forms: %s", sqlite3_errmsg(db));
	sqlite3_finalize(f);
	return rc;
}

int record_records_build(sqlite3 *db, char *err)
{
	mig m = { db, NULL, NULL };
	const char *views = strstr(record_schema_v8, "CREATE VIEW");
	char *tables = xstrndup(record_schema_v8, (size_t)(views - record_schema_v8));
	int rc = store_exec(db, tables, "cannot create the tables of schema 8", err) ||
		 put_paths(db, err) ||
		 store_prepare(db, "SELECT uuid, form_id, form_version, device_id, interviewer, "
			       "status, revision, created, modified, completed, content_hash, lang, "
			       "position, instance_name, origin FROM main.interviews WHERE uuid = ?1",
			       &m.get, err) ||
		 store_prepare(db, "INSERT INTO main.records VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
			       "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)", &m.put, err) ||
		 record_build_each(db, "main", one_record, &m, err) ? -1 : 0;
	free(tables);
	sqlite3_finalize(m.get);
	sqlite3_finalize(m.put);
	return rc;
}

int record_provenance_compact(sqlite3 *db, const char *from, char *err)
{
	char *sql = sqlite3_mprintf(
		"INSERT OR IGNORE INTO main.provenance_inputs(input_sha256, device_id) "
		"SELECT input_sha256, device_id FROM (SELECT input_sha256, device_id, count(*) AS n "
		"FROM %s GROUP BY input_sha256, device_id ORDER BY input_sha256, n DESC, device_id); "
		"INSERT OR IGNORE INTO main.provenance_versions SELECT i.id, p.uuid, "
		"CASE WHEN p.device_id IS i.device_id THEN NULL ELSE p.device_id END, "
		"p.events_sha256, p.events_count, p.action FROM %s p JOIN main.provenance_inputs i "
		"ON i.input_sha256 = p.input_sha256 ORDER BY i.id, p.uuid", from, from);
	int rc = !sql ? errf(err, "out of memory") :
		 store_exec(db, sql, "cannot write the provenance", err);
	sqlite3_free(sql);
	return rc;
}

int record_provenance_early(sqlite3 *db)
{
	char why[ERR_MAX];
	return store_has_table(db, "main", "provenance_interviews", why) == 1;
}

int record_provenance_upgrade(sqlite3 *db, char *err)
{
	if (!record_provenance_early(db))
		return 0;
	const char *t = strstr(record_schema_v8, "CREATE TABLE provenance_inputs");
	const char *end = t ? strstr(t, "CREATE VIEW") : NULL;
	if (!end)
		return errf(err, "cannot read the layout of schema 8");
	char *tables = xstrndup(t, (size_t)(end - t));
	int rc = store_exec(db, tables, "cannot write the provenance", err) ||
		 record_provenance_compact(db, "main.provenance_interviews", err) ||
		 store_exec(db, "DROP TABLE main.provenance_interviews", "cannot write the provenance",
			    err) ? -1 : 0;
	free(tables);
	return rc;
}

char *record_provenance_from(const char *schema)
{
	return xasprintf("(SELECT i.input_sha256 AS input_sha256, v.uuid AS uuid, "
			 "coalesce(v.device_id, i.device_id) AS device_id, v.events_sha256 AS "
			 "events_sha256, v.events_count AS events_count, v.action AS action FROM "
			 "\"%s\".provenance_versions v JOIN \"%s\".provenance_inputs i ON i.id = "
			 "v.input)", schema, schema);
}

int record_migrate_7_to_8(sqlite3 *db, char *err)
{
	/* the tables first (the views come once the old tables are gone: they take their names) */
	const char *views = strstr(record_schema_v8, "CREATE VIEW");
	return record_records_build(db, err) ||
	       record_provenance_compact(db, "main.provenance_interviews", err) ||
	       store_exec(db, "DROP TABLE answers; DROP TABLE events; DROP TABLE interviews; "
			  "DROP TABLE provenance_interviews;",
			  "cannot drop the tables of schema 7", err) ||
	       store_exec(db, views, "cannot create the views of schema 8", err) ? -1 : 0;
}

int record_views_renew(sqlite3 *db, char *err)
{
	const char *views = strstr(record_schema_v8, "CREATE VIEW");
	strbuf sql = STRBUF_INIT;
	for (const char *p = views; p; p = strstr(p + 1, "CREATE VIEW")) {
		const char *name = p + strlen("CREATE VIEW "), *end = strchr(name, ' ');
		sb_addf(&sql, "DROP VIEW IF EXISTS main.\"%.*s\";\n", (int)(end - name), name);
	}
	sb_adds(&sql, views);
	int rc = store_exec(db, sb_str(&sql), "cannot make the views of schema 8", err);
	sb_release(&sql);
	return rc;
}

int record_views_current(sqlite3 *db, char *err)
{
	sqlite3_stmt *s;
	if (store_prepare(db, "SELECT 1 FROM main.sqlite_schema WHERE type = 'view' AND name = ?1 "
			  "AND sql = ?2", &s, err))
		return -1;
	int same = 1;
	for (const char *p = strstr(record_schema_v8, "CREATE VIEW"); same && p;
	     p = strstr(p + 1, "CREATE VIEW")) {
		const char *name = p + strlen("CREATE VIEW "), *end = strchr(name, ' ');
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, name, (int)(end - name), SQLITE_STATIC);
		sqlite3_bind_text(s, 2, p, (int)(strstr(p, ";\n") - p), SQLITE_STATIC);
		same = sqlite3_step(s) == SQLITE_ROW;
	}
	sqlite3_finalize(s);
	return same;
}

char *record_interviews_select(void)
{
	static const char head[] = "CREATE VIEW interviews AS SELECT ";
	const char *from = strstr(record_schema_v8, head) + strlen(head);
	return xstrndup(from, (size_t)(strstr(from, "\n  FROM records;") - from));
}
