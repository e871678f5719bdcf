/* ui_input.c — the one input decoder. ncurses' keypad mode turns the sequences that
 * terminfo names for $TERM into KEY_* codes; whatever it does not know arrives here as
 * ESC followed by characters, and the table below turns each whole sequence into one
 * key (or swallows it as UI_KEY_UNKNOWN). The sequences come from the terminals'
 * own sources and manuals: PuTTY's keyboard modes, xterm and its variants, rxvt, the
 * Linux console, tmux/screen, Windows Terminal and the Windows OpenSSH client
 * (doc/TERMINALS.md keeps the table with the terminals and the tests). */
#include "config.h"

#include <curses.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>
#include <unistd.h>

#include "ui/ui_input.h"

#define K(k) (UI_KFN | (k))

/* The bytes after ESC. Modified forms (xterm's `ESC[1;5C`, `ESC[5;5~`, rxvt's `ESC[7^`,
 * old xterm's `ESC O5P`) are reduced to these before the lookup (ui_input_decode). */
const ui_key_seq ui_key_table[] = {
	/* ESC [ n ~ — VT220 editing keys: PuTTY's default, the Linux console, tmux, screen,
	 * Windows OpenSSH; xterm's Insert, Delete, PgUp, PgDn. */
	{ "[1~", K(KEY_HOME), "PuTTY (ESC[n~, Linux, Xterm R6, VT100+), Linux console, tmux, screen" },
	{ "[2~", K(KEY_IC), "PuTTY, xterm, Linux console, tmux, screen, rxvt" },
	{ "[3~", K(KEY_DC), "PuTTY, xterm, Linux console, tmux, screen, rxvt, Windows Terminal" },
	{ "[4~", K(KEY_END), "PuTTY (ESC[n~, Linux, Xterm R6, VT100+), Linux console, tmux, screen" },
	{ "[5~", K(KEY_PPAGE), "PuTTY, xterm, Linux console, tmux, screen, rxvt, Windows Terminal" },
	{ "[6~", K(KEY_NPAGE), "PuTTY, xterm, Linux console, tmux, screen, rxvt, Windows Terminal" },
	{ "[7~", K(KEY_HOME), "rxvt, urxvt" },
	{ "[8~", K(KEY_END), "rxvt, urxvt" },
	/* ESC [ n ~ — function keys (PuTTY's default mode; F5 and up in most terminals). */
	{ "[11~", K(KEY_F(1)), "PuTTY (ESC[n~, VT400), rxvt" },
	{ "[12~", K(KEY_F(2)), "PuTTY (ESC[n~, VT400), rxvt" },
	{ "[13~", K(KEY_F(3)), "PuTTY (ESC[n~, VT400), rxvt" },
	{ "[14~", K(KEY_F(4)), "PuTTY (ESC[n~, VT400), rxvt" },
	{ "[15~", K(KEY_F(5)), "PuTTY, xterm, rxvt, tmux, screen, Windows Terminal" },
	{ "[17~", K(KEY_F(6)), "PuTTY, xterm, rxvt, Linux console, tmux, screen, Windows Terminal" },
	{ "[18~", K(KEY_F(7)), "PuTTY, xterm, rxvt, Linux console, tmux, screen, Windows Terminal" },
	{ "[19~", K(KEY_F(8)), "PuTTY, xterm, rxvt, Linux console, tmux, screen, Windows Terminal" },
	{ "[20~", K(KEY_F(9)), "PuTTY, xterm, rxvt, Linux console, tmux, screen, Windows Terminal" },
	{ "[21~", K(KEY_F(10)), "PuTTY, xterm, rxvt, Linux console, tmux, screen, Windows Terminal" },
	{ "[23~", K(KEY_F(11)), "PuTTY (also Shift-F1), xterm, rxvt, Linux console, tmux" },
	{ "[24~", K(KEY_F(12)), "PuTTY (also Shift-F2), xterm, rxvt, Linux console, tmux" },
	{ "[25~", K(KEY_F(13)), "PuTTY Shift-F3, rxvt Shift-F3, Linux console Shift-F1" },
	{ "[26~", K(KEY_F(14)), "PuTTY Shift-F4, rxvt, Linux console" },
	{ "[28~", K(KEY_F(15)), "PuTTY Shift-F5, rxvt, Linux console" },
	{ "[29~", K(KEY_F(16)), "PuTTY Shift-F6, rxvt, Linux console" },
	{ "[31~", K(KEY_F(17)), "PuTTY Shift-F7, rxvt, Linux console" },
	{ "[32~", K(KEY_F(18)), "PuTTY Shift-F8, rxvt, Linux console" },
	{ "[33~", K(KEY_F(19)), "PuTTY Shift-F9, rxvt, Linux console" },
	{ "[34~", K(KEY_F(20)), "PuTTY Shift-F10, rxvt, Linux console" },
	/* ESC [ [ x — the Linux console's F1–F5 (and PuTTY's "Linux" mode). */
	{ "[[A", K(KEY_F(1)), "Linux console, PuTTY (Linux)" },
	{ "[[B", K(KEY_F(2)), "Linux console, PuTTY (Linux)" },
	{ "[[C", K(KEY_F(3)), "Linux console, PuTTY (Linux)" },
	{ "[[D", K(KEY_F(4)), "Linux console, PuTTY (Linux)" },
	{ "[[E", K(KEY_F(5)), "Linux console, PuTTY (Linux)" },
	/* ESC [ x — cursor keys (normal mode), xterm's Home/End, Shift-Tab. */
	{ "[A", K(KEY_UP), "all (cursor keys in normal mode)" },
	{ "[B", K(KEY_DOWN), "all (cursor keys in normal mode)" },
	{ "[C", K(KEY_RIGHT), "all (cursor keys in normal mode)" },
	{ "[D", K(KEY_LEFT), "all (cursor keys in normal mode)" },
	{ "[H", K(KEY_HOME), "xterm, Windows Terminal, PuTTY (SCO, rxvt Home)" },
	{ "[F", K(KEY_END), "xterm, Windows Terminal, PuTTY (SCO)" },
	{ "[Z", K(KEY_BTAB), "all (Shift-Tab)" },
	/* PuTTY's SCO mode: the other editing keys, and F1–F12 as ESC [ M … ESC [ X. */
	{ "[I", K(KEY_PPAGE), "PuTTY (SCO)" },
	{ "[G", K(KEY_NPAGE), "PuTTY (SCO)" },
	{ "[L", K(KEY_IC), "PuTTY (SCO)" },
	{ "[M", K(KEY_F(1)), "PuTTY (SCO)" },
	{ "[N", K(KEY_F(2)), "PuTTY (SCO)" },
	{ "[O", K(KEY_F(3)), "PuTTY (SCO)" },
	{ "[P", K(KEY_F(4)), "PuTTY (SCO)" },
	{ "[Q", K(KEY_F(5)), "PuTTY (SCO)" },
	{ "[R", K(KEY_F(6)), "PuTTY (SCO)" },
	{ "[S", K(KEY_F(7)), "PuTTY (SCO)" },
	{ "[T", K(KEY_F(8)), "PuTTY (SCO)" },
	{ "[U", K(KEY_F(9)), "PuTTY (SCO)" },
	{ "[V", K(KEY_F(10)), "PuTTY (SCO)" },
	{ "[W", K(KEY_F(11)), "PuTTY (SCO)" },
	{ "[X", K(KEY_F(12)), "PuTTY (SCO)" },
	/* rxvt's Shift-arrows. */
	{ "[a", K(KEY_UP), "rxvt (Shift)" },
	{ "[b", K(KEY_DOWN), "rxvt (Shift)" },
	{ "[c", K(KEY_RIGHT), "rxvt (Shift)" },
	{ "[d", K(KEY_LEFT), "rxvt (Shift)" },
	/* ESC O x — cursor keys in application mode (and PuTTY's Ctrl-arrows), xterm's
	 * Home/End and F1–F4, PuTTY's VT100+ mode F1–F12. */
	{ "OA", K(KEY_UP), "all (application cursor mode), PuTTY Ctrl-Up" },
	{ "OB", K(KEY_DOWN), "all (application cursor mode), PuTTY Ctrl-Down" },
	{ "OC", K(KEY_RIGHT), "all (application cursor mode), PuTTY Ctrl-Right" },
	{ "OD", K(KEY_LEFT), "all (application cursor mode), PuTTY Ctrl-Left" },
	{ "OH", K(KEY_HOME), "xterm, Windows Terminal (application mode)" },
	{ "OF", K(KEY_END), "xterm, Windows Terminal (application mode)" },
	{ "OP", K(KEY_F(1)), "xterm, PuTTY (Xterm R6, VT100+), tmux, screen, Windows Terminal" },
	{ "OQ", K(KEY_F(2)), "xterm, PuTTY (Xterm R6, VT100+), tmux, screen, Windows Terminal" },
	{ "OR", K(KEY_F(3)), "xterm, PuTTY (Xterm R6, VT100+), tmux, screen, Windows Terminal" },
	{ "OS", K(KEY_F(4)), "xterm, PuTTY (Xterm R6, VT100+), tmux, screen, Windows Terminal" },
	{ "OT", K(KEY_F(5)), "PuTTY (VT100+)" },
	{ "OU", K(KEY_F(6)), "PuTTY (VT100+)" },
	{ "OV", K(KEY_F(7)), "PuTTY (VT100+)" },
	{ "OW", K(KEY_F(8)), "PuTTY (VT100+)" },
	{ "OX", K(KEY_F(9)), "PuTTY (VT100+)" },
	{ "OY", K(KEY_F(10)), "PuTTY (VT100+)" },
	{ "OZ", K(KEY_F(11)), "PuTTY (VT100+)" },
	{ "O[", K(KEY_F(12)), "PuTTY (VT100+)" },
	/* rxvt's Ctrl-arrows. */
	{ "Oa", K(KEY_UP), "rxvt (Ctrl)" },
	{ "Ob", K(KEY_DOWN), "rxvt (Ctrl)" },
	{ "Oc", K(KEY_RIGHT), "rxvt (Ctrl)" },
	{ "Od", K(KEY_LEFT), "rxvt (Ctrl)" },
	/* The numeric keypad in application mode: the characters on its keys. */
	{ "Op", '0', "keypad (application mode)" },
	{ "Oq", '1', "keypad (application mode)" },
	{ "Or", '2', "keypad (application mode)" },
	{ "Os", '3', "keypad (application mode)" },
	{ "Ot", '4', "keypad (application mode)" },
	{ "Ou", '5', "keypad (application mode)" },
	{ "Ov", '6', "keypad (application mode)" },
	{ "Ow", '7', "keypad (application mode)" },
	{ "Ox", '8', "keypad (application mode)" },
	{ "Oy", '9', "keypad (application mode)" },
	{ "On", '.', "keypad (application mode)" },
	{ "Ol", ',', "keypad (application mode, PuTTY)" },
	{ "Ok", '+', "keypad (application mode)" },
	{ "Om", '-', "keypad (application mode)" },
	{ "Oj", '*', "keypad (application mode)" },
	{ "Oo", '/', "keypad (application mode)" },
	{ "OM", K(KEY_ENTER), "keypad Enter (application mode)" },
	/* Bracketed paste's opening bracket (the closing one ends the paste). */
	{ "[200~", UI_KEY_PASTE, "xterm, PuTTY, tmux, Windows Terminal, urxvt (bracketed paste)" },
};
const size_t ui_key_table_len = sizeof ui_key_table / sizeof ui_key_table[0];

