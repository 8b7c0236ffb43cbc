/* simulate.c: random valid interviews made through the interview engine — values drawn by type
 * and guided by the constraint's bounds, redrawn (bounded) until the constraint holds, choices
 * from the filtered lists, repeats of random length, don't know/refused at a small rate, and
 * some interviews left as drafts. Deterministic for a seed (answers, UUIDs, clock). */
#include "interview/simulate.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "interview/engine.h"
#include "store/device_adopt.h"
#include "util/util.h"
#include "util/date.h"

/* ---- the generator ---- */

static unsigned long long splitmix(unsigned long long *x)
{
	unsigned long long z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void sim_rng_seed(sim_rng *r, unsigned long long seed)
{
	unsigned long long x = seed;
	r->s = splitmix(&x);
	if (!r->s)
		r->s = 0x2545f4914f6cdd1dULL;
}

unsigned long long sim_rng_next(sim_rng *r)
{
	unsigned long long x = r->s;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	r->s = x;
	return x * 0x2545f4914f6cdd1dULL;
}

double sim_rng_unit(sim_rng *r)
{
	return (double)(sim_rng_next(r) >> 11) / 9007199254740992.0;
}

long sim_rng_range(sim_rng *r, long lo, long hi)
{
	if (hi <= lo)
		return lo;
	unsigned long long span = (unsigned long long)(hi - lo) + 1;
	return lo + (long)(sim_rng_next(r) % span);
}

void sim_rng_uuid(sim_rng *r, char out[STORE_UUID_LEN + 1])
{
	unsigned char b[16];
	unsigned long long a = sim_rng_next(r), c = sim_rng_next(r);
	for (int i = 0; i < 8; i++) {
		b[i] = (unsigned char)(a >> (8 * i));
		b[8 + i] = (unsigned char)(c >> (8 * i));
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	static const char hex[] = "0123456789abcdef";
	int k = 0;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[k++] = '-';
		out[k++] = hex[b[i] >> 4];
		out[k++] = hex[b[i] & 15];
	}
	out[k] = 0;
}

/* ---- what the form says about plausible values ---- */

typedef struct sim_hint {
	double lo, hi;   /* bounds read from the constraint; NAN when none */
	int lo_strict, hi_strict;
} sim_hint;

static void read_bound(sim_hint *h, const char *op, double v, int dot_left)
{
	int less = op[0] == '<', strict = op[1] != '=';
	if (!dot_left)
		less = !less;   /* "5 < ." is ". > 5" */
	if (less) {
		if (isnan(h->hi) || v < h->hi) {
			h->hi = v;
			h->hi_strict = strict;
		}
	} else if (isnan(h->lo) || v > h->lo) {
		h->lo = v;
		h->lo_strict = strict;
	}
}

/* Bounds of '.' in a constraint: ". >= 0 and . <= 120", "0 < .". Other parts are ignored
 * (the engine checks the whole constraint; a value out of it is drawn again). */
static sim_hint hint_of(const char *c)
{
	sim_hint h = { NAN, NAN, 0, 0 };
	if (!c)
		return h;
	for (const char *p = c; *p; p++) {
		if (*p != '.' || (p > c && (isalnum((unsigned char)p[-1]) || p[-1] == '.' ||
					    p[-1] == '_' || p[-1] == '}')) ||
		    p[1] == '.' || isdigit((unsigned char)p[1]))
			continue;
		const char *q = p + 1;
		while (*q == ' ')
			q++;
		if (*q == '<' || *q == '>') {
			const char *op = q;
			q += q[1] == '=' ? 2 : 1;
			while (*q == ' ')
				q++;
			char *end;
			double v = strtod(q, &end);
			if (end != q && (isdigit((unsigned char)*q) || *q == '-'))
				read_bound(&h, op, v, 1);
		}
		/* "N op ." */
		const char *b = p - 1;
		while (b >= c && *b == ' ')
			b--;
		if (b > c && (*b == '=' || *b == '<' || *b == '>')) {
			const char *op = b;
			if (*b == '=' && b > c && (b[-1] == '<' || b[-1] == '>'))
				op = --b;
			else if (*b == '=')
				continue;
			const char *n = b - 1;
			while (n >= c && *n == ' ')
				n--;
			const char *s = n;
			while (s >= c && (isdigit((unsigned char)*s) || *s == '.'))
				s--;
			if (s < n) {
				char buf[64];
				size_t len = (size_t)(n - s);
				if (len < sizeof buf) {
					memcpy(buf, s + 1, len);
					buf[len] = 0;
					read_bound(&h, op, atof(buf), 0);
				}
			}
		}
	}
	return h;
}

/* ---- values ---- */

static const char *const words_ky[] = {
	"айыл", "өкмөт", "суу", "жол", "мектеп", "балдар", "жардам", "акча", "дары", "оорукана",
	"кеңеш", "эл", "үй", "жумуш", "карантин", "азык-түлүк", "көмүр", "жаштар", "ыктыярчылар",
	"маалымат", "бюджет", "дыйкан", "мал", "жайыт", "көпүрө", "медпункт", "ооруканага",
	"жеткирилди", "чогулуш", "аким", "райондук", "Союз", "ЖӨБ", "маска", "вакцина",
};
static const char *const words_ru[] = {
	"помощь", "вода", "дорога", "школа", "продукты", "больница", "маски", "бюджет",
	"волонтёры", "карантин", "связь", "транспорт", "лекарства", "семьи", "село", "айыл",
	"доставка", "пенсионеры", "вакцинация", "штаб", "аким", "район", "уголь", "мост",
	"интернет", "дезинфекция", "сотрудники", "финансирование", "ФАП", "собрание",
};
static const char *const interviewers[] = {
	"Айгүл Асанова", "Бакыт Токтогулов", "Гүлнара Сыдыкова", "Нурлан Абдыкадыров",
	"Жылдыз Осмонова", "Эрлан Жумабеков", "Чолпон Мамытова", "Тимур Исаков",
	"Анара Бейшеналиева", "Азамат Кадыров", "Мээрим Алыбаева", "Дастан Усенов",
};

static char *random_text(sim_rng *r, int kyrgyz)
{
	const char *const *w = kyrgyz ? words_ky : words_ru;
	long nw = kyrgyz ? (long)(sizeof words_ky / sizeof *words_ky)
			 : (long)(sizeof words_ru / sizeof *words_ru);
	strbuf sb = STRBUF_INIT;
	long n = sim_rng_range(r, 1, sim_rng_unit(r) < 0.2 ? 12 : 4);
	for (long i = 0; i < n; i++) {
		if (i)
			sb_addc(&sb, ' ');
		sb_adds(&sb, w[sim_rng_range(r, 0, nw - 1)]);
	}
	return sb_detach(&sb);
}

/* A number within the hint, or a plausible default range; log-uniform over wide ranges. */
static double random_number(sim_rng *r, const sim_hint *h, int integer, int attempt)
{
	double lo = isnan(h->lo) ? 0 : h->lo, hi = isnan(h->hi) ? (isnan(h->lo) ? 100 : lo + 1000)
							       : h->hi;
	if (integer) {
		if (h->lo_strict)
			lo = floor(lo) + 1;
		else
			lo = ceil(lo);
		if (h->hi_strict)
			hi = ceil(hi) - 1;
		else
			hi = floor(hi);
	}
	if (attempt > 8) {   /* the constraint needs more than its bounds: try smaller values */
		hi = lo + (hi - lo) / (double)(1 << (attempt - 8 > 20 ? 20 : attempt - 8));
	}
	if (hi < lo)
		hi = lo;
	double v;
	if (lo >= 0 && hi > 1000 && hi / (lo > 1 ? lo : 1) > 100) {
		/* a wide range (a population, an amount): log-uniform over its top three decades */
		double from = lo > hi / 2000 ? lo : hi / 2000;
		double a = log(from > 1 ? from : 1), b = log(hi + 1);
		v = exp(a + (b - a) * sim_rng_unit(r));
		if (v > hi)
			v = hi;
	} else {
		v = lo + (hi - lo) * sim_rng_unit(r);
	}
	if (integer)
		v = floor(v + 0.5) > hi ? floor(v) : floor(v + 0.5);
	else
		v = round(v * 10) / 10;
	if (v < lo)
		v = lo;
	if (!integer && h->lo_strict && v <= lo)
		v = lo + 0.1;
	return v;
}

typedef struct sim {
	const form *f;
	const simulate_opts *o;
	sim_rng rng;
	sim_hint *hints;      /* per node */
	simulate_stats st;
	double now;           /* the current interview's clock */
	long long ticks;      /* store writes in the current interview: each advances the clock */
	int kyrgyz;           /* texts in Kyrgyz (else Russian) */
	unsigned flagged;     /* SIM_FLAG_* bits of the current interview */
} sim;

/* The choices path offers now, in *cs (n of them; the caller frees cs): 0, or -1 with err, or
 * -1 with *none set when it offers none. */
static int choices_left(engine *e, const char *path, const form_choice ***cs, int *n, char *err,
			int *none)
{
	*none = 0;
	if (engine_choices(e, path, cs, n, err))
		return -1;
	if (!*n) {
		free(*cs);
		*none = 1;
		return -1;
	}
	return 0;
}

static char *random_select(sim *s, engine *e, const char *path, int multiple, int attempt,
			   char *err, int *none)
{
	const form_choice **cs;
	int n;
	if (choices_left(e, path, &cs, &n, err, none))
		return NULL;
	strbuf sb = STRBUF_INIT;
	if (!multiple && attempt == 0 && (s->flagged & SIM_FLAG_STRAIGHT_LINE)) {
		sb_adds(&sb, cs[0]->name);
	} else if (!multiple || attempt > 5) {
		sb_adds(&sb, cs[sim_rng_range(&s->rng, 0, n - 1)]->name);
	} else {
		long k = sim_rng_range(&s->rng, 1, n < 3 ? n : 3);
		for (long i = 0; i < k; i++) {
			const char *c = cs[sim_rng_range(&s->rng, 0, n - 1)]->name;
			if (sb.len)
				sb_addc(&sb, ' ');
			sb_adds(&sb, c);   /* the engine drops a choice given twice */
		}
	}
	free(cs);
	return sb_detach(&sb);
}

/* rank: every choice left, in a random order (Fisher-Yates) */
static char *random_rank(sim *s, engine *e, const char *path, char *err, int *none)
{
	const form_choice **cs;
	int n;
	if (choices_left(e, path, &cs, &n, err, none))
		return NULL;
	strbuf sb = STRBUF_INIT;
	for (int i = n - 1; i > 0; i--) {
		long j = sim_rng_range(&s->rng, 0, i);
		const form_choice *t = cs[i];
		cs[i] = cs[j];
		cs[j] = t;
	}
	for (int i = 0; i < n; i++) {
		if (i)
			sb_addc(&sb, ' ');
		sb_adds(&sb, cs[i]->name);
	}
	free(cs);
	return sb_detach(&sb);
}

/* A random answer for the question at path; NULL with *none when it cannot have one. */
static char *random_value(sim *s, engine *e, int node, const char *path, int attempt, char *err,
			  int *none)
{
	const form_node *nd = &s->f->nodes[node];
	const sim_hint *h = &s->hints[node];
	sim_rng *r = &s->rng;
	*none = 0;
	switch (nd->type) {
	case FORM_INTEGER:
		return xasprintf("%.0f", random_number(r, h, 1, attempt));
	case FORM_DECIMAL:
		return xasprintf("%.1f", random_number(r, h, 0, attempt));
	case FORM_RANGE: {
		double st = nd->range_step > 0 ? nd->range_step : 1;
		long steps = (long)floor((nd->range_end - nd->range_start) / st + 1e-9);
		return xasprintf("%g", nd->range_start + st * (double)sim_rng_range(r, 0, steps));
	}
	case FORM_DATE:
	case FORM_DATETIME: {
		long today = (long)floor(s->now / 86400);
		long lo = date_days_from_civil(2020, 1, 1), hi = date_days_from_civil(2021, 12, 31);
		if (hi > today)
			hi = today;
		int y, m, d;
		date_civil_from_days(sim_rng_range(r, lo, hi), &y, &m, &d);
		if (nd->type == FORM_DATE)
			return xasprintf("%04d-%02d-%02d", y, m, d);
		return xasprintf("%04d-%02d-%02dT%02ld:%02ld:00", y, m, d, sim_rng_range(r, 8, 18),
				 sim_rng_range(r, 0, 59));
	}
	case FORM_TIME:
		return xasprintf("%02ld:%02ld", sim_rng_range(r, 8, 18), sim_rng_range(r, 0, 59));
	case FORM_SELECT_ONE:
	case FORM_SELECT_MULTIPLE:
		return random_select(s, e, path, nd->type == FORM_SELECT_MULTIPLE, attempt, err, none);
	case FORM_RANK:
		return random_rank(s, e, path, err, none);
	case FORM_ACKNOWLEDGE:
		return xstrdup("OK");
	case FORM_TEXT:
	case FORM_BARCODE:
		return random_text(r, s->kyrgyz);
	case FORM_GEOPOINT: case FORM_GEOTRACE: case FORM_GEOSHAPE:
		return sim_geo_value(r, nd->type);
	default:
		*none = 1;
		return NULL;
	}
}

#define SIM_ATTEMPTS 30

/* A media question: a small file made from the generator (a gray 8x8 PGM picture, a short WAV
 * sound, a text file for video and file), named after the question, attached through the
 * engine; or, when it is optional, sometimes none. Returns 0, or -1 with err. */
static int answer_media(sim *s, engine *e, const engine_item *it, char *err)
{
	const form_node *nd = &engine_form(e)->nodes[it->node];
	if (!it->required && sim_rng_unit(&s->rng) < 0.25)
		return 0;
	unsigned char buf[256];
	size_t n = 0;
	const char *ext;
	long draw = sim_rng_range(&s->rng, 1, 9999);
	if (nd->type == FORM_IMAGE) {
		ext = "pgm";
		n = (size_t)snprintf((char *)buf, sizeof buf, "P5\n8 8\n255\n");
		for (int i = 0; i < 64; i++)
			buf[n++] = (unsigned char)sim_rng_range(&s->rng, 0, 255);
	} else if (nd->type == FORM_AUDIO) {
		static const unsigned char wav[44] = "RIFF\x64\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0"
			"\x40\x1f\0\0\x40\x1f\0\0\x01\0\x08\0data\x40\0\0\0";
		ext = "wav";
		memcpy(buf, wav, sizeof wav);
		n = sizeof wav;
		for (int i = 0; i < 64; i++)
			buf[n++] = (unsigned char)sim_rng_range(&s->rng, 96, 160);
	} else {
		ext = "txt";
		n = (size_t)snprintf((char *)buf, sizeof buf, "simulated %s for %s, draw %ld\n",
				     form_type_name(nd->type), it->path, draw);
	}
	char *name = xasprintf("%s-%ld.%s", nd->name, draw, ext);
	int rc = engine_attach(e, it->path, name, buf, n, err);
	free(name);
	if (rc < 0)
		return -1;
	if (rc == 0)
		s->st.answers++;
	else if (it->required && engine_special(e, it->path, STATE_DONT_KNOW, err) < 0)
		return -1;
	return 0;
}

/* Answer one question as an interviewer would. Returns 0, or -1 with err. */
static int answer_item(sim *s, engine *e, const engine_item *it)
{
	char err[ERR_MAX];
	const char *path = it->path;
	if (it->read_only)
		return 0;
	double special = s->flagged & SIM_FLAG_DONT_KNOW ? 0.4 : s->o->special_rate;
	if (special > 0 && sim_rng_unit(&s->rng) < special) {
		store_state st = sim_rng_unit(&s->rng) < 0.5 ? STATE_DONT_KNOW : STATE_REFUSED;
		int rc = engine_special(e, path, st, err);
		if (rc < 0)
			return errf(err, "%s", err);
		s->st.answers++;
		s->st.specials++;
		return 0;
	}
	if (form_type_is_media(engine_form(e)->nodes[it->node].type))
		return answer_media(s, e, it, err) ? errf(err, "%s", err) : 0;
	if (!it->required && sim_rng_unit(&s->rng) < 0.08)
		return 0;   /* an optional question left empty */
	for (int attempt = 0; attempt < SIM_ATTEMPTS; attempt++) {
		int none;
		char *v = random_value(s, e, it->node, path, attempt, err, &none);
		if (!v) {
			if (!none)
				return -1;
			break;
		}
		int rc = engine_answer(e, path, v, err);
		free(v);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			s->st.answers++;
			return 0;
		}
		s->st.retries++;
	}
	/* nothing valid found: a required question gets "don't know" */
	if (it->required) {
		if (engine_special(e, path, STATE_DONT_KNOW, err) < 0)
			return -1;
		s->st.answers++;
		s->st.specials++;
	}
	return 0;
}

