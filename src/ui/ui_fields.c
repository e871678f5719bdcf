/* ui_fields.c — see ui_fields.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text/plfold.h"
#include "ui/ui_fields.h"

typedef struct {
	char *s;
	size_t len, cap;
} sbuf;

static bool put(sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *p = realloc(b->s, cap);
		if (!p)
			return false;
		b->s = p, b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return true;
}

static bool puts_(sbuf *b, const char *s)
{
	return put(b, s, strlen(s));
}

static int label_of(const ui_field_def *defs, size_t n, const char *line, size_t len,
                    const char **rest);

char *ui_fields_format(const ui_field_def *defs, size_t n, const char *const *values,
                       const char *comment)
{
	sbuf b = { 0 };
	bool ok = put(&b, "", 0);
	for (size_t i = 0; ok && i < n; i++) {
		const char *v = values[i] ? values[i] : "";
		ok = puts_(&b, defs[i].label) && puts_(&b, ":");
		if (!ok)
			break;
		if (defs[i].multiline) {
			/* Under the label, every line indented by two spaces: a stored line that
			 * begins with "#" or with a label ("Koszt: …") stays text. */
			ok = puts_(&b, "\n");
			for (const char *l = v; ok && *v;) {
				size_t len = strcspn(l, "\n");
				ok = (!len || puts_(&b, "  ")) && put(&b, l, len) && puts_(&b, "\n");
				if (!l[len])
					break;
				l += len + 1;
			}
			if (ok) /* a blank line after it: room to type, or a gap before the next */
				ok = puts_(&b, "\n");
		} else {
			ok = (!*v || (puts_(&b, " ") && puts_(&b, v))) && puts_(&b, "\n");
		}
	}
	/* The explanations last, as git does, so the fields are on the first screen. */
	if (ok && comment && *comment)
		ok = puts_(&b, "\n");
	for (const char *c = comment; ok && c && *c;) {
		size_t len = strcspn(c, "\n");
		ok = puts_(&b, "# ") && put(&b, c, len) && puts_(&b, "\n");
		c += len;
		if (*c == '\n')
			c++;
	}
	if (!ok) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

void ui_fields_free(char **values, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(values[i]);
		values[i] = NULL;
	}
}

/* Which field a line's label names ("Tytuł: …"), or -1; *rest gets what follows the
 * colon. */
static int label_of(const ui_field_def *defs, size_t n, const char *line, size_t len,
                    const char **rest)
{
	const char *colon = memchr(line, ':', len);
	if (!colon || colon == line || colon - line > 64)
		return -1;
	char *f = pl_fold(line, (size_t)(colon - line));
	if (!f)
		return -1;
	/* Trailing spaces before the colon do not count. */
	size_t fl = strlen(f);
	while (fl && f[fl - 1] == ' ')
		f[--fl] = '\0';
	int found = -1;
	for (size_t i = 0; i < n && found < 0; i++) {
		const char *names[] = { defs[i].label, defs[i].english };
		for (int k = 0; k < 2 && found < 0; k++) {
			if (!names[k])
				continue;
			char *g = pl_fold(names[k], strlen(names[k]));
			if (g && strcmp(f, g) == 0)
				found = (int)i;
			free(g);
		}
	}
	free(f);
	*rest = colon + 1;
	return found;
}

/* The value without trailing blanks, and without leading ones unless keep_indent (a
 * multi-line value's first line keeps its indent, so it cannot turn into a label or a
 * comment when the record is edited again). */
static char *trimmed(const char *s, size_t len, bool keep_indent)
{
	while (!keep_indent && len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
	               s[len - 1] == '\r'))
		len--;
	return strndup(s, len);
}

bool ui_fields_parse(const ui_field_def *defs, size_t n, const char *text, char **values,
                     int *lines, char *err, size_t errn)
{
	sbuf acc[UI_FIELDS_MAX] = { { 0 } };
	if (n > UI_FIELDS_MAX)
		n = UI_FIELDS_MAX;
	for (size_t i = 0; i < n; i++)
		values[i] = NULL, lines[i] = 0;
	int cur = -1, lineno = 0;
	bool ok = true;
	for (const char *p = text ? text : ""; ok && *p;) {
		size_t len = strcspn(p, "\n");
		const char *line = p;
		lineno++;
		p += len;
		if (*p == '\n')
			p++;
		while (len && line[len - 1] == '\r') /* CRs ending a line (CRLF) are not text */
			len--;
		if (len && line[0] == '#')
			continue;
		const char *rest = NULL;
		int f = label_of(defs, n, line, len, &rest);
		if (f >= 0) {
			if (lines[f]) {
				snprintf(err, errn, _("Line %d: the field \"%s\" is already on line %d"),
				         lineno, defs[f].label, lines[f]);
				ok = false;
				break;
			}
			lines[f] = lineno;
			cur = f;
			size_t rlen = len - (size_t)(rest - line);
			while (rlen && (*rest == ' ' || *rest == '\t'))
				rest++, rlen--;
			if (rlen)
				ok = put(&acc[f], rest, rlen) && put(&acc[f], "\n", 1);
			continue;
		}
		bool blank = true;
		for (size_t k = 0; k < len && blank; k++)
			blank = line[k] == ' ' || line[k] == '\t' || line[k] == '\r';
		if (cur < 0) {
			if (blank)
				continue;
			snprintf(err, errn, _("Line %d: text before the first field; begin with a "
			                      "label such as \"%s:\""), lineno, defs[0].label);
			ok = false;
			break;
		}
		/* A value goes on under its label; blank lines inside it are kept. The two
		 * spaces ui_fields_format() puts before each line of a long value go. */
		if (defs[cur].multiline)
			for (int k = 0; k < 2 && len && *line == ' '; k++)
				line++, len--;
		if (acc[cur].len || !blank)
			ok = put(&acc[cur], line, len) && put(&acc[cur], "\n", 1);
	}
	for (size_t i = 0; i < n; i++) {
		if (ok) {
			values[i] = trimmed(acc[i].s ? acc[i].s : "", acc[i].len, defs[i].multiline);
			if (!values[i]) {
				snprintf(err, errn, "%s", _("Out of memory"));
				ok = false;
			}
		}
		free(acc[i].s);
	}
	if (!ok)
		ui_fields_free(values, n);
	return ok;
}
