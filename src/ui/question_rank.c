/* question_rank.c: the rank widget (XLSForm `rank LIST`) — the choices shown in the order
 * being built; Space takes the highlighted choice, Up/Down carry it, Space puts it down; Enter
 * keeps the order shown. The answer is ODK's: the choice names in order, space-separated. */
#include "ui/screens.h"

#include <stdlib.h>
#include <string.h>

void ui_rank_load(struct ui *u, struct ui_field *fl)
{
	const char *v = engine_state(u->e, fl->path) == STATE_ANSWERED ?
		engine_value(u->e, fl->path) : NULL;
	int placed = 0;
	/* the stored order first, then what the stored value lacks (a filter that grew) */
	for (const char *p = v ? v : ""; *p; p += strspn(p, " ")) {
		size_t len = strcspn(p, " ");
		for (int j = placed; j < fl->nchoices; j++) {
			const form_choice *c = fl->choices[j];
			if (strlen(c->name) == len && !memcmp(c->name, p, len)) {
				memmove(&fl->choices[placed + 1], &fl->choices[placed],
					(size_t)(j - placed) * sizeof *fl->choices);
				fl->choices[placed++] = c;
				break;
			}
		}
		p += len;
	}
	fl->grabbed = 0;
	fl->sel_dirty = 0;
}

char *ui_rank_value(const struct ui_field *fl)
{
	strbuf sb = STRBUF_INIT;
	for (int j = 0; j < fl->nchoices; j++) {
		if (j)
			sb_addc(&sb, ' ');
		sb_adds(&sb, fl->choices[j]->name);
	}
	return sb_detach(&sb);
}

/* Carry the taken choice one place up (-1) or down (+1). */
static void carry(struct ui *u, struct ui_field *fl, int dir)
{
	int to = fl->hl + dir;
	if (to < 0 || to >= fl->nchoices)
		return;
	const form_choice *c = fl->choices[fl->hl];
	fl->choices[fl->hl] = fl->choices[to];
	fl->choices[to] = c;
	fl->hl = to;
	fl->sel_dirty = 1;
	u->saved = 0;
}

int ui_rank_key(struct ui *u, struct ui_field *fl, enum ui_action a)
{
	switch (a) {
	case UI_A_TOGGLE:
		fl->grabbed = !fl->grabbed;
		return 1;
	case UI_A_UP:
	case UI_A_DOWN:
		if (!fl->grabbed)
			return 0;   /* move the highlight */
		carry(u, fl, a == UI_A_UP ? -1 : 1);
		return 1;
	case UI_A_DIGIT:
		return 1;   /* no picking by number: the order is built by carrying */
	case UI_A_NEXT:
		/* Enter keeps the order shown, also when the interviewer did not change it */
		fl->grabbed = 0;
		if (fl->nchoices && engine_state(u->e, fl->path) != STATE_ANSWERED)
			fl->sel_dirty = 1;
		return 0;
	default:
		return 0;
	}
}

char *ui_rank_line(const struct ui *u, const struct ui_field *fl, int j)
{
	const char *cl = form_choice_label(u->f, fl->choices[j], engine_lang(u->e));
	int taken = fl->grabbed && j == fl->hl;
	return xasprintf("%2d. %s%s%s", j + 1, taken ? "» " : "", cl ? cl : fl->choices[j]->name,
			 taken ? " «" : "");
}
