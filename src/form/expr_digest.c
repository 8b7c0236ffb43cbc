/* expr_digest.c: digest(data, algorithm[, encoding]) and base64-decode(), with Nettle. */
#include "form/expr_impl.h"

#include <nettle/base16.h>
#include <nettle/base64.h>
#include <nettle/nettle-meta.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/termsafe.h"
#include "util/util.h"

/* digest(data, 'MD5'|'SHA-1'|'SHA-256'|'SHA-384'|'SHA-512'[, 'base64'|'hex']): the hash of
 * the UTF-8 bytes of data, base64 by default (ODK). An unknown algorithm is an error. */
EXPR_FN(expr_fn_digest)
{
	static const struct {
		const char *name;
		const struct nettle_hash *hash;
	} algorithms[] = {
		{ "MD5", &nettle_md5 }, { "SHA-1", &nettle_sha1 }, { "SHA-256", &nettle_sha256 },
		{ "SHA-384", &nettle_sha384 }, { "SHA-512", &nettle_sha512 },
	};
	char *a[3];
	if (expr_args_dup(cx, n, 3, a) < 0)
		return -1;
	uint8_t md[SHA512_DIGEST_SIZE];
	size_t dl = 0;
	for (size_t i = 0; !dl && i < sizeof algorithms / sizeof algorithms[0]; i++) {
		const struct nettle_hash *h = algorithms[i].hash;
		if (strcasecmp(a[1], algorithms[i].name))
			continue;
		void *c = xmalloc(h->context_size);
		h->init(c);
		h->update(c, strlen(a[0]), (const uint8_t *)a[0]);
		h->digest(c, dl = h->digest_size, md);
		free(c);
	}
	int hex = a[2] && !strcasecmp(a[2], "hex");
	int bad_enc = a[2] && !hex && strcasecmp(a[2], "base64");
	if (!dl || bad_enc) {
		errf(cx->err, "digest(): unknown %s '%.40s' (use MD5, SHA-1, SHA-256, SHA-384 or "
			"SHA-512, and base64 or hex)", dl ? "encoding" : "algorithm",
			dl ? a[2] : a[1]);
		expr_args_free(a, 3);
		return -1;
	}
	char *s;
	if (hex) {
		s = xmalloc(BASE16_ENCODE_LENGTH(dl) + 1);
		base16_encode_update(s, dl, md);
		s[BASE16_ENCODE_LENGTH(dl)] = '\0';
		for (char *p = s; *p; p++)
			if (*p >= 'A' && *p <= 'F')
				*p = (char)(*p - 'A' + 'a');
	} else {
		s = xmalloc(BASE64_ENCODE_RAW_LENGTH(dl) + 1);
		base64_encode_raw(s, dl, md);
		s[BASE64_ENCODE_RAW_LENGTH(dl)] = '\0';
	}
	expr_args_free(a, 3);
	val_str_own(out, s);
	return 0;
}

/* base64-decode(s): the text s encodes; "" when s is not base64 or not UTF-8 text */
EXPR_FN(expr_fn_base64_decode)
{
	char *s;
	if (expr_arg_dup(cx, n, 0, &s) < 0)
		return -1;
	size_t len = strlen(s), dl = BASE64_DECODE_LENGTH(len);
	uint8_t *d = xmalloc(dl + 1);
	struct base64_decode_ctx c;
	base64_decode_init(&c);
	int ok = base64_decode_update(&c, &dl, d, len, s) && base64_decode_final(&c);
	free(s);
	if (ok) {
		d[dl] = '\0';
		for (size_t i = 0; ok && i < dl;) {
			unsigned long cp;
			int k = utf8_sequence((const char *)d + i, dl - i, &cp);
			ok = k > 0 && cp != 0;
			i += k > 0 ? (size_t)k : 1;
		}
	}
	if (!ok) {
		free(d);
		val_str_borrow(out, "");
		return 0;
	}
	val_str_own(out, (char *)d);
	return 0;
}
