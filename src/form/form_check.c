/* form_check.c: the second pass of loading — parse every expression once, check that each
 * ${name} (in expressions and texts) names exactly one question, build the dependency graph
 * (dependents of each node, evaluation orders), find cycles, and warn about translations. */
#include "form/form_impl.h"

#include <stdlib.h>
#include <string.h>

static const char *const expr_columns[FORM_NEXPRS] = {
	[FORM_X_RELEVANT] = "relevant",
	[FORM_X_CONSTRAINT] = "constraint",
	[FORM_X_CALCULATION] = "calculation",
	[FORM_X_REQUIRED] = "required",
	[FORM_X_READ_ONLY] = "read_only",
	[FORM_X_CHOICE_FILTER] = "choice_filter",
	[FORM_X_REPEAT_COUNT] = "repeat_count",
	[FORM_X_DEFAULT] = "default",
	[FORM_X_TRIGGER] = "trigger",
	[FORM_X_SEED] = "parameters",
};

const char *form_expr_column(enum form_expr_kind k)
{
	return k >= 0 && k < FORM_NEXPRS ? expr_columns[k] : "?";
}

static const char *const text_columns[FORM_NTEXTS] = {
	[FORM_LABEL] = "label",
	[FORM_HINT] = "hint",
	[FORM_REQUIRED_MSG] = "required_message",
	[FORM_CONSTRAINT_MSG] = "constraint_message",
};

struct ref {
	char *name;
	int pos;      /* byte offset in the parsed text */
};

struct refs {
	struct ref *v;
	int n, cap;
};

static void collect(void *arg, const char *name, int pos)
{
	struct refs *r = arg;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->v = xreallocarray(r->v, (size_t)r->cap, sizeof *r->v);
	}
	r->v[r->n].name = xstrdup(name);
	r->v[r->n].pos = pos;
	r->n++;
}

static void refs_reset(struct refs *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->v[i].name);
	r->n = 0;
}

struct checker {
	form_loader *ld;
	form *f;
	int *second;          /* second[first] = index of a second node with the same name, or -1 */
	form_map columns;     /* choice columns usable in choice_filter */
	struct refs refs;
	/* dependency edges from a referenced node to the node whose expression uses it */
	int *efrom, *eto;
	unsigned char *ekind; /* 1: relevant or calculation (the graph for cycles and order) */
	int nedges, capedges;
	int *stamp;           /* stamp[m] = last node n given m as a dependency (dedupe) */
	const char **theader; /* theader[kind * nlangs + lang]: a survey header of that text */
	const char **cheader; /* the choices sheet's label header of each language */
};

static void add_edge(struct checker *ck, int from, int to, int graph)
{
	if (ck->nedges == ck->capedges) {
		ck->capedges = ck->capedges ? ck->capedges * 2 : 64;
		ck->efrom = xreallocarray(ck->efrom, (size_t)ck->capedges, sizeof *ck->efrom);
		ck->eto = xreallocarray(ck->eto, (size_t)ck->capedges, sizeof *ck->eto);
		ck->ekind = xreallocarray(ck->ekind, (size_t)ck->capedges, 1);
	}
	ck->efrom[ck->nedges] = from;
	ck->eto[ck->nedges] = to;
	ck->ekind[ck->nedges] = (unsigned char)graph;
	ck->nedges++;
}

/* The node a reference names, or -1 after reporting why not. */
static int resolve(struct checker *ck, const char *sheetname, int row, const char *col,
		int pos, const char *name)
{
	form *f = ck->f;
	int *v = form_map_find(f->names, 0, name);
	if (!v) {
		form_err(ck->ld, sheetname, row, col, pos, "no question named '%s'", name);
		return -1;
	}
	if (ck->second[*v] >= 0) {
		int r1 = f->nodes[*v].row, r2 = f->nodes[ck->second[*v]].row;
		if (r1 == r2)   /* one row that a loop repeated */
			form_err(ck->ld, sheetname, row, col, pos, "'%s' names a question that a loop "
				 "repeats (row %d), one per choice: in an expression, ../%s means the "
				 "one beside it", name, r1, name);
		else
			form_err(ck->ld, sheetname, row, col, pos, "'%s' names more than one question "
				 "(rows %d and %d); a referenced name must be unique in the whole form",
				 name, r1, r2);
		return -1;
	}
	return *v;
}

