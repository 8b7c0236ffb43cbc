/* fuzz_sheets.h: shared by the sheet-reader fuzzers: reads one input and checks the workbook's
 * invariants (every cell a string, rows in file order, no blank rows, no '_' sheets). */
#ifndef FUZZ_SHEETS_H
#define FUZZ_SHEETS_H

#include <stdlib.h>
#include <string.h>

#include "form/sheets.h"
#include "util/util.h"

static void fuzz_sheets_read(const char *kind, const void *data, size_t len)
{
	workbook wb;
	char err[ERR_MAX];
	err[0] = '\0';
	if (workbook_read_mem("fuzz", kind, data, len, &wb, err)) {
		if (!err[0] || wb.nsheets || wb.sheets || wb.path)
			abort();   /* a failure must say why and leave nothing behind */
		return;
	}
	for (int i = 0; i < wb.nsheets; i++) {
		const sheet *s = &wb.sheets[i];
		if (!s->name || s->name[0] == '_' || workbook_sheet(&wb, s->name) != s)
			abort();
		for (int r = 0; r < s->nrows; r++) {
			const sheet_row *row = &s->rows[r];
			if (row->ncells < 1 || !row->cells[row->ncells - 1][0] ||
			    (r && row->line <= s->rows[r - 1].line))
				abort();
			for (int c = 0; c < row->ncells; c++)
				if (!row->cells[c])
					abort();
		}
	}
	workbook_release(&wb);
}

#endif
