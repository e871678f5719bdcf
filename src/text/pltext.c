/* pltext.c — see pltext.h. */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text/pltext.h"

/* Month names as they stand in a date: in Polish the genitive ("13 września"). */
static const char *month_in_date(int m)
{
	switch (m) {
	case 1: return C_("in a date", "January");
	case 2: return C_("in a date", "February");
	case 3: return C_("in a date", "March");
	case 4: return C_("in a date", "April");
	case 5: return C_("in a date", "May");
	case 6: return C_("in a date", "June");
	case 7: return C_("in a date", "July");
	case 8: return C_("in a date", "August");
	case 9: return C_("in a date", "September");
	case 10: return C_("in a date", "October");
	case 11: return C_("in a date", "November");
	case 12: return C_("in a date", "December");
	}
	return "?";
}

static int parse_date(const char *s, int *y, int *m, int *d)
{
	return s && sscanf(s, "%4d-%2d-%2d", y, m, d) == 3 && *m >= 1 && *m <= 12 && *d >= 1 &&
	       *d <= 31;
}

static char *dup_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *dup_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	return s;
}

char *pl_when(const char *iso, time_t now)
{
	int y, mo, d, h = 0, mi = 0, sec = 0;
	if (!parse_date(iso, &y, &mo, &d))
		return strdup(iso ? iso : "");
	bool has_time = strlen(iso) >= 19 && sscanf(iso + 11, "%2d:%2d:%2d", &h, &mi, &sec) == 3;
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
	                 .tm_hour = h, .tm_min = mi, .tm_sec = sec };
	time_t t = timegm(&tm);
	struct tm lt, ln;
	localtime_r(&t, &lt);
	localtime_r(&now, &ln);
	/* Whole calendar days between the two local dates. */
	struct tm a = { .tm_year = lt.tm_year, .tm_mon = lt.tm_mon, .tm_mday = lt.tm_mday, .tm_hour = 12 };
	struct tm b = { .tm_year = ln.tm_year, .tm_mon = ln.tm_mon, .tm_mday = ln.tm_mday, .tm_hour = 12 };
	long days = (long)((timegm(&b) - timegm(&a)) / 86400);
	if (has_time && days == 0)
		/* TRANSLATORS: a time today, e.g. "today, 14:05" */
		return dup_printf(_("today, %02d:%02d"), lt.tm_hour, lt.tm_min);
	if (has_time && days == 1)
		return dup_printf(_("yesterday, %02d:%02d"), lt.tm_hour, lt.tm_min);
	if (has_time && days > 1 && days < 7)
		return dup_printf(ngettext("%ld day ago", "%ld days ago", (unsigned long)days), days);
	if (lt.tm_year == ln.tm_year && days >= 0)
		/* TRANSLATORS: day and month, e.g. "13 September"; %s is the month in a date */
		return dup_printf(_("%d %s"), lt.tm_mday, month_in_date(lt.tm_mon + 1));
	/* TRANSLATORS: day, month, year, e.g. "13 September 2022" */
	return dup_printf(_("%d %s %d"), lt.tm_mday, month_in_date(lt.tm_mon + 1), lt.tm_year + 1900);
}

char *pl_date_range(const char *start, const char *end)
{
	int y1, m1, d1, y2, m2, d2;
	if (!parse_date(start, &y1, &m1, &d1))
		return strdup(start ? start : "");
	if (!end || !parse_date(end, &y2, &m2, &d2) || (y1 == y2 && m1 == m2 && d1 == d2))
		return dup_printf(_("%d %s %d"), d1, month_in_date(m1), y1);
	if (y1 == y2 && m1 == m2)
		/* TRANSLATORS: a range of days in one month, e.g. "13–14 September 2022" */
		return dup_printf(_("%d–%d %s %d"), d1, d2, month_in_date(m1), y1);
	if (y1 == y2)
		/* TRANSLATORS: e.g. "30 September – 2 October 2022" */
		return dup_printf(_("%d %s – %d %s %d"), d1, month_in_date(m1), d2, month_in_date(m2), y1);
	return dup_printf(_("%d %s %d – %d %s %d"), d1, month_in_date(m1), y1, d2, month_in_date(m2), y2);
}

/* ---- date phrases of the bundled data ------------------------------------------ */

/* Polish month names in both forms the phrases use, and the seasons. */
static const char *const pl_month_gen[12] = {
	"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
	"września", "października", "listopada", "grudnia",
};
static const char *const pl_month_nom[12] = {
	"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień",
	"wrzesień", "październik", "listopad", "grudzień",
};
static const char *const pl_season[4] = { "wiosna", "lato", "jesień", "zima" };

