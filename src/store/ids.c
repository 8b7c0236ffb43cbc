/* ids.c: random UUID v4 (from getrandom) and ISO 8601 timestamps for the store. */
#include "store/store_impl.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "util/util.h"

int store_uuid4(char out[STORE_UUID_LEN + 1], char *err)
{
	unsigned char b[16];
	size_t got = 0;
	while (got < sizeof b) {
		ssize_t n = getrandom(b + got, sizeof b - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return errf(err, "cannot get random bytes: %s", strerror(errno));
		}
		got += (size_t)n;
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);  /* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);  /* RFC 4122 variant */
	static const char hex[] = "0123456789abcdef";
	char *p = out;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = hex[b[i] >> 4];
		*p++ = hex[b[i] & 15];
	}
	*p = '\0';
	return 0;
}

void store_format_ms(long long ms, char out[32])
{
	time_t sec = (time_t)(ms / 1000);
	struct tm tm;
	gmtime_r(&sec, &tm);
	size_t n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out + n, 32 - n, ".%03dZ", (int)(ms % 1000));
}

void store_now(char out[32])
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	store_format_ms((long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000, out);
}

void store_set_clock(store *st, long long (*fn)(void *arg), void *arg)
{
	st->clock = fn;
	st->clock_arg = arg;
}

void store_clock_now(const store *st, char out[32])
{
	if (st->clock)
		store_format_ms(st->clock(st->clock_arg), out);
	else
		store_now(out);
}

long long store_clock_mono(const store *st)
{
	if (st->clock)
		return st->clock(st->clock_arg);
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

const char *store_state_name(store_state s)
{
	switch (s) {
	case STATE_ANSWERED: return "answered";
	case STATE_SKIPPED: return "skipped";
	case STATE_DONT_KNOW: return "dont_know";
	case STATE_REFUSED: return "refused";
	}
	return "answered";
}

int store_state_parse(const char *name, store_state *out)
{
	for (int s = STATE_ANSWERED; s <= STATE_REFUSED; s++)
		if (name && strcmp(name, store_state_name((store_state)s)) == 0) {
			*out = (store_state)s;
			return 0;
		}
	return -1;
}
