/* report.c — see report.h. Each section is one SQL query over one network and period;
 * the writers know nothing of what a section holds beyond its fields. */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_priv.h"
#include "core/directory.h"
#include "core/feedback.h"
#include "core/report.h"
#include "core/uptake.h"
#include "i18n.h"
#include "text/csv.h"
#include "text/pltext.h"
#include "text/safe.h"


/* ---- the sections ---- */

/* Run sql (?1 network id, ?2 from, ?3 to) and keep its rows: columns id, date, title,
 * town, from, status, count (NULL where a section has none), and the date as the sources
 * give it when the date column only orders (a meeting without a sourced day): NULL
 * otherwise. A report is read by people: an ordering date is never shown as a day. */
static status fill_rows(db *d, const char *sql, int64_t network_id, const char *from,
                        const char *to, report_section *out, error *e)
{
	sqlite3_stmt *st = db_stmt(d, sql, e);
	if (!st)
		return err_code(e);
	sqlite3_bind_int64(st, 1, network_id);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	size_t cap = 0, limit = out->def->cap;
	status s = ST_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->total++;
		if (limit && out->n >= limit)
			continue;
		if (db_grow((void **)&out->rows, &cap, out->n, sizeof *out->rows)) {
			s = err_oom(e);
			break;
		}
		report_row *r = &out->rows[out->n++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		char **cols[] = { &r->date, &r->title, &r->town, &r->from, &r->status };
		for (int i = 0; i < 5; i++)
			if (!(*cols[i] = db_col_dup(st, i + 1))) {
				s = err_oom(e);
				break;
			}
		r->count = sqlite3_column_int64(st, 6);
		if (s == ST_OK && sqlite3_column_type(st, 7) != SQLITE_NULL) {
			const char *words = (const char *)sqlite3_column_text(st, 7);
			free(r->date);
			r->date = words && *words ? date_phrase(words) : strdup(_("date not known"));
			if (!r->date)
				s = err_oom(e);
		}
		if (s != ST_OK)
			break;
	}
	if (s == ST_OK && rc != SQLITE_DONE)
		s = db_fail(d, rc, e, _("Reading the report"));
	sqlite3_reset(st);
	return s;
}

/* A meeting's date as its sources give it ("7–8 września, rok nieznany"), when its
 * date_start only orders the list (data/README.md: date_basis); NULL for a real day. */
#define ORDERING_ONLY(g) \
	"CASE WHEN " g ".date_basis NOT IN ('source', 'entered') THEN " g ".date_text END"

/* Meetings held in the period, with how many towns attended. */
static status fill_meetings(db *d, const account *a, int64_t network_id, const char *from,
                            const char *to, report_section *out, error *e)
{
	(void)a;
	static const char sql[] =
		"SELECT g.id, substr(g.date_start, 1, 10), g.title,"
		"       COALESCE(c.name, g.host_place, ''), NULL, NULL,"
		"       (SELECT count(*) FROM meeting_cities mc WHERE mc.meeting_id = g.id),"
		"       " ORDERING_ONLY("g")
		"  FROM meetings g LEFT JOIN cities c ON c.id = g.host_city_id"
		" WHERE g.network_id = ?1 AND substr(g.date_start, 1, 10) BETWEEN ?2 AND ?3"
		" ORDER BY g.date_start, g.id";
	return fill_rows(d, sql, network_id, from, to, out, e);
}

/* Practices shown at the network's meetings in the period (one row per showing). */
static status fill_shown(db *d, const account *a, int64_t network_id, const char *from,
                         const char *to, report_section *out, error *e)
{
	(void)a;
	static const char sql[] =
		"SELECT p.id, substr(g.date_start, 1, 10), p.title, c.name, NULL, NULL, NULL,"
		"       " ORDERING_ONLY("g")
		"  FROM practice_meetings pm JOIN meetings g ON g.id = pm.meeting_id"
		"  JOIN practices p ON p.id = pm.practice_id JOIN cities c ON c.id = p.city_id"
		" WHERE g.network_id = ?1 AND substr(g.date_start, 1, 10) BETWEEN ?2 AND ?3"
		" ORDER BY g.date_start, g.id, c.name COLLATE PL, p.title COLLATE PL";
	return fill_rows(d, sql, network_id, from, to, out, e);
}

