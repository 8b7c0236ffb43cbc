/* attach_input.c: the field of a media question (image, audio, video, file). The interviewer
 * types the path of a file on the laptop — Tab completes it as a shell does, listing the
 * matches when there are several — and Enter attaches it: the file is read whole (a regular
 * file within --max-attachment) and handed to engine_attach, which keeps its bytes with the
 * interview; its own name becomes the answer. F7 (Ctrl-B) opens the file browser
 * (attach_browse.c) in the field's place. Delete on the empty field takes the attached file
 * away. */
#include "ui/screens.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "form/value.h"
#include "util/termsafe.h"

char *ui_attach_expand(const char *text)
{
	const char *home = getenv("HOME");
	if (text[0] == '~' && (text[1] == '/' || !text[1]) && home && *home)
		return xasprintf("%s%s", home, text + 1);
	return xstrdup(text);
}

/* Read the regular file at path, at most max bytes. 0, or ENGINE_REJECTED with a message in
 * the interviewer's language in err. */
static int read_attachment(const char *shown, const char *path, long long max,
			   unsigned char **out, size_t *len, char *err)
{
	*out = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) != 0) {
		snprintf(err, ERR_MAX, ui_tr(UI_M_ATTACH_CANNOT_READ), shown, strerror(errno));
		if (fd >= 0)
			close(fd);
		return ENGINE_REJECTED;
	}
	if (!S_ISREG(sb.st_mode)) {
		snprintf(err, ERR_MAX, ui_tr(UI_M_ATTACH_NOT_FILE), shown);
		close(fd);
		return ENGINE_REJECTED;
	}
	if (sb.st_size > max) {
		char got[32], most[32];
		util_human_size((long long)sb.st_size, got, sizeof got);
		util_human_size(max, most, sizeof most);
		snprintf(err, ERR_MAX, ui_tr(UI_M_ATTACH_TOO_BIG), shown, got, most);
		close(fd);
		return ENGINE_REJECTED;
	}
	size_t cap = (size_t)sb.st_size + 1, n = 0;
	unsigned char *buf = xmalloc(cap);
	for (;;) {
		if (n == cap) {
			if ((long long)cap > max) {   /* it grew while being read */
				char most[32];
				util_human_size(max, most, sizeof most);
				snprintf(err, ERR_MAX, ui_tr(UI_M_ATTACH_TOO_BIG), shown, "?", most);
				free(buf);
				close(fd);
				return ENGINE_REJECTED;
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			snprintf(err, ERR_MAX, ui_tr(UI_M_ATTACH_CANNOT_READ), shown, strerror(errno));
			free(buf);
			close(fd);
			return ENGINE_REJECTED;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	*out = buf;
	*len = n;
	return 0;
}

int ui_attach_commit(struct ui *u, struct ui_field *fl, const char *text, char *err)
{
	while (*text == ' ')
		text++;
	if (!*text)
		return 0;   /* nothing typed: the attached file (if any) stays */
	char *path = ui_attach_expand(text);
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == ' ')
		path[--n] = '\0';
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	long long max = u->o->max_attachment > 0 ? u->o->max_attachment : SESSION_ATTACH_DEFAULT_MAX;
	unsigned char *bytes = NULL;
	size_t len = 0;
	int rc;
	if (!termsafe_file_name_ok(base)) {
		snprintf(err, ERR_MAX, "%s", engine_msg(u->e, ENGINE_MSG_FILE_NAME));
		rc = ENGINE_REJECTED;
	} else {
		rc = read_attachment(text, path, max, &bytes, &len, err);
	}
	char *name = xstrdup(base);
	if (rc == 0)
		rc = engine_attach(u->e, fl->path, name, bytes, len, err);
	if (rc == 0)
		ui_message(u, 0, ui_tr(UI_M_ATTACH_DONE), name);
	free(name);
	free(bytes);
	free(path);
	return rc;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Tab: complete the path typed so far from the folder it names. */
static void complete(struct ui *u, struct ui_field *fl)
{
	char *typed = ui_te_get(&fl->te);
	char *full = ui_attach_expand(typed);
	const char *slash = strrchr(full, '/');
	char *dir = slash ? xstrndup(full, (size_t)(slash - full) + 1) : xstrdup("./");
	const char *prefix = slash ? slash + 1 : full;
	size_t plen = strlen(prefix);
	char **hits = NULL;
	int nhits = 0;
	DIR *d = opendir(dir);
	struct dirent *de;
	while (d && (de = readdir(d)) && nhits < 10000) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") ||
		    (de->d_name[0] == '.' && prefix[0] != '.') || strncmp(de->d_name, prefix, plen))
			continue;
		hits = xreallocarray(hits, (size_t)nhits + 1, sizeof *hits);
		hits[nhits++] = xstrdup(de->d_name);
	}
	if (d)
		closedir(d);
	if (!nhits) {
		ui_message(u, 1, "%s", ui_tr(UI_M_ATTACH_NO_MATCH));
	} else {
		qsort(hits, (size_t)nhits, sizeof *hits, entry_cmp);
		size_t common = strlen(hits[0]);
		for (int i = 1; i < nhits; i++) {
			size_t k = 0;
			while (k < common && hits[i][k] == hits[0][k])
				k++;
			common = k;
		}
		/* keep what was typed (a "~/" stays), add the rest of the common part */
		strbuf sb = STRBUF_INIT;
		sb_adds(&sb, typed);
		sb_add(&sb, hits[0] + plen, common - plen);
		if (nhits == 1) {
			char *p = xasprintf("%s%s", dir, hits[0]);
			struct stat st;
			if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
				sb_addc(&sb, '/');
			free(p);
		} else {
			strbuf list = STRBUF_INIT;
			for (int i = 0; i < nhits && list.len < 400; i++)
				sb_addf(&list, "%s%s", i ? "  " : "", hits[i]);
			if (nhits > 1 && list.len >= 400)
				sb_adds(&list, " ...");
			ui_message(u, 0, ui_tr(UI_M_ATTACH_MATCHES), sb_str(&list));
			sb_release(&list);
		}
		ui_te_set(&fl->te, sb_str(&sb));
		fl->te.dirty = fl->te.len > 0;
		u->saved = 0;
		sb_release(&sb);
	}
	strv_free(hits, nhits);
	free(dir);
	free(full);
	free(typed);
}

