/* validate.c: checking an answer before it is saved — parsing and normalising each type
 * (integer, decimal, date, time, dateTime, selects, text, range), the constraint, required —
 * and the engine's own messages in Kyrgyz, Russian and English. */
#include "interview/engine_impl.h"
#include "form/value.h"
#include "util/termsafe.h"
#include "form/geo.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The form layer checks stored values by the engine's limits. */
_Static_assert(ENGINE_TEXT_MAX == FORM_TEXT_MAX, "text limit");
_Static_assert(ENGINE_REPEAT_MAX == FORM_INSTANCE_MAX, "instance limit");
_Static_assert(ENGINE_NEST_MAX == FORM_NEST_MAX, "nesting limit");

enum { ML_EN, ML_KY, ML_RU, ML_N };

static const char *const messages[ENGINE_NMSGS][ML_N] = {
	[ENGINE_MSG_REQUIRED] = { "This question is required", "Бул суроо милдеттүү",
		"Это обязательный вопрос" },
	[ENGINE_MSG_CONSTRAINT] = { "The answer is not valid", "Жооп туура эмес",
		"Недопустимый ответ" },
	[ENGINE_MSG_INTEGER] = { "Enter a whole number", "Бүтүн сан жазыңыз",
		"Введите целое число" },
	[ENGINE_MSG_DECIMAL] = { "Enter a number", "Сан жазыңыз", "Введите число" },
	[ENGINE_MSG_DATE] = { "Not a valid date (YYYY-MM-DD)", "Күн туура эмес (ЖЖЖЖ-АА-КК)",
		"Неверная дата (ГГГГ-ММ-ДД)" },
	[ENGINE_MSG_TIME] = { "Not a valid time (HH:MM)", "Убакыт туура эмес (СС:ММ)",
		"Неверное время (ЧЧ:ММ)" },
	[ENGINE_MSG_DATETIME] = { "Not a valid date and time (YYYY-MM-DD HH:MM)",
		"Күнү же убактысы туура эмес (ЖЖЖЖ-АА-КК СС:ММ)",
		"Неверные дата или время (ГГГГ-ММ-ДД ЧЧ:ММ)" },
	[ENGINE_MSG_TOO_LONG] = { "The answer is too long (at most %d bytes)",
		"Жооп өтө узун (эң көп %d байт)",
		"Слишком длинный ответ (предельный размер в байтах: %d)" },
	[ENGINE_MSG_BAD_TEXT] = { "The text has characters that are not allowed",
		"Текстте уруксат берилбеген белгилер бар",
		"В тексте есть недопустимые символы" },
	[ENGINE_MSG_CHOICE] = { "There is no such choice in the list",
		"Тизмеде мындай жооп жок", "Такого варианта нет в списке" },
	[ENGINE_MSG_RANGE] = { "The number is out of the allowed range",
		"Сан уруксат берилген чектен тышкары", "Число вне допустимого диапазона" },
	[ENGINE_MSG_NOT_RELEVANT] = { "This question does not apply now",
		"Бул суроо азыр берилбейт", "Этот вопрос сейчас не задаётся" },
	[ENGINE_MSG_READ_ONLY] = { "This answer cannot be changed",
		"Бул жоопту өзгөртүүгө болбойт", "Этот ответ нельзя изменить" },
	[ENGINE_MSG_NO_QUESTION] = { "There is no such question", "Мындай суроо жок",
		"Такого вопроса нет" },
	[ENGINE_MSG_FIRST] = { "This is the first question", "Бул биринчи суроо",
		"Это первый вопрос" },
	[ENGINE_MSG_LAST] = { "This is the end of the questionnaire", "Суроолор бүттү",
		"Это конец анкеты" },
	[ENGINE_MSG_ADD_REPEAT] = { "Add another \"%s\"?", "Дагы «%s» кошосузбу?",
		"Добавить ещё «%s»?" },
	[ENGINE_MSG_REPEAT_FIXED] = { "The number of these is set by an earlier answer",
		"Алардын саны мурунку жооп менен аныкталат",
		"Их число задано предыдущим ответом" },
	[ENGINE_MSG_REPEAT_MAX] = { "No more can be added", "Мындан ашык кошууга болбойт",
		"Больше добавить нельзя" },
	[ENGINE_MSG_INCOMPLETE] = { "Cannot complete: %d problem(s); the first is in "
		"\"%s\": %s",
		"Аягына чыгарууга болбойт: %d көйгөй; биринчиси «%s» суроосунда: %s",
		"Нельзя завершить: проблем — %d; первая в вопросе «%s»: %s" },
	[ENGINE_MSG_NO_LANG] = { "The questionnaire has no language \"%s\"",
		"Анкетада «%s» тили жок", "В анкете нет языка «%s»" },
	[ENGINE_MSG_RANK] = { "Put every choice in order, each once",
		"Ар бир жоопту бир жолудан иретке коюңуз",
		"Расставьте по порядку все варианты, каждый один раз" },
	[ENGINE_MSG_FILE_NAME] = { "Not a plain file name", "Файлдын аты туура эмес",
		"Недопустимое имя файла" },
	[ENGINE_MSG_FILE_TOO_BIG] = { "The file is too large: %s (at most %s)",
		"Файл өтө чоң: %s (эң көп %s)", "Файл слишком большой: %s (не более %s)" },
};