/* Parse one expression cell; check its references. Returns the tree or NULL. For a node's
 * expression, `node` >= 0 and edges are recorded. */
static expr *parse_cell(struct checker *ck, const char *sheetname, int row, const char *col,
		const char *src, int node, enum form_expr_kind kind)
{
	char err[ERR_MAX];
	int pos = 0, *map = NULL;
	int filter = node >= 0 && kind == FORM_X_CHOICE_FILTER;
	char *text = filter ? form_filter_rewrite(src, &map) : NULL;
	expr *e = expr_parse(text ? text : src, err, &pos);
	if (!e) {
		int off = map ? map[pos < 0 ? 0 : pos] : pos;
		form_err(ck->ld, sheetname, row, col, form_char_pos(src, off), "%s", err);
		free(text);
		free(map);
		return NULL;
	}
	refs_reset(&ck->refs);
	expr_refs(e, collect, &ck->refs);
	for (int i = 0; i < ck->refs.n; i++) {
		const char *name = ck->refs.v[i].name;
		int off = map ? map[ck->refs.v[i].pos] : ck->refs.v[i].pos;
		int cpos = form_char_pos(src, off);
		if (filter && name[0] == FORM_CHOICE_COLUMN_PREFIX) {
			if (!form_map_find(&ck->columns, 0, name + 1))
				form_err(ck->ld, sheetname, row, col, cpos, "no column '%s' in the choices "
					 "sheet", name + 1);
			continue;
		}
		const char *at = (text ? text : src) + ck->refs.v[i].pos;
		/* a relative path (../x) means the x nearest to the node, even in a loop */
		int m = at[0] == '.' && node >= 0 ? form_find_near(ck->f, name, node) : -1;
		if (m < 0)
			m = resolve(ck, sheetname, row, col, cpos, name);
		if (!strncmp(at, "${last-saved#", 13))
			continue;   /* the saved interview's value: no dependency */
		if (m >= 0 && node >= 0 && kind == FORM_X_TRIGGER) {
			form_node *n = &ck->f->nodes[node];
			int k = 0;
			while (k < n->ntriggers && n->triggers[k] != m)
				k++;
			if (k == n->ntriggers && k < FORM_MAX_TRIGGERS)
				n->triggers[n->ntriggers++] = m;
		}
		else if (m >= 0 && node >= 0 && kind != FORM_X_DEFAULT && kind != FORM_X_SEED)
			add_edge(ck, m, node, kind == FORM_X_RELEVANT || kind == FORM_X_CALCULATION);
	}
	form_media_check_expr(ck->ld, e, sheetname, row, col, src, map);
	free(text);
	free(map);
	return e;
}

/* Check the ${name} references inside a label, hint or message. */
static void text_refs(struct checker *ck, const char *sheetname, int row, const char *col,
		const char *s)
{
	for (const char *p = strstr(s, "${"); p; p = strstr(p + 2, "${")) {
		const char *end = strchr(p + 2, '}');
		int cpos = form_char_pos(s, (int)(p - s));
		if (!end) {
			form_err(ck->ld, sheetname, row, col, cpos, "'${' without a closing '}'");
			return;
		}
		const char *from = p + 2;
		if (!strncmp(from, "last-saved#", 11) && from + 11 < end)
			from += 11;   /* ${last-saved#q} */
		char *name = xstrndup(from, (size_t)(end - from));
		if (!form_is_xml_name(name))
			form_err(ck->ld, sheetname, row, col, cpos, "'${%s}' is not a reference to a "
				 "question name", name);
		else
			resolve(ck, sheetname, row, col, cpos, name);
		free(name);
	}
}

