/* form_ops.c: survey's questionnaire reader for the store — form/ behind store/form_ops.h, so
 * that the store checks and looks up questions without including form/. */
#include "interview/form_ops.h"

#include <stdlib.h>

#include "form/form.h"
#include "form/value.h"
#include "util/util.h"

struct store_form {
	form *f;
	form_paths *paths;
};

static store_form *load(const char *name, const char *kind, const void *bytes, size_t len,
			char *why)
{
	form *f;
	if (form_load_mem(name, kind, bytes, len, &f, NULL, why))
		return NULL;
	store_form *sf = xmalloc(sizeof *sf);
	sf->f = f;
	sf->paths = form_paths_new(f);
	return sf;
}

static void release(store_form *sf)
{
	if (!sf)
		return;
	form_paths_free(sf->paths);
	form_free(sf->f);
	free(sf);
}

static const char *id(const store_form *sf)
{
	return sf->f->id;
}

static const char *version(const store_form *sf)
{
	return sf->f->version;
}

static const char *key_questions(const store_form *sf)
{
	return sf->f->key_questions ? sf->f->key_questions : "";
}

static int node(const store_form *sf, const char *path)
{
	return form_paths_node(sf->paths, path);
}

static int value_check(const store_form *sf, int nd, const char *value, char *msg)
{
	return form_value_check(sf->f, nd, value, msg);
}

static int questions(const store_form *sf, store_question_fn fn, void *arg)
{
	const form *f = sf->f;
	for (int i = 1; i < f->nnodes; i++) {
		const form_node *nd = &f->nodes[i];
		if (form_type_is_container(nd->type))
			continue;
		int stop = fn(arg, nd->name, nd->path, nd->repeat >= 0 ? f->nodes[nd->repeat].path
									: NULL);
		if (stop)
			return stop;
	}
	return 0;
}

static const store_form_ops ops = {
	.load = load, .release = release, .id = id, .version = version,
	.key_questions = key_questions, .node = node, .value_check = value_check,
	.questions = questions,
};

const store_form_ops *interview_form_ops(void)
{
	return &ops;
}
