/* record_json.c: the strict JSON scanner and the canonical string writer of the record codec
 * (record_impl.h). The scanner builds a small tree, checking every byte as it goes: a record
 * from a hostile file fails here with one line, within the bounds of its own length. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/record_impl.h"

typedef struct scan {
	rjson *doc;
	const char *p, *end;
	const char *what;
	char *err;
} scan;

static int bad(scan *sc, const char *why)
{
	return errf(sc->err, "%s: %s", sc->what, why);
}

static size_t new_node(rjson *doc, int type)
{
	if (doc->n == doc->cap) {
		doc->cap = doc->cap ? doc->cap * 2 : 64;
		doc->v = xreallocarray(doc->v, doc->cap, sizeof *doc->v);
	}
	memset(&doc->v[doc->n], 0, sizeof doc->v[doc->n]);
	doc->v[doc->n].type = type;
	return doc->n++;
}

static int hex4(const char *p, unsigned *out)
{
	unsigned v = 0;
	for (int k = 0; k < 4; k++) {
		char c = p[k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static void put_utf8(char **o, unsigned cp)
{
	unsigned char *u = (unsigned char *)*o;
	if (cp < 0x80) {
		*u++ = (unsigned char)cp;
	} else if (cp < 0x800) {
		*u++ = (unsigned char)(0xc0 | cp >> 6);
		*u++ = (unsigned char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		*u++ = (unsigned char)(0xe0 | cp >> 12);
		*u++ = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
		*u++ = (unsigned char)(0x80 | (cp & 0x3f));
	} else {
		*u++ = (unsigned char)(0xf0 | cp >> 18);
		*u++ = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
		*u++ = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
		*u++ = (unsigned char)(0x80 | (cp & 0x3f));
	}
	*o = (char *)u;
}

/* A string at sc->p (the opening quote), decoded into doc->strs; its offset in *off. */
static int scan_string(scan *sc, size_t *off, size_t *len)
{
	rjson *doc = sc->doc;
	char *o = doc->strs + doc->slen;
	const char *start = o;
	sc->p++;
	for (;;) {
		if (sc->p >= sc->end)
			return bad(sc, "a string is not closed");
		unsigned char c = (unsigned char)*sc->p;
		if (c == '"')
			break;
		if (c < 0x20)
			return bad(sc, "a control byte inside a string");
		if (c != '\\') {
			*o++ = (char)c;
			sc->p++;
			continue;
		}
		if (sc->end - sc->p < 2)
			return bad(sc, "a string is not closed");
		char e = sc->p[1];
		sc->p += 2;
		switch (e) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u': {
			unsigned cp, lo;
			if (sc->end - sc->p < 4 || hex4(sc->p, &cp))
				return bad(sc, "a bad \\u escape in a string");
			sc->p += 4;
			if (cp == 0)
				return bad(sc, "a NUL character inside a string");
			if (cp >= 0xdc00 && cp <= 0xdfff)
				return bad(sc, "a lone surrogate in a string");
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (sc->end - sc->p < 6 || sc->p[0] != '\\' || sc->p[1] != 'u' ||
				    hex4(sc->p + 2, &lo) || lo < 0xdc00 || lo > 0xdfff)
					return bad(sc, "a lone surrogate in a string");
				sc->p += 6;
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			}
			put_utf8(&o, cp);
			break;
		}
		default:
			return bad(sc, "a bad escape in a string");
		}
	}
	sc->p++;
	*o++ = '\0';
	*off = (size_t)(start - doc->strs);
	*len = (size_t)(o - start) - 1;
	doc->slen = (size_t)(o - doc->strs);
	return 0;
}

static int scan_int(scan *sc, long long *out)
{
	int neg = 0;
	if (*sc->p == '-') {
		neg = 1;
		sc->p++;
	}
	if (sc->p >= sc->end || *sc->p < '0' || *sc->p > '9')
		return bad(sc, "a number without digits");
	if (*sc->p == '0' && sc->end - sc->p > 1 && sc->p[1] >= '0' && sc->p[1] <= '9')
		return bad(sc, "a number with a leading zero");
	if (*sc->p == '0' && neg)
		return bad(sc, "the number -0");
	uint64_t v = 0, lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	while (sc->p < sc->end && *sc->p >= '0' && *sc->p <= '9') {
		unsigned d = (unsigned)(*sc->p++ - '0');
		if (v > (lim - d) / 10)
			return bad(sc, "a number beyond 64 bits");
		v = v * 10 + d;
	}
	if (sc->p < sc->end && (*sc->p == '.' || *sc->p == 'e' || *sc->p == 'E'))
		return bad(sc, "a number that is not an integer");
	*out = neg ? (long long)(0 - v) : (long long)v;
	return 0;
}

static int scan_value(scan *sc, int depth, size_t *idx);