int ui_attach_key(struct ui *u, struct ui_field *fl, enum ui_action a, wint_t ch)
{
	if (ui_browse_open_on(u, fl))
		return ui_browse_key(u, fl, a, ch);
	if (a == UI_A_BROWSE) {
		ui_browse_open(u, fl);
		return 1;
	}
	if (a == UI_A_FIELD_NEXT) {
		complete(u, fl);
		return 1;
	}
	if ((a == UI_A_CLEAR || a == UI_A_DELETE) && fl->te.len == 0 && engine_has_answer(u->e, fl->path)) {
		char err[ERR_MAX];
		if (fl->required) {
			ui_message(u, 1, "%s", engine_msg(u->e, ENGINE_MSG_REQUIRED));
			return 1;
		}
		int rc = engine_answer(u->e, fl->path, "", err);
		if (rc)
			ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_NOT_SAVED), err);
		else
			ui_message(u, 0, "%s", ui_tr(UI_M_CLEARED));
		ui_question_init(u);
		return 1;
	}
	return 0;
}

void ui_attach_draw(struct ui *u, const struct ui_field *fl, struct ui_body *b, int width,
		    int field)
{
	if (ui_browse_open_on(u, fl) && &u->fields[u->focus] == fl) {
		ui_browse_draw(b, width, field);
		return;
	}
	const char *v = engine_state(u->e, fl->path) == STATE_ANSWERED ?
		engine_value(u->e, fl->path) : NULL;
	char *line = v && *v ? xasprintf(ui_tr(UI_M_ATTACHED), v) : xstrdup(ui_tr(UI_M_ATTACH_NONE));
	ui_body_add(b, line, width, 2, v && *v ? A_BOLD : A_DIM, field, -1);
	free(line);
	ui_body_add(b, ui_tr(UI_M_ATTACH_HINT), width, 2, A_DIM, field, -1);
}
