/* fuzz_md.c: libFuzzer harness for the pyxform .md reader (workbook_read_mem). */
#include "fuzz_sheets.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t len)
{
	fuzz_sheets_read("md", data, len);
	return 0;
}
