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

int store_schema_create(sqlite3 *db, char *err)
{
	if (store_exec(db, schema_v1, "cannot create the tables", err))
		return -1;
	return store_schema_migrate(db, 1, err);
}

/* Each step takes version N to N+1; add a case per new schema version. */
int store_schema_migrate(sqlite3 *db, int from, char *err)
{
	for (int v = from; v < STORE_SCHEMA_VERSION; v++) {
		switch (v) {
		default:
			return errf(err, "no migration from schema version %d", v);
		}
	}
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
	return store_exec(db, sql, "cannot set the schema version", err);
}
