/* ui_feedback.h — feedback requests on screen (issue 22): the list of requests (the
 * ones waiting for the account's opinion first), the request's lines in the reader,
 * the network card's figures, and the editor that starts a request. */
#ifndef EMPIRIE_UI_FEEDBACK_H
#define EMPIRIE_UI_FEEDBACK_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/ui_doc.h"
#include "ui/ui_screen.h"

/* The requests card's document. */
ui_doc *ui_feedback_build(ui_ctx *c, char *crumb, size_t n);
/* The network card's "Feedback requests" field. */
void ui_feedback_network_field(ui_ctx *c, ui_doc *d, int number);
/* Whether the account may ask for feedback in network `number` (0: in any). */
bool ui_feedback_may_ask(ui_ctx *c, int number);
/* The editor of a new request in network `number` (0: the first of the account's town). */
ui_screen *ui_feedback_editor(ui_ctx *c, int number);
/* The reader's line about thread_id when it is a request (NULL otherwise); newly
 * allocated. */
char *ui_feedback_line(ui_ctx *c, int64_t thread_id, int64_t *accepted_post);
/* Mark post_id as the answer that helped (status line says what happened). */
unsigned ui_feedback_accept(ui_ctx *c, int64_t post_id);

#endif
