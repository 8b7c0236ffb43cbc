/* attach_input.c: the field of a media question (image, audio, video, file). The interviewer
 * types the path of a file on the laptop — Tab completes it as a shell does, listing the
 * matches when there are several — and Enter attaches it: the file is read whole (a regular
 * file within --max-attachment) and handed to engine_attach, which keeps its bytes with the
 * interview; its own name becomes the answer. F3 (Ctrl-O) opens a simple file browser in
 * the field's place: folders first, Up/Down, Enter opens a folder or attaches a file,
 * Backspace goes up, a letter jumps to the next name starting with it, F3 closes it. Delete on
 * the empty field takes the attached file away. */
#include "ui/screens.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wctype.h>

#include "form/value.h"
#include "store/attach.h"

/* "~/x" with $HOME; anything else as typed. malloc'd. */
static char *expand(const char *text)
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
	char *path = expand(text);
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == ' ')
		path[--n] = '\0';
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	long long max = u->o->max_attachment > 0 ? u->o->max_attachment : STORE_ATTACH_DEFAULT_MAX;
	unsigned char *bytes = NULL;
	size_t len = 0;
	int rc;
	if (!form_file_name_ok(base)) {
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
	char *full = expand(typed);
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
	for (int i = 0; i < nhits; i++)
		free(hits[i]);
	free(hits);
	free(dir);
	free(full);
	free(typed);
}

/* ---- the file browser ---- */

#define BROWSE_MAX 5000   /* entries listed at most in one folder */

static struct browser {
	char *field;          /* the answer path of the field browsing; NULL: closed */
	char *dir;            /* the folder shown, ending in '/' */
	char **names;         /* "../" (but at /), folders with '/', then files; sorted */
	int n, hl;
} br;

static void br_clear(void)
{
	for (int i = 0; i < br.n; i++)
		free(br.names[i]);
	free(br.names);
	br.names = NULL;
	br.n = br.hl = 0;
}

static void br_close(void)
{
	br_clear();
	free(br.field);
	free(br.dir);
	memset(&br, 0, sizeof br);
}

static int br_cmp(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	int dx = x[strlen(x) - 1] == '/', dy = y[strlen(y) - 1] == '/';
	if (!strcmp(x, "../") || !strcmp(y, "../"))
		return strcmp(x, "../") ? 1 : -1;
	return dx != dy ? dy - dx : strcmp(x, y);
}

/* List folder dir (ending in '/'); 0, or -1 with the reason on the message line. */
static int br_load(struct ui *u, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		ui_message(u, 1, ui_tr(UI_M_ATTACH_CANNOT_READ), dir, strerror(errno));
		return -1;
	}
	br_clear();
	if (strcmp(dir, "/") != 0) {
		br.names = xreallocarray(br.names, 1, sizeof *br.names);
		br.names[br.n++] = xstrdup("../");
	}
	struct dirent *de;
	while ((de = readdir(d)) && br.n < BROWSE_MAX) {
		if (de->d_name[0] == '.')
			continue;   /* ".", "..", hidden files */
		char *full = xasprintf("%s%s", dir, de->d_name);
		struct stat st;
		int isdir = stat(full, &st) == 0 && S_ISDIR(st.st_mode);
		free(full);
		br.names = xreallocarray(br.names, (size_t)br.n + 1, sizeof *br.names);
		br.names[br.n++] = xasprintf("%s%s", de->d_name, isdir ? "/" : "");
	}
	closedir(d);
	qsort(br.names, (size_t)br.n, sizeof *br.names, br_cmp);
	if (br.dir != dir) {
		free(br.dir);
		br.dir = xstrdup(dir);
	}
	return 0;
}

/* Open the browser on the folder of the path typed so far, else the current folder. */
static void br_open(struct ui *u, struct ui_field *fl)
{
	char *typed = ui_te_get(&fl->te), *full = expand(typed);
	char *slash = strrchr(full, '/');
	char *dir = NULL;
	if (slash)
		dir = xstrndup(full, (size_t)(slash - full) + 1);
	if (!dir || access(dir, R_OK) != 0) {
		char cwd[4096];
		free(dir);
		dir = getcwd(cwd, sizeof cwd) ? xasprintf("%s%s", cwd, strcmp(cwd, "/") ? "/" : "")
					       : xstrdup("/");
	}
	br_close();
	if (br_load(u, dir) == 0)
		br.field = xstrdup(fl->path);
	else
		br_close();
	free(dir);
	free(full);
	free(typed);
}

