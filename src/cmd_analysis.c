/* cmd_analysis.c: the options and JSON header shared by `survey freq` and `survey tab`. */
#include "cmd_analysis.h"

#include <stdio.h>
#include <string.h>

int cmd_analysis_option(const struct cmd_entry *self, int c, const char *arg,
			cmd_analysis_args *a)
{
	analysis_opts *o = a->opts;
	int m;
	switch (c) {
	case AOPT_WEIGHT: o->weight = arg; return 0;
	case AOPT_STRATA: o->strata = arg; return 0;
	case AOPT_CLUSTER: o->cluster = arg; return 0;
	case AOPT_WHERE: o->where = arg; return 0;
	case AOPT_LANG: o->lang = arg; return 0;
	case AOPT_MISSING: o->include_missing = 1; return 0;
	case AOPT_FORM: a->form_id = arg; return 0;
	case AOPT_FORMAT:
		if (strcmp(arg, "text") == 0)
			a->format = FMT_TEXT;
		else if (strcmp(arg, "json") == 0)
			a->format = FMT_JSON;
		else if (strcmp(arg, "csv") == 0)
			a->format = FMT_CSV;
		else
			return cmd_usage_error(self, "unknown format '%s' (text, json or csv)", arg);
		return 0;
	case AOPT_STATUS:
		if (strcmp(arg, "all") && strcmp(arg, "draft") && strcmp(arg, "complete") &&
		    strcmp(arg, "approved"))
			return cmd_usage_error(self, "unknown status '%s' (complete, draft, approved "
					       "or all)", arg);
		o->status = arg;
		return 0;
	case AOPT_LONELY:
		if ((m = stats_lonely_psu_parse(arg)) < 0)
			return cmd_usage_error(self, "unknown --lonely-psu '%s' (fail, remove, "
					       "certainty, adjust or average)", arg);
		o->lonely = m;
		return 0;
	}
	return -1;
}

void cmd_analysis_json_selection(json_w *w, const analysis_opts *o, const char *form_id)
{
	const char *keys[] = { "form_id", "status", "weight", "strata", "cluster", "where" };
	const char *vals[] = { form_id, o->status ? o->status : "complete", o->weight, o->strata,
			       o->cluster, o->where };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		jw_key(w, keys[i]);
		jw_str(w, vals[i]);
	}
}

void cmd_analysis_json_notes(json_w *w, const analysis_notes *n)
{
	for (int warning = 0; warning < 2; warning++) {
		jw_key(w, warning ? "warnings" : "notes");
		jw_arr(w);
		for (int k = 0; k < n->n; k++)
			if (n->items[k].warning == warning)
				jw_str(w, n->items[k].text);
		jw_end(w);
	}
}

void cmd_analysis_csv_notes(const analysis_notes *n)
{
	size_t len = strlen(ANALYSIS_NOTE_APPROVED);
	for (int k = 0; k < n->n; k++)
		if (strncmp(n->items[k].text, ANALYSIS_NOTE_APPROVED, len) == 0)
			fprintf(stderr, "survey: note: %s\n", n->items[k].text);
}
