/* attach_browse.c: the simple file browser of a media question (F7 or Ctrl-B on its field):
 * the folder of the path typed so far (else the current one) listed in the field's place —
 * "../" first, then folders, then files, each sorted, hidden ones left out; Up/Down move,
 * Enter opens a folder or attaches the file (ui_attach_commit), Backspace goes up with the
 * folder it left highlighted, a letter jumps to the next name starting with it, F7 closes it,
 * any other key closes it and does what it does. One browser at a time, on one field. */
#include "ui/screens.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wctype.h>

#define BROWSE_MAX 5000   /* entries listed at most in one folder */

static struct browser {
	char *field;          /* the answer path of the field browsing; NULL: closed */
	char *dir;            /* the folder shown, ending in '/' */
	char **names;         /* "../" (but at /), folders with '/', then files; sorted */
	int n, hl;
} br;

static void br_clear(void)
{
	strv_free(br.names, br.n);
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
void ui_browse_open(struct ui *u, struct ui_field *fl)
{
	char *typed = ui_te_get(&fl->te), *full = ui_attach_expand(typed);
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
int ui_browse_key(struct ui *u, struct ui_field *fl, enum ui_action a, wint_t ch)
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

int ui_browse_open_on(const struct ui *u, const struct ui_field *fl)
{
	(void)u;
	if (br.field && strcmp(br.field, fl->path) != 0)
		br_close();   /* left open on another question */
	return br.field != NULL;
}

void ui_browse_draw(struct ui_body *b, int width, int field)
{
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
}
