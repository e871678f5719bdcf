/* plfold.h — Polish collation and folding, independent of the machine's locales. */
#ifndef EMPIRIE_TEXT_PLFOLD_H
#define EMPIRIE_TEXT_PLFOLD_H

#include <stddef.h>

/* Fold for search: lower case, every diacritic removed including ł→l (Ł→l), ß→ss,
 * other letters from Latin-1/Latin Extended-A to their base letter. Punctuation is kept
 * as is (the FTS tokenizer splits on it). Invalid UTF-8 bytes are dropped.
 * Returns newly allocated UTF-8. */
char *pl_fold(const char *utf8, size_t len);

/* Compare two UTF-8 strings in Polish dictionary order:
 *   a ą b c ć d e ę f g h i j k l ł m n ń o ó p q r s ś t u v w x y z ź ż
 * Primary level: letters (case-blind, Polish diacritics are separate letters, other
 * Latin diacritics sort with their base letter), digits before letters, spaces and
 * hyphens and other punctuation ignored at the primary level; ties broken by
 * punctuation/spacing, then lower case before upper case, then bytes.
 * Suitable as an SQLite collation callback body (deterministic, total order). */
int pl_collate(const char *a, size_t alen, const char *b, size_t blen);

/* A key made of the folded words of utf8 joined by '-' ("Tarnów – dialog" gives
 * "tarnow-dialog"), at most max bytes, into out (out_size > max). Returns its length
 * (0 when there is no letter or digit, or memory runs out). */
size_t pl_slug(const char *utf8, char *out, size_t out_size, size_t max);

#endif
