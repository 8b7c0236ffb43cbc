/* validate_geo.c: the engine's words for a refused location (geopoint, geotrace, geoshape) in
 * English, Kyrgyz and Russian, by the reason form_geo_parse gives. */
#include "interview/engine_impl.h"
#include "form/geo.h"

#include <stdio.h>

/* Rows as validate.c's message table: English, Kyrgyz, Russian. */
static const char *const words[FORM_GEO_NERRS][3] = {
	[FORM_GEO_SYNTAX] = {
		"Not coordinates: type the latitude and longitude, e.g. 42.8746 74.5698 or "
		"42°52'30\"N 74°36'E",
		"Координаттар эмес: кеңдикти жана узундукту жазыңыз, мисалы 42.8746 74.5698 же "
		"42°52'30\"N 74°36'E",
		"Это не координаты: введите широту и долготу, например 42.8746 74.5698 или "
		"42°52'30\"N 74°36'E" },
	[FORM_GEO_LAT] = { "The latitude must be between -90 and 90",
		"Кеңдик -90 менен 90 ортосунда болушу керек",
		"Широта должна быть от -90 до 90" },
	[FORM_GEO_LON] = { "The longitude must be between -180 and 180",
		"Узундук -180 менен 180 ортосунда болушу керек",
		"Долгота должна быть от -180 до 180" },
	[FORM_GEO_ACC] = { "The accuracy cannot be negative",
		"Тактык терс сан боло албайт", "Точность не может быть отрицательной" },
	[FORM_GEO_ONE] = { "Only one point is asked for here",
		"Бул жерде бир гана чекит керек", "Здесь нужна только одна точка" },
	[FORM_GEO_TRACE] = { "A line needs at least 2 points, separated by ;",
		"Сызыкка жок дегенде 2 чекит керек, ; менен бөлүнгөн",
		"Для линии нужно не меньше 2 точек, через ;" },
	[FORM_GEO_SHAPE] = { "An area needs at least 3 points, separated by ;",
		"Аянтка жок дегенде 3 чекит керек, ; менен бөлүнгөн",
		"Для площади нужно не меньше 3 точек, через ;" },
	[FORM_GEO_MANY] = { "Too many points (at most 500)",
		"Чекиттер өтө көп (эң көп 500)", "Слишком много точек (не более 500)" },
};

int iv_geo_parse(engine *e, form_type t, const char *text, char **norm, char *msg)
{
	int rc = form_geo_parse(t, text, norm);
	if (rc == FORM_GEO_OK)
		return 0;
	int l = e->msg_lang >= 0 && e->msg_lang < 3 ? e->msg_lang : 0;
	const char *w = rc > 0 && rc < FORM_GEO_NERRS ? words[rc][l] : NULL;
	snprintf(msg, ERR_MAX, "%s", w ? w : words[FORM_GEO_SYNTAX][l]);
	return ENGINE_REJECTED;
}
