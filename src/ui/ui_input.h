/* ui_input.h — every key the full-screen application reads: ncurses' own terminfo
 * lookup first, then one table (ui_input.c) for the escape sequences terminfo does not
 * name, so that no `ESC [ … final` or `ESC O x` ever reaches a screen as text or as Esc
 * followed by characters. Also bracketed paste (ESC[200~ … ESC[201~): one event with
 * the pasted text, never keys. */
#ifndef EMPIRIE_UI_INPUT_H
#define EMPIRIE_UI_INPUT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <wchar.h>

#include "ui/ui_cmd.h"

/* Keys beyond ncurses' own (with UI_KFN, above every KEY_* code). */
enum {
	UI_KEY_UNKNOWN = UI_KFN | 0x7f00, /* a whole sequence nobody knows: swallowed */
	UI_KEY_PASTE = UI_KFN | 0x7f01    /* a bracketed paste: ui_input_paste() has it */
};

/* One known sequence: the bytes after ESC, and the key it is. */
typedef struct {
	const char *seq;
	int key;
	const char *who; /* which terminals send it (for doc/TERMINALS.md and the tests) */
} ui_key_seq;

extern const ui_key_seq ui_key_table[];
extern const size_t ui_key_table_len;

/* The key for a complete sequence (the bytes after ESC, e.g. "[4~" or "[1;5C"):
 * modifiers are dropped (Ctrl-Right is Right), unknown ones give UI_KEY_UNKNOWN. */
int ui_input_decode(const char *seq, size_t n);

/* After newterm: keypad on, and the table's sequences taken from ncurses' own lookup
 * (terminfo entries disagree on some, e.g. putty's ESC O Q is the keypad's slash),
 * except the mouse's. Asks for the numeric keypad's characters (DECKPNM), so that
 * its keys type digits in every terminal. Again after anything that reset the
 * terminal's modes (an external editor). out: the terminal's output (NULL: as before). */
void ui_input_init(FILE *out);
/* Read one key, waiting up to timeout_ms (-1: for ever). OK with *key (UI_KFN|KEY_*
 * for function keys, the character otherwise), ERR on timeout or error. */
int ui_input_read(int timeout_ms, int *key);
/* Whether another key is already waiting (the caller may skip drawing until the input
 * is drained: a paste without brackets is then not drawn once per character). */
bool ui_input_pending(void);
/* Sleep until the terminal has input (1), other_fd is readable (2; -1: none), or
 * timeout_ms passed or a signal came (0). Call only when ui_input_pending() is false.
 * mask: the signal mask while asleep (as ppoll: the caller blocks the signals it looks
 * at, looks, and a signal that came since ends the sleep at once); NULL: as it is. */
int ui_input_wait(int timeout_ms, int other_fd, const sigset_t *mask);
/* The text of the last UI_KEY_PASTE (raw: the consumer filters control characters),
 * valid until the next read. *truncated: longer than UI_PASTE_MAX, the rest dropped. */
#define UI_PASTE_MAX (256 * 1024)
const wchar_t *ui_input_paste(size_t *n, bool *truncated);
/* Turn the terminal's bracketed paste on or off (around curses mode). */
void ui_input_bracketed_paste(bool on);

#endif
