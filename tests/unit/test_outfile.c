/* test_outfile.c: the same-file check and the write-to-temporary-and-rename of util/outfile. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/outfile.h"
#include "util/util.h"

static char dir[] = "/tmp/survey-test-outfile-XXXXXX";
static char errbuf[ERR_MAX];

static char *path_in(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void put(const char *name, const char *text)
{
	char *p = path_in(name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static char *get(const char *name)
{
	char *p = path_in(name);
	size_t len;
	char *s = read_file(p, &len, errbuf);
	free(p);
	return s;
}

/* The hidden names in the folder (temporary files), space-separated: "" when none. */
static char *hidden(void)
{
	struct dirent **e;
	int n = scandir(dir, &e, NULL, alphasort);
	assert_true(n >= 0);
	strbuf sb = STRBUF_INIT;
	for (int i = 0; i < n; i++) {
		if (e[i]->d_name[0] == '.' && strcmp(e[i]->d_name, ".") &&
		    strcmp(e[i]->d_name, ".."))
			sb_addf(&sb, "%s ", e[i]->d_name);
		free(e[i]);
	}
	free(e);
	return sb_detach(&sb);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	return chdir(dir);
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc;
}

static void test_same(void **state)
{
	put("in.db", "data");
	assert_int_equal(symlink("in.db", "sym.db"), 0);
	assert_int_equal(link("in.db", "hard.db"), 0);
	assert_int_equal(mkdir("sub", 0755), 0);
	put("other.db", "data");
	char *abs = path_in("in.db");
	assert_int_equal(outfile_same("in.db", "in.db"), 1);
	assert_int_equal(outfile_same("./in.db", "in.db"), 1);
	assert_int_equal(outfile_same(abs, "in.db"), 1);
	assert_int_equal(outfile_same("sub/../in.db", "in.db"), 1);
	assert_int_equal(outfile_same("sym.db", "in.db"), 1);
	assert_int_equal(outfile_same("hard.db", "in.db"), 1);
	assert_int_equal(outfile_same("other.db", "in.db"), 0);   /* same bytes, another file */
	assert_int_equal(outfile_same("absent.db", "in.db"), 0);
	/* neither exists: the same resolved path */
	assert_int_equal(outfile_same("absent.db", "./sub/../absent.db"), 1);
	assert_int_equal(outfile_same("absent.db", "absent2.db"), 0);
	assert_int_equal(outfile_same("no/such/x", "no/such/x"), 1);
	free(abs);
}

static void test_check(void **state)
{
	put("db.db", "data");
	put("spec.md", "spec");
	assert_int_equal(outfile_check("-o", "out.csv", "input database", "db.db", OUTFILE_DB,
				       errbuf), 0);
	assert_int_equal(outfile_check("-o", "./db.db", "input database", "db.db", OUTFILE_DB,
				       errbuf), -1);
	assert_string_equal(errbuf, "the input database 'db.db' is the output file (-o './db.db'); "
			    "choose another output file");
	/* a journal of the database, present or not */
	assert_int_equal(outfile_check("-o", "db.db-wal", "input database", "db.db", OUTFILE_DB,
				       errbuf), -1);
	assert_non_null(strstr(errbuf, "its journal 'db.db-wal'"));
	put("db.db-journal", "");
	assert_int_equal(outfile_check("-o", "./db.db-journal", "input database", "db.db",
				       OUTFILE_DB, errbuf), -1);
	/* not a database: its journal's name is just another file */
	assert_int_equal(outfile_check("-o", "spec.md-wal", "report spec", "spec.md", 0, errbuf), 0);
	/* not regular files */
	assert_int_equal(outfile_check("-o", "/dev/null", "input database", "db.db", OUTFILE_DB,
				       errbuf), -1);
	assert_string_equal(errbuf, "cannot write '/dev/null': not a regular file; give a file name");
	assert_int_equal(mkdir("folder", 0755), 0);
	assert_int_equal(outfile_regular("folder", errbuf), -1);
	assert_string_equal(errbuf, "cannot write 'folder': it is a folder; give a file name");
	assert_int_equal(mkfifo("fifo", 0644), 0);
	assert_int_equal(outfile_regular("fifo", errbuf), -1);
	assert_int_equal(outfile_regular("absent", errbuf), 0);
	assert_int_equal(outfile_regular("spec.md", errbuf), 0);
}

static void test_write(void **state)
{
	put("out.txt", "the old output\n");
	mode_t mask = umask(022);
	outfile o;
	assert_int_equal(outfile_begin(&o, "out.txt", errbuf), 0);
	assert_non_null(strstr(o.tmp, "/.out.txt.tmp-"));
	assert_int_equal(write(o.fd, "new\n", 4), 4);
	char *old = get("out.txt");
	assert_string_equal(old, "the old output\n");   /* not touched before the commit */
	free(old);
	assert_int_equal(outfile_commit(&o, errbuf), 0);
	outfile_discard(&o);
	char *now = get("out.txt"), *after = hidden();
	assert_string_equal(now, "new\n");
	assert_string_equal(after, "");   /* no temporary file left */
	struct stat st;
	assert_int_equal(stat("out.txt", &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);   /* an ordinary new file's mode */
	free(now);
	free(after);

	/* written by name (fd closed), as SQLite and libxlsxwriter do */
	assert_int_equal(outfile_begin(&o, "out.txt", errbuf), 0);
	close(o.fd);
	o.fd = -1;
	FILE *f = fopen(o.tmp, "w");
	fputs("by name\n", f);
	fclose(f);
	assert_int_equal(outfile_commit(&o, errbuf), 0);
	outfile_discard(&o);
	now = get("out.txt");
	assert_string_equal(now, "by name\n");
	free(now);

	/* given up: the old output as it was, no temporary file */
	assert_int_equal(outfile_begin(&o, "out.txt", errbuf), 0);
	assert_int_equal(write(o.fd, "half", 4), 4);
	outfile_discard(&o);
	now = get("out.txt");
	after = hidden();
	assert_string_equal(now, "by name\n");
	assert_string_equal(after, "");
	free(now);
	free(after);

	/* the rename fails (a folder took the output's name): the temporary file is removed */
	assert_int_equal(outfile_begin(&o, "late", errbuf), 0);
	assert_int_equal(mkdir("late", 0755), 0);
	put("late/x", "x");
	assert_int_equal(outfile_commit(&o, errbuf), -1);
	assert_non_null(strstr(errbuf, "cannot write 'late'"));
	assert_null(o.tmp);
	outfile_discard(&o);
	after = hidden();
	assert_string_equal(after, "");
	free(after);
	umask(mask);
}

static void test_begin_errors(void **state)
{
	outfile o;
	assert_int_equal(outfile_begin(&o, "no/such/folder/x.csv", errbuf), -1);
	assert_string_equal(errbuf, "cannot write 'no/such/folder/x.csv': there is no folder "
			    "'no/such/folder'");
	outfile_discard(&o);   /* harmless after a failed begin */
	assert_int_equal(outfile_begin(&o, "sub/", errbuf), -1);
	assert_non_null(strstr(errbuf, "names a folder"));
	assert_int_equal(outfile_begin(&o, "/dev/null", errbuf), -1);
	assert_string_equal(errbuf, "cannot write '/dev/null': not a regular file; give a file name");
	outfile z = { 0 };
	outfile_discard(&z);   /* a zeroed outfile: nothing to do */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_begin_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
