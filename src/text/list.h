/* list.h — the one splitter of lists written in a field ("3 | 5", "a, b; c"): items
 * between separators, trimmed, the empty ones skipped. The callers say which
 * characters separate and which are trimmed, so each list keeps its own rules. */
#ifndef EMPIRIE_TEXT_LIST_H
#define EMPIRIE_TEXT_LIST_H

#include <stdbool.h>
#include <stddef.h>

/* Lists people type in a form or a spreadsheet cell: ',', ';', '|' or line breaks. */
#define LIST_SEPS ",;|\n"
/* The same, and also spaces and tabs (lists of numbers: "2 6"). */
#define LIST_SEPS_BLANK ",;| \t\n"
/* What is trimmed from both ends of an item. */
#define LIST_TRIM " \t"

typedef struct {
	const char *rest; /* what is left of the list */
	const char *seps; /* the characters between items */
	const char *trim; /* the characters trimmed from both ends of an item */
} list_iter;

/* Start on list (NULL counts as empty); seps and trim are kept, not copied. */
void list_start(list_iter *it, const char *list, const char *seps, const char *trim);

/* The next non-empty item: its first byte and length (not NUL-terminated: it points
 * into the list); false after the last. */
bool list_next(list_iter *it, const char **item, size_t *len);

/* The other way: the words w (NULL at the end) as "a, b, c or d", the "or" translated,
 * in buf: the values an option or a column takes, in its help and errors. */
const char *list_join_or(const char *const *w, char *buf, size_t n);

#endif
