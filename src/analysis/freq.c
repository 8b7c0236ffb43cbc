/* freq.c: one-way frequencies — counts, percents, valid and cumulative percents, intervals for
 * proportions (design-based with weights), select_multiple as % of responses and of cases, and
 * a summary of numeric questions. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis_impl.h"
#include "stats/summary.h"
#include "util/util.h"

/* Design-based proportion of category `cat` among the cases with a code (design: svymean,
 * interval: svyciprop logit). codes[i]: category or -2. */
static int design_prop(const stats_design_prep *dp, const int *codes, int k, int cat,
		       double conf, analysis_freq_row *r, double *df, char *err)
{
	stats_design_prop *p = xcalloc((size_t)k, sizeof *p);
	int rc = stats_design_props(dp, codes, k, conf, STATS_SVYCI_LOGIT, p, df, err);
	if (rc == 0) {
		r->se = 100 * p[cat].se;
		r->ci_low = 100 * p[cat].ci_low;
		r->ci_high = 100 * p[cat].ci_high;
	}
	free(p);
	return rc;
}

static void summary(const an_data *d, const an_col *col, const stats_design_prep *dp,
		    double conf, analysis_freq *f)
{
	analysis_summary *s = &f->summary;
	stats_moments m;
	stats_moments_init(&m);
	double *x = xmalloc(sizeof(double) * (d->n ? d->n : 1));
	double *w = d->w ? xmalloc(sizeof(double) * (d->n ? d->n : 1)) : NULL;
	size_t k = 0;
	for (size_t i = 0; i < d->n; i++) {
		double v = d->in[i] ? col->num[i] : NAN;
		if (isnan(v))
			continue;
		stats_moments_add(&m, v, d->w ? d->w[i] : 1);
		x[k] = v;
		if (w)
			w[k] = d->w[i];
		k++;
	}
	f->has_summary = 1;
	s->n = m.n_cases;
	s->sum_w = m.w;
	s->mean = stats_moments_mean(&m);
	s->sd = stats_moments_sd(&m);
	s->min = m.min;
	s->max = m.max;
	double probs[3] = { 0.25, 0.5, 0.75 }, q[3] = { NAN, NAN, NAN };
	char why[ERR_MAX];
	if (k)
		stats_quantiles(x, w, k, probs, 3, 7, q, why);
	s->q25 = q[0];
	s->median = q[1];
	s->q75 = q[2];
	s->mean_se = s->mean_ci_low = s->mean_ci_high = NAN;
	if (dp && k) {
		double *xs = xmalloc(sizeof(double) * d->n), mean, se;
		for (size_t i = 0; i < d->n; i++)
			xs[i] = d->in[i] ? col->num[i] : NAN;
		if (stats_design_mean(dp, xs, &mean, &se, why) == 0) {
			double z = stats_z(conf);
			s->mean_se = se;
			s->mean_ci_low = mean - z * se;
			s->mean_ci_high = mean + z * se;
		}
		free(xs);
	} else if (k > 1) {
		s->mean_se = s->sd / sqrt(s->n);
		double t = stats_t(conf, s->n - 1);
		s->mean_ci_low = s->mean - t * s->mean_se;
		s->mean_ci_high = s->mean + t * s->mean_se;
	}
	free(x);
	free(w);
}

/* Count the interviews d keeps into f's rows and totals; how many have no valid answer. */
static double freq_count(const an_data *d, const an_col *col, analysis_freq *f)
{
	const analysis_var *v = &col->var;
	double missing_cases = 0;
	for (size_t i = 0; i < d->n; i++) {
		if (!d->in[i])
			continue;
		double w = d->w ? d->w[i] : 1;
		f->n_cases++;
		f->total += w;
		int k = col->code[i];
		if (k == AN_SEL) {
			f->valid += w;
			for (size_t s = col->start[i]; s < col->start[i + 1]; s++) {
				f->rows[col->sel[s]].count += w;
				f->rows[col->sel[s]].cases++;
				f->responses += w;
			}
			continue;
		}
		if (k >= 0) {
			f->rows[k].count += w;
			f->rows[k].cases++;
		}
		if (k >= 0 && k < v->nvalid) {
			f->valid += w;
		} else {
			f->missing += w;
			missing_cases++;
		}
	}
	return missing_cases;
}

