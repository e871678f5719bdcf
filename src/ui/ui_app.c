/* ui_app.c — curses set-up and tear-down, signals, the screen stack and the main loop.
 * Handlers only return reaction flags; this file is the one place that applies them,
 * handles KEY_RESIZE and draws the frame (title line, body, status line, key bar). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <panel.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/forum.h"
#include "core/presence.h"
#include "core/prefs.h"
#include "core/watch.h"
#include "i18n.h"
#include "text/pltext.h"
#include "text/safe.h"
#include "text/strbuf.h"
#include "ui/ui.h"
#include "ui/ui_cmd.h"
#include "ui/ui_chrome.h"
#include "ui/ui_cmdline.h"
#include "ui/ui_prefs.h"
#include "ui/ui_input.h"
#include "ui/ui_screen.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"
#include "ui/ui_winsize.h"

#define MIN_COLS 40
#define MIN_LINES 12
#define TICK_MS 1000

static volatile sig_atomic_t got_exit_signal; /* SIGHUP, SIGTERM, SIGINT */
static volatile sig_atomic_t got_winch;       /* the window changed size */
static SCREEN *scr;                            /* non-NULL while curses runs */
static ui_cmdline cmdline;                     /* the : command line */

static void on_winch(int sig)
{
	(void)sig;
	got_winch = 1;
}

static void on_exit_signal(int sig)
{
	got_exit_signal = sig;
}