static const char *expr_header(const form_loader *ld, enum form_expr_kind k)
{
	return ld->xcol[k] ? ld->xcol[k] : expr_columns[k];
}

static void index_names(struct checker *ck)
{
	form *f = ck->f;
	f->names = xcalloc(1, sizeof *f->names);
	form_map_init(f->names, 0);
	ck->second = xmalloc((size_t)f->nnodes * sizeof *ck->second);
	for (int i = 0; i < f->nnodes; i++) {
		ck->second[i] = -1;
		if (i == 0 || !*f->nodes[i].name)
			continue;
		int existed;
		int *v = form_map_put(f->names, 0, f->nodes[i].name, i, &existed);
		if (existed && ck->second[*v] < 0)
			ck->second[*v] = i;
	}
	form_map_init(&ck->columns, 0);
	int existed;
	form_map_put(&ck->columns, 0, "name", 0, &existed);
	form_map_put(&ck->columns, 0, "label", 0, &existed);
	for (int i = 0; i < f->nchoice_columns; i++)
		form_map_put(&ck->columns, 0, f->choice_columns[i], 0, &existed);
}

/* Names used more than once (in different groups) are not found by form_find. */
static void mark_ambiguous(struct checker *ck)
{
	form_map *m = ck->f->names;
	for (int i = 0; i < m->ix.n; i++)
		if (ck->second[m->ents[i].value] >= 0)
			m->ents[i].value = -1;
}

static void text_headers(struct checker *ck)
{
	form_loader *ld = ck->ld;
	int nl = ck->f->nlangs;
	ck->theader = xcalloc((size_t)(nl * FORM_NTEXTS) + 1, sizeof *ck->theader);
	ck->cheader = xcalloc((size_t)nl + 1, sizeof *ck->cheader);
	for (int c = 0; c < ld->nscols; c++) {
		const form_col *col = &ld->scols[c];
		if (col->kind != COL_TEXT)
			continue;
		const char **h = &ck->theader[col->sub * nl + col->lang];
		if (!*h || !col->plain)
			*h = col->header;
	}
	for (int c = 0; c < ld->nccols; c++) {
		const form_col *col = &ld->ccols[c];
		if (col->kind == COL_TEXT && (!ck->cheader[col->lang] || !col->plain))
			ck->cheader[col->lang] = col->header;
	}
}

/* What a trigger cell must be. */
static const char trigger_syntax[] = "trigger must name questions, as ${name} or ${a},${b}";

/* Is s (blanks around allowed) a list of ${name} joined by ',' (pyxform's trigger list)?
 * Sets *count to their number. */
static int trigger_list(const char *s, int *count)
{
	*count = 0;
	for (;;) {
		s += strspn(s, " ");
		if (strncmp(s, "${", 2))
			return 0;
		size_t n = strcspn(s + 2, "}, ${");
		if (!n || s[2 + n] != '}')
			return 0;
		++*count;
		s += 3 + n;
		s += strspn(s, " ");
		if (!*s)
			return 1;
		if (*s++ != ',')
			return 0;
	}
}

/* A trigger names questions the interviewer sees (pyxform's rule), each as ${name} and
 * joined by ',', other than the node itself. On a group or repeat it means nothing (pyxform
 * ignores it). */
