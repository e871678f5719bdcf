/* test_pltext.c — dates for people and the Polish plural rule (0–200). */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tap.h"
#include "text/pltext.h"

static void check(char *got, const char *want, const char *what)
{
	is_str(got, want, "%s", what);
	free(got);
}

/* The form Polish grammar needs for n: 0 "miasto", 1 "miasta", 2 "miast". */
static int polish_form(unsigned long n)
{
	if (n == 1)
		return 0;
	if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20))
		return 1;
	return 2;
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	setlocale(LC_ALL, "C.UTF-8");
	time_t now = 1780000000; /* 2026-05-28T20:26:40Z */
	check(pl_date_range("2022-05-17", "2022-05-18"), "17–18 May 2022", "range in one month");
	check(pl_date_range("2022-09-30", "2022-10-02"), "30 September – 2 October 2022", "across months");
	check(pl_date_range("2022-12-30", "2023-01-02"), "30 December 2022 – 2 January 2023", "across years");
	check(pl_date_range("2022-06-07", ""), "7 June 2022", "one day");
	check(pl_date_range("garbage", ""), "garbage", "unparsable stays as it is");
	/* The bundled data's date phrases (Polish, as the sources give them) in English. */
	check(date_phrase("brak daty"), "date not known", "no date");
	check(date_phrase("maj 2022"), "May 2022", "a month and year");
	check(date_phrase("wiosna 2022"), "spring 2022", "a season");
	check(date_phrase("7–8 września, rok nieznany"), "7–8 September, year not known",
	      "days without the year");
	check(date_phrase("8 i 10 maja, rok nieznany"), "8 and 10 May, year not known", "two days");
	check(date_phrase("marzec, rok nieznany"), "March, year not known", "a month, no year");
	check(date_phrase("13–14 września 2022"), "13–14 September 2022", "a whole date");
	check(date_phrase("6 marca 2024"), "6 March 2024", "one day");
	check(date_phrase("przełom lat 2022/2023"), "przełom lat 2022/2023", "another shape stays as it is");
	check(date_phrase("7 wrzesnia 2022"), "7 wrzesnia 2022", "an unknown month word stays as it is");
	check(date_phrase("7–8 września, rok"), "7–8 września, rok", "a cut phrase stays as it is");
	check(pl_when("2026-05-28T14:05:00Z", now), "today, 14:05", "today");
	check(pl_when("2026-05-27T09:00:00Z", now), "yesterday, 09:00", "yesterday");
	check(pl_when("2026-05-25T09:00:00Z", now), "3 days ago", "3 days ago");
	check(pl_when("2026-01-13T09:00:00Z", now), "13 January", "this year");
	check(pl_when("2022-09-13T00:00:00Z", now), "13 September 2022", "an earlier year");

	const char *dir = getenv("EMPIRIE_LOCALEDIR");
	if (!dir || !setlocale(LC_ALL, "pl_PL.UTF-8")) {
		printf("ok %d # SKIP pl_PL.UTF-8 locale or catalogue missing\n", ++tap_n);
		return tap_done();
	}
	bindtextdomain(PACKAGE, dir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	check(pl_date_range("2022-09-13", "2022-09-14"), "13–14 września 2022", "Polish range, genitive month");
	check(pl_date_range("2022-05-17", ""), "17 maja 2022", "Polish day");
	/* Polish comes back exactly as the sources wrote it. */
	static const char *phrases[] = {
		"brak daty", "maj 2022", "wiosna 2022", "7–8 września, rok nieznany",
		"8 i 10 maja, rok nieznany", "marzec, rok nieznany", "5–6 października, rok nieznany",
		"13–14 września 2022", "1–2 czerwca 2023", "6 marca 2024", "jesień 2023",
		"07 maja 2022", "7–08 maja, rok nieznany", "lato, rok nieznany", "zima 2023",
	};
	for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++)
		check(date_phrase(phrases[i]), phrases[i], "Polish phrase unchanged");
	check(pl_when("2026-05-27T09:00:00Z", now), "wczoraj, 09:00", "wczoraj");
	check(pl_when("2026-05-26T09:00:00Z", now), "2 dni temu", "2 dni temu");
	check(pl_when("2026-05-28T09:00:00Z", now), "dziś, 09:00", "dziś");
	/* The catalogue's plural rule gives the right form for every n from 0 to 200. */
	static const char *forms[3] = { "miasto", "miasta", "miast" };
	int bad = 0;
	for (unsigned long n = 0; n <= 200; n++) {
		char want[64], got[64];
		snprintf(want, sizeof want, "Towns (%lu %s):\n", n, forms[polish_form(n)]);
		(void)want;
		snprintf(got, sizeof got, ngettext("Towns (%zu town):\n", "Towns (%zu towns):\n", n), (size_t)n);
		char expect[64];
		snprintf(expect, sizeof expect, "Miasta (%lu %s):\n", n, forms[polish_form(n)]);
		if (strcmp(got, expect) != 0) {
			if (bad++ < 5)
				diag("n=%lu: got %s", n, got);
		}
	}
	is_int(bad, 0, "Polish plural forms right for 0..200 (1 miasto, 2 miasta, 5 miast, 22 miasta, 112 miast)");
	return tap_done();
}
