/* ui_chrome.c — the lines around every screen: the title (where you are, who you
 * are, what is unread, and the counts of unread posts it and the screens show) and the
 * status line (a message, a prompt, the : command line). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/directory.h"
#include "core/feedback.h"
#include "i18n.h"
#include "text/safe.h"
#include "text/strbuf.h"
#include "ui/ui_chrome.h"
#include "ui/ui_text.h"
#include "ui/ui_theme.h"

static void keep_unread(void *arg, int64_t network_id, int64_t unread)
{
	ui_ctx *c = arg;
	if (c->n_unread_nets == c->cap_unread_nets) {
		size_t cap = c->cap_unread_nets ? 2 * c->cap_unread_nets : 16;
		void *grown = realloc(c->unread_nets, cap * sizeof *c->unread_nets);
		if (!grown)
			return; /* (ui_unread_of then says "not known" for this one) */
		c->unread_nets = grown;
		c->cap_unread_nets = cap;
	}
	c->unread_nets[c->n_unread_nets].network_id = network_id;
	c->unread_nets[c->n_unread_nets++].unread = unread;
}

/* One query for both the title's total and every network's count (issue 20: a post
 * elsewhere used to run it twice in every session). */
void ui_refresh_unread(ui_ctx *c)
{
	ui_trace("unread");
	error e;
	int64_t n = 0;
	c->n_unread_nets = 0;
	if (directory_networks_unread(c->d, c->me, keep_unread, c, &n, &e) != ST_OK) {
		c->n_unread_nets = 0;
		n = 0;
	}
	c->unread_total = n > 0 ? n : 0;
	c->requests_waiting = feedback_waiting(c->d, c->me);
}

int64_t ui_unread_of(const ui_ctx *c, int64_t network_id)
{
	for (size_t i = 0; i < c->n_unread_nets; i++)
		if (c->unread_nets[i].network_id == network_id)
			return c->unread_nets[i].unread;
	return -1;
}

void ui_draw_title(ui_ctx *c, int64_t online_count)
{
	char who[512];
	ui_screen *stack[64];
	int n = 0;
	for (ui_screen *s = c->top; s && n < 64; s = s->below)
		stack[n++] = s;
	/* Each screen's steps apart, then joined at any length: the screens shown last are
	 * at the end, which is what the line keeps when it is too long (below). */
	strbuf steps = STRBUF_INIT;
	while (n-- > 0) {
		char part[1024] = "";
		if (stack[n]->ops->crumb)
			stack[n]->ops->crumb(stack[n], c, part, sizeof part);
		if (*part && steps.len)
			strbuf_append(&steps, " › ");
		strbuf_append(&steps, part);
	}
	char *steps_text = strbuf_take(&steps);
	const char *crumb = steps_text ? steps_text : "…"; /* out of memory */
	char unread[128];
	snprintf(unread, sizeof unread,
	         ngettext("%lld unread post", "%lld unread posts", (unsigned long)c->unread_total),
	         (long long)c->unread_total);
	/* Coordinators and administrators see how many sessions are open, when the line has
	 * room for it beside the whole breadcrumb: where you are matters more (below). */
	char online[64] = "";
	if (online_count >= 0)
		snprintf(online, sizeof online,
		         ngettext(" · online: %lld", " · online: %lld", (unsigned long)online_count),
		         (long long)online_count);
	/* Coordinators and experts: the requests waiting for their opinion come first. */
	char waiting[128] = "";
	if (c->requests_waiting > 0)
		snprintf(waiting, sizeof waiting,
		         ngettext("%lld request waits for feedback · ", "%lld requests wait for feedback · ",
		                  (unsigned long)c->requests_waiting),
		         (long long)c->requests_waiting);
	str_fitf(who, sizeof who, "%s%s%s (%s) · %s%s", c->data_label, c->data_label[0] ? " · " : "",
	         c->me->display_name ? c->me->display_name : "", role_label(c->me->role), waiting,
	         unread);
	if (online[0] && ui_width(who) + ui_width(online) + 5 + ui_width(crumb) <= COLS) {
		size_t u = strlen(who);
		str_fitf(who + u, sizeof who - u, "%s", online);
	}
	theme_set(stdscr, TH_TITLE);
	ui_fill(stdscr, 0, 0, COLS);
	int ww = ui_width(who);
	if (ww > COLS * 2 / 3)
		ww = COLS * 2 / 3;
	/* A bar and spaces keep where you are apart from who you are. */
	int room = COLS - ww - 5;
	/* What does not fit goes by whole steps from the left ("… › Threads"): the end
	 * says where you are, and no name is cut in its middle. A last step that is too
	 * long alone is cut at its end. */
	wchar_t *w = safe_wcs(crumb, (size_t)-1, 0);
	if (w && room > 1) {
		size_t len = wcslen(w), start = 0;
		static const wchar_t sep[] = L" › ";
		const size_t sl = sizeof sep / sizeof sep[0] - 1;
		bool cut_left = false;
		while (safe_wcs_width(w + start, (size_t)-1) + (cut_left ? 1 + (int)sl : 0) > room) {
			wchar_t *next = wcsstr(w + start, sep);
			if (!next)
				break;
			start = (size_t)(next - w) + sl;
			cut_left = true;
		}
		int x = 1;
		if (cut_left) {
			x += ui_put(stdscr, 0, x, "…", 1);
			mvaddnwstr(0, x, sep, (int)sl);
			x += (int)sl;
		}
		int left = room - (x - 1);
		if (safe_wcs_width(w + start, (size_t)-1) > left) {
			size_t fit = safe_wcs_fit(w + start, left - 1);
			mvaddnwstr(0, x, w + start, (int)fit);
			ui_put(stdscr, 0, x + safe_wcs_width(w + start, fit), "…", 1);
		} else if (start < len) {
			mvaddnwstr(0, x, w + start, (int)(len - start));
		}
	}
	free(w);
	free(steps_text);
	if (room > 1)
		theme_vline(stdscr, 0, COLS - ww - 3, 1); /* the one way lines are drawn */
	ui_put(stdscr, 0, COLS - ww - 1, who, ww);
	theme_set(stdscr, TH_NORMAL);
}

