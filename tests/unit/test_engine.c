/* test_engine.c: the interview engine, data-driven — each .case file in tests/fixtures/engine
 * names a form and holds cases: a script of actions (answer, dk, next, back, jump, add,
 * remove, complete, lang, resume) with the screens, messages and stored answers expected,
 * run against a real temporary database. The format is described in
 * tests/fixtures/engine/README. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "interview/engine.h"
#include "util/util.h"

static char dir[] = "/tmp/survey-test-engine-XXXXXX";
static const char *fixtures;

typedef struct tcase {
	char *file;        /* the .case file */
	char *title;
	char *form;        /* form file path */
	int first_line;    /* line of "case:" */
	char **lines;      /* the script */
	int *lineno;
	int nlines;
} tcase;

static tcase *cases;
static int ncases;

/* ---- the state of one running case ---- */
typedef struct run {
	const tcase *tc;
	int line;          /* current script line, for messages */
	form *f;
	store *st;
	char *db;
	engine *e;
	char *lang;        /* "lang:" option */
	double now;        /* "now:" option */
	strbuf trail;      /* screens visited, space-separated */
	char *cur_line;    /* copy of the line being run */
} run;

#define FAIL(r, ...) do { \
	char m_[1024]; snprintf(m_, sizeof m_, __VA_ARGS__); \
	fail_msg("%s:%d: %s", (r)->tc->file, (r)->line, m_); } while (0)

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = 0;
	return s;
}

/* ---- loading the .case files ---- */

static void add_case(const char *file, const char *title, const char *formpath, int line)
{
	cases = xreallocarray(cases, (size_t)ncases + 1, sizeof *cases);
	tcase *c = &cases[ncases++];
	memset(c, 0, sizeof *c);
	c->file = xstrdup(file);
	c->title = xasprintf("%s: %s", strrchr(file, '/') + 1, title);
	c->form = xstrdup(formpath);
	c->first_line = line;
}

static void load_case_file(const char *path)
{
	size_t len;
	char err[ERR_MAX];
	char *text = read_file(path, &len, err);
	if (!text) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	char *formpath = NULL, *p = text;
	int lineno = 0;
	while (p && *p) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = 0;
		lineno++;
		char *l = trim(p);
		p = nl ? nl + 1 : NULL;
		if (!*l || *l == '#')
			continue;
		if (strncmp(l, "form:", 5) == 0) {
			free(formpath);
			formpath = xasprintf("%s/%s", fixtures, trim(l + 5));
		} else if (strncmp(l, "case:", 5) == 0) {
			if (!formpath) {
				fprintf(stderr, "%s:%d: a case before any 'form:'\n", path, lineno);
				exit(1);
			}
			add_case(path, trim(l + 5), formpath, lineno);
		} else {
			if (!ncases || strcmp(cases[ncases - 1].file, path) != 0) {
				fprintf(stderr, "%s:%d: a line before any 'case:'\n", path, lineno);
				exit(1);
			}
			tcase *c = &cases[ncases - 1];
			c->lines = xreallocarray(c->lines, (size_t)c->nlines + 1, sizeof(char *));
			c->lineno = xreallocarray(c->lineno, (size_t)c->nlines + 1, sizeof(int));
			c->lines[c->nlines] = xstrdup(l);
			c->lineno[c->nlines++] = lineno;
		}
	}
	free(formpath);
	free(text);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void load_cases(void)
{
	struct dirent **ents;
	int n = scandir(fixtures, &ents, NULL, by_name);
	if (n < 0) {
		fprintf(stderr, "cannot read '%s'\n", fixtures);
		exit(1);
	}
	for (int i = 0; i < n; i++) {
		size_t l = strlen(ents[i]->d_name);
		if (l > 5 && strcmp(ents[i]->d_name + l - 5, ".case") == 0) {
			char *p = xasprintf("%s/%s", fixtures, ents[i]->d_name);
			load_case_file(p);
			free(p);
		}
		free(ents[i]);
	}
	free(ents);
}

/* ---- running ---- */

static void note_screen(run *r)
{
	if (r->trail.len)
		sb_addc(&r->trail, ' ');
	sb_adds(&r->trail, engine_current(r->e)->path);
}