/* Keypad on, and the keypad's numeric mode: ncurses' smkx (for xterm "ESC[?1h ESC=")
 * also puts the keypad into application mode, where PuTTY's keypad / * - would send
 * what xterm's terminfo calls F2–F4. */
static FILE *term_out; /* the terminal, for the modes ncurses does not set */

static void put_mode(const char *s)
{
	if (term_out) {
		fputs(s, term_out);
		fflush(term_out);
	}
}

static void keypad_on(void)
{
	keypad(stdscr, TRUE);
	put_mode("\033>");
}

void ui_input_init(FILE *out)
{
	if (out)
		term_out = out;
	keypad_on();
	const char *mouse = tigetstr("kmous");
	for (size_t i = 0; i < ui_key_table_len; i++) {
		char seq[32];
		snprintf(seq, sizeof seq, "\033%s", ui_key_table[i].seq);
		if (mouse && mouse != (char *)-1 && strcmp(mouse, seq) == 0)
			continue; /* the mouse's (X10 reports) wins over PuTTY's SCO F1 */
		define_key(seq, 0);
	}
}

static int lookup(const char *s, size_t n)
{
	for (size_t i = 0; i < ui_key_table_len; i++)
		if (strlen(ui_key_table[i].seq) == n && memcmp(ui_key_table[i].seq, s, n) == 0)
			return ui_key_table[i].key;
	return UI_KEY_UNKNOWN;
}

