/* receive.c: `survey receive KIT.db` — a kit applied to a laptop file: checked first (a kit,
 * for this laptop's form, version and interviewer), then merged (merge.h: the kit is untrusted
 * data, the union is idempotent) and its settings written to the laptop's meta. A kit the
 * laptop already holds whole changes nothing; one the merge refuses is refused on a copy of the
 * laptop's file first, so that the file keeps its bytes. */
#include "store/merge_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/fieldwork.h"
#include "store/fw_why.h"
#include "store/merge.h"
#include "util/termsafe.h"
#include "util/util.h"

/* One meta value of database `schema` of db: one printable line of 1..STORE_FW_NAME_MAX
 * bytes, else "" (absent or not as survey writes it). */
static void meta_value(sqlite3 *db, const char *schema, const char *key,
		       char out[STORE_FW_NAME_MAX + 1])
{
	out[0] = '\0';
	sqlite3_stmt *s;
	char *sql = sqlite3_mprintf("SELECT value FROM \"%w\".meta WHERE key = ?1", schema);
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) == SQLITE_TEXT) {
		const char *v = (const char *)sqlite3_column_text(s, 0);
		if (strlen(v) <= STORE_FW_NAME_MAX && termsafe_text_ok(v, 0))
			snprintf(out, STORE_FW_NAME_MAX + 1, "%s", v);
	}
	sqlite3_finalize(s);
}

/* The kit's header, schema and settings, read-only and immutable. */
static int read_kit(const char *kit_path, store_receive_summary *sum, char *err)
{
	char *uri = merge_uri(kit_path, 1);
	sqlite3 *db;
	int rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		errf(err, "cannot open '%s': %s", kit_path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return -1;
	}
	merge_harden(db);
	int version;
	char why[ERR_MAX];
	if (merge_schema_check(db, "main", &version, why)) {
		sqlite3_close(db);
		errf(err, "'%s' is not a kit: %s", kit_path, why);
		return store_fw_why_set(err, FW_WHY_NOT_KIT, 1, kit_path);
	}
	meta_value(db, "main", STORE_KIT_FORM, sum->form_id);
	meta_value(db, "main", STORE_KIT_VERSION, sum->version);
	meta_value(db, "main", STORE_KIT_INTERVIEWER, sum->interviewer);
	sqlite3_close(db);
	if (!*sum->form_id || !*sum->version || !*sum->interviewer) {
		errf(err, "'%s' is not a kit (a survey file made by 'survey kit'): give the file the "
		     "coordinator made for this laptop", kit_path);
		return store_fw_why_set(err, FW_WHY_NOT_KIT, 1, kit_path);
	}
	return 0;
}

/* One integer from sql on st (-1 on error). */
static long long one_int(store *st, const char *sql, char *err)
{
	sqlite3_stmt *s;
	if (store_prepare(st->db, sql, &s, err))
		return -1;
	long long v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	if (v < 0)
		store_sqlerr(st, "cannot read the laptop file", err);
	sqlite3_finalize(s);
	return v;
}

/* Everything the kit (attached as src) brings is in main already. */
static const char already_sql[] =
	"SELECT NOT EXISTS (SELECT 1 FROM src.frame s WHERE NOT EXISTS (SELECT 1 FROM main.frame "
	"m WHERE m.form_id = s.form_id AND m.unit_id = s.unit_id AND m.data = s.data)) AND NOT "
	"EXISTS (SELECT 1 FROM src.assignments s WHERE NOT EXISTS (SELECT 1 FROM "
	"main.assignments m WHERE m.form_id = s.form_id AND m.unit_id = s.unit_id AND "
	"m.interviewer = s.interviewer AND m.uuid = s.uuid AND m.assigned >= s.assigned)) AND "
	"NOT EXISTS (SELECT * FROM src.reviews EXCEPT SELECT * FROM main.reviews) AND NOT "
	"EXISTS (SELECT form_id, version, sha256 FROM src.forms EXCEPT SELECT form_id, version, "
	"sha256 FROM main.forms) AND NOT EXISTS (SELECT uuid FROM src.interviews EXCEPT SELECT "
	"uuid FROM interviews) AND NOT EXISTS (SELECT * FROM src.events EXCEPT SELECT * "
	"FROM events WHERE uuid IN (SELECT uuid FROM src.interviews)) AND NOT EXISTS (SELECT 1 FROM src.meta s WHERE s.key LIKE 'kit\\_%' "
	"ESCAPE '\\' AND s.key <> 'kit_made' AND NOT EXISTS (SELECT 1 FROM main.meta m WHERE "
	"m.key = s.key AND m.value = s.value))";

