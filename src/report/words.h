/* words.h: the report's own texts in Kyrgyz, Russian and English — headings, column names,
 * and sentences with blanks (the test in words, warnings, the methods) — so that a report in
 * one language has no word of another. Other language codes get English. */
#ifndef SURVEY_REPORT_WORDS_H
#define SURVEY_REPORT_WORDS_H

#include "util/util.h"

typedef enum report_word {
	RW_CONTENTS, RW_METHODS, RW_TABLE, RW_NOTE, RW_TOTAL, RW_COUNT, RW_PERCENT,
	RW_VALID_PERCENT, RW_CUM_PERCENT, RW_CI_LOW, RW_CI_HIGH, RW_ROW_PCT, RW_COL_PCT,
	RW_TOTAL_PCT, RW_EXPECTED, RW_RESIDUAL, RW_STD_RESIDUAL, RW_ADJ_RESIDUAL, RW_NO_ANSWER,
	RW_DONT_KNOW, RW_REFUSED, RW_SKIPPED, RW_SIMULATED, RW_SIMULATED_NOTE, RW_MADE_WITH,
	RW_PCT_OF_INTERVIEWS, RW_PCT_WITHIN, RW_STATISTIC, RW_VALUE, RW_N, RW_MEAN, RW_SD,
	RW_MEDIAN, RW_MIN, RW_MAX, RW_Q1, RW_Q3, RW_INTERVIEWER, RW_INTERVIEWS, RW_SHEET,
	RW_TITLE, RW_WARNING, RW_TEST, RW_CHI2, RW_FISHER, RW_RAO_SCOTT, RW_CMH, RW_DEVICE,
	RW_BY_INTERVIEWER, RW_ROWS, RW_COLUMNS, RW_LAYERS, RW_QUESTIONNAIRE, RW_FIELDWORK,
	RW_DATE, RW_NOT_ASKED, RW_IN_EACH_CELL, RW_GROUPS, RW_PCT_OF_ANSWERS, RW_SIMULATED_SHORT, RW_VERSION,
	/* helper `report` (issue 14) */
	RW_FINDINGS, RW_CI95, RW_ANSWER, RW_ANNEX, RW_GLOSSARY, RW_BASE_INTERVIEWS, RW_PAGE,
	RW_QUESTIONNAIRE_ANNEX, RW_CHOICES, RW_FINDINGS_NONE, RW_MORE_THAN_100,
	RW_NWORDS
} report_word_id;

/* The word in language `lang` (a code: "ky", "ru"; anything else gives English). */
/* The column of a language in the text tables of words.c and sentences.c: any code other than
 * "ru" and "ky" reads as English. */
enum { REPORT_EN, REPORT_RU, REPORT_KY, REPORT_NLANGS };
int report_lang_ix(const char *lang);

const char *report_word(const char *lang, report_word_id w);

/* Sentences with blanks %1$s, %2$s, ... (every argument a string; the order of the blanks
 * differs between languages). */
