/* speller.h — Hunspell with a dictionary in any 8-bit encoding, spoken to in UTF-8:
 * the stems of a word (the lemma search) and its spelling and suggestions. */
#ifndef EMPIRIE_TEXT_SPELLER_H
#define EMPIRIE_TEXT_SPELLER_H

#include <stdbool.h>

typedef struct speller speller;

/* Whether base.aff and base.dic can both be read (cheap: nothing is loaded). */
bool speller_available(const char *base);
/* Load base.aff and base.dic (base is the path without the extension). NULL when a
 * file is missing or unreadable, or memory runs out (speller_available tells which). Loading the Polish dictionary
 * takes about half a second and 30 MB: callers load it only when they need it. */
speller *speller_open(const char *base);
void speller_close(speller *sp);

/* Every call below returns -1 when memory runs out (in Hunspell or here): never a
 * shorter answer that would pass for the whole one. */

/* The stems (lemmas) Hunspell gives for word, as UTF-8, in *out (free with
 * speller_free_list). Returns their number; 0 for an unknown word or one the
 * dictionary's encoding cannot hold. */
int speller_stem(speller *sp, const char *word, char ***out);
/* 1 when word is spelled correctly, 0 when not (words the dictionary's encoding cannot
 * hold are not), -1 on failure. */
int speller_spell(speller *sp, const char *word);
/* Suggestions for a misspelled word, best first. */
int speller_suggest(speller *sp, const char *word, char ***out);
void speller_free_list(char **list, int n);
/* The correctly spelled words that differ from word only by Polish letters where it has
 * their plain ones ("zolty" → "żółty", "Lodz" → "Łódź"): people typing without a Polish
 * keyboard layout. At most 4096 spellings are tried. */
int speller_accented(speller *sp, const char *word, char ***out);

#endif
