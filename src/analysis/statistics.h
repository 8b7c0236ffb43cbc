/* statistics.h: the one registry of the statistics of a cross-table — each one's JSON key (the
 * name `survey tab --stats`, the report sheet's stats column and the JSON output use), its
 * English name in `tab`'s text, its label in a report (en, ru, ky), what it needs (table shape,
 * ordered categories, a design, layers) and where its value lives in an analysis_tab. `tab`,
 * `report` and the help of `tab` read it; no other file compares statistic names. */
#ifndef SURVEY_ANALYSIS_STATISTICS_H
#define SURVEY_ANALYSIS_STATISTICS_H

#include <stddef.h>

#include "analysis/analysis.h"

/* What a statistic needs, and how it is read. */
enum {
	STAT_NEEDS_2X2 = 1,        /* a 2x2 table */
	STAT_NEEDS_SAME = 2,       /* the same categories in rows and columns (two raters, before
	                            * and after) */
	STAT_NEEDS_ORDINAL = 4,    /* ordered categories: meaningful only then */
	STAT_NEEDS_DESIGN = 8,     /* a weight, strata or clusters (--weight, --strata, --cluster) */
	STAT_NEEDS_LAYERS = 16,    /* --by: one value across all layers */
	STAT_SRS = 32,             /* a test of the table as counts of a simple random sample: with
	                            * a design the Rao-Scott tests replace it in text */
	STAT_ASKED = 64,           /* above 2x2 computed only when asked for by name (or all) */
	STAT_EXACT = 128,          /* an exact test: its p is read though it has no df */
	STAT_P_ONLY = 256,         /* its value is not shown, only its p */
};

/* Where the value of a statistic lives. */
typedef enum statistic_where {
	STAT_IN_CROSSTAB,      /* a layer's stats_crosstab, at offset */
	STAT_IN_RAO_SCOTT_F,   /* a layer's rao_scott.f */
	STAT_IN_RAO_SCOTT_CHI2,/* a layer's rao_scott.chisq */
	STAT_IN_CMH,           /* the table's cmh.cmh */
	STAT_IN_MH_ODDS_RATIO, /* the table's cmh.odds_ratio */
} statistic_where;

enum { STAT_EN, STAT_RU, STAT_KY, STAT_NLANGS };

typedef struct statistic {
	const char *key;                  /* JSON key: "pearson_chi2", ..., "cmh" */
	const char *name;                 /* English name in `survey tab`'s text output */
	const char *label[STAT_NLANGS];   /* its name in a report: en, ru, ky; NULL where none
	                                   * (statistic_label falls back) */
	unsigned needs;                   /* STAT_* above */
	unsigned members;                 /* STATS_F_* of stats/crosstab.h that tab prints */
	statistic_where where;
	size_t offset;                    /* STAT_IN_CROSSTAB: offsetof(stats_crosstab, member) */
} statistic;

/* The registry, in output order: the statistics of stats_crosstab (in stats_crosstab_fields'
 * order), then the design-based ones, then those across layers. */
extern const statistic statistics[];
extern const int nstatistics;
#define STATISTICS_MAX 64   /* nstatistics is at most this (a flag per statistic fits) */

/* The statistic of that JSON key, or NULL. */
const statistic *statistic_find(const char *key);
/* Its position in statistics[], or -1. */
int statistic_index(const char *key);

/* Its value for layer L of t (STAT_IN_CMH and STAT_IN_MH_ODDS_RATIO: of t; L may then be NULL),
 * or NULL when the table does not carry it (no design, no layers, multiple response). */
const stats_value *statistic_value(const statistic *s, const analysis_tab *t,
				   const analysis_layer *L);

/* Its name in a report in language lang ("ky", "ru"; anything else English): Kyrgyz falls back
 * to the Russian term where there is no settled Kyrgyz one, any language to English, English to
 * the name of `tab`'s text. */
const char *statistic_label(const statistic *s, const char *lang);

/* What it needs, in English words for the help of `tab` ("2x2 table, same categories"), or ""
 * when nothing. */
const char *statistic_needs_text(const statistic *s, char *buf, size_t size);

#endif
