/* quality.c: the quality flags of complete interviews from their event logs and answers
 * (quality.h) — each flag judged against the other interviews given. */
#include "analysis/quality.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/util.h"

static const char *const flag_names[QUALITY_NFLAGS] = {
	"too-fast", "dont-know", "straight-line", "changes", "night", "overlap", "outlier",
};

const char *quality_flag_name(int i)
{
	return i >= 0 && i < QUALITY_NFLAGS ? flag_names[i] : "";
}

int quality_flag_parse(const char *name)
{
	for (int i = 0; i < QUALITY_NFLAGS; i++)
		if (name && strcmp(name, flag_names[i]) == 0)
			return 1 << i;
	return 0;
}

void quality_defaults(quality_opts *o)
{
	*o = (quality_opts){
		.too_fast_ratio = 0.5, .too_fast_min_n = 5,
		.dont_know_share = 0.25, .dont_know_min = 3,
		.straight_run = 5, .changes = 3,
		.night_from = 22, .night_to = 6,
		.outlier_min_n = 3, .outlier_z = 3.5, .outlier_share_floor = 0.1,
	};
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median_d(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* too fast: the log's last offset against the median of the same questionnaire (one median
 * per questionnaire, computed once) */
static void flag_too_fast(const quality_iv *ivs, int n, const quality_opts *o,
			  quality_result *out)
{
	long long *d = xcalloc((size_t)n + 1, sizeof *d);
	char *done = xcalloc((size_t)n + 1, 1);
	for (int i = 0; i < n; i++)
		out[i].duration_ms = ivs[i].nevents ? ivs[i].events[ivs[i].nevents - 1].offset_ms : 0;
	for (int i = 0; i < n; i++) {
		if (done[i])
			continue;
		int m = 0;
		for (int j = i; j < n; j++)
			if (j == i || same(ivs[i].form_id, ivs[j].form_id))
				d[m++] = out[j].duration_ms;
		qsort(d, (size_t)m, sizeof *d, cmp_ll);
		long long med = m % 2 ? d[m / 2] : (d[m / 2 - 1] + d[m / 2]) / 2;
		for (int j = i; j < n; j++) {
			if (j != i && !same(ivs[i].form_id, ivs[j].form_id))
				continue;
			done[j] = 1;
			out[j].median_ms = med;
			if (m >= o->too_fast_min_n &&
			    (double)out[j].duration_ms < o->too_fast_ratio * (double)med)
				out[j].flags |= QF_TOO_FAST;
		}
	}
	free(d);
	free(done);
}

static void flag_answers(const quality_iv *iv, const quality_opts *o, quality_result *r)
{
	int asked = 0, dk = 0;
	for (int k = 0; k < iv->nanswers; k++) {
		store_state s = iv->answers[k].state;
		if (s == STATE_SKIPPED)
			continue;
		asked++;
		if (s == STATE_DONT_KNOW || s == STATE_REFUSED)
			dk++;
	}
	r->dont_know_share = asked ? (double)dk / asked : 0;
	if (dk >= o->dont_know_min && r->dont_know_share >= o->dont_know_share)
		r->flags |= QF_DONT_KNOW;

	/* straight-lining: consecutive answered single choices of one list with one value;
	 * questions not asked (skipped) are passed over, any other answer ends the run */
	int run = 0, start = 0;
	const quality_answer *p = NULL;
	for (int k = 0; k < iv->nanswers; k++) {
		const quality_answer *a = &iv->answers[k];
		if (a->state == STATE_SKIPPED)
			continue;
		if (!a->list || a->state != STATE_ANSWERED || !a->value) {
			run = 0;
			p = NULL;
			continue;
		}
		if (run && p && same(a->list, p->list) && same(a->value, p->value)) {
			run++;
		} else {
			run = 1;
			start = k;
		}
		p = a;
		if (run > r->straight_run) {
			r->straight_run = run;
			r->straight_path = iv->answers[start].path;
		}
	}
	if (r->straight_run >= o->straight_run)
		r->flags |= QF_STRAIGHT_LINE;
}

/* answers changed: "answer" events with a value before, counted per path */
static void flag_changes(const quality_iv *iv, const quality_opts *o, quality_result *r)
{
	for (int k = 0; k < iv->nevents; k++) {
		const quality_event *e = &iv->events[k];
		if (!same(e->kind, "answer") || !e->path || !e->old_value)
			continue;
		int c = 0;
		for (int j = 0; j <= k; j++) {
			const quality_event *f = &iv->events[j];
			if (same(f->kind, "answer") && same(f->path, e->path) && f->old_value)
				c++;
		}
		if (c > r->changes) {
			r->changes = c;
			r->changes_path = e->path;
		}
	}
	if (r->changes >= o->changes)
		r->flags |= QF_CHANGES;
}

static void flag_night(const quality_iv *iv, const quality_opts *o, quality_result *r)
{
	r->night_hour = -1;
	for (int k = 0; k < iv->nevents; k++) {
		time_t t = (time_t)(iv->events[k].at_ms / 1000);
		struct tm tm;
		if (!localtime_r(&t, &tm))
			continue;
		if (tm.tm_hour >= o->night_from || tm.tm_hour < o->night_to) {
			r->night_hour = tm.tm_hour;
			r->flags |= QF_NIGHT;
			return;
		}
	}
}

/* overlap: two interviews of one device whose first-to-last event times intersect */
static void flag_overlap(const quality_iv *ivs, int n, quality_result *out)
{
	for (int i = 0; i < n; i++) {
		if (!ivs[i].nevents)
			continue;
		long long a0 = ivs[i].events[0].at_ms, a1 = ivs[i].events[ivs[i].nevents - 1].at_ms;
		for (int j = 0; j < n; j++) {
			if (j == i || !ivs[j].nevents || !same(ivs[i].device_id, ivs[j].device_id))
				continue;
			long long b0 = ivs[j].events[0].at_ms;
			long long b1 = ivs[j].events[ivs[j].nevents - 1].at_ms;
			if (a0 < b1 && b0 < a1) {
				out[i].flags |= QF_OVERLAP;
				out[i].overlap_uuid = ivs[j].uuid;
				break;
			}
		}
	}
}

/* The interview's answer at path, when it has one (answered, with a value); else NULL. */
static const quality_answer *answer_at(const quality_iv *iv, const char *path)
{
	for (int k = 0; k < iv->nanswers; k++) {
		const quality_answer *a = &iv->answers[k];
		if (same(a->path, path) && a->state == STATE_ANSWERED && a->value)
			return a;
	}
	return NULL;
}

/* A number, not a choice: the answer's value as a finite number. */
static int as_number(const quality_answer *a, double *x)
{
	char *end;
	double v = strtod(a->value, &end);
	if (a->list || end == a->value || *end || !isfinite(v))
		return 0;
	*x = v;
	return 1;
}

static int number_at(const quality_iv *iv, const char *path, double *x)
{
	const quality_answer *a = answer_at(iv, path);
	return a && as_number(a, x);
}

/* Is key a categorical question here: some answer to it is a choice or not a number? */
static int categorical(const quality_iv *ivs, int n, const char *key)
{
	for (int i = 0; i < n; i++) {
		const quality_answer *a = answer_at(&ivs[i], key);
		double x;
		if (a && !as_number(a, &x))
			return 1;
	}
	return 0;
}

/* The interviewer index of name in who[0..*nw), added when new. */
static int interviewer_of(const char **who, int *nw, const char *name)
{
	int w = 0;
	while (w < *nw && !same(who[w], name))
		w++;
	if (w == *nw)
		who[(*nw)++] = name;
	return w;
}

/* The median of x[0..m-1] in *med, and their median absolute deviation from it scaled to a
 * normal standard deviation (x 1.4826), the robust z's denominator; dev: room for m. */
static double robust_spread(double *x, int m, double *dev, double *med)
{
	*med = median_d(x, m);
	for (int k = 0; k < m; k++)
		dev[k] = fabs(x[k] - *med);
	return 1.4826 * median_d(dev, m);
}

/* Flags r as an outlier on key, unless an earlier key already did. */
static void mark_outlier(quality_result *r, const char *key)
{
	if (!(r->flags & QF_OUTLIER)) {
		r->flags |= QF_OUTLIER;
		r->outlier_path = key;
	}
}

/* outliers on a categorical key: for each answer given, the interviewers' shares of it; an
 * interviewer whose share is far from the median interviewer's — robust z (MAD, at least
 * o->outlier_share_floor) above o->outlier_z — among 3 interviewers or more */
static void flag_outlier_share(const quality_iv *ivs, int n, const quality_opts *o,
			       const char *key, quality_result *out)
{
	const char **who = xcalloc((size_t)n + 1, sizeof *who);
	const char **vals = xcalloc((size_t)n + 1, sizeof *vals);
	int *w_of = xcalloc((size_t)n + 1, sizeof *w_of), *cnt = xcalloc((size_t)n + 1, sizeof *cnt);
	int *hits = xcalloc((size_t)n + 1, sizeof *hits), *bad = xcalloc((size_t)n + 1, sizeof *bad);
	double *share = xcalloc((size_t)n + 1, sizeof *share);
	double *dev = xcalloc((size_t)n + 1, sizeof *dev);
	int nw = 0, nv = 0;
	for (int i = 0; i < n; i++) {
		const quality_answer *a = answer_at(&ivs[i], key);
		w_of[i] = -1;
		if (!a)
			continue;
		w_of[i] = interviewer_of(who, &nw, ivs[i].interviewer ? ivs[i].interviewer : "");
		cnt[w_of[i]]++;
		int v = 0;
		while (v < nv && !same(vals[v], a->value))
			v++;
		if (v == nv)
			vals[nv++] = a->value;
	}
	for (int v = 0; v < nv; v++) {
		memset(hits, 0, (size_t)nw * sizeof *hits);
		for (int i = 0; i < n; i++)
			if (w_of[i] >= 0 && same(answer_at(&ivs[i], key)->value, vals[v]))
				hits[w_of[i]]++;
		int m = 0;
		for (int w = 0; w < nw; w++)
			if (cnt[w] >= o->outlier_min_n)
				share[m++] = (double)hits[w] / cnt[w];
		if (m < 3)
			break;
		double med, mad = robust_spread(share, m, dev, &med);
		if (mad < o->outlier_share_floor)
			mad = o->outlier_share_floor;
		for (int w = 0; w < nw; w++)
			if (cnt[w] >= o->outlier_min_n &&
			    fabs((double)hits[w] / cnt[w] - med) / mad > o->outlier_z)
				bad[w] = 1;
	}
	for (int i = 0; i < n; i++)
		if (w_of[i] >= 0 && bad[w_of[i]])
			mark_outlier(&out[i], key);
	free(who);
	free(vals);
	free(w_of);
	free(cnt);
	free(hits);
	free(bad);
	free(share);
	free(dev);
}

/* outliers: an interviewer's mean on a key question far from the other interviewers', by a
 * robust z (median and MAD of the interviewers' means), among 3 interviewers or more */
static void flag_outlier_key(const quality_iv *ivs, int n, const quality_opts *o,
			     const char *key, quality_result *out)
{
	const char **who = xcalloc((size_t)n + 1, sizeof *who);
	double *sum = xcalloc((size_t)n + 1, sizeof *sum), *mean = xcalloc((size_t)n + 1, sizeof *mean);
	int *cnt = xcalloc((size_t)n + 1, sizeof *cnt), nw = 0;
	for (int i = 0; i < n; i++) {
		double x;
		if (!number_at(&ivs[i], key, &x))
			continue;
		int w = interviewer_of(who, &nw, ivs[i].interviewer ? ivs[i].interviewer : "");
		sum[w] += x;
		cnt[w]++;
	}
	int m = 0;
	double *means = xcalloc((size_t)nw + 1, sizeof *means), *dev = xcalloc((size_t)nw + 1, sizeof *dev);
	for (int w = 0; w < nw; w++)
		if (cnt[w] >= o->outlier_min_n)
			means[m++] = mean[w] = sum[w] / cnt[w];
	if (m >= 3) {
		double med, mad = robust_spread(means, m, dev, &med);
		for (int i = 0; i < n; i++) {
			int w = 0;
			while (w < nw && !same(who[w], ivs[i].interviewer ? ivs[i].interviewer : ""))
				w++;
			if (w == nw || cnt[w] < o->outlier_min_n)
				continue;
			double d = fabs(mean[w] - med);
			if (d > 0 && (mad == 0 || d / mad > o->outlier_z))
				mark_outlier(&out[i], key);
		}
	}
	free(who);
	free(sum);
	free(mean);
	free(cnt);
	free(means);
	free(dev);
}

void quality_compute(const quality_iv *ivs, int n, const quality_opts *o, quality_result *out)
{
	for (int i = 0; i < n; i++)
		out[i] = (quality_result){ .night_hour = -1 };
	if (n <= 0)
		return;
	flag_too_fast(ivs, n, o, out);
	for (int i = 0; i < n; i++) {
		flag_answers(&ivs[i], o, &out[i]);
		flag_changes(&ivs[i], o, &out[i]);
		flag_night(&ivs[i], o, &out[i]);
	}
	flag_overlap(ivs, n, out);
	for (int k = 0; k < o->nkeys; k++) {
		if (categorical(ivs, n, o->keys[k]))
			flag_outlier_share(ivs, n, o, o->keys[k], out);
		else
			flag_outlier_key(ivs, n, o, o->keys[k], out);
	}
}