/* Answer every question of the current screen (a field-list may grow as it is answered). */
static int answer_screen(sim *s, engine *e, char *err)
{
	char **done = NULL;
	int ndone = 0;
	int rc = 0;
	for (int guard = 0; guard < 1000 && rc == 0; guard++) {
		const engine_screen *sc = engine_current(e);
		const engine_item *next = NULL;
		for (int i = 0; i < sc->nitems && !next; i++) {
			int seen = 0;
			for (int j = 0; j < ndone && !seen; j++)
				seen = strcmp(done[j], sc->items[i].path) == 0;
			if (!seen)
				next = &sc->items[i];
		}
		if (!next)
			break;
		done = xreallocarray(done, (size_t)ndone + 1, sizeof *done);
		done[ndone++] = xstrdup(next->path);
		engine_item it = *next;
		char *p = xstrdup(it.path);
		it.path = p;
		if (answer_item(s, e, &it))
			rc = errf(err, "cannot answer '%s'", p);
		free(p);
	}
	strv_free(done, ndone);
	return rc;
}

/* Move on; when the screen still has a problem (a constraint on another answer, say), mark
 * the questions left with one as don't know. 1 when stuck. */
static int move_on(sim *s, engine *e, char *err)
{
	int rc = engine_next(e, err);
	if (rc <= 0)
		return rc;
	const engine_screen *sc = engine_current(e);
	char msg[ERR_MAX];
	for (int i = 0; i < sc->nitems; i++) {
		if (engine_check(e, sc->items[i].path, msg) && !sc->items[i].read_only) {
			char *p = xstrdup(sc->items[i].path);
			rc = engine_special(e, p, STATE_DONT_KNOW, err);
			free(p);
			if (rc < 0)
				return -1;
			sc = engine_current(e);
		}
	}
	rc = engine_next(e, err);
	return rc < 0 ? -1 : rc;
}

