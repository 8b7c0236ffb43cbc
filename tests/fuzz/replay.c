/* replay.c: runs a libFuzzer harness without libFuzzer, for `make test` (linked with gcc and
 * ASan+UBSan to each tests/fuzz/fuzz_*.c): calls LLVMFuzzerInitialize (if the harness has one),
 * then LLVMFuzzerTestOneInput on every file given and every file of every folder given (in
 * name order, dot files skipped), printing "# replay FILE" before and "ok N - replay FILE"
 * after each, so a crash names the file it died on. A path that cannot be read is a
 * "not ok" line and exit 1.
 *   build/asan/fuzz-replay/fuzz_merge tests/fuzz/corpus/merge tests/fuzz/regress/merge */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t len);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int count, failed;

static void not_ok(const char *path, const char *why)
{
	printf("not ok %d - replay %s: %s\n", ++count, path, why);
	failed = 1;
}

static void replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;
	if (!f || fstat(fileno(f), &sb) != 0) {
		if (f)
			fclose(f);
		not_ok(path, "cannot read it");
		return;
	}
	size_t len = (size_t)sb.st_size;
	unsigned char *data = malloc(len ? len : 1);   /* exactly len: ASan sees any overread */
	if (!data || fread(data, 1, len, f) != len) {
		fclose(f);
		free(data);
		not_ok(path, "cannot read it");
		return;
	}
	fclose(f);
	printf("# replay %s\n", path);
	fflush(stdout);
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	printf("ok %d - replay %s\n", ++count, path);
	fflush(stdout);
}

static int visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static void replay_dir(const char *path)
{
	struct dirent **names;
	int n = scandir(path, &names, visible, alphasort);
	if (n < 0) {
		not_ok(path, "cannot list it");
		return;
	}
	for (int i = 0; i < n; i++) {
		size_t len = strlen(path) + strlen(names[i]->d_name) + 2;
		char *file = malloc(len);
		struct stat sb;
		snprintf(file, len, "%s/%s", path, names[i]->d_name);
		if (stat(file, &sb) == 0 && S_ISREG(sb.st_mode))
			replay_file(file);
		free(file);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|FOLDER...\n", argv[0]);
		return 2;
	}
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		struct stat sb;
		if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			replay_dir(argv[i]);
		else
			replay_file(argv[i]);
	}
	return failed;
}
