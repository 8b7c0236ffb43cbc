/* fw_why_text.c: a fieldwork refusal of the store (store/fw_why.h) in the UI language, for the
 * fieldwork commands (cmd_fw.c) and the supervisor's screen (supervise.c). */
#include "ui/i18n.h"

#include <stdio.h>

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
	[FW_WHY_NEEDS_COMMENT] = UI_M_FWK_NEEDS_COMMENT,
};

const char *ui_fw_why(const char *err, char *buf, size_t size)
{
	const session_why *w = session_why_of(err);
	/* in English the store's own line, which may say more (the cause under "not a kit") */
	if (w->code == FW_WHY_NONE || ui_lang_get() == UI_LANG_EN)
		return err;
	snprintf(buf, size, ui_tr(why_msg[w->code]), w->arg[0], w->arg[1], w->arg[2], w->arg[3],
		 w->arg[4], w->arg[5]);
	return buf;
}