static void check_trigger(struct checker *ck, int node)
{
	form_node *n = &ck->f->nodes[node];
	const char *col = expr_header(ck->ld, FORM_X_TRIGGER);
	const char *sname = ck->ld->survey->name;
	int count;
	if (form_type_is_container(n->type)) {
		n->ntriggers = 0;
		return;
	}
	if (!trigger_list(n->src[FORM_X_TRIGGER], &count)) {
		form_err(ck->ld, sname, n->row, col, -1, "%s", trigger_syntax);
		return;
	}
	if (count > FORM_MAX_TRIGGERS) {
		form_err(ck->ld, sname, n->row, col, -1, "trigger names %d questions: at most %d",
			 count, FORM_MAX_TRIGGERS);
		return;
	}
	for (int k = 0; k < n->ntriggers; k++) {   /* unknown names: reported */
		const form_node *t = &ck->f->nodes[n->triggers[k]];
		if (n->triggers[k] == node)
			form_err(ck->ld, sname, n->row, col, -1, "'%s' cannot trigger itself",
				 n->name);
		else if (!form_type_is_input(t->type) ||
			 (t->src[FORM_X_CALCULATION] && !t->text[FORM_LABEL] && !t->text[FORM_HINT]))
			form_err(ck->ld, sname, n->row, col, -1, "'%s' is not shown to the interviewer, "
				 "so it cannot trigger '%s': name a question that is asked", t->name,
				 n->name);
	}
}

static void check_nodes(struct checker *ck)
{
	form *f = ck->f;
	form_loader *ld = ck->ld;
	const char *sname = ld->survey->name;
	int nl = f->nlangs;
	for (int i = 1; i < f->nnodes; i++) {
		form_node *n = &f->nodes[i];
		for (int k = 0; k < FORM_NEXPRS; k++)
			if (n->src[k]) {
				/* a trigger list ${a},${b} parses as ${a}+${b}: the same references at
				 * the same places (the list itself is checked by check_trigger) */
				int count;
				char *src = k == FORM_X_TRIGGER ? xstrdup(n->src[k]) : NULL;
				if (src && strchr(src, ',') && !trigger_list(src, &count)) {
					form_err(ld, sname, n->row, expr_header(ld, k), -1, "%s",
						 trigger_syntax);
					free(src);
					continue;
				}
				for (char *c = src; c && (c = strchr(c, ',')); c++)
					*c = '+';
				n->x[k] = parse_cell(ck, sname, n->row, n->generated ? expr_columns[k]
						     : expr_header(ld, k), src ? src : n->src[k], i, k);
				free(src);
			}
		if (n->x[FORM_X_TRIGGER])
			check_trigger(ck, i);
		if (n->generated)
			continue;
		for (int k = 0; k < FORM_NTEXTS; k++)
			for (int l = 0; n->text[k] && l < nl; l++)
				if (n->text[k][l] && strstr(n->text[k][l], "${"))
					text_refs(ck, sname, n->row, ck->theader[k * nl + l],
						  n->text[k][l]);
	}
	for (int li = 0; li < f->nlists; li++) {
		const form_list *l = &f->lists[li];
		for (int c = 0; c < l->nchoices; c++)
			for (int g = 0; l->choices[c].label && g < nl; g++)
				if (l->choices[c].label[g] && strstr(l->choices[c].label[g], "${"))
					text_refs(ck, ld->choices->name, l->choices[c].row,
						  ck->cheader[g], l->choices[c].label[g]);
	}
	if (f->instance_name_src)
		f->instance_name = parse_cell(ck, ld->settings ? ld->settings->name : "settings",
					      ld->settings_row, ld->instance_name_col,
					      f->instance_name_src, -1, 0);
}

/* Walk the edges, each (from, to) pair once (edges are grouped by their `to` node, added node
 * by node: deduped with stamps), counting each node's dependents in count, or (count NULL)
 * appending them to its dependents. */
static void walk_edges(struct checker *ck, int *count)
{
	form *f = ck->f;
	for (int i = 0; i < f->nnodes; i++)
		ck->stamp[i] = -1;
	for (int e = 0; e < ck->nedges; e++) {
		int m = ck->efrom[e], n = ck->eto[e];
		if (ck->stamp[m] == n)
			continue;
		ck->stamp[m] = n;
		if (count)
			count[m]++;
		else
			f->nodes[m].dependents[f->nodes[m].ndependents++] = n;
	}
}