/* Practices of the network that a town started taking up in the period, with how far
 * it got by now. */
static status fill_uptakes(db *d, const account *a, int64_t network_id, const char *from,
                           const char *to, report_section *out, error *e)
{
	(void)a;
	static const char sql[] =
		"SELECT p.id, substr(u.started_at, 1, 10), p.title, c.name, pc.name, u.status, NULL, NULL"
		"  FROM uptakes u JOIN practices p ON p.id = u.practice_id"
		"  JOIN cities c ON c.id = u.city_id JOIN cities pc ON pc.id = p.city_id"
		" WHERE EXISTS (SELECT 1 FROM practice_networks pn WHERE pn.practice_id = p.id"
		"               AND pn.network_id = ?1)"
		"   AND substr(u.started_at, 1, 10) BETWEEN ?2 AND ?3"
		" ORDER BY u.started_at, p.title COLLATE PL, c.name COLLATE PL";
	return fill_rows(d, sql, network_id, from, to, out, e);
}

/* Threads with the most posts (not hidden) written in the period. */
static status fill_threads(db *d, const account *a, int64_t network_id, const char *from,
                           const char *to, report_section *out, error *e)
{
	(void)a;
	static const char sql[] =
		"SELECT x.id, substr(x.last, 1, 10), x.title, NULL, NULL, NULL, x.n,"
		"       (SELECT " ORDERING_ONLY("g") " FROM meetings g WHERE g.id = x.meeting_id"
		"          AND x.last = COALESCE(NULLIF(g.date_end, ''), g.date_start) || 'T00:00:00Z')"
		"  FROM (SELECT t.id, t.title, t.meeting_id, max(p.created_at) AS last, count(*) AS n"
		"          FROM threads t JOIN posts p ON p.thread_id = t.id"
		"         WHERE t.network_id = ?1 AND p.hidden = 0"
		"           AND substr(p.created_at, 1, 10) BETWEEN ?2 AND ?3"
		"         GROUP BY t.id) x"
		" ORDER BY x.n DESC, x.last DESC, x.id";
	return fill_rows(d, sql, network_id, from, to, out, e);
}

/* Feedback requests asked in the period (feedback.h): each with its asking town, whether
 * an answer closed it and whose, and how many answers it had; the section's line gives
 * the medians of feedback_stats over the same requests. */
static status fill_feedback(db *d, const account *a, int64_t network_id, const char *from,
                            const char *to, report_section *out, error *e)
{
	feedback_list l = { 0 };
	feedback_filter f = { 0 };
	status s = feedback_list_get(d, a, &f, &l, e);
	int number = 0;
	size_t cap = 0;
	for (size_t i = 0; s == ST_OK && i < l.n; i++) {
		const feedback_request *q = &l.items[i];
		char day[11];
		snprintf(day, sizeof day, "%.10s", q->created_at);
		if (q->network_id != network_id || strcmp(day, from) < 0 || strcmp(day, to) > 0)
			continue;
		number = q->network_number;
		out->total++;
		if (db_grow((void **)&out->rows, &cap, out->n, sizeof *out->rows)) {
			s = err_oom(e);
			break;
		}
		report_row *r = &out->rows[out->n++];
		memset(r, 0, sizeof *r);
		r->id = q->thread_id;
		r->count = q->answers;
		r->date = strdup(day);
		r->title = strdup(q->title);
		r->town = strdup(q->city);
		r->from = strdup(q->helper);
		r->status = strdup(q->accepted_post ? "closed" : "open");
		if (!r->date || !r->title || !r->town || !r->from || !r->status)
			s = err_oom(e);
	}
	feedback_list_free(&l);
	if (s != ST_OK || !out->total)
		return s;
	feedback_figures fig;
	s = feedback_stats(d, a, number, *from ? from : NULL, strcmp(to, "9999-12-31") ? to : NULL,
	                   &fig, e);
	if (s != ST_OK)
		return s;
	char first[64], accept[64], line[256];
	feedback_duration(fig.median_first_s, first, sizeof first);
	feedback_duration(fig.median_accept_s, accept, sizeof accept);
	snprintf(line, sizeof line,
	         ngettext("%lld open; median time to the first answer %s, to the one that helped %s",
	                  "%lld open; median time to the first answer %s, to the one that helped %s",
	                  (unsigned long)fig.open),
	         (long long)fig.open, fig.median_first_s < 0 ? _("none yet") : first,
	         fig.median_accept_s < 0 ? _("none yet") : accept);
	out->summary = strdup(line);
	return out->summary ? ST_OK : err_oom(e);
}