typedef enum report_sentence {
	RS_SIGNIFICANT,      /* groups, test, p: the difference is significant */
	RS_NOT_SIGNIFICANT,  /* groups, test, p */
	RS_SIGNIFICANT_CMH,  /* test, p: the association taking all layers together */
	RS_NOT_SIGNIFICANT_CMH,
	RS_NO_TEST,          /* why (in the report's language) */
	RS_SMALL_EXPECTED_FISHER,  /* k, m, percent, smallest: Fisher's test is given instead */
	RS_SMALL_EXPECTED,   /* k, m, percent, smallest: the test may be inaccurate */
	RS_MONTE_CARLO,      /* tables B */
	RS_ONE_CATEGORY,     /* question label: all its answers fall in one category */
	RS_ONE_CATEGORY_FREQ,   /* category label: every answer is this one */
	RS_NO_DATA,          /* (nothing) */
	RS_NO_DATA_WHERE,    /* filter */
	RS_MULTIPLE,         /* (nothing): percentages add up to more than 100 */
	RS_WEIGHTED,         /* weight question */
	RS_DROPPED,          /* number of categories without answers left out */
	RS_BASE,             /* n: interviews counted */
	RS_BASE_WHERE,       /* n, filter */
	RS_MISSING,          /* n: without an answer (don't know, refused, skipped) */
	RS_MEASURE,          /* name, value: "Strength of association (Cramér's V): 0.12" */
	RS_M_FORM,           /* title, id, version */
	RS_M_DATES,          /* first, last */
	RS_M_INCLUDED,       /* n complete interviews counted */
	RS_M_EXCLUDED_DRAFTS,   /* n drafts */
	RS_M_EXCLUDED_OTHER,    /* n interviews of other questionnaires */
	RS_M_EXCLUDED_WHERE,    /* n, filter */
	RS_M_WEIGHTS_NONE,
	RS_M_WEIGHTS,        /* weight question */
	RS_M_TESTS,          /* how tests are chosen and read */
	RS_M_MISSING,        /* don't know and refused are left out */
	RS_M_INTERVIEWERS,   /* n interviewers, k devices */
	RS_M_VERSIONS,       /* versions list */
	RS_DATE_RANGE,       /* first, last */
	RS_SIMULATED_COUNT,  /* n simulated, n complete: under the simulated-data banner */
	/* helper `report` (issue 14): key findings, don't know, open answers, the passport */
	RS_F_TOP,            /* table title, the list of answers, table caption */
	RS_F_MORE_THAN,      /* group, answer, other group, pct, other pct, p, table caption */
	RS_F_LESS_THAN,
	RS_F_MORE_REST,      /* group, answer, (unused), pct, others' pct, p, table caption */
	RS_F_LESS_REST,
	RS_F_MORE_FLAGS,     /* n more flagged cells, table caption */
	RS_F_NO_CELL,        /* table title, test and p, table caption */
	RS_F_MR_HOOK,        /* (nothing): a multiple-response cross-tab with no test per answer */
	RS_F_MR_DIFFERS,     /* the answer, its Holm-adjusted p: it differs between the groups */
	RS_F_MR_SAME,        /* (nothing): tested answer by answer, none differs */
	RS_LEGEND,           /* cells m, critical |z| */
	RS_M_FLAGS,          /* (nothing): how the ▲▼ marks and the findings are found */
	RS_M_DK_CATEGORY,    /* the don't-know label */
	RS_M_DK_EXCLUDED,    /* the don't-know label */
	RS_M_DK_MIXED,       /* the don't-know label, the tables that leave it out */
	RS_M_MISSING_REST,   /* (nothing): not asked and empty answers */
	RS_DK_LEFT_OUT,      /* the don't-know label, n */
	RS_ANSWERS_COUNT,    /* n answers, n different ones */
	RS_ANSWERS_ANNEX,    /* n shown per group, the annex table's caption */
	RS_ANSWERS_NONE,     /* (nothing) */
	RS_M_RESPONSE,       /* complete, frame size, rate */
	RS_M_UNITS,          /* n distinct, question label */
	RS_M_LIMITS_SIM,     /* (nothing) */
	RS_M_LIMITS_SELF,    /* (nothing) */
	RS_M_LIMITS_SMALL,   /* n tables with small expected counts */
	RS_M_LIMITS_UNWEIGHTED,   /* (nothing) */
	RS_M_LIMITS_NOFRAME, /* (nothing) */
	RS_M_LIMITS_SEALED,  /* n interviews sealed, not opened (seal17) */
	RS_G_PCT, RS_G_CI, RS_G_P, RS_G_CHI2, RS_G_FISHER, RS_G_CRAMER, RS_G_ADJ, RS_G_DF,
	RS_G_GAMMA, RS_G_RAO_SCOTT, RS_G_CMH, RS_G_MULTIPLE,
	/* helper field15b (issue 15) */
	RS_M_APPROVED,       /* n approved and counted, n complete (report --status approved) */
	RS_NSENTENCES
} report_sentence;

/* Append the sentence in language lang to sb, with its blanks filled by the nargs strings. */
void report_say(strbuf *sb, const char *lang, report_sentence s, int nargs, ...);

/* Append s between the language's quotation marks: “s” in English, «s» in Russian and Kyrgyz. */
void report_quote(strbuf *sb, const char *lang, const char *s);

#endif
