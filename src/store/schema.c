/* schema.c: the tables of the laptop database and the migrations between schema versions. */
#include "store/store_impl.h"

#include <stdio.h>

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
 * and a SHA-256 of its event log; provenance records each input merged (may differ between
 * merge orders, like meta). */
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

int store_schema_create(sqlite3 *db, char *err)
{
	if (store_exec(db, schema_v1, "cannot create the tables", err))
		return -1;
	return store_schema_migrate(db, 1, err);
}

/* Each step takes version N to N+1; add a case per new schema version. */
static int migrate_to(sqlite3 *db, int from, int to, char *err)
{
	for (int v = from; v < to; v++) {
		switch (v) {
		case 1:
			if (store_exec(db, schema_v2, "cannot add the merge tables", err))
				return -1;
			break;
		default:
			return errf(err, "no migration from schema version %d", v);
		}
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
	if (version < 1 || version > STORE_SCHEMA_VERSION)
		return errf(err, "no schema version %d", version);
	sqlite3 *db;
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return errf(err, "out of memory");
	}
	if (store_exec(db, schema_v1, "cannot create the tables", err) ||
	    migrate_to(db, 1, version, err)) {
		sqlite3_close(db);
		return -1;
	}
	*out = db;
	return 0;
}
