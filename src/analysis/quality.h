/* quality.h: quality flags of complete interviews, computed from their event logs (paradata) and
 * answers — for the supervisor's review queue (`survey review`). Pure computation: no printing,
 * no SQL; the caller fills the records (quality_read in quality_read.c reads them from a file). */
#ifndef SURVEY_ANALYSIS_QUALITY_H
#define SURVEY_ANALYSIS_QUALITY_H

#include "store/store.h"

/* The flags, as bits of quality_result.flags; quality_flag_name gives their fixed English names
 * (used in --json and by simulate --flag). */
enum quality_flag {
	QF_TOO_FAST = 1 << 0,      /* duration far below the median of its questionnaire */
	QF_DONT_KNOW = 1 << 1,     /* a large share of don't know / refused */
	QF_STRAIGHT_LINE = 1 << 2, /* the same answer across a run of questions with one choice list */
	QF_CHANGES = 1 << 3,       /* one answer changed many times */
	QF_NIGHT = 1 << 4,         /* started or worked at night (local time) */
	QF_OVERLAP = 1 << 5,       /* overlaps in time another interview of the same device */
	QF_OUTLIER = 1 << 6,       /* its interviewer is an outlier on a key question */
};
#define QUALITY_NFLAGS 7
/* "too-fast", "dont-know", "straight-line", "changes", "night", "overlap", "outlier"; bit i. */
const char *quality_flag_name(int i);
/* The flag named so, or 0. */
int quality_flag_parse(const char *name);

/* One event of an interview's log, in log order. */
typedef struct quality_event {
	long long at_ms;         /* wall time, ms since the epoch (UTC) */
	long long offset_ms;     /* monotonic offset from the start (DESIGN.md, Storage) */
	const char *kind;        /* "opened", "answer", "completed", ... */
	const char *path;        /* may be NULL */
	const char *old_value;   /* may be NULL */
	const char *new_value;   /* may be NULL */
} quality_event;

/* One answer, in the questionnaire's order. */
typedef struct quality_answer {
	const char *path;
	const char *value;       /* NULL when none */
	store_state state;
	const char *list;        /* a single choice's choice list name; NULL for other questions */
} quality_answer;

/* One complete interview. Everything borrowed. */
typedef struct quality_iv {
	const char *uuid, *form_id, *device_id, *interviewer;
	const quality_event *events;
	int nevents;
	const quality_answer *answers;
	int nanswers;
} quality_iv;

/* The thresholds; quality_defaults fills them. */
typedef struct quality_opts {
	double too_fast_ratio;   /* duration < ratio x median (0.5) ... */
	int too_fast_min_n;      /* ... among at least this many interviews of the form (5) */
	double dont_know_share;  /* share of don't know + refused among answers (0.25) ... */
	int dont_know_min;       /* ... when at least this many answers are such (3) */
	int straight_run;        /* same answer on this many questions of one list in a row (5) */
	int changes;             /* one answer set this many times after its first (3) */
	int night_from, night_to; /* local hours [from, 24) and [0, to) are night (22, 6) */
	const char *const *keys; /* key questions for interviewer outliers: a number (the
				  * interviewer's mean) or a choice (the share of each answer) */
	int nkeys;
	int outlier_min_n;       /* interviews an interviewer needs to be judged (3) */
	double outlier_z;        /* robust z of the interviewer's mean (or share of an answer)
				  * above which it is flagged (3.5) */
	double outlier_share_floor; /* the least MAD of shares (0.1): with the z above, a share
				  * 35 points from the median interviewer's at least */
} quality_opts;
void quality_defaults(quality_opts *o);

/* What was found for one interview; pointers borrow the input. */
typedef struct quality_result {
	unsigned flags;
	long long duration_ms;      /* last offset of the log */
	long long median_ms;        /* median duration of its questionnaire's interviews */
	double dont_know_share;
	int straight_run;           /* longest run of the same answer in one list */
	const char *straight_path;  /* where that run starts */
	int changes;                /* most changes of one answer */
	const char *changes_path;
	int night_hour;             /* local hour of the first event at night, or -1 */
	const char *overlap_uuid;   /* the other interview, when QF_OVERLAP */
	const char *outlier_path;   /* the key question, when QF_OUTLIER */
} quality_result;

/* Flags of ivs[0..n-1] into out[0..n-1] (each judged against the others: median, device,
 * interviewer). Night is judged in the local time zone (TZ). Never fails. */
void quality_compute(const quality_iv *ivs, int n, const quality_opts *o, quality_result *out);

#endif

/* --- quality_read.c: the flags of every complete interview of an open file ----------------- */

typedef struct quality_item {
	store_interview iv;      /* the interview's row */
	quality_result r;        /* its flags; pointers valid until quality_set_free */
} quality_item;

typedef struct quality_set {
	quality_item *items;     /* complete interviews, oldest first */
	int n;
	struct quality_store *priv; /* what the results point into */
} quality_set;

/* Read every complete interview of st with its event log and answers (in its questionnaire's
 * order, single choices with their list: a questionnaire that does not load gives no lists)
 * and compute the flags. Returns 0, or -1 with err. Free with quality_set_free. */
int quality_read(store *st, const quality_opts *o, quality_set *out, char *err);
void quality_set_free(quality_set *s);
