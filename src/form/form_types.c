/* form_types.c: question types — their XLSForm spellings, aliases, and the parse of the type
 * column (select lists, or_other, begin/end group and repeat, types survey cannot interview). */
#include "form/form_impl.h"

#include <string.h>

static const char *const type_names[FORM_NTYPES] = {
	[FORM_ROOT] = "survey",
	[FORM_GROUP] = "begin group",
	[FORM_REPEAT] = "begin repeat",
	[FORM_TEXT] = "text",
	[FORM_INTEGER] = "integer",
	[FORM_DECIMAL] = "decimal",
	[FORM_SELECT_ONE] = "select_one",
	[FORM_SELECT_MULTIPLE] = "select_multiple",
	[FORM_NOTE] = "note",
	[FORM_CALCULATE] = "calculate",
	[FORM_DATE] = "date",
	[FORM_TIME] = "time",
	[FORM_DATETIME] = "dateTime",
	[FORM_RANGE] = "range",
	[FORM_ACKNOWLEDGE] = "acknowledge",
	[FORM_HIDDEN] = "hidden",
	[FORM_START] = "start",
	[FORM_END] = "end",
	[FORM_TODAY] = "today",
	[FORM_DEVICEID] = "deviceid",
	[FORM_USERNAME] = "username",
};

const char *form_type_name(form_type t)
{
	return t >= 0 && t < FORM_NTYPES ? type_names[t] : "?";
}

int form_type_is_meta(form_type t)
{
	return t >= FORM_START && t <= FORM_USERNAME;
}

int form_type_is_container(form_type t)
{
	return t == FORM_ROOT || t == FORM_GROUP || t == FORM_REPEAT;
}

int form_type_is_input(form_type t)
{
	return !form_type_is_container(t) && !form_type_is_meta(t) && t != FORM_NOTE &&
	       t != FORM_CALCULATE && t != FORM_HIDDEN;
}

/* Plain types and their aliases (pyxform's spellings). */
static const struct {
	const char *name;
	form_type type;
} plain[] = {
	{ "text", FORM_TEXT }, { "string", FORM_TEXT },
	{ "integer", FORM_INTEGER }, { "int", FORM_INTEGER },
	{ "decimal", FORM_DECIMAL },
	{ "note", FORM_NOTE },
	{ "calculate", FORM_CALCULATE },
	{ "date", FORM_DATE },
	{ "time", FORM_TIME },
	{ "dateTime", FORM_DATETIME }, { "datetime", FORM_DATETIME },
	{ "range", FORM_RANGE },
	{ "acknowledge", FORM_ACKNOWLEDGE }, { "trigger", FORM_ACKNOWLEDGE },
	{ "hidden", FORM_HIDDEN },
	{ "start", FORM_START },
	{ "end", FORM_END },
	{ "today", FORM_TODAY },
	{ "deviceid", FORM_DEVICEID }, { "imei", FORM_DEVICEID },
	{ "username", FORM_USERNAME },
};

/* XLSForm types that exist but that a keyboard-only offline interview cannot answer. */
static const char *const unsupported[] = {
	"geopoint", "geotrace", "geoshape", "start-geopoint", "background-geopoint",
	"image", "photo", "audio", "video", "file", "barcode", "background-audio",
	"background-video", "audit", "phonenumber", "simserial", "subscriberid", "email",
	"xml-external", "csv-external", "osm", "entity", "add image prompt",
	"add photo prompt", "add audio prompt", "add video prompt", "add file prompt",
};

/* Select commands: the words before the list name. */
static const struct {
	const char *cmd;
	form_type type;   /* FORM_ROOT: a select survey cannot interview */
} selects[] = {
	{ "select_one", FORM_SELECT_ONE }, { "select one", FORM_SELECT_ONE },
	{ "select1", FORM_SELECT_ONE },
	{ "select_multiple", FORM_SELECT_MULTIPLE },
	{ "select all that apply", FORM_SELECT_MULTIPLE },
	{ "select_one_from_file", FORM_ROOT }, { "select_multiple_from_file", FORM_ROOT },
	{ "select one from file", FORM_ROOT }, { "select multiple from file", FORM_ROOT },
	{ "select_one_external", FORM_ROOT }, { "rank", FORM_ROOT }, { "osm", FORM_ROOT },
};

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* "begin group", "begin_group", "end repeat", ...: returns the kind or -1. */
static int control(const char *s)
{
	static const struct {
		const char *word;
		enum form_row_kind begin, end;
	} words[] = {
		{ "group", ROW_BEGIN_GROUP, ROW_END_GROUP },
		{ "repeat", ROW_BEGIN_REPEAT, ROW_END_REPEAT },
		{ "loop", ROW_BEGIN_LOOP, ROW_END_LOOP },
	};
	int begin;
	if (strncmp(s, "begin", 5) == 0)
		begin = 1, s += 5;
	else if (strncmp(s, "end", 3) == 0)
		begin = 0, s += 3;
	else
		return -1;
	if (*s != ' ' && *s != '_')
		return -1;
	s++;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = strlen(words[i].word);
		if (strncmp(s, words[i].word, n) != 0)
			continue;
		const char *rest = s + n;
		if (!*rest)
			return begin ? (int)words[i].begin : (int)words[i].end;
		/* "begin loop over LIST" */
		if (begin && words[i].begin == ROW_BEGIN_LOOP && is_blank(*rest))
			return ROW_BEGIN_LOOP;
	}
	return -1;
}

void form_parse_type(const char *s, form_type_parse *tp)
{
	memset(tp, 0, sizeof *tp);
	tp->kind = ROW_UNKNOWN;
	int c = control(s);
	if (c >= 0) {
		tp->kind = (enum form_row_kind)c;
		return;
	}
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		if (strcmp(s, plain[i].name) == 0) {
			tp->kind = ROW_QUESTION;
			tp->type = plain[i].type;
			return;
		}
	}
	for (size_t i = 0; i < sizeof unsupported / sizeof unsupported[0]; i++) {
		if (strcmp(s, unsupported[i]) == 0) {
			tp->kind = ROW_UNSUPPORTED;
			return;
		}
	}
	for (size_t i = 0; i < sizeof selects / sizeof selects[0]; i++) {
		size_t n = strlen(selects[i].cmd);
		if (strncmp(s, selects[i].cmd, n) != 0 || !is_blank(s[n]))
			continue;
		const char *p = s + n;
		while (is_blank(*p))
			p++;
		const char *list = p;
		while (*p && !is_blank(*p))
			p++;
		tp->list_at = (int)(list - s);
		tp->list_len = (int)(p - list);
		while (is_blank(*p))
			p++;
		if (*p) {
			if (strcmp(p, "or_other") == 0 || strcmp(p, "or other") == 0 ||
			    strcmp(p, "or specify other") == 0)
				tp->or_other = 1;
			else
				return;   /* ROW_UNKNOWN: words after the list */
		}
		if (!tp->list_len)
			return;
		if (selects[i].type == FORM_ROOT) {
			tp->kind = ROW_UNSUPPORTED;
			return;
		}
		tp->kind = ROW_QUESTION;
		tp->type = selects[i].type;
		return;
	}
}
