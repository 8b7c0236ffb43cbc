/* fuzz_csv.c: libFuzzer harness for the pyxform .csv reader (workbook_read_mem). */
#include "fuzz_sheets.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t len)
{
	fuzz_sheets_read("csv", data, len);
	return 0;
}
