/* cmd_list_labels.c: the choice labels of a sample frame column's values in the listing's
 * language (`survey list DB --by oblast` shows «Чүй облусу», not chuy). */
#include "cmd_list_labels.h"

#include <limits.h>
#include <stdlib.h>

#include "form/form.h"
#include "interview/session.h"
#include "store/fieldwork.h"
#include "store/scan.h"
#include "ui/i18n.h"
#include "util/util.h"

struct cmd_labels {
	form **forms;   /* the questionnaires whose question `by` has a choice list */
	int *node;      /* that question in each */
	int *lang;      /* the listing's language in each (-1: its default) */
	int n;
};

cmd_labels *cmd_labels_load(store *st, const char *by)
{
	cmd_labels *l = xcalloc(1, sizeof *l);
	char err[ERR_MAX], **ids;
	int n;
	if (store_frame_forms(st, &ids, &n, err))
		return l;
	for (int i = 0; i < n; i++) {
		form *f = session_form(st, ids[i], NULL, err);   /* the newest version */
		int k = f ? form_find(f, by) : -1;
		if (k < 0 || !form_node_list(f, k)) {
			form_free(f);
			continue;
		}
		l->forms = xreallocarray(l->forms, (size_t)l->n + 1, sizeof *l->forms);
		l->node = xreallocarray(l->node, (size_t)l->n + 1, sizeof *l->node);
		l->lang = xreallocarray(l->lang, (size_t)l->n + 1, sizeof *l->lang);
		l->forms[l->n] = f;
		l->node[l->n] = k;
		l->lang[l->n++] = form_find_lang(f, ui_lang_code(ui_lang_get()));
	}
	store_strings_free(ids, n);
	return l;
}

/* The choice value names in the first questionnaire that has it (*at: its index); NULL. */
static const form_choice *find_choice(const cmd_labels *l, const char *value, int *at)
{
	for (int i = 0; value && *value && i < l->n; i++) {
		const form *f = l->forms[i];
		const form_choice *c = form_list_choice(f, f->nodes[l->node[i]].list, value);
		if (c) {
			*at = i;
			return c;
		}
	}
	return NULL;
}

const char *cmd_labels_of(const cmd_labels *l, const char *value)
{
	int i;
	const form_choice *c = find_choice(l, value, &i);
	const char *label = c ? form_choice_label(l->forms[i], c, l->lang[i]) : NULL;
	return label && *label ? label : value;
}

int cmd_labels_rank(const cmd_labels *l, const char *value)
{
	int i;
	const form_choice *c = find_choice(l, value, &i);
	if (!c)
		return INT_MAX;
	const form *f = l->forms[i];
	return (int)(c - f->lists[f->nodes[l->node[i]].list].choices);
}

void cmd_labels_free(cmd_labels *l)
{
	if (!l)
		return;
	for (int i = 0; i < l->n; i++)
		form_free(l->forms[i]);
	free(l->forms);
	free(l->node);
	free(l->lang);
	free(l);
}