int ui_input_decode(const char *seq, size_t n)
{
	char norm[16];
	if (n < 2 || n >= 64)
		return UI_KEY_UNKNOWN;
	char final = seq[n - 1];
	if (seq[0] == 'O') {
		/* Old xterm put the modifier between O and the final: ESC O 5 P is Ctrl-F1. */
		for (size_t i = 1; i + 1 < n; i++)
			if (seq[i] < '0' || seq[i] > '9')
				return UI_KEY_UNKNOWN;
		norm[0] = 'O', norm[1] = final;
		return lookup(norm, 2);
	}
	if (seq[0] != '[')
		return UI_KEY_UNKNOWN;
	if (n == 3 && seq[1] == '[')
		return lookup(seq, n);
	/* Parameters: digits and at most one ';' (the modifier); anything else ('?', '<',
	 * '>', intermediates) is no key of ours. */
	size_t first_len = 0, semis = 0;
	for (size_t i = 1; i + 1 < n; i++) {
		if (seq[i] == ';') {
			if (++semis > 1)
				return UI_KEY_UNKNOWN;
		} else if (seq[i] < '0' || seq[i] > '9') {
			return UI_KEY_UNKNOWN;
		} else if (!semis) {
			first_len++;
		}
	}
	if (first_len > 8)
		return UI_KEY_UNKNOWN;
	/* rxvt ends modified editing and function keys with $ (Shift), ^ (Ctrl) or @ (both). */
	if ((final == '$' || final == '^' || final == '@') && first_len)
		final = '~';
	if (final == '~') {
		if (!first_len)
			return UI_KEY_UNKNOWN;
		norm[0] = '[';
		memcpy(norm + 1, seq + 1, first_len);
		norm[1 + first_len] = '~';
		return lookup(norm, first_len + 2);
	}
	if (semis) {
		/* xterm's modified keys: ESC [ 1 ; m x is the key of ESC O x (Shift-Tab: Z). */
		if (final == 'Z')
			return K(KEY_BTAB);
		if (final == 'P' || final == 'Q' || final == 'R' || final == 'S' ||
		    (final >= 'A' && final <= 'D') || final == 'H' || final == 'F') {
			norm[0] = 'O', norm[1] = final;
			return lookup(norm, 2);
		}
		return UI_KEY_UNKNOWN;
	}
	if (first_len)
		return UI_KEY_UNKNOWN; /* ESC [ 2 J and the like: not keys */
	return lookup(seq, n);
}

