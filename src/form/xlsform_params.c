/* xlsform_params.c: the survey sheet's parameters column — "key=value" pairs read as pyxform
 * reads them, and each type's accepted keys and values (range, text rows, select
 * randomize/seed/value/label, geo accuracy and tracing, media quality and size). */
#include "form/form_impl.h"
#include "util/cnum.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A copy of a parameters cell without the blanks around each '=' ("start = 1" is start=1,
 * as pyxform reads it). Caller frees. */
static char *param_squeeze(const char *s)
{
	strbuf sb = STRBUF_INIT;
	for (const char *p = s; *p; p++) {
		if (*p == ' ' || *p == '\t') {
			const char *q = p;
			while (*q == ' ' || *q == '\t')
				q++;
			if (*q == '=' || (sb.len && sb_str(&sb)[sb.len - 1] == '=')) {
				p = q - 1;
				continue;
			}
		}
		sb_addc(&sb, *p);
	}
	return sb_detach(&sb);
}

/* "key=value" pairs separated by blanks, ',' or ';'. Checks keys against `allowed` (NULL:
 * anything) and numbers where `numeric`. Returns 0, or -1 after reporting. */
static int parse_params(form_loader *ld, const char *sname, int row, const char *col,
		const char *s, const char *const *allowed, int numeric, double *vals)
{
	char *copy = param_squeeze(s), *save = NULL;
	int rc = 0;
	for (char *tok = strtok_r(copy, " \t\n,;", &save); tok; tok = strtok_r(NULL, " \t\n,;",
										   &save)) {
		char *eq = strchr(tok, '=');
		if (!eq || eq == tok) {
			form_err(ld, sname, row, col, -1, "parameter '%s' is not written key=value", tok);
			rc = -1;
			continue;
		}
		*eq = '\0';
		int k = -1;
		for (int i = 0; allowed && allowed[i]; i++)
			if (ascii_casecmp(tok, allowed[i]) == 0)
				k = i;
		if (allowed && k < 0) {
			strbuf sb = STRBUF_INIT;
			for (int i = 0; allowed[i]; i++)
				sb_addf(&sb, "%s%s", i ? ", " : "", allowed[i]);
			form_err(ld, sname, row, col, -1, "unknown parameter '%s' (accepted: %s)", tok,
				 sb_str(&sb));
			sb_release(&sb);
			rc = -1;
			continue;
		}
		if (numeric && k >= 0 && strcmp(allowed[k], "tick_labelset") != 0) {
			char *end;
			double d = cnum_strtod(eq + 1, &end);
			if (end == eq + 1 || *end || !isfinite(d)) {
				form_err(ld, sname, row, col, -1, "parameter '%s' must be a number, not "
					 "'%s'", tok, eq + 1);
				rc = -1;
				continue;
			}
			vals[k] = d;
		}
	}
	free(copy);
	return rc;
}

/* The value of parameter `key` (ASCII case-insensitive) in a valid parameters cell; NULL if
 * absent. Caller frees. */
static char *param_value(const char *params, const char *key)
{
	char *copy = param_squeeze(params), *save = NULL, *v = NULL;
	for (char *tok = strtok_r(copy, " \t\n,;", &save); tok && !v;
	     tok = strtok_r(NULL, " \t\n,;", &save)) {
		char *eq = strchr(tok, '=');
		*eq = '\0';
		if (ascii_casecmp(tok, key) == 0)
			v = xstrdup(eq + 1);
	}
	free(copy);
	return v;
}

/* randomize=true|false and seed=NUMBER|${q} of a select (pyxform's rules). */
static void randomize_params(form_loader *ld, form_node *n, const char *sname, const char *pcol)
{
	char *r = param_value(n->parameters, "randomize"), *seed = param_value(n->parameters, "seed");
	int yes = r ? form_yes_no(r) : 0;
	if (r && (yes < 0 || (ascii_casecmp(r, "true") && ascii_casecmp(r, "false"))))
		form_err(ld, sname, n->row, pcol, -1, "randomize must be true or false, not '%s'", r);
	else if (seed && yes != 1)
		form_err(ld, sname, n->row, pcol, -1, "seed needs randomize=true as well");
	else if (seed) {
		char *end;
		size_t len = strlen(seed);
		double d = cnum_strtod(seed, &end);
		int ref = len > 3 && !strncmp(seed, "${", 2) && seed[len - 1] == '}';
		if (!ref && (end == seed || *end || !isfinite(d)))
			form_err(ld, sname, n->row, pcol, -1, "seed must be a number or a ${question} "
				 "reference, not '%s'", seed);
		else
			n->src[FORM_X_SEED] = xstrdup(seed);
	}
	n->randomize = yes == 1;
	free(r);
	free(seed);
}

/* Parameter `key` of n, when present, is a number (whole: digits after an optional sign). */
static void number_param(form_loader *ld, form_node *n, const char *sname, const char *pcol,
			 const char *key, int whole)
{
	char *v = param_value(n->parameters, key), *end;
	if (!v)
		return;
	double d = cnum_strtod(v, &end);
	const char *digits = v + (*v == '-' || *v == '+');
	if (end == v || *end || !isfinite(d) ||
	    (whole && (!*digits || strspn(digits, "0123456789") != strlen(digits))))
		form_err(ld, sname, n->row, pcol, -1, "parameter '%s' must be a %snumber, not '%s'",
			 key, whole ? "whole " : "", v);
	free(v);
}

