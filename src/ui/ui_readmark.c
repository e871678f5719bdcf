/* ui_readmark.c — the "mark read" commands of the thread list and the reader, and the
 * undo of the last one (the store does the work: readmark.h). */
#include "config.h"

#include "i18n.h"
#include "ui/ui_screen.h"

unsigned ui_mark_read(ui_ctx *c, mark_scope scope, int64_t id)
{
	read_marks m;
	error e;
	if (readmark_mark(c->d, c->me, scope, id, &m, &e) != ST_OK) {
		ui_status_error(c, &e);
		return UI_R_REDRAW;
	}
	if (!m.n) {
		/* Nothing changed: the undo of the marking before stays available. */
		ui_status(c, false, "%s", _("Nothing unread here."));
		read_marks_free(&m);
		return UI_R_REDRAW;
	}
	read_marks_free(&c->last_marking);
	c->last_marking = m;
	ui_status(c, false,
	          ngettext("Marked %lld post read. U: undo", "Marked %lld posts read. U: undo",
	                   (unsigned long)m.posts),
	          (long long)m.posts);
	ui_refresh_unread(c);
	return UI_R_RELOAD | UI_R_REDRAW;
}

unsigned ui_undo_marking(ui_ctx *c)
{
	error e;
	if (!c->last_marking.n) {
		ui_status(c, false, "%s", _("There is no marking read to undo."));
		return UI_R_REDRAW;
	}
	if (readmark_restore(c->d, c->me, &c->last_marking, &e) != ST_OK) {
		ui_status_error(c, &e);
		return UI_R_REDRAW;
	}
	ui_status(c, false,
	          ngettext("Undone: %lld post is unread again.", "Undone: %lld posts are unread again.",
	                   (unsigned long)c->last_marking.posts),
	          (long long)c->last_marking.posts);
	read_marks_free(&c->last_marking);
	ui_refresh_unread(c);
	return UI_R_RELOAD | UI_R_REDRAW;
}
