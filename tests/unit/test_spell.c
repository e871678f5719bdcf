/* test_spell.c — the editor's spelling (ui_spell.c): which words are marked, the
 * Polish-letter forms first among the suggestions, and what a key costs on a 64 KB
 * text (the rows on the screen are checked again after each key; words are checked
 * once). Needs the Polish Hunspell dictionary (skips without it). */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/bundled.h"
#include "core/lemma.h"
#include "tap.h"
#include "ui/ui_spell.h"
#include "ui/ui_text.h"

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(void)
{
	if (!lemma_dictionary_available()) {
		printf("1..0 # SKIP the Polish Hunspell dictionary is not installed (Debian: hunspell-pl)\n");
		return 0;
	}
	setlocale(LC_CTYPE, "C.UTF-8"); /* iswalpha() knows Polish letters */
	size_t n;
	wchar_t *w = ui_utf8_to_wcs("Mamy zolty autobus w Lodz, dobre miasto i rewitalizację.", &n);
	bool marks[128];
	ok(ui_spell_marks_but(w, n, (size_t)-1, marks), "a line with misspelled words");
	ok(marks[5] && marks[9] && !marks[0] && !marks[11], "zolty is marked, Mamy and autobus not");
	ok(marks[21] && marks[24], "Lodz is marked");
	ok(!marks[27] && !marks[33] && !marks[42], "dobre, miasto, rewitalizację are not");
	ui_spell_marks_but(w, n, 10, marks);
	ok(!marks[5] && marks[21], "the word being typed (the cursor at its end) is not marked yet");
	size_t st, len;
	ok(ui_spell_word_at(w, n, 7, &st, &len) && st == 5 && len == 5, "the word at the cursor");
	char **sug;
	int k = ui_spell_suggest(w + 5, 5, &sug);
	ok(k > 0 && strcmp(sug[0], "żółty") == 0, "zolty: żółty first (%s)", k > 0 ? sug[0] : "none");
	for (int i = 0; i < k; i++)
		free(sug[i]);
	free(sug);
	k = ui_spell_suggest(w + 21, 4, &sug);
	ok(k > 0 && strcmp(sug[0], "Łódź") == 0, "Lodz: Łódź first (%s)", k > 0 ? sug[0] : "none");
	for (int i = 0; i < k; i++)
		free(sug[i]);
	free(sug);
	free(w);

	/* 64 KB of real Polish (the bundled meetings and practices, again and again), in
	 * rows of 100 characters; the screen shows 40 of them. Each "key" changes one word
	 * on the screen (a new word each time, as typing makes) and checks the rows shown. */
	size_t cap = 65536, tl = 0;
	char *text = malloc(cap + 1);
	while (text && tl < cap) {
		const char *src[] = { bundled_meetings_csv, bundled_practices_csv };
		size_t lens[] = { bundled_meetings_csv_len, bundled_practices_csv_len };
		for (int i = 0; i < 2 && tl < cap; i++) {
			size_t m = lens[i] < cap - tl ? lens[i] : cap - tl;
			memcpy(text + tl, src[i], m);
			tl += m;
		}
	}
	text[tl] = '\0';
	wchar_t *all = ui_utf8_to_wcs(text, &n);
	free(text);
	enum { ROW = 100, SHOWN = 40, KEYS = 300 };
	bool row_marks[ROW];
	double t0 = now_ms();
	for (size_t r = 0; r < SHOWN; r++)
		ui_spell_marks_but(all + r * ROW, ROW, (size_t)-1, row_marks);
	double first = now_ms() - t0;
	/* Typing: the first rows are overwritten by a text typed a letter at a time (words
	 * new to the checker, once finished), the cursor after the letter typed. */
	static const wchar_t typed[] = L"Wczoraj rozmawialiśmy o rewitalizacji zbiornika i o tym, "
		L"jak mieszkańcy korzystają z nowej ścieżki rowerowej. Pomysłów było wiele: ławki, "
		L"zieleń, oświetlenie, a także zolty autobus do Lodz. Kto chce, niech napisze, co "
		L"sądzi o budżecie obywatelskim i o tym, czy warto go powiększyć w przyszłym roku.";
	double times[KEYS];
	for (int key = 0; key < KEYS; key++) {
		size_t at = (size_t)key;
		all[at] = typed[(size_t)key % (sizeof typed / sizeof typed[0] - 1)];
		double t = now_ms();
		for (size_t r = 0; r < SHOWN; r++)
			ui_spell_marks_but(all + r * ROW, ROW, r == at / ROW ? at % ROW + 1 : (size_t)-1,
			                   row_marks);
		times[key] = now_ms() - t;
	}
	qsort(times, KEYS, sizeof *times, cmp_double);
	printf("# figure: spelling on a %zu-character text, %d rows of %d shown: first screen %.2f ms;"
	       " per key median %.3f ms, 95th percentile %.3f ms, worst %.3f ms\n",
	       n, SHOWN, ROW, first, times[KEYS / 2], times[KEYS * 95 / 100], times[KEYS - 1]);
	ok(times[KEYS / 2] < 1.0, "a key costs under 1 ms (median %.3f ms)", times[KEYS / 2]);
	free(all);
	ui_spell_forget();
	return tap_done();
}
