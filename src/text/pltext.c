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