/* Keys read ahead (by ui_input_pending, or one too far while decoding). */
typedef struct {
	int rc;
	wint_t ch;
} raw_key;
static raw_key ahead[8];
static size_t n_ahead;

static void push_back(int rc, wint_t ch)
{
	if (n_ahead < sizeof ahead / sizeof ahead[0]) {
		memmove(ahead + 1, ahead, n_ahead * sizeof *ahead);
		ahead[0] = (raw_key){ rc, ch };
		n_ahead++;
	}
}

static int raw_get(int timeout_ms, wint_t *ch)
{
	if (n_ahead) {
		raw_key k = ahead[0];
		memmove(ahead, ahead + 1, --n_ahead * sizeof *ahead);
		*ch = k.ch;
		return k.rc;
	}
	timeout(timeout_ms);
	return get_wch(ch);
}

/* How long the rest of a sequence may take once ESC [ or ESC O has come: a sequence
 * cut by the network still arrives whole; a lone Esc is not delayed by this. */
#define SEQ_WAIT_MS 300
/* After ESC, how long to wait for [ or O (ncurses has already waited ESCDELAY). */
#define ESC_WAIT_MS 10

static wchar_t *paste_buf;
static size_t paste_len, paste_cap;
static bool paste_truncated;

static void paste_add(wchar_t c)
{
	if (paste_len >= UI_PASTE_MAX) {
		paste_truncated = true;
		return;
	}
	if (paste_len == paste_cap) {
		size_t cap = paste_cap ? paste_cap * 2 : 4096;
		wchar_t *p = realloc(paste_buf, cap * sizeof *p);
		if (!p) {
			paste_truncated = true;
			return;
		}
		paste_buf = p, paste_cap = cap;
	}
	paste_buf[paste_len++] = c;
}