/* The store's clock during simulation: the interview's start plus two seconds per write, so
 * that times and event offsets are realistic and the same for the same seed. */
static long long sim_clock(void *arg)
{
	sim *s = arg;
	return (long long)(s->now * 1000) + (s->flagged & SIM_FLAG_TOO_FAST ? 500 : 2000) *
		s->ticks++;
}

/* One interview, from start to completion (or left as a draft). */
static int one_interview(sim *s, store *st, const char *device, const char *interviewer,
			 const char *source, char *err)
{
	const form *f = s->f;
	char uuid[STORE_UUID_LEN + 1], created[40];
	sim_rng_uuid(&s->rng, uuid);
	s->ticks = 0;
	/* drawn only when asked for, so that a run without flags makes the same data as before */
	s->flagged = s->o->flags && sim_rng_unit(&s->rng) < s->o->flag_rate ? s->o->flags : 0;
	if (s->flagged & SIM_FLAG_NIGHT)
		s->now = floor(s->now / 86400) * 86400 + 17 * 3600 + fmod(s->now, 3600);
	store_set_clock(st, sim_clock, s);
	time_t t = (time_t)floor(s->now);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
	/* the language: mostly the form's default, sometimes another */
	const char *lang = NULL;
	if (f->nlangs > 1 && sim_rng_unit(&s->rng) < 0.35) {
		const form_lang *l = &f->langs[sim_rng_range(&s->rng, 0, f->nlangs - 1)];
		lang = l->code ? l->code : l->name;
	}
	int li = lang ? form_find_lang(f, lang) : f->default_lang;
	const char *code = li >= 0 && f->langs[li].code ? f->langs[li].code : "";
	s->kyrgyz = strcmp(code, "ru") != 0 && (strcmp(code, "ky") == 0 ||
						 sim_rng_unit(&s->rng) < 0.5);
	engine_new how = {
		.interviewer = interviewer, .lang = lang, .device_id = device, .uuid = uuid,
		.created = created, .now = s->now, .source_path = source, .no_move_log = 1,
		.origin = ORIGIN_SIMULATED,
	};
	engine *e;
	if (engine_start(st, f, &how, &e, err))
		return -1;
	s->st.interviews++;
	long stop = -1;   /* a draft stops after this many screens */
	if (s->o->draft_rate > 0 && sim_rng_unit(&s->rng) < s->o->draft_rate)
		stop = sim_rng_range(&s->rng, 0, 30);
	int rc = 0;
	for (long screens = 0; rc == 0; screens++) {
		const engine_screen *sc = engine_current(e);
		if (sc->kind == ENGINE_END)
			break;
		if (screens == stop || screens > 100000) {
			rc = 1;
			break;
		}
		if (sc->kind == ENGINE_ADD_REPEAT) {
			double p = sc->instances == 0 ? 0.75 : 0.5 / sc->instances;
			if (sc->instances < 8 && sim_rng_unit(&s->rng) < p)
				rc = engine_add_repeat(e, err);
			else
				rc = engine_next(e, err);
			rc = rc < 0 ? -1 : rc;
			continue;
		}
		if (answer_screen(s, e, err)) {
			rc = -1;
			break;
		}
		rc = move_on(s, e, err);
	}
	if (rc == 0) {
		rc = engine_complete(e, err);
		if (rc == 0)
			s->st.completed++;
	}
	if (rc > 0)
		rc = engine_leave(e, err);
	engine_free(e);
	return rc < 0 ? -1 : 0;
}

