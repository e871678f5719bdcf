/* ui_doc.h — a read-only, scrollable document screen (cards and help): lines with a
 * role and an indent, wrapped to the width at draw time. */
#ifndef EMPIRIE_UI_DOC_H
#define EMPIRIE_UI_DOC_H

#include "ui/ui_screen.h"
#include "ui/ui_theme.h"

typedef struct ui_doc ui_doc;

ui_doc *ui_doc_create(void);
void ui_doc_free(ui_doc *d);
/* Add untrusted UTF-8 (may hold several lines). */
void ui_doc_add(ui_doc *d, th_role rl, int indent, const char *utf8);
/* "Label: value" with the label as a heading; nothing when value is empty. */
void ui_doc_field(ui_doc *d, const char *label, const char *value);
void ui_doc_addf(ui_doc *d, th_role rl, int indent, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A screen showing the document (it takes d over); kind is SC_CARD or SC_HELP. */
ui_screen *ui_doc_screen(ui_ctx *c, unsigned kind, const char *crumb, ui_doc *d);

#endif
