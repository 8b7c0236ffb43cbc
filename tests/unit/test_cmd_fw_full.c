/* test_cmd_fw_full.c: a full disk during `survey frame`, `assign`, `kit`, `receive` and `review
 * --approve`, run in-process through the commands: write(2) and pwrite(2) of SQLite's own unix
 * VFS (swapped with xSetSystemCall) fail with ENOSPC for the files under one folder, as a full
 * file system makes them fail, and SQLite turns that into SQLITE_FULL as it does on a real
 * disk. Each command says in one line, in the chosen language, that the disk is full and
 * nothing changed, and the files are as they were (a new one is not left behind). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "interview/form_ops.h"
#include "util/util.h"

#define FORM "surveys/covid19-lsg.md"
#define FRAME "tests/fixtures/fieldwork/frame-60.csv"

static char dir[] = "/tmp/survey-fw-full-XXXXXX";
static char full_dir[512];   /* "" or a folder (with its '/') whose files' writes fail */
static int refused;          /* writes refused since the last count */

/* ---- a full disk: the VFS's write calls swapped ---- */

typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
typedef ssize_t (*write_fn)(int, const void *, size_t);
static sqlite3_syscall_ptr real_pwrite, real_pwrite64, real_write;

/* Is fd a file under full_dir? The WAL index (-shm) is memory mapped, and a full disk is first
 * seen on the data's writes, as here. */
static int on_full_disk(int fd)
{
	if (!full_dir[0])
		return 0;
	char link[64], path[1024];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, path, sizeof path - 1);
	if (n < 0)
		return 0;
	path[n] = '\0';
	if (strncmp(path, full_dir, strlen(full_dir)) != 0)
		return 0;
	if (n > 4 && strcmp(path + n - 4, "-shm") == 0)
		return 0;
	refused++;
	return 1;
}