static int batches(store **stores, int nstores, int begin, int commit, char *err)
{
	for (int i = 0; i < nstores; i++) {
		int rc = begin ? store_batch_begin(stores[i], err)
			       : store_batch_end(stores[i], commit, err);
		if (rc && commit)
			return -1;
	}
	return 0;
}

int simulate_run(store **stores, int nstores, const form *f, const simulate_opts *o,
		 simulate_stats *stats, char *err)
{
	int ndev = o->ndevices > 0 ? o->ndevices : 1;
	if (nstores != 1 && nstores != ndev)
		return errf(err, "%d databases for %d devices", nstores, ndev);
	sim s;
	memset(&s, 0, sizeof s);
	s.f = f;
	s.o = o;
	sim_rng_seed(&s.rng, o->seed);
	s.hints = xcalloc((size_t)f->nnodes, sizeof *s.hints);
	for (int i = 0; i < f->nnodes; i++)
		s.hints[i] = hint_of(f->nodes[i].src[FORM_X_CONSTRAINT]);
	/* devices: ids and interviewers from the seed */
	char (*devices)[STORE_UUID_LEN + 1] = xcalloc((size_t)ndev, sizeof *devices);
	for (int d = 0; d < ndev; d++)
		sim_rng_uuid(&s.rng, devices[d]);
	/* a file's device (the first, in one file for all) is the file's own: a new file takes the
	 * seeded id, a file with interviews gives its own; its interviews, corrected on it later,
	 * are then extended by their own device (merged as updates) */
	int rc = 0;
	for (int k = 0; k < nstores && rc == 0; k++) {
		rc = store_adopt_device_id(stores[k], devices[k], err);
		snprintf(devices[k], sizeof devices[k], "%s", store_device_id(stores[k]));
	}
	unsigned char *embedded = xcalloc((size_t)nstores, 1);
	/* the fake clock: the field work runs from 1 October to 20 December 2021 */
	double t0 = (double)date_days_from_civil(2021, 10, 1) * 86400 + 3 * 3600;
	double span = 80.0 * 86400;
	int batch = o->batch > 0 ? o->batch : 1000;
	long done = 0;
	while (rc == 0 && done < o->n) {
		long end = done + batch < o->n ? done + batch : o->n;
		if (batches(stores, nstores, 1, 0, err)) {
			rc = -1;
			break;
		}
		for (long i = done; i < end && rc == 0; i++) {
			int d = (int)sim_rng_range(&s.rng, 0, ndev - 1);
			store *st = stores[nstores == 1 ? 0 : d];
			s.now = t0 + span * (double)i / (double)o->n +
				(double)sim_rng_range(&s.rng, 0, 3599);
			const char *who = o->interviewer ? o->interviewer :
				interviewers[d % (int)(sizeof interviewers / sizeof *interviewers)];
			int k = nstores == 1 ? 0 : d;
			/* the questionnaire goes into each file with its first interview */
			rc = one_interview(&s, st, devices[d], who, embedded[k] ? NULL : o->source_path,
					   err);
			embedded[k] = 1;
		}
		char ignore[ERR_MAX];
		if (rc) {
			batches(stores, nstores, 0, 0, ignore);
			break;
		}
		if (batches(stores, nstores, 0, 1, err)) {
			rc = -1;
			break;
		}
		done = end;
		if (o->progress)
			o->progress(o->progress_arg, done, o->n);
	}
	for (int k = 0; k < nstores; k++)
		store_set_clock(stores[k], NULL, NULL);   /* s goes out of scope */
	free(devices);
	free(embedded);
	free(s.hints);
	if (stats)
		*stats = s.st;
	return rc;
}
