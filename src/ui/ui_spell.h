/* ui_spell.h — spelling in the editor: which words of a line are misspelled (each word
 * checked once, then remembered), and suggestions for one, the same letters with Polish
 * ones first ("zolty" → "żółty"). Hunspell with the dictionary of the lemma search. */
#ifndef EMPIRIE_UI_SPELL_H
#define EMPIRIE_UI_SPELL_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* Spelling is on unless the configuration says "spelling = no". */
void ui_spell_set_enabled(bool on);
/* Whether words are checked (on, and the dictionary is there). */
bool ui_spell_active(void);
/* marks[i] set for the characters of misspelled words among the n characters of s, but
 * the word that ends at position cursor (being typed) is not checked ((size_t)-1: none
 * is). Returns whether any is set. */
bool ui_spell_marks_but(const wchar_t *s, size_t n, size_t cursor, bool *marks);
/* The word around position at (or just before it) in s: its start and length (false when
 * there is none), and its suggestions, best first (*out, free each and the list). */
bool ui_spell_word_at(const wchar_t *s, size_t n, size_t at, size_t *start, size_t *len);
int ui_spell_suggest(const wchar_t *word, size_t len, char ***out);
/* Forget what was checked (for the benchmark of the editor). */
void ui_spell_forget(void);

#endif
