/* sealbox.c: key pairs, key files and sealed records with libsodium (sealbox.h). */
#include "util/sealbox.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/util.h"

#define MAGIC "SRVYSEAL"
#define HEADER_BYTES (8 + 1 + 8)         /* magic, version, key id */
#define SEALED_KEY_BYTES (crypto_box_SEALBYTES + crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
#define SECRET_TAG "survey-secret-key-1 "
#define KEYFILE_MAX 4096

_Static_assert(SEALED_KEY_BYTES == 80, "sealed key size");
_Static_assert(SEALBOX_OVERHEAD == HEADER_BYTES + SEALED_KEY_BYTES +
	       crypto_aead_xchacha20poly1305_ietf_NPUBBYTES +
	       crypto_aead_xchacha20poly1305_ietf_ABYTES, "record overhead");

static int ready(char *err)
{
	if (sodium_init() < 0)
		return errf(err, "cannot start libsodium");
	return 0;
}

static void key_id_raw(const unsigned char pk[SEALBOX_PK_BYTES], unsigned char id[8])
{
	unsigned char h[crypto_generichash_BYTES_MIN];
	crypto_generichash(h, sizeof h, pk, SEALBOX_PK_BYTES, (const unsigned char *)"survey-key",
			   10);
	memcpy(id, h, 8);
}

static void hex8(const unsigned char id[8], char out[SEALBOX_KEY_ID_HEX])
{
	for (int i = 0; i < 8; i++)
		snprintf(out + 2 * i, 3, "%02x", id[i]);
}

void sealbox_key_id(const sealbox_key *k, char out[SEALBOX_KEY_ID_HEX])
{
	unsigned char id[8];
	key_id_raw(k->pk, id);
	hex8(id, out);
}

void sealbox_key_wipe(sealbox_key *k)
{
	sodium_memzero(k, sizeof *k);
}

int sealbox_keygen(sealbox_key *k, char *err)
{
	memset(k, 0, sizeof *k);
	if (ready(err) || crypto_box_keypair(k->pk, k->sk) != 0)
		return errf(err, "cannot make a key pair");
	k->has_secret = 1;
	return 0;
}

void sealbox_pk_line(const sealbox_key *k, char out[SEALBOX_PK_B64_LEN + 1])
{
	sodium_bin2base64(out, SEALBOX_PK_B64_LEN + 1, k->pk, SEALBOX_PK_BYTES,
			  sodium_base64_VARIANT_ORIGINAL);
}

/* Write len bytes to a new file (O_EXCL, mode), fsync'd. -1 with err; nothing left behind. */
static int write_new(const char *path, mode_t mode, const char *text, char *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
	if (fd < 0)
		return errf(err, "cannot create '%s': %s%s", path, strerror(errno),
			    errno == EEXIST ? " (a key file is never overwritten: choose another "
			    "name)" : "");
	size_t len = strlen(text);
	ssize_t w = write(fd, text, len);
	int bad = w < 0 || (size_t)w != len || fchmod(fd, mode) != 0 || fsync(fd) != 0;
	int e = errno;
	if (close(fd) != 0)
		bad = 1;
	if (bad) {
		unlink(path);
		return errf(err, "cannot write '%s': %s", path, strerror(e ? e : EIO));
	}
	return 0;
}

int sealbox_write_files(const sealbox_key *k, const char *name, char *err)
{
	if (!k->has_secret)
		return errf(err, "no secret key to write");
	char *key_path = xasprintf("%s.key", name), *pub_path = xasprintf("%s.pub", name);
	unsigned char both[SEALBOX_SK_BYTES + SEALBOX_PK_BYTES];
	memcpy(both, k->sk, SEALBOX_SK_BYTES);
	memcpy(both + SEALBOX_SK_BYTES, k->pk, SEALBOX_PK_BYTES);
	char b64[sodium_base64_ENCODED_LEN(sizeof both, sodium_base64_VARIANT_ORIGINAL)];
	sodium_bin2base64(b64, sizeof b64, both, sizeof both, sodium_base64_VARIANT_ORIGINAL);
	sodium_memzero(both, sizeof both);
	char pk[SEALBOX_PK_B64_LEN + 1], id[SEALBOX_KEY_ID_HEX];
	sealbox_pk_line(k, pk);
	sealbox_key_id(k, id);
	char *secret = xasprintf("# survey secret key %s: keep it private and keep a copy in a "
				 "safe place; sealed interviews cannot be opened without it\n"
				 SECRET_TAG "%s\n", id, b64);
	char *pub = xasprintf("%s\n", pk);
	struct stat sb;
	int rc;
	if (lstat(pub_path, &sb) == 0)
		rc = errf(err, "cannot create '%s': it exists (a key file is never overwritten: "
			  "choose another name)", pub_path);
	else
		rc = write_new(key_path, 0600, secret, err);
	if (!rc && write_new(pub_path, 0644, pub, err)) {
		unlink(key_path);
		rc = -1;
	}
	sodium_memzero(b64, sizeof b64);
	sodium_memzero(secret, strlen(secret));
	free(secret);
	free(pub);
	free(key_path);
	free(pub_path);
	return rc;
}

