/* fw_why_text.c: a fieldwork refusal of the store (store/fw_why.h), and why a frame value is
 * refused (form_value_check), in the UI language, for the fieldwork commands (cmd_fw.c,
 * cmd_frame.c) and the supervisor's screen (supervise.c). */
#include "ui/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interview/session.h"

/* The message of each refusal code. */
static const enum ui_msg why_msg[FW_WHY_N] = {
	[FW_WHY_FRAME_CONFLICT] = UI_M_FWK_FRAME_CONFLICT, [FW_WHY_NO_COLUMN] = UI_M_FWK_NO_COLUMN,
	[FW_WHY_NOT_IN_FRAME] = UI_M_FWK_NOT_IN_FRAME, [FW_WHY_NO_FRAME] = UI_M_FWK_NO_FRAME,
	[FW_WHY_NO_FORM] = UI_M_FWK_NO_FORM, [FW_WHY_NO_UNITS] = UI_M_FWK_NO_UNITS,
	[FW_WHY_NOT_KIT] = UI_M_FWK_NOT_KIT, [FW_WHY_KIT_FORM] = UI_M_FWK_KIT_FORM,
	[FW_WHY_KIT_WHO] = UI_M_FWK_KIT_WHO, [FW_WHY_KIT_IVS] = UI_M_FWK_KIT_IVS,
	[FW_WHY_KIT_MERGE] = UI_M_FWK_KIT_MERGE,
	[FW_WHY_NO_INTERVIEW] = UI_M_FWK_NO_INTERVIEW, [FW_WHY_DRAFT] = UI_M_FWK_DRAFT,
	[FW_WHY_DISCARDED] = UI_M_FWK_DISCARDED, [FW_WHY_NO_ANSWER] = UI_M_FWK_NO_ANSWER,
	[FW_WHY_NO_REVIEWS] = UI_M_FWK_NO_REVIEWS, [FW_WHY_REVIEWER] = UI_M_FWK_REVIEWER,
	[FW_WHY_TEXT] = UI_M_FWK_TEXT, [FW_WHY_NEEDS_REASON] = UI_M_FWK_NEEDS_REASON,
	[FW_WHY_NEEDS_COMMENT] = UI_M_FWK_NEEDS_COMMENT, [FW_WHY_OTHER_DB] = UI_M_F15C_OTHER_DB,
	[FW_WHY_NEWER_DB] = UI_M_F15C_NEWER_DB, [FW_WHY_BUSY] = UI_M_F15C_BUSY,
	[FW_WHY_FORM_CHANGED] = UI_M_F15C_FORM_CHANGED,
};

const char *ui_fw_why(const char *err, char *buf, size_t size)
{
	const session_why *w = session_why_of(err);
	/* in English the store's own line, which may say more (the cause under "not a kit") */
	if (w->code == FW_WHY_NONE || ui_lang_get() == UI_LANG_EN)
		return err;
	const char *a1 = w->arg[1];
	if (w->code == FW_WHY_KIT_MERGE)   /* the merge's reason is English: its kind instead */
		a1 = ui_tr(strstr(a1, "damaged") || strstr(a1, "crafted") || strstr(a1, "malformed")
			   ? UI_M_F15B_MERGE_DAMAGED : UI_M_F15B_MERGE_OTHER);
	snprintf(buf, size, ui_tr(why_msg[w->code]), w->arg[0], a1, w->arg[2], w->arg[3],
		 w->arg[4], w->arg[5]);
	return buf;
}

/* form_value_check's reasons (form/form_value.c), English as it words them; a reason with a
 * blank has the English text before and after it. */
static const struct {
	const char *en, *tail;   /* tail: after a %s or %d blank; NULL: the whole reason */
	enum ui_msg m;
	char blank;              /* 's', 'd' or 0 */
} value_why[] = {
	{ "is not a choice (the question has no list)", NULL, UI_M_F15B_V_NO_LIST, 0 },
	{ "is not a choice", NULL, UI_M_F15B_V_CHOICE, 0 },
	{ "is not a list of choice names separated by one space", NULL, UI_M_F15B_V_CHOICES, 0 },
	{ "is not a choice of the list '", "'", UI_M_F15B_V_NOT_IN_LIST, 's' },
	{ "names a choice twice", NULL, UI_M_F15B_V_TWICE, 0 },
	{ "is more than one choice of a select_one", NULL, UI_M_F15B_V_ONE, 0 },
	{ "has control characters or is not UTF-8 text", NULL, UI_M_F15B_V_CONTROL, 0 },
	{ "is not a plain file name", NULL, UI_M_F15B_V_FILE_NAME, 0 },
	{ "is longer than ", " bytes", UI_M_F15B_V_LONG, 'd' },
	{ "is a whole number out of range", NULL, UI_M_F15B_V_INT_RANGE, 0 },
	{ "is not a whole number", NULL, UI_M_F15B_V_INT, 0 },
	{ "is not a number", NULL, UI_M_F15B_V_NUMBER, 0 },
	{ "is out of the question's range", NULL, UI_M_F15B_V_RANGE, 0 },
	{ "is not a date (YYYY-MM-DD)", NULL, UI_M_F15B_V_DATE, 0 },
	{ "is not a time (HH:MM:SS)", NULL, UI_M_F15B_V_TIME, 0 },
	{ "is not a date and time (YYYY-MM-DDTHH:MM:SS)", NULL, UI_M_F15B_V_DATETIME_FMT, 0 },
	{ "is not a date and time", NULL, UI_M_F15B_V_DATETIME, 0 },
	{ "is not OK (acknowledge)", NULL, UI_M_F15B_V_OK, 0 },
	{ "is not a question's answer", NULL, UI_M_F15B_V_ANSWER, 0 },
};

const char *ui_value_why(const char *msg, char *buf, size_t size)
{
	if (ui_lang_get() == UI_LANG_EN)
		return msg;
	for (size_t i = 0; i < sizeof value_why / sizeof *value_why; i++) {
		const char *en = value_why[i].en;
		size_t n = strlen(en);
		if (!value_why[i].tail) {
			if (strcmp(msg, en) == 0)
				return ui_tr(value_why[i].m);
			continue;
		}
		size_t len = strlen(msg), t = strlen(value_why[i].tail);
		if (len < n + t || strncmp(msg, en, n) || strcmp(msg + len - t, value_why[i].tail))
			continue;
		char blank[256];
		snprintf(blank, sizeof blank, "%.*s", (int)(len - n - t), msg + n);
		if (value_why[i].blank == 'd')
			snprintf(buf, size, ui_tr(value_why[i].m), atoi(blank));
		else
			snprintf(buf, size, ui_tr(value_why[i].m), blank);
		return buf;
	}
	return msg;
}
