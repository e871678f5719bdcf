/* ui_records.h — editing good practices and meetings: the labelled-text templates
 * (ui_fields.h) in the ordinary editor (who may add or change which is core's:
 * perm_can_edit_practice, perm_can_edit_meetings in core/account.h). */
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

#endif
