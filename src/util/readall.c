/* readall.c: reading a source whole into memory, bounded (util/readall.h). */
#include "util/readall.h"

#include <errno.h>
#include <unistd.h>

int readall(strbuf *sb, readall_fn rd, void *src, size_t max)
{
	char chunk[65536];
	long long n;
	while ((n = rd(src, chunk, sizeof chunk)) > 0) {
		if (sb->len + (size_t)n > max) {
			sb_release(sb);
			return READALL_TOO_LARGE;
		}
		sb_add(sb, chunk, (size_t)n);
	}
	if (n < 0) {
		sb_release(sb);
		return READALL_FAILED;
	}
	return READALL_OK;
}

long long readall_fd(void *src, char *buf, size_t n)
{
	ssize_t got;
	do
		got = read(*(int *)src, buf, n);
	while (got < 0 && errno == EINTR);
	return got;
}
