/* xlsform.c: the XLSForm conventions — sheets, settings, choice lists and survey rows
 * (begin/end nesting, names, types, parameters, or_other, loops) — turned into the tree of
 * form.h; the header rows are read by xlsform_headers.c. Expressions are only stored here;
 * form_check.c parses and links them. */
#include "form/form_impl.h"
#include "util/sealbox.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Deepest nesting of groups and repeats accepted (paths stay short, stacks bounded). */
#define FORM_MAX_DEPTH 64


/* ---- settings ---- */

static void read_settings(form_loader *ld)
{
	form *f = ld->f;
	const sheet *sh = ld->settings;
	if (sh && sh->nrows >= 2) {
		const sheet_row *h = &sh->rows[0], *r = &sh->rows[1];
		ld->settings_row = r->line;
		for (int c = 0; c < h->ncells; c++) {
			char *key = xlsform_snake(h->cells[c], strlen(h->cells[c]));
			const char *v = xlsform_cell(r, c);
			char **dst = NULL;
			if (!strcmp(key, "form_title") || !strcmp(key, "set_form_title") ||
			    !strcmp(key, "title"))
				dst = &f->title;
			else if (!strcmp(key, "form_id") || !strcmp(key, "id_string") ||
				 !strcmp(key, "set_form_id"))
				dst = &f->id;
			else if (!strcmp(key, "version"))
				dst = &f->version;
			else if (!strcmp(key, "style"))
				dst = &f->style;
			else if (!strcmp(key, "key_questions"))
				dst = &f->key_questions;
			else if (!strcmp(key, "default_language") && *v) {
				free(ld->default_language);
				ld->default_language = xstrdup(v);
				ld->default_lang_row = r->line;
			} else if (!strcmp(key, "instance_name") && *v) {
				free(f->instance_name_src);
				f->instance_name_src = form_unsmart_quotes(v);
				free(ld->instance_name_col);
				ld->instance_name_col = xstrdup(h->cells[c]);
			} else if (!strcmp(key, "name") && *v) {
				ld->root_name = v;
				if (!form_is_xml_name(v))
					form_err(ld, sh->name, r->line, h->cells[c], -1, "'%s' is not a valid "
						 "name for the form's root: it must start with a letter or '_' "
						 "and hold only letters, digits, '-', '_' and '.'", v);
			} else if (!strcmp(key, "public_key") && *v) {
				sealbox_key k;
				char why[ERR_MAX];
				if (sealbox_pk_parse(v, &k, why))
					form_err(ld, sh->name, r->line, h->cells[c], -1, "%s", why);
				dst = &f->public_key;
			} else if (!strcmp(key, "allow_choice_duplicates"))
				ld->allow_choice_duplicates = form_yes_no(v) == 1;
			if (dst && *v) {
				free(*dst);
				*dst = xstrdup(v);
			}
			free(key);
		}
	}
	if (!f->id) {   /* the file name without directory and extension, as pyxform does */
		const char *base = strrchr(ld->file, '/');
		base = base ? base + 1 : ld->file;
		const char *dot = strrchr(base, '.');
		f->id = xstrndup(base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
	}
	if (!f->title)
		f->title = xstrdup(f->id);
	if (!f->version)
		f->version = xstrdup("");
	if (!f->style)
		f->style = xstrdup("");
	if (!f->key_questions)
		f->key_questions = xstrdup("");
	if (!f->public_key)
		f->public_key = xstrdup("");
}

/* ---- texts ---- */

/* Store value as text kind `k` of language col->lang in *slot (an array of nlangs). A plain
 * column does not override the same language written with its "::language". */
static void set_text(form_loader *ld, char ***slot, const form_col *col, const char *value)
{
	int nl = ld->f->nlangs;
	if (!*slot)
		*slot = xcalloc((size_t)nl, sizeof **slot);
	char **t = *slot;
	if (t[col->lang]) {
		if (col->plain)
			return;
		free(t[col->lang]);
	}
	t[col->lang] = xstrdup(value);
}

/* ---- choices ---- */

struct list_info {
	int space_row;            /* first choice whose name has a blank, 0 if none */
	const char *space_name;
};

/* A new list named name (first on that line), with its zeroed info (grown with *capl): its
 * index. */
static int new_list(form *f, const char *name, int line, struct list_info **info, int *capl)
{
	f->lists = xreallocarray(f->lists, (size_t)f->nlists + 1, sizeof *f->lists);
	form_list *l = &f->lists[f->nlists];
	memset(l, 0, sizeof *l);
	l->name = xstrdup(name);
	l->row = line;
	int existed;
	int *li = form_map_put(f->list_names, 0, l->name, f->nlists++, &existed);
	if (f->nlists > *capl) {
		*capl = *capl ? *capl * 2 : 16;
		*info = xreallocarray(*info, (size_t)*capl, sizeof **info);
	}
	memset(&(*info)[*li], 0, sizeof **info);
	return *li;
}

/* The labels and extra columns of choice ch from its row r: does it have a label? */
static int choice_cells(form_loader *ld, const sheet_row *r, form_choice *ch)
{
	int has_label = 0;
	if (ld->f->nchoice_columns)
		ch->extra = xcalloc((size_t)ld->f->nchoice_columns, sizeof *ch->extra);
	for (int c = 0; c < ld->nccols; c++) {
		const form_col *col = &ld->ccols[c];
		const char *v = xlsform_cell(r, c);
		if (col->kind == COL_TEXT && *v) {
			set_text(ld, &ch->label, col, v);
			has_label = 1;
		} else if (col->kind == COL_EXTRA) {
			ch->extra[col->sub] = xstrdup(v);
		}
	}
	return has_label;
}

static struct list_info *read_choices(form_loader *ld)
{
	form *f = ld->f;
	const sheet *sh = ld->choices;
	f->list_names = xcalloc(1, sizeof *f->list_names);
	form_map_init(f->list_names, 0);
	struct list_info *info = NULL;
	int capl = 0;
	if (!sh || sh->nrows < 2)
		return NULL;
	const char *sname = sh->name;
	int lcol = xlsform_find_col(ld->ccols, ld->nccols, COL_LIST_NAME);
	int ncol = xlsform_find_col(ld->ccols, ld->nccols, COL_NAME);
	if (lcol < 0 || ncol < 0) {
		form_err(ld, sname, sh->rows[0].line, NULL, -1, "missing column '%s'",
			 lcol < 0 ? "list_name" : "name");
		return NULL;
	}
	form_map names;   /* (list, choice name) */
	form_map_init(&names, 0);
	for (int i = 1; i < sh->nrows; i++) {
		const sheet_row *r = &sh->rows[i];
		const char *list = xlsform_cell(r, lcol), *name = xlsform_cell(r, ncol);
		if (!*list) {
			if (*name)
				form_warn(ld, sname, r->line, NULL, -1,
					  "choice '%s' has no list_name; it is ignored", name);
			continue;
		}
		if (!*name) {
			form_err(ld, sname, r->line, NULL, -1, "choice of list '%s' has no name", list);
			continue;
		}
		int *li = form_map_find(f->list_names, 0, list);
		if (!li && !form_is_xml_name(list))   /* pyxform refuses it too */
			form_err(ld, sname, r->line, NULL, -1, "list_name '%s' is not a valid name: it "
				 "must start with a letter or '_' and hold only letters, digits, '-', "
				 "'_' and '.'", list);
		int lx = li ? *li : new_list(f, list, r->line, &info, &capl);
		form_list *l = &f->lists[lx];
		size_t nc = (size_t)l->nchoices;   /* room doubled at each power of two: a list of
						     many choices is not copied for each one */
		if ((nc & (nc - 1)) == 0)
			l->choices = xreallocarray(l->choices, nc ? 2 * nc : 1, sizeof *l->choices);
		form_choice *ch = &l->choices[l->nchoices];
		memset(ch, 0, sizeof *ch);
		ch->name = xstrdup(name);
		ch->row = r->line;
		if (!choice_cells(ld, r, ch))
			form_warn(ld, sname, r->line, NULL, -1, "choice '%s' of list '%s' has no label",
				  name, list);
		if (!info[lx].space_row && strpbrk(name, " \t\n")) {
			info[lx].space_row = r->line;
			info[lx].space_name = ch->name;
		}
		int existed;
		int *dup = form_map_put(&names, lx, ch->name, r->line, &existed);
		if (existed && !ld->allow_choice_duplicates) {
			form_err(ld, sname, r->line, NULL, -1, "duplicate choice '%s' in list '%s' "
				 "(also at row %d)", name, list, *dup);
		}
		l->nchoices++;
	}
	form_map_release(&names);
	return info;
}

/* ---- survey ---- */

struct frame {
	int node;                 /* the group, repeat or root */
	int last_child;           /* its last child so far, -1 if none */
	enum form_row_kind kind;  /* ROW_BEGIN_GROUP, ROW_BEGIN_REPEAT, ROW_BEGIN_LOOP; root: 0 */
	int row;
};

struct survey_state {
	form_loader *ld;
	struct frame stack[FORM_MAX_DEPTH + 2];
	int depth;                /* frames used; stack[0] is the root */
	int type_col, name_col;
	int disabled_col;         /* pyxform's "disabled" column (rows with yes left out), -1 */
	struct list_info *lists;  /* from read_choices */
};

static int new_node(struct survey_state *st, form_type type, const char *name, int row)
{
	form *f = st->ld->f;
	if (f->nnodes == st->ld->cap_nodes) {
		st->ld->cap_nodes = st->ld->cap_nodes ? st->ld->cap_nodes * 2 : 64;
		f->nodes = xreallocarray(f->nodes, (size_t)st->ld->cap_nodes, sizeof *f->nodes);
	}
	int i = f->nnodes++;
	form_node *n = &f->nodes[i];
	memset(n, 0, sizeof *n);
	n->type = type;
	n->name = xstrdup(name);
	n->row = row;
	n->first_child = n->next_sibling = -1;
	n->end = i + 1;
	n->other = n->list = -1;
	n->appearance = xstrdup("");
	n->parameters = xstrdup("");
	n->range_start = 1;
	n->range_end = 10;
	n->range_step = 1;
	if (st->depth == 0) {   /* the root */
		n->parent = -1;
		n->repeat = -1;
		n->path = xstrdup("");
		return i;
	}
	struct frame *fr = &st->stack[st->depth - 1];
	const form_node *p = &f->nodes[fr->node];
	n->parent = fr->node;
	n->depth = p->depth + 1;
	n->repeat = p->type == FORM_REPEAT ? fr->node : p->repeat;
	n->path = *p->path ? xasprintf("%s/%s", p->path, name) : xstrdup(name);
	if (fr->last_child >= 0)
		f->nodes[fr->last_child].next_sibling = i;
	else
		f->nodes[fr->node].first_child = i;
	fr->last_child = i;
	return i;
}

/* Names: valid, not reserved, unique among siblings (and repeats unique everywhere). */
static void check_name(struct survey_state *st, int node, const char *sname)
{
	form_loader *ld = st->ld;
	const form_node *n = &ld->f->nodes[node];
	const char *col = ld->survey->rows[0].ncells > st->name_col ?
		ld->survey->rows[0].cells[st->name_col] : "name";
	if (!*n->name)
		return;
	if (!form_is_xml_name(n->name)) {
		form_err(ld, sname, n->row, col, -1, "invalid name '%s': a name starts with a "
			 "letter or '_' and has only letters, digits, '_', '-' and '.'", n->name);
		return;
	}
	if (strcmp(n->name, "meta") == 0) {
		form_err(ld, sname, n->row, col, -1, "the name 'meta' is reserved for form metadata");
		return;
	}
	int existed;
	int *other = form_map_put(&ld->node_names, n->parent, n->name, node, &existed);
	if (existed) {
		form_err(ld, sname, n->row, col, -1, "duplicate name '%s' (also at row %d): names "
			 "must be unique within their group or repeat", n->name,
			 ld->f->nodes[*other].row);
		return;
	}
	other = form_map_put(&ld->node_names_lc, n->parent, n->name, node, &existed);
	if (existed)
		form_warn(ld, sname, n->row, col, -1, "name '%s' differs only in case from '%s' "
			  "(row %d)", n->name, ld->f->nodes[*other].name, ld->f->nodes[*other].row);
	if (n->type == FORM_REPEAT) {
		other = form_map_put(&ld->repeat_names, 0, n->name, node, &existed);
		if (existed)
			form_err(ld, sname, n->row, col, -1, "duplicate repeat name '%s' (also at row "
				 "%d): repeat names must be unique in the whole form", n->name,
				 ld->f->nodes[*other].row);
	}
}

/* Is a default value an expression rather than a literal? (uses ${..}, '.' or a call) */
static int default_is_dynamic(const char *v)
{
	if (strstr(v, "${") || strcmp(v, ".") == 0)
		return 1;
	for (const char *p = strchr(v, '('); p; p = strchr(p + 1, '('))
		if (p > v && ((p[-1] >= 'a' && p[-1] <= 'z') || p[-1] == '-'))
			return 1;   /* today(), concat(...) */
	return 0;
}

/* select_one ${q}: a list without choices whose `from` is q (checked in check_repeat_lists). */
static int repeat_list(form_loader *ld, const char *list, int row)
{
	form *f = ld->f;
	for (int l = 0; l < f->nlists; l++)
		if (f->lists[l].from && !strcmp(f->lists[l].name, list))
			return l;
	f->lists = xreallocarray(f->lists, (size_t)f->nlists + 1, sizeof *f->lists);
	form_list *L = &f->lists[f->nlists];
	memset(L, 0, sizeof *L);
	L->name = xstrdup(list);
	size_t n = strlen(list);
	L->from = xstrndup(list + 2, n > 3 && list[n - 1] == '}' ? n - 3 : n - 2);
	L->row = row;
	return f->nlists++;
}

/* Each select_one ${q}: q is one question inside a repeat. */
static void check_repeat_lists(form_loader *ld)
{
	form *f = ld->f;
	for (int i = 1; i < f->nnodes; i++) {
		const form_list *L = form_node_list(f, i);
		if (!L || !L->from)
			continue;
		int q = -1;
		for (int k = 1; k < f->nnodes; k++)
			if (!strcmp(f->nodes[k].name, L->from))
				q = q < 0 ? k : -2;
		const char *type_col = ld->survey->rows[0].cells[xlsform_find_col(ld->scols, ld->nscols,
									    COL_TYPE)];
		if (q == -1 || q == -2 || form_type_is_container(f->nodes[q].type))
			form_err(ld, ld->survey->name, f->nodes[i].row, type_col, -1, "'%s': %s",
				 L->name, q == -2 ? "that name is not unique" : "no question of that "
				 "name");
		else if (f->nodes[q].repeat < 0)
			form_err(ld, ld->survey->name, f->nodes[i].row, type_col, -1, "'%s': '%s' is "
				 "not inside a repeat: choices from answers come from a repeat's "
				 "question", L->name, L->from);
	}
}

/* Built-in words for or_other, by language code; English otherwise. */
static const struct {
	const char *code, *other, *specify;
} other_words[] = {
	{ "en", "Other", "Specify other." },
	{ "ru", "Другое", "Укажите другое." },
	{ "ky", "Башка", "Башкасын жазыңыз." },
};

static int other_word(const form *f, int lang)
{
	const char *code = f->langs[lang].code;
	for (size_t i = 0; code && i < sizeof other_words / sizeof other_words[0]; i++)
		if (ascii_casecmp(code, other_words[i].code) == 0)
			return (int)i;
	return -1;
}

/* or_other: the list gets a choice "other", and a text question NAME_other follows. */
static void add_or_other(struct survey_state *st, int node)
{
	form_loader *ld = st->ld;
	form *f = ld->f;
	const char *sname = ld->survey->name;
	int row = f->nodes[node].row, list = f->nodes[node].list;
	if (f->nodes[node].src[FORM_X_CHOICE_FILTER]) {
		form_err(ld, sname, row, NULL, -1, "or_other cannot be used with a choice_filter; "
			 "add a choice 'other' and a question for it instead");
		return;
	}
	for (int l = 0; l < f->nlangs; l++) {
		if (other_word(f, l) < 0 && strcmp(f->langs[l].name, "default") != 0) {
			form_warn(ld, sname, row, NULL, -1, "or_other: 'Other' and 'Specify other.' "
				  "are not translated to '%s'", f->langs[l].name);
			break;
		}
	}
	if (list >= 0 && !form_list_choice(f, list, "other")) {
		form_list *L = &f->lists[list];
		L->choices = xreallocarray(L->choices, (size_t)L->nchoices + 1, sizeof *L->choices);
		form_choice *c = &L->choices[L->nchoices++];
		memset(c, 0, sizeof *c);
		c->name = xstrdup("other");
		c->row = row;
		if (f->nlangs) {
			c->label = xcalloc((size_t)f->nlangs, sizeof *c->label);
			for (int l = 0; l < f->nlangs; l++) {
				int w = other_word(f, l);
				c->label[l] = xstrdup(w >= 0 ? other_words[w].other : "Other");
			}
		}
		if (f->nchoice_columns) {
			c->extra = xcalloc((size_t)f->nchoice_columns, sizeof *c->extra);
			for (int e = 0; e < f->nchoice_columns; e++)
				c->extra[e] = xstrdup("");
		}
	}
	char *name = xasprintf("%s_other", f->nodes[node].name);
	int o = new_node(st, FORM_TEXT, name, row);
	free(name);
	form_node *on = &f->nodes[o];
	on->generated = 1;
	on->src[FORM_X_RELEVANT] = xasprintf("selected(${%s}, 'other')", f->nodes[node].name);
	if (f->nlangs) {
		on->text[FORM_LABEL] = xcalloc((size_t)f->nlangs, sizeof(char *));
		for (int l = 0; l < f->nlangs; l++) {
			int w = other_word(f, l);
			on->text[FORM_LABEL][l] = xstrdup(w >= 0 ? other_words[w].specify
							  : "Specify other.");
		}
	}
	f->nodes[node].other = o;
	check_name(st, o, sname);
}

static const char *kind_word(enum form_row_kind k)
{
	switch (k) {
	case ROW_BEGIN_GROUP: case ROW_END_GROUP: return "group";
	case ROW_BEGIN_REPEAT: case ROW_END_REPEAT: return "repeat";
	default: return "loop";
	}
}

static int has_text(const struct survey_state *st, const sheet_row *r, int kind)
{
	for (int c = 0; c < st->ld->nscols; c++)
		if (st->ld->scols[c].kind == COL_TEXT && st->ld->scols[c].sub == kind && *xlsform_cell(r, c))
			return 1;
	return 0;
}

static int has_label(const struct survey_state *st, const sheet_row *r)
{
	return has_text(st, r, FORM_LABEL);
}

/* Is header h the media column m, plain or with a language ("image", "image::fr")? */
static int media_header(const char *h, const char *m)
{
	while (*m && (*h | (*h >= 'A' && *h <= 'Z' ? 0x20 : 0)) == *m)
		h++, m++;
	return !*m && (!*h || *h == ':');
}

/* A media column (image, audio, video, big-image, bare media; any language) with a file:
 * pyxform takes it in place of a label. *big_alone: a big-image without an image. */
static int has_media(const struct survey_state *st, const sheet_row *r, int *big_alone)
{
	static const char *const media[] = { "image", "audio", "video", "big-image", "media",
		"media::image", "media::audio", "media::video", "media::big-image" };
	const sheet_row *h = &st->ld->survey->rows[0];
	int any = 0, image = 0, big = 0;
	for (int c = 0; c < h->ncells && c < r->ncells; c++) {
		if (!*r->cells[c])
			continue;
		for (size_t i = 0; i < sizeof media / sizeof media[0]; i++)
			if (media_header(h->cells[c], media[i])) {
				any = 1;
				big |= strstr(media[i], "big-image") != NULL;
				image |= !strcmp(media[i], "image") || !strcmp(media[i], "media::image");
			}
	}
	*big_alone = big && !image;
	return any;
}

/* What a laptop records for the metadata a phone reads from its SIM, GPS or accounts, and
 * what it does for the questions a phone answers with its camera or microphone. */
static const char *blank_meta_note(form_type t)
{
	switch (t) {
	case FORM_PHONENUMBER: case FORM_SIMSERIAL: case FORM_SUBSCRIBERID:
		return "is recorded blank: a laptop has no SIM card (ODK Collect does the same on a "
		       "device without one)";
	case FORM_EMAIL:
		return "is the interviewer's identity (--interviewer) when that is an e-mail "
		       "address, else blank: a laptop has no phone account";
	case FORM_IMAGE: case FORM_AUDIO: case FORM_VIDEO:
		return "is a file the interviewer attaches from the laptop (its path typed; Tab "
		       "completes it): survey takes no picture or recording itself, as ODK Collect "
		       "on a device without a camera or microphone";
	case FORM_BACKGROUND_AUDIO:
		return "is recorded blank: a laptop interview records no sound (ODK Collect does the "
		       "same on a device that cannot)";
	case FORM_START_GEOPOINT: case FORM_BACKGROUND_GEOPOINT:
		return "is recorded blank: a laptop has no GPS (ODK Collect does the same on a "
		       "device without one)";
	case FORM_AUDIT:
		return "is recorded blank: survey keeps no audit file; every interview's event log "
		       "(answers, moves, times) holds that paradata";
	default:
		return NULL;
	}
}

/* A feature of another platform's XLSForm dialect in the row's appearance or expressions:
 * the platform's name, or NULL. Expressions using it are dropped (reported once, here). */
static const char *foreign_feature(form_node *n, const char **what)
{
	if (strstr(n->appearance, "kobomatrix")) {
		*what = "appearance 'kobomatrix'";
		return "KoboToolbox";
	}
	if (strstr(n->appearance, "cht:")) {
		*what = "a 'cht:' appearance";
		return "CHT";
	}
	const char *found = NULL;
	for (int x = 0; x < FORM_NEXPRS; x++)
		if (n->src[x] && strstr(n->src[x], "cht:")) {
			*what = "a 'cht:' function";
			found = "CHT";
			free(n->src[x]);
			n->src[x] = NULL;
		}
	return found;
}

/* Fill a node's texts, expressions, appearance and parameters from its row. */
static void fill_node(struct survey_state *st, int node, const sheet_row *r)
{
	form_loader *ld = st->ld;
	form_node *n = &ld->f->nodes[node];
	const char *required_col = NULL;
	for (int c = 0; c < ld->nscols; c++) {
		const form_col *col = &ld->scols[c];
		const char *v = xlsform_cell(r, c);
		if (!*v)
			continue;
		if (col->kind == COL_EXPR && col->sub == FORM_X_REQUIRED && form_yes_no(v) != 0)
			required_col = col->header;
		switch (col->kind) {
		case COL_TEXT:
			set_text(ld, &n->text[col->sub], col, v);
			break;
		case COL_EXPR:
			if (col->sub == FORM_X_REQUIRED || col->sub == FORM_X_READ_ONLY) {
				int yn = form_yes_no(v);
				if (yn >= 0) {
					*(col->sub == FORM_X_REQUIRED ? &n->required : &n->read_only) = yn;
					break;
				}
			}
			if (col->sub == FORM_X_DEFAULT) {
				n->default_value = xstrdup(v);
				if (!default_is_dynamic(v))
					break;
			}
			n->src[col->sub] = form_unsmart_quotes(v);
			break;
		case COL_APPEARANCE:
			free(n->appearance);
			n->appearance = form_collapse_space(v);
			break;
		case COL_PARAMETERS:
			free(n->parameters);
			n->parameters = xstrdup(v);
			break;
		default:
			break;
		}
	}
	if (required_col && form_type_is_container(n->type))   /* pyxform's rule */
		form_err(ld, ld->survey->name, r->line, required_col, -1, "a group or repeat cannot "
			 "be required: make the questions inside it required");
}

/* An 'end group', 'end repeat' or 'end loop' row: closes the group it matches. */
static void end_row(struct survey_state *st, const sheet_row *r, enum form_row_kind kind)
{
	form_loader *ld = st->ld;
	form *f = ld->f;
	const char *sname = ld->survey->name;
	const char *tcolh = ld->survey->rows[0].cells[st->type_col];
	enum form_row_kind want = kind == ROW_END_GROUP ? ROW_BEGIN_GROUP
		: kind == ROW_END_REPEAT ? ROW_BEGIN_REPEAT : ROW_BEGIN_LOOP;
	struct frame *top = &st->stack[st->depth - 1];
	if (st->depth == 1)
		form_err(ld, sname, r->line, tcolh, -1, "'end %s' without a matching 'begin %s'",
			 kind_word(kind), kind_word(kind));
	else if (top->kind != want)
		form_err(ld, sname, r->line, tcolh, -1, "'end %s' does not match 'begin %s' "
			 "of '%s' at row %d", kind_word(kind), kind_word(top->kind),
			 f->nodes[top->node].name, top->row);
	else {
		f->nodes[top->node].end = f->nnodes;
		if (top->kind == ROW_BEGIN_GROUP && f->nodes[top->node].first_child < 0)
			form_err(ld, sname, top->row, NULL, -1, "group '%s' has no questions (ODK "
				 "refuses an empty group): add its questions or remove it",
				 f->nodes[top->node].name);
		st->depth--;
	}
}

/* A csv-external or xml-external row: instance('NAME') is the media file NAME.csv (.xml). */
static void instance_row(struct survey_state *st, const sheet_row *r, const char *type,
			 const char *name, const form_type_parse *tp)
{
	form_loader *ld = st->ld;
	const char *sname = ld->survey->name;
	const char *tcolh = ld->survey->rows[0].cells[st->type_col];
	int in_repeat = 0;
	for (int d = 1; d < st->depth; d++)
		in_repeat |= st->stack[d].kind == ROW_BEGIN_REPEAT;
	if (in_repeat)   /* pyxform's rule: one instance per form, not one per entry */
		form_err(ld, sname, r->line, tcolh, -1, "%s '%s' is inside a repeat: put it "
			 "outside, before the repeat", type, name);
	else if (!*name || !form_is_xml_name(name))
		form_err(ld, sname, r->line, NULL, -1, "%s needs a name: the media file's name "
			 "without '.%s'", type, tp->from == 'c' ? "csv" : "xml");
	else {
		char *file = xasprintf("%s.%s", name, tp->from == 'c' ? "csv" : "xml");
		form_media_table(ld, file, sname, r->line, tcolh);
		free(file);
	}
}

/* The node type of a question or begin row (FORM_TEXT, a stand-in so that names resolve, for
 * a row in error, which is reported); *begin when it opens a group or repeat, *loop_list the
 * list of a valid 'begin loop over LIST'. */
static form_type row_type(struct survey_state *st, const sheet_row *r, const char *type,
			  const form_type_parse *tp, int *begin, int *loop_list)
{
	form_loader *ld = st->ld;
	form *f = ld->f;
	const char *sname = ld->survey->name;
	const char *tcolh = ld->survey->rows[0].cells[st->type_col];
	*begin = tp->kind == ROW_BEGIN_GROUP || tp->kind == ROW_BEGIN_REPEAT ||
		 tp->kind == ROW_BEGIN_LOOP;
	switch (tp->kind) {
	case ROW_QUESTION:
		return tp->type;
	case ROW_BEGIN_GROUP:
		return FORM_GROUP;
	case ROW_BEGIN_REPEAT:
		return FORM_REPEAT;
	case ROW_BEGIN_LOOP: {
		/* "begin loop over LIST": a group holding one group per choice of LIST */
		const char *over = strstr(type, " over ");
		if (!over || !over[6] || strchr(over + 6, ' '))
			form_err(ld, sname, r->line, tcolh, -1, "type '%s' must be written 'begin loop "
				 "over LIST'", type);
		else if ((*loop_list = form_find_list(f, over + 6)) < 0)
			form_err(ld, sname, r->line, tcolh, -1, "unknown choice list '%s'", over + 6);
		return FORM_GROUP;
	}
	case ROW_UNSUPPORTED:
		form_err(ld, sname, r->line, tcolh, -1, "unsupported type '%s': survey cannot "
			 "interview it", type);
		return FORM_TEXT;
	default:
		if (!strcmp(type, "select_one") || !strcmp(type, "select_multiple"))
			form_err(ld, sname, r->line, tcolh, -1, "type '%s' needs a choice list, as in "
				 "'%s yes_no'", type, type);
		else
			form_err(ld, sname, r->line, tcolh, -1, "unknown type '%s'", type);
		return FORM_TEXT;
	}
}

/* The choice list of a select or rank question (a list of the choices sheet, of a media file,
 * or of a repeat's answers), and its "or other" choice. */
static void question_list(struct survey_state *st, const sheet_row *r, int node,
			  form_type ntype, const char *type, const form_type_parse *tp)
{
	form_loader *ld = st->ld;
	form *f = ld->f;
	const char *sname = ld->survey->name;
	const char *tcolh = ld->survey->rows[0].cells[st->type_col];
	form_node *n = &f->nodes[node];
	char *list = xstrndup(type + tp->list_at, (size_t)tp->list_len);
	n->list = strncmp(list, "${", 2) == 0 || tp->from ? -1 : form_find_list(f, list);
	if (tp->from) {
		n->list = form_media_select(ld, list, tp->from, n->parameters,
					    ntype == FORM_SELECT_MULTIPLE, sname, r->line, tcolh);
	} else if (strncmp(list, "${", 2) == 0) {
		n->list = repeat_list(ld, list, r->line);
	} else if (n->list < 0) {
		if (!ld->choices || ld->choices->nrows < 2)
			form_err(ld, sname, r->line, tcolh, -1, "unknown choice list '%s': the "
				 "form has no choices sheet", list);
		else
			form_err(ld, sname, r->line, tcolh, -1, "unknown choice list '%s'", list);
	} else if (ntype != FORM_SELECT_ONE && st->lists[n->list].space_row) {
		form_err(ld, sname, r->line, tcolh, -1, "choice '%s' of list '%s' (choices row "
			 "%d) has a blank in its name, which %s cannot store",
			 st->lists[n->list].space_name, list, st->lists[n->list].space_row,
			 form_type_name(ntype));
	}
	free(list);
	if (tp->or_other)
		add_or_other(st, node);
}

/* Phase 1 of a survey row: a row that makes no node — no type (an error, or ignored when blank),
 * an end of a group, repeat or loop, an instance row, another platform's type. 1 when r was
 * one of those (handled), else 0. */
static int row_without_node(struct survey_state *st, const sheet_row *r, const char *type,
			    const char *name, const form_type_parse *tp)
{
	form_loader *ld = st->ld;
	const char *sname = ld->survey->name;
	const char *tcolh = ld->survey->rows[0].cells[st->type_col];
	if (!*type) {
		if (*name || has_label(st, r))
			form_err(ld, sname, r->line, tcolh, -1, "missing type for '%s'",
				 *name ? name : "(no name)");
		else
			form_warn(ld, sname, r->line, NULL, -1, "row without type, name or label is "
				  "ignored");
		return 1;
	}
	if (tp->kind == ROW_END_GROUP || tp->kind == ROW_END_REPEAT || tp->kind == ROW_END_LOOP ||
	    tp->kind == ROW_INSTANCE) {
		if (tp->kind == ROW_INSTANCE)
			instance_row(st, r, type, name, tp);
		else
			end_row(st, r, tp->kind);
		return 1;
	}
	if (tp->platform) {
		form_err(ld, sname, r->line, tcolh, -1, "type '%s' is a %s extension: survey runs "
			 "ODK XLSForms, not forms written for %s", type, tp->platform, tp->platform);
		return 1;
	}
	return 0;
}

/* Phase 3: what the node of row r may not be — another platform's feature, an old spelling of
 * its type, a background geopoint without a trigger or with a calculation, a question without
 * a label, a group named as the form's root. */
static void check_node(struct survey_state *st, const sheet_row *r, int node, form_type ntype,
		       const char *type, const form_type_parse *tp, int begin)
{
	form_loader *ld = st->ld;
	const char *sname = ld->survey->name;
	const char *tcolh = ld->survey->rows[0].cells[st->type_col];
	form_node *n = &ld->f->nodes[node];
	const char *what = NULL, *platform = foreign_feature(n, &what);
	if (platform)
		form_err(ld, sname, r->line, NULL, -1, "'%s' uses %s, a %s extension: survey runs "
			 "ODK XLSForms, not forms written for %s", n->name, what, platform, platform);
	if (tp->modern && tp->kind == ROW_QUESTION) {
		if (tp->list_len)
			form_warn(ld, sname, r->line, tcolh, -1, "'%s' is an old spelling: write "
				  "'%s %.*s'", type, tp->modern, tp->list_len, type + tp->list_at);
		else
			form_warn(ld, sname, r->line, tcolh, -1, "'%s' is an old spelling: write "
				  "'%s'%s", type, tp->modern, tp->digits_only ? " with the constraint "
				  "regex(., '^[0-9]*$')" : "");
	}
	if (tp->digits_only && !n->src[FORM_X_CONSTRAINT])
		n->src[FORM_X_CONSTRAINT] = xstrdup("regex(., '^[0-9]*$')");
	if (blank_meta_note(ntype) && tp->kind == ROW_QUESTION)
		form_warn(ld, sname, r->line, NULL, -1, "%s '%s' %s", form_type_name(ntype), n->name,
			  blank_meta_note(ntype));
	if (ntype == FORM_BACKGROUND_GEOPOINT && tp->kind == ROW_QUESTION &&
	    !n->src[FORM_X_TRIGGER])
		form_err(ld, sname, r->line, NULL, -1, "background-geopoint '%s' needs a trigger: "
			 "the question whose answer records the point (ODK's rule)", n->name);
	if (ntype == FORM_BACKGROUND_GEOPOINT && n->src[FORM_X_CALCULATION])
		form_err(ld, sname, r->line, NULL, -1, "background-geopoint '%s' cannot have a "
			 "calculation: its value is the point its trigger records", n->name);
	int big_alone = 0, media = has_media(st, r, &big_alone);
	if (big_alone)
		form_err(ld, sname, r->line, NULL, -1, "'%s' has a big-image but no image: the "
			 "big-image is what the image opens to, so add the image", n->name);
	else if (tp->kind == ROW_QUESTION && (form_type_is_input(ntype) || ntype == FORM_NOTE) &&
	    !n->src[FORM_X_CALCULATION] && !n->src[FORM_X_TRIGGER] && !has_label(st, r) &&
	    !has_text(st, r, FORM_HINT) && !media)
		form_err(ld, sname, r->line, NULL, -1, "'%s' has neither a label nor a hint: "
			 "write what the interviewer reads in the label column", n->name);
	/* pyxform names the root "data" unless the settings sheet has a 'name' */
	if (begin && !strcmp(n->name, ld->root_name ? ld->root_name : "data")) {
		const char *kind = ntype == FORM_REPEAT ? "repeat" : "group";
		form_err(ld, sname, r->line, NULL, -1, "%s '%s' has the name of the form's root "
			 "(%s): rename the %s%s", kind, n->name, ld->root_name ? "settings 'name'" :
			 "pyxform's default when settings has no 'name'", kind,
			 ld->root_name ? " or the form" : "");
	}
}

/* Phase 4: what the node of row r takes from its type — a select's choice list, a question's
 * parameters — and what it lacks (a calculate's calculation, a group's label). */
static void complete_node(struct survey_state *st, const sheet_row *r, int node,
			  form_type ntype, const char *type, const form_type_parse *tp)
{
	form_loader *ld = st->ld;
	const char *sname = ld->survey->name;
	if (tp->kind == ROW_QUESTION && (ntype == FORM_SELECT_ONE ||
					 ntype == FORM_SELECT_MULTIPLE || ntype == FORM_RANK))
		question_list(st, r, node, ntype, type, tp);
	form_node *n = &ld->f->nodes[node];   /* question_list may have moved the nodes */
	if (ntype == FORM_CALCULATE && !n->src[FORM_X_CALCULATION] && !n->src[FORM_X_DEFAULT])
		form_err(ld, sname, r->line, NULL, -1, "calculate '%s' has no calculation", n->name);
	if (tp->kind == ROW_QUESTION) {
		int pc = xlsform_find_col(ld->scols, ld->nscols, COL_PARAMETERS);
		xlsform_question_params(ld, node, pc >= 0 ? ld->scols[pc].header : "parameters");
	}
	n = &ld->f->nodes[node];
	if (ntype == FORM_GROUP && !n->text[FORM_LABEL] && !strstr(n->appearance, "field-list") &&
	    tp->kind == ROW_BEGIN_GROUP)
		form_warn(ld, sname, r->line, NULL, -1, "group '%s' has no label", n->name);
}

/* One row of the survey sheet: phase 1 (rows without a node), 2 (the node made), 3 (its
 * checks), 4 (its list and parameters), 5 (a group or repeat opened). Returns the choice list
 * of a valid 'begin loop over LIST' row (its group is open), else -1. */
static int survey_row(struct survey_state *st, const sheet_row *r)
{
	int loop_list = -1;
	form_loader *ld = st->ld;
	const char *sname = ld->survey->name;
	const char *tcolh = ld->survey->rows[0].cells[st->type_col];
	char *type = form_collapse_space(xlsform_cell(r, st->type_col));
	const char *name = st->name_col >= 0 ? xlsform_cell(r, st->name_col) : "";
	form_type_parse tp = { 0 };
	if (*type)
		form_parse_type(type, &tp);
	if (row_without_node(st, r, type, name, &tp)) {
		free(type);
		return -1;
	}
	int begin;
	form_type ntype = row_type(st, r, type, &tp, &begin, &loop_list);
	char *gen = NULL;
	if (!*name) {
		if (ntype == FORM_NOTE && tp.kind == ROW_QUESTION)
			name = gen = xasprintf("generated_note_name_%d", r->line);
		else
			form_err(ld, sname, r->line, NULL, -1, "%s has no name",
				 begin ? (ntype == FORM_REPEAT ? "repeat" : "group") : "question");
	}
	if (begin && st->depth > FORM_MAX_DEPTH) {
		form_err(ld, sname, r->line, tcolh, -1, "groups and repeats nested deeper than %d "
			 "levels", FORM_MAX_DEPTH);
		free(gen);
		free(type);
		st->depth = -1;   /* stop reading the survey */
		return -1;
	}
	int node = new_node(st, ntype, name, r->line);
	free(gen);
	fill_node(st, node, r);
	check_name(st, node, sname);
	check_node(st, r, node, ntype, type, &tp, begin);
	complete_node(st, r, node, ntype, type, &tp);
	if (begin) {
		struct frame *fr = &st->stack[st->depth++];
		fr->node = node;
		fr->last_child = -1;
		fr->kind = tp.kind;
		fr->row = r->line;
	}
	free(type);
	return begin ? loop_list : -1;
}

/* ---- begin loop over LIST ---- */

/* The row ending the loop begun at row `at` (nesting counted), or `to` when none does. */
static int loop_end(struct survey_state *st, int at, int to)
{
	int depth = 0;
	for (int i = at + 1; i < to; i++) {
		char *type = form_collapse_space(xlsform_cell(&st->ld->survey->rows[i], st->type_col));
		form_type_parse tp;
		form_parse_type(type, &tp);
		free(type);
		if (tp.kind == ROW_BEGIN_LOOP)
			depth++;
		else if (tp.kind == ROW_END_LOOP && depth-- == 0)
			return i;
	}
	return to;
}

/* A copy of text `v` with %(name)s and %(label)s replaced by the choice's (pyxform's loop
 * placeholders); the label in language `lang` with the form's fallback. */
static char *loop_text(const form *f, const form_choice *c, int lang, const char *v)
{
	strbuf sb = STRBUF_INIT;
	const char *label = form_choice_label(f, c, lang);
	while (*v) {
		if (!strncmp(v, "%(name)s", 8)) {
			sb_adds(&sb, c->name);
			v += 8;
		} else if (!strncmp(v, "%(label)s", 9)) {
			sb_adds(&sb, label ? label : c->name);
			v += 9;
		} else
			sb_addc(&sb, *v++);
	}
	return sb_detach(&sb);
}

static void read_rows(struct survey_state *st, int from, int to, const form_choice *c);

/* One group per choice of list `list`, named and labelled like the choice, holding the rows
 * between the loop's begin (at) and its end (end). */
static void expand_loop(struct survey_state *st, int list, int at, int end)
{
	form_loader *ld = st->ld;
	form *f = ld->f;
	const form_list *L = &f->lists[list];
	int row = ld->survey->rows[at].line;
	for (int k = 0; k < L->nchoices && st->depth > 0; k++) {
		const form_choice *c = &L->choices[k];
		int g = new_node(st, FORM_GROUP, c->name, row);
		if (f->nlangs && c->label) {
			f->nodes[g].text[FORM_LABEL] = xcalloc((size_t)f->nlangs, sizeof(char *));
			for (int l = 0; l < f->nlangs; l++)
				if (c->label[l])
					f->nodes[g].text[FORM_LABEL][l] = xstrdup(c->label[l]);
		}
		check_name(st, g, ld->survey->name);
		if (st->depth > FORM_MAX_DEPTH)
			break;
		int base = st->depth;
		struct frame *fr = &st->stack[st->depth++];
		fr->node = g;
		fr->last_child = -1;
		fr->kind = ROW_BEGIN_GROUP;
		fr->row = row;
		read_rows(st, at + 1, end, c);
		if (st->depth <= 0)
			return;
		while (st->depth > base) {   /* unbalanced rows inside were reported at the end */
			f->nodes[st->stack[st->depth - 1].node].end = f->nnodes;
			st->depth--;
		}
	}
}

/* Survey rows [from, to); inside a loop, c is the choice whose group is being filled. */
static void read_rows(struct survey_state *st, int from, int to, const form_choice *c)
{
	const sheet *sh = st->ld->survey;
	for (int i = from; i < to && st->depth > 0; i++) {
		const sheet_row *r = &sh->rows[i];
		sheet_row copy = *r;
		if (st->disabled_col >= 0 && form_yes_no(xlsform_cell(r, st->disabled_col)) == 1)
			continue;
		if (c) {   /* the texts with the choice's name and label */
			copy.cells = xcalloc((size_t)(r->ncells ? r->ncells : 1), sizeof(char *));
			for (int k = 0; k < r->ncells; k++) {
				const form_col *col = k < st->ld->nscols ? &st->ld->scols[k] : NULL;
				int lang = col && col->kind == COL_TEXT ? col->lang : -1;
				copy.cells[k] = col && col->kind == COL_TEXT && strchr(r->cells[k], '%') ?
					loop_text(st->ld->f, c, lang, r->cells[k]) : xstrdup(r->cells[k]);
			}
		}
		int list = survey_row(st, &copy);
		if (c)
			strv_free(copy.cells, r->ncells);
		if (list < 0)
			continue;
		int end = loop_end(st, i, to);
		expand_loop(st, list, i, end);
		i = end - 1;   /* the end loop row closes the loop's group */
	}
}

static void read_survey(form_loader *ld, struct list_info *lists)
{
	const sheet *sh = ld->survey;
	struct survey_state *st = xcalloc(1, sizeof *st);
	st->ld = ld;
	st->lists = lists;
	st->type_col = xlsform_find_col(ld->scols, ld->nscols, COL_TYPE);
	st->name_col = xlsform_find_col(ld->scols, ld->nscols, COL_NAME);
	if (st->type_col < 0 || st->name_col < 0) {
		form_err(ld, sh->name, sh->rows[0].line, NULL, -1, "missing column '%s'",
			 st->type_col < 0 ? "type" : "name");
		free(st);
		return;
	}
	st->disabled_col = -1;
	for (int c = 0; c < ld->nscols && st->disabled_col < 0; c++) {
		char *h = xlsform_snake(ld->scols[c].header, strlen(ld->scols[c].header));
		if (!strcmp(h, "disabled")) {
			st->disabled_col = c;
			form_warn(ld, sh->name, sh->rows[0].line, ld->scols[c].header, -1, "rows with "
				  "yes here are left out, as pyxform does; the column is not in the "
				  "XLSForm spec: relevant is the way to leave a question out");
		}
		free(h);
	}
	new_node(st, FORM_ROOT, "", 0);
	st->stack[0].node = 0;
	st->stack[0].last_child = -1;
	st->depth = 1;
	read_rows(st, 1, sh->nrows, NULL);
	form *f = ld->f;
	for (int d = st->depth - 1; d >= 1; d--) {
		struct frame *fr = &st->stack[d];
		form_err(ld, sh->name, fr->row, NULL, -1, "'begin %s' of '%s' has no matching "
			 "'end %s'", kind_word(fr->kind), f->nodes[fr->node].name, kind_word(fr->kind));
	}
	for (int d = st->depth > 0 ? st->depth - 1 : 0; d >= 0; d--)
		f->nodes[st->stack[d].node].end = f->nnodes;
	if (st->depth < 0)   /* stopped early: close every open subtree */
		for (int i = 0; i < f->nnodes; i++)
			if (form_type_is_container(f->nodes[i].type) && f->nodes[i].end <= i + 1)
				f->nodes[i].end = f->nnodes;
	for (int i = 1; i < f->nnodes; i++)
		if (!form_type_is_container(f->nodes[i].type) && !f->nodes[i].generated &&
		    !form_type_is_meta(f->nodes[i].type))
			f->nquestions++;
	free(st);
}

void xlsform_build(form_loader *ld)
{
	form *f = ld->f;
	const workbook *wb = ld->wb;
	f->source = xstrdup(ld->file);
	ld->survey = workbook_sheet(wb, "survey");
	ld->choices = workbook_sheet(wb, "choices");
	ld->settings = workbook_sheet(wb, "settings");
	read_settings(ld);
	if (!ld->survey) {
		strbuf sb = STRBUF_INIT;
		for (int i = 0; i < wb->nsheets; i++)
			sb_addf(&sb, "%s'%s'", i ? ", " : "", wb->sheets[i].name);
		if (wb->nsheets)
			form_err(ld, NULL, 0, NULL, -1, "no sheet named 'survey' (the sheets are %s)",
				 sb_str(&sb));
		else
			form_err(ld, NULL, 0, NULL, -1, "no sheet named 'survey' (the file has no "
				 "sheets)");
		sb_release(&sb);
		return;
	}
	if (ld->survey->nrows == 0) {
		form_err(ld, ld->survey->name, 0, NULL, -1, "the survey sheet is empty");
		return;
	}
	xlsform_read_headers(ld);
	if (ld->default_language) {
		f->default_lang = -1;
		for (int i = 0; i < f->nlangs; i++)
			if (strcmp(f->langs[i].name, ld->default_language) == 0)
				f->default_lang = i;
		if (f->default_lang < 0)
			form_err(ld, ld->settings ? ld->settings->name : "settings",
				 ld->default_lang_row, "default_language", -1,
				 "'%s' is not the language of any column", ld->default_language);
	}
	if (f->default_lang < 0 && f->nlangs > 0) {
		f->default_lang = 0;
		for (int i = 0; i < f->nlangs; i++)
			if (strcmp(f->langs[i].name, "default") == 0)
				f->default_lang = i;
	}
	struct list_info *lists = read_choices(ld);
	read_survey(ld, lists);
	free(lists);
	check_repeat_lists(ld);
}
