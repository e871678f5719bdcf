/* ui_moderate.c — see ui_moderate.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text/strbuf.h"
#include "ui/ui_moderate.h"
#include "ui/ui_text.h"

#define REASON_MAX 200 /* characters of a moderation reason typed at the prompt */

static void set_prompt(ui_mod_prompt *r, ui_ctx *c)
{
	const char *q = r->asking == UI_ASK_HIDE && r->need_reason
	                        ? _("A reason is needed: members see it instead of the post. Why "
	                            "hide it? Esc cancels: ")
	                : r->asking == UI_ASK_HIDE
	                        ? _("Why hide this post? Enter hides it, Esc cancels: ")
	                        : _("Why lock the thread (may stay empty)? Enter locks it, Esc "
	                            "cancels: ");
	/* A reason longer than the line shows its end, where the typing is. */
	const ed_line *l = &r->answer.lines[0];
	int room = COLS - 3 - ui_width(q);
	size_t start = 0;
	while (start < l->len && room > 2 && ui_wcs_cols(l->s + start, l->len - start) > room)
		start++;
	char *typed = ui_wcs_to_utf8(l->s + start, l->len - start);
	str_fitf(c->prompt, sizeof c->prompt, "%s%s%s", q, start ? "…" : "", typed ? typed : "");
	free(typed);
}

static void ask_reason(ui_mod_prompt *r, ui_ctx *c, enum ui_mod_ask a, int64_t post_id)
{
	ed_free(&r->answer);
	if (!ed_init(&r->answer, "")) {
		ui_status(c, true, "%s", _("Out of memory"));
		return;
	}
	r->asking = a;
	r->ask_post = post_id;
	r->need_reason = false;
	set_prompt(r, c);
}

static void end_ask(ui_mod_prompt *r, ui_ctx *c)
{
	r->asking = UI_ASK_NONE;
	c->prompt[0] = '\0';
}

/* Carry out what the prompt asked about, with the typed reason. */
static unsigned do_asked(ui_mod_prompt *r, ui_ctx *c, int64_t thread_id)
{
	char *reason = ed_text(&r->answer);
	if (!reason) {
		ui_status(c, true, "%s", _("Out of memory"));
		return UI_R_REDRAW;
	}
	error e;
	status st;
	bool blank = strspn(reason, " \t") == strlen(reason);
	if (r->asking == UI_ASK_HIDE && blank) {
		free(reason);
		r->need_reason = true;
		set_prompt(r, c);
		return UI_R_REDRAW; /* keep asking */
	}
	enum ui_mod_ask a = r->asking;
	end_ask(r, c);
	if (a == UI_ASK_HIDE)
		st = forum_hide_post(c->d, c->me, r->ask_post, true, reason, &e);
	else
		st = forum_moderate_thread(c->d, c->me, thread_id, MOD_LOCK, reason, &e);
	free(reason);
	if (st != ST_OK) {
		ui_status_error(c, &e);
		return UI_R_REDRAW;
	}
	ui_status(c, false, "%s", a == UI_ASK_HIDE
	                                  ? _("The post is hidden: members see the reason instead.")
	                                  : _("The thread is locked: only coordinators can reply."));
	return UI_R_REDRAW | UI_R_RELOAD;
}

unsigned ui_mod_key(ui_mod_prompt *r, ui_ctx *c, int64_t thread_id, int key)
{
	switch (key) {
	case '\n': case '\r': case UI_KFN | KEY_ENTER:
		return do_asked(r, c, thread_id);
	case K_ESC: case K_CTRL('c'): case K_CTRL('g'):
		end_ask(r, c);
		ui_status(c, false, "%s", _("Cancelled; nothing was changed."));
		return UI_R_REDRAW;
	case UI_KFN | KEY_BACKSPACE: case 127: case 8:
		ed_backspace(&r->answer);
		break;
	case UI_KFN | KEY_LEFT:
		if (r->answer.cx)
			r->answer.cx--;
		break;
	case UI_KFN | KEY_RIGHT:
		if (r->answer.cx < r->answer.lines[0].len)
			r->answer.cx++;
		break;
	default:
		if ((key & UI_KFN) || key < 32 || key == 127 ||
		    (key >= 0x202a && key <= 0x202e) || (key >= 0x2066 && key <= 0x2069))
			break; /* not text: the question stays */
		if (r->answer.lines[0].len >= REASON_MAX)
			ui_status(c, true, ngettext("A reason holds at most %d character; the rest was not taken.",
			                            "A reason holds at most %d characters; the rest was not taken.",
			                            REASON_MAX), REASON_MAX);
		else
			ed_insert(&r->answer, (wchar_t)key);
		break;
	}
	set_prompt(r, c);
	return UI_R_REDRAW;
}

unsigned ui_mod_command(ui_mod_prompt *r, ui_ctx *c, ui_cmd_id cmd, const thread *t,
                        const post *cur)
{
	error e;
	status st;
	const char *done;
	if (cmd == CMD_HIDE) {
		if (!cur)
			return UI_R_REDRAW;
		if (!cur->hidden) {
			ask_reason(r, c, UI_ASK_HIDE, cur->id);
			return UI_R_REDRAW;
		}
		st = forum_hide_post(c->d, c->me, cur->id, false, "", &e);
		done = _("The post is shown again.");
	} else if (cmd == CMD_LOCK) {
		if (!t->locked) {
			ask_reason(r, c, UI_ASK_LOCK, 0);
			return UI_R_REDRAW;
		}
		st = forum_moderate_thread(c->d, c->me, t->id, MOD_UNLOCK, "", &e);
		done = _("The thread is open again: everyone may reply.");
	} else {
		bool pin = !t->pinned;
		st = forum_moderate_thread(c->d, c->me, t->id, pin ? MOD_PIN : MOD_UNPIN, "", &e);
		done = pin ? _("The thread is pinned at the top of its network.")
		           : _("The thread is no longer pinned.");
	}
	if (st != ST_OK) {
		ui_status_error(c, &e);
		return UI_R_REDRAW;
	}
	ui_status(c, false, "%s", done);
	return UI_R_REDRAW | UI_R_RELOAD;
}

bool ui_mod_asking(const ui_mod_prompt *m)
{
	return m->asking != UI_ASK_NONE;
}

unsigned ui_mod_paste(ui_mod_prompt *r, ui_ctx *c, const wchar_t *text, size_t n)
{
	ed_insert_text(&r->answer, text, n, true);
	if (r->answer.lines[0].len > REASON_MAX) {
		r->answer.lines[0].len = REASON_MAX;
		if (r->answer.cx > REASON_MAX)
			r->answer.cx = REASON_MAX;
		ui_status(c, true, ngettext("A reason holds at most %d character; the rest was not taken.",
		                            "A reason holds at most %d characters; the rest was not taken.",
		                            REASON_MAX), REASON_MAX);
	}
	set_prompt(r, c);
	return UI_R_REDRAW;
}

void ui_mod_free(ui_mod_prompt *m)
{
	ed_free(&m->answer);
}
