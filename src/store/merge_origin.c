/* merge_origin.c: merge keeps simulated interviews and real ones (field, imported) apart — an
 * input that would mix them in the output is refused unless the caller allows it. */
#include "store/merge_impl.h"

#include <stdio.h>
#include <string.h>

#include "util/util.h"

void merge_allow_simulated(merge *m, int allow)
{
	m->allow_simulated = allow;
}

char *merge_src_origin(const merge *m, const char *table)
{
	return store_origin_sql("src", table, m->src_version);
}

/* Interviews of sql's rows (origin, count) by origin into n[ORIGIN_N]. */
static int count_origins(merge *m, const char *sql, long long n[ORIGIN_N], char *err)
{
	sqlite3_stmt *s;
	memset(n, 0, ORIGIN_N * sizeof *n);
	if (store_prepare(m->st->db, sql, &s, err))
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		store_origin o;
		if (store_origin_parse((const char *)sqlite3_column_text(s, 0), &o) == 0)
			n[o] += sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sqlerr(m->st, "cannot read the origin of interviews", err);
	return 0;
}

/* "field", "imported" or "field and imported": the real origins present in n. */
static const char *real_words(const long long n[ORIGIN_N])
{
	if (n[ORIGIN_FIELD] && n[ORIGIN_IMPORTED])
		return "field and imported";
	return n[ORIGIN_FIELD] ? "field" : "imported";
}

/* n := whether the output holds interviews of each origin: at schema 7 an index seek each;
 * at schema 8, whose interviews view has no index on it, one pass over the records' codes
 * (an EXISTS per origin would read every record for each origin it lacks). */
static int output_origins(merge *m, long long n[ORIGIN_N], char *err)
{
	if (m->out8)
		return count_origins(m, "SELECT CASE origin WHEN 0 THEN 'field' WHEN 1 THEN "
				     "'imported' WHEN 2 THEN 'simulated' END, 1 FROM (SELECT "
				     "DISTINCT origin FROM main.records)", n, err);
	return count_origins(m, "SELECT origin, 1 FROM (SELECT 'field' AS origin UNION ALL SELECT "
			     "'imported' UNION ALL SELECT 'simulated') o WHERE EXISTS (SELECT 1 FROM "
			     "interviews i WHERE i.origin = o.origin)", n, err);
}

void merge_origins_merged(merge *m)
{
	for (int o = 0; o < ORIGIN_N; o++)
		m->origins_held[o] |= m->origins_brought[o];
	memset(m->origins_brought, 0, sizeof m->origins_brought);
}

/* The interviews an input brings are those the output lacks, or holds with another origin;
 * merging it again brings none. Refused: when they would leave the output holding simulated
 * and real interviews together (also a mixed input into an empty output).
 * What the output holds is read once a run: an input merged since added what it brought.
 * Nothing merged takes an origin away (a simulated interview replaced by a real version, or
 * the reverse, is refused), so that is exact for simulated and real; which real ones it holds
 * (field, imported: only words in a refusal) is read again before refusing. */
int merge_origin_check(merge *m, char *err)
{
	memset(m->origins_brought, 0, sizeof m->origins_brought);
	if (m->allow_simulated)
		return 0;
	long long in[ORIGIN_N], out[ORIGIN_N];
	char *origin = merge_src_origin(m, "s");
	char *sql = sqlite3_mprintf("SELECT o, count(*) FROM (SELECT s.uuid AS u, %s AS o FROM "
				    "src.interviews s) WHERE NOT EXISTS (SELECT 1 FROM "
				    "interviews i WHERE i.uuid = u AND i.origin = o) GROUP BY o",
				    origin);
	int rc = count_origins(m, sql, in, err);
	sqlite3_free(sql);
	sqlite3_free(origin);
	if (rc)
		return -1;
	if (!m->origins_known) {
		if (output_origins(m, out, err))
			return -1;
		for (int o = 0; o < ORIGIN_N; o++)
			m->origins_held[o] = out[o] > 0;
		m->origins_known = 1;
	}
	for (int o = 0; o < ORIGIN_N; o++)
		out[o] = m->origins_held[o];
	long long in_sim = in[ORIGIN_SIMULATED], in_real = in[ORIGIN_FIELD] + in[ORIGIN_IMPORTED];
	if ((in_sim && (out[ORIGIN_FIELD] || out[ORIGIN_IMPORTED])) ||
	    (in_real && out[ORIGIN_SIMULATED])) {   /* a refusal: the output read exactly */
		if (output_origins(m, out, err))
			return -1;
		for (int o = 0; o < ORIGIN_N; o++)
			m->origins_held[o] = out[o] > 0;
	}
	long long out_real = out[ORIGIN_FIELD] + out[ORIGIN_IMPORTED];
	const char *path = store_path(m->st);
	if (in_sim && out_real)
		return errf(err, "it holds %lld simulated interview%s and '%s' holds %s interviews; "
			    "give --allow-simulated to mix them", in_sim, in_sim == 1 ? "" : "s",
			    path, real_words(out));
	if (in_sim && in_real)
		return errf(err, "it holds %lld simulated and %lld %s interview%s; give "
			    "--allow-simulated to mix them", in_sim, in_real, real_words(in),
			    in_real == 1 ? "" : "s");
	if (in_real && out[ORIGIN_SIMULATED])
		return errf(err, "it holds %lld %s interview%s and '%s' holds simulated interviews; "
			    "give --allow-simulated to mix them", in_real, real_words(in),
			    in_real == 1 ? "" : "s", path);
	for (int o = 0; o < ORIGIN_N; o++)
		m->origins_brought[o] = in[o] > 0;
	return 0;
}