/* Parameter `key` of n, when present, is one of `words` (NULL-terminated), said as `said`. */
static void word_param(form_loader *ld, form_node *n, const char *sname, const char *pcol,
		       const char *key, const char *const *words, const char *said)
{
	char *v = param_value(n->parameters, key);
	int found = 0;
	for (int i = 0; v && words[i] && !found; i++)
		found = !strcmp(v, words[i]);
	if (v && !found)
		form_err(ld, sname, n->row, pcol, -1, "parameter '%s' must be %s, not '%s'", key,
			 said, v);
	free(v);
}

/* geopoint: capture-accuracy, warning-accuracy (meters); geotrace and geoshape: incremental
 * (true only) and reference-geometry (a choice list or ${repeat}); all: allow-mock-accuracy.
 * pyxform's rules; the laptop's typed coordinates ignore them. */
static void geo_params(form_loader *ld, form_node *n, const char *sname, const char *pcol)
{
	static const char *const point[] = { "capture-accuracy", "warning-accuracy",
					     "allow-mock-accuracy", NULL };
	static const char *const line[] = { "incremental", "allow-mock-accuracy",
					    "reference-geometry", NULL };
	if (parse_params(ld, sname, n->row, pcol, n->parameters,
			 n->type == FORM_GEOPOINT ? point : line, 0, NULL) < 0)
		return;
	number_param(ld, n, sname, pcol, "capture-accuracy", 0);
	number_param(ld, n, sname, pcol, "warning-accuracy", 0);
	static const char *const tf[] = { "true", "false", NULL };
	word_param(ld, n, sname, pcol, "allow-mock-accuracy", tf, "true or false");
	char *inc = param_value(n->parameters, "incremental");
	if (inc && form_yes_no(inc) != 1)
		form_err(ld, sname, n->row, pcol, -1, "parameter 'incremental' can only be true, "
			 "not '%s'", inc);
	free(inc);
	char *ref = param_value(n->parameters, "reference-geometry");
	int known = ref && !strncmp(ref, "${", 2);
	for (int l = 0; ref && !known && l < ld->f->nlists; l++)
		known = !strcmp(ld->f->lists[l].name, ref);
	if (ref && !known)
		form_err(ld, sname, n->row, pcol, -1, "reference-geometry '%s' is neither a choice "
			 "list nor a ${repeat}", ref);
	free(ref);
}

/* An Android package name ("org.example.app"): dot-separated parts, each a letter first, then
 * letters, digits and '_' (the app an image question would open on a phone). */
static int android_package(const char *s)
{
	int parts = 0;
	for (const char *p = s;; p++) {
		size_t len = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "0123456789_");
		if (!len || *p == '_' || (*p >= '0' && *p <= '9'))
			return 0;
		parts++;
		p += len;
		if (!*p)
			return parts > 1;
		if (*p != '.')
			return 0;
	}
}

/* audio and background-audio: quality; image: max-pixels (a whole number) and app (an
 * Android package name). */
static void media_params(form_loader *ld, form_node *n, const char *sname, const char *pcol)
{
	static const char *const sound[] = { "quality", NULL };
	static const char *const image[] = { "max-pixels", "app", NULL };
	if (parse_params(ld, sname, n->row, pcol, n->parameters,
			 n->type == FORM_IMAGE ? image : sound, 0, NULL) < 0)
		return;
	static const char *const q[] = { "voice-only", "low", "normal", "external", NULL };
	static const char *const bq[] = { "voice-only", "low", "normal", NULL };
	char *app = n->type == FORM_IMAGE ? param_value(n->parameters, "app") : NULL;
	if (app && !android_package(app))
		form_err(ld, sname, n->row, pcol, -1, "parameter 'app' must be an Android package "
			 "name, as org.example.camera (parts joined by '.', each starting with a "
			 "letter), not '%s'", app);
	free(app);
	if (n->type == FORM_IMAGE)
		number_param(ld, n, sname, pcol, "max-pixels", 1);
	else if (n->type == FORM_AUDIO)
		word_param(ld, n, sname, pcol, "quality", q, "voice-only, low, normal or external");
	else
		word_param(ld, n, sname, pcol, "quality", bq, "voice-only, low or normal");
}

/* Is a a whole multiple of b (b != 0), within the rounding of decimals read as doubles? */
static int multiple_of(double a, double b)
{
	double q = a / b;
	return fabs(q - round(q)) <= 1e-9 * fmax(1, fabs(q));
}

/* A range's drawing parameters, as pyxform checks them: tick_interval a multiple of step
 * within the range, placeholder a value of the range, tick_labelset a choice list whose
 * names are values of the range on its ticks (NAN: parameter absent). */
