/* locale_setup.h — the locale, the message catalogue, and text arriving from the
 * terminal in its own character set. */
#ifndef EMPIRIE_CLI_LOCALE_SETUP_H
#define EMPIRIE_CLI_LOCALE_SETUP_H

#include <stdbool.h>
#include <stddef.h>

/* setlocale + gettext. When the locale the user asked for is not installed on this
 * machine, falls back to C.UTF-8 (keeping the asked-for language for messages) and
 * prints a one-line notice on standard error. */
void locale_setup(bool restricted);

/* Text typed in the terminal's charset (Latin-2, CP1250) as newly allocated UTF-8;
 * UTF-8 and ASCII terminals' text is copied as it is. NULL when memory runs out. */
char *locale_to_utf8(const char *s, size_t len);

#endif
