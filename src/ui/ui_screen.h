/* ui_screen.h — the screen stack: each screen is a small "class" (a table of
 * functions), key handlers return reaction flags and never draw; ui_app.c applies
 * the flags and redraws. */
#ifndef EMPIRIE_UI_SCREEN_H
#define EMPIRIE_UI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "core/account.h"
#include "core/changes.h"
#include "core/db.h"
#include "core/error.h"
#include "core/readmark.h"
#include "ui/ui.h"
#include "ui/ui_cmd.h"

/* Reactions a handler asks the main loop for. */
enum {
	UI_R_NONE = 0,
	UI_R_REDRAW = 1u << 0,   /* draw again */
	UI_R_PUSH = 1u << 1,     /* open ctx->push on top */
	UI_R_POP = 1u << 2,      /* close this screen */
	UI_R_QUIT = 1u << 3,     /* leave the program */
	UI_R_RELOAD = 1u << 4,   /* data changed here: every screen reloads its rows */
	UI_R_UNHANDLED = 1u << 5 /* not mine: the main loop may handle it */
};

typedef struct ui_screen ui_screen;
typedef struct ui_ctx ui_ctx;

/* The body area a screen draws in (rows between the title and the status line). */
typedef struct {
	int y, x, h, w;
} ui_rect;

/* How much of a screen's drawing a change by others made out of date (issue 20: a post
 * elsewhere must cost a session little; drawing is most of that cost). */
typedef enum {
	UI_SHOWN_SAME,  /* nothing it draws (the title line's counts are not its own) */
	UI_SHOWN_PARTS, /* some of it: draw_parts draws them over the rest */
	UI_SHOWN_ALL,   /* draw it whole again */
} ui_shown;

typedef struct {
	unsigned kind; /* SC_* for the command table */
	void (*draw)(ui_screen *s, ui_ctx *c, ui_rect r);
	/* A command from the table (key already mapped), or CMD_NONE with the raw key. */
	unsigned (*key)(ui_screen *s, ui_ctx *c, ui_cmd_id cmd, int key);
	/* Sizes changed: keep selection and place, fit to r. */
	void (*resize)(ui_screen *s, ui_ctx *c, ui_rect r);
	/* The data may have changed (another connection, or our own write). */
	void (*reload)(ui_screen *s, ui_ctx *c);
	/* Other sessions changed what cs names (never "shared": then reload is called):
	 * load again only what this screen shows of it, and say how much of its drawing
	 * that changed. NULL: reload on any network or thread change (UI_SHOWN_ALL). */
	ui_shown (*changed)(ui_screen *s, ui_ctx *c, const change_set *cs);
	/* Draw over what is on the screen the parts that `changed` said changed
	 * (UI_SHOWN_PARTS), in the rect of the last draw; NULL: the screen never says so. */
	void (*draw_parts)(ui_screen *s, ui_ctx *c);
	/* Which PRE_* hold now. */
	unsigned (*pre)(ui_screen *s, ui_ctx *c);
	/* Append this screen's part of the breadcrumb. */
	void (*crumb)(ui_screen *s, ui_ctx *c, char *buf, size_t n);
	/* Called about once a second and after each key (drafts, read marks); returns
	 * reactions (UI_R_REDRAW when something shown changed); may be NULL. */
	unsigned (*tick)(ui_screen *s, ui_ctx *c);
	/* True when printable keys are text for an input field (not commands); may be NULL. */
	bool (*wants_text)(ui_screen *s);
	/* A bracketed paste (raw text: the screen drops what its field cannot hold); may be
	 * NULL (nothing to paste into). */
	unsigned (*paste)(ui_screen *s, ui_ctx *c, const wchar_t *text, size_t n);
	/* A mouse click in the body; may be NULL. */
	unsigned (*click)(ui_screen *s, ui_ctx *c, int y, int x);
	/* About to exit on a signal: save what must not be lost; may be NULL. */
	void (*save)(ui_screen *s, ui_ctx *c);
	void (*destroy)(ui_screen *s);
} ui_screen_ops;

struct ui_screen {
	const ui_screen_ops *ops;
	ui_screen *below;
	int cur_y, cur_x; /* where the hardware cursor goes (set by draw), -1: nowhere */
};