/* The report's sections, in order. A new section (feedback requests, say) is one more
 * row here and a fill function. */
static const report_section_def sections[] = {
	{ "meetings", N_("Meetings"), RF_DATE | RF_TITLE | RF_TOWN | RF_COUNT, 0, fill_meetings },
	{ "practices_shown", N_("Practices shown"), RF_DATE | RF_TITLE | RF_TOWN, 0, fill_shown },
	{ "practices_taken_up", N_("Practices taken up"),
	  RF_DATE | RF_TITLE | RF_TOWN | RF_FROM | RF_STATUS, 0, fill_uptakes },
	{ "active_threads", N_("Most active threads"), RF_DATE | RF_TITLE | RF_COUNT, 10,
	  fill_threads },
	{ "feedback_requests", N_("Feedback requests"),
	  RF_DATE | RF_TITLE | RF_TOWN | RF_STATUS | RF_HELPER | RF_COUNT | RF_ANSWERS, 0,
	  fill_feedback },
};

const report_section_def *report_sections(size_t *n)
{
	*n = sizeof sections / sizeof sections[0];
	return sections;
}

/* ---- building ---- */

bool report_date_valid(const char *s)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = atoi(s), m = atoi(s + 5), dd = atoi(s + 8);
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1 || m < 1 || m > 12 || dd < 1)
		return false;
	int max = days[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return dd <= max;
}

static void section_free(report_section *s)
{
	for (size_t i = 0; i < s->n; i++) {
		report_row *r = &s->rows[i];
		free(r->date), free(r->title), free(r->town), free(r->from), free(r->status);
	}
	free(s->rows);
	free(s->summary);
	memset(s, 0, sizeof *s);
}

void report_free(report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		report_network *n = &r->nets[i];
		for (size_t k = 0; k < n->n_sections; k++)
			section_free(&n->sections[k]);
		free(n->sections), free(n->code), free(n->theme);
	}
	free(r->nets);
	memset(r, 0, sizeof *r);
}