/* Each node's dependents, from the edges (duplicates removed). */
static void build_dependents(struct checker *ck)
{
	form *f = ck->f;
	int *count = xcalloc((size_t)f->nnodes, sizeof *count);
	ck->stamp = xmalloc((size_t)f->nnodes * sizeof *ck->stamp);
	walk_edges(ck, count);
	for (int i = 0; i < f->nnodes; i++)
		if (count[i])
			f->nodes[i].dependents = xmalloc((size_t)count[i] * sizeof(int));
	walk_edges(ck, NULL);
	free(count);
}

/* Compressed adjacency of the relevance/calculation graph. */
struct graph {
	int *start;   /* start[v]..start[v+1]: v's successors in adj */
	int *adj;
};

static void build_graph(struct checker *ck, struct graph *g)
{
	int nn = ck->f->nnodes;
	g->start = xcalloc((size_t)nn + 1, sizeof *g->start);
	int ne = 0;
	for (int e = 0; e < ck->nedges; e++)
		if (ck->ekind[e]) {
			g->start[ck->efrom[e] + 1]++;
			ne++;
		}
	for (int v = 0; v < nn; v++)
		g->start[v + 1] += g->start[v];
	g->adj = xmalloc((size_t)ne * sizeof *g->adj + 1);
	int *fill = xmalloc((size_t)nn * sizeof *fill);
	memcpy(fill, g->start, (size_t)nn * sizeof *fill);
	for (int e = 0; e < ck->nedges; e++)
		if (ck->ekind[e])
			g->adj[fill[ck->efrom[e]]++] = ck->eto[e];
	free(fill);
}

/* Report one cycle through the strongly connected component `comp` (members flagged in
 * `in`), starting at its first node: a path found breadth-first back to the start. */
static void report_cycle(struct checker *ck, const struct graph *g, const int *comp, int ncomp,
		const unsigned char *in)
{
	form *f = ck->f;
	int s = comp[0];
	for (int i = 1; i < ncomp; i++)
		if (comp[i] < s)
			s = comp[i];
	int nn = f->nnodes;
	int *prev = xmalloc((size_t)nn * sizeof *prev);
	int *queue = xmalloc((size_t)ncomp * sizeof *queue + sizeof(int));
	for (int i = 0; i < ncomp; i++)
		prev[comp[i]] = -2;
	int qh = 0, qt = 0, last = -1;
	queue[qt++] = s;
	prev[s] = -1;
	while (qh < qt && last < 0) {
		int v = queue[qh++];
		for (int k = g->start[v]; k < g->start[v + 1]; k++) {
			int w = g->adj[k];
			if (w == s) {
				last = v;
				break;
			}
			if (in[w] && prev[w] == -2) {
				prev[w] = v;
				queue[qt++] = w;
			}
		}
	}
	/* walk back from `last` to s */
	int *path = xmalloc(((size_t)ncomp + 1) * sizeof *path);
	int np = 0;
	for (int v = last; v >= 0 && np < ncomp; v = prev[v])
		path[np++] = v;
	/* path is [last, ..., s]: s uses last, which uses ..., whose first uses s */
	strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "'%s'", f->nodes[s].name);
	for (int i = 0; i < np - 1; i++) {
		if (i == 8 && i < np - 2) {
			sb_adds(&sb, " -> ...");
			break;
		}
		sb_addf(&sb, " -> '%s'", f->nodes[path[i]].name);
	}
	sb_addf(&sb, " -> '%s'", f->nodes[s].name);
	if (ncomp == 1)
		form_err(ck->ld, ck->ld->survey->name, f->nodes[s].row, NULL, -1, "'%s' depends on "
			 "itself through its relevant or calculation", f->nodes[s].name);
	else
		form_err(ck->ld, ck->ld->survey->name, f->nodes[s].row, NULL, -1, "cycle in "
			 "relevance and calculations: %s (each uses the next)", sb_str(&sb));
	sb_release(&sb);
	free(path);
	free(queue);
	free(prev);
}