struct ui_ctx {
	db *d;
	account *me;
	const ui_options *opt;
	ui_screen *top;
	ui_screen *push;     /* the screen a handler asks to open */
	char status[800];    /* one-line message, shown until the next key */
	bool status_error;
	char prompt[400];    /* a question being asked (drawn on the status line) */
	int64_t unread_total;
	/* Unread posts per network as of the last ui_refresh_unread (network ids), so the
	 * screens showing them take them from here instead of asking again. */
	struct ui_unread_net {
		int64_t network_id, unread;
	} *unread_nets;
	size_t n_unread_nets, cap_unread_nets;
	int64_t requests_waiting; /* open feedback requests the account answers (feedback.h) */
	char data_label[160]; /* what kind of data this is, when not the live directory */
	read_marks last_marking; /* what the last "mark read" replaced, for its undo */
	bool asking_quit;        /* the status line asks whether to quit (unsent drafts) */
};

/* How long a write on the side (a read mark, an autosaved draft) waits for another
 * program's write before trying again later, in ms: the screen must not stop for the
 * full busy wait (DB_WAIT_MS) that a send or a save is given. */
#define UI_QUIET_WAIT_MS 150
/* Set the status line (fmt is ours, translated; arguments are untrusted). */
void ui_status(ui_ctx *c, bool is_error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Show an error value on the status line. */
void ui_status_error(ui_ctx *c, const error *e);
/* Run a command of the table on the top screen as its key would (preconditions checked);
 * for the : command line. */
unsigned ui_run_command(ui_ctx *c, ui_cmd_id cmd, int key);
/* Open screen s on top (returns the reaction to return from a handler). */
unsigned ui_open(ui_ctx *c, ui_screen *s);
/* Back from endwin (another program had the terminal): curses again, never sized
 * beyond the largest area drawn (ui_app.c). */
void ui_resume_curses(void);
/* Count the unread posts again for the title line. */
void ui_refresh_unread(ui_ctx *c);
/* The unread count of one network as of the last ui_refresh_unread (-1: not known). */
int64_t ui_unread_of(const ui_ctx *c, int64_t network_id);
/* Mark a thread (by id), a network (by id) or everything read, remembering what it
 * replaced for ui_undo_marking (ui_readmark.c); the status line says what was done. */
unsigned ui_mark_read(ui_ctx *c, mark_scope scope, int64_t id);
unsigned ui_undo_marking(ui_ctx *c);
/* A line in the reload trace: EMPIRIE_TRACE_RELOADS=FILE (a new file) records what
 * each session loads again and why, for the tests and the capacity benchmark. */
void ui_trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Append to a breadcrumb buffer with a separator. */
void ui_crumb_add(char *buf, size_t n, const char *part);

/* The screens. Each returns NULL (with the status set) when it cannot open. */
ui_screen *ui_main_new(ui_ctx *c);
/* The network the main screen s shows (0: none, or s is another screen). */
int ui_main_network(const ui_screen *s);
ui_screen *ui_help_new(ui_ctx *c, unsigned kind);
ui_screen *ui_card_network(ui_ctx *c, int number);
ui_screen *ui_card_city(ui_ctx *c, int64_t city_id);
/* The network report (issue 22): network `number`, or every network with 0. */
ui_screen *ui_report_new(ui_ctx *c, int number);
/* The feedback requests, those waiting for the account's opinion first. */
ui_screen *ui_card_requests(ui_ctx *c);
/* Open a thread; at_post 0 = from the start. */
ui_screen *ui_reader_new(ui_ctx *c, int64_t thread_id, int64_t at_post);
ui_screen *ui_search_new(ui_ctx *c);
ui_screen *ui_card_practice(ui_ctx *c, int64_t id);
ui_screen *ui_card_meeting(ui_ctx *c, int64_t id);
/* The good-practice library, filtered by network number and/or town (0: any). */
ui_screen *ui_practices_new(ui_ctx *c, int network, int64_t city_id);
/* Meetings, of one network and/or with one town (0: any), newest first. */
ui_screen *ui_meetings_new(ui_ctx *c, int network, int64_t city_id);
/* The towns view: every town, filtered (by network `network`, 0: any, to begin with),
 * each opening its card. */
ui_screen *ui_towns_new(ui_ctx *c, int network);

#endif
