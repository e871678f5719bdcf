/* mbox.h — the discussions as a standard mbox (mboxrd), one message per post with
 * Message-ID, In-Reply-To and References, so any mail client can read the archive. */
#ifndef EMPIRIE_CORE_MBOX_H
#define EMPIRIE_CORE_MBOX_H

#include <stdio.h>

#include "core/account.h"
#include "core/db.h"

/* Every post the account may see, in network `number` (0 = all), thread by thread in
 * reading order. Text is UTF-8, made harmless (no control sequences). */
status export_mbox(db *d, const account *a, int number, FILE *out, error *e);

#endif