/* The percents of f's rows and, without a design, their intervals (opts.ci). */
static void freq_percents(const analysis_var *v, const stats_design_prep *dp, double conf,
			  const analysis_opts *o, analysis_freq *f)
{
	int multiple = v->vtype == ANALYSIS_MULTIPLE;
	double cum = 0;
	for (int c = 0; c < v->ncat; c++) {
		analysis_freq_row *r = &f->rows[c];
		int valid = c < v->nvalid;
		double base = multiple ? f->responses : f->total;
		r->percent = base > 0 && (valid || !multiple) ? 100 * r->count / base : NAN;
		if (!valid)
			continue;
		double denom = f->valid;   /* single: valid answers; multiple: respondents */
		if (multiple) {
			r->cases_percent = denom > 0 ? 100 * r->count / denom : NAN;
		} else {
			r->valid_percent = denom > 0 ? 100 * r->count / denom : NAN;
			cum += r->count;
			r->cum_percent = denom > 0 ? 100 * cum / denom : NAN;
		}
		if (!dp && denom > 0) {
			double lo, hi;
			if (stats_prop_ci(r->count, denom, conf, o->ci, &lo, &hi) == 0) {
				r->ci_low = 100 * lo;
				r->ci_high = 100 * hi;
			}
		}
	}
}

/* With a design: the intervals of f's valid rows (svyciprop, logit), a select_multiple's
 * choice by choice. -1 with err. */
static int freq_design(const an_data *d, const an_col *col, const stats_design_prep *dp,
		       double conf, analysis_freq *f, char *err)
{
	const analysis_var *v = &col->var;
	int rc = 0;
	int *codes = xmalloc(sizeof(int) * d->n);
	if (v->vtype == ANALYSIS_MULTIPLE) {
		for (int c = 0; c < v->nvalid && !rc; c++) {
			for (size_t i = 0; i < d->n; i++) {
				int sel = 0;
				if (d->in[i] && col->code[i] == AN_SEL) {
					for (size_t s = col->start[i]; s < col->start[i + 1]; s++)
						sel |= col->sel[s] == c;
					codes[i] = sel;
				} else {
					codes[i] = -2;
				}
			}
			if (f->rows[c].count > 0 && f->rows[c].count < f->valid &&
			    design_prop(dp, codes, 2, 1, conf, &f->rows[c], &f->design_df, err))
				rc = -1;
		}
	} else {
		for (size_t i = 0; i < d->n; i++) {
			int k = col->code[i];
			codes[i] = d->in[i] && k >= 0 && k < v->nvalid ? k : -2;
		}
		stats_design_prop *p = xcalloc((size_t)v->nvalid + 1, sizeof *p);
		rc = stats_design_props(dp, codes, v->nvalid, conf, STATS_SVYCI_LOGIT, p,
					&f->design_df, err) ? -1 : 0;
		for (int c = 0; c < v->nvalid && !rc; c++) {
			f->rows[c].se = 100 * p[c].se;
			f->rows[c].ci_low = 100 * p[c].ci_low;
			f->rows[c].ci_high = 100 * p[c].ci_high;
		}
		free(p);
	}
	free(codes);
	return rc;
}

/* The frequencies of column col into f; f->var is a copy of the column's variable, or with
 * borrow the variable itself (shallow: the caller zeroes it before releasing f): the counts,
 * the percents and intervals, the summary of a number, the notes. */
static int freq_one(const an_data *d, const an_col *col, const stats_design_prep *dp,
		    const analysis_opts *o, analysis_freq *f, int borrow, char *err)
{
	const analysis_var *v = &col->var;
	double conf = o->conf_level > 0 ? o->conf_level : 0.95;
	if (borrow)
		f->var = *v;
	else
		an_var_copy(&f->var, v);
	f->design = dp != NULL;
	f->design_df = NAN;
	f->nrows = v->ncat;
	f->rows = xcalloc((size_t)v->ncat + 1, sizeof *f->rows);
	for (int c = 0; c < v->ncat; c++) {
		analysis_freq_row *r = &f->rows[c];
		r->cat = c;
		r->valid_percent = r->cum_percent = r->cases_percent = NAN;
		r->ci_low = r->ci_high = r->se = NAN;
	}
	double missing_cases = freq_count(d, col, f);
	freq_percents(v, dp, conf, o, f);
	if (dp && f->valid > 0 && freq_design(d, col, dp, conf, f, err))
		return -1;
	if (col->num)
		summary(d, col, dp, conf, f);
	if (f->n_cases == 0)
		an_note(&f->notes, 1, "no interview to count%s", o->where ?
			" (--where keeps none)" : "");
	else if (dp && isfinite(f->design_df))
		an_note(&f->notes, 0, "intervals are design-based (svyciprop, logit) with %g "
			"degrees of freedom%s", f->design_df, o->ci_set ? "; --ci does not apply "
			"to weighted or design-based data" : "");
	else if (dp)
		an_note(&f->notes, 0, "no design-based interval: no interview has an answer");
	if (missing_cases > 0 && !o->include_missing)
		an_note(&f->notes, 0, "%.0f interview%s without an answer (--include-missing shows "
			"them by kind)", missing_cases, missing_cases == 1 ? "" : "s");
	return 0;
}

