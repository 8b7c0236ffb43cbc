/* simulate.h: `survey simulate` — many interviews of a questionnaire with random but valid
 * answers, made by driving the interview engine as an interviewer would (relevance,
 * constraints, choice filters, repeats, don't know/refused, drafts). The same seed gives the
 * same data: answers, UUIDs, device ids and the fake clock all come from one seeded RNG. */
#ifndef SURVEY_SIMULATE_H
#define SURVEY_SIMULATE_H

#include "form/form.h"
#include "store/store.h"

enum simulate_flag {
	SIM_FLAG_TOO_FAST = 1,      /* the clock runs four times faster: 0.5 s per write */
	SIM_FLAG_STRAIGHT_LINE = 2, /* every single choice takes the first choice offered */
	SIM_FLAG_NIGHT = 4,         /* starts at 23:00 in Kyrgyzstan (17:00 UTC) */
	SIM_FLAG_DONT_KNOW = 8,     /* 40% of answers don't know or refused */
};

typedef struct simulate_opts {
	long n;                   /* interviews to make */
	unsigned long long seed;  /* the same seed gives the same interviews */
	int ndevices;             /* device ids the interviews are spread over (>= 1) */
	const char *interviewer;  /* NULL: one made-up name per device */
	double draft_rate;        /* fraction left unfinished as drafts (e.g. 0.05) */
	double special_rate;      /* fraction of answers that are don't know / refused (0.02) */
	int batch;                /* interviews per transaction (0: 1000) */
	/* flagged interviews for demonstrations of `survey review` (SIM_FLAG_* bits; 0: none,
	 * and the data are those of a run without them): a share flag_rate of the interviews,
	 * drawn from the seed, is made too fast, straight-lined, at night or full of don't know */
	unsigned flags;
	double flag_rate;
	/* the questionnaire's source, embedded once in every database: a file path, or NULL when
	 * already embedded */
	const char *source_path;
	/* called after every batch is committed (may be NULL); the simulator never prints */
	void (*progress)(void *arg, long done, long total);
	void *progress_arg;
} simulate_opts;

/* What a run made. */
typedef struct simulate_stats {
	long interviews;          /* started */
	long completed;           /* completed (the rest are drafts) */
	long answers;             /* answers saved (including don't know / refused) */
	long specials;            /* of which don't know or refused */
	long retries;             /* values refused by a constraint and drawn again */
} simulate_stats;

/* Make o->n interviews of form f. With nstores == 1 every interview goes into stores[0] under
 * one of o->ndevices device ids; otherwise nstores must equal o->ndevices and interview i
 * goes into the store of its device. Returns 0 (stats filled when not NULL), or -1 with err;
 * interviews of batches already committed stay. */
int simulate_run(store **stores, int nstores, const form *f, const simulate_opts *o,
		 simulate_stats *stats, char *err);

/* The seeded generator, exposed for tests: xorshift64* after a splitmix64 seeding. */
typedef struct sim_rng {
	unsigned long long s;
} sim_rng;
void sim_rng_seed(sim_rng *r, unsigned long long seed);
unsigned long long sim_rng_next(sim_rng *r);
double sim_rng_unit(sim_rng *r);                  /* [0, 1) */
long sim_rng_range(sim_rng *r, long lo, long hi); /* lo..hi inclusive */
/* A version 4 UUID from the generator, lowercase, in out (37 bytes). */
void sim_rng_uuid(sim_rng *r, char out[STORE_UUID_LEN + 1]);
/* simulate_geo.c: a random geopoint, geotrace or geoshape (t) in Kyrgyzstan, as ODK's text
 * ("lat lon alt acc" joined by ';', a shape closed). malloc'd. */
char *sim_geo_value(sim_rng *r, form_type t);

#endif
