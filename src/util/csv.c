/* csv.c: the RFC 4180 scanner both CSV readers share (util/csv.h). */
#include "util/csv.h"

char csv_sniff(const char *p, const char *end, int skip_bare)
{
	int commas = 0, semis = 0, quoted = 0;
	for (; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (*p == ',')
			commas++;
		else if (*p == ';')
			semis++;
		else if ((*p == '\n' || *p == '\r') && (!skip_bare || commas + semis > 0))
			break;
	}
	return semis > commas ? ';' : ',';
}

static int at_field_end(const csv_scan *s, const char *q)
{
	return q == s->end || *q == s->sep || *q == '\n' || *q == '\r';
}

/* The quoted field at s->p (its opening quote): its text up to the closing quote. */
static int quoted(csv_scan *s, strbuf *field, size_t max, int *at)
{
	int qline = s->line;
	s->p++;
	for (;;) {
		const char *q = s->p;
		while (q < s->end && *q != '"') {
			if (*q == '\n' || (*q == '\r' && (q + 1 == s->end || q[1] != '\n')))
				s->line++;
			q++;
		}
		sb_add(field, s->p, (size_t)(q - s->p));
		*at = qline;
		if (field->len > max)
			return CSV_TOO_BIG;
		if (q == s->end)
			return CSV_UNCLOSED;
		s->p = q + 1;
		if (s->p < s->end && *s->p == '"') {
			sb_addc(field, '"');
			s->p++;
			continue;
		}
		return CSV_OK;
	}
}

int csv_scan_field(csv_scan *s, strbuf *field, int strict, size_t max, int *at)
{
	sb_reset(field);
	if (s->p < s->end && *s->p == '"') {
		int rc = quoted(s, field, max, at);
		if (rc)
			return rc;
		*at = s->line;
		if (strict && !at_field_end(s, s->p))
			return CSV_AFTER_QUOTE;
	}
	const char *q = s->p;
	while (!at_field_end(s, q)) {
		if (strict && *q == '"') {
			*at = s->line;
			return CSV_QUOTE_INSIDE;
		}
		q++;
	}
	sb_add(field, s->p, (size_t)(q - s->p));
	s->p = q;
	*at = s->line;
	return field->len > max ? CSV_TOO_BIG : CSV_OK;
}

int csv_scan_next(csv_scan *s)
{
	if (s->p < s->end && *s->p == s->sep) {
		s->p++;
		return 1;
	}
	if (s->p < s->end) {
		if (*s->p == '\r' && s->p + 1 < s->end && s->p[1] == '\n') {
			s->eol_kinds |= 2;
			s->p += 2;
		} else {
			s->eol_kinds |= *s->p == '\n' ? 1 : 4;
			s->p++;
		}
		s->line++;
	}
	return 0;
}
