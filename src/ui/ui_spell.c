/* ui_spell.c — see ui_spell.h. Only words on the screen are checked, and each distinct
 * word once: a key costs the look-ups of the words shown. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "core/lemma.h"
#include "text/plfold.h"
#include "text/speller.h"
#include "text/utf8.h"
#include "ui/ui_spell.h"
#include "ui/ui_text.h"

static bool enabled = true;

void ui_spell_set_enabled(bool on)
{
	enabled = on;
}

bool ui_spell_active(void)
{
	return enabled && lemma_dictionary_available() && lemma_speller();
}

/* Words already checked: UTF-8 → correct or not. */
typedef struct {
	char *word;
	bool ok;
} checked;

static checked *table;
static size_t cap, used;

void ui_spell_forget(void)
{
	for (size_t i = 0; i < cap; i++)
		free(table[i].word);
	free(table);
	table = NULL;
	cap = used = 0;
}

static size_t slot_of(const char *w)
{
	uint64_t h = 1469598103934665603ULL;
	for (const char *p = w; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	size_t i = (size_t)h & (cap - 1);
	while (table[i].word && strcmp(table[i].word, w) != 0)
		i = (i + 1) & (cap - 1);
	return i;
}

static bool grow(void)
{
	size_t ncap = cap ? cap * 2 : 1024;
	checked *old = table;
	size_t ocap = cap;
	table = calloc(ncap, sizeof *table);
	if (!table) {
		table = old;
		return false;
	}
	cap = ncap;
	for (size_t i = 0; i < ocap; i++)
		if (old[i].word)
			table[slot_of(old[i].word)] = old[i];
	free(old);
	return true;
}

static bool word_ok(const wchar_t *w, size_t n)
{
	/* UTF-8 on the stack: most words were seen before, and a look-up is all they cost. */
	char buf[256];
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (o + 4 >= sizeof buf)
			return true; /* too long to be a word worth marking */
		o += utf8_encode((uint32_t)w[i], buf + o);
	}
	buf[o] = '\0';
	if ((used + 1) * 2 > cap && !grow())
		return true;
	size_t i = slot_of(buf);
	if (table[i].word)
		return table[i].ok;
	char *u = strdup(buf);
	if (!u)
		return true;
	table[i].word = u;
	table[i].ok = speller_spell(lemma_speller(), u) != 0; /* unchecked: not marked */
	used++;
	return table[i].ok;
}

static bool letter(wchar_t c)
{
	return iswalpha((wint_t)c) || c == L'\'';
}

bool ui_spell_marks_but(const wchar_t *s, size_t n, size_t cursor, bool *marks)
{
	memset(marks, 0, n * sizeof *marks);
	if (!ui_spell_active())
		return false;
	bool any = false;
	for (size_t i = 0; i < n;) {
		if (!letter(s[i])) {
			i++;
			continue;
		}
		size_t j = i;
		bool digit = false;
		while (j < n && (letter(s[j]) || iswdigit((wint_t)s[j]))) {
			digit |= iswdigit((wint_t)s[j]) != 0;
			j++;
		}
		/* Words of one letter and words with digits are not checked, nor the word being
		 * typed (the cursor at its end): it is checked once the cursor leaves it. */
		bool typing = cursor == j;
		if (j - i > 1 && !digit && !typing && !word_ok(s + i, j - i)) {
			for (size_t k = i; k < j; k++)
				marks[k] = true;
			any = true;
		}
		i = j;
	}
	return any;
}

bool ui_spell_word_at(const wchar_t *s, size_t n, size_t at, size_t *start, size_t *len)
{
	if (at > n)
		at = n;
	if ((at == n || !letter(s[at])) && at > 0 && letter(s[at - 1]))
		at--;
	if (at >= n || !letter(s[at]))
		return false;
	size_t a = at, b = at;
	while (a > 0 && letter(s[a - 1]))
		a--;
	while (b < n && letter(s[b]))
		b++;
	*start = a, *len = b - a;
	return true;
}

int ui_spell_suggest(const wchar_t *word, size_t len, char ***out)
{
	*out = NULL;
	if (!ui_spell_active())
		return 0;
	char *u = ui_wcs_to_utf8(word, len);
	if (!u)
		return 0;
	speller *sp = lemma_speller();
	char **acc, **sug;
	int na = speller_accented(sp, u, &acc), ns = speller_suggest(sp, u, &sug);
	na = na < 0 ? 0 : na; /* memory ran out: fewer suggestions, nothing worse */
	ns = ns < 0 ? 0 : ns;
	char **all = calloc((size_t)(na + ns) + 1, sizeof *all);
	int k = 0;
	for (int i = 0; all && i < na; i++)
		all[k++] = strdup(acc[i]);
	for (int i = 0; all && i < ns; i++) {
		bool dup = strcmp(sug[i], u) == 0;
		for (int j = 0; j < k && !dup; j++)
			dup = all[j] && strcmp(all[j], sug[i]) == 0;
		if (!dup)
			all[k++] = strdup(sug[i]);
	}
	speller_free_list(acc, na);
	speller_free_list(sug, ns);
	free(u);
	*out = all;
	return all ? k : 0;
}
