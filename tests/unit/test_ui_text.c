/* test_ui_text.c — display-width arithmetic and wrapping of wide text (ui_text.c)
 * and the editor's line buffer (ui_edbuf.c), with Polish and CJK text. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tap.h"
#include "ui/ui_editor.h"
#include "ui/ui_text.h"

/* The spans of s wrapped to width, as "a|b|c". */
static char *wrapped(const wchar_t *s, int width, unsigned flags)
{
	ui_spans sp = { 0 };
	static char out[1024];
	out[0] = '\0';
	if (!ui_wrap(s, wcslen(s), width, flags, &sp))
		return NULL;
	for (size_t i = 0; i < sp.n; i++) {
		char *u = ui_wcs_to_utf8(s + sp.items[i].start, sp.items[i].len);
		strcat(out, i ? "|" : "");
		strcat(out, u);
		free(u);
	}
	ui_spans_free(&sp);
	return out;
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8")) {
		printf("1..0 # SKIP no UTF-8 locale\n");
		return 0;
	}

	is_int(ui_wcs_cols(L"Zażółć gęślą jaźń", (size_t)-1), 17, "Polish letters are one column each");
	is_int(ui_wcs_cols(L"漢字", (size_t)-1), 4, "CJK characters are two columns each");
	is_int(ui_wcs_cols(L"e\u0301", (size_t)-1), 1, "a combining accent takes no column");
	is_int((long long)ui_wcs_fit(L"漢字漢字", 4, 5), 2, "two CJK characters fit in five columns");
	is_int((long long)ui_wcs_fit(L"łódź", 4, 3), 3, "three Polish letters fit in three columns");
	is_int((long long)ui_wcs_fit(L"e\u0301x", 3, 1), 2, "a combining mark stays with its letter");

	is_str(wrapped(L"Zażółć gęślą jaźń", 12, 0), "Zażółć gęślą|jaźń", "wraps after a space");
	is_str(wrapped(L"Zażółć gęślą jaźń", 17, 0), "Zażółć gęślą jaźń", "fits exactly");
	is_str(wrapped(L"Zażółć gęślą jaźń", 5, 0), "Zażół|ć|gęślą|jaźń", "cuts a word longer than a line");
	is_str(wrapped(L"漢字漢字漢字", 5, 0), "漢字|漢字|漢字", "wraps wide characters by columns");
	is_str(wrapped(L"漢字 漢字", 3, 0), "漢|字|漢|字", "a wide character never splits");
	is_str(wrapped(L"ab\n\ncd", 10, 0), "ab||cd", "keeps empty lines");
	is_str(wrapped(L"", 10, 0), "", "an empty text is one empty line");
	is_str(wrapped(L"ala ma  kota", 7, 0), "ala ma|kota", "drops the spaces at a break");
	is_str(wrapped(L"ala ma  kota", 7, UI_WRAP_KEEP_SPACES), "ala ma  |kota",
	       "the editor keeps them");
	is_str(wrapped(L"x", 0, 0), "x", "a zero width still makes progress");
	/* Issue 17: a link is never broken across lines (copying it would give a broken
	 * link): one longer than the line stays whole on its own line, to be cut with a
	 * marker where it is drawn. */
	is_str(wrapped(L"Zobacz https://www.zmp.poznan.pl/empirie/sieci.html teraz", 20, 0),
	       "Zobacz|https://www.zmp.poznan.pl/empirie/sieci.html|teraz",
	       "a link longer than the line stays whole on its own line");
	is_str(wrapped(L"Strona: www.empirie.zmp.pl/miasta/zabrze i dalej", 16, 0),
	       "Strona:|www.empirie.zmp.pl/miasta/zabrze|i dalej", "a www. link too");
	is_str(wrapped(L"Adres http://a.pl/x ok", 14, 0), "Adres|http://a.pl/x|ok",
	       "a link that fits moves whole to the next line");
	is_str(wrapped(L"https://www.zmp.poznan.pl/x", 10, UI_WRAP_KEEP_SPACES),
	       "https://ww|w.zmp.pozn|an.pl/x", "the editor still wraps it (its cursor needs it)");

	char date[32];
	ui_date("2022-05-18T09:30:00Z", date, sizeof date);
	is_str(date, "2022-05-18 09:30", "a date with a time");
	ui_date("2022-05-18T00:00:00Z", date, sizeof date);
	is_str(date, "2022-05-18", "a date at midnight shows the day only");

	size_t n;
	wchar_t *w = ui_utf8_to_wcs("ł\xff", &n);
	ok(w && n == 2 && w[0] == L'ł' && w[1] == 0xFFFD, "invalid UTF-8 becomes U+FFFD");
	free(w);

	ed_buf b;
	ok(ed_init(&b, "Zażółć\ngęślą"), "the editor takes UTF-8 text");
	is_int((long long)b.n, 2, "two lines");
	b.cy = 0, b.cx = b.lines[0].len;
	ed_backspace(&b);
	ed_insert(&b, L'ć');
	ed_insert(&b, L'漢');
	char *t = ed_text(&b);
	is_str(t, "Zażółć漢\ngęślą", "backspace and insert work on whole wide characters");
	free(t);
	b.cx = 3;
	ed_newline(&b);
	ed_backspace(&b);
	t = ed_text(&b);
	is_str(t, "Zażółć漢\ngęślą", "a new line and backspace join again");
	free(t);
	b.cx = b.lines[0].len;
	ed_delete(&b);
	t = ed_text(&b);
	is_str(t, "Zażółć漢gęślą", "delete at the end of a line joins the next");
	free(t);
	ed_free(&b);
	ok(ed_init(&b, "e\u0301") && (b.cx = b.lines[0].len, ed_backspace(&b), b.lines[0].len == 0),
	   "backspace removes a letter with its combining accent");
	ed_free(&b);
	{
		/* Search matches are marked case- and diacritic-blind, at word starts. */
		const wchar_t *txt = L"Łomża i Lomza, ŁOMŻYCA; kolomza";
		size_t tn = wcslen(txt);
		bool m[64];
		size_t k = ui_match_marks(txt, tn, "lomz", m);
		is_int(k, 12, "three word starts of 4 letters each are marked");
		ok(m[0] && m[3] && !m[4], "Łomż of Łomża");
		ok(m[8] && m[11] && !m[12], "Lomz of Lomza");
		ok(m[15] && m[18], "ŁOMŻ of ŁOMŻYCA");
		ok(!m[26] && !m[27], "not inside kolomza");
		is_int(ui_match_marks(txt, tn, "\"*NEAR", m), 0, "query syntax marks nothing");
		is_int(ui_match_marks(L"Źródła", 6, "zrodla", m), 6, "zrodla marks Źródła");
	}
	return tap_done();
}