void iv_msg_lang(engine *e)
{
	e->msg_lang = ML_EN;
	if (e->lang < 0 || e->lang >= e->f->nlangs)
		return;
	const form_lang *l = &e->f->langs[e->lang];
	const char *code = l->code ? l->code : "";
	if (ascii_casecmp(code, "ky") == 0 || strstr(l->name, "Kyrgyz") || strstr(l->name, "Кыргыз"))
		e->msg_lang = ML_KY;
	else if (ascii_casecmp(code, "ru") == 0 || strstr(l->name, "Russian") ||
		 strstr(l->name, "Рус"))
		e->msg_lang = ML_RU;
}

const char *engine_msg(const engine *e, enum engine_msg m)
{
	if ((int)m < 0 || m >= ENGINE_NMSGS)
		return "";
	return messages[m][e->msg_lang];
}

void iv_form_msg(engine *e, const iv_pos *pos, enum form_text_kind kind, enum engine_msg m,
		 char *msg)
{
	const char *t = form_text(e->f, pos->node, kind, e->lang);
	if (t && *t) {
		char *s = iv_interpolate(e, pos, t);
		snprintf(msg, ERR_MAX, "%s", s);
		free(s);
	} else {
		snprintf(msg, ERR_MAX, "%s", engine_msg(e, m));
	}
}

static int reject(engine *e, char *msg, enum engine_msg m)
{
	if (m == ENGINE_MSG_TOO_LONG)
		snprintf(msg, ERR_MAX, engine_msg(e, m), ENGINE_TEXT_MAX);
	else
		snprintf(msg, ERR_MAX, "%s", engine_msg(e, m));
	return ENGINE_REJECTED;
}

static int blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