/* A crash must still leave a usable terminal behind. */
static void on_fatal_signal(int sig)
{
	if (scr)
		endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void restore_terminal(void)
{
	if (scr && !isendwin()) {
		ui_input_bracketed_paste(false);
		endwin();
	}
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_exit_signal; /* no SA_RESTART: a blocked read returns */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_fatal_signal;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

void ui_status(ui_ctx *c, bool is_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	str_vfit(c->status, sizeof c->status, fmt, ap); /* longer than a screen: marked */
	va_end(ap);
	c->status_error = is_error;
}

void ui_status_error(ui_ctx *c, const error *e)
{
	ui_status(c, true, "%s", e->msg[0] ? e->msg : _("Something went wrong"));
}

unsigned ui_open(ui_ctx *c, ui_screen *s)
{
	if (!s)
		return UI_R_REDRAW; /* the constructor said why on the status line */
	c->push = s;
	return UI_R_PUSH | UI_R_REDRAW;
}

void ui_crumb_add(char *buf, size_t n, const char *part)
{
	size_t len = strlen(buf);
	str_fitf(buf + len, n - len, "%s%s", len ? " › " : "", part);
}

static ui_rect body_rect(void)
{
	return (ui_rect){ 1, 0, LINES - 3, COLS };
}

static bool too_small(void)
{
	return COLS < MIN_COLS || LINES < MIN_LINES;
}

static void push_screen(ui_ctx *c, ui_screen *s)
{
	s->below = c->top;
	s->cur_y = s->cur_x = -1;
	c->top = s;
	if (s->ops->resize)
		s->ops->resize(s, c, body_rect());
}

static void pop_screen(ui_ctx *c)
{
	ui_screen *s = c->top;
	if (!s)
		return;
	c->top = s->below;
	s->ops->destroy(s);
}

static FILE *trace_file, *sql_trace_file;

/* A debugging aid: a new file only, never through a link, never shown to anyone. */
static FILE *trace_new(const char *env)
{
	const char *path = getenv(env);
	if (!path || !*path)
		return NULL;
	FILE *f = NULL;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd >= 0 && !(f = fdopen(fd, "w")))
		close(fd);
	return f;
}

/* EMPIRIE_TRACE_RELOADS: what the session loads again (ui_trace); EMPIRIE_TRACE_SQL:
 * every statement it runs. */
static void trace_open(void)
{
	trace_file = trace_new("EMPIRIE_TRACE_RELOADS");
	sql_trace_file = trace_new("EMPIRIE_TRACE_SQL");
}

/* Each statement the store runs, on one line. */
static void trace_sql(void *arg, const char *sql)
{
	(void)arg;
	if (!sql)
		return;
	for (const char *p = sql; *p; p++)
		fputc(*p == '\n' || *p == '\r' ? ' ' : *p, sql_trace_file);
	fputc('\n', sql_trace_file);
	fflush(sql_trace_file);
}

void ui_trace(const char *fmt, ...)
{
	if (!trace_file)
		return;
	va_list ap;
	va_start(ap, fmt);
	vfprintf(trace_file, fmt, ap);
	va_end(ap);
	fputc('\n', trace_file);
	fflush(trace_file);
}

static void reload_all(ui_ctx *c)
{
	for (ui_screen *s = c->top; s; s = s->below)
		if (s->ops->reload)
			s->ops->reload(s, c);
	ui_refresh_unread(c);
}

/* Who is here (presence.h): this session's heartbeat, NULL when the side file cannot
 * be used (a read-only copy; the application works the same without it). */
static presence *here;

/* Where this session is, at the level of a network: never which thread or post. */
static void current_place(ui_ctx *c, presence_place *p)
{
	static const struct {
		unsigned kind;
		const char *area;
	} areas[] = {
		{ SC_MAIN, "networks" }, { SC_READER, "reading" }, { SC_EDITOR, "writing" },
		{ SC_SEARCH, "search" }, { SC_CARD, "directory" }, { SC_PRACTICE, "practices" },
		{ SC_PLIST, "practices" }, { SC_MEETING, "meetings" }, { SC_MLIST, "meetings" },
		{ SC_TLIST, "directory" }, { SC_HELP, "help" },
	};
	ui_screen *bottom = c->top;
	while (bottom && bottom->below)
		bottom = bottom->below;
	p->network = ui_main_network(bottom);
	p->area = "networks";
	/* A list to pick from belongs to the screen under it. */
	for (ui_screen *s = c->top; s; s = s->below) {
		size_t i = 0;
		while (i < sizeof areas / sizeof areas[0] && areas[i].kind != s->ops->kind)
			i++;
		if (i < sizeof areas / sizeof areas[0]) {
			p->area = areas[i].area;
			break;
		}
	}
}

/* Whether the title line shows how many sessions are open. */
static bool shows_online(const ui_ctx *c)
{
	return here && (c->me->role == ROLE_COORDINATOR || c->me->role == ROLE_ADMIN);
}

/* The heartbeat when one is due (at most one small write per interval); true when the
 * count on the title line may have changed. */
static bool presence_due(ui_ctx *c)
{
	if (!presence_is_due(here))
		return false;
	presence_place p;
	current_place(c, &p);
	int64_t before = presence_online(here);
	/* (only coordinators and administrators see the count: draw_all) */
	return presence_tick(here, &p) && presence_online(here) != before && shows_online(c);
}

/* Another session wrote: load again what shows its changes, and nothing else (issue 20:
 * with hundreds of sessions, every post used to reload every screen of every one). */
/* What a look at others' changes leaves to draw: nothing, the title line, the parts of
 * the screen its draw_parts draws, or all (also what a key needs). */
enum { DRAW_NONE, DRAW_TITLE, DRAW_PARTS, DRAW_ALL };

static int apply_changes(ui_ctx *c, const change_set *cs)
{
	if (cs->shared) {
		ui_trace("shared");
		reload_all(c);
		return DRAW_ALL;
	}
	if (change_set_is_empty(cs))
		return DRAW_NONE;
	ui_trace("look");
	/* The title's unread count, and each network's for the screens that show them:
	 * any network's posts, or this person's read marks (this session's own among
	 * them: the store cannot tell them from another session's of the same person, so
	 * the counts are taken again once after them; cheap). Before the screens, which
	 * read them. */
	ui_refresh_unread(c);
	bool posts = cs->n_networks || cs->n_threads;
	int need = DRAW_TITLE;
	for (ui_screen *s = c->top; s; s = s->below) {
		ui_shown shown = UI_SHOWN_SAME;
		if (s->ops->changed)
			shown = s->ops->changed(s, c, cs);
		else if (posts && s->ops->reload) {
			s->ops->reload(s, c);
			shown = UI_SHOWN_ALL;
		}
		/* Only the top one is on the screen; one below draws whole when it is again. */
		if (s == c->top && shown != UI_SHOWN_SAME)
			need = shown == UI_SHOWN_PARTS && s->ops->draw_parts ? DRAW_PARTS : DRAW_ALL;
	}
	return need;
}

/* While a change waits for another program's write (db_set_wait_notify, from about
 * 0.4 s on): say so on the status line, counting down, so that the screen does not look
 * frozen. The next drawing of the status line replaces it with the outcome. */
static void wait_notice(void *arg, int waited_ms, int limit_ms)
{
	(void)arg;
	if (!scr || too_small())
		return;
	int left = (limit_ms - waited_ms + 999) / 1000;
	char msg[300];
	snprintf(msg, sizeof msg,
	         ngettext("Another user is writing to the database: waiting, at most %d more second…",
	                  "Another user is writing to the database: waiting, at most %d more seconds…",
	                  (unsigned long)left),
	         left);
	int cy, cx;
	getyx(stdscr, cy, cx);
	int y = LINES - 2;
	move(y, 0);
	clrtoeol();
	theme_set(stdscr, TH_STATUS);
	ui_put(stdscr, y, 1, msg, COLS - 2);
	theme_set(stdscr, TH_NORMAL);
	move(cy, cx);
	wnoutrefresh(stdscr);
	update_panels();
	doupdate();
}

/* What holds now on screen s; nothing that writes in a read-only copy. */
static unsigned screen_pre(ui_screen *s, ui_ctx *c)
{
	unsigned ok = s->ops->pre ? s->ops->pre(s, c) : 0;
	return db_is_readonly(c->d) ? ok & ~PRE_WRITES : ok;
}

/* The preconditions the key bar was last drawn with, and the size of the last drawing
 * of all (a resize since, its KEY_RESIZE not yet handled, makes the parts' places old). */
static unsigned keybar_pre;
static int drawn_lines, drawn_cols;

/* The cursor where the screen wants it, and what was drawn onto the terminal. */
static void show_drawing(const ui_screen *s)
{
	if (s->cur_y >= 0) {
		curs_set(1);
		move(s->cur_y, s->cur_x > 0 ? s->cur_x : 0);
	} else {
		curs_set(0);
	}
	/* stdscr first, then any panel (a pick box) over it, in one update. */
	wnoutrefresh(stdscr);
	update_panels();
	doupdate();
}

static void draw_all(ui_ctx *c)
{
	erase();
	if (too_small()) {
		/* Wrapped and centred: it must be readable at any size. */
		wchar_t *msg = safe_wcs(_("The terminal is too small: at least 40×12 is needed."),
		                        (size_t)-1, 0);
		ui_spans sp = { 0 };
		if (msg && ui_wrap(msg, wcslen(msg), COLS, 0, &sp)) {
			int y = (LINES - (int)sp.n) / 2;
			for (size_t i = 0; i < sp.n; i++, y++) {
				int w = ui_wcs_cols(msg + sp.items[i].start, sp.items[i].len);
				if (y >= 0 && y < LINES)
					mvaddnwstr(y, w < COLS ? (COLS - w) / 2 : 0, msg + sp.items[i].start,
					           (int)ui_wcs_fit(msg + sp.items[i].start, sp.items[i].len, COLS));
			}
		}
		ui_spans_free(&sp);
		free(msg);
		curs_set(0);
		refresh();
		return;
	}
	ui_trace("draw all");
	drawn_lines = LINES, drawn_cols = COLS;
	ui_screen *s = c->top;
	s->cur_y = s->cur_x = -1;
	s->ops->draw(s, c, body_rect());
	ui_draw_title(c, shows_online(c) ? presence_online(here) : -1);
	ui_draw_status(c, &cmdline, ui_winsize_clipped() ? UI_MAX_COLS : 0, UI_MAX_LINES);
	keybar_pre = screen_pre(s, c);
	ui_keybar_draw(LINES - 1, s->ops->kind, keybar_pre, db_is_readonly(c->d) ? PRE_WRITES : 0);
	show_drawing(s);
}

/* After a look at others' changes: only what they changed (the title's counts, and
 * the parts the screen says), over what is on the screen; all of it when a pick box
 * is open over the screen (curses would not know to draw it again over new text) or
 * the command line is being typed. A whole drawing is most of what a post costs each
 * session that shows none of it (issue 20). */
static void draw_changes(ui_ctx *c, int need)
{
	ui_screen *s = c->top;
	if (need == DRAW_ALL || too_small() || panel_below(NULL) || cmdline.typing ||
	    LINES != drawn_lines || COLS != drawn_cols) {
		draw_all(c);
		return;
	}
	ui_trace(need == DRAW_PARTS ? "draw parts" : "draw title");
	if (need == DRAW_PARTS) {
		s->ops->draw_parts(s, c);
		/* A long message wraps upwards over the body's last rows: over the parts too. */
		ui_draw_status(c, &cmdline, ui_winsize_clipped() ? UI_MAX_COLS : 0, UI_MAX_LINES);
	}
	ui_draw_title(c, shows_online(c) ? presence_online(here) : -1);
	/* A list drawn again may have another row selected: another key bar. */
	unsigned pre = need == DRAW_PARTS ? screen_pre(s, c) : keybar_pre;
	if (pre != keybar_pre) {
		keybar_pre = pre;
		ui_keybar_draw(LINES - 1, s->ops->kind, pre, db_is_readonly(c->d) ? PRE_WRITES : 0);
	}
	show_drawing(s);
}

/* Why a command cannot run now. */
static const char *pre_message(ui_ctx *c, unsigned missing)
{
	if (db_is_readonly(c->d) && (missing & PRE_WRITES))
		return _("This copy is read-only: browsing and search work, but nothing can be "
		         "written here.");
	if (missing & PRE_NETWORK)
		return _("Choose a network first.");
	if (missing & PRE_THREAD)
		return _("Choose a thread first.");
	if (missing & PRE_WRITE)
		return _("Your account may not write in this network.");
	if (missing & PRE_OWN_POST)
		return _("You can edit only your own posts.");
	if (missing & PRE_MODERATE)
		return _("Only the network's coordinator or an administrator can lock, pin or hide.");
	if (missing & PRE_OPEN)
		return _("This thread is locked by the coordinator: no more replies or edits.");
	if (missing & PRE_SHOWN)
		return _("A coordinator has hidden this post, so it cannot be edited; ask the "
		         "network's coordinator to show it again.");
	if (missing & PRE_FREE)
		return _("Not available in this restricted session.");
	if (missing & PRE_ADD)
		return _("Your account may not add here: a town's members add its practices, a "
		         "network's coordinators its meetings.");
	if (missing & PRE_EDIT_ITEM)
		return _("Only the town's members and the network's coordinators may change this.");
	if (missing & PRE_ATTEND)
		return _("Only members of a town in this network can sign up, and only for a planned "
		         "meeting.");
	if (missing & PRE_TAKE_UP)
		return _("A town's members (for their town) and the networks' coordinators record what "
		         "a town takes up; never for the practice's own town.");
	return _("Not available here.");
}

/* Quitting with text not sent (an editor open under this screen, drafts kept from
 * before) asks first; the text is kept as a draft either way. */
static bool editor_open(ui_ctx *c)
{
	for (ui_screen *s = c->top; s; s = s->below)
		if (s->ops->kind == SC_EDITOR)
			return true;
	return false;
}

static unsigned ask_quit(ui_ctx *c)
{
	int64_t drafts = 0;
	error e;
	if (draft_count(c->d, c->me, &drafts, &e) != ST_OK)
		drafts = 0;
	if (!drafts && !editor_open(c))
		return UI_R_QUIT;
	if (editor_open(c) && !drafts)
		drafts = 1;
	snprintf(c->prompt, sizeof c->prompt,
	         ngettext("You have %lld unsent draft (it is kept). Quit? (y: quit, n or Esc: stay)",
	                  "You have %lld unsent drafts (they are kept). Quit? (y: quit, n or Esc: stay)",
	                  (unsigned long)drafts),
	         (long long)drafts);
	c->asking_quit = true;
	return UI_R_REDRAW;
}

static unsigned answer_quit(ui_ctx *c, int key)
{
	c->asking_quit = false;
	c->prompt[0] = '\0';
	if (key == 'y' || key == 'Y' || key == 't' || key == 'T')
		return UI_R_QUIT;
	ui_status(c, false, "%s", _("Not quitting."));
	return UI_R_REDRAW;
}

static unsigned global_command(ui_ctx *c, ui_cmd_id cmd)
{
	switch (cmd) {
	case CMD_HELP:
	case CMD_EDITOR_HELP:
		return ui_open(c, ui_help_new(c, c->top->ops->kind));
	case CMD_SEARCH:
		return ui_open(c, ui_search_new(c));
	case CMD_BACK:
		return UI_R_POP;
	case CMD_QUIT:
		return ask_quit(c);
	case CMD_UNDO_MARK:
		return ui_undo_marking(c);
	case CMD_REDRAW:
		/* Every cell sent again, not only those curses believes changed. */
		clearok(curscr, TRUE);
		return UI_R_REDRAW;
	default:
		return UI_R_NONE;
	}
}

/* A key and its command on the top screen (the caller looked it up: once per key). */
static unsigned dispatch(ui_ctx *c, int key, ui_cmd_id cmd)
{
	ui_screen *s = c->top;
	if (cmdline.typing)
		return ui_cmdline_key(&cmdline, c, key);
	bool printable = !(key & UI_KFN) && key >= 32 && key != 127;
	if (c->asking_quit)
		return answer_quit(c, key);
	if (printable && s->ops->wants_text && s->ops->wants_text(s))
		return s->ops->key(s, c, CMD_NONE, key);
	if (cmd == CMD_NONE)
		return s->ops->key(s, c, CMD_NONE, key);
	if (cmd == CMD_COMMAND_LINE) {
		ui_cmdline_begin(&cmdline);
		return UI_R_REDRAW;
	}
	return ui_run_command(c, cmd, key);
}

unsigned ui_run_command(ui_ctx *c, ui_cmd_id cmd, int key)
{
	ui_screen *s = c->top;
	const ui_command *uc = ui_cmd_get(cmd);
	unsigned ok = screen_pre(s, c);
	if ((uc->pre & ok) != uc->pre) {
		ui_status(c, true, "%s", pre_message(c, uc->pre & ~ok));
		return UI_R_REDRAW;
	}
	unsigned r = s->ops->key(s, c, cmd, key);
	if (r & UI_R_UNHANDLED)
		r = (r & ~UI_R_UNHANDLED) | global_command(c, cmd);
	return r;
}

/* Apply reactions; false when the program should end. */
static bool apply(ui_ctx *c, unsigned r)
{
	if (r & UI_R_QUIT)
		return false;
	if (r & UI_R_POP) {
		pop_screen(c);
		if (!c->top)
			return false;
		if (c->top->ops->resize)
			c->top->ops->resize(c->top, c, body_rect());
	}
	if ((r & UI_R_PUSH) && c->push) {
		push_screen(c, c->push);
		c->push = NULL;
	}
	if (r & UI_R_RELOAD)
		reload_all(c);
	return true;
}

static void resize_all(ui_ctx *c)
{
	for (ui_screen *s = c->top; s; s = s->below)
		if (s->ops->resize)
			s->ops->resize(s, c, body_rect());
}

static void save_all(ui_ctx *c)
{
	for (ui_screen *s = c->top; s; s = s->below)
		if (s->ops->save)
			s->ops->save(s, c);
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Lines the mouse wheel moves, and the longest pause between the presses of a
 * double click. */
#define WHEEL_LINES 3
#define DOUBLE_CLICK_MS 400

static unsigned handle_mouse(ui_ctx *c)
{
	static int64_t last_press;
	static int last_y = -1, last_x = -1;
	MEVENT ev;
	if (getmouse(&ev) != OK || too_small() || cmdline.typing)
		return UI_R_NONE; /* the command line takes keys only */
	/* The wheel: buttons 4 and 5, as the arrow keys would. */
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		int k = UI_KFN | (ev.bstate & BUTTON4_PRESSED ? KEY_UP : KEY_DOWN);
		ui_cmd_id cmd = ui_cmd_for_key(k, c->top->ops->kind);
		unsigned r = 0;
		for (int i = 0; i < WHEEL_LINES; i++)
			r |= dispatch(c, k, cmd);
		return r | UI_R_REDRAW;
	}
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED |
	                   BUTTON1_DOUBLE_CLICKED)))
		return UI_R_NONE;
	if (ev.y == LINES - 1) {
		int k = ui_keybar_hit(ev.x);
		return k && (ev.bstate & (BUTTON1_CLICKED | BUTTON1_RELEASED))
		               ? dispatch(c, k, ui_cmd_for_key(k, c->top->ops->kind)) : UI_R_NONE;
	}
	if (!c->top->ops->click || (ev.bstate & BUTTON1_RELEASED))
		return UI_R_NONE;
	int64_t t = now_ms();
	bool twice = (ev.bstate & BUTTON1_DOUBLE_CLICKED) ||
	             (ev.y == last_y && ev.x == last_x && t - last_press <= DOUBLE_CLICK_MS);
	last_press = twice ? 0 : t, last_y = ev.y, last_x = ev.x;
	unsigned r = c->top->ops->click(c->top, c, ev.y, ev.x);
	/* A double click opens what the first click selected, as Enter would. */
	if (twice && !(r & (UI_R_PUSH | UI_R_POP | UI_R_QUIT)))
		r |= dispatch(c, '\n', ui_cmd_for_key('\n', c->top->ops->kind));
	return r;
}

