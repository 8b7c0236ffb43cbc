/* record_views_first.c: the first text of schema 8's views interviews, events and answers, as
 * files made while schema 8 was opt-in (sessions 6-10) hold them: their columns had no
 * affinity where schema 7's had TEXT or INTEGER. Such a file still passes merge's schema check
 * (record_schema_expected_first) and gets the store's views on a writable open (store.c).
 * Frozen: these strings are what those files hold, byte for byte. */
#include "store/record_schema.h"
#include "store/store.h"
#include "store/store_impl.h"

static const char views_first[] =
	"CREATE VIEW interviews AS SELECT uuid, form_id, form_version, device_id, interviewer,\n"
	"  CASE status WHEN 0 THEN 'draft' WHEN 1 THEN 'complete' WHEN 2 THEN 'discarded' END AS status,\n"
	"  revision,\n"
	"  CASE WHEN typeof(created) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%fZ', created / 1000.0,\n"
	"    'unixepoch') ELSE created END AS created,\n"
	"  CASE WHEN typeof(modified) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%fZ',\n"
	"    (created + modified) / 1000.0, 'unixepoch') ELSE modified END AS modified,\n"
	"  CASE WHEN typeof(completed) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%fZ',\n"
	"    (created + completed) / 1000.0, 'unixepoch') ELSE completed END AS completed,\n"
	"  CASE typeof(content_hash) WHEN 'blob' THEN lower(hex(content_hash)) ELSE content_hash END\n"
	"    AS content_hash, lang, position, instance_name,\n"
	"  CASE origin WHEN 0 THEN 'field' WHEN 1 THEN 'imported' WHEN 2 THEN 'simulated' END AS origin\n"
	"  FROM records;\n"
	"CREATE VIEW events AS SELECT uuid, seq, at, offset_ms, kind, path,\n"
	"  CASE WHEN n > 6 THEN json_extract(ev, '$[6]') WHEN path IS NULL THEN NULL ELSE\n"
	"    lag(new_value) OVER (PARTITION BY uuid, path ORDER BY seq) END AS old_value,\n"
	"  new_value,\n"
	"  CASE WHEN n > 6 THEN json_extract(ev, '$[7]') WHEN path IS NULL THEN NULL ELSE\n"
	"    lag(CASE new_state WHEN 0 THEN 'answered' WHEN 1 THEN 'skipped' WHEN 2 THEN 'dont_know'\n"
	"    WHEN 3 THEN 'refused' ELSE new_state END) OVER (PARTITION BY uuid, path ORDER BY seq) END\n"
	"    AS old_state,\n"
	"  CASE new_state WHEN 0 THEN 'answered' WHEN 1 THEN 'skipped' WHEN 2 THEN 'dont_know'\n"
	"    WHEN 3 THEN 'refused' ELSE new_state END AS new_state\n"
	"  FROM record_events_r;\n"
	"CREATE VIEW answers AS SELECT a.uuid, a.path, a.value,\n"
	"  CASE a.state WHEN 0 THEN 'answered' WHEN 1 THEN 'skipped' WHEN 2 THEN 'dont_know'\n"
	"    WHEN 3 THEN 'refused' ELSE a.state END AS state,\n"
	"  coalesce(a.modified, (SELECT e.at FROM record_events_r e WHERE e.uuid = a.uuid AND e.path = a.path\n"
	"    ORDER BY e.seq DESC LIMIT 1)) AS modified\n"
	"  FROM record_answers a;\n";

/* provenance_interviews as schema 7 declares it (its text from a file of schema 7). */
static int provenance_table_v7(sqlite3 *db, char *err)
{
	sqlite3 *v7;
	sqlite3_stmt *s = NULL;
	if (store_schema_expected(STORE_SCHEMA_VERSION, &v7, err))
		return -1;
	int rc = store_prepare(v7, "SELECT sql FROM sqlite_schema WHERE tbl_name = "
			       "'provenance_interviews' AND sql IS NOT NULL ORDER BY type = 'index', "
			       "rowid", &s, err);
	while (!rc && sqlite3_step(s) == SQLITE_ROW)
		rc = store_exec(db, (const char *)sqlite3_column_text(s, 0),
				"cannot make the first provenance of schema 8", err);
	sqlite3_finalize(s);
	sqlite3_close(v7);
	return rc;
}

int record_schema_expected_first(int early_provenance, sqlite3 **out, char *err)
{
	if (store_schema_expected(STORE_SCHEMA_RECORDS, out, err))
		return -1;
	if (early_provenance &&
	    (store_exec(*out, "DROP VIEW provenance_interviews; DROP TABLE provenance_versions; "
			"DROP TABLE provenance_inputs;", "cannot make the first provenance of schema 8",
			err) || provenance_table_v7(*out, err))) {
		sqlite3_close(*out);
		*out = NULL;
		return -1;
	}
	if (store_exec(*out, "DROP VIEW interviews; DROP VIEW events; DROP VIEW answers;",
		       "cannot make the first views of schema 8", err) ||
	    store_exec(*out, views_first, "cannot make the first views of schema 8", err)) {
		sqlite3_close(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}
