/* fuzz_form.c: libFuzzer harness for the whole XLSForm loader (sheets -> form model, with
 * diagnostics), on pyxform .md input; the first byte picks .md or .csv. */
#include <stddef.h>
#include <stdint.h>

#include "form/form.h"
#include "util/util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t len)
{
	if (len == 0)
		return 0;
	const char *kind = (data[0] & 1) ? "csv" : "md";
	form *f = NULL;
	form_diags d;
	char err[ERR_MAX];
	form_diags_init(&d);
	if (form_load_mem("fuzz", kind, data + 1, len - 1, &f, &d, err) == 0) {
		struct strbuf sb = STRBUF_INIT;
		form_dump(f, &sb, 1);
		sb_release(&sb);
		form_free(f);
	}
	form_diags_release(&d);
	return 0;
}
