/* cmd_keygen.c: `survey keygen -o NAME` — the coordinator's key pair for sealed interviews:
 * NAME.key (secret, 0600, never overwritten) and NAME.pub (the line for the form's public_key,
 * also printed). */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"
#include "util/sealbox.h"
#include "util/util.h"

static int cmd_keygen(int argc, char **argv);

const struct cmd_entry cmd_keygen_entry = {
	.name = "keygen",
	.usage = "-o NAME",
	.summary = "make the coordinator's key pair that seals completed interviews",
	.help = "Writes NAME.key, the secret key (readable by you alone; an existing file is never\n"
		"overwritten), and NAME.pub, the public key: one line, also printed, to put in the\n"
		"form's settings sheet, column public_key (or give it to 'survey run --public-key').\n"
		"Laptops then seal every completed interview for this key; only NAME.key opens\n"
		"them ('survey unseal', 'survey merge --secret-key'). Keep NAME.key off the field\n"
		"laptops, and keep a copy in a safe place: without it sealed interviews are lost.\n\n"
		"options:\n"
		"  -o NAME   the key files to make: NAME.key and NAME.pub\n\n"
		"example:\n  survey keygen -o coordinator\n",
	.exec = cmd_keygen,
};

static int cmd_keygen(int argc, char **argv)
{
	const char *name;
	int rc = cmd_only_output(&cmd_keygen_entry, argc, argv, "a name", &name);
	if (rc)
		return rc;
	if (argc - optind != 0)
		return cmd_usage_error(&cmd_keygen_entry, "unexpected argument '%s'", argv[optind]);
	if (!name || !*name)
		return cmd_usage_error(&cmd_keygen_entry, "expected -o NAME");
	char err[ERR_MAX], line[SEALBOX_PK_B64_LEN + 1], id[SEALBOX_KEY_ID_HEX];
	sealbox_key k;
	if (sealbox_keygen(&k, err) || sealbox_write_files(&k, name, err)) {
		sealbox_key_wipe(&k);
		return cmd_fail("%s", err);
	}
	sealbox_pk_line(&k, line);
	sealbox_key_id(&k, id);
	sealbox_key_wipe(&k);
	printf("%s\n", line);
	cmd_put_line(stderr, "survey: wrote the secret key '%s.key' (key %s: keep it private, with a "
		     "copy in a safe place) and the public key '%s.pub' (the line above, for the "
		     "form's public_key)", name, id, name);
	return EXIT_OK;
}
