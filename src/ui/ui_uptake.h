/* ui_uptake.h — a town takes up a good practice, from the practice's card (U, F7): the
 * town (when the account may record for several), how far it got, what it changed and
 * the threads where it asked about it; and those on the card. Every write is
 * uptake_save's or uptake_remove's (uptake.h): the CLI's rights and audit. */
#ifndef EMPIRIE_UI_UPTAKE_H
#define EMPIRIE_UI_UPTAKE_H

#include <stdint.h>

#include "core/uptake.h"
#include "ui/ui_doc.h"
#include "ui/ui_screen.h"

/* CMD_TAKE_UP on the card of practice id. */
unsigned ui_uptake_take_up(ui_ctx *c, int64_t practice_id);
/* The card's part: which towns took practice id up, how far they got, what they
 * changed and where they asked. */
void ui_uptake_card(ui_ctx *c, ui_doc *d, int64_t practice_id);
/* Under one record's line (on either card): the fields uptake_fields.h puts there (what
 * the town changed, the threads where it asked, as links). */
void ui_uptake_details(ui_ctx *c, ui_doc *d, const uptake *u, int indent);

#endif
