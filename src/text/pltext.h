/* pltext.h — dates for people, in the interface language ("13–14 września 2022",
 * "wczoraj, 14:05", "2 dni temu"; English under an English locale). */
#ifndef EMPIRIE_TEXT_PLTEXT_H
#define EMPIRIE_TEXT_PLTEXT_H

#include <time.h>

/* When something happened, relative to now: "today, 14:05", "yesterday, 14:05",
 * "3 days ago" (within a week), "13 September" (this year), "13 September 2022".
 * iso is "YYYY-MM-DDTHH:MM:SSZ" (UTC) or "YYYY-MM-DD"; shown in local time. Returns a
 * newly allocated string (the input itself when it cannot be parsed). */
char *pl_when(const char *iso, time_t now);

/* A date or range of days from ISO dates (end may be "" or NULL): "17 May 2022",
 * "17–18 May 2022", "30 September – 2 October 2022". Newly allocated. */
char *pl_date_range(const char *start, const char *end);

/* A date phrase of the bundled data, written in Polish as the sources give it ("maj
 * 2022", "7–8 września, rok nieznany", "8 i 10 maja, rok nieznany", "wiosna 2022", "brak
 * daty"), in the interface language: read into days, month or season and year, and
 * written again through the catalogue, so Polish comes back as it was and English reads
 * "7–8 September, year not known". A phrase of any other shape is returned as it is
 * (data stands as the sources give it). Newly allocated; NULL only when out of memory. */
char *date_phrase(const char *pl);

#endif