static void start(run *r)
{
	if (r->e)
		return;
	char err[ERR_MAX];
	engine_new how = {
		.interviewer = "Айгүл", .lang = r->lang, .source_path = r->tc->form,
		.device_id = "test-device", .now = r->now,
	};
	if (engine_start(r->st, r->f, &how, &r->e, err))
		FAIL(r, "engine_start: %s", err);
	note_screen(r);
}

/* The path of the first item on the current screen. */
static const char *current_item(run *r)
{
	const engine_screen *s = engine_current(r->e);
	if (s->nitems < 1)
		FAIL(r, "screen '%s' has no question", s->path);
	return s->items[0].path;
}

/* Compare an action's result with the expectation ("! MESSAGE" or success). */
static void expect_result(run *r, int rc, const char *err, const char *want_msg)
{
	if (rc < 0)
		FAIL(r, "failed: %s", err);
	if (want_msg) {
		if (rc != ENGINE_REJECTED)
			FAIL(r, "expected a refusal \"%s\", but it was accepted", want_msg);
		if (strcmp(want_msg, "*") != 0 && strcmp(err, want_msg) != 0)
			FAIL(r, "refused with \"%s\", expected \"%s\"", err, want_msg);
	} else if (rc == ENGINE_REJECTED) {
		FAIL(r, "refused: %s", err);
	}
}

/* One stored answer as the database has it: "VALUE (STATE)", "- (STATE)" or "absent". */
static char *db_answer(run *r, const char *path)
{
	store_answer *a;
	int n;
	char err[ERR_MAX];
	if (store_answers(r->st, engine_uuid(r->e), &a, &n, err))
		FAIL(r, "store_answers: %s", err);
	char *out = xstrdup("absent");
	for (int i = 0; i < n; i++)
		if (strcmp(a[i].path, path) == 0) {
			free(out);
			out = xasprintf("%s (%s)", a[i].value ? a[i].value : "-",
					store_state_name(a[i].state));
		}
	store_answers_free(a, n);
	return out;
}

