/* test_ui_input.c — the input decoder (ui_input.c) in a real pseudo-terminal, behind
 * ncurses' own key lookup, for the terminal types people use: every sequence of the
 * decoder's table becomes its key and nothing else; modified, split and unknown
 * sequences; a lone Esc; Backspace as DEL and ^H; bracketed paste. After each case a
 * sentinel character must come through as itself: no byte of a sequence is left over
 * to become text. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"
#include "ui/ui_input.h"

static int master = -1;

/* Throw away what ncurses wrote to the terminal (so the pty never fills). */
static void drain(void)
{
	char buf[4096];
	while (read(master, buf, sizeof buf) > 0)
		;
}

static void feed(const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(master, s, n);
		if (w < 0 && errno != EINTR && errno != EAGAIN)
			return;
		if (w > 0)
			s += w, n -= (size_t)w;
		drain();
	}
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int next_key(void)
{
	int k = 0;
	drain();
	return ui_input_read(2000, &k) == OK ? k : -1;
}

/* ESC + seq + "z" must give `want`, then 'z'. */
static void check_seq(const char *term, const char *seq, int want, const char *what)
{
	char buf[64];
	int n = snprintf(buf, sizeof buf, "\033%sz", seq);
	feed(buf, (size_t)n);
	int got = next_key();
	int after = next_key();
	ok(got == want && after == 'z', "%s: ESC %s (%s) is key %#x, then the next key", term, seq,
	   what, (unsigned)want);
	if (got != want || after != 'z')
		diag("got %#x then %#x", (unsigned)got, (unsigned)after);
}

static SCREEN *open_term(const char *term, FILE **in, FILE **out)
{
	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) || unlockpt(master))
		return NULL;
	int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
	if (slave < 0)
		return NULL;
	fcntl(master, F_SETFL, O_NONBLOCK);
	*in = fdopen(slave, "r");
	*out = fdopen(dup(slave), "w");
	SCREEN *sc = newterm(term, *out, *in);
	if (!sc)
		return NULL;
	set_term(sc);
	raw();
	noecho();
	ui_input_init(*out);
	set_escdelay(25);
	drain();
	return sc;
}

static void close_term(SCREEN *sc, FILE *in, FILE *out)
{
	endwin();
	delscreen(sc);
	fclose(in), fclose(out);
	close(master);
	master = -1;
}