/* A bracketed paste goes to the screen's text field as text, never as keys. */
static unsigned handle_paste(ui_ctx *c)
{
	size_t n;
	bool truncated;
	const wchar_t *text = ui_input_paste(&n, &truncated);
	if (cmdline.typing) {
		ui_cmdline_paste(&cmdline, text, n);
		return UI_R_REDRAW;
	}
	if (!c->top->ops->paste) {
		ui_status(c, true, "%s", _("Pasting works only in text fields (the editor, the search "
		                           "line): nothing was pasted here."));
		return UI_R_REDRAW;
	}
	unsigned r = c->top->ops->paste(c->top, c, text, n);
	if (truncated)
		ui_status(c, true, ngettext("The paste was cut to its first %d character.",
		                            "The paste was cut to its first %d characters.",
		                            (unsigned long)UI_PASTE_MAX),
		          UI_PASTE_MAX);
	return r | UI_R_REDRAW;
}

/* The database watched for writes by other sessions (NULL: no inotify, tick instead). */
static watch *db_watch;
/* The longest an idle session sleeps between looks, when writes wake it anyway. */
#define IDLE_MAX_MS 30000
/* How long a write that woke an idle session is left to finish before the look. */
#define WRITE_SETTLE_MS 60
/* And up to this much more, the same for each session: one write wakes every session
 * at once, and hundreds looking in the same instant (and after it once a second, while
 * posts keep coming) hold up the one whose key was just pressed (issue 20: key latency
 * under load). Spread, their looks share the cores with it. */