/* Tarjan's strongly connected components over the nodes left in cycles (iterative). */
static void find_cycles(struct checker *ck, const struct graph *g, const unsigned char *left)
{
	int nn = ck->f->nnodes;
	int *index = xmalloc((size_t)nn * sizeof *index), *low = xmalloc((size_t)nn * sizeof *low);
	int *stack = xmalloc((size_t)nn * sizeof *stack), *call = xmalloc((size_t)nn * sizeof *call);
	int *edge = xmalloc((size_t)nn * sizeof *edge);
	unsigned char *on = xcalloc((size_t)nn, 1), *in = xcalloc((size_t)nn, 1);
	for (int i = 0; i < nn; i++)
		index[i] = -1;
	int counter = 0, sp = 0;
	for (int root = 0; root < nn; root++) {
		if (!left[root] || index[root] >= 0)
			continue;
		int cp = 0;
		call[cp++] = root;
		index[root] = low[root] = counter++;
		edge[root] = g->start[root];
		stack[sp++] = root;
		on[root] = 1;
		while (cp > 0) {
			int v = call[cp - 1];
			if (edge[v] < g->start[v + 1]) {
				int w = g->adj[edge[v]++];
				if (!left[w])
					continue;
				if (index[w] < 0) {
					index[w] = low[w] = counter++;
					edge[w] = g->start[w];
					stack[sp++] = w;
					on[w] = 1;
					call[cp++] = w;
				} else if (on[w] && index[w] < low[v]) {
					low[v] = index[w];
				}
				continue;
			}
			cp--;
			if (cp > 0 && low[v] < low[call[cp - 1]])
				low[call[cp - 1]] = low[v];
			if (low[v] != index[v])
				continue;
			int base = sp;
			do
				on[stack[--base]] = 0;
			while (stack[base] != v);
			int ncomp = sp - base;
			int self = 0;
			for (int k = g->start[v]; k < g->start[v + 1]; k++)
				if (g->adj[k] == v)
					self = 1;
			if (ncomp > 1 || self) {
				for (int i = base; i < sp; i++)
					in[stack[i]] = 1;
				report_cycle(ck, g, stack + base, ncomp, in);
				for (int i = base; i < sp; i++)
					in[stack[i]] = 0;
			}
			sp = base;
		}
	}
	free(index);
	free(low);
	free(stack);
	free(call);
	free(edge);
	free(on);
	free(in);
}

/* Topological order of the relevance/calculation graph (Kahn, document order among ready
 * nodes); nodes left over are in or behind cycles, which are reported. */
static void order(struct checker *ck)
{
	form *f = ck->f;
	int nn = f->nnodes;
	struct graph g;
	build_graph(ck, &g);
	int *indeg = xcalloc((size_t)nn, sizeof *indeg);
	for (int k = 0; k < g.start[nn]; k++)
		indeg[g.adj[k]]++;
	int *queue = xmalloc((size_t)nn * sizeof *queue);
	int qh = 0, qt = 0;
	for (int v = 0; v < nn; v++)
		if (!indeg[v])
			queue[qt++] = v;
	while (qh < qt) {
		int v = queue[qh++];
		for (int k = g.start[v]; k < g.start[v + 1]; k++)
			if (--indeg[g.adj[k]] == 0)
				queue[qt++] = g.adj[k];
	}
	f->calc_order = xmalloc((size_t)qt * sizeof(int) + 1);
	f->eval_order = xmalloc((size_t)qt * sizeof(int) + 1);
	for (int i = 0; i < qt; i++) {
		const form_node *n = &f->nodes[queue[i]];
		if (n->x[FORM_X_CALCULATION])
			f->calc_order[f->ncalc++] = queue[i];
		if (n->x[FORM_X_CALCULATION] || n->x[FORM_X_RELEVANT])
			f->eval_order[f->neval++] = queue[i];
	}
	if (qt < nn) {
		unsigned char *left = xcalloc((size_t)nn, 1);
		for (int v = 0; v < nn; v++)
			left[v] = indeg[v] > 0;
		find_cycles(ck, &g, left);
		free(left);
	}
	free(queue);
	free(indeg);
	free(g.start);
	free(g.adj);
}

