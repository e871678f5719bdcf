/* csv.c — RFC 4180 reader and writer.
 *
 * Records end at CRLF, LF or a lone CR outside quotes; quoted fields may hold any of
 * them, kept as they are. Empty lines between records are skipped (so the writer
 * quotes a lone empty field as ""). A field that closes its quotes and goes on
 * ("ab"cd) is read leniently as abcd, the way spreadsheets do. Errors are sticky:
 * once csv_next() has failed it keeps failing. */
#include "csv.h"
#include "safe.h"
#include "utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct csv_reader {
	const char *buf;
	size_t len, pos;
	char sep;
	unsigned long line;   /* physical line of buf[pos] */
	size_t line_start;    /* offset where that line begins */
	char *data;           /* the current record's fields, each NUL-terminated */
	size_t dlen, dcap;
	size_t *offs;         /* field start offsets into data */
	char **fields;
	size_t nf, fcap;
	const char *err;      /* NULL, or the untranslated key of the error */
	unsigned long eline, ecol;
};

static const char ERR_UNTERMINATED[] = "unterminated quoted field";
static const char ERR_STRAY[] = "stray quote in unquoted field";
static const char ERR_NOMEM[] = "out of memory";

/* Count ';' and ',' outside quotes in the first record; ';' wins only when it is
 * the more frequent (Polish Excel writes ';', the rest of the world ','). */
static char guess_sep(const char *s, size_t len)
{
	size_t i, semi = 0, comma = 0;
	bool inq = false;

	for (i = 0; i < len; i++) {
		char c = s[i];
		if (c == '"')
			inq = !inq;
		else if (inq)
			continue;
		else if (c == '\n' || c == '\r')
			break;
		else if (c == ';')
			semi++;
		else if (c == ',')
			comma++;
	}
	return semi > comma ? ';' : ',';
}

csv_reader *csv_reader_new(const char *buf, size_t len, char sep)
{
	csv_reader *r;

	if (sep == '"' || sep == '\r' || sep == '\n' || (!buf && len))
		return NULL;
	r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->buf = buf ? buf : "";
	r->len = len;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		r->pos = 3;
	r->line_start = r->pos;
	r->line = 1;
	r->sep = sep ? sep : guess_sep(r->buf + r->pos, len - r->pos);
	return r;
}

void csv_reader_free(csv_reader *r)
{
	if (!r)
		return;
	free(r->data);
	free(r->offs);
	free(r->fields);
	free(r);
}

const char *csv_reader_error(const csv_reader *r, unsigned long *line, unsigned long *col)
{
	if (line)
		*line = r->err ? r->eline : 0;
	if (col)
		*col = r->err ? r->ecol : 0;
	return r->err;
}

/* 1-based column in characters of offset p on the line starting at ls. */
static unsigned long column_of(const csv_reader *r, size_t ls, size_t p)
{
	unsigned long col = 1;

	for (; ls < p; ls++)
		if (((unsigned char)r->buf[ls] & 0xC0) != 0x80)
			col++;
	return col;
}

static int fail(csv_reader *r, const char *err, unsigned long line, unsigned long col)
{
	r->err = err;
	r->eline = line;
	r->ecol = col;
	return CSV_ERROR;
}

static bool put(csv_reader *r, char c)
{
	if (r->dlen == r->dcap) {
		size_t nc = r->dcap ? r->dcap * 2 : 256;
		char *np;
		if (nc < r->dcap || !(np = realloc(r->data, nc)))
			return false;
		r->data = np;
		r->dcap = nc;
	}
	r->data[r->dlen++] = c;
	return true;
}

/* End the current field: NUL-terminate it and remember where it started. */
static bool end_field(csv_reader *r, size_t start)
{
	if (!put(r, '\0'))
		return false;
	if (r->nf == r->fcap) {
		size_t nc = r->fcap ? r->fcap * 2 : 16;
		size_t *np;
		char **fp;
		if (nc < r->fcap || nc > SIZE_MAX / sizeof(char *))
			return false;
		if (!(np = realloc(r->offs, nc * sizeof *np)))
			return false;
		r->offs = np;
		if (!(fp = realloc(r->fields, nc * sizeof *fp)))
			return false;
		r->fields = fp;
		r->fcap = nc;
	}
	r->offs[r->nf++] = start;
	return true;
}

/* Step over a line break at pos (CRLF, LF or CR); true when there was one. */
static bool skip_newline(csv_reader *r)
{
	char c = r->buf[r->pos];

	if (c != '\n' && c != '\r')
		return false;
	r->pos++;
	if (c == '\r' && r->pos < r->len && r->buf[r->pos] == '\n')
		r->pos++;
	r->line++;
	r->line_start = r->pos;
	return true;
}

/* The inside of a quoted field; pos is just after the opening quote. */
static int read_quoted(csv_reader *r)
{
	unsigned long qline = r->line;
	size_t qls = r->line_start, qpos = r->pos - 1;

	for (;;) {
		char c;
		size_t from;

		if (r->pos >= r->len)
			return fail(r, ERR_UNTERMINATED, qline, column_of(r, qls, qpos));
		c = r->buf[r->pos];
		if (c == '"') {
			if (r->pos + 1 < r->len && r->buf[r->pos + 1] == '"') {
				if (!put(r, '"'))
					return fail(r, ERR_NOMEM, r->line, 0);
				r->pos += 2;
				continue;
			}
			r->pos++;
			return CSV_ROW;
		}
		from = r->pos;
		if (!skip_newline(r))
			r->pos++;
		for (; from < r->pos; from++) /* newlines inside quotes are kept verbatim */
			if (!put(r, r->buf[from]))
				return fail(r, ERR_NOMEM, r->line, 0);
	}
}

