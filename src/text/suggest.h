/* suggest.h — "did you mean": the nearest of some candidates by edit distance, blind
 * to case and Polish diacritics (both sides folded by pl_fold). */
#ifndef EMPIRIE_TEXT_SUGGEST_H
#define EMPIRIE_TEXT_SUGGEST_H

#include <stddef.h>

/* Levenshtein distance between two byte strings (insert, delete, substitute, and a
 * swap of two neighbours counts one), or limit + 1 when it is above limit. */
size_t edit_distance(const char *a, const char *b, size_t limit);

/* The closest candidate to typed, or NULL when none is close enough (a distance of
 * at most 1 for words up to 4 letters, 2 up to 8, else 3) or typed is one of them. */
const char *suggest_nearest(const char *typed, const char *const *candidates, size_t n);

#endif
