/* ui_records.h — editing good practices and meetings: the labelled-text templates
 * (ui_fields.h) in the ordinary editor, and who may add or change which. */
#ifndef EMPIRIE_UI_RECORDS_H
#define EMPIRIE_UI_RECORDS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/directory.h"
#include "ui/ui_screen.h"

/* Edit practice id, or add one (id 0) for town city_id (0: the account's town). */
ui_screen *ui_practice_editor(ui_ctx *c, int64_t id, int64_t city_id);
/* Edit meeting id, or add one (id 0) to network `number`. */
ui_screen *ui_meeting_editor(ui_ctx *c, int64_t id, int number);

/* A network the account may add meetings to: `preferred` when it may, else the first
 * such network; 0 when none. */
int ui_meeting_network_for_new(ui_ctx *c, int preferred);
/* Whether the account may change meeting m. */
bool ui_meeting_editable(ui_ctx *c, const meeting *m);

#endif