#define WRITE_SPREAD_MS 400

static int settle_ms(void)
{
	static int spread = -1;
	if (spread < 0) {
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		uint32_t h = ((uint32_t)getpid() * 2654435761u) ^ (uint32_t)ts.tv_nsec;
		spread = (int)((h >> 8) % (WRITE_SPREAD_MS + 1));
	}
	return WRITE_SETTLE_MS + spread;
}

/* How long the loop may sleep when no key comes: a screen with work of its own each
 * second (the reader's read mark, the editor's autosave) and a session without a watch
 * keep the one-second tick; any other sleeps until a write, a key, the next presence
 * beat or IDLE_MAX_MS (issue 20: idle sessions cost nothing). */
static int idle_wait_ms(ui_ctx *c)
{
	if (!db_watch || c->top->ops->tick)
		return TICK_MS;
	/* With a heartbeat, the beat is the one timed wake (at most every 40 s): a look of
	 * its own in between would double what 1,000 idle sessions cost. */
	int64_t beat = presence_ms_until_due(here);
	int64_t ms = beat >= 0 ? beat : IDLE_MAX_MS;
	return ms > TICK_MS ? (int)ms : TICK_MS;
}

/* Sleep as ui_input_wait does, with the signals the loop looks at blocked from the look
 * until the sleep: one that came meanwhile (a resize while drawing) ends it at once
 * instead of waiting up to IDLE_MAX_MS. */
