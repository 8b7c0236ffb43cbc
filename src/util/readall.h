/* readall.h: reading a source whole into memory, bounded — the one loop behind the readers of
 * files, zip entries and zip sources, each giving its own read function. */
#ifndef SURVEY_UTIL_READALL_H
#define SURVEY_UTIL_READALL_H

#include <stddef.h>

#include "util/util.h"

/* Reads up to n bytes into buf: how many (0 at the end), or -1 on an error. */
typedef long long (*readall_fn)(void *src, char *buf, size_t n);

enum { READALL_OK = 0, READALL_TOO_LARGE = 1, READALL_FAILED = -1 };

/* Append what rd gives from src to sb until its end: READALL_OK; READALL_TOO_LARGE as soon as
 * sb would hold more than max bytes; READALL_FAILED when rd fails. On anything but READALL_OK sb
 * is released. */
int readall(strbuf *sb, readall_fn rd, void *src, size_t max);

/* A readall_fn for a file descriptor (int *src); a read interrupted by a signal is retried. */
long long readall_fd(void *src, char *buf, size_t n);

#endif