/* The laptop's checks (read-only): the same form, version and interviewer; already there. */
static int check_laptop(const char *kit_path, const char *laptop_path,
			store_receive_summary *sum, char *err)
{
	store *st;
	if (store_open(laptop_path, STORE_READONLY, &st, err))
		return -1;
	char kform[STORE_FW_NAME_MAX + 1], kver[STORE_FW_NAME_MAX + 1],
	     who[STORE_FW_NAME_MAX + 1];
	meta_value(st->db, "main", STORE_KIT_FORM, kform);
	meta_value(st->db, "main", STORE_KIT_VERSION, kver);
	meta_value(st->db, "main", "interviewer", who);
	int rc = 0;
	if (*kform && (strcmp(kform, sum->form_id) || strcmp(kver, sum->version))) {
		rc = errf(err, "'%s' is a kit for form '%s' version %s, and '%s' works with form "
			  "'%s' version %s: nothing changed; use another laptop file (--db)",
			  kit_path, sum->form_id, sum->version, laptop_path, kform, kver);
		store_fw_why_set(err, FW_WHY_KIT_FORM, 6, kit_path, sum->form_id, sum->version,
				 laptop_path, kform, kver);
	} else if (*who && strcmp(who, sum->interviewer)) {
		rc = errf(err, "'%s' is a kit for %s, and '%s' is %s's: nothing changed; use "
			  "another laptop file (--db)", kit_path, sum->interviewer, laptop_path, who);
		store_fw_why_set(err, FW_WHY_KIT_WHO, 4, kit_path, sum->interviewer, laptop_path,
				 who);
	} else {
		sqlite3_stmt *s;
		rc = store_prepare(st->db, "SELECT form_id FROM interviews WHERE form_id <> ?1 LIMIT "
				   "1", &s, err);
		if (!rc) {
			sqlite3_bind_text(s, 1, sum->form_id, -1, SQLITE_STATIC);
			if (sqlite3_step(s) == SQLITE_ROW) {
				char other[64];
				store_printable((const char *)sqlite3_column_text(s, 0), other,
						sizeof other);
				rc = errf(err, "'%s' is a kit for form '%s', and '%s' holds interviews "
					  "of form '%s': nothing changed; use another laptop file "
					  "(--db)", kit_path, sum->form_id, laptop_path, other);
				store_fw_why_set(err, FW_WHY_KIT_IVS, 4, kit_path, sum->form_id,
						 laptop_path, other);
			}
			sqlite3_finalize(s);
		}
	}
	if (!rc && st->schema_version >= STORE_SCHEMA_FIELDWORK) {
		merge_harden(st->db);
		char *uri = merge_uri(kit_path, 1);
		sqlite3_stmt *s;
		rc = store_prepare(st->db, "ATTACH ?1 AS src", &s, err);
		if (!rc) {
			sqlite3_bind_text(s, 1, uri, -1, SQLITE_STATIC);
			if (sqlite3_step(s) != SQLITE_DONE)
				rc = store_sqlerr(st, "cannot read the kit", err);
			sqlite3_finalize(s);
		}
		free(uri);
		long long v = rc ? -1 : one_int(st, already_sql, err);
		if (v < 0)
			rc = -1;
		sum->already = v == 1;
	}
	store_close(st);
	return rc;
}

