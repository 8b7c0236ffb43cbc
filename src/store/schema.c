/* schema.c: the tables of the laptop database and the migrations between schema versions. */
#include "store/record_schema.h"
#include "store/store_impl.h"

#include <stdio.h>
#include <string.h>

#include "util/util.h"

/* Version 1. Natural keys only (interview UUID, question path, event number): merged files
 * must hold identical rows whatever order they were merged in (DESIGN.md, Merge rules). */
static const char schema_v1[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;\n"
	"CREATE TABLE forms(\n"
	"  form_id TEXT NOT NULL, version TEXT NOT NULL, title TEXT,\n"
	"  source_name TEXT NOT NULL, source_kind TEXT NOT NULL, source BLOB NOT NULL,\n"
	"  sha256 TEXT NOT NULL, added TEXT NOT NULL,\n"
	"  PRIMARY KEY(form_id, version)) WITHOUT ROWID;\n"
	"CREATE TABLE interviews(\n"
	"  uuid TEXT PRIMARY KEY, form_id TEXT NOT NULL, form_version TEXT NOT NULL,\n"
	"  device_id TEXT NOT NULL, interviewer TEXT NOT NULL DEFAULT '',\n"
	"  status TEXT NOT NULL CHECK(status IN ('draft','complete')),\n"
	"  revision INTEGER NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,\n"
	"  completed TEXT, content_hash TEXT, lang TEXT, position TEXT, instance_name TEXT\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE answers(\n"
	"  uuid TEXT NOT NULL REFERENCES interviews(uuid), path TEXT NOT NULL, value TEXT,\n"
	"  state TEXT NOT NULL CHECK(state IN ('answered','skipped','dont_know','refused')),\n"
	"  modified TEXT NOT NULL, PRIMARY KEY(uuid, path)) WITHOUT ROWID;\n"
	"CREATE TABLE events(\n"
	"  uuid TEXT NOT NULL REFERENCES interviews(uuid), seq INTEGER NOT NULL,\n"
	"  at TEXT NOT NULL, offset_ms INTEGER NOT NULL, kind TEXT NOT NULL, path TEXT,\n"
	"  old_value TEXT, new_value TEXT, old_state TEXT, new_state TEXT,\n"
	"  PRIMARY KEY(uuid, seq)) WITHOUT ROWID;\n"
	"CREATE INDEX interviews_by_form ON interviews(form_id, form_version, status);\n";

/* Version 2: what `survey merge` keeps. A losing version of an interview is stored whole in
 * conflicts (its interview row, answers and events as deterministic JSON), keyed by the interview
 * and a SHA-256 of its event log — or, for a version whose log another kept version of the
 * interview shares (the same events, other answers: a damaged or crafted file), "that SHA-256,
 * ':', the SHA-256 of the version" (merge_versions.c). provenance records each input merged, and
 * provenance_interviews each version an input brought, with the device it came from (the input's
 * own device for a laptop's file; for a merged file, the device its provenance names); a merged
 * input's provenance is copied along. Both may differ between merge orders, like meta. */
static const char schema_v2[] =
	"CREATE TABLE conflicts(\n"
	"  uuid TEXT NOT NULL, events_sha256 TEXT NOT NULL, events_count INTEGER NOT NULL,\n"
	"  revision INTEGER NOT NULL, status TEXT NOT NULL, modified TEXT NOT NULL,\n"
	"  interview TEXT NOT NULL, answers TEXT NOT NULL, events TEXT NOT NULL,\n"
	"  PRIMARY KEY(uuid, events_sha256)) WITHOUT ROWID;\n"
	"CREATE TABLE provenance(\n"
	"  input_sha256 TEXT NOT NULL, merged_at TEXT NOT NULL, path TEXT NOT NULL,\n"
	"  device_id TEXT, new INTEGER NOT NULL, identical INTEGER NOT NULL,\n"
	"  updated INTEGER NOT NULL, outdated INTEGER NOT NULL, conflicting INTEGER NOT NULL,\n"
	"  duplicates INTEGER NOT NULL, PRIMARY KEY(input_sha256, merged_at)) WITHOUT ROWID;\n"
	"CREATE TABLE provenance_interviews(\n"
	"  input_sha256 TEXT NOT NULL, uuid TEXT NOT NULL, device_id TEXT NOT NULL,\n"
	"  events_sha256 TEXT NOT NULL, events_count INTEGER NOT NULL, action TEXT NOT NULL,\n"
	"  PRIMARY KEY(input_sha256, uuid)) WITHOUT ROWID;\n";

/* Version 3: every interview's origin (store_origin). Added by ALTER TABLE, for new files too
 * (they are made as version 1 and migrated), so that every file of a version has the same
 * schema text. Interviews already there are 'field' unless simulate's trace says otherwise
 * (store_origin_sql); so are the versions kept whole in conflicts (their JSON gets the key).
 * The index lets merge ask whether a large file holds any interview of an origin at once. */
static const char schema_v3[] =
	"ALTER TABLE interviews ADD COLUMN origin TEXT NOT NULL DEFAULT 'field' "
	"CHECK(origin IN ('field','imported','simulated'));\n"
	"CREATE INDEX interviews_by_origin ON interviews(origin);\n";

/* Version 4: an interview may be 'discarded' (store_iv_discard): kept, merged as such, left
 * out of analysis, exports, reports and progress counts. SQLite cannot change a CHECK, so the
 * table is rebuilt (create, copy, drop, rename) with its columns in the order version 3 left
 * them, and its two indexes made again; new files take the same path (made as version 1 and
 * migrated), so every file of version 4 has the same schema text. Runs inside the migration's
 * transaction; nothing references the new table's name, so the rename rewrites no other table. */
static const char schema_v4[] =
	"CREATE TABLE interviews_v4(\n"
	"  uuid TEXT PRIMARY KEY, form_id TEXT NOT NULL, form_version TEXT NOT NULL,\n"
	"  device_id TEXT NOT NULL, interviewer TEXT NOT NULL DEFAULT '',\n"
	"  status TEXT NOT NULL CHECK(status IN ('draft','complete','discarded')),\n"
	"  revision INTEGER NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,\n"
	"  completed TEXT, content_hash TEXT, lang TEXT, position TEXT, instance_name TEXT,\n"
	"  origin TEXT NOT NULL DEFAULT 'field' CHECK(origin IN ('field','imported','simulated'))\n"
	") WITHOUT ROWID;\n"
	"INSERT INTO interviews_v4(uuid, form_id, form_version, device_id, interviewer, status, "
	"revision, created, modified, completed, content_hash, lang, position, instance_name, "
	"origin) SELECT uuid, form_id, form_version, device_id, interviewer, status, revision, "
	"created, modified, completed, content_hash, lang, position, instance_name, origin "
	"FROM interviews;\n"
	"DROP TABLE interviews;\n"
	"ALTER TABLE interviews_v4 RENAME TO interviews;\n"
	"CREATE INDEX interviews_by_form ON interviews(form_id, form_version, status);\n"
	"CREATE INDEX interviews_by_origin ON interviews(origin);\n";

/* Version 5: files the interviewer attached to answers (image, audio, video, file questions;
 * store_iv_attach). A row is named by its interview, question path, the SHA-256 of its bytes and
 * its file name — natural keys, so merged files hold the same rows in any order — and is
 * referenced by an "attached" event of the interview's log (new_value "SHA256 NAME"): the
 * attachments of a file are those its versions' logs name, replaced ones included, as the log
 * keeps replaced values. media_type follows from the name (store_media_type); size is the
 * length of bytes. */
static const char schema_v5[] =
	"CREATE TABLE attachments(\n"
	"  uuid TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL, name TEXT NOT NULL,\n"
	"  media_type TEXT NOT NULL, size INTEGER NOT NULL, bytes BLOB NOT NULL,\n"
	"  PRIMARY KEY(uuid, path, sha256, name)) WITHOUT ROWID;\n";

/* Version 6: fieldwork (issue 15). frame holds the units to interview of a form (`survey
 * frame`): unit_id is the frame's stable id, data a JSON object of the frame's columns (text
 * values, in the CSV's order). assignments gives a unit to an interviewer (`survey assign`),
 * with the UUID of the unit's one interview, made when the unit is first assigned and kept
 * when it is given to another interviewer (a new row); the unit's current interviewer is the
 * row assigned last (then the greatest name). reviews holds a supervisor's decisions and
 * comments on one version of an interview (events_sha256: the SHA-256 of that version's event
 * log as merge computes it; path '' = the whole interview). Natural keys only: merge takes the
 * union of each table (DESIGN.md, Fieldwork). */
static const char schema_v6[] =
	"CREATE TABLE frame(\n"
	"  form_id TEXT NOT NULL, unit_id TEXT NOT NULL, data TEXT NOT NULL,\n"
	"  PRIMARY KEY(form_id, unit_id)) WITHOUT ROWID;\n"
	"CREATE TABLE assignments(\n"
	"  form_id TEXT NOT NULL, unit_id TEXT NOT NULL, interviewer TEXT NOT NULL,\n"
	"  uuid TEXT NOT NULL, assigned TEXT NOT NULL,\n"
	"  PRIMARY KEY(form_id, unit_id, interviewer)) WITHOUT ROWID;\n"
	"CREATE INDEX assignments_by_uuid ON assignments(uuid);\n"
	"CREATE INDEX assignments_by_interviewer ON assignments(interviewer);\n"
	"CREATE TABLE reviews(\n"
	"  uuid TEXT NOT NULL, events_sha256 TEXT NOT NULL, at TEXT NOT NULL, reviewer TEXT NOT NULL,\n"
	"  decision TEXT NOT NULL CHECK(decision IN ('approved','rejected','comment')),\n"
	"  path TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '',\n"
	"  PRIMARY KEY(uuid, events_sha256, at, reviewer, decision, path)) WITHOUT ROWID;\n";

/* Version 7: interviews sealed for the coordinator (issue 17; seal.c, unseal.c). When a form has
 * a public key, completing an interview turns its rows (interview, answers, events with the
 * comments, attachments) into one encrypted record and deletes them in the same transaction.
 * What stays outside the seal is what pack and merge need without the key: the interview's
 * identity (uuid, form id and version, device, status, revision), its events' count and SHA-256
 * (as store_scan_content makes it), when it was sealed, the key it was sealed for (key_id), the
 * record's SHA-256 and size. Natural keys: a version of an interview (uuid, events_sha256) and
 * the record's own hash, so merged files hold the union of the records in any order. */
static const char schema_v7[] =
	"CREATE TABLE sealed(\n"
	"  uuid TEXT NOT NULL, events_sha256 TEXT NOT NULL, record_sha256 TEXT NOT NULL,\n"
	"  form_id TEXT NOT NULL, form_version TEXT NOT NULL, device_id TEXT NOT NULL,\n"
	"  status TEXT NOT NULL, revision INTEGER NOT NULL, events_count INTEGER NOT NULL,\n"
	"  sealed_at TEXT NOT NULL, key_id TEXT NOT NULL, size INTEGER NOT NULL,\n"
	"  record BLOB NOT NULL,\n"
	"  PRIMARY KEY(uuid, events_sha256, record_sha256)) WITHOUT ROWID;\n";

/* What `survey simulate` has always left in an interview's event log and nothing else does:
 * its fake clock ticks 2 s per reading and store_iv_start reads it twice before the first
 * event, so event 1 ("opened") is at offset 2000 ms and every offset is a multiple of 2000;
 * and it logs no "moved" event (the engine logs one on every screen an interviewer sees, the
 * first one when the interview starts, and import goes through the engine too). A file from
 * before version 3 cannot tell an imported interview from a field one: those are 'field'. */
#define SIM_TRACE_ROWS \
	"(EXISTS (SELECT 1 FROM \"%w\".events e WHERE e.uuid = %s.uuid AND e.seq = 1 AND " \
	"e.kind = 'opened' AND e.offset_ms = 2000) AND NOT EXISTS (SELECT 1 FROM \"%w\".events e " \
	"WHERE e.uuid = %s.uuid AND (e.kind = 'moved' OR e.offset_ms %% 2000 <> 0)))"
/* The same on a conflict row's events (JSON, in seq order: EV_JSON of merge_versions.c). */
#define SIM_TRACE_JSON \
	"(json_extract(events, '$[0].kind') = 'opened' AND " \
	"json_extract(events, '$[0].offset_ms') = 2000 AND NOT EXISTS (SELECT 1 FROM " \
	"json_each(events) j WHERE json_extract(j.value, '$.kind') = 'moved' OR " \
	"json_extract(j.value, '$.offset_ms') % 2000 <> 0))"

char *store_origin_sql(const char *schema, const char *table, int version)
{
	if (version >= 3)
		return sqlite3_mprintf("%s.origin", table);
	return sqlite3_mprintf("(CASE WHEN " SIM_TRACE_ROWS " THEN 'simulated' ELSE 'field' END)",
			       schema, table, schema, table);
}

const char *store_conflict_interview_sql(int version)
{
	return version >= 3 ? "interview" : "json_set(interview, '$.origin', CASE WHEN "
		SIM_TRACE_JSON " THEN 'simulated' ELSE 'field' END)";
}

static int migrate_origin(sqlite3 *db, char *err)
{
	char *trace = sqlite3_mprintf(SIM_TRACE_ROWS, "main", "interviews", "main", "interviews");
	char *sql = sqlite3_mprintf("%sUPDATE interviews SET origin = 'simulated' WHERE %s;\n"
				    "UPDATE conflicts SET interview = %s;", schema_v3, trace,
				    store_conflict_interview_sql(2));
	int rc = store_exec(db, sql, "cannot add the origin of interviews", err);
	sqlite3_free(sql);
	sqlite3_free(trace);
	return rc;
}

const char *store_origin_name(store_origin o)
{
	switch (o) {
	case ORIGIN_IMPORTED: return "imported";
	case ORIGIN_SIMULATED: return "simulated";
	default: return "field";
	}
}

int store_origin_parse(const char *name, store_origin *out)
{
	for (int o = ORIGIN_FIELD; o < ORIGIN_N; o++)
		if (name && strcmp(name, store_origin_name((store_origin)o)) == 0) {
			*out = (store_origin)o;
			return 0;
		}
	return -1;
}

int store_schema_create(sqlite3 *db, char *err)
{
	if (store_exec(db, schema_v1, "cannot create the tables", err))
		return -1;
	return store_schema_migrate(db, 1, err);
}

/* The step from version N to N+1 at steps[N - 1]: its SQL (what: the error's words), or a
 * function for a step that is more than SQL. Add a row per new schema version. */
static const struct {
	const char *sql, *what;
	int (*fn)(sqlite3 *db, char *err);
} steps[] = {
	{ schema_v2, "cannot add the merge tables", NULL },
	{ NULL, NULL, migrate_origin },
	{ schema_v4, "cannot allow discarded interviews", NULL },
	{ schema_v5, "cannot add the attachments table", NULL },
	{ schema_v6, "cannot add the fieldwork tables", NULL },
	{ schema_v7, "cannot add the sealed table", NULL },
};

static int migrate_to(sqlite3 *db, int from, int to, char *err)
{
	for (int v = from; v < to; v++) {
		if (v < 1 || v > (int)(sizeof steps / sizeof *steps))
			return errf(err, "no migration from schema version %d", v);
		if (steps[v - 1].fn ? steps[v - 1].fn(db, err) :
		    store_exec(db, steps[v - 1].sql, steps[v - 1].what, err))
			return -1;
	}
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", to);
	return store_exec(db, sql, "cannot set the schema version", err);
}

int store_schema_migrate(sqlite3 *db, int from, char *err)
{
	return migrate_to(db, from, STORE_SCHEMA_VERSION, err);
}

int store_schema_expected(int version, sqlite3 **out, char *err)
{
	*out = NULL;
	if (version < 1 || (version > STORE_SCHEMA_VERSION && version != STORE_SCHEMA_RECORDS))
		return errf(err, "no schema version %d", version);
	sqlite3 *db;
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return errf(err, "out of memory");
	}
	int records = version == STORE_SCHEMA_RECORDS;   /* schema 7, its rows turned into records */
	if (store_exec(db, schema_v1, "cannot create the tables", err) ||
	    migrate_to(db, 1, records ? STORE_SCHEMA_VERSION : version, err) ||
	    (records && (record_migrate_7_to_8(db, err) ||
			 store_exec(db, "PRAGMA user_version = 8", "cannot mark the schema", err)))) {
		sqlite3_close(db);
		return -1;
	}
	*out = db;
	return 0;
}
