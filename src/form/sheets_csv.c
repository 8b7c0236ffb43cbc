/* sheets_csv.c: placeholder until the csv reader lands. */
#include "form/sheets_impl.h"

int sheets_read_csv(const char *data, size_t len, workbook *wb, char *err)
{
	return errf(err, "csv files cannot be read yet");
}
