/* expr_select.c: functions on select_one/select_multiple values (space-separated choice
 * names): selected, count-selected, selected-at, jr:choice-name. */
#include "form/expr_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Next space-separated token of *p (advanced past it); NULL at the end. */
static const char *token(const char **p, size_t *len)
{
	const char *s = *p;
	while (is_space(*s))
		s++;
	if (!*s)
		return NULL;
	const char *t = s;
	while (*s && !is_space(*s))
		s++;
	*len = (size_t)(s - t);
	*p = s;
	return t;
}

/* selected(list, value): is `value` (without surrounding blanks) one of the list's names? */
EXPR_FN(expr_fn_selected)
{
	char *s[2];
	if (expr_args_dup(cx, n, 2, s) < 0)
		return -1;
	const char *w = s[1], *p = s[0], *t;
	while (is_space(*w))
		w++;
	size_t wl = strlen(w), tl;
	while (wl && is_space(w[wl - 1]))
		wl--;
	int r = 0;
	while (wl && !r && (t = token(&p, &tl)))
		r = tl == wl && !memcmp(t, w, tl);
	expr_args_free(s, 2);
	val_bool_set(out, r);
	return 0;
}

EXPR_FN(expr_fn_count_selected)
{
	char *s;
	if (expr_arg_dup(cx, n, 0, &s) < 0)
		return -1;
	const char *p = s;
	size_t tl;
	int c = 0;
	while (token(&p, &tl))
		c++;
	free(s);
	val_num_set(out, c);
	return 0;
}

/* selected-at(list, i): the i-th (0-based) choice, "" past the end */
EXPR_FN(expr_fn_selected_at)
{
	char *s;
	double d;
	if (expr_arg_dup(cx, n, 0, &s) < 0)
		return -1;
	if (expr_arg_num(cx, n, 1, &d) < 0) {
		free(s);
		return -1;
	}
	const char *p = s, *t;
	size_t tl;
	long long want = isnan(d) ? -1 : expr_to_ll(d);
	char *r = NULL;
	for (long long i = 0; want >= 0 && (t = token(&p, &tl)); i++)
		if (i == want) {
			r = xstrndup(t, tl);
			break;
		}
	free(s);
	val_str_own(out, r ? r : xstrdup(""));
	return 0;
}

/* jr:choice-name(value, '${q}'): the label of choice `value` of question q */
EXPR_FN(expr_fn_choice_name)
{
	const struct expr_node *q = expr_kid(cx->e, n, 1);
	const expr_env *env = cx->env;
	char *value, *qname;
	if (expr_arg_dup(cx, n, 0, &value) < 0)
		return -1;
	if (q->kind == N_STR && q->ref_in_str)
		qname = xstrdup(q->name);
	else if (q->kind == N_REF)
		qname = xstrdup(q->str);
	else if (expr_arg_dup(cx, n, 1, &qname) < 0) {
		free(value);
		return -1;
	} else {
		size_t ql = strlen(qname);
		if (ql > 3 && !memcmp(qname, "${", 2) && qname[ql - 1] == '}') {
			memmove(qname, qname + 2, ql - 3);
			qname[ql - 3] = '\0';
		}
	}
	const char *label = env && env->choice_label && *value ?
		env->choice_label(env->user, qname, value) : NULL;
	val_str_own(out, xstrdup(label ? label : ""));
	free(value);
	free(qname);
	return 0;
}