static ssize_t full_pwrite(int fd, const void *buf, size_t n, off_t off)
{
	if (on_full_disk(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return ((pwrite_fn)real_pwrite)(fd, buf, n, off);
}

static ssize_t full_pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	if (on_full_disk(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return ((pwrite_fn)real_pwrite64)(fd, buf, n, off);
}

static ssize_t full_write(int fd, const void *buf, size_t n)
{
	if (on_full_disk(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return ((write_fn)real_write)(fd, buf, n);
}

static void swap_write_calls(void)
{
	sqlite3_vfs *vfs = sqlite3_vfs_find("unix");
	assert_non_null(vfs);
	assert_non_null(vfs->xGetSystemCall);
	real_pwrite = vfs->xGetSystemCall(vfs, "pwrite");
	real_pwrite64 = vfs->xGetSystemCall(vfs, "pwrite64");
	real_write = vfs->xGetSystemCall(vfs, "write");
	assert_true(real_pwrite || real_pwrite64 || real_write);
	if (real_pwrite)
		vfs->xSetSystemCall(vfs, "pwrite", (sqlite3_syscall_ptr)full_pwrite);
	if (real_pwrite64)
		vfs->xSetSystemCall(vfs, "pwrite64", (sqlite3_syscall_ptr)full_pwrite64);
	if (real_write)
		vfs->xSetSystemCall(vfs, "write", (sqlite3_syscall_ptr)full_write);
}

/* ---- running a command ---- */

static char err_text[8192];

/* Run the command of cmd_entry e with the NULL-terminated arguments after it; its stderr is
 * kept in err_text. Returns its exit status. */
static int run(const struct cmd_entry *e, ...)
{
	char *argv[32];
	int argc = 0;
	argv[argc++] = (char *)e->name;
	va_list ap;
	va_start(ap, e);
	const char *a;
	while ((a = va_arg(ap, const char *)) != NULL && argc < 31)
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	char *path = xasprintf("%s/stderr", dir);
	fflush(stderr);
	int saved = dup(2), fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(saved >= 0 && fd >= 0);
	dup2(fd, 2);
	close(fd);
	int rc = e->exec(argc, argv);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	FILE *f = fopen(path, "r");
	size_t n = f ? fread(err_text, 1, sizeof err_text - 1, f) : 0;
	err_text[n] = '\0';
	if (f)
		fclose(f);
	free(path);
	return rc;
}

static char *in_dir(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* The bytes of a file (its size in *n); NULL when it does not exist. */
static char *bytes_of(const char *path, size_t *n)
{
	char err[ERR_MAX];
	return read_file(path, n, err);
}

/* One line on stderr, in the language: the disk is full, the file named, nothing changed. */
static void said_full(const char *lang, const char *file)
{
	static const struct { const char *lang, *full, *nothing; } words[] = {
		{ "ky", "диск толуп калган", "эч нерсе өзгөргөн жок" },
		{ "ru", "диск заполнен", "ничего не изменилось" },
		{ "en", "the disk is full", "nothing changed" },
	};
	int lines = 0;
	for (const char *p = err_text; *p; p++)
		lines += *p == '\n';
	if (lines != 1 || !strstr(err_text, file))
		print_error("expected one line naming %s, got: %s\n", file, err_text);
	assert_int_equal(lines, 1);
	assert_non_null(strstr(err_text, file));
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(words[i].lang, lang) == 0) {
			if (!strstr(err_text, words[i].full) || !strstr(err_text, words[i].nothing))
				print_error("not the %s words of a full disk: %s\n", lang, err_text);
			assert_non_null(strstr(err_text, words[i].full));
			assert_non_null(strstr(err_text, words[i].nothing));
		}
}

/* The file at path is byte for byte what it was (before, n bytes), and has no journal left. */
static void unchanged(const char *path, const char *before, size_t n)
{
	size_t m = 0;
	char *now = bytes_of(path, &m);
	assert_non_null(now);
	assert_int_equal(m, n);
	assert_memory_equal(now, before, n);
	free(now);
	char *wal = xasprintf("%s-wal", path), *journal = xasprintf("%s-journal", path);
	struct stat sb;
	/* a WAL left behind would hold no committed change: SQLite ignores frames without a commit */
	if (stat(wal, &sb) == 0)
		assert_int_equal(sb.st_size, 0);
	assert_int_not_equal(stat(journal, &sb) == 0 && sb.st_size > 0, 1);
	free(wal);
	free(journal);
}

/* A folder with nothing in it. */
static void empty_dir(const char *path)
{
	char *cmd = xasprintf("test -z \"$(ls -A '%s')\"", path);
	int rc = system(cmd);
	if (rc != 0) {
		char *ls = xasprintf("ls -la '%s' >&2", path);
		if (system(ls) != 0)
			print_error("cannot list %s\n", path);
		free(ls);
	}
	assert_int_equal(rc, 0);
	free(cmd);
}

static void full(const char *folder)
{
	snprintf(full_dir, sizeof full_dir, "%s/", folder);
	refused = 0;
}

static void not_full(void)
{
	full_dir[0] = '\0';
}

/* ---- the fixture: HQ/hq.db with its frame, an assignment and complete interviews; a kit ---- */

static char *hq_dir, *hq, *kit, *out_dir, *laptop_dir, *laptop;

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	swap_write_calls();
	hq_dir = in_dir("hq");
	out_dir = in_dir("out");
	laptop_dir = in_dir("laptop");
	if (mkdir(hq_dir, 0700) || mkdir(out_dir, 0700) || mkdir(laptop_dir, 0700))
		return -1;
	hq = xasprintf("%s/hq.db", hq_dir);
	kit = in_dir("kit.db");
	laptop = xasprintf("%s/laptop.db", laptop_dir);
	if (run(&cmd_frame_entry, FORM, FRAME, "--db", hq, "--lang", "en", NULL) ||
	    run(&cmd_assign_entry, hq, "--interviewer", "Айгүл", "--where", "oblast=chuy", "--lang",
		"en", NULL) ||
	    run(&cmd_simulate_entry, FORM, "-n", "2", "--seed", "5", "--drafts", "0", "--db", hq,
		"--quiet", NULL) ||
	    run(&cmd_kit_entry, hq, "--interviewer", "Айгүл", "-o", kit, "--lang", "en", NULL)) {
		fprintf(stderr, "the fixture: %s\n", err_text);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	not_full();
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	free(hq_dir);
	free(hq);
	free(kit);
	free(out_dir);
	free(laptop_dir);
	free(laptop);
	return rc == 0 ? 0 : -1;
}

/* ---- the commands on a full disk ---- */

static const char *const langs[] = { "ky", "ru", "en" };

static void test_frame(void **state)
{
	(void)state;
	char *more = in_dir("more.csv");
	FILE *f = fopen(more, "w");
	assert_non_null(f);
	fputs("unit_id,oblast,district,municipality_type,municipality_name,population\n"
	      "NEW-01,chuy,kemin,ayil_okmotu,Жаңы айыл өкмөтү,1200\n", f);
	fclose(f);
	size_t n;
	char *before = bytes_of(hq, &n);
	for (size_t l = 0; l < 3; l++) {
		full(hq_dir);   /* more units into an existing HQ.db */
		assert_int_equal(run(&cmd_frame_entry, FORM, more, "--db", hq, "--lang", langs[l],
				     NULL), EXIT_USER);
		assert_true(refused > 0);
		not_full();
		said_full(langs[l], hq);
		unchanged(hq, before, n);
		char *fresh = xasprintf("%s/new.db", out_dir);   /* a new HQ.db: not left behind */
		full(out_dir);
		assert_int_equal(run(&cmd_frame_entry, FORM, FRAME, "--db", fresh, "--lang",
				     langs[l], NULL), EXIT_USER);
		not_full();
		said_full(langs[l], fresh);
		empty_dir(out_dir);
		free(fresh);
	}
	free(before);
	free(more);
}

static void test_assign(void **state)
{
	(void)state;
	size_t n;
	char *before = bytes_of(hq, &n);
	for (size_t l = 0; l < 3; l++) {
		full(hq_dir);
		assert_int_equal(run(&cmd_assign_entry, hq, "--interviewer", "Марат", "--where",
				     "oblast=talas", "--lang", langs[l], NULL), EXIT_USER);
		assert_true(refused > 0);
		not_full();
		said_full(langs[l], hq);
		unchanged(hq, before, n);
	}
	free(before);
}

static void test_kit(void **state)
{
	(void)state;
	char *k = xasprintf("%s/aigul.db", out_dir);
	for (size_t l = 0; l < 3; l++) {
		full(out_dir);
		assert_int_equal(run(&cmd_kit_entry, hq, "--interviewer", "Айгүл", "-o", k, "--lang",
				     langs[l], NULL), EXIT_USER);
		assert_true(refused > 0);
		not_full();
		said_full(langs[l], k);
		empty_dir(out_dir);   /* neither the kit nor its temporary file */
	}
	free(k);
}

/* receive KIT.db --db LAPTOP.db --lang lang on a full disk: refused, and said so. */
static void receive_full(const char *lang)
{
	full(laptop_dir);
	assert_int_equal(run(&cmd_receive_entry, kit, "--db", laptop, "--lang", lang, NULL),
			 EXIT_USER);
	assert_true(refused > 0);
	not_full();
	said_full(lang, laptop);
}

static void test_receive(void **state)
{
	(void)state;
	for (size_t l = 0; l < 3; l++) {   /* a new laptop file: not left behind */
		receive_full(langs[l]);
		empty_dir(laptop_dir);
	}
	/* a laptop file that holds the frame's form already: unchanged */
	assert_int_equal(run(&cmd_simulate_entry, FORM, "-n", "1", "--seed", "9", "--db", laptop,
			     "--quiet", NULL), 0);
	size_t n;
	char *before = bytes_of(laptop, &n);
	for (size_t l = 0; l < 3; l++) {
		receive_full(langs[l]);
		unchanged(laptop, before, n);
	}
	free(before);
}

static void test_review(void **state)
{
	(void)state;
	/* a complete interview of HQ.db (simulate made two) */
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(hq, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT uuid FROM interviews WHERE status = "
					    "'complete' ORDER BY uuid LIMIT 1", -1, &s, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	char *uuid = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	size_t n;
	char *before = bytes_of(hq, &n);
	for (size_t l = 0; l < 3; l++) {
		full(hq_dir);
		assert_int_equal(run(&cmd_review_entry, hq, "--approve", uuid, "--reviewer", "Бакыт",
				     "--lang", langs[l], NULL), EXIT_USER);
		assert_true(refused > 0);
		not_full();
		said_full(langs[l], hq);
		unchanged(hq, before, n);
	}
	/* with room again, the same decision is taken */
	assert_int_equal(run(&cmd_review_entry, hq, "--approve", uuid, "--reviewer", "Бакыт",
			     NULL), 0);
	free(before);
	free(uuid);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	store_set_form_ops(interview_form_ops());   /* as main() does: receive merges the kit */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_frame),
		cmocka_unit_test(test_assign),
		cmocka_unit_test(test_kit),
		cmocka_unit_test(test_receive),
		cmocka_unit_test(test_review),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