static int idle_sleep(int ms, bool writes_wake)
{
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGWINCH);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigprocmask(SIG_BLOCK, &block, &old);
	int r = got_winch || got_exit_signal
	                ? 0
	                : ui_input_wait(ms, writes_wake ? watch_fd(db_watch) : -1, &old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return r;
}

/* What ended a wait for the next key. */
typedef struct {
	int rc, key;  /* rc OK: key is a key */
	bool woken;   /* by a write elsewhere or the idle timer, not by the terminal */
	bool written; /* by a write */
} wake;

static wake next_input(ui_ctx *c, bool changes_flowing)
{
	wake w = { .rc = ERR };
	int idle_ms = idle_wait_ms(c);
	if (idle_ms <= TICK_MS || ui_input_pending()) {
		w.rc = ui_input_read(TICK_MS, &w.key);
		return w;
	}
	/* While others' changes keep coming (the last look found one), one look a second
	 * takes them together, as the tick did: 5 posts a second must not wake 1,000
	 * sessions 5 times a second each. After a quiet look, the first write wakes the
	 * session (after settle_ms). */
	int r = idle_sleep(changes_flowing ? TICK_MS : idle_ms, !changes_flowing);
	/* A commit reaches the WAL in several writes, and readers see it only once the
	 * writer has updated the WAL index (the -shm file, which tells no one): let it
	 * finish, so that one look takes it whole. A key ends the wait. Without it, a look
	 * at the first write found nothing and the session slept until the next write
	 * (tests/tui/reload.sh 15). */
	w.written = r == 2;
	if (r == 2)
		r = idle_sleep(settle_ms(), false);
	if (r == 1)
		w.rc = ui_input_read(TICK_MS, &w.key);
	else
		w.woken = true;
	watch_drain(db_watch); /* (the look after it covers what they announced) */
	return w;
}