/* Does text decode from base64 to a long DER sequence (an RSA key as ODK's public_key holds
 * it: "MII...")? Padding may be missing (a key cut short when pasted). */
static int looks_like_rsa(const char *text, size_t len)
{
	if (len < 8 || len > 4096)
		return 0;
	size_t cap = len, n = 0;
	unsigned char *bin = xmalloc(cap);
	const char *end = NULL;
	sodium_base642bin(bin, cap, text, len, NULL, &n, &end,
			  sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
	int ok = n > 2 && bin[0] == 0x30 && bin[1] >= 0x81 && bin[1] <= 0x83;
	free(bin);
	return ok;
}

int sealbox_pk_parse(const char *text, sealbox_key *k, char *err)
{
	memset(k, 0, sizeof *k);
	if (ready(err))
		return -1;
	while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')
		text++;
	size_t len = strlen(text);
	while (len && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\n' ||
		       text[len - 1] == '\r'))
		len--;
	size_t n = 0;
	if (len == SEALBOX_PK_B64_LEN &&
	    sodium_base642bin(k->pk, sizeof k->pk, text, len, NULL, &n, NULL,
			      sodium_base64_VARIANT_ORIGINAL) == 0 && n == SEALBOX_PK_BYTES)
		return 0;
	memset(k, 0, sizeof *k);
	if (looks_like_rsa(text, len))
		return errf(err, "it is an RSA key (ODK's encryption), which survey does not use: "
			    "make a key pair with 'survey keygen -o NAME' and put the line of "
			    "NAME.pub here");
	return errf(err, "it is not a survey public key (one line of 44 base64 characters): "
		    "make a key pair with 'survey keygen -o NAME' and put the line of NAME.pub "
		    "here");
}

/* Read a small key file (at most KEYFILE_MAX bytes). */
static char *read_small(const char *path, char *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		errf(err, "cannot read the key '%s': %s", path, strerror(errno));
		return NULL;
	}
	struct stat sb;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size > KEYFILE_MAX) {
		close(fd);
		errf(err, "cannot read the key '%s': it is not a key file (%s)", path,
		     S_ISREG(sb.st_mode) ? "too large" : "not a regular file");
		return NULL;
	}
	char *buf = xcalloc(1, KEYFILE_MAX + 1);
	ssize_t n = read(fd, buf, KEYFILE_MAX);
	close(fd);
	if (n < 0) {
		free(buf);
		errf(err, "cannot read the key '%s': %s", path, strerror(errno));
		return NULL;
	}
	return buf;
}

int sealbox_read_public(const char *path, sealbox_key *k, char *err)
{
	char why[ERR_MAX];
	char *buf = read_small(path, err);
	if (!buf)
		return -1;
	int rc = 0;
	if (strstr(buf, SECRET_TAG))
		rc = errf(err, "'%s' is a secret key: give the public one (NAME.pub), and keep the "
			  "secret one off the field laptops", path);
	else if (sealbox_pk_parse(buf, k, why))
		rc = errf(err, "cannot use the key '%s': %s", path, why);
	free(buf);
	return rc;
}

int sealbox_read_secret(const char *path, sealbox_key *k, char *err)
{
	memset(k, 0, sizeof *k);
	if (ready(err))
		return -1;
	char *buf = read_small(path, err);
	if (!buf)
		return -1;
	char *p = strstr(buf, SECRET_TAG);
	unsigned char both[SEALBOX_SK_BYTES + SEALBOX_PK_BYTES], derived[SEALBOX_PK_BYTES];
	size_t n = 0;
	const char *end = NULL;
	int rc = 0;
	if (!p || sodium_base642bin(both, sizeof both, p + strlen(SECRET_TAG),
				    strcspn(p + strlen(SECRET_TAG), "\r\n"), NULL, &n, &end,
				    sodium_base64_VARIANT_ORIGINAL) != 0 || n != sizeof both)
		rc = errf(err, "'%s' is not a survey secret key (made by 'survey keygen')%s", path,
			  p ? ": it is damaged" : "");
	else {
		memcpy(k->sk, both, SEALBOX_SK_BYTES);
		memcpy(k->pk, both + SEALBOX_SK_BYTES, SEALBOX_PK_BYTES);
		if (crypto_scalarmult_base(derived, k->sk) != 0 ||
		    sodium_memcmp(derived, k->pk, SEALBOX_PK_BYTES) != 0) {
			sealbox_key_wipe(k);
			rc = errf(err, "'%s' is not a survey secret key (made by 'survey keygen'): "
				  "it is damaged", path);
		} else
			k->has_secret = 1;
	}
	sodium_memzero(both, sizeof both);
	sodium_memzero(buf, KEYFILE_MAX);
	free(buf);
	return rc;
}

