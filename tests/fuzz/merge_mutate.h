/* merge_mutate.h: the structure-aware mutator of fuzz_merge (LLVMFuzzerCustomMutator): half the
 * time libFuzzer's byte mutation; otherwise the input is opened as an SQLite database in memory
 * (sqlite3_deserialize), changed by one SQL-level mutation chosen by the seed — a value made
 * NULL (its NOT NULL dropped), a BLOB, a huge text, a hostile number or string; a view, trigger
 * or (expression) index added; a table turned into a view; a constraint dropped; two columns
 * swapped in the declaration; a row duplicated or deleted; another user_version; the packed
 * hash removed — and serialised back. Only fuzz builds call it (replay.c does not). */
#ifndef FUZZ_MERGE_MUTATE_H
#define FUZZ_MERGE_MUTATE_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size) __attribute__((weak));

static unsigned long long mut_rng;

static unsigned mut_next(unsigned n)
{
	mut_rng ^= mut_rng << 13;
	mut_rng ^= mut_rng >> 7;
	mut_rng ^= mut_rng << 17;
	return n ? (unsigned)(mut_rng % n) : 0;
}

/* A database in memory holding a copy of len bytes, or NULL. */
static sqlite3 *mut_open(const void *data, size_t len)
{
	sqlite3 *db;
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)) {
		sqlite3_close(db);
		return NULL;
	}
	unsigned char *copy = sqlite3_malloc64(len ? len : 1);
	if (copy)
		memcpy(copy, data, len);
	if (!copy || sqlite3_deserialize(db, "main", copy, (sqlite3_int64)len, (sqlite3_int64)len,
					 SQLITE_DESERIALIZE_FREEONCLOSE |
					 SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
	sqlite3_exec(db, "PRAGMA writable_schema = ON", NULL, NULL, NULL);
	return db;
}

/* Serialise db into data (when it fits max_size) and close it: the new size, or 0. */
static size_t mut_close(sqlite3 *db, uint8_t *data, size_t max_size)
{
	sqlite3_int64 n = 0;
	unsigned char *out = sqlite3_serialize(db, "main", &n, 0);
	size_t got = 0;
	if (out && n > 0 && (size_t)n <= max_size) {
		memcpy(data, out, (size_t)n);
		got = (size_t)n;
	}
	sqlite3_free(out);
	sqlite3_close(db);
	return got;
}

/* The text of row `row` of a one-column query, in out (empty if none). */
static void mut_pick(sqlite3 *db, const char *sql, unsigned row, char *out, size_t cap)
{
	sqlite3_stmt *s;
	out[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return;
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW)
		n++;
	sqlite3_reset(s);
	for (int i = 0; n && sqlite3_step(s) == SQLITE_ROW; i++)
		if ((unsigned)i == row % (unsigned)n) {
			const unsigned char *t = sqlite3_column_text(s, 0);
			snprintf(out, cap, "%s", t ? (const char *)t : "");
			break;
		}
	sqlite3_finalize(s);
}

static const char *const mut_values[] = {
	"NULL", "''", "'abc'", "-1", "0", "9223372036854775807", "-9223372036854775808", "1e999",
	"-0.0", "x''", "x'00ff'", "char(27) || '[2J' || char(27) || ']0;x' || char(7)",
	"'a' || char(0) || 'b'", "'2020-13-45'", "'NaN'", "'../../etc/passwd'", "' '",
	"'=HYPERLINK(\"http://x\")'", "'draft'", "'complete'", "'answered'", "'refused'",
	"'00000000-0000-4000-8000-000000000000'", "'q[1]/x'", "'9999-12-31T23:59:59.999Z'",
	"printf('%.*c', 3000, 'x')", "zeroblob(600)", "CAST(%c AS BLOB)", "upper(%c)", "%c || %c",
	"%c + 1",
};

/* One SQL-level mutation k of db, on table t, its column c and its first column d; value v
 * (NULL: one of mut_values). */
static void mut_sql(sqlite3 *db, const char *t, const char *c, const char *d, unsigned k,
		    const char *v)
{
	char *sql = NULL;
	char val[160];
	if (!v)
		v = mut_values[mut_next(sizeof mut_values / sizeof *mut_values)];
	/* %c in a value stands for the column itself */
	size_t o = 0;
	for (const char *p = v; *p && o + 40 < sizeof val; p++) {
		if (p[0] == '%' && p[1] == 'c') {
			o += (size_t)snprintf(val + o, sizeof val - o, "\"%s\"", c);
			p++;
		} else {
			val[o++] = *p;
		}
	}
	val[o] = '\0';
	unsigned off = mut_next(8);
	switch (k) {
	case 0:   /* drop the table's NOT NULLs, then a value */
		sql = sqlite3_mprintf("UPDATE sqlite_schema SET sql = replace(sql, 'NOT NULL', '') "
				      "WHERE name = %Q", t);
		break;
	case 1: case 2: case 3:   /* one value (of the rows sharing a first column) */
		sql = sqlite3_mprintf("UPDATE OR IGNORE \"%w\" SET \"%w\" = %s WHERE \"%w\" IN "
				      "(SELECT \"%w\" FROM \"%w\" LIMIT 1 OFFSET %u)", t, c, val, d, d,
				      t, off);
		break;
	case 4:
		sql = sqlite3_mprintf("CREATE VIEW IF NOT EXISTS \"v%u\" AS SELECT * FROM \"%w\"", k,
				      t);
		break;
	case 5:   /* the table behind a view that hides a row */
		sql = sqlite3_mprintf("ALTER TABLE \"%w\" RENAME TO \"%w_t\"; CREATE VIEW \"%w\" AS "
				      "SELECT * FROM \"%w_t\" LIMIT -1 OFFSET %u", t, t, t, t, off % 2);
		break;
	case 6:
		sql = sqlite3_mprintf("CREATE TRIGGER IF NOT EXISTS \"tr_%w\" AFTER UPDATE ON \"%w\" "
				      "BEGIN SELECT 1; END", t, t);
		break;
	case 7:
		sql = sqlite3_mprintf("CREATE INDEX IF NOT EXISTS \"ix%u\" ON \"%w\"(\"%w\"%s)", off, t,
				      c, off % 2 ? "" : " || 'x'");
		break;
	case 8:   /* a constraint dropped or added in the declaration */
		sql = sqlite3_mprintf("UPDATE sqlite_schema SET sql = %s WHERE name = %Q",
				      (const char *[]){ "replace(sql, 'PRIMARY KEY', 'UNIQUE')",
						       "replace(sql, 'CHECK', 'AND 1 OR')",
						       "replace(sql, 'TEXT', 'BLOB')",
						       "replace(sql, ' WITHOUT ROWID', '')",
						       "replace(sql, 'INTEGER', 'TEXT')",
						       "replace(sql, ')', ', x TEXT)')",
						       "replace(sql, 'TEXT', 'TEXT COLLATE NOCASE')",
						       "replace(sql, 'NOT NULL,', 'NOT NULL "
						       "CHECK(abs(1)),')" }[off], t);
		break;
	case 9:   /* two columns swapped in the declaration */
		sql = sqlite3_mprintf("UPDATE sqlite_schema SET sql = replace(replace(replace(sql, "
				      "'%q ', '@@ '), '%q ', '%q '), '@@ ', '%q ') WHERE name = %Q",
				      c, d, c, d, t);
		break;
	case 10:   /* a row copied with one column changed */
		sql = sqlite3_mprintf("DROP TABLE IF EXISTS temp.x; CREATE TEMP TABLE x AS SELECT * "
				      "FROM \"%w\" LIMIT 1 OFFSET %u; UPDATE temp.x SET \"%w\" = %s; "
				      "INSERT OR IGNORE INTO \"%w\" SELECT * FROM temp.x", t, off, c, val,
				      t);
		break;
	case 11:
		sql = sqlite3_mprintf("DELETE FROM \"%w\" WHERE \"%w\" IN (SELECT \"%w\" FROM \"%w\" "
				      "LIMIT 1 OFFSET %u)", t, d, d, t, off);
		break;
	case 12:
		sql = sqlite3_mprintf("PRAGMA user_version = %d", (int)off - 2);
		break;
	default:
		sql = sqlite3_mprintf("DELETE FROM meta WHERE key = %Q", off % 2 ? "content_sha256"
				      : "device_id");
		break;
	}
	if (sql)
		sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
	mut_rng = 0x9e3779b97f4a7c15ULL ^ seed;
	mut_next(1);
	if (mut_next(2) == 0 || size < 512)
		return LLVMFuzzerMutate(data, size, max_size);
	sqlite3 *db = mut_open(data, size);
	if (!db)
		return LLVMFuzzerMutate(data, size, max_size);
	char t[128], c[128], d[128], *q;
	mut_pick(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
		 mut_next(64), t, sizeof t);
	q = sqlite3_mprintf("SELECT name FROM pragma_table_info(%Q)", t);
	mut_pick(db, q, mut_next(64), c, sizeof c);
	mut_pick(db, q, 0, d, sizeof d);
	sqlite3_free(q);
	unsigned k = mut_next(14);
	mut_sql(db, t, c, d, k, NULL);
	if (k == 0 || k == 8 || k == 9) {   /* a new declaration: reload it, then change a value */
		size_t n = mut_close(db, data, max_size);
		if (!n || !(db = mut_open(data, n)))
			return n ? n : LLVMFuzzerMutate(data, size, max_size);
		size = n;
		mut_sql(db, t, c, d, 1, k == 0 ? "NULL" : NULL);
	}
	size_t n = mut_close(db, data, max_size);
	return n ? n : LLVMFuzzerMutate(data, size, max_size);
}

#endif
