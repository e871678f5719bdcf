/* charset.h — whole-buffer conversion between UTF-8 and the charsets Polish users meet
 * (CP1250 from Excel, ISO-8859-2 from old systems), with detection. Uses iconv. */
#ifndef EMPIRIE_TEXT_CHARSET_H
#define EMPIRIE_TEXT_CHARSET_H

#include <stddef.h>

enum charset_id { CHARSET_AUTO, CHARSET_UTF8, CHARSET_CP1250, CHARSET_LATIN2 };

/* The names the program gives them, in charset_id's order, NULL at the end: what
 * --encoding is offered and told to take. */
extern const char *const charset_keys[];
/* Parse one of charset_keys or another name of one ("windows-1250", "latin2"),
 * case-blind and with or without '-', '_' and ' ' ("UTF8"). Returns -1 when unknown. */
int charset_parse(const char *name);
/* The iconv name: "UTF-8", "CP1250", "ISO-8859-2". */
const char *charset_name(enum charset_id id);

/* Guess: UTF-8 (BOM or valid multi-byte), else CP1250 or ISO-8859-2 by which one's
 * Polish letters explain the high bytes better (0x80–0x9F are only letters in CP1250;
 * ą ś ź differ: CP1250 B9 9C 9F, Latin-2 B1 B6 BC). Pure ASCII counts as UTF-8. */
enum charset_id charset_detect(const char *buf, size_t len);

/* Convert buf from `from` to UTF-8 (a UTF-8 BOM is dropped). Returns newly allocated
 * NUL-terminated text and its length in *outlen, or NULL on an invalid byte, with the
 * 1-based line and column (in characters) of the first bad byte in *bad_line and *bad_col. */
char *charset_to_utf8(const char *buf, size_t len, enum charset_id from, size_t *outlen,
                      unsigned long *bad_line, unsigned long *bad_col);
/* Convert UTF-8 to `to`; characters the target lacks are transliterated (safe_translit)
 * or become '?'. Returns newly allocated text and its length. */
char *charset_from_utf8(const char *utf8, size_t len, enum charset_id to, size_t *outlen);

#endif