/* Missing translations: a language with no column of a kind the sheet uses gets one warning
 * at the header; otherwise each text present in one language and empty in another does. */
static void check_translations(struct checker *ck)
{
	form *f = ck->f;
	form_loader *ld = ck->ld;
	int nl = f->nlangs;
	if (nl < 2)
		return;
	const char *sname = ld->survey->name;
	unsigned char *has = xcalloc((size_t)(nl * (FORM_NTEXTS + 1)), 1);
	for (int k = 0; k < FORM_NTEXTS; k++)
		for (int l = 0; l < nl; l++)
			has[k * nl + l] = ck->theader[k * nl + l] != NULL;
	for (int l = 0; l < nl; l++)
		has[FORM_NTEXTS * nl + l] = ck->cheader[l] != NULL;
	/* whole columns missing */
	for (int k = 0; k <= FORM_NTEXTS; k++) {
		int used = 0;
		for (int l = 0; l < nl; l++)
			used |= has[k * nl + l];
		for (int l = 0; used && l < nl; l++)
			if (!has[k * nl + l])
				form_warn(ld, k < FORM_NTEXTS ? sname : ld->choices->name,
					  k < FORM_NTEXTS ? ld->survey->rows[0].line
					  : ld->choices->rows[0].line, NULL, -1,
					  "language '%s' has no %s column", f->langs[l].name,
					  k < FORM_NTEXTS ? text_columns[k] : "label");
	}
	strbuf sb = STRBUF_INIT;
	for (int i = 1; i < f->nnodes; i++) {
		const form_node *n = &f->nodes[i];
		if (n->generated)
			continue;
		for (int k = 0; k < FORM_NTEXTS; k++) {
			if (!n->text[k])
				continue;
			sb_reset(&sb);
			int missing = 0;
			for (int l = 0; l < nl; l++)
				if (!n->text[k][l] && has[k * nl + l])
					sb_addf(&sb, "%s'%s'", missing++ ? ", " : "", f->langs[l].name);
			if (missing)
				form_warn(ld, sname, n->row, NULL, -1, "%s of '%s' has no %s translation",
					  text_columns[k], n->name, sb_str(&sb));
		}
	}
	for (int li = 0; li < f->nlists; li++) {
		const form_list *L = &f->lists[li];
		for (int c = 0; !L->file && c < L->nchoices; c++) {
			const form_choice *ch = &L->choices[c];
			if (!ch->label)
				continue;
			sb_reset(&sb);
			int missing = 0;
			for (int l = 0; l < nl; l++)
				if (!ch->label[l] && has[FORM_NTEXTS * nl + l])
					sb_addf(&sb, "%s'%s'", missing++ ? ", " : "", f->langs[l].name);
			if (missing)
				form_warn(ld, ld->choices->name, ch->row, NULL, -1, "label of choice '%s' "
					  "has no %s translation", ch->name, sb_str(&sb));
		}
	}
	sb_release(&sb);
	free(has);
}

void form_check(form_loader *ld)
{
	struct checker ck = { .ld = ld, .f = ld->f };
	index_names(&ck);
	text_headers(&ck);
	check_nodes(&ck);
	build_dependents(&ck);
	order(&ck);
	check_translations(&ck);
	mark_ambiguous(&ck);
	refs_reset(&ck.refs);
	free(ck.refs.v);
	free(ck.second);
	form_map_release(&ck.columns);
	free(ck.efrom);
	free(ck.eto);
	free(ck.ekind);
	free(ck.stamp);
	free(ck.theader);
	free(ck.cheader);
}