int analysis_freq_run(analysis_db *db, const char *const *vars, int nvars,
		      const analysis_opts *opts, analysis_freq **out, char *err)
{
	static const analysis_opts defaults;
	const analysis_opts *o = opts ? opts : &defaults;
	*out = NULL;
	an_data d;
	stats_design_prep *dp;
	if (an_data_open(db, vars, nvars, o, 0, &d, &dp, err))
		return -1;
	analysis_freq *f = xcalloc((size_t)nvars + 1, sizeof *f);
	int rc = 0;
	for (int k = 0; k < nvars && rc == 0; k++) {
		for (int n = 0; n < d.notes.n; n++)
			an_note(&f[k].notes, d.notes.items[n].warning, "%s", d.notes.items[n].text);
		f[k].simulated = (double)d.simulated;
		rc = freq_one(&d, &d.cols[k], dp, o, &f[k], 0, err);
	}
	stats_design_free(dp);
	an_data_release(&d);
	if (rc) {
		analysis_freq_free(f, nvars);
		return -1;
	}
	*out = f;
	return 0;
}

int analysis_freq_split_each(analysis_db *db, const char *var, const char *by,
			     const char *const *values, int nvalues, const analysis_opts *opts,
			     analysis_freq_fn fn, void *arg, char *err)
{
	static const analysis_opts defaults;
	const analysis_opts *o = opts ? opts : &defaults;
	const char *vars[2] = { var, by };
	an_data d;
	stats_design_prep *dp;
	if (an_data_open(db, vars, 2, o, 0, &d, &dp, err))
		return -1;
	const an_col *bc = &d.cols[1];
	if (bc->var.vtype == ANALYSIS_MULTIPLE) {   /* a case may be in many groups: not here */
		stats_design_free(dp);
		an_data_release(&d);
		return errf(err, "'%s' is select_multiple", by);
	}
	unsigned char *in = d.in, *group = xmalloc(d.n ? d.n : 1);
	int rc = 0;
	for (int k = -1; k < nvalues && rc == 0; k++) {
		if (k >= 0) {   /* the cases whose answer to by is values[k] */
			int cat = -1;
			for (int j = 0; j < bc->var.nvalid && cat < 0; j++)
				if (strcmp(bc->var.cats[j].value, values[k]) == 0)
					cat = j;
			for (size_t i = 0; i < d.n; i++)
				group[i] = in[i] && cat >= 0 && bc->code[i] == cat;
			d.in = group;
		}
		analysis_freq r;
		memset(&r, 0, sizeof r);
		for (int n = 0; n < d.notes.n; n++)
			an_note(&r.notes, d.notes.items[n].warning, "%s", d.notes.items[n].text);
		r.simulated = (double)d.simulated;
		/* every group has the same variable: lent to fn, never copied per group */
		rc = freq_one(&d, &d.cols[0], dp, o, &r, 1, err);
		if (rc == 0)
			rc = fn(arg, k, &r);
		memset(&r.var, 0, sizeof r.var);
		analysis_freq_release(&r);
	}
	d.in = in;
	free(group);
	stats_design_free(dp);
	an_data_release(&d);
	return rc;
}

/* analysis_freq_split's callback: each result moved into the array, with its own copy of the
 * variable. */
static int keep_group(void *arg, int k, analysis_freq *f)
{
	analysis_freq *all = arg;
	all[k + 1] = *f;
	an_var_copy(&all[k + 1].var, &f->var);
	memset(f, 0, sizeof *f);
	return 0;
}

int analysis_freq_split(analysis_db *db, const char *var, const char *by,
			const char *const *values, int nvalues, const analysis_opts *opts,
			analysis_freq **out, char *err)
{
	*out = NULL;
	analysis_freq *f = xcalloc((size_t)nvalues + 2, sizeof *f);
	if (analysis_freq_split_each(db, var, by, values, nvalues, opts, keep_group, f, err)) {
		analysis_freq_free(f, nvalues + 1);
		return -1;
	}
	*out = f;
	return 0;
}

void analysis_freq_release(analysis_freq *f)
{
	analysis_var_release(&f->var);
	free(f->rows);
	an_notes_release(&f->notes);
	memset(f, 0, sizeof *f);
}

void analysis_freq_free(analysis_freq *f, int n)
{
	if (!f)
		return;
	for (int k = 0; k < n; k++)
		analysis_freq_release(&f[k]);
	free(f);
}
