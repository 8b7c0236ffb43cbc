/* sheets_xls.c: the old binary Excel reader (.xls, BIFF 2-8) through libfreexl: every worksheet's
 * cells into the shared workbook builder, as the .xlsx reader does. */
#include "form/sheets_impl.h"

#include <errno.h>
#include <freexl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* One line for a libfreexl error code. */
static const char *xls_problem(int rc)
{
	switch (rc) {
	case FREEXL_INSUFFICIENT_MEMORY:
		return "out of memory";
	case FREEXL_INVALID_CHARACTER:
	case FREEXL_UNSUPPORTED_CHARSET:
		return "text in a character set that cannot be read: save it as .xlsx";
	case FREEXL_INVALID_CFBF_HEADER:
	case FREEXL_CFBF_INVALID_SIGNATURE:
		return "not an .xls file (no OLE2 header)";
	case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
		return "damaged .xls file: no workbook inside";
	default:
		return "damaged .xls file";
	}
}

/* libfreexl reads only named files: the bytes go to a private (0600) temporary file in $TMPDIR
 * or /tmp, removed after reading. Returns its path (caller frees), or NULL with err filled. */
static char *temp_copy(const char *data, size_t len, char *err)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/survey-xls-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		errf(err, "cannot make a temporary copy of the .xls file in %s: %s",
		     dir && *dir ? dir : "/tmp", strerror(errno));
		free(path);
		return NULL;
	}
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			errf(err, "cannot write a temporary copy of the .xls file: %s",
			     strerror(w < 0 ? errno : ENOSPC));
			close(fd);
			unlink(path);
			free(path);
			return NULL;
		}
		off += (size_t)w;
	}
	close(fd);
	return path;
}

/* Appends the text of one cell as the .xlsx reader would show it. */
static void cell_text(strbuf *v, const FreeXL_CellValue *cv)
{
	switch (cv->type) {
	case FREEXL_CELL_INT:
		sb_addf(v, "%d", cv->value.int_value);
		break;
	case FREEXL_CELL_DOUBLE:
		xlsx_add_double(v, cv->value.double_value);
		break;
	case FREEXL_CELL_TEXT:
	case FREEXL_CELL_SST_TEXT:
	case FREEXL_CELL_DATE:
	case FREEXL_CELL_DATETIME:
	case FREEXL_CELL_TIME:
		if (cv->value.text_value)
			sb_adds(v, cv->value.text_value);
		break;
	default:
		break;
	}
}

static int read_sheet(const void *h, wbb *b, const char *name, char *err)
{
	unsigned int rows = 0;
	unsigned short cols = 0;
	int rc = freexl_worksheet_dimensions(h, &rows, &cols);
	if (rc != FREEXL_OK)
		return errf(err, "%s: %s", name, xls_problem(rc));
	strbuf v = { 0 };
	for (unsigned int r = 0; r < rows && r < SHEETS_MAX_ROWNUM; r++) {
		wbb_row_begin(b, (int)r + 1);
		for (unsigned short c = 0; c < cols; c++) {
			FreeXL_CellValue cv;
			rc = freexl_get_cell_value(h, r, c, &cv);
			if (rc != FREEXL_OK) {
				sb_release(&v);
				return errf(err, "%s:%u: %s", name, r + 1, xls_problem(rc));
			}
			sb_reset(&v);
			cell_text(&v, &cv);
			if (v.len && wbb_cell(b, c, sb_str(&v), v.len, err)) {
				sb_release(&v);
				return -1;
			}
		}
		if (wbb_row_end(b, err)) {
			sb_release(&v);
			return -1;
		}
	}
	sb_release(&v);
	return 0;
}

#if defined(__SANITIZE_ADDRESS__)
#define XLS_PROBE_LIMITED 0   /* ASan reserves terabytes of address space: no RLIMIT_AS */
#else
#define XLS_PROBE_LIMITED 1
#endif
#define XLS_PROBE_MB 512      /* what opening a questionnaire's .xls may take, beyond us */

/* libfreexl reserves memory for every cell a sheet says it spans when it opens the file and
 * selects the sheet, so a crafted 6 KB .xls can ask for gigabytes. Open it first in a child process whose address
 * space is capped at ours plus XLS_PROBE_MB, selecting every sheet: 0 when that succeeds, -1 with err when it cannot
 * (then the file is never opened here). Without the cap (sanitizer builds) the probe is a no-op. */
static int probe_open(const char *path, char *err)
{
	if (!XLS_PROBE_LIMITED)
		return 0;
	long pages = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (f) {
		if (fscanf(f, "%ld", &pages) != 1)
			pages = 0;
		fclose(f);
	}
	rlim_t cap = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + ((rlim_t)XLS_PROBE_MB << 20);
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return errf(err, "cannot read the .xls file: %s", strerror(errno));
	if (pid == 0) {
		struct rlimit rl = { cap, cap };
		const void *h = NULL;
		unsigned int n = 0;
		if (setrlimit(RLIMIT_AS, &rl) != 0 || freexl_open(path, &h) != FREEXL_OK ||
		    freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &n) != FREEXL_OK)
			_exit(1);
		for (unsigned int i = 0; i < n && i < SHEETS_MAX_SHEETS; i++)
			if (freexl_select_active_worksheet(h, (unsigned short)i) != FREEXL_OK)
				_exit(1);
		_exit(0);   /* no freexl_close: the child's memory goes with it */
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	return errf(err, "the .xls file cannot be opened within %d MB (damaged, or it declares "
		    "sheets far larger than its cells): save it as .xlsx", XLS_PROBE_MB);
}

int sheets_read_xls(const char *data, size_t len, workbook *wb, char *err)
{
	if (len < 8 || memcmp(data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
		return errf(err, "not an .xls file (no OLE2 header): is it another format renamed?");
	char *path = temp_copy(data, len, err);
	if (!path)
		return -1;
	if (probe_open(path, err)) {
		unlink(path);
		free(path);
		return -1;
	}
	const void *h = NULL;
	int rc = freexl_open(path, &h);
	wbb b;
	wbb_init(&b, wb, 0);
	unsigned int info = 0;
	if (rc != FREEXL_OK) {
		errf(err, "%s", xls_problem(rc));
		rc = -1;
	} else if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
	           info == FREEXL_BIFF_OBFUSCATED) {
		rc = errf(err, "the .xls file is password-protected: save it without a password");
	} else if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &info) != FREEXL_OK) {
		rc = errf(err, "damaged .xls file: no sheet count");
	} else {
		rc = 0;
		if (info > SHEETS_MAX_SHEETS)
			rc = errf(err, "too many sheets (more than %d)", SHEETS_MAX_SHEETS);
		for (unsigned int i = 0; i < info && !rc; i++) {
			const char *name = NULL;
			int r = freexl_get_worksheet_name(h, (unsigned short)i, &name);
			if (r == FREEXL_OK)
				r = freexl_select_active_worksheet(h, (unsigned short)i);
			if (r != FREEXL_OK || !name) {
				rc = errf(err, "%s", xls_problem(r));
				break;
			}
			rc = wbb_sheet(&b, name, 0, err);
			if (!rc && !b.skip)
				rc = read_sheet(h, &b, name, err);
		}
		wbb_finish(&b);
	}
	freexl_close(h);
	unlink(path);
	free(path);
	wbb_release(&b);
	return rc ? -1 : 0;
}
