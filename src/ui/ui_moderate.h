/* ui_moderate.h — moderation in the reader (coordinators of the network,
 * administrators): hide or show a post, lock or open, pin or unpin the thread; hiding
 * and locking ask for the reason on the status line. */
#ifndef EMPIRIE_UI_MODERATE_H
#define EMPIRIE_UI_MODERATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "core/forum.h"
#include "ui/ui_cmd.h"
#include "ui/ui_editor.h"
#include "ui/ui_screen.h"

enum ui_mod_ask { UI_ASK_NONE, UI_ASK_HIDE, UI_ASK_LOCK };

/* The question on the status line whose answer is typed. Zeroed: none. */
typedef struct {
	enum ui_mod_ask asking;
	ed_buf answer;     /* the reason being typed */
	int64_t ask_post;  /* the post the question is about */
	bool need_reason;  /* Enter was pressed with no reason: ask again, saying why */
} ui_mod_prompt;

/* CMD_HIDE (the current post), CMD_LOCK or CMD_PIN (thread t): done at once, or the
 * reason asked for. */
unsigned ui_mod_command(ui_mod_prompt *m, ui_ctx *c, ui_cmd_id cmd, const thread *t,
                        const post *cur);
bool ui_mod_asking(const ui_mod_prompt *m);
/* A key while the reason is typed: Enter does it, Esc cancels, text is taken. */
unsigned ui_mod_key(ui_mod_prompt *m, ui_ctx *c, int64_t thread_id, int key);
/* A paste into the reason (cut at its length). */
unsigned ui_mod_paste(ui_mod_prompt *m, ui_ctx *c, const wchar_t *text, size_t n);
void ui_mod_free(ui_mod_prompt *m);

#endif
