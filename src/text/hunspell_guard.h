/* hunspell_guard.h — the few Hunspell calls speller.c makes, with Hunspell's C++
 * exceptions caught. Hunspell is C++: when memory runs out it throws std::bad_alloc, and
 * an exception that reaches our C frames aborts the whole process (a session, or a reply
 * half-way through its transaction). Here each call reports the failure instead. */
#ifndef EMPIRIE_TEXT_HUNSPELL_GUARD_H
#define EMPIRIE_TEXT_HUNSPELL_GUARD_H

#include <hunspell.h>

#ifdef __cplusplus
extern "C" {
#endif

/* NULL when the dictionary could not be loaded (memory ran out). */
Hunhandle *guarded_hunspell_create(const char *aff, const char *dic);
/* The number of items put in *list (free with Hunspell_free_list), or -1 (nothing to
 * free) when the call failed. */
int guarded_hunspell_stem(Hunhandle *h, char ***list, const char *word);
int guarded_hunspell_suggest(Hunhandle *h, char ***list, const char *word);
/* 1 spelled right, 0 not, -1 the call failed. */
int guarded_hunspell_spell(Hunhandle *h, const char *word);

#ifdef __cplusplus
}
#endif

#endif