static void range_ticks(form_loader *ld, form_node *n, const char *sname, const char *pcol,
			double tick, double placeholder)
{
	double lo = fmin(n->range_start, n->range_end), hi = fmax(n->range_start, n->range_end);
	double step = n->range_step, start = n->range_start;
	char *set = param_value(n->parameters, "tick_labelset");
	const char *ap = n->appearance ? n->appearance : "";
	if ((!isnan(tick) || !isnan(placeholder) || set) && *ap && strcmp(ap, "vertical") &&
	    strcmp(ap, "no-ticks") && strcmp(ap, "vertical no-ticks")) {
		form_err(ld, sname, n->row, pcol, -1, "range tick_interval, placeholder and "
			 "tick_labelset go with the appearances vertical and no-ticks only, not '%s'",
			 ap);
		free(set);
		return;
	}
	if (!isnan(tick) && (tick <= 0 || tick > hi - lo || !multiple_of(tick, step))) {
		form_err(ld, sname, n->row, pcol, -1, "range tick_interval must be a multiple of "
			 "step, greater than 0 and no larger than the range");
		free(set);
		return;
	}
	if (!isnan(placeholder) && (placeholder < lo || placeholder > hi ||
				    !multiple_of(placeholder - start, step)))
		form_err(ld, sname, n->row, pcol, -1, "range placeholder must be one of the range's "
			 "values (start plus a multiple of step, between start and end)");
	if (!set)
		return;
	const form_list *l = NULL;
	for (int i = 0; i < ld->f->nlists && !l; i++)
		if (!ld->f->lists[i].file && !ld->f->lists[i].from &&
		    !strcmp(ld->f->lists[i].name, set))
			l = &ld->f->lists[i];
	if (!l)
		form_err(ld, sname, n->row, pcol, -1, "range tick_labelset '%s' is not a list of "
			 "the choices sheet", set);
	int ends_only = 1;   /* no-ticks labels only the two ends */
	for (int i = 0; l && i < l->nchoices; i++) {
		char *end;
		const char *name = l->choices[i].name;
		double d = cnum_strtod(name, &end);
		if (end == name || *end || !isfinite(d) || d < lo || d > hi ||
		    !multiple_of(d - start, isnan(tick) ? step : tick)) {
			form_err(ld, sname, n->row, pcol, -1, "range tick_labelset '%s': choice '%s' "
				 "is not a tick of the range (its names are the values labelled)", set,
				 name);
			ends_only = -1;
			break;
		}
		ends_only &= d == lo || d == hi;
	}
	if (l && ends_only >= 0 && strstr(ap, "no-ticks") && (l->nchoices != 2 || !ends_only ||
			cnum_strtod(l->choices[0].name, NULL) == cnum_strtod(l->choices[1].name, NULL)))
		form_err(ld, sname, n->row, pcol, -1, "range tick_labelset '%s': with no-ticks it "
			 "labels the two ends only, start and end", set);
	free(set);
}

void xlsform_question_params(form_loader *ld, int node, const char *pcol)
{
	form_node *n = &ld->f->nodes[node];
	const char *sname = ld->survey->name;
	if (n->type == FORM_RANGE) {
		/* tick_interval, placeholder and tick_labelset only change how a range is drawn */
		static const char *const keys[] = { "start", "end", "step", "tick_interval",
						    "placeholder", "tick_labelset", NULL };
		double v[6] = { 1, 10, 1, NAN, NAN, 0 };
		if (parse_params(ld, sname, n->row, pcol, n->parameters, keys, 1, v) < 0)
			return;
		n->range_start = v[0];
		n->range_end = v[1];
		n->range_step = v[2];
		if (v[2] <= 0)
			form_err(ld, sname, n->row, pcol, -1, "range step must be greater than 0");
		else if (v[2] > fabs(v[1] - v[0])) {
			char a[32];
			form_err(ld, sname, n->row, pcol, -1, "range step %s is larger than the range",
				 cnum_text(a, v[2], 15, NULL));
		} else
			range_ticks(ld, n, sname, pcol, v[3], v[4]);
		return;
	}
	if (!*n->parameters)
		return;
	if (n->type == FORM_TEXT) {
		static const char *const keys[] = { "rows", NULL };
		double v[1];
		parse_params(ld, sname, n->row, pcol, n->parameters, keys, 1, v);
	} else if (n->type == FORM_SELECT_ONE || n->type == FORM_SELECT_MULTIPLE ||
		   n->type == FORM_RANK) {
		static const char *const keys[] = { "randomize", "seed", "value", "label", NULL };
		if (parse_params(ld, sname, n->row, pcol, n->parameters, keys, 0, NULL) == 0)
			randomize_params(ld, n, sname, pcol);
	} else if (n->type == FORM_GEOPOINT || n->type == FORM_GEOTRACE || n->type == FORM_GEOSHAPE) {
		geo_params(ld, n, sname, pcol);
	} else if (n->type == FORM_AUDIO || n->type == FORM_BACKGROUND_AUDIO || n->type == FORM_IMAGE) {
		media_params(ld, n, sname, pcol);
	} else {
		parse_params(ld, sname, n->row, pcol, n->parameters, NULL, 0, NULL);   /* key=value */
	}
}