/* The AEAD's additional data: the record's header, then the caller's context. */
static unsigned char *full_ad(const unsigned char *header, const void *ad, size_t adlen,
			      size_t *len)
{
	unsigned char *a = xmalloc(HEADER_BYTES + adlen + 1);
	memcpy(a, header, HEADER_BYTES);
	if (adlen)
		memcpy(a + HEADER_BYTES, ad, adlen);
	*len = HEADER_BYTES + adlen;
	return a;
}

int sealbox_seal(const sealbox_key *k, const void *ad, size_t adlen, const void *payload,
		 size_t len, unsigned char **out, size_t *outlen, char *err)
{
	*out = NULL;
	*outlen = 0;
	if (ready(err))
		return -1;
	if (len > (size_t)1 << 40)
		return errf(err, "the record is too large to seal");
	unsigned char *r = xmalloc(len + SEALBOX_OVERHEAD);
	memcpy(r, MAGIC, 8);
	r[8] = 1;
	key_id_raw(k->pk, r + 9);
	unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
	crypto_aead_xchacha20poly1305_ietf_keygen(key);
	unsigned char *sealed = r + HEADER_BYTES, *nonce = sealed + SEALED_KEY_BYTES,
		*ct = nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
	randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
	size_t alen;
	unsigned char *a = full_ad(r, ad, adlen, &alen);
	unsigned long long clen = 0;
	int rc = crypto_box_seal(sealed, key, sizeof key, k->pk) != 0 ||
		 crypto_aead_xchacha20poly1305_ietf_encrypt(ct, &clen, payload, len, a, alen, NULL,
							    nonce, key) != 0 ? -1 : 0;
	sodium_memzero(key, sizeof key);
	free(a);
	if (rc) {
		free(r);
		return errf(err, "cannot seal the record");
	}
	*out = r;
	*outlen = len + SEALBOX_OVERHEAD;
	return 0;
}

sealbox_status sealbox_open(const sealbox_key *k, const void *ad, size_t adlen,
			    const unsigned char *rec, size_t reclen, unsigned char **out,
			    size_t *outlen, char key_id_out[SEALBOX_KEY_ID_HEX])
{
	*out = NULL;
	*outlen = 0;
	if (key_id_out)
		key_id_out[0] = '\0';
	if (sodium_init() < 0 || !rec || reclen < SEALBOX_OVERHEAD || memcmp(rec, MAGIC, 8) != 0 ||
	    rec[8] != 1)
		return SEALBOX_NOT_A_RECORD;
	if (key_id_out)
		hex8(rec + 9, key_id_out);
	unsigned char id[8];
	key_id_raw(k->pk, id);
	if (memcmp(id, rec + 9, 8) != 0)
		return SEALBOX_OTHER_KEY;
	unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
	const unsigned char *sealed = rec + HEADER_BYTES, *nonce = sealed + SEALED_KEY_BYTES,
		*ct = nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
	if (!k->has_secret || crypto_box_seal_open(key, sealed, SEALED_KEY_BYTES, k->pk, k->sk) != 0)
		return SEALBOX_ALTERED;
	size_t ctlen = reclen - (size_t)(ct - rec), alen;
	unsigned char *plain = xmalloc(ctlen + 1), *a = full_ad(rec, ad, adlen, &alen);
	unsigned long long plen = 0;
	int bad = crypto_aead_xchacha20poly1305_ietf_decrypt(plain, &plen, NULL, ct, ctlen, a, alen,
							     nonce, key) != 0;
	sodium_memzero(key, sizeof key);
	free(a);
	if (bad) {
		free(plain);
		return SEALBOX_ALTERED;
	}
	*out = plain;
	*outlen = (size_t)plen;
	return SEALBOX_OK;
}