status report_build(db *d, const account *a, int number, const char *from, const char *to,
                    report *out, error *e)
{
	memset(out, 0, sizeof *out);
	if (from && *from && !report_date_valid(from))
		return err_set(e, ST_INVALID, _("--from: \"%s\" is not a date; write it as YYYY-MM-DD, "
		                                "e.g. 2024-01-31"), from);
	if (to && *to && !report_date_valid(to))
		return err_set(e, ST_INVALID, _("--to: \"%s\" is not a date; write it as YYYY-MM-DD, "
		                                "e.g. 2024-12-31"), to);
	if (from && *from && to && *to && strcmp(from, to) > 0)
		return err_set(e, ST_INVALID, _("--from %s is after --to %s"), from, to);
	snprintf(out->from, sizeof out->from, "%s", from ? from : "");
	snprintf(out->to, sizeof out->to, "%s", to ? to : "");
	const char *lo = out->from, *hi = *out->to ? out->to : "9999-12-31";
	network_list nl = { 0 };
	status s;
	if (number) {
		network one;
		if ((s = directory_network(d, a, number, &one, e)) != ST_OK)
			return s;
		if (!(nl.items = malloc(sizeof *nl.items))) {
			network_clear(&one);
			return err_oom(e);
		}
		nl.items[0] = one;
		nl.n = 1;
	} else if ((s = directory_networks(d, a, &nl, e)) != ST_OK) {
		return s;
	}
	size_t ns;
	const report_section_def *defs = report_sections(&ns);
	if (!(out->nets = calloc(nl.n ? nl.n : 1, sizeof *out->nets))) {
		network_list_free(&nl);
		return err_oom(e);
	}
	for (size_t i = 0; s == ST_OK && i < nl.n; i++) {
		report_network *rn = &out->nets[out->n++];
		rn->id = nl.items[i].id;
		rn->number = nl.items[i].number;
		rn->code = strdup(nl.items[i].code ? nl.items[i].code : "");
		rn->theme = strdup(nl.items[i].theme ? nl.items[i].theme : "");
		rn->sections = calloc(ns, sizeof *rn->sections);
		if (!rn->code || !rn->theme || !rn->sections) {
			s = err_oom(e);
			break;
		}
		for (size_t k = 0; s == ST_OK && k < ns; k++) {
			rn->sections[k].def = &defs[k];
			rn->n_sections++;
			s = defs[k].fill(d, a, rn->id, lo, hi, &rn->sections[k], e);
		}
	}
	network_list_free(&nl);
	if (s != ST_OK)
		report_free(out);
	return s;
}

/* ---- writing ---- */

/* Each name at its format's place: the order of the rows changes nothing. */
const char *const report_formats[REPORT_N_FORMATS + 1] = {
	[REPORT_TEXT] = "text",
	[REPORT_CSV] = "csv",
	[REPORT_JSON] = "json",
	[REPORT_N_FORMATS] = NULL,
};

int report_format_parse(const char *s)
{
	if (!s)
		return REPORT_TEXT;
	for (int f = 0; f < REPORT_N_FORMATS; f++)
		if (report_formats[f] && strcmp(s, report_formats[f]) == 0)
			return f;
	return -1;
}

const char *report_status_label(const char *key)
{
	if (key && strcmp(key, "open") == 0) /* a feedback request's */
		return _("open");
	if (key && strcmp(key, "closed") == 0)
		return _("closed");
	int k = uptake_status_parse(key);
	return k < 0 ? (key ? key : "") : uptake_status_label((uptake_status)k);
}