/* A status message longer than the line wraps at spaces onto the rows above it (over
 * the body's last rows, until the next drawing), up to 3 rows; never cut mid-word. */
static void draw_status_text(int y, const char *msg)
{
	size_t n;
	wchar_t *w = ui_utf8_to_wcs(msg, &n);
	ui_spans sp = { 0 };
	if (!w || !ui_wrap(w, n, COLS - 2, 0, &sp) || sp.n <= 1) {
		ui_put(stdscr, y, 1, msg, COLS - 2);
	} else {
		size_t rows = sp.n > 3 ? 3 : sp.n;
		for (size_t i = 0; i < rows; i++) {
			int row = y - (int)(rows - 1 - i);
			move(row, 0);
			clrtoeol();
			ui_fill(stdscr, row, 0, COLS);
			ui_putw_cut(stdscr, row, 1, w + sp.items[i].start,
			            i + 1 == rows && sp.n > rows ? n - sp.items[i].start : sp.items[i].len,
			            COLS - 2);
		}
	}
	ui_spans_free(&sp);
	free(w);
}

void ui_draw_status(ui_ctx *c, ui_cmdline *cmdline, int clipped_cols, int clipped_lines)
{
	int y = LINES - 2;
	move(y, 0);
	clrtoeol();
	if (cmdline->typing) {
		/* The candidates of a Tab stay above the line. */
		if (c->status[0]) {
			theme_set(stdscr, c->status_error ? TH_ERROR : TH_STATUS);
			move(y - 1, 0);
			clrtoeol();
			ui_fill(stdscr, y - 1, 0, COLS);
			draw_status_text(y - 1, c->status);
		}
		int x;
		ui_cmdline_draw(cmdline, y, &x);
		c->top->cur_y = y, c->top->cur_x = x;
	} else if (c->prompt[0]) {
		theme_set(stdscr, TH_PROMPT);
		ui_fill(stdscr, y, 0, COLS);
		ui_put(stdscr, y, 1, c->prompt, COLS - 2);
	} else if (c->status[0]) {
		theme_set(stdscr, c->status_error ? TH_ERROR : TH_STATUS);
		draw_status_text(y, c->status);
	} else if (clipped_cols) {
		char msg[200];
		snprintf(msg, sizeof msg, _("The window is larger than the program draws: only "
		                            "%d×%d of it is used."), clipped_cols, clipped_lines);
		theme_set(stdscr, TH_STATUS);
		ui_put(stdscr, y, 1, msg, COLS - 2);
	}
	theme_set(stdscr, TH_NORMAL);
}