int csv_next(csv_reader *r, csv_row *row)
{
	unsigned long start_line;
	size_t i;

	if (r->err)
		return CSV_ERROR;
	while (r->pos < r->len && skip_newline(r))
		; /* blank lines */
	if (r->pos >= r->len)
		return CSV_EOF;
	start_line = r->line;
	r->dlen = 0;
	r->nf = 0;
	for (;;) {
		size_t start = r->dlen;

		if (r->buf[r->pos] == '"') {
			r->pos++;
			if (read_quoted(r) == CSV_ERROR)
				return CSV_ERROR;
		}
		while (r->pos < r->len) {
			char c = r->buf[r->pos];
			if (c == r->sep || c == '\r' || c == '\n')
				break;
			if (c == '"')
				return fail(r, ERR_STRAY, r->line, column_of(r, r->line_start, r->pos));
			if (!put(r, c))
				return fail(r, ERR_NOMEM, r->line, 0);
			r->pos++;
		}
		if (!end_field(r, start))
			return fail(r, ERR_NOMEM, r->line, 0);
		if (r->pos >= r->len)
			break;
		if (r->buf[r->pos] == r->sep) {
			r->pos++;
			if (r->pos < r->len)
				continue;
			if (!end_field(r, r->dlen)) /* "a,b," ends in an empty field */
				return fail(r, ERR_NOMEM, r->line, 0);
			break;
		}
		skip_newline(r);
		break;
	}
	/* data may have moved while growing: make the pointers only now */
	for (i = 0; i < r->nf; i++)
		r->fields[i] = r->data + r->offs[i];
	row->nfields = r->nf;
	row->fields = r->fields;
	row->line = start_line;
	return CSV_ROW;
}

static int is_formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* Full-width = + - @ (U+FF1D, U+FF0B, U+FF0D, U+FF20): some spreadsheets in East Asian
 * locales take them as the ASCII signs. */
static int is_wide_formula_start(uint32_t cp)
{
	return cp == 0xFF1D || cp == 0xFF0B || cp == 0xFF0D || cp == 0xFF20;
}

/* The cell is judged as it will be written, not as stored: an export in a code page
 * writes a character it lacks as safe_translit's ASCII (U+2212 minus as '-', U+21D2 as
 * "=>") and drops combining marks, and blanks before a sign are skipped, as spreadsheets
 * that trim spaces on import would. */
int csv_guarded(const char *s)
{
	if (!s)
		return 0;
	while (*s == '\'')
		s++;
	size_t len = strlen(s);
	while (len > 0) {
		if (is_formula_start(*s))
			return 1;
		if (*s == ' ') {
			s++, len--;
			continue;
		}
		if ((unsigned char)*s < 0x80)
			return 0;
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);
		if (cp == UTF8_INVALID || n == 0)
			return 0;
		if (is_wide_formula_start(cp))
			return 1;
		const char *t = safe_translit((wchar_t)cp);
		if (!t)
			return 0;
		if (*t && *t != ' ')
			return is_formula_start(*t);
		s += n, len -= n; /* vanishes or is a blank */
	}
	return 0;
}

void csv_unguard(char *s)
{
	if (s && s[0] == '\'' && csv_guarded(s + 1))
		memmove(s, s + 1, strlen(s));
}

static int write_field(FILE *f, const char *s, char sep, int guard)
{
	if (!s)
		s = "";
	const char *lead = guard && csv_guarded(s) ? "'" : "";
	if (!strchr(s, '"') && !strchr(s, '\r') && !strchr(s, '\n') && !(sep && strchr(s, sep)))
		return fputs(lead, f) == EOF || fputs(s, f) == EOF ? -1 : 0;
	if (putc('"', f) == EOF || fputs(lead, f) == EOF)
		return -1;
	for (; *s; s++) {
		if (*s == '"' && putc('"', f) == EOF)
			return -1;
		if (putc(*s, f) == EOF)
			return -1;
	}
	return putc('"', f) == EOF ? -1 : 0;
}

int csv_write_row(FILE *f, const char *const *fields, size_t n, char sep, int flags)
{
	size_t i;

	/* a record of one empty field would be a blank line, which readers skip */
	if (n == 1 && (!fields[0] || !fields[0][0])) {
		if (fputs("\"\"", f) == EOF)
			return -1;
	} else {
		for (i = 0; i < n; i++) {
			if (i > 0 && putc(sep, f) == EOF)
				return -1;
			if (write_field(f, fields[i], sep, flags & CSV_GUARD) < 0)
				return -1;
		}
	}
	return fputs(flags & CSV_CRLF ? "\r\n" : "\n", f) == EOF ? -1 : 0;
}

char *csv_to_crlf(const char *in, size_t len, size_t *outlen)
{
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += in[i] == '\n';
	char *out = malloc(len + lines + 1), *o = out;
	if (!out)
		return NULL;
	int quoted = 0;
	for (size_t i = 0; i < len; i++) {
		/* A doubled quote inside a quoted field toggles twice: the state stays right. */
		if (in[i] == '"')
			quoted = !quoted;
		else if (in[i] == '\n' && !quoted && (i == 0 || in[i - 1] != '\r'))
			*o++ = '\r';
		*o++ = in[i];
	}
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}