/* Trimmed copy. */
static char *trim(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

/* ---- selects ---- */

static const form_choice *find_kept(engine *e, const iv_pos *pos, const char *name, size_t len,
				    int *err_out, char *err)
{
	const form *f = e->f;
	const form_list *l = form_node_list(f, pos->node);
	if (!l)
		return NULL;
	if (l->from)   /* select_one ${q}: one of the answers to q */
		return iv_repeat_choice(e, pos, name, len, err, err_out);
	for (int i = 0; i < l->nchoices; i++) {
		const form_choice *c = &l->choices[i];
		if (strlen(c->name) != len || memcmp(c->name, name, len) != 0)
			continue;
		int kept = iv_choice_kept(e, pos, c, err);
		if (kept < 0)
			*err_out = 1;
		return kept > 0 ? c : NULL;
	}
	return NULL;
}

static int parse_select(engine *e, const iv_pos *pos, const char *s, int multiple, char **norm,
			char *msg)
{
	strbuf sb = STRBUF_INIT;
	const char *p = s;
	int n = 0, failed = 0;
	char err[ERR_MAX];
	const form_list *l = form_node_list(e->f, pos->node);
	if (l && l->from && !multiple) {   /* an answer to q, blanks and all */
		if (!find_kept(e, pos, s, strlen(s), &failed, err))
			return failed ? errf(msg, "%s", err) : reject(e, msg, ENGINE_MSG_CHOICE);
		*norm = xstrdup(s);
		return 0;
	}
	while (*p) {
		p += strspn(p, " \t\n");
		size_t len = strcspn(p, " \t\n");
		if (!len)
			break;
		if (!find_kept(e, pos, p, len, &failed, err) || (!multiple && n > 0)) {
			sb_release(&sb);
			if (failed)
				return errf(msg, "%s", err);
			return reject(e, msg, ENGINE_MSG_CHOICE);
		}
		/* select_multiple: drop repeats of a choice already given */
		int dup = 0;
		for (const char *q = sb_str(&sb); *q;) {
			size_t ql = strcspn(q, " ");
			if (ql == len && memcmp(q, p, len) == 0)
				dup = 1;
			q += ql;
			q += strspn(q, " ");
		}
		if (!dup) {
			if (sb.len)
				sb_addc(&sb, ' ');
			sb_add(&sb, p, len);
		}
		n++;
		p += len;
	}
	*norm = sb_detach(&sb);
	return 0;
}

/* rank: every choice left by the filter, each once, in the interviewer's order */
static int parse_rank(engine *e, const iv_pos *pos, const char *s, char **norm, char *msg)
{
	int words = 0, kept;
	for (const char *p = s + strspn(s, " \t\n"); *p; p += strspn(p, " \t\n")) {
		words++;
		p += strcspn(p, " \t\n");
	}
	int rc = parse_select(e, pos, s, 1, norm, msg);
	if (rc)
		return rc;
	const form_choice **v;
	char err[ERR_MAX];
	if (iv_choices(e, pos, &v, &kept, err)) {
		free(*norm);
		*norm = NULL;
		return errf(msg, "%s", err);
	}
	free(v);
	int n = 0;
	for (const char *p = *norm; *p; p += strspn(p, " "), n++)
		p += strcspn(p, " ");
	if (n != words || n != kept) {
		free(*norm);
		*norm = NULL;
		return reject(e, msg, ENGINE_MSG_RANK);
	}
	return 0;
}

/* ---- by type ---- */

/* integer, decimal, range: the number normalised into *norm (a range's within its bounds) */
static int parse_number(engine *e, const form_node *nd, const char *t, char **norm, char *msg)
{
	double v;
	if (nd->type == FORM_INTEGER) {
		int r = form_parse_integer(t, norm);
		if (r)
			return reject(e, msg, r == -2 ? ENGINE_MSG_RANGE : ENGINE_MSG_INTEGER);
		return 0;
	}
	if (form_parse_decimal(t, norm, &v))
		return reject(e, msg, ENGINE_MSG_DECIMAL);
	if (nd->type == FORM_RANGE && !form_range_ok(nd, v)) {
		free(*norm);
		*norm = NULL;
		return reject(e, msg, ENGINE_MSG_RANGE);
	}
	return 0;
}

/* date, time, dateTime: written the one way they are stored */
static int parse_date_time(engine *e, form_type type, const char *t, char **norm, char *msg)
{
	int y, m, d, h, mi, s;
	const char *p = t;
	if (type == FORM_DATE) {
		if (form_parse_date_at(&p, &y, &m, &d) || *p)
			return reject(e, msg, ENGINE_MSG_DATE);
		*norm = xasprintf("%04d-%02d-%02d", y, m, d);
	} else if (type == FORM_TIME) {
		if (form_parse_time_at(&p, &h, &mi, &s) || *p)
			return reject(e, msg, ENGINE_MSG_TIME);
		*norm = xasprintf("%02d:%02d:%02d", h, mi, s);
	} else {
		if (form_parse_date_at(&p, &y, &m, &d) || (*p != 'T' && *p != ' ') ||
		    (p++, form_parse_time_at(&p, &h, &mi, &s)) || (*p && strcmp(p, "Z") != 0))
			return reject(e, msg, ENGINE_MSG_DATETIME);
		*norm = xasprintf("%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, h, mi, s);
	}
	return 0;
}

/* text, barcode: kept as typed, within the length and free of controls */
static int check_text(engine *e, const char *text, char **norm, char *msg)
{
	if (strlen(text) > ENGINE_TEXT_MAX)
		return reject(e, msg, ENGINE_MSG_TOO_LONG);
	if (!form_text_ok(text))
		return reject(e, msg, ENGINE_MSG_BAD_TEXT);
	*norm = xstrdup(text);
	return 0;
}

static int check_type(engine *e, const iv_pos *pos, const char *text, char **norm, char *msg)
{
	const form_node *nd = &e->f->nodes[pos->node];
	char *t = NULL;
	int rc = 0;
	*norm = NULL;
	if (nd->type == FORM_TEXT || nd->type == FORM_BARCODE)
		return check_text(e, text, norm, msg);
	if (strlen(text) > (form_type_is_geo(nd->type) ? ENGINE_TEXT_MAX : 1000))
		return reject(e, msg, ENGINE_MSG_TOO_LONG);
	t = trim(text);
	switch (nd->type) {
	case FORM_INTEGER:
	case FORM_DECIMAL:
	case FORM_RANGE:
		rc = parse_number(e, nd, t, norm, msg);
		break;
	case FORM_DATE:
	case FORM_TIME:
	case FORM_DATETIME:
		rc = parse_date_time(e, nd->type, t, norm, msg);
		break;
	case FORM_SELECT_ONE:
	case FORM_SELECT_MULTIPLE:
		rc = parse_select(e, pos, t, nd->type == FORM_SELECT_MULTIPLE, norm, msg);
		break;
	case FORM_RANK:
		rc = parse_rank(e, pos, t, norm, msg);
		break;
	case FORM_IMAGE: case FORM_AUDIO: case FORM_VIDEO: case FORM_FILE:
		if (termsafe_file_name_ok(t))
			*norm = xstrdup(t);
		else
			rc = reject(e, msg, ENGINE_MSG_FILE_NAME);
		break;
	case FORM_ACKNOWLEDGE:
		if (ascii_casecmp(t, "OK") == 0 || strcmp(t, "1") == 0)
			*norm = xstrdup("OK");
		else
			rc = reject(e, msg, ENGINE_MSG_CONSTRAINT);
		break;
	case FORM_GEOPOINT:
	case FORM_GEOTRACE:
	case FORM_GEOSHAPE:
		rc = iv_geo_parse(e, nd->type, t, norm, msg);
		break;
	default:
		rc = reject(e, msg, ENGINE_MSG_READ_ONLY);
		break;
	}
	free(t);
	if (rc && *norm) {
		free(*norm);
		*norm = NULL;
	}
	return rc;
}

int iv_validate(engine *e, const iv_pos *pos, const char *text, char **norm, char *msg)
{
	*norm = NULL;
	if (!text || blank(text))
		return 0;   /* clearing: required is checked when moving on */
	int rc = check_type(e, pos, text, norm, msg);
	if (rc)
		return rc;
	const expr *x = e->f->nodes[pos->node].x[FORM_X_CONSTRAINT];
	if (x) {
		int ok;
		char err[ERR_MAX];
		if (iv_eval_bool(e, pos, x, *norm, &ok, err)) {
			free(*norm);
			*norm = NULL;
			return errf(msg, "constraint of '%s': %s", e->f->nodes[pos->node].name, err);
		}
		if (!ok) {
			free(*norm);
			*norm = NULL;
			iv_form_msg(e, pos, FORM_CONSTRAINT_MSG, ENGINE_MSG_CONSTRAINT, msg);
			return ENGINE_REJECTED;
		}
	}
	return 0;
}

int iv_problem(engine *e, const iv_pos *pos, char *msg)
{
	msg[0] = 0;
	const form_node *nd = &e->f->nodes[pos->node];
	if (!form_type_is_input(nd->type) || !iv_relevant(e, pos))
		return ENGINE_PROBLEM_NONE;
	iv_entry *en = iv_find(e, pos);
	if (en && en->stored && (en->state == STATE_DONT_KNOW || en->state == STATE_REFUSED))
		return ENGINE_PROBLEM_NONE;
	const char *v = en && en->stored && en->value ? en->value : "";
	if (blank(v)) {
		if (iv_required(e, pos)) {
			iv_form_msg(e, pos, FORM_REQUIRED_MSG, ENGINE_MSG_REQUIRED, msg);
			return ENGINE_PROBLEM_REQUIRED;
		}
		return ENGINE_PROBLEM_NONE;
	}
	char *norm = NULL;
	char *copy = xstrdup(v);   /* the entry may move while validating */
	int rc = iv_validate(e, pos, copy, &norm, msg);
	free(copy);
	free(norm);
	if (rc == 0)
		return ENGINE_PROBLEM_NONE;
	if (rc < 0)
		return ENGINE_PROBLEM_CONSTRAINT;   /* msg holds why */
	return ENGINE_PROBLEM_CONSTRAINT;
}
