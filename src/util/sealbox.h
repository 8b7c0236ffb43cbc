/* sealbox.h: sealing data for a coordinator's key pair (libsodium): key files, the one-line
 * public key of a form's settings `public_key`, and sealed records — a random key per record in
 * a sealed box (crypto_box_seal: only the secret key opens it) and the payload under
 * XChaCha20-Poly1305 with authenticated data that binds it to its context (the interview's
 * identity), so a record moved elsewhere, altered or cut short fails to open. No SQL here. */
#ifndef SURVEY_SEALBOX_H
#define SURVEY_SEALBOX_H

#include <stddef.h>

#define SEALBOX_PK_BYTES 32
#define SEALBOX_SK_BYTES 32
#define SEALBOX_KEY_ID_HEX 17   /* 16 hex digits and NUL: the first 8 bytes of a BLAKE2b of
                                   the public key, to name a key in messages */
#define SEALBOX_PK_B64_LEN 44   /* base64 (with padding) of 32 bytes */
/* Bytes a record adds to its payload: magic, version, key id, sealed key, nonce, tag. */
#define SEALBOX_OVERHEAD (8 + 1 + 8 + 80 + 24 + 16)

typedef struct sealbox_key {
	unsigned char pk[SEALBOX_PK_BYTES];   /* public key */
	unsigned char sk[SEALBOX_SK_BYTES];   /* secret key; all zero for a public key alone */
	int has_secret;                       /* sk is set */
} sealbox_key;

/* A new key pair. 0, or -1 with err. */
int sealbox_keygen(sealbox_key *k, char *err);
/* Write k as name.key (the secret: mode 0600, created O_EXCL so an existing file is never
 * overwritten, fsync'd) and name.pub (the public line and '\n'). Neither is left behind on
 * failure (a .key that existed is untouched). 0, or -1 with one line in err. */
int sealbox_write_files(const sealbox_key *k, const char *name, char *err);
/* The public line: base64 of the public key, 44 characters, into out (45 bytes). */
void sealbox_pk_line(const sealbox_key *k, char out[SEALBOX_PK_B64_LEN + 1]);
/* The key id of k's public key (hex) into out. */
void sealbox_key_id(const sealbox_key *k, char out[SEALBOX_KEY_ID_HEX]);

/* Parse a public line (surrounding blanks ignored). 0; -1 when it is not a survey key, with one
 * line in err saying what to do — a longer base64 value that decodes to an RSA key (what ODK's
 * public_key holds) is named as such. */
int sealbox_pk_parse(const char *text, sealbox_key *k, char *err);
/* Read a public key file (the .pub: one line) or, for the secret, a .key file (bounded size;
 * the secret must match its public key). 0, or -1 with one line in err naming path. */
int sealbox_read_public(const char *path, sealbox_key *k, char *err);
int sealbox_read_secret(const char *path, sealbox_key *k, char *err);

/* Seal payload (len bytes) for k's public key, bound to ad (adlen bytes). *out malloc'd,
 * *outlen = len + SEALBOX_OVERHEAD. 0, or -1 with err. */
int sealbox_seal(const sealbox_key *k, const void *ad, size_t adlen, const void *payload,
		 size_t len, unsigned char **out, size_t *outlen, char *err);

typedef enum sealbox_status {
	SEALBOX_OK = 0,
	SEALBOX_NOT_A_RECORD,   /* too short or not our header: truncated or another thing */
	SEALBOX_OTHER_KEY,      /* sealed for another public key (the record's key id differs) */
	SEALBOX_ALTERED,        /* our header and key id, but it does not open: altered, cut short,
	                           or moved to another context (ad) */
} sealbox_status;
/* Open a record with k's secret key. On SEALBOX_OK *out (malloc'd, *outlen bytes) holds the
 * payload; else *out is NULL. key_id_out (may be NULL) receives the record's key id. */
sealbox_status sealbox_open(const sealbox_key *k, const void *ad, size_t adlen,
			    const unsigned char *rec, size_t reclen, unsigned char **out,
			    size_t *outlen, char key_id_out[SEALBOX_KEY_ID_HEX]);

/* Forget a key (zeroes it). */
void sealbox_key_wipe(sealbox_key *k);

#endif