/* Read a bracketed paste's text up to ESC [ 2 0 1 ~, raw: keypad off, so that nothing
 * inside becomes a key. A paste whose end never comes ends after a second of silence. */
static void read_paste(void)
{
	static const wchar_t end[] = L"\033[201~";
	const size_t end_len = 6;
	size_t matched = 0;
	paste_len = 0;
	paste_truncated = false;
	keypad(stdscr, FALSE);
	for (;;) {
		wint_t ch;
		int rc = raw_get(1000, &ch);
		if (rc == ERR)
			break;
		if (rc == KEY_CODE_YES)
			continue; /* cannot happen with keypad off (KEY_RESIZE comes later again) */
		if ((wchar_t)ch == end[matched]) {
			if (++matched == end_len)
				break;
			continue;
		}
		for (size_t i = 0; i < matched; i++)
			paste_add(end[i]);
		matched = 0;
		if ((wchar_t)ch == end[0])
			matched = 1;
		else
			paste_add((wchar_t)ch);
	}
	keypad_on();
}

const wchar_t *ui_input_paste(size_t *n, bool *truncated)
{
	*n = paste_len;
	if (truncated)
		*truncated = paste_truncated;
	return paste_buf ? paste_buf : L"";
}

/* Keys that terminfo names with extended (user-defined) capabilities, which ncurses
 * returns as codes above KEY_MAX: xterm's modified cursor keys (kUP5 is Ctrl-Up) and
 * its keypad in application mode. By name, the longest prefix first. */
static const struct {
	const char *name;
	int key;
} extended_keys[] = {
	{ "kUP", K(KEY_UP) },     { "kDN", K(KEY_DOWN) },   { "kLFT", K(KEY_LEFT) },
	{ "kRIT", K(KEY_RIGHT) }, { "kHOM", K(KEY_HOME) },  { "kEND", K(KEY_END) },
	{ "kDC", K(KEY_DC) },     { "kIC", K(KEY_IC) },     { "kNXT", K(KEY_NPAGE) },
	{ "kPRV", K(KEY_PPAGE) }, { "kpADD", '+' },         { "kpSUB", '-' },
	{ "kpMUL", '*' },         { "kpDIV", '/' },         { "kpDOT", '.' },
	{ "kpCMA", ',' },         { "kpZRO", '0' },         { "kp5", '5' },
	{ "ka2", '8' },           { "kb1", '4' },           { "kb3", '6' },
	{ "kc2", '2' },
};

static int extended_key(int code)
{
	const char *name = keyname(code);
	if (!name)
		return UI_KEY_UNKNOWN;
	for (size_t i = 0; i < sizeof extended_keys / sizeof extended_keys[0]; i++) {
		size_t n = strlen(extended_keys[i].name);
		/* the name, or the name and a modifier digit (kUP5) */
		if (strncmp(name, extended_keys[i].name, n) == 0 &&
		    (name[n] == '\0' || (name[n] >= '0' && name[n] <= '9' && name[n + 1] == '\0')))
			return extended_keys[i].key;
	}
	return UI_KEY_UNKNOWN;
}

/* What ncurses returns for keys it knows, reduced to the keys the screens use. */
static int normalise(int key)
{
	if ((key & UI_KFN) && key != UI_KEY_UNKNOWN && key != UI_KEY_PASTE &&
	    (key & ~UI_KFN) > KEY_MAX)
		return extended_key(key & ~UI_KFN);
	switch (key) {
	case K(KEY_SLEFT): return K(KEY_LEFT);
	case K(KEY_SRIGHT): return K(KEY_RIGHT);
	case K(KEY_SR): return K(KEY_UP);
	case K(KEY_SF): return K(KEY_DOWN);
	case K(KEY_SHOME): case K(KEY_FIND): return K(KEY_HOME);
	case K(KEY_SEND): case K(KEY_SELECT): return K(KEY_END);
	case K(KEY_SDC): return K(KEY_DC);
	case K(KEY_SIC): return K(KEY_IC);
	case K(KEY_SPREVIOUS): return K(KEY_PPAGE);
	case K(KEY_SNEXT): return K(KEY_NPAGE);
	/* The keypad's corners and centre in application mode, as terminfo names them. */
	case K(KEY_A1): return '7';
	case K(KEY_A3): return '9';
	case K(KEY_B2): return '5';
	case K(KEY_C1): return '1';
	case K(KEY_C3): return '3';
	case 127: case 8: return K(KEY_BACKSPACE); /* Backspace as DEL or as ^H */
	default: return key;
	}
}

