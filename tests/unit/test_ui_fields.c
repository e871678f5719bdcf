/* test_ui_fields.c — records edited as labelled text (ui_fields.c): the template is
 * read back to the same values; labels match without case or diacritics; mistakes
 * are reported with their line. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "ui/ui_fields.h"

static const ui_field_def defs[] = {
	{ "title", "Tytuł", "Title", false },
	{ "city", "Miasto", "Town", false },
	{ "problem", "Problem", "Problem", true },
	{ "actions", "Działania", "What was done", true },
};
#define N (sizeof defs / sizeof defs[0])

int main(void)
{
	char *v[N], err[300];
	int lines[N];

	const char *vals[N] = { "Karta mieszkańca", "Hrubieszów", "",
	                        "Pierwsza linia\n\nDruga linia: z dwukropkiem" };
	char *text = ui_fields_format(defs, N, vals, "Objaśnienie\ndruga linia objaśnienia");
	ok(text != NULL, "a template is made");
	ok(text && strstr(text, "Tytuł: Karta mieszkańca\n") != NULL, "one-line fields follow their label");
	ok(text && strstr(text, "# Objaśnienie\n# druga linia objaśnienia\n") != NULL,
	   "the explanation is kept as # lines");
	ok(text && strstr(text, "Tytuł") < strstr(text, "# Objaśnienie"),
	   "the fields come before the explanation");
	ok(ui_fields_parse(defs, N, text, v, lines, err, sizeof err), "the template reads back");
	is_str(v[0], "Karta mieszkańca", "title");
	is_str(v[1], "Hrubieszów", "town");
	is_str(v[2], "", "an empty multi-line field stays empty");
	is_str(v[3], "Pierwsza linia\n\nDruga linia: z dwukropkiem",
	       "a multi-line value keeps its blank line and a colon that is not a label");
	is_int(lines[0], 1, "the line of the first label");
	ui_fields_free(v, N);
	free(text);

	ok(ui_fields_parse(defs, N, "tytul:  Bez ogonków  \nMIASTO: Jasło\nWhat was done: krótko\n",
	                   v, lines, err, sizeof err),
	   "labels match without case, diacritics, and in English");
	is_str(v[0], "Bez ogonków", "spaces around a value go");
	is_str(v[1], "Jasło", "an upper-case label");
	is_str(v[3], "krótko", "the English label");
	is_int(lines[2], 0, "a field not written has line 0");
	is_str(v[2], "", "and is empty");
	ui_fields_free(v, N);

	ok(!ui_fields_parse(defs, N, "# uwaga\n\nzbłąkany tekst\nTytuł: x\n", v, lines, err, sizeof err),
	   "text before the first label is refused");
	is_str(err, "Line 3: text before the first field; begin with a label such as \"Tytuł:\"",
	       "and the message names the line");
	ok(!ui_fields_parse(defs, N, "Tytuł: a\nMiasto: b\nTytuł: c\n", v, lines, err, sizeof err),
	   "a label written twice is refused");
	is_str(err, "Line 3: the field \"Tytuł\" is already on line 1", "with both lines named");
	ok(ui_fields_parse(defs, N, "", v, lines, err, sizeof err), "an empty text parses");
	is_str(v[0], "", "to empty fields");
	ui_fields_free(v, N);

	/* Found by tests/fuzz/fuzz_editor: a record must read the same after it is
	 * formatted again (edited twice). */
	ok(ui_fields_parse(defs, N, "Tytuł: a\r\nb\r\nProblem:\r\nx\r\n", v, lines, err, sizeof err),
	   "CRLF text parses");
	is_str(v[0], "a\nb", "CRLF line ends are not part of a value");
	is_str(v[2], "x", "not even after a label");
	ui_fields_free(v, N);
	ok(ui_fields_parse(defs, N, "Problem:\n  Tytuł: nie etykieta\n  # nie komentarz\n", v, lines,
	                   err, sizeof err), "indented label-like lines parse");
	is_str(v[2], "Tytuł: nie etykieta\n# nie komentarz",
	       "indented lines of a long value are text, the two spaces of the layout go");
	{
		char *again = ui_fields_format(defs, N, (const char *const *)v, NULL), *w[N];
		ok(again && ui_fields_parse(defs, N, again, w, lines, err, sizeof err) &&
		   strcmp(w[2], v[2]) == 0, "so it reads back the same, not as a label");
		if (again)
			ui_fields_free(w, N);
		free(again);
	}
	ui_fields_free(v, N);
	ok(ui_fields_parse(defs, N, "Problem: Tytuł: nie etykieta\nDziałania: # nie komentarz\ndalej\n",
	                   v, lines, err, sizeof err), "label-like text after a label parses");
	is_str(v[2], "Tytuł: nie etykieta", "it is the value");
	{
		char *again = ui_fields_format(defs, N, (const char *const *)v, NULL), *w[N];
		ok(again && strstr(again, "Problem:\n  Tytuł: nie etykieta\n") != NULL,
		   "such a value is written indented under its label");
		ok(again && ui_fields_parse(defs, N, again, w, lines, err, sizeof err) &&
		   strcmp(w[2], v[2]) == 0 && strcmp(w[3], "# nie komentarz\ndalej") == 0,
		   "so it reads back the same, not as a label or a comment");
		if (again)
			ui_fields_free(w, N);
		free(again);
	}
	ui_fields_free(v, N);
	{
		/* A stored value whose later lines begin with "#" or a label reads back the same
		 * after it is formatted (found by a review: they were lost or refused). */
		const char *stored[N] = { "T", "M", "pierwsza\n# hasztag\nKoszt: 50 tys. zł\n    wcięte",
		                          "" };
		char *t = ui_fields_format(defs, N, stored, NULL);
		ok(t && strstr(t, "Problem:\n  pierwsza\n  # hasztag\n") != NULL,
		   "long values are laid out indented under their label");
		ok(t && ui_fields_parse(defs, N, t, v, lines, err, sizeof err), "and parse");
		is_str(t ? v[2] : NULL, stored[2], "to the same text, # and label-like lines included");
		if (t)
			ui_fields_free(v, N);
		free(t);
	}
	return tap_done();
}
