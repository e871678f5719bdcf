/* safe.h — the one sanitising output path.
 *
 * Every piece of text that comes from the database, a file or the user and reaches a
 * terminal (curses screen, CLI standard output, error messages, logs) passes through
 * here. Untrusted UTF-8 goes in; out comes text that
 *   - contains no C0/C1 control, ESC, DEL, NUL, or bidi override/isolate
 *     (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C): each is shown visibly instead
 *     (C0 and DEL in caret form "^[", "^?"; C1, bidi and other format controls as
 *     "<U+202E>"; an invalid byte as "<\xNN>" i.e. the 6 characters  < \ x N N >),
 *   - can be shown by the terminal's character set: characters the locale's charset
 *     cannot encode are transliterated (ł→l, Ż→Z, „→", –→-, …→...) and only as a last
 *     resort replaced by '?'.
 * The charset comes from the current locale (nl_langinfo(CODESET)) at safe_init().
 */
#ifndef EMPIRIE_TEXT_SAFE_H
#define EMPIRIE_TEXT_SAFE_H

#include <stddef.h>
#include <stdio.h>
#include <wchar.h>
#include <stdbool.h>

enum safe_charset { SAFE_CS_UTF8, SAFE_CS_LATIN2, SAFE_CS_CP1250, SAFE_CS_ASCII, SAFE_CS_OTHER };

enum safe_flags {
	SAFE_MULTILINE = 1u << 0, /* keep '\n' (otherwise shown as a visible "^J") */
	SAFE_TABS      = 1u << 1, /* turn '\t' into one space (otherwise "^I") */
};

/* Read the locale's charset (call after setlocale(LC_ALL, "")). Safe to call again. */
void safe_init(void);
enum safe_charset safe_charset(void);
/* The charset name as the locale reports it, e.g. "UTF-8", "ISO-8859-2". */
const char *safe_charset_name(void);
/* For tests: pretend the terminal uses this charset. */
void safe_force_charset(enum safe_charset cs);

/* True when the terminal charset can show code point cp. */
bool safe_can_show(wchar_t cp);

/* Untrusted UTF-8 (len bytes, or strlen when len == (size_t)-1) to a newly allocated,
 * NUL-terminated wide string that is safe and representable. Never NULL except when
 * memory runs out. */
wchar_t *safe_wcs(const char *utf8, size_t len, unsigned flags);

/* Same, but the result is a newly allocated multibyte string in the terminal charset
 * (what CLI output writes). */
char *safe_mbs(const char *utf8, size_t len, unsigned flags);

/* Same, but the result stays UTF-8 (for exports/logs that must be UTF-8 yet harmless). */
char *safe_utf8(const char *utf8, size_t len, unsigned flags);

/* Write untrusted UTF-8 to f through safe_mbs. Returns 0, or -1 on a write error. */
int safe_fputs(const char *utf8, FILE *f, unsigned flags);
/* printf-like: the format is trusted (ours, translated), %s arguments are NOT trusted:
 * the whole formatted result is sanitised with SAFE_MULTILINE|SAFE_TABS. */
int safe_fprintf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Display columns of a wide string (wcwidth; non-printable counts as 1). */
int safe_wcs_width(const wchar_t *s, size_t n);
/* How many wide characters of s fit into cols display columns. */
size_t safe_wcs_fit(const wchar_t *s, int cols);
/* Display width of untrusted UTF-8 once made safe. */
int safe_width(const char *utf8);

/* Transliterate one code point to ASCII (Polish letters, Latin-1/Latin Extended-A,
 * typographic punctuation). Returns a static string, or NULL when there is none. */
const char *safe_translit(wchar_t cp);

#endif