/* A month standing alone ("May 2022", "March, year not known"): in Polish the
 * nominative ("maj 2022"). */
static const char *month_alone(int m)
{
	switch (m) {
	case 1: return C_("month alone", "January");
	case 2: return C_("month alone", "February");
	case 3: return C_("month alone", "March");
	case 4: return C_("month alone", "April");
	case 5: return C_("month alone", "May");
	case 6: return C_("month alone", "June");
	case 7: return C_("month alone", "July");
	case 8: return C_("month alone", "August");
	case 9: return C_("month alone", "September");
	case 10: return C_("month alone", "October");
	case 11: return C_("month alone", "November");
	case 12: return C_("month alone", "December");
	}
	return "?";
}

static const char *season(int i)
{
	switch (i) {
	case 0: return _("spring");
	case 1: return _("summer");
	case 2: return _("autumn");
	}
	return _("winter");
}

static int word_index(const char *const *words, int n, const char *w, size_t len)
{
	for (int i = 0; i < n; i++)
		if (strlen(words[i]) == len && memcmp(words[i], w, len) == 0)
			return i;
	return -1;
}

/* A day number of one or two digits at *p, without a leading zero (which could not be
 * written back as it was); advances *p. */
static bool take_day(const char **p, int *day)
{
	const char *s = *p;
	if (s[0] < '1' || s[0] > '9')
		return false;
	int v = s[0] - '0', n = 1;
	if (s[1] >= '0' && s[1] <= '9')
		v = v * 10 + (s[1] - '0'), n = 2;
	if (v < 1 || v > 31)
		return false;
	*day = v;
	*p = s + n;
	return true;
}

static bool take(const char **p, const char *lit)
{
	size_t n = strlen(lit);
	if (strncmp(*p, lit, n) != 0)
		return false;
	*p += n;
	return true;
}

static size_t word_len(const char *s)
{
	size_t n = 0;
	while (s[n] && s[n] != ' ' && s[n] != ',')
		n++;
	return n;
}

char *date_phrase(const char *pl)
{
	if (!pl)
		return strdup("");
	if (strcmp(pl, "brak daty") == 0)
		return strdup(_("date not known"));
	const char *p = pl;
	int d1 = 0, d2 = 0, month = -1, seas = -1, year = 0;
	char joint = 0; /* '-' a range of days, '&' two days */
	if (take_day(&p, &d1)) {
		if (take(&p, "–")) {
			if (!take_day(&p, &d2))
				goto as_is;
			joint = '-';
		} else if (take(&p, " i ")) {
			if (!take_day(&p, &d2))
				goto as_is;
			joint = '&';
		}
		if (!take(&p, " "))
			goto as_is;
		size_t n = word_len(p);
		if ((month = word_index(pl_month_gen, 12, p, n)) < 0)
			goto as_is;
		p += n;
	} else {
		size_t n = word_len(p);
		if ((month = word_index(pl_month_nom, 12, p, n)) < 0 &&
		    (seas = word_index(pl_season, 4, p, n)) < 0)
			goto as_is;
		p += n;
	}
	bool year_unknown = false;
	if (take(&p, " ")) {
		if (sscanf(p, "%4d", &year) != 1 || year < 1900 || strlen(p) != 4)
			goto as_is;
		p += 4;
	} else if (take(&p, ", rok nieznany")) {
		year_unknown = true;
	}
	if (*p)
		goto as_is;

	char *base;
	if (seas >= 0)
		base = strdup(season(seas));
	else if (!d1)
		base = strdup(month_alone(month + 1));
	else if (joint == '-')
		/* TRANSLATORS: a range of days in a month without the year, e.g. "7–8 September" */
		base = dup_printf(_("%d–%d %s"), d1, d2, month_in_date(month + 1));
	else if (joint == '&')
		/* TRANSLATORS: two days of a month, e.g. "8 and 10 May" */
		base = dup_printf(_("%d and %d %s"), d1, d2, month_in_date(month + 1));
	else
		base = dup_printf(_("%d %s"), d1, month_in_date(month + 1));
	if (!base || (!year && !year_unknown))
		return base;
	char *out = year_unknown
	                    /* TRANSLATORS: a date whose year the sources do not give,
	                     * e.g. "7–8 September, year not known" */
	                    ? dup_printf(_("%s, year not known"), base)
	                    /* TRANSLATORS: a day, month or season and its year, e.g. "May 2022" */
	                    : dup_printf(C_("date and year", "%s %d"), base, year);
	free(base);
	return out;
as_is:
	return strdup(pl);
}
