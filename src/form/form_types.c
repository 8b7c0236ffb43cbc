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
	[FORM_GEOPOINT] = "geopoint", [FORM_GEOTRACE] = "geotrace", [FORM_GEOSHAPE] = "geoshape",
	[FORM_IMAGE] = "image",
	[FORM_AUDIO] = "audio",
	[FORM_VIDEO] = "video",
	[FORM_FILE] = "file",
	[FORM_BARCODE] = "barcode",
	[FORM_BACKGROUND_AUDIO] = "background-audio",
	[FORM_START] = "start",
	[FORM_END] = "end",
	[FORM_TODAY] = "today",
	[FORM_DEVICEID] = "deviceid",
	[FORM_USERNAME] = "username",
	[FORM_PHONENUMBER] = "phonenumber",
	[FORM_SIMSERIAL] = "simserial",
	[FORM_SUBSCRIBERID] = "subscriberid",
	[FORM_EMAIL] = "email",
	[FORM_AUDIT] = "audit",
	[FORM_BACKGROUND_GEOPOINT] = "background-geopoint",
	[FORM_START_GEOPOINT] = "start-geopoint",
	[FORM_RANK] = "rank",
};

const char *form_type_name(form_type t)
{
	return t >= 0 && t < FORM_NTYPES ? type_names[t] : "?";
}

int form_type_is_meta(form_type t)
{
	return t >= FORM_START && t <= FORM_START_GEOPOINT;
}

int form_type_is_media(form_type t)
{
	return t == FORM_IMAGE || t == FORM_AUDIO || t == FORM_VIDEO || t == FORM_FILE;
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
	{ "geopoint", FORM_GEOPOINT }, { "geotrace", FORM_GEOTRACE }, { "geoshape", FORM_GEOSHAPE },
	{ "start", FORM_START },
	{ "end", FORM_END },
	{ "today", FORM_TODAY },
	{ "deviceid", FORM_DEVICEID },
	{ "username", FORM_USERNAME },
	{ "phonenumber", FORM_PHONENUMBER },
	{ "simserial", FORM_SIMSERIAL },
	{ "subscriberid", FORM_SUBSCRIBERID },
	{ "email", FORM_EMAIL },
	{ "audit", FORM_AUDIT },
	{ "start-geopoint", FORM_START_GEOPOINT },
	{ "background-geopoint", FORM_BACKGROUND_GEOPOINT },
	{ "image", FORM_IMAGE }, { "photo", FORM_IMAGE }, { "audio", FORM_AUDIO },
	{ "video", FORM_VIDEO }, { "file", FORM_FILE }, { "barcode", FORM_BARCODE },
	{ "background-audio", FORM_BACKGROUND_AUDIO },
};

/* Old spellings pyxform still accepts (its type dictionary), read as the modern type with a
 * warning that names it. */
static const struct {
	const char *name;
	form_type type;
} legacy[] = {
	{ "imei", FORM_DEVICEID }, { "uri:deviceid", FORM_DEVICEID },
	{ "device id", FORM_DEVICEID }, { "get device id", FORM_DEVICEID },
	{ "get today", FORM_TODAY },
	{ "get start time", FORM_START }, { "start time", FORM_START },
	{ "get end time", FORM_END }, { "end time", FORM_END },
	{ "uri:username", FORM_USERNAME }, { "uri:email", FORM_EMAIL },
	{ "uri:phonenumber", FORM_PHONENUMBER }, { "get phone number", FORM_PHONENUMBER },
	{ "uri:simserial", FORM_SIMSERIAL }, { "sim id", FORM_SIMSERIAL },
	{ "get sim id", FORM_SIMSERIAL },
	{ "uri:subscriberid", FORM_SUBSCRIBERID }, { "subscriber id", FORM_SUBSCRIBERID },
	{ "get subscriber id", FORM_SUBSCRIBERID },
	{ "add text prompt", FORM_TEXT }, { "q string", FORM_TEXT },
	{ "add integer prompt", FORM_INTEGER }, { "q int", FORM_INTEGER },
	{ "add decimal prompt", FORM_DECIMAL }, { "q decimal", FORM_DECIMAL },
	{ "add date prompt", FORM_DATE }, { "q date", FORM_DATE },
	{ "add dateTime prompt", FORM_DATETIME }, { "add date time prompt", FORM_DATETIME },
	{ "q dateTime", FORM_DATETIME }, { "q date time", FORM_DATETIME },
	{ "date time", FORM_DATETIME },
	{ "add note prompt", FORM_NOTE }, { "q note", FORM_NOTE },
	{ "add calculate prompt", FORM_CALCULATE }, { "q calculate", FORM_CALCULATE },
	{ "add acknowledge prompt", FORM_ACKNOWLEDGE }, { "q acknowledge", FORM_ACKNOWLEDGE },
	{ "location", FORM_GEOPOINT }, { "gps", FORM_GEOPOINT }, { "q location", FORM_GEOPOINT },
	{ "q geopoint", FORM_GEOPOINT }, { "add location prompt", FORM_GEOPOINT },
	{ "add image prompt", FORM_IMAGE }, { "add photo prompt", FORM_IMAGE },
	{ "q picture", FORM_IMAGE }, { "q image", FORM_IMAGE },
	{ "add audio prompt", FORM_AUDIO }, { "q audio", FORM_AUDIO },
	{ "add video prompt", FORM_VIDEO }, { "q video", FORM_VIDEO },
	{ "add file prompt", FORM_FILE },
	{ "add barcode prompt", FORM_BARCODE }, { "q barcode", FORM_BARCODE },
};