#define K(k) (UI_KFN | (k))

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	/* ui_input_decode alone: modifiers dropped, non-keys unknown. */
	static const struct {
		const char *seq;
		int key;
	} decoded[] = {
		{ "[1;5C", K(KEY_RIGHT) }, { "[1;2D", K(KEY_LEFT) }, { "[1;5H", K(KEY_HOME) },
		{ "[1;2F", K(KEY_END) },   { "[1;2P", K(KEY_F(1)) }, { "[1;5S", K(KEY_F(4)) },
		{ "[5;5~", K(KEY_PPAGE) }, { "[3;2~", K(KEY_DC) },   { "[21;2~", K(KEY_F(10)) },
		{ "[7^", K(KEY_HOME) },    { "[8$", K(KEY_END) },    { "[11^", K(KEY_F(1)) },
		{ "O5P", K(KEY_F(1)) },    { "O2A", K(KEY_UP) },     { "[1;2Z", K(KEY_BTAB) },
		{ "[99~", UI_KEY_UNKNOWN }, { "[2J", UI_KEY_UNKNOWN }, { "[?1;2c", UI_KEY_UNKNOWN },
		{ "[1;5X", UI_KEY_UNKNOWN }, { "[<0;3;4M", UI_KEY_UNKNOWN }, { "Oz", UI_KEY_UNKNOWN },
		{ "[>0;95;0c", UI_KEY_UNKNOWN }, { "[1;2;3A", UI_KEY_UNKNOWN },
	};
	for (size_t i = 0; i < sizeof decoded / sizeof decoded[0]; i++)
		is_int(ui_input_decode(decoded[i].seq, strlen(decoded[i].seq)), decoded[i].key,
		       "decode ESC %s", decoded[i].seq);

	/* The terminal types PuTTY (xterm, putty), xterm, tmux/screen, the Linux console,
	 * rxvt and a bare VT220 give; ncurses decodes what terminfo names, the table the rest. */
	static const char *const terms[] = { "xterm",  "xterm-256color", "putty", "screen",
	                                     "tmux-256color", "linux", "rxvt-unicode", "vt220" };
	for (size_t t = 0; t < sizeof terms / sizeof terms[0]; t++) {
		FILE *in, *out;
		SCREEN *sc = open_term(terms[t], &in, &out);
		if (!sc) {
			ok(1, "# SKIP %s: no terminfo entry or no pty", terms[t]);
			continue;
		}
		for (size_t i = 0; i < ui_key_table_len; i++) {
			if (ui_key_table[i].key == UI_KEY_PASTE)
				continue;
			const char *kmous = tigetstr("kmous");
			if (strcmp(ui_key_table[i].seq, "[M") == 0 && kmous && kmous != (char *)-1 &&
			    strcmp(kmous, "\033[M") == 0) {
				ok(1, "# SKIP %s: ESC [M is the mouse's report here (PuTTY's SCO F1 collides)",
				   terms[t]);
				continue;
			}
			check_seq(terms[t], ui_key_table[i].seq, ui_key_table[i].key, ui_key_table[i].who);
		}
		/* Modified keys as xterm, Windows Terminal and PuTTY (xterm-style) send them. */
		check_seq(terms[t], "[1;5C", K(KEY_RIGHT), "Ctrl-Right");
		check_seq(terms[t], "[1;5D", K(KEY_LEFT), "Ctrl-Left");
		check_seq(terms[t], "[1;2A", K(KEY_UP), "Shift-Up");
		check_seq(terms[t], "[1;5H", K(KEY_HOME), "Ctrl-Home");
		check_seq(terms[t], "[1;5F", K(KEY_END), "Ctrl-End");
		check_seq(terms[t], "[3;5~", K(KEY_DC), "Ctrl-Delete");
		check_seq(terms[t], "[6;2~", K(KEY_NPAGE), "Shift-PgDn");
		/* Unknown sequences are swallowed whole. */
		check_seq(terms[t], "[99~", UI_KEY_UNKNOWN, "unknown");
		check_seq(terms[t], "[1;5X", UI_KEY_UNKNOWN, "unknown");
		check_seq(terms[t], "[?62;c", UI_KEY_UNKNOWN, "a terminal's answer");
		feed("\033nz", 3);
		int a1 = next_key(), a2 = next_key(), a3 = next_key();
		ok(a1 == 27 && a2 == 'n' && a3 == 'z', "%s: ESC n (Alt-n, or Esc typed fast) is Esc, then n",
		   terms[t]);
		/* Split sequences (a slow network): the parts still make one key. */
		feed("\033[", 2);
		sleep_ms(120);
		feed("4~z", 3);
		int k1 = next_key(), k2 = next_key();
		ok(k1 == K(KEY_END) && k2 == 'z', "%s: ESC [ … 4 ~ split by 120 ms is End", terms[t]);
		feed("\033[1", 3);
		sleep_ms(120);
		feed("5~z", 3);
		k1 = next_key(), k2 = next_key();
		ok(k1 == K(KEY_F(5)) && k2 == 'z', "%s: ESC [ 1 … 5 ~ split by 120 ms is F5", terms[t]);
		/* A sequence cut off for good is swallowed; what comes after is itself. */
		feed("\033[2", 3);
		k1 = next_key();
		feed("z", 1);
		k2 = next_key();
		ok(k1 == UI_KEY_UNKNOWN && k2 == 'z', "%s: a cut-off sequence is swallowed", terms[t]);
		if (k1 != UI_KEY_UNKNOWN || k2 != 'z') {
			int k4 = next_key(), k5 = next_key();
			diag("got %#x %#x %#x %#x", (unsigned)k1, (unsigned)k2, (unsigned)k4, (unsigned)k5);
		}
		/* A lone Esc comes at once (well under a second). */
		int64_t t0 = now_ms();
		feed("\033", 1);
		k1 = next_key();
		int64_t took = now_ms() - t0;
		ok(k1 == 27 && took < 300, "%s: a lone Esc is Esc after %lld ms", terms[t], (long long)took);
		feed("\033\033[Az", 5);
		k1 = next_key(), k2 = next_key();
		int k3 = next_key();
		ok(k1 == 27 && k2 == K(KEY_UP) && k3 == 'z', "%s: Esc then Up", terms[t]);
		if (k1 != 27 || k2 != K(KEY_UP) || k3 != 'z')
			diag("got %#x %#x %#x", (unsigned)k1, (unsigned)k2, (unsigned)k3);
		/* Backspace as DEL and as ^H. */
		feed("\177\010z", 3);
		k1 = next_key(), k2 = next_key(), k3 = next_key();
		ok(k1 == K(KEY_BACKSPACE) && k2 == K(KEY_BACKSPACE) && k3 == 'z',
		   "%s: Backspace as DEL and as ^H", terms[t]);
		/* Polish letters typed are text. */
		feed("ąŁ", strlen("ąŁ"));
		k1 = next_key(), k2 = next_key();
		ok(k1 == 0x105 && k2 == 0x141, "%s: Polish letters are characters", terms[t]);
		/* Bracketed paste: keys' sequences inside are text; split across writes too. */
		const char *p1 = "\033[200~ab\033[21~c\033OP", *p2 = "d\033\033[20", *p3 = "1~z";
		feed(p1, strlen(p1));
		sleep_ms(50);
		feed(p2, strlen(p2));
		sleep_ms(50);
		feed(p3, strlen(p3));
		k1 = next_key();
		size_t n = 0;
		bool cut = true;
		const wchar_t *text = ui_input_paste(&n, &cut);
		k2 = next_key();
		ok(k1 == UI_KEY_PASTE && n == 13 && wmemcmp(text, L"ab\033[21~c\033OPd\033", 13) == 0 &&
		       !cut && k2 == 'z',
		   "%s: a bracketed paste is one event with its text, ESC and all", terms[t]);
		if (k1 != UI_KEY_PASTE || n != 13 || k2 != 'z') {
			char *u = malloc(n * 4 + 1);
			size_t m = u ? wcstombs(u, text, n * 4) : 0;
			diag("got %#x, %zu characters (%s), then %#x", (unsigned)k1, n,
			     u && m != (size_t)-1 ? u : "?", (unsigned)k2);
			free(u);
		}
		close_term(sc, in, out);
	}
	return tap_done();
}