static long long db_count(run *r, const char *sql, const char *arg)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long v = -1;
	if (sqlite3_open_v2(r->db, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		FAIL(r, "cannot open the database");
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, engine_uuid(r->e), -1, SQLITE_STATIC);
		if (arg)
			sqlite3_bind_text(s, 2, arg, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return v;
}

/* "a = b": split at the first " = ". */
static char *split_eq(run *r, char *s)
{
	if (strncmp(s, "= ", 2) == 0) {
		*s = 0;
		return s + 2;
	}
	char *eq = strstr(s, " = ");
	if (!eq) {
		size_t n = strlen(s);
		if (n >= 2 && strcmp(s + n - 2, " =") == 0) {
			s[n - 2] = 0;
			return s + n;   /* "" */
		}
		FAIL(r, "expected 'X = Y'");
	}
	*eq = 0;
	return eq + 3;
}

static void do_line(run *r, char *line)
{
	char err[ERR_MAX];
	err[0] = 0;
	/* "action ... ! MESSAGE": the action must be refused with that message */
	char *want = NULL, *bang = strstr(line, " ! ");
	if (bang) {
		*bang = 0;
		want = bang + 3;
	}
	char *arg = strchr(line, ' ');
	if (arg)
		*arg++ = 0;
	else
		arg = line + strlen(line);
	const char *cmd = line;

	if (strcmp(cmd, "lang:") == 0) {
		free(r->lang);
		r->lang = xstrdup(arg);
		return;
	}
	if (strcmp(cmd, "now:") == 0) {
		struct tm tm = { 0 };
		if (!strptime(arg, "%Y-%m-%dT%H:%M:%S", &tm))
			FAIL(r, "bad now: '%s'", arg);
		r->now = (double)timegm(&tm);
		return;
	}
	start(r);
	engine *e = r->e;
	int rc = 0, moved = 0;
	if (strcmp(cmd, "answer") == 0) {
		rc = engine_answer(e, current_item(r), arg, err);
	} else if (strcmp(cmd, "answer-long") == 0) {
		int n = atoi(arg);
		char *s = xmalloc((size_t)n + 1);
		memset(s, 'a', (size_t)n);
		s[n] = 0;
		rc = engine_answer(e, current_item(r), s, err);
		free(s);
	} else if (strcmp(cmd, "set") == 0) {
		char *v = split_eq(r, arg);
		rc = engine_answer(e, arg, v, err);
	} else if (strcmp(cmd, "dk") == 0 || strcmp(cmd, "refused") == 0) {
		store_state st = cmd[0] == 'd' ? STATE_DONT_KNOW : STATE_REFUSED;
		rc = engine_special(e, *arg ? arg : current_item(r), st, err);
	} else if (strcmp(cmd, "next") == 0) {
		rc = engine_next(e, err);
		moved = 1;
	} else if (strcmp(cmd, "back") == 0) {
		rc = engine_prev(e, err);
		moved = 1;
	} else if (strcmp(cmd, "jump") == 0) {
		rc = engine_jump(e, arg, err);
		moved = 1;
	} else if (strcmp(cmd, "add") == 0) {
		rc = engine_add_repeat(e, err);
		moved = 1;
	} else if (strcmp(cmd, "remove") == 0) {
		rc = engine_remove_instance(e, arg, err);
		moved = 1;
	} else if (strcmp(cmd, "batch") == 0) {
		rc = store_batch_begin(r->st, err);
	} else if (strcmp(cmd, "commit") == 0) {
		rc = store_batch_end(r->st, 1, err);
	} else if (strcmp(cmd, "complete") == 0) {
		rc = engine_complete(e, err);
	} else if (strcmp(cmd, "lang") == 0) {
		rc = engine_set_lang(e, arg, err);
	} else if (strcmp(cmd, "resume") == 0) {
		char *uuid = xstrdup(engine_uuid(e));
		if (engine_leave(e, err))
			FAIL(r, "engine_leave: %s", err);
		engine_free(e);
		r->e = NULL;
		store_close(r->st);
		if (store_open(r->db, 0, &r->st, err))
			FAIL(r, "store_open: %s", err);
		rc = engine_resume(r->st, r->f, uuid, r->now, &r->e, err);
		free(uuid);
		moved = 1;
	} else if (strcmp(cmd, "walk") == 0) {
		/* next until the END screen, answering nothing */
		for (int guard = 0; guard < 1000 && engine_current(e)->kind != ENGINE_END; guard++) {
			rc = engine_next(e, err);
			if (rc)
				break;
			note_screen(r);
		}
	} else if (strcmp(cmd, "at") == 0) {
		if (strcmp(engine_current(e)->path, arg) != 0)
			FAIL(r, "at '%s', expected '%s'", engine_current(e)->path, arg);
		return;
	} else if (strcmp(cmd, "items") == 0) {
		strbuf sb = STRBUF_INIT;
		const engine_screen *s = engine_current(e);
		for (int i = 0; i < s->nitems; i++) {
			if (i)
				sb_addc(&sb, ' ');
			sb_adds(&sb, s->items[i].path);
			if (s->items[i].required)
				sb_addc(&sb, '*');
		}
		if (strcmp(sb_str(&sb), arg) != 0)
			FAIL(r, "items '%s', expected '%s'", sb_str(&sb), arg);
		sb_release(&sb);
		return;
	} else if (strcmp(cmd, "kind") == 0) {
		static const char *names[] = { "question", "field-list", "add", "end" };
		const engine_screen *s = engine_current(e);
		if (strcmp(names[s->kind], arg) != 0)
			FAIL(r, "screen kind %s, expected %s", names[s->kind], arg);
		return;
	} else if (strcmp(cmd, "trail") == 0) {
		if (strcmp(sb_str(&r->trail), arg) != 0)
			FAIL(r, "trail\n  '%s', expected\n  '%s'", sb_str(&r->trail), arg);
		return;
	} else if (strcmp(cmd, "value") == 0) {
		char *v = split_eq(r, arg);
		const char *got = engine_value(e, arg);
		if (strcmp(got ? got : "-", v) != 0)
			FAIL(r, "value of '%s' is '%s', expected '%s'", arg, got ? got : "-", v);
		return;
	} else if (strcmp(cmd, "db") == 0) {
		char *v = split_eq(r, arg);
		char *got = db_answer(r, arg);
		if (strcmp(got, v) != 0)
			FAIL(r, "stored '%s' is '%s', expected '%s'", arg, got, v);
		free(got);
		return;
	} else if (strcmp(cmd, "choices") == 0) {
		char *v = split_eq(r, arg);
		const form_choice **cs;
		int n;
		if (engine_choices(e, arg, &cs, &n, err))
			FAIL(r, "engine_choices: %s", err);
		strbuf sb = STRBUF_INIT;
		for (int i = 0; i < n; i++) {
			if (i)
				sb_addc(&sb, ' ');
			sb_adds(&sb, cs[i]->name);
		}
		free(cs);
		if (strcmp(sb_str(&sb), v) != 0)
			FAIL(r, "choices of '%s' are '%s', expected '%s'", arg, sb_str(&sb), v);
		sb_release(&sb);
		return;
	} else if (strcmp(cmd, "label") == 0 || strcmp(cmd, "hint") == 0) {
		char *v = split_eq(r, arg);
		char *got = engine_text(e, arg, cmd[0] == 'l' ? FORM_LABEL : FORM_HINT);
		if (strcmp(got ? got : "-", v) != 0)
			FAIL(r, "%s of '%s' is '%s', expected '%s'", cmd, arg, got ? got : "-", v);
		free(got);
		return;
	} else if (strcmp(cmd, "problem") == 0) {
		char *v = split_eq(r, arg);
		char msg[ERR_MAX];
		int p = engine_check(e, arg, msg);
		static const char *names[] = { "none", "required", "constraint" };
		char *got = p ? xasprintf("%s: %s", names[p], msg) : xstrdup("none");
		if (strcmp(got, v) != 0)
			FAIL(r, "problem of '%s' is '%s', expected '%s'", arg, got, v);
		free(got);
		return;
	} else if (strcmp(cmd, "review") == 0) {
		/* review = PATH[!] PATH ...: relevant questions in order, '!' marking a problem */
		char *v = split_eq(r, arg);
		engine_review_item *it;
		int n;
		if (engine_review(e, &it, &n, err))
			FAIL(r, "engine_review: %s", err);
		strbuf sb = STRBUF_INIT;
		for (int i = 0; i < n; i++) {
			if (i)
				sb_addc(&sb, ' ');
			sb_adds(&sb, it[i].path);
			if (it[i].problem)
				sb_addc(&sb, '!');
		}
		engine_review_free(it, n);
		if (strcmp(sb_str(&sb), v) != 0)
			FAIL(r, "review\n  '%s', expected\n  '%s'", sb_str(&sb), v);
		sb_release(&sb);
		return;
	} else if (strcmp(cmd, "instances") == 0) {
		char *v = split_eq(r, arg);
		int n = engine_instances(e, arg);
		if (n != atoi(v))
			FAIL(r, "'%s' has %d instances, expected %s", arg, n, v);
		return;
	} else if (strcmp(cmd, "status") == 0) {
		store_interview iv;
		if (store_interview_get(r->st, engine_uuid(e), &iv, err))
			FAIL(r, "store_interview_get: %s", err);
		int ok = strcmp(iv.status, arg) == 0;
		char *got = xstrdup(iv.status);
		store_interview_release(&iv);
		if (!ok)
			FAIL(r, "status '%s', expected '%s'", got, arg);
		free(got);
		return;
	} else if (strcmp(cmd, "instance-name") == 0) {
		char *v = split_eq(r, arg);
		store_interview iv;
		if (store_interview_get(r->st, engine_uuid(e), &iv, err))
			FAIL(r, "store_interview_get: %s", err);
		int ok = iv.instance_name && strcmp(iv.instance_name, v) == 0;
		char *got = xstrdup(iv.instance_name ? iv.instance_name : "-");
		store_interview_release(&iv);
		if (!ok)
			FAIL(r, "instance name '%s', expected '%s'", got, v);
		free(got);
		return;
	} else if (strcmp(cmd, "events") == 0) {
		/* events KIND = N */
		char *v = split_eq(r, arg);
		long long n = db_count(r, "SELECT count(*) FROM events WHERE uuid=?1 AND kind=?2", arg);
		if (n != atoll(v))
			FAIL(r, "%lld '%s' events, expected %s", n, arg, v);
		return;
	} else if (strcmp(cmd, "position") == 0) {
		store_interview iv;
		if (store_interview_get(r->st, engine_uuid(e), &iv, err))
			FAIL(r, "store_interview_get: %s", err);
		int ok = iv.position && strcmp(iv.position, arg) == 0;
		char *got = xstrdup(iv.position ? iv.position : "-");
		store_interview_release(&iv);
		if (!ok)
			FAIL(r, "stored position '%s', expected '%s'", got, arg);
		free(got);
		return;
	} else if (strcmp(cmd, "progress") == 0) {
		int i, n;
		engine_progress(e, &i, &n);
		char got[64];
		snprintf(got, sizeof got, "%d/%d", i, n);
		if (strcmp(got, arg) != 0)
			FAIL(r, "progress %s, expected %s", got, arg);
		return;
	} else {
		FAIL(r, "unknown command '%s'", cmd);
	}
	expect_result(r, rc, err, want);
	if (moved && rc == 0)
		note_screen(r);
}

static run the_run;   /* the running case: freed by the teardown even when it failed */

static int run_teardown(void **state)
{
	run *r = &the_run;
	engine_free(r->e);
	store_close(r->st);
	form_free(r->f);
	if (r->db)
		unlink(r->db);
	free(r->db);
	free(r->lang);
	free(r->cur_line);
	sb_release(&r->trail);
	memset(r, 0, sizeof *r);
	return 0;
}

/* Every case runs on a file of today's schema and again on one of schema 8 (issue 18, the
 * compact layout, opt-in): what `run` writes must land the same way in both. */
typedef struct layout_case {
	const tcase *tc;
	int flags;         /* 0 or STORE_SCHEMA8 */
	char *name;
} layout_case;

static void run_case(void **state)
{
	const layout_case *lc = *state;
	const tcase *tc = lc->tc;
	run *rp = &the_run;
	memset(rp, 0, sizeof *rp);
#define r (*rp)
	r.tc = tc;
	r.line = tc->first_line;
	r.now = 1623751200;   /* 2021-06-15T10:00:00Z unless "now:" says otherwise */
	char err[ERR_MAX];
	if (form_load(tc->form, &r.f, NULL, err))
		FAIL(&r, "form_load: %s", err);
	static int seq;
	r.db = xasprintf("%s/case%d.db", dir, ++seq);
	if (store_open(r.db, STORE_CREATE | lc->flags, &r.st, err))
		FAIL(&r, "store_open: %s", err);
	for (int i = 0; i < tc->nlines; i++) {
		r.line = tc->lineno[i];
		r.cur_line = xstrdup(tc->lines[i]);
		do_line(&r, r.cur_line);
		free(r.cur_line);
		r.cur_line = NULL;
	}
	start(&r);   /* a case with options only still starts */
#undef r
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	const char *top = getenv("TOP");
	fixtures = top ? xasprintf("%s/tests/fixtures/engine", top) : "tests/fixtures/engine";
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	load_cases();
	struct CMUnitTest *tests = xcalloc((size_t)ncases * 2, sizeof *tests);
	layout_case *lcs = xcalloc((size_t)ncases * 2, sizeof *lcs);
	for (int i = 0; i < 2 * ncases; i++) {
		int eight = i >= ncases;
		lcs[i].tc = &cases[i % ncases];
		lcs[i].flags = eight ? STORE_SCHEMA8 : 0;
		lcs[i].name = eight ? xasprintf("%s (schema 8)", cases[i % ncases].title) : NULL;
		tests[i].name = eight ? lcs[i].name : cases[i].title;
		tests[i].test_func = run_case;
		tests[i].initial_state = &lcs[i];
		tests[i].teardown_func = run_teardown;
	}
	int rc = _cmocka_run_group_tests("engine", tests, (size_t)ncases * 2, NULL, NULL);
	free(tests);
	for (int i = 0; i < 2 * ncases; i++)
		free(lcs[i].name);
	free(lcs);
	for (int i = 0; i < ncases; i++) {
		free(cases[i].file);
		free(cases[i].title);
		free(cases[i].form);
		for (int j = 0; j < cases[i].nlines; j++)
			free(cases[i].lines[j]);
		free(cases[i].lines);
		free(cases[i].lineno);
	}
	free(cases);
	if (top)
		free((char *)fixtures);
	rmdir(dir);
	return rc;
}