/* A key (or a mouse report, a paste, a resize) to its reactions. */
static unsigned handle_input(ui_ctx *c, int key)
{
	if (key == (UI_KFN | KEY_RESIZE)) {
		resize_all(c);
		return UI_R_REDRAW;
	}
	if (key == (UI_KFN | KEY_MOUSE))
		return handle_mouse(c);
	if (key == UI_KEY_PASTE) {
		c->status[0] = '\0';
		return handle_paste(c);
	}
	if (key == UI_KEY_UNKNOWN) {
		ui_status(c, false, "%s", _("Unknown key: this terminal sent a sequence the program "
		                            "does not know; nothing was done."));
		return UI_R_REDRAW;
	}
	/* Ctrl-L: all sent again as it is, the message on the status line too, whatever has
	 * the keys (the command line, a prompt, a box, a question). */
	ui_cmd_id cmd = ui_cmd_for_key(key, c->top->ops->kind);
	if (cmd == CMD_REDRAW) {
		clearok(curscr, TRUE);
		return UI_R_REDRAW;
	}
	c->status[0] = '\0';
	return dispatch(c, key, cmd) | UI_R_REDRAW;
}

/* What others changed since the last look: loaded, and how much to draw again. */
typedef struct {
	int64_t version, seen; /* SQLite's data_version, the last change number taken */
	bool flowing;          /* the last look found a change (or a write woke it) */
} looker;

