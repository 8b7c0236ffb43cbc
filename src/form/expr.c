/* expr.c: lexer and recursive-descent parser of XLSForm expressions into a tree of nodes kept
 * in one array (children before parents), plus expr_free and expr_refs. */
#include "form/expr_impl.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

struct parser {
	const char *s;    /* the source */
	int len;          /* its length in bytes */
	int i;            /* offset of the next byte to read */
	int depth;        /* current nesting of parentheses, calls and unary minus */
	struct expr *e;   /* the tree being built */
	char *err;        /* ERR_MAX buffer */
	int *errpos;      /* OUT: offset of the problem */
	const char *inst; /* inside instance('x')/root/item[...]: "x" (bare names are columns) */
	int inst_len;
};

/* A growable list of child indexes and their operators, local to one parse function. */
struct kids {
	int *idx;
	unsigned char *op;
	int n, cap;
};

static void kids_push(struct kids *k, int idx, int op)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 4;
		k->idx = xreallocarray(k->idx, (size_t)k->cap, sizeof *k->idx);
		k->op = xrealloc(k->op, (size_t)k->cap);
	}
	k->idx[k->n] = idx;
	k->op[k->n] = (unsigned char)op;
	k->n++;
}

static void kids_release(struct kids *k)
{
	free(k->idx);
	free(k->op);
}

static int fail(struct parser *p, int pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct parser *p, int pos, const char *fmt, ...)
{
	if (p->err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(p->err, ERR_MAX, fmt, ap);
		va_end(ap);
	}
	if (p->errpos)
		*p->errpos = pos;
	return -1;
}

static int new_node(struct parser *p, int kind, int pos)
{
	struct expr *e = p->e;
	if (e->nnodes == e->capnodes) {
		e->capnodes = e->capnodes ? 2 * e->capnodes : 8;
		e->nodes = xreallocarray(e->nodes, (size_t)e->capnodes, sizeof *e->nodes);
	}
	struct expr_node *n = &e->nodes[e->nnodes];
	memset(n, 0, sizeof *n);
	n->kind = (unsigned char)kind;
	n->pos = pos;
	return e->nnodes++;
}