/* An array or object at sc->p (its opening bracket), its elements linked in order. */
static int scan_list(scan *sc, int depth, size_t me, int obj)
{
	char close = obj ? '}' : ']';
	size_t last = 0, count = 0;
	sc->p++;
	if (sc->p < sc->end && *sc->p == close) {
		sc->p++;
		return 0;
	}
	for (;;) {
		const char *key = NULL;
		size_t kid;
		if (obj) {
			size_t off, klen;
			if (sc->p >= sc->end || *sc->p != '"')
				return bad(sc, "an object key is not a string");
			if (scan_string(sc, &off, &klen))
				return -1;
			key = sc->doc->strs + off;
			if (sc->p >= sc->end || *sc->p != ':')
				return bad(sc, "an object key without ':'");
			sc->p++;
		}
		if (scan_value(sc, depth - 1, &kid))
			return -1;
		sc->doc->v[kid].key = key;
		if (last)
			sc->doc->v[last].next = kid;
		else
			sc->doc->v[me].kid = kid;
		last = kid;
		count++;
		if (sc->p >= sc->end)
			return bad(sc, obj ? "an object is not closed" : "an array is not closed");
		if (*sc->p == close) {
			sc->p++;
			break;
		}
		if (*sc->p != ',')
			return bad(sc, "an unexpected byte between elements");
		sc->p++;
	}
	sc->doc->v[me].len = count;
	return 0;
}

static int scan_value(scan *sc, int depth, size_t *idx)
{
	if (sc->p >= sc->end)
		return bad(sc, "the text ends where a value is expected");
	char c = *sc->p;
	size_t me;
	switch (c) {
	case '[':
	case '{':
		if (depth <= 0)
			return bad(sc, "nested too deep");
		me = new_node(sc->doc, c == '[' ? RJ_ARR : RJ_OBJ);
		*idx = me;
		return scan_list(sc, depth, me, c == '{');
	case '"': {
		size_t off, len;
		me = new_node(sc->doc, RJ_STR);
		*idx = me;
		if (scan_string(sc, &off, &len))
			return -1;
		sc->doc->v[me].s = sc->doc->strs + off;
		sc->doc->v[me].len = len;
		return 0;
	}
	case 'n':
	case 't':
		if (sc->end - sc->p < 4 || memcmp(sc->p, c == 'n' ? "null" : "true", 4))
			return bad(sc, "an unexpected word");
		sc->p += 4;
		*idx = new_node(sc->doc, c == 'n' ? RJ_NULL : RJ_TRUE);
		return 0;
	default:
		if (c != '-' && (c < '0' || c > '9'))
			return bad(sc, "an unexpected byte where a value is expected");
		me = new_node(sc->doc, RJ_INT);
		*idx = me;
		return scan_int(sc, &sc->doc->v[me].i);
	}
}

int rjson_parse(rjson *doc, const char *text, size_t len, int depth, const char *what,
		char *err)
{
	memset(doc, 0, sizeof *doc);
	scan sc = { doc, text, text + len, what, err };
	if (len > RECORD_MAX_TEXT)
		return bad(&sc, "longer than a record may be");
	if (len == 0)
		return bad(&sc, "empty");
	/* the decoded strings are never longer than their escaped text */
	doc->strs = xmalloc(len + 1);
	new_node(doc, RJ_NULL);   /* index 0: none */
	size_t top;
	if (scan_value(&sc, depth, &top))
		return -1;
	if (sc.p != sc.end)
		return bad(&sc, "bytes after the value");
	return 0;
}

void rjson_free(rjson *doc)
{
	free(doc->v);
	free(doc->strs);
	memset(doc, 0, sizeof *doc);
}

const rjnode *rjson_at(const rjson *doc, const rjnode *a, size_t i)
{
	if (!a || (a->type != RJ_ARR && a->type != RJ_OBJ) || i >= a->len)
		return NULL;
	size_t k = a->kid;
	while (i-- > 0)
		k = doc->v[k].next;
	return &doc->v[k];
}

void rjson_put_str(strbuf *sb, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	sb_addc(sb, '"');
	const char *run = s;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		const char *esc = NULL;
		char u[7];
		if (c == '"')
			esc = "\\\"";
		else if (c == '\\')
			esc = "\\\\";
		else if (c < 0x20) {
			switch (c) {
			case '\b': esc = "\\b"; break;
			case '\f': esc = "\\f"; break;
			case '\n': esc = "\\n"; break;
			case '\r': esc = "\\r"; break;
			case '\t': esc = "\\t"; break;
			default:
				memcpy(u, "\\u00", 4);
				u[4] = hex[c >> 4];
				u[5] = hex[c & 15];
				u[6] = '\0';
				esc = u;
			}
		}
		if (esc) {
			sb_add(sb, run, (size_t)(s - run));
			sb_adds(sb, esc);
			run = s + 1;
		}
	}
	sb_add(sb, run, (size_t)(s - run));
	sb_addc(sb, '"');
}