static int look(ui_ctx *c, looker *lk, bool written)
{
	int64_t v = db_data_version(c->d);
	/* A write that woke it but shows nothing yet (a writer slower than the wait):
	 * one more look within the second rather than none until the next write. */
	lk->flowing = v != lk->version || written;
	if (v == lk->version)
		return DRAW_NONE;
	lk->version = v;
	change_set cs;
	changes_since(c->d, lk->seen, c->me->id, &cs, NULL);
	lk->seen = cs.seq;
	return apply_changes(c, &cs);
}

static void run_loop(ui_ctx *c)
{
	looker lk = { db_data_version(c->d), changes_latest(c->d), false };
	int fast_errors = 0;
	int need = DRAW_ALL; /* what is to be drawn again */
	int64_t drawn_at = 0;
	while (!got_exit_signal) {
		/* Keys that are already waiting (a paste, a fast typist) are handled before the
		 * next drawing: a drawing costs time in the size of the text shown, and once per
		 * key that made a paste quadratic. Still drawn twice a second meanwhile. */
		if (need && (!ui_input_pending() || now_ms() - drawn_at > 500)) {
			draw_changes(c, need);
			drawn_at = now_ms();
			need = DRAW_NONE;
		}
		int64_t t0 = now_ms();
		wake w = next_input(c, lk.flowing);
		if (got_exit_signal)
			break;
		if (got_winch) {
			got_winch = 0;
			ui_winsize_apply();
		}
		if (w.rc == ERR && !w.woken) {
			/* A closed terminal makes every read fail at once: treat as a hangup. */
			if (now_ms() - t0 < TICK_MS / 4 && errno != EINTR) {
				if (++fast_errors > 20) {
					got_exit_signal = SIGHUP;
					break;
				}
			} else {
				fast_errors = 0;
			}
		} else {
			fast_errors = 0;
		}
		unsigned r = w.rc == OK ? handle_input(c, w.key) : UI_R_NONE;
		if (!apply(c, r))
			break;
		if (r)
			need = DRAW_ALL;
		/* The once-a-second work waits while keys are coming in (a paste). */
		if (w.rc == OK && ui_input_pending() && now_ms() - drawn_at <= 500)
			continue;
		if (c->top->ops->tick && c->top->ops->tick(c->top, c))
			need = DRAW_ALL;
		if (presence_due(c))
			need = DRAW_ALL;
		/* Changes by other people show without a restart. */
		int changed = look(c, &lk, w.written);
		if (changed > need)
			need = changed;
	}
}

/* The title's word on what is shown: generated data must never pass for the real
 * directory, and an offline copy says so and how old it is (nothing written elsewhere
 * since is in it). */
static void data_label(ui_ctx *ctx)
{
	char *kind = db_meta_get(ctx->d, "kind"), *copy = db_meta_get(ctx->d, "snapshot_at");
	size_t o = 0;
	if (kind && strcmp(kind, "synthetic") == 0)
		o += (size_t)snprintf(ctx->data_label, sizeof ctx->data_label, "%s",
		                      _("SYNTHETIC DATA"));
	if (copy && o < sizeof ctx->data_label) {
		char date[16];
		snprintf(date, sizeof date, "%.10s", copy);
		char *when = pl_date_range(date, NULL);
		char what[96];
		snprintf(what, sizeof what, _("offline copy of %s"), when ? when : date);
		o += (size_t)snprintf(ctx->data_label + o, sizeof ctx->data_label - o, "%s%s",
		                      o ? " · " : "", what);
		free(when);
	}
	if (db_is_readonly(ctx->d) && o < sizeof ctx->data_label)
		str_fitf(ctx->data_label + o, sizeof ctx->data_label - o, "%s%s", o ? " · " : "",
		         _("read-only"));
	free(kind), free(copy);
}