/* Give node `ni` the children in k (copied into the shared kid/op arrays). */
static void set_kids(struct parser *p, int ni, const struct kids *k)
{
	struct expr *e = p->e;
	if (e->nkid + k->n > e->capkid) {
		while (e->nkid + k->n > e->capkid)
			e->capkid = e->capkid ? 2 * e->capkid : 8;
		e->kid = xreallocarray(e->kid, (size_t)e->capkid, sizeof *e->kid);
		e->op = xrealloc(e->op, (size_t)e->capkid);
	}
	if (k->n) {
		memcpy(e->kid + e->nkid, k->idx, (size_t)k->n * sizeof *k->idx);
		memcpy(e->op + e->nkid, k->op, (size_t)k->n);
	}
	e->nodes[ni].first = e->nkid;
	e->nodes[ni].nkids = k->n;
	e->nkid += k->n;
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_name_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_name_char(int c)
{
	return is_name_start(c) || is_digit(c) || c == '-' || c == '.';
}

/* Characters allowed in ${name}: those of XLSForm names, and any non-ASCII byte. */
static int is_ref_char(int c)
{
	return is_name_char(c) || c >= 0x80;
}

static int at(const struct parser *p, int i)
{
	return i < p->len ? (unsigned char)p->s[i] : 0;
}

static void skip_ws(struct parser *p)
{
	while (p->i < p->len) {
		char c = p->s[p->i];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		p->i++;
	}
}

/* Length of the function name at i: NCName, optionally prefixed "pfx:". */
static int name_len(const struct parser *p, int i)
{
	int j = i;
	while (is_name_char(at(p, j)))
		j++;
	if (at(p, j) == ':' && is_name_start(at(p, j + 1))) {
		j++;
		while (is_name_char(at(p, j)))
			j++;
	}
	return j - i;
}

/* Length of the number at i (Digits ('.' Digits?)? | '.' Digits), 0 if none. */
static int number_len(const struct parser *p, int i)
{
	int j = i;
	while (is_digit(at(p, j)))
		j++;
	if (at(p, j) == '.' && (j > i || is_digit(at(p, j + 1)))) {
		j++;
		while (is_digit(at(p, j)))
			j++;
	}
	return j - i;
}

/* Length of a valid UTF-8 sequence at i, 0 if the bytes there are not one. */
static int utf8_seq(const struct parser *p, int i)
{
	unsigned long cp;
	int n = i < p->len ? utf8_sequence(p->s + i, (size_t)(p->len - i), &cp) : 0;
	return n > 1 ? n : 0;
}

/* Report the token at i as unexpected, quoting it when that is readable. */
static int unexpected(struct parser *p, int i)
{
	int c = at(p, i), n = 0;
	if (i >= p->len)
		return fail(p, i, "unexpected end of expression");
	if (c == '\'' || c == '"')
		return fail(p, i, "unexpected string");
	if (is_name_start(c))
		n = name_len(p, i);
	else if (is_digit(c) || (c == '.' && is_digit(at(p, i + 1))))
		n = number_len(p, i);
	else if (c == '$' && at(p, i + 1) == '{') {
		n = 2;
		while (i + n < p->len && is_ref_char(at(p, i + n)) && n < 60)
			n++;
		if (at(p, i + n) == '}')
			n++;
		while (n > 2 && (at(p, i + n) & 0xc0) == 0x80)
			n--;   /* do not cut a UTF-8 character */
	} else if ((c == '!' || c == '<' || c == '>') && at(p, i + 1) == '=')
		n = 2;
	else if (c == '.' && at(p, i + 1) == '.')
		n = 2;
	else if (c > 0x20 && c < 0x7f)
		n = 1;
	else if (c >= 0x80)
		n = utf8_seq(p, i);
	if (n == 0)
		return fail(p, i, "unexpected byte 0x%02x", c);
	if (n > 40)
		return fail(p, i, "unexpected '%.*s...'", (int)utf8_cut(p->s + i, strnlen(p->s + i, 40)), p->s + i);
	return fail(p, i, "unexpected '%.*s'", n, p->s + i);
}

static int parse_level(struct parser *p, int level);

static int enter(struct parser *p, int pos)
{
	if (++p->depth > EXPR_MAX_DEPTH)
		return fail(p, pos, "expression nested too deeply");
	return 0;
}

/* The closing bracket of what enter() opened at `open`: skips blanks, steps over `close` and
 * leaves the nesting level; -1 with "missing ')'" at the end, else the unexpected character. */
static int leave(struct parser *p, int open, char close)
{
	skip_ws(p);
	if (at(p, p->i) != close)
		return p->i >= p->len ? fail(p, open, "missing '%c'", close) : unexpected(p, p->i);
	p->i++;
	p->depth--;
	return 0;
}

/* Does the operator word w start at i, ending at a word boundary? */
static int word_at(const struct parser *p, int i, const char *w)
{
	int n = (int)strlen(w);
	if (p->len - i < n || memcmp(p->s + i, w, (size_t)n) != 0)
		return 0;
	int c = at(p, i + n);
	return !(is_name_start(c) || is_digit(c) || c == ':');
}

/* The operator of precedence `level` at the current position (after blanks), or -1.
 * Sets *n to its length. Levels: 0 or, 1 and, 2 equality, 3 relational, 4 additive,
 * 5 multiplicative. */
static int peek_op(struct parser *p, int level, int *n)
{
	skip_ws(p);
	int i = p->i, c = at(p, i), c2 = at(p, i + 1);
	*n = 1;
	switch (level) {
	case 0:
		*n = 2;
		return word_at(p, i, "or") ? OP_OR : -1;
	case 1:
		*n = 3;
		return word_at(p, i, "and") ? OP_AND : -1;
	case 2:
		if (c == '=')
			return OP_EQ;
		*n = 2;
		return c == '!' && c2 == '=' ? OP_NE : -1;
	case 3:
		if (c != '<' && c != '>')
			return -1;
		if (c2 == '=') {
			*n = 2;
			return c == '<' ? OP_LE : OP_GE;
		}
		return c == '<' ? OP_LT : OP_GT;
	case 4:
		return c == '+' ? OP_ADD : c == '-' ? OP_SUB : -1;
	default:
		if (c == '*')
			return OP_MUL;
		*n = 3;
		return word_at(p, i, "div") ? OP_DIV : word_at(p, i, "mod") ? OP_MOD : -1;
	}
}

static int parse_unary(struct parser *p);

/* One precedence level: operand (op operand)*, as one N_CHAIN node when there are operators. */
static int parse_level(struct parser *p, int level)
{
	if (level > 5)
		return parse_unary(p);
	int first = parse_level(p, level + 1);
	if (first < 0)
		return -1;
	int n, op = peek_op(p, level, &n);
	if (op < 0)
		return first;
	struct kids k = { 0 };
	kids_push(&k, first, 0);
	while (op >= 0) {
		p->i += n;
		int next = parse_level(p, level + 1);
		if (next < 0) {
			kids_release(&k);
			return -1;
		}
		kids_push(&k, next, op);
		op = peek_op(p, level, &n);
	}
	int ni = new_node(p, N_CHAIN, p->e->nodes[first].pos);
	set_kids(p, ni, &k);
	kids_release(&k);
	return ni;
}

static int parse_primary(struct parser *p);

static int parse_unary(struct parser *p)
{
	skip_ws(p);
	if (at(p, p->i) != '-')
		return parse_primary(p);
	int pos = p->i++;
	if (enter(p, pos) < 0)
		return -1;
	int k = parse_unary(p);
	p->depth--;
	if (k < 0)
		return -1;
	int ni = new_node(p, N_NEG, pos);
	struct kids ks = { 0 };
	kids_push(&ks, k, 0);
	set_kids(p, ni, &ks);
	kids_release(&ks);
	return ni;
}

static int parse_string(struct parser *p)
{
	int pos = p->i;
	char q = p->s[p->i];
	const char *end = memchr(p->s + pos + 1, q, (size_t)(p->len - pos - 1));
	if (!end)
		return fail(p, pos, "unterminated string");
	int ni = new_node(p, N_STR, pos);
	struct expr_node *n = &p->e->nodes[ni];
	n->len = (size_t)(end - (p->s + pos + 1));
	n->str = xstrndup(p->s + pos + 1, n->len);
	p->i = (int)(end - p->s) + 1;
	return ni;
}

static int parse_ref(struct parser *p)
{
	int pos = p->i, j = pos + 2, last_saved = 0;
	if (at(p, pos + 1) != '{')
		return unexpected(p, pos);
	if (p->len - j > 11 && !memcmp(p->s + j, "last-saved#", 11)) {
		last_saved = 1;   /* ${last-saved#q}: q in the interview saved last */
		j += 11;
	}
	int name_at = j;
	while (j < p->len && is_ref_char(at(p, j)))
		j++;
	if (j >= p->len)
		return fail(p, pos, "unterminated reference");
	if (at(p, j) != '}')
		return fail(p, j, "bad character in reference");
	if (j == name_at)
		return fail(p, pos, "empty reference");
	int ni = new_node(p, N_REF, pos);
	struct expr_node *n = &p->e->nodes[ni];
	n->last_saved = (unsigned char)last_saved;
	n->len = (size_t)(j - name_at);
	n->str = xstrndup(p->s + name_at, n->len);
	p->i = j + 1;
	return ni;
}

static int parse_number(struct parser *p)
{
	int pos = p->i, n = number_len(p, pos);
	int ni = new_node(p, N_NUM, pos);
	p->e->nodes[ni].num = expr_decimal(p->s + pos, (size_t)n);
	p->i += n;
	return ni;
}

/* After a call's arguments are parsed: prepare what can be prepared once. */
static int finish_call(struct parser *p, int ni)
{
	struct expr *e = p->e;
	struct expr_node *n = &e->nodes[ni];
	if (expr_fn_is(n->fn, "jr:choice-name") || expr_fn_is(n->fn, "choice-name")) {
		struct expr_node *q = &e->nodes[e->kid[n->first + 1]];
		if (q->kind == N_STR && q->len > 3 && !memcmp(q->str, "${", 2) &&
				q->str[q->len - 1] == '}') {
			q->ref_in_str = 1;
			q->name = xstrndup(q->str + 2, q->len - 3);
		}
	} else if (expr_fn_is(n->fn, "regex")) {
		struct expr_node *pat = &e->nodes[e->kid[n->first + 1]];
		if (pat->kind == N_STR) {
			char why[ERR_MAX];
			regex_t *re = xmalloc(sizeof *re);
			if (expr_regex_compile(re, pat->str, why) < 0) {
				free(re);
				return fail(p, pat->pos, "%s", why);
			}
			e->nodes[ni].re = re;
		}
	}
	return ni;
}

static int arity_error(struct parser *p, int pos, const struct expr_fn *f, int got)
{
	if (f->max < 0)
		return fail(p, pos, "function '%s' takes at least %d argument%s, got %d",
			f->name, f->min, f->min == 1 ? "" : "s", got);
	if (f->min == f->max)
		return fail(p, pos, "function '%s' takes %d argument%s, got %d",
			f->name, f->min, f->min == 1 ? "" : "s", got);
	if (f->max == f->min + 1)
		return fail(p, pos, "function '%s' takes %d or %d arguments, got %d",
			f->name, f->min, f->max, got);
	return fail(p, pos, "function '%s' takes %d to %d arguments, got %d",
		f->name, f->min, f->max, got);
}

/* indexed-repeat(${q}, ${repeat1}, i1 [, ${repeat2}, i2 [, ${repeat3}, i3]]): the nodes that
 * name questions must be references. */
static int check_indexed(struct parser *p, int pos, const struct kids *k)
{
	if (k->n % 2 == 0)
		return fail(p, pos, "function 'indexed-repeat' takes a question, then pairs of "
			"a repeat and an index");
	for (int i = 0; i < k->n; i += i ? 2 : 1)
		if (p->e->nodes[k->idx[i]].kind != N_REF)
			return fail(p, p->e->nodes[k->idx[i]].pos, "indexed-repeat() needs a "
				"question reference (${name}) here");
	return 0;
}

/* name '(' args ')' with p->i at the '(' */
static int parse_call(struct parser *p, int pos, int nlen)
{
	int index;
	const struct expr_fn *f = expr_fn_find(p->s + pos, (size_t)nlen, &index);
	if (!f)
		return fail(p, pos, "unknown function '%.*s'", nlen > 60 ? 60 : nlen, p->s + pos);
	int open = p->i++;
	if (enter(p, open) < 0)
		return -1;
	struct kids k = { 0 };
	skip_ws(p);
	if (at(p, p->i) == ')') {
		p->i++;
	} else {
		for (;;) {
			int a = parse_level(p, 0);
			if (a < 0)
				goto bad;
			kids_push(&k, a, 0);
			skip_ws(p);
			int c = at(p, p->i);
			if (c == ',') {
				p->i++;
				continue;
			}
			if (c == ')') {
				p->i++;
				break;
			}
			if (p->i >= p->len)
				fail(p, open, "missing ')'");
			else
				unexpected(p, p->i);
			goto bad;
		}
	}
	p->depth--;
	if (k.n && !strcmp(f->name, "position")) {
		/* position(..): the instance of the repeat around; nothing else is a node here */
		if (k.n > 1 || p->e->nodes[k.idx[0]].kind != N_PARENT) {
			fail(p, pos, "function 'position' takes only '..'");
			goto bad;
		}
		k.n = 0;
	}
	if (expr_fn_is(index, "indexed-repeat") && check_indexed(p, pos, &k) < 0)
		goto bad;
	if (k.n < f->min || (f->max >= 0 && k.n > f->max)) {
		arity_error(p, pos, f, k.n);
		goto bad;
	}
	int ni = new_node(p, N_CALL, pos);
	p->e->nodes[ni].fn = (unsigned char)index;
	set_kids(p, ni, &k);
	kids_release(&k);
	return finish_call(p, ni);
bad:
	kids_release(&k);
	return -1;
}

/* A location path, as ODK forms write them: "../x", "./x", "../../grp/x", "/data/grp/x",
 * "current()/../x" (p->i after "current()"), ".", "..". Questions have unique names in a
 * form, so a path ending in a name means that question, resolved like ${name} from where
 * the expression is evaluated (the same repeat instance when it shares it). A path ending in
 * "." is the current node; one ending in ".." is a group (N_PARENT, value ""). */
static int parse_path(struct parser *p, int pos, int from_current)
{
	int last = from_current ? '.' : 0, name_at = -1, nlen = 0;
	if (!from_current && at(p, p->i) == '/')
		p->i++;   /* absolute: /data/... */
	else if (from_current) {
		if (at(p, p->i) != '/')
			return new_node(p, N_CUR, pos);
		p->i++;
	}
	for (;;) {
		int i = p->i;
		if (at(p, i) == '.' && at(p, i + 1) == '.') {
			p->i += 2;
			last = 'P';
		} else if (at(p, i) == '.' && !is_ref_char(at(p, i + 1))) {
			p->i += 1;
			last = '.';
		} else if (is_name_start(at(p, i)) || at(p, i) >= 0x80) {
			while (is_ref_char(at(p, p->i)))
				p->i++;
			name_at = i;
			nlen = p->i - i;
			last = 'N';
		} else
			return unexpected(p, i);
		if (at(p, p->i) == '[')
			return fail(p, p->i, "predicates in paths are not supported; use ${name}");
		if (at(p, p->i) != '/')
			break;
		p->i++;
	}
	if (last == '.')
		return new_node(p, N_CUR, pos);
	if (last == 'P')
		return new_node(p, N_PARENT, pos);
	int ni = new_node(p, N_REF, pos);
	struct expr_node *n = &p->e->nodes[ni];
	n->len = (size_t)nlen;
	n->str = xstrndup(p->s + name_at, n->len);
	return ni;
}

/* A node of the internal function `fname` (expr_fns: "#instance", "#column"). */
static int internal_node(struct parser *p, const char *fname, int pos)
{
	int index;
	expr_fn_find(fname, strlen(fname), &index);
	int ni = new_node(p, N_CALL, pos);
	p->e->nodes[ni].fn = (unsigned char)index;
	return ni;
}

/* instance('x')/root/item[predicate]/column, p->i at the '(': an N_CALL of "#instance" (str
 * the instance, name the column or NULL, kid 0 the predicate if any). In the predicate a bare
 * name is a column of the item ("#column": str the column, name the instance). */
static int parse_instance(struct parser *p, int pos)
{
	p->i++;
	skip_ws(p);
	int q = at(p, p->i), at_name = p->i + 1;
	const char *end = q == '\'' || q == '"' ? memchr(p->s + at_name, q,
		(size_t)(p->len - at_name)) : NULL;
	if (!end || end == p->s + at_name)
		return fail(p, p->i, "instance() takes the name of a choice list or media file in "
			"quotes");
	int ilen = (int)(end - (p->s + at_name));
	p->i = (int)(end - p->s) + 1;
	skip_ws(p);
	if (at(p, p->i) != ')')
		return fail(p, p->i, "instance() takes one name");
	p->i++;
	for (int step = 0; step < 2; step++) {
		if (at(p, p->i) != '/' || !is_name_start(at(p, p->i + 1)))
			return fail(p, p->i, "write instance('%.*s')/root/item[...]/column",
				ilen > 60 ? 60 : ilen, p->s + at_name);
		p->i++;
		while (is_name_char(at(p, p->i)))
			p->i++;
	}
	struct kids k = { 0 };
	if (at(p, p->i) == '[') {
		int open = p->i++;
		if (enter(p, open) < 0)
			return -1;
		const char *outer = p->inst;
		int outer_len = p->inst_len;
		p->inst = p->s + at_name;
		p->inst_len = ilen;
		int a = parse_level(p, 0);
		p->inst = outer;
		p->inst_len = outer_len;
		if (a < 0 || leave(p, open, ']') < 0)
			return -1;
		kids_push(&k, a, 0);
	}
	int col_at = -1, col_len = 0;
	if (at(p, p->i) == '/' && is_name_start(at(p, p->i + 1))) {
		col_at = ++p->i;
		while (is_name_char(at(p, p->i)))
			p->i++;
		col_len = p->i - col_at;
	}
	int ni = internal_node(p, "#instance", pos);
	struct expr_node *n = &p->e->nodes[ni];
	n->str = xstrndup(p->s + at_name, (size_t)ilen);
	n->len = (size_t)ilen;
	if (col_at >= 0)
		n->name = xstrndup(p->s + col_at, (size_t)col_len);
	set_kids(p, ni, &k);
	kids_release(&k);
	return ni;
}

static int parse_primary(struct parser *p)
{
	skip_ws(p);
	int pos = p->i, c = at(p, pos);
	if (pos >= p->len)
		return unexpected(p, pos);
	if (c == '(') {
		if (enter(p, pos) < 0)
			return -1;
		p->i++;
		int k = parse_level(p, 0);
		return k < 0 || leave(p, pos, ')') < 0 ? -1 : k;
	}
	if (c == '\'' || c == '"')
		return parse_string(p);
	if (is_digit(c) || (c == '.' && is_digit(at(p, pos + 1))))
		return parse_number(p);
	if (c == '.' || (c == '/' && (is_name_start(at(p, pos + 1)) || at(p, pos + 1) >= 0x80)))
		return parse_path(p, pos, 0);
	if (c == '$')
		return parse_ref(p);
	if (is_name_start(c)) {
		int n = name_len(p, pos);
		p->i += n;
		skip_ws(p);
		if (at(p, p->i) != '(' && p->inst) {   /* a column in instance(...)[...] */
			int ni = internal_node(p, "#column", pos);
			p->e->nodes[ni].str = xstrndup(p->s + pos, (size_t)n);
			p->e->nodes[ni].len = (size_t)n;
			p->e->nodes[ni].name = xstrndup(p->inst, (size_t)p->inst_len);
			return ni;
		}
		if (at(p, p->i) != '(')
			return unexpected(p, pos);
		if (n == 8 && !memcmp(p->s + pos, "instance", 8))
			return parse_instance(p, pos);
		if (n == 7 && !memcmp(p->s + pos, "current", 7)) {
			/* current(): the node being evaluated, possibly the start of a path */
			p->i++;
			skip_ws(p);
			if (at(p, p->i) != ')')
				return fail(p, pos, "function 'current' takes 0 arguments");
			p->i++;
			return parse_path(p, pos, 1);
		}
		return parse_call(p, pos, n);
	}
	return unexpected(p, pos);
}

expr *expr_parse(const char *src, char *err, int *errpos)
{
	int dummy;
	if (!src)
		src = "";
	size_t len = strlen(src);
	struct parser p = { .s = src, .err = err, .errpos = errpos ? errpos : &dummy };
	if (len > INT_MAX / 2) {
		fail(&p, 0, "expression too long");
		return NULL;
	}
	p.len = (int)len;
	skip_ws(&p);
	if (p.i >= p.len) {
		fail(&p, p.i, "empty expression");
		return NULL;
	}
	p.e = xcalloc(1, sizeof *p.e);
	int root = parse_level(&p, 0);
	if (root >= 0) {
		skip_ws(&p);
		if (p.i < p.len)
			root = at(&p, p.i) == ')' ? fail(&p, p.i, "unexpected ')' (no matching '(')")
				: unexpected(&p, p.i);
	}
	if (root < 0) {
		expr_free(p.e);
		return NULL;
	}
	p.e->root = root;
	return p.e;
}

void expr_free(expr *e)
{
	if (!e)
		return;
	for (int i = 0; i < e->nnodes; i++) {
		struct expr_node *n = &e->nodes[i];
		free(n->str);
		free(n->name);
		if (n->re) {
			regfree(n->re);
			free(n->re);
		}
	}
	free(e->nodes);
	free(e->kid);
	free(e->op);
	free(e);
}

/* Leaves are created as the lexer meets them, so node order is source order for them. */
void expr_refs(const expr *e, void (*fn)(void *arg, const char *name, int pos), void *arg)
{
	if (!e)
		return;
	for (int i = 0; i < e->nnodes; i++) {
		const struct expr_node *n = &e->nodes[i];
		if (n->kind == N_REF)
			fn(arg, n->str, n->pos);
		else if (n->kind == N_STR && n->ref_in_str)
			fn(arg, n->name, n->pos + 1);
	}
}

void expr_instances(const expr *e, void (*fn)(void *arg, const char *inst, const char *col,
		int pulldata, int pos), void *arg)
{
	if (!e)
		return;
	for (int i = 0; i < e->nnodes; i++) {
		const struct expr_node *n = &e->nodes[i];
		if (n->kind != N_CALL)
			continue;
		if (expr_fn_is(n->fn, "#instance"))
			fn(arg, n->str, n->name, 0, n->pos);
		else if (expr_fn_is(n->fn, "#column"))
			fn(arg, n->name, n->str, 0, n->pos);
		else if (expr_fn_is(n->fn, "pulldata")) {
			const struct expr_node *a = expr_kid(e, n, 0);
			for (int k = 1; k <= 2 && a->kind == N_STR; k++)
				if (expr_kid(e, n, k)->kind == N_STR)
					fn(arg, a->str, expr_kid(e, n, k)->str, 1, n->pos);
		}
	}
}
