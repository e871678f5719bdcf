/* ui_fields.h — a record (a good practice, a meeting) edited as labelled text in the
 * ordinary editor, the way mutt lets you edit mail headers: "Title: …" lines, and
 * multi-line fields under their label. No curses here, so it is tested on its own. */
#ifndef EMPIRIE_UI_FIELDS_H
#define EMPIRIE_UI_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	const char *key;     /* the field's stable name ("title") */
	const char *label;   /* translated label ("Tytuł") */
	const char *english; /* the untranslated label, also accepted ("Title") */
	bool multiline;      /* written under its label rather than after it */
} ui_field_def;

#define UI_FIELDS_MAX 24

/* The text to edit: every field, then `comment` (each line prefixed "# ").
 * values[i] may be NULL (empty). Newly allocated. */
char *ui_fields_format(const ui_field_def *defs, size_t n, const char *const *values,
                       const char *comment);

/* Read the text back: values[i] gets field i (newly allocated, "" when absent; trailing
 * blank lines and spaces removed) and lines[i] the line its label is on (0: absent).
 * Lines starting with "#" are ignored. Labels match without regard to case or Polish
 * diacritics. On a problem returns false with err set ("Line 3: …") and no values. */
bool ui_fields_parse(const ui_field_def *defs, size_t n, const char *text, char **values,
                     int *lines, char *err, size_t errn);
void ui_fields_free(char **values, size_t n);

#endif