/* The personal settings: the file, or in a restricted session the account's own in the
 * database (everyone there is the same Unix account). Their complaints go to the status
 * line; true when the mouse is to be left to the terminal. */
static bool load_prefs(ui_ctx *ctx)
{
	const ui_options *opt = ctx->opt;
	ui_prefs prefs;
	ui_prefs_init(&prefs);
	if (opt->restricted) {
		char *text = NULL;
		error pe;
		if (ctx->me->id && prefs_load(ctx->d, ctx->me, &text, &pe) == ST_OK)
			ui_prefs_apply(&prefs, _("your settings"), text);
		free(text);
	} else {
		char *path = ui_prefs_path();
		if (path)
			ui_prefs_load_file(&prefs, path);
		free(path);
	}
	char *all = ui_prefs_warnings(&prefs); /* cut as any long message: head … end */
	if (all && *all)
		ui_status(ctx, true, "%s", all);
	free(all);
	bool no_mouse = opt->no_mouse || prefs.mouse == 0;
	ui_prefs_free(&prefs);
	return no_mouse;
}

int ui_run(db *d, account *me, const ui_options *opt)
{
	ui_ctx ctx = { .d = d, .me = me, .opt = opt };
	data_label(&ctx);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		safe_fputs(_("empirie: the full-screen application needs a terminal; see 'empirie "
		             "--help' for commands that work without one.\n"), stderr, SAFE_MULTILINE);
		return 1;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_winch; /* no SA_RESTART: a blocked read returns */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, NULL);
	ui_winsize_cap_env();
	scr = newterm(NULL, stdout, stdin);
	ui_winsize_restore_env();
	if (!scr) {
		safe_fprintf(stderr, _("empirie: cannot use the terminal type '%s'.\n"),
		             getenv("TERM") ? getenv("TERM") : "");
		return 1;
	}
	atexit(restore_terminal);
	install_signals();
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	raw(); /* Ctrl-C, Ctrl-Z and Ctrl-S arrive as keys: nothing leaves the program */
	noecho();
	ui_input_init(stdout);
	bool no_mouse = load_prefs(&ctx);
	theme_init(opt->no_color);
	if (!no_mouse)
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_DOUBLE_CLICKED |
		              BUTTON4_PRESSED | BUTTON5_PRESSED,
		          NULL);
	mouseinterval(0);
	ui_input_bracketed_paste(true);
	trace_open();
	if (sql_trace_file)
		db_set_trace(d, trace_sql, NULL);
	ui_refresh_unread(&ctx);
	db_set_wait_notify(d, wait_notice, &ctx);
	ui_screen *main_screen = ui_main_new(&ctx);
	/* Best effort: without the side file no one sees this session, nothing else. */
	error ignore;
	if (main_screen && !db_is_readonly(d))
		presence_join(&here, d, me, opt->restricted, opt->session_timeout, &ignore);
	int rc = 0;
	if (main_screen) {
		push_screen(&ctx, main_screen);
		if (here) { /* the row says where from the start, not only after a heartbeat */
			presence_place p;
			current_place(&ctx, &p);
			presence_beat_now(here, &p);
		}
		db_watch = watch_open(db_path(d));
		run_loop(&ctx);
		watch_close(db_watch);
		db_watch = NULL;
		save_all(&ctx);
	} else {
		rc = 1;
	}
	read_marks_free(&ctx.last_marking);
	free(ctx.unread_nets);
	presence_leave(&here);
	while (ctx.top)
		pop_screen(&ctx);
	/* Every box's panel is gone by now. Test runs check it: ncurses' own panel for
	 * stdscr is never freed (tests/valgrind.supp), so a leak checker cannot tell a box
	 * we forgot from that one. */
	if (panel_above(NULL) && getenv("EMPIRIE_SANITIZED")) {
		endwin();
		fputs(_("empirie: internal error: a panel outlived its screen\n"), stderr);
		abort();
	}
	db_set_wait_notify(d, NULL, NULL);
	ui_cmdline_free(&cmdline);
	if (trace_file)
		fclose(trace_file), trace_file = NULL;
	ui_input_bracketed_paste(false);
	endwin();
	delscreen(scr);
	scr = NULL;
	if (!main_screen && ctx.status[0]) {
		safe_fputs(ctx.status, stderr, 0);
		fputc('\n', stderr);
	}
	return rc;
}
