/* sheets_xlsx.c: placeholder until the xlsx reader lands. */
#include "form/sheets_impl.h"

int sheets_read_xlsx(const char *data, size_t len, workbook *wb, char *err)
{
	return errf(err, "xlsx files cannot be read yet");
}
