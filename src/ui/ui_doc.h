/* ui_doc.h — a read-only, scrollable document screen (cards and help): lines with a
 * role and an indent, wrapped to the width at draw time. */
#ifndef EMPIRIE_UI_DOC_H
#define EMPIRIE_UI_DOC_H

#include "ui/ui_screen.h"
#include "ui/ui_theme.h"

typedef struct ui_doc ui_doc;

/* What a link line of a card opens. */
typedef enum {
	LINK_NONE,
	LINK_NETWORK,            /* id: the network's number */
	LINK_CITY,
	LINK_THREAD,
	LINK_MEETING,
	LINK_PRACTICE,
	LINK_NEW_MEETING_THREAD, /* id: the meeting, which has no thread yet */
} ui_link_kind;

/* Which card a document screen shows (so it can rebuild itself and run the card's
 * own commands). */
typedef enum { CARD_NONE, CARD_NETWORK, CARD_CITY, CARD_PRACTICE, CARD_MEETING,
               CARD_REQUESTS /* feedback requests */,
               CARD_REPORT /* the network report (ui_report.c); id: the network, 0 all */ } ui_card_kind;

ui_doc *ui_doc_create(void);
void ui_doc_free(ui_doc *d);
/* Add untrusted UTF-8 (may hold several lines). */
void ui_doc_add(ui_doc *d, th_role rl, int indent, const char *utf8);
/* "Label: value" with the label as a heading; nothing when value is empty. */
void ui_doc_field(ui_doc *d, const char *label, const char *value);
void ui_doc_addf(ui_doc *d, th_role rl, int indent, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A line that opens something: ↑/↓ move between the links shown, Tab to the next one,
 * Enter opens it. */
void ui_doc_link(ui_doc *d, int indent, const char *utf8, ui_link_kind k, int64_t id);
/* A screen showing the document (it takes d over); kind is SC_CARD or SC_HELP. */
ui_screen *ui_doc_screen(ui_ctx *c, unsigned kind, const char *crumb, ui_doc *d);
/* Open the numbered list of the links in s[0..n) (a post), one a line and whole; or say
 * there are none. Cards list theirs with the same command. */
unsigned ui_links_show(ui_ctx *c, const wchar_t *s, size_t n);
/* A card: the document of card `card` about `id`, rebuilt when data change. */
ui_screen *ui_doc_card(ui_ctx *c, unsigned kind, ui_card_kind card, int64_t id,
                       const char *crumb, ui_doc *d);

/* Provided by the cards (ui_card.c): build a card's document (and its crumb), run a
 * command of a card screen, say which preconditions hold, open a link. */
ui_doc *ui_card_build(ui_ctx *c, ui_card_kind card, int64_t id, char *crumb, size_t n);
unsigned ui_card_command(ui_ctx *c, ui_card_kind card, int64_t id, ui_cmd_id cmd);
/* What the card's keys may do now (PRE_*): asks the store, so taken when the card is
 * built and when it reloads, never per draw. */
unsigned ui_card_pre(ui_ctx *c, ui_card_kind card, int64_t id);
unsigned ui_link_open(ui_ctx *c, ui_link_kind k, int64_t id);
/* The report card's document (ui_report.c). */
ui_doc *ui_report_build(ui_ctx *c, int number, char *crumb, size_t n);

#endif