/* The parent of the folder shown, with the folder it came from highlighted. */
static void br_up(struct ui *u)
{
	size_t n = strlen(br.dir);
	if (n <= 1)
		return;
	char *dir = xstrdup(br.dir);
	dir[n - 1] = '\0';                         /* "/a/b/" -> "/a/b" */
	char *slash = strrchr(dir, '/');
	if (!slash) {
		free(dir);
		return;
	}
	char *from = xasprintf("%s/", slash + 1);  /* "b/" */
	slash[1] = '\0';                           /* "/a/" */
	if (br_load(u, dir) == 0)
		for (int i = 0; i < br.n; i++)
			if (!strcmp(br.names[i], from))
				br.hl = i;
	free(from);
	free(dir);
}

/* A key while the browser is open on this field: 1 when it used it. */
static int br_key(struct ui *u, struct ui_field *fl, enum ui_action a, wint_t ch)
{
	switch (a) {
	case UI_A_UP:
		if (br.hl > 0)
			br.hl--;
		return 1;
	case UI_A_DOWN:
		if (br.hl < br.n - 1)
			br.hl++;
		return 1;
	case UI_A_HOME:
		br.hl = 0;
		return 1;
	case UI_A_END:
		br.hl = br.n ? br.n - 1 : 0;
		return 1;
	case UI_A_BACKSPACE:
	case UI_A_LEFT:
		br_up(u);
		return 1;
	case UI_A_BROWSE:
		br_close();
		return 1;
	case UI_A_CHAR:
		for (int k = 1; k <= br.n; k++) {
			int i = (br.hl + k) % br.n;
			wchar_t w;
			if (mbtowc(&w, br.names[i], strlen(br.names[i])) > 0 &&
			    towlower((wint_t)w) == towlower(ch)) {
				br.hl = i;
				break;
			}
		}
		return 1;
	case UI_A_NEXT: {
		if (!br.n)
			return 1;
		const char *name = br.names[br.hl];
		if (!strcmp(name, "../")) {
			br_up(u);
			return 1;
		}
		char *path = xasprintf("%s%s", br.dir, name);
		if (name[strlen(name) - 1] == '/') {
			if (br_load(u, path) == 0)
				br.hl = 0;
			free(path);
			return 1;
		}
		char err[ERR_MAX];
		br_close();
		ui_te_set(&fl->te, NULL);   /* the path typed before browsing is done with */
		int rc = ui_attach_commit(u, fl, path, err);
		free(path);
		if (rc)
			ui_message(u, 1, rc == ENGINE_REJECTED ? "%s" : ui_tr(UI_M_NOT_SAVED), err);
		else
			ui_question_init(u);
		return 1;
	}
	default:
		br_close();   /* any other key closes it and does what it does */
		return 0;
	}
}

int ui_attach_key(struct ui *u, struct ui_field *fl, enum ui_action a, wint_t ch)
{
	if (br.field && strcmp(br.field, fl->path) != 0)
		br_close();   /* left open on another question */
	if (br.field)
		return br_key(u, fl, a, ch);
	if (a == UI_A_BROWSE) {
		br_open(u, fl);
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
	if (br.field && !strcmp(br.field, fl->path) && &u->fields[u->focus] == fl) {
		char *head = xasprintf(ui_tr(UI_M_BROWSE_DIR), br.dir);
		ui_body_add(b, head, width, 2, A_BOLD, field, -1);
		free(head);
		if (!br.n)
			ui_body_add(b, ui_tr(UI_M_BROWSE_EMPTY), width, 4, A_DIM, field, -1);
		for (int i = 0; i < br.n; i++) {
			if (i == br.hl)
				b->focus_line = b->lines.n;
			ui_body_add(b, br.names[i], width, 4, i == br.hl ? A_REVERSE : 0, field, -1);
		}
		ui_body_add(b, ui_tr(UI_M_BROWSE_KEYS), width, 2, A_DIM, field, -1);
		b->focus_bottom = b->lines.n - 1;
		return;
	}
	const char *v = engine_state(u->e, fl->path) == STATE_ANSWERED ?
		engine_value(u->e, fl->path) : NULL;
	char *line = v && *v ? xasprintf(ui_tr(UI_M_ATTACHED), v) : xstrdup(ui_tr(UI_M_ATTACH_NONE));
	ui_body_add(b, line, width, 2, v && *v ? A_BOLD : A_DIM, field, -1);
	free(line);
	ui_body_add(b, ui_tr(UI_M_ATTACH_HINT), width, 2, A_DIM, field, -1);
}
