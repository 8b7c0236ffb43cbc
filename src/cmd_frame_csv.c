/* cmd_frame_csv.c: why the CSV reader refused a frame file (export.h, import_csv_why), said in
 * Kyrgyz or Russian for `survey frame` — located as the frame's problems are (FRAME.csv:LINE),
 * and that nothing was added. */
#include <stdio.h>

#include "cmd.h"
#include "export/export.h"
#include "ui/i18n.h"
#include "util/util.h"

int cmd_frame_csv_fail(const char *csv, const import_csv_problem *p, const char *err)
{
	static const enum ui_msg msg[] = {
		[IMPORT_CSV_NOT_FILE] = UI_M_F15C_CSV_NOT_FILE, [IMPORT_CSV_EMPTY] = UI_M_F15C_CSV_EMPTY,
		[IMPORT_CSV_UTF16] = UI_M_F15C_CSV_UTF16, [IMPORT_CSV_NOT_UTF8] = UI_M_F15C_CSV_NOT_UTF8,
		[IMPORT_CSV_NUL] = UI_M_F15C_CSV_NUL, [IMPORT_CSV_UNCLOSED] = UI_M_F15C_CSV_UNCLOSED,
		[IMPORT_CSV_AFTER_QUOTE] = UI_M_F15C_CSV_AFTER_QUOTE,
		[IMPORT_CSV_QUOTE_INSIDE] = UI_M_F15C_CSV_QUOTE_INSIDE,
		[IMPORT_CSV_FIELDS] = UI_M_F15C_CSV_FIELDS,
		[IMPORT_CSV_DUP_COLUMN] = UI_M_F15C_CSV_DUP_COLUMN,
		[IMPORT_CSV_MAX_ROWS] = UI_M_F15C_CSV_MAX_ROWS,
		[IMPORT_CSV_MAX_COLUMNS] = UI_M_F15C_CSV_MAX_COLUMNS,
		[IMPORT_CSV_MAX_CELL] = UI_M_F15C_CSV_MAX_CELL,
		[IMPORT_CSV_MAX_SIZE] = UI_M_F15C_CSV_MAX_SIZE,
	};
	if (ui_lang_get() == UI_LANG_EN || p->why <= IMPORT_CSV_OTHER ||
	    p->why >= (int)(sizeof msg / sizeof *msg))
		return cmd_fw_fail(err);
	char what[ERR_MAX];
	switch (p->why) {
	case IMPORT_CSV_FIELDS:
		snprintf(what, sizeof what, ui_tr(msg[p->why]), p->n, p->m);
		break;
	case IMPORT_CSV_DUP_COLUMN:
		snprintf(what, sizeof what, ui_tr(msg[p->why]), p->column, p->n, p->m);
		break;
	case IMPORT_CSV_MAX_CELL:
		snprintf(what, sizeof what, ui_tr(msg[p->why]), p->m);
		break;
	default:   /* the other messages have one number, or none */
		snprintf(what, sizeof what, ui_tr(msg[p->why]), p->n);
		break;
	}
	int cell = p->column[0] && p->why != IMPORT_CSV_DUP_COLUMN;
	if (!p->line)
		return cmd_fail("'%s': %s: %s", csv, what, ui_tr(UI_M_FWK_NOTHING_ADDED));
	return cmd_fail("%s:%d%s%s: %s: %s: %s", csv, p->line, cell ? ":" : "",
			cell ? p->column : "", ui_tr(UI_M_FWK_ERROR), what,
			ui_tr(UI_M_FWK_NOTHING_ADDED));
}