/* Append to buf (of size n, holding *o bytes) as snprintf would, never past its end. */
static void add(char *buf, size_t n, size_t *o, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void add(char *buf, size_t n, size_t *o, const char *fmt, ...)
{
	if (*o >= n)
		return;
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(buf + *o, n - *o, fmt, ap);
	va_end(ap);
	*o = k < 0 ? n : *o + (size_t)k;
}

void report_row_text(const report_section *s, const report_row *w, char *buf, size_t n)
{
	unsigned fl = s->def->fields;
	size_t o = 0;
	buf[0] = '\0';
	add(buf, n, &o, "%s  %s", w->date, w->title);
	if ((fl & RF_FROM) && (fl & RF_TOWN))
		add(buf, n, &o, _(" (%s) – taken up by %s"), w->from, w->town);
	else if ((fl & RF_TOWN) && *w->town)
		add(buf, n, &o, " – %s", w->town);
	if (fl & RF_STATUS)
		add(buf, n, &o, ": %s", report_status_label(w->status));
	if ((fl & RF_HELPER) && *w->from)
		add(buf, n, &o, _(", helped: %s"), w->from);
	if (fl & RF_ANSWERS)
		add(buf, n, &o, ngettext(" (%lld answer)", " (%lld answers)", (unsigned long)w->count),
		    (long long)w->count);
	else if ((fl & RF_COUNT) && (fl & RF_TOWN))
		add(buf, n, &o, ngettext(" (%lld town)", " (%lld towns)", (unsigned long)w->count),
		    (long long)w->count);
	else if (fl & RF_COUNT)
		add(buf, n, &o, ngettext(" (%lld post)", " (%lld posts)", (unsigned long)w->count),
		    (long long)w->count);
}

static int write_text(const report *r, FILE *f)
{
	int err = 0;
	if (*r->from && *r->to)
		err |= safe_fprintf(f, _("Report for %s – %s\n"), r->from, r->to) < 0;
	else if (*r->from)
		err |= safe_fprintf(f, _("Report from %s\n"), r->from) < 0;
	else if (*r->to)
		err |= safe_fprintf(f, _("Report up to %s\n"), r->to) < 0;
	else
		err |= safe_fprintf(f, _("Report for the whole time recorded\n")) < 0;
	for (size_t i = 0; i < r->n; i++) {
		const report_network *n = &r->nets[i];
		err |= safe_fprintf(f, _("\nNetwork %d %s – %s\n"), n->number, n->code, n->theme) < 0;
		for (size_t k = 0; k < n->n_sections; k++) {
			const report_section *s = &n->sections[k];
			if (s->n < s->total)
				err |= safe_fprintf(f, ngettext("  %s (%zu, the first %zu shown):\n",
				                                "  %s (%zu, the first %zu shown):\n",
				                                (unsigned long)s->n),
				                    _(s->def->title), s->total, s->n) < 0;
			else
				err |= safe_fprintf(f, "  %s (%zu):\n", _(s->def->title), s->total) < 0;
			if (!s->total)
				err |= safe_fprintf(f, "    %s\n", _("none in this period")) < 0;
			if (s->summary)
				err |= safe_fprintf(f, "    %s\n", s->summary) < 0;
			for (size_t j = 0; j < s->n; j++) {
				char line[2048];
				report_row_text(s, &s->rows[j], line, sizeof line);
				err |= safe_fprintf(f, "    %s\n", line) < 0;
			}
		}
	}
	return err ? -1 : 0;
}

/* A cell for CSV or JSON: UTF-8, with anything a terminal or a log would run turned
 * harmless (safe.c); newly allocated. */
static char *cell(const char *s)
{
	return safe_utf8(s ? s : "", (size_t)-1, SAFE_MULTILINE | SAFE_TABS);
}

static int write_csv(const report *r, FILE *f)
{
	static const char *const head[] = { "network", "section", "id", "date", "title", "town",
	                                    "from", "status", "count" };
	int err = csv_write_row(f, head, 9, ',', CSV_CRLF) < 0;
	for (size_t i = 0; !err && i < r->n; i++) {
		const report_network *n = &r->nets[i];
		for (size_t k = 0; !err && k < n->n_sections; k++) {
			const report_section *s = &n->sections[k];
			unsigned fl = s->def->fields;
			for (size_t j = 0; !err && j < s->n; j++) {
				const report_row *w = &s->rows[j];
				char num[24], id[24], cnt[24];
				snprintf(num, sizeof num, "%d", n->number);
				snprintf(id, sizeof id, "%" PRId64, w->id);
				snprintf(cnt, sizeof cnt, "%" PRId64, w->count);
				char *c[] = { cell(w->date), cell(w->title), cell(w->town), cell(w->from),
				              cell(w->status) };
				const char *row[] = { num, s->def->key, id, c[0], c[1], c[2], c[3], c[4],
				                      (fl & RF_COUNT) ? cnt : "" };
				for (int q = 0; q < 5; q++)
					if (!c[q])
						err = 1;
				if (!err)
					err = csv_write_row(f, row, 9, ',', CSV_CRLF | CSV_GUARD) < 0;
				for (int q = 0; q < 5; q++)
					free(c[q]);
			}
		}
	}
	return err ? -1 : 0;
}

/* A JSON string: quotes, backslashes and control characters escaped; the text is UTF-8
 * already (checked on the way in) and made harmless by cell(). */
static int json_str(FILE *f, const char *s)
{
	char *v = cell(s);
	if (!v)
		return -1;
	int err = fputc('"', f) == EOF;
	for (const unsigned char *p = (const unsigned char *)v; !err && *p; p++) {
		if (*p == '"' || *p == '\\')
			err = fprintf(f, "\\%c", *p) < 0;
		else if (*p == '\n')
			err = fputs("\\n", f) == EOF;
		else if (*p < 0x20 || *p == 0x7f)
			err = fprintf(f, "\\u%04x", *p) < 0;
		else
			err = fputc(*p, f) == EOF;
	}
	free(v);
	return err || fputc('"', f) == EOF ? -1 : 0;
}

static int write_json(const report *r, FILE *f)
{
	int err = fputs("{\"from\":", f) == EOF;
	err |= *r->from ? json_str(f, r->from) : fputs("null", f) == EOF;
	err |= fputs(",\"to\":", f) == EOF;
	err |= *r->to ? json_str(f, r->to) : fputs("null", f) == EOF;
	err |= fputs(",\"networks\":[", f) == EOF;
	for (size_t i = 0; !err && i < r->n; i++) {
		const report_network *n = &r->nets[i];
		err |= fprintf(f, "%s{\"number\":%d,\"code\":", i ? "," : "", n->number) < 0;
		err |= json_str(f, n->code);
		err |= fputs(",\"theme\":", f) == EOF;
		err |= json_str(f, n->theme);
		err |= fputs(",\"sections\":{", f) == EOF;
		for (size_t k = 0; !err && k < n->n_sections; k++) {
			const report_section *s = &n->sections[k];
			unsigned fl = s->def->fields;
			err |= fprintf(f, "%s\"%s\":{\"total\":%zu,\"items\":[", k ? "," : "", s->def->key,
			               s->total) < 0;
			for (size_t j = 0; !err && j < s->n; j++) {
				const report_row *w = &s->rows[j];
				err |= fprintf(f, "%s{\"id\":%" PRId64, j ? "," : "", w->id) < 0;
				const struct { unsigned bit; const char *name, *v; } tx[] = {
					{ RF_DATE, "date", w->date },   { RF_TITLE, "title", w->title },
					{ RF_TOWN, "town", w->town },   { RF_FROM | RF_HELPER, "from", w->from },
					{ RF_STATUS, "status", w->status },
				};
				for (size_t q = 0; q < sizeof tx / sizeof tx[0]; q++)
					if (fl & tx[q].bit) {
						err |= fprintf(f, ",\"%s\":", tx[q].name) < 0;
						err |= json_str(f, tx[q].v);
					}
				if (fl & RF_COUNT)
					err |= fprintf(f, ",\"count\":%" PRId64, w->count) < 0;
				err |= fputc('}', f) == EOF;
			}
			err |= fputs("]", f) == EOF;
			if (s->summary) {
				err |= fputs(",\"summary\":", f) == EOF;
				err |= json_str(f, s->summary);
			}
			err |= fputc('}', f) == EOF;
		}
		err |= fputs("}}", f) == EOF;
	}
	err |= fputs("]}\n", f) == EOF;
	return err ? -1 : 0;
}

status report_write(const report *r, report_format fmt, FILE *f, error *e)
{
	int rc = fmt == REPORT_CSV ? write_csv(r, f) : fmt == REPORT_JSON ? write_json(r, f)
	                                                                   : write_text(r, f);
	if (rc == 0 && fflush(f) == 0)
		return ST_OK;
	return err_set(e, ST_IO, _("Writing the report failed"));
}