/* ESC has come: the rest of a sequence, or a lone Esc. */
static int after_esc(void)
{
	wint_t ch;
	int rc = raw_get(ESC_WAIT_MS, &ch);
	if (rc == ERR)
		return 27;
	if (rc == KEY_CODE_YES || ch == 27) {
		push_back(rc, ch); /* Esc, then a key of its own */
		return 27;
	}
	if (ch != '[' && ch != 'O') {
		/* Alt with a key (or Esc typed just before it): Esc, then the key, as in
		 * most terminal programs. Only ESC [ and ESC O start sequences. */
		push_back(rc, ch);
		return 27;
	}
	char seq[64];
	size_t n = 0;
	bool too_long = false;
	seq[n++] = (char)ch;
	bool linux_fkey = false;
	for (;;) {
		rc = raw_get(SEQ_WAIT_MS, &ch);
		if (rc == ERR)
			return UI_KEY_UNKNOWN; /* cut off: swallowed */
		if (rc == KEY_CODE_YES || ch < 0x20 || ch > 0x7e) {
			push_back(rc, ch); /* not part of a sequence: it is a key of its own */
			return UI_KEY_UNKNOWN;
		}
		if (n < sizeof seq)
			seq[n++] = (char)ch;
		else
			too_long = true;
		if (n == 2 && seq[0] == '[' && ch == '[') {
			linux_fkey = true;
			continue;
		}
		bool final = linux_fkey || (ch >= 0x40 && ch <= 0x7e) ||
		             /* rxvt's $ after digits ends a sequence too */
		             (ch == '$' && seq[0] == '[' && n > 2);
		if (final)
			break;
	}
	return too_long ? UI_KEY_UNKNOWN : ui_input_decode(seq, n);
}

int ui_input_read(int timeout_ms, int *key)
{
	wint_t ch;
	int rc = raw_get(timeout_ms, &ch);
	if (rc == ERR)
		return ERR;
	int k = rc == KEY_CODE_YES ? K((int)ch) : (int)ch;
	if (k == 27) {
		k = after_esc();
		if (k == UI_KEY_PASTE)
			read_paste();
	}
	*key = normalise(k);
	return OK;
}

int ui_input_wait(int timeout_ms, int other_fd, const sigset_t *mask)
{
	struct pollfd fds[2] = { { .fd = STDIN_FILENO, .events = POLLIN },
		                 { .fd = other_fd, .events = POLLIN } };
	nfds_t nfds = other_fd >= 0 ? 2 : 1;
#ifdef HAVE_PPOLL
	struct timespec ts = { timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000000L };
	int n = ppoll(fds, nfds, &ts, mask);
#else
	/* (without ppoll, a signal between the caller's look and poll waits for the timeout) */
	sigset_t old;
	if (mask)
		sigprocmask(SIG_SETMASK, mask, &old);
	int n = poll(fds, nfds, timeout_ms);
	if (mask)
		sigprocmask(SIG_SETMASK, &old, NULL);
#endif
	if (n <= 0)
		return 0;
	/* (a closed terminal reads as ready: the read then fails and tells) */
	if (fds[0].revents)
		return 1;
	return 2;
}

bool ui_input_pending(void)
{
	if (n_ahead)
		return true;
	wint_t ch;
	int rc = raw_get(0, &ch);
	if (rc == ERR)
		return false;
	push_back(rc, ch);
	return true;
}

void ui_input_bracketed_paste(bool on)
{
	const char *cap = tigetstr(on ? "BE" : "BD");
	if (!cap || cap == (char *)-1)
		cap = on ? "\033[?2004h" : "\033[?2004l";
	put_mode(cap);
}