/* XLSForm types that exist but that a keyboard-only offline interview cannot answer. */
static const char *const unsupported[] = {
	"background-video",
	"osm", "entity",
};

/* Types, and type prefixes (ending in ':'), of other platforms' XLSForm dialects. */
static const struct {
	const char *name;
	const char *platform;
} foreign[] = {
	{ "text audit", "SurveyCTO" }, { "audio audit", "SurveyCTO" },
	{ "sensor_statistic", "SurveyCTO" }, { "sensor_stream", "SurveyCTO" },
	{ "caseid", "SurveyCTO" }, { "comments", "SurveyCTO" },
	{ "speed violations count", "SurveyCTO" }, { "speed violations list", "SurveyCTO" },
	{ "speed violations audit", "SurveyCTO" },
	{ "begin kobomatrix", "KoboToolbox" }, { "begin_kobomatrix", "KoboToolbox" },
	{ "end kobomatrix", "KoboToolbox" }, { "end_kobomatrix", "KoboToolbox" },
	{ "db:", "CHT" },
	{ "cht:", "CHT" },
};

/* Select commands: the words before the list name ("from file" before "from"). */
static const struct {
	const char *cmd;
	form_type type;   /* FORM_ROOT: a select survey cannot interview */
	int old;          /* an old spelling: accepted with a warning naming the modern one */
} selects[] = {
	{ "select_one", FORM_SELECT_ONE, 0 }, { "select_multiple", FORM_SELECT_MULTIPLE, 0 },
	{ "select_one_from_file", FORM_SELECT_ONE, 0 },
	{ "select_multiple_from_file", FORM_SELECT_MULTIPLE, 0 },
	{ "select one from file", FORM_SELECT_ONE, 0 },
	{ "select multiple from file", FORM_SELECT_MULTIPLE, 0 },
	{ "select_one_external", FORM_SELECT_ONE, 0 },
	{ "rank", FORM_RANK, 0 }, { "osm", FORM_ROOT, 0 },
	{ "select one from", FORM_SELECT_ONE, 1 }, { "select one using", FORM_SELECT_ONE, 1 },
	{ "add select one prompt using", FORM_SELECT_ONE, 1 }, { "q select1", FORM_SELECT_ONE, 1 },
	{ "select one", FORM_SELECT_ONE, 1 }, { "select1", FORM_SELECT_ONE, 1 },
	{ "select all that apply from", FORM_SELECT_MULTIPLE, 1 },
	{ "select multiple from", FORM_SELECT_MULTIPLE, 1 },
	{ "select multiple using", FORM_SELECT_MULTIPLE, 1 },
	{ "add select multiple prompt using", FORM_SELECT_MULTIPLE, 1 },
	{ "q select", FORM_SELECT_MULTIPLE, 1 },
	{ "select all that apply", FORM_SELECT_MULTIPLE, 1 },
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

/* The select type s whose command, selects[i], takes its first n bytes: the list's name, then
 * an optional "or_other" (other words after the list leave it ROW_UNKNOWN). */
static void parse_select(const char *s, size_t n, size_t i, form_type_parse *tp)
{
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
	if (strstr(selects[i].cmd, "from_file") || strstr(selects[i].cmd, "from file"))
		tp->from = FROM_FILE;
	else if (strstr(selects[i].cmd, "external"))
		tp->from = FROM_EXTERNAL;
	if (selects[i].old)
		tp->modern = type_names[selects[i].type];
}

void form_parse_type(const char *s, form_type_parse *tp)
{
	memset(tp, 0, sizeof *tp);
	tp->kind = ROW_UNKNOWN;
	for (size_t i = 0; i < sizeof foreign / sizeof foreign[0]; i++) {
		size_t n = strlen(foreign[i].name);
		if (foreign[i].name[n - 1] == ':' ? strncmp(s, foreign[i].name, n) == 0
		                                  : strcmp(s, foreign[i].name) == 0) {
			tp->platform = foreign[i].platform;
			return;
		}
	}
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
	for (size_t i = 0; i < sizeof legacy / sizeof legacy[0]; i++) {
		if (strcmp(s, legacy[i].name) == 0) {
			tp->kind = ROW_QUESTION;
			tp->type = legacy[i].type;
			tp->modern = type_names[legacy[i].type];
			return;
		}
	}
	if (strcmp(s, "csv-external") == 0 || strcmp(s, "xml-external") == 0) {
		tp->kind = ROW_INSTANCE;
		tp->from = s[0];
		return;
	}
	if (strcmp(s, "phone number") == 0) {
		tp->kind = ROW_QUESTION;
		tp->type = FORM_TEXT;
		tp->modern = "text";
		tp->digits_only = 1;
		return;
	}
	for (size_t i = 0; i < sizeof unsupported / sizeof unsupported[0]; i++) {
		if (strcmp(s, unsupported[i]) == 0) {
			tp->kind = ROW_UNSUPPORTED;
			return;
		}
	}
	for (size_t i = 0; i < sizeof selects / sizeof selects[0]; i++) {
		size_t n = strlen(selects[i].cmd);
		if (strncmp(s, selects[i].cmd, n) == 0 && is_blank(s[n])) {
			parse_select(s, n, i, tp);
			return;
		}
	}
}