/* The kit's settings into the laptop's meta, and the counts of what it brought. */
static int write_settings(const char *kit_path, const char *laptop_path,
			  store_receive_summary *sum, char *err)
{
	store *st;
	if (store_open(laptop_path, 0, &st, err))
		return -1;
	char no_extra[STORE_FW_NAME_MAX + 1];
	sqlite3_stmt *s;
	int rc = store_prepare(st->db, "ATTACH ?1 AS src", &s, err);
	char *uri = merge_uri(kit_path, 1);
	if (!rc) {
		merge_harden(st->db);
		sqlite3_bind_text(s, 1, uri, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sqlerr(st, "cannot read the kit", err);
		sqlite3_finalize(s);
	}
	free(uri);
	if (!rc) {
		meta_value(st->db, "src", STORE_KIT_NO_EXTRA, no_extra);
		rc = store_prepare(st->db, "INSERT OR REPLACE INTO main.meta(key, value) VALUES ('"
				   STORE_KIT_FORM "', ?1), ('" STORE_KIT_VERSION "', ?2), ('"
				   STORE_KIT_INTERVIEWER "', ?3), ('" STORE_KIT_NO_EXTRA "', ?4), "
				   "('interviewer', ?3)", &s, err);
	}
	if (!rc) {
		sqlite3_bind_text(s, 1, sum->form_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, sum->version, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, sum->interviewer, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, strcmp(no_extra, "1") ? "0" : "1", -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sqlerr(st, "cannot write the kit's settings", err);
		sqlite3_finalize(s);
	}
	if (!rc) {
		long long u = one_int(st, "SELECT count(*) FROM src.assignments", err);
		long long r = one_int(st, "SELECT count(*) FROM src.interviews", err);
		sum->units = (int)(u > 0 ? u : 0);
		sum->returned = (int)(r > 0 ? r : 0);
	}
	sqlite3_exec(st->db, "DETACH src", NULL, NULL, NULL);
	store_close(st);
	return rc;
}

/* Merge the kit into out_path; -1 with err (the merge's one line) when it is refused. */
static int merge_kit(const char *kit_path, const char *out_path, int create_flags, char *err)
{
	merge *m;
	if (merge_open(out_path, NULL, 0, create_flags, &m, err))
		return -1;
	merge_result res;
	int rc = merge_input(m, kit_path, &res);
	if (rc) {
		errf(err, "%s: nothing changed", res.rejected ? res.rejected :
		     "the kit could not be merged");
		store_fw_why_set(err, FW_WHY_KIT_MERGE, 2, kit_path, res.rejected ? res.rejected :
				 "?");
	}
	merge_result_release(&res);
	merge_close(m);
	return rc;
}

/* The merge tried first on a copy of the laptop file (pack's consistent snapshot, in a private
 * folder): a kit merge refuses leaves the laptop's file byte for byte as it was. */
static int try_on_copy(const char *kit_path, const char *laptop_path, int create_flags,
		       char *err)
{
	char *dir = store_tmpdir("receive", "cannot make a temporary folder", err);
	if (!dir)
		return -1;
	char *copy = xasprintf("%s/laptop.db", dir);
	int rc = store_pack(laptop_path, copy, NULL, err) ||
		 merge_kit(kit_path, copy, create_flags, err) ? -1 : 0;
	static const char *const ext[] = { "", "-journal", "-wal", "-shm" };
	for (int i = 0; i < 4; i++) {
		char *p = xasprintf("%s%s", copy, ext[i]);
		unlink(p);
		free(p);
	}
	rmdir(dir);
	free(copy);
	free(dir);
	return rc;
}

int store_kit_form(const char *kit_path, void **bytes, size_t *len, char **name, char **kind,
		   char *err)
{
	store_receive_summary sum;
	memset(&sum, 0, sizeof sum);
	store *st;
	if (read_kit(kit_path, &sum, err) || store_open(kit_path, STORE_READONLY, &st, err))
		return -1;
	int rc = store_form_get(st, sum.form_id, sum.version, bytes, len, name, kind, err);
	store_close(st);
	return rc;
}

int store_receive(const char *kit_path, const char *laptop_path, int create_flags,
		  store_receive_summary *sum, char *err)
{
	memset(sum, 0, sizeof *sum);
	struct stat sb;
	if (read_kit(kit_path, sum, err))
		return -1;
	int exists = stat(laptop_path, &sb) == 0;
	if (exists && check_laptop(kit_path, laptop_path, sum, err))
		return -1;
	if (sum->already)
		return 0;
	if ((exists && try_on_copy(kit_path, laptop_path, create_flags, err)) ||
	    merge_kit(kit_path, laptop_path, create_flags, err))
		return -1;
	return write_settings(kit_path, laptop_path, sum, err);
}
